"""CSV and TSV: one article a row (``.csv``, ``.tsv``, ``.tab``), the first row naming the columns.

The delimiter is a tab for ``.tsv`` / ``.tab``, else found in the first lines
(comma, semicolon, tab or bar).  Columns go through the same field mapping as
JSON objects (``--text-key`` ...; by default ``text``, ``body``, ``content``
..., ignoring case).  The id is the ``id`` column, else ``FILE-STEM:LINE``.
A file without a text column is reported once, with its columns.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator

from graphkit.readers.base import TEXT_KEYS, Article, pick, read_decoded

SUFFIXES = frozenset({".csv", ".tsv", ".tab"})
_TABS = frozenset({".tsv", ".tab"})

csv.field_size_limit(2**31 - 1)  # an article's text is a long cell


def _dialect(sample: str, suffix: str):
    if suffix in _TABS:
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read(reader, path: Path) -> Iterator[Article]:
    decoded = read_decoded(reader, path)
    if decoded is None:
        return
    text, note = decoded
    if note:
        reader.problem(path, None, note, skipped=False)
    rows = csv.reader(io.StringIO(text, newline=""), _dialect(text[:16384], path.suffix.lower()))
    try:
        header = next(rows)
    except (StopIteration, csv.Error) as e:
        reader.problem(path, 1, f"no header row ({e})" if str(e) else "no header row")
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    key, _ = pick(dict.fromkeys(header, ""), reader.options.text_key, TEXT_KEYS)
    if key is None:
        wanted = (f"no column {reader.options.text_key!r}" if reader.options.text_key
                  else f"no text column (none of {', '.join(TEXT_KEYS[:4])}, ...)")
        reader.problem(path, 1, f"{wanted}; columns: {', '.join(header) or 'none'}; "
                                "name the text column with --text-key")
        return
    start = rows.line_num + 1
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            break
        except csv.Error as e:
            reader.problem(path, start, f"malformed CSV row: {e}")
            start = rows.line_num + 1
            continue
        line, start = start, rows.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            reader.problem(path, line, f"{len(cells)} cells for {len(header)} columns; the extra cells ignored",
                           skipped=False)
        obj = dict(zip(header, cells))
        art = reader.from_obj(obj, path, line, f"{path.stem}:{line}", note)
        if art is not None:
            yield art

