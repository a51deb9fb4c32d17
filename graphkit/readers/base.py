"""What every reader shares: :class:`Article`, :class:`Problem`, :class:`ReadOptions`,
:class:`Sources`, bytes to text, and turning a mapping (a JSON object, a CSV row, a
front matter) into an article through the field mapping.
"""
from __future__ import annotations

import codecs
import logging
import os
from dataclasses import dataclass, field
from typing import Iterable, Union

__all__ = ["Article", "Problem", "ReadOptions", "Sources", "PathLike", "TEXT_KEYS", "TITLE_KEYS",
           "DATE_KEYS", "ID_KEYS"]

log = logging.getLogger("graphkit.corpus")  # the logger name users know from graphkit.corpus

PathLike = Union[str, os.PathLike]

_SAMPLE = 8192  # bytes looked at to tell text from binary

#: Fields tried, in order, when no ``--text-key`` (``--title-key``...) is given; matched ignoring case.
TEXT_KEYS = ("text", "body", "content", "article", "story", "full_text", "fulltext", "maintext")
TITLE_KEYS = ("title", "headline", "heading", "subject")
DATE_KEYS = ("date", "published", "published_at", "publish_date", "pubdate", "date_published",
             "publication_date", "datetime", "created_at", "created", "timestamp")
ID_KEYS = ("id", "doc_id", "docid", "article_id", "uid", "guid", "_id")
URL_KEYS = ("url", "link", "href")
SOURCE_KEYS = ("source", "publisher", "sitename", "site", "outlet")


