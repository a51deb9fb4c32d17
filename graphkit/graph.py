"""Build the actor relationship graph (see ``docs/graph-schema.md``).

The graph is a :class:`networkx.MultiGraph` whose nodes are corpus-wide actors
and whose edges come in three layers: ``meetings`` (one edge per meeting and
pair of participants), ``cooccurrence`` (one edge per pair of actors named in
the same sentence) and ``affiliation`` (person -> the country / organization it
belongs to).  It is drawn from a corpus resolution
(:func:`graphkit.corpus_resolution.resolve_corpus`): :func:`load_graph` takes
the one the store keeps, :func:`build_graph` resolves the records it is given.

>>> from graphkit.records import Actor, Meeting, Record
>>> recs = [Record("a", date="2016-12-27",
...                actors=[Actor("Russia", "country", mentions=[[0, 6, 0]]),
...                        Actor("Anton Vesel", "person", country="Russia", mentions=[[10, 21, 0], [40, 45, 1]]),
...                        Actor("Mark Dalton", "person", country="United States", mentions=[[50, 61, 1]])],
...                meetings=[Meeting(["Anton Vesel", "Mark Dalton"], "call", evidence="Vesel called Dalton.")])]
>>> G = build_graph(recs)
>>> sorted(G.nodes)
['Anton Vesel', 'Mark Dalton', 'Russia', 'United States']
>>> G.nodes["United States"]["type"], G.graph["articles"]
('country', 1)
>>> sorted((e[2]["layer"], e[2]["weight"]) for e in G.edges(data=True))
[('affiliation', 1), ('affiliation', 1), ('cooccurrence', 1), ('cooccurrence', 1), ('meetings', 1)]
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from os import PathLike
from pathlib import Path

import networkx as nx

from graphkit.analysis.layers import EDGE_LAYERS, layer_view
from graphkit.corpus_resolution import CorpusActor, Resolution, resolve_corpus
from graphkit.events import meeting_pairs
from graphkit.events import Events, group_events
from graphkit.records import Record
from graphkit.store import Store

__all__ = ["LAYERS", "build_graph", "graph_from_resolution", "load_graph", "layer_view", "summary"]

#: The edge layers (:data:`graphkit.analysis.layers.EDGE_LAYERS`).
LAYERS = EDGE_LAYERS


def _node_attrs(a: CorpusActor) -> dict:
    """Schema node attributes of a corpus actor."""
    return {
        "type": a.type,
        "country": a.country,
        "roles": list(a.roles),
        "aliases": list(a.aliases),
        "mentions": a.mentions,
        "articles": len(a.articles),
        "article_ids": list(a.articles),
    }


def graph_from_resolution(resolution: Resolution, events: Events | None = None) -> nx.MultiGraph:
    """The actor graph of a corpus resolution: its actors are the nodes, nothing is merged again.

    Meeting edges count events (:mod:`graphkit.events`; ``events`` default:
    ``resolution.events``): see ``docs/graph-schema.md``.  Near-duplicate
    articles add no co-occurrence.
    """
    records, actors, index = resolution
    events = resolution.events if events is None else events
    G = nx.MultiGraph()
    G.graph["articles"] = len(records)
    G.graph["duplicates"] = len(events.duplicates)
    for name, a in actors.items():
        G.add_node(name, **_node_attrs(a))

    # (doc, sentence) -> actors named in it; global so a duplicated doc is not counted twice.
    by_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    counted: set = set()   # (event, pair) already weighted
    for rec in records:
        for i, m in enumerate(rec.meetings):
            _add_meeting(G, index, rec, i, events, counted)
        if rec.doc in events.duplicates:
            continue
        for a in rec.actors:
            g = index.get((rec.doc, a.name))
            if g is None:
                continue
            for mention in a.mentions:
                if len(mention) > 2 and mention[2] is not None:
                    by_sentence[(rec.doc, mention[2])].add(g)

    weight: Counter[tuple[str, str]] = Counter()
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (doc, _sent), names in by_sentence.items():
        for pair in combinations(sorted(names), 2):
            weight[pair] += 1
            docs[pair].add(doc)
    for (u, v), w in weight.items():
        G.add_edge(u, v, layer="cooccurrence", kind="cooccurrence", weight=w, articles=sorted(docs[(u, v)]))

    for person, data in list(G.nodes(data=True)):
        target = data.get("country")
        if data.get("type") != "person" or not target or target == person:
            continue
        if target not in G:
            G.add_node(target, type="country", country=None, roles=[], aliases=[], mentions=0,
                       articles=0, article_ids=[])
        G.add_edge(person, target, layer="affiliation", kind="affiliation", weight=1, source=person)
    return G


def build_graph(records: Iterable[Record | dict]) -> nx.MultiGraph:
    """Build the actor graph of extraction records (:class:`graphkit.records.Record` or their JSON form).

    The records are resolved across the corpus first (:func:`resolve_corpus`),
    exactly as the store resolves its records for :func:`load_graph`.

    >>> recs = [{"doc": "a", "actors": [
    ...             {"name": "A", "type": "person", "mentions": [[0, 1, 0], [5, 6, 1]]},
    ...             {"name": "B", "type": "person", "mentions": [[2, 3, 0]]},
    ...             {"name": "C", "type": "person", "mentions": [[3, 4, 0], [7, 8, 1]]}],
    ...          "meetings": [{"participants": ["A", "B", "C"], "kind": "talks", "hub": "A",
    ...                        "evidence": "A met B and C."}]}]
    >>> G = build_graph(recs)
    >>> sorted(sorted((u, v)) for u, v, d in G.edges(data=True) if d["layer"] == "meetings")
    [['A', 'B'], ['A', 'C']]
    >>> {tuple(sorted((u, v))): d["weight"] for u, v, d in G.edges(data=True) if d["layer"] == "cooccurrence"}
    {('A', 'B'): 1, ('A', 'C'): 2, ('B', 'C'): 1}
    >>> G.nodes["A"]["mentions"], G.nodes["A"]["article_ids"], G.edges["A", "B", 0]["meeting_id"]
    (2, ['a'], 'a#0')
    """
    return graph_from_resolution(resolve_corpus(records))


def _add_meeting(G: nx.MultiGraph, index: dict, rec: Record, i: int, events: Events, counted: set) -> None:
    """Add the pair edges of meeting ``i`` of ``rec`` (a report of an event: weight 1 for its first on a pair)."""
    m = rec.meetings[i]
    parts, hub, pairs = meeting_pairs(index, rec.doc, m)
    report = f"{rec.doc}#{i}"
    event = events.event_of(report)
    eid = event.id if event is not None else report
    for u, v in pairs:
        key = (eid, frozenset((u, v)))
        weight = 0 if key in counted else 1
        counted.add(key)
        G.add_edge(u, v, layer="meetings", kind=m.kind, status=m.status, location=m.location, date=m.date,
                   date_iso=m.date_iso, evidence=m.evidence, article=rec.doc, article_date=rec.date,
                   meeting_id=eid, report_id=report, reports=len(event.reports) if event is not None else 1,
                   event_date=event.date_iso if event is not None else m.date_iso,
                   participants=list(parts), hub=hub, weight=weight)


def load_graph(db_path: str | PathLike) -> nx.MultiGraph:
    """The graph of the store at ``db_path``, drawn from the corpus resolution the store keeps.

    The store is opened read-only (a 0444 file or read-only media are fine).
    ``G.graph["store"]`` is its path (the view reads article headlines and
    sentences from it).
    """
    with Store(db_path, readonly=True) as store:
        resolution = store.resolution()
        # near-duplicate articles are found on the stored texts (see graphkit.events)
        events = group_events(resolution.records, resolution.index, {a.id: a.text for a in store.articles()})
    G = graph_from_resolution(resolution, events)
    G.graph["store"] = str(Path(db_path).resolve())
    return G


def _top(items: Iterable[tuple[str, int]], top: int) -> list[tuple[str, int]]:
    return sorted(items, key=lambda x: (-x[1], x[0]))[:top]


def summary(G: nx.MultiGraph, top: int = 10) -> dict:
    """Plain-data summary of ``G``.

    ``meetings`` counts events (:mod:`graphkit.events`), ``meeting_reports``
    the meetings as the articles report them, ``duplicate_articles`` the
    near-duplicate articles counted once.  ``top_degree`` ranks actors by their
    number of distinct meeting partners, ``top_mentions`` by mentions; both are
    lists of ``(name, value)``.

    >>> G = build_graph([{"doc": "a", "actors": [
    ...     {"name": "A", "type": "person", "mentions": [[0, 1, 0]]},
    ...     {"name": "B", "type": "country", "mentions": [[2, 3, 0], [4, 5, 1]]}],
    ...     "meetings": [{"participants": ["A", "B"], "kind": "visit", "evidence": "A visited B."}]}])
    >>> s = summary(G, top=1)
    >>> s["actors"], s["meetings"], s["meeting_edges"], s["cooccurrence_pairs"], s["top_mentions"]
    ({'country': 1, 'person': 1}, 1, 1, 1, [('B', 2)])
    """
    by_type = Counter(d.get("type") or "unknown" for _, d in G.nodes(data=True))
    meeting_ids, reports, counts = set(), set(), Counter()
    for _, _, d in G.edges(data=True):
        counts[d.get("layer")] += 1
        if d.get("layer") == "meetings":
            meeting_ids.add(d.get("meeting_id"))
            reports.add(d.get("report_id") or d.get("meeting_id"))
    meetings = layer_view(G, "meetings")
    return {
        "articles": G.graph.get("articles", 0),
        "nodes": G.number_of_nodes(),
        "actors": dict(sorted(by_type.items())),
        "meetings": len(meeting_ids),
        "meeting_reports": len(reports),
        "duplicate_articles": G.graph.get("duplicates", 0),
        "meeting_edges": counts["meetings"],
        "cooccurrence_pairs": counts["cooccurrence"],
        "affiliation_edges": counts["affiliation"],
        "top_degree": _top(((n, deg) for n, deg in meetings.degree() if deg), top),
        "top_mentions": _top(((n, d.get("mentions") or 0) for n, d in G.nodes(data=True) if d.get("mentions")), top),
    }
