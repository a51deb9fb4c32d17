"""Reading articles: plain-text files, directories and JSON Lines.

Standard library only.  The entry point is :func:`read_articles`, a generator
that streams :class:`Article` objects out of files, directories and JSON Lines
files and reports every problem it meets through a callback instead of
stopping::

    for article in read_articles(["corpus/", "extra.jsonl"], on_problem=print):
        ...

:func:`clean_text` removes page boilerplate (repeated title lines, comment
forms, navigation crumbs, site footers).  Its line rules are general and kept
as data in ``graphkit/data/boilerplate.txt``.  :func:`find_date` reads a
dateline ("WASHINGTON, Jan 3, 2017 (Reuters) -", "Published: 2016-12-27").
"""
from __future__ import annotations

import codecs
import datetime as _dt
import functools
import html
import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

__all__ = [
    "Article",
    "Problem",
    "read_articles",
    "clean_text",
    "find_date",
    "TEXT_SUFFIXES",
    "JSONL_SUFFIXES",
]

log = logging.getLogger(__name__)

PathLike = Union[str, os.PathLike]

#: Suffixes read as one article a file when walking a directory.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
#: Suffixes read as JSON Lines (one article a line).
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: ``.json``: JSON Lines when the file holds one object a line, else a JSON
#: array of article objects (or one article object).
JSON_SUFFIXES = frozenset({".json"})
_WALKED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES

_SAMPLE = 8192  # bytes looked at to tell text from binary


@dataclass
class Article:
    """One news article as read from disk, before any parsing.

    ``id`` is the file name without extension (``.txt``) or the ``id`` field
    (JSON Lines).  ``date`` is an ISO date string when known.  ``path`` and
    ``line`` say where the article came from, for messages.
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

    ``skipped`` is True when no article came out of it, False for a warning
    about an article that was still read (e.g. a decoding fallback).

    >>> str(Problem("a/b.jsonl", 3, "malformed JSON", True))
    'a/b.jsonl:3: malformed JSON'
    >>> str(Problem("a/c.txt", None, "empty file", True))
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


def _default_on_problem(problem: Problem) -> None:
    log.warning("%s", problem)


# --------------------------------------------------------------------------
# bytes -> text
# --------------------------------------------------------------------------

_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13} | {127}


def _looks_binary(data: bytes) -> bool:
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


def _decode(data: bytes) -> tuple[str, str | None]:
    """Decode bytes: UTF-8 (BOM stripped), else cp1252, else latin-1.

    Returns the text and a note when a fallback was used.

    >>> _decode(b"\\xef\\xbb\\xbfCaf\\xc3\\xa9")
    ('Café', None)
    >>> _decode(b"Caf\\xe9")
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
# dates
# --------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE = (
    _WEEKDAY
    + r"(?:(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})"
    + r"|(?P<mon2>" + _MONTH + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
    + r"|(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon3>" + _MONTH + r")\.?,?\s+(?P<y3>\d{4}))"
    + r"(?!\d)"
)
_PLACE = r"(?:[A-Z][A-Za-z.'\u2019\- ]{0,30},\s*)"
_DATE_LINE_RES = [
    # "Published: 2016-12-27", "Posted on December 27, 2016"
    re.compile(
        r"(?:published|posted|updated|last updated|date|dated)(?:\s+on)?\s*[:\-\u2013\u2014]?\s*" + _DATE,
        re.IGNORECASE,
    ),
    # "WASHINGTON, Jan 3, 2017 (Reuters) -", "January 14, 2017, The Iran Project -"
    re.compile(r"(?:" + _PLACE + r"){0,2}" + r"(?i:" + _DATE + r")"),
    # "By Jane Doe | December 27, 2016"
    re.compile(r"(?i:by)\s+[^\n]{0,80}?(?i:" + _DATE + r")"),
]


def _date_from_match(m: re.Match) -> str | None:
    g = m.groupdict()
    try:
        if g.get("y1"):
            y, mo, d = int(g["y1"]), int(g["m1"]), int(g["d1"])
        elif g.get("y2"):
            y, mo, d = int(g["y2"]), _MONTHS[g["mon2"][:3].lower()], int(g["d2"])
        elif g.get("y3"):
            y, mo, d = int(g["y3"]), _MONTHS[g["mon3"][:3].lower()], int(g["d3"])
        else:
            return None
        if not 1800 <= y <= 2200:
            return None
        return _dt.date(y, mo, d).isoformat()
    except (ValueError, KeyError):
        return None


