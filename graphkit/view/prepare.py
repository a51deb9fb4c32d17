"""What the HTML page and the static picture share: which actors are shown, their
sizes (several centralities), their communities, their position, and one
drawn edge per pair of actors with everything that links them.

>>> import networkx as nx
>>> G = nx.MultiGraph()
>>> G.add_node("A", type="person"); G.add_node("B", type="country"); G.add_node("C", type="forum")
>>> G.add_edge("A", "B", layer="meetings", kind="visit", date_iso="2020-03", weight=1)
0
>>> G.add_edge("A", "B", layer="affiliation", kind="affiliation", source="A", weight=1)
1
>>> v = prepare(G, max_nodes=2)
>>> v.names, v.total, v.note
(['A', 'B'], 3, 'Showing the 2 most central actors (by degree) of 3, meeting participants first; render with a larger max_nodes to see more.')
>>> v.pairs[("A", "B")]["meetings"][0]["kind"], sorted(v.pairs[("A", "B")])
('visit', ['affiliation', 'meetings'])
>>> display_kind(v.pairs[("A", "B")]), date_bounds("2020-02")
('visit', ('2020-02-01', '2020-02-29'))
>>> v.communities == {"A": 1, "B": 1}, sorted(v.core)
(True, ['A', 'B'])
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from graphkit.analysis.timefilter import date_bounds
from graphkit.view.defaults import ViewDefaults, view_defaults

#: Node colour per actor type (and for any other type).
TYPE_COLORS = {"country": "#d62728", "person": "#1f77b4", "organization": "#2ca02c", "forum": "#ff7f0e"}
OTHER_COLOR = "#7f7f7f"
TYPE_LABELS = {"country": "country", "person": "person", "organization": "organization", "forum": "forum",
               "other": "other"}
#: Colours of the largest communities (Louvain, see :func:`graphkit.analysis.communities`); the rest are grey.
COMMUNITY_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
                    "#bcbd22", "#393b79", "#637939", "#ad494a", "#6b6ecf", "#e7969c", "#7b4173", "#31a354")
SMALL_COMMUNITY_COLOR = "#b0b0b0"

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
#: The node sizes the page can switch between: id -> (label, measure, layer).
SIZE_MEASURES = {
    "degree": ("partners (meetings and same sentence)", "degree", "both"),
    "meeting_partners": ("meeting partners", "degree", "meetings"),
    "weighted_degree": ("weighted degree (meetings + sentences)", "weighted_degree", "both"),
    "betweenness": ("betweenness", "betweenness", "both"),
    "pagerank": ("PageRank", "pagerank", "both"),
    "mentions": ("mentions", "mentions", "both"),
}

#: Node radius range on the canvas (vis-network ``scaling``), in canvas units.
MIN_SIZE, MAX_SIZE = 5, 30
#: Canvas units between the extreme nodes of the default picture: ``max(MIN_EXTENT, PER_NODE * sqrt(n))``.
MIN_EXTENT, PER_NODE = 900.0, 100.0
#: Labels: screen font size range in px (by node size), characters shown, labels kept apart by the layout.
LABEL_PX = (11.0, 16.0)
LABEL_CHARS = 32
SPACED_LABELS = 80
#: The canvas the layout makes room for at the default zoom (a 1400 x 900 window minus the sidebar).
NOMINAL_CANVAS = (1080.0, 860.0)


def meeting_kind(d: dict) -> str:
    """The style kind of a meeting edge (unknown kinds are drawn as ``meeting``)."""
    k = d.get("kind")
    return k if k in MEETING_KINDS else "meeting"


def display_kind(entry: dict) -> str:
    """The kind a pair is drawn as (see ``KIND_ORDER``)."""
    meetings = entry.get("meetings") or []
    if meetings:
        counts = Counter(meeting_kind(d) for d in meetings)
        return min(counts, key=lambda k: (-counts[k], MEETING_KINDS.index(k)))
    if entry.get("affiliation"):
        return "affiliation"
    return "cooccurrence"


def events_of(entry: dict) -> int:
    """Number of events (real meetings, :mod:`graphkit.events`) behind a pair's meeting edges."""
    return len({d.get("meeting_id") or id(d) for d in entry.get("meetings") or ()})


