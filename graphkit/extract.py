"""The extraction stage: articles in, extraction records out.

Parsing (spaCy), actor resolution and relation extraction for each article; the
records follow `graphkit.records`.  Articles stream through ``nlp.pipe``: one
article is parsed, turned into a record and released before the next batch is
needed, so memory does not grow with the corpus.

>>> from graphkit.corpus import Article
>>> recs = list(extract_records([Article("a1", "Foreign Minister Anna Berg of Ruritania met Karl Holm in Oslo.")]))  # doctest: +SKIP
>>> recs[0][1]["meetings"][0]["participants"]   # doctest: +SKIP
['Anna Berg', 'Karl Holm']
"""
from __future__ import annotations

import bisect
import warnings
from collections.abc import Callable, Iterable, Iterator

from graphkit.actors.gazetteer import load_gazetteer
from graphkit.actors.resolve import ACTOR_TYPES, resolve_actors
from graphkit.corpus import Article
from graphkit.relations.meetings import extract_meetings
from graphkit.relations.agreements import extract_agreements

# Bump when extraction rules change, so a store re-extracts unchanged articles.
EXTRACTOR_VERSION = "0.1.0"


def record_from_doc(doc, article: Article, dictionary=None) -> dict:
    """The extraction record for one parsed article."""
    res = resolve_actors(doc, load_gazetteer(), dictionary.at(article.date) if dictionary else None)
    sent_starts = [s.start for s in doc.sents]

    def sent_of(tok_i: int) -> int:
        return bisect.bisect_right(sent_starts, tok_i) - 1

    actors = []
    for a in res.actors.values():
        if a.type not in ACTOR_TYPES:
            continue
        mentions = [[doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text), sent_of(m.start)]
                    for m in a.mentions]
        actors.append({
            "name": a.name,
            "type": a.type,
            "country": a.country,
            "aliases": sorted(a.aliases - {a.name}),
            "roles": sorted(a.roles),
            "country_guess": a.country_guess,
            "country_via": a.country_from_person if a.country is None else None,
            "mentions": mentions,
        })
    actors.sort(key=lambda x: (x["mentions"][0][0] if x["mentions"] else 0))
    return {
        "doc": article.id,
        "title": article.title,
        "date": article.date,
        "actors": actors,
        "meetings": extract_meetings(res, article.date),
        "relations": extract_agreements(res),
    }


def extract_records(
    articles: Iterable[Article],
    nlp=None,
    *,
    dictionary=None,
    batch_size: int = 32,
    n_process: int = 1,
    on_problem: Callable[[str, str], None] | None = None,
) -> Iterator[tuple[Article, dict]]:
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
                yield piece, (art, i, len(pieces), offset)

    if n_process > 1:  # one pipe: spaCy's worker processes are started once
        parsed = nlp.pipe(stream(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    else:
        parsed = (pair for batch in text_batches(stream(), batch_size, BATCH_CHARS)
                  for pair in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))
    done: list[PieceRecord] = []  # records of the pieces of the current article, never their Docs
    for doc, (art, i, n, offset) in parsed:
        if n == 1:
            yield art, record_from_doc(doc, art, dictionary)
            continue
        done.append(PieceRecord(offset, sum(1 for _ in doc.sents), record_from_doc(doc, art, dictionary)))
        if i == n - 1:
            record = merge_piece_records(done)
            done = []
            yield art, record
