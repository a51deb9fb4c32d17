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
) -> Iterator[tuple[Article, dict]]:
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
                yield p, (art, i, len(pieces))

    pending: list = []
    for doc, (art, i, n) in nlp.pipe(stream(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        if n == 1:
            yield art, record_from_doc(doc, art, dictionary)
            continue
        pending.append(doc)
        if i == n - 1:
            full = Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
            yield art, record_from_doc(full, art, dictionary)
