"""Agreements signed or reached: their own relation, never a meeting.

"Washington and Moscow signed a memorandum", "Russia inked an agreement with
Turkey": the subject's actors and the "with" actors of an agreement verb whose
object is an agreement noun.
"""
from __future__ import annotations

from graphkit.actors.spans import actor_index
from graphkit.records import Relation
from graphkit.tokens import token_hits

from .lexicon import LEXICON
from .participants import Resolver, clause_subject

AGREEMENT_VERBS = LEXICON["agreement_verbs"]
AGREEMENT_NOUNS = LEXICON["agreement_nouns"]


def extract_agreements(doc) -> list[Relation]:
    """Agreements between actors stated in the Doc (kind "agreement")."""
    verbs = [t for t in token_hits(doc, AGREEMENT_VERBS, "LEMMA") if t.pos_ == "VERB"]
    if not verbs:
        return []
    resolver = Resolver(doc, actor_index(doc))
    out = []
    for t in verbs:
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in AGREEMENT_NOUNS for c in t.children):
            continue
        sides = [p for s in clause_subject(t) for p in resolver.actors(s)]
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                sides.extend(p for o in c.children if o.dep_ == "pobj" for p in resolver.actors(o))
        names = list(dict.fromkeys(p.name for p in sides if p.type != "location"))
        if len(names) >= 2:
            sent = t.sent
            out.append(Relation("agreement", names, sent.text.strip(), [[sent.start_char, sent.end_char]]))
    return out
