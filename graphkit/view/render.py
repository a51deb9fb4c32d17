"""The interactive HTML view of the actor graph: one self-contained file.

pyvis builds the network (nodes, edges, options: :func:`view_network`); the
page is written with graphkit's own template (``graphkit/view/template.html``),
not pyvis': vis-network's script and stylesheet (read from the installed pyvis
package) are inlined, and nothing else is loaded — no CDN, no Bootstrap, no
fonts — so the page works from disk with no network at all.

Safety: the graph goes into the page as JSON inside
``<script type="application/json" id="gk-data">`` with ``<``, ``>`` and ``&``
written as ``\\u003c``, ``\\u003e``, ``\\u0026``; the page's script builds every
text from it with ``textContent`` (never ``innerHTML``), and a
Content-Security-Policy allows only the page's own two scripts (by hash) and
no network requests at all.

Speed: positions are computed in Python (:mod:`graphkit.view.layout`) and
physics is off, so the page is drawn at once; above ``max_nodes`` actors only
the most central are shown, with a note saying so.

>>> import tempfile, os, networkx as nx
>>> G = nx.MultiGraph()
>>> G.add_node("Anna Berg", type="person", mentions=2)
>>> G.add_node("Ruritania", type="country", mentions=1)
>>> G.add_edge("Anna Berg", "Ruritania", layer="affiliation", kind="affiliation", weight=1, source="Anna Berg")
0
>>> with tempfile.TemporaryDirectory() as d:
...     out = render_html(G, os.path.join(d, "graph.html"), title="Demo")
...     page = out.read_text(encoding="utf-8")
>>> "Anna Berg" in page, "https://" in page.split("<script")[0]
(True, False)
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter
from functools import lru_cache
from os import PathLike
from pathlib import Path

import networkx as nx

from graphkit.outputs import atomic_write
from graphkit.view.prepare import (
    COMMUNITY_COLORS, KIND_ORDER, KIND_STYLES, LABEL_PX, MAX_SIZE, MIN_SIZE, OTHER_COLOR, SIZE_MEASURES,
    SMALL_COMMUNITY_COLOR, SPACED_LABELS, TYPE_COLORS, date_bounds, display_kind, edge_width, label_text, meeting_kind, prepare,
)
from graphkit.view.evidence import page_events

TEMPLATE = Path(__file__).with_name("template.html")
#: vis-network shipped with pyvis (read at render time and inlined).
VIS_VERSION = "vis-9.1.2"
#: At most this many article ids are listed for an actor.
MAX_ARTICLE_IDS = 25
#: Above this many edges, edges are hidden while dragging / zooming.
BIG_EDGES = 3000

_HEIGHT = re.compile(r"^\d+(\.\d+)?(px|vh|%|em|rem)$")
_PLACEHOLDER = re.compile(r"\{\{(GK_[A-Z_]+)\}\}")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def _clean(value):
    """JSON-friendly plain data (sets/tuples -> lists, other objects -> str, None dropped from dicts)."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items() if v is not None and v != [] and v != ""}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_clean(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _meeting(d: dict) -> dict:
    when = d.get("date_iso") or d.get("article_date")
    bounds = date_bounds(when)
    m = {k: d.get(k) for k in ("kind", "status", "date", "date_iso", "location", "evidence", "article",
                               "article_date", "meeting_id")}
    m["participants"] = [str(p) for p in d.get("participants") or []]
    m["style"] = meeting_kind(d)
    if bounds:
        m["d0"], m["d1"] = bounds
    return _clean(m)


def _sort_key(d: dict):
    return (str(d.get("date_iso") or d.get("article_date") or ""), str(d.get("meeting_id") or ""))


def _measures(prep) -> list[dict]:
    """The sizes the page offers: ``size_by`` first, then the others of ``SIZE_MEASURES``."""
    out = []
    for mid in [prep.size_by] + [m for m in SIZE_MEASURES if m != prep.size_by]:
        if mid in prep.measures:
            label = SIZE_MEASURES[mid][0] if mid in SIZE_MEASURES else mid
            out.append({"id": mid, "label": label})
    return out


