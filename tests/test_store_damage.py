"""A damaged store is reported as damaged (never a raw ``sqlite3.DatabaseError`` nor "not an SQLite
file"), ``check_store`` says which tables, and the corpus tables are rebuilt from the records; a store
locked for long waits and says so."""
from __future__ import annotations

import os
import time

import pytest
from store_checks import assert_sound

from graphkit.cli import main
from graphkit.corpus import Article
from graphkit.graph import load_graph
from graphkit.store import Store, StoreDamaged, StoreError, check_store, rebuild_corpus_tables


def _fill(db, n=200):
    with Store(db) as s:
        for i in range(n):
            s.put(Article(id=f"a{i:03d}", text=f"Anna Berg met Karl Holm {i} in Oslo. " * 10),
                  {"doc": f"a{i:03d}", "actors": [
                      {"name": "Anna Berg", "type": "person", "country": "Norway", "mentions": [[0, 9, 0]]},
                      {"name": f"Karl Holm {i}", "type": "person", "mentions": [[14, 23, 0]]}],
                   "meetings": [{"participants": ["Anna Berg", f"Karl Holm {i}"], "kind": "meeting",
                                 "status": "happened", "evidence": "Anna Berg met Karl Holm."}]})
        s.keep_resolution()
        s.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _damage_page(db, table):
    """Overwrite the first page of ``table`` with garbage (what a bad sector or a stray write does)."""
    with Store(db, readonly=True) as s:
        root = s.connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        size = s.connection.execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\xa5" * size)


@pytest.fixture
def damaged(tmp_path):
    db = tmp_path / "g.db"
    _fill(db)
    nodes = set(load_graph(db).nodes)
    _damage_page(db, "corpus_records")
    return db, nodes


def test_a_damaged_page_is_reported_as_damage_with_what_to_do(damaged, capsys):
    db, _ = damaged
    with pytest.raises(StoreDamaged) as exc:
        load_graph(db)
    msg = str(exc.value)
    assert str(db) in msg and "damaged" in msg and f"graphkit check --db {db}" in msg
    # the queries: one error line, exit status 2 (not a traceback, not "some input skipped")
    assert main(["who-met", "Anna Berg", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("graphkit: error:") and "damaged" in err and "Traceback" not in err


def test_check_store_names_the_damaged_table_and_rebuild_repairs_it(damaged):
    db, nodes = damaged
    check = check_store(db)
    assert not check.ok and check.damaged == ["corpus_records"] and check.corpus_only
    assert "rebuild" in check.advice
    assert check.lines()[0] == f"{db}: damaged (tables: corpus_records)"
    after = rebuild_corpus_tables(db)
    assert after.ok, after.lines()
    with Store(db) as s:
        assert_sound(s.connection)
        assert len(s) == 200
    assert set(load_graph(db).nodes) == nodes
    assert not [p.name for p in db.parent.iterdir() if "rebuild" in p.name]  # no temp file left


def test_a_damaged_articles_table_is_not_called_corpus_only(tmp_path):
    db = tmp_path / "g.db"
    _fill(db)
    _damage_page(db, "extractions")
    check = check_store(db)
    assert "extractions" in check.damaged and not check.corpus_only
    assert "re-ingest" in check.advice


def test_a_damaged_schema_page_is_damage_not_another_file(tmp_path):
    db = tmp_path / "g.db"
    _fill(db, 20)
    with open(db, "r+b") as f:  # page 1 after the 100-byte file header: the schema
        f.seek(100)
        f.write(b"\xa5" * 3000)
    for readonly in (True, False):
        with pytest.raises(StoreDamaged, match="the store is damaged"):
            Store(db, readonly=readonly)
    check = check_store(db)
    assert not check.ok and check.damaged == ["sqlite_master"] and "re-ingest" in check.advice


def test_a_file_that_is_not_sqlite_is_still_called_so(tmp_path):
    p = tmp_path / "notes.db"
    p.write_bytes(b"just some notes\n" * 100)
    with pytest.raises(StoreError, match="not an SQLite file") as exc:
        Store(p)
    assert not isinstance(exc.value, StoreDamaged)


def test_a_symlinked_store_keeps_its_log_beside_the_real_file(tmp_path):
    real = tmp_path / "data" / "g.db"
    real.parent.mkdir()
    link = tmp_path / "g.db"
    link.symlink_to(real)
    with Store(link) as s:
        s.put(Article(id="a", text="One."), {"doc": "a"})
        assert os.path.exists(str(real) + "-wal") and not os.path.exists(str(link) + "-wal")
    assert link.is_symlink()
    with Store(real, readonly=True) as s:
        assert s.article_ids() == {"a"}


def test_a_store_locked_past_the_timeout_waits_and_says_so(tmp_path, caplog):
    import logging
    import sqlite3
    import threading

    db = tmp_path / "g.db"
    Store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holding the write lock
    result = {}

    def write():
        with Store(db, timeout=0.3) as s:
            result["status"] = s.put(Article(id="a", text="One."), {"doc": "a"})

    with caplog.at_level(logging.WARNING, logger="graphkit.store"):
        t = threading.Thread(target=write)
        t.start()
        time.sleep(1.5)  # five times the timeout: the writer used to give up after one
        assert t.is_alive() and "status" not in result
        holder.execute("COMMIT")
        t.join(30)
    holder.close()
    assert result == {"status": "new"}
    assert any("the store is busy" in r.getMessage() and "still waiting" in r.getMessage() for r in caplog.records)


def test_graphkit_check_reports_damage_and_rebuild_repairs_it(damaged, capsys):
    db, nodes = damaged
    assert main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "damaged" in out and "corpus_records" in out
    assert main(["check", "--db", str(db), "--rebuild"]) == 0
    assert main(["check", "--db", str(db)]) == 0
    assert set(load_graph(db).nodes) == nodes
