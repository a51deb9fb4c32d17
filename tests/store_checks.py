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
