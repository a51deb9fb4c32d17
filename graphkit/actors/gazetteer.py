"""Built-in knowledge as data: countries, organizations, government bodies, media, titles.

The tables live in ``graphkit/actors/data/*.json`` (see the README there for their
sources); this module only loads them and answers look-ups.  Nothing here knows
about particular people: that comes from the text or from a user dictionary.

>>> gz = load_gazetteer()
>>> gz.lookup("Moscow").canonical, gz.lookup("Moscow").kind
('Russia', 'capital')
>>> gz.lookup("Jordanian").canonical
'Jordan'
>>> gz.lookup("Reuters").type
'media'
"""
from __future__ import annotations

import functools
import json
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

# Single words that are gazetteer entries but are far more often ordinary words
# when written in lower case or at the start of a sentence; they are matched
# case-sensitively only (the matcher for single tokens uses ORTH).
_MIN_LOWER_MATCH_TOKENS = 2


@dataclass(frozen=True)
class Entry:
    """What a surface form stands for.

    ``type``: country | organization | forum | media | body (government body) | members (a party's
    people in the plural, "Republicans": no actor, a sign of the party's country).
    ``kind``: for countries, how the form names it: name | demonym | capital | seat;
    ``party`` for a political party (an organization with a country).
    """

    canonical: str
    type: str
    kind: str = "name"
    country: str | None = None


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent- and case-insensitive key for names.

    >>> fold("Türkiye")
    'turkiye'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").casefold().strip()


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)  # exact surface form -> entry
    folded: dict[str, Entry] = field(default_factory=dict)  # folded multi-word form -> entry
    demonym_of: dict[str, str] = field(default_factory=dict)  # country -> adjective ("Russia" -> "Russian")
    body_nouns: dict[str, str] = field(default_factory=dict)  # folded generic body noun -> canonical noun
    titles: set[str] = field(default_factory=set)  # folded titles ("foreign minister")
    role_nouns: set[str] = field(default_factory=set)
    org_titles: dict[str, str] = field(default_factory=dict)
    country_titles: dict[str, str] = field(default_factory=dict)  # folded title one country uses -> country
    shared_country_titles: frozenset = frozenset()  # of those, the ones other governments use too
    capitals: set[str] = field(default_factory=set)
    ended: dict[str, str] = field(default_factory=dict)  # historical state -> the day it ended
    predecessor: dict[str, tuple[str, str]] = field(default_factory=dict)  # present state -> (historical, until)
    forum_members: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a grouping of states -> its states
    shouted: dict[str, Entry] = field(default_factory=dict)  # "KENYAN": a one-word country name in capitals

    def add(self, surface: str, entry: Entry, *, override: bool = False) -> None:
        surface = surface.strip()
        if not surface:
            return
        if override or surface not in self.entries:
            self.entries[surface] = entry
        key = fold(surface)
        if len(surface.split()) >= _MIN_LOWER_MATCH_TOKENS and (override or key not in self.folded):
            self.folded[key] = entry

    def lookup(self, surface: str) -> Entry | None:
        """The entry for a surface form: exact first, then (multi-word) case-insensitive."""
        surface = surface.strip()
        if surface.startswith(("the ", "The ")):
            hit = self.lookup(surface[4:])
            if hit:
                return hit
        return self.entries.get(surface) or self.folded.get(fold(surface))

    def in_period(self, country: str | None, date: str | None) -> str | None:
        """The state a present-day country's names meant on ``date`` ("Russia" in 1987: the Soviet Union)."""
        if country is None or not date:
            return country
        old = self.predecessor.get(country)
        return old[0] if old is not None and date[:10] < old[1] else country

    def members_of(self, forum: str) -> frozenset[str]:
        """The states a grouping of states is made of, with the historical states that once took their seat
        ("Group of Five": ..., "Germany", "West Germany", ...); empty for a forum whose members the tables do not list.

        >>> "West Germany" in load_gazetteer().members_of("Group of Seven")
        True
        """
        members = self.forum_members.get(forum, ())
        return frozenset(members) | {self.predecessor[c][0] for c in members if c in self.predecessor}

    def titles_and_roles(self) -> frozenset[str]:
        """Every title and role noun as one frozenset, made again only when either table is replaced or
        resized: the rules ask for it several times per article, and the union cost more than they do."""
        key = (self.titles, self.role_nouns, len(self.titles), len(self.role_nouns))
        kept = self.__dict__.get("_titles_and_roles")
        if kept is None or kept[0] is not key[0] or kept[1] is not key[1] or kept[2:4] != key[2:]:
            kept = self.__dict__["_titles_and_roles"] = (*key, frozenset(self.titles | self.role_nouns))
        return kept[4]

    def demonym(self, country: str) -> str:
        """The adjective for a country, used to name its bodies ("Russian Foreign Ministry")."""
        return self.demonym_of.get(country, country)


