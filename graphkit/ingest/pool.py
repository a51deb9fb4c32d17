"""``--jobs N``: worker processes that parse *and* extract, records back in input order.

Articles go to the workers in chunks of ``batch_size``; each worker runs
:func:`graphkit.ingest.extraction.extract_chunk` (``nlp.pipe`` and the
extraction) and sends back only the records (small), not the parsed documents,
so the main process only reads and stores.  At most ``2 * jobs`` chunks are in
flight (memory stays bounded).  The model is loaded in the main process once
and inherited by the workers (fork); where fork is not available, each worker
loads it by name.  Workers die with the main process (:mod:`graphkit.workers`).

A worker that dies (the system killed it for memory, native code crashed)
does not end the run: the articles that were in flight are tried again one
at a time, each in a fresh worker, and one whose worker dies again is
reported skipped with the reason.
"""
from __future__ import annotations

import concurrent.futures as cf
import itertools
import multiprocessing as mp
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool

from graphkit.corpus import Article
from graphkit.ingest.extraction import extract_chunk, replay_chunk, spacy_pipeline
from graphkit.ingest.report import ProblemLog
from graphkit.ingest.versions import DictionarySpec
from graphkit.records import Record
from graphkit.workers import Lifeline, worker_start

__all__ = ["pool_extract", "chunks"]

_POOL_MODEL = None  # the pipeline inherited by forked pool workers


def _pool_init(model, lifeline_args) -> None:
    global _POOL_MODEL
    worker_start(*lifeline_args)  # the worker dies with this process, however this process dies
    if model is not None:
        _POOL_MODEL = model


def _pool_chunk(articles, model, dictionary, batch_size):
    return extract_chunk(articles, _POOL_MODEL if model is None else model, dictionary, batch_size)


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    chunk: list = []
    for x in items:
        chunk.append(x)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _contexts(model, nlp):
    """``(multiprocessing context, model for the initializer, model for each task)``."""
    try:
        return mp.get_context("fork"), nlp, None
    except ValueError:  # no fork (Windows, macOS defaults): workers load the model by name
        if model is not None and not isinstance(model, (str, os.PathLike)):
            raise TypeError("--jobs > 1 without fork needs a model name, not a loaded pipeline") from None
        return mp.get_context(), None, (None if model is None else str(model))


def pool_extract(
    articles: Iterable[Article],
    *,
    model=None,
    dictionary: DictionarySpec | None = None,
    jobs: int,
    batch_size: int = 32,
    problems: ProblemLog,
) -> Iterator[tuple[Article, Record]]:
    """:func:`graphkit.ingest.extraction.extract_safely` over ``jobs`` worker processes (see the module doc).

    A worker that dies (killed by the system for memory, a crash in native
    code) breaks the pool: the articles that were in flight are each tried
    again alone, in a fresh worker; an article whose worker dies again is
    reported skipped, with the reason, and the run goes on in a new pool.
    """
    it = iter(articles)
    first = next(it, None)
    if first is None:
        return
    nlp = spacy_pipeline(model)  # loaded before the workers start: they inherit it, and a missing model fails here
    ctx, init_model, task_model = _contexts(model, nlp)
    source = chunks(itertools.chain([first], it), batch_size)
    while True:
        lost = yield from _through_pool(source, ctx, init_model, task_model, dictionary, jobs, batch_size, problems)
        if not lost:
            return
        n = sum(len(c) for c, fut in lost if _results(fut) is None)
        problems.extractor("--jobs", f"a worker process died; the {n} article(s) it and the other workers "
                                     "had in flight are tried again, one at a time in a fresh worker")
        for chunk, fut in lost:  # in input order: a chunk finished before the pool broke keeps its records
            results = _results(fut)
            if results is not None:
                yield from replay_chunk(chunk, results, problems)
                continue
            for art in chunk:
                yield from _alone(art, ctx, init_model, task_model, dictionary, batch_size, problems)


def _results(fut) -> list | None:
    """The results of a finished chunk, or None when it was lost with its worker (or never ran)."""
    if fut is None or not fut.done() or fut.cancelled() or fut.exception() is not None:
        return None
    return fut.result()


def _through_pool(source: Iterator[list[Article]], ctx, init_model, task_model, dictionary, jobs: int,
                  batch_size: int, problems: ProblemLog):
    """Run the chunks of ``source`` through a pool, yielding records in order; returns the
    ``(chunk, future)`` pairs in flight when a worker died (in input order), else an empty list."""
    window = 2 * jobs
    lifeline = Lifeline(ctx)
    try:
        with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_pool_init,
                                    initargs=(init_model, lifeline.worker_args())) as pool:
            inflight: deque = deque()
            try:
                for chunk in source:
                    try:
                        inflight.append((chunk, pool.submit(_pool_chunk, chunk, task_model, dictionary,
                                                            batch_size)))
                    except BrokenProcessPool:
                        return list(inflight) + [(chunk, None)]
                    while len(inflight) >= window or (inflight and inflight[0][1].done()):
                        lost = yield from _replay_first(inflight, problems)
                        if lost:
                            return lost
                while inflight:
                    lost = yield from _replay_first(inflight, problems)
                    if lost:
                        return lost
                return []
            except BaseException:
                # Ctrl-C, SIGTERM, an error, or the consumer stopped early: stop the workers now,
                # not after the chunks they are parsing (the pool's shutdown would wait for those)
                lifeline.cut()
                raise
            finally:
                for _, fut in inflight:
                    fut.cancel()
                if inflight:
                    lifeline.cut()
    finally:
        lifeline.cut()


def _replay_first(inflight: deque, problems: ProblemLog):
    """Yield the records of the oldest chunk in flight; returns every ``(chunk, future)`` in flight
    when the pool broke."""
    chunk, fut = inflight[0]
    try:
        results = fut.result()
    except BrokenProcessPool:
        return list(inflight)
    inflight.popleft()
    yield from replay_chunk(chunk, results, problems)
    return None


def _alone_main(conn, lifeline_args, init_model, articles, task_model, dictionary, batch_size) -> None:
    """A fresh worker for one article: its records sent back through ``conn``."""
    _pool_init(init_model, lifeline_args)
    conn.send(_pool_chunk(articles, task_model, dictionary, batch_size))
    conn.close()


def _death(exitcode: int | None) -> str:
    """How a worker process ended, for a message."""
    if exitcode is None:
        return "the worker process died"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (the system may have run out of memory)" if -exitcode == signal.SIGKILL else ""
        return f"the worker process was killed by {name}{hint}"
    return f"the worker process exited with status {exitcode}"


def _alone(art: Article, ctx, init_model, task_model, dictionary, batch_size: int, problems: ProblemLog):
    """Extract ``art`` in a fresh worker of its own; if that worker dies too, the article is skipped."""
    receive, send = ctx.Pipe(duplex=False)
    lifeline = Lifeline(ctx)
    proc = ctx.Process(target=_alone_main, name="graphkit-retry", daemon=True,
                       args=(send, lifeline.worker_args(), init_model, [art], task_model, dictionary, batch_size))
    results = None
    try:
        proc.start()
        send.close()
        try:
            results = receive.recv()
        except EOFError:  # the worker died before it could answer
            pass
    finally:
        receive.close()
        if results is None:
            lifeline.cut()
        proc.join()
        lifeline.cut()
    if results is None:
        problems.failure(art, f"{_death(proc.exitcode)} while parsing it, and again when it was tried "
                              "alone in a fresh worker; skipped")
        return
    yield from replay_chunk([art], results, problems)
