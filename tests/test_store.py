"""Tests for graphkit.store: round trip, idempotence, crash safety, concurrency."""
from __future__ import annotations

import copy
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from store_checks import assert_sound, count_articles

from graphkit.corpus import Article
from graphkit.store import Store, StoreError

REPO = Path(__file__).resolve().parents[1]

TEXT = "Kerry met Lavrov in Geneva. Lavrov said the talks were useful."
# 62 characters: "Kerry" 0-5, "Lavrov" 10-16, "Geneva" 20-26, first sentence 0-27,
# "Lavrov" 28-34, then " said the talks were useful." (28 characters) 34-62


def kerry_lavrov_record(doc="a1"):
    return {
        "doc": doc,
        "title": "Geneva Talks",
        "date": "2016-09-09",
        "actors": [
            {"name": "John Kerry", "type": "person", "country": "United States",
             "aliases": ["Kerry"], "roles": ["Secretary of State"], "mentions": [[0, 5, 0]]},
            {"name": "Sergey Lavrov", "type": "person", "country": "Russia",
             "aliases": ["Lavrov"], "roles": [], "mentions": [[10, 16, 0], [28, 34, 1]]},
        ],
        "meetings": [
            {"participants": ["John Kerry", "Sergey Lavrov"], "kind": "meeting", "status": "happened",
             "location": "Geneva", "date": None, "date_iso": None, "hub": None,
             "evidence": "Kerry met Lavrov in Geneva.", "evidence_all": ["Kerry met Lavrov in Geneva."],
             "spans": [[0, 27]]},
        ],
        "relations": [
            {"kind": "statement", "participants": ["Sergey Lavrov"],
             "evidence": "Lavrov said the talks were useful.", "spans": [[28, 62]]},
        ],
    }


def article(id="a1", text=TEXT, **kw):
    return Article(id=id, text=text, title=kw.pop("title", "Geneva Talks"),
                   date=kw.pop("date", "2016-09-09"), **kw)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "g.db")
    yield s
    s.close()


# ---------------------------------------------------------------------------
# basic behaviour
# ---------------------------------------------------------------------------

def test_put_get_round_trip(store):
    rec = kerry_lavrov_record()
    art = article(url="https://example.org/a1", source="Example Wire", path="in/a1.jsonl", line=3)
    assert store.status(art) == "new"
    assert store.put(art, copy.deepcopy(rec), extractor_version="x1") == "new"
    assert store.get_record("a1") == rec
    assert store.get_record("zz") is None
    got = store.get_article("a1")
    assert (got.id, got.text, got.title, got.date, got.url, got.source, got.path, got.line) == (
        "a1", TEXT, "Geneva Talks", "2016-09-09", "https://example.org/a1", "Example Wire", "in/a1.jsonl", 3)
    assert store.article_ids() == {"a1"}
    assert store.counts() == {"articles": 1, "actors": 2, "mentions": 3, "meetings": 1, "relations": 1}
    assert store.extractor_version("a1") == "x1"

    c = store.connection
    assert c.execute("SELECT n_chars, length(hash) FROM articles").fetchone() == (62, 64)
    actor = c.execute("SELECT type, country, roles, aliases FROM actors WHERE name = 'John Kerry'").fetchone()
    assert actor == ("person", "United States", '["Secretary of State"]', '["Kerry"]')
    meeting = c.execute("SELECT idx, kind, status, location, hub, participants, spans FROM meetings").fetchone()
    assert meeting == (0, "meeting", "happened", "Geneva", None, '["John Kerry", "Sergey Lavrov"]', "[[0, 27]]")
    assert c.execute("SELECT kind, evidence FROM relations").fetchone() == (
        "statement", "Lavrov said the talks were useful.")


def test_same_article_twice_is_unchanged(store):
    rec = kerry_lavrov_record()
    assert store.put(article(), rec) == "new"
    before = store.counts()
    assert store.status(article()) == "unchanged"
    assert store.put(article(), rec) == "unchanged"
    assert store.counts() == before == {"articles": 1, "actors": 2, "mentions": 3, "meetings": 1, "relations": 1}


