"""The graphkit pipeline as library functions; the CLI is a thin shell over these.

Stages: read articles (:mod:`graphkit.corpus`) -> parse and extract one record
per article (:mod:`graphkit.extract`) -> store (:mod:`graphkit.store`) ->
corpus resolution, once per store content (:mod:`graphkit.corpus_resolution`)
-> graph (:mod:`graphkit.graph`) -> exports and HTML view.

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
(1, ['db', 'gexf', 'graphml', 'json', 'records', 'summary', 'view'])
>>> ingest_paths([d], d / "out" / "graphkit.db").unchanged      # nothing parsed the second time
1

Every function reports problems (unreadable files, extraction failures)
through ``on_problem`` (a callable taking a :class:`graphkit.corpus.Problem`)
and in the returned :class:`RunReport`; a bad article never stops a run.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Union

from graphkit.corpus import Article, Problem, read_articles
from graphkit.workers import Lifeline, worker_start

__all__ = [
    "RunReport",
    "DictionaryError",
    "extract_paths",
    "write_records",
    "ingest_paths",
    "run",
    "extractor_version",
    "count_inputs",
    "ENGINES",
    "DEFAULT_DB",
    "OUTPUT_FILES",
]

PathLike = Union[str, os.PathLike]
OnProblem = Callable[[Problem], None]

#: Default store of ``ingest`` (in the current directory).
DEFAULT_DB = "graphkit.db"
#: The files :func:`run` writes into its output directory.
OUTPUT_FILES = {
    "records": "records.jsonl",
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "json": "graph.json",
    "view": "view.html",
    "summary": "summary.json",
}
#: Record fields dropped by :func:`write_records` unless ``full=True``.
HEAVY_FIELDS = frozenset({"mentions", "spans", "evidence_all", "country_guess", "trigger"})


@dataclass
class RunReport:
    """What happened in one run.

    ``read``: articles read; ``extracted``: articles parsed and extracted;
    ``skipped``: inputs the reader could not turn into an article (empty,
    binary, malformed...); ``warnings``: problems that did not stop an article
    (decoding fallback, duplicate id, over-long text); ``failed``: articles
    whose extraction raised an exception.  For ingestion: ``ingested`` (new
    articles stored), ``updated`` (changed text or extractor version),
    ``unchanged`` (already stored: not parsed again).  ``problems`` holds one
    line per problem as printed on stderr: ``FILE[:LINE]: skipped|warning: MESSAGE``.

    >>> r = RunReport(read=2, extracted=1, failed=1)
    >>> r.ok, r.counts()["failed"]
    (False, 1)
    """

    read: int = 0
    extracted: int = 0
    skipped: int = 0
    warnings: int = 0
    failed: int = 0
    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no input was skipped and no article failed."""
        return not (self.skipped or self.failed)

    def counts(self) -> dict[str, int]:
        """The counters as a dict (no problem messages)."""
        d = asdict(self)
        d.pop("problems")
        return d


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

class _Problems:
    """Counts problems into a report and passes them on to the caller's callback."""

    def __init__(self, report: RunReport, on_problem: OnProblem | None):
        self.report = report
        self.on_problem = on_problem
        self.progress: _Progress | None = None

    def _emit(self, p: Problem) -> None:
        self.report.problems.append(p.report_line())  # with its kind: summary.json keeps it
        if self.on_problem is not None:
            if self.progress is not None:
                self.progress.clear()  # the message on its own line, not through the bar
            self.on_problem(p)
            if self.progress is not None:
                self.progress.refresh()

    def reader(self, p: Problem) -> None:
        """Callback for :func:`read_articles`."""
        if p.skipped:
            self.report.skipped += 1
            if self.progress is not None:
                self.progress.update()
        else:
            self.report.warnings += 1
        self._emit(p)

    def extractor(self, where: str, message: str) -> None:
        """Callback for :func:`graphkit.extract.extract_records` (warnings)."""
        self.report.warnings += 1
        self._emit(Problem(where, None, message, skipped=False))

    def failure(self, article: Article, exc: BaseException | str) -> None:
        self.report.failed += 1
        if self.progress is not None:
            self.progress.update()
        where = article.path or article.id
        why = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
        msg = f"extraction failed for article {article.id!r}: {why}"
        self._emit(Problem(where, article.line, msg, skipped=True))