def find_date(text: str, *, lines: int = 4) -> str | None:
    """The ISO date of a dateline at the top of ``text``, if it states a year.

    Looks at the first ``lines`` non-empty lines for a "Published: ..." label,
    a dateline starting the line (optionally after a place name) or a byline
    holding a date.  A date without a year gives None: no year is guessed.

    >>> find_date("Title\\n\\nWASHINGTON, Jan 3, 2017 (Reuters) - Talks began.")
    '2017-01-03'
    >>> find_date("Published: 2016-12-27\\nMoscow said ...")
    '2016-12-27'
    >>> find_date("January 14, The Iran Project - Since the start ...") is None
    True
    """
    seen = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > lines:
            break
        for rx in _DATE_LINE_RES:
            m = rx.match(line)
            if m:
                iso = _date_from_match(m)
                if iso:
                    return iso
    return None


_ISO_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_DATE_ANY = re.compile(_DATE, re.IGNORECASE)


def _normalize_date(value: str) -> str | None:
    """An ISO date from a metadata date string, or None when not recognised.

    >>> _normalize_date("2016-12-27T10:30:00Z")
    '2016-12-27'
    >>> _normalize_date("Tue, 27 Dec 2016 10:30:00 GMT")
    '2016-12-27'
    >>> _normalize_date("last week") is None
    True
    """
    value = value.strip()
    m = _ISO_PREFIX.match(value)
    if m:
        try:
            return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    m = _DATE_ANY.search(value)
    return _date_from_match(m) if m else None


# --------------------------------------------------------------------------
# cleaning
# --------------------------------------------------------------------------

_REPEAT_MAX = 200  # only lines shorter than this are dropped as repeats
_CRUMB_MAX_WORDS = 3
_DOMAIN_RE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}/?",
    re.IGNORECASE,
)
_CHAR_FIXES = str.maketrans({
    "\u00a0": " ",   # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u200b": None,  # zero-width space
    "\u200c": None,
    "\u200d": None,
    "\u2060": None,
    "\ufeff": None,  # BOM / zero-width no-break space
    "\u00ad": None,  # soft hyphen
    "\u2028": "\n",
    "\u2029": "\n",
    "\r": "\n",
})


@functools.lru_cache(maxsize=1)
def _boilerplate_re() -> re.Pattern:
    """The boilerplate regexes of ``graphkit/data/boilerplate.txt`` as one."""
    text = (Path(__file__).parent / "data" / "boilerplate.txt").read_text(encoding="utf-8")
    parts = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            re.compile(line)
        except re.error as e:  # a broken data file is a bug: say where
            raise ValueError(f"graphkit/data/boilerplate.txt:{n}: bad regex: {e}") from None
        parts.append(f"(?:{line})")
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


def _is_crumb(line: str) -> bool:
    return len(line.split()) <= _CRUMB_MAX_WORDS and not line.endswith((".", "!", "?", '"', "\u201d"))


def unwrap(text: str) -> str:
    r"""Join hard-wrapped lines (wire copy wrapped at ~70 columns) back into paragraphs.

    A text counts as hard-wrapped when most of its lines, other than a paragraph's
    last, are of similar length (40-100 characters); a paragraph ends at a blank
    line or where the next line is indented.  Other texts are returned unchanged.

    >>> unwrap("Anna Berg met Karl Holm in Oslo on Monday, officials of both\ncountries said after the two ministers had\nlunch.\n    Holm said the talks went well and that a second\nround would follow in Lima later this year, he said.")
    'Anna Berg met Karl Holm in Oslo on Monday, officials of both countries said after the two ministers had lunch.\n    Holm said the talks went well and that a second round would follow in Lima later this year, he said.'
    """
    raw = text.split("\n")
    inner = [ln for i, ln in enumerate(raw[:-1]) if ln.strip() and raw[i + 1].strip() and not raw[i + 1][:1].isspace()]
    if len(inner) < 2 or sum(40 <= len(ln.rstrip()) <= 100 for ln in inner) < 0.8 * len(inner):
        return text
    out = [raw[0]]
    for prev, ln in zip(raw, raw[1:]):
        if prev.strip() and ln.strip() and not ln[:1].isspace():
            out[-1] = out[-1].rstrip() + " " + ln.strip()
        else:
            out.append(ln)
    return "\n".join(out)


