"""Names the recognizer calls organizations that name no actor: a law or a treaty ("the Vesk Free Trade
Agreement"), a pair of countries modifying a noun ("the U.S.-Japan alliance")."""
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
