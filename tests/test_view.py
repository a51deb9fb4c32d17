"""The HTML view (self-contained, escaped, styled) and the static picture."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from graphkit.graph import build_graph
from graphkit.view import render_html, render_png, view_network
from graphkit.view.render import page_html

EVIL_NAME = "<script>alert(1)</script>"
EVIL_EVIDENCE = "Berg met them <img src=x onerror=alert(1)> in Strelsau."


def records():
    return [
        {"doc": "a1", "date": "2020-01-01", "actors": [
            {"name": "Ruritania", "type": "country", "mentions": [[0, 9, 0]]},
            {"name": "Anna Berg", "type": "person", "country": "Ruritania", "roles": ["Foreign Minister"],
             "aliases": ["Berg"], "mentions": [[10, 19, 0], [30, 34, 1]]},
            {"name": "Karl Holm", "type": "person", "mentions": [[40, 49, 1]]},
            {"name": EVIL_NAME, "type": "organization", "mentions": [[50, 60, 1]]},
            {"name": "Zoë Ärger", "type": "forum", "mentions": [[70, 80, 2]]},
        ], "meetings": [
            {"participants": ["Anna Berg", "Karl Holm", EVIL_NAME], "kind": "talks", "status": "happened",
             "location": "Strelsau", "date": "Monday", "date_iso": "2019-12-30", "hub": None,
             "evidence": EVIL_EVIDENCE},
        ]},
    ]


def gk_data(page: str) -> dict:
    """The graph data embedded in the page (JSON in <script type="application/json" id="gk-data">)."""
    m = re.search(r'<script type="application/json" id="gk-data">(.*?)</script>', page, re.S)
    assert m, "no gk-data element"
    return json.loads(m.group(1))


@pytest.fixture
def page(tmp_path):
    out = render_html(build_graph(records()), tmp_path / "sub" / "graph.html", title="Talks <b>2020</b>")
    assert out == tmp_path / "sub" / "graph.html"
    return out.read_text(encoding="utf-8")


def by_name(data):
    return {n["gk"]["name"]: n for n in data["nodes"]}


def test_names_and_styles(page):
    data = gk_data(page)
    nodes = by_name(data)
    assert set(nodes) == {"Ruritania", "Anna Berg", "Karl Holm", EVIL_NAME, "Zoë Ärger"}
    berg = nodes["Anna Berg"]
    assert berg["label"] == "Anna Berg" and berg["gk"]["type"] == "person" and berg["gk"]["country"] == "Ruritania"
    assert berg["gk"]["roles"] == ["Foreign Minister"] and berg["gk"]["aliases"] == ["Berg"]
    assert len({nodes[n]["color"]["background"] for n in ("Ruritania", "Anna Berg", EVIL_NAME, "Zoë Ärger")}) == 4
    # Berg has 3 neighbours on meetings + co-occurrence, the forum none
    assert berg["value"] > nodes["Karl Holm"]["value"] > nodes["Zoë Ärger"]["value"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])  # laid out in Python
    ids = {n["id"]: name for name, n in nodes.items()}
    edges = {tuple(sorted((ids[e["from"]], ids[e["to"]]))): e for e in data["edges"]}
    assert len(edges) == len(data["edges"])  # one drawn edge per pair
    assert edges[("Anna Berg", "Ruritania")]["gk"]["kind"] == "affiliation"
    assert edges[("Anna Berg", "Ruritania")]["dashes"]
    talks = edges[("Anna Berg", "Karl Holm")]
    assert talks["gk"]["kind"] == "talks" and talks["width"] > edges[("Anna Berg", "Ruritania")]["width"] - 1
    (i,) = talks["gk"]["ev"]          # one event; its sentence card holds the evidence
    m = data["events"][i]
    (sent,) = [data["sentences"][k] for k in m["s"]]
    assert (m["kind"], m["date"], m["location"], sent["a"], sent["t"]) == (
        "talks", "Monday", "Strelsau", "a1", EVIL_EVIDENCE)
    assert (m["d0"], m["d1"]) == ("2019-12-30", "2019-12-30")
    assert data["dates"] == {"min": "2019-12-30", "max": "2019-12-30"}
    assert {t["id"] for t in data["types"]} >= {"country", "person", "organization", "forum"}
    assert {k["id"] for k in data["kinds"]} >= {"talks", "meeting", "affiliation", "cooccurrence"}
    assert data["options"]["physics"]["enabled"] is False


def test_self_contained(page):
    assert "vis.Network" in page and "new vis.DataSet" in page  # vis-network inlined
    low = page.lower()
    for bad in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "tom-select", "fonts.googleapis", "@import",
                "<link", "src=\"http", "href=\"http", "<script src"):
        assert bad not in low, bad
    assert re.search(r'http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src '
                     r"'sha256-[^']+' 'sha256-[^']+';", page)
    assert len(re.findall(r"^<script", page, re.M)) == 3  # data (JSON), vis-network, graphkit


def test_no_injection(page):
    assert "<img src=x onerror" not in page
    assert EVIL_NAME not in page
    assert "Talks <b>2020</b>" not in page and "<title>Talks &lt;b&gt;2020&lt;/b&gt;</title>" in page
    raw = re.search(r'id="gk-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert "\\u003cimg src=x onerror" in raw
    data = gk_data(page)
    assert data["title"] == "Talks <b>2020</b>"  # decoded: plain text for textContent
    assert EVIL_NAME in by_name(data)
    js = page[page.rindex("<script>"):]
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js


def test_size_by_and_empty_graph(tmp_path):
    G = build_graph(records())
    nodes = by_name(gk_data(render_html(G, tmp_path / "m.html", size_by="mentions").read_text(encoding="utf-8")))
    assert nodes["Anna Berg"]["value"] > nodes["Karl Holm"]["value"]
    nodes = by_name(gk_data(render_html(G, tmp_path / "p.html", size_by="pagerank").read_text(encoding="utf-8")))
    assert nodes["Anna Berg"]["gk"]["score"] > 0
    with pytest.raises(ValueError):
        render_html(G, tmp_path / "x.html", size_by="no_such_attribute")
    empty = gk_data(render_html(build_graph([]), tmp_path / "e.html").read_text(encoding="utf-8"))
    assert empty["nodes"] == [] and empty["edges"] == [] and empty["dates"] is None
    with pytest.raises(ValueError):
        render_html(G, tmp_path / "h.html", height="1px;} body{display:none")


def test_top_n_note():
    G = nx.MultiGraph()
    for i in range(30):
        G.add_node(f"a{i:02d}", type="person")
    for i in range(1, 30):
        G.add_edge("a00", f"a{i:02d}", layer="cooccurrence", kind="cooccurrence", weight=1)
    G.add_edge("a01", "a02", layer="meetings", kind="call", weight=1)
    net = view_network(G, max_nodes=5)
    names = [n["gk"]["name"] for n in net.nodes]
    assert len(names) == 5 and names[:3] == ["a00", "a01", "a02"]
    assert "5 most central actors (by degree) of 30" in net.graphkit["note"]
    assert "note" in gk_data(page_html(net)) and view_network(G, max_nodes=None).graphkit["note"] is None


def test_render_png_and_svg(tmp_path):
    G = build_graph(records())
    png = render_png(G, tmp_path / "g.png", title="Demo")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = render_png(G, tmp_path / "g.svg", title=EVIL_NAME).read_text(encoding="utf-8")
    assert "<svg" in svg and "<script>alert" not in svg
    assert render_png(build_graph([]), tmp_path / "e.png").stat().st_size > 0


# -- the default view of a large graph -----------------------------------------------------------------------

def planted_graph(groups=4, size=40, seed=3):
    """``groups`` dense groups of co-occurring organizations, few links between them, one meeting per group."""
    import random

    rng = random.Random(seed)
    G = nx.MultiGraph()
    names = [[f"g{g}-{i:02d}" for i in range(size)] for g in range(groups)]
    for g, members in enumerate(names):
        for n in members:
            G.add_node(n, type="organization", mentions=1)
        for i, a in enumerate(members):
            for b in rng.sample(members[:i] + members[i + 1:], 6):
                G.add_edge(a, b, layer="cooccurrence", kind="cooccurrence", weight=rng.choice((1, 1, 2, 3)))
        G.add_edge(members[-1], members[-2], layer="meetings", kind="talks", meeting_id=f"m{g}", weight=1)
    for g in range(groups):
        G.add_edge(names[g][0], names[(g + 1) % groups][0], layer="cooccurrence", kind="cooccurrence", weight=1)
    return G, names


def test_defaults_follow_the_size_of_the_graph():
    from graphkit.view.defaults import COOCCURRENCE_BUDGET, view_defaults

    small = view_defaults(total=50, drawn=50, cooccurrence_weights=[1] * 200)
    assert (small.cooccurrence, small.min_weight, small.hide_unlinked) == (True, 1, False)
    mid = view_defaults(total=900, drawn=900, cooccurrence_weights=[1] * 1000 + [2] * 250 + [7] * 40)
    assert (mid.cooccurrence, mid.min_weight, mid.hide_unlinked) == (True, 2, True)
    assert 250 + 40 <= COOCCURRENCE_BUDGET
    big = view_defaults(total=6000, drawn=1500, cooccurrence_weights=[1] * 10)
    assert (big.cooccurrence, big.hide_unlinked) == (False, True)
    forced = view_defaults(total=6000, drawn=1500, cooccurrence_weights=[], cooccurrence=True, hide_unlinked=False)
    assert (forced.cooccurrence, forced.hide_unlinked) == (True, False)


def test_page_data_for_a_large_graph():
    G, names = planted_graph()
    net = view_network(G)
    data = net.graphkit
    # 160 actors drawn: unlinked hidden; 640 co-occurrence links: only the strongest (3 sentences) at first
    assert data["defaults"] == {"cooccurrence": True, "min_weight": 3, "hide_unlinked": True}
    assert [m["id"] for m in data["measures"]][:2] == ["degree", "meeting_partners"]
    assert {"betweenness", "pagerank", "mentions"} <= {m["id"] for m in data["measures"]}
    nodes = by_name(gk_data(page_html(net)))
    for n in nodes.values():
        assert len(n["gk"]["s"]) == len(data["measures"])
    # Louvain finds the planted groups: each is one community with its own colour in the legend
    for members in names:
        assert len({nodes[m]["gk"]["community"] for m in members}) == 1
    assert len({nodes[members[0]]["gk"]["ccolor"] for members in names}) == 4
    assert sorted(c["size"] for c in data["communities"]) == [40, 40, 40, 40]


def test_layout_separates_communities_and_labels():
    import math

    from graphkit.view.prepare import prepare

    G, names = planted_graph()
    prep = prepare(G, hide_unlinked=False)

    def centre(members):
        xs, ys = zip(*(prep.pos[m] for m in members))
        return sum(xs) / len(xs), sum(ys) / len(ys)

    centres = [centre(m) for m in names]
    spread = sorted(math.dist(prep.pos[m], c) for members, c in zip(names, centres) for m in members)
    typical = spread[len(spread) // 2]          # median distance of a member to its community's centre
    gaps = [math.dist(a, b) for i, a in enumerate(centres) for b in centres[i + 1:]]
    assert min(gaps) > 2 * typical


def test_label_spacing_and_overlap_removal():
    import numpy as np

    from graphkit.view.layout import remove_overlaps, separate_labels

    pos = np.array([[0.0, 0.0], [0.01, 0.0], [0.0, 0.01], [0.5, 0.5]])
    apart = remove_overlaps(pos, [0.05] * 4)
    d = np.sqrt(((apart[:, None, :] - apart[None, :, :]) ** 2).sum(axis=2))
    assert (d[np.triu_indices(4, 1)] >= 0.099).all()
    assert np.allclose(apart[3], pos[3])          # a node far from the others does not move
    boxes = {0: (0.3, 0.05, 0.01), 1: (0.3, 0.05, 0.01), 2: (0.3, 0.05, 0.01)}
    moved = separate_labels(pos, boxes)
    rects = [(moved[i, 0] - 0.15, moved[i, 1] - 0.06, 0.3, 0.05) for i in range(3)]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not (a[0] < b[0] + b[2] - 1e-9 and b[0] < a[0] + a[2] - 1e-9
                        and a[1] < b[1] + b[3] - 1e-9 and b[1] < a[1] + a[3] - 1e-9)


def test_meeting_participants_are_kept_past_max_nodes():
    G = nx.MultiGraph()
    for i in range(50):
        G.add_node(f"hub{i:02d}", type="organization")
        for j in range(i):
            G.add_edge(f"hub{i:02d}", f"hub{j:02d}", layer="cooccurrence", kind="cooccurrence", weight=1)
    G.add_edge("Anna Berg", "Karl Holm", layer="meetings", kind="call", meeting_id="x#0", weight=1)
    names = [n["gk"]["name"] for n in view_network(G, max_nodes=10).nodes]
    assert len(names) == 10 and {"Anna Berg", "Karl Holm"} <= set(names)
    assert names[:8] == sorted(names[:8]) and names[-2:] == ["Anna Berg", "Karl Holm"]  # most central first


def test_docstring_examples():
    import doctest
    import importlib

    for module in ("graphkit.view.defaults", "graphkit.view.prepare", "graphkit.view.layout",
                   "graphkit.view.render", "graphkit.view.static"):
        result = doctest.testmod(importlib.import_module(module))
        assert result.failed == 0, module


def test_layout_is_normalized():
    import numpy as np

    from graphkit.view.layout import normalized, spring_positions

    pos = normalized(np.array([[10.0, 10.0], [12.0, 10.0], [10.0, 12.0], [12.0, 12.0], [11.0, 11.0]]))
    r = np.sqrt((pos * pos).sum(axis=1))
    assert np.allclose(np.median(pos, axis=0), 0) and abs(np.quantile(r, 0.98) - 1) < 1e-9
    ring = spring_positions(30, [(i, (i + 1) % 30, 1.0) for i in range(30)], seed=1)
    r = np.sqrt((ring * ring).sum(axis=1))
    assert 0.95 < np.quantile(r, 0.98) <= 1.0 + 1e-9
