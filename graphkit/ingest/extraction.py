"""Articles in, records out, surviving a bad article: in this process or in a worker process.

:func:`extract_safely` is :func:`graphkit.extract.extract_records` where an
exception in one article fails that article only.  :func:`extract_chunk` runs
it in a worker (a pool worker of ``--jobs N`` or a Dask worker) and returns
plain data; :func:`replay_chunk` turns that back into ``(article, record)``
pairs in the main process, reporting the worker's problems there.  The records
are the same wherever they are made.
"""
from __future__ import annotations

import gc
import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator

from graphkit.corpus import Article, Problem
from graphkit.ingest.report import ProblemLog, RunReport
from graphkit.ingest.versions import DictionarySpec
from graphkit.records import Record

__all__ = ["spacy_pipeline", "extract_safely", "extract_chunk", "replay_chunk", "ChunkResult", "freeze_long_lived"]

#: What :func:`extract_chunk` returns per article: ``(article id, record or None, events)``.
ChunkResult = tuple[str, Record | None, list[tuple[str, object]]]


def spacy_pipeline(model=None):
    """A loaded spaCy pipeline: ``model`` is a name/path (or None for the default) or a pipeline."""
    if model is None or isinstance(model, (str, os.PathLike)):
        from graphkit.nlp import load_model  # lazy: spaCy is loaded only when something is parsed

        return load_model(None if model is None else str(model))
    return model


def freeze_long_lived() -> bool:
    """Leave the objects alive now out of Python's garbage collections (:func:`gc.freeze`), unless
    something froze objects already; True when this call did (undo with :func:`gc.unfreeze`).

    For a run, once the model is loaded: the model and graphkit's tables are some hundred thousand
    objects that live as long as the run, and each full collection would walk them all again.
    Reference counting still frees them; only cycles among them wait for the unfreeze.

    >>> freeze_long_lived(), freeze_long_lived(), gc.unfreeze()
    (True, False, None)
    """
    if gc.get_freeze_count():
        return False
    gc.freeze()
    return True


def extract_safely(
    articles: Iterable[Article],
    *,
    model=None,
    dictionary=None,
    batch_size: int = 32,
    problems: ProblemLog,
) -> Iterator[tuple[Article, Record]]:
    """:func:`graphkit.extract.extract_records` that survives an exception in one article.

    The model is loaded only when there is an article to parse.  On an
    exception, the articles fed to the parser but not yet returned are parsed
    again one at a time, so the failing one is named (``problems.failure``)
    and the others are kept; then the stream goes on with the rest.
    ``dictionary`` is the user dictionary object (or None).
    """
    from graphkit.extract import extract_records  # lazy: imports spaCy

    it = iter(articles)
    first = next(it, None)
    if first is None:
        return
    nlp = spacy_pipeline(model)
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

    def one(art: Article) -> tuple[Article, Record] | None:
        try:
            # its warnings were reported when it was first fed: not again
            for pair in extract_records([art], nlp, dictionary=dictionary, batch_size=1,
                                        on_problem=lambda where, msg: None):
                return pair
        except Exception as exc:  # noqa: BLE001 - one article must not stop the run
            problems.failure(art, exc)
        return None

    while True:
        fed.clear()
        gen = extract_records(feed(rest), nlp, dictionary=dictionary, batch_size=batch_size,
                              on_problem=problems.extractor)
        try:
            for art, rec in gen:
                # input order is kept: drop what the parser has finished with
                while fed and fed[0].id != art.id:
                    fed.popleft()
                if fed:
                    fed.popleft()
                yield art, rec
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


def extract_chunk(articles: list[Article], model=None, dictionary: DictionarySpec | None = None,
                  batch_size: int = 32) -> list[ChunkResult]:
    """Parse and extract a list of articles (in a worker process: a pool worker or a Dask worker).

    Returns, in input order, one ``(article_id, record_or_None, events)`` per
    article; ``events`` lists the problems met for it: ``("warning", Problem)``
    or ``("failure", message)``.  ``model`` is a name or path (loaded once per
    process) or a pipeline; ``dictionary`` a :class:`DictionarySpec`.  The
    records are made by :func:`extract_safely`, as in the main process, so
    they are identical; an article whose extraction raises fails alone.
    """
    entries = None if dictionary is None else dictionary.load()
    events: dict[str, list] = {a.id: [] for a in articles}
    where_to_id = {}
    for a in articles:
        w = a.path or a.id
        where_to_id.setdefault(f"{w}:{a.line}" if a.line else w, a.id)

    class Collect(ProblemLog):
        """The problems of each article, kept for the main process instead of reported here."""

        def extractor(self, where: str, message: str) -> None:
            aid = where_to_id.get(where, articles[0].id)
            events[aid].append(("warning", Problem(where, None, message, skipped=False)))

        def failure(self, article: Article, exc) -> None:
            events[article.id].append(("failure", f"{type(exc).__name__}: {exc}"))

    records: dict[str, Record] = {}
    for art, rec in extract_safely(list(articles), model=model, dictionary=entries, batch_size=batch_size,
                                   problems=Collect(RunReport(), None)):
        records[art.id] = rec
    return [(a.id, records.get(a.id), events[a.id]) for a in articles]


def replay_chunk(chunk: list[Article], results: list[ChunkResult], problems: ProblemLog
                 ) -> Iterator[tuple[Article, Record]]:
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
