"""Abbreviations an article defines: "the London Stock Exchange (LSE)", then "LSE boss ...".

An organization or forum named in full and followed by a capitalised
abbreviation in brackets defines that abbreviation for the article: every later
occurrence of it (even where NER saw nothing, or took it for something else) is
a mention of the same actor.
"""
from __future__ import annotations

import re

from .mention import ArticleState, Mention

_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z&]{1,9}$")
_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "de", "&"}


def _initials_fit(abbr: str, name: str) -> bool:
    """Do the abbreviation's capitals follow the name's words ("LSE": London Stock Exchange)?"""
    caps = [c for c in abbr if c.isupper()]
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _SMALL_WORDS]
    it = iter(w[0].upper() for w in words)
    return len(caps) >= 2 and all(any(c == w for w in it) for c in caps)


def add_abbreviations(state: ArticleState) -> None:
    doc = state.doc
    defined: dict[str, Mention] = {}
    for m in state.mentions:
        if m.type not in ("organization", "forum") or m.end + 2 >= len(doc):
            continue
        opener, abbr, closer = doc[m.end], doc[m.end + 1], doc[m.end + 2]
        if opener.text == "(" and closer.text == ")" and _ABBREVIATION.match(abbr.text) \
                and _initials_fit(abbr.text, m.surface) and abbr.text not in defined:
            defined[abbr.text] = m
    if not defined:
        return
    keep = []
    taken = set()
    for tok in doc:
        full = defined.get(tok.text)
        if full is None or tok.i < full.end:
            continue
        old = state.at(tok.i)
        if old is not None and (old.start, old.end) != (tok.i, tok.i + 1):
            continue  # part of a longer name
        keep.append(Mention(tok.i, tok.i + 1, full.type, full.actor, tok.text, kind=full.kind, country=full.country))
        taken.add(tok.i)
    state.mentions = [m for m in state.mentions if not (m.end - m.start == 1 and m.start in taken)] + keep
    state.index()
