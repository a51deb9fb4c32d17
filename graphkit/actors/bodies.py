"""Government bodies named through their country: "Russia's Foreign Ministry", "the Syrian army".

A country (name or demonym) followed by a generic body noun from
``government_bodies.json`` ("Foreign Ministry", "air force", "central bank") is
that country's body, named "<demonym> <noun>" ("Russian Foreign Ministry") with
the country as its country.  Nouns that mean the government itself after a
country ("Government", "Presidency") give the country.  A bare body noun
("the Foreign Ministry") is the one body of that noun the article has named.
The body nouns come from the ``graphkit_body_nouns`` ruler (``doc.spans["body_nouns"]``).
"""
from __future__ import annotations

from collections import defaultdict

from .gazetteer import fold
from .lexicon import LEXICON
from .mention import ArticleState, Mention
from .ruler import BODY_NOUNS_KEY


COUNTRY_ITSELF = LEXICON["country_itself"]
VOICE_NOUNS = LEXICON["voice_nouns"]
_POSSESSIVE = ("'s", "’s")


def country_body(doc, start: int, end: int, gz, lookup) -> Mention | None:
    """An entity "<country> <body noun>" ("U.S. Agriculture Department", "U.K. Government"):
    the country's body, or the country itself for its government."""
    for k in range(start + 1, min(end, start + 4)):
        head = lookup(doc[start:k].text)
        if head is None or head.type != "country":
            continue
        tail = doc[k + 1 if doc[k].text in _POSSESSIVE else k:end].text
        noun = gz.body_nouns.get(fold(tail))
        if noun is None:
            return None
        if noun in COUNTRY_ITSELF:
            return Mention(start, end, "country", head.canonical, doc[start:end].text)
        return Mention(start, end, "organization", body_name(gz, head.canonical, noun), doc[start:end].text,
                       kind="body", country=head.canonical)
    return None


def body_name(gz, country: str, noun: str) -> str:
    """The name of a country's body: "<demonym> <noun>", or the table's name for it ("US House of
    Representatives" is the body the tables call "House of Representatives")."""
    name = f"{gz.demonym(country)} {noun}"
    entry = gz.lookup(name)
    return entry.canonical if entry is not None and entry.type == "body" and entry.country == country else name


def _modifier(tok) -> bool:
    """Is ``tok`` a modifier of another noun ("the Foreign Ministry spokesman")?"""
    if tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i


def _body_noun_spans(doc) -> dict[int, tuple[int, str]]:
    """start -> (end, canonical noun) of the longest body noun starting at each token."""
    out: dict[int, tuple[int, str]] = {}
    for s in doc.spans[BODY_NOUNS_KEY] if BODY_NOUNS_KEY in doc.spans else []:
        if s.start not in out or out[s.start][0] < s.end:
            out[s.start] = (s.end, s.id_)
    return out


def compose_bodies(state: ArticleState) -> None:
    """Country + body noun -> the country's body; bare body nouns -> the one body of that noun."""
    doc, gz = state.doc, state.gazetteer
    nouns = _body_noun_spans(doc)
    if not nouns:
        return
    by_start = {m.start: m for m in state.mentions}
    out, dropped = [], set()
    for m in state.mentions:
        if id(m) in dropped:
            continue
        if m.type == "country" and not m.place:
            j = m.end + (m.end < len(doc) and doc[m.end].text in _POSSESSIVE)
            if j in nouns and nouns[j][1] not in COUNTRY_ITSELF and not (
                    _modifier(doc[nouns[j][0] - 1]) and doc[nouns[j][0] - 1].head.lower_ not in VOICE_NOUNS):
                end, noun = nouns[j]
                inner = by_start.get(j)  # a table entry swallowed by the noun ("Foreign Office")
                if inner is not None:
                    dropped.add(id(inner))
                out.append(Mention(m.start, end, "organization", body_name(gz, m.actor, noun),
                                   doc[m.start:end].text, kind="body", country=m.actor))
                continue
        out.append(m)
    out = [m for m in out if id(m) not in dropped]
    covered = {i for m in out for i in range(m.start, m.end)}
    named = defaultdict(set)
    for m in out:
        if m.type == "organization" and m.country:
            for noun in {n for _, n in nouns.values()}:
                if m.actor.endswith(noun):
                    named[noun].add((m.actor, m.country))
    for start, (end, noun) in nouns.items():
        if noun in COUNTRY_ITSELF or any(i in covered for i in range(start, end)):
            continue
        if len(named[noun]) == 1 and doc[start].text[:1].isupper():
            actor, country = next(iter(named[noun]))
            out.append(Mention(start, end, "organization", actor, doc[start:end].text, kind="body", country=country))
    state.mentions = out
    state.index()
