"""End to end on the five seed articles: the scorer's thresholds and the questions the graph must answer.

The expected answers below were read off the seed texts and the hand-annotated gold file
(../shared/eval/seeds_gold.jsonl), not off graphkit's output.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from shared_folder import SHARED, shared_file  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EVAL = SHARED / "eval"  # ../shared beside the clone


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory, nlp):
    from graphkit.pipeline import run

    out = tmp_path_factory.mktemp("seeds-out")
    summary = run([SEEDS], out)
    return out, summary


@pytest.fixture(scope="module")
def G(seeds_run):
    from graphkit.graph import load_graph

    return load_graph(seeds_run[0] / "graphkit.db")


def _scores(records: Path) -> dict:
    shared_file("eval", "score.py")  # skips, saying where it looked (fails under CI)
    js = records.parent / "scores.json"
    subprocess.run([sys.executable, str(EVAL / "score.py"), str(EVAL / "seeds_gold.jsonl"), str(records),
                    "--json", str(js)], check=True, capture_output=True)
    return json.loads(js.read_text())


def test_seed_scores_reach_the_issue_thresholds(seeds_run):
    s = _scores(seeds_run[0] / "records.jsonl")
    assert s["docs_predicted"] == 5
    # issue 3 (actors), issue 4 (meetings), issue 2 (actors >= 0.80 already)
    assert s["actors_f1"] >= 0.92, s
    assert s["affiliation"] >= 0.90, s
    assert s["meetings_f1"] >= 0.85, s
    assert s["countries_f1"] >= 0.90, s
    assert s["kind"] >= 0.85, s
    assert s["location"] >= 0.80, s


def test_one_node_per_real_actor(G):
    def nodes(pred):
        return [n for n, d in G.nodes(data=True) if pred(n, d)]

    assert nodes(lambda n, d: n == "Russia") == ["Russia"]
    assert nodes(lambda n, d: n == "United States") == ["United States"]
    # aliases that must not be nodes of their own
    for alias in ("Moscow", "Russian", "Kremlin", "US", "U.S.", "Washington", "Lavrov", "Assad", "al-Assad"):
        assert alias not in G, alias
    fm = nodes(lambda n, d: d.get("type") == "person" and "Lavrov" in n)
    assert len(fm) == 1 and G.nodes[fm[0]]["country"] == "Russia"
    assert any("Foreign Minister" in r for r in G.nodes[fm[0]]["roles"])
    assert nodes(lambda n, d: d.get("type") == "person" and "Assad" in n) == ["Bashar al-Assad"]


def _meeting_edges(G, pred):
    out = {}
    for u, v, d in G.edges(data=True):
        if d.get("layer") == "meetings" and pred(u, v, d):
            out.setdefault(d["meeting_id"], d)
    return out


def test_persons_russias_foreign_minister_met(G):
    from graphkit.analysis import who_met

    rows = who_met(G, "Lavrov")
    persons = {c for r in rows for c in r["counterparts"] if G.nodes[c]["type"] == "person"}
    # 000: call with Kerry, talks with Cavusoglu and Zarif; 001: met Kerry in Vienna; 002: met Kerry
    assert persons == {"John Kerry", "Mevlut Cavusoglu", "Mohammad Javad Zarif"}
    assert all(r["evidence"] and r["article"] for r in rows)


def test_who_met_lists_every_gold_meeting_of_lavrov(G):
    from graphkit.analysis import who_met

    rows = who_met(G, "Sergey Lavrov")
    got = {(r["article"][:3], frozenset(r["counterparts"])) for r in rows}
    gold = [("000", {"John Kerry"}), ("000", {"Mevlut Cavusoglu", "Mohammad Javad Zarif"}),
            ("001", {"John Kerry"}), ("001", {"Jordan"}), ("001", {"Saudi Arabia", "Turkey", "United States"}),
            ("002", {"John Kerry"})]
    for doc, who in gold:
        assert any(d == doc and who <= c for d, c in got), (doc, who, got)
    # 002 reports two different meetings with Kerry: in Moscow (the caption) and in Laos
    places = {r["location"] for r in rows if r["article"].startswith("002")}
    assert {"Moscow", "Laos"} <= places


def test_phone_calls(G):
    calls = _meeting_edges(G, lambda u, v, d: d["kind"] == "call")
    pairs = {frozenset(d["participants"]) for d in calls.values()}
    lavrov = next(n for n in G if "Lavrov" in n)
    # 000: Lavrov and Kerry "in a telephone call"; 004: "a Dec. 28 phone call to Flynn by Sergey Kislyak"
    assert pairs == {frozenset({lavrov, "John Kerry"}), frozenset({"Michael Flynn", "Sergey Kislyak"})}
    assert all("call" in d["evidence"] for d in calls.values())


def test_meetings_held_in_moscow(G):
    moscow = _meeting_edges(G, lambda u, v, d: (d.get("location") or "") == "Moscow")
    groups = {frozenset(d["participants"]) for d in moscow.values()}
    lavrov = next(n for n in G if "Lavrov" in n)
    expected = [
        {lavrov, "John Kerry"},                                           # 002 caption
        {lavrov, "Mevlut Cavusoglu", "Mohammad Javad Zarif"},             # 000 talks on December 20
        {"Hossein Jaberi Ansari", "Mikhail Bogdanov"},                    # 004, Jan 13
        {"Hossein Jaberi Ansari", "Russia", "Turkey"},                    # 004, Jan 14
        {"Russia", "Turkey"},                                             # 004, the two delegations
    ]
    for e in expected:
        assert frozenset(e) in groups, (e, groups)
    assert all(d["evidence"] for d in moscow.values())


def test_cli_who_met_and_centrality_json(seeds_run, capsys):
    from graphkit.cli import main

    db = str(seeds_run[0] / "graphkit.db")
    assert main(["who-met", "Lavrov", "--db", db, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 6 and all(r["evidence"] for r in rows)
    assert main(["centrality", "--layer", "meetings", "--top", "5", "--db", db, "--json"]) == 0
    top = json.loads(capsys.readouterr().out)
    assert top[0]["actor"] in ("Russia", "Sergei Lavrov", "Sergey Lavrov")
