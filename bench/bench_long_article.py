"""Benchmark of one huge article: peak memory and words/s against normal articles.

For each size (default 2 and 5 MB) one text file is built by joining real wire
stories from ``../shared/corpora/reuters21578.jsonl`` (the shared folder beside the clone) (each story once, in
file order, separated by blank lines) until the size is reached.  The same
stories, one article each, go into a JSON Lines file: the "normal articles"
of the comparison, with exactly the same words.

Each ingest runs as ``graphkit ingest FILE --db NEW.db -q`` in a fresh
process (model loading included in the time, a few seconds), and its peak
resident memory is read from ``os.wait4`` when it ends.  Printed and written
to ``bench/results_long_article.json``: size, words, seconds, words/s, peak
MiB for the huge article and for the normal articles, and the words/s ratio.

Run::

    .venv/bin/python bench/bench_long_article.py            # 2 and 5 MB
    .venv/bin/python bench/bench_long_article.py 2 5 20     # sizes in MB
    .venv/bin/python bench/bench_long_article.py 2 --only long
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: the shared folder: ../shared beside the clone, or $GRAPHKIT_SHARED
SHARED = Path(os.environ.get("GRAPHKIT_SHARED") or REPO.parent / "shared")
REUTERS = SHARED / "corpora" / "reuters21578.jsonl"


def build_inputs(megabytes: float, where: Path, reuters: Path = REUTERS) -> tuple[Path, Path, int]:
    """``(long.txt, normal.jsonl, words)``: the same stories as one article and as one article each."""
    target = int(megabytes * 1_000_000)
    stories = []
    size = 0
    with open(reuters, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            text = (obj.get("text") or "").strip()
            if not text:
                continue
            stories.append(obj)
            size += len(text.encode("utf-8")) + 2
            if size >= target:
                break
    if size < target:
        raise SystemExit(f"{reuters}: only {size:,} bytes of stories, {target:,} asked")
    long_path = where / f"long_{megabytes:g}mb.txt"
    with open(long_path, "w", encoding="utf-8") as out:
        out.write("\n\n".join(s["text"].strip() for s in stories) + "\n")
    normal_path = where / f"normal_{megabytes:g}mb.jsonl"
    with open(normal_path, "w", encoding="utf-8") as out:
        for s in stories:
            out.write(json.dumps({"id": s["id"], "text": s["text"]}, ensure_ascii=False) + "\n")
    words = sum(len(s["text"].split()) for s in stories)
    return long_path, normal_path, words


def measure(path: Path, db: Path) -> dict:
    """Seconds and peak RSS (MiB) of ``graphkit ingest PATH --db DB -q`` in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "graphkit.cli", "ingest", str(path), "--db", str(db), "-q"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest {path} failed ({proc.returncode}):\n{err[-3000:]}")
    return {"seconds": round(seconds, 1), "peak_mib": round(usage.ru_maxrss / 1024, 1),
            "exit": proc.returncode, "stderr": err.strip().splitlines()[-3:]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=float, default=[2, 5], help="article sizes in MB")
    ap.add_argument("--only", choices=("long", "normal"), help="measure only one of the two")
    ap.add_argument("--out", default=str(REPO / "bench" / "results_long_article.json"))
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="graphkit-long-") as tmp:
        tmp = Path(tmp)
        for mb in args.sizes:
            long_path, normal_path, words = build_inputs(mb, tmp)
            row = {"megabytes": mb, "bytes": long_path.stat().st_size, "words": words}
            for kind, path in (("long", long_path), ("normal", normal_path)):
                if args.only and args.only != kind:
                    continue
                m = measure(path, tmp / f"{kind}_{mb:g}.db")
                m["words_per_s"] = round(words / m["seconds"])
                row[kind] = m
                print(f"{mb:g} MB {kind:6}: {m['seconds']:8.1f} s  {m['words_per_s']:7,} words/s  "
                      f"peak {m['peak_mib']:8.1f} MiB", flush=True)
            if "long" in row and "normal" in row:
                row["words_per_s_ratio"] = round(row["long"]["words_per_s"] / row["normal"]["words_per_s"], 3)
                print(f"{mb:g} MB ratio long/normal words/s: {row['words_per_s_ratio']}", flush=True)
            rows.append(row)
    Path(args.out).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
