"""Exports sliced like queries, for Gephi: GEXF with timeline dates, nodes.csv + edges.csv, cells safe
for spreadsheets."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graphkit.analysis import example_graph
from graphkit.cli import main, query
from graphkit.export import csv_safe, slice_graph, write_all


def meeting_ids(G):
    return sorted(d["meeting_id"] for *_, d in G.edges(data=True) if d.get("layer") == "meetings")


def test_slices_are_the_queries_slices():
    G = example_graph()
    assert slice_graph(G) is G
    H = slice_graph(G, since="2024-04", until="2024-06")
    assert meeting_ids(H) == ["a1#1", "a5#1"]
    H = slice_graph(G, layer="meetings")
    assert {d["layer"] for *_, d in H.edges(data=True)} == {"meetings"}
    assert all(H.degree(n) for n in H)                      # actors left without an edge are dropped
    H = slice_graph(G, types=["person"], layer="all")
    assert {H.nodes[n]["type"] for n in H} == {"person"}
    assert {d["layer"] for *_, d in H.edges(data=True)} <= {"meetings", "cooccurrence"}


def test_gexf_has_timeline_dates_and_no_networkx_key(tmp_path):
    G = example_graph()
    paths = write_all(G, tmp_path)
    text = paths["gexf"].read_text(encoding="utf-8")
    assert "networkx_key" not in text
    graph = ET.parse(paths["gexf"]).getroot().find("{http://www.gexf.net/1.2draft}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    back = nx.read_gexf(paths["gexf"])
    assert back.number_of_nodes() == G.number_of_nodes() and back.number_of_edges() == G.number_of_edges()
    dated = {d["meeting_id"]: (d["start"], d["end"]) for *_, d in back.edges(data=True) if "meeting_id" in d}
    assert dated["a2#1"] == ("2023-03-02", "2023-03-02")
    assert dated["a5#1"] == ("2024-06-01", "2024-06-01")     # undated in the text: its article's date
    assert all("start" not in d for *_, d in back.edges(data=True) if d.get("layer") == "affiliation")


def test_nodes_and_edges_csv_in_gephis_spreadsheet_format(tmp_path):
    G = example_graph()
    paths = write_all(G, tmp_path)
    nodes = list(csv.DictReader(paths["nodes"].open(encoding="utf-8", newline="")))
    edges = list(csv.DictReader(paths["edges"].open(encoding="utf-8", newline="")))
    assert list(nodes[0])[:2] == ["Id", "Label"]
    assert list(edges[0])[:8] == ["Source", "Target", "Type", "Id", "Label", "Weight", "Start", "End"]
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert {e["Type"] for e in edges} == {"Undirected"}
    H = nx.from_edgelist(((e["Source"], e["Target"]) for e in edges), create_using=nx.MultiGraph)
    assert set(H) <= {n["Id"] for n in nodes}
    by_id = {e["meeting_id"]: e for e in edges if e.get("meeting_id")}
    assert (by_id["a2#1"]["Start"], by_id["a2#1"]["End"], by_id["a2#1"]["Label"]) == ("2023-03-02", "2023-03-02",
                                                                                         "meeting")


FORMULAS = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_cells_are_escaped(cell):
    assert csv_safe(cell) == "'" + cell
    assert csv_safe("-0.5") == "-0.5" and csv_safe(3) == 3 and csv_safe("Lavrov") == "Lavrov"


def formula_graph():
    G = nx.MultiGraph(articles=1)
    G.add_node("=HYPERLINK(\"http://evil\")", type="person", country="Ruritania", roles=["@boss"], aliases=[],
               mentions=1, articles=1, article_ids=["=cmd|x"])
    G.add_node("Karl Holm", type="person", country=None, roles=[], aliases=[], mentions=1, articles=1,
               article_ids=["=cmd|x"])
    G.add_edge("=HYPERLINK(\"http://evil\")", "Karl Holm", layer="meetings", kind="meeting", status="happened",
               date="Monday", date_iso=None, evidence="+ talks", article="=cmd|x", article_date="2016-01-04",
               meeting_id="=cmd|x#0", participants=["=HYPERLINK(\"http://evil\")", "Karl Holm"], weight=1)
    return G


def test_export_csv_cells_are_safe(tmp_path):
    paths = write_all(formula_graph(), tmp_path)
    for key in ("nodes", "edges"):
        for row in csv.reader(paths[key].open(encoding="utf-8", newline="")):
            assert not any(c.startswith(("=", "+", "-", "@")) for c in row), row
    back = nx.read_gexf(paths["gexf"])                     # the other formats keep the text as it is
    assert "=HYPERLINK(\"http://evil\")" in back


def test_query_csv_cells_are_safe(monkeypatch, capsys):
    monkeypatch.setattr(query, "_load_graph", lambda db: formula_graph())
    assert main(["who-met", "Holm", "--csv", "--db", "x.db"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[1] and not any(c.startswith(("=", "+", "-", "@")) for r in rows for c in r)
    assert any(c.startswith("'=HYPERLINK") for c in rows[1])
    assert main(["who-met", "Holm", "--json", "--db", "x.db"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["counterparts"] == ["=HYPERLINK(\"http://evil\")"]


def test_graph_render_summary_take_the_slice_options(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("graphkit.cli.load_graph", lambda db: example_graph())
    db = tmp_path / "x.db"
    db.write_bytes(b"")
    assert main(["graph", "--db", str(db), "-o", str(tmp_path / "g"), "--since", "2024-04", "--until", "2024-06",
                 "--layer", "meetings", "-q"]) == 0
    back = nx.read_gexf(tmp_path / "g" / "graph.gexf")
    assert sorted(d["meeting_id"] for *_, d in back.edges(data=True)) == ["a1#1", "a5#1"]
    assert main(["summary", "--db", str(db), "--json", "--type", "person", "--layer", "meetings"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert set(s["actors"]) == {"person"} and s["meetings"] == 5
    assert main(["render", "--db", str(db), "-o", str(tmp_path / "v.html"), "--since", "2030"]) == 0
    assert "note: nothing in the store matches --since 2030" in capsys.readouterr().err
    assert main(["summary", "--db", str(db), "--type", "planet"]) == 2
    assert main(["summary", "--db", str(db), "--since", "2024-13"]) == 2
