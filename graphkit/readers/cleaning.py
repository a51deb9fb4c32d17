"""Cleaning an article's text: page boilerplate, hard-wrapped lines, character references.

:func:`clean_text` removes page boilerplate (repeated title lines, comment
forms, navigation crumbs, site footers).  Its line rules are general and kept
as data in ``graphkit/data/boilerplate.txt``.
"""
from __future__ import annotations

import functools
import html
import re
from pathlib import Path

__all__ = ["clean_text", "unwrap", "fix_characters", "headline", "markdown_to_text"]

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
    text = (Path(__file__).parent.parent / "data" / "boilerplate.txt").read_text(encoding="utf-8")
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


def headline(text: str) -> str | None:
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


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^)\n]*)\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_MD_FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~).*$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)


def markdown_to_text(text: str) -> str:
    r"""Markdown markup removed, the words kept: headings, links, images, bold, rules, fences, quotes.

    >>> markdown_to_text("# Berg meets Holm\n\n**Oslo** - Berg met [Holm](http://x.org/holm).\n\n---\n![map](m.png)")
    'Berg meets Holm\n\nOslo - Berg met Holm.\n\n\n'
    """
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_RULE.sub("", text)
    text = _MD_FENCE.sub("", text)
    return _MD_QUOTE.sub("", text)
