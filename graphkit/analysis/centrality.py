"""Centrality of the actors on one layer of the graph.

Measures (all computed on the simple graph of the layer, see
:func:`graphkit.analysis.layers.layer_view`, where ``weight`` is the number of
meetings / co-occurring sentences between two actors):

* ``degree``: number of distinct neighbours;
* ``weighted_degree``: sum of the weights of an actor's edges;
* ``betweenness`` (normalized) and ``closeness``: shortest paths with
  ``distance = 1 / weight`` (a strong tie is a short one);
* ``eigenvector`` and ``pagerank``: ``weight`` as the strength of a tie.

Betweenness on a layer with more than ``SAMPLE_THRESHOLD`` actors is
estimated from ``DEFAULT_SAMPLE`` (500) source actors drawn with ``seed``
(the same sources networkx's ``k``/``seed`` would draw, computed by a
vectorised Brandes in :mod:`graphkit.analysis._fastbc`, which also computes
exact betweenness, from every source, above ``FAST_EXACT`` nodes).

The result is a list of row dicts ``{rank, actor, type, country, value}``
sorted by value (ties by name). It is a :class:`Rows` list, whose ``meta``
dict says how it was computed: ``measure, layer, nodes, edges, sampled``
(number of sampled sources, or None when exact), ``seed`` and ``note``
(e.g. that eigenvector centrality needed a second, looser run). Slicing a
``Rows`` gives a plain list without ``meta``.

>>> from graphkit.analysis.example import example_graph
>>> rows = centrality(example_graph(), "degree", top=2)
>>> [(r["rank"], r["actor"], r["value"]) for r in rows]
[(1, 'António Ferreira', 3), (2, 'Sergei Volkov', 3)]
>>> rows.meta["sampled"] is None
True
"""
from __future__ import annotations

import math
import random

import networkx as nx

from . import _fastbc
from .layers import layer_view

MEASURES = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector",
            "pagerank")
#: Above this many nodes betweenness is sampled.
SAMPLE_THRESHOLD = 2000
#: Exact betweenness above this many nodes runs on the numpy Brandes (all sources).
FAST_EXACT = 300
#: Number of sampled source nodes for large graphs.
DEFAULT_SAMPLE = 500


class Rows(list):
    """A list of row dicts with a ``meta`` dict describing how it was made."""

    def __init__(self, rows=(), meta=None):
        super().__init__(rows)
        self.meta = dict(meta or {})


