"""Benchmark of streaming ingestion: graphkit ingest against a bare ``nlp.pipe``.

For each corpus size (default 100, 1,000 and 10,000 articles) a corpus is
built from real wire stories (the first N-5 lines of
``../shared/corpora/reuters21578.jsonl`` (the shared folder beside the clone), every one a different story, so
no cache can cheat) plus the five seed articles.  Then, for ``--jobs 1`` and
``--jobs 2``, each in a fresh subprocess (so peak memory is per run):

* bare: the installed spaCy model as ``spacy.load`` gives it (no graphkit
  component), ``nlp.pipe(texts, batch_size=32, n_process=jobs)`` over exactly the
  texts graphkit parses (read and cleaned by ``graphkit.corpus`` before the
  clock starts), consuming the docs and doing nothing else;
* graphkit: ``graphkit.pipeline.ingest_paths`` of the corpus into a fresh
  store, same model, same ``n_process`` (the clock includes reading,
  cleaning, extraction and storing);

and prints articles/s, words/s (whitespace tokens), the ratio
graphkit/bare, peak memory (VmHWM of the run's process after ingestion, and
the largest parser worker process for ``jobs`` > 1), then the graph build
time (``graphkit.graph.load_graph``) and centrality time (betweenness and
pagerank on both layers) of the store.  The model is loaded before the clock
starts in both cases.  Results also go to ``bench/results.json``.

Two clocks, because the machine is shared: **wall** (``time.perf_counter``) is
what a user waits for, but other jobs on the same cores stretch it by chance;
**cpu** (``resource.getrusage``, user + system time of the run's process and of
its parser worker processes) is the work the run itself did, which load on the
machine hardly moves.  Each size and ``--jobs`` is measured in ``--rounds``
interleaved rounds (bare, graphkit, then graphkit, bare, ...: the order flips
each round so a drift in the machine's load does not favour one side); the
ratios printed and stored (``ratio`` wall, ``cpu_ratio``) are the medians of
the rounds' ratios, the seconds and rates the medians of the rounds' figures,
and ``wall_ratios`` / ``cpu_ratios`` keep every round's.

Run::

    .venv/bin/python bench/bench_ingest.py                 # 100 1000 10000
    .venv/bin/python bench/bench_ingest.py 100 1000 --jobs 1 2
    .venv/bin/python bench/bench_ingest.py 1000 --jobs 1 --rounds 5
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: the shared folder: ../shared beside the clone, or $GRAPHKIT_SHARED
SHARED = Path(os.environ.get("GRAPHKIT_SHARED") or REPO.parent / "shared")
REUTERS = SHARED / "corpora" / "reuters21578.jsonl"
SEEDS = REPO / "seeds"
BATCH_SIZE = 32
#: interleaved rounds of bare and graphkit per size and --jobs (the median ratio is reported)
ROUNDS = 3


# --------------------------------------------------------------------------
# corpus
# --------------------------------------------------------------------------

def build_corpus(n: int, where: Path, reuters: Path = REUTERS) -> Path:
    """A directory of ``n`` articles: the seeds plus the first ``n - seeds`` Reuters stories.

    Past the end of the Reuters file, stories are reused with a distinct
    dateline sentence each, so no two texts are equal.
    """
    d = where / f"corpus_{n}"
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    seeds = sorted(SEEDS.glob("*.txt"))[:n]
    for s in seeds:
        shutil.copy(s, d / s.name)
    need = n - len(seeds)
    if need <= 0:
        return d
    lines = []
    with open(reuters, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                lines.append(line)
            if len(lines) >= need:
                break
    if not lines:
        raise SystemExit(f"{reuters}: no articles")
    with open(d / "reuters.jsonl", "w", encoding="utf-8") as out:
        for i in range(need):
            obj = json.loads(lines[i % len(lines)])
            if i >= len(lines):  # a second round: vary id and text
                obj["id"] = f"{obj.get('id')}-r{i // len(lines)}"
                obj["text"] = f"Story {i} of the benchmark.\n\n" + obj["text"]
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return d


# --------------------------------------------------------------------------
# one measured run (in a child process)
# --------------------------------------------------------------------------

def _peak_kib() -> int:
    """Peak resident memory of this process (VmHWM), KiB."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _cpu_seconds() -> float:
    """User + system CPU time of this process and of its waited-for children (the parser workers), s."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _texts(corpus: Path) -> list[str]:
    from graphkit.corpus import read_articles

    return [a.text for a in read_articles([corpus], on_problem=lambda p: None)]


def child(kind: str, corpus: Path, jobs: int, db: Path | None) -> dict:
    import spacy

    from graphkit.nlp import load_model, model_name

    # both kinds loaded before the clock starts: the bare model exactly as installed, and graphkit's
    # pipeline (the same model plus graphkit's rulers, actor and meeting-frame components)
    nlp = spacy.load(model_name()) if kind == "bare" else load_model()
    out: dict = {"kind": kind, "jobs": jobs}
    if kind == "bare":
        texts = _texts(corpus)
        out["articles"] = len(texts)
        out["words"] = sum(len(t.split()) for t in texts)
        c0, t0 = _cpu_seconds(), time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=jobs):
            pass
        out["seconds"] = time.perf_counter() - t0
        out["cpu_seconds"] = _cpu_seconds() - c0
    else:
        from graphkit.pipeline import ingest_paths

        c0, t0 = _cpu_seconds(), time.perf_counter()
        report = ingest_paths([corpus], db, model=nlp, jobs=jobs, batch_size=BATCH_SIZE)
        out["seconds"] = time.perf_counter() - t0
        out["cpu_seconds"] = _cpu_seconds() - c0
        out["report"] = report.counts()
        out["articles"] = report.ingested + report.updated + report.unchanged
    out["peak_kib"] = _peak_kib()
    out["worker_peak_kib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if jobs > 1 else 0
    if kind == "graphkit" and jobs == 1:
        from graphkit.analysis import centrality
        from graphkit.graph import load_graph

        t0 = time.perf_counter()
        G = load_graph(db)
        out["graph_seconds"] = time.perf_counter() - t0
        out["nodes"], out["edges"] = G.number_of_nodes(), G.number_of_edges()
        t0 = time.perf_counter()
        centrality(G, "betweenness", layer="both")
        out["betweenness_seconds"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        centrality(G, "pagerank", layer="both")
        out["pagerank_seconds"] = time.perf_counter() - t0
    return out


def run_child(kind: str, corpus: Path, jobs: int, db: Path | None = None) -> dict:
    args = [sys.executable, __file__, "--child", kind, str(corpus), str(jobs), str(db or "")]
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run(args, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def round_order(i: int) -> tuple[str, str]:
    """Which side runs first in round ``i``: bare in even rounds, graphkit in odd ones (A/B, B/A, ...)."""
    return ("bare", "graphkit") if i % 2 == 0 else ("graphkit", "bare")


def measure_rounds(corpus: Path, jobs: int, db: Path, rounds: int, run=None) -> tuple[list[dict], list[dict]]:
    """``rounds`` interleaved pairs of runs: (bare runs, graphkit runs), round i at index i of each.

    Each graphkit run ingests into a fresh store ``db``.  ``run``: how a child
    run is made (default :func:`run_child`; tests pass a stand-in).
    """
    run = run or run_child
    bares: list[dict] = []
    gks: list[dict] = []
    for i in range(rounds):
        for kind in round_order(i):
            print(f"{corpus.name}, jobs {jobs}, round {i + 1}/{rounds}: {kind} ...", file=sys.stderr, flush=True)
            if kind == "bare":
                bares.append(run("bare", corpus, jobs))
            else:
                for p in db.parent.glob(db.name + "*"):
                    p.unlink()
                gks.append(run("graphkit", corpus, jobs, db))
        print(f"{corpus.name}, jobs {jobs}, round {i + 1}/{rounds}: wall ratio "
              f"{bares[-1]['seconds'] / gks[-1]['seconds']:.3f}, cpu ratio "
              f"{bares[-1]['cpu_seconds'] / gks[-1]['cpu_seconds']:.3f}", file=sys.stderr, flush=True)
    return bares, gks


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

#: what the two ratios of a row are (also written into each row of the results file)
RATIO_IS = ("wall clock (time.perf_counter): bare seconds / graphkit seconds, the median of the rounds' ratios")
CPU_RATIO_IS = ("CPU time (resource.getrusage, user + system of the run's process and its parser workers): "
                "bare CPU seconds / graphkit CPU seconds, the median of the rounds' ratios")


def _median(runs: list[dict], key: str):
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def _rounded(value, digits: int):
    return None if value is None else round(value, digits)


def _row(n, jobs, bares: list[dict], gks: list[dict], words) -> dict:
    """One size and --jobs: ``bares[i]`` and ``gks[i]`` are round i's runs; figures are medians over the rounds."""
    wall_ratios = [b["seconds"] / g["seconds"] for b, g in zip(bares, gks)]
    cpu_ratios = [b["cpu_seconds"] / g["cpu_seconds"] for b, g in zip(bares, gks)]
    bare_s, gk_s = _median(bares, "seconds"), _median(gks, "seconds")
    gk = gks[-1]
    return {
        "size": n,
        "jobs": jobs,
        "words": words,
        "rounds": len(wall_ratios),
        "bare_seconds": round(bare_s, 2),
        "bare_articles_per_s": round(n / bare_s, 2),
        "bare_words_per_s": round(words / bare_s),
        "graphkit_seconds": round(gk_s, 2),
        "graphkit_articles_per_s": round(gk["articles"] / gk_s, 2),
        "graphkit_words_per_s": round(words / gk_s),
        "ratio": round(statistics.median(wall_ratios), 3),
        "ratio_is": RATIO_IS,
        "wall_ratios": [round(r, 3) for r in wall_ratios],
        "bare_cpu_seconds": round(_median(bares, "cpu_seconds"), 2),
        "graphkit_cpu_seconds": round(_median(gks, "cpu_seconds"), 2),
        "cpu_ratio": round(statistics.median(cpu_ratios), 3),
        "cpu_ratio_is": CPU_RATIO_IS,
        "cpu_ratios": [round(r, 3) for r in cpu_ratios],
        "graphkit_peak_mib": round(max(g["peak_kib"] for g in gks) / 1024, 1),
        "graphkit_worker_peak_mib": round(max(g["worker_peak_kib"] for g in gks) / 1024, 1),
        "bare_peak_mib": round(max(b["peak_kib"] for b in bares) / 1024, 1),
        "graph_seconds": _rounded(_median(gks, "graph_seconds"), 2),
        "betweenness_seconds": _rounded(_median(gks, "betweenness_seconds"), 2),
        "pagerank_seconds": _rounded(_median(gks, "pagerank_seconds"), 2),
        "nodes": gk.get("nodes"),
        "edges": gk.get("edges"),
        "report": gk.get("report"),
    }


