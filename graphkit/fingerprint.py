"""Short hashes of graphkit's own code and data, to notice when what made a stored result changed.

>>> len(source_fingerprint("extract.py", "actors"))
12
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__all__ = ["source_fingerprint"]

ROOT = Path(__file__).parent
#: The files that count: code and the data it reads.
SUFFIXES = frozenset({".py", ".json", ".jsonl", ".txt", ".tsv", ".yaml", ".yml"})


@functools.lru_cache(maxsize=8)
def source_fingerprint(*names: str) -> str:
    """A short hash of the files and directories ``names`` (relative to the ``graphkit`` package).

    Paths and contents both count, so a renamed, edited, added or removed file
    changes it.
    """
    files = []
    for name in names:
        p = ROOT / name
        if p.is_file():
            files.append(p)
        elif p.is_dir():
            files.extend(f for f in p.rglob("*") if f.is_file() and f.suffix in SUFFIXES
                         and "__pycache__" not in f.parts)
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(f.relative_to(ROOT).as_posix().encode() + b"\0")
        try:
            h.update(f.read_bytes())
        except OSError:
            pass
        h.update(b"\0")
    return h.hexdigest()[:12]
