"""Tests of graphkit.analysis on small graphs built by hand (docs/graph-schema.md)."""
import importlib
import random

import networkx as nx
import pytest

from graphkit.analysis import (ActorNotFound, centrality, communities, country_table,
                               country_view, date_coverage, ego, ego_table, filter_by_date,
                               find_actor, fold_map, format_table, meetings_per_month, met,
                               no_meetings_reason, timeline, to_csv, to_json, who_met)
from graphkit.analysis import _fastbc

centrality_mod = importlib.import_module("graphkit.analysis.centrality")
from graphkit.analysis.layers import layer_view


# -- builders ------------------------------------------------------------------

def node(G, name, type="person", country=None, aliases=(), mentions=1):
    G.add_node(name, type=type, country=country, roles=[], aliases=list(aliases),
               mentions=mentions, articles=1, article_ids=[])


def meeting(G, mid, participants, date_iso=None, article_date=None, kind="meeting",
            location=None, evidence="", status="happened"):
    for i, a in enumerate(participants):
        for b in participants[i + 1:]:
            G.add_edge(a, b, layer="meetings", kind=kind, status=status, location=location,
                       date=date_iso, date_iso=date_iso, evidence=evidence,
                       article=mid.split("#")[0],
                       article_date=article_date if article_date is not None else date_iso,
                       meeting_id=mid, participants=list(participants), hub=None, weight=1)


def cooc(G, a, b, weight, articles=("x",)):
    G.add_edge(a, b, layer="cooccurrence", kind="cooccurrence", weight=weight,
               articles=list(articles))


def world():
    """X and Y (countries), their people, an international org and a forum."""
    G = nx.MultiGraph()
    node(G, "Xland", "country", aliases=["Xcity", "Xlandia"])
    node(G, "Yland", "country", aliases=["Ycity"])
    node(G, "Union", "organization", aliases=["UNN"])
    node(G, "Xland Foreign Ministry", "organization", country="Xland")
    node(G, "Summit Club", "forum", country="Xland")
    node(G, "Ann Alpha", country="Xland", aliases=["Alpha"], mentions=9)
    node(G, "Bob Beta", country="Yland", aliases=["Beta"])
    node(G, "Cid Gamma", country="Xland Foreign Ministry")
    node(G, "Dee Delta", country="Union")
    node(G, "José Núñez", country="Yland", aliases=["Pepe"])
    node(G, "Eve Alpha", country="Yland")
    return G


# -- layer + centrality ----------------------------------------------------------

def multi_from_simple(S, layer="meetings"):
    """A MultiGraph with ``weight`` parallel meeting edges per simple edge."""
    G = nx.MultiGraph()
    for v in S:
        node(G, v)
    for u, v, d in S.edges(data=True):
        for i in range(d.get("weight", 1)):
            if layer == "meetings":
                meeting(G, f"{u}-{v}#{i}", [u, v], "2024-01-01")
            else:
                cooc(G, u, v, 1)
    return G


def weighted_sample():
    S = nx.Graph()
    S.add_weighted_edges_from([("a", "b", 2), ("b", "c", 1), ("a", "c", 4), ("c", "d", 1),
                               ("d", "e", 2), ("b", "d", 1), ("e", "f", 1)])
    return S


def values(rows):
    return {r["actor"]: r["value"] for r in rows}


def test_layer_merges_parallel_edges_and_sets_distance():
    G = multi_from_simple(weighted_sample())
    cooc(G, "a", "b", 5)
    H = layer_view(G, "meetings", isolated=False)
    assert {k: H["a"]["b"][k] for k in ("weight", "count", "distance")} == {"weight": 2, "count": 2, "distance": 0.5}
    both = layer_view(G, "both", isolated=False)
    assert both["a"]["b"]["weight"] == 7 and both["a"]["b"]["count"] == 3
    assert both["a"]["b"]["layers"] == ["cooccurrence", "meetings"]
    assert set(layer_view(G, "cooccurrence", isolated=False)) == {"a", "b"}  # only actors of that layer
    assert set(layer_view(G, "cooccurrence")) == set(G)                      # or every actor
    with pytest.raises(ValueError):
        layer_view(G, "nope")