def _communities(prep, names_by_score) -> tuple[list[dict], dict]:
    """Legend rows of the communities drawn, and ``{community: colour}``.

    The communities with the most actors in the default picture get the
    colours of ``COMMUNITY_COLORS``; the others share ``SMALL_COMMUNITY_COLOR``.
    """
    drawn: Counter = Counter()
    core: Counter = Counter()
    members: dict = {}
    for name in names_by_score:
        c = prep.communities.get(name, 0)
        if not c:
            continue
        drawn[c] += 1
        core[c] += name in prep.core
        members.setdefault(c, []).append(str(name))
    ranked = sorted(drawn, key=lambda c: (-core[c], -drawn[c], c))
    colors = {c: COMMUNITY_COLORS[i] if i < len(COMMUNITY_COLORS) else SMALL_COMMUNITY_COLOR
              for i, c in enumerate(ranked)}
    rows = [{"id": c, "color": colors[c], "size": drawn[c], "top": members[c][:3]}
            for c in ranked[:len(COMMUNITY_COLORS)]]
    return rows, colors


def _undated_reason(G: nx.MultiGraph, prep) -> str | None:
    """Why none of the meetings drawn has a date (None without meetings)."""
    if not any(e.get("meetings") for e in prep.pairs.values()):
        return None
    from graphkit.analysis.dating import no_meetings_reason

    return no_meetings_reason(G.subgraph(prep.names))


