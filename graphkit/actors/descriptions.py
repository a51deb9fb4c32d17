"""Companies referred to by a description: "the Swiss exchange", "the French bidder".

"The <demonym or country> <company noun>" after the article has named exactly
one company of that country is that company ("Zurcher Borse ... The Swiss
exchange said it had held talks").  A person who speaks for a company ("the
Dutch banker") is that company too, and the company may be named later in
the same sentence ("... his talks with the Bank of Rotterdam"): the side in a
meeting is the bank, since the text gives the banker no name.  With none or
several such companies the phrase stays what the country layer made of it.
Government bodies and parties are not companies ("the British government" is a
body, composed elsewhere).
"""
from __future__ import annotations

from .gazetteer import fold
from .lexicon import LEXICON
from .mention import ArticleState, Mention

DESCRIPTION_NOUNS = LEXICON["company_descriptions"]
PERSON_NOUNS = LEXICON["company_person_descriptions"]
_ANY_NOUN = DESCRIPTION_NOUNS | PERSON_NOUNS


def _companies_before(state: ArticleState, country: str, before: int) -> set[str]:
    return {m.actor for m in state.mentions if m.type == "organization" and m.kind not in ("body", "party")
            and m.country == country and m.start < before and m.actor}


def add_descriptions(state: ArticleState) -> None:
    doc = state.doc
    found = []
    for m in state.mentions:
        if m.type != "country" or m.place or m.end >= len(doc) or m.start == 0:
            continue
        noun = doc[m.end]
        word = fold(noun.lemma_)
        if word not in _ANY_NOUN or noun.pos_ != "NOUN" or doc[m.start - 1].lower_ != "the":
            continue
        if m.end + 1 < len(doc) and doc[m.end + 1].pos_ in ("NOUN", "PROPN"):
            continue  # "the German bank holiday": the noun modifies another
        # a person speaks for a company named before or later in the sentence
        before = noun.sent.end if word in PERSON_NOUNS else m.start
        companies = _companies_before(state, m.actor, before)
        if len(companies) == 1:
            (name,) = companies
            found.append((m, Mention(m.start, m.end + 1, "organization", name, doc[m.start:m.end + 1].text,
                                     country=m.actor)))
    if not found:
        return
    old = {id(m) for m, _ in found}
    state.mentions = [m for m in state.mentions if id(m) not in old] + [new for _, new in found]
    state.index()
