"""Build the actor relationship graph (see ``docs/graph-schema.md``).

The graph is a :class:`networkx.MultiGraph` whose nodes are corpus-wide actors
(from :func:`graphkit.actors.merge.merge_actors`) and whose edges come in three
layers: ``meetings`` (one edge per meeting and pair of participants),
``cooccurrence`` (one edge per pair of actors named in the same sentence) and
``affiliation`` (person -> the country / organization it belongs to).

>>> recs = [{"doc": "a", "date": "2016-12-27",
...          "actors": [{"name": "Russia", "type": "country", "mentions": [[0, 6, 0]]},
...                     {"name": "Anton Vesel", "type": "person", "country": "Russia",
...                      "mentions": [[10, 21, 0], [40, 45, 1]]},
...                     {"name": "Mark Dalton", "type": "person", "country": "United States",
...                      "mentions": [[50, 61, 1]]}],
...          "meetings": [{"participants": ["Anton Vesel", "Mark Dalton"], "kind": "call",
...                        "status": "happened", "hub": None, "evidence": "Vesel called Dalton."}]}]
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

import networkx as nx

from graphkit.actors.merge import merge_actors
from graphkit.analysis.layers import EDGE_LAYERS, layer_view

__all__ = ["LAYERS", "build_graph", "load_graph", "layer_view", "summary"]

#: The edge layers (:data:`graphkit.analysis.layers.EDGE_LAYERS`).
LAYERS = EDGE_LAYERS

# Record fields the graph never reads (dropped from the light copy kept while building).
_HEAVY_FIELDS = frozenset({"text", "relations", "title"})
_MEETING_FIELDS = ("participants", "kind", "status", "location", "date", "date_iso", "hub", "evidence")


def _light(rec: dict) -> dict:
    """A shallow copy of ``rec`` without the fields the graph does not need."""
    light = {k: v for k, v in rec.items() if k not in _HEAVY_FIELDS}
    light["meetings"] = [{k: m.get(k) for k in _MEETING_FIELDS} for m in rec.get("meetings") or []]
    return light


def _node_attrs(a: dict) -> dict:
    """Schema node attributes from a merged actor of :func:`merge_actors`."""
    ids = sorted(a.get("articles") or [])
    return {
        "type": a.get("type"),
        "country": a.get("country"),
        "roles": sorted(a.get("roles") or []),
        "aliases": sorted(a.get("aliases") or []),
        "mentions": int(a.get("mentions") or 0),
        "articles": len(ids),
        "article_ids": ids,
    }


def _unique(names: Iterable[str | None]) -> list[str]:
    """``names`` without None and duplicates, first-seen order kept."""
    return list(dict.fromkeys(n for n in names if n is not None))


def build_graph(records: Iterable[dict]) -> nx.MultiGraph:
    """Build the actor graph from extraction records (see ``graphkit.records``).

    ``records`` is iterated once; a light copy of each record (no text, titles
    or relations) is kept while building.

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
    recs = [_light(r) for r in records]
    actors, index = merge_actors(recs)

    G = nx.MultiGraph()
    G.graph["articles"] = len(recs)
    for name, a in actors.items():
        G.add_node(name, **_node_attrs(a))

    # (doc, sentence) -> actors named in it; global so a duplicated doc is not counted twice.
    by_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for rec in recs:
        doc = rec["doc"]
        for i, m in enumerate(rec["meetings"]):
            _add_meeting(G, index, doc, rec.get("date"), i, m)
        for a in rec.get("actors") or []:
            g = index.get((doc, a.get("name")))
            if g is None:
                continue
            for mention in a.get("mentions") or []:
                if len(mention) > 2 and mention[2] is not None:
                    by_sentence[(doc, mention[2])].add(g)

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


def _add_meeting(G: nx.MultiGraph, index: dict, doc: str, article_date, i: int, m: dict) -> None:
    """Add the pair edges of meeting ``i`` of article ``doc``."""
    parts = _unique(index.get((doc, p)) for p in m.get("participants") or [])
    hub = index.get((doc, m["hub"])) if m.get("hub") else None
    if m.get("hub"):
        # Only pairs with the hub are claimed; no hub actor, no pairs.
        pairs = [(hub, p) for p in parts if p != hub] if hub is not None else []
    else:
        pairs = list(combinations(parts, 2))
    for u, v in pairs:
        G.add_edge(u, v, layer="meetings", kind=m.get("kind"), status=m.get("status"),
                   location=m.get("location"), date=m.get("date"), date_iso=m.get("date_iso"),
                   evidence=m.get("evidence"), article=doc, article_date=article_date,
                   meeting_id=f"{doc}#{i}", participants=list(parts), hub=hub, weight=1)


def load_graph(db_path: str | PathLike) -> nx.MultiGraph:
    """Build the graph from the records of the store at ``db_path``."""
    from graphkit.store import Store  # lazy: the store is optional for graph building

    store = Store(db_path, readonly=True)  # reading needs no write access (read-only media, 0444 files)
    try:
        return build_graph(store.records())
    finally:
        close = getattr(store, "close", None)
        if callable(close):
            close()


def _top(items: Iterable[tuple[str, int]], top: int) -> list[tuple[str, int]]:
    return sorted(items, key=lambda x: (-x[1], x[0]))[:top]


def summary(G: nx.MultiGraph, top: int = 10) -> dict:
    """Plain-data summary of ``G``.

    ``top_degree`` ranks actors by their number of distinct meeting partners,
    ``top_mentions`` by mentions; both are lists of ``(name, value)``.

    >>> G = build_graph([{"doc": "a", "actors": [
    ...     {"name": "A", "type": "person", "mentions": [[0, 1, 0]]},
    ...     {"name": "B", "type": "country", "mentions": [[2, 3, 0], [4, 5, 1]]}],
    ...     "meetings": [{"participants": ["A", "B"], "kind": "visit", "evidence": "A visited B."}]}])
    >>> s = summary(G, top=1)
    >>> s["actors"], s["meetings"], s["meeting_edges"], s["cooccurrence_pairs"], s["top_mentions"]
    ({'country': 1, 'person': 1}, 1, 1, 1, [('B', 2)])
    """
    by_type = Counter(d.get("type") or "unknown" for _, d in G.nodes(data=True))
    meeting_ids, counts = set(), Counter()
    for _, _, d in G.edges(data=True):
        counts[d.get("layer")] += 1
        if d.get("layer") == "meetings":
            meeting_ids.add(d.get("meeting_id"))
    meetings = layer_view(G, "meetings")
    return {
        "articles": G.graph.get("articles", 0),
        "nodes": G.number_of_nodes(),
        "actors": dict(sorted(by_type.items())),
        "meetings": len(meeting_ids),
        "meeting_edges": counts["meetings"],
        "cooccurrence_pairs": counts["cooccurrence"],
        "affiliation_edges": counts["affiliation"],
        "top_degree": _top(((n, deg) for n, deg in meetings.degree() if deg), top),
        "top_mentions": _top(((n, d.get("mentions") or 0) for n, d in G.nodes(data=True) if d.get("mentions")), top),
    }
