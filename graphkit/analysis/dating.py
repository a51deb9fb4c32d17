"""How well the meetings are dated, and why a date filter finds nothing.

A meeting is filed under ``date_iso`` (the date the text gives, normalized by
the extraction) or, without one, under its article's date
(``article_date``); with neither it is *undated*. :func:`date_coverage`
counts each kind; :func:`no_meetings_reason` turns the counts into the
sentence a user needs when a timeline or a ``--since`` / ``--until`` range
comes back empty.

>>> from graphkit.analysis.example import example_graph
>>> cov = date_coverage(example_graph())
>>> cov["meetings"], cov["by_text"], cov["by_article"], cov["undated"], cov["first"], cov["last"]
(5, 4, 1, 0, '2023-03-02', '2024-09-25')
>>> no_meetings_reason(example_graph(), since="2025")
'none of the 5 dated meetings falls on or after 2025 (they run from 2023-03-02 to 2024-09-25)'
>>> no_meetings_reason(example_graph()) is None
True
"""
from __future__ import annotations

from .lookup import find_actor
from .timefilter import check_bound, in_range, meeting_date

#: Examples of dates as written quoted in a reason.
MAX_EXAMPLES = 2


def _meetings(G, actor=None):
    """``{meeting id: edge data}`` of the meetings of ``G`` (of ``actor``, a node, when given)."""
    edges = G.edges(actor, keys=True, data=True) if actor is not None else G.edges(keys=True, data=True)
    found = {}
    for u, v, k, d in edges:
        if d.get("layer") != "meetings":
            continue
        found.setdefault(d.get("meeting_id") or (d.get("article"), u, v, k), d)
    return found


def date_coverage(G, actor=None) -> dict:
    """Counts of the meetings (of ``actor``, any name, when given) by how they are dated.

    ``{"meetings", "by_text"`` (``date_iso`` set), ``"by_article"`` (only
    ``article_date``), ``"undated"``, ``"articles_dated"`` (meetings whose
    article has a date, with or without ``date_iso``), ``"written"``
    (undated meetings whose text names a date, e.g. ``"Tuesday"``),
    ``"examples"`` (a few of those phrases), ``"first"``, ``"last"`` (the
    earliest and latest date filed under, or None)``}``.
    """
    node = find_actor(G, actor) if actor is not None else None
    meetings = _meetings(G, node)
    out = {"meetings": len(meetings), "by_text": 0, "by_article": 0, "undated": 0, "articles_dated": 0,
           "written": 0, "examples": [], "first": None, "last": None}
    dates = []
    for d in meetings.values():
        if d.get("article_date"):
            out["articles_dated"] += 1
        if d.get("date_iso"):
            out["by_text"] += 1
        elif d.get("article_date"):
            out["by_article"] += 1
        else:
            out["undated"] += 1
            if d.get("date"):
                out["written"] += 1
                if d["date"] not in out["examples"]:
                    out["examples"].append(d["date"])
        when = meeting_date(d)
        if when:
            dates.append(str(when))
    if dates:
        out["first"], out["last"] = min(dates), max(dates)
    # the most telling examples name a calendar date ("December 20, 2016"), not just a weekday
    out["examples"] = sorted(out["examples"], key=lambda e: not any(c.isdigit() for c in e))[:MAX_EXAMPLES]
    return out


def _range_text(since, until) -> str:
    if since and until:
        return f"between {since} and {until}"
    return f"on or after {since}" if since else f"on or before {until}"


def no_meetings_reason(G, actor=None, since=None, until=None) -> str | None:
    """Why no meeting (of ``actor``) is dated within [``since``, ``until``]; None when some is.

    Without a range the question is why no meeting is dated at all.
    """
    check_bound(since, "since")
    check_bound(until, "until")
    node = find_actor(G, actor) if actor is not None else None
    meetings = _meetings(G, node)
    who = f"{node} has" if node is not None else "the graph has"
    if not meetings:
        return f"{who} no meetings"
    if any(meeting_date(d) and in_range(meeting_date(d), since, until) for d in meetings.values()):
        return None
    cov = date_coverage(G, node)
    n, dated = cov["meetings"], cov["meetings"] - cov["undated"]
    if not dated:
        why = "the articles have no date"
        if cov["written"]:
            quoted = ", ".join(f"'{e}'" for e in cov["examples"])
            why += (f", and the dates the text gives ({cov['written']} of them, e.g. {quoted}) "
                    "could not be turned into calendar dates")
        else:
            why += " and the text gives none"
        head = f"{n} meetings, all undated" if n != 1 else "1 meeting, undated"
        return f"{head}: {why}"
    reason = (f"none of the {dated} dated meeting{'s' * (dated != 1)} falls {_range_text(since, until)} "
              f"(they run from {cov['first']} to {cov['last']})")
    if cov["undated"]:
        reason += f"; {cov['undated']} more {'is' if cov['undated'] == 1 else 'are'} undated"
    return reason