def test_degree_and_weighted_degree_by_hand():
    G = multi_from_simple(weighted_sample())
    assert values(centrality(G, "degree", top=None)) == {
        "a": 2, "b": 3, "c": 3, "d": 3, "e": 2, "f": 1}
    assert values(centrality(G, "weighted_degree", top=None)) == {
        "a": 6, "b": 4, "c": 6, "d": 4, "e": 3, "f": 1}
    rows = centrality(G, "degree", top=3)
    # ties broken by name
    assert [(r["rank"], r["actor"]) for r in rows] == [(1, "b"), (2, "c"), (3, "d")]


def test_path_betweenness_by_hand():
    G = nx.MultiGraph()
    for v in "abc":
        node(G, v)
    meeting(G, "m#1", ["a", "b"])
    meeting(G, "m#2", ["b", "c"])
    assert values(centrality(G, "betweenness", top=None)) == {"a": 0.0, "b": 1.0, "c": 0.0}
    # closeness of b: 2 / (1 + 1) = 1; of a: 2 / (1 + 2)
    close = values(centrality(G, "closeness", top=None))
    assert close["b"] == 1.0 and close["a"] == pytest.approx(2 / 3)


def reference_graph():
    S = weighted_sample()
    for u, v, d in S.edges(data=True):
        d["distance"] = 1 / d["weight"]
    return S


def test_weighted_measures_match_networkx():
    G = multi_from_simple(weighted_sample())
    S = reference_graph()
    bc = values(centrality(G, "betweenness", top=None))
    assert bc == pytest.approx(nx.betweenness_centrality(S, weight="distance"))
    cl = values(centrality(G, "closeness", top=None))
    assert cl == pytest.approx(nx.closeness_centrality(S, distance="distance"))
    ev = values(centrality(G, "eigenvector", top=None))
    assert ev == pytest.approx(nx.eigenvector_centrality(S, weight="weight", max_iter=1000),
                               abs=1e-5)
    pr = values(centrality(G, "pagerank", top=None))
    try:
        expected = nx.pagerank(S, weight="weight")
    except ImportError:  # no scipy: networkx's own pure-Python implementation
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        expected = _pagerank_python(S, weight="weight")
    assert pr == pytest.approx(expected, abs=1e-5)
    assert sum(pr.values()) == pytest.approx(1.0)
    # a strong tie is short: a-c has weight 4 so c carries a's paths, not b
    assert bc["c"] > bc["b"]


def test_type_filter_rows_but_measure_on_whole_layer():
    G = world()
    meeting(G, "m#1", ["Ann Alpha", "Bob Beta"])
    meeting(G, "m#2", ["Bob Beta", "Xland"])
    meeting(G, "m#3", ["Bob Beta", "Yland"])
    rows = centrality(G, "degree", type="country", top=None)
    assert [(r["rank"], r["actor"], r["value"]) for r in rows] == [(1, "Xland", 1), (2, "Yland", 1)]
    assert rows[0]["type"] == "country"
    assert centrality(G, "degree", type="person", top=1)[0] == {
        "rank": 1, "actor": "Bob Beta", "type": "person", "country": "Yland", "value": 3}


def test_cooccurrence_and_both_layers():
    G = world()
    meeting(G, "m#1", ["Ann Alpha", "Bob Beta"])
    cooc(G, "Xland", "Yland", 4)
    cooc(G, "Ann Alpha", "Bob Beta", 2)
    assert values(centrality(G, "weighted_degree", layer="cooccurrence", top=None)) == {
        "Ann Alpha": 2, "Bob Beta": 2, "Xland": 4, "Yland": 4}
    assert values(centrality(G, "weighted_degree", layer="both", top=None))["Ann Alpha"] == 3


def test_eigenvector_nonconvergence_is_reported(monkeypatch):
    G = multi_from_simple(weighted_sample())

    def fail(*a, **k):
        raise nx.PowerIterationFailedConvergence(1000)

    monkeypatch.setattr(nx, "eigenvector_centrality", fail)
    rows = centrality(G, "eigenvector", top=None)
    assert "did not converge" in rows.meta["note"]
    expected = nx.algorithms.centrality.eigenvector.eigenvector_centrality(
        reference_graph(), weight="weight", max_iter=1000)
    assert values(rows) == pytest.approx(expected, abs=1e-3)


