"""A plain interactive HTML view of the actor graph (pyvis / vis-network).

One self-contained file (vis-network inlined): nodes coloured by type and sized
by degree, one edge per pair of actors styled by its strongest layer
(meetings > affiliation > co-occurrence), hover text listing the meetings with
their evidence.

Every text that comes from articles is HTML-escaped before it reaches the page;
pyvis then embeds node and edge data with Jinja's ``tojson`` (which also turns
``<``, ``>``, ``&`` and ``'`` into ``\\u00XX`` escapes), so no raw markup from an
article ends up in the file.

>>> import tempfile, os, networkx as nx
>>> G = nx.MultiGraph()
>>> G.add_node("Anna Berg", type="person", mentions=2)
>>> G.add_node("Ruritania", type="country", mentions=1)
>>> G.add_edge("Anna Berg", "Ruritania", layer="affiliation", kind="affiliation", weight=1, source="Anna Berg")
0
>>> with tempfile.TemporaryDirectory() as d:
...     out = render_html(G, os.path.join(d, "graph.html"), title="Demo")
...     "Anna Berg" in out.read_text(encoding="utf-8")
True
"""
from __future__ import annotations

import html
import math
import re
from os import PathLike
from pathlib import Path

import networkx as nx

#: Node colour per actor type.
PALETTE = {"country": "#d62728", "person": "#1f77b4", "organization": "#2ca02c", "forum": "#ff7f0e"}
OTHER_COLOR = "#7f7f7f"
MEETING_COLOR = "#3b3b3b"
COOCCURRENCE_COLOR = "#c8c8c8"
AFFILIATION_COLOR = "#9c755f"
#: At most this many meetings are listed in an edge's hover text.
MAX_LISTED = 12
MIN_SIZE, MAX_SIZE = 10.0, 40.0

# vis-network 9 shows a *string* title as plain text; an Element is shown as is.
# Titles below are HTML built here from escaped text, so they are turned into
# elements before the DataSets are created.
_HEAD = """<title>{title}</title>
<style>
  .gk-tip {{ white-space: normal; max-width: 520px; font-family: sans-serif; font-size: 13px; }}
  .gk-tip q {{ font-style: italic; }}
  #gk-legend {{ font-family: sans-serif; font-size: 14px; margin: 8px 4px; }}
  #gk-legend h1 {{ font-size: 20px; margin: 0 0 6px 0; }}
  #gk-legend span.sw {{ display: inline-block; width: 12px; height: 12px; border-radius: 6px;
                        margin: 0 4px 0 12px; vertical-align: middle; }}
  #gk-legend span.ln {{ display: inline-block; width: 24px; height: 0; margin: 0 4px 0 12px;
                        vertical-align: middle; }}
</style>
<script>
function gkHtmlTitles(items) {{
  return items.map(function (item) {{
    if (typeof item.title === "string") {{
      var div = document.createElement("div");
      div.className = "gk-tip";
      div.innerHTML = item.title;  // built by graphkit; article text is escaped
      item.title = div;
    }}
    return item;
  }});
}}
</script>
</head>"""

_DATASET_LINE = re.compile(r"^(\s*(?:nodes|edges) = new vis\.DataSet\()(.*)(\);)\s*$", re.M)


def _e(value) -> str:
    """HTML-escape ``value`` (also hide "href" from pyvis' link-tooltip switch)."""
    return html.escape(str(value), quote=True).replace("href", "hr&#101;f")


def _line(label: str, value) -> str | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, (list, tuple, set)):
        value = ", ".join(str(v) for v in value)
    return f"{_e(label)}: {_e(value)}"


def _node_title(name, d: dict, n_meetings: int, partners: int, cooc: int) -> str:
    lines = [f"<b>{_e(name)}</b>", _line("type", d.get("type")), _line("country", d.get("country")),
             _line("roles", d.get("roles")), _line("aliases", d.get("aliases")),
             f"mentions: {_e(d.get('mentions', 0))} in {_e(d.get('articles', 0))} article(s)"]
    if n_meetings:
        lines.append(f"meetings: {n_meetings} edge(s) with {partners} partner(s)")
    if cooc:
        lines.append(f"named in the same sentence as {cooc} actor(s)")
    return "<br>".join(x for x in lines if x)


def _meeting_line(d: dict) -> str:
    head = ", ".join(_e(x) for x in (d.get("kind"), d.get("status"), d.get("date"), d.get("location")) if x)
    src = _e(d.get("article") or "")
    if d.get("article_date"):
        src += f" ({_e(d['article_date'])})"
    ev = f"<br><q>{_e(d['evidence'])}</q>" if d.get("evidence") else ""
    return f"<b>{head or 'meeting'}</b> [{src}]{ev}"


