"""Worker processes that never outlive their parent.

The parser workers of ``--jobs N`` block on a task queue whose other end is
also held by their siblings, so when the parent dies (SIGKILL, a crash, a
SIGTERM it does not handle) nothing tells them: they used to live on as
orphans.  Two things make a worker go with its parent:

* Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)``, called through ``ctypes`` at
  worker start: the kernel kills the worker when the parent dies;
* a :class:`Lifeline`, a pipe whose write end only the parent holds: a thread
  in each worker waits on the read end, and the end of the pipe (the parent
  died, or closed it with :meth:`Lifeline.cut`) ends the worker.  This works
  wherever ``prctl`` is not available, and is how the parent stops its workers
  at once on Ctrl-C or SIGTERM.

Workers ignore SIGINT: a Ctrl-C reaches the whole process group, and the
parent alone decides how to stop.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading

__all__ = ["Lifeline", "set_parent_death_signal", "worker_start"]

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def set_parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Have the kernel send ``sig`` to this process when its parent dies; False where not possible.

    Linux only (``prctl``).  The signal comes when the *thread* that started
    this process ends, which for graphkit's pools is the thread running the
    whole ingest.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return False
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0


class Lifeline:
    """A one-way pipe from a parent to its workers; while the parent holds its end, they live.

    Create it in the parent before starting the workers, pass
    :meth:`worker_args` to :func:`worker_start` (the pool initializer), and
    :meth:`cut` it to stop every worker at once (also done by the kernel when
    the parent dies: its end of the pipe closes).

    >>> import multiprocessing as mp
    >>> line = Lifeline(mp.get_context("fork"))
    >>> len(line.worker_args())
    3
    >>> line.cut(); line.cut()   # idempotent
    """

    def __init__(self, ctx):
        self._reader, self._writer = ctx.Pipe(duplex=False)
        self._parent = os.getpid()

    def worker_args(self) -> tuple:
        """The arguments of :func:`worker_start` for a worker of this parent."""
        return (self._reader, self._writer, self._parent)

    def cut(self) -> None:
        """Close the parent's end: every worker's watchdog sees it and the worker exits."""
        for end in (self._writer, self._reader):
            try:
                end.close()
            except OSError:
                pass


def worker_start(reader, writer, parent_pid: int) -> None:
    """At the start of a worker process: die with the parent (see the module doc)."""
    try:
        writer.close()  # the copy inherited through fork: only the parent may keep the pipe open
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(reader,), name="graphkit-lifeline", daemon=True).start()


def _watch(reader) -> None:
    """Wait for the end of the lifeline, then end this process at once (no cleanup is owed)."""
    try:
        while True:
            reader.recv_bytes()
    except (EOFError, OSError):
        pass
    os._exit(1)
