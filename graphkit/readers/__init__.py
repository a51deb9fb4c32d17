"""Reading articles: text, Markdown, JSON Lines, JSON, CSV / TSV and HTML files, and directories.

The entry point is :func:`read_articles`, a generator that streams
:class:`Article` objects out of files and directories and reports every
problem it meets through a callback instead of stopping::

    for article in read_articles(["corpus/", "extra.jsonl"], on_problem=print):
        ...

One module a format: :mod:`~graphkit.readers.text` (``.txt``, ``.text``,
``.md``, ``.markdown``: one article a file), :mod:`~graphkit.readers.jsonl`
(``.jsonl``, ``.ndjson``, ``.json``: one article an object),
:mod:`~graphkit.readers.table` (``.csv``, ``.tsv``, ``.tab``: one article a
row), :mod:`~graphkit.readers.html` (``.html``, ``.htm``, ``.xhtml``: one
article a page, by trafilatura).  Dates: :mod:`~graphkit.readers.dates`
(metadata values by ``dateparser``, datelines, file names); cleaning:
:mod:`~graphkit.readers.cleaning`; the walk and the field mapping:
:mod:`~graphkit.readers.walk`.

How to read (field names, day-first dates) is a :class:`ReadOptions`, given
to :func:`read_articles` or carried by a :class:`Sources` in place of the
paths.  ``graphkit.corpus`` re-exports this package.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from graphkit.readers.base import (
    DATE_KEYS, ID_KEYS, TEXT_KEYS, TITLE_KEYS, Article, PathLike, Problem, ReadOptions, Sources, decode,
    looks_binary,
)
from graphkit.readers.cleaning import clean_text, fix_characters, headline, unwrap
from graphkit.readers.dates import date_from_name, find_date, parse_date
from graphkit.readers.walk import (
    HTML_SUFFIXES, JSON_SUFFIXES, JSONL_SUFFIXES, OUTPUT_NAMES, TABLE_SUFFIXES, TEXT_SUFFIXES, WALKED_SUFFIXES,
    Reader, reader_for,
)

__all__ = [
    "Article", "Problem", "ReadOptions", "Sources", "read_articles", "clean_text", "find_date",
    "parse_date", "date_from_name", "TEXT_SUFFIXES", "JSONL_SUFFIXES", "JSON_SUFFIXES", "TABLE_SUFFIXES",
    "HTML_SUFFIXES", "WALKED_SUFFIXES", "TEXT_KEYS", "TITLE_KEYS", "DATE_KEYS", "ID_KEYS",
]


def read_articles(
    paths: PathLike | Iterable[PathLike] | Sources,
    *,
    on_problem: Callable[[Problem], None] | None = None,
    clean: bool = True,
    options: ReadOptions | None = None,
) -> Iterator[Article]:
    """Stream the articles in ``paths`` (files and directories, one or many).

    * ``.jsonl`` / ``.ndjson`` (and ``.json`` holding one object a line): one
      article a line, read line by line, never whole; a ``.json`` file holding
      a JSON array of objects (or one object) is read too.  ``.csv`` /
      ``.tsv``: one article a row under a header row.  The fields: the text
      (required), ``id`` (else ``<file stem>:<line>``), ``title``, ``date``,
      ``url``, ``source``, named by ``options`` (``--text-key`` ...) or found
      under their usual names (``body``, ``headline``, ``published`` ...,
      ignoring case: :data:`TEXT_KEYS`...).
    * ``.html`` / ``.htm``: one article, its text, title and date found by
      trafilatura.
    * any other file: one article of plain text (Markdown markup removed for
      ``.md``), id = file name without extension; a ``Title:`` / ``Date:``
      header or a YAML front matter gives title and date, else the first line
      is the title when it looks like a headline and a dateline gives the date.
    * a directory: walked recursively in sorted order, reading the suffixes
      above and skipping hidden files and directories; the files of other
      types are counted and reported once (a warning) for each directory
      given, and graphkit's own outputs beside a store are not read back.

    Without a date in the metadata or a dateline, a date in the file name is
    used (``1987-02-26_talks.txt``).  Metadata dates are read by ``dateparser``
    (:func:`parse_date`); ``options.day_first`` reads ``03/04/1987`` as 3 April.

    Problems never stop the run: each is passed to ``on_problem`` as a
    :class:`Problem` (default: logged as a warning); an empty file is a
    warning, a file that cannot give an article is skipped.  With ``clean``
    (default) texts go through :func:`clean_text`.  A repeated id gets a
    suffix (``x~2``) and a warning.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Dalton Meets Vesel\\n\\nDalton met Vesel in Moscow.\\n")
    >>> _ = (d / "b.jsonl").write_text('{"id": "b1", "text": "Holm called Berg."}\\n{"id": 2}\\n')
    >>> _ = (d / "c.csv").write_text('headline,published,body\\nTalks,02/26/1987,Berg met Holm.\\n')
    >>> problems = []
    >>> [(a.id, a.title, a.date) for a in read_articles(d, on_problem=problems.append)]
    [('a', 'Dalton Meets Vesel', None), ('b1', None, None), ('c:2', 'Talks', '1987-02-26')]
    >>> [str(p).replace(str(d), "D") for p in problems]
    ["D/b.jsonl:2: no 'text' field"]
    """
    reader, paths = reader_for(paths, on_problem, options, clean)
    return reader.read(paths)

