"""One huge article: bounded, flat memory (issue 12).

`graphkit ingest` of a 2 MB article runs in a subprocess whose peak resident
memory (its VmHWM at exit) must stay under 1.2 GB and within 1.3x that of a 0.2 MB
article (flat in the article's size; today's code needed 6 GB for 2 MB).
The child is killed as soon as it passes the bound, so a regression fails in
seconds, not after minutes of swapping.  Speed (words/s against normal
articles) is measured by ``bench/bench_long_article.py``, not here.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphkit.pieces import PIECE_CHARS
from graphkit.store import Store

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
LIMIT_KIB = int(1.2 * 1024 * 1024)  # 1.2 GiB
FLAT = 1.3


def write_article(path: Path, size: int) -> Path:
    """One text file of about ``size`` bytes: the seed articles over and over, every paragraph distinct.

    Each paragraph gets its own report number (the reader drops repeated lines as boilerplate).
    """
    paragraphs = [p.strip() for s in SEEDS for p in s.read_text(encoding="utf-8").split("\n\n")
                  if len(p.strip()) > 80 and "\n" not in p.strip()]
    assert paragraphs, "the seed articles are needed"
    with open(path, "w", encoding="utf-8") as f:
        f.write("A Very Long Report\n\n")
        n = 0
        while f.tell() < size:
            f.write(f"Report {n}. {paragraphs[n % len(paragraphs)]}\n\n")
            n += 1
    return path


def _hwm_kib(pid: int) -> int:
    try:
        return next(int(ln.split()[1]) for ln in Path(f"/proc/{pid}/status").read_text().splitlines()
                    if ln.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        return 0


# Runs a module or code with the given arguments and, at exit, writes its own peak resident memory
# (VmHWM: this process image only) to a file.  wait4's ru_maxrss would not do: a child forked from
# the test process (the spaCy model loaded) counts the parent's pages it started with.
_REPORT_PEAK = """
import atexit, runpy, sys
out, how, what, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
def report():
    with open("/proc/self/status") as f:
        hwm = next(line.split()[1] for line in f if line.startswith("VmHWM:"))
    with open(out, "w") as f:
        f.write(hwm)
atexit.register(report)
sys.argv = [what, *args]
if how == "-m":
    runpy.run_module(what, run_name="__main__", alter_sys=True)
else:
    exec(compile(what, "<code>", "exec"), {"__name__": "__main__"})
"""


def peak_of(how: str, what: str, args: list, limit_kib: int, workdir: Path, timeout: float = 1200) -> tuple[int, int]:
    """``(peak KiB, exit status)`` of ``python -m WHAT ARGS`` (``how="-m"``) or ``python -c WHAT`` in a fresh process.

    The child is killed and the test fails as soon as its peak passes ``limit_kib``.
    """
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    peak_file = workdir / "peak.kib"
    peak_file.unlink(missing_ok=True)
    with open(workdir / "stderr.txt", "w") as err:
        proc = subprocess.Popen([sys.executable, "-c", _REPORT_PEAK, str(peak_file), how, what, *map(str, args)],
                                env=env, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None:
            hwm = _hwm_kib(proc.pid)
            if hwm > limit_kib:
                pytest.fail(f"{what} {' '.join(map(str, args))[:200]}: passed {limit_kib // 1024} MiB of "
                            f"memory ({hwm // 1024} MiB) and was stopped")
            if time.monotonic() > deadline:
                pytest.fail(f"{what}: did not end within {timeout:.0f} s")
            time.sleep(0.2)
    finally:
        if proc.returncode is None:
            proc.kill()
            proc.wait()
    return int(peak_file.read_text()), proc.returncode


def peak_of_ingest(article: Path, db: Path, limit_kib: int) -> tuple[int, int, str]:
    """``(peak KiB, exit status, stderr)`` of ``graphkit ingest ARTICLE --db DB``."""
    workdir = db.parent / (db.stem + "-run")
    workdir.mkdir()
    peak, rc = peak_of("-m", "graphkit.cli", ["ingest", article, "--db", db], limit_kib, workdir)
    return peak, rc, (workdir / "stderr.txt").read_text()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to watch the child's memory")
def test_two_megabyte_article_in_bounded_flat_memory(tmp_path):
    small = write_article(tmp_path / "small.txt", 200_000)
    big = write_article(tmp_path / "big.txt", 2_000_000)

    small_peak, rc, err = peak_of_ingest(small, tmp_path / "small.db", LIMIT_KIB)
    assert rc == 0, err
    big_peak, rc, err = peak_of_ingest(big, tmp_path / "big.db", min(LIMIT_KIB, int(FLAT * small_peak)))
    assert rc == 0, err  # over the model's max_length: a warning, not a failure
    assert "over the model's max_length" in err and "parsed in" in err

    print(f"peak: {small.stat().st_size:,} bytes {small_peak // 1024} MiB, "
          f"{big.stat().st_size:,} bytes {big_peak // 1024} MiB")
    assert big_peak <= LIMIT_KIB, f"{big_peak // 1024} MiB"
    assert big_peak <= FLAT * small_peak, (big_peak // 1024, small_peak // 1024)

    # and the article is all there: one record, offsets into the whole 2 MB text
    with Store(tmp_path / "big.db") as s:
        (art,) = list(s.articles())
        rec = s.get_record(art.id)
    text = art.text
    assert len(text) > 1_900_000
    mentions = [(a, m) for a in rec["actors"] for m in a["mentions"]]
    assert max(m[1] for _, m in mentions) > 1_800_000
    assert all(text[m[0]:m[1]] in {a["name"], *a["aliases"]} or a["type"] != "person" for a, m in mentions)
    sents = [m[2] for _, m in mentions]
    assert max(sents) > 10_000                     # sentence indices count from the article's start
    for m in rec["meetings"]:
        assert [text[s:e].strip() for s, e in m["spans"]] == m["evidence_all"]
    # the text repeats its stories about 100 times: a meeting reported again in a later piece is
    # the same meeting, with the evidence of both, not one meeting per copy
    assert 5 <= len(rec["meetings"]) < 100
    reach = max(max(s for s, _ in m["spans"]) - min(s for s, _ in m["spans"]) for m in rec["meetings"])
    assert reach > 5 * PIECE_CHARS, reach  # one meeting's evidence from pieces far apart


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to watch the child's memory")
def test_memory_watch_stops_a_runaway_child(tmp_path):
    """The measure itself: the child's own peak, and a child that grows past the bound is stopped at once."""
    grow = "import time; x = bytearray(400 << 20); x[::4096] = b'1' * len(x[::4096]); time.sleep(120)"
    t0 = time.monotonic()
    with pytest.raises(pytest.fail.Exception, match="passed 200 MiB"):
        peak_of("-c", grow, [], 200 * 1024, tmp_path)
    assert time.monotonic() - t0 < 60  # stopped, not waited for
    small = "x = bytearray(50 << 20); x[::4096] = b'1' * len(x[::4096])"
    peak, rc = peak_of("-c", small, [], 400 * 1024, tmp_path)
    assert rc == 0 and 50 * 1024 <= peak < 150 * 1024  # its own 50 MiB, not the test process's memory
