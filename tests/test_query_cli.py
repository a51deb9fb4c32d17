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
    code, out, _ = run("countries", "--json", "--include-organizations")
    pairs = {(r["a"], r["b"]): r["meetings"] for r in json.loads(out)}
    assert pairs[("China", "Russia")] == 2 and pairs[("Russia", "United Nations")] == 2
    code, out, _ = run("timeline", "Wei", "--until", "2024-04", "--csv", "--per-month")
    assert out.splitlines() == ["month,actor,count", "2024-01,Wei Lan,1", "2024-04,Wei Lan,1"]


def test_missing_database(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(query, "_load_graph", None)
    parser = argparse.ArgumentParser()
    query.register(parser.add_subparsers())
    args = parser.parse_args(["countries", "--db", str(tmp_path / "none.db")])
    assert args.func(args) == 2                    # as every command: a missing store is a usage error
    assert "no store at" in capsys.readouterr().err


def undated_graph():
    """The example graph as articles without dates give it: no article date, no ISO date, phrases kept."""
    G = example_graph()
    for _, _, d in G.edges(data=True):
        if d.get("layer") == "meetings":
            d["date_iso"] = None
            d["article_date"] = None
    return G


@pytest.fixture
def run_undated(monkeypatch, run):
    monkeypatch.setattr(query, "_load_graph", lambda db: undated_graph())
    return run


def test_timeline_lists_dated_meetings_oldest_first(run):
    code, out, err = run("timeline", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["meeting_id"] for r in rows] == ["a2#1", "a3#1", "a1#1", "a5#1", "a4#1"]
    assert rows[0]["date"] == "2023-03-02" and rows[0]["dated_by"] == "text"
    assert rows[0]["participants"] == ["Sergei Volkov", "Antony Hartley"]
    # a5#1 has no date in the text: it is filed under its article's date, and says so
    assert (rows[3]["date"], rows[3]["dated_by"]) == ("2024-06-01", "article")
    code, out, _ = run("timeline", "Ferreira")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["date", "dated_by", "date_written"]
    assert lines[2].startswith("2024-06-01  article") and lines[3].startswith("2024-09-25  text")


def test_timeline_says_why_nothing_is_dated(run_undated):
    code, out, err = run_undated("timeline")
    assert code == 0 and out == ""
    assert err.strip() == ("no dated meeting: 5 meetings, all undated: the articles have no date, and the dates "
                           "the text gives (4 of them, e.g. 'April 9, 2024', 'September 25, 2024') could not be turned "
                           "into calendar dates")
    code, _, err = run_undated("timeline", "Sokolova")
    assert err.strip() == "no dated meeting: 1 meeting, undated: the articles have no date and the text gives none"
    code, _, err = run_undated("who-met", "Volkov", "--since", "2024")
    assert "note: 3 meetings, all undated: the articles have no date" in err


def test_date_range_outside_the_meetings_says_so(run):
    code, out, err = run("centrality", "--since", "2025-01")
    assert code == 0
    assert ("note: no meeting in this date range: none of the 5 dated meetings falls on or after 2025-01 "
            "(they run from 2023-03-02 to 2024-09-25)") in err
    code, out, err = run("timeline", "Hartley", "--since", "2023-06", "--until", "2023-12")
    assert out == "" and err.strip() == (
        "no dated meeting: none of the 2 dated meetings falls between 2023-06 and 2023-12 "
        "(they run from 2023-03-02 to 2024-01-15)")
    code, out, err = run("who-met", "Volkov", "--since", "2024-05")
    assert "note:" not in err                      # there is a meeting in range: nothing to explain


def test_countries_lists_states_unless_asked(run):
    code, out, err = run("countries", "--json")
    rows = json.loads(out)
    assert code == 0 and [(r["a"], r["b"]) for r in rows] == [
        ("China", "Russia"), ("Russia", "United States"), ("China", "United States")]
    code, out, err = run("countries", "--json", "--include-organizations", "--top", "2")
    assert [(r["a"], r["b"]) for r in json.loads(out)] == [("China", "Russia"), ("Russia", "United Nations")]
    assert err.strip() == "(2 of 5 pairs; --top 0 shows all)"


def test_queries_find_the_store_run_wrote(monkeypatch, capsys, tmp_path):
    seen = []
    monkeypatch.setattr(query, "_load_graph", lambda db: seen.append(db) or example_graph())
    monkeypatch.chdir(tmp_path)
    parser = argparse.ArgumentParser()
    query.register(parser.add_subparsers())

    def ask(*argv):
        args = parser.parse_args(list(argv))
        return args.func(args)

    (tmp_path / "graphkit-out").mkdir()
    (tmp_path / "graphkit-out" / "graphkit.db").write_bytes(b"")
    assert ask("centrality") == 0 and seen[-1] == str(tmp_path.joinpath("graphkit-out", "graphkit.db")
                                                      .relative_to(tmp_path))
    (tmp_path / "graphkit.db").write_bytes(b"")    # an `ingest` store in the current directory comes first
    assert ask("centrality") == 0 and seen[-1] == "graphkit.db"
    assert ask("centrality", "--db", "other.db") == 0 and seen[-1] == "other.db"
    monkeypatch.setattr(query, "_load_graph", None)
    (tmp_path / "graphkit.db").unlink()
    (tmp_path / "graphkit-out" / "graphkit.db").unlink()
    capsys.readouterr()
    assert ask("centrality") == 2                     # no store: a usage error, as in every command
    err = capsys.readouterr().err
    assert "graphkit.db" in err and "graphkit-out/graphkit.db" in err and "--db OUTDIR/graphkit.db" in err


def test_run_prints_the_db_that_queries_read(tmp_path, corpus, nlp, monkeypatch, capsys):
    """A newcomer's first hour: `graphkit run` then a query with the --db it printed."""
    from graphkit.cli import main

    assert main(["run", str(corpus), "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("query it: "))
    db = line.split("--db ", 1)[1].split()[0]
    assert db == str(tmp_path / "out" / "graphkit.db")
    assert main(["who-met", "Berg", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Anna Berg: 1 meeting" and "Karl Holm" in out
