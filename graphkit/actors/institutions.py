"""The country an institution's own name states: "the National Assembly of Pakistan", "the State Council
of the PRC", "the Ministry of Foreign Affairs of Chile" (a name that ends in "of" and a country)."""
from __future__ import annotations


def institution_country(span, lookup) -> str | None:
    """The country after the last "of" (or "of the") of a name, when that is all the rest of the name."""
    ofs = [t.i for t in span if t.lower_ == "of"]
    if not ofs or ofs[-1] == span.start:
        return None
    rest = span.doc[ofs[-1] + 1:span.end]
    if len(rest) > 1 and rest[0].lower_ == "the":
        rest = rest[1:]
    entry = lookup(rest.text) if len(rest) else None
    if entry is None or entry.type != "country" or entry.kind == "demonym":
        return None
    return entry.canonical
