"""Personal pronouns as mentions of the person they refer to.

"he", "his", "him", "she", "her" refer to the last person named before them in
the sentence; a possessive one ("his", "her") before the subject, to the
person who is the sentence's subject ("After his meeting with X, Y said"); else, where the parser lost that subject, to the
person named last before the main verb who is not the one the pronoun's own
phrase names; else to the last person who is the subject of one of the two sentences before,
else to the last person named there.  A
pronoun with no such person stays unresolved (no span).  Pronouns resolved in
the sentences before count as mentions of their person ("Quentin Davies ...
He was not hurt ... He was in Kenya").
"""
from __future__ import annotations

from graphkit.tokens import token_hits

from .lexicon import LEXICON
from .mention import ArticleState, Mention

PRONOUNS = LEXICON["personal_pronouns"]
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
POSSESSIVES = ("his", "her")


def _named_with(state: ArticleState, head) -> set[str]:
    """Persons named in the "with/between" phrases of ``head`` ("his meeting with X": not X)."""
    out = set()
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "between"):
            for x in c.children:
                m = state.at(x.i)
                if x.dep_ == "pobj" and m is not None and m.type == "person":
                    out.add(m.actor)
    return out


def antecedent(state: ArticleState, pron) -> str | None:
    persons = [m for m in state.mentions if m.type == "person" and m.kind != "pronoun"]
    resolved = [m for m in state.mentions if m.type == "person"]  # pronouns resolved so far chain on
    sent = pron.sent
    before = [m for m in persons if sent.start <= m.start < pron.i]
    if before:
        return before[-1].actor
    if pron.lower_ not in POSSESSIVES or pron.dep_ in SUBJECTS:
        return _earlier(state, sent, resolved)  # a subject "he" continues an earlier sentence
    subjects = [c for c in sent.root.children if c.dep_ in SUBJECTS]
    for c in subjects:
        m = state.at(c.i)
        if m is not None and m.type == "person" and m.kind != "pronoun":
            return m.actor
    if not subjects and sent.root.i > pron.i:
        named = _named_with(state, pron.head)
        for m in reversed(persons):
            if pron.i < m.start < sent.root.i and m.actor not in named:
                return m.actor
    return _earlier(state, sent, resolved)


def _earlier(state: ArticleState, sent, resolved) -> str | None:
    doc = state.doc
    lo = sent.start
    for _ in range(2):
        if lo > 0:
            lo = doc[lo - 1].sent.start
    earlier = [m for m in resolved if lo <= m.start < sent.start]
    # the subject of an earlier sentence is what a new "he" most likely continues
    subjects = [m for m in earlier if doc[m.end - 1].dep_ in SUBJECTS]
    if subjects:
        return subjects[-1].actor
    return earlier[-1].actor if earlier else None


def add_pronouns(state: ArticleState) -> None:
    """A person mention (kind "pronoun") for each personal pronoun with an antecedent."""
    for t in token_hits(state.doc, PRONOUNS):
        if state.at(t.i) is not None:
            continue
        name = antecedent(state, t)
        if name is None or name not in state.actors:
            continue
        m = Mention(t.i, t.i + 1, "person", name, t.text, kind="pronoun")
        state.mentions.append(m)
        state.actors[name].mentions.append(m)
    state.index()
