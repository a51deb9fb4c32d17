#!/usr/bin/env python3
"""The behavioural grid's pass rates per capability (tests/grid, issue 17).

    python scripts/grid_report.py                     # the table
    python scripts/grid_report.py -v                  # and every failing sentence, expected vs got
    python scripts/grid_report.py --capability visit  # only rows (and failures) whose name holds "visit"
    python scripts/grid_report.py --status FILE       # also write the table and 30 telling failures to FILE
    python scripts/grid_report.py --json FILE         # every sentence with its verdict, as JSON Lines
    python scripts/grid_report.py --floors            # floors for tests/test_grid.py at today's rates

Each sentence is one article through the real pipeline; expected answers come from the templates.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

# this checkout's graphkit and tests/grid (not another checkout's installed in the environment)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "tests")]

from grid import format_failures, format_table, generate, informative_failures, rows, run_grid  # noqa: E402


def suggest_floors(results) -> str:
    """FLOOR and the CAP_FLOORS exceptions (rows below CAP_FLOOR + margin) for the rates reached now."""
    import math

    import test_grid as tg

    table = rows(results)
    p, t = table.pop("overall")
    out = [f"FLOOR = {math.floor((p / t - tg.MARGIN) * 100) / 100:.2f}", "CAP_FLOORS = {"]
    for name in sorted(table):
        r = table[name][0] / table[name][1]
        floor = math.floor((r - tg.CAP_MARGIN) * 100) / 100
        if floor < tg.CAP_FLOOR:
            out.append(f"    {name!r}: {max(floor, 0.0):.2f},  # {r:.1%} of {table[name][1]}")
    out.append("}")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the failing sentences, expected vs got")
    ap.add_argument("--capability", metavar="NAME",
                    help="only capabilities (and side forms, modifiers) whose name contains NAME")
    ap.add_argument("--status", metavar="FILE", help="write the table and the 30 most telling failures to FILE")
    ap.add_argument("--floors", action="store_true",
                    help="print floors for tests/test_grid.py: the rates reached minus the test's margins")
    ap.add_argument("--json", metavar="FILE", help="write every sentence (text, capability, modifier, sides, "
                                                  "ok, expected, got, why) as JSON Lines to FILE")
    ap.add_argument("--limit", type=int, default=0, help="with -v: at most this many failures (0: all)")
    args = ap.parse_args(argv)

    cases = generate()
    t = time.perf_counter()
    results = run_grid(cases=cases)
    elapsed = time.perf_counter() - t
    shown = results
    if args.capability:
        shown = [r for r in results if args.capability in r.case.capability
                 or args.capability in "modifier×" + r.case.modifier
                 or any(args.capability in "side×" + f for f in r.case.sides)
                 or any(args.capability in "destination×" + d for d in r.case.dests)]
    print(format_table(shown, args.capability))
    print(f"({len(results)} sentences, {elapsed:.1f} s)")
    if args.floors:
        print()
        print(suggest_floors(results))
    if args.verbose:
        failures = [r for r in shown if not r.ok]
        if args.limit:
            failures = failures[: args.limit]
        print()
        print(format_failures(failures))
    if args.json:
        import json

        with open(args.json, "w", encoding="utf-8") as fh:
            for r in results:
                c = r.case
                fh.write(json.dumps({"id": c.id, "text": c.text, "capability": c.capability, "modifier": c.modifier,
                                     "sides": list(c.sides), "ok": r.ok, "expected": r.expected_text(),
                                     "got": r.got_text(), "why": r.why}, ensure_ascii=False) + "\n")
    if args.status:
        with open(args.status, "w", encoding="utf-8") as fh:
            fh.write("# Meeting grid status (tests/grid; `python scripts/grid_report.py -v`)\n\n```\n")
            fh.write(format_table(results) + "\n```\n\n## 30 telling failures (spread over capabilities)\n\n```\n")
            fh.write(format_failures(informative_failures(results, 30)) + "\n```\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