def test_changed_article_replaces_old_extraction(store):
    store.put(article(), kerry_lavrov_record())
    new_text = "Putin called Erdogan."
    new_rec = {"doc": "a1", "actors": [
        {"name": "Vladimir Putin", "type": "person", "country": "Russia", "aliases": ["Putin"],
         "roles": [], "mentions": [[0, 5, 0]]}], "meetings": [], "relations": []}
    changed = article(text=new_text)
    assert store.status(changed) == "changed"
    assert store.put(changed, new_rec) == "changed"
    c = store.connection
    assert [r[0] for r in c.execute("SELECT name FROM actors WHERE article_id = 'a1'")] == ["Vladimir Putin"]
    assert c.execute("SELECT actor_name, surface FROM mentions").fetchall() == [("Vladimir Putin", "Putin")]
    assert store.counts() == {"articles": 1, "actors": 1, "mentions": 1, "meetings": 0, "relations": 0}
    assert store.get_record("a1") == new_rec
    assert store.get_article("a1").text == new_text


def test_title_or_date_change_counts_as_changed(store):
    store.put(article(), kerry_lavrov_record())
    assert store.status(article(date="2016-09-10")) == "changed"
    assert store.status(article(title="Other")) == "changed"
    assert store.status(article(url="https://elsewhere.example")) == "unchanged"


def test_new_extractor_version_restores_an_unchanged_article(store):
    rec = kerry_lavrov_record()
    store.put(article(), rec, extractor_version="1")
    assert store.status(article(), extractor_version="1") == "unchanged"
    assert store.status(article(), extractor_version="2") == "changed"
    rec2 = copy.deepcopy(rec)
    rec2["meetings"] = []
    assert store.put(article(), rec2, extractor_version="2") == "changed"
    assert store.get_record("a1")["meetings"] == []
    assert store.extractor_version("a1") == "2"
    assert store.counts()["meetings"] == 0


def test_mention_offsets_are_preserved(store):
    store.put(article(), kerry_lavrov_record())
    rows = store.connection.execute(
        'SELECT actor_name, start, "end", sent, surface FROM mentions ORDER BY start').fetchall()
    assert rows == [("John Kerry", 0, 5, 0, "Kerry"), ("Sergey Lavrov", 10, 16, 0, "Lavrov"),
                    ("Sergey Lavrov", 28, 34, 1, "Lavrov")]
    text = store.get_article("a1").text
    assert all(text[s:e] == surface for _, s, e, _, surface in rows)


def test_delete_cascades(store):
    store.put(article(), kerry_lavrov_record())
    store.put(article("a2", "Zarif visited Ankara."), {"doc": "a2", "actors": []})
    assert store.delete("a1") is True
    assert store.delete("a1") is False
    assert store.counts() == {"articles": 1, "actors": 0, "mentions": 0, "meetings": 0, "relations": 0}
    assert store.connection.execute("SELECT count(*) FROM extractions").fetchone()[0] == 1
    assert store.article_ids() == {"a2"}


def test_records_and_articles_stream_in_id_order(store):
    for i in ("c", "a", "b"):
        store.put(Article(id=i, text=f"Text {i}."), {"doc": i, "actors": []})
    assert [r["doc"] for r in store.records()] == ["a", "b", "c"]
    assert [(a.id, a.text) for a in store.articles()] == [("a", "Text a."), ("b", "Text b."), ("c", "Text c.")]


def test_failed_put_leaves_nothing_behind(store):
    bad = {"doc": "a1", "actors": [{"name": "X", "mentions": [["not", "offsets"]]}]}
    with pytest.raises(ValueError):
        store.put(article(), bad)
    assert store.counts()["articles"] == 0
    assert store.put(article(), kerry_lavrov_record()) == "new"


