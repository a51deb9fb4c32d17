"""Graph building and export, on two small invented articles with hand-computed values."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from graphkit.corpus import Article
from graphkit.export import scalarize, write_all, write_gexf, write_graphml, write_json
from graphkit.graph import build_graph, layer_view, load_graph, summary
from graphkit.store import Store

EVIDENCE = "Anna Berg met Karl Holm in Strelsau on Monday."


def records() -> list[dict]:
    """Two articles.  Sentences (doc, sent) and who is named in them:

    a1: s0 Ruritania, Berg | s1 Berg, Holm | s2 Ruritania, Berg (twice), Holm | s3 Voss
    b2: s0 Berg, Holm, Ruritania | s1 Berg, Voss, Ek | s2 Baltic Forum
    """
    return [
        {"doc": "a1", "title": "Talks in Strelsau", "date": "2020-01-01",
         "actors": [
             {"name": "Ruritania", "type": "country", "country": None, "aliases": [], "roles": [],
              "mentions": [[0, 9, 0], [100, 109, 2]]},
             {"name": "Anna Berg", "type": "person", "country": "Ruritania", "aliases": ["Berg"],
              "roles": ["Foreign Minister"], "mentions": [[10, 19, 0], [50, 54, 1], [120, 124, 2], [125, 129, 2]]},
             {"name": "Karl Holm", "type": "person", "country": None, "aliases": ["Holm"], "roles": [],
              "mentions": [[30, 39, 1], [130, 134, 2]]},
             {"name": "Lena Voss", "type": "person", "country": "Osterlich", "aliases": [], "roles": ["Envoy"],
              "mentions": [[200, 209, 3]]},
         ],
         "meetings": [
             {"participants": ["Anna Berg", "Karl Holm"], "kind": "meeting", "status": "happened",
              "location": "Strelsau", "date": "Monday", "date_iso": "2019-12-30", "hub": None,
              "evidence": EVIDENCE, "evidence_all": [EVIDENCE], "spans": [[10, 57]]},
             {"participants": ["Anna Berg", "Karl Holm", "Lena Voss"], "kind": "talks", "status": "scheduled",
              "location": None, "date": None, "date_iso": None, "hub": None,
              "evidence": "Berg, Holm and Voss will hold talks.", "evidence_all": [], "spans": []},
             # "Ghost" is no actor: one participant left, no pair.
             {"participants": ["Karl Holm", "Ghost"], "kind": "call", "status": "happened", "hub": None,
              "evidence": "Holm called Ghost."},
         ],
         "relations": [{"kind": "agreement", "participants": ["Ruritania"], "evidence": "x", "spans": []}]},
        {"doc": "b2", "title": None, "date": None,
         "actors": [
             {"name": "Anna Berg", "type": "person", "country": "Ruritania", "mentions": [[0, 4, 0], [40, 44, 1]]},
             {"name": "Karl Holm", "type": "person", "mentions": [[10, 14, 0]]},
             {"name": "Ruritania", "type": "country", "mentions": [[20, 29, 0]]},
             {"name": "Lena Voss", "type": "person", "country": None, "mentions": [[50, 54, 1]]},
             {"name": "Max Ek", "type": "person", "mentions": [[60, 62, 1]]},
             {"name": "Baltic Forum", "type": "forum", "mentions": [[70, 82, 2]]},
         ],
         "meetings": [
             {"participants": ["Anna Berg", "Karl Holm", "Lena Voss", "Max Ek"], "kind": "visit",
              "status": "happened", "location": "Strelsau", "date": "last week", "date_iso": None,
              "hub": "Anna Berg", "evidence": "Berg received Holm, Voss and Ek."},
             {"participants": ["Max Ek", "Max Ek"], "kind": "call", "status": "happened", "hub": None,
              "evidence": "Ek called himself."},
         ]},
    ]


def pair(u, v):
    return tuple(sorted((u, v)))


def layer_edges(G, layer):
    return [(u, v, d) for u, v, d in G.edges(data=True) if d["layer"] == layer]


@pytest.fixture
def G():
    return build_graph(records())


def test_nodes(G):
    assert set(G) == {"Ruritania", "Anna Berg", "Karl Holm", "Lena Voss", "Max Ek", "Baltic Forum", "Osterlich"}
    expected = {  # type, mentions, articles
        "Ruritania": ("country", 3, 2), "Anna Berg": ("person", 6, 2), "Karl Holm": ("person", 3, 2),
        "Lena Voss": ("person", 2, 2), "Max Ek": ("person", 1, 1), "Baltic Forum": ("forum", 1, 1),
        "Osterlich": ("country", 0, 0),
    }
    for name, (typ, mentions, articles) in expected.items():
        d = G.nodes[name]
        assert (d["type"], d["mentions"], d["articles"]) == (typ, mentions, articles), name
        assert len(d["article_ids"]) == articles
    berg = G.nodes["Anna Berg"]
    assert berg == {"type": "person", "country": "Ruritania", "roles": ["Foreign Minister"], "aliases": ["Berg"],
                    "mentions": 6, "articles": 2, "article_ids": ["a1", "b2"]}
    assert G.nodes["Lena Voss"]["country"] == "Osterlich"
    assert G.nodes["Ruritania"]["country"] is None
    assert G.nodes["Max Ek"]["article_ids"] == ["b2"]
    assert G.graph["articles"] == 2


def test_meeting_edges(G):
    meetings = layer_edges(G, "meetings")
    # a1#0: 1 pair, a1#1: 3 participants -> 3 pairs, a1#2: ghost -> 0; b2#0: hub + 3 -> 3, b2#1: self -> 0
    assert len(meetings) == 7
    by_id = {}
    for u, v, d in meetings:
        by_id.setdefault(d["meeting_id"], []).append(pair(u, v))
    assert {k: sorted(v) for k, v in by_id.items()} == {
        "a1#0": [("Anna Berg", "Karl Holm")],
        "a1#1": [("Anna Berg", "Karl Holm"), ("Anna Berg", "Lena Voss"), ("Karl Holm", "Lena Voss")],
        "b2#0": [("Anna Berg", "Karl Holm"), ("Anna Berg", "Lena Voss"), ("Anna Berg", "Max Ek")],
    }
    (d,) = [d for _, _, d in meetings if d["meeting_id"] == "a1#0"]
    assert d == {"layer": "meetings", "kind": "meeting", "status": "happened", "location": "Strelsau",
                 "date": "Monday", "date_iso": "2019-12-30", "evidence": EVIDENCE, "article": "a1",
                 "article_date": "2020-01-01", "meeting_id": "a1#0", "report_id": "a1#0", "reports": 1,
                 "event_date": "2019-12-30", "participants": ["Anna Berg", "Karl Holm"], "hub": None,
                 "weight": 1}
    hub = [d for _, _, d in meetings if d["meeting_id"] == "b2#0"]
    assert all(d["hub"] == "Anna Berg" and d["kind"] == "visit" and d["article_date"] is None for d in hub)
    assert hub[0]["participants"] == ["Anna Berg", "Karl Holm", "Lena Voss", "Max Ek"]
    assert {d["status"] for _, _, d in meetings if d["meeting_id"] == "a1#1"} == {"scheduled"}


def test_cooccurrence_weights(G):
    got = {pair(u, v): (d["weight"], d["articles"]) for u, v, d in layer_edges(G, "cooccurrence")}
    assert got == {
        ("Anna Berg", "Ruritania"): (3, ["a1", "b2"]),   # a1 s0, a1 s2, b2 s0
        ("Anna Berg", "Karl Holm"): (3, ["a1", "b2"]),   # a1 s1, a1 s2, b2 s0
        ("Karl Holm", "Ruritania"): (2, ["a1", "b2"]),   # a1 s2, b2 s0
        ("Anna Berg", "Lena Voss"): (1, ["b2"]),
        ("Anna Berg", "Max Ek"): (1, ["b2"]),
        ("Lena Voss", "Max Ek"): (1, ["b2"]),
    }
    assert all(d["kind"] == "cooccurrence" for _, _, d in layer_edges(G, "cooccurrence"))


def test_affiliation(G):
    got = {pair(u, v): d for u, v, d in layer_edges(G, "affiliation")}
    assert set(got) == {("Anna Berg", "Ruritania"), ("Lena Voss", "Osterlich")}
    assert got[("Anna Berg", "Ruritania")] == {"layer": "affiliation", "kind": "affiliation", "weight": 1,
                                               "source": "Anna Berg"}
    assert got[("Lena Voss", "Osterlich")]["source"] == "Lena Voss"


def test_affiliation_keeps_known_type():
    recs = [{"doc": "x", "actors": [
        {"name": "NATO", "type": "organization", "mentions": [[0, 4, 0]]},
        {"name": "Jens Lund", "type": "person", "country": "NATO", "mentions": [[9, 13, 1]]}], "meetings": []}]
    G = build_graph(recs)
    assert G.nodes["NATO"]["type"] == "organization"
    assert G.has_edge("Jens Lund", "NATO")


def test_generator_input_is_read_once():
    gen = (r for r in records())
    G = build_graph(gen)
    assert G.graph["articles"] == 2 and len(layer_edges(G, "meetings")) == 7


def test_empty():
    G = build_graph([])
    assert G.number_of_nodes() == 0 and G.graph["articles"] == 0
    assert summary(G)["meetings"] == 0


def test_layer_view(G):
    both = layer_view(G, "both")
    assert set(both) == set(G)  # isolated nodes kept
    e = both["Anna Berg"]["Karl Holm"]
    assert (e["weight"], e["count"]) == (3 + 3, 4)  # 3 meeting edges + co-occurrence weight 3
    assert e["kinds"] == ["cooccurrence", "meeting", "talks", "visit"]
    assert both["Anna Berg"]["Ruritania"]["weight"] == 3  # affiliation not in "both"
    meetings = layer_view(G, "meetings")
    assert meetings["Anna Berg"]["Karl Holm"]["weight"] == 3
    assert meetings["Anna Berg"]["Lena Voss"]["weight"] == 2
    assert not meetings.has_edge("Anna Berg", "Ruritania")
    assert layer_view(G, "all")["Anna Berg"]["Ruritania"]["weight"] == 4
    assert layer_view(G, "cooccurrence")["Karl Holm"]["Ruritania"]["weight"] == 2
    with pytest.raises(ValueError):
        layer_view(G, "friendship")


def test_summary(G):
    s = summary(G, top=3)
    assert s["articles"] == 2
    assert s["actors"] == {"country": 2, "forum": 1, "person": 4}
    assert (s["meetings"], s["meeting_edges"], s["cooccurrence_pairs"], s["affiliation_edges"]) == (3, 7, 6, 2)
    assert s["top_degree"] == [("Anna Berg", 3), ("Karl Holm", 2), ("Lena Voss", 2)]
    assert s["top_mentions"] == [("Anna Berg", 6), ("Karl Holm", 3), ("Ruritania", 3)]
    json.dumps(s)  # plain data


def test_load_graph_is_the_graph_of_the_stored_records(tmp_path):
    db = tmp_path / "db.sqlite"
    with Store(db) as store:
        for rec in records():
            store.put(Article(id=rec["doc"], text="x" * 300), rec)
    db.chmod(0o444)  # reading the graph needs no write access
    try:
        G = load_graph(db)
    finally:
        db.chmod(0o644)
    assert G.graph["articles"] == 2 and G.number_of_nodes() == 7
    B = build_graph(records())
    assert dict(G.nodes(data=True)) == dict(B.nodes(data=True))
    assert sorted(map(repr, G.edges(data=True))) == sorted(map(repr, B.edges(data=True)))


# ---- exports ---------------------------------------------------------------------------------

def test_scalarize(G):
    H = scalarize(G)
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    for _, d in H.nodes(data=True):
        assert all(isinstance(v, (bool, int, float, str)) for v in d.values())
    for _, _, d in H.edges(data=True):
        assert all(isinstance(v, (bool, int, float, str)) for v in d.values())
        assert "hub" not in d or d["hub"] == "Anna Berg"  # None dropped
    assert H.nodes["Anna Berg"]["article_ids"] == "a1; b2"
    assert "country" not in H.nodes["Ruritania"]
    assert isinstance(G.nodes["Anna Berg"]["article_ids"], list)  # original untouched


def test_graphml_round_trip(G, tmp_path):
    path = write_graphml(G, tmp_path / "g.graphml")
    R = nx.read_graphml(path)
    assert set(R) == set(G)
    assert R.number_of_edges() == G.number_of_edges()
    assert R.nodes["Anna Berg"]["roles"] == "Foreign Minister"
    assert R.nodes["Anna Berg"]["article_ids"] == "a1; b2"
    assert R.nodes["Anna Berg"]["type"] == "person"
    assert R.nodes["Anna Berg"]["mentions"] == 6
    assert "country" not in R.nodes["Ruritania"]
    cooc = {pair(u, v): d for u, v, d in R.edges(data=True) if d["layer"] == "cooccurrence"}
    assert cooc[("Anna Berg", "Ruritania")]["articles"] == "a1; b2"
    assert cooc[("Anna Berg", "Ruritania")]["weight"] == 3
    (m,) = [d for _, _, d in R.edges(data=True) if d.get("meeting_id") == "a1#0"]
    assert m["participants"] == "Anna Berg; Karl Holm" and m["evidence"] == EVIDENCE
    assert "hub" not in m
    # unique edge ids, so Gephi keeps every edge
    ids = [k for _, _, k in R.edges(keys=True)]
    assert len(ids) == len(set(ids))


def test_gexf_round_trip(G, tmp_path):
    path = write_gexf(G, tmp_path / "g.gexf")
    R = nx.read_gexf(path)
    assert set(R) == set(G)
    assert R.number_of_edges() == G.number_of_edges()
    assert R.nodes["Anna Berg"]["aliases"] == "Berg"
    layers = sorted(d["layer"] for _, _, d in R.edges(data=True))
    assert layers.count("meetings") == 7 and layers.count("cooccurrence") == 6


def test_json(G, tmp_path):
    path = write_json(G, tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == set(G)
    assert len(data["links"]) == G.number_of_edges()
    berg = next(n for n in data["nodes"] if n["id"] == "Anna Berg")
    assert berg["article_ids"] == ["a1", "b2"]  # lists kept
    aff = [link for link in data["links"] if link["layer"] == "affiliation"]
    assert {(link["source"], link["target"]) for link in aff} == {("Anna Berg", "Ruritania"),
                                                                  ("Lena Voss", "Osterlich")}
    R = nx.node_link_graph(data, edges="links")
    assert R.number_of_edges() == G.number_of_edges()


def test_write_all(G, tmp_path):
    paths = write_all(G, tmp_path / "out")
    assert {k: p.name for k, p in paths.items()} == {"graphml": "graph.graphml", "gexf": "graph.gexf",
                                                      "json": "graph.json", "nodes": "nodes.csv",
                                                      "edges": "edges.csv"}
    assert all(p.exists() and p.stat().st_size > 0 for p in paths.values())


def test_non_ascii_export(tmp_path):
    G = build_graph([{"doc": "ü", "actors": [
        {"name": "Łukasz Nowak", "type": "person", "country": "Polska", "mentions": [[0, 5, 0]]},
        {"name": "Zoë Ärger", "type": "person", "mentions": [[6, 9, 0]]}], "meetings": []}])
    paths = write_all(G, tmp_path)
    assert set(nx.read_graphml(paths["graphml"])) == {"Łukasz Nowak", "Zoë Ärger", "Polska"}
    assert set(nx.read_gexf(paths["gexf"])) == {"Łukasz Nowak", "Zoë Ärger", "Polska"}
    assert "Łukasz Nowak" in paths["json"].read_text(encoding="utf-8")
