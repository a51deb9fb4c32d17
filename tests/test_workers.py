"""Worker processes die with their parent; SIGTERM stops a run like Ctrl-C (issue 12).

`graphkit ingest --jobs 2` runs as a real process; once its two workers are
parsing, the parent gets SIGINT, SIGTERM or SIGKILL, and the workers' PIDs
must be gone within 5 seconds.  With SIGINT and SIGTERM the parent stops
cleanly (exit 130 / 143): the store is sound, and the same command run again
adds exactly the articles that were not stored yet.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from ingest_helpers import check_store, cli_proc, make_article, write_jsonl
from store_checks import count_articles

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")

N_ARTICLES = 300
GONE_WITHIN = 5.0  # seconds after the parent's death


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (state, ppid, ...), or None when gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def alive(pid: int) -> bool:
    st = _stat(pid)
    return st is not None and st[0] not in ("Z", "X")  # a zombie has died (only not reaped yet)


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def forked_children(pid: int) -> set[int]:
    """Children of ``pid`` running the same command line: the forked pool workers."""
    mine = cmdline(pid)
    out = set()
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = _stat(int(name))
            if st is not None and int(st[1]) == pid and cmdline(int(name)) == mine:
                out.add(int(name))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("workers")
    return write_jsonl(d / "articles.jsonl", [make_article(i) for i in range(N_ARTICLES)])


def start_and_wait_for_workers(args, db, *, driver=None):
    """Start ingest with ``args``; return (process, worker pids) once articles are being stored."""
    proc = cli_proc(*args, code=driver)
    deadline = time.monotonic() + 180
    while count_articles(db) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, f"ingest ended before it could be stopped: {proc.communicate()}"
    return proc, forked_children(proc.pid)


def wait_gone(pids, since: float) -> set[int]:
    """The pids still alive ``GONE_WITHIN`` seconds after ``since``."""
    while time.monotonic() < since + GONE_WITHIN:
        left = {p for p in pids if alive(p)}
        if not left:
            return set()
        time.sleep(0.05)
    return {p for p in pids if alive(p)}


def _reap_leftovers(pids):
    for p in pids:  # a failing test must not leave orphans behind
        if alive(p):
            os.kill(p, signal.SIGKILL)


@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143),
                                         (signal.SIGKILL, -signal.SIGKILL)],
                         ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_workers_die_with_the_parent(tmp_path, corpus, sig, status):
    db = tmp_path / "g.db"
    proc, pids = start_and_wait_for_workers(["ingest", corpus, "--db", db, "--jobs", "2", "--batch-size", "2"], db)
    try:
        assert len(pids) == 2, pids
        sent = time.monotonic()
        os.kill(proc.pid, sig)
        proc.wait(timeout=60)  # not communicate(): orphaned workers would keep its pipes open
        left = wait_gone(pids, sent)
    finally:
        _reap_leftovers(pids)
    out, err = proc.communicate(timeout=60)
    assert left == set(), f"workers alive {GONE_WITHIN} s after {sig.name} to the parent"
    assert proc.returncode == status, err
    stored = len(check_store(db))
    assert 4 <= stored < N_ARTICLES
    if sig != signal.SIGKILL:  # a clean stop: one line saying so, no traceback
        assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("graphkit: ")

    # nothing lost, nothing twice: the rerun adds exactly the rest
    proc = cli_proc("ingest", corpus, "--db", db, "--jobs", "2")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"{N_ARTICLES - stored} new, 0 updated, {stored} unchanged, 0 skipped, 0 failed" in out
    assert set(check_store(db)) == {f"art{i:03d}" for i in range(N_ARTICLES)}


def test_workers_die_with_the_parent_without_prctl(tmp_path, corpus):
    """Where PR_SET_PDEATHSIG is not available, the lifeline pipe alone ends the workers."""
    db = tmp_path / "g.db"
    driver = ("import sys, graphkit.workers as w\n"
              "w.set_parent_death_signal = lambda sig=None: False\n"
              "from graphkit.cli import main\n"
              "sys.exit(main(sys.argv[1:]))\n")
    proc, pids = start_and_wait_for_workers(["ingest", corpus, "--db", db, "--jobs", "2", "--batch-size", "2"],
                                            db, driver=driver)
    try:
        assert len(pids) == 2, pids
        sent = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        left = wait_gone(pids, sent)
    finally:
        _reap_leftovers(pids)
    proc.communicate(timeout=60)
    assert left == set(), "workers outlived a SIGKILLed parent without prctl"
    check_store(db)


def test_sigterm_with_one_process_is_a_clean_stop(tmp_path, corpus):
    db = tmp_path / "g.db"
    proc, _ = start_and_wait_for_workers(["ingest", corpus, "--db", db, "--batch-size", "1"], db)
    os.kill(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "terminated" in err and "Traceback" not in err
    assert 4 <= len(check_store(db)) < N_ARTICLES


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
def test_parent_death_signal_is_set():
    """prctl(PR_SET_PDEATHSIG) through ctypes works here, in a child (it must not touch the test process)."""
    import multiprocessing as mp

    from graphkit import workers

    ctx = mp.get_context("fork")
    result = ctx.Queue()

    def child():
        ok = workers.set_parent_death_signal(signal.SIGKILL)
        import ctypes

        libc = ctypes.CDLL(None)
        sig = ctypes.c_int(0)
        libc.prctl(2, ctypes.byref(sig), 0, 0, 0)  # PR_GET_PDEATHSIG
        result.put((ok, sig.value))

    p = ctx.Process(target=child)
    p.start()
    p.join(30)
    assert result.get(timeout=5) == (True, signal.SIGKILL)


# -- a worker killed while parsing (issue 21) ------------------------------------------

POISON_DRIVER = (
    "import os, signal, sys\n"
    "import graphkit.ingest.pool as pool\n"
    "real = pool.extract_chunk\n"
    "def chunk(articles, *args, **kwargs):\n"
    "    mark = os.environ['GK_TEST_MARK']\n"
    "    if any(a.id == 'art004' for a in articles) and (os.environ['GK_TEST_MODE'] == 'always'\n"
    "                                                    or not os.path.exists(mark)):\n"
    "        open(mark, 'w').close()\n"
    "        os.kill(os.getpid(), signal.SIGKILL)  # what the kernel's OOM killer does\n"
    "    return real(articles, *args, **kwargs)\n"
    "pool.extract_chunk = chunk\n"
    "from graphkit.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n")


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("poison")
    src = write_jsonl(d / "articles.jsonl", [make_article(i) for i in range(12)])
    db = d / "clean.db"
    proc = cli_proc("ingest", src, "--db", db, "-q")
    assert proc.wait(timeout=300) == 0
    return src, check_store(db)


@pytest.mark.parametrize("mode", ["always", "once"])
def test_a_killed_worker_is_retried_once_then_skipped_and_the_run_goes_on(tmp_path, small_corpus, monkeypatch,
                                                                          mode):
    src, clean = small_corpus
    monkeypatch.setenv("GK_TEST_MARK", str(tmp_path / "killed-once"))
    monkeypatch.setenv("GK_TEST_MODE", mode)
    db = tmp_path / "g.db"
    proc = cli_proc("ingest", src, "--db", db, "--jobs", "2", "--batch-size", "2", code=POISON_DRIVER)
    out, err = proc.communicate(timeout=300)
    assert "Traceback" not in err and "BrokenProcessPool" not in err, err
    assert "a worker process died" in err
    recs = check_store(db)
    if mode == "always":
        assert proc.returncode == 1, err  # some input skipped, the rest stored
        line = [ln for ln in err.splitlines() if "art004" in ln]
        assert len(line) == 1 and "killed by SIGKILL" in line[0] and "skipped" in line[0], err
        assert "11 new" in out and "1 failed" in out
        assert recs == {k: v for k, v in clean.items() if k != "art004"}
    else:  # a worker that died once: its articles made again in a fresh worker, nothing lost
        assert proc.returncode == 0, err
        assert "12 new" in out and "0 failed" in out
        assert recs == clean