def test_reopen_keeps_data_and_memory_store(tmp_path):
    with Store(tmp_path / "g.db") as s:
        s.put(article(), kerry_lavrov_record())
    with Store(str(tmp_path / "g.db")) as s:
        assert s.get_record("a1") == kerry_lavrov_record()
        assert s.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
        assert s.connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    with Store(":memory:") as m:
        assert m.put(article(), kerry_lavrov_record()) == "new"
        assert m.counts()["mentions"] == 3


# ---------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------

def test_text_file_as_store_is_a_store_error(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("These are my notes, not a database.\n" * 20, encoding="utf-8")
    with pytest.raises(StoreError, match="not a graphkit database") as e:
        Store(p)
    assert str(p) in str(e.value)
    assert p.read_text(encoding="utf-8") == "These are my notes, not a database.\n" * 20  # untouched


def test_other_sqlite_database_is_a_store_error(tmp_path):
    p = tmp_path / "other.db"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE customers (id INTEGER)")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="not a graphkit database"):
        Store(p)


def test_missing_directory_is_a_store_error(tmp_path):
    p = tmp_path / "no" / "such" / "dir" / "g.db"
    with pytest.raises(StoreError) as e:
        Store(p)
    assert str(p) in str(e.value)


def test_directory_as_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path)


# ---------------------------------------------------------------------------
# crash safety and concurrency (real processes)
# ---------------------------------------------------------------------------

WRITER = textwrap.dedent('''
    import contextlib, os, sys, time
    from graphkit.corpus import Article
    from graphkit.store import Store

    db, start, stop, pause = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    go = sys.argv[5] if len(sys.argv) > 5 else None
    MENTIONS = 400

    def make(i):
        text = f"Article {i}: Kerry met Lavrov. " + "Lavrov spoke. " * MENTIONS
        mentions = [[len(f"Article {i}: Kerry met ") + 0, len(f"Article {i}: Kerry met ") + 6, 0]]
        base = len(f"Article {i}: Kerry met Lavrov. ")
        mentions += [[base + 14 * k, base + 14 * k + 6, k + 1] for k in range(MENTIONS)]
        rec = {"doc": f"art{i:04d}", "actors": [
            {"name": "Sergey Lavrov", "type": "person", "country": "Russia", "aliases": [], "roles": [],
             "mentions": mentions},
            {"name": "John Kerry", "type": "person", "country": "United States", "aliases": [],
             "roles": [], "mentions": [[len(f"Article {i}: "), len(f"Article {i}: ") + 5, 0]]}],
            "meetings": [{"participants": ["John Kerry", "Sergey Lavrov"], "kind": "meeting",
                          "status": "happened", "evidence": "Kerry met Lavrov.", "spans": [[0, 10]]}],
            "relations": []}
        return Article(id=f"art{i:04d}", text=text), rec

    if go:
        while not os.path.exists(go):
            time.sleep(0.005)
    tally = {"new": 0, "unchanged": 0, "changed": 0}
    with Store(db) as store, (store.deferred_sync() if os.environ.get("DEFERRED") else contextlib.nullcontext()):
        for i in range(start, stop):
            tally[store.put(*make(i))] += 1
            if pause:
                time.sleep(pause)
    print(tally["new"], tally["unchanged"], tally["changed"])
''')
MENTIONS = 400  # as in WRITER: Lavrov 401 mentions, Kerry 1


