"""Streaming ingestion at scale: constant memory, --jobs, progress bar and the final line."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from graphkit.cli import main
from graphkit.corpus import Article
from graphkit.ingest import count_inputs, session
from graphkit.pipeline import extract_paths, ingest_paths
from graphkit.store import Store

REPO = Path(__file__).resolve().parents[1]


def small_article(i: int) -> Article:
    return Article(id=f"s{i:04d}", text=f"Minister Anna Berg met Karl Holm in Oslo on day {i}. "
                                        f"They talked about fish quota {i}.")


class Lag:
    """Counts articles handed to the pipeline and articles stored: the gap is what memory holds."""

    def __init__(self, monkeypatch, n: int):
        self.read = 0
        self.stored = 0
        self.max_gap = 0
        self.n = n

        def fake_read(paths, on_problem=None, clean=True):
            for i in range(self.n):
                self.read += 1
                yield small_article(i)

        real_place = Store.place

        def place(store, art, rec, version="", **kwargs):
            self.stored += 1
            self.max_gap = max(self.max_gap, self.read - self.stored)
            return real_place(store, art, rec, version, **kwargs)

        monkeypatch.setattr(session, "read_articles", fake_read)
        monkeypatch.setattr(Store, "place", place)


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_streams_articles_through(tmp_path, nlp, monkeypatch, jobs):
    """Each article is stored soon after it is read: no list of the corpus anywhere."""
    lag = Lag(monkeypatch, 120)
    report = ingest_paths(["unused"], tmp_path / "g.db", model=nlp, jobs=jobs, batch_size=4)
    assert (report.read, report.ingested) == (120, 120)
    assert lag.stored == 120
    # read-ahead is bounded by the batches in flight (jobs 1: one batch; jobs N: 2N chunks), not the corpus
    bound = 4 * (2 * jobs + 1) + 1
    assert 0 < lag.max_gap <= bound, lag.max_gap


def test_unchanged_articles_never_reach_the_parser(tmp_path, nlp, monkeypatch):
    db = tmp_path / "g.db"
    Lag(monkeypatch, 10)
    assert ingest_paths(["unused"], db, model=nlp).ingested == 10
    import graphkit.extract as extract

    def boom(*a, **k):
        raise AssertionError("parsed an unchanged article")

    monkeypatch.setattr(extract, "extract_records", boom)
    assert ingest_paths(["unused"], db, model=nlp).unchanged == 10


def test_jobs_2_gives_the_same_records_as_jobs_1(tmp_path, nlp):
    d = tmp_path / "in"
    d.mkdir()
    for p in sorted((REPO / "seeds").glob("*.txt")):
        shutil.copy(p, d / p.name)
    with open(d / "more.jsonl", "w", encoding="utf-8") as f:
        for i in range(12):
            a = small_article(i)
            f.write(json.dumps({"id": a.id, "text": a.text}) + "\n")
        f.write("not json\n")
    r1 = ingest_paths([d], tmp_path / "j1.db", jobs=1)
    r2 = ingest_paths([d], tmp_path / "j2.db", jobs=2, batch_size=3)
    assert r1.counts() == r2.counts()
    assert (r2.ingested, r2.skipped) == (17, 1)
    with Store(tmp_path / "j1.db") as a, Store(tmp_path / "j2.db") as b:
        assert list(a.records()) == list(b.records())
    # extract_paths too (the records, resolved, in input order)
    e1, _ = extract_paths([d], jobs=1)
    e2, _ = extract_paths([d], jobs=2)
    assert e1 == e2


def test_jobs_2_isolates_a_failing_article(tmp_path, nlp, monkeypatch):
    """An exception in one article fails that article only, also in a worker process."""
    import graphkit.extract as extract

    real = extract.record_from_doc

    def flaky(doc, article):
        if article.id == "s0005":
            raise RuntimeError("boom")
        return real(doc, article)

    monkeypatch.setattr(extract, "record_from_doc", flaky)  # inherited by the forked workers
    Lag(monkeypatch, 12)
    problems = []
    report = ingest_paths(["unused"], tmp_path / "g.db", model=nlp, jobs=2, batch_size=4,
                          on_problem=problems.append)
    assert (report.ingested, report.failed) == (11, 1)
    assert len(problems) == 1 and "s0005" in str(problems[0]) and "boom" in str(problems[0])


def test_count_inputs(tmp_path):
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n')
    (tmp_path / ".hidden.txt").write_text("no")
    (tmp_path / "c.csv").write_text("no")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "d.md").write_text("Two.")
    assert count_inputs([tmp_path]) == 5
    assert count_inputs(tmp_path / "b.jsonl") == 3


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal(tmp_path, corpus, nlp, monkeypatch):
    tty = FakeTTY()
    monkeypatch.setattr("sys.stderr", tty)
    ingest_paths([corpus], tmp_path / "a.db", model=nlp, progress=True)
    shown = tty.getvalue()
    assert "2/2" in shown and "articles" in shown and "/s" in shown  # count, rate (and ETA)

    tty = FakeTTY()
    monkeypatch.setattr("sys.stderr", tty)
    ingest_paths([corpus], tmp_path / "b.db", model=nlp, progress=False)  # --quiet
    assert tty.getvalue() == ""

    pipe = io.StringIO()  # not a terminal: no bar even when asked
    monkeypatch.setattr("sys.stderr", pipe)
    ingest_paths([corpus], tmp_path / "c.db", model=nlp, progress=True)
    assert pipe.getvalue() == ""


def test_cli_final_line_and_quiet(tmp_path, corpus, nlp, capsys):
    (corpus / "blob.txt").write_bytes(b"\x00\x01binary" * 100)
    db = tmp_path / "g.db"
    assert main(["ingest", str(corpus), "--db", str(db), "--jobs", "2"]) == 1
    out, err = capsys.readouterr()
    assert out.strip().splitlines()[-1].startswith(
        f"{db}: 2 new, 0 updated, 0 unchanged, 1 skipped, 0 failed")
    assert "blob.txt: skipped: binary file" in err
    assert "it/s" not in err and "articles/s" not in err  # no bar: stderr is not a terminal
    assert main(["ingest", str(corpus), "--db", str(db), "-q"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "blob.txt: skipped: binary file" in err  # skipped inputs are still reported