@dataclass
class Article:
    """One news article as read from disk, before any parsing.

    ``id`` is the file name without extension (one article a file) or the
    ``id`` field (JSON Lines, CSV).  ``date`` is an ISO date string when known.
    ``path`` and ``line`` say where the article came from, for messages.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    line: int | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Problem:
    """Something wrong with one input; reading goes on.

    ``skipped`` is True when an input that should have given an article gave
    none (binary, malformed, no text field...), False for a warning: an
    article still read (a decoding fallback, a date not understood) or an
    input with nothing to read (an empty file, files of a type graphkit does
    not read).

    >>> str(Problem("a/b.jsonl", 3, "malformed JSON", True))
    'a/b.jsonl:3: malformed JSON'
    >>> str(Problem("a/c.txt", None, "empty file", False))
    'a/c.txt: empty file'
    >>> Problem("a/b.jsonl", 3, "duplicate id 'x'", False).report_line()
    "a/b.jsonl:3: warning: duplicate id 'x'"
    """

    path: str
    line: int | None
    message: str
    skipped: bool

    @property
    def where(self) -> str:
        """``FILE`` or ``FILE:LINE``."""
        return self.path if self.line is None else f"{self.path}:{self.line}"

    @property
    def kind(self) -> str:
        """``"skipped"`` (no article came out of the input) or ``"warning"``."""
        return "skipped" if self.skipped else "warning"

    def report_line(self) -> str:
        """The problem as graphkit reports it (stderr, ``summary.json``): ``FILE[:LINE]: KIND: MESSAGE``."""
        return f"{self.where}: {self.kind}: {self.message}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class ReadOptions:
    """How to read the inputs (the ``--text-key`` ... ``--date-order`` options).

    ``text_key``, ``title_key``, ``date_key``, ``id_key``: the field of a JSON
    object or the column of a CSV file holding the text, title, date, id
    (``a.b`` reaches into a nested object; ``copy,body``: the first present).  None: the first present of
    :data:`TEXT_KEYS` (:data:`TITLE_KEYS`, ...), ignoring case.
    ``day_first``: read an ambiguous numeric date (``03/04/1987``) as day,
    month, year (3 April); default month first (4 March), as US wire copy
    writes it.  A date whose first number is over 12 (``26/02/1987``) is
    read as it can only be read, whatever the order.  ``clean``: remove page
    boilerplate (:func:`graphkit.readers.clean_text`).
    """

    text_key: str | None = None
    title_key: str | None = None
    date_key: str | None = None
    id_key: str | None = None
    day_first: bool = False
    clean: bool = True

    @property
    def date_order(self) -> str:
        """``"day-first"`` or ``"month-first"``."""
        return "day-first" if self.day_first else "month-first"


class Sources:
    """Input paths together with the :class:`ReadOptions` to read them.

    Passed wherever paths are (the engines hand their ``paths`` on to
    :func:`graphkit.readers.read_articles` untouched), so the options reach
    the reader without every layer in between knowing them.  ``ids`` collects
    the id of every article read from them (``graphkit run --fresh`` keeps
    only those).

    >>> s = Sources(["a", "b"], ReadOptions(text_key="body"))
    >>> list(s), s.options.text_key
    (['a', 'b'], 'body')
    """

    def __init__(self, paths: PathLike | Iterable[PathLike], options: ReadOptions | None = None):
        if isinstance(paths, Sources):
            options = options or paths.options
            paths = paths.paths
        self.paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
        self.options = options or ReadOptions()
        self.ids: set[str] = set()

    def __iter__(self):
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)

    def __repr__(self) -> str:
        return f"Sources({self.paths!r}, {self.options!r})"


# --------------------------------------------------------------------------
# bytes -> text
# --------------------------------------------------------------------------

_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13} | {127}


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes, or mostly control bytes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b in _CONTROL_BYTES)
    if control > 0.05 * len(sample):
        return True
    try:  # valid UTF-8 (a truncated final character is fine)
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return False
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in sample if b >= 0x80)
    return high > 0.30 * len(sample)


def read_decoded(reader, path, *, blank_is_empty: bool = True, check_empty: bool = True):
    """``(text, decoding note)`` of a file, or None once ``reader`` was told why there is none: the
    file cannot be read, is empty (with ``blank_is_empty``, white space only too) or is binary.  The
    one way every reader turns a file into text."""
    try:
        data = path.read_bytes()
    except OSError as e:
        reader.unreadable(path, e)
        return None
    if check_empty and not (data.strip() if blank_is_empty else data):
        reader.problem(path, None, "empty file", skipped=False)
        return None
    if looks_binary(data):
        reader.problem(path, None, "binary file")
        return None
    return decode(data)


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode bytes: UTF-8 (BOM stripped), else cp1252, else latin-1.

    Returns the text and a note when a fallback was used.

    >>> decode(b"\\xef\\xbb\\xbfCaf\\xc3\\xa9")
    ('Café', None)
    >>> decode(b"Caf\\xe9")
    ('Café', 'not UTF-8; decoded as cp1252')
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").lstrip("\ufeff"), None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8").lstrip("\ufeff"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not UTF-8; decoded as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8; decoded as latin-1"


# --------------------------------------------------------------------------
# field mapping
# --------------------------------------------------------------------------

_MISSING = object()


def lookup(obj: dict, key: str):
    """``obj[key]``, else the key matched ignoring case, else ``a.b`` as ``obj[a][b]``; _MISSING if absent.

    >>> lookup({"Body": "x"}, "body"), lookup({"a": {"b": 1}}, "a.b")
    ('x', 1)
    """
    if key in obj:
        return obj[key]
    folded = key.casefold()
    for k, v in obj.items():
        if isinstance(k, str) and k.casefold() == folded:
            return v
    if "." in key:
        head, _, rest = key.partition(".")
        inner = lookup(obj, head)
        if isinstance(inner, dict):
            return lookup(inner, rest)
    return _MISSING


def pick(obj: dict, key: str | None, defaults: tuple[str, ...]) -> tuple[str | None, object]:
    """``(field name found, value)`` for ``key`` (or the first of ``defaults`` present); ``(None, _MISSING)``.

    ``key`` may name alternatives, first present wins: ``"copy,body"`` (a corpus of several feeds).

    >>> pick({"body": "x"}, "copy,body", ()), pick({"text": "y"}, None, ("text",)), pick({}, "a", ())[0]
    (('body', 'x'), ('text', 'y'), None)
    """
    if key:
        for k in (part.strip() for part in key.split(",")):
            if k and (v := lookup(obj, k)) is not _MISSING:
                return k, v
        return None, _MISSING
    for k in defaults:  # a default name holding a list, an object or null is not the field meant
        v = lookup(obj, k)
        if v is not _MISSING and v is not None and not isinstance(v, (dict, list)):
            return k, v
    return None, _MISSING


def is_missing(value) -> bool:
    return value is _MISSING
