"""``--jobs N``: worker processes that parse *and* extract, records back in input order.

Articles go to the workers in chunks of ``batch_size``; each worker runs
:func:`graphkit.ingest.extraction.extract_chunk` (``nlp.pipe`` and the
extraction) and sends back only the records (small), not the parsed documents,
so the main process only reads and stores.  At most ``2 * jobs`` chunks are in
flight (memory stays bounded).  The model is loaded in the main process once
and inherited by the workers (fork); where fork is not available, each worker
loads it by name.  Workers die with the main process (:mod:`graphkit.workers`).
"""
from __future__ import annotations

import concurrent.futures as cf
import itertools
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator

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


def pool_extract(
    articles: Iterable[Article],
    *,
    model=None,
    dictionary: DictionarySpec | None = None,
    jobs: int,
    batch_size: int = 32,
    problems: ProblemLog,
) -> Iterator[tuple[Article, Record]]:
    """:func:`graphkit.ingest.extraction.extract_safely` over ``jobs`` worker processes (see the module doc)."""
    it = iter(articles)
    first = next(it, None)
    if first is None:
        return
    nlp = spacy_pipeline(model)  # loaded before the workers start: they inherit it, and a missing model fails here
    try:
        ctx = mp.get_context("fork")
        init_model, task_model = nlp, None
    except ValueError:  # no fork (Windows, macOS defaults): workers load the model by name
        ctx = mp.get_context()
        if model is not None and not isinstance(model, (str, os.PathLike)):
            raise TypeError("--jobs > 1 without fork needs a model name, not a loaded pipeline") from None
        init_model, task_model = None, (None if model is None else str(model))
    window = 2 * jobs
    lifeline = Lifeline(ctx)
    try:
        with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_pool_init,
                                    initargs=(init_model, lifeline.worker_args())) as pool:
            inflight: deque = deque()
            try:
                for chunk in chunks(itertools.chain([first], it), batch_size):
                    inflight.append((chunk, pool.submit(_pool_chunk, chunk, task_model, dictionary, batch_size)))
                    while len(inflight) >= window or (inflight and inflight[0][1].done()):
                        chunk_done, fut = inflight.popleft()
                        yield from replay_chunk(chunk_done, fut.result(), problems)
                while inflight:
                    chunk_done, fut = inflight.popleft()
                    yield from replay_chunk(chunk_done, fut.result(), problems)
            except BaseException:
                # Ctrl-C, SIGTERM, an error, or the consumer stopped early: stop the workers now,
                # not after the chunks they are parsing (the pool's shutdown would wait for those)
                lifeline.cut()
                raise
            finally:
                for _, fut in inflight:
                    fut.cancel()
    finally:
        lifeline.cut()
