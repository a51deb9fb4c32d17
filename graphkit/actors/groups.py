"""Opposition and armed groups named by a common noun: "the opposition", "Syrian rebels".

Such a group is "<Demonym> opposition" of the country it faces: the country
modifying the noun, "rebels against X", else the government the sentence (then
the article) names most clearly ("regime" over "government" over
"administration").
"""
from __future__ import annotations

from collections import Counter

from graphkit.tokens import token_hits

from .lexicon import LEXICON
from .mention import ArticleState, Mention

GROUP_NOUNS = LEXICON["group_nouns"]
GOV_NOUNS = LEXICON["gov_nouns"]
GOV_WEIGHT = LEXICON["gov_weight"]
GROUP_HEADS = LEXICON["group_heads"]


def _government_weights(state: ArticleState, tokens) -> Counter:
    """Whose government do groups face? A "regime" most clearly, an "administration" least."""
    c = Counter()
    for t in tokens:
        w = GOV_WEIGHT.get(t.lower_)
        if not w:
            continue
        for x in t.subtree:
            m = state.at(x.i)
            if m and m.type == "country" and (x.head.i == t.i or x.head.head.i == t.i or t.lower_ == "regime"):
                c[m.actor] += w
    return c


def _faced_country(state: ArticleState, t) -> str | None:
    for c in t.children:
        m = state.at(c.i)
        if m and m.type == "country" and c.dep_ in ("amod", "compound", "poss", "nmod"):
            return m.actor
    if t.lower_ == "opposition" and state.at(t.head.i) is not None and state.at(t.head.i).type == "country":
        return state.at(t.head.i).actor
    for j in range(t.i - 1, max(t.i - 4, -1), -1):
        if state.doc[j].dep_ not in ("amod", "compound"):
            break
        m = state.at(j)
        if m and m.type == "country":
            return m.actor
    for c in t.children:  # "rebels against Syria"
        if c.dep_ == "prep" and c.lower_ == "against":
            for p in c.children:
                m = state.at(p.i)
                if m and m.type == "country":
                    return m.actor
    return None


def add_groups(state: ArticleState) -> None:
    doc = state.doc
    groups = token_hits(doc, GROUP_NOUNS)
    if not groups:
        return
    covered = state.covered()
    article_gov = _government_weights(state, token_hits(doc, GOV_NOUNS))
    sentence_gov: dict[int, str | None] = {}
    found = []
    for t in groups:
        if t.i in covered or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        if t.lower_ == "militant" and t.head.lower_ not in GROUP_HEADS:
            continue
        country = _faced_country(state, t)
        if country is None:
            sent = t.sent
            if sent.start not in sentence_gov:
                local = _government_weights(state, sent)
                sentence_gov[sent.start] = local.most_common(1)[0][0] if local else None
            country = sentence_gov[sent.start] or (article_gov.most_common(1)[0][0] if article_gov else None)
        if country is None:
            continue
        start, end = t.i, t.i + 1
        while start > 0 and state.at(start - 1) is not None and state.at(start - 1).type == "country" \
                and state.at(start - 1).actor == country:
            start -= 1
        if end < len(doc) and doc[end].lower_ in GROUP_HEADS:
            end += 1
        if t.lower_ == "militant" and t.head.lower_ in GROUP_HEADS:
            end = t.head.i + 1
        found.append(Mention(start, end, "organization", f"{state.gazetteer.demonym(country)} opposition",
                             doc[start:end].text))
        covered.update(range(start, end))
    state.mentions.extend(found)
    state.index()
