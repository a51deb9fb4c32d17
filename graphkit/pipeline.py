"""The graphkit jobs as library functions; the CLI is a thin shell over these.

Stages: read articles (:mod:`graphkit.corpus`) -> parse and extract one record
per article (:mod:`graphkit.extract`, run by :mod:`graphkit.ingest`) -> store
(:mod:`graphkit.store`) -> corpus resolution, once per store content
(:mod:`graphkit.corpus_resolution`) -> graph (:mod:`graphkit.graph`) ->
exports and HTML view.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Foreign Minister Anna Berg met Karl Holm in Oslo on Monday.")
>>> records, report = extract_paths([d])
>>> report.read, report.extracted, report.failed
(1, 1, 0)
>>> records[0]["meetings"][0]["participants"]
['Anna Berg', 'Karl Holm']
>>> write_records(records, d / "records.jsonl")
1
>>> summary = run([d], d / "out")
>>> summary["run"]["ingested"], sorted(summary["outputs"])
(1, ['db', 'edges', 'gexf', 'graphml', 'json', 'nodes', 'records', 'summary', 'view'])
>>> ingest_paths([d], d / "out" / "graphkit.db").unchanged      # nothing parsed the second time
1

Every function reports problems (unreadable files, extraction failures)
through ``on_problem`` (a callable taking a :class:`graphkit.corpus.Problem`)
and in the returned :class:`graphkit.ingest.RunReport`; a bad article never
stops a run.
"""
from __future__ import annotations

import gc
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graphkit.corpus_resolution import resolve_corpus
from graphkit.engines.dask_engine import ingest_dask
from graphkit.ingest import (
    OnProblem, PathLike, ProblemLog, RunReport, dictionary_spec, extract_stream, freeze_long_lived, ingest_local,
    open_user_dictionary, read_counted,
)
from graphkit.outputs import atomic_write
from graphkit.readers import ReadOptions, Sources
from graphkit.records_file import write_records
from graphkit.store import Store, StoreError

__all__ = ["extract_paths", "ingest_paths", "run", "write_records", "ENGINES", "DEFAULT_DB", "OUTPUT_FILES",
           "NoInputRead", "remove_store_files"]

#: Default store of ``ingest`` (in the current directory).
DEFAULT_DB = "graphkit.db"
#: The files :func:`run` writes into its output directory.
OUTPUT_FILES = {
    "records": "records.jsonl",
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "json": "graph.json",
    "nodes": "nodes.csv",
    "edges": "edges.csv",
    "view": "view.html",
    "summary": "summary.json",
}


class NoInputRead(Exception):
    """No article could be read from the inputs (``run(..., require_input=True)``): nothing was written.

    ``report`` is the :class:`graphkit.ingest.RunReport` of the attempt (its problems say why).
    """

    def __init__(self, report: RunReport):
        super().__init__("no article could be read from the inputs")
        self.report = report


def remove_store_files(db: PathLike) -> None:
    """Remove a store file and the journal files SQLite keeps beside it (a store just created for nothing)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{db}{suffix}")
        except FileNotFoundError:
            pass


#: Engines of :func:`ingest_paths`: ``local`` (spaCy in this process, ``jobs``
#: parser processes) and ``dask`` (a Dask cluster, see :mod:`graphkit.engines.dask_engine`).
ENGINES = ("local", "dask")


def extract_paths(
    paths: PathLike | Iterable[PathLike],
    *,
    model=None,
    dictionary=None,
    jobs: int = 1,
    on_problem: OnProblem | None = None,
    batch_size: int = 32,
    read_options: ReadOptions | None = None,
) -> tuple[list[dict], RunReport]:
    """Read the articles in ``paths``, extract a record from each, resolve them across the corpus.

    ``model``: spaCy pipeline name or path (default: see :mod:`graphkit.nlp`),
    or an already loaded pipeline.  ``dictionary``: a user dictionary file
    (loaded with ``graphkit.actors.dictionary.load_dictionary``) or object.
    ``jobs``: parser processes.  ``read_options``: how to read the inputs
    (:class:`graphkit.readers.ReadOptions`).  Returns ``(records, report)``: the records
    resolved by :func:`graphkit.corpus_resolution.resolve_corpus`, in input
    order, in their JSON form (:meth:`graphkit.records.Record.to_dict`, what
    :func:`write_records` writes).

    Raises :class:`graphkit.nlp.ModelNotFound` when there is an article to
    parse and no model, :class:`graphkit.actors.dictionary.DictionaryError`
    for a bad dictionary.
    """
    report = RunReport()
    problems = ProblemLog(report, on_problem)
    entries, fingerprint = open_user_dictionary(dictionary)
    extracted = []
    sources = Sources(paths, read_options)
    frozen = False
    try:
        for _art, rec in extract_stream(read_counted(sources, problems), model=model, dictionary=entries,
                                        spec=dictionary_spec(dictionary, entries, fingerprint), jobs=jobs,
                                        batch_size=batch_size, problems=problems):
            frozen = frozen or freeze_long_lived()  # at the first record: the model is loaded by then
            report.extracted += 1
            extracted.append(rec)
    finally:
        if frozen:
            gc.unfreeze()
    return [rec.to_dict() for rec in resolve_corpus(extracted).records], report


def _ingest(store: Store, paths, *, engine: str, jobs: int, scheduler, n_workers, partition_size,
            before_resolution=None, **options) -> RunReport:
    """Ingest ``paths`` into the open ``store`` with ``engine`` (``options``: what both engines take),
    then (after ``before_resolution(store)``, if given) keep the corpus resolution of the store's new content."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
    try:
        with store.deferred_sync():  # the disk is flushed once at the end, not after every article
            if engine == "dask":
                report = ingest_dask(paths, store, scheduler=scheduler, n_workers=n_workers,
                                     partition_size=partition_size, **options)
            else:
                report = ingest_local(store, paths, jobs=jobs, **options)
        if before_resolution is not None:
            before_resolution(store)
        store.keep_resolution()
    except sqlite3.Error as exc:  # disk full, locked for too long...: every later article would fail too
        raise StoreError(f"{store.path}: {exc}") from exc
    return report