# "&#233;", "&amp;": character references left in text copied out of web pages (only with their ";")
_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,9});")
# "Hale¿s", "Hale\ufffds": a right single quote read in the wrong code page, between letters
_MISREAD_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[\u00bf\ufffd](?=[a-z])")


# "talks with <Nordstar Holdings Corp>": wire copy marks company names with angle brackets, which the
# recognizer then misses; a capitalised name inside them (with a lower-case letter: "Texaco <TX.N>" is
# a ticker and keeps its brackets), on one line, loses the brackets
_MARKED_NAME = re.compile(r"<([A-Z0-9][^<>\n]{0,80}?[a-z][^<>\n]{0,80})>")


def fix_characters(text: str) -> str:
    """Character references decoded, misread apostrophes restored, wire copy's marked names unmarked.

    >>> fix_characters("Caf&#233; owner Hale&#191;s &amp; AT&T's")
    "Café owner Hale's & AT&T's"
    >>> fix_characters("Norcom <NRC.N> said it held talks with <Nordstar Holdings Corp>; 3 < 4 > 2")
    'Norcom <NRC.N> said it held talks with Nordstar Holdings Corp; 3 < 4 > 2'
    """
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = _MARKED_NAME.sub(r"\1", text)
    return _MISREAD_APOSTROPHE.sub("'", text)


def clean_text(text: str, title: str | None = None) -> str:
    """Remove page boilerplate from an article text, keeping its paragraphs.

    General line rules only (no site-specific strings):

    * lines matching a regex of ``graphkit/data/boilerplate.txt`` (comment
      forms, "Share this", "Select Page", "Media ID: 123", copyright lines,
      "All rights reserved", lone numbers or symbols);
    * repeated short lines (under 200 characters, compared ignoring case and
      white space): only the first occurrence is kept;
    * navigation crumbs (at most three words, no final punctuation) above the
      headline, where the headline is ``title`` or the first line repeated in
      the text;
    * trailing lines that are only a domain name ("Example.com").

    Character references are decoded ("&#233;"), misread apostrophes restored
    ("Hale¿s"), angle brackets around names dropped ("<Nordstar Corp>"), lines are stripped, no-break spaces become spaces, line ends become
    ``\\n``, blank-line runs collapse to one blank line and the text is
    trimmed.

    >>> clean_text("News\\n0\\n\\nBig Talks\\nBig Talks\\n\\nA met B.\\n\\nShare this\\nexample.com")
    'Big Talks\\n\\nA met B.'
    """
    text = unwrap(fix_characters(text.replace("\r\n", "\n")).translate(_CHAR_FIXES))
    lines = [ln.strip() for ln in text.split("\n")]
    keep = [bool(ln) for ln in lines]
    boiler = _boilerplate_re()

    for i, ln in enumerate(lines):
        if keep[i] and boiler.fullmatch(ln):
            keep[i] = False

    counts: dict[str, int] = {}
    for i, ln in enumerate(lines):
        if keep[i] and len(ln) < _REPEAT_MAX:
            k = _key(ln)
            counts[k] = counts.get(k, 0) + 1

    # the headline: the given title, or the first short line seen twice
    head = None
    title_key = _key(title) if title else None
    nonempty = 0
    for i, ln in enumerate(lines):
        if not keep[i]:
            continue
        nonempty += 1
        if nonempty > 10:
            break
        k = _key(ln)
        if (title_key and k == title_key) or (not title_key and counts.get(k, 0) >= 2 and len(ln.split()) >= 2):
            head = i
            break
    if head is not None:
        for i in range(head):
            if keep[i] and _is_crumb(lines[i]):
                keep[i] = False

    seen: set[str] = set()
    for i, ln in enumerate(lines):
        if keep[i] and len(ln) < _REPEAT_MAX:
            k = _key(ln)
            if k in seen:
                keep[i] = False
            seen.add(k)

    for i in range(len(lines) - 1, -1, -1):
        if not keep[i]:
            continue
        if _DOMAIN_RE.fullmatch(lines[i]):
            keep[i] = False
            continue
        break

    out: list[str] = []
    blank = False
    for i, ln in enumerate(lines):
        if keep[i]:
            if blank and out:
                out.append("")
            out.append(ln)
            blank = False
        elif not ln:
            blank = True
    return "\n".join(out)


