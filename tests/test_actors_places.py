"""A city's country: the name as written first, a folded spelling only where it is one country's.

Expectations follow `graphkit.actors.cities.city_country` and the GeoNames table it reads
(Rosario, Argentina; Rosário, Brazil).
"""
from __future__ import annotations

from graphkit.actors.cities import city_country
from graphkit.extract import extract_text


def test_the_name_as_written_wins_over_another_countrys_accented_spelling():
    assert city_country("Rosario") == "Argentina"
    assert city_country("Rosário") == "Brazil"


def test_a_folded_spelling_two_countries_share_names_none():
    assert city_country("ROSARIO") is None


def test_a_visit_to_the_city_goes_to_its_country(nlp):
    meetings = extract_text("On Friday, senior Spanish officials visited Rosario.", nlp=nlp).meetings
    assert {frozenset(m.participants) for m in meetings} == {frozenset({"Spain", "Argentina"})}
