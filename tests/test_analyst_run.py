"""An analyst's own corpus, end to end: a folder of text files (a dateline, a date in a file name),
an HTML page, a CSV export and a JSON Lines feed with its own field names -> one `graphkit run` ->
every article read with its date, the counts right, the Gephi files read back by networkx, and the
queries and the view agreeing."""
from __future__ import annotations

import csv
import json
import re

import networkx as nx

from graphkit.cli import main
from graphkit.graph import load_graph
from graphkit.store import Store

PAGE = """<!doctype html><html><head><title>Holm hosts Park | The Daily</title>
<meta property="article:published_time" content="1987-03-05T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Holm hosts Park</h1>
<p>Freedonian Foreign Minister Karl Holm met Lina Park, the foreign minister of Ruritania, in Lima on Thursday.</p>
<p>The two ministers discussed a new fisheries treaty, officials of both countries said.</p>
</article><footer>Copyright 1987 The Daily. All rights reserved.</footer></body></html>
"""

EXPECTED = {  # article id -> date
    "wire": "1987-02-26",                # a dateline
    "1987-03-02_talks": "1987-03-02",    # the file name
    "page": "1987-03-05",                # the HTML page's metadata
    "c1": "1987-03-09", "c2": "1987-03-11",           # CSV rows: a US date, an ISO date
    "j1": "1987-03-16", "j2": "1987-03-20",           # JSON Lines: a day-first date, a written-out one
}


def make_corpus(d):
    d.mkdir()
    (d / "wire.txt").write_text(
        "Berg Meets Holm\n\nOSLO, Feb 26, 1987 (Reuters) - Ruritanian Foreign Minister Anna Berg met Karl Holm, "
        "the Freedonian foreign minister, in Oslo on Thursday.\n", encoding="utf-8")
    (d / "1987-03-02_talks.txt").write_text(
        "Berg and Dalton Talk\n\nRuritanian Foreign Minister Anna Berg held talks with Mark Dalton, "
        "the Elbonian foreign minister, in Geneva on Monday.\n", encoding="utf-8")
    (d / "page.html").write_text(PAGE, encoding="utf-8")
    with open(d / "export.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "headline", "published", "body"])
        w.writerow(["c1", "Dalton in Oslo", "03/09/1987",
                    "Elbonian Foreign Minister Mark Dalton met Karl Holm, the Freedonian foreign minister, "
                    "in Oslo on Monday."])
        w.writerow(["c2", "Park and Berg", "1987-03-11",
                    "Ruritanian Foreign Minister Anna Berg met Lina Park in Riga on Wednesday."])
    with open(d / "feed.jsonl", "w", encoding="utf-8") as f:
        for row in (
            {"key": "j1", "hed": "Dalton sees Park", "when": "16.03.1987",
             "copy": "Elbonian Foreign Minister Mark Dalton met Lina Park, the Ruritanian foreign minister, "
                     "in Vienna on Monday."},
            {"key": "j2", "hed": "Holm and Berg again", "when": "Friday, 20 March 1987",
             "copy": "Freedonian Foreign Minister Karl Holm met Anna Berg in Oslo on Friday."},
        ):
            f.write(json.dumps(row) + "\n")
    (d / "scan.pdf").write_bytes(b"%PDF-1.4")      # not read: counted and reported once


def test_an_analysts_own_corpus_end_to_end(tmp_path, nlp, monkeypatch, capsys):
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    monkeypatch.chdir(tmp_path)
    rc = main(["run", str(corpus), "--text-key", "copy,body", "--title-key", "hed,headline",
               "--date-key", "when,published", "--id-key", "key,id"])
    out, err = capsys.readouterr()
    assert rc == 0, err

    # every article read, with its date; the counts right; two warnings: the order an ambiguous date was
    # read in, and the PDF
    assert "read 7 article(s): 7 new, 0 updated, 0 unchanged; 0 skipped, 0 failed, 2 warning(s)" in out
    assert err.strip().splitlines() == [
        f"{corpus / 'export.csv'}:2: warning: date '03/09/1987' could be 1987-03-09 or 1987-09-03: read month-first "
        "as 1987-03-09 (--date-order day-first reads it the other way; later ambiguous dates of this file are read "
        "the same, without a message)",
        f"{corpus}: warning: 1 file not read (1 .pdf); graphkit reads "
        ".csv .htm .html .json .jsonl .markdown .md .ndjson .tab .text .tsv .txt .xhtml"]
    with Store("graphkit-out/graphkit.db", readonly=True) as store:
        assert {a.id: a.date for a in store.articles()} == EXPECTED
        assert store.get_article("page").title == "Holm hosts Park"
        assert "<" not in store.get_article("page").text
    summary = json.loads((tmp_path / "graphkit-out" / "summary.json").read_text())
    assert summary["run"]["read"] == 7 and summary["articles"] == 7 and summary["store"]["other"] == 0

    G = load_graph("graphkit-out/graphkit.db")
    meetings = {d["meeting_id"]: d for *_, d in G.edges(data=True) if d["layer"] == "meetings"}
    assert summary["meetings"] == len(meetings) >= 6

    # the Gephi files, read back by networkx
    outdir = tmp_path / "graphkit-out"
    gexf = nx.read_gexf(outdir / "graph.gexf")
    graphml = nx.read_graphml(outdir / "graph.graphml")
    for H in (gexf, graphml):
        assert set(H.nodes) == set(G.nodes) and H.number_of_edges() == G.number_of_edges()
    gexf_meetings = {d["meeting_id"]: d for *_, d in gexf.edges(data=True) if d.get("layer") == "meetings"}
    assert set(gexf_meetings) == set(meetings)
    assert all(d["start"] == d["end"] == (meetings[m].get("event_date") or meetings[m].get("date_iso")
                                          or meetings[m]["article_date"])
               for m, d in gexf_meetings.items())
    with open(outdir / "nodes.csv", encoding="utf-8", newline="") as f:
        assert {r["Id"] for r in csv.DictReader(f)} == set(G.nodes)
    with open(outdir / "edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert len(edges) == G.number_of_edges()
    assert {e["meeting_id"] for e in edges if e["Label"] in ("meeting", "talks")} == set(meetings)

    # the queries and the view agree: Anna Berg's meetings
    assert main(["who-met", "Berg", "--json"]) == 0
    asked = json.loads(capsys.readouterr().out)
    page = (outdir / "view.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="gk-data">(.*?)</script>', page, re.S).group(1))
    index = {n["id"]: n["gk"]["name"] for n in data["nodes"]}
    events = data["events"]
    shown = {events[j]["id"]: events[j] for e in data["edges"] for j in e["gk"].get("ev", ())
             if "Anna Berg" in (index[e["from"]], index[e["to"]])}
    assert {r["meeting_id"] for r in asked} == set(shown) and len(shown) >= 3
    for r in asked:
        assert (r["date_iso"] or r["article_date"]) == (shown[r["meeting_id"]].get("date_iso")
                                                        or shown[r["meeting_id"]]["article_date"])

    # and a slice of the store, as the queries slice it
    assert main(["timeline", "--since", "1987-03-10", "--json"]) == 0
    later = {r["meeting_id"] for r in json.loads(capsys.readouterr().out)}
    assert main(["graph", "-o", "march", "--since", "1987-03-10", "--layer", "meetings", "-q"]) == 0
    sliced = nx.read_gexf(tmp_path / "march" / "graph.gexf")
    assert {d["meeting_id"] for *_, d in sliced.edges(data=True)} == later and later