def random_multigraph(n, m, seed):
    S = nx.gnm_random_graph(n, m, seed=seed)
    rng = random.Random(seed)
    G = nx.MultiGraph()
    for v in S:
        node(G, f"n{v:03d}")
    for u, v in S.edges():
        cooc(G, f"n{u:03d}", f"n{v:03d}", rng.choice([1, 2, 4]))
    return G


def test_sampling_switch_is_stated_and_reproducible(monkeypatch):
    G = random_multigraph(60, 150, seed=3)
    exact = centrality(G, "betweenness", layer="cooccurrence", top=None)
    assert exact.meta["sampled"] is None
    monkeypatch.setattr(centrality_mod, "SAMPLE_THRESHOLD", 20)
    monkeypatch.setattr(centrality_mod, "DEFAULT_SAMPLE", 25)
    one = centrality(G, "betweenness", layer="cooccurrence", top=None, seed=7)
    two = centrality(G, "betweenness", layer="cooccurrence", top=None, seed=7)
    assert one.meta["sampled"] == 25 and one.meta["seed"] == 7
    assert "25 of 60" in one.meta["note"]
    assert one == two
    assert one != centrality(G, "betweenness", layer="cooccurrence", top=None, seed=8)
    # same sources and scaling as networkx's own sampling
    H = layer_view(G, "cooccurrence", isolated=False)
    ref = nx.betweenness_centrality(H, k=25, seed=7, weight="distance")
    assert values(one) == pytest.approx(ref, abs=1e-12)
    # sampling every node gives the exact values
    full = centrality(G, "betweenness", layer="cooccurrence", top=None, sample=60)
    assert full.meta["sampled"] == 60
    assert values(full) == pytest.approx(values(exact), abs=1e-12)


def test_fast_betweenness_matches_networkx_with_ties():
    # a grid has many tied shortest paths
    S = nx.grid_2d_graph(5, 6)
    S = nx.relabel_nodes(S, {v: f"{v[0]}-{v[1]}" for v in S})
    rng = random.Random(1)
    for u, v, d in S.edges(data=True):
        d["distance"] = rng.choice([1.0, 0.5])
    sources = list(S)
    ours = _fastbc.betweenness_sources(S, sources, weight="distance")
    assert ours == pytest.approx(nx.betweenness_centrality(S, weight="distance"), abs=1e-12)
    sub = random.Random(5).sample(list(S), 10)
    ours = _fastbc.betweenness_sources(S, sub, weight="distance")
    ref = nx.betweenness_centrality(S, k=10, seed=5, weight="distance")
    assert ours == pytest.approx(ref, abs=1e-12)


def test_empty_layer():
    assert centrality(world(), "pagerank") == []


# -- communities and ego -------------------------------------------------------

def two_triangles():
    G = nx.MultiGraph()
    for v in "abcdef":
        node(G, v)
    for i, (u, v) in enumerate([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"),
                                ("d", "f"), ("c", "d")]):
        meeting(G, f"m#{i}", [u, v])
    meeting(G, "m#9", ["a", "b"])
    return G


def test_communities_louvain_seeded():
    G = two_triangles()
    rows = communities(G, layer="meetings", seed=1)
    assert sorted(sorted(r["members"]) for r in rows) == [["a", "b", "c"], ["d", "e", "f"]]
    assert [r["community"] for r in rows] == [1, 2]
    assert rows == communities(G, layer="meetings", seed=1)
    first = next(r for r in rows if "a" in r["members"])
    # members by weighted degree: a, b have 3, c has 3, ties by name
    assert first["members"] == ["a", "b", "c"]


def test_ego_network():
    G = two_triangles()
    E = ego(G, "a", depth=1, layer="meetings")
    assert set(E) == {"a", "b", "c"}
    assert E.number_of_edges() == 4  # a-b twice, b-c, a-c
    assert set(ego(G, "a", depth=2, layer="meetings")) == {"a", "b", "c", "d"}
    rows = ego_table(G, "a", depth=2, layer="meetings")
    assert [(r["actor"], r["distance"], r["weight"]) for r in rows] == [
        ("a", 0, 0), ("b", 1, 2), ("c", 1, 1), ("d", 2, 0)]


