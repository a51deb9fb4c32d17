"""Corpus-wide actor resolution: one node per real actor across articles.

Within an article `graphkit.actors.resolve` already made "Vesel" and "Anton
Vesel" one actor.  Across articles:

* countries, organizations and forums merge by name (case and accents folded);
* persons merge when their full names are the same or spelling variants of each
  other (Anton/Antun Vesel, Dmitry/Dimitry Sorin) and their countries do not
  contradict each other; a bare surname ("Dalton") joins the one full name in the
  corpus with that surname and a compatible country, and stays on its own when
  there are two (two different people called "Smith" are never merged);
* a person's country is the one the text states most often; guesses from context
  count only when no article states one.

Because it works from the stored records, it can be re-run whenever new articles
arrive: an alias seen today merges actors stored yesterday.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from .gazetteer import fold
from .names import core_tokens, same_person


class _Cluster:
    __slots__ = ("names", "countries", "guesses", "members", "full")

    def __init__(self):
        self.names = Counter()  # full-name surface -> mentions
        self.countries = Counter()
        self.guesses = Counter()
        self.members = []  # (doc, local name)
        self.full = False

    def country(self):
        if self.countries:
            return self.countries.most_common(1)[0][0]
        if self.guesses:
            return self.guesses.most_common(1)[0][0]
        return None

    def compatible(self, country):
        return country is None or not self.countries or country in self.countries

    def canonical(self):
        # the most used full form; ties go to the longer, then alphabetical, for stability
        return sorted(self.names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def _person_clusters(records: list[dict]) -> dict[tuple[str, str], _Cluster]:
    """Cluster the person actors of all records; returns (doc, local name) -> cluster."""
    fulls: dict[str, list[_Cluster]] = defaultdict(list)  # surname key -> clusters
    of: dict[tuple[str, str], _Cluster] = {}
    partial = []
    orgs = []
    for rec in records:
        for a in rec.get("actors", []):
            if a.get("type") == "organization" and not a.get("country") and len(a["name"].split()) == 1:
                orgs.append(((rec["doc"], a["name"]), a))
            if a.get("type") != "person":
                continue
            core = core_tokens(a["name"])
            if not core:
                continue
            key = (rec["doc"], a["name"])
            n = len(a.get("mentions") or []) or 1
            if len(core) < 2:
                partial.append((key, a, n))
                continue
            c = next((c for c in fulls[core[-1]]
                      if c.compatible(a.get("country")) and any(same_person(a["name"], x) or same_person(x, a["name"])
                                                                for x in c.names)), None)
            if c is None:
                c = _Cluster()
                c.full = True
                fulls[core[-1]].append(c)
            c.names[a["name"]] += n
            _add(c, a, key, of)
    # spaCy often labels a bare surname as an organization ("Vesel's statement"): one that is
    # the surname of exactly one person in the corpus is that person
    for key, a in orgs:
        core = core_tokens(a["name"])
        if len(core) == 1 and len(fulls.get(core[0], [])) == 1 and not a.get("aliases"):
            partial.append((key, a, len(a.get("mentions") or []) or 1))
    for key, a, n in partial:
        surname = core_tokens(a["name"])[-1]
        cands = [c for c in fulls.get(surname, []) if c.compatible(a.get("country"))]
        if len(cands) == 1:
            _add(cands[0], a, key, of)
            continue
        if a.get("type") != "person":
            continue
        # no full name anywhere (or ambiguous): the bare name is its own actor, shared by articles
        lone = next((c for c in fulls.get("#" + surname, []) if c.compatible(a.get("country"))), None)
        if lone is None:
            lone = _Cluster()
            fulls["#" + surname].append(lone)
        lone.names[a["name"]] += n
        _add(lone, a, key, of)
    return of


def _add(c: _Cluster, a: dict, key, of) -> None:
    if a.get("country"):
        c.countries[a["country"]] += 1
    elif a.get("country_guess") and not a.get("country_via"):
        c.guesses[a["country_guess"]] += 1
    c.members.append(key)
    of[key] = c


def merge_actors(records: Iterable[dict]) -> tuple[dict[str, dict], dict[tuple[str, str], str]]:
    """Merge the per-article actors of ``records`` into corpus-wide actors.

    Returns ``(actors, index)``: ``actors`` maps a global name to
    ``{"type", "country", "roles", "aliases", "mentions", "articles"}`` (``roles``
    and ``aliases`` sorted lists, ``mentions`` an int, ``articles`` a sorted list of
    article ids); ``index`` maps ``(doc, local name)`` to the global name.

    >>> recs = [{"doc": "a", "actors": [{"name": "Anna Berg", "type": "person", "country": "Norway", "mentions": [[0, 9, 0]]}]},
    ...         {"doc": "b", "actors": [{"name": "Berg", "type": "person", "mentions": [[0, 4, 0], [9, 13, 1]]}]}]
    >>> actors, index = merge_actors(recs)
    >>> index[("b", "Berg")], actors["Anna Berg"]["mentions"], actors["Anna Berg"]["country"]
    ('Anna Berg', 3, 'Norway')
    """
    records = list(records)
    clusters = _person_clusters(records)
    actors: dict[str, dict] = {}
    index: dict[tuple[str, str], str] = {}
    folded_names: dict[tuple[str, str], str] = {}
    for rec in records:
        for a in rec.get("actors", []):
            key = (rec["doc"], a["name"])
            c = clusters.get(key)
            if c is not None:
                name = c.canonical()
                country = c.country()
                a = dict(a, type="person")
            else:
                fk = (a.get("type"), fold(a["name"]))
                name = folded_names.setdefault(fk, a["name"])
                country = a.get("country")
            g = actors.get(name)
            if g is None:
                g = actors[name] = {"type": a.get("type"), "country": country, "roles": set(), "aliases": set(),
                                    "mentions": 0, "articles": set()}
            g["country"] = g["country"] or country
            g["roles"].update(a.get("roles") or [])
            g["aliases"].update(x for x in [a["name"], *(a.get("aliases") or [])] if x != name)
            g["mentions"] += len(a.get("mentions") or [])
            g["articles"].add(rec["doc"])
            index[key] = name
    for g in actors.values():
        for k in ("roles", "aliases", "articles"):
            g[k] = sorted(g[k])
    return actors, index


def backfill_records(records: Iterable[dict]) -> list[dict]:
    """Fill what one article leaves open from the rest of the corpus, in place.

    A person named only by surname gets the full name the corpus knows ("Dalton" ->
    "Mark Dalton", the surname kept as an alias), and a person whose article
    states no country gets the country other articles state, else the guess from
    its own context.  Meeting participants follow the renames.

    >>> recs = [{"doc": "a", "actors": [{"name": "Anna Berg", "type": "person", "country": "Norway"}], "meetings": []},
    ...         {"doc": "b", "actors": [{"name": "Berg", "type": "person", "country": None}],
    ...          "meetings": [{"participants": ["Berg", "Sweden"], "hub": None}]}]
    >>> out = backfill_records(recs)
    >>> out[1]["actors"][0]["name"], out[1]["actors"][0]["country"], out[1]["meetings"][0]["participants"]
    ('Anna Berg', 'Norway', ['Anna Berg', 'Sweden'])
    """
    records = list(records)
    clusters = _person_clusters(records)
    for rec in records:
        rename = {}
        names_here = {a["name"] for a in rec.get("actors", [])}
        for a in rec.get("actors", []):
            c = clusters.get((rec["doc"], a["name"]))
            if c is None:
                continue
            a["type"] = "person"
            if not a.get("country"):
                a["country"] = c.country() or (None if a.get("country_via") else a.get("country_guess"))
            if len(core_tokens(a["name"])) < 2 and c.full:
                full = c.canonical()
                if full not in names_here:
                    rename[a["name"]] = full
                    a["aliases"] = sorted(set(a.get("aliases") or []) | {a["name"]})
                    a["name"] = full
        # "Dalton's adviser": the country of the possessor, once that is known
        by_name = {a["name"]: a for a in rec.get("actors", [])}
        for a in rec.get("actors", []):
            via = a.get("country_via")
            if via and not a.get("country"):
                p = by_name.get(rename.get(via, via))
                a["country"] = (p or {}).get("country") or a.get("country_guess")
        if rename:
            for m in rec.get("meetings", []) + rec.get("relations", []):
                m["participants"] = [rename.get(p, p) for p in m.get("participants", [])]
                if m.get("hub"):
                    m["hub"] = rename.get(m["hub"], m["hub"])
    return records
