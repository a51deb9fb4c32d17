"""What the HTML page and the static picture share: which actors are shown, their
size, their position, and one drawn edge per pair of actors with everything
that links them.

>>> import networkx as nx
>>> G = nx.MultiGraph()
>>> G.add_node("A", type="person"); G.add_node("B", type="country"); G.add_node("C", type="forum")
>>> G.add_edge("A", "B", layer="meetings", kind="visit", date_iso="2020-03", weight=1)
0
>>> G.add_edge("A", "B", layer="affiliation", kind="affiliation", source="A", weight=1)
1
>>> v = prepare(G, max_nodes=2)
>>> v.names, v.total, v.note
(['A', 'B'], 3, 'Showing the 2 most central actors (by degree) of 3; render with a larger max_nodes to see more.')
>>> v.pairs[("A", "B")]["meetings"][0]["kind"], sorted(v.pairs[("A", "B")])
('visit', ['affiliation', 'meetings'])
>>> display_kind(v.pairs[("A", "B")]), date_bounds("2020-02")
('visit', ('2020-02-01', '2020-02-29'))
"""
from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

#: Node colour per actor type (and for any other type).
TYPE_COLORS = {"country": "#d62728", "person": "#1f77b4", "organization": "#2ca02c", "forum": "#ff7f0e"}
OTHER_COLOR = "#7f7f7f"
TYPE_LABELS = {"country": "country", "person": "person", "organization": "organization", "forum": "forum",
               "other": "other"}

#: Edge style per kind: colour, dash pattern (vis-network ``dashes``), legend label.
MEETING_KINDS = ("talks", "meeting", "visit", "call")
KIND_STYLES = {
    "talks": {"color": "#6a3d9a", "dashes": False, "label": "talks"},
    "meeting": {"color": "#333333", "dashes": False, "label": "meeting"},
    "visit": {"color": "#1a9a8f", "dashes": False, "label": "visit"},
    "call": {"color": "#d6337f", "dashes": [2, 4], "label": "call"},
    "affiliation": {"color": "#9c755f", "dashes": [8, 6], "label": "belongs to (affiliation)"},
    "cooccurrence": {"color": "#c4c4c4", "dashes": False, "label": "named in the same sentence"},
}
#: Drawn kind of a pair: its most frequent meeting kind (ties in this order), else affiliation, else co-occurrence.
KIND_ORDER = MEETING_KINDS + ("affiliation", "cooccurrence")

#: Measures of :mod:`graphkit.analysis.centrality` accepted by ``size_by`` (besides node attributes).
CENTRALITY_MEASURES = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "pagerank")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def meeting_kind(d: dict) -> str:
    """The style kind of a meeting edge (unknown kinds are drawn as ``meeting``)."""
    k = d.get("kind")
    return k if k in MEETING_KINDS else "meeting"


def date_bounds(value) -> tuple[str, str] | None:
    """``(first day, last day)`` of an ISO date, month or year; None when not a date."""
    m = _DATE.match(str(value or ""))
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            return f"{y}-{mo}-{d}", f"{y}-{mo}-{d}"
        if mo:
            last = calendar.monthrange(int(y), int(mo))[1]
            return f"{y}-{mo}-01", f"{y}-{mo}-{last:02d}"
    except (ValueError, calendar.IllegalMonthError):
        return None
    return f"{y}-01-01", f"{y}-12-31"


def display_kind(entry: dict) -> str:
    """The kind a pair is drawn as (see ``KIND_ORDER``)."""
    meetings = entry.get("meetings") or []
    if meetings:
        counts = Counter(meeting_kind(d) for d in meetings)
        return min(counts, key=lambda k: (-counts[k], MEETING_KINDS.index(k)))
    if entry.get("affiliation"):
        return "affiliation"
    return "cooccurrence"


def edge_width(entry: dict) -> float:
    """Width of a pair's edge: grows with its number of meetings (or co-occurring sentences)."""
    meetings = entry.get("meetings") or []
    if meetings:
        return min(1.5 + len(meetings), 8.0)
    if entry.get("affiliation"):
        return 1.5
    w = (entry.get("cooccurrence") or {}).get("weight", 1) or 1
    return round(0.5 + min(math.log2(max(w, 1)), 3) / 2, 2)


