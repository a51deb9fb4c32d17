"""Events: one per real meeting, with every report of it attached.

An article's record lists the meetings *it reports*; the same meeting is
reported by many articles (and the same wire story is often filed twice).
:func:`group_events` turns the reports of a corpus resolution into events:

* a **report** is one meeting of one article's record (``"article#i"``, the
  graph's former ``meeting_id``): its sides (the corpus actors taking part),
  kind, status, date, place and evidence sentence;
* two reports are **one event** when they have the same sides (the same set of
  corpus actors; or nested sets, "Vesel visited Oslo" and "Vesel and
  Holm visited Oslo", when their dates overlap), a compatible kind (a call is only ever the same event as a
  call; a meeting, talks and a visit may be the same event) and

  - compatible dates: the days each report allows overlap.  A date the text
    gives allows that day (and the next: talks over two days), that month or
    that year; a report whose text gives no date allows the ``UNDATED_DAYS``
    days before its article's date (the days after it, for a scheduled
    meeting), so undated reports of articles a few days apart are one event; a report with no date at all (nor an article
    date) joins only reports of its own article;
  - or near-identical evidence (the same sentence, give or take a few words:
    the same wire paragraph reused), or articles that are near-duplicates of
    each other (below), whatever the dates say;

  every report is attached to exactly one event.  Reports are grouped with the
  fewest events the dates allow (intervals sorted by their last day, each
  event takes every report that allows that day);
* **near-duplicate articles** (the same wire story filed twice, or re-filed
  with a sentence changed) are found with MinHash (``datasketch``) over what
  each record keeps of its text: the words of its evidence sentences and
  title, and the sequence of its actor mentions with the distances between
  them.  Articles whose estimated Jaccard similarity is at least
  ``DUPLICATE_THRESHOLD`` (and whose dates are at most ``DUPLICATE_DAYS``
  apart) are one story: the first article id of the group stands for it, the
  others are in :attr:`Events.duplicates`.  Their meetings join the same
  events (counted once) and their sentences are not counted again as
  co-occurrence.

Counting events, not reports, is what the graph's meeting weights, the
queries and the view do; the reports (mentions) stay attached to each event.

>>> from graphkit.records import Actor, Meeting, Record
>>> from graphkit.corpus_resolution import resolve_corpus
>>> A = [Actor("Anna Berg", "person", country="Norway"), Actor("Sweden", "country")]
>>> recs = [Record("a", date="2020-03-02", actors=A, meetings=[Meeting(["Anna Berg", "Sweden"], "visit",
...                evidence="Anna Berg visited Sweden on Monday.", date_iso="2020-03-02")]),
...         Record("b", date="2020-03-03", actors=A, meetings=[Meeting(["Anna Berg", "Sweden"], "talks",
...                evidence="Berg held talks in Stockholm.")]),
...         Record("c", date="2020-06-01", actors=A, meetings=[Meeting(["Anna Berg", "Sweden"], "visit",
...                evidence="Berg is back in Sweden.")])]
>>> ev = group_events(*resolve_corpus(recs)[::2])
>>> [(e.id, e.kind, e.date_iso, [r.id for r in e.reports]) for e in ev]
[('a#0', 'visit', '2020-03-02', ['a#0', 'b#0']), ('c#0', 'visit', None, ['c#0'])]
>>> ev.event_of("b#0").id, len(ev), ev.reports
('a#0', 2, 3)
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping

from networkx.utils import UnionFind

from graphkit.records import Meeting, Record

__all__ = ["DUPLICATE_THRESHOLD", "UNDATED_DAYS", "Event", "Events", "Report", "find_duplicates",
           "group_events", "report_interval", "same_evidence"]

#: A report whose text gives no date: the meeting lies within this many days before its article's date
#: (after it, for a scheduled meeting).
UNDATED_DAYS = 7
#: Two day dates this many days apart may be one event (talks over two days).
DAY_SLACK = 1
#: Near-duplicate articles: estimated Jaccard similarity of their fingerprints at least this.
DUPLICATE_THRESHOLD = 0.8
#: ... and article dates at most this many days apart (when both are dated).
DUPLICATE_DAYS = 7
#: Fewer fingerprint features than this: too little of the text is known to call it a duplicate.
MIN_FEATURES = 5
#: Words per shingle of an article text.
TEXT_SHINGLE = 5
#: MinHash permutations (and the seed: the same corpus always gives the same groups).
NUM_PERM = 128
SEED = 1
#: Evidence sentences whose word sets overlap at least this much are "near-identical".
SAME_EVIDENCE = 0.8

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclasses.dataclass
class Report:
    """One meeting as one article reports it (a mention of an event)."""

    id: str                      # "article#i": the meeting's index in its article's record
    article: str
    index: int
    participants: list[str]      # corpus actors
    pairs: list[tuple[str, str]]  # the pairs it claims (with a hub: only the hub's)
    kind: str
    status: str = "happened"
    location: str | None = None
    date: str | None = None
    date_iso: str | None = None
    article_date: str | None = None
    hub: str | None = None
    evidence: str = ""
    evidence_all: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Event:
    """One real meeting: every report of it (see the module doc)."""

    id: str                      # the id of its first report (in article id order)
    kind: str                    # the kind most reports give (ties: the first report's)
    status: str                  # "happened" if any report says so, else "scheduled"
    participants: list[str]      # corpus actors, sorted
    pairs: list[tuple[str, str]]  # every pair any report claims, sorted
    date_iso: str | None         # the date the reports give (most precise, most often given), or None
    article_date: str | None     # the earliest date of the articles reporting it
    location: str | None
    reports: list[Report]

    @property
    def articles(self) -> list[str]:
        """The articles reporting it, sorted."""
        return sorted({r.article for r in self.reports})

    @property
    def date(self) -> str | None:
        """What the event is filed under: ``date_iso``, else the earliest article date."""
        return self.date_iso or self.article_date

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["pairs"] = [list(p) for p in self.pairs]
        return d


class Events:
    """The events of a corpus, in order of their first report; ``by report id`` and the duplicates."""

    def __init__(self, events: list[Event], duplicates: Mapping[str, str] | None = None):
        self.events = events
        self.duplicates = dict(duplicates or {})   # article -> the article it repeats (first of its group)
        self._of = {r.id: e for e in events for r in e.reports}
        self._by_id = {e.id: e for e in events}

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __repr__(self) -> str:
        return f"<Events: {len(self)} events of {self.reports} reports, {len(self.duplicates)} duplicate articles>"

    @property
    def reports(self) -> int:
        """Number of reports (meetings as the articles state them)."""
        return len(self._of)

    def event_of(self, report_id: str) -> Event | None:
        """The event a report (``"article#i"``) belongs to, or None (a meeting with no pair)."""
        return self._of.get(report_id)

    def get(self, event_id: str) -> Event | None:
        return self._by_id.get(event_id)


# -- dates ---------------------------------------------------------------------
def _day(iso: str) -> int | None:
    try:
        return _dt.date.fromisoformat(iso).toordinal()
    except (TypeError, ValueError):
        return None


def report_interval(date_iso: str | None, article_date: str | None, status: str = "happened"
                    ) -> tuple[int, int] | None:
    """The days (proleptic ordinals, inclusive) a report allows its meeting to be on, or None.

    >>> a, b = report_interval("2020-03-02", None); b - a
    1
    >>> a, b = report_interval("2020-02", None); b - a
    28
    >>> a, b = report_interval(None, "2020-03-10"); b - a == UNDATED_DAYS
    True
    >>> report_interval(None, None) is None
    True
    """
    from graphkit.analysis.timefilter import date_bounds

    bounds = date_bounds(date_iso) if date_iso else None
    if bounds:
        lo, hi = _day(bounds[0]), _day(bounds[1])
        if lo is not None and hi is not None:
            return (lo, hi + DAY_SLACK) if lo == hi else (lo, hi)
    bounds = date_bounds(article_date) if article_date else None
    if bounds and bounds[0] == bounds[1]:
        a = _day(bounds[0])
        if a is not None:
            return (a, a + UNDATED_DAYS) if status == "scheduled" else (a - UNDATED_DAYS, a)
    return None


# -- evidence ------------------------------------------------------------------
def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "")}


def same_evidence(a: str, b: str) -> bool:
    """Whether two evidence sentences are near-identical (word sets overlapping ``SAME_EVIDENCE``).

    >>> same_evidence("Shultz met Shevardnadze in Geneva on Monday.", "Shultz met Shevardnadze in Geneva Monday")
    True
    >>> same_evidence("Shultz met Shevardnadze.", "Shultz will meet Shevardnadze in May.")
    False
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= SAME_EVIDENCE


