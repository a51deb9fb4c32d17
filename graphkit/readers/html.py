"""HTML pages: one article a file (``.html``, ``.htm``, ``.xhtml``), read by trafilatura.

trafilatura (a maintained extractor, with htmldate for the date) finds the
article's text apart from menus, footers and comments, and its title, date,
URL and site name from the page's metadata.  The id is the file name without
extension; without a date in the page, a date in the file name is used.
trafilatura is imported on the first HTML file, not before.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from graphkit.readers.base import Article, read_decoded
from graphkit.readers.cleaning import clean_text
from graphkit.readers.dates import date_from_name

SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def extract(html: str) -> dict:
    """``{"text", "title", "date", "url", "source"}`` of an HTML page (values None when not found).

    >>> page = ("<html><head><title>Berg meets Holm | News</title>"
    ...         '<meta property="article:published_time" content="2016-12-27T10:00:00Z"></head>'
    ...         "<body><nav><a href='/'>Home</a></nav><article><h1>Berg meets Holm</h1>"
    ...         "<p>Foreign Minister Anna Berg met Karl Holm in Oslo on Monday, officials said.</p>"
    ...         "<p>The two ministers talked for three hours about fishing rights.</p></article></body></html>")
    >>> d = extract(page)
    >>> d["title"], d["date"], d["text"].splitlines()[2]
    ('Berg meets Holm', '2016-12-27', 'Foreign Minister Anna Berg met Karl Holm in Oslo on Monday, officials said.')
    """
    import trafilatura  # about 0.5 s to import: only when there is HTML to read

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True, "min_date": "1800-01-01",
                                "max_date": "2200-12-31"})
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:  # a page too small for the main extractor
        text = trafilatura.html2txt(html) or None
    get = (lambda name: getattr(doc, name, None) or None) if doc is not None else (lambda name: None)
    if text:  # trafilatura gives one paragraph a line: graphkit's paragraphs are separated by blank lines
        text = re.sub(r"\n+", "\n\n", text.strip())
    return {"text": text, "title": get("title"), "date": get("date"), "url": get("url"),
            "source": get("sitename")}


def read(reader, path: Path) -> Iterator[Article]:
    decoded = read_decoded(reader, path)
    if decoded is None:
        return
    html, note = decoded
    notes = []
    if note:
        notes.append(note)
        reader.problem(path, None, note, skipped=False)
    page = extract(html)
    text = page["text"]
    if text and reader.options.clean:
        text = clean_text(text, page["title"])
    if not text:
        reader.problem(path, None, "no article text found in the page")
        return
    date = reader.date(page["date"], path, None, notes) if page["date"] else None
    art = Article(id=path.stem, text=text, title=page["title"], date=date or date_from_name(path.stem),
                  url=page["url"], source=page["source"], path=str(path), notes=notes)
    yield reader.unique(art)