# -- country view -----------------------------------------------------------------

def test_country_fold_two_meetings_one_edge():
    G = world()
    meeting(G, "a1#1", ["Ann Alpha", "Bob Beta"], kind="talks")
    meeting(G, "a2#1", ["Cid Gamma", "José Núñez"], kind="call")
    C = country_view(G)
    assert C.number_of_edges() == 1
    assert C["Xland"]["Yland"]["meetings"] == 2
    assert C["Xland"]["Yland"]["kinds"] == {"call": 1, "talks": 1}
    assert "Ann Alpha" in C.nodes["Xland"]["members"]


def test_country_fold_rules():
    G = world()
    fold = fold_map(G)
    assert fold["Cid Gamma"] == "Xland"  # via the ministry
    assert fold["Xland Foreign Ministry"] == "Xland"
    assert fold["Dee Delta"] == "Union"  # international organization stays
    assert fold["Union"] == "Union" and fold["Summit Club"] == "Summit Club"
    # one three-party meeting counts once per pair of countries; X-X dropped
    meeting(G, "a3#1", ["Ann Alpha", "Cid Gamma", "Bob Beta"])
    meeting(G, "a4#1", ["Ann Alpha", "Dee Delta"])
    cooc(G, "Ann Alpha", "Eve Alpha", 3)
    cooc(G, "Xland", "Yland", 2)
    G.add_edge("Ann Alpha", "Xland", layer="affiliation", kind="affiliation", weight=1,
               source="Ann Alpha")
    C = country_view(G)
    assert not any(u == v for u, v in C.edges())
    assert C["Xland"]["Yland"] == {"meetings": 1, "cooccurrence": 5, "weight": 6,
                                   "kinds": {"meeting": 1}}
    assert C["Xland"]["Union"]["meetings"] == 1
    rows = country_table(G)
    assert [(r["a"], r["b"]) for r in rows] == [("Xland", "Yland"), ("Union", "Xland")]
    # states only: the international organization (and what folds into it) is left out
    assert [(r["a"], r["b"]) for r in country_table(G, states_only=True)] == [("Xland", "Yland")]


# -- time filter -----------------------------------------------------------------

def dated_graph():
    G = world()
    meeting(G, "a1#1", ["Ann Alpha", "Bob Beta"], "2023-12-31")
    meeting(G, "a2#1", ["Ann Alpha", "Bob Beta"], "2024-01-01")
    meeting(G, "a3#1", ["Ann Alpha", "José Núñez"], None, article_date="2024-03-15")
    meeting(G, "a4#1", ["Ann Alpha", "Dee Delta"], "2024-06-30")
    meeting(G, "a5#1", ["Ann Alpha", "Cid Gamma"])  # undated
    meeting(G, "a6#1", ["Bob Beta", "Dee Delta"], "2024-03")  # month only
    cooc(G, "Xland", "Yland", 2, articles=["a2", "zz"])
    cooc(G, "Xland", "Union", 1, articles=["a1"])
    return G


def mids(G):
    return sorted(d["meeting_id"] for *_, d in G.edges(data=True) if d["layer"] == "meetings")


def test_time_filter():
    G = dated_graph()
    assert mids(filter_by_date(G)) == ["a1#1", "a2#1", "a3#1", "a4#1", "a5#1", "a6#1"]
    H = filter_by_date(G, since="2024-01-01", until="2024-03-31")
    assert mids(H) == ["a2#1", "a3#1", "a6#1"]  # article date used; undated dropped
    assert mids(filter_by_date(G, since="2024")) == ["a2#1", "a3#1", "a4#1", "a6#1"]
    assert mids(filter_by_date(G, until="2024-03")) == ["a1#1", "a2#1", "a3#1", "a6#1"]
    assert mids(filter_by_date(G, since="2024-03-20", until="2024-03-31")) == ["a6#1"]
    # co-occurrence follows the dates of its articles (learnt from meeting edges)
    coocs = [(u, v, d["articles"]) for u, v, d in H.edges(data=True)
             if d["layer"] == "cooccurrence"]
    assert coocs == [("Xland", "Yland", ["a2"])]
    assert H.number_of_nodes() == G.number_of_nodes()
    with pytest.raises(ValueError):
        filter_by_date(G, since="March 2024")


