"""Write the actor graph to files: GraphML, GEXF (Gephi, with dates for its timeline), node-link
JSON, and a nodes.csv + edges.csv pair in Gephi's spreadsheet format; slice it first like a query.

GraphML and GEXF only hold scalars, so :func:`scalarize` turns lists into
"; "-joined strings and drops None first; JSON keeps lists.  Every file is
written through :func:`graphkit.outputs.atomic_write`: it appears whole or not
at all.

* **GEXF**: every dated edge carries ``start`` and ``end`` (the first and last
  day of its date: a meeting's ``date_iso``, else its article's date; a
  co-occurrence's articles' dates), so Gephi's timeline plays the meetings in
  time; undated edges (and affiliations) carry none and show at every time.
  No ``networkx_key`` attribute: the edge id (``e0``, ``e1``...) is the key.
* **nodes.csv / edges.csv**: Gephi's "Import spreadsheet" columns (``Id``,
  ``Label``; ``Source``, ``Target``, ``Type``, ``Id``, ``Label``, ``Weight``,
  ``Start``, ``End``) then the attributes; a text cell that a spreadsheet
  would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return) is prefixed with ``'`` (OWASP's rule for CSV injection).
* :func:`slice_graph`: the ``--since`` / ``--until`` / ``--layer`` / ``--type``
  of ``graphkit graph``, ``render`` and ``summary``.

>>> import tempfile, networkx as nx
>>> G = nx.MultiGraph(articles=1)
>>> G.add_node("A", type="person", roles=["Minister", "Envoy"], country=None)
>>> G.add_edge("A", "B", layer="meetings", weight=1, date_iso="2016-12")
0
>>> H = scalarize(G)
>>> H.nodes["A"]
{'type': 'person', 'roles': 'Minister; Envoy'}
>>> with tempfile.TemporaryDirectory() as d:
...     paths = write_all(G, d)
...     back = nx.read_gexf(paths["gexf"])
...     sorted(p.name for p in paths.values()), back.edges["A", "B"]["start"], back.edges["A", "B"]["end"]
(['edges.csv', 'graph.gexf', 'graph.graphml', 'graph.json', 'nodes.csv'], '2016-12-01', '2016-12-31')
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from os import PathLike
from pathlib import Path

import networkx as nx

from graphkit.outputs import FORMULA_PREFIXES, atomic_write

__all__ = ["LIST_SEP", "scalarize", "slice_graph", "write_graphml", "write_gexf", "write_json", "write_csv_pair",
           "write_all", "csv_safe", "escape_csv_text", "edge_dates", "EXPORT_FILES", "SLICE_LAYERS"]

LIST_SEP = "; "
#: The files :func:`write_all` writes, by key.
EXPORT_FILES = {"graphml": "graph.graphml", "gexf": "graph.gexf", "json": "graph.json", "nodes": "nodes.csv",
                "edges": "edges.csv"}
#: ``--layer`` values of the exports: one edge layer, ``both`` (meetings + co-occurrence) or ``all``.
SLICE_LAYERS = ("all", "meetings", "cooccurrence", "affiliation", "both")


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


# --------------------------------------------------------------------------
# slicing
# --------------------------------------------------------------------------

def slice_graph(G: nx.Graph, *, since: str | None = None, until: str | None = None, layer: str = "all",
                types: Iterable[str] | None = None) -> nx.MultiGraph:
    """The part of ``G`` that ``--since`` / ``--until`` / ``--layer`` / ``--type`` select.

    Dates as the queries read them (:func:`graphkit.analysis.timefilter.filter_by_date`:
    a meeting by its date, else its article's; a co-occurrence by its
    articles' dates; affiliations are not dated: with a range, those of the
    actors with a meeting or co-occurrence in it stay).  ``layer``: one of
    :data:`SLICE_LAYERS`.  ``types``: actor types kept (edges between them).
    With any selection, actors left without an edge are dropped; with none,
    ``G`` itself is returned.

    >>> from graphkit.analysis.example import example_graph
    >>> G = example_graph()
    >>> H = slice_graph(G, since="2024-04", layer="meetings", types=["person"])
    >>> sorted({d["meeting_id"] for *_, d in H.edges(data=True)}), all(H.nodes[n]["type"] == "person" for n in H)
    (['a1#1', 'a4#1', 'a5#1'], True)
    """
    from graphkit.analysis.layers import layer_names
    from graphkit.analysis.timefilter import filter_by_date

    types = set(types or ())
    if not (since or until or types or layer not in (None, "all")):
        return G
    dated = since or until
    H = filter_by_date(G, since, until) if dated else G
    wanted = set(layer_names(layer or "all"))
    out = nx.MultiGraph()
    out.graph.update(H.graph)
    out.graph.update({"since": since, "until": until, "layer": layer or "all",
                      "types": sorted(types) if types else None})

    def typed(u, v) -> bool:
        return not types or (H.nodes[u].get("type") in types and H.nodes[v].get("type") in types)

    # with a date range, an affiliation (not dated) is kept for the actors active in the range
    active = {n for u, v, d in H.edges(data=True) if d.get("layer") != "affiliation" for n in (u, v)} if dated else None
    for u, v, k, d in H.edges(keys=True, data=True):
        if d.get("layer") not in wanted or not typed(u, v):
            continue
        if active is not None and d.get("layer") == "affiliation" and not (u in active or v in active):
            continue
        for n in (u, v):
            if n not in out:
                out.add_node(n, **H.nodes[n])
        out.add_edge(u, v, k, **d)
    return out


# --------------------------------------------------------------------------
# dates of edges (GEXF timeline, CSV Start / End)
# --------------------------------------------------------------------------

def edge_dates(G: nx.Graph) -> dict:
    """``(u, v, key) -> (first day, last day)`` of every dated edge of ``G``.

    A meeting: the days of its ``date_iso`` (a month is its first to last day),
    else of its article's date.  A co-occurrence: from its earliest to its
    latest dated article.  Affiliations and undated edges are not listed.
    """
    from graphkit.analysis.timefilter import article_dates, date_bounds, meeting_date

    out = {}
    by_article = None
    for u, v, k, d in G.edges(keys=True, data=True):
        layer = d.get("layer")
        if layer == "meetings":
            span = date_bounds(meeting_date(d))
        elif layer == "cooccurrence":
            if by_article is None:
                by_article = article_dates(G)
            spans = [s for a in d.get("articles") or () if (s := date_bounds(by_article.get(a)))]
            span = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
        else:
            span = None
        if span:
            out[(u, v, k)] = span
    return out


# --------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------

def write_graphml(G: nx.Graph, path: str | PathLike) -> Path:
    """Write ``G`` as GraphML (attributes scalarized).  Returns the path."""
    path = Path(path)
    H = scalarize(G)
    with atomic_write(path, "wb", encoding=None, newline=None) as f:
        nx.write_graphml(H, f, encoding="utf-8", infer_numeric_types=True)
    return path


class _GEXFWriter(nx.readwrite.gexf.GEXFWriter):
    """networkx's GEXF writer without the ``networkx_key`` attribute (the key is the edge id already)."""

    def add_attributes(self, node_or_edge, xml_obj, data, default):
        if node_or_edge == "edge":
            data = {k: v for k, v in data.items() if k != "key"}
        return super().add_attributes(node_or_edge, xml_obj, data, default)


