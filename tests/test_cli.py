"""Tests for the graphkit command line (graphkit.cli.main)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit
from graphkit.cli import main
from graphkit.store import Store

REPO = Path(__file__).resolve().parents[1]


def cli(*args, cwd=None):
    """``python -m graphkit.cli ARGS`` in a subprocess (the package need not be installed)."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "graphkit.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=120, cwd=cwd, env=env)


# -- true command-line runs ---------------------------------------------------

def test_version():
    proc = cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"graphkit {graphkit.__version__}"


def test_missing_model_exit_2_with_install_hint(tmp_path, corpus):
    proc = cli("extract", corpus, "-o", tmp_path / "x.jsonl", "--model", "no_such_model_xyz")
    assert proc.returncode == 2, proc.stderr
    assert "pip install" in proc.stderr and "no_such_model_xyz" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_python_dash_m_graphkit_help():
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-m", "graphkit", "--help"], capture_output=True, text=True,
                          timeout=60, env=env)
    assert proc.returncode == 0
    for command in ("run", "extract", "ingest", "graph", "render", "summary"):
        assert command in proc.stdout


# -- in-process ---------------------------------------------------------------

@pytest.fixture
def bad_corpus(corpus):
    """The two good articles, an empty file and a binary file."""
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    return corpus


def test_extract_writes_jsonl(tmp_path, corpus, nlp, capsys):
    out = tmp_path / "records.jsonl"
    assert main(["extract", str(corpus), "-o", str(out)]) == 0
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in recs] == ["a", "b"]
    assert "mentions" not in recs[0]["actors"][0]
    assert "wrote 2 record(s)" in capsys.readouterr().out

    assert main(["extract", str(corpus), "-o", str(out), "--full", "-q"]) == 0
    assert "mentions" in json.loads(out.read_text(encoding="utf-8").splitlines()[0])["actors"][0]
    assert capsys.readouterr().out == ""