def _headline(text: str) -> str | None:
    """The first line when it looks like a headline (short, no final period)."""
    for ln in text.split("\n"):
        ln = ln.strip()
        if not ln:
            continue
        if len(ln) <= 150 and len(ln.split()) <= 20 and not ln.endswith((".", ",", ";")) \
                and any(c.isalpha() for c in ln):
            return ln
        return None
    return None


# --------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------

def _json_error(e: json.JSONDecodeError, line: int) -> str:
    """A JSON error as one message that names its line, whatever shows it.

    ``json`` words some errors to be followed by its own position
    ("Invalid control character at"): that tail is dropped.

    >>> try:
    ...     json.loads('{"text": "line one' + chr(10) + '"}')
    ... except json.JSONDecodeError as e:
    ...     print(_json_error(e, 7))
    malformed JSON on line 7, column 19: invalid control character
    """
    what = re.sub(r"\s+(?:starting\s+)?at$", "", e.msg.strip())
    what = what[:1].lower() + what[1:]
    return f"malformed JSON on line {line}, column {e.colno}: {what}"


class _Reader:
    def __init__(self, on_problem: Callable[[Problem], None] | None, clean: bool):
        self.on_problem = on_problem or _default_on_problem
        self.clean = clean
        self.ids: dict[str, int] = {}

    def problem(self, path, line, message, skipped=True) -> None:
        self.on_problem(Problem(str(path), line, message, skipped))

    def unreadable(self, path, error: OSError) -> None:
        """A file that could not be read: gone since it was listed, or refused by the system."""
        if isinstance(error, FileNotFoundError):
            self.problem(path, None, "file vanished before it could be read")
        else:
            self.problem(path, None, f"cannot read: {error.strerror or error}")

    # -- dispatch ---------------------------------------------------------
    def read(self, paths) -> Iterator[Article]:
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        for p in paths:
            path = Path(p)
            try:
                is_dir = path.is_dir()
                exists = is_dir or path.exists()
            except OSError as e:
                self.problem(path, None, f"cannot access: {e.strerror or e}")
                continue
            if not exists:
                self.problem(path, None, "no such file or directory")
            elif is_dir:
                yield from self.walk(path, set())
            else:
                yield from self.read_file(path)

    def walk(self, top: Path, visited: set) -> Iterator[Article]:
        try:
            st = top.stat()
            if (st.st_dev, st.st_ino) in visited:
                return
            visited.add((st.st_dev, st.st_ino))
            with os.scandir(top) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            self.problem(top, None, f"cannot list directory: {e.strerror or e}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:  # a loop of symbolic links, an entry that cannot be looked at
                is_dir = is_file = False
            if not (is_dir or is_file):
                self.not_a_file(Path(entry.path))
                continue
            if is_dir:
                yield from self.walk(Path(entry.path), visited)
            elif is_file and Path(entry.name).suffix.lower() in _WALKED_SUFFIXES:
                yield from self.read_file(Path(entry.path))

    def not_a_file(self, path: Path) -> None:
        """A walked entry that is neither a directory nor a regular file.

        A broken symbolic link (or a loop of them) is reported like a missing
        file when it could be an input: a name with an article suffix, or no
        suffix at all (a link to a directory).  Anything else (a broken
        ``logo.png``, a socket, a FIFO) is skipped silently, like every file
        that is not read.
        """
        suffix = path.suffix.lower()
        if suffix and suffix not in _WALKED_SUFFIXES:
            return
        target = "?"
        try:
            if not path.is_symlink():
                return
            target = os.readlink(path)
            path.stat()
        except FileNotFoundError:
            self.problem(path, None, f"no such file or directory (broken symbolic link to {target})")
        except OSError as e:
            self.problem(path, None, f"cannot access: {e.strerror or e}")

    def read_file(self, path: Path) -> Iterator[Article]:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from self.read_jsonl(path)
        elif suffix in JSON_SUFFIXES:
            yield from self.read_json(path)
        else:
            yield from self.read_text(path)

    # -- one article a file ---------------------------------------------
    def read_text(self, path: Path) -> Iterator[Article]:
        try:
            data = path.read_bytes()
        except OSError as e:
            self.unreadable(path, e)
            return
        if not data:
            self.problem(path, None, "empty file")
            return
        if _looks_binary(data):
            self.problem(path, None, "binary file")
            return
        text, note = _decode(data)
        del data
        if not text.strip():
            self.problem(path, None, "empty file (only white space)")
            return
        notes = []
        if note:
            notes.append(note)
            self.problem(path, None, note, skipped=False)
        if self.clean:
            text = clean_text(text)
            if not text:
                self.problem(path, None, "no text left after removing boilerplate")
                return
        art = Article(
            id=path.stem, text=text, title=_headline(text), date=find_date(text),
            path=str(path), notes=notes,
        )
        yield self.unique(art)

    # -- JSON -----------------------------------------------------------
    def read_jsonl(self, path: Path) -> Iterator[Article]:
        warned = False
        try:
            with open(path, "rb") as f:
                for n, raw in enumerate(f, 1):
                    if n == 1 and raw.startswith(codecs.BOM_UTF8):
                        raw = raw[len(codecs.BOM_UTF8):]
                    if not raw.strip():
                        continue
                    if b"\x00" in raw:
                        self.problem(path, n, "binary data")
                        continue
                    line, note = _decode(raw)
                    if note and not warned:
                        warned = True
                        self.problem(path, n, note + " (first such line; later ones too)", skipped=False)
                    try:  # without its line end: an error at the end is placed on this line
                        obj = json.loads(line.rstrip("\r\n"))
                    except json.JSONDecodeError as e:
                        self.problem(path, n, _json_error(e, n))
                        continue
                    art = self.from_obj(obj, path, n, f"{path.stem}:{n}", note)
                    if art is not None:
                        yield art
        except OSError as e:
            self.unreadable(path, e)

    def read_json(self, path: Path) -> Iterator[Article]:
        """``.json``: JSON Lines when the first line is a whole object."""
        try:
            with open(path, "rb") as f:
                first = b""
                for raw in f:
                    if raw.strip():
                        first = raw.strip().lstrip(codecs.BOM_UTF8).strip()
                        break
        except OSError as e:
            self.unreadable(path, e)
            return
        if not first:
            self.problem(path, None, "empty file")
            return
        if first.startswith(b"{"):
            try:
                if isinstance(json.loads(_decode(first)[0]), dict):
                    yield from self.read_jsonl(path)
                    return
            except json.JSONDecodeError:
                pass
        # a whole JSON document: an array of articles or one article
        try:
            data = path.read_bytes()
        except OSError as e:
            self.unreadable(path, e)
            return
        if _looks_binary(data):
            self.problem(path, None, "binary file")
            return
        text, note = _decode(data)
        del data
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as e:
            if first.startswith(b"{"):  # probably JSON Lines with a bad first line
                yield from self.read_jsonl(path)
            else:
                self.problem(path, e.lineno, _json_error(e, e.lineno))
            return
        if note:
            self.problem(path, None, note, skipped=False)
        if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
            doc = doc["articles"]
        if isinstance(doc, dict):
            art = self.from_obj(doc, path, None, path.stem, note)
            if art is not None:
                yield art
        elif isinstance(doc, list):
            for i, obj in enumerate(doc, 1):
                art = self.from_obj(obj, path, None, f"{path.stem}:{i}", note, item=i)
                if art is not None:
                    yield art
        else:
            self.problem(path, None, "JSON is neither an article object nor a list of them")

    def from_obj(self, obj, path: Path, line: int | None, fallback_id: str,
                 note: str | None, item: int | None = None) -> Article | None:
        pre = f"item {item}: " if item is not None else ""
        if not isinstance(obj, dict):
            self.problem(path, line, f"{pre}not a JSON object")
            return None
        text = obj.get("text")
        if text is None:
            self.problem(path, line, f"{pre}no 'text' field")
            return None
        if not isinstance(text, str):
            self.problem(path, line, f"{pre}'text' is not a string ({type(text).__name__})")
            return None
        text = text.lstrip("\ufeff")
        if not text.strip():
            self.problem(path, line, f"{pre}empty text")
            return None

        def meta(key):
            v = obj.get(key)
            if v is None or isinstance(v, (dict, list)):
                return None
            v = str(v).strip()
            return v or None

        notes = [note] if note else []
        aid = obj.get("id")
        if isinstance(aid, bool) or not isinstance(aid, (str, int)) or not str(aid).strip():
            if aid is not None and aid != "":
                self.problem(path, line, f"{pre}'id' is not a string or number; using {fallback_id!r}",
                             skipped=False)
            aid = fallback_id
        aid = str(aid).strip()
        title = meta("title")
        date = meta("date")
        if date is not None:
            iso = _normalize_date(date)
            if iso is None:
                msg = f"{pre}date {date!r} not recognised; ignored"
                notes.append(msg)
                self.problem(path, line, msg, skipped=False)
            date = iso
        if self.clean:
            text = clean_text(text, title)
            if not text:
                self.problem(path, line, f"{pre}no text left after removing boilerplate")
                return None
        if date is None:
            date = find_date(text)
        art = Article(id=aid, text=text, title=title, date=date, url=meta("url"),
                      source=meta("source"), path=str(path), line=line, notes=notes)
        return self.unique(art)

    def unique(self, art: Article) -> Article:
        """Make ``art.id`` unique within this run: a second ``x`` becomes ``x~2``."""
        base = art.id
        if base in self.ids:
            n = self.ids[base] + 1
            while f"{base}~{n}" in self.ids:
                n += 1
            self.ids[base] = n
            art.id = f"{base}~{n}"
            msg = f"duplicate id {base!r}; renamed {art.id!r}"
            art.notes.append(msg)
            self.problem(art.path or "", art.line, msg, skipped=False)
        self.ids[art.id] = 1
        return art


def read_articles(
    paths: PathLike | Iterable[PathLike],
    *,
    on_problem: Callable[[Problem], None] | None = None,
    clean: bool = True,
) -> Iterator[Article]:
    """Stream the articles in ``paths`` (files and directories, one or many).

    * ``.jsonl`` / ``.ndjson`` (and ``.json`` holding one object a line): one
      article a line, fields ``text`` (required), ``id`` (else
      ``<file stem>:<line>``), ``title``, ``date``, ``url``, ``source``.
      Read line by line, never whole.  A ``.json`` file holding a JSON array
      of such objects (or one object) is read too.
    * any other file: one article, id = file name without extension; the title
      is the first line when it looks like a headline.
    * a directory: walked recursively in sorted order, reading ``.txt``,
      ``.text``, ``.md``, ``.jsonl``, ``.ndjson`` and ``.json`` files and
      skipping hidden files and directories.

    Problems never stop the run: each is passed to ``on_problem`` as a
    :class:`Problem` (default: logged as a warning).  With ``clean`` (default)
    texts go through :func:`clean_text`; ``date`` falls back to a dateline
    (:func:`find_date`).  A repeated id gets a suffix (``x~2``) and a warning.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Dalton Meets Vesel\\n\\nDalton met Vesel in Moscow.\\n")
    >>> _ = (d / "b.jsonl").write_text('{"id": "b1", "text": "Holm called Berg."}\\n{"id": 2}\\n')
    >>> problems = []
    >>> [(a.id, a.title) for a in read_articles(d, on_problem=problems.append)]
    [('a', 'Dalton Meets Vesel'), ('b1', None)]
    >>> [str(p).replace(str(d), "D") for p in problems]
    ["D/b.jsonl:2: no 'text' field"]
    """
    return _Reader(on_problem, clean).read(paths)
