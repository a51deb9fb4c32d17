"""Country view: every person and government body folded into its country.

Folding rule (:func:`fold_map`): a person or organization whose ``country``
attribute names another actor follows that chain (a spokeswoman -> her
ministry -> Russia) and folds into its end, which is normally a country.
An actor at the end of a chain (countries, international organizations such
as the UN, which have no country) stays itself, so a UN official folds into
the UN. Forums always stay themselves. A ``country`` value that is not a node
of the graph still becomes a node of the view (type ``country``).

Edges (:func:`country_view`) are summed per pair of folded actors:

* ``meetings``: number of distinct meetings (``meeting_id``) between them, so
  a three-person meeting of two Russians and an American counts once;
* ``cooccurrence``: summed co-occurrence weights (sentences);
* ``weight`` = meetings + cooccurrence;
* ``kinds``: ``{meeting kind: number of meetings}``.

Affiliation edges and self-loops (a country meeting itself) are dropped.

>>> from graphkit.analysis.example import example_graph
>>> G = example_graph()
>>> fold_map(G)["Marina Sokolova"], fold_map(G)["António Ferreira"]
('Russia', 'United Nations')
>>> [(r["a"], r["b"], r["meetings"], r["cooccurrence"]) for r in country_table(G)][:2]
[('China', 'Russia', 2, 1), ('Russia', 'United Nations', 2, 0)]
"""
from __future__ import annotations

from collections import Counter

import networkx as nx


def fold_map(G) -> dict:
    """``{actor: the actor it folds into}`` for every node of ``G``."""
    out = {}
    for v, data in G.nodes(data=True):
        target, seen = v, {v}
        if data.get("type") in ("person", "organization"):
            while True:
                nxt = (G.nodes[target].get("country") if target in G else None)
                if not nxt or nxt in seen:
                    break
                if nxt in G and G.nodes[nxt].get("type") == "forum":
                    break
                seen.add(nxt)
                target = nxt
        out[v] = target
    return out


def country_view(G) -> nx.Graph:
    """The folded graph (see module doc). Nodes carry ``type`` and ``members``."""
    fold = fold_map(G)
    C = nx.Graph(view="countries")
    members: dict = {}
    for v, t in fold.items():
        members.setdefault(t, []).append(v)
    for t, ms in sorted(members.items(), key=lambda kv: str(kv[0])):
        typ = G.nodes[t].get("type") if t in G else "country"
        C.add_node(t, type=typ, members=sorted(ms, key=str), size=len(ms))
    meetings: dict = {}
    cooc: Counter = Counter()
    for u, v, k, d in G.edges(keys=True, data=True):
        a, b = fold[u], fold[v]
        if a == b:
            continue
        pair = (a, b) if str(a) <= str(b) else (b, a)
        layer = d.get("layer")
        if layer == "meetings":
            mid = d.get("meeting_id") or (d.get("article"), u, v, k)
            meetings.setdefault(pair, {})[mid] = d.get("kind")
        elif layer == "cooccurrence":
            cooc[pair] += d.get("weight", 1) or 0
    for pair in sorted(set(meetings) | set(cooc), key=lambda p: (str(p[0]), str(p[1]))):
        ms = meetings.get(pair, {})
        kinds = Counter(k for k in ms.values())
        C.add_edge(*pair, meetings=len(ms), cooccurrence=cooc.get(pair, 0),
                   weight=len(ms) + cooc.get(pair, 0),
                   kinds=dict(sorted(kinds.items(), key=lambda kv: str(kv[0]))))
    return C


def country_table(G, top=None, states_only: bool = False) -> list[dict]:
    """Edges of :func:`country_view` as rows ``{a, b, meetings, cooccurrence, weight, kinds}``.

    Sorted by meetings, then weight (both descending), then names.
    ``states_only``: only pairs of countries (no international organization,
    no forum, nothing that did not fold into a state).

    >>> from graphkit.analysis.example import example_graph
    >>> [(r["a"], r["b"]) for r in country_table(example_graph(), states_only=True)]
    [('China', 'Russia'), ('Russia', 'United States'), ('China', 'United States')]
    """
    C = country_view(G)
    rows = [{"a": a, "b": b, "meetings": d["meetings"], "cooccurrence": d["cooccurrence"],
             "weight": d["weight"], "kinds": d["kinds"]} for a, b, d in C.edges(data=True)
            if not states_only or (C.nodes[a].get("type") == "country" and C.nodes[b].get("type") == "country")]
    rows.sort(key=lambda r: (-r["meetings"], -r["weight"], str(r["a"]), str(r["b"])))
    return rows[:top] if top else rows
