"""The command line as one tool: one store rule, runs that say what the store holds, `remove`,
nothing written without input, the same exit status for the same cause, global options anywhere,
help on every option, `| head`."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.cli import EXIT_CODES, build_parser, main
from graphkit.store import Store

REPO = Path(__file__).resolve().parents[1]


def cli(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "graphkit.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=300, cwd=cwd, env=env)


# -- one store rule -----------------------------------------------------------

def test_right_after_run_every_command_in_the_folder_finds_the_store(tmp_path, corpus, nlp, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["run", str(corpus), "-q"]) == 0                 # graphkit-out/graphkit.db
    assert main(["summary"]) == 0
    assert capsys.readouterr().out.startswith(f"store: {os.path.join('graphkit-out', 'graphkit.db')}\n")
    assert main(["render", "-o", "v.html", "-q"]) == 0 and (tmp_path / "v.html").is_file()
    assert main(["graph", "-o", "g", "-q"]) == 0 and (tmp_path / "g" / "graph.gexf").is_file()
    assert main(["who-met", "Berg"]) == 0
    assert "Karl Holm" in capsys.readouterr().out
    assert main(["ingest", str(corpus)]) == 0                    # ingest adds to that same store
    assert "graphkit-out/graphkit.db: 0 new, 0 updated, 2 unchanged" in capsys.readouterr().out
    assert not (tmp_path / "graphkit.db").exists()


def test_run_into_another_folder_is_found_too_and_two_stores_are_named(tmp_path, corpus, nlp, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["run", str(corpus), "-o", "out", "-q"]) == 0
    assert main(["summary", "--json"]) == 0 and json.loads(capsys.readouterr().out)["meetings"] == 1
    assert main(["run", str(corpus), "-o", "out2", "-q"]) == 0
    capsys.readouterr()
    assert main(["summary"]) == 2
    err = capsys.readouterr().err
    assert "several stores here: out/graphkit.db, out2/graphkit.db" in err and "--db" in err


def test_the_store_rule_is_in_every_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, p in sub.choices.items():
        text = p.format_help()
        assert "Store: --db FILE" in text and "exit status" in text, name
    assert "Store: --db FILE" in parser.format_help()


def test_a_missing_store_is_exit_2_for_every_command(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for argv in (["summary"], ["render"], ["graph", "-o", "g"], ["who-met", "X"], ["timeline"],
                 ["centrality"], ["remove", "x"], ["summary", "--db", "none.db"], ["countries", "--db", "none.db"]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "graphkit: error: no store" in err, (argv, err)
    assert sorted(os.listdir(tmp_path)) == []                  # and nothing was created


# -- runs that say what the store holds; --fresh; remove ---------------------

def test_run_says_when_the_store_holds_other_articles_and_fresh_starts_over(tmp_path, corpus, nlp, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / "c.txt").write_text("Karl Holm called Lina Park on Friday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "-o", str(out), "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["run", str(other), "-o", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    assert "also holds 2 article(s) from earlier runs" in err and "--fresh" in err
    assert json.loads((out / "summary.json").read_text())["store"] == {
        "articles": 3, "read_now": 1, "other": 2, "removed": 0}

    assert main(["run", str(other), "-o", str(out), "--fresh"]) == 0
    captured = capsys.readouterr()
    assert "removed 2 article(s) of earlier runs" in captured.err and "also holds" not in captured.err
    assert "read 1 article(s): 0 new, 0 updated, 1 unchanged" in captured.out   # not parsed again
    with Store(out / "graphkit.db") as store:
        assert store.article_ids() == {"c"}
    assert json.loads((out / "summary.json").read_text())["articles"] == 1


def test_remove_by_id_pattern_and_path(tmp_path, corpus, nlp, capsys):
    (corpus / "sub").mkdir()
    (corpus / "sub" / "c.txt").write_text("Karl Holm called Lina Park on Friday.\n", encoding="utf-8")
    db = tmp_path / "g.db"
    assert main(["ingest", str(corpus), "--db", str(db), "-q"]) == 0
    assert main(["remove", "--db", str(db), "-n", "?"]) == 0
    assert capsys.readouterr().out.split() == ["a", "b", "c"]
    assert main(["remove", "--db", str(db), "--path", str(corpus / "sub")]) == 0
    assert "removed 1 article(s); 2 left" in capsys.readouterr().out
    assert main(["remove", "--db", str(db), "a", "zz*"]) == 0
    captured = capsys.readouterr()
    assert "removed 1 article(s); 1 left" in captured.out and "no article matches 'zz*'" in captured.err
    with Store(db, readonly=True) as store:
        assert store.article_ids() == {"b"}
        records, actors, _ = store.resolution()
    assert [r.doc for r in records] == ["b"]
    assert main(["remove", "--db", str(db)]) == 2                 # nothing named: a usage error


# -- nothing written without input -----------------------------------------------

@pytest.mark.parametrize("command", ["run", "ingest", "extract"])
def test_nothing_is_written_when_no_input_was_read(tmp_path, command, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "scan.pdf").write_bytes(b"%PDF")
    argv = {"run": ["run", "typo", str(empty), "-o", "out"], "ingest": ["ingest", "typo", str(empty)],
            "extract": ["extract", "typo", str(empty), "-o", "r.jsonl"]}[command]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "typo: skipped: no such file or directory" in err
    assert "1 file not read (1 .pdf)" in err
    assert "no article could be read from typo" in err and "nothing written" in err
    assert sorted(os.listdir(tmp_path)) == ["empty"]


# -- exit codes, global options, help ---------------------------------------------

def test_exit_codes_are_listed_in_the_help(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for code in EXIT_CODES:
        assert f"  {code:>3}  " in out


def test_quiet_goes_before_or_after_the_command(tmp_path, corpus, nlp, capsys):
    db = tmp_path / "g.db"
    assert main(["-q", "ingest", str(corpus), "--db", str(db)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["ingest", str(corpus), "--db", str(db), "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["who-met", "Berg", "--since", "2030", "--db", str(db)]) == 0
    assert "note:" in capsys.readouterr().err
    for argv in (["who-met", "Berg", "--since", "2030", "--db", str(db), "-q"],
                 ["-q", "who-met", "Berg", "--since", "2030", "--db", str(db)]):
        assert main(argv) == 0
        captured = capsys.readouterr()
        assert captured.err == "" and captured.out.startswith("Anna Berg: 0 meetings")


def test_every_option_and_argument_has_help():
    parser = build_parser()
    missing = []

    def walk(p, where):
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sp in action.choices.items():
                    walk(sp, f"{where} {name}")
            elif not action.help or action.help == argparse.SUPPRESS and action.dest != "help":
                missing.append(f"{where}: {'/'.join(action.option_strings) or action.dest}")
    walk(parser, "graphkit")
    assert missing == []


def test_who_met_into_head_exits_0(tmp_path, corpus, nlp):
    db = tmp_path / "g.db"
    assert main(["ingest", str(corpus), "--db", str(db), "-q"]) == 0
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(
        f"{sys.executable} -m graphkit.cli timeline --db {db} --csv | head -c 1; exit ${{PIPESTATUS[0]}}",
        shell=True, executable="/bin/bash", capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_closed_stdout_is_not_an_error(monkeypatch, capsys, tmp_path):
    class Closed:
        def write(self, s):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            raise OSError("no descriptor")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["countries", "--db", str(tmp_path / "missing" / "x.db")]) == 2   # an error still counts as one


def test_a_missing_model_names_the_model_asked_for_and_how_to_install_it(tmp_path, corpus):
    proc = cli("ingest", corpus, "--db", tmp_path / "g.db", "--model", "en_core_web_md")
    assert proc.returncode == 2
    assert "spaCy model 'en_core_web_md' (asked for with --model) is not installed" in proc.stderr
    assert "python -m spacy download en_core_web_md" in proc.stderr
    assert "Traceback" not in proc.stderr