def edge_width(entry: dict) -> float:
    """Width of a pair's edge: grows with its number of events (or co-occurring sentences)."""
    meetings = entry.get("meetings") or []
    if meetings:
        return min(1.5 + events_of(entry), 8.0)
    if entry.get("affiliation"):
        return 1.5
    w = (entry.get("cooccurrence") or {}).get("weight", 1) or 1
    return round(0.5 + min(math.log2(max(w, 1)), 3) / 2, 2)


def label_text(name) -> str:
    """A node's label as drawn: at most ``LABEL_CHARS`` characters."""
    s = str(name)
    return s if len(s) <= LABEL_CHARS else s[:LABEL_CHARS - 1] + "\u2026"


def extent_for(n: int) -> float:
    """Canvas units spanned by a default picture of ``n`` actors."""
    return max(MIN_EXTENT, PER_NODE * math.sqrt(max(n, 1)))


@dataclass
class Prepared:
    """The shown part of a graph, ready to draw."""

    names: list                      # shown actors, most central first
    scores: dict                     # actor -> raw size_by value
    scale: dict                      # actor -> size in [0, 1] (square-root scaled)
    pos: dict                        # actor -> (x, y), the default picture about [-1, 1]
    pairs: dict                      # (a, b) -> {"meetings": [...], "cooccurrence": d, "affiliation": d}
    total: int                       # actors in the whole graph
    size_by: str
    note: str | None = None
    per_node: dict = field(default_factory=dict)   # actor -> {"meetings", "partners", "cooc"}
    measures: dict = field(default_factory=dict)   # measure id -> {actor: raw value} (size_by included)
    communities: dict = field(default_factory=dict)  # actor -> community id (1 = largest; 0 = none)
    defaults: ViewDefaults | None = None
    core: set = field(default_factory=set)         # actors shown by the default filters
    extent: float = MIN_EXTENT                     # canvas units of the default picture
    select_by: str = "degree"                      # the measure the drawn actors were chosen by
    all_scores: dict = field(default_factory=dict)  # actor -> select_by value, every actor of the graph


def node_scores(G: nx.MultiGraph, size_by: str = "degree", layer: str = "both", *, layers: dict | None = None) -> dict:
    """``{actor: value}`` of ``size_by`` for every actor of ``G``.

    ``size_by`` is ``"degree"`` (distinct neighbours on ``layer``, default
    meetings + co-occurrence), another measure of
    :func:`graphkit.analysis.centrality` (``weighted_degree``, ``betweenness``,
    ``closeness``, ``eigenvector``, ``pagerank``, computed on ``layer``) or a
    numeric node attribute (``mentions``, ``articles``). ``layers``: a cache
    ``{layer: simple graph}`` shared by several calls (each layer is built once).
    """
    if size_by in CENTRALITY_MEASURES:
        from graphkit.analysis.centrality import compute
        from graphkit.analysis.layers import layer_view

        layers = {} if layers is None else layers
        if layer not in layers:
            layers[layer] = layer_view(G, layer, isolated=False)
        H = layers[layer]
        values = compute(H, size_by) if len(H) else {}
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


def size_scale(values: dict) -> dict:
    """``{actor: size in [0, 1]}``: the square root of the value over the largest (areas grow with the value)."""
    top = max(values.values(), default=0.0)
    return {n: math.sqrt(v / top) if top > 0 and v > 0 else 0.0 for n, v in values.items()}


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


def _community_ids(G: nx.MultiGraph, seed: int) -> dict:
    """``{actor: community}`` of :func:`graphkit.analysis.communities` on meetings + co-occurrence (0: none).

    Called on the actors drawn: those are the communities one sees (and
    Louvain on them is fast where the whole graph of a large corpus is not).
    """
    from graphkit.analysis.communities import communities

    out = {n: 0 for n in G}
    for row in communities(G, layer="both", seed=seed):
        for member in row["members"]:
            out[member] = row["community"]
    return out


