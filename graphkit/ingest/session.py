"""The read -> extract -> store loop, the same for every engine.

An :class:`IngestSession` is the bookkeeping of one ingest into a store: its
report and problems, the extractor version, the user dictionary.  Every engine
takes the articles to parse from :meth:`IngestSession.articles_to_parse` and
hands each record to :meth:`IngestSession.store_record`; engines differ only in
where the parsing happens: :func:`ingest_local` (this process, or ``jobs``
worker processes) and :func:`graphkit.engines.dask_engine.ingest_dask` (a Dask
cluster).

>>> import pathlib, tempfile
>>> from graphkit.store import Store
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Foreign Minister Anna Berg met Karl Holm in Oslo on Monday.")
>>> with Store(d / "g.db") as store:
...     first, again = ingest_local(store, [d]), ingest_local(store, [d])
>>> (first.ingested, first.unchanged), (again.ingested, again.unchanged)
((1, 0), (0, 1))
"""
from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from graphkit.corpus import JSON_SUFFIXES, JSONL_SUFFIXES, TABLE_SUFFIXES, Article, Problem, Sources, read_articles
from graphkit.ingest.extraction import extract_safely, freeze_long_lived
from graphkit.ingest.pool import pool_extract
from graphkit.ingest.report import OnProblem, PathLike, ProblemLog, ProgressBar, RunReport
from graphkit.ingest.versions import DictionarySpec, dictionary_spec, extractor_version, open_user_dictionary
from graphkit.inputs import clean_article, human_size, input_refusal, is_graphkit_output, max_input_bytes
from graphkit.outputs import forget_inputs, note_input
from graphkit.records import Record
from graphkit.store import Store

__all__ = ["IngestSession", "read_counted", "extract_stream", "ingest_local"]


def read_counted(paths: PathLike | Iterable[PathLike], problems: ProblemLog) -> Iterator[Article]:
    """The articles of ``paths`` (:func:`graphkit.corpus.read_articles`), counted as read in ``problems.report``.

    On the way in (:mod:`graphkit.inputs`): a named input that is not
    a regular file (a FIFO, ``/dev/zero``) or a text file over the size limit
    is reported skipped, not read (an article over the limit that a reader
    read all the same, in a walked folder or a JSON line, is skipped before parsing); the files a ``graphkit run`` wrote are not
    read back as articles; every file read is noted as an input (no output may
    be written over it); control characters are cleaned out of every article
    (a warning says how many).
    """
    sources = paths if isinstance(paths, Sources) else None  # the reading options and the ids read (--fresh)
    paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    forget_inputs()  # a new job: the inputs of an earlier one (in a notebook, say) may be written again
    named = []
    limit = max_input_bytes()
    for p in paths:
        suffix = Path(p).suffix.lower()
        many = JSONL_SUFFIXES | JSON_SUFFIXES | TABLE_SUFFIXES  # one article a line or row: no size limit for the file
        why = input_refusal(p, limit=None if suffix in many else limit)
        if why is not None and not Path(p).is_dir():
            problems.reader(Problem(str(p), None, why, skipped=True))
            continue
        named.append(p)

    def reader_problem(p: Problem) -> None:
        if not is_graphkit_output(p.path):
            problems.reader(p)

    last_path, skip = None, False
    if sources is not None:
        named = Sources(named, sources.options)
        named.ids = sources.ids
    for art in read_articles(named, on_problem=reader_problem):
        if art.path != last_path:
            last_path = art.path
            skip = is_graphkit_output(art.path)
            if not skip and art.path:
                note_input(art.path)
        if skip:
            continue
        where = art.path or art.id
        for warning in clean_article(art):
            problems.reader(Problem(where, art.line, warning, skipped=False))
        if not art.text.strip():
            problems.reader(Problem(where, art.line, "no text left after removing control characters",
                                    skipped=True))
            continue
        if len(art.text) > limit:  # read by a reader that does not look first (a walked file, a JSON line)
            problems.reader(Problem(where, art.line, f"too large to parse as one article ({len(art.text):,} "
                                    f"characters, over the limit of {human_size(limit)}; set "
                                    "GRAPHKIT_MAX_INPUT_BYTES to parse it)", skipped=True))
            continue
        problems.report.read += 1
        yield art