# -- near-duplicate articles -----------------------------------------------------
def _features(rec: Record) -> set[str]:
    """What a record keeps of its article's text, as a set of features for MinHash."""
    feats: set[str] = set()
    sentences = []
    for m in rec.meetings:
        sentences.extend(m.evidence_all or [m.evidence])
    sentences.extend(r.evidence for r in rec.relations)
    for s in dict.fromkeys(x for x in sentences if x):
        w = _WORD.findall(s.lower())
        feats.update("e:" + " ".join(w[i:i + 3]) for i in range(max(1, len(w) - 2)))
    mentions = sorted((m[0], a.name) for a in rec.actors for m in a.mentions if m)
    for (s0, n0), (s1, n1) in zip(mentions, mentions[1:]):
        feats.add(f"m:{n0}|{n1}|{s1 - s0}")   # who is named after whom, and how far apart: shift-invariant
    return feats


def _text_features(text: str) -> set[str]:
    w = _WORD.findall(text.lower())
    return {" ".join(w[i:i + TEXT_SHINGLE]) for i in range(max(1, len(w) - TEXT_SHINGLE + 1))} if w else set()


def _hash32(b: bytes) -> int:
    return zlib.crc32(b)


def find_duplicates(records: Iterable[Record], texts: Mapping[str, str] | None = None) -> dict[str, str]:
    """``{article: the article it repeats}`` for the near-duplicate articles of ``records``.

    ``texts``: article id -> text (the fingerprint is then the text's, else
    the record's; see the module doc).  The article standing for a group of
    near-duplicates is its first article id (in sorted order); it is not a key.

    >>> from graphkit.records import Actor
    >>> A = [Actor(n, "person", mentions=[[i * 10, i * 10 + 4, i]]) for i, n in enumerate("ABCDEFGHIJ")]
    >>> recs = [Record("x1", title="Talks", date="2020-01-01", actors=A),
    ...         Record("x2", title="Talks", date="2020-01-01", actors=A), Record("y", actors=A[:3])]
    >>> find_duplicates(recs)
    {'x2': 'x1'}
    """
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    first = MinHash(num_perm=NUM_PERM, seed=SEED)
    perms, scheme = first.permutations, first.scheme  # made once, not per article
    sketches: dict[str, MinHash] = {}
    dates: dict[str, int | None] = {}
    for rec in records:
        text = texts.get(rec.doc) if texts is not None else None
        feats = _text_features(text) if text is not None else _features(rec)
        if len(feats) < MIN_FEATURES or rec.doc in sketches:
            continue
        mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_hash32, permutations=perms,
                     scheme=scheme)
        mh.update_batch([f.encode("utf-8") for f in feats])
        sketches[rec.doc] = mh
        dates[rec.doc] = _day(rec.date) if rec.date else None
        lsh.insert(rec.doc, mh)
    same = UnionFind()
    for doc in sorted(sketches):
        for other in sorted(lsh.query(sketches[doc])):
            if other <= doc:
                continue
            d0, d1 = dates[doc], dates[other]
            if d0 is not None and d1 is not None and abs(d0 - d1) > DUPLICATE_DAYS:
                continue
            if sketches[doc].jaccard(sketches[other]) < DUPLICATE_THRESHOLD:
                continue
            same.union(doc, other)
    # each group stands by its first article id
    return {doc: min(group) for group in same.to_sets() for doc in sorted(group) if doc != min(group)}


