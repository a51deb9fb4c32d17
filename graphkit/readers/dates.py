"""Dates of articles: metadata values, datelines and headers in the text, file names.

* :func:`parse_date` reads a metadata value (a JSON field, a CSV cell, a
  ``Date:`` header, an HTML page's date): ISO dates and numeric dates
  (``02/26/1987``, ``1987/02/26``, ``26.02.1987``) here, every other written
  form (``Thu, 26 Feb 1987 10:00:00 GMT``, ``26 février 1987``) by
  ``dateparser``.  Relative phrases ("yesterday") and dates without a day
  are no article date.  An ambiguous numeric date (``03/04/1987``) is read
  month first unless ``day_first``; :func:`parse_date` says when it was
  ambiguous, so the reader can state the order it used.
* :func:`find_date` reads a dateline at the top of a text
  ("WASHINGTON, Jan 3, 2017 (Reuters) -", "Published: 2016-12-27").
* :func:`date_from_name` reads a date in a file name (``1987-02-26_talks.txt``,
  ``reuters_19870226.txt``).
"""
from __future__ import annotations

import datetime as _dt
import functools
import re

__all__ = ["parse_date", "find_date", "date_from_name", "ParsedDate"]

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
_LABEL = r"(?:published|posted|updated|last updated|date|dated)"
_DATE_LINE_RES = [
    # "Published: 2016-12-27", "Posted on December 27, 2016"
    re.compile(_LABEL + r"(?:\s+on)?\s*[:\-\u2013\u2014]?\s*" + _DATE, re.IGNORECASE),
    # "WASHINGTON, Jan 3, 2017 (Reuters) -", "January 14, 2017, The Iran Project -"
    re.compile(r"(?:" + _PLACE + r"){0,2}" + r"(?i:" + _DATE + r")"),
    # "By Jane Doe | December 27, 2016"
    re.compile(r"(?i:by)\s+[^\n]{0,80}?(?i:" + _DATE + r")"),
]
# "Date: 26.02.1987", "Published: Thu, 26 Feb 1987": a labelled line whose value the regexes above miss
_LABELLED = re.compile(_LABEL + r"(?:\s+on)?\s*:\s*(?P<value>\S.{3,60})$", re.IGNORECASE)


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
        return _iso(y, mo, d)
    except (ValueError, KeyError):
        return None


def _iso(y: int, mo: int, d: int) -> str | None:
    if not 1800 <= y <= 2200:
        return None
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


class ParsedDate(str):
    """An ISO date string that also says whether the value was an ambiguous numeric date."""

    ambiguous: bool = False
    other: str | None = None  # the reading in the other order, when ambiguous


def _parsed(iso: str | None, other: str | None = None) -> ParsedDate | None:
    if iso is None:
        return None
    out = ParsedDate(iso)
    if other and other != iso:
        out.ambiguous, out.other = True, other
    return out


_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
# 02/26/1987, 26.02.1987, 1987/02/26, 26-02-87 (and a time after it)
_NUMERIC = re.compile(r"\s*(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?:$|[T\s,])")
_EPOCH = re.compile(r"\s*\d{9,13}(?:\.\d+)?\s*$")


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:  # as strptime's %y: 69-99 -> 1900s, 00-68 -> 2000s
        y += 1900 if y >= 69 else 2000
    return y


def _numeric(m: re.Match, day_first: bool) -> ParsedDate | None:
    a, b, c = m[1], m[3], m[4]
    if len(a) == 4:  # year first: Y-M-D
        return _parsed(_iso(int(a), int(b), int(c)))
    if len(a) == 3:
        return None
    y, x, z = _year(c), int(a), int(b)
    month_first, day_first_ = _iso(y, x, z), _iso(y, z, x)
    if month_first and day_first_:
        return _parsed(day_first_, month_first) if day_first else _parsed(month_first, day_first_)
    return _parsed(month_first or day_first_)


