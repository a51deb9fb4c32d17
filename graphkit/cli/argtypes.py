"""Argument types of the command line: each turns a bad value into one argparse usage error (exit 2).

>>> count("3"), date_bound("2016-02")
(3, '2016-02')
>>> date_bound("2016-13-45")
Traceback (most recent call last):
...
argparse.ArgumentTypeError: not a date: '2016-13-45' (month 13 does not exist; use YYYY, YYYY-MM or YYYY-MM-DD)
>>> check_date_range("2017-02", "2017")       # they overlap: fine
>>> check_date_range("2017-02", "2017-01")
Traceback (most recent call last):
...
ValueError: --since 2017-02 is after --until 2017-01: no date is in both
"""
from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re

__all__ = ["at_least", "count", "positive_int", "date_bound", "check_date_range"]


def at_least(minimum: int):
    """An argparse type: a whole number not below ``minimum``."""
    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}: {text!r}")
        return n
    parse.__name__ = f"whole number >= {minimum}"  # argparse names the type in some messages
    return parse


#: ``--top N``, ``--depth N``...: 0 or more.
count = at_least(0)
#: ``--jobs N``, ``--batch-size N``...: 1 or more.
positive_int = at_least(1)

_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _days(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD bound; ValueError saying what is wrong."""
    m = _BOUND.fullmatch(text.strip())
    if not m:
        raise ValueError("use YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = int(m[1]), m[2], m[3]
    if y < 1:
        raise ValueError("year 0 does not exist")
    if mo is None:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if not 1 <= int(mo) <= 12:
        raise ValueError(f"month {int(mo)} does not exist; use YYYY, YYYY-MM or YYYY-MM-DD")
    last = calendar.monthrange(y, int(mo))[1]
    if d is None:
        return dt.date(y, int(mo), 1), dt.date(y, int(mo), last)
    if not 1 <= int(d) <= last:
        raise ValueError(f"{y}-{mo} has no day {int(d)}")
    day = dt.date(y, int(mo), int(d))
    return day, day


def date_bound(text: str) -> str:
    """An argparse type for ``--since`` / ``--until``: a real YYYY, YYYY-MM or YYYY-MM-DD date."""
    try:
        _days(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} ({e})") from None
    return text.strip()


def check_date_range(since: str | None, until: str | None) -> None:
    """ValueError when ``since`` starts after ``until`` ends (no date could match both)."""
    if since and until and _days(since)[0] > _days(until)[1]:
        raise ValueError(f"--since {since} is after --until {until}: no date is in both")
