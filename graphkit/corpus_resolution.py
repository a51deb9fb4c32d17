"""Corpus resolution: the per-article records of a corpus -> one set of corpus-wide actors.

:func:`resolve_corpus` is the only place where articles meet.  It is a pure
function of the records (none is modified) and gives a :class:`Resolution`:

* ``records``: a copy of each record with what one article leaves open filled
  in from the rest of the corpus: a person named only by surname gets the full
  name the corpus knows ("Dalton" -> "Mark Dalton", the surname kept as an
  alias; meeting participants follow), a person whose article states no
  country gets the country other articles state, else the one guessed from
  context, and "Dalton's adviser" the country of Dalton;
* ``actors``: corpus actor name -> :class:`CorpusActor`;
* ``index``: ``(article id, actor name)`` -> corpus actor name, for the name an
  actor has in the stored record and the one it has in the resolved record.

How actors merge across articles:

* countries, organizations and forums merge by name (case and accents folded);
* persons merge when their full names are the same or spelling variants of each
  other (Anton/Antun Vesel, Dmitry/Dimitry Sorin; a surname misspelt in one story,
  Kowalczyk/Kowalczik, with the same given name: rapidfuzz ratio) and their
  countries do not contradict each other; a bare surname ("Dalton", or "Daltan"
  misspelt when no one is called that) joins the one full name in the corpus with
  that surname and a compatible country, and stays on its own when there are two
  (two different people called "Smith" are never merged, nor two of one surname
  whose countries differ); two persons of one name show as two, the second with
  its country after the name ("Anna Berg (Chile)"), never silently as one;
* a one-word person nothing in its article but the recognizer's label makes a
  person (``Actor.label_only``: "prices at Karo rose") stays a person only where
  the corpus names that person in full (in an article naming the person's
  country) or with a cue; otherwise it is listed as an organization (in wire
  copy such names are mostly companies);
* an organization named by one word ("Vesel's statement", tagged ORG) is the one
  person of the corpus with that surname only where its article names that
  person's country (a company named after a family stays a company);
* a person's country is the one the text states most often; guesses from context
  count only when no article states one, and "Dalton's adviser" has Dalton's country.
  The corpus actor has the country its resolved records give most often, so the
  records and the actors never disagree.

The store keeps the resolution of its current content (:meth:`graphkit.store.Store.resolution`),
and the graph, the queries, the exports and the view are built from it, so
they all show the same actors.

>>> from graphkit.records import Actor, Meeting, Record

if TYPE_CHECKING:
    from graphkit.events import Events
>>> recs = [Record("a", actors=[Actor("Anna Berg", "person", country="Norway", mentions=[[0, 9, 0]])]),
...         Record("b", actors=[Actor("Berg", "person", mentions=[[0, 4, 0], [9, 13, 1]]),
...                             Actor("Sweden", "country")],
...                meetings=[Meeting(["Berg", "Sweden"], "visit")])]
>>> records, actors, index = resolve_corpus(recs)
>>> records[1].actors[0].name, records[1].actors[0].country, records[1].meetings[0].participants
('Anna Berg', 'Norway', ['Anna Berg', 'Sweden'])
>>> recs[1].actors[0].name                    # the input is not modified
'Berg'
>>> index[("b", "Berg")], index[("b", "Anna Berg")], actors["Anna Berg"].mentions, actors["Anna Berg"].articles
('Anna Berg', 'Anna Berg', 3, ['a', 'b'])
"""
from __future__ import annotations

import dataclasses
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from graphkit.actors.gazetteer import fold
from graphkit.actors.names import core_tokens, same_person
from graphkit.fingerprint import source_fingerprint
from graphkit.records import Actor, Meeting, Record

__all__ = ["CorpusActor", "CorpusResolver", "Resolution", "resolve_corpus", "resolver_version", "as_record"]


def resolver_version() -> str:
    """A short hash of this code and of the name rules it uses (``graphkit/actors/``).

    Part of the key a store keeps its resolution under: a resolution made by
    other code is made again.
    """
    return source_fingerprint("corpus_resolution.py", "actors")


@dataclasses.dataclass
class CorpusActor:
    """One actor of the corpus: what every article says about it, merged."""

    name: str
    type: str | None
    country: str | None = None
    roles: list[str] = dataclasses.field(default_factory=list)      # sorted
    aliases: list[str] = dataclasses.field(default_factory=list)    # sorted, never the name itself
    mentions: int = 0
    articles: list[str] = dataclasses.field(default_factory=list)   # sorted article ids

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "CorpusActor":
        return cls(**data)