@functools.lru_cache(maxsize=4096)
def parse_date(value, day_first: bool = False) -> ParsedDate | None:
    """The ISO date of a metadata date value, or None when it gives no calendar day.

    >>> parse_date("2016-12-27T10:30:00Z"), parse_date("Tue, 27 Dec 2016 10:30:00 GMT")
    ('2016-12-27', '2016-12-27')
    >>> parse_date("02/26/1987"), parse_date("1987/02/26"), parse_date("26.02.1987")
    ('1987-02-26', '1987-02-26', '1987-02-26')
    >>> d = parse_date("03/04/1987"); d, d.ambiguous, d.other
    ('1987-03-04', True, '1987-04-03')
    >>> parse_date("03/04/1987", day_first=True)
    '1987-04-03'
    >>> parse_date("last week") is None, parse_date("yesterday") is None, parse_date("Feb 1987") is None
    (True, True, True)
    >>> parse_date(541209600)                      # seconds since 1970 (a timestamp)
    '1987-02-25'
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(value)
    value = str(value).strip()
    if not value or not any(ch.isdigit() for ch in value):
        return None
    m = _ISO_PREFIX.match(value)
    if m:
        return _parsed(_iso(int(m[1]), int(m[2]), int(m[3])))
    m = _NUMERIC.match(value)
    if m:
        return _numeric(m, day_first)
    if _EPOCH.match(value):
        return _from_epoch(float(value))
    m = re.compile(_DATE, re.IGNORECASE).search(value)
    if m and (iso := _date_from_match(m)):
        return _parsed(iso)
    return _parsed(_dateparser(value, day_first))


def _from_epoch(value: float) -> ParsedDate | None:
    if value > 1e11:  # milliseconds
        value /= 1000
    if not 1e8 <= value <= 7.3e9:  # 1973 to 2200: smaller numbers are no timestamp
        return None
    return _parsed(_dt.datetime.fromtimestamp(value, _dt.timezone.utc).date().isoformat())


def _dateparser(value: str, day_first: bool) -> str | None:
    """``dateparser`` on a written date: absolute dates with day, month and year only."""
    import dateparser  # imported on the first date that needs it (about 0.2 s)

    settings = {
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["custom-formats", "absolute-time"],  # no "yesterday", no "3 days ago"
    }
    try:
        parsed = dateparser.parse(value, languages=["en"], settings=settings)
        if parsed is None:  # another language: let dateparser find it
            parsed = dateparser.parse(value, settings=settings)
    except (ValueError, OverflowError, TypeError):  # dateparser's own errors on odd input
        return None
    return None if parsed is None else _iso(parsed.year, parsed.month, parsed.day)


def find_date(text: str, *, lines: int = 4, day_first: bool = False) -> str | None:
    """The ISO date of a dateline at the top of ``text``, if it states a year.

    Looks at the first ``lines`` non-empty lines for a "Published: ..." label,
    a dateline starting the line (optionally after a place name) or a byline
    holding a date.  A date without a year gives None: no year is guessed.

    >>> find_date("Title\\n\\nWASHINGTON, Jan 3, 2017 (Reuters) - Talks began.")
    '2017-01-03'
    >>> find_date("Published: 2016-12-27\\nMoscow said ...")
    '2016-12-27'
    >>> find_date("Date: 26.02.1987\\nMoscow said ...")
    '1987-02-26'
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
        m = _LABELLED.match(line)
        if m:
            iso = parse_date(m["value"], day_first)
            if iso:
                return str(iso)
    return None


# a date in a file name: 1987-02-26, 1987_02_26, 1987.02.26, 19870226 (year first only: no guessing)
_NAME_DATE = re.compile(
    r"(?<![0-9])((?:18|19|20|21)\d{2})([-_.])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![0-9])"
    r"|(?<![0-9A-Za-z])((?:18|19|20|21)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![0-9A-Za-z])")


def date_from_name(name: str) -> str | None:
    """The ISO date a file name gives, year first, or None.

    >>> date_from_name("1987-02-26_talks"), date_from_name("reuters_19870226"), date_from_name("2016.12.27")
    ('1987-02-26', '1987-02-26', '2016-12-27')
    >>> date_from_name("000_9d3e149b290da972"), date_from_name("report-2016"), date_from_name("1987-02-30")
    (None, None, None)
    """
    for m in _NAME_DATE.finditer(name):
        y, mo, d = (m[1], m[3], m[4]) if m[1] else (m[5], m[6], m[7])
        iso = _iso(int(y), int(mo), int(d))
        if iso:
            return iso
    return None