def _edge(u: str, v: str, layers: dict) -> dict:
    """vis-network options of the one edge drawn between ``u`` and ``v``."""
    meetings, cooc, aff = layers.get("meetings", []), layers.get("cooccurrence"), layers.get("affiliation")
    parts = []
    if meetings:
        ordered = sorted(meetings, key=lambda d: (str(d.get("date_iso") or d.get("article_date") or ""),
                                                  str(d.get("meeting_id") or "")))
        parts.append(f"<b>{_e(u)} – {_e(v)}</b>: {len(meetings)} meeting edge(s)")
        parts += [_meeting_line(d) for d in ordered[:MAX_LISTED]]
        if len(ordered) > MAX_LISTED:
            parts.append(f"… and {len(ordered) - MAX_LISTED} more")
    if aff:
        parts.append(f"affiliation: {_e(aff.get('source') or u)} belongs to "
                     f"{_e(v if aff.get('source') == u else u)}")
    if cooc:
        arts = cooc.get("articles") or []
        parts.append(f"co-occurrence: {_e(cooc.get('weight', 1))} sentence(s) in {len(arts)} article(s)")
    opts = {"from": u, "to": v, "title": "<br>".join(parts)}
    if meetings:
        opts.update(color=MEETING_COLOR, width=min(1.5 + len(meetings), 8), layer="meetings")
    elif aff:
        opts.update(color=AFFILIATION_COLOR, width=1, dashes=True, layer="affiliation")
    else:
        opts.update(color=COOCCURRENCE_COLOR, width=0.5 + min(math.log2(cooc.get("weight", 1) or 1), 2) / 2,
                    layer="cooccurrence")
    return opts


def _sizes(G: nx.MultiGraph, size_by: str) -> dict:
    if size_by == "degree":
        from graphkit.graph import layer_view

        values = dict(layer_view(G, "both").degree())
    else:
        values = {n: d.get(size_by) for n, d in G.nodes(data=True)}
    values = {n: float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else 0.0
              for n, v in values.items()}
    top = max(values.values(), default=0.0)
    return {n: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(v / top) if top > 0 else MIN_SIZE
            for n, v in values.items()}


def _legend(title: str) -> str:
    swatches = "".join(f'<span class="sw" style="background:{c}"></span>{t}' for t, c in PALETTE.items())
    lines = (f'<span class="ln" style="border-top:3px solid {MEETING_COLOR}"></span>met'
             f'<span class="ln" style="border-top:1px solid {COOCCURRENCE_COLOR}"></span>same sentence'
             f'<span class="ln" style="border-top:2px dashed {AFFILIATION_COLOR}"></span>belongs to')
    return f'<div id="gk-legend"><h1>{_e(title)}</h1>{swatches}{lines}</div>'


def render_html(G: nx.MultiGraph, path: str | PathLike, *, title: str = "graphkit",
                size_by: str = "degree", height: str = "800px") -> Path:
    """Write an interactive HTML view of ``G`` to ``path`` (UTF-8, self-contained).

    ``size_by`` is ``"degree"`` (distinct neighbours on meetings + co-occurrence)
    or a numeric node attribute such as ``"mentions"`` or ``"articles"``.
    Returns the path written.
    """
    from pyvis.network import Network

    path = Path(path)
    net = Network(height=height, width="100%", cdn_resources="in_line", heading="")
    sizes = _sizes(G, size_by)

    pairs: dict[tuple[str, str], dict] = {}
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        a, b = (str(u), str(v)) if str(u) <= str(v) else (str(v), str(u))
        entry = pairs.setdefault((a, b), {})
        layer = d.get("layer")
        if layer == "meetings":
            entry.setdefault("meetings", []).append(d)
        elif layer in ("cooccurrence", "affiliation"):
            entry[layer] = d

    n_meet: dict[str, int] = {}
    partners: dict[str, int] = {}
    cooc: dict[str, int] = {}
    for (a, b), entry in pairs.items():
        for n in (a, b):
            if entry.get("meetings"):
                n_meet[n] = n_meet.get(n, 0) + len(entry["meetings"])
                partners[n] = partners.get(n, 0) + 1
            if entry.get("cooccurrence"):
                cooc[n] = cooc.get(n, 0) + 1

    for n, d in G.nodes(data=True):
        nid = str(n)
        net.add_node(nid, label=nid, color=PALETTE.get(d.get("type"), OTHER_COLOR), size=sizes.get(n, MIN_SIZE),
                     title=_node_title(n, d, n_meet.get(nid, 0), partners.get(nid, 0), cooc.get(nid, 0)))
    # One edge per pair by construction: append directly (Network.add_edge is O(E) per call).
    net.edges.extend(_edge(a, b, entry) for (a, b), entry in sorted(pairs.items()))

    net.barnes_hut(gravity=-4000, central_gravity=0.3, spring_length=140, spring_strength=0.03,
                   damping=0.4, overlap=0.2)
    net.options.physics.stabilization.iterations = 200
    net.options.edges.smooth.type = "continuous"
    net.options.interaction.hover = True
    net.options.interaction.tooltipDelay = 120

    page = net.generate_html()
    page = _DATASET_LINE.sub(lambda m: f"{m.group(1)}gkHtmlTitles({m.group(2)}){m.group(3)}", page)
    page = page.replace("</head>", _HEAD.format(title=_e(title)), 1)
    page = page.replace("<body>", "<body>\n" + _legend(title), 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
