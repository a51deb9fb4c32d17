"""The extraction record: what graphkit extracts from one article, as typed records.

One :class:`Record` per article, holding :class:`Actor`, :class:`Meeting` and
:class:`Relation` records.  Extraction produces them; the store, the corpus
merge and the graph read them back with :meth:`Record.from_dict`.  The JSON
form (:meth:`Record.to_dict`) is a superset of the format read by the
evaluation scorer (``doc``, ``actors``, ``meetings``)::

    {
      "doc": "000_9d3e149b290da972",          # article id
      "title": "...", "date": "2016-12-27",    # article metadata (may be null)
      "date_inferred": null,                   # the text's own date when the article has none
      "actors": [
        {"name": "Anton Vesel",                # canonical name within the article
         "type": "person",                     # person | country | organization | forum
         "country": "Russia",                  # country or international organization the actor belongs to (null for countries)
         "aliases": ["Vesel", "Antun Vesel"],  # other surface forms seen in the article
         "roles": ["Foreign Minister"],        # titles from the text (persons)
         "mentions": [[start, end, sent], ...] # character offsets into the article text, sentence index
        }, ...],
      "meetings": [
        {"participants": ["Anton Vesel", "Mark Dalton"],    # actor names (as in "actors")
         "kind": "call",                       # meeting | talks | visit | call
         "status": "happened",                 # happened | scheduled
         "location": "Moscow",                 # place as written, or null
         "date": "Tuesday",                    # date phrase as written, or null
         "date_iso": "2016-12-27",             # the day it names, or null
         "date_inferred": false,               # date_iso relative to a date inferred from the text
         "hub": null,                          # "X met A, B and C": X (only pairs with the hub are claimed)
         "evidence": "Russia's Foreign Ministry said ...",   # the sentence that states it
         "evidence_all": ["...", "..."],       # every sentence reporting the same meeting
         "spans": [[start, end], ...],         # character offsets of those sentences
         "pattern": "call-spoke-by-phone"      # the meeting pattern that found it
        }, ...],
      "relations": [                           # other relations found on the way (never meetings)
        {"kind": "agreement", "participants": [...], "evidence": "...", "spans": [[s, e]]}
      ]
    }

>>> r = Record("a1", actors=[Actor("Anna Berg", "person", country="Norway")])
>>> Record.from_dict(r.to_dict()) == r
True
>>> strip_for_scoring(r.to_dict())["actors"]
[{'name': 'Anna Berg', 'type': 'person', 'country': 'Norway', 'aliases': []}]
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields

#: The actor types a record lists (places and media are not actors).
ACTOR_TYPES = ("person", "country", "organization", "forum")
MEETING_KINDS = ("meeting", "talks", "visit", "call")
STATUSES = ("happened", "scheduled")


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value):
    """A record's field value copied as :func:`dataclasses.asdict` copies it: lists, tuples and dicts anew,
    down to their scalars (immutable: kept as they are)."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, list):
        return [v if type(v) in _SCALARS else _plain(v) for v in value]
    if isinstance(value, tuple):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return copy.deepcopy(value)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _as_dict(record) -> dict:
    """:func:`dataclasses.asdict` of a flat record, without its deep copy of every string (on Python 3.11 a
    tenth of storing an article's record)."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in fields(record))
    return {name: _plain(getattr(record, name)) for name in names}


def _known(cls, data: dict) -> dict:
    """The keys of ``data`` that are fields of ``cls`` (records written by older versions carry others)."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


@dataclass
class Actor:
    """One actor of an article."""

    name: str
    type: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[list[int]] = field(default_factory=list)
    country_guess: str | None = None  # from context only; used when nothing better is known
    country_via: str | None = None  # "Dalton's adviser": the person whose country this one shares
    label_only: bool = False  # a one-word person with no cue in its article but the recognizer's label

    def to_dict(self) -> dict:
        return _as_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Actor":
        return cls(**_known(cls, data))


@dataclass
class Meeting:
    """One meeting, talks, visit or call stated in an article."""

    participants: list[str]
    kind: str
    status: str = "happened"
    location: str | None = None
    date: str | None = None
    date_iso: str | None = None
    date_inferred: bool = False
    hub: str | None = None
    evidence: str = ""
    evidence_all: list[str] = field(default_factory=list)
    spans: list[list[int]] = field(default_factory=list)
    trigger: str | None = None
    pattern: str | None = None

    def to_dict(self) -> dict:
        return _as_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Meeting":
        return cls(**_known(cls, data))


@dataclass
class Relation:
    """Another relation found on the way (an agreement): never a meeting."""

    kind: str
    participants: list[str]
    evidence: str = ""
    spans: list[list[int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return _as_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Relation":
        return cls(**_known(cls, data))


@dataclass
class Record:
    """Everything extracted from one article."""

    doc: str
    title: str | None = None
    date: str | None = None
    date_inferred: str | None = None
    actors: list[Actor] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "doc": self.doc, "title": self.title, "date": self.date, "date_inferred": self.date_inferred,
            "actors": [a.to_dict() for a in self.actors],
            "meetings": [m.to_dict() for m in self.meetings],
            "relations": [r.to_dict() for r in self.relations],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Record":
        return cls(
            doc=str(data["doc"]), title=data.get("title"), date=data.get("date"),
            date_inferred=data.get("date_inferred"),
            actors=[Actor.from_dict(a) for a in data.get("actors") or []],
            meetings=[Meeting.from_dict(m) for m in data.get("meetings") or []],
            relations=[Relation.from_dict(r) for r in data.get("relations") or []],
        )

    def actor(self, name: str) -> Actor | None:
        """The actor of this name, if the record has it."""
        return next((a for a in self.actors if a.name == name), None)


def strip_for_scoring(record: dict) -> dict:
    """Only the fields the evaluation scorer reads.

    >>> strip_for_scoring({"doc": "a", "actors": [], "meetings": [], "relations": []})
    {'doc': 'a', 'actors': [], 'meetings': []}
    """
    return {
        "doc": record["doc"],
        "actors": [
            {k: a.get(k) for k in ("name", "type", "country", "aliases")} for a in record.get("actors", [])
        ],
        "meetings": [
            {k: m.get(k) for k in ("participants", "kind", "location", "date", "evidence")}
            for m in record.get("meetings", [])
        ],
    }
