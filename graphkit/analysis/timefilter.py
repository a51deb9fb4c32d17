"""Restrict the graph to a date range.

Dates are ISO strings compared as text. A bound may be ``YYYY``, ``YYYY-MM``
or ``YYYY-MM-DD``: ``since="2024"`` means from 2024-01-01, ``until="2024-03"``
up to 2024-03-31 inclusive (a month ends on its last day by the calendar:
``until="2024-02"`` is up to 2024-02-29). A partial date on an edge (``"2024-03"``) counts as
in range when its month (or year) overlaps the range.

Choices, per layer, when a range is given:

* ``meetings``: kept when the event's date (``event_date``, else ``date_iso``,
  else ``article_date``) is in range, so the reports of one event stay
  together; meetings with none are dropped.
* ``cooccurrence``: these edges carry article ids but no dates, so each
  article's date is taken from the ``article_date`` of the meeting edges
  (and from ``G.graph["article_dates"]`` when the builder provides such a
  dict). An edge is kept when at least one of its articles has a known date
  in range; its ``articles`` list is cut down to those, its ``weight``
  (sentences) is kept as it is, since sentences are not counted per article.
* ``affiliation``: always kept (membership is not dated).

All nodes are kept, so names can still be looked up.

>>> from graphkit.analysis.example import example_graph
>>> G = example_graph()
>>> H = filter_by_date(G, since="2024-04", until="2024")
>>> sorted({d["meeting_id"] for *_, d in H.edges(data=True) if d["layer"] == "meetings"})
['a1#1', 'a4#1', 'a5#1']
"""
from __future__ import annotations

import calendar
import re

import networkx as nx

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_bounds(value) -> tuple[str, str] | None:
    """``(first day, last day)`` of an ISO date, month or year; None when it is no real date.

    The one reading of partial dates (the time filters, the view's histogram
    and its date fields): a month ends on its last day by the calendar.

    >>> date_bounds("2024-02"), date_bounds("2023-02"), date_bounds("2016")
    (('2024-02-01', '2024-02-29'), ('2023-02-01', '2023-02-28'), ('2016-01-01', '2016-12-31'))
    >>> date_bounds("2024-02-31"), date_bounds("2024-13"), date_bounds("Monday")
    (None, None, None)
    """
    m = _DATE.match(str(value or "").strip())
    if not m:
        return None
    y, mo, d = m.groups()
    if mo is None:
        return f"{y}-01-01", f"{y}-12-31"
    if not 1 <= int(mo) <= 12:
        return None
    try:
        last = calendar.monthrange(int(y), int(mo))[1]
    except ValueError:  # a year the calendar does not have (0)
        return None
    if d is None:
        return f"{y}-{mo}-01", f"{y}-{mo}-{last:02d}"
    if not 1 <= int(d) <= last:
        return None
    return f"{y}-{mo}-{d}", f"{y}-{mo}-{d}"


def check_bound(value, name="date"):
    """Validate a ``--since``/``--until`` bound; returns its (first, last) day."""
    if value is None:
        return None
    span = date_bounds(value)
    if span is None or not _DATE.fullmatch(str(value).strip()):
        raise ValueError(f"{name} must look like YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return span


def in_range(date, since=None, until=None) -> bool:
    """Whether ``date`` (ISO, possibly partial) falls in [since, until].

    >>> in_range("2024-03-05", since="2024", until="2024-03")
    True
    >>> in_range(None), in_range(None, since="2020")
    (True, False)
    """
    lo, hi = check_bound(since, "since"), check_bound(until, "until")
    if lo is None and hi is None:
        return True
    span = date_bounds(date)
    if span is None:
        return False
    return (lo is None or span[1] >= lo[0]) and (hi is None or span[0] <= hi[1])


def meeting_date(d) -> str | None:
    """The date a meeting edge is filed under: its event's date (``event_date``, the date the
    reports of the event give, see :mod:`graphkit.events`), else its ``date_iso``, else ``article_date``."""
    return d.get("event_date") or d.get("date_iso") or d.get("article_date") or None


def article_dates(G) -> dict:
    """Article id -> article date, from meeting edges and ``G.graph["article_dates"]``."""
    dates = dict(G.graph.get("article_dates") or {})
    for _, _, d in G.edges(data=True):
        if d.get("article") and d.get("article_date"):
            dates.setdefault(d["article"], d["article_date"])
    return dates


def filter_by_date(G, since=None, until=None) -> nx.MultiGraph:
    """A copy of ``G`` with only the edges dated within [since, until] (see module doc)."""
    check_bound(since, "since")
    check_bound(until, "until")
    if since is None and until is None:
        return G.copy()
    H = nx.MultiGraph()
    H.graph.update(G.graph)
    H.graph["since"], H.graph["until"] = since, until
    H.add_nodes_from(G.nodes(data=True))
    dates = None
    for u, v, k, d in G.edges(keys=True, data=True):
        layer = d.get("layer")
        if layer == "meetings":
            if in_range(meeting_date(d), since, until):
                H.add_edge(u, v, k, **d)
        elif layer == "cooccurrence":
            if dates is None:
                dates = article_dates(G)
            kept = [a for a in d.get("articles") or () if in_range(dates.get(a), since, until)]
            if kept:
                H.add_edge(u, v, k, **{**d, "articles": kept})
        else:
            H.add_edge(u, v, k, **d)
    return H
