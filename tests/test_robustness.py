"""Robustness of ingestion: bad inputs, kill -9 mid-run, two writers on one store, unwritable output."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from ingest_helpers import check_store, cli_proc, make_article, write_jsonl
from store_checks import count_articles

from graphkit import corpus as corpus_mod
from graphkit.cli import main
from graphkit.corpus import read_articles
from graphkit.pipeline import ingest_paths
from graphkit.store import Store

@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """40 generated articles (JSON Lines) and the records of one clean single-process run."""
    d = tmp_path_factory.mktemp("generated")
    src = write_jsonl(d / "articles.jsonl", [make_article(i) for i in range(40)])
    db = d / "clean.db"
    report = ingest_paths([src], db)
    assert report.ingested == 40 and report.ok
    return src, check_store(db)


# ---------------------------------------------------------------------------
# a directory of good and bad files
# ---------------------------------------------------------------------------

def test_mixed_bad_directory(tmp_path, nlp, monkeypatch, capsys):
    d = tmp_path / "in"
    d.mkdir()
    good = make_article(1)
    (d / "a_good.txt").write_text(good["title"] + "\n\n" + good["text"], encoding="utf-8")
    (d / "b_empty.txt").write_bytes(b"")
    (d / "c_binary.txt").write_bytes(bytes(range(256)) * 40)
    latin = make_article(2)["text"].replace("Monday", "Monday at the Caf\u00e9 Ren\u00e9")
    (d / "d_latin1.txt").write_bytes(latin.encode("latin-1"))
    # a long article: over the model's max_length (lowered for the test), parsed in pieces
    # (paragraphs all different: the reader drops repeated lines as boilerplate)
    long_text = "\n\n".join(make_article(100 + i)["text"].replace("\n\n", " ") for i in range(240))
    assert len(long_text) > 60_000
    (d / "e_long.txt").write_text(long_text, encoding="utf-8")
    write_jsonl(d / "f_lines.jsonl", [make_article(4), make_article(5)])
    with open(d / "f_lines.jsonl", "a", encoding="utf-8") as f:
        f.write('{"id": "broken", "text": "no end\n')
        f.write(json.dumps(make_article(6)) + "\n")
    (d / "z_vanishing.txt").write_text(make_article(7)["text"], encoding="utf-8")

    # the vanishing file: listed with the directory, deleted before the reader gets to it
    real_read_text = corpus_mod._Reader.read_text

    def read_text(self, path):
        if path.name == "a_good.txt":
            (d / "z_vanishing.txt").unlink()
        return real_read_text(self, path)

    monkeypatch.setattr(corpus_mod._Reader, "read_text", read_text)
    monkeypatch.setattr(nlp, "max_length", 20_000)
    monkeypatch.setattr("graphkit.nlp.load_model", lambda name=None: nlp)  # the patched pipeline

    db = tmp_path / "g.db"
    rc = main(["ingest", str(d), "--db", str(db)])
    out, err = capsys.readouterr()
    assert rc == 1  # some inputs skipped; the rest stored
    lines = err.splitlines()

    def one(name, text):
        hits = [ln for ln in lines if name in ln]
        assert len(hits) == 1, (name, lines)
        assert text in hits[0], hits[0]

    one("b_empty.txt", "warning: empty file")          # nothing to read: a warning, not a skip
    one("c_binary.txt", "skipped: binary file")
    one("d_latin1.txt", "warning: not UTF-8")
    one("e_long.txt", "parsed in")
    one("f_lines.jsonl:3", "skipped: malformed JSON")
    one("z_vanishing.txt", "skipped: file vanished")
    assert len(lines) == 6, lines  # one message per bad file, nothing else
    assert "6 new, 0 updated, 0 unchanged, 3 skipped, 0 failed" in out

    recs = check_store(db)
    assert set(recs) == {"a_good", "d_latin1", "e_long", "art004", "art005", "art006"}
    with Store(db) as s:
        assert "Caf\u00e9 Ren\u00e9" in s.get_article("d_latin1").text
        long_text = s.get_article("e_long").text
        assert len(long_text) > 60_000
    # the piece records were merged: mention offsets point into the whole text
    mentions = [m for a in recs["e_long"]["actors"] for m in a["mentions"]]
    assert max(m[1] for m in mentions) > 50_000
    assert all(0 <= m[0] < m[1] <= len(long_text) for m in mentions)


def test_five_megabyte_article_is_read_and_split(tmp_path):
    """A 5 MB article is read whole and split into pieces at paragraph breaks (parsed in test_long_articles)."""
    from graphkit.pieces import PIECE_CHARS, split_text

    path = tmp_path / "huge.txt"
    with open(path, "w", encoding="utf-8") as f:  # all paragraphs different (repeated lines are dropped)
        f.write("Huge Article\n\n")
        for i in range(38_000):
            f.write(f"The finance ministers of the group met in Paris on day {i} to discuss exchange "
                    f"rates, and officials said talks would go on in Bonn.\n\n")
    assert path.stat().st_size > 5_000_000
    problems = []
    arts = list(read_articles([path], on_problem=problems.append))
    assert problems == [] and len(arts) == 1
    text = arts[0].text
    assert len(text) > 4_900_000
    pieces = split_text(text, PIECE_CHARS)
    assert len(text) / PIECE_CHARS < len(pieces) < 2 * len(text) / PIECE_CHARS
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= PIECE_CHARS for _, p in pieces)
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])  # cut at paragraph breaks


def _make_unwritable(path: Path) -> bool:
    """A directory nothing can be written into, also for root (immutable flag); False if impossible."""
    if os.geteuid() != 0:
        path.chmod(0o555)
        return True
    proc = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    return proc.returncode == 0


def _make_writable(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o755)


def test_read_only_output_path(tmp_path, corpus, nlp, capsys):
    out = tmp_path / "out"
    out.mkdir()
    if not _make_unwritable(out):
        pytest.skip("cannot make a read-only directory here (root without chattr)")
    db = tmp_path / "g.db"
    try:
        rc = main(["run", str(corpus), "-o", str(out), "--db", str(db)])
        err = capsys.readouterr().err
        assert rc == 2
        msg = [ln for ln in err.splitlines() if ln.startswith("graphkit: error:")]
        assert len(msg) == 1 and str(out) in msg[0] and "cannot write into the output directory" in msg[0]
        assert list(out.iterdir()) == []  # no half-written file
        # under a read-only output directory: the store cannot be created there either
        rc = main(["ingest", str(corpus), "--db", str(out / "g.db")])
        err = capsys.readouterr().err
        assert rc == 2 and str(out) in err
    finally:
        _make_writable(out)
    # nothing lost: once the directory is writable the same command does the whole job
    assert main(["run", str(corpus), "-o", str(out), "--db", str(db), "-q"]) == 0
    assert {p.name for p in out.iterdir()} >= {"records.jsonl", "graph.graphml", "view.html", "summary.json"}
    with Store(db) as s:
        assert s.article_ids() == {"a", "b"}


# ---------------------------------------------------------------------------
# kill -9 during ingest, then rerun
# ---------------------------------------------------------------------------

def test_kill_9_during_ingest_then_rerun(tmp_path, generated):
    src, clean = generated
    db = tmp_path / "crash.db"
    # batch size 1: articles are parsed and stored one by one, so the kill lands mid-run
    proc = cli_proc("ingest", src, "--db", db, "--batch-size", "1", "-q")
    deadline = time.monotonic() + 120
    while count_articles(db) < 5 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "ingest must be killed mid-way"
    stored = len(check_store(db))
    assert 5 <= stored < 40, stored
    assert not (tmp_path / "crash.db-journal").exists()

    proc = cli_proc("ingest", src, "--db", db)
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    assert f"{40 - stored} new, 0 updated, {stored} unchanged, 0 skipped, 0 failed" in out
    recs = check_store(db)
    assert set(recs) == {f"art{i:03d}" for i in range(40)}  # every article, once
    assert recs == clean  # the same records as one clean run


# ---------------------------------------------------------------------------
# two processes writing one store at once
# ---------------------------------------------------------------------------

def test_two_ingests_on_one_store_at_once(tmp_path, generated):
    src, clean = generated
    items = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()]
    a = write_jsonl(tmp_path / "a.jsonl", items[:28])      # art000 .. art027
    b = write_jsonl(tmp_path / "b.jsonl", items[12:])      # art012 .. art039: 16 in common
    db = tmp_path / "shared.db"                            # not created yet: both race to create it
    pa = cli_proc("ingest", a, "--db", db, "--batch-size", "2")
    pb = cli_proc("ingest", b, "--db", db, "--batch-size", "2")
    out_a, err_a = pa.communicate(timeout=240)
    out_b, err_b = pb.communicate(timeout=240)
    assert pa.returncode == 0, err_a
    assert pb.returncode == 0, err_b

    def counts(out):
        words = out.split()
        return int(words[words.index("new,") - 1]), int(words[words.index("unchanged,") - 1])

    new_a, unchanged_a = counts(out_a)
    new_b, unchanged_b = counts(out_b)
    assert new_a + new_b == 40               # each article written once ...
    assert unchanged_a + unchanged_b == 16   # ... and found there by the other process
    recs = check_store(db)
    assert recs == clean