@pytest.fixture
def writer(tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))

    def start(db, a, b, pause=0.0, go=None, deferred=False):
        args = [sys.executable, str(script), str(db), str(a), str(b), str(pause)] + ([str(go)] if go else [])
        return subprocess.Popen(args, env=dict(env, DEFERRED="1") if deferred else env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    return start


def check_consistent(db):
    """integrity ok, no article without its record, child rows match each record."""
    with Store(db) as s:
        c = s.connection
        assert_sound(c)
        n = s.counts()["articles"]
        assert s.counts() == {"articles": n, "actors": 2 * n, "mentions": (MENTIONS + 2) * n,
                              "meetings": n, "relations": 0}
        for rec in s.records():
            assert rec["doc"] in s
            assert len(rec["actors"][0]["mentions"]) == MENTIONS + 1
        # every stored mention points at the text it names
        bad = c.execute("SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id "
                        "WHERE substr(a.text, m.start + 1, m.\"end\" - m.start) != m.surface").fetchone()[0]
        assert bad == 0
        return n


@pytest.mark.parametrize("deferred", [False, True], ids=["flush-each", "deferred-sync"])
def test_killed_writer_leaves_a_consistent_store(tmp_path, writer, deferred):
    db = tmp_path / "crash.db"
    total = 300
    stored_before = 0
    for round_, threshold in enumerate((15, 40, 70)):
        proc = writer(db, 0, total, pause=0.002, deferred=deferred)
        deadline = time.monotonic() + 60
        while count_articles(db) < threshold and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.002)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        assert proc.returncode == -signal.SIGKILL, "the writer must be killed mid-way"
        n = check_consistent(db)
        assert stored_before <= n < total, (round_, n)
        stored_before = n

    # rerun the whole ingest: what is stored is skipped, the rest is added, each exactly once
    proc = writer(db, 0, total)
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    assert out.split() == [str(total - stored_before), str(stored_before), "0"]
    assert check_consistent(db) == total
    with Store(db) as s:
        assert s.article_ids() == {f"art{i:04d}" for i in range(total)}


def test_deferred_sync_flushes_again_after_the_block_even_after_an_error(tmp_path):
    with Store(tmp_path / "g.db") as s:
        def sync():
            return s.connection.execute("PRAGMA synchronous").fetchone()[0]

        assert sync() == 2  # FULL: each commit flushed
        with pytest.raises(RuntimeError, match="boom"):
            with s.deferred_sync():
                assert sync() == 1  # NORMAL
                assert s.put(article(), kerry_lavrov_record()) == "new"
                raise RuntimeError("boom")
        assert sync() == 2
    with Store(tmp_path / "g.db") as s:
        assert s.get_record("a1") == kerry_lavrov_record()


def test_two_processes_writing_at_once(tmp_path, writer):
    db = tmp_path / "shared.db"  # not created yet: both race to create it too
    go = tmp_path / "go"
    a = writer(db, 0, 100, go=go)     # art0000 .. art0099
    b = writer(db, 50, 150, go=go)    # art0050 .. art0149: 50 in common, same content
    time.sleep(0.3)
    go.write_text("go")
    out_a, err_a = a.communicate(timeout=180)
    out_b, err_b = b.communicate(timeout=180)
    assert a.returncode == 0, err_a
    assert b.returncode == 0, err_b
    new_a, unchanged_a, changed_a = map(int, out_a.split())
    new_b, unchanged_b, changed_b = map(int, out_b.split())
    assert new_a + new_b == 150          # each article written once ...
    assert unchanged_a + unchanged_b == 50  # ... and found there by the other process
    assert changed_a == changed_b == 0
    assert check_consistent(db) == 150
    with Store(db) as s:
        assert s.article_ids() == {f"art{i:04d}" for i in range(150)}


# ---------------------------------------------------------------------------
# read-only stores: a 0444 file, a read-only directory (as on a read-only mount)
# ---------------------------------------------------------------------------

def _without_write_override():
    """In a child before exec: as root, give up writing files whatever their permission bits.

    Drops CAP_DAC_OVERRIDE from the capability bounding set (prctl PR_CAPBSET_DROP), so
    the program exec'd is held to the permission bits like any user; nothing outside the
    child changes.
    """
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(24, 1, 0, 0, 0) != 0:  # PR_CAPBSET_DROP, CAP_DAC_OVERRIDE
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE)")


