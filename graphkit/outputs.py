"""Every file graphkit writes goes through :func:`atomic_write`.

The seam between the exports (``graphkit/export.py``, the view, ``records.jsonl``,
``summary.json``) and the safe-output rules (owned with the store): the caller
writes into a file object; the target appears whole or not at all.  The temp
file sits in the target's folder (so the rename is atomic), is fsynced before
the rename, and is removed when the writer fails.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with atomic_write(d / "a.txt") as f:
...     _ = f.write("whole")
>>> (d / "a.txt").read_text()
'whole'
>>> sorted(p.name for p in d.iterdir())
['a.txt']
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


@contextlib.contextmanager
def atomic_write(path, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = "\n"):
    """Open a temp file beside ``path`` for writing; on success rename it over ``path``."""
    target = Path(path)
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, mode, **({} if binary else {"encoding": encoding, "newline": newline})) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
