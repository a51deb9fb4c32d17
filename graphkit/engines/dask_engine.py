"""Ingestion on a Dask cluster: ``graphkit ingest --engine dask [--scheduler ADDRESS]``.

The client (this process) reads the articles as a stream, skips those already
in the store unchanged, and sends the new and changed ones to the workers in
partitions (lists of :class:`graphkit.corpus.Article`).  Each worker loads the
spaCy model once (:func:`graphkit.nlp.load_model` caches it per process) and
returns one record per article, made by the same code as the local engine
(:func:`graphkit.pipeline._safe_extract`), so the records are identical.  The
client writes them into the store, one transaction per article: the store
never leaves this process and workers need no access to it (nor to the input
files).

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
from collections.abc import Iterable, Iterator

from graphkit.corpus import Article

__all__ = ["ingest_dask", "extract_partition", "DEFAULT_PARTITION_SIZE"]

#: Articles sent to a worker at a time.
DEFAULT_PARTITION_SIZE = 64
#: Workers of the local cluster started without a scheduler address.
DEFAULT_WORKERS = 2


class DaskUnavailable(RuntimeError):
    """dask.distributed is not installed (message says how to install it)."""


def _import_distributed():
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise DaskUnavailable(
            "--engine dask needs dask.distributed: pip install 'dask[distributed]' "
            "(or pip install 'graphkit[dask]')") from None
    import distributed

    return distributed


# --------------------------------------------------------------------------
# worker side
# --------------------------------------------------------------------------

def extract_partition(articles: list[Article], model: str | None = None, dictionary=None,
                      batch_size: int = 32) -> list[tuple]:
    """Run on a worker: the records of a partition of articles.

    :func:`graphkit.pipeline.extract_chunk`: one ``(article_id, record_or_None,
    events)`` per article, in input order.  The model is loaded once per
    worker process (:func:`graphkit.nlp.load_model` is cached per process).
    """
    from graphkit.pipeline import extract_chunk

    return extract_chunk(articles, model, dictionary, batch_size)


def _warm(model: str | None) -> str:
    """Run on each worker once: load the model now (fail early if it is missing); the worker's extractor version."""
    from graphkit.nlp import load_model
    from graphkit.pipeline import extractor_version

    load_model(model)
    return extractor_version()


# --------------------------------------------------------------------------
# client side
# --------------------------------------------------------------------------

def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    part: list[Article] = []
    for art in articles:
        part.append(art)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def _model_name(model):
    if model is None or isinstance(model, (str, os.PathLike)):
        return None if model is None else str(model)
    raise TypeError("--engine dask needs a model name or path (workers load it), not a loaded pipeline")


def ingest_dask(
    paths,
    db,
    *,
    scheduler: str | None = None,
    n_workers: int | None = None,
    partition_size: int | None = None,
    model=None,
    dictionary=None,
    dictionary_path=None,
    batch_size: int = 32,
    window: int | None = None,
    on_problem=None,
    force: bool = False,
    progress: bool = False,
    client=None,
):
    """:func:`graphkit.pipeline.ingest_paths` with the extraction on a Dask cluster.

    ``scheduler``: address of a running scheduler (``tcp://host:8786``); None
    starts a ``LocalCluster(n_workers, threads_per_worker=1, processes=True)``
    for this run.  ``client``: an existing ``distributed.Client`` to use
    instead.  ``partition_size``: articles per task (default
    :data:`DEFAULT_PARTITION_SIZE`); ``window``: partitions in flight at most
    (default twice the number of workers).  ``model``: a model name or path,
    loaded by each worker.  ``dictionary`` (or ``dictionary_path``): a user
    dictionary file, loaded by each worker.  Returns the
    :class:`graphkit.pipeline.RunReport`; the store holds exactly what the
    local engine would have stored.
    """
    import sqlite3

    from graphkit.pipeline import (
        RunReport, _dictionary_spec, _load_dictionary, _Problems, _Progress, _store_one, _todo,
        extractor_version, replay_chunk,
    )
    from graphkit.store import Store, StoreError

    distributed = _import_distributed()
    if dictionary is None:
        dictionary = dictionary_path
    model_name = _model_name(model)
    partition_size = max(1, int(partition_size or DEFAULT_PARTITION_SIZE))

    report = RunReport()
    problems = _Problems(report, on_problem)
    dic, fingerprint = _load_dictionary(dictionary)  # checked here: a bad file fails before any cluster
    version = extractor_version(fingerprint)
    dic_spec = _dictionary_spec(dictionary, dic, fingerprint)

    own_store = not isinstance(db, Store)
    store = Store(db) if own_store else db
    cluster = None
    own_client = client is None
    problems.progress = None
    try:
        todo = _todo(store, paths, version, report, problems, force)
        parts = _partitions(todo, partition_size)
        first = next(parts, None)  # no cluster at all when nothing needs parsing
        if first is None:
            return report
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
        problems.progress = _Progress(progress, paths, desc="ingest (dask)")
        problems.progress.update(report.unchanged + report.skipped)

        pending: dict = {}  # future -> the partition's articles (the client keeps the originals)
        ac = distributed.as_completed()

        def submit(part: list[Article]) -> None:
            fut = client.submit(extract_partition, part, model_name, dic_spec, batch_size, pure=False)
            pending[fut] = part
            ac.add(fut)

        def collect(fut) -> None:
            part = pending.pop(fut)
            results = fut.result()  # re-raises a worker error (e.g. ModelNotFound)
            fut.release()
            for art, rec in replay_chunk(part, results, problems):
                _store_one(store, art, rec, version, report, problems, force)

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
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: {exc}") from exc
    finally:
        if problems.progress is not None:
            problems.progress.close()
            problems.progress = None
        if own_client and client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        if own_store:
            store.close()
    return report


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