class _Progress:
    """A progress bar on stderr (tqdm): articles done, articles/s, ETA.

    Shown only when ``enabled`` and stderr is a terminal, so logs, pipes and
    CI output stay clean.  The total is an estimate (:func:`count_inputs`): one
    per text file, one per non-blank line of a JSON Lines file.
    """

    def __init__(self, enabled: bool, paths=None, desc: str = "ingest"):
        self.bar = None
        if not enabled or not _isatty(sys.stderr):
            return
        try:
            from tqdm import tqdm
        except ImportError:  # tqdm comes with spaCy; without it, no bar
            return
        total = count_inputs(paths) if paths is not None else None
        self.bar = tqdm(total=total or None, desc=desc, unit=" articles", file=sys.stderr,
                        dynamic_ncols=True, smoothing=0.05, mininterval=0.5)

    def update(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def clear(self) -> None:
        if self.bar is not None:
            self.bar.clear()

    def refresh(self) -> None:
        if self.bar is not None:
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            if self.bar.total and self.bar.n != self.bar.total:  # the estimate was off: end at 100 %
                self.bar.total = self.bar.n
                self.bar.refresh()
            self.bar.close()
            self.bar = None


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def count_inputs(paths) -> int:
    """A quick estimate of the articles in ``paths`` (for the progress bar's ETA).

    One per text file, one per non-blank line of a ``.jsonl``/``.json`` file;
    nothing is decoded or parsed.  Unreadable inputs count as one.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("One."); _ = (d / "b.jsonl").write_text('{"text": "x"}\\n\\n{"text": "y"}\\n')
    >>> count_inputs([d])
    3
    """
    from graphkit.corpus import JSON_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES

    walked = TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]

    def one_file(p: Path) -> int:
        if p.suffix.lower() not in JSONL_SUFFIXES | JSON_SUFFIXES:
            return 1
        n = 0
        try:
            with open(p, "rb") as f:
                for line in f:
                    if line.strip():
                        n += 1
        except OSError:
            return 1
        return max(n, 1)

    total = 0
    for p in paths:
        p = Path(p)
        try:
            if p.is_dir():
                for root, dirs, files in os.walk(p):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for name in files:
                        if not name.startswith(".") and Path(name).suffix.lower() in walked:
                            total += one_file(Path(root) / name)
            else:
                total += one_file(p)
        except OSError:
            total += 1
    return total


class DictionaryError(Exception):
    """The user dictionary (``--actors``) cannot be loaded; the message says why."""


def _load_dictionary(dictionary):
    """``(dictionary object, fingerprint)``; a path is loaded with ``graphkit.actors.dictionary``.

    The fingerprint (a hash of the file) goes into the extractor version stored
    with each record, so editing the dictionary makes ``ingest`` re-extract.
    An object passed in is used as is (fingerprint: its ``fingerprint``
    attribute if any).
    """
    if dictionary is None:
        return None, None
    if not isinstance(dictionary, (str, os.PathLike)):
        return dictionary, getattr(dictionary, "fingerprint", None) or "object"
    path = Path(dictionary)
    try:
        from graphkit.actors.dictionary import load_dictionary  # lazy: only with a dictionary
    except ModuleNotFoundError as exc:
        if exc.name not in ("graphkit.actors.dictionary", "graphkit.actors"):
            raise
        raise DictionaryError(
            f"{path}: user dictionaries (--actors) need graphkit.actors.dictionary, "
            "which this installation of graphkit does not have") from None
    except ImportError as exc:
        raise DictionaryError(f"{path}: user dictionaries (--actors) are not available: {exc}") from None
    if not path.is_file():
        raise DictionaryError(f"{path}: no such file (user dictionary)")
    try:
        data = path.read_bytes()
        obj = load_dictionary(path)
    except Exception as exc:  # noqa: BLE001 - any loader error is a bad input file
        msg = " ".join(str(exc).split())  # one line
        if str(path) not in msg:
            msg = f"{path}: cannot load the user dictionary: {msg}"
        raise DictionaryError(msg) from None
    return obj, hashlib.sha256(data).hexdigest()[:12]