def view_network(G: nx.MultiGraph, *, size_by: str = "degree", max_nodes: int | None = 1500,
                 layer: str = "both", seed: int = 42, height: str = "100vh",
                 cooccurrence: bool | None = None, hide_unlinked: bool | None = None):
    """The pyvis :class:`~pyvis.network.Network` of the view (positions set, physics off).

    Node ids are integers; each node and edge carries its graph data under
    ``gk`` (read by the page's script). ``net.graphkit`` holds what the page
    needs besides nodes and edges (styles, note, counts, date range, the
    sizes and communities it can colour by, the first state of its filters).
    ``cooccurrence`` / ``hide_unlinked``: force those defaults (None: by the
    size of the graph, see :mod:`graphkit.view.defaults`).
    """
    from pyvis.network import Network

    prep = prepare(G, size_by=size_by, max_nodes=max_nodes, layer=layer, seed=seed,
                   cooccurrence=cooccurrence, hide_unlinked=hide_unlinked)
    extent = prep.extent
    net = Network(height=height, width="100%", directed=False)
    index = {name: i for i, name in enumerate(prep.names)}
    measures = _measures(prep)
    community_rows, community_colors = _communities(prep, prep.names)
    for name in prep.names:
        d = G.nodes[name]
        x, y = prep.pos[name]
        typ = d.get("type") if d.get("type") in TYPE_COLORS else "other"
        color = TYPE_COLORS.get(typ, OTHER_COLOR)
        community = prep.communities.get(name, 0)
        gk = _clean({
            "name": str(name), "type": d.get("type"), "country": d.get("country"), "roles": d.get("roles"),
            "aliases": d.get("aliases"), "mentions": d.get("mentions"), "articles": d.get("articles"),
            "article_ids": list(d.get("article_ids") or [])[:MAX_ARTICLE_IDS],
            "score": round(prep.scores[name], 6), **prep.per_node[name],
        })
        gk["group"] = typ
        gk["community"] = community
        gk["ccolor"] = community_colors.get(community, SMALL_COMMUNITY_COLOR)
        gk["s"] = [round(prep.measures[m["id"]][name], 6) for m in measures]
        net.add_node(index[name], label=label_text(name), shape="dot",
                     color={"background": color, "border": "#ffffff",
                            "highlight": {"background": color, "border": "#111111"},
                            "hover": {"background": color, "border": "#111111"}},
                     x=round(x * extent / 2, 1), y=round(y * extent / 2, 1),
                     value=round(prep.scale[name], 4),
                     size=round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * prep.scale[name], 1),
                     gk=gk)
    # vis-network draws edges in this order: meetings last, so they are on top of the grey co-occurrence lines
    def draw_order(kv):
        (a, b), entry = kv
        return (2 if entry.get("meetings") else 1 if entry.get("affiliation") else 0, index[a], index[b])

    events, sentences, events_of_pair = page_events(prep.pairs)
    cooc_pairs = {pair for pair, entry in prep.pairs.items() if entry.get("cooccurrence")}
    article_ids = {s["a"] for s in sentences if s["a"]}
    for entry in prep.pairs.values():
        article_ids.update((entry.get("cooccurrence") or {}).get("articles") or ())
    articles, cooc_sentences = _store_extras(G, article_ids, cooc_pairs)
    for i, ((a, b), entry) in enumerate(sorted(prep.pairs.items(), key=draw_order)):
        kind = display_kind(entry)
        style = KIND_STYLES[kind]
        gk = {"kind": kind, "ev": events_of_pair.get((a, b), [])}
        if entry.get("cooccurrence"):
            c = entry["cooccurrence"]
            found = cooc_sentences.get(tuple(sorted((str(a), str(b))))) or []
            gk["cooc"] = _clean({"weight": c.get("weight", 1), "articles": c.get("articles"),
                                 "s": [[art, text] for art, text in found]})
        if entry.get("affiliation"):
            src = entry["affiliation"].get("source")
            gk["aff"] = {"source": index.get(src, index[a])}
        # One drawn edge per pair by construction: append directly (Network.add_edge is O(E) per call).
        net.edges.append({"id": f"e{i}", "from": index[a], "to": index[b], "width": edge_width(entry),
                          "color": {"color": style["color"], "highlight": "#111111", "hover": style["color"]},
                          "dashes": style["dashes"], "gk": {**_clean(gk), "ev": gk["ev"]}})

    big = len(net.edges) > BIG_EDGES
    net.options = {
        "autoResize": True,
        "nodes": {
            "shape": "dot", "borderWidth": 1.5, "borderWidthSelected": 3,
            # labels are drawn by the page itself (most central first, never overlapping)
            "scaling": {"min": MIN_SIZE, "max": MAX_SIZE, "label": {"enabled": False}},
        },
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 1},
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": seed},
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": False, "navigationButtons": False, "keyboard": False},
    }

    dates = [m[k] for m in events for k in ("d0", "d1") if k in m]
    kinds_present = {k for e in net.edges for k in ([events[j]["style"] for j in e["gk"]["ev"]]
                                                     + (["cooccurrence"] if "cooc" in e["gk"] else [])
                                                     + (["affiliation"] if "aff" in e["gk"] else []))}
    types_present = {nd["gk"]["group"] for nd in net.nodes}
    defaults = prep.defaults
    net.graphkit = {
        "size_by": size_by,
        "note": prep.note,
        "total": prep.total,
        "types": [{"id": t, "color": c, "label": t} for t, c in
                  list(TYPE_COLORS.items()) + [("other", OTHER_COLOR)] if t in types_present or t in TYPE_COLORS],
        "kinds": [{"id": k, **KIND_STYLES[k]} for k in KIND_ORDER
                  if k in kinds_present or k in ("meeting", "cooccurrence", "affiliation")],
        "dates": {"min": min(dates), "max": max(dates)} if dates else None,
        # meetings but none dated: why (the page shows it where the histogram would be)
        "dates_note": _undated_reason(G, prep) if not dates else None,
        "measures": measures,
        "communities": community_rows,
        "small_community_color": SMALL_COMMUNITY_COLOR,
        "defaults": {"cooccurrence": defaults.cooccurrence, "min_weight": defaults.min_weight,
                     "hide_unlinked": defaults.hide_unlinked},
        "labels": {"min_px": LABEL_PX[0], "max_px": LABEL_PX[1], "at_fit": SPACED_LABELS},
        "sizes": {"min": MIN_SIZE, "max": MAX_SIZE},
        "events": [_clean(e) for e in events],
        "sentences": sentences,
        "articles": {k: articles.get(k, {}) for k in sorted(article_ids)},
        "widths": _width_legend(),
        "others": _not_drawn(G, prep),
        "duplicates": G.graph.get("duplicates", 0),
    }
    return net


def _width_legend() -> list[dict]:
    """Line widths the legend shows: meetings (events) and same-sentence links."""
    return ([{"kind": "meeting", "label": plural_label(n, "meeting"), "width": edge_width({"meetings": [{"meeting_id": i} for i in range(n)]})}
             for n in (1, 3, 6)]
            + [{"kind": "cooccurrence", "label": plural_label(n, "sentence"),
                "width": edge_width({"cooccurrence": {"weight": n}})} for n in (1, 8)])


