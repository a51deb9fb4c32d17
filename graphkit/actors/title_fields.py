"""The field of a title is no organization.

The recognizer tags the capitalised field of a minister's or an adviser's
title as an organization: "External Affairs | Minister X", "National Security |
Adviser X", "Minister of | Housing, Urban-Rural Development | X", "Minister of
State for | External Affairs", and a bare role: "the Cabinet Spokesman".  A
ministry names itself ("Ministry of Foreign Affairs"): a name with a word of an
organization's in it is left alone, and so is a field the article names as a
ministry's ("the Ministry of External Affairs said ... External Affairs Minister
X"): that mention is the ministry's short name, and the person's link to it.
"""
from __future__ import annotations

import re

from .gazetteer import fold
from .lexicon import LEXICON

FIELD_TITLE_HEADS = LEXICON["field_title_heads"]
ORG_WORDS = LEXICON["org_words"]
FIELD_PREPS = LEXICON["title_field_preps"]
_FIELD_JOINERS = frozenset({",", "and", "&"})
_REACH = 12  # tokens back from a field to its title: a list of four or five portfolios


def _head(tok) -> bool:
    return tok.text[:1].isupper() and fold(tok.text) in FIELD_TITLE_HEADS


def _after_title(doc, s: int) -> bool:
    """"Minister of Transport, Highways, | Ports": back over the field's words, commas and "and" to
    "of" / "for" right after a title word ("Minister of State for" passes over "State" and "of")."""
    k = s - 1
    while k >= max(0, s - _REACH):
        tok = doc[k]
        if tok.lower_ in FIELD_PREPS and k > 0 and _head(doc[k - 1]):
            return True
        if not (tok.text in _FIELD_JOINERS or tok.lower_ in FIELD_PREPS or tok.text[:1].isupper()
                or tok.text == "-") or "\n" in tok.text_with_ws:
            return False
        k -= 1
    return False


def _named_ministry(doc, field: str) -> bool:
    return re.search(r"\b(?:Ministry|Department|Office) (?:of|for) (?:the )?" + re.escape(field) + r"\b",
                     doc.text) is not None


def title_field(doc, s: int, e: int) -> bool:
    """Whether the tokens ``s:e`` the recognizer called an organization are a title's field or a role."""
    span = doc[s:e]
    if any(fold(t.text) in ORG_WORDS for t in span) or _named_ministry(doc, span.text):
        return False
    if _head(doc[e - 1]) and e - s >= 2:  # "Cabinet Spokesman": a role with no name after it
        return True
    if e < len(doc) and _head(doc[e]) and not doc[e].text.isupper():  # "External Affairs Minister"
        return True
    return _after_title(doc, s)