#: The code and data that make a record: a change to any of them means re-extracting.
_RULE_SOURCES = ("extract.py", "pieces.py", "actors", "relations")


def rules_fingerprint() -> str:
    """A short hash of the extraction code and data (``extract.py``, ``pieces.py``,
    ``actors/``, ``relations/``).

    Part of the extractor version stored with each record, so a store notices
    when the extraction rules changed even if ``EXTRACTOR_VERSION`` was not
    bumped, and re-extracts.

    >>> len(rules_fingerprint())
    12
    """
    from graphkit.fingerprint import source_fingerprint

    return source_fingerprint(*_RULE_SOURCES)


def extractor_version(dictionary_fingerprint: str | None = None) -> str:
    """The version stored with each record: ``EXTRACTOR_VERSION+rules.<hash>[+dict.<hash>]``."""
    from graphkit.extract import EXTRACTOR_VERSION

    version = f"{EXTRACTOR_VERSION}+rules.{rules_fingerprint()}"
    if dictionary_fingerprint:
        version += f"+dict.{dictionary_fingerprint}"
    return version


def _model(model):
    """A loaded spaCy pipeline: ``model`` is a name/path (or None for the default) or a pipeline."""
    if model is None or isinstance(model, (str, os.PathLike)):
        from graphkit.nlp import load_model

        return load_model(None if model is None else str(model))
    return model


def _safe_extract(
    articles: Iterable[Article],
    *,
    model=None,
    dictionary=None,
    jobs: int = 1,
    batch_size: int = 32,
    problems: _Problems,
) -> Iterator[tuple[Article, dict]]:
    """:func:`extract_records` that survives an exception in one article.

    The model is loaded only when there is an article to parse.  On an
    exception, the articles fed to the parser but not yet returned are parsed
    again one at a time, so the failing one is named and the others are kept;
    then the stream goes on with the rest.
    """
    from graphkit.extract import extract_records

    it = iter(articles)
    first = next(it, None)
    if first is None:
        return
    nlp = _model(model)
    rest: Iterator[Article] = itertools.chain([first], it)

    fed: deque[Article] = deque()
    source_error: list[BaseException] = []

    def feed(source: Iterator[Article]) -> Iterator[Article]:
        while True:
            try:
                art = next(source)
            except StopIteration:
                return
            except BaseException as exc:  # the input itself failed (store, reader): not an article's fault
                source_error.append(exc)
                raise
            fed.append(art)
            yield art

    def one(art: Article) -> tuple[Article, dict] | None:
        try:
            # its warnings were reported when it was first fed: not again
            for a, rec in extract_records([art], nlp, dictionary=dictionary, batch_size=1,
                                          on_problem=lambda where, msg: None):
                return a, rec.to_dict()
        except Exception as exc:  # noqa: BLE001 - one article must not stop the run
            problems.failure(art, exc)
        return None

    while True:
        fed.clear()
        gen = extract_records(feed(rest), nlp, dictionary=dictionary, batch_size=batch_size,
                              n_process=jobs, on_problem=problems.extractor)
        try:
            for art, rec in gen:
                # input order is kept; with jobs > 1 `art` is a copy, so compare ids (unique in a run)
                while fed and fed[0].id != art.id:
                    fed.popleft()
                if fed:
                    fed.popleft()
                yield art, rec.to_dict()  # the store and the corpus stages read the JSON form
            return
        except Exception:  # noqa: BLE001 - find the culprit among the pending articles
            if source_error:
                raise
            pending = list(fed)
            if not pending:  # nothing was fed: the parser itself is broken
                raise
            gen.close()
            for art in pending:
                pair = one(art)
                if pair is not None:
                    yield pair
            # `rest` is the shared iterator: what was not fed yet is still in it


# --------------------------------------------------------------------------
# parallel extraction: parse *and* extract in worker processes
# --------------------------------------------------------------------------

_WORKER_DICTIONARIES: dict = {}


def _worker_dictionary(spec):
    """The user dictionary in a worker process, loaded once per process per (path, fingerprint)."""
    if spec is None:
        return None
    kind, value, fingerprint = spec
    if kind == "object":
        return value
    key = (value, fingerprint)
    if key not in _WORKER_DICTIONARIES:
        _WORKER_DICTIONARIES[key] = _load_dictionary(value)[0]
    return _WORKER_DICTIONARIES[key]