def test_meetings_per_month_and_range():
    G = dated_graph()
    rows = meetings_per_month(G, "Alpha")
    assert rows == [
        {"month": "2023-12", "actor": "Ann Alpha", "count": 1},
        {"month": "2024-01", "actor": "Ann Alpha", "count": 1},
        {"month": "2024-03", "actor": "Ann Alpha", "count": 1},
        {"month": "2024-06", "actor": "Ann Alpha", "count": 1}]
    all_rows = meetings_per_month(G, since="2024-03", until="2024-03")
    assert all_rows == [
        {"month": "2024-03", "actor": "Ann Alpha", "count": 1},
        {"month": "2024-03", "actor": "Bob Beta", "count": 1},
        {"month": "2024-03", "actor": "Dee Delta", "count": 1},
        {"month": "2024-03", "actor": "José Núñez", "count": 1}]
    # a three-party meeting counts once per participant
    meeting(G, "a7#1", ["Ann Alpha", "Bob Beta", "Eve Alpha"], "2025-02-02")
    assert meetings_per_month(G, "Ann Alpha", since="2025") == [
        {"month": "2025-02", "actor": "Ann Alpha", "count": 1}]


def test_timeline_oldest_first_dated_only():
    G = dated_graph()
    meeting(G, "a7#1", ["Ann Alpha", "Bob Beta", "Eve Alpha"], "2024-01-01")
    rows = timeline(G)
    assert [r["meeting_id"] for r in rows] == ["a1#1", "a2#1", "a7#1", "a6#1", "a3#1", "a4#1"]
    assert rows[2]["participants"] == ["Ann Alpha", "Bob Beta", "Eve Alpha"]   # one row per meeting
    assert [r["dated_by"] for r in rows] == ["text", "text", "text", "text", "article", "text"]
    assert [r["meeting_id"] for r in timeline(G, "Dee Delta", since="2024-04")] == ["a4#1"]


def test_date_coverage_and_reasons():
    G = dated_graph()
    cov = date_coverage(G)
    assert (cov["meetings"], cov["by_text"], cov["by_article"], cov["undated"]) == (6, 4, 1, 1)
    assert (cov["first"], cov["last"]) == ("2023-12-31", "2024-06-30")
    assert date_coverage(G, "Cid Gamma")["undated"] == 1
    assert no_meetings_reason(G, since="2024-01", until="2024-02") is None
    assert no_meetings_reason(G, since="2025") == (
        "none of the 5 dated meetings falls on or after 2025 (they run from 2023-12-31 to 2024-06-30); "
        "1 more is undated")
    assert no_meetings_reason(G, "Cid Gamma") == (
        "1 meeting, undated: the articles have no date and the text gives none")
    assert no_meetings_reason(G, "Eve Alpha") == "Eve Alpha has no meetings"
    H = world()
    for i, written in enumerate(("Tuesday", "December 20, 2016", "Tuesday")):
        meeting(H, f"b{i}#0", ["Ann Alpha", "Bob Beta"])
        H.edges["Ann Alpha", "Bob Beta", i]["date"] = written
    assert no_meetings_reason(H, until="2020") == (
        "3 meetings, all undated: the articles have no date, and the dates the text gives (3 of them, "
        "e.g. 'December 20, 2016', 'Tuesday') could not be turned into calendar dates")
    with pytest.raises(ValueError):
        no_meetings_reason(G, since="last week")


# -- lookup ----------------------------------------------------------------------

def test_alias_lookup():
    G = world()
    assert find_actor(G, "Ann Alpha") == "Ann Alpha"
    assert find_actor(G, "Xcity") == "Xland"          # capital as alias of a country
    assert find_actor(G, "xlandia") == "Xland"
    assert find_actor(G, "  ann   ALPHA ") == "Ann Alpha"
    assert find_actor(G, "Jose Nunez") == "José Núñez"  # accents
    assert find_actor(G, "u.n.n.") == "Union"          # punctuation
    assert find_actor(G, "Pepe") == "José Núñez"
    assert find_actor(G, "Gamma") == "Cid Gamma"       # unique surname
    assert find_actor(G, "Alpha") == "Ann Alpha"       # alias wins over 2 surnames