COLUMNS = [
    ("size", "size", "{:>6}"), ("jobs", "jobs", "{:>4}"),
    ("bare art/s", "bare_articles_per_s", "{:>10.1f}"), ("bare words/s", "bare_words_per_s", "{:>12,}"),
    ("gk art/s", "graphkit_articles_per_s", "{:>9.1f}"), ("gk words/s", "graphkit_words_per_s", "{:>11,}"),
    ("wall ratio", "ratio", "{:>10.3f}"), ("cpu ratio", "cpu_ratio", "{:>9.3f}"),
    ("gk peak MiB", "graphkit_peak_mib", "{:>11.1f}"),
    ("worker MiB", "graphkit_worker_peak_mib", "{:>10.1f}"),
    ("graph s", "graph_seconds", "{:>8}"), ("betw. s", "betweenness_seconds", "{:>8}"),
    ("pagerank s", "pagerank_seconds", "{:>10}"),
]


def print_table(rows: list[dict]) -> None:
    widths = [max(len(h), len(fmt.format(0 if "f}" in fmt or ",}" in fmt else ""))) for h, _, fmt in COLUMNS]
    print("  ".join(h.rjust(w) for (h, _, _), w in zip(COLUMNS, widths)))
    for r in rows:
        cells = []
        for (h, key, fmt), w in zip(COLUMNS, widths):
            v = r.get(key)
            cells.append(("-" if v is None else fmt.format(v)).rjust(w))
        print("  ".join(cells))
    print(f"wall ratio: {RATIO_IS}\ncpu ratio: {CPU_RATIO_IS}")
    for r in rows:
        print(f"size {r['size']}, jobs {r['jobs']}, {r['rounds']} rounds: wall ratios {r['wall_ratios']}, "
              f"cpu ratios {r['cpu_ratios']}; seconds bare / graphkit: wall {r['bare_seconds']} / "
              f"{r['graphkit_seconds']}, cpu {r['bare_cpu_seconds']} / {r['graphkit_cpu_seconds']}")
    sys.stdout.flush()


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        kind, corpus, jobs, db = argv[1], Path(argv[2]), int(argv[3]), argv[4]
        print(json.dumps(child(kind, corpus, jobs, Path(db) if db else None)))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    ap.add_argument("--jobs", nargs="+", type=int, default=[1, 2], help="parser processes to compare")
    ap.add_argument("--rounds", type=int, default=ROUNDS,
                    help=f"interleaved bare/graphkit rounds per size and --jobs; medians reported (default {ROUNDS})")
    ap.add_argument("--out", default=str(REPO / "bench" / "results.json"), help="JSON results file")
    ap.add_argument("--reuters", default=str(REUTERS), help="JSON Lines corpus of real articles")
    ap.add_argument("--keep", metavar="DIR", help="build corpora and stores in DIR and keep them")
    args = ap.parse_args(argv)
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="graphkit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    try:
        for n in args.sizes:
            corpus = build_corpus(n, work, Path(args.reuters))
            for jobs in args.jobs:
                db = work / f"store_{n}_j{jobs}.db"
                bares, gks = measure_rounds(corpus, jobs, db, args.rounds)
                rows.append(_row(n, jobs, bares, gks, bares[0]["words"]))
                if gks[-1]["articles"] != bares[-1]["articles"]:
                    print(f"warning: graphkit stored {gks[-1]['articles']} articles, bare parsed "
                          f"{bares[-1]['articles']}", file=sys.stderr)
                Path(args.out).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
        print_table(rows)
        by = {(r["size"], r["jobs"]): r for r in rows}
        notes = []
        for n in args.sizes:
            if (n, 1) in by and (n, 2) in by:
                notes.append(f"size {n}: --jobs 2 is {by[(n, 1)]['graphkit_seconds'] / by[(n, 2)]['graphkit_seconds']:.2f}x "
                             f"faster than --jobs 1 (bare: {by[(n, 1)]['bare_seconds'] / by[(n, 2)]['bare_seconds']:.2f}x)")
        sizes = sorted(args.sizes)
        for a, b in zip(sizes, sizes[1:]):
            for j in args.jobs:
                if (a, j) in by and (b, j) in by:
                    notes.append(f"jobs {j}: peak memory at {b} / at {a}: "
                                 f"{by[(b, j)]['graphkit_peak_mib'] / by[(a, j)]['graphkit_peak_mib']:.2f}x")
        for line in notes:
            print(line)
        print(f"results: {args.out}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