def _dictionary_spec(dictionary, dic, fingerprint):
    """What a worker needs to get the same user dictionary: a path to load, or the object itself."""
    if dic is None:
        return None
    if isinstance(dictionary, (str, os.PathLike)):
        return ("path", os.path.abspath(dictionary), fingerprint)
    return ("object", dic, fingerprint)


def extract_chunk(articles: list[Article], model=None, dictionary=None, batch_size: int = 32) -> list[tuple]:
    """Parse and extract a list of articles (in a worker process: a pool worker or a Dask worker).

    Returns, in input order, one ``(article_id, record_or_None, events)`` per
    article; ``events`` lists the problems met for it: ``("warning", Problem)``
    or ``("failure", message)``.  ``model`` is a name or path (loaded once per
    process) or a pipeline; ``dictionary`` a spec from :func:`_dictionary_spec`.
    The records are made by :func:`_safe_extract`, as in the main process, so
    they are identical; an article whose extraction raises fails alone.
    """
    dic = _worker_dictionary(dictionary)
    events: dict[str, list] = {a.id: [] for a in articles}
    where_to_id = {}
    for a in articles:
        w = a.path or a.id
        where_to_id.setdefault(f"{w}:{a.line}" if a.line else w, a.id)

    class Collect(_Problems):
        def extractor(self, where: str, message: str) -> None:
            aid = where_to_id.get(where, articles[0].id)
            events[aid].append(("warning", Problem(where, None, message, skipped=False)))

        def failure(self, article: Article, exc) -> None:
            events[article.id].append(("failure", f"{type(exc).__name__}: {exc}"))

    collect = Collect(RunReport(), None)
    records: dict[str, dict] = {}
    for art, rec in _safe_extract(list(articles), model=model, dictionary=dic, jobs=1,
                                  batch_size=batch_size, problems=collect):
        records[art.id] = rec
    return [(a.id, records.get(a.id), events[a.id]) for a in articles]


def replay_chunk(chunk: list[Article], results: list[tuple], problems: _Problems) -> Iterator[tuple[Article, dict]]:
    """The ``(article, record)`` pairs of an :func:`extract_chunk` result, its problems reported."""
    by_id = {a.id: a for a in chunk}
    for aid, rec, events in results:
        art = by_id[aid]
        for kind, ev in events:
            if kind == "warning":
                problems.extractor(str(ev.path), ev.message)
            else:
                problems.failure(art, ev)
        if rec is not None:
            yield art, rec


_POOL_MODEL = None  # the pipeline inherited by forked pool workers


def _pool_init(model, lifeline_args) -> None:
    global _POOL_MODEL
    worker_start(*lifeline_args)  # the worker dies with this process, however this process dies
    if model is not None:
        _POOL_MODEL = model


def _pool_chunk(articles, model, dictionary, batch_size):
    return extract_chunk(articles, _POOL_MODEL if model is None else model, dictionary, batch_size)


