"""Reading articles: this module is :mod:`graphkit.readers` under its older name.

Everything is defined in :mod:`graphkit.readers` (one module a format); the
names here stay for code that imports them from ``graphkit.corpus``.

>>> from graphkit.corpus import Article, read_articles
>>> Article("x", "t").id
'x'
"""
from __future__ import annotations

from graphkit.readers import *  # noqa: F401,F403
from graphkit.readers import __all__ as _readers_all
from graphkit.readers.base import decode as _decode  # noqa: F401
from graphkit.readers.base import looks_binary as _looks_binary  # noqa: F401
from graphkit.readers.cleaning import fix_characters, headline as _headline, unwrap  # noqa: F401
from graphkit.readers.dates import parse_date as _normalize_date  # noqa: F401
from graphkit.readers.walk import Reader as _Reader  # noqa: F401

__all__ = list(_readers_all) + ["fix_characters", "unwrap"]
