"""Nothing stored is lost and nothing hostile gets through, probed as a hostile user would (issue 21):
id collisions across files, an interrupted ``--force``, control characters through to the exports,
FIFO and device inputs, names with escape sequences, a run's own outputs, an input as output."""
from __future__ import annotations

import json
import os
import signal
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from ingest_helpers import check_store, cli_proc, make_article, write_jsonl
from store_checks import count_articles

from graphkit.cli import main
from graphkit.export import write_all
from graphkit.graph import load_graph
from graphkit.store import Store


def _text(i: int) -> str:
    art = make_article(i)
    return art["title"] + "\n\n" + art["text"]


# ---------------------------------------------------------------------------
# 1. the same id from two files: two articles, never a silent update
# ---------------------------------------------------------------------------

def test_same_file_name_in_two_folders_keeps_both_articles(tmp_path, nlp, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "news.txt", tmp_path / "b" / "news.txt"
    first.write_text(_text(1), encoding="utf-8")
    second.write_text(_text(2), encoding="utf-8")
    db = str(tmp_path / "g.db")

    assert main(["ingest", str(first), "--db", db]) == 0
    capsys.readouterr()
    assert main(["ingest", str(second), "--db", db]) == 0
    out, err = capsys.readouterr()
    assert "1 new, 0 updated" in out
    assert "already holds another article" in err and "stored as 'news~2'" in err and str(first) in err
    with Store(db) as s:
        assert "number 1." in s.get_article("news").text and "number 2." in s.get_article("news~2").text
        assert s.get_article("news").path == str(first)
        assert s.get_article("news~2").path == str(second)
        assert s.get_record("news~2")["doc"] == "news~2"

    # each file is found again under its id: unchanged, whichever is ingested, in any order
    assert main(["ingest", str(second), str(first), "--db", db]) == 0
    assert "0 new, 0 updated, 2 unchanged" in capsys.readouterr().out
    # an edit of the second file updates the second article only
    second.write_text(_text(3), encoding="utf-8")
    assert main(["ingest", str(second), "--db", db]) == 0
    assert "0 new, 1 updated" in capsys.readouterr().out
    with Store(db) as s:
        assert s.article_ids() == {"news", "news~2"}
        assert "(1)" in s.get_article("news").text and "(3)" in s.get_article("news~2").text
    check_store(Path(db))


def test_reused_jsonl_id_in_another_file_is_a_new_article(tmp_path, nlp, capsys):
    one = write_jsonl(tmp_path / "one.jsonl", [dict(make_article(1), id="x")])
    two = write_jsonl(tmp_path / "two.jsonl", [dict(make_article(2), id="x")])
    same = write_jsonl(tmp_path / "same.jsonl", [dict(make_article(1), id="x")])  # the same story again
    db = str(tmp_path / "g.db")
    for src in (one, two, same):
        assert main(["ingest", str(src), "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1].split(",")[0] for line in out] == ["1 new", "1 new", "0 new"]
    assert "1 unchanged" in out[2]
    with Store(db) as s:
        assert s.article_ids() == {"x", "x~2"}
        assert "number 1." in s.get_article("x").text and "number 2." in s.get_article("x~2").text


# ---------------------------------------------------------------------------
# 4. an interrupted --force loses nothing
# ---------------------------------------------------------------------------

def test_force_replaces_in_one_transaction(tmp_path, monkeypatch):
    from graphkit.corpus import Article

    db = tmp_path / "g.db"
    art = Article(id="a", text="Anna Berg met Karl Holm.", path=str(tmp_path / "a.txt"))
    with Store(db) as s:
        s.put(art, {"doc": "a", "actors": []}, "v1")

        def interrupted(*args, **kwargs):
            raise KeyboardInterrupt  # Ctrl-C after the old rows were deleted, before the new ones

        monkeypatch.setattr(Store, "_insert", interrupted)
        with pytest.raises(KeyboardInterrupt):
            s.put(art, {"doc": "a", "actors": [{"name": "Anna Berg"}]}, "v1", force=True)
        monkeypatch.undo()
        assert s.get_record("a") == {"doc": "a", "actors": []}
        assert s.put(art, {"doc": "a", "actors": []}, "v1", force=True) == "changed"


@pytest.fixture(scope="module")
def stored_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("force")
    src = write_jsonl(d / "articles.jsonl", [make_article(i) for i in range(30)])
    db = d / "g.db"
    proc = cli_proc("ingest", src, "--db", db, "-q")
    assert proc.wait(timeout=300) == 0
    return src, db


def test_kill_9_during_ingest_force_loses_no_article(tmp_path, stored_corpus):
    src, stored = stored_corpus
    db = tmp_path / "g.db"
    db.write_bytes(stored.read_bytes())
    before = check_store(db)
    with Store(db) as s:
        version = s.content_version()
    proc = cli_proc("ingest", src, "--db", db, "--force", "--batch-size", "1", "-q")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        with Store(db, readonly=True) as s:
            if s.content_version() >= version + 8:
                break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "ingest --force must be killed mid-way"
    after = check_store(db)
    assert count_articles(db) == 30
    assert after == before  # every article there, its record the same one made again


# ---------------------------------------------------------------------------
# 5. control characters: cleaned on the way in, every export parses
# ---------------------------------------------------------------------------

def test_control_characters_reach_no_export(tmp_path, nlp, capsys):
    d = tmp_path / "in"
    d.mkdir()
    page = ("Ruritanian Foreign Minister Anna Berg met Karl Holm, the Freedonian foreign minister, "
            "in Oslo on Monday.\x0cThe two ministers\x01 discussed fishing\x1b[1m rights.\n")
    (d / "paged.txt").write_text("Talks in Oslo\n\n" + page, encoding="utf-8")
    with open(d / "feed.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "ctl\u0000id\u0007", "title": "Talks\u000b in Lima\ud800",
                            "text": "Ruritanian Foreign Minister Lars Dahl\u0002 met Ines Sato in Lima on "
                                    "Tuesday.\u0000\n"}) + "\n")
    db = tmp_path / "g.db"
    assert main(["ingest", str(d), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: control characters removed") == 2, err

    with Store(db) as s:
        assert s.article_ids() == {"paged", "ctlid"}
        for art in s.articles():
            for value in (art.id, art.text, art.title or ""):
                assert not any(ord(c) < 32 and c not in "\n\t" for c in value), repr(value)
        assert "in Oslo on Monday.\nThe two ministers discussed fishing rights." in s.get_article("paged").text
        assert s.get_article("ctlid").title == "Talks in Lima\ufffd"  # a lone surrogate cannot be stored as UTF-8
    G = load_graph(db)
    assert {"Anna Berg", "Karl Holm", "Lars Dahl"} <= set(G.nodes)
    paths = write_all(G, tmp_path / "out")
    H = nx.read_graphml(paths["graphml"])  # each export reads back
    assert set(H.nodes) == set(G.nodes)
    ET.parse(paths["gexf"])
    assert len(json.loads(paths["json"].read_text(encoding="utf-8"))["nodes"]) == G.number_of_nodes()


# ---------------------------------------------------------------------------
# 8. inputs that hang or eat memory; 2. a store that is a device
# ---------------------------------------------------------------------------

def test_fifo_and_device_inputs_are_skipped_not_read(tmp_path, corpus):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    db = tmp_path / "g.db"
    proc = cli_proc("ingest", fifo, "/dev/zero", corpus / "a.txt", "--db", db)
    out, err = proc.communicate(timeout=300)  # a FIFO read would hang here; /dev/zero would fill memory
    assert proc.returncode == 1, err
    lines = err.splitlines()
    assert f"{fifo}: skipped: not a regular file (a FIFO); only regular files are read" in lines
    assert "/dev/zero: skipped: not a regular file (a character device); only regular files are read" in lines
    assert "1 new" in out and "2 skipped" in out


def test_an_article_over_the_size_limit_is_skipped_with_the_limit_named(tmp_path, corpus, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text(_text(1) * 20, encoding="utf-8")
    monkeypatch.setenv("GRAPHKIT_MAX_INPUT_BYTES", "2k")
    proc = cli_proc("ingest", big, corpus / "a.txt", "--db", tmp_path / "g.db")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1
    assert f"{big}: skipped: too large to read as one article" in err and "GRAPHKIT_MAX_INPUT_BYTES" in err
    assert "1 new" in out
    # in a walked folder and as a JSON line: skipped before parsing too
    (tmp_path / "walked").mkdir()
    long_text = "\n\n".join(make_article(100 + i)["text"] for i in range(20))  # paragraphs all different
    (tmp_path / "walked" / "big.txt").write_text(long_text, encoding="utf-8")
    write_jsonl(tmp_path / "walked" / "lines.jsonl", [dict(make_article(2), text=long_text), make_article(3)])
    proc = cli_proc("ingest", tmp_path / "walked", "--db", tmp_path / "g2.db")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1 and "1 new" in out and "2 skipped" in out, (out, err)
    assert err.count("skipped: too large to parse as one article") == 2, err


def test_the_progress_estimate_never_opens_a_fifo(tmp_path):
    from graphkit.ingest import count_inputs

    (tmp_path / "in").mkdir()
    os.mkfifo(tmp_path / "in" / "feed.jsonl")
    os.mkfifo(tmp_path / "named.jsonl")
    write_jsonl(tmp_path / "in" / "real.jsonl", [make_article(1), make_article(2)])
    assert count_inputs([tmp_path / "in", tmp_path / "named.jsonl"]) == 2  # returns: no open() of a FIFO


def test_a_device_or_fifo_as_store_is_refused(tmp_path, corpus, capsys):
    fifo = tmp_path / "g.db"
    os.mkfifo(fifo)
    for db in ("/dev/null", str(fifo)):
        assert main(["ingest", str(corpus), "--db", db]) == 2
        assert "not a regular file" in capsys.readouterr().err
    for side in ("-journal", "-wal", "-shm"):
        assert not os.path.exists("/dev/null" + side) and not os.path.exists(str(fifo) + side)
    assert os.path.exists("/dev/null") and not Path("/dev/null").is_file()


# ---------------------------------------------------------------------------
# 9. a name with escapes prints as one harmless line
# ---------------------------------------------------------------------------

def test_a_file_name_with_escapes_is_printed_escaped(tmp_path, nlp, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "evil\nfake.txt: skipped: forged\x1b[2J.txt").write_bytes(b"\x00binary")
    assert main(["ingest", str(d), "--db", str(tmp_path / "g.db")]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    lines = err.splitlines()
    assert len(lines) == 2, lines       # the file's line, then: nothing could be read, nothing written
    assert lines[0].endswith("evil\\nfake.txt: skipped: forged\\x1b[2J.txt: skipped: binary file")
    assert lines[1].startswith("graphkit: error: no article could be read from ")


# ---------------------------------------------------------------------------
# 2. a run's outputs are never read back; an input is never an output
# ---------------------------------------------------------------------------

def test_run_into_the_input_folder_does_not_read_its_own_outputs(tmp_path, corpus, nlp, capsys):
    out = corpus / "graphkit-out"
    assert main(["run", str(corpus), "-o", str(out), "-q"]) == 0
    first = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    capsys.readouterr()
    assert main(["run", str(corpus), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    again = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert err == "" and again["problems"] == []
    assert again["run"]["read"] == first["run"]["read"] == 2


def test_extract_onto_its_own_input_is_refused(tmp_path, nlp, capsys):
    src = write_jsonl(tmp_path / "corpus.jsonl", [make_article(1)])
    before = src.read_bytes()
    assert main(["extract", str(src), "-o", str(src)]) == 2
    err = capsys.readouterr().err
    assert f"{src}: an input of this run; refusing to write over it" in err
    assert src.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl"]
