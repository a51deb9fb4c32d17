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
>>> rec = extract_text("Foreign Minister Anna Berg of Ruritania met Karl Holm in Oslo.")   # doctest: +SKIP
>>> rec.meetings[0].participants                                                       # doctest: +SKIP
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
    doc = nlp.make_doc(article.text if text is None else text)
    doc._.article_id = article.id
    doc._.article_date = article.date
    return doc


def _pieces(text: str, limit: int) -> list[str]:
    """Split text longer than the model's max_length at paragraph (else line, else space) breaks."""
    if len(text) <= limit:
        return [text]
    out = []
    start = 0
    while len(text) - start > limit:
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, start + limit // 2, start + limit)
            if cut != -1:
                cut += len(sep)
                break
        if cut == -1:
            cut = start + limit
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


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

    Texts longer than the model's ``max_length`` are parsed in pieces (split at
    paragraph breaks) and joined back into one ``Doc``, with a warning.
    """
    from spacy.tokens import Doc

    if nlp is None:
        from graphkit.nlp import load_model

        nlp = load_model()
    limit = max(1000, nlp.max_length - 1000)
    warn = on_problem or (lambda where, msg: warnings.warn(f"{where}: {msg}", stacklevel=2))

    def stream():
        for art in articles:
            pieces = _pieces(art.text, limit)
            if len(pieces) > 1:
                where = art.path or art.id
                if art.line:
                    where = f"{where}:{art.line}"
                warn(where, f"{len(art.text):,} characters is over the model's max_length "
                            f"({nlp.max_length:,}); parsed in {len(pieces)} pieces")
            for i, p in enumerate(pieces):
                yield article_doc(nlp, art, p), (art, i, len(pieces))

    with use_dictionary(nlp, dictionary):
        pending: list = []
        for doc, (art, i, n) in nlp.pipe(stream(), as_tuples=True, batch_size=batch_size, n_process=n_process):
            if n == 1:
                yield art, record_from_doc(doc, art)
                continue
            pending.append(doc)
            if i == n - 1:
                full = Doc.from_docs(pending, ensure_whitespace=False)
                pending = []
                yield art, record_from_doc(full, art)


def extract_text(text: str, *, doc_id: str = "text", date: str | None = None, title: str | None = None,
                 nlp=None, dictionary=None) -> Record:
    """The record of one text: for notebooks and tests (``extract_records`` for many)."""
    art = Article(doc_id, text, title=title, date=date)
    return next(extract_records([art], nlp, dictionary=dictionary))[1]
