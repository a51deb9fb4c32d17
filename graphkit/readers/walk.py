"""The reader: paths in, :class:`~graphkit.readers.base.Article` objects out, problems reported.

:class:`Reader` walks directories (sorted, hidden entries skipped), sends each
file to the module of its format (:mod:`~graphkit.readers.text`,
:mod:`~graphkit.readers.jsonl`, :mod:`~graphkit.readers.table`,
:mod:`~graphkit.readers.html`), makes ids unique within the run and turns a
mapping (a JSON object, a CSV row) into an article through the field mapping.
Files of other types in a walked directory are counted and reported once for
that directory; graphkit's own outputs beside a store are passed over.
"""
from __future__ import annotations

import logging
import os
from collections import Counter
from pathlib import Path
from typing import Callable, Iterator

from graphkit.readers import html as html_reader
from graphkit.readers import jsonl, table, text
from graphkit.readers.base import (
    DATE_KEYS, ID_KEYS, SOURCE_KEYS, TEXT_KEYS, TITLE_KEYS, URL_KEYS, Article, Problem, ReadOptions, Sources,
    is_missing, pick,
)
from graphkit.readers.cleaning import clean_text
from graphkit.readers.dates import find_date, parse_date

log = logging.getLogger("graphkit.corpus")

#: Suffixes read as one article a file (plain text, Markdown).
TEXT_SUFFIXES = text.SUFFIXES
JSONL_SUFFIXES = jsonl.JSONL_SUFFIXES
JSON_SUFFIXES = jsonl.JSON_SUFFIXES
TABLE_SUFFIXES = table.SUFFIXES
HTML_SUFFIXES = html_reader.SUFFIXES
#: Every suffix read when walking a directory.
WALKED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES
#: What graphkit writes beside its store (``graphkit run``, ``graphkit graph``): never read back as articles.
OUTPUT_NAMES = frozenset({"records.jsonl", "graph.graphml", "graph.gexf", "graph.json", "view.html", "summary.json",
                          "nodes.csv", "edges.csv"})
STORE_NAME = "graphkit.db"


def _default_on_problem(problem: Problem) -> None:
    log.warning("%s", problem)


def suffix_list() -> str:
    """The suffixes read, for messages: ``.csv .htm .html ...``."""
    return " ".join(sorted(WALKED_SUFFIXES))


