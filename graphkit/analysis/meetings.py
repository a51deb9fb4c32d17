"""Who met whom: an actor's meetings, the meetings of two actors, the timeline, monthly counts.

Every row is one event (one real meeting, :mod:`graphkit.events`: the edges of
its reports share ``meeting_id``), shown by its first report; ``reports`` says
how many reports (article sentences) it has.

>>> from graphkit.analysis.example import example_graph
>>> G = example_graph()
>>> [(r["date_iso"], r["counterparts"]) for r in who_met(G, "Volkov")]
[('2024-09-25', ['António Ferreira', 'Wei Lan']), ('2024-04-09', ['Wei Lan']), ('2023-03-02', ['Antony Hartley'])]
>>> met(G, "Sokolova", "Hartley")["path"]
['Marina Sokolova', 'António Ferreira', 'Sergei Volkov', 'Antony Hartley']
>>> [(r["date"], r["dated_by"], r["participants"]) for r in timeline(G, "Hartley")]
[('2023-03-02', 'text', ['Sergei Volkov', 'Antony Hartley']), ('2024-01-15', 'text', ['Antony Hartley', 'Wei Lan'])]
>>> meetings_per_month(G, "Wei Lan")
[{'month': '2024-01', 'actor': 'Wei Lan', 'count': 1}, {'month': '2024-04', 'actor': 'Wei Lan', 'count': 1}, {'month': '2024-09', 'actor': 'Wei Lan', 'count': 1}]
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from .lookup import find_actor
from .timefilter import check_bound, in_range, meeting_date

#: Keys of a meeting row, in display order.
MEETING_COLUMNS = ["date_iso", "date", "kind", "status", "counterparts", "location",
                   "article", "article_date", "meeting_id", "reports", "evidence"]


def _meeting_id(u, v, k, d):
    return d.get("meeting_id") or f"{d.get('article') or '?'}#{u}|{v}|{k}"


def _primary(d, mid) -> bool:
    """Whether a meeting edge is its event's first report (whose evidence and article a row shows)."""
    return d.get("report_id", mid) == mid


def _meeting_edges(G, actor, other=None, since=None, until=None):
    """(u, v, key, data) of the meeting edges of ``actor`` (with ``other``), in range."""
    if other is None:
        edges = G.edges(actor, keys=True, data=True)
    else:
        edges = ((actor, other, k, d) for k, d in (G.get_edge_data(actor, other) or {}).items())
    for u, v, k, d in edges:
        if d.get("layer") == "meetings" and in_range(meeting_date(d), since, until):
            yield u, v, k, d


def _row(actor, mid, d, others):
    participants = d.get("participants") or []
    counterparts = [p for p in participants if p != actor]
    for o in sorted(others, key=str):  # edges to people missing from participants
        if o not in counterparts:
            counterparts.append(o)
    return {
        "meeting_id": mid,
        "reports": d.get("reports") or 1,
        "kind": d.get("kind"),
        "status": d.get("status"),
        "counterparts": counterparts,
        "location": d.get("location"),
        "date": d.get("date"),
        "date_iso": d.get("event_date") or d.get("date_iso"),
        "evidence": d.get("evidence"),
        "article": d.get("article"),
        "article_date": d.get("article_date"),
    }


def _rows(actor, edges):
    """One row per meeting (edges of one meeting share ``meeting_id``), newest first."""
    found: dict = {}
    for u, v, k, d in edges:
        mid = _meeting_id(u, v, k, d)
        other = v if u == actor else u
        if mid in found:
            found[mid][1].add(other)
            if _primary(d, mid) and not _primary(found[mid][0], mid):
                found[mid] = (d, found[mid][1])
        else:
            found[mid] = (d, {other})
    rows = [_row(actor, mid, d, others) for mid, (d, others) in found.items()]
    return sort_newest_first(rows)


def sort_newest_first(rows):
    """Meeting rows by ``date_iso`` (else ``article_date``), newest first, undated last."""
    rows = sorted(rows, key=lambda r: str(r["meeting_id"]))
    dated = [r for r in rows if meeting_date(r)]
    undated = [r for r in rows if not meeting_date(r)]
    dated.sort(key=lambda r: str(meeting_date(r)), reverse=True)
    return dated + undated


def who_met(G, actor: str, since=None, until=None) -> list[dict]:
    """Every meeting of ``actor`` (any name or alias), newest first.

    Rows have ``meeting_id, kind, status, counterparts`` (the other
    participants), ``location, date, date_iso, evidence, article`` and
    ``article_date``. Raises :class:`~graphkit.analysis.lookup.ActorNotFound`.
    """
    node = find_actor(G, actor)
    return _rows(node, _meeting_edges(G, node, since=since, until=until))