def write_gexf(G: nx.Graph, path: str | PathLike) -> Path:
    """Write ``G`` as GEXF 1.2 with ``start`` / ``end`` dates on dated edges (Gephi's timeline).  Returns the path."""
    path = Path(path)
    dates = edge_dates(G)
    H = nx.MultiGraph()
    H.graph.update(_scalar_attrs(G.graph))
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: v for k, v in _scalar_attrs(d).items() if k not in ("start", "end", "id", "label")})
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        attrs = {a: x for a, x in _scalar_attrs(d).items() if a not in ("start", "end", "id", "label", "type")}
        span = dates.get((u, v, k))
        if span:
            attrs["start"], attrs["end"] = span
        H.add_edge(u, v, key=f"e{i}", **attrs)
    writer = _GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(H)
    with atomic_write(path, "wb", encoding=None, newline=None) as f:
        writer.write(f)
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
    data = node_link(G)
    with atomic_write(path) as f:
        json.dump(data, f, ensure_ascii=False, indent=1, default=_json_default)
    return path


def _json_default(value):
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


# --------------------------------------------------------------------------
# CSV (Gephi's spreadsheet import), safe for spreadsheets
# --------------------------------------------------------------------------

_FORMULA_START = FORMULA_PREFIXES  # = + - @ tab CR (and LF, full-width forms): graphkit.outputs


