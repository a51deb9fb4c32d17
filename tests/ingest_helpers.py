"""Helpers of the ingest tests: invented articles, JSON Lines files, the CLI as a process, store checks."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from store_checks import assert_sound

from graphkit.store import Store

REPO = Path(__file__).resolve().parents[1]

FIRST = ["Anna", "Karl", "Maria", "Lars", "Olga", "Pieter", "Ines", "Tomas", "Elena", "Jonas"]
LAST = ["Berg", "Holm", "Lind", "Dahl", "Kovac", "Novak", "Ferreira", "Sato", "Moreau", "Weber"]
COUNTRIES = ["Norway", "Sweden", "Portugal", "Japan", "France", "Germany", "Austria", "Chile"]
CITIES = ["Oslo", "Geneva", "Vienna", "Lisbon", "Tokyo", "Paris", "Berlin", "Santiago"]


def make_article(i: int) -> dict:
    """A small invented news article, different for every ``i``."""
    a = f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}"
    b = f"{FIRST[(i + 3) % 10]} {LAST[(i // 10 + 5) % 10]}"
    ca, cb = COUNTRIES[i % 8], COUNTRIES[(i + 3) % 8]
    city = CITIES[(i * 3) % 8]
    text = (f"{ca} Foreign Minister {a} met {b}, the foreign minister of {cb}, in {city} on Monday "
            f"for talks on trade number {i}.\n\n"
            f"{a.split()[1]} said the meeting had been useful and that both countries would sign "
            f"an agreement on fisheries before the end of the year.")
    return {"id": f"art{i:03d}", "title": f"Talks in {city} ({i})", "text": text}


def write_jsonl(path: Path, items) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for obj in items:
            f.write(json.dumps(obj) + "\n")
    return path


def cli_proc(*args, code: str | None = None, **kw) -> subprocess.Popen:
    """``python -m graphkit.cli ARGS`` as a real process (stdout/stderr piped).

    With ``code``: ``python -c CODE ARGS`` instead (a driver that changes something, then runs the CLI).
    """
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    head = ["-c", code] if code is not None else ["-m", "graphkit.cli"]
    return subprocess.Popen([sys.executable, *head, *map(str, args)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def check_store(db: Path) -> dict[str, dict]:
    """integrity ok, every article has its record and its rows; returns ``{id: record}``."""
    with Store(db) as s:
        c = s.connection
        assert_sound(c)
        ids = [r[0] for r in c.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids))
        recs = {r["doc"]: r for r in s.records()}
        assert set(recs) == set(ids)
        n_actor_rows = c.execute("SELECT count(*) FROM actors").fetchone()[0]
        assert n_actor_rows == sum(len({a["name"] for a in r["actors"]}) for r in recs.values())
        n_mentions = c.execute("SELECT count(*) FROM mentions").fetchone()[0]
        assert n_mentions == sum(len(a["mentions"]) for r in recs.values() for a in r["actors"])
        return recs
