"""The actor component's working state for one Doc: mentions and the actors they name.

The phases of `graphkit.actors.component` (candidates, persons, bodies,
forums, groups, places, roles, pronouns) read and extend one
:class:`ArticleState`; the component then writes it out as
``doc.spans["actors"]``.  Nothing outside `graphkit.actors` sees these objects.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graphkit.records import ACTOR_TYPES


@dataclass
class Mention:
    """One mention of an actor or a place, as a token span."""

    start: int
    end: int
    type: str  # person | country | organization | forum | location | media
    actor: str | None  # canonical name; None for media
    surface: str
    place: bool = False  # a country, capital or city used as a place
    kind: str = "name"  # name | demonym | capital | seat | body | pronoun
    country: str | None = None  # bodies, organizations and places: the country they belong to

    @property
    def is_actor(self) -> bool:
        return self.actor is not None and self.type in ACTOR_TYPES


@dataclass
class ActorState:
    name: str
    type: str
    country: str | None = None
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    guess: str | None = None  # from context only
    via: str | None = None  # "Dalton's adviser": the person whose country this one shares
    label_only: bool = False  # a one-word name only the recognizer calls a person (no cue in the article)


@dataclass
class ArticleState:
    """The mentions of one article and the actors they name."""

    doc: object
    gazetteer: object
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, ActorState] = field(default_factory=dict)
    by_token: dict[int, Mention] = field(default_factory=dict)
    headings: set[int] = field(default_factory=set)
    common_words: frozenset = frozenset()  # the model's word lists: "Industry" in "U.S. Industry" is a word
    period: str | None = None  # the article's date or the text's own (`graphkit.actors.period`)
    dateline_country: str | None = None  # the country of the place a wire story was filed from
    label_only: set[int] = field(default_factory=set)  # starts of one-word persons with no cue but the label

    def index(self) -> None:
        """Rebuild the token look-up after mentions changed."""
        self.mentions.sort(key=lambda m: m.start)
        self.by_token = {i: m for m in self.mentions for i in range(m.start, m.end)}

    def at(self, i: int) -> Mention | None:
        return self.by_token.get(i)

    def country_modifying(self, noun) -> str | None:
        """The country a word before ``noun`` names as its modifier ("a Peruvian banker", "Chile's
        envoys"), not as a place; None where none does."""
        for c in noun.children:
            m = self.at(c.i)
            if c.i < noun.i and c.dep_ in ("amod", "compound", "poss", "nmod") and m is not None \
                    and m.type == "country" and not m.place:
                return m.actor
        return None

    def covered(self) -> set[int]:
        return {i for m in self.mentions for i in range(m.start, m.end)}

    def persons(self) -> list[ActorState]:
        return [a for a in self.actors.values() if a.type == "person"]

    def build_actors(self) -> None:
        """Group the mentions into actors (after the mention phases)."""
        self.actors = {}
        for m in self.mentions:
            if not m.is_actor:
                continue
            a = self.actors.get(m.actor)
            if a is None:
                a = self.actors[m.actor] = ActorState(m.actor, m.type)
            a.mentions.append(m)
            if m.surface != m.actor:
                a.aliases.add(m.surface)
            if m.country and a.type != "country":
                a.country = a.country or m.country

    def merge(self, src: str, dst: str) -> None:
        """Actor ``src`` is ``dst`` under another name."""
        s, d = self.actors.pop(src), self.actors[dst]
        d.aliases |= s.aliases | {s.name}
        d.roles |= s.roles
        for m in s.mentions:
            m.actor, m.type = dst, d.type
            d.mentions.append(m)
        d.mentions.sort(key=lambda m: m.start)