def _pool_extract(
    articles: Iterable[Article],
    *,
    model=None,
    dictionary_spec=None,
    jobs: int,
    batch_size: int = 32,
    problems: _Problems,
) -> Iterator[tuple[Article, dict]]:
    """:func:`_safe_extract` over ``jobs`` worker processes that parse *and* extract.

    Articles go to the workers in chunks of ``batch_size``; each worker runs
    ``nlp.pipe`` and the extraction and sends back only the records (small),
    not the parsed documents, so this process only reads and stores.  At most
    ``2 * jobs`` chunks are in flight (memory stays bounded) and the output
    keeps the input order.  The model is loaded here once and inherited by the
    workers (fork); where fork is not available, each worker loads it by name.
    """
    import concurrent.futures as cf
    import multiprocessing as mp

    it = iter(articles)
    first = next(it, None)
    if first is None:
        return
    nlp = _model(model)  # loaded before the workers start: they inherit it, and a missing model fails here
    try:
        ctx = mp.get_context("fork")
        init_model, task_model = nlp, None
    except ValueError:  # no fork (Windows, macOS defaults): workers load the model by name
        ctx = mp.get_context()
        if model is not None and not isinstance(model, (str, os.PathLike)):
            raise TypeError("--jobs > 1 without fork needs a model name, not a loaded pipeline") from None
        init_model, task_model = None, (None if model is None else str(model))
    window = 2 * jobs
    chunks = _chunks(itertools.chain([first], it), batch_size)
    lifeline = Lifeline(ctx)
    try:
        with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_pool_init,
                                    initargs=(init_model, lifeline.worker_args())) as pool:
            inflight: deque = deque()
            try:
                for chunk in chunks:
                    inflight.append((chunk, pool.submit(_pool_chunk, chunk, task_model, dictionary_spec,
                                                        batch_size)))
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


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for x in items:
        chunk.append(x)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_stream(articles, *, model, dictionary, dictionary_spec, jobs, batch_size, problems):
    """Records of ``articles`` in input order: in this process (jobs 1) or in ``jobs`` worker processes."""
    if jobs > 1:
        return _pool_extract(articles, model=model, dictionary_spec=dictionary_spec, jobs=jobs,
                             batch_size=batch_size, problems=problems)
    return _safe_extract(articles, model=model, dictionary=dictionary, jobs=1, batch_size=batch_size,
                         problems=problems)


def _read(paths, problems: _Problems) -> Iterator[Article]:
    for art in read_articles(paths, on_problem=problems.reader):
        problems.report.read += 1
        yield art


# --------------------------------------------------------------------------
# extraction
# --------------------------------------------------------------------------

def extract_paths(
    paths: PathLike | Iterable[PathLike],
    *,
    model=None,
    dictionary=None,
    jobs: int = 1,
    on_problem: OnProblem | None = None,
    batch_size: int = 32,
) -> tuple[list[dict], RunReport]:
    """Read the articles in ``paths``, extract a record from each, resolve them across the corpus.

    ``model``: spaCy pipeline name or path (default: see :mod:`graphkit.nlp`),
    or an already loaded pipeline.  ``dictionary``: a user dictionary file
    (loaded with ``graphkit.actors.dictionary.load_dictionary``) or object.
    ``jobs``: parser processes.  Returns ``(records, report)``: the records
    resolved by :func:`graphkit.corpus_resolution.resolve_corpus`, in input
    order, in their JSON form (:meth:`graphkit.records.Record.to_dict`, what
    :func:`write_records` writes).

    Raises :class:`graphkit.nlp.ModelNotFound` when there is an article to
    parse and no model, :class:`DictionaryError` for a bad dictionary.
    """
    report = RunReport()
    problems = _Problems(report, on_problem)
    dic, fingerprint = _load_dictionary(dictionary)
    records = []
    for _art, rec in _extract_stream(_read(paths, problems), model=model, dictionary=dic,
                                     dictionary_spec=_dictionary_spec(dictionary, dic, fingerprint),
                                     jobs=jobs, batch_size=batch_size, problems=problems):
        report.extracted += 1
        records.append(rec)
    from graphkit.corpus_resolution import resolve_corpus

    return [rec.to_dict() for rec in resolve_corpus(records).records], report


def _strip(obj: dict) -> dict:
    return {k: v for k, v in obj.items() if k not in HEAVY_FIELDS}


def output_record(record: dict, *, full: bool = False) -> dict:
    """A record as written by :func:`write_records`.

    Without ``full``, drops ``mentions``, ``spans``, ``evidence_all``,
    ``country_guess`` and ``trigger``; everything else (``doc``, ``title``,
    ``date``, actors' ``name/type/country/aliases/roles``, meetings'
    ``participants/kind/status/location/date/date_iso/hub/evidence``,
    ``relations``) is kept.

    >>> output_record({"doc": "a", "actors": [{"name": "X", "mentions": [[0, 1, 0]]}],
    ...                "meetings": [{"kind": "call", "spans": [[0, 9]], "trigger": "called"}]})
    {'doc': 'a', 'actors': [{'name': 'X'}], 'meetings': [{'kind': 'call'}]}
    """
    if full:
        return record
    out = _strip(record)
    for key in ("actors", "meetings", "relations"):
        items = record.get(key)
        if isinstance(items, list):
            out[key] = [_strip(x) if isinstance(x, dict) else x for x in items]
    return out


