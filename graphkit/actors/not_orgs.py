"""Names the recognizer calls organizations that name no actor: a law or a treaty ("the Vesk Free Trade
Agreement"), a pair of countries modifying a noun ("the U.S.-Japan alliance"), a unit after a number
("5:30 GMT"), a craft one travels aboard ("aboard Karo One")."""
from __future__ import annotations

from .gazetteer import fold
from .lexicon import LEXICON

DOCUMENT_WORDS = LEXICON["document_words"]
_COUNTRY_KINDS = ("country",)


def document_name(doc, s: int, e: int) -> bool:
    """A name whose last capitalised word is a law's or a treaty's ("... Trade Agreement with": the
    recognizer's span may run on into a preposition)."""
    words = [t for t in doc[s:e] if t.text[:1].isupper()]
    return len(words) >= 2 and fold(words[-1].text) in DOCUMENT_WORDS


def country_pair(text: str, lookup) -> bool:
    """"U.S.-Japan", "Chile-Peru": two or more countries joined by hyphens name a relation between them."""
    parts = text.split("-")
    if len(parts) < 2:
        return False
    entries = [lookup(p) for p in parts]
    return all(en is not None and en.type in _COUNTRY_KINDS for en in entries)


_ABOARD = frozenset({"aboard", "onboard", "on-board"})


def unit_after_number(doc, s: int, e: int) -> bool:
    """"at 3:46 p.m. (1946 GMT)": a one-word name in capitals right after a number is its unit."""
    return e - s == 1 and doc[s].text.isupper() and s > 0 and (doc[s - 1].like_num or any(
        c.isdigit() for c in doc[s - 1].text))


def craft(doc, s: int, e: int) -> bool:
    """"a reporter aboard Karo One said": what one travels aboard is a craft, not an actor."""
    return s > 0 and doc[s - 1].lower_ in _ABOARD
