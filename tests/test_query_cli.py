"""The query subcommands, run through argparse on a hand-built graph."""
import argparse
import csv
import io
import json

import pytest

from graphkit.analysis import example_graph
from graphkit.cli import query


@pytest.fixture
def run(monkeypatch, capsys):
    monkeypatch.setattr(query, "_load_graph", lambda db: example_graph())

    def run(*argv):
        parser = argparse.ArgumentParser(prog="graphkit")
        sub = parser.add_subparsers(dest="command", required=True)
        query.register(sub)
        args = parser.parse_args(list(argv))
        code = args.func(args)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_who_met_table_has_full_names_and_evidence(run):
    code, out, err = run("who-met", "Volkov")
    assert code == 0
    assert out.splitlines()[0] == "Sergei Volkov: 3 meetings"
    assert "António Ferreira, Wei Lan" in out
    assert "Hartley and Volkov spoke briefly on the sidelines of the G20." in out
    lines = out.splitlines()
    assert lines[1].split()[:3] == ["date_iso", "date", "kind"]
    # newest first
    assert lines[3].startswith("2024-09-25") and lines[-1].startswith("2023-03-02")


def test_who_met_json_parses(run):
    code, out, _ = run("who-met", "Sergey Volkov", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [r["meeting_id"] for r in rows] == ["a4#1", "a1#1", "a2#1"]
    assert rows[0]["counterparts"] == ["António Ferreira", "Wei Lan"]


def test_who_met_since_and_csv(run):
    code, out, _ = run("who-met", "Volkov", "--since", "2024-05", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 1
    assert rows[0]["counterparts"] == "António Ferreira; Wei Lan"


def test_unknown_actor_exit_2_with_suggestions(run):
    code, out, err = run("who-met", "Volkow")
    assert code == 2 and out == ""
    assert err.strip() == "no actor named 'Volkow'; did you mean: Sergei Volkov"


def test_bad_date_is_a_usage_error(run, capsys):
    with pytest.raises(SystemExit) as info:  # argparse: exit status 2 (graphkit.cli.main returns it)
        run("centrality", "--since", "last week")
    assert info.value.code == 2 and "YYYY" in capsys.readouterr().err


def test_met_chain(run):
    code, out, _ = run("met", "Sokolova", "Hartley")
    assert code == 0
    assert "Marina Sokolova -> António Ferreira -> Sergei Volkov -> Antony Hartley" in out
    code, out, _ = run("met", "Sokolova", "Hartley", "--json")
    res = json.loads(out)
    assert res["path"][1:3] == ["António Ferreira", "Sergei Volkov"]
    assert len(res["links"]) == 3


def test_met_direct(run):
    code, out, _ = run("met", "Volkov", "Wei")
    assert code == 0 and out.startswith("Sergei Volkov and Wei Lan met 2 times")


def test_centrality_json_and_table(run):
    code, out, _ = run("centrality", "--measure", "betweenness", "--layer", "both",
                       "--type", "person", "--top", "3", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["rank"] for r in rows] == [1, 2, 3]
    assert all(r["type"] == "person" for r in rows)
    code, out, _ = run("centrality", "--measure", "weighted_degree")
    assert "António Ferreira" in out and "Russian Foreign Ministry" in out
    assert out.splitlines()[0].split() == ["rank", "actor", "type", "country", "value"]


def test_other_commands(run):
    code, out, _ = run("communities", "--layer", "meetings", "--json")
    assert code == 0 and sum(r["size"] for r in json.loads(out)) == 5
    code, out, _ = run("ego", "Ferreira", "--depth", "2", "--layer", "meetings")
    assert code == 0 and "Antony Hartley" in out
    code, out, _ = run("countries", "--json")
    pairs = {(r["a"], r["b"]): r["meetings"] for r in json.loads(out)}
    assert pairs[("China", "Russia")] == 2
    code, out, _ = run("timeline", "Wei", "--until", "2024-04", "--csv")
    assert out.splitlines() == ["month,actor,count", "2024-01,Wei Lan,1", "2024-04,Wei Lan,1"]


def test_missing_database(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(query, "_load_graph", None)
    parser = argparse.ArgumentParser()
    query.register(parser.add_subparsers())
    args = parser.parse_args(["countries", "--db", str(tmp_path / "none.db")])
    assert args.func(args) == 1
    assert "no graph database" in capsys.readouterr().err
