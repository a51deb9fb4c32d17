#!/usr/bin/env python3
"""How often each path decides a meeting: a pattern of ``meeting_patterns.jsonl``, the shared linking rules
(``link-FRAME-RULE``), or the token-order fallback (``+order``), in one or more records files.

    graphkit extract ../shared/eval/dev/modern_open -o open.jsonl
    python scripts/path_report.py open.jsonl [more.jsonl ...] [--by-id]

A meeting both paths found is reported once, under the path ``merge_same`` kept; the counts say which path
the extractor's answer rests on, not every path that agreed.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys


def path_of(pattern: str) -> str:
    """The path a meeting's ``pattern`` names.

    >>> path_of("meet-with"), path_of("link-meet-verb"), path_of("link-visit-noun+order")
    ('pattern', 'link', 'order')
    """
    if pattern.endswith("+order"):
        return "order"
    return "link" if pattern.startswith("link-") else "pattern"


def count_paths(records) -> tuple[collections.Counter, collections.Counter]:
    """(meetings per path, meetings per pattern id) over records (dicts with a ``meetings`` list)."""
    paths, ids = collections.Counter(), collections.Counter()
    for rec in records:
        for m in rec.get("meetings", []):
            pattern = m.get("pattern") or ""
            paths[path_of(pattern)] += 1
            ids[pattern] += 1
    return paths, ids


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("records", nargs="+", help="records files (JSON Lines) written by graphkit extract")
    ap.add_argument("--by-id", action="store_true", help="also count every pattern and link rule")
    args = ap.parse_args(argv)
    for path in args.records:
        with open(path, encoding="utf-8") as fh:
            paths, ids = count_paths(json.loads(line) for line in fh if line.strip())
        total = sum(paths.values()) or 1
        shares = ", ".join(f"{k} {paths[k]} ({paths[k] / total:.0%})" for k in ("pattern", "link", "order"))
        print(f"{path}: {sum(paths.values())} meetings: {shares}")
        if args.by_id:
            for pid, n in ids.most_common():
                print(f"    {n:5d}  {pid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
