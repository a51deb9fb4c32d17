"""Agreements signed or reached: recorded as their own relation, never as meetings.

"Washington and Moscow signed a memorandum", "Russia and Turkey inked an agreement".
"""
from __future__ import annotations

from graphkit.actors.resolve import ArticleActors, token_hits

from .meetings import _Sentence, load_triggers


def extract_agreements(res: ArticleActors) -> list[dict]:
    """Agreements between actors stated in the article (kind "agreement")."""
    trig = load_triggers()
    out = []
    for t in token_hits(res.doc, trig["agreement_verbs"], "LEMMA"):
        sent = t.sent
        ctx = _Sentence(res, sent, trig, [])
        if True:
            if t.pos_ != "VERB":
                continue
            if not any(c.dep_ == "dobj" and c.lemma_.lower() in trig["agreement_nouns"] for c in t.children):
                continue
            names = []
            for s in ctx.clause_subject(t):
                names.extend(ctx.actors_of(s))
            for o in ctx.prep_objects(t, ("with",)):
                names.extend(ctx.actors_of(o))
            names = list(dict.fromkeys(names))
            if len(names) >= 2:
                out.append({"kind": "agreement", "participants": names, "evidence": sent.text.strip(),
                            "spans": [[sent.start_char, sent.end_char]]})
    return out
