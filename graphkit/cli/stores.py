"""The one store rule of the command line: which store a command reads or writes.

* ``--db FILE``: that store, for every command.
* ``graphkit run`` without ``--db``: ``OUTDIR/graphkit.db``, beside the files
  it writes (``-o OUTDIR``, default ``graphkit-out``).
* every other command without ``--db``: ``./graphkit.db`` when it exists, else
  the one ``graphkit.db`` in a folder right below the current one
  (``graphkit-out/graphkit.db`` after ``graphkit run``, ``out/graphkit.db``
  after ``graphkit run -o out``); several such stores are an error that lists
  them.  ``graphkit ingest`` creates ``graphkit-out/graphkit.db`` when there is
  none (the store ``graphkit run`` would write).

A store that a command must read and that does not exist is a usage error
(exit status 2), the same for every command.

>>> import os, tempfile
>>> here = os.getcwd(); d = tempfile.mkdtemp(); os.chdir(d)
>>> os.mkdir("out"); open(os.path.join("out", "graphkit.db"), "w").close()
>>> find_store(None)
'out/graphkit.db'
>>> os.chdir(here)
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["STORE_NAME", "DEFAULT_OUTDIR", "STORE_RULE", "StoreNotFound", "find_store", "run_store"]

STORE_NAME = "graphkit.db"
DEFAULT_OUTDIR = "graphkit-out"
#: The rule in one paragraph, for ``--help``.
STORE_RULE = (
    "Store: --db FILE; without it, `graphkit run` uses OUTDIR/graphkit.db (beside its outputs) and every other "
    "command uses ./graphkit.db if it exists, else the one graphkit.db in a folder right below this one "
    "(graphkit-out/ after `graphkit run`, out/ after `graphkit run -o out`); `graphkit ingest` creates "
    "graphkit-out/graphkit.db when there is none."
)


class StoreNotFound(Exception):
    """No store where the rule looks (a usage error: exit status 2)."""


def _below(cwd: Path) -> list[str]:
    found = []
    try:
        entries = sorted(os.scandir(cwd), key=lambda e: e.name)
    except OSError:
        return found
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir() and (Path(entry.path) / STORE_NAME).is_file():
                found.append(os.path.join(entry.name, STORE_NAME))
        except OSError:
            continue
    return found


def find_store(db: str | os.PathLike | None, *, create: bool = False) -> str:
    """The store a command uses (see the module doc); ``create``: the one to create when none exists."""
    if db is not None:
        db = str(db)
        if not create and not os.path.exists(db):
            raise StoreNotFound(f"no store at {db}: create it with `graphkit run PATH... --db {db}` "
                                f"(or `graphkit ingest PATH... --db {db}`)")
        return db
    if os.path.exists(STORE_NAME):
        return STORE_NAME
    below = _below(Path("."))
    if len(below) == 1:
        return below[0]
    if len(below) > 1:
        raise StoreNotFound(f"several stores here: {', '.join(below)}; say which with --db, "
                            f"e.g. --db {below[0]}")
    if create:
        return os.path.join(DEFAULT_OUTDIR, STORE_NAME)
    raise StoreNotFound(
        f"no store here: no ./{STORE_NAME} and no {STORE_NAME} in a folder right below "
        f"(`graphkit run PATH...` writes {DEFAULT_OUTDIR}/{STORE_NAME}); "
        f"pass the store `graphkit run` printed, e.g. --db OUTDIR/{STORE_NAME}")


def run_store(db: str | os.PathLike | None, outdir: str | os.PathLike) -> str:
    """The store of ``graphkit run``: ``--db``, else ``OUTDIR/graphkit.db``."""
    return str(db) if db is not None else os.path.join(str(outdir), STORE_NAME)
