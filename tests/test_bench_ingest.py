"""The ingestion benchmark's measurement: interleaved rounds, two clocks, median ratios.

The child runs (spaCy and graphkit) are replaced by a stand-in that returns
made-up timings, so these tests check the bookkeeping, not the machine.
"""
from __future__ import annotations

import importlib.util
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_ingest", REPO / "bench" / "bench_ingest.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


class FakeRuns:
    """A stand-in for ``run_child``: wall and CPU seconds given per call, the calls recorded."""

    def __init__(self, bare: list[tuple[float, float]], graphkit: list[tuple[float, float]]):
        self.timings = {"bare": list(bare), "graphkit": list(graphkit)}
        self.calls: list[str] = []
        self.stores_seen: list[bool] = []

    def __call__(self, kind, corpus, jobs, db=None):
        self.calls.append(kind)
        if kind == "graphkit":
            self.stores_seen.append(db.exists())
            db.write_text("a store")  # the run leaves its store behind
        wall, cpu = self.timings[kind].pop(0)
        return {"kind": kind, "jobs": jobs, "seconds": wall, "cpu_seconds": cpu, "articles": 10,
                "words": 1000, "peak_kib": 1024, "worker_peak_kib": 0}


def test_rounds_alternate_which_side_runs_first(tmp_path):
    runs = FakeRuns([(1.0, 1.0)] * 4, [(1.0, 1.0)] * 4)
    bench.measure_rounds(tmp_path / "corpus_10", 1, tmp_path / "store.db", 4, run=runs)
    assert runs.calls == ["bare", "graphkit", "graphkit", "bare", "bare", "graphkit", "graphkit", "bare"]


def test_every_graphkit_round_starts_from_an_empty_store(tmp_path):
    runs = FakeRuns([(1.0, 1.0)] * 3, [(1.0, 1.0)] * 3)
    db = tmp_path / "store.db"
    db.write_text("left over from an earlier run")
    bench.measure_rounds(tmp_path / "corpus_10", 1, db, 3, run=runs)
    assert runs.stores_seen == [False, False, False]


def test_row_reports_median_wall_and_cpu_ratios_of_the_rounds(tmp_path):
    # round ratios, wall: 6/10 = 0.6, 9/10 = 0.9, 4/5 = 0.8 -> median 0.8 (the ratio of median seconds: 0.6)
    #               cpu:  7/10 = 0.7, 8/9 ~ 0.889, 9/10 = 0.9 -> median 0.889 (of median seconds: 0.8)
    runs = FakeRuns([(6.0, 7.0), (9.0, 8.0), (4.0, 9.0)], [(10.0, 10.0), (10.0, 9.0), (5.0, 10.0)])
    bares, gks = bench.measure_rounds(tmp_path / "corpus_10", 1, tmp_path / "store.db", 3, run=runs)
    row = bench._row(10, 1, bares, gks, 1000)
    assert row["rounds"] == 3
    assert row["wall_ratios"] == [0.6, 0.9, 0.8]
    assert row["ratio"] == 0.8
    assert row["cpu_ratios"] == [0.7, 0.889, 0.9]
    assert row["cpu_ratio"] == 0.889
    assert row["bare_seconds"] == 6.0 and row["graphkit_seconds"] == 10.0  # medians of each side
    assert row["bare_cpu_seconds"] == 8.0 and row["graphkit_cpu_seconds"] == 10.0
    assert "wall clock" in row["ratio_is"] and "CPU time" in row["cpu_ratio_is"]


def test_cpu_clock_counts_work_not_waiting():
    c0, t0 = bench._cpu_seconds(), time.perf_counter()
    time.sleep(0.3)
    assert time.perf_counter() - t0 >= 0.3
    assert bench._cpu_seconds() - c0 < 0.1
    c0, give_up = bench._cpu_seconds(), time.perf_counter() + 30
    while bench._cpu_seconds() - c0 < 0.2 and time.perf_counter() < give_up:  # busy: the clock must move
        pass
    assert bench._cpu_seconds() - c0 >= 0.2