def centrality(G, measure: str = "degree", layer: str = "meetings", type=None,
               top=10, sample=None, seed=42) -> Rows:
    """Top actors by ``measure`` on ``layer`` (meetings, cooccurrence or both).

    ``type`` (person, country, organization, forum) filters the rows shown;
    the measure is always computed on the whole layer. ``top`` = None or 0
    returns every actor. ``sample`` forces the number of sampled sources for
    betweenness (None: automatic, 0/False: always exact).
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose from {', '.join(MEASURES)}")
    H = layer_view(G, layer, isolated=False)
    meta = {"measure": measure, "layer": layer, "nodes": H.number_of_nodes(),
            "edges": H.number_of_edges(), "sampled": None, "seed": None, "note": None}
    values = compute(H, measure, sample=sample, seed=seed, meta=meta) if len(H) else {}
    rows = []
    for actor, value in sorted(values.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        data = H.nodes[actor]
        if type is not None and data.get("type") != type:
            continue
        rows.append({"rank": len(rows) + 1, "actor": actor, "type": data.get("type"),
                     "country": data.get("country"), "value": value})
        if top and len(rows) >= top:
            break
    return Rows(rows, meta)


def compute(H: nx.Graph, measure: str, sample=None, seed=42, meta=None) -> dict:
    """``{node: value}`` of ``measure`` on a simple layer graph ``H`` (weight/distance set)."""
    meta = {} if meta is None else meta
    if measure == "degree":
        return dict(H.degree())
    if measure == "weighted_degree":
        return dict(H.degree(weight="weight"))
    if measure == "betweenness":
        return betweenness(H, sample=sample, seed=seed, meta=meta)
    if measure == "closeness":
        return nx.closeness_centrality(H, distance="distance")
    if measure == "eigenvector":
        return eigenvector(H, meta=meta)
    if measure == "pagerank":
        return pagerank(H, meta=meta)
    raise ValueError(f"unknown measure {measure!r}")


def betweenness(H, sample=None, seed=42, meta=None) -> dict:
    """Normalized betweenness with ``distance``; sampled on large graphs (see module doc)."""
    meta = {} if meta is None else meta
    n = len(H)
    if sample is None:
        k = min(DEFAULT_SAMPLE, n) if n > SAMPLE_THRESHOLD else None
    else:
        k = min(int(sample), n) if sample else None
    if k is None:
        if n > FAST_EXACT and _fastbc.available():  # same values, several times faster
            return _fastbc.betweenness_sources(H, list(H), weight="distance")
        return nx.betweenness_centrality(H, weight="distance", normalized=True)
    meta.update(sampled=k, seed=seed,
                note=f"betweenness estimated from {k} of {n} source actors, seed {seed}")
    sources = random.Random(seed).sample(list(H.nodes()), k)
    if _fastbc.available():
        return _fastbc.betweenness_sources(H, sources, weight="distance")
    return nx.betweenness_centrality(H, k=k, seed=seed, weight="distance")


def eigenvector(H, meta=None) -> dict:
    """Weighted eigenvector centrality; retries looser, then keeps the last iterate."""
    meta = {} if meta is None else meta
    try:
        return nx.eigenvector_centrality(H, weight="weight", max_iter=1000, tol=1e-6)
    except nx.PowerIterationFailedConvergence:
        pass
    x, converged, it = _power_iteration(H, max_iter=10000, tol=1e-4)
    meta["note"] = ("eigenvector did not converge in 1000 iterations at tol 1e-6; "
                    + (f"converged at tol 1e-4 after {it} iterations" if converged
                       else f"values are the last of {it} iterations (not converged)"))
    return x


def _power_iteration(H, max_iter, tol):
    """networkx's (A + I) power iteration that returns its last iterate instead of raising."""
    x = dict.fromkeys(H, 1.0 / len(H))
    for i in range(1, max_iter + 1):
        last = x
        x = dict(last)
        for u in last:
            for v, d in H[u].items():
                x[v] += last[u] * d.get("weight", 1)
        norm = math.hypot(*x.values()) or 1.0
        x = {k: v / norm for k, v in x.items()}
        if sum(abs(x[k] - last[k]) for k in x) < len(H) * tol:
            return x, True, i
    return x, False, max_iter


def pagerank(H, alpha=0.85, meta=None) -> dict:
    """Weighted PageRank: networkx's (needs scipy), else an equivalent pure-Python run."""
    meta = {} if meta is None else meta
    try:
        return nx.pagerank(H, alpha=alpha, weight="weight")
    except ImportError:  # networkx's default implementation needs scipy
        pass
    except nx.PowerIterationFailedConvergence:
        meta["note"] = "pagerank needed more than 100 iterations"
    x, converged, it = _pagerank_python(H, alpha=alpha, max_iter=1000)
    if not converged:
        meta["note"] = f"pagerank did not converge in {it} iterations"
    return x


def _pagerank_python(H, alpha=0.85, max_iter=100, tol=1e-6, weight="weight"):
    """Power iteration as networkx's ``_pagerank_python`` (uniform teleport and dangling)."""
    n = len(H)
    out = {u: sum(d.get(weight, 1) for d in H[u].values()) for u in H}
    x = dict.fromkeys(H, 1.0 / n)
    dangling = [u for u in H if out[u] == 0]
    for i in range(1, max_iter + 1):
        last = x
        x = dict.fromkeys(last, 0.0)
        dsum = alpha * sum(last[u] for u in dangling)
        for u in x:
            if out[u]:
                share = alpha * last[u] / out[u]
                for v, d in H[u].items():
                    x[v] += share * d.get(weight, 1)
            x[u] += dsum / n + (1.0 - alpha) / n
        if sum(abs(x[u] - last[u]) for u in x) < n * tol:
            return x, True, i
    return x, False, max_iter