def _read(name: str) -> dict:
    with resources.files("graphkit.actors").joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load the built-in tables once per process."""
    gz = Gazetteer()
    for c in _read("countries.json")["countries"]:
        name = c["name"]
        country = Entry(name, "country", "name")
        gz.add(name, country, override=True)
        for a in c.get("aliases", []):
            gz.add(a, country)
        dems = c.get("demonyms", [])
        for d in dems:
            gz.add(d, Entry(name, "country", "demonym"))
        # the adjective: the first demonym that is not a plural people-noun
        adj = next((d for d in dems if not d.endswith("s") or d.endswith(("ese", "ss"))), None)
        if adj:
            gz.demonym_of[name] = adj
        for cap in c.get("capitals", []):
            gz.add(cap, Entry(name, "country", "capital"))
            gz.capitals.add(cap)
        for seat in c.get("seats", []):
            gz.add(seat, Entry(name, "country", "seat"))
    for h in _read("historical_states.json")["states"]:
        name = h["name"]
        gz.add(name, Entry(name, "country", "name"), override=True)
        for a in h.get("aliases", []):
            gz.add(a, Entry(name, "country", "name"), override=True)
        for d in h.get("demonyms", []):
            gz.add(d, Entry(name, "country", "demonym"), override=True)
        adj = next((d for d in h.get("demonyms", []) if not d.endswith("s")), None)
        if adj:
            gz.demonym_of[name] = adj
        gz.ended[name] = h["until"]
        if h.get("successor"):
            gz.predecessor[h["successor"]] = (name, h["until"])
    for o in _read("organizations.json")["organizations"]:
        e = Entry(o["name"], o.get("type", "organization"), "name", o.get("country"))
        gz.add(o["name"], e, override=True)
        for a in o.get("aliases", []):
            gz.add(a, e)
        if o.get("members"):
            gz.forum_members[o["name"]] = tuple(o["members"])
    bodies = _read("government_bodies.json")
    for b in bodies.get("bodies", []):
        e = Entry(b["name"], "body", "name", b.get("country"))
        gz.add(b["name"], e, override=True)
        for a in b.get("aliases", []):
            gz.add(a, e)
    for g in bodies.get("generic", []):
        canon = g.get("canonical") or g["noun"]
        for v in [g["noun"], *g.get("variants", [])]:
            gz.body_nouns[fold(v)] = canon
    for party in _read("parties.json")["parties"]:
        e = Entry(party["name"], "organization", "party", party["country"])
        gz.add(party["name"], e, override=True)
        for a in party.get("aliases", []):
            gz.add(a, e)
        for a in party.get("members", []):  # "Republicans": the party's people, not the party
            gz.add(a, Entry(party["name"], "members", "party", party["country"]))
    for m in _read("media.json")["outlets"]:
        e = Entry(m["name"], "media")
        gz.add(m["name"], e, override=True)
        for a in m.get("aliases", []):
            gz.add(a, e)
    # a headline in capitals ("RURITANIAN PRESIDENT RESHUFFLES CABINET") writes a country's one-word name
    # or adjective in capitals: matched only on such a line (`graphkit.actors.candidates`)
    for surface, entry in list(gz.entries.items()):
        if entry.type == "country" and entry.kind in ("name", "demonym") and len(surface) >= 4 \
                and surface.isalpha() and not surface.isupper() and surface.upper() not in gz.entries:
            gz.shouted.setdefault(surface.upper(), entry)
    t = _read("titles.json")
    gz.titles = {fold(x) for x in t.get("titles", [])}
    gz.role_nouns = {fold(x) for x in t.get("role_nouns", [])}
    gz.org_titles = {fold(k): v for k, v in t.get("org_titles", {}).items()}
    gz.country_titles = {fold(k): v for k, v in t.get("country_titles", {}).get("titles", {}).items()}
    gz.shared_country_titles = frozenset(fold(k) for k in t.get("country_titles", {}).get("shared", {}).get("titles", []))
    return gz
