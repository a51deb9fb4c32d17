"""One layer of the actor graph as a simple weighted graph: :func:`layer_view`.

The one place that turns the ``MultiGraph`` of ``docs/graph-schema.md`` into a
:class:`networkx.Graph` of one layer; the analysis functions, the view and
:func:`graphkit.graph.summary` all use it.

>>> from graphkit.analysis.example import example_graph
>>> H = layer_view(example_graph(), "meetings", isolated=False)
>>> H["Sergei Volkov"]["Wei Lan"]
{'weight': 2, 'count': 2, 'distance': 0.5, 'kinds': ['meeting', 'talks'], 'layers': ['meetings']}
"""
from __future__ import annotations

import networkx as nx

#: The edge layers of the graph.
EDGE_LAYERS = ("meetings", "cooccurrence", "affiliation")
#: Layer names accepted by :func:`layer_view` and the analysis functions: one layer, ``both``
#: (meetings + cooccurrence) or ``all``.
LAYERS = {
    "meetings": ("meetings",),
    "cooccurrence": ("cooccurrence",),
    "affiliation": ("affiliation",),
    "both": ("meetings", "cooccurrence"),
    "all": EDGE_LAYERS,
}


def layer_names(layer: str) -> tuple[str, ...]:
    """Edge layers a layer argument stands for (``both`` = meetings + cooccurrence).

    >>> layer_names("both")
    ('meetings', 'cooccurrence')
    """
    try:
        return LAYERS[layer]
    except KeyError:
        raise ValueError(f"unknown layer {layer!r}; choose from {', '.join(LAYERS)}") from None


def layer_view(G, layer: str = "both", *, isolated: bool = True) -> nx.Graph:
    """The simple graph of the edges of ``layer`` (a name of :data:`LAYERS`).

    Nodes keep their attributes and are added in name order, so results do
    not depend on the order the graph was built in; ``isolated=False`` keeps
    only the actors with at least one edge in the layer (what the measures are
    computed on).  Parallel edges are merged: ``weight`` is the sum of their
    weights (a missing weight counts 1), ``count`` the number of merged edges,
    ``distance`` = 1 / weight (the length to use where an algorithm needs
    distances: strong ties are short), ``kinds`` and ``layers`` sorted lists.
    Self-loops are dropped.

    >>> G = nx.MultiGraph()
    >>> G.add_node("C")
    >>> G.add_edge("A", "B", layer="meetings", kind="call", weight=1)
    0
    >>> G.add_edge("A", "B", layer="meetings", kind="visit", weight=1)
    1
    >>> G.add_edge("A", "B", layer="cooccurrence", kind="cooccurrence", weight=3)
    2
    >>> H = layer_view(G, "both")
    >>> H["A"]["B"]["weight"], H["A"]["B"]["count"], H["A"]["B"]["kinds"], sorted(H)
    (5, 3, ['call', 'cooccurrence', 'visit'], ['A', 'B', 'C'])
    >>> layer_view(G, "meetings")["A"]["B"]["weight"], sorted(layer_view(G, "meetings", isolated=False))
    (2, ['A', 'B'])
    """
    wanted = set(layer_names(layer))
    H = nx.Graph(layer=layer)
    pairs: dict = {}
    for u, v, d in G.edges(data=True):
        if d.get("layer") not in wanted or u == v:
            continue
        key = (u, v) if (u, v) in pairs or (v, u) not in pairs else (v, u)
        merged = pairs.get(key)
        if merged is None:
            merged = pairs[key] = [0, 0, set(), set()]
        w = d.get("weight", 1)
        merged[0] += 1 if w is None else w
        merged[1] += 1
        merged[2].add(d.get("kind"))
        merged[3].add(d.get("layer"))
    nodes = G.nodes if isolated else {x for pair in pairs for x in pair}
    for v in sorted(nodes, key=str):
        H.add_node(v, **G.nodes[v])
    for (u, v), (w, c, kinds, layers) in pairs.items():
        H.add_edge(u, v, weight=w, count=c, distance=(1.0 / w) if w > 0 else float("inf"),
                   kinds=sorted(k for k in kinds if k is not None), layers=sorted(layers))
    return H
