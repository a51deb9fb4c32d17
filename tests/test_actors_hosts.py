"""The host of a trip: a head of state or government met on a visit to one country is that country's.

Invented people; expectations follow `graphkit.actors.roles._host_of_trip`.
"""
from __future__ import annotations

from graphkit.extract import extract_text


def _persons(nlp, text):
    return {a.name: a for a in extract_text(text, nlp=nlp).actors if a.type == "person"}


def test_a_president_met_on_a_visit_to_a_country_is_the_hosts(nlp):
    p = _persons(nlp, "Prime Minister Tom Varga will make an official visit to Peru from April 29 and hold "
                      "talks in Lima with President Ivo Sandek, his spokesman told reporters.")
    assert p["Ivo Sandek"].country == "Peru"


def test_leaving_for_a_capital_for_talks_with_a_president(nlp):
    p = _persons(nlp, "Prime Minister Tom Varga leaves for Lima on April 29 for talks with President "
                      "Ivo Sandek, his spokesman said.")
    assert p["Ivo Sandek"].country == "Peru"


def test_a_meeting_apart_from_the_trip_says_nothing_of_the_host(nlp):
    p = _persons(nlp, "Tom Varga made the proposal at a meeting with President Ivo Sandek soon after "
                      "returning from a visit to Lima, officials said.")
    assert p["Ivo Sandek"].country is None


def test_a_company_president_met_on_a_trip_is_not_the_hosts(nlp):
    p = _persons(nlp, "Tom Varga will visit Peru next week and hold talks with Ivo Sandek, the "
                      "chief executive of Holm Vesk Holdings, his office said.")
    assert p["Ivo Sandek"].country is None
