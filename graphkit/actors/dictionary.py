"""User dictionaries: an analyst's own actor list, which beats every built-in guess.

A dictionary pins canonical names, aliases, types, countries and roles, each
entry optionally limited to a date range (checked against the article's date;
articles without a date accept every entry).  YAML:

.. code-block:: yaml

    actors:
      - name: Anna Berg
        type: person            # person | country | organization | forum
        country: Norway
        aliases: [Berg, A. Berg]
        roles: [Foreign Minister]
        from: 2015-01-01        # optional
        to: 2019-12-31          # optional
      - name: Northern Alliance
        type: organization
        aliases: [NA]

or CSV with a header (aliases and roles separated by ``;``)::

    name,type,country,aliases,roles,from,to
    Anna Berg,person,Norway,Berg;A. Berg,Foreign Minister,2015-01-01,2019-12-31

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "actors.csv")
>>> _ = open(path, "w").write("name,type,country,aliases,roles\\nAnna Berg,person,Norway,Berg,Foreign Minister\\n")
>>> d = load_dictionary(path)
>>> d.lookup("Berg").canonical, d.lookup("Berg").country
('Anna Berg', 'Norway')
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.records import ACTOR_TYPES as TYPES

from .gazetteer import Entry


class DictionaryError(ValueError):
    """A user dictionary that cannot be read; the message names the file and entry."""


@dataclass
class DictEntry:
    name: str
    type: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    start: str | None = None  # ISO date, inclusive
    end: str | None = None

    def covers(self, date: str | None) -> bool:
        if not date:
            return True
        d = date[:10]
        return (self.start is None or self.start <= d) and (self.end is None or d <= self.end)


class UserDictionary:
    """Surface form -> pinned actor, with optional date ranges."""

    def __init__(self, items: list[DictEntry], source: str = "<dictionary>"):
        self.items = items
        self.source = source
        self.by_surface: dict[str, list[DictEntry]] = {}
        for it in items:
            for s in [it.name, *it.aliases]:
                self.by_surface.setdefault(s.strip(), []).append(it)
        # every surface, for the phrase matcher (the same object for every article, so it is built once)
        self.entries: dict[str, Entry] = {s: _entry(its[0]) for s, its in self.by_surface.items()}
        self.date: str | None = None

    def at(self, date: str | None) -> "UserDictionary":
        """A view of the dictionary for an article of this date."""
        view = object.__new__(UserDictionary)
        view.__dict__.update(self.__dict__)
        view.date = date
        return view

    def match(self, surface: str) -> DictEntry | None:
        for it in self.by_surface.get(surface.strip(), []):
            if it.covers(self.date):
                return it
        return None

    def lookup(self, surface: str) -> Entry | None:
        it = self.match(surface)
        return _entry(it) if it else None

    def pin(self, state) -> None:
        """Pin what the dictionary says about an article's actors (names, types, countries, roles)."""
        for name in list(state.actors):
            a = state.actors.get(name)
            if a is None:
                continue
            it = self.match(name) or next((self.match(x) for x in a.aliases if self.match(x)), None)
            if it is None or (it.type == "person" and a.type == "person" and not _may_be(name, it.name)):
                continue  # "Erik Berg ... Berg": a partial alias of Anna Berg does not make Erik her
            if it.name != name:
                if it.name in state.actors:
                    state.merge(name, it.name)
                    a = state.actors[it.name]
                else:
                    state.actors[it.name] = state.actors.pop(name)
                    a.aliases.add(name)
                    a.name = it.name
                    for m in a.mentions:
                        m.actor = it.name
            a.type = it.type
            for m in a.mentions:
                m.type = it.type
            if it.country:
                a.country, a.guess, a.via = it.country, None, None
            a.roles |= set(it.roles)
            a.aliases |= set(it.aliases)
            a.aliases.discard(a.name)


def _may_be(name: str, pinned: str) -> bool:
    """May the article's person ``name`` be the dictionary's ``pinned`` person?  A full name that is
    another person's ("Erik Berg" for Anna Berg) may not."""
    from .names import core_tokens, same_person

    if len(core_tokens(name)) < 2:
        return True
    return name == pinned or same_person(name, pinned) or same_person(pinned, name)


def _entry(it: DictEntry) -> Entry:
    return Entry(it.name, "body" if it.type == "organization" and it.country else it.type, "name", it.country)


def _list(v) -> list[str]:
    if v is None or v == "":
        return []
    if isinstance(v, str):
        return [x.strip() for x in v.split(";") if x.strip()]
    return [str(x).strip() for x in v if str(x).strip()]


def _date(v, where: str) -> str | None:
    if v in (None, ""):
        return None
    s = str(v)[:10]
    import datetime as dt

    try:
        dt.date.fromisoformat(s)
    except ValueError:
        raise DictionaryError(f"{where}: date {v!r} is not YYYY-MM-DD") from None
    return s


def _item(obj: dict, where: str) -> DictEntry:
    name = str(obj.get("name") or "").strip()
    if not name:
        raise DictionaryError(f"{where}: an entry needs a 'name'")
    typ = str(obj.get("type") or "person").strip().lower()
    if typ not in TYPES:
        raise DictionaryError(f"{where}: type {typ!r} is not one of {', '.join(TYPES)}")
    return DictEntry(name, typ, (str(obj["country"]).strip() or None) if obj.get("country") else None,
                     _list(obj.get("aliases")), _list(obj.get("roles")),
                     _date(obj.get("from"), where), _date(obj.get("to"), where))


def load_dictionary(path) -> UserDictionary:
    """Read a YAML (``.yaml``/``.yml``) or CSV user dictionary; raises DictionaryError naming the problem."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{p}: cannot read the dictionary: {exc}") from None
    items = []
    if p.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise DictionaryError(f"{p}: not valid YAML: {exc}") from None
        rows = data.get("actors", []) if isinstance(data, dict) else data
        if not isinstance(rows, list):
            raise DictionaryError(f"{p}: expected a list under 'actors'")
        for i, obj in enumerate(rows, 1):
            if not isinstance(obj, dict):
                raise DictionaryError(f"{p}: entry {i} is not a mapping")
            items.append(_item(obj, f"{p}: entry {i}"))
    else:
        reader = csv.DictReader(text.splitlines())
        if not reader.fieldnames or "name" not in [f.strip() for f in reader.fieldnames]:
            raise DictionaryError(f"{p}: a CSV dictionary needs a header with at least 'name'")
        for n, row in enumerate(reader, 2):
            row = {(k or "").strip(): v for k, v in row.items()}
            items.append(_item(row, f"{p}:{n}"))
    return UserDictionary(items, str(p))
