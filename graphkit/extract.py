"""The extraction stage: articles in, typed extraction records out.

The spaCy pipeline of `graphkit.nlp.load_model` does the work inside
``nlp.pipe``: rulers and NER, the actor component (``doc.spans["actors"]``),
the meeting-frame component (``doc._.meeting_frames``).  This module feeds it
Docs that carry their article's id and date, and turns each parsed Doc into a
:class:`graphkit.records.Record`: the actors from the spans
(`graphkit.actors.spans.actors_of_doc`), the meetings from the frames
(`graphkit.relations.meetings.extract`), agreements on the side.  One article
is parsed, turned into a record and released before the next batch is needed,
so memory does not grow with the corpus.

>>> from graphkit.corpus import Article
>>> rec = extract_text("Foreign Minister Anna Berg of Ruritania met Karl Holm in Oslo.")
>>> rec.meetings[0].participants
['Anna Berg', 'Karl Holm']
"""
from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterable, Iterator

from graphkit.actors.spans import actors_of_doc
from graphkit.corpus import Article
from graphkit.records import Record
from graphkit.relations.agreements import extract_agreements
from graphkit.relations.meetings import extract, reference_date
from graphkit.tokens import keep_text

# Bump when extraction rules change, so a store re-extracts unchanged articles.
EXTRACTOR_VERSION = "0.2.0"


def record_from_doc(doc, article: Article) -> Record:
    """The extraction record of one article parsed by the graphkit pipeline."""
    actors = actors_of_doc(doc)
    meetings, more = extract(doc)
    known = {a.name for a in actors}
    actors.extend(a for a in more if a.name not in known)
    inferred = None if article.date else reference_date(doc)
    return Record(doc=article.id, title=article.title, date=article.date, date_inferred=inferred,
                  actors=actors, meetings=meetings, relations=extract_agreements(doc))


@contextlib.contextmanager
def use_dictionary(nlp, dictionary):
    """The pipeline with ``dictionary`` (a `graphkit.actors.dictionary.UserDictionary` or None) as its user
    dictionary for the duration of the block; the previous one is restored after."""
    from graphkit.actors.component import COMPONENT
    from graphkit.actors.ruler import set_user_patterns

    resolver = nlp.get_pipe(COMPONENT)
    before = resolver.dictionary
    if dictionary is not before:
        set_user_patterns(nlp, dictionary)
        resolver.use_dictionary(dictionary)
    try:
        yield nlp
    finally:
        if dictionary is not before:
            set_user_patterns(nlp, before)
            resolver.use_dictionary(before)


def article_doc(nlp, article: Article, text: str | None = None):
    """An unparsed Doc for ``article`` that carries its id and date for the pipeline components."""
    text = article.text if text is None else text
    doc = keep_text(nlp.make_doc(text), text)
    doc._.article_id = article.id
    doc._.article_date = article.date
    return doc


def extract_records(
    articles: Iterable[Article],
    nlp=None,
    *,
    dictionary=None,
    batch_size: int = 32,
    n_process: int = 1,
    on_problem: Callable[[str, str], None] | None = None,
) -> Iterator[tuple[Article, Record]]:
    """Parse and extract each article; yields ``(article, record)`` in input order.

    Texts longer than a piece (``graphkit.pieces.PIECE_CHARS``) are split at
    paragraph (else sentence) boundaries, the pieces parsed and extracted one
    by one and their records merged (offsets global again): no Doc of the
    whole text is ever built.  A batch holds at most ``batch_size`` texts and
    ``graphkit.pieces.BATCH_CHARS`` characters, so memory does not grow with
    an article's size (with ``n_process`` > 1, spaCy's own batches of
    ``batch_size``).  A text over the model's ``max_length`` is reported with
    a warning.
    """
    from graphkit.pieces import (BATCH_CHARS, PIECE_CHARS, PieceRecord, merge_piece_records, split_text,
                                 text_batches)

    if nlp is None:
        from graphkit.nlp import load_model

        nlp = load_model()
    limit = min(PIECE_CHARS, max(1000, nlp.max_length - 1000))
    warn = on_problem or (lambda where, msg: warnings.warn(f"{where}: {msg}", stacklevel=2))

    def stream():
        for art in articles:
            pieces = split_text(art.text, limit)
            if len(art.text) > nlp.max_length:
                where = art.path or art.id
                if art.line:
                    where = f"{where}:{art.line}"
                warn(where, f"{len(art.text):,} characters is over the model's max_length "
                            f"({nlp.max_length:,}); parsed in {len(pieces)} pieces")
            for i, (offset, piece) in enumerate(pieces):
                yield article_doc(nlp, art, piece), (art, i, len(pieces), offset)

    with use_dictionary(nlp, dictionary):
        if n_process > 1:  # one pipe: spaCy's worker processes are started once
            parsed = nlp.pipe(stream(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        else:
            parsed = (pair for batch in text_batches(stream(), batch_size, BATCH_CHARS)
                      for pair in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))
        done: list[PieceRecord] = []  # records of the pieces of the current article, never their Docs
        for doc, (art, i, n, offset) in parsed:
            if n == 1:
                yield art, record_from_doc(doc, art)
                continue
            done.append(PieceRecord(offset, sum(1 for _ in doc.sents), record_from_doc(doc, art).to_dict()))
            if i == n - 1:
                record = Record.from_dict(merge_piece_records(done))
                done = []
                yield art, record


def extract_text(text: str, *, doc_id: str = "text", date: str | None = None, title: str | None = None,
                 nlp=None, dictionary=None) -> Record:
    """The record of one text: for notebooks and tests (``extract_records`` for many)."""
    art = Article(doc_id, text, title=title, date=date)
    return next(extract_records([art], nlp, dictionary=dictionary))[1]