def default_visible(names, pairs: dict, defaults: ViewDefaults) -> set:
    """The actors the page shows under ``defaults`` (the same rule as the page's script).

    Every actor when unlinked ones are not hidden; else those with a meeting
    or a co-occurrence link shown, and the countries / organizations those
    belong to (affiliation).
    """
    if not defaults.hide_unlinked:
        return set(names)
    linked = set()
    for (a, b), entry in pairs.items():
        c = entry.get("cooccurrence")
        if entry.get("meetings") or (c and defaults.cooccurrence
                                     and (c.get("weight", 1) or 1) >= defaults.min_weight):
            linked.update((a, b))
    for (a, b), entry in pairs.items():
        aff = entry.get("affiliation")
        if aff and not entry.get("meetings"):
            src = aff.get("source", a)
            other = b if src == a else a
            if src in linked:
                linked.add(other)
    return linked


def _select(G, order: list, max_nodes: int | None) -> tuple[list, bool]:
    """The ``max_nodes`` actors to draw: meeting participants first, then the most central."""
    if not max_nodes or len(order) <= max_nodes:
        return order, False
    in_meetings = {x for u, v, d in G.edges(data=True) if d.get("layer") == "meetings" and u != v for x in (u, v)}
    first = [n for n in order if n in in_meetings][:max_nodes]
    chosen = set(first)
    for n in order:
        if len(chosen) >= max_nodes:
            break
        chosen.add(n)
    return [n for n in order if n in chosen], True


def label_order(ranked: list, meeting_partners) -> list:
    """Who is labelled first: the most central actors and the actors with most meeting partners, in turn.

    ``ranked``: actors, most central first; ``meeting_partners(actor)``: its
    number of meeting partners (ties keep the ``ranked`` order). Taking the
    two lists in turn labels who met whom (the few meetings of a large corpus
    are the point of the view) without leaving the most central actors
    unnamed. The page's script uses the same order.

    >>> label_order(["A", "B", "C", "D", "E"], {"D": 1, "E": 3}.get)
    ['A', 'E', 'B', 'D', 'C']
    """
    partners = {x: meeting_partners(x) or 0 for x in ranked}
    met = sorted((x for x in ranked if partners[x]), key=lambda x: -partners[x])  # stable: ties by rank
    streams = (iter(ranked), iter(met))
    out, seen = [], set()
    while len(out) < len(ranked):
        for stream in streams:
            for x in stream:  # the next one of this list not taken yet
                if x not in seen:
                    seen.add(x)
                    out.append(x)
                    break
    return out


def _label_boxes(names, pos, scale, extent, core, per_node) -> dict:
    """``{index: (width, height, gap)}`` of the first labels, in layout units at the default zoom.

    The page's label order (:func:`label_order`) of the actors shown by default.
    """
    core_idx = label_order([i for i, n in enumerate(names) if n in core], lambda i: per_node[names[i]]["partners"])
    if len(core_idx) < 2:
        return {}
    xy = [pos[i] for i in core_idx]
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    span_x, span_y = max(max(xs) - min(xs), 1e-6), max(max(ys) - min(ys), 1e-6)
    # pixels per layout unit once the page has fitted the default picture into the canvas
    ppu = 0.92 * min(NOMINAL_CANVAS[0] / span_x, NOMINAL_CANVAS[1] / span_y)
    canvas_per_unit = extent / 2
    boxes = {}
    for i in core_idx[:SPACED_LABELS]:
        s = scale[names[i]]
        px = LABEL_PX[0] + (LABEL_PX[1] - LABEL_PX[0]) * s
        radius = (MIN_SIZE + (MAX_SIZE - MIN_SIZE) * s) / canvas_per_unit
        # a little wider and taller than the text, as the page's labeller keeps labels apart by a margin
        boxes[i] = ((0.6 * px * len(label_text(names[i])) + 12) / ppu, (px * 1.2 + 6) / ppu, radius)
    return boxes