def write_records(records: Iterable[dict], path: PathLike, *, full: bool = False) -> int:
    """Write ``records`` as JSON Lines (one record a line, UTF-8); returns the count.

    The file is the format read by the evaluation scorer (``doc``, ``actors``,
    ``meetings``) plus roles, status, normalized dates and hubs; ``full=True``
    keeps every field (mentions, spans...).  ``path`` ``"-"`` writes to stdout.
    A file is written to a temporary name and renamed, so a failed run does
    not leave half a file.
    """
    if str(path) == "-":
        n = 0
        for rec in records:
            sys.stdout.write(json.dumps(output_record(rec, full=full), ensure_ascii=False) + "\n")
            n += 1
        sys.stdout.flush()
        return n
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as f:
            for rec in records:
                f.write(json.dumps(output_record(rec, full=full), ensure_ascii=False) + "\n")
                n += 1
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return n


# --------------------------------------------------------------------------
# ingestion
# --------------------------------------------------------------------------

#: Engines of :func:`ingest_paths`: ``local`` (spaCy in this process, ``jobs``
#: parser processes) and ``dask`` (a Dask cluster, see :mod:`graphkit.engines.dask_engine`).
ENGINES = ("local", "dask")


def ingest_paths(
    paths: PathLike | Iterable[PathLike],
    db: PathLike = DEFAULT_DB,
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
) -> RunReport:
    """Read the articles in ``paths`` and store each with its record in the store ``db``.

    Articles already stored with the same content and extractor version are
    ``unchanged`` and not parsed again (``force=True`` re-extracts them); only
    new and changed articles go through the parser.  The extractor version
    (:func:`extractor_version`) is ``graphkit.extract.EXTRACTOR_VERSION`` plus a
    hash of the extraction code and data and of the user dictionary file, so
    changed rules or a changed dictionary re-extract; a different spaCy model
    does not (use ``force``).  Each article is stored in
    its own transaction, so a crash loses at most the article in flight.  At
    the end the store's corpus resolution is made for its new content and kept
    (:meth:`graphkit.store.Store.keep_resolution`), so the graph and the queries
    read it as it is.

    Ingestion streams: articles are read, parsed (``nlp.pipe`` in batches of
    ``batch_size``, ``jobs`` processes), stored and released one by one, so
    memory does not grow with the corpus.  ``progress=True`` shows a progress
    bar on stderr when it is a terminal.

    ``engine="dask"`` runs the parsing and extraction on a Dask cluster
    (``scheduler``: its address, e.g. ``tcp://host:8786``; None starts a local
    cluster of ``n_workers`` processes), in partitions of ``partition_size``
    articles; the store stays in this process and the records are the same.
    See :func:`graphkit.engines.dask_engine.ingest_dask`.

    ``db`` is a path or an open :class:`graphkit.store.Store`.  Raises
    :class:`graphkit.store.StoreError` when the store cannot be opened and
    :class:`graphkit.nlp.ModelNotFound` when an article needs parsing and
    there is no model, :class:`DictionaryError` for a bad dictionary.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
    from graphkit.store import Store

    own = not isinstance(db, Store)
    store = Store(db) if own else db
    try:
        if engine == "dask":
            from graphkit.engines.dask_engine import ingest_dask

            report = ingest_dask(paths, store, model=model, dictionary=dictionary, scheduler=scheduler,
                                 n_workers=n_workers, partition_size=partition_size, batch_size=batch_size,
                                 on_problem=on_problem, force=force, progress=progress)
        else:
            report = _ingest_local(store, paths, model=model, dictionary=dictionary, jobs=jobs,
                                   on_problem=on_problem, force=force, batch_size=batch_size, progress=progress)
        store.keep_resolution()  # made once for the new content, kept for every reader
    finally:
        if own:
            store.close()
    return report


def _ingest_local(store, paths, *, model, dictionary, jobs, on_problem, force, batch_size, progress) -> RunReport:
    import sqlite3

    from graphkit.store import StoreError

    report = RunReport()
    problems = _Problems(report, on_problem)
    dic, fingerprint = _load_dictionary(dictionary)
    version = extractor_version(fingerprint)
    problems.progress = _Progress(progress, paths)
    try:
        _ingest(store, paths, version, report, problems, model=model, dictionary=dic, jobs=jobs,
                force=force, batch_size=batch_size,
                dictionary_spec=_dictionary_spec(dictionary, dic, fingerprint))
    except sqlite3.Error as exc:  # disk full, locked for too long...: every later article would fail too
        raise StoreError(f"{store.path}: {exc}") from exc
    finally:
        problems.progress.close()
        problems.progress = None
    return report


def _todo(store, paths, version, report, problems, force) -> Iterator[Article]:
    """The articles of ``paths`` that need parsing (new or changed, or all with ``force``), streamed."""
    for art in _read(paths, problems):
        if not force and store.status(art, version) == "unchanged":
            report.unchanged += 1
            if problems.progress is not None:
                problems.progress.update()
            continue
        yield art


def _store_one(store, art: Article, rec: dict, version: str, report: RunReport, problems: _Problems,
               force: bool) -> None:
    """Put one article and its record into the store (its own transaction) and count it."""
    report.extracted += 1
    forced = force and store.status(art, version) == "unchanged"
    if forced:  # put() writes nothing when content and version are equal: drop it first
        store.delete(art.id)
    try:
        status = store.put(art, rec, version)
    except (TypeError, ValueError) as exc:  # a record that cannot be stored: this article only
        problems.failure(art, exc)
        return
    if problems.progress is not None:
        problems.progress.update()
    if forced:
        status = "changed"
    if status == "new":
        report.ingested += 1
    elif status == "changed":
        report.updated += 1
    else:
        report.unchanged += 1


def _ingest(store, paths, version, report, problems, *, model, dictionary, jobs, force,
            batch_size: int = 32, dictionary_spec=None) -> None:
    """Feed the new and changed articles through the parser; one transaction per article.

    Nothing is collected: :func:`_todo` is a generator read by ``nlp.pipe`` as
    it needs input, and each record is stored as soon as it comes out.
    """
    todo = _todo(store, paths, version, report, problems, force)
    for art, rec in _extract_stream(todo, model=model, dictionary=dictionary, dictionary_spec=dictionary_spec,
                                    jobs=jobs, batch_size=batch_size, problems=problems):
        _store_one(store, art, rec, version, report, problems, force)


# --------------------------------------------------------------------------
# the main job
# --------------------------------------------------------------------------

def _check_writable(directory: Path) -> None:
    """Raise ``OSError`` (naming the directory) unless a file can be created in it.

    A real probe, not ``os.access``: root passes ``os.access`` on read-only
    directories and file systems.
    """
    import tempfile

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
) -> dict[str, Any]:
    """Articles in, graph files out: ingest, build the graph, write everything.

    Ingests ``paths`` into the store ``db`` (default ``outdir/graphkit.db``;
    articles stored by an earlier run are kept and not parsed again), builds
    the graph of everything in the store from its corpus resolution and
    writes into ``outdir``: ``records.jsonl`` (the resolved records, see
    :func:`write_records`), ``graph.graphml``,
    ``graph.gexf``, ``graph.json`` (:func:`graphkit.export.write_all`),
    ``view.html`` (:func:`graphkit.view.render.render_html`) and
    ``summary.json``.  Returns the summary: :func:`graphkit.graph.summary`
    plus ``run`` (the :class:`RunReport` counts), ``problems`` and ``outputs``
    (name -> path).
    """
    from graphkit.export import write_all
    from graphkit.graph import graph_from_resolution
    from graphkit.graph import summary as graph_summary
    from graphkit.view.render import render_html

    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    _check_writable(outdir)  # before hours of parsing, not after
    db = outdir / "graphkit.db" if db is None else Path(db)

    from graphkit.store import Store

    with Store(db) as store:  # one connection for writing and reading back
        report = ingest_paths(paths, store, model=model, dictionary=dictionary, jobs=jobs,
                              on_problem=on_problem, force=force, progress=progress,
                              engine=engine, scheduler=scheduler, batch_size=batch_size)
        resolution = store.resolution()  # made by ingest_paths: read back
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
    tmp = Path(outputs["summary"] + ".tmp")
    tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, outputs["summary"])
    return summary
