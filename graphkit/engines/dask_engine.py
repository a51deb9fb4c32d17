"""Ingestion on a Dask cluster: ``graphkit ingest --engine dask [--scheduler ADDRESS]``.

The client (this process) reads the articles as a stream, skips those already
in the store unchanged, and sends the new and changed ones to the workers in
partitions (lists of :class:`graphkit.corpus.Article`).  Each worker loads the
spaCy model once (:func:`graphkit.nlp.load_model` caches it per process) and
returns one record per article, made by the same code as the local engine
(:func:`graphkit.ingest.extraction.extract_chunk`), so the records are
identical.  The client writes them into the store through the same
:class:`graphkit.ingest.IngestSession` as the local engine, one transaction
per article: the store never leaves this process and workers need no access to
it (nor to the input files).

Memory stays bounded: at most ``window`` partitions (default two per worker)
are in flight; reading waits for one to come back before sending the next.

Without a scheduler address a ``LocalCluster`` of ``n_workers`` processes
(one thread each) is started and stopped.  For a real cluster, run
``dask scheduler`` on one machine and ``dask worker tcp://HOST:8786`` on each
worker machine (each with graphkit and the spaCy model installed), then
``graphkit ingest CORPUS --engine dask --scheduler tcp://HOST:8786``.
"""
from __future__ import annotations

import os

from graphkit.corpus import Article
from graphkit.ingest import (
    ChunkResult, DictionarySpec, IngestSession, RunReport, chunks, extract_chunk, extractor_version, replay_chunk,
)
from graphkit.nlp import load_model

__all__ = ["ingest_dask", "extract_partition", "DaskUnavailable", "DEFAULT_PARTITION_SIZE", "DEFAULT_WORKERS"]

#: Articles sent to a worker at a time.
DEFAULT_PARTITION_SIZE = 64
#: Workers of the local cluster started without a scheduler address.
DEFAULT_WORKERS = 2


class DaskUnavailable(RuntimeError):
    """dask.distributed is not installed (message says how to install it)."""


def _import_distributed():
    """dask.distributed (an optional dependency: the extra ``graphkit[dask]``)."""
    try:
        import distributed
    except ImportError:
        raise DaskUnavailable(
            "--engine dask needs dask.distributed: pip install 'dask[distributed]' "
            "(or pip install 'graphkit[dask]')") from None
    return distributed


# --------------------------------------------------------------------------
# worker side
# --------------------------------------------------------------------------

def extract_partition(articles: list[Article], model: str | None = None,
                      dictionary: DictionarySpec | None = None, batch_size: int = 32) -> list[ChunkResult]:
    """Run on a worker: the records of a partition of articles.

    :func:`graphkit.ingest.extract_chunk`: one ``(article_id, record_or_None,
    events)`` per article, in input order.  The model is loaded once per
    worker process (:func:`graphkit.nlp.load_model` is cached per process).
    """
    return extract_chunk(articles, model, dictionary, batch_size)


def _warm(model: str | None) -> str:
    """Run on each worker once: load the model now (fail early if it is missing); the worker's extractor version."""
    load_model(model)
    return extractor_version()


# --------------------------------------------------------------------------
# client side
# --------------------------------------------------------------------------

def _model_name(model):
    if model is None or isinstance(model, (str, os.PathLike)):
        return None if model is None else str(model)
    raise TypeError("--engine dask needs a model name or path (workers load it), not a loaded pipeline")


def ingest_dask(
    paths,
    store,
    *,
    scheduler: str | None = None,
    n_workers: int | None = None,
    partition_size: int | None = None,
    model=None,
    dictionary=None,
    batch_size: int = 32,
    window: int | None = None,
    on_problem=None,
    force: bool = False,
    progress: bool = False,
    client=None,
) -> RunReport:
    """:func:`graphkit.ingest.ingest_local` with the extraction on a Dask cluster.

    ``store``: an open :class:`graphkit.store.Store`.  ``scheduler``: address
    of a running scheduler (``tcp://host:8786``); None starts a
    ``LocalCluster(n_workers, threads_per_worker=1, processes=True)`` for this
    run.  ``client``: an existing ``distributed.Client`` to use instead.
    ``partition_size``: articles per task (default
    :data:`DEFAULT_PARTITION_SIZE`); ``window``: partitions in flight at most
    (default twice the number of workers).  ``model``: a model name or path,
    loaded by each worker.  ``dictionary``: a user dictionary file, loaded by
    each worker.  Returns the :class:`graphkit.ingest.RunReport`; the store
    holds exactly what the local engine would have stored.
    """
    distributed = _import_distributed()
    model_name = _model_name(model)
    partition_size = max(1, int(partition_size or DEFAULT_PARTITION_SIZE))
    # a bad dictionary file fails here, before any cluster
    session = IngestSession(store, dictionary=dictionary, on_problem=on_problem, force=force)
    cluster = None
    own_client = client is None
    try:
        parts = chunks(session.articles_to_parse(paths), partition_size)
        first = next(parts, None)  # no cluster at all when nothing needs parsing
        if first is None:
            return session.report
        if own_client:
            client, cluster = _connect(distributed, scheduler, n_workers or DEFAULT_WORKERS)
        workers = max(1, len(client.scheduler_info().get("workers", {})) or (n_workers or DEFAULT_WORKERS))
        window = max(1, int(window or 2 * workers))
        # load the model on every worker now: a missing model is one clear error, not one per partition
        versions = client.run(_warm, model_name)
        mine = extractor_version()
        other = {w: v for w, v in versions.items() if v != mine}
        if other:
            w, v = sorted(other.items())[0]
            raise DaskUnavailable(
                f"Dask worker {w} extracts with graphkit {v}, this client with {mine}: "
                "install the same graphkit on the workers (or restart them after an upgrade)")
        session.show_progress(progress, paths, desc="ingest (dask)")
        session.problems.progress.update(session.report.unchanged + session.report.skipped)

        pending: dict = {}  # future -> the partition's articles (the client keeps the originals)
        ac = distributed.as_completed()

        def submit(part: list[Article]) -> None:
            fut = client.submit(extract_partition, part, model_name, session.dictionary_spec, batch_size,
                                pure=False)
            pending[fut] = part
            ac.add(fut)

        def collect(fut) -> None:
            part = pending.pop(fut)
            results = fut.result()  # re-raises a worker error (e.g. ModelNotFound)
            fut.release()
            for art, rec in replay_chunk(part, results, session.problems):
                session.store_record(art, rec)

        try:
            submit(first)
            for part in parts:
                while len(pending) >= window:
                    collect(next(ac))
                submit(part)
            while pending:
                collect(next(ac))
        finally:
            for fut in list(pending):
                fut.cancel()
    finally:
        session.end_progress()
        if own_client and client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    return session.report


def _connect(distributed, scheduler: str | None, n_workers: int):
    """A client of the scheduler at ``scheduler``, or of a new local cluster: ``(client, cluster or None)``."""
    import logging

    if scheduler:
        try:
            return distributed.Client(scheduler, timeout="30s"), None
        except (OSError, TimeoutError) as exc:
            raise DaskUnavailable(f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from None
    # quiet: a local cluster is an implementation detail of this run
    for name in ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker"):
        logging.getLogger(name).setLevel(logging.ERROR)
    cluster = distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    try:
        client = distributed.Client(cluster)
    except BaseException:
        cluster.close()
        raise
    return client, cluster
