"""Checks on a store file shared by the store and robustness tests."""
from __future__ import annotations

import sqlite3


def count_articles(db) -> int:
    """Articles in the store file, read-only (0 while the file does not exist yet)."""
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return c.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            c.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def assert_sound(connection) -> None:
    """SQLite integrity ok, foreign keys hold, and no article is stored without its record."""
    c = connection
    assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    orphans = c.execute("SELECT count(*) FROM articles a LEFT JOIN extractions e "
                        "ON e.article_id = a.id WHERE e.article_id IS NULL").fetchone()[0]
    assert orphans == 0