class _Resolved(NamedTuple):
    records: list[Record]
    actors: dict[str, CorpusActor]
    index: dict[tuple[str, str], str]


class Resolution(_Resolved):
    """What :func:`resolve_corpus` gives: resolved records, corpus actors and the index between them.

    ``events`` (made from the records and the index when first asked for, by
    :func:`graphkit.events.group_events`): the meetings grouped into events,
    one per real meeting, each with every report of it.
    """

    @functools.cached_property
    def events(self) -> "Events":
        from graphkit.events import group_events

        return group_events(self.records, self.index)


def as_record(record: Record | dict) -> Record:
    """A :class:`Record`; the JSON form (:meth:`Record.to_dict`) is read with :meth:`Record.from_dict`."""
    return record if isinstance(record, Record) else Record.from_dict(record)


def as_records(records: Iterable[Record | dict]) -> Iterator[Record]:
    return (as_record(r) for r in records)


class _Cluster:
    """The mentions of one person across the corpus, while clustering."""

    __slots__ = ("names", "countries", "guesses", "full")

    def __init__(self):
        self.names = Counter()  # full-name surface -> mentions
        self.countries = Counter()
        self.guesses = Counter()
        self.full = False

    def add(self, a: Actor) -> None:
        if a.country:
            self.countries[a.country] += 1
        elif a.country_guess and not a.country_via:
            self.guesses[a.country_guess] += 1

    def country(self) -> str | None:
        if self.countries:
            return self.countries.most_common(1)[0][0]
        if self.guesses:
            return self.guesses.most_common(1)[0][0]
        return None

    def compatible(self, country: str | None) -> bool:
        return country is None or not self.countries or country in self.countries

    def canonical(self) -> str:
        # the most used full form; ties go to the longer, then alphabetical, for stability
        return sorted(self.names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


FUZZY_SURNAME = 88  # rapidfuzz ratio from which two surnames of 6+ letters are one name misspelt
FUZZY_GIVEN = 80


@functools.cache
def _ratio():
    # imported on first use, then kept: an import statement costs three times the comparison, and the
    # surnames are compared pair by pair
    from rapidfuzz.fuzz import ratio

    return ratio


def _misspelt(a: str, b: str) -> bool:
    """Two surnames that are one name spelt two ways ("Kowalczyk" / "Kowalczik")."""
    return a != b and min(len(a), len(b)) >= 6 and a[0] == b[0] and _ratio()(a, b) >= FUZZY_SURNAME


def _same_given(a: str, b: str) -> bool:
    ga, gb = core_tokens(a)[:-1], core_tokens(b)[:-1]
    return bool(ga and gb) and ga[0][:1] == gb[0][:1] and _ratio()(ga[0], gb[0]) >= FUZZY_GIVEN


def _merge_misspelt(fulls: dict, of: dict) -> None:
    """Full names whose surnames are one name misspelt, with the same given name and no contradicting
    country, are one person ("Anna Kowalczyk" / "Anna Kowalczik")."""
    keys = sorted(k for k in fulls if not k.startswith("#") and len(k) >= 6)
    by_first = defaultdict(list)
    for k in keys:
        by_first[k[0]].append(k)
    for group in by_first.values():
        for i, k in enumerate(group):
            for k2 in group[i + 1:]:
                if not _misspelt(k, k2):
                    continue
                for c2 in list(fulls[k2]):
                    c = next((c for c in fulls[k] if (not c.countries or not c2.countries or
                                                      set(c.countries) & set(c2.countries))
                              and any(_same_given(x, y) for x in c.names for y in c2.names)), None)
                    if c is None:
                        continue
                    c.names.update(c2.names)
                    c.countries.update(c2.countries)
                    c.guesses.update(c2.guesses)
                    fulls[k2].remove(c2)
                    for key, cl in of.items():
                        if cl is c2:
                            of[key] = c


def _person_clusters(records: Iterable[Record]) -> dict[tuple[str, str], _Cluster]:
    """Cluster the person actors of all records; returns (doc, name in the record) -> cluster.

    ``records`` is read once; what is kept of an actor for later has no mentions.
    """
    fulls: dict[str, list[_Cluster]] = defaultdict(list)  # surname key -> clusters
    of: dict[tuple[str, str], _Cluster | None] = {}
    partial = []
    orgs = []

    def join(c: _Cluster, a: Actor, key) -> None:
        c.add(a)
        of[key] = c

    named: dict[str, set] = {}  # article -> the countries it names
    for rec in as_records(records):
        countries = named[rec.doc] = {x.name for x in rec.actors if x.type == "country"} | {
            x.country for x in rec.actors if x.country}
        for a in rec.actors:
            if a.type == "organization" and not a.country and len(a.name.split()) == 1 and not a.aliases:
                orgs.append(((rec.doc, a.name), dataclasses.replace(a, mentions=[]), len(a.mentions) or 1, countries))
            if a.type != "person":
                continue
            core = core_tokens(a.name)
            if not core:
                continue
            key = (rec.doc, a.name)
            n = len(a.mentions) or 1
            if len(core) < 2:
                partial.append((key, dataclasses.replace(a, mentions=[]), n))
                continue
            c = next((c for c in fulls[core[-1]]
                      if c.compatible(a.country) and any(same_person(a.name, x) or same_person(x, a.name)
                                                         for x in c.names)), None)
            if c is None:
                c = _Cluster()
                c.full = True
                fulls[core[-1]].append(c)
            c.names[a.name] += n
            join(c, a, key)
    _merge_misspelt(fulls, of)
    # spaCy often labels a bare surname as an organization ("Vesel's statement"): one that is the surname
    # of exactly one person of the corpus, whose country its article names too, is that person (a company
    # named after a family, "Karo" beside a "Jon Karo" of no stated country, stays a company)
    for key, a, n, countries in orgs:
        core = core_tokens(a.name)
        found = fulls.get(core[0], []) if len(core) == 1 else []
        if len(found) == 1 and found[0].country() in countries and found[0].countries:
            partial.append((key, a, n))
    # one word only the recognizer called a person comes last: it joins a person others name
    partial.sort(key=lambda p: p[1].label_only)
    for key, a, n in partial:
        surname = core_tokens(a.name)[-1]
        cands = [c for c in fulls.get(surname, []) if c.compatible(a.country)]
        if not fulls.get(surname) and a.type == "person":  # a surname misspelt: the one full name it can be
            cands = [c for k in fulls if not k.startswith("#") and _misspelt(surname, k)
                     for c in fulls[k] if c.compatible(a.country)]
        if a.label_only:  # only the label: the full name's country must be named in its article too
            cands = [c for c in cands if c.country() in named.get(key[0], ())]
        if len(cands) == 1:
            join(cands[0], a, key)
            continue
        if a.type != "person":
            continue
        lone = next((c for c in fulls.get("#" + surname, []) if c.compatible(a.country)), None)
        if a.label_only and not cands and lone is None:
            # one word only the recognizer called a person, that no article names in full or with a cue
            # of its own: no person ("Pertamina has signed ...", "prices at Karo rose"), an organization
            of[key] = None
            continue
        # no full name anywhere (or ambiguous): the bare name is its own actor, shared by articles
        if lone is None:
            lone = _Cluster()
            fulls["#" + surname].append(lone)
        lone.names[a.name] += n
        join(lone, a, key)
    return of


def _resolve_record(rec: Record, clusters: dict) -> tuple[Record, list[tuple[Actor, str, _Cluster | None]]]:
    """A resolved copy of ``rec``, and for each of its actors ``(resolved actor, stored name, cluster)``."""
    rename: dict[str, str] = {}
    names_here = {a.name for a in rec.actors}
    resolved = []
    for a in rec.actors:
        c = clusters.get((rec.doc, a.name))
        if c is None and (rec.doc, a.name) in clusters:
            # no article shows it to be a person's: listed as the recognizer's other label for such a name
            resolved.append((dataclasses.replace(a, type="organization", country=None, country_guess=None,
                                                 country_via=None, roles=[]), a.name, None))
            continue
        if c is None:
            resolved.append((dataclasses.replace(a), a.name, None))
            continue
        country = a.country or c.country() or (None if a.country_via else a.country_guess)
        name, aliases = a.name, a.aliases
        if len(core_tokens(a.name)) < 2 and c.full:
            full = c.canonical()
            if full not in names_here:
                rename[a.name] = full
                name, aliases = full, sorted(set(a.aliases) | {a.name})
        resolved.append((dataclasses.replace(a, type="person", country=country, name=name, aliases=aliases),
                         a.name, c))
    # "Dalton's adviser": the country of the possessor, once that is known
    by_name = {a.name: a for a, _, _ in resolved}
    for a, _, _ in resolved:
        if a.country_via and not a.country:
            p = by_name.get(rename.get(a.country_via, a.country_via))
            a.country = (p.country if p is not None else None) or a.country_guess
    meetings, relations = rec.meetings, rec.relations
    if rename:
        meetings = [dataclasses.replace(m, participants=[rename.get(p, p) for p in m.participants],
                                        hub=rename.get(m.hub, m.hub) if m.hub else m.hub)
                    for m in meetings]
        relations = [dataclasses.replace(r, participants=[rename.get(p, p) for p in r.participants])
                     for r in relations]
    out = dataclasses.replace(rec, actors=[a for a, _, _ in resolved], meetings=meetings, relations=relations)
    return out, resolved


class CorpusResolver:
    """:func:`resolve_corpus` in two passes over the records, for a corpus not held in memory.

    Pass 1 (the constructor) clusters the persons of ``records`` (only their
    actors are kept, without mentions); pass 2 is :meth:`resolve`, called with
    the same records in the same order, one at a time; :meth:`finish` then
    gives the corpus actors and the index.  The results equal
    :func:`resolve_corpus`'s.
    """

    def __init__(self, records: Iterable[Record]):
        self._clusters = _person_clusters(records)
        self._actors: dict[str, dict] = {}
        self._index: dict[tuple[str, str], str] = {}
        self._folded: dict[tuple[str | None, str], str] = {}
        # a person's corpus country: the one its resolved records give most often (the country the
        # texts state, else the one filled in from a guess or from "Dalton's adviser")
        self._person_countries: dict[int, Counter] = defaultdict(Counter)
        self._cluster_names: dict[int, str] = {}

    def resolve(self, record: Record | dict) -> Record:
        """The resolved copy of ``record`` (pass 2); its actors join the corpus actors."""
        rec = as_record(record)
        resolved_rec, resolved = _resolve_record(rec, self._clusters)
        for a, stored_name, c in resolved:
            if c is not None:
                name = self._cluster_name(c)
                if a.country:
                    self._person_countries[id(c)][a.country] += 1
                country = ("cluster", id(c))
            else:
                name = self._folded.setdefault((a.type, fold(a.name)), a.name)
                country = ("value", a.country)
            g = self._actors.get(name)
            if g is None:
                g = self._actors[name] = {"type": a.type, "countries": {}, "roles": set(), "aliases": set(),
                                          "mentions": 0, "articles": set()}
            g["countries"].setdefault(country)  # in order: the actor's country is the first one known
            g["roles"].update(a.roles)
            g["aliases"].update(x for x in [stored_name, a.name, *a.aliases] if x != name)
            g["mentions"] += len(a.mentions)
            g["articles"].add(rec.doc)
            self._index[(rec.doc, stored_name)] = name
            self._index[(rec.doc, a.name)] = name
        return resolved_rec

    def _cluster_name(self, c: _Cluster) -> str:
        """The cluster's name; a name another person already has gets this one's country after it
        ("Anna Berg (Chile)"), so that two persons of one name show as two."""
        name = self._cluster_names.get(id(c))
        if name is None:
            name = base = c.canonical()
            taken = {n for n in self._cluster_names.values()}
            if name in taken:
                name = f"{base} ({c.country() or 'another'})"
                k = 2
                while name in taken:
                    name, k = f"{base} ({c.country() or 'another'} {k})", k + 1
            self._cluster_names[id(c)] = name
        return name

    @property
    def index(self) -> dict[tuple[str, str], str]:
        """The index so far: it holds the names of every record resolved."""
        return self._index

    def finish(self) -> tuple[dict[str, CorpusActor], dict[tuple[str, str], str]]:
        """``(actors, index)`` of every record resolved."""
        def country(kind, value):
            if kind == "value":
                return value
            counts = self._person_countries.get(value)
            return counts.most_common(1)[0][0] if counts else None

        actors = {}
        for name, g in self._actors.items():
            known = (country(*c) for c in g["countries"])
            actors[name] = CorpusActor(
                name=name, type=g["type"], country=next((x for x in known if x), None),
                roles=sorted(g["roles"]), aliases=sorted(g["aliases"]), mentions=g["mentions"],
                articles=sorted(g["articles"]))
        return actors, self._index


def resolve_corpus(records: Iterable[Record | dict]) -> Resolution:
    """Resolve the actors of ``records`` across the corpus (see the module doc).

    ``records`` are :class:`graphkit.records.Record` objects or their JSON form;
    none is modified.  Persons are clustered once, and both the resolved
    records and the corpus actors come from that one clustering.
    """
    records = list(as_records(records))
    resolver = CorpusResolver(records)
    resolved = [resolver.resolve(rec) for rec in records]
    return Resolution(resolved, *resolver.finish())
