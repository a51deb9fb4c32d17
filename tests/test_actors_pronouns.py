""""They" for a coordinated subject with a person in it, whatever the other sides are, and the parses
that hide the coordination; a titled name the recognizer labelled a place.  (The sentences are the
grid's own, `tests/grid`, whose parses show each case.)

Invented people; expectations follow `graphkit.actors.coref` (plural pronouns) and
`graphkit.actors.persons` (a title before a name labelled a place).
"""
from __future__ import annotations

import pytest

from graphkit.extract import extract_text


def _pairs(nlp, text):
    return {frozenset(m.participants) for m in extract_text(text, nlp=nlp).meetings}


@pytest.mark.parametrize("text,pair", [
    ("On Tuesday, French Prime Minister Alma Dragan and EU envoy Ines Kovac agreed to expand trade when they "
     "met in Tokyo.", {"Alma Dragan", "Ines Kovac"}),
    ("UN envoy Sara Kovac and Canada's defence minister agreed to expand trade when they met in Brasilia, a "
     "spokesman said.", {"Sara Kovac", "Canada"}),
    ("ACCRA (Reuters) - The Kenyan trade minister and IMF Managing Director Tomas Haddad agreed to expand "
     "trade when they met in Madrid.", {"Kenya", "Tomas Haddad"}),
    ("Greek Prime Minister Lena Tanabe, who took office in March, and the World Bank agreed to expand trade "
     "when they met in New Delhi.", {"Lena Tanabe", "World Bank"}),
])
def test_they_met_pairs_the_sides_of_the_coordinated_subject(nlp, text, pair):
    assert frozenset(pair) in _pairs(nlp, text)


def test_they_with_one_side_only_makes_no_meeting(nlp):
    assert not _pairs(nlp, "Peru's defence minister and its trade minister agreed to expand trade when they "
                           "met in Quito.")


def test_a_titled_name_labelled_a_place_is_a_person(nlp):
    actors = {a.name: a.type for a in extract_text(
        "On Tuesday, French Prime Minister Alma Dragan and EU envoy Ines Kovac agreed to expand trade.",
        nlp=nlp).actors}
    assert actors.get("Ines Kovac") == "person"
