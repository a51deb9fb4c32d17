"""The dateline of a wire story: "WASHINGTON (Reuters) -", "TOKYO, Nov 6 (Reuters) -".

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
