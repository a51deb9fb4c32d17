"""Date phrases to ISO dates.

A phrase with a year names its date by itself ("13 March 2005" -> 2005-03-13,
"November 2003" -> 2003-11, "1986" -> 1986).  A phrase without one ("Tuesday",
"March 13", "yesterday", "later today") needs a reference day: the article's
date, or where the article has none, a date inferred from the text's own full
dates (:func:`infer_date`; the meeting then records ``date_inferred``).  A
weekday is the last such day up to the reference day, or the next one for a
meeting still to come.

>>> normalize_date("Tuesday", "2016-12-29")
'2016-12-27'
>>> normalize_date("December 20", "2017-01-14")
'2016-12-20'
>>> normalize_date("Friday", "2016-12-29", future=True)
'2016-12-30'
>>> normalize_date("in November 2003", None)
'2003-11'
>>> normalize_date("next month", "2016-12-29") is None
True
"""
from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_ABBR = {m[:3]: i for i, m in enumerate(MONTHS, 1)} | {"sept": 9}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TODAY = ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today", "later today",
          "this week")
_DAY_SHIFT = {"yesterday": -1, "tomorrow": 1, "last night": -1, "yesterday afternoon": -1, "tomorrow morning": 1}


def _base(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        return None


def _month_of(word: str) -> int | None:
    w = word.lower().strip(".")
    if w in MONTHS:
        return MONTHS.index(w) + 1
    return _MONTH_ABBR.get(w[:4]) or _MONTH_ABBR.get(w[:3]) if len(w) >= 3 and w[:3] in _MONTH_ABBR else None


def month_day_word(word: str) -> bool:
    """Is the word a month and a day run together by a hyphen ("May-3", "Sept.-12")?

    >>> month_day_word("May-3"), month_day_word("Mid-3")
    (True, False)
    """
    month, _, day = word.partition("-")
    m = month.lower().strip(".")
    return day.isdigit() and 1 <= int(day) <= 31 and (m in MONTHS or m in _MONTH_ABBR)


def has_year(phrase: str | None) -> bool:
    """Does the phrase name its own year ("13 March 2005", "in 1986")?"""
    return bool(phrase and _YEAR.search(phrase))


def _explicit(phrase: str, base: dt.date | None, future: bool, nearest: bool = False) -> str | None:
    """Day, month and year read from the words of the phrase (year from ``base`` when missing)."""
    words = re.findall(r"[A-Za-z]+\.?|\d+", phrase)
    month = day = year = None
    for w in words:
        if w.isdigit():
            n = int(w)
            if len(w) == 4 and 1800 <= n <= 2100:
                year = n
            elif 1 <= n <= 31 and day is None:
                day = n
        elif month is None:
            month = _month_of(w)
    if month is None:
        return f"{year:04d}" if year else None
    if day is None:
        return f"{year:04d}-{month:02d}" if year else None
    if year is None:
        if base is None:
            return None
        year = base.year
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        if nearest:  # the reference is only a date the text names: the day nearest to it, either way
            year = min((year - 1, year, year + 1), key=lambda y: abs((_safe_date(y, month, day) or d) - base))
        elif not future and d > base + dt.timedelta(days=1):
            year -= 1  # "December 20" in a January story: last December
        elif future and d < base - dt.timedelta(days=1):
            year += 1
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def normalize_date(phrase: str | None, reference: str | None, future: bool = False,
                   inferred: bool = False) -> str | None:
    """The ISO date (or ``YYYY-MM``, ``YYYY``) a date phrase names, against a reference day; None when unsure.

    With ``inferred`` the reference is a date the text names, not the article's own: a month and day
    take the year that puts them nearest to it, and weekdays or "yesterday" are not read against it.

    >>> normalize_date("Jan 14", "2016-12-20", inferred=True)
    '2017-01-14'
    >>> normalize_date("Tuesday", "2016-12-20", inferred=True) is None
    True
    """
    if not phrase:
        return None
    base = _base(reference)
    low = " ".join(phrase.lower().split())
    low = re.sub(r"^(on|in|at|from|by|since|until|of)\s+", "", low)
    if base is not None and inferred:
        return _explicit(low, base, future, nearest=True)
    if base is not None:
        for i, day in enumerate(WEEKDAYS):
            if re.search(rf"\b{day}\b", low) and not _YEAR.search(low) and not any(m in low for m in MONTHS):
                if future or "next" in low:
                    delta = (i - base.weekday()) % 7
                    return (base + dt.timedelta(days=delta)).isoformat()
                delta = (base.weekday() - i) % 7
                return (base - dt.timedelta(days=delta)).isoformat()
        if low in _TODAY[:-1]:
            return base.isoformat()
        if low in _DAY_SHIFT:
            return (base + dt.timedelta(days=_DAY_SHIFT[low])).isoformat()
        if low.startswith(("early tomorrow", "late tomorrow")):
            return (base + dt.timedelta(days=1)).isoformat()
    return _explicit(low, base, future)


_FUTURE = re.compile(r"\b(next|coming|tomorrow|later this|later today|later in the)\b")


def future_phrase(phrase: str) -> bool:
    """Does a date phrase point ahead ("next month", "tomorrow")?

    >>> future_phrase("next week"), future_phrase("last week")
    (True, False)
    """
    return bool(_FUTURE.search(phrase.lower()))


def text_period(date_phrases) -> str | None:
    """When a text was written, from its own dates: the latest full date it names, else the latest year
    (a text names few dates after its own)."""
    phrases = list(date_phrases)
    full = infer_date(phrases)
    if full:
        return full
    years = [int(y) for p in phrases for y in _YEAR.findall(p)]
    return f"{max(years):04d}" if years else None


def infer_date(date_phrases) -> str | None:
    """A reference day for an undated article: the latest full date (day, month, year) its text names."""
    best = None
    for phrase in date_phrases:
        if not _YEAR.search(phrase):
            continue
        iso = _explicit(phrase.lower(), None, False)
        if iso and len(iso) == 10 and (best is None or iso > best):
            best = iso
    return best