def prepare(G: nx.MultiGraph, *, size_by: str = "degree", max_nodes: int | None = 1500,
            layer: str = "both", seed: int = 42, cooccurrence: bool | None = None,
            hide_unlinked: bool | None = None, measures: bool = True) -> Prepared:
    """Choose, size, group and place the actors of ``G`` (see :class:`Prepared`).

    Above ``max_nodes`` actors only ``max_nodes`` are kept: every meeting
    participant (up to ``max_nodes``), then the highest ``size_by`` values
    (ties by name), and ``note`` says so; ``max_nodes`` None or 0 keeps
    everyone. ``cooccurrence`` / ``hide_unlinked`` force those defaults of
    :func:`graphkit.view.defaults.view_defaults`. ``measures``: also compute
    the other sizes of ``SIZE_MEASURES`` (the page switches between them).
    """
    from graphkit.view.layout import remove_overlaps, separate_labels, view_positions

    from graphkit.view.defaults import COOCCURRENCE_OFF_ABOVE

    layers: dict = {}
    scores = node_scores(G, size_by, layer, layers=layers)
    all_scores = scores
    order = sorted(G.nodes, key=lambda n: (-scores[n], str(n)))
    total = len(order)
    select_by = size_by
    cooc_first = cooccurrence if cooccurrence is not None else total <= COOCCURRENCE_OFF_ABOVE
    if size_by == "degree" and not cooc_first and measures:
        size_by = "meeting_partners"   # co-occurrence starts hidden: size by what one sees
    note = None
    order, cut = _select(G, order, max_nodes)
    if cut:
        note = (f"Showing the {max_nodes:,} most central actors (by {select_by}) of {total:,}, meeting participants "
                "first; render with a larger max_nodes to see more.")
    keep = set(order)
    pairs = _pairs(G, keep)

    all_measures = {select_by: scores}
    if measures:
        for mid, (_label, measure, mlayer) in SIZE_MEASURES.items():
            if mid in all_measures:
                continue
            try:
                all_measures[mid] = node_scores(G, measure, mlayer, layers=layers)
            except ValueError:  # e.g. no node has a "mentions" attribute
                continue
    all_measures = {m: {n: v[n] for n in order} for m, v in all_measures.items()}
    if size_by != select_by:   # drawn most central first by the size shown
        shown = all_measures[size_by]
        order = sorted(order, key=lambda n: (-shown[n], -scores[n], str(n)))
        all_measures = {size_by: all_measures[size_by],
                        **{m: v for m, v in all_measures.items() if m != size_by}}
        scores = shown

    comm = _community_ids(G.subgraph(order), seed)
    comm = {n: comm.get(n, 0) for n in order}

    weights = [(e["cooccurrence"].get("weight", 1) or 1) for e in pairs.values() if e.get("cooccurrence")]
    defaults = view_defaults(total, len(order), weights, cooccurrence=cooccurrence, hide_unlinked=hide_unlinked)
    core = default_visible(order, pairs, defaults)

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

    index = {n: i for i, n in enumerate(order)}
    links, shown = [], []
    for (a, b), entry in pairs.items():
        c = entry.get("cooccurrence")
        c_shown = bool(c) and defaults.cooccurrence and (c.get("weight", 1) or 1) >= defaults.min_weight
        if entry.get("meetings"):
            w = 1.0 + min(events_of(entry), 3)
        elif entry.get("affiliation"):
            w = 0.8
        else:  # co-occurrence: stronger with more sentences, below any meeting
            w = 0.3 + 0.15 * min(math.log2(max(c.get("weight", 1) or 1, 1)), 4)
        links.append((index[a], index[b], w))
        shown.append(bool(entry.get("meetings") or entry.get("affiliation")) or c_shown)
    core_mask = [n in core for n in order]
    xy = view_positions(len(order), links, communities=[comm[n] if comm[n] else -1 for n in order],
                        core=core_mask, shown=shown, seed=seed)
    scale = size_scale(scores)
    scale = {n: scale[n] for n in order}
    extent = extent_for(len(core) or len(order))
    radii = [(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * scale[n]) / (extent / 2) for n in order]
    xy = remove_overlaps(xy, radii, movable=core_mask)
    for _ in range(3):  # moving labels apart widens the picture, which shrinks the zoom: measure again
        xy = separate_labels(xy, _label_boxes(order, xy, scale, extent, core, per_node))
    pos = {n: (float(xy[i, 0]), float(xy[i, 1])) for n, i in index.items()}

    return Prepared(names=order, scores={n: scores[n] for n in order}, scale=scale, pos=pos, pairs=pairs,
                    select_by=select_by, all_scores=all_scores,
                    total=total, size_by=size_by, note=note, per_node=per_node, measures=all_measures,
                    communities=comm, defaults=defaults, core=core, extent=extent)