def csv_safe(value):
    """A cell value a spreadsheet shows as text: text starting with = + - @ tab CR gets a leading ``'``.

    OWASP's rule for CSV injection, as :func:`graphkit.outputs.escape_csv_cell`
    (the same first characters), except that text which is a plain number
    (``-0.5``, a value column) is left as it is, like numbers.

    >>> csv_safe("=HYPERLINK(\\"http://x\\")"), csv_safe("-2+3"), csv_safe("-0.5"), csv_safe(-1), csv_safe("Anna Berg")
    ('\\'=HYPERLINK("http://x")', "'-2+3", '-0.5', -1, 'Anna Berg')
    """
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    try:
        float(value)
        return value
    except ValueError:
        return "'" + value


def escape_csv_text(text: str) -> str:
    """CSV text with every cell made :func:`csv_safe` (for CSV written by other code).

    >>> escape_csv_text('actor,value\\n=cmd|x,3\\n')
    "actor,value\\n'=cmd|x,3\\n"
    """
    import io

    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not any(cell.startswith(_FORMULA_START) for row in rows for cell in row):
        return text
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in rows:
        writer.writerow([csv_safe(c) for c in row])
    return buf.getvalue()


def _columns(items: Iterable[dict], first: list[str]) -> list[str]:
    seen = dict.fromkeys(first)
    for d in items:
        for k in d:
            seen.setdefault(k, None)
    return list(seen)


def write_csv_pair(G: nx.Graph, nodes_path: str | PathLike, edges_path: str | PathLike) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``edges.csv`` in Gephi's spreadsheet format (lists "; "-joined, cells safe)."""
    nodes_path, edges_path = Path(nodes_path), Path(edges_path)
    node_rows = [{"Id": n, "Label": n, **_scalar_attrs(d)} for n, d in G.nodes(data=True)]
    dates = edge_dates(G)
    edge_rows = []
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        attrs = _scalar_attrs(d)
        start, end = dates.get((u, v, k), (None, None))
        edge_rows.append({"Source": u, "Target": v, "Type": "Undirected", "Id": f"e{i}",
                          "Label": attrs.pop("kind", None), "Weight": attrs.pop("weight", 1),
                          "Start": start, "End": end, **attrs})
    for path, rows, first in ((nodes_path, node_rows, ["Id", "Label"]),
                              (edges_path, edge_rows, ["Source", "Target", "Type", "Id", "Label", "Weight",
                                                       "Start", "End"])):
        columns = _columns(rows, first)
        with atomic_write(path, newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow(["" if row.get(c) is None else csv_safe(row.get(c)) for c in columns])
    return nodes_path, edges_path


def write_all(G: nx.Graph, outdir: str | PathLike) -> dict[str, Path]:
    """Write ``graph.graphml``, ``graph.gexf``, ``graph.json``, ``nodes.csv`` and ``edges.csv`` into ``outdir`` (created)."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = {
        "graphml": write_graphml(G, outdir / EXPORT_FILES["graphml"]),
        "gexf": write_gexf(G, outdir / EXPORT_FILES["gexf"]),
        "json": write_json(G, outdir / EXPORT_FILES["json"]),
    }
    paths["nodes"], paths["edges"] = write_csv_pair(G, outdir / EXPORT_FILES["nodes"], outdir / EXPORT_FILES["edges"])
    return paths
