"""The Dask engine: a LocalCluster of 2 worker processes stores exactly what the local engine stores."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from graphkit.pipeline import ingest_paths
from graphkit.store import Store

if os.environ.get("CI"):
    import distributed  # in CI the Dask engine must be tested: a missing install is a failure, not a skip
else:
    distributed = pytest.importorskip("distributed", reason="needs dask[distributed] (extra: graphkit[dask])")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

INLINE = [
    {"id": "in1", "date": "2017-03-02", "title": "Ministers meet in Vienna",
     "text": "Austrian Foreign Minister Sebastian Kurz met his Swiss counterpart Didier Burkhalter in "
             "Vienna on Thursday. The two ministers discussed migration and trade."},
    {"id": "in2", "title": "Phone call",
     "text": "German Chancellor Angela Merkel spoke by telephone with French President Francois Hollande "
             "on Friday about the situation in Ukraine, a government spokesman said."},
    {"id": "in3", "text": "The central bank kept interest rates unchanged on Tuesday."},
    {"id": "in4", "text": "Prime Minister Shinzo Abe will visit Washington next month to meet "
                          "President Donald Trump, officials in Tokyo said."},
]


@pytest.fixture
def dask_corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, d / p.name)
    with open(d / "inline.jsonl", "w", encoding="utf-8") as f:
        for obj in INLINE:
            f.write(json.dumps(obj) + "\n")
        f.write("{not json\n")  # a bad line: reported by the client, like the local engine does
    return d


@pytest.fixture(scope="module")
def cluster():
    import logging

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_store_equals_local_store(tmp_path, dask_corpus, cluster, nlp):
    from graphkit.engines.dask_engine import ingest_dask

    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    local = ingest_paths([dask_corpus], local_db)
    problems = []
    # small partitions and window: several partitions on both workers, backpressure exercised
    with Store(dask_db) as store:
        report = ingest_dask([dask_corpus], store, client=cluster, partition_size=2, window=2,
                             on_problem=problems.append)
    assert len(cluster.scheduler_info()["workers"]) == 2
    assert local.counts() == report.counts()
    assert (report.ingested, report.skipped, report.failed) == (9, 1, 0)
    assert len(problems) == 1
    assert str(problems[0]).split("/")[-1].startswith("inline.jsonl:5: malformed JSON")

    with Store(local_db) as a, Store(dask_db) as b:
        recs_a, recs_b = list(a.records()), list(b.records())
        assert len(recs_a) == 9
        assert recs_a == recs_b            # identical extraction, field for field
        assert a.counts() == b.counts()
        versions = {a.extractor_version(r["doc"]) for r in recs_a} | {b.extractor_version(r["doc"]) for r in recs_b}
        assert len(versions) == 1          # the same extractor version hash
        assert [(x.id, x.text, x.title, x.date) for x in a.articles()] == \
               [(x.id, x.text, x.title, x.date) for x in b.articles()]
        assert b.connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    # a second run parses nothing: unchanged articles are found in the store by the client
    with Store(dask_db) as store:
        again = ingest_dask([dask_corpus], store, client=cluster)
    assert (again.ingested, again.unchanged) == (0, 9)


def test_cli_engine_dask_starts_a_local_cluster(tmp_path, dask_corpus, nlp, capsys):
    """``graphkit ingest --engine dask`` without --scheduler: a LocalCluster for the run, then stopped."""
    from graphkit.cli import main

    db = tmp_path / "g.db"
    for p in dask_corpus.glob("*.txt"):
        if p.name > "001":
            p.unlink()  # keep the test short: one seed and the inline articles
    rc = main(["ingest", str(dask_corpus), "--db", str(db), "--engine", "dask", "--workers", "2",
               "--partition-size", "2"])
    out, err = capsys.readouterr()
    assert rc == 1, err  # the malformed line
    assert "5 new, 0 updated, 0 unchanged, 1 skipped, 0 failed" in out
    assert "malformed JSON" in err
    with Store(db) as s:
        assert len(s) == 5


def test_cli_dask_options_need_the_dask_engine(tmp_path, corpus, capsys):
    from graphkit.cli import main

    assert main(["ingest", str(corpus), "--db", str(tmp_path / "g.db"), "--scheduler", "tcp://x:1"]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "g.db"), "--engine", "dask", "--jobs", "2"]) == 2
    assert "--jobs is for the local engine" in capsys.readouterr().err
