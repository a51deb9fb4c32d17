"""The dateline of a wire story: "WASHINGTON (Reuters) -", "TOKYO, Nov 6 (Reuters) -"; and without an
agency ("TEHRAN - Iran's ...", "New Delhi: Prime Minister ..."), where the words are a known place.

The place in capitals that opens a line before the agency's name is where the
story was filed: a place, never an organization or a person (the recognizer
often takes "TOKYO" for one), and a sign of the country the story is about.
"""
from __future__ import annotations

import re

from graphkit.tokens import doc_text

_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'’ -]{1,40}?[A-Z.])(?:/[A-Z .]+)?(?:,[^\n(]{0,30})?\s*"
                       r"\((?:Reuters|AP|AFP|Reuter|UPI|Bloomberg|dpa|Xinhua)\)\s*[-–—]", re.M)


def find_dateline(doc) -> tuple[int, int, str] | None:
    """``(start, end, place as written in title case)`` of the dateline's place in the first lines, or None."""
    text = doc_text(doc)[:2000]
    m = _DATELINE.search(text)
    if m is None:
        return None
    span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if span is None:
        return None
    return span.start, span.end, " ".join(w.capitalize() if w.isupper() else w for w in m.group(1).split())


# a place opening a paragraph of the body (not the headline) before a dash or a colon
_LOOSE = re.compile(r"^[ \t]*([A-Z][A-Za-z.'’ -]{1,30}?[A-Za-z.])(?:,[^\n:(]{0,25})?(?:\s*:|\s+[-–—])\s+(?=[A-Z\"“])",
                    re.M)


def find_loose_dateline(doc, is_place) -> tuple[int, int, str] | None:
    """Like `find_dateline`, for a dateline with no agency: the first body paragraph's opening words before
    " - " or ":", when ``is_place`` (the gazetteer's word) says they are a place."""
    text = doc_text(doc)[:1500]
    first_break = text.find("\n")
    if first_break < 0:
        return None  # one line: a headline or a sentence, no dateline to tell
    m = _LOOSE.search(text, first_break)
    if m is None or re.search(r"[a-z][.!?]", text[first_break:m.start()]):
        return None  # only the body's first paragraph opens with a dateline (after a date line, maybe)
    place = " ".join(w.capitalize() if w.isupper() else w for w in m.group(1).split())
    if not is_place(place):
        return None
    span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    return (span.start, span.end, place) if span is not None else None