def ingest_paths(
    paths: PathLike | Iterable[PathLike],
    db: PathLike | Store = DEFAULT_DB,
    *,
    model=None,
    dictionary=None,
    jobs: int = 1,
    on_problem: OnProblem | None = None,
    force: bool = False,
    batch_size: int = 32,
    progress: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    n_workers: int | None = None,
    partition_size: int | None = None,
    read_options: ReadOptions | None = None,
) -> RunReport:
    """Read the articles in ``paths`` and store each with its record in the store ``db``.

    Articles already stored with the same content and extractor version are
    ``unchanged`` and not parsed again (``force=True`` re-extracts them); only
    new and changed articles go through the parser.  The extractor version
    (:func:`graphkit.ingest.extractor_version`) is
    ``graphkit.extract.EXTRACTOR_VERSION`` plus a hash of the extraction code
    and data and of the user dictionary file, so changed rules or a changed
    dictionary re-extract; a different spaCy model does not (use ``force``).
    Each article is stored in its own transaction, so a crash loses at most
    the article in flight.  At the end the store's corpus resolution is made
    for its new content and kept (:meth:`graphkit.store.Store.keep_resolution`),
    so the graph and the queries read it as it is.

    Ingestion streams: articles are read, parsed (``nlp.pipe`` in batches of
    ``batch_size``, ``jobs`` processes), stored and released one by one, so
    memory does not grow with the corpus.  ``progress=True`` shows a progress
    bar on stderr when it is a terminal.

    ``engine="dask"`` runs the parsing and extraction on a Dask cluster
    (``scheduler``: its address, e.g. ``tcp://host:8786``; None starts a local
    cluster of ``n_workers`` processes), in partitions of ``partition_size``
    articles; the store stays in this process and the records are the same.
    See :func:`graphkit.engines.dask_engine.ingest_dask`.

    ``read_options``: how to read the inputs (:class:`graphkit.readers.ReadOptions`).

    ``db`` is a path or an open :class:`graphkit.store.Store`.  Raises
    :class:`graphkit.store.StoreError` when the store cannot be opened and
    :class:`graphkit.nlp.ModelNotFound` when an article needs parsing and
    there is no model, :class:`graphkit.actors.dictionary.DictionaryError` for
    a bad dictionary.
    """
    own = not isinstance(db, Store)
    store = Store(db) if own else db
    try:
        report = _ingest(store, Sources(paths, read_options), model=model, dictionary=dictionary, jobs=jobs,
                         on_problem=on_problem, force=force, batch_size=batch_size, progress=progress,
                         engine=engine, scheduler=scheduler, n_workers=n_workers, partition_size=partition_size)
    finally:
        if own:
            store.close()
    return report


def _check_writable(directory: Path) -> None:
    """Raise ``OSError`` (naming the directory) unless a file can be created in it.

    A real probe, not ``os.access``: root passes ``os.access`` on read-only
    directories and file systems.
    """
    try:
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".graphkit-probe-"):
            pass
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write into the output directory ({exc.strerror or exc})",
                      str(directory)) from None


