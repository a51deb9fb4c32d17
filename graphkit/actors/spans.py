"""The actor layer as the next stage reads it: ``doc.spans["actors"]``.

The ``graphkit_actors`` pipeline component (`graphkit.actors.component`)
writes one Span per mention:

* ``span.label_``: person | country | organization | forum | location | media;
* ``span.id_``: the canonical name within the article ("Anton Vesel", "Russia";
  for a location the place name itself);
* ``span._.country``: the country (or international organization) the actor
  belongs to; for a country itself; for a place, the country it lies in;
* ``span._.roles``: the person's titles from the text;
* ``span._.stands_for``: ``"government"`` ("Moscow warned"), ``"place"``
  ("talks in Moscow") or ``"actor"``;
* ``span._.kind``: how the mention names it (name | demonym | capital | seat |
  body | pronoun);
* ``span._.guess``, ``span._.via``: a person's country guessed from context, or
  the person whose country they share ("Dalton's adviser");
* ``span._.label_only``: a one-word person nothing in the article but the
  recognizer's label makes a person (no title, role, human verb, "he"/"she").

Only this module's names are for other packages: :func:`actor_index` gives
token look-ups, :func:`phrase_actors` the actors a noun phrase stands for
(titled names, roles with a country or organization attached, plural roles,
counterparts, delegations, pronouns, definite role descriptions),
:func:`actors_of_doc` the typed :class:`graphkit.records.Actor` list of the
record.  Doc extensions carry the article's metadata
(``doc._.article_id``, ``doc._.article_date``) and what the text says about
it (``doc._.home_country``, ``doc._.dateline``).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from graphkit.records import ACTOR_TYPES, Actor

ACTORS_KEY = "actors"

_SPAN_EXTENSIONS = {"country": None, "roles": (), "stands_for": "actor", "kind": "name", "guess": None, "via": None,
                    "label_only": False}
_DOC_EXTENSIONS = {"article_id": None, "article_date": None, "home_country": None, "dateline": None}


def register_extensions() -> None:
    """Register the Span and Doc extensions (idempotent)."""
    from spacy.tokens import Doc, Span

    for name, default in _SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


@dataclass(frozen=True)
class ActorIndex:
    """Token look-ups over one Doc's actor spans."""

    doc: object
    spans: tuple
    _starts: tuple
    _by_token: dict

    def at(self, i: int):
        """The actor span covering token ``i``, or None."""
        return self._by_token.get(i)

    def all_at(self, i: int) -> list:
        """Every actor span covering token ``i`` ("they" can stand for two persons)."""
        first = self._by_token.get(i)
        if first is None:
            return []
        return [s for s in self.in_range(first.start, i + 1) if s.start <= i < s.end]

    def in_range(self, start: int, end: int) -> list:
        """The spans starting inside ``[start, end)``, in order."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return list(self.spans[lo:hi])

    def named(self, name: str) -> list:
        return [s for s in self.spans if s.id_ == name]

    def label_of(self, name: str) -> str | None:
        s = next((s for s in self.spans if s.id_ == name), None)
        return s.label_ if s is not None else None

    def country_of(self, name: str) -> str | None:
        s = next((s for s in self.spans if s.id_ == name), None)
        return s._.country if s is not None else None

    def persons(self) -> list[str]:
        """The article's persons, in order of first mention."""
        return list(dict.fromkeys(s.id_ for s in self.spans if s.label_ == "person" and s._.kind != "pronoun"))

    def person_with_role(self, role_words: set[str], country: str | None = None) -> str | None:
        """The one named person whose roles hold all ``role_words`` (and who belongs to ``country``)."""
        hits = set()
        for s in self.spans:
            if s.label_ != "person" or s._.kind == "pronoun" or (country and s._.country != country):
                continue
            for role in s._.roles:
                words = set(role.lower().replace(".", "").replace("-", " ").split())
                if role_words and role_words <= words:
                    hits.add(s.id_)
        return hits.pop() if len(hits) == 1 else None


def actor_index(doc) -> ActorIndex:
    """The :class:`ActorIndex` of a Doc the actor component has run on."""
    spans = tuple(sorted(doc.spans[ACTORS_KEY], key=lambda s: (s.start, -s.end))) if ACTORS_KEY in doc.spans else ()
    by_token = {}
    for s in spans:
        for i in range(s.start, s.end):
            by_token.setdefault(i, s)
    return ActorIndex(doc, spans, tuple(s.start for s in spans), by_token)


def phrase_actors(doc, token, index: ActorIndex | None = None) -> list:
    """The actor spans the noun phrase headed by ``token`` stands for; empty when it names no actor.

    * an actor span on the token: that span; a pronoun: the spans of the person(s) it was resolved to
      (several for "they"); a place or an outlet: empty;
    * a role with a name of its own ("the foreign minister, X", "a delegation led by X"): X's span;
    * a role with countries or organizations attached (adjective, possessive, compound, of/from phrase:
      "the Ruritanian foreign minister", "Ruritania's foreign minister", "the foreign minister of
      Ruritania", "IMF officials"): for one singular role and one country or organization, the first
      span of the one person the article names holding that role for it (a counterpart: the role of the
      person whose counterpart it is, "his Ruritanian counterpart"), else the country or organization
      span; for a plural role or a group ("senior Ruritanian and Freedonian officials", "a Ruritanian
      delegation"), every country and organization span attached, in order;
    * a definite role with nothing attached ("the foreign minister"): the nearest person named before
      it holding that role (the first span of that person), else nothing;
    * anything else (generic people, "officials" alone, "Dalton's adviser"): empty.

    Pass ``index`` (:func:`actor_index`) when calling it often on one Doc.  The rules:
    `graphkit.actors.phrase`.
    """
    from .phrase import phrase_actors as rules

    return rules(doc, token, actor_index(doc) if index is None else index)


def actors_of_doc(doc) -> list[Actor]:
    """One :class:`Actor` per actor of the article (persons, countries, organizations, forums).

    Mentions are ``[start_char, end_char, sentence index]``; pronouns are not mentions.
    """
    if ACTORS_KEY not in doc.spans:
        return []
    sent_starts = [s.start for s in doc.sents]
    out: dict[str, Actor] = {}
    for s in sorted(doc.spans[ACTORS_KEY], key=lambda s: s.start):
        ext = s._  # (one extension view per span: each `s._` makes a new one)
        if s.label_ not in ACTOR_TYPES or ext.kind == "pronoun":
            continue
        a = out.get(s.id_)
        if a is None:
            a = out[s.id_] = Actor(s.id_, s.label_, country=None if s.label_ == "country" else ext.country,
                                   roles=sorted(ext.roles), country_guess=ext.guess, country_via=ext.via,
                                   label_only=ext.label_only)
        if s.text != a.name and s.text not in a.aliases:
            a.aliases.append(s.text)
        a.mentions.append([s.start_char, s.end_char, bisect.bisect_right(sent_starts, s.start) - 1])
    for a in out.values():
        a.aliases.sort()
    return list(out.values())
