"""One definition of each shared thing: the layer view, the reading of partial dates, the actor
types, the dictionary error; every module that needs one uses that one."""
from __future__ import annotations

import argparse

import networkx as nx
import pytest

import graphkit.analysis.layers
import graphkit.graph
import graphkit.view.prepare
from graphkit.actors.dictionary import DictionaryError
from graphkit.analysis import filter_by_date, in_range
from graphkit.analysis.timefilter import check_bound, date_bounds
from graphkit.cli import query
from graphkit.ingest import open_user_dictionary
from graphkit.records import ACTOR_TYPES


def test_one_layer_view():
    assert graphkit.graph.layer_view is graphkit.analysis.layers.layer_view
    G = nx.MultiGraph()
    G.add_node("lone", type="person")
    G.add_edge("a", "b", layer="meetings", kind="call", weight=1)
    G.add_edge("a", "b", layer="cooccurrence", kind="cooccurrence", weight=2)
    # the summary counts partners on the same view the measures use
    assert graphkit.graph.summary(G)["top_degree"] == [("a", 1), ("b", 1)]
    H = graphkit.analysis.layers.layer_view(G, "all")
    assert (H["a"]["b"]["weight"], H["a"]["b"]["kinds"], "lone" in H) == (3, ["call", "cooccurrence"], True)


@pytest.mark.parametrize("month, last", [("2024-02", "2024-02-29"), ("2023-02", "2023-02-28"),
                                         ("2023-04", "2023-04-30"), ("2023-12", "2023-12-31")])
def test_a_month_ends_on_its_last_day_for_the_filters_and_the_view(month, last):
    assert graphkit.view.prepare.date_bounds is date_bounds
    assert date_bounds(month) == (f"{month}-01", last)
    assert check_bound(month) == (f"{month}-01", last)


def test_no_day_after_the_end_of_february_is_in_range():
    assert in_range("2023-02-28", until="2023-02")
    assert not in_range("2023-02-29", until="2023-02")   # no such day: no date at all
    assert not in_range("2023-02-31", since="2023")
    G = nx.MultiGraph()
    for i, day in enumerate(["2023-02-28", "2023-02-30", "2023-03-01"]):
        G.add_edge("a", "b", layer="meetings", kind="call", date_iso=day, meeting_id=f"x#{i}", weight=1)
    kept = {d["meeting_id"] for *_, d in filter_by_date(G, since="2023-02", until="2023-02").edges(data=True)}
    assert kept == {"x#0"}


def test_the_query_commands_offer_the_actor_types_of_the_records():
    parser = argparse.ArgumentParser()
    query.register(parser.add_subparsers())
    assert parser.parse_args(["centrality", "--type", "forum"]).type == "forum"
    for typ in ACTOR_TYPES:
        assert parser.parse_args(["centrality", "--type", typ]).type == typ
    with pytest.raises(SystemExit):
        parser.parse_args(["centrality", "--type", "location"])


def test_one_dictionary_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,type\nAnna Berg,wizard\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="wizard"):
        open_user_dictionary(bad)
    with pytest.raises(DictionaryError, match="no such file"):
        open_user_dictionary(tmp_path / "missing.yaml")
