"""Write the actor graph to files: GraphML and GEXF (Gephi), node-link JSON.

GraphML and GEXF only hold scalars, so :func:`scalarize` turns lists into
"; "-joined strings and drops None first; JSON keeps lists.

>>> import tempfile, networkx as nx
>>> G = nx.MultiGraph(articles=1)
>>> G.add_node("A", type="person", roles=["Minister", "Envoy"], country=None)
>>> G.add_edge("A", "B", layer="meetings", weight=1)
0
>>> H = scalarize(G)
>>> H.nodes["A"]
{'type': 'person', 'roles': 'Minister; Envoy'}
>>> with tempfile.TemporaryDirectory() as d:
...     sorted(p.name for p in write_all(G, d).values())
['graph.gexf', 'graph.graphml', 'graph.json']
"""
from __future__ import annotations

import json
from os import PathLike
from pathlib import Path

import networkx as nx

LIST_SEP = "; "


def _scalar(value):
    """A GraphML/GEXF-friendly value, or None to drop the attribute."""
    if value is None:
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join("" if x is None else str(x) for x in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _scalar_attrs(attrs: dict) -> dict:
    out = {}
    for k, v in attrs.items():
        v = _scalar(v)
        if v is not None:
            out[str(k)] = v
    return out


def scalarize(G: nx.Graph) -> nx.MultiGraph:
    """A copy of ``G`` whose attributes are all bool/int/float/str.

    Lists (and sets, tuples) become "; "-joined strings, None values are
    dropped, dicts become JSON strings.  Edges get fresh keys ``e0, e1, ...``
    so that every GraphML edge id is unique (Gephi drops edges whose id repeats).
    """
    H = nx.MultiGraph()
    H.graph.update(_scalar_attrs(G.graph))
    for n, d in G.nodes(data=True):
        H.add_node(n, **_scalar_attrs(d))
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        H.add_edge(u, v, key=f"e{i}", **_scalar_attrs(d))
    return H


def write_graphml(G: nx.Graph, path: str | PathLike) -> Path:
    """Write ``G`` as GraphML (attributes scalarized).  Returns the path."""
    path = Path(path)
    nx.write_graphml(scalarize(G), path, encoding="utf-8", infer_numeric_types=True)
    return path


def write_gexf(G: nx.Graph, path: str | PathLike) -> Path:
    """Write ``G`` as GEXF 1.2 (attributes scalarized).  Returns the path."""
    path = Path(path)
    nx.write_gexf(scalarize(G), path, encoding="utf-8")
    return path


def node_link(G: nx.Graph) -> dict:
    """Node-link data of ``G`` (``nodes`` and ``links``; lists kept).

    Edge attribute ``source`` (the person of an affiliation edge) collides with
    the node-link endpoint key; the link is oriented so that its ``source`` is
    that node, so nothing is lost.
    """
    data = nx.node_link_data(G, edges="links")
    if G.is_multigraph():
        edges = G.edges(keys=True, data=True)
    else:
        edges = ((u, v, None, d) for u, v, d in G.edges(data=True))
    for link, (u, v, k, d) in zip(data["links"], edges):
        src = d.get("source")
        if src is not None and src in (u, v):
            link["source"], link["target"] = src, (v if src == u else u)
        # any other clash with the endpoint keys is kept under another name
        for attr, value in (("source", None if src in (u, v) else src), ("target", d.get("target")),
                            ("key", d.get("key"))):
            if value is not None and value != link.get(attr):
                link[f"{attr}_attr"] = value
    return data


def write_json(G: nx.Graph, path: str | PathLike) -> Path:
    """Write ``G`` as node-link JSON (UTF-8).  Returns the path."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as f:
        json.dump(node_link(G), f, ensure_ascii=False, indent=1, default=_json_default)
    return path


def _json_default(value):
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


def write_all(G: nx.Graph, outdir: str | PathLike) -> dict[str, Path]:
    """Write ``graph.graphml``, ``graph.gexf`` and ``graph.json`` into ``outdir`` (created)."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    return {
        "graphml": write_graphml(G, outdir / "graph.graphml"),
        "gexf": write_gexf(G, outdir / "graph.gexf"),
        "json": write_json(G, outdir / "graph.json"),
    }