def extract_stream(articles: Iterable[Article], *, model=None, dictionary=None,
                   spec: DictionarySpec | None = None, jobs: int = 1, batch_size: int = 32,
                   problems: ProblemLog) -> Iterator[tuple[Article, Record]]:
    """The records of ``articles`` in input order: made in this process (``jobs`` 1) or in ``jobs`` workers.

    ``dictionary`` is the user dictionary object for this process, ``spec``
    how a worker gets the same (:func:`graphkit.ingest.versions.dictionary_spec`).
    """
    if jobs > 1:
        return pool_extract(articles, model=model, dictionary=spec, jobs=jobs, batch_size=batch_size,
                            problems=problems)
    return extract_safely(articles, model=model, dictionary=dictionary, batch_size=batch_size, problems=problems)


class IngestSession:
    """One ingest into ``store``: what every engine shares (see the module doc).

    ``dictionary``: the ``--actors`` value (a path or an object, see
    :func:`graphkit.ingest.versions.open_user_dictionary`); ``force``:
    re-extract articles already stored unchanged.  The counts end up in
    ``report`` (a :class:`RunReport`), each problem goes to ``on_problem``.
    """

    def __init__(self, store: Store, *, dictionary=None, on_problem: OnProblem | None = None,
                 force: bool = False):
        self.store = store
        self.report = RunReport()
        self.problems = ProblemLog(self.report, on_problem)
        self.dictionary, fingerprint = open_user_dictionary(dictionary)
        self.dictionary_spec = dictionary_spec(dictionary, self.dictionary, fingerprint)
        self.version = extractor_version(fingerprint)
        self.force = force

    def show_progress(self, enabled: bool, paths, desc: str = "ingest") -> ProgressBar:
        """Start the progress bar (shown only on a terminal); close it when the run ends."""
        self.problems.progress = ProgressBar(enabled, paths, desc=desc)
        return self.problems.progress

    def end_progress(self) -> None:
        if self.problems.progress is not None:
            self.problems.progress.close()
            self.problems.progress = None

    def articles_to_parse(self, paths: PathLike | Iterable[PathLike]) -> Iterator[Article]:
        """The articles of ``paths`` that need parsing (new or changed, or all with ``force``), streamed."""
        for art in read_counted(paths, self.problems):
            if not self.force and self.store.status(art, self.version) == "unchanged":
                self.report.unchanged += 1
                self.problems.advance()
                continue
            yield art

    def store_record(self, article: Article, record: Record) -> None:
        """Put one article and its record into the store (one transaction, ``force`` included) and count it.

        An article stored under another id than its own (its id belongs to
        another file's article, :meth:`graphkit.store.Store.place`) is said in a warning.
        """
        store, report = self.store, self.report
        report.extracted += 1
        try:
            placed = store.place(article, record, self.version, force=self.force)
        except (TypeError, ValueError) as exc:  # a record that cannot be stored: this article only
            self.problems.failure(article, exc)
            return
        self.problems.advance()
        if placed.taken_by is not None:
            self.problems.reader(Problem(
                article.path or article.id, article.line,
                f"id {article.id!r} already holds another article (from {placed.taken_by}); "
                f"stored as {placed.id!r}", skipped=False))
        if placed.status == "new":
            report.ingested += 1
        elif placed.status == "changed":
            report.updated += 1
        else:
            report.unchanged += 1


def ingest_local(store: Store, paths: PathLike | Iterable[PathLike], *, model=None, dictionary=None,
                 jobs: int = 1, on_problem: OnProblem | None = None, force: bool = False,
                 batch_size: int = 32, progress: bool = False) -> RunReport:
    """Ingest ``paths`` into the open ``store`` with spaCy here (``jobs`` 1) or in ``jobs`` worker processes.

    Nothing is collected: the articles to parse are a stream read by
    ``nlp.pipe`` as it needs input, and each record is stored as soon as it
    comes out, one transaction per article.
    """
    session = IngestSession(store, dictionary=dictionary, on_problem=on_problem, force=force)
    session.show_progress(progress, paths)
    frozen = False
    try:
        for art, rec in extract_stream(session.articles_to_parse(paths), model=model, dictionary=session.dictionary,
                                       spec=session.dictionary_spec, jobs=jobs, batch_size=batch_size,
                                       problems=session.problems):
            frozen = frozen or freeze_long_lived()  # at the first record: the model is loaded by then
            session.store_record(art, rec)
    finally:
        if frozen:
            gc.unfreeze()
        session.end_progress()
    return session.report
