"""A static picture (PNG or SVG) of the actor graph, for reports (matplotlib, no display needed).

Same actors, colours, sizes and positions as the HTML view
(:mod:`graphkit.view.prepare`) as it first appears: the meetings, the
co-occurrence links from the legible number of sentences (none on a large
graph), unlinked actors left out on a large graph (:mod:`graphkit.view.defaults`);
only the first ``labels`` actors of the page's label order are named so the
picture stays readable.

>>> import tempfile, os, networkx as nx
>>> G = nx.MultiGraph()
>>> G.add_edge("A", "B", layer="meetings", kind="call", weight=1)
0
>>> with tempfile.TemporaryDirectory() as d:
...     out = render_png(G, os.path.join(d, "g.svg"), title="Demo")
...     out.suffix, out.read_text().lstrip().startswith("<?xml")
('.svg', True)
"""
from __future__ import annotations

from os import PathLike
from pathlib import Path

import networkx as nx

from graphkit.view.prepare import (
    KIND_ORDER, KIND_STYLES, OTHER_COLOR, TYPE_COLORS, display_kind, edge_width, label_order, prepare,
)


def _shown(entry: dict, defaults) -> bool:
    """Whether the page draws a pair's link at first."""
    c = entry.get("cooccurrence")
    return bool(entry.get("meetings") or entry.get("affiliation")
                or (c and defaults.cooccurrence and (c.get("weight", 1) or 1) >= defaults.min_weight))


def _linestyle(dashes):
    if not dashes:
        return "solid"
    return (0, tuple(float(x) / 2 for x in dashes))


def render_png(G: nx.MultiGraph, path: str | PathLike, *, title: str | None = "graphkit", size_by: str = "degree",
               max_nodes: int | None = 1500, layer: str = "both", seed: int = 42, labels: int = 40,
               dpi: int = 150, figsize: tuple[float, float] | None = None, cooccurrence: bool | None = None,
               hide_unlinked: bool | None = None) -> Path:
    """Draw ``G`` into ``path``: PNG, SVG or PDF by the file's suffix (PNG when there is none).

    ``size_by``, ``max_nodes``, ``layer``, ``seed``, ``cooccurrence`` and
    ``hide_unlinked`` as for :func:`graphkit.view.render_html`; ``labels``:
    number of actors named. Returns the path written.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    import matplotlib.patheffects as pe

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".") or "png"
    prep = prepare(G, size_by=size_by, max_nodes=max_nodes, layer=layer, seed=seed, cooccurrence=cooccurrence,
                   hide_unlinked=hide_unlinked, measures=False)
    names = [v for v in prep.names if v in prep.core]
    pairs = {p: e for p, e in prep.pairs.items() if p[0] in prep.core and p[1] in prep.core
             and _shown(e, prep.defaults)}
    n = len(names)
    if figsize is None:
        side = 9.0 if n <= 80 else 12.0 if n <= 500 else 16.0
        figsize = (side * 1.25, side)
    fig = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.01, 0.01, 0.78, 0.93) if title else (0.01, 0.01, 0.78, 0.98))
    ax.set_axis_off()
    ax.set_aspect("equal")

    # edges: faint kinds first, meetings on top
    by_kind: dict[str, list] = {}
    for (a, b), entry in pairs.items():
        kind = display_kind(entry) if entry.get("meetings") or entry.get("affiliation") else "cooccurrence"
        by_kind.setdefault(kind, []).append((prep.pos[a], prep.pos[b], edge_width(entry)))
    for z, kind in enumerate(reversed(KIND_ORDER)):
        segs = by_kind.get(kind)
        if not segs:
            continue
        style = KIND_STYLES[kind]
        lc = LineCollection([(p, q) for p, q, _ in segs], colors=style["color"],
                            linewidths=[max(0.3, w * 0.6) for *_, w in segs],
                            linestyles=_linestyle(style["dashes"]), alpha=0.55 if kind == "cooccurrence" else 0.9,
                            zorder=1 + z * 0.01)
        ax.add_collection(lc)

    if n:
        xs = [prep.pos[v][0] for v in names]
        ys = [prep.pos[v][1] for v in names]
        base = 1.0 if n <= 80 else 0.5 if n <= 500 else 0.25
        sizes = [base * (30 + 470 * prep.scale[v]) for v in names]
        colors = [TYPE_COLORS.get(G.nodes[v].get("type"), OTHER_COLOR) for v in names]
        ax.scatter(xs, ys, s=sizes, c=colors, edgecolors="white", linewidths=0.6, zorder=3)
        stroke = [pe.withStroke(linewidth=3, foreground="white")]
        for v in label_order(names, lambda x: prep.per_node[x]["partners"])[:max(0, labels)]:
            x, y = prep.pos[v]
            ax.annotate(str(v), (x, y), xytext=(0, 6 + 8 * prep.scale[v]), textcoords="offset points",
                        ha="center", va="bottom", fontsize=8 if n <= 200 else 7, color="#1a1a1a",
                        path_effects=stroke, zorder=4)
        pad = 0.08
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(max(ys) + pad, min(ys) - pad)  # y grows downwards, as on the page's canvas
    else:
        ax.text(0.5, 0.5, "empty graph", ha="center", va="center", transform=ax.transAxes, color="#777")

    types_present = {G.nodes[v].get("type") for v in names}
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=c, markeredgecolor="white",
                      label=t) for t, c in TYPE_COLORS.items() if t in types_present]
    if types_present - set(TYPE_COLORS):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=OTHER_COLOR,
                              markeredgecolor="white", label="other"))
    for kind in KIND_ORDER:
        if kind in by_kind:
            st = KIND_STYLES[kind]
            handles.append(Line2D([], [], color=st["color"], linewidth=2, linestyle=_linestyle(st["dashes"]),
                                  label=st["label"]))
    if handles:
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.80, 0.93), frameon=False, fontsize=9,
                   title="actors / links", title_fontsize=9, alignment="left")
    notes = [f"node size: {size_by}", f"{n:,} actors, {len(pairs):,} links"]
    d = prep.defaults
    if len(names) < len(prep.names):
        notes.append(f"{len(prep.names) - len(names):,} actors with no link shown left out")
    if any(e.get("cooccurrence") for e in prep.pairs.values()):
        notes.append(f"same sentence: from {d.min_weight} sentence{'s' * (d.min_weight != 1)}"
                     if d.cooccurrence else "same-sentence links not drawn")
    if prep.note:
        notes.append(prep.note.replace("; ", ";\n"))
    fig.text(0.80, 0.05, "\n".join(notes), fontsize=8, color="#555", va="bottom", wrap=True)
    if title:
        fig.suptitle(str(title), x=0.02, y=0.985, ha="left", fontsize=13)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=fmt, dpi=dpi, facecolor="white")
    return path
