"""JSON Lines and JSON: one article an object (``.jsonl``, ``.ndjson``, ``.json``).

``.jsonl`` / ``.ndjson`` (and a ``.json`` file holding one object a line) are
read line by line, never whole.  A ``.json`` file holding a JSON array of
article objects (or one object, or ``{"articles": [...]}``) is read whole.
Fields: see :meth:`graphkit.readers.walk.Reader.from_obj` (the field mapping).
"""
from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from typing import Iterator

from graphkit.readers.base import Article, decode, read_decoded

#: Suffixes read as JSON Lines (one article a line).
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: ``.json``: JSON Lines when the file holds one object a line, else a JSON
#: array of article objects (or one article object).
JSON_SUFFIXES = frozenset({".json"})
#: Keys of a JSON document that hold its list of articles.
_CONTAINERS = ("articles", "items", "documents", "docs", "data", "results", "records")


def json_error(e: json.JSONDecodeError, line: int) -> str:
    """A JSON error as one message that names its line, whatever shows it.

    ``json`` words some errors to be followed by its own position
    ("Invalid control character at"): that tail is dropped.

    >>> try:
    ...     json.loads('{"text": "line one' + chr(10) + '"}')
    ... except json.JSONDecodeError as e:
    ...     print(json_error(e, 7))
    malformed JSON on line 7, column 19: invalid control character
    """
    what = re.sub(r"\s+(?:starting\s+)?at$", "", e.msg.strip())
    what = what[:1].lower() + what[1:]
    return f"malformed JSON on line {line}, column {e.colno}: {what}"


def read_jsonl(reader, path: Path) -> Iterator[Article]:
    warned = False
    empty = True
    try:
        with open(path, "rb") as f:
            for n, raw in enumerate(f, 1):
                if n == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8):]
                if not raw.strip():
                    continue
                empty = False
                if b"\x00" in raw:
                    reader.problem(path, n, "binary data")
                    continue
                line, note = decode(raw)
                if note and not warned:
                    warned = True
                    reader.problem(path, n, note + " (first such line; later ones too)", skipped=False)
                try:  # without its line end: an error at the end is placed on this line
                    obj = json.loads(line.rstrip("\r\n"))
                except json.JSONDecodeError as e:
                    reader.problem(path, n, json_error(e, n))
                    continue
                art = reader.from_obj(obj, path, n, f"{path.stem}:{n}", note)
                if art is not None:
                    yield art
    except OSError as e:
        reader.unreadable(path, e)
        return
    if empty:
        reader.problem(path, None, "empty file", skipped=False)


def read_json(reader, path: Path) -> Iterator[Article]:
    """``.json``: JSON Lines when the first line is a whole object."""
    try:
        with open(path, "rb") as f:
            first = b""
            for raw in f:
                if raw.strip():
                    first = raw.strip().lstrip(codecs.BOM_UTF8).strip()
                    break
    except OSError as e:
        reader.unreadable(path, e)
        return
    if not first:
        reader.problem(path, None, "empty file", skipped=False)
        return
    if first.startswith(b"{"):
        try:
            if isinstance(json.loads(decode(first)[0]), dict):
                yield from read_jsonl(reader, path)
                return
        except json.JSONDecodeError:
            pass
    # a whole JSON document: an array of articles or one article
    decoded = read_decoded(reader, path, check_empty=False)  # (the first line said it is not empty)
    if decoded is None:
        return
    text, note = decoded
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        if first.startswith(b"{"):  # probably JSON Lines with a bad first line
            yield from read_jsonl(reader, path)
        else:
            reader.problem(path, e.lineno, json_error(e, e.lineno))
        return
    if note:
        reader.problem(path, None, note, skipped=False)
    if isinstance(doc, dict):
        key = next((k for k in _CONTAINERS if isinstance(doc.get(k), list)), None)
        if key is not None:
            doc = doc[key]
    if isinstance(doc, dict):
        art = reader.from_obj(doc, path, None, path.stem, note)
        if art is not None:
            yield art
    elif isinstance(doc, list):
        for i, obj in enumerate(doc, 1):
            art = reader.from_obj(obj, path, None, f"{path.stem}:{i}", note, item=i)
            if art is not None:
                yield art
    else:
        reader.problem(path, None, "JSON is neither an article object nor a list of them")