def plural_label(n: int, word: str) -> str:
    return f"{n}{'+' if n >= 6 and word == 'meeting' else ''} {word}{'' if n == 1 else 's'}"


def _not_drawn(G: nx.MultiGraph, prep) -> dict:
    """The actors not in the page, for the search: ``{"by", "total", "names": [[name, rank, aliases...]]}``."""
    drawn = set(prep.names)
    if len(drawn) == len(G):
        return {"total": len(G), "names": []}
    scores = prep.all_scores or {}
    ranked = sorted(G.nodes, key=lambda n: (-scores.get(n, 0.0), str(n)))
    names = [[str(n), r] + [str(x) for x in (G.nodes[n].get("aliases") or [])[:3]]
             for r, n in enumerate(ranked, 1) if n not in drawn]
    return {"by": prep.select_by, "total": len(G), "names": names}


def _store_extras(G: nx.MultiGraph, article_ids: set, cooc_pairs: set) -> tuple[dict, dict]:
    """Article metadata and co-occurrence sentences from the store ``G`` was drawn from (else nothing)."""
    store = G.graph.get("store")
    if not store or not Path(store).exists():
        return {}, {}
    from graphkit.view.evidence import store_extras

    return store_extras(store, article_ids, cooc_pairs)


def _json_for_html(obj) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>``, ``&`` (nor U+2028/9) appears raw."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=2)
def _vis_assets(version: str = VIS_VERSION) -> tuple[str, str]:
    """(vis-network.min.js, vis-network.css) from the installed pyvis, safe to inline."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / version
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # never let the inlined code close its element early
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.I).replace("<!--", "<\\!--")
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)
    return js, css


def page_html(net, *, title: str = "graphkit", height: str = "100vh") -> str:
    """The page of a network made by :func:`view_network`."""
    if not _HEIGHT.match(str(height)):
        raise ValueError(f"height={height!r}: use a CSS length such as '800px' or '100vh'")
    vis_js, vis_css = _vis_assets()
    data = dict(getattr(net, "graphkit", {}) or {})
    data.update(title=str(title), nodes=net.nodes, edges=net.edges, options=net.options)
    values = {
        "GK_TITLE": html.escape(str(title), quote=True),
        "GK_HEIGHT": str(height),
        "GK_VIS_CSS": vis_css,
        "GK_VIS_JS": vis_js,
        "GK_DATA": _json_for_html(data),
    }
    template = TEMPLATE.read_text(encoding="utf-8")
    # one pass: text put in is never searched for placeholders again
    page = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in _INLINE_SCRIPT.findall(page))
    csp = (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
           "font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'")
    return page.replace("{{GK_CSP}}", csp, 1)


def render_html(G: nx.MultiGraph, path: str | PathLike, *, title: str = "graphkit", size_by: str = "degree",
                max_nodes: int | None = 1500, height: str = "100vh", layer: str = "both",
                seed: int = 42, cooccurrence: bool | None = None, hide_unlinked: bool | None = None) -> Path:
    """Write the interactive view of ``G`` to ``path`` (UTF-8, self-contained, works offline).

    ``size_by``: ``"degree"`` (distinct neighbours on ``layer``: meetings +
    co-occurrence by default), another centrality measure (``weighted_degree``,
    ``betweenness``, ``closeness``, ``eigenvector``, ``pagerank``) or a numeric
    node attribute (``mentions``, ``articles``). Above ``max_nodes`` actors
    only the most central are drawn, with a note on the page (None: all).
    ``height``: CSS height of the page's graph area. ``seed``: of the layout.
    ``cooccurrence``: show co-occurrence links at first (None: unless the
    graph is large); ``hide_unlinked``: hide actors with no link shown at
    first (None: when many actors are drawn); see :mod:`graphkit.view.defaults`.
    The page's controls change both. Returns the path written.
    """
    path = Path(path)
    net = view_network(G, size_by=size_by, max_nodes=max_nodes, layer=layer, seed=seed, height=height,
                       cooccurrence=cooccurrence, hide_unlinked=hide_unlinked)
    page = page_html(net, title=title, height=height)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path) as f:
        f.write(page)
    return path