# -- events ----------------------------------------------------------------------
def _kind_class(kind: str) -> str:
    return "call" if kind == "call" else "meet"


def _reports(records: Iterable[Record], index: Mapping[tuple[str, str], str]) -> Iterator[Report]:

    for rec in records:
        for i, m in enumerate(rec.meetings):
            parts, hub, pairs = meeting_pairs(index, rec.doc, m)
            if not pairs:
                continue
            yield Report(id=f"{rec.doc}#{i}", article=rec.doc, index=i, participants=list(parts),
                         pairs=[tuple(sorted(p, key=str)) for p in pairs], kind=m.kind, status=m.status,
                         location=m.location, date=m.date, date_iso=m.date_iso, article_date=rec.date,
                         hub=hub, evidence=m.evidence, evidence_all=list(m.evidence_all or []))


def _cover(reports: list[Report]) -> list[list[Report]]:
    """Reports of one side set and kind class -> groups whose allowed days share a day (fewest groups)."""
    spans = [(report_interval(r.date_iso, r.article_date, r.status), r) for r in reports]
    dated = sorted(((iv, r) for iv, r in spans if iv is not None), key=lambda x: (x[0][1], x[0][0], x[1].id))
    groups: list[list[Report]] = []
    taken = [False] * len(dated)
    for i, ((_lo, day), _r) in enumerate(dated):
        if taken[i]:
            continue
        group = []
        for j in range(i, len(dated)):
            if not taken[j] and dated[j][0][0] <= day:
                taken[j] = True
                group.append(dated[j][1])
        groups.append(group)
    undated: dict[str, list[Report]] = {}
    for iv, r in spans:
        if iv is None:
            undated.setdefault(r.article, []).append(r)
    groups.extend(undated.values())
    return groups


