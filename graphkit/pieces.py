"""Long articles in pieces: split the text before parsing, merge the piece records after.

Parsing one huge text as one spaCy ``Doc`` costs memory far beyond its size
(a 5 MB article took 13 GB), and actor resolution over one huge ``Doc`` is
slow.  So an article longer than a piece is cut into pieces at paragraph
breaks (else line breaks, else sentence ends, else spaces), each piece is
parsed and extracted on its own, and the piece records are merged into one
record for the article with every character offset and sentence index made
global again (see :mod:`graphkit.records`).

Standard library only; works on record dicts, never on ``Doc`` objects.

>>> text = "First paragraph here.\\n\\nSecond one, a bit longer.\\n\\nThird."
>>> [(offset, piece) for offset, piece in split_text(text, 30)]
[(0, 'First paragraph here.\\n\\n'), (23, 'Second one, a bit longer.\\n\\n'), (50, 'Third.')]
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, TypeVar

from graphkit.tokens import char_length

T = TypeVar("T")

__all__ = ["PIECE_CHARS", "BATCH_CHARS", "PieceRecord", "split_text", "text_batches", "merge_piece_records"]

#: Texts longer than this are parsed in pieces of at most this many characters:
#: far above a news article (those are parsed whole, as always), small enough
#: that a few pieces make a batch.
PIECE_CHARS = 20_000
#: Characters parsed together (one ``nlp.pipe`` batch) at most.  The parser's
#: memory grows with the characters of its batch, about 3 KB for each one
#: (en_core_web_sm: 32 pieces of 20,000 characters, 2.1 GB; 100,000 characters
#: in pieces of 3,000 to 20,000, 460-510 MB with the model), so this bound,
#: not the article's size, sets the peak.  A batch of 32 wire stories is about
#: 30,000 characters: normal articles are batched as before.
BATCH_CHARS = 100_000

# Where a piece may end, best first: a blank line, a line break, the end of a
# sentence, any white space.  Each pattern matches the white space to cut after.
_BREAKS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"),
    re.compile(r"\s+"),
)


def split_text(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """``text`` cut into pieces of at most ``limit`` characters: ``[(offset, piece), ...]``.

    The pieces, joined, are exactly ``text``; ``offset`` is where each starts
    in it.  A piece ends after a blank line where one falls in its second
    half, else after a line break, a sentence end or a space there; only a
    text with no white space at all is cut mid-word.  A text of at most
    ``limit`` characters is one piece.

    >>> split_text("One. Two. Three.", 10)
    [(0, 'One. Two. '), (10, 'Three.')]
    >>> split_text("short", 100)
    [(0, 'short')]
    """
    if limit < 2:
        raise ValueError(f"limit must be at least 2, not {limit}")
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = -1
        for pattern in _BREAKS:
            for m in pattern.finditer(text, lo, hi + 1):
                if m.end() <= hi:
                    cut = m.end()
            if cut != -1:
                break
        if cut == -1:
            cut = hi
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def text_batches(items: Iterable[tuple[Any, T]], size: int, max_chars: int = BATCH_CHARS) -> Iterator[list[tuple[Any, T]]]:
    """Consecutive ``(text, context)`` items in lists of at most ``size`` items and ``max_chars`` characters.

    ``text`` is a string or anything with a ``text`` (an unparsed spaCy Doc).
    An item longer than ``max_chars`` makes a batch of its own.  Lazy: reads
    the items of one batch ahead, no more.

    >>> [[t for t, _ in b] for b in text_batches([("aa", 1), ("bbb", 2), ("c", 3), ("dddddd", 4)], 10, 5)]
    [['aa', 'bbb'], ['c'], ['dddddd']]
    """
    batch: list[tuple[str, T]] = []
    chars = 0
    for item in items:
        n = len(item[0]) if isinstance(item[0], str) else char_length(item[0])
        if batch and (len(batch) >= size or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += n
    if batch:
        yield batch


class PieceRecord(NamedTuple):
    """The extraction record of one piece, with where the piece sits in its article.

    ``offset``: the piece's first character in the article text; ``sentences``:
    the number of sentences the parser found in the piece (the sentence
    indices of the next piece start after them); ``record``: the piece's
    record, its offsets relative to the piece.
    """

    offset: int
    sentences: int
    record: dict


def _shift_spans(spans, offset: int) -> list:
    return [[s[0] + offset, s[1] + offset, *s[2:]] for s in spans or []]


def _shift_mention(m, offset: int, sentence_offset: int) -> list:
    out = [m[0] + offset, m[1] + offset, *m[2:]]
    if len(out) > 2 and out[2] is not None:
        out[2] += sentence_offset
    return out


def _fold(value) -> str | None:
    return None if value is None else " ".join(str(value).split()).casefold()


def _compatible(a, b) -> bool:
    """Two values that do not contradict: equal up to case and spacing, or one of them unknown."""
    return a is None or b is None or _fold(a) == _fold(b)


def merge_piece_records(pieces: Iterable[PieceRecord]) -> dict:
    """One article's record from the records of its pieces, in text order.

    * offsets: actor ``mentions`` ``[start, end, sent]`` and meeting and
      relation ``spans`` are shifted by the piece's offset, sentence indices
      by the sentences of the pieces before;
    * actors: one per canonical name (aliases, roles and mentions united; the
      first known type, country, ``country_guess``, ``country_via``...).  A
      person named by one word only ("Holm") in a piece that does not name
      the full person joins the one person of the article whose full name
      ends in that word or lists it as an alias, as it would within one
      piece, unless their countries differ; meetings and relations of that
      piece name the full person;
    * meetings: a meeting reported again in a later piece (same participants,
      a compatible kind, place and date) is one meeting with the evidence of
      both (``evidence_all``, ``spans``); otherwise meetings are kept in order;
    * relations: kept in order, an exact repeat (kind, participants,
      evidence) adding only its spans;
    * ``doc``, ``title``, ``date`` and any other field: from the first piece.

    >>> a = {"doc": "x", "title": None, "date": None, "relations": [],
    ...      "actors": [{"name": "Karl Holm", "type": "person", "country": None, "aliases": [],
    ...                  "roles": [], "mentions": [[0, 9, 0]]}],
    ...      "meetings": []}
    >>> b = {"doc": "x", "title": None, "date": None, "relations": [],
    ...      "actors": [{"name": "Holm", "type": "person", "country": "Norway", "aliases": [],
    ...                  "roles": ["Minister"], "mentions": [[4, 8, 1]]}],
    ...      "meetings": []}
    >>> rec = merge_piece_records([PieceRecord(0, 3, a), PieceRecord(100, 2, b)])
    >>> [(x["name"], x["country"], x["aliases"], x["roles"], x["mentions"]) for x in rec["actors"]]
    [('Karl Holm', 'Norway', ['Holm'], ['Minister'], [[0, 9, 0], [104, 108, 4]])]
    """
    pieces = list(pieces)
    if not pieces:
        raise ValueError("no piece records to merge")
    merged = {k: v for k, v in pieces[0].record.items() if k not in ("actors", "meetings", "relations")}
    full_names = _FullNames(pieces)
    actors: dict[str, dict] = {}
    meetings = _Meetings()
    relations = _Relations()
    sentence_offset = 0
    for n, piece in enumerate(pieces):
        rec = piece.record
        rename = full_names.joins(rec.get("actors") or [])
        for actor in rec.get("actors") or []:
            a = dict(actor, mentions=[_shift_mention(m, piece.offset, sentence_offset)
                                      for m in actor.get("mentions") or []])
            full = rename.get(a["name"])
            if full is not None:
                a["aliases"] = [*(a.get("aliases") or []), a["name"]]
                a["name"] = full
            _add_actor(actors, a)
        for m in rec.get("meetings") or []:
            m = _renamed(m, rename)
            if m is not None:
                meetings.add(dict(m, spans=_shift_spans(m.get("spans"), piece.offset),
                                  evidence_all=list(m.get("evidence_all") or [])), n)
        for r in rec.get("relations") or []:
            r = _renamed(r, rename)
            if r is not None:
                relations.add(dict(r, spans=_shift_spans(r.get("spans"), piece.offset)))
        sentence_offset += piece.sentences

    merged["actors"] = sorted(actors.values(), key=lambda a: a["mentions"][0][0] if a["mentions"] else 0)
    merged["meetings"] = meetings.items
    merged["relations"] = relations.items
    return merged


def _add_actor(actors: dict[str, dict], a: dict) -> None:
    """Put actor ``a`` into ``actors`` (by name), uniting it with an actor of the same name."""
    name = a["name"]
    have = actors.get(name)
    if have is None:
        a["aliases"] = sorted(set(a.get("aliases") or []) - {name})
        a["roles"] = sorted(set(a.get("roles") or []))
        actors[name] = a
        return
    have["aliases"] = sorted((set(have.get("aliases") or []) | set(a.get("aliases") or [])) - {name})
    have["roles"] = sorted(set(have.get("roles") or []) | set(a.get("roles") or []))
    have["mentions"] = sorted((have.get("mentions") or []) + (a.get("mentions") or []))
    for key, value in a.items():
        if have.get(key) is None and value is not None:
            have[key] = value
    if "label_only" in have:  # a person by the recognizer's label alone only if it is so in every piece
        have["label_only"] = bool(have["label_only"] and a.get("label_only", True))


class _FullNames:
    """The persons of an article named with more than one word, found by last word and by alias."""

    def __init__(self, pieces: list[PieceRecord]):
        self.by_word: dict[str, set[str]] = {}
        self.country: dict[str, str | None] = {}
        for piece in pieces:
            for a in piece.record.get("actors") or []:
                name = a.get("name") or ""
                if a.get("type") != "person" or len(name.split()) < 2:
                    continue
                for word in {name.split()[-1], *(a.get("aliases") or [])}:
                    self.by_word.setdefault(word, set()).add(name)
                if self.country.get(name) is None:
                    self.country[name] = a.get("country")

    def joins(self, actors: list[dict]) -> dict[str, str]:
        """One-word person names of one piece -> the full name they stand for (the only fit)."""
        here = {a.get("name") for a in actors}
        out = {}
        for a in actors:
            name = a.get("name") or ""
            if a.get("type") != "person" or len(name.split()) != 1:
                continue
            fits = self.by_word.get(name, set())
            if len(fits) != 1:
                continue
            (full,) = fits
            # within one piece the resolver has already decided; only other pieces are joined
            if full not in here and _compatible(a.get("country"), self.country.get(full)):
                out[name] = full
        return out


def _renamed(item: dict, rename: dict[str, str]) -> dict | None:
    """``item`` (a meeting or relation) with joined names replaced; None when fewer than two remain."""
    parts = item.get("participants") or []
    if not any(p in rename for p in parts):
        return item
    parts = list(dict.fromkeys(rename.get(p, p) for p in parts))
    if len(parts) < 2:
        return None
    return dict(item, participants=parts, hub=rename.get(item.get("hub"), item.get("hub")))


_MULTILATERAL = {"meeting", "talks"}


class _Meetings:
    """The meetings of an article in order, a meeting reported again in a later piece folded into the first."""

    def __init__(self):
        self.items: list[dict] = []
        self._by_parties: dict[frozenset, list[tuple[dict, set[int]]]] = {}

    def add(self, m: dict, piece: int) -> None:
        key = frozenset(m.get("participants") or [])
        same = self._by_parties.setdefault(key, [])
        for twin, seen in reversed(same):
            # within a piece the extraction has already merged repeats: compare other pieces only
            if piece not in seen and _same_meeting(twin, m):
                _fold_into(twin, m, len(key))
                seen.add(piece)
                return
        same.append((m, {piece}))
        self.items.append(m)


def _same_meeting(a: dict, b: dict) -> bool:
    kinds = {a.get("kind"), b.get("kind")}
    return (len(kinds) == 1 or kinds <= _MULTILATERAL) and _compatible(a.get("location"), b.get("location")) \
        and _compatible(a.get("date"), b.get("date"))


def _fold_into(twin: dict, m: dict, parties: int) -> None:
    """Meeting ``m`` is ``twin`` reported again: keep its evidence and what it adds."""
    evidence = m.get("evidence_all") or [m.get("evidence")]
    for sentence, span in zip(evidence, m.get("spans") or []):
        if sentence not in twin["evidence_all"]:
            twin["evidence_all"].append(sentence)
            twin["spans"].append(span)
    for k in ("location", "date", "date_iso"):
        if twin.get(k) is None and m.get(k) is not None:
            twin[k] = m[k]
    if m.get("kind") == "talks" and twin.get("kind") == "meeting" and not twin.get("hub") and parties >= 3:
        twin["kind"] = "talks"  # as within one piece: the multilateral word wins
    if "happened" in (twin.get("status"), m.get("status")):
        twin["status"] = "happened"


class _Relations:
    """The relations of an article in order; an exact repeat only adds its spans."""

    def __init__(self):
        self.items: list[dict] = []
        self._seen: dict[tuple, dict] = {}

    def add(self, r: dict) -> None:
        key = (r.get("kind"), tuple(r.get("participants") or []), r.get("evidence"))
        have = self._seen.get(key)
        if have is None:
            self._seen[key] = r
            self.items.append(r)
            return
        have["spans"] = [*have.get("spans", []), *(s for s in r.get("spans", []) if s not in have.get("spans", []))]
