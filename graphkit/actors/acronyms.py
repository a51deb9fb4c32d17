"""Other names an article gives an organization: abbreviations and former names.

An organization or forum named in full and followed by a capitalised
abbreviation in brackets defines that abbreviation for the article: every later
occurrence of it (even where NER saw nothing, or took it for something else) is
a mention of the same actor ("the Oslo Stock Exchange (OSE)", then "OSE boss").

A former name the article states ("Y, formerly known as X", "Y, which changed
its name from X", "Formerly known as X, Y ...", "Y, while trading under the name
X") is the same organization: X's mentions are Y's.
"""
from __future__ import annotations

import re

from .mention import ArticleState, Mention

ABBREVIATION = re.compile(r"^[A-Z][A-Za-z&]{1,9}$")
_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "de", "&"}
# the words between a new name and its former one ("Y, which was formerly known as X")
_FORMER = re.compile(r"^(?:(?:which|that|who) (?:was|were|is) |while )?(?:formerly|previously|once|then)"
                     r"(?: (?:known|called|named|trading) (?:as|under the name))?$|"
                     r"^(?:(?:which|that) )?(?:changed|switched) (?:its|their) name from$|"
                     r"^(?:while )?(?:trading|operating) under the name$", re.IGNORECASE)


def initials_fit(abbr: str, name: str) -> bool:
    """Do the abbreviation's capitals follow the name's words ("OSE": Oslo Stock Exchange)?"""
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
        if opener.text == "(" and closer.text == ")" and ABBREVIATION.match(abbr.text) \
                and initials_fit(abbr.text, m.surface) and abbr.text not in defined:
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


def _between(doc, start: int, end: int) -> str:
    return " ".join(t.lower_ for t in doc[start:end] if not t.is_punct)


def add_former_names(state: ArticleState) -> None:
    doc = state.doc
    orgs = [m for m in state.mentions if m.type == "organization" and m.actor]
    renamed: dict[str, Mention] = {}  # former name -> a mention of the organization's present name
    for k, old in enumerate(orgs):
        sent = doc[old.start].sent
        before = [m for m in orgs[:k] if m.start >= sent.start and old.start - m.end <= 8]
        if before and _FORMER.match(_between(doc, before[-1].end, old.start)):
            renamed.setdefault(old.actor, before[-1])  # "Telvia, which was formerly known as Nordtel"
            continue
        after = next((m for m in orgs[k + 1:] if m.start < sent.end), None)
        if after is not None and old.start >= sent.start + 2 and _FORMER.match(
                _between(doc, sent.start, old.start)) and _between(doc, old.end, after.start) == "":
            renamed.setdefault(old.actor, after)  # "Formerly known as Nordtel, Telvia is ..."
    if not renamed:
        return
    for m in state.mentions:
        new = renamed.get(m.actor) if m.type == "organization" else None
        if new is not None and new.actor != m.actor:
            m.actor, m.kind, m.country = new.actor, new.kind, new.country