def _merge_groups(groups: list[list[Report]], duplicates: Mapping[str, str]) -> list[list[Report]]:
    """Join the groups that share near-identical evidence or near-duplicate articles."""
    joined = UnionFind(range(len(groups)))
    by_story: dict[tuple, int] = {}
    repeated = set(duplicates.values())  # the first copy of each repeated story
    seen: list[tuple[set[str], int]] = []
    for gi, group in enumerate(groups):
        for r in group:
            # the same story filed twice reports the same meetings; within one article, two reports of the
            # same sides on different days or in different places are two meetings
            story = duplicates.get(r.article) or (r.article if r.article in repeated else None)
            if story is not None:
                key = (story, r.location or "", r.date_iso or "")
                if key in by_story:
                    joined.union(gi, by_story[key])
                else:
                    by_story[key] = gi
            words = _words(r.evidence)
            if not words:
                continue
            for other_words, gj in seen:
                if joined[gj] != joined[gi] and len(words & other_words) / len(words | other_words) >= SAME_EVIDENCE:
                    joined.union(gi, gj)
            seen.append((words, gi))
    return _joined(groups, joined)


def _joined(groups: list[list[Report]], joined: UnionFind) -> list[list[Report]]:
    """The groups of each set of ``joined``, in the order of their first group (so output stays stable)."""
    merged: dict = {}
    for gi, group in enumerate(groups):
        merged.setdefault(joined[gi], []).extend(group)
    return list(merged.values())


def _common(group: list[Report]) -> tuple[int, int] | None:
    """The days every dated report of a group allows (None: no dated report, or none in common)."""
    spans = [iv for iv in (report_interval(r.date_iso, r.article_date, r.status) for r in group) if iv]
    if not spans:
        return None
    lo, hi = max(a for a, _ in spans), min(b for _, b in spans)
    return (lo, hi) if lo <= hi else None


def _nested(found: list) -> list[list[Report]]:
    """Join groups of the same kind class whose sides are nested ("Vesel visited Oslo" and
    "Vesel and Holm visited Oslo") and whose common days overlap: one meeting, reported with
    more or fewer of those who took part."""
    joined = UnionFind(range(len(found)))
    by_actor: dict = defaultdict(list)
    for i, (_kc, sides, _iv, _g) in enumerate(found):
        for a in sides:
            by_actor[a].append(i)
    for i, (kc, sides, iv, _g) in enumerate(found):
        if iv is None or not sides:
            continue
        for j in by_actor[min(sides, key=str)]:
            kc2, sides2, iv2, _g2 = found[j]
            if j == i or kc2 != kc or iv2 is None or not sides < sides2:
                continue
            if iv[0] <= iv2[1] and iv2[0] <= iv[1]:
                joined.union(i, j)
    return _joined([group for *_x, group in found], joined)


