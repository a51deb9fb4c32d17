"""``records.jsonl``: one extraction record a line, the format the evaluation scorer reads.

>>> output_record({"doc": "a", "actors": [{"name": "X", "mentions": [[0, 1, 0]]}],
...                "meetings": [{"kind": "call", "spans": [[0, 9]], "trigger": "called"}]})
{'doc': 'a', 'actors': [{'name': 'X'}], 'meetings': [{'kind': 'call'}]}
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Union

from graphkit.outputs import atomic_write

__all__ = ["HEAVY_FIELDS", "output_record", "write_records"]

#: Record fields dropped by :func:`write_records` unless ``full=True``.
HEAVY_FIELDS = frozenset({"mentions", "spans", "evidence_all", "country_guess", "trigger"})


def _strip(obj: dict) -> dict:
    return {k: v for k, v in obj.items() if k not in HEAVY_FIELDS}


def output_record(record: dict, *, full: bool = False) -> dict:
    """A record (JSON form) as written by :func:`write_records`.

    Without ``full``, drops ``mentions``, ``spans``, ``evidence_all``,
    ``country_guess`` and ``trigger``; everything else (``doc``, ``title``,
    ``date``, actors' ``name/type/country/aliases/roles``, meetings'
    ``participants/kind/status/location/date/date_iso/hub/evidence``,
    ``relations``) is kept.
    """
    if full:
        return record
    out = _strip(record)
    for key in ("actors", "meetings", "relations"):
        items = record.get(key)
        if isinstance(items, list):
            out[key] = [_strip(x) if isinstance(x, dict) else x for x in items]
    return out


def write_records(records: Iterable[dict], path: Union[str, os.PathLike], *, full: bool = False) -> int:
    """Write ``records`` (JSON form) as JSON Lines (one record a line, UTF-8); returns the count.

    The file is the format read by the evaluation scorer (``doc``, ``actors``,
    ``meetings``) plus roles, status, normalized dates and hubs; ``full=True``
    keeps every field (mentions, spans...).  ``path`` ``"-"`` writes to stdout.
    The file is written with :func:`graphkit.outputs.atomic_write`: a failed
    run leaves the previous file as it was, and an input is never written over.
    """
    if str(path) == "-":
        n = 0
        for rec in records:
            sys.stdout.write(json.dumps(output_record(rec, full=full), ensure_ascii=False) + "\n")
            n += 1
        sys.stdout.flush()
        return n
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with atomic_write(path) as f:
        for rec in records:
            f.write(json.dumps(output_record(rec, full=full), ensure_ascii=False) + "\n")
            n += 1
    return n