def met(G, a: str, b: str, since=None, until=None) -> dict:
    """The meetings of ``a`` and ``b``, or the shortest chain of meetings between them.

    Returns ``{"a", "b", "meetings", "path", "links"}``: ``meetings`` are the
    rows of their direct meetings (``path`` is then ``[a, b]``); without
    one, ``path`` is the shortest chain ``[a, broker, ..., b]`` on the
    meetings layer (fewest hops) and ``links`` gives, for each hop,
    ``{"from", "to", "meetings": rows}``. ``path`` is None when no chain exists.
    """
    na, nb = find_actor(G, a), find_actor(G, b)
    out = {"a": na, "b": nb, "meetings": [], "path": None, "links": []}
    direct = _rows(na, _meeting_edges(G, na, nb, since, until)) if na != nb else []
    if direct:
        out.update(meetings=direct, path=[na, nb],
                   links=[{"from": na, "to": nb, "meetings": direct}])
        return out
    M = nx.Graph()
    M.add_nodes_from(G)
    M.add_edges_from((u, v) for u, v, d in G.edges(data=True)
                     if d.get("layer") == "meetings" and u != v
                     and in_range(meeting_date(d), since, until))
    try:
        path = nx.shortest_path(M, na, nb)
    except nx.NetworkXNoPath:
        return out
    out["path"] = path
    out["links"] = [{"from": x, "to": y,
                     "meetings": _rows(x, _meeting_edges(G, x, y, since, until))}
                    for x, y in zip(path, path[1:])]
    return out


def timeline(G, actor=None, since=None, until=None) -> list[dict]:
    """The dated meetings (of ``actor``, any name), oldest first: one row per meeting.

    Rows ``{date, dated_by, date_written, kind, status, participants,
    location, article, meeting_id, evidence}``: ``date`` is the ``date_iso``
    the text gives (``dated_by`` "text") or else the article's date
    (``dated_by`` "article"); ``date_written`` the date as the text writes it.
    Undated meetings are left out (:func:`graphkit.analysis.dating.date_coverage`
    counts them).
    """
    check_bound(since, "since")
    check_bound(until, "until")
    node = find_actor(G, actor) if actor is not None else None
    edges = G.edges(node, keys=True, data=True) if node is not None else G.edges(keys=True, data=True)
    found: dict = {}
    for u, v, k, d in edges:
        date = meeting_date(d)
        if d.get("layer") != "meetings" or not date or not in_range(date, since, until):
            continue
        mid = _meeting_id(u, v, k, d)
        row = found.get(mid)
        if row is not None and _primary(d, mid) and row["_report"] != mid:
            row = None   # the event's first report gives the row
        if row is None:
            row = found[mid] = {
                "date": str(date), "dated_by": "text" if d.get("event_date") or d.get("date_iso") else "article",
                "date_written": d.get("date"), "kind": d.get("kind"), "status": d.get("status"),
                "participants": list(d.get("participants") or []), "location": d.get("location"),
                "article": d.get("article"), "meeting_id": mid, "reports": d.get("reports") or 1,
                "evidence": d.get("evidence"), "_report": d.get("report_id", mid),
            }
        for who in (u, v):  # pair edges whose ends are missing from participants
            if who not in row["participants"]:
                row["participants"].append(who)
    rows = [{k: v for k, v in r.items() if k != "_report"} for r in found.values()]
    return sorted(rows, key=lambda r: (r["date"], str(r["meeting_id"])))


def meetings_per_month(G, actor=None, since=None, until=None) -> list[dict]:
    """Number of meetings per month and actor: rows ``{month "YYYY-MM", actor, count}``.

    A meeting counts once per participant, in the month of its ``date_iso``
    (else ``article_date``); undated meetings are left out. ``actor`` (any
    name) restricts the rows to one actor. Sorted by month, then actor.
    """
    check_bound(since, "since")
    check_bound(until, "until")
    node = find_actor(G, actor) if actor is not None else None
    seen = set()
    counts: Counter = Counter()
    edges = (G.edges(node, keys=True, data=True) if node is not None
             else G.edges(keys=True, data=True))
    for u, v, k, d in edges:
        if d.get("layer") != "meetings":
            continue
        date = meeting_date(d)
        if not date or len(str(date)) < 7 or not in_range(date, since, until):
            continue
        mid = _meeting_id(u, v, k, d)
        for who in ((node,) if node is not None else (u, v)):
            if (who, mid) not in seen:
                seen.add((who, mid))
                counts[(str(date)[:7], who)] += 1
    return [{"month": m, "actor": a, "count": c}
            for (m, a), c in sorted(counts.items(), key=lambda kv: (kv[0][0], str(kv[0][1])))]
