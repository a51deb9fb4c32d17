"""One layer of the actor graph as a simple weighted graph.

The analysis package keeps its own copy of this (rather than importing
``graphkit.graph.layer_view``) so the two modules stay decoupled.

>>> from graphkit.analysis.example import example_graph
>>> H = _layer(example_graph(), "meetings")
>>> H["Sergei Volkov"]["Wei Lan"]
{'weight': 2, 'count': 2, 'distance': 0.5}
"""
from __future__ import annotations

import networkx as nx

#: Layer names accepted by the analysis functions.
LAYERS = {
    "meetings": ("meetings",),
    "cooccurrence": ("cooccurrence",),
    "affiliation": ("affiliation",),
    "both": ("meetings", "cooccurrence"),
}


def layer_names(layer: str) -> tuple[str, ...]:
    """Edge layers a layer argument stands for (``both`` = meetings + cooccurrence)."""
    try:
        return LAYERS[layer]
    except KeyError:
        raise ValueError(f"unknown layer {layer!r}; choose from {', '.join(LAYERS)}") from None


def _layer(G, layer: str = "meetings") -> nx.Graph:
    """Simple graph of the edges of ``layer``.

    Only actors with at least one edge in the layer are nodes (with their
    attributes), added in name order so results do not depend on the order
    the graph was built in. Parallel edges are merged: ``weight`` is the sum
    of their weights (a missing weight counts 1), ``count`` the number of
    merged edges and ``distance`` = 1 / weight, the length to use where an
    algorithm needs distances (strong ties are short). Self-loops are dropped.
    """
    wanted = set(layer_names(layer))
    H = nx.Graph(layer=layer)
    pairs: dict = {}
    for u, v, d in G.edges(data=True):
        if d.get("layer") not in wanted or u == v:
            continue
        key = (u, v) if (u, v) in pairs or (v, u) not in pairs else (v, u)
        w, c = pairs.get(key, (0, 0))
        w0 = d.get("weight", 1)
        pairs[key] = (w + (1 if w0 is None else w0), c + 1)
    nodes = {x for pair in pairs for x in pair}
    for v in sorted(nodes, key=str):
        H.add_node(v, **G.nodes[v])
    for (u, v), (w, c) in pairs.items():
        H.add_edge(u, v, weight=w, count=c, distance=(1.0 / w) if w > 0 else float("inf"))
    return H


def layer_graph(G, layer: str = "meetings") -> nx.Graph:
    """The simple weighted graph of ``layer`` (see :func:`_layer`), for use outside this package."""
    return _layer(G, layer)
