"""The HTML view: names shown, article text escaped, data embedded as JSON."""
from __future__ import annotations

import json
import re

import pytest

from graphkit.graph import build_graph
from graphkit.view import render_html

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
             "location": "Strelsau", "date": "Monday", "hub": None, "evidence": EVIL_EVIDENCE},
        ]},
    ]


def datasets(page: str) -> dict[str, list]:
    """The node and edge lists pyvis embedded in the page (JSON inside a script)."""
    found = dict(re.findall(r"^\s*(nodes|edges) = new vis\.DataSet\(gkHtmlTitles\((.*)\)\);\s*$", page, re.M))
    return {k: json.loads(v) for k, v in found.items()}


@pytest.fixture
def page(tmp_path):
    out = render_html(build_graph(records()), tmp_path / "sub" / "graph.html", title="Talks <b>2020</b>")
    assert out == tmp_path / "sub" / "graph.html"
    return out.read_text(encoding="utf-8")


def test_names_and_styles(page):
    data = datasets(page)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == {"Ruritania", "Anna Berg", "Karl Holm", EVIL_NAME, "Zoë Ärger"}
    for name in ("Ruritania", "Anna Berg", "Karl Holm"):
        assert name in page
    assert nodes["Anna Berg"]["label"] == "Anna Berg"
    assert len({nodes[n]["color"] for n in ("Ruritania", "Anna Berg", EVIL_NAME, "Zoë Ärger")}) == 4
    # Berg has 3 neighbours on meetings + co-occurrence, the forum none
    assert nodes["Anna Berg"]["size"] > nodes["Karl Holm"]["size"] > nodes["Zoë Ärger"]["size"]
    assert "Foreign Minister" in nodes["Anna Berg"]["title"] and "Ruritania" in nodes["Anna Berg"]["title"]
    edges = {tuple(sorted((e["from"], e["to"]))): e for e in data["edges"]}
    assert len(edges) == len(data["edges"])  # one drawn edge per pair
    assert edges[("Anna Berg", "Ruritania")]["dashes"] is True  # affiliation (+ co-occurrence)
    assert edges[("Anna Berg", "Karl Holm")]["layer"] == "meetings"
    assert "Strelsau" in edges[("Anna Berg", "Karl Holm")]["title"]
    assert "vis.Network" in page and "cdnjs.cloudflare.com/ajax/libs/vis-network" not in page  # inlined
    assert '"iterations": 200' in page


def test_no_injection(page):
    assert "<img src=x onerror" not in page
    assert EVIL_NAME not in page
    assert "Talks <b>2020</b>" not in page and "Talks &lt;b&gt;2020&lt;/b&gt;" in page
    # tojson turns the entity's "&" into \u0026 in the raw file; decoded, the titles hold the escaped text
    assert "\\u0026lt;img src=x onerror" in page
    data = datasets(page)
    titles = [x["title"] for x in data["nodes"] + data["edges"]]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in t for t in titles)
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in t for t in titles)
    assert not any("<img" in t or "<script" in t for t in titles)
    evil = next(n for n in data["nodes"] if n["id"] == EVIL_NAME)
    assert evil["label"] == EVIL_NAME  # drawn on the canvas as text, never parsed as HTML


def test_size_by_mentions_and_empty_graph(tmp_path):
    G = build_graph(records())
    page = render_html(G, tmp_path / "m.html", size_by="mentions").read_text(encoding="utf-8")
    nodes = {n["id"]: n for n in datasets(page)["nodes"]}
    assert nodes["Anna Berg"]["size"] > nodes["Karl Holm"]["size"]
    empty = render_html(build_graph([]), tmp_path / "e.html").read_text(encoding="utf-8")
    assert datasets(empty) == {"nodes": [], "edges": []}