def _event(reports: list[Report], order: Mapping[str, int]) -> Event:
    reports = sorted(reports, key=lambda r: (order[r.article], r.index))
    kinds = Counter(r.kind for r in reports)
    first = {}
    for i, r in enumerate(reports):
        first.setdefault(r.kind, i)
    kind = min(kinds, key=lambda k: (-kinds[k], first[k]))
    dated = Counter(r.date_iso for r in reports if r.date_iso)
    # the most precise date given, the one given most often (ties: the earliest)
    date_iso = min(dated, key=lambda d: (-len(d), -dated[d], d)) if dated else None
    places = Counter(r.location for r in reports if r.location)
    location = min(places, key=lambda p: (-places[p], p)) if places else None
    article_dates = sorted(r.article_date for r in reports if r.article_date)
    participants = sorted({p for r in reports for p in r.participants}, key=str)
    pairs = sorted({p for r in reports for p in r.pairs}, key=lambda p: (str(p[0]), str(p[1])))
    status = "happened" if any(r.status != "scheduled" for r in reports) else "scheduled"
    return Event(id=reports[0].id, kind=kind, status=status, participants=participants, pairs=pairs,
                 date_iso=date_iso, article_date=article_dates[0] if article_dates else None,
                 location=location, reports=reports)


def group_events(records: Iterable[Record], index: Mapping[tuple[str, str], str],
                 texts: Mapping[str, str] | None = None) -> Events:
    """The events of resolved ``records`` (``index``: the resolution's, see the module doc).

    ``texts`` (article id -> text, e.g. from the store): find near-duplicate
    articles on their texts rather than on what the records keep.

    Deterministic: the same records give the same events, in the order of
    their first report (article id order, then the meeting's index).
    """
    records = list(records)
    order = {doc: i for i, doc in enumerate(sorted({rec.doc for rec in records}))}
    duplicates = find_duplicates(records, texts)
    groups: dict[tuple, list[Report]] = defaultdict(list)
    for r in _reports(records, index):
        groups[(frozenset(r.participants), _kind_class(r.kind))].append(r)
    found: list[tuple[str, frozenset, tuple | None, list[Report]]] = []
    for key in groups:
        for group in _merge_groups(_cover(groups[key]), duplicates):
            found.append((key[1], key[0], _common(group), group))
    events = [_event(group, order) for group in _nested(found)]
    events.sort(key=lambda e: (order[e.reports[0].article], e.reports[0].index))
    return Events(events, duplicates)


def meeting_pairs(index: dict[tuple[str, str], str], doc: str, meeting: Meeting
                  ) -> tuple[list[str], str | None, list[tuple[str, str]]]:
    """``(participants, hub, pairs)`` of one meeting of article ``doc``, as corpus actors.

    Participants that are no actor of the article are left out.  With a hub
    ("X met A, B and C") only the pairs with the hub are claimed, and none when
    the hub is no actor; otherwise every pair of participants.

    >>> index = {("a", "X"): "X", ("a", "B"): "Anna Berg", ("a", "C"): "C"}
    >>> meeting_pairs(index, "a", Meeting(["X", "B", "C", "Ghost"], "talks", hub="X"))
    (['X', 'Anna Berg', 'C'], 'X', [('X', 'Anna Berg'), ('X', 'C')])
    """
    parts = list(dict.fromkeys(g for g in (index.get((doc, p)) for p in meeting.participants) if g is not None))
    if meeting.hub:
        hub = index.get((doc, meeting.hub))
        pairs = [(hub, p) for p in parts if p != hub] if hub is not None else []
    else:
        hub = None
        pairs = [(u, v) for i, u in enumerate(parts) for v in parts[i + 1:]]
    return parts, hub, pairs
