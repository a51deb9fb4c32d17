"""Personal pronouns as mentions of the person they refer to.

"he", "his", "him", "she", "her" refer to the last person named before them in
the sentence; else to the person who is the sentence's subject ("After his
meeting with X, Y said"); else, where the parser lost that subject, to the
person named last before the main verb who is not the one the pronoun's own
phrase names; else to the last person named in the two sentences before.  A
pronoun with no such person stays unresolved (no span).
"""
from __future__ import annotations

from graphkit.tokens import token_hits

from .lexicon import LEXICON
from .mention import ArticleState, Mention

PRONOUNS = LEXICON["personal_pronouns"]
SUBJECTS = ("nsubj", "nsubjpass", "csubj")


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
    sent = pron.sent
    before = [m for m in persons if sent.start <= m.start < pron.i]
    if before:
        return before[-1].actor
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
    doc = state.doc
    lo = sent.start
    for _ in range(2):
        if lo > 0:
            lo = doc[lo - 1].sent.start
    earlier = [m for m in persons if lo <= m.start < sent.start]
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