def run_without_write_access(*argv) -> subprocess.CompletedProcess:
    """Run ``argv`` (a graphkit command) unable to write files or directories that are not writable."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    preexec = _without_write_override if os.geteuid() == 0 else None
    try:
        return subprocess.run([sys.executable, "-m", "graphkit.cli", *map(str, argv)], env=env,
                              capture_output=True, text=True, timeout=300, preexec_fn=preexec)
    except subprocess.SubprocessError as exc:
        if "preexec_fn" in str(exc):
            pytest.skip(f"running as root and cannot drop CAP_DAC_OVERRIDE here: {exc}")
        raise


@pytest.fixture
def read_only_store(tmp_path, corpus, nlp):
    """A store with the two invented articles, in its own directory."""
    from graphkit.pipeline import ingest_paths

    d = tmp_path / "ro"
    d.mkdir()
    db = d / "g.db"
    assert ingest_paths([corpus], db, model=nlp).ingested == 2
    yield db
    d.chmod(0o755)
    for f in d.iterdir():
        f.chmod(0o644)


@pytest.mark.parametrize("where", ["0444 file", "read-only directory"])
def test_queries_answer_from_a_store_they_cannot_write(read_only_store, corpus, tmp_path, where):
    db = read_only_store
    db.chmod(0o444)
    if where == "read-only directory":
        db.parent.chmod(0o555)
    before = db.read_bytes()
    files = sorted(p.name for p in db.parent.iterdir())

    r = run_without_write_access("who-met", "Berg", "--db", db)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Anna Berg: 1 meeting") and "Karl Holm" in r.stdout
    r = run_without_write_access("summary", "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["articles"] == 2
    r = run_without_write_access("graph", "--db", db, "-o", tmp_path / "graph")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "graph" / "graph.graphml").exists()

    # only ingest needs write access: one clear error, exit 2, the store untouched
    r = run_without_write_access("ingest", corpus, "--db", db)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [f"graphkit: error: {db}: the store file is not writable "
                                             "(adding articles needs write access; queries, graph, render "
                                             "and summary only read it)"]
    assert db.read_bytes() == before
    if where == "read-only directory":
        assert sorted(p.name for p in db.parent.iterdir()) == files  # nothing created beside it


def test_read_only_store_with_a_pending_log_it_cannot_read(read_only_store, tmp_path):
    """On read-only media a write-ahead log without its index cannot be read: a clear error, not stale data."""
    db = read_only_store
    c = sqlite3.connect(db)
    c.execute("PRAGMA wal_autocheckpoint = 0")
    c.execute("INSERT INTO meta(key, value) VALUES ('note', 'written after the last checkpoint')")
    c.commit()
    copy_dir = tmp_path / "copy"
    copy_dir.mkdir()
    for name in ("g.db", "g.db-wal"):  # the log, not its index (-shm): as copied by a backup tool
        (copy_dir / name).write_bytes((db.parent / name).read_bytes())
    c.close()
    assert (copy_dir / "g.db-wal").stat().st_size > 0
    copy_dir.chmod(0o555)
    try:
        r = run_without_write_access("summary", "--db", copy_dir / "g.db")
    finally:
        copy_dir.chmod(0o755)
    assert r.returncode == 2
    assert "write-ahead log g.db-wal holds changes" in r.stderr and str(copy_dir / "g.db") in r.stderr


def test_read_only_store_refuses_writes(tmp_path, store):
    store.put(article(), kerry_lavrov_record())
    store.close()
    with Store(tmp_path / "g.db", readonly=True) as ro:
        assert ro.get_record("a1") == kerry_lavrov_record()
        with pytest.raises(StoreError, match="read-only"):
            ro.put(article(id="a2"), kerry_lavrov_record("a2"))
        with pytest.raises(StoreError, match="read-only"):
            ro.delete("a1")
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.db", readonly=True)
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 50)
    with pytest.raises(StoreError, match="not a graphkit database"):
        Store(notes, readonly=True)
    assert not (tmp_path / "missing.db").exists()