def test_extract_to_stdout(corpus, nlp, capsys):
    assert main(["extract", str(corpus), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["doc"] for line in captured.out.splitlines()] == ["a", "b"]
    assert "wrote 2 record(s) to stdout" in captured.err


def test_bad_files_exit_1_good_article_stored(tmp_path, bad_corpus, nlp, capsys):
    db = tmp_path / "g.db"
    assert main(["ingest", str(bad_corpus), "--db", str(db)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert any("empty.txt" in line and "empty file" in line for line in err)
    assert any("blob.txt" in line and "binary file" in line for line in err)
    assert all(line.count(": ") >= 2 for line in err)   # FILE: skipped: message, one line each
    with Store(db) as store:
        assert store.article_ids() == {"a", "b"}

    # the same again: the good articles are unchanged, the bad files still reported
    assert main(["ingest", str(bad_corpus), "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert "0 new, 0 updated, 2 unchanged" in out
    assert "empty.txt" in err


def test_ingest_clean_corpus_exit_0(tmp_path, corpus, nlp, capsys):
    db = tmp_path / "g.db"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    assert "2 new" in capsys.readouterr().out
    assert main(["ingest", str(corpus), "--db", str(db), "--force"]) == 0
    assert "2 updated" in capsys.readouterr().out


def test_run_writes_everything_and_prints_summary(tmp_path, corpus, nlp, capsys):
    out = tmp_path / "out"
    assert main(["run", str(corpus), "-o", str(out), "--top", "3"]) == 0
    for name in ("records.jsonl", "graph.graphml", "graph.gexf", "graph.json", "nodes.csv", "edges.csv",
                 "view.html", "summary.json", "graphkit.db"):
        assert (out / name).is_file(), name
    text = capsys.readouterr().out
    assert "read 2 article(s): 2 new" in text
    assert "actors:" in text and "person" in text
    assert "meetings: 1" in text
    assert "top actors by meeting partners:" in text and "Karl Holm" in text
    assert str(out) in text and "view.html" in text
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["meetings"] == 1 and summary["run"]["ingested"] == 2

    # the store-reading commands on the run's store
    db = str(out / "graphkit.db")
    assert main(["summary", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["meetings"] == 1
    assert main(["summary", "--db", db]) == 0
    assert "meetings: 1" in capsys.readouterr().out
    assert main(["graph", "--db", db, "-o", str(tmp_path / "g")]) == 0
    assert sorted(p.name for p in (tmp_path / "g").iterdir()) == [
        "edges.csv", "graph.gexf", "graph.graphml", "graph.json", "nodes.csv"]
    assert main(["render", "--db", db, "-o", str(tmp_path / "v.html")]) == 0
    assert "Anna Berg" in (tmp_path / "v.html").read_text(encoding="utf-8")


def test_run_with_bad_files_exit_1(tmp_path, bad_corpus, nlp, capsys):
    assert main(["run", str(bad_corpus), "-o", str(tmp_path / "out"), "-q"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "blob.txt" in captured.err and "empty.txt" not in captured.err   # -q: no warnings
    assert (tmp_path / "out" / "view.html").is_file()


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main([]) == 2
    assert main(["extract", "x"]) == 2                  # no -o
    assert main(["run", "x", "--jobs", "0"]) == 2
    assert main(["no-such-command"]) == 2
    capsys.readouterr()
    assert main(["summary", "--db", str(tmp_path / "none.db")]) == 2
    assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_store_error_exit_2(tmp_path, corpus, capsys):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("just some notes\n" * 100)
    assert main(["ingest", str(corpus), "--db", str(not_a_db)]) == 2
    err = capsys.readouterr().err
    assert "not a graphkit database" in err and "Traceback" not in err


def test_missing_dictionary_exit_2(tmp_path, corpus, capsys):
    assert main(["extract", str(corpus), "-o", str(tmp_path / "x.jsonl"), "--actors",
                 str(tmp_path / "no-such-dictionary.yaml")]) == 2
    err = capsys.readouterr().err
    assert "no-such-dictionary.yaml" in err


def test_help_lists_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("run", "extract", "ingest", "graph", "render", "summary"):
        assert command in out


def test_actors_dictionary_flag(tmp_path, corpus, nlp):
    dic = tmp_path / "actors.csv"
    dic.write_text("name,type,country,aliases,roles\nKarl Holm,person,Sweden,Holm,\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    assert main(["extract", str(corpus), "-o", str(out), "--actors", str(dic), "-q"]) == 0
    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {a["name"]: a["country"] for a in rec["actors"]}["Karl Holm"] == "Sweden"


# -- dangling symbolic links in a walked folder (issue 12) ------------------------

@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_dangling_symlink_in_a_folder_is_reported_exit_1(tmp_path, corpus, nlp, capsys):
    (corpus / "c.txt").symlink_to(tmp_path / "moved-away.txt")
    rc = main(["extract", str(corpus), "-o", str(tmp_path / "r.jsonl")])
    err = capsys.readouterr().err.splitlines()
    assert rc == 1
    assert err == [f"{corpus / 'c.txt'}: skipped: no such file or directory (broken symbolic link to "
                   f"{tmp_path / 'moved-away.txt'})"]
    assert [json.loads(ln)["doc"] for ln in (tmp_path / "r.jsonl").read_text().splitlines()] == ["a", "b"]


# -- summary.json keeps each problem's kind (issue 12) ----------------------------

def test_summary_json_problems_keep_their_kind(tmp_path, corpus, nlp, capsys):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "cafe.txt").write_bytes("Karl Holm met Anna Berg at the Caf\xe9 in Oslo.".encode("latin-1"))
    out = tmp_path / "out"
    assert main(["run", str(corpus), "-o", str(out)]) == 0       # two warnings: nothing skipped
    err = capsys.readouterr().err.splitlines()
    problems = json.loads((out / "summary.json").read_text(encoding="utf-8"))["problems"]
    assert sorted(problems) == sorted(err)                 # the same lines as on stderr ...
    assert sorted(p.replace(str(corpus), "C") for p in problems) == [
        "C/cafe.txt: warning: not UTF-8; decoded as cp1252",
        "C/empty.txt: warning: empty file",
    ]                                                      # ... each with its kind


# -- usage errors of the query options (issue 12) -------------------------------

@pytest.fixture
def stored(tmp_path, corpus, nlp):
    db = tmp_path / "g.db"
    assert main(["ingest", str(corpus), "--db", str(db), "-q"]) == 0
    return db


@pytest.mark.parametrize("argv, message", [
    (["who-met", "Berg", "--since", "2016-13-45"], "argument --since: not a date: '2016-13-45' (month 13"),
    (["who-met", "Berg", "--until", "2017-02-30"], "argument --until: not a date: '2017-02-30' (2017-02 has no day 30)"),
    (["centrality", "--top", "-5"], "argument --top: must be at least 0: '-5'"),
    (["countries", "--top", "-1"], "argument --top: must be at least 0: '-1'"),
    (["who-met", "Berg", "--since", "2017-02", "--until", "2017-01"],
     "--since 2017-02 is after --until 2017-01: no date is in both"),
], ids=["bad-since", "bad-until", "negative-top", "negative-countries-top", "since-after-until"])
def test_bad_query_options_are_one_usage_error(stored, capsys, argv, message):
    assert main([*argv, "--db", str(stored)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    errors = [ln for ln in err.splitlines() if "error:" in ln]
    assert len(errors) == 1 and message in errors[0], err


def test_good_date_range_still_answers(stored, capsys):
    assert main(["who-met", "Berg", "--since", "2016", "--until", "2016-02-29", "--db", str(stored)]) == 0
    assert main(["who-met", "Berg", "--since", "2017-01", "--until", "2017", "--db", str(stored)]) == 0


# -- terminal escape sequences in article text (issue 12) -------------------------

ESCAPES = "\x1b[2J\x1b]0;owned\x07\x1b[31m"


def test_escape_sequences_never_reach_the_terminal_table(tmp_path, nlp, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "evil.txt").write_text(
        "Talks in Oslo\n\n"
        f"Ruritanian Foreign Minister Anna Berg met Karl Holm in Oslo {ESCAPES}on Monday\x9b2J.\n",
        encoding="utf-8")
    db = tmp_path / "g.db"
    assert main(["ingest", str(d), "--db", str(db), "-q"]) == 0
    capsys.readouterr()

    assert main(["who-met", "Berg", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Karl Holm" in out and "in Oslo on Monday" in out
    assert not any(ord(ch) < 32 and ch != "\n" or 0x7f <= ord(ch) <= 0x9f for ch in out), repr(out)
    assert "]0;owned" not in out and "[2J" not in out

    # the text was cleaned on the way in (issue 21): the sequences are gone from the store, whole
    assert main(["who-met", "Berg", "--db", str(db), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert "in Oslo on Monday." in rows[0]["evidence"] and "\x1b" not in rows[0]["evidence"]
    assert main(["who-met", "Berg", "--db", str(db), "--csv"]) == 0
    out = capsys.readouterr().out
    assert "in Oslo on Monday." in out and "\x1b" not in out and "owned" not in out
