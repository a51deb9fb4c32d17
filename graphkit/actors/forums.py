"""Named forums: "<name> talks / conference / summit / declaration".

The modifiers before a forum noun name it when they are a place, a demonym or a
proper name ("the Minsk conference", "Libyan peace talks"), not when they list
the parties ("Iran-Russia-Turkey talks") or a person.  One forum written
several ways in an article ("Syria peace talks", "Syrian peace talks",
"intra-Syrian talks": the same country and otherwise only generic words) is one
forum.
"""
from __future__ import annotations

import re

from graphkit.tokens import token_hits

from .gazetteer import fold
from .lexicon import LEXICON
from .mention import ArticleState, Mention

FORUM_NOUNS = LEXICON["forum_nouns"]
FORUM_GENERIC = LEXICON["forum_generic"] | FORUM_NOUNS
DETERMINERS = LEXICON["determiners"]
NOT_NAMES = LEXICON["forum_not_names"]
TIMING = LEXICON["forum_timing_words"]


_ORDINALS = {w: f"{i}th" for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}


def _forum_key(name: str, gz) -> tuple:
    countries, rest = set(), set()
    for w in re.split(r"[\s\-]+", name):
        e = gz.lookup(w)
        if e is not None and e.type == "country":
            countries.add(e.canonical)
        elif w and fold(w) not in FORUM_GENERIC:
            # "the Fourteenth Islamic Summit" is "the 14th Islamic Summit"
            f = fold(w)
            rest.add(_ORDINALS.get(f) or re.sub(r"^(\d+)(?:st|nd|rd|th)$", r"\1th", f))
    return frozenset(countries), frozenset(rest)


def add_forums(state: ArticleState) -> None:
    doc, gz = state.doc, state.gazetteer
    covered = state.covered()
    found = []
    for t in token_hits(doc, FORUM_NOUNS):
        if t.i in covered or t.i in state.headings:
            continue
        j = t.i - 1  # the modifiers directly before the noun
        while j >= 0 and (doc[j].dep_ in ("compound", "amod", "nmod") or doc[j].text == "-") \
                and doc[j].head.i in range(j, t.i + 1) and doc[j].text != ",":
            j -= 1
        mods = list(range(j + 1, t.i))
        if mods and doc[mods[0]].lower_ in DETERMINERS:
            mods = mods[1:]
        while mods and doc[mods[0]].lower_ in TIMING and doc[mods[0]].ent_type_ not in ("DATE", "TIME"):
            mods = mods[1:]  # "the recent NATO summit", "the upcoming G20 summit": when, not which
        if not mods or any(doc[i].lower_ in NOT_NAMES for i in mods) or doc[mods[0]].text == "-":
            continue
        inside = [state.at(i) for i in mods if state.at(i) is not None]
        if any(m.type == "forum" for m in inside):
            continue  # "the G20 summit" is the forum G20 already named
        if len({m.actor for m in inside if m.type == "country"}) >= 2 or any(m.type == "person" for m in inside):
            continue  # a list of parties, not a name
        named = inside or any(doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() for i in mods) \
            or any(doc[i].lower_.startswith("intra") for i in mods)
        if not named:
            continue
        span = doc[mods[0]:t.i + 1]
        name = re.sub(r"\s*-\s*", "-", span.text)
        name = name[0].upper() + name[1:]
        found.append(Mention(mods[0], t.i + 1, "forum", name, span.text))
        covered.update(range(mods[0], t.i + 1))
    canon = {}
    named = [m for m in state.mentions if m.type == "forum"]
    for m in named:  # the tables' forums keep their names; the recognizer's "the G20 Summit" takes theirs
        entry = gz.lookup(m.actor)
        if entry is not None and entry.type == "forum":
            canon.setdefault(_forum_key(m.actor, gz), m.actor)
    for m in named + found:
        m.actor = canon.setdefault(_forum_key(m.actor, gz), m.actor)
    state.mentions.extend(found)
    state.index()