def run(
    paths: PathLike | Iterable[PathLike],
    outdir: PathLike,
    *,
    db: PathLike | None = None,
    model=None,
    dictionary=None,
    jobs: int = 1,
    top: int = 10,
    on_problem: OnProblem | None = None,
    force: bool = False,
    progress: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = 32,
    fresh: bool = False,
    read_options: ReadOptions | None = None,
    require_input: bool = False,
) -> dict[str, Any]:
    """Articles in, graph files out: ingest, build the graph, write everything.

    Ingests ``paths`` into the store ``db`` (default ``outdir/graphkit.db``;
    articles stored by an earlier run are kept and not parsed again), builds
    the graph of everything in the store from its corpus resolution and
    writes into ``outdir``: ``records.jsonl`` (the resolved records, see
    :func:`write_records`), ``graph.graphml``, ``graph.gexf``, ``graph.json``
    (:func:`graphkit.export.write_all`), ``view.html``
    (:func:`graphkit.view.render.render_html`) and ``summary.json``.  Returns
    the summary: :func:`graphkit.graph.summary` plus ``run`` (the
    :class:`graphkit.ingest.RunReport` counts), ``problems`` and ``outputs``
    (name -> path) and ``store``: the articles the store holds (``articles``),
    those this run read (``read_now``), the others (``other``: from earlier runs)
    and those ``fresh`` removed (``removed``).

    ``fresh=True`` starts over: after this run's articles are stored, every
    other article is removed from the store (so the articles stored unchanged
    are not parsed again, and an interrupted run leaves the old store whole).
    ``read_options``: how to read the inputs (:class:`graphkit.readers.ReadOptions`).
    ``require_input=True``: when no article can be read at all, write nothing
    (a store and a folder this call created are removed again) and raise
    :class:`NoInputRead`.
    """
    # imported here, not with the module: ingesting alone needs neither networkx nor the view
    from graphkit.export import write_all
    from graphkit.graph import graph_from_resolution
    from graphkit.graph import summary as graph_summary
    from graphkit.view.render import render_html

    outdir = Path(outdir)
    new_dir = not outdir.exists()
    outdir.mkdir(parents=True, exist_ok=True)
    _check_writable(outdir)  # before hours of parsing, not after
    db = outdir / "graphkit.db" if db is None else Path(db)
    new_db = not db.exists()

    sources = Sources(paths, read_options)  # collects the ids of the articles read
    removed: list[str] = []

    def drop_others(store: Store) -> None:
        if fresh:
            for article_id in sorted(store.article_ids() - sources.ids):
                if store.delete(article_id):
                    removed.append(article_id)

    with Store(db) as store:  # one connection for writing and reading back
        report = _ingest(store, sources, model=model, dictionary=dictionary, jobs=jobs, on_problem=on_problem,
                         force=force, batch_size=batch_size, progress=progress, engine=engine,
                         scheduler=scheduler, n_workers=None, partition_size=None, before_resolution=drop_others)
        nothing_read = require_input and report.read == 0
        if not nothing_read:
            held = store.article_ids()
            resolution = store.resolution()
    if nothing_read:
        if new_db:
            remove_store_files(db)
        if new_dir:
            try:
                outdir.rmdir()
            except OSError:  # not empty after all: leave it
                pass
        raise NoInputRead(report)
    G = graph_from_resolution(resolution)

    outputs: dict[str, str] = {"db": str(db)}
    outputs["records"] = str(outdir / OUTPUT_FILES["records"])
    write_records((rec.to_dict() for rec in resolution.records), outputs["records"])
    del resolution
    for key, p in write_all(G, outdir).items():
        outputs[key] = str(p)
    outputs["view"] = str(render_html(G, outdir / OUTPUT_FILES["view"], title="graphkit: actor graph"))
    outputs["summary"] = str(outdir / OUTPUT_FILES["summary"])

    summary = graph_summary(G, top=top)
    summary["top_degree"] = [list(x) for x in summary["top_degree"]]
    summary["top_mentions"] = [list(x) for x in summary["top_mentions"]]
    summary["run"] = report.counts()
    summary["problems"] = list(report.problems)
    summary["outputs"] = outputs
    read_now = len(held & sources.ids)
    summary["store"] = {"articles": len(held), "read_now": read_now, "other": len(held) - read_now,
                        "removed": len(removed)}
    with atomic_write(outputs["summary"]) as f:
        f.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    return summary
