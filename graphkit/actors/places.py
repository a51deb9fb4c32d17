"""Places and metonymy: is "Moscow" the place or the government?

A capital used as a place (the object of a place preposition, a modifier of
another noun, "Minsk, Belarus", "the Belarusian capital Minsk") is a location
in its country; otherwise it stands for its government ("Moscow warned").  A
country named as a place ("talks in Kenya") stays the country, marked as a
place.  Other places (NER places not in the tables) lie in the country the
cities table gives, if it knows the name.
"""
from __future__ import annotations

from .lexicon import LEXICON
from .mention import ArticleState

PLACE_PREPS = LEXICON["place_preps"]
GOV_NOUNS = LEXICON["gov_nouns"]
PLACE_NOUNS = LEXICON["place_nouns"]


def object_of_place_preposition(doc, end: int) -> bool:
    """The object of "in / to / at ..." ("in the U.K., France and Italy": every conjunct)."""
    head = doc[end - 1]
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS


def used_as_place(doc, start: int, end: int) -> bool:
    if object_of_place_preposition(doc, end):
        return True
    head = doc[end - 1]
    if head.dep_ in ("compound", "amod", "nmod") and head.head.lower_ not in GOV_NOUNS:
        return True  # "the Lima Declaration", "Minsk talks": a modifier names a place
    if end < len(doc) - 1 and doc[end].text == "," and doc[end + 1].ent_type_ == "GPE":
        return True  # "Minsk, Belarus"
    if head.dep_ == "appos" or (head.head.ent_type_ == "GPE" and head.dep_ in ("appos", "npadvmod")):
        return True
    return start > 0 and doc[start - 1].lower_ in PLACE_NOUNS  # "the Belarusian capital Minsk"


def resolve_places(state: ArticleState, city_country) -> None:
    """Mark places; capitals used as places become locations of their country."""
    doc = state.doc
    for m in state.mentions:
        if m.type == "country" and m.kind == "capital" and used_as_place(doc, m.start, m.end):
            m.place = True
            m.type, m.country, m.actor = "location", m.actor, m.surface
        elif m.type == "country" and m.kind == "name" and object_of_place_preposition(doc, m.end):
            m.place = True
        elif m.type == "location":
            m.country = m.country or city_country(m.surface)