def test_unknown_and_ambiguous_names():
    G = world()
    with pytest.raises(ActorNotFound) as e:
        find_actor(G, "Bob Betta")
    assert e.value.suggestions[0] == "Bob Beta"
    assert len(e.value.suggestions) <= 5
    assert "did you mean: Bob Beta" in str(e.value)
    node(G, "Ian Gamma")
    with pytest.raises(ActorNotFound) as e:
        find_actor(G, "Gamma")  # two people called Gamma
    assert e.value.ambiguous and set(e.value.suggestions) == {"Cid Gamma", "Ian Gamma"}
    with pytest.raises(ActorNotFound) as e:
        find_actor(G, "Zzyzx")
    assert e.value.suggestions == []


# -- who met whom ----------------------------------------------------------------

def test_who_met_newest_first_one_row_per_meeting():
    G = dated_graph()
    meeting(G, "a7#1", ["Ann Alpha", "Bob Beta", "Eve Alpha"], "2025-02-02",
            kind="talks", location="Ycity", evidence="Alpha, Beta and Alpha met.")
    rows = who_met(G, "Alpha")
    assert [r["meeting_id"] for r in rows] == [
        "a7#1", "a4#1", "a3#1", "a2#1", "a1#1", "a5#1"]  # undated last
    top = rows[0]
    assert top["counterparts"] == ["Bob Beta", "Eve Alpha"]
    assert (top["kind"], top["location"], top["date_iso"], top["article"]) == (
        "talks", "Ycity", "2025-02-02", "a7")
    assert top["evidence"] == "Alpha, Beta and Alpha met."
    assert set(top) >= {"meeting_id", "kind", "status", "counterparts", "location", "date",
                        "date_iso", "evidence", "article"}
    assert [r["meeting_id"] for r in who_met(G, "Ann Alpha", since="2024", until="2024")] == [
        "a4#1", "a3#1", "a2#1"]
    with pytest.raises(ActorNotFound):
        who_met(G, "Nobody Known")


def test_met_direct_and_brokers():
    G = dated_graph()
    res = met(G, "Beta", "Ann Alpha")
    assert res["path"] == ["Bob Beta", "Ann Alpha"]
    assert [r["meeting_id"] for r in res["meetings"]] == ["a2#1", "a1#1"]
    # José Núñez and Cid Gamma never met: the chain goes through Ann Alpha
    res = met(G, "Pepe", "Gamma")
    assert res["meetings"] == []
    assert res["path"] == ["José Núñez", "Ann Alpha", "Cid Gamma"]
    assert [(link["from"], link["to"], [m["meeting_id"] for m in link["meetings"]])
            for link in res["links"]] == [("José Núñez", "Ann Alpha", ["a3#1"]),
                                          ("Ann Alpha", "Cid Gamma", ["a5#1"])]
    # longer chain: Núñez - Alpha - Beta? no: Núñez - Alpha - Delta - ... only via Alpha
    assert met(G, "Pepe", "Delta")["path"] == ["José Núñez", "Ann Alpha", "Dee Delta"]
    assert met(G, "Pepe", "Xland")["path"] is None


# -- tables ----------------------------------------------------------------------

def test_tables_keep_full_names():
    long = "Very Long Name Of An International Organisation For Something"
    rows = [{"actor": long, "value": 1.5, "tags": ["a", "b"]},
            {"actor": "X", "value": None, "tags": []}]
    text = format_table(rows)
    lines = text.splitlines()
    assert long in text
    assert lines[0].split() == ["actor", "value", "tags"]
    # numeric column right-aligned under its header
    assert lines[2].index("1.5") + 3 == lines[0].index("value") + 5
    assert "a, b" in lines[2]
    import json
    assert json.loads(to_json(rows)) == rows
    assert to_csv(rows).splitlines() == ["actor,value,tags", f"{long},1.5,a; b", "X,,"]


def test_docstring_examples():
    import doctest

    for name in ("centrality", "communities", "countries", "dating", "example", "layers", "lookup",
                 "meetings", "tables", "timefilter"):
        module = importlib.import_module(f"graphkit.analysis.{name}")
        assert doctest.testmod(module).failed == 0, name
    assert doctest.testmod(importlib.import_module("graphkit.analysis")).failed == 0
