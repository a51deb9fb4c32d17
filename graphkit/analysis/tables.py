"""Plain-data rows (lists of dicts) as an aligned table, JSON or CSV.

>>> rows = [{"actor": "Sergei Volkov", "value": 0.5}, {"actor": "Wei Lan", "value": 12}]
>>> print(format_table(rows))
actor          value
-------------  -----
Sergei Volkov    0.5
Wei Lan           12
>>> print(to_csv(rows), end="")
actor,value
Sergei Volkov,0.5
Wei Lan,12
"""
from __future__ import annotations

import csv
import io
import json
import numbers
import re


def columns_of(rows) -> list[str]:
    """Keys of all rows, in order of first appearance."""
    seen: dict = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def cell(value, sep: str = ", ") -> str:
    """One value as text: None -> "", lists joined, floats in 6 significant digits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return format(value, ".6g")
    if isinstance(value, dict):
        return sep.join(f"{k}: {cell(v, sep)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set)):
        return sep.join(cell(v, sep) for v in value)
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


# Terminal escape sequences (CSI "ESC [ ... m", OSC "ESC ] ... BEL" that sets a window title, other
# "ESC x"), then any control character left (C0, DEL, C1) and the bidirectional overrides that
# reorder what is shown.  Line breaks and tabs are kept: they lay out what is printed.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    r"""``text`` without terminal escape sequences and control characters (line breaks and tabs kept).

    Article text can hold anything; printed raw on a terminal it could clear the
    screen or set the window title.  Tables for terminals go through this; JSON
    and CSV keep the text as it is.

    >>> printable("Evil\x1b[2J\x1b]0;owned\x07 Corp\x00")
    'Evil Corp'
    """
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


class PrintableStream:
    """A text stream that writes only :func:`printable` text to ``stream`` (for terminal output)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable(text))
        return len(text)

    def __getattr__(self, name):  # flush, isatty, encoding... of the real stream
        return getattr(self.stream, name)


def _numeric(values) -> bool:
    vals = [v for v in values if v is not None]
    return bool(vals) and all(isinstance(v, numbers.Number) and not isinstance(v, bool)
                              for v in vals)


def format_table(rows, columns=None) -> str:
    """Rows as an aligned text table. Nothing is ever truncated.

    Numbers are right-aligned, everything else left-aligned; the last column
    is not padded, so a long evidence sentence just runs on.  Control
    characters and escape sequences are left out (:func:`printable`).
    """
    rows = list(rows)
    columns = list(columns) if columns is not None else columns_of(rows)
    if not columns:
        return ""
    columns_shown = [printable(str(c)) for c in columns]
    texts = [[printable(cell(row.get(c))) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(t[i]) for t in texts]) for i, c in enumerate(columns_shown)]
    right = [_numeric(row.get(c) for row in rows) for c in columns]

    def line(parts):
        out = []
        for i, (p, w) in enumerate(zip(parts, widths)):
            last = i == len(parts) - 1
            out.append(p.rjust(w) if right[i] else (p if last else p.ljust(w)))
        return "  ".join(out).rstrip()

    lines = [line(columns_shown), line(["-" * w for w in widths])]
    lines += [line(t) for t in texts]
    return "\n".join(lines)


def to_json(rows) -> str:
    """Rows as pretty JSON (lists stay lists, non-ASCII kept as is)."""
    return json.dumps(rows, ensure_ascii=False, indent=2, default=str)


def to_csv(rows, columns=None) -> str:
    """Rows as CSV with a header; lists are "; "-joined like the graph exports."""
    rows = list(rows)
    columns = list(columns) if columns is not None else columns_of(rows)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c), "; ") for c in columns])
    return buf.getvalue()