@dataclass
class Prepared:
    """The shown part of a graph, ready to draw."""

    names: list                      # shown actors, most central first
    scores: dict                     # actor -> raw size_by value
    scale: dict                      # actor -> size in [0, 1] (square-root scaled)
    pos: dict                        # actor -> (x, y), centred, about [-1, 1]
    pairs: dict                      # (a, b) -> {"meetings": [...], "cooccurrence": d, "affiliation": d}
    total: int                       # actors in the whole graph
    size_by: str
    note: str | None = None
    per_node: dict = field(default_factory=dict)   # actor -> {"meetings", "partners", "cooc"}


def node_scores(G: nx.MultiGraph, size_by: str = "degree", layer: str = "both") -> dict:
    """``{actor: value}`` of ``size_by`` for every actor of ``G``.

    ``size_by`` is ``"degree"`` (distinct neighbours on ``layer``, default
    meetings + co-occurrence), another measure of
    :func:`graphkit.analysis.centrality` (``weighted_degree``, ``betweenness``,
    ``closeness``, ``eigenvector``, ``pagerank``, computed on ``layer``) or a
    numeric node attribute (``mentions``, ``articles``).
    """
    if size_by == "degree":
        from graphkit.graph import layer_view

        values = dict(layer_view(G, layer).degree())
    elif size_by in CENTRALITY_MEASURES:
        from graphkit.analysis.centrality import centrality

        values = {r["actor"]: r["value"] for r in centrality(G, size_by, layer=layer, top=None)}
    else:
        if len(G) and not any(size_by in d for _, d in G.nodes(data=True)):
            raise ValueError(f"size_by={size_by!r}: not a node attribute nor one of "
                             f"{', '.join(CENTRALITY_MEASURES)}")
        values = {n: d.get(size_by) for n, d in G.nodes(data=True)}
    out = {}
    for n in G.nodes:
        v = values.get(n)
        out[n] = float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) else 0.0
    return out


def _pairs(G: nx.MultiGraph, keep: set) -> dict:
    pairs: dict = {}
    for u, v, d in G.edges(data=True):
        if u == v or u not in keep or v not in keep:
            continue
        a, b = (u, v) if str(u) <= str(v) else (v, u)
        entry = pairs.setdefault((a, b), {})
        layer = d.get("layer")
        if layer == "meetings":
            entry.setdefault("meetings", []).append(d)
        elif layer in ("cooccurrence", "affiliation"):
            entry[layer] = d
        else:
            entry.setdefault("other", []).append(d)
    return pairs


def prepare(G: nx.MultiGraph, *, size_by: str = "degree", max_nodes: int | None = 1500,
            layer: str = "both", seed: int = 42) -> Prepared:
    """Choose, size and place the actors of ``G`` (see :class:`Prepared`).

    Above ``max_nodes`` actors only the ``max_nodes`` with the highest
    ``size_by`` value are kept (ties by name) and ``note`` says so;
    ``max_nodes`` None or 0 keeps everyone.
    """
    from graphkit.view.layout import spring_positions

    scores = node_scores(G, size_by, layer)
    order = sorted(G.nodes, key=lambda n: (-scores[n], str(n)))
    total = len(order)
    note = None
    if max_nodes and total > max_nodes:
        order = order[:max_nodes]
        note = (f"Showing the {max_nodes:,} most central actors (by {size_by}) of {total:,}; "
                "render with a larger max_nodes to see more.")
    keep = set(order)
    pairs = _pairs(G, keep)

    index = {n: i for i, n in enumerate(order)}
    links = []
    for (a, b), entry in pairs.items():
        w = (1.0 + min(len(entry.get("meetings") or []), 3) if entry.get("meetings")
             else 0.8 if entry.get("affiliation") else 0.4)
        links.append((index[a], index[b], w))
    xy = spring_positions(len(order), links, seed=seed)
    pos = {n: (float(xy[i, 0]), float(xy[i, 1])) for n, i in index.items()}

    top = max((scores[n] for n in order), default=0.0)
    scale = {n: math.sqrt(scores[n] / top) if top > 0 and scores[n] > 0 else 0.0 for n in order}

    per_node = {n: {"meetings": set(), "partners": 0, "cooc": 0} for n in order}
    for (a, b), entry in pairs.items():
        for n in (a, b):
            if entry.get("meetings"):
                per_node[n]["meetings"].update(d.get("meeting_id") or id(d) for d in entry["meetings"])
                per_node[n]["partners"] += 1
            if entry.get("cooccurrence"):
                per_node[n]["cooc"] += 1
    for counts in per_node.values():
        counts["meetings"] = len(counts["meetings"])
    return Prepared(names=order, scores=scores, scale=scale, pos=pos, pairs=pairs, total=total,
                    size_by=size_by, note=note, per_node=per_node)