class Reader:
    """One read of some paths: its options, problems and the ids given so far."""

    def __init__(self, on_problem: Callable[[Problem], None] | None, options: ReadOptions,
                 ids: set[str] | None = None):
        self.on_problem = on_problem or _default_on_problem
        self.options = options
        self.clean = options.clean
        self.ids: dict[str, int] = {}
        self.read_ids = ids  # Sources.ids: every id handed out
        self.ambiguous_warned: set[str] = set()

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
                others: Counter = Counter()
                yield from self.walk(path, set(), others)
                self.report_others(path, others)
            else:
                yield from self.read_file(path)

    def report_others(self, top: Path, others: Counter) -> None:
        """Once per directory given: the files in it (and below) that were not read, by type."""
        if not others:
            return
        n = sum(others.values())
        kinds = ", ".join(f"{c} {s}" for s, c in sorted(others.items(), key=lambda x: (-x[1], x[0])))
        self.problem(top, None, f"{n} file{'s' * (n != 1)} not read ({kinds}); graphkit reads {suffix_list()}",
                     skipped=False)

    def walk(self, top: Path, visited: set, others: Counter) -> Iterator[Article]:
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
        outputs = any(e.name == STORE_NAME for e in entries)  # a folder graphkit writes into
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
                yield from self.walk(Path(entry.path), visited, others)
                continue
            suffix = Path(entry.name).suffix.lower()
            if outputs and (entry.name.startswith(STORE_NAME) or entry.name in OUTPUT_NAMES):
                continue  # a store and the files graphkit wrote beside it: never read back, said nothing of
            if suffix in WALKED_SUFFIXES:
                yield from self.read_file(Path(entry.path))
            else:
                others[suffix or "without extension"] += 1

    def not_a_file(self, path: Path) -> None:
        """A walked entry that is neither a directory nor a regular file.

        A broken symbolic link (or a loop of them) is reported like a missing
        file when it could be an input: a name with an article suffix, or no
        suffix at all (a link to a directory).  Anything else (a broken
        ``logo.png``, a socket, a FIFO) is skipped silently, like every file
        that is not read.
        """
        suffix = path.suffix.lower()
        if suffix and suffix not in WALKED_SUFFIXES:
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
            return self.read_jsonl(path)
        if suffix in JSON_SUFFIXES:
            return self.read_json(path)
        if suffix in TABLE_SUFFIXES:
            return self.read_table(path)
        if suffix in HTML_SUFFIXES:
            return self.read_html(path)
        return self.read_text(path)  # a file named on the command line is text whatever its suffix

    # the formats (methods, so that a test can stand in for one)
    def read_text(self, path: Path) -> Iterator[Article]:
        return text.read(self, path)

    def read_jsonl(self, path: Path) -> Iterator[Article]:
        return jsonl.read_jsonl(self, path)

    def read_json(self, path: Path) -> Iterator[Article]:
        return jsonl.read_json(self, path)

    def read_table(self, path: Path) -> Iterator[Article]:
        return table.read(self, path)

    def read_html(self, path: Path) -> Iterator[Article]:
        return html_reader.read(self, path)

    # -- shared by the formats -------------------------------------------
    def date(self, value, path, line, notes: list[str], pre: str = "") -> str | None:
        """The ISO date of a metadata value; a warning when it is not understood or ambiguous."""
        iso = parse_date(value, self.options.day_first)
        if iso is None:
            msg = f"{pre}date {str(value)!r} not recognised; ignored"
            notes.append(msg)
            self.problem(path, line, msg, skipped=False)
            return None
        if iso.ambiguous and str(path) not in self.ambiguous_warned:
            self.ambiguous_warned.add(str(path))
            order, other = self.options.date_order, ("month-first" if self.options.day_first else "day-first")
            self.problem(path, line, f"{pre}date {str(value)!r} could be {iso} or {iso.other}: read {order} as "
                                     f"{iso} (--date-order {other} reads it the other way; later ambiguous dates "
                                     "of this file are read the same, without a message)", skipped=False)
        return str(iso)

    def from_obj(self, obj, path: Path, line: int | None, fallback_id: str,
                 note: str | None, item: int | None = None) -> Article | None:
        """An article from a JSON object or a CSV row, through the field mapping (:class:`ReadOptions`)."""
        pre = f"item {item}: " if item is not None else ""
        if not isinstance(obj, dict):
            self.problem(path, line, f"{pre}not a JSON object")
            return None
        opts = self.options
        key, text_value = pick(obj, opts.text_key, TEXT_KEYS)
        if is_missing(text_value) or text_value is None:
            if opts.text_key:
                msg = f"no {opts.text_key!r} field (--text-key)"
            else:
                fields = ", ".join(map(str, list(obj)[:8])) + (", ..." if len(obj) > 8 else "")
                msg = f"no 'text' field (fields: {fields or 'none'}; name the text field with --text-key)"
                msg = "no 'text' field" if not obj or _only_meta(obj) else msg
            self.problem(path, line, pre + msg)
            return None
        if not isinstance(text_value, str):
            self.problem(path, line, f"{pre}{key!r} is not a string ({type(text_value).__name__})")
            return None
        text_value = text_value.lstrip("\ufeff")
        if not text_value.strip():
            self.problem(path, line, f"{pre}empty text", skipped=False)
            return None

        def meta(k, defaults):
            _, v = pick(obj, k, defaults)
            if is_missing(v) or v is None or isinstance(v, (dict, list)):
                return None
            v = str(v).strip()
            return v or None

        notes = [note] if note else []
        _, aid = pick(obj, opts.id_key, ID_KEYS)
        if is_missing(aid) or isinstance(aid, bool) or not isinstance(aid, (str, int)) or not str(aid).strip():
            if not is_missing(aid) and aid is not None and aid != "":
                self.problem(path, line, f"{pre}'id' is not a string or number; using {fallback_id!r}",
                             skipped=False)
            aid = fallback_id
        aid = str(aid).strip()
        title = meta(opts.title_key, TITLE_KEYS)
        _, raw_date = pick(obj, opts.date_key, DATE_KEYS)
        date = None
        if not is_missing(raw_date) and raw_date not in (None, "") and not isinstance(raw_date, (dict, list)):
            date = self.date(raw_date, path, line, notes, pre)
        if self.clean:
            text_value = clean_text(text_value, title)
            if not text_value:
                self.problem(path, line, f"{pre}no text left after removing boilerplate")
                return None
        if date is None:
            date = find_date(text_value, day_first=opts.day_first)
        art = Article(id=aid, text=text_value, title=title, date=date, url=meta(None, URL_KEYS),
                      source=meta(None, SOURCE_KEYS), path=str(path), line=line, notes=notes)
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
        if self.read_ids is not None:
            self.read_ids.add(art.id)
        return art


def _only_meta(obj: dict) -> bool:
    """True when the object's fields are all of the known metadata (id, title...): a plain missing text."""
    known = {k.casefold() for k in (*ID_KEYS, *TITLE_KEYS, *DATE_KEYS, *URL_KEYS, *SOURCE_KEYS)}
    return all(isinstance(k, str) and k.casefold() in known for k in obj)


def reader_for(paths, on_problem, options: ReadOptions | None, clean: bool) -> tuple[Reader, object]:
    """The reader for ``paths`` (a :class:`Sources` brings its options and collects its ids)."""
    ids = None
    if isinstance(paths, Sources):
        options = options or paths.options
        ids = paths.ids
        paths = paths.paths
    options = options or ReadOptions(clean=clean)
    if not clean and options.clean:
        options = ReadOptions(**{**options.__dict__, "clean": False})
    return Reader(on_problem, options, ids), paths
