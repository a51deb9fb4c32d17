"""Plain text and Markdown: one article a file (``.txt``, ``.text``, ``.md``, ``.markdown``).

The id is the file name without extension.  Metadata, in this order:

* a header block on the first lines, ``Key: value`` lines ending at a blank
  line (``Title:``, ``Headline:``, ``Date:``, ``Published:``, ``Source:``,
  ``URL:``, ``ID:``), or a Markdown front matter (YAML between ``---`` lines):
  removed from the text, the title put back as its first line;
* else the title is the first line when it looks like a headline, the date a
  dateline in the first four lines (:func:`graphkit.readers.dates.find_date`);
* else the date is one in the file name (``1987-02-26_talks.txt``).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from graphkit.readers.base import (
    DATE_KEYS, ID_KEYS, SOURCE_KEYS, TITLE_KEYS, URL_KEYS, Article, is_missing, pick, read_decoded,
)
from graphkit.readers.cleaning import clean_text, headline, markdown_to_text
from graphkit.readers.dates import date_from_name, find_date

SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
_MARKDOWN = frozenset({".md", ".markdown"})

_HEADER_KEYS = frozenset({"title", "headline", "date", "published", "dated", "source", "url", "id", "author",
                          "byline"})
_HEADER = re.compile(r"([A-Za-z][A-Za-z ]{1,20}?)\s*:\s+(\S.*)")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)


def split_header(text: str) -> tuple[dict, str]:
    """``(metadata, rest of the text)``: a ``Key: value`` header block or a YAML front matter.

    >>> split_header("Title: Talks in Oslo\\nDate: 26.02.1987\\n\\nBerg met Holm.")
    ({'title': 'Talks in Oslo', 'date': '26.02.1987'}, 'Berg met Holm.')
    >>> split_header("---\\ntitle: Talks\\ndate: 1987-02-26\\n---\\nBerg met Holm.")[0]
    {'title': 'Talks', 'date': '1987-02-26'}
    >>> split_header("WASHINGTON: Berg met Holm.")[0]
    {}
    """
    stripped = text.lstrip("\n")
    m = _FRONT_MATTER.match(stripped)
    if m:
        import yaml  # a graphkit dependency (the --actors dictionaries)

        try:
            meta = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            meta = None
        if isinstance(meta, dict):
            return ({str(k).lower(): v.isoformat() if hasattr(v, "isoformat") else v for k, v in meta.items()},
                    stripped[m.end():])
    meta: dict = {}
    lines = stripped.split("\n")
    n = 0
    for n, line in enumerate(lines):
        if not line.strip():
            break
        hm = _HEADER.fullmatch(line.strip())
        key = hm and hm.group(1).strip().lower()
        if not hm or key not in _HEADER_KEYS:
            return {}, text
        meta[key] = hm.group(2).strip()
    else:
        n = len(lines)
    if not meta or not ({"title", "headline", "date", "published", "dated"} & meta.keys()):
        return {}, text
    return meta, "\n".join(lines[n:]).lstrip("\n")


def read(reader, path: Path) -> Iterator[Article]:
    """The article of one text file (none when it is empty, binary or all boilerplate)."""
    opts = reader.options
    decoded = read_decoded(reader, path, blank_is_empty=False)
    if decoded is None:
        return
    text, note = decoded
    if not text.strip():
        reader.problem(path, None, "empty file (only white space)", skipped=False)
        return
    notes = []
    if note:
        notes.append(note)
        reader.problem(path, None, note, skipped=False)
    meta, body = split_header(text.replace("\r\n", "\n"))
    if meta:
        text = body
    if path.suffix.lower() in _MARKDOWN:
        text = markdown_to_text(text)
    title = _meta(meta, opts.title_key, TITLE_KEYS)
    if title:
        text = f"{title}\n\n{text}"
    if opts.clean:
        text = clean_text(text, title)
        if not text:
            reader.problem(path, None, "no text left after removing boilerplate")
            return
    date = None
    raw_date = _meta(meta, opts.date_key, DATE_KEYS)
    if raw_date:
        date = reader.date(raw_date, path, None, notes)
    date = date or find_date(text, day_first=opts.day_first) or date_from_name(path.stem)
    art = Article(
        id=_meta(meta, opts.id_key, ID_KEYS) or path.stem, text=text, title=title or headline(text), date=date,
        url=_meta(meta, None, URL_KEYS), source=_meta(meta, None, SOURCE_KEYS), path=str(path), notes=notes,
    )
    yield reader.unique(art)


def _meta(meta: dict, key: str | None, defaults) -> str | None:
    if not meta:
        return None
    _, v = pick(meta, key, defaults)
    if is_missing(v) or v is None or isinstance(v, (dict, list)):
        return None
    v = str(v).strip()
    return v or None
