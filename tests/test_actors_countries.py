"""A person's country from what the article says of him: US legislators' party-state marks, and
people of the markets who take no country from the story's.

Invented people; expectations follow `graphkit.actors.roles._party_state_tag` and
`graphkit.actors.home` (business nouns).
"""
from __future__ import annotations

import pytest

from graphkit.extract import extract_text


def _persons(nlp, text):
    return {a.name: a for a in extract_text(text, nlp=nlp).actors if a.type == "person"}


@pytest.mark.parametrize("text,name", [
    ("Sen. Charles Varga (R-Iowa) said yesterday that the secretary would consider the offer.", "Charles Varga"),
    ("Rep. Ann Holm, D-N.Y., has introduced a bill to create a debt facility.", "Ann Holm"),
    ("Sen Bob Kessler (R-Ore) backed the plan.", "Bob Kessler"),
    ("Tom Brenn (D-Mo.) backed the plan.", "Tom Brenn"),
])
def test_a_party_state_mark_makes_a_us_legislator(nlp, text, name):
    assert _persons(nlp, text)[name].country == "United States"


def test_a_bracket_that_is_no_party_state_mark_gives_no_country(nlp):
    assert _persons(nlp, "Tom Varga (D-Day veteran) spoke at the ceremony.")["Tom Varga"].country is None


def test_a_forecaster_takes_no_country_from_the_story(nlp):
    text = ("Cold weather in Ruritanian grain areas may have caused winterkill, Tom Varga, senior "
            "forecaster for Holmweather, said. Peruvian officials said Peru would buy more grain, and "
            "Peru's agriculture ministry said Peruvian farmers expected a poor crop in Peru.")
    p = _persons(nlp, text)["Tom Varga"]
    assert p.country is None and p.country_guess is None


def test_a_leader_reporting_a_country_in_indirect_speech_speaks_for_it(nlp):
    p = _persons(nlp, "Colombia plans to keep its borrowing level this year, Finance Minister Tomas Varga said.")
    assert p["Tomas Varga"].country == "Colombia"


def test_a_leader_quoting_on_a_rival_country_does_not_speak_for_it(nlp):
    p = _persons(nlp, '"Peru and its allies have provided the regime with military hardware," President '
                      'Tomas Varga said.')
    assert p["Tomas Varga"].country != "Peru"


def test_a_hyphenated_participle_is_no_part_of_the_name(nlp):
    text = ("President Whitfield, seeking to salvage his policy, said a major economic program for the region "
            "was working.\nThe report explains how the administration intends to carry out the recommendations "
            "of the Whitfield-appointed Holm Commission, which in 1984 developed a blueprint for the region.")
    assert set(_persons(nlp, text)) == {"Whitfield"}
    assert "Kang Min-seo" in _persons(nlp, "South Korean envoy Kang Min-seo met officials in Lima.")


def test_a_state_abbreviation_in_brackets_after_a_name_makes_a_us_legislator(nlp):
    p = _persons(nlp, "By order of seniority, those senators would be Tom Varga (Ark.), Ann Holm (Okla.) "
                      "and Bob Kessler (D-Iowa).")
    assert {n: p[n].country for n in ("Tom Varga", "Ann Holm")} == {"Tom Varga": "United States",
                                                                   "Ann Holm": "United States"}


def test_a_bracketed_word_that_is_no_state_gives_no_country(nlp):
    assert _persons(nlp, "Senator Tom Varga (Ret.) said the plan had failed.")["Tom Varga"].country is None


def test_a_title_only_one_government_uses_beats_the_story_country(nlp):
    p = _persons(nlp, "Protectionist bills being considered by Congress could trigger retaliation by the "
                      "European Community, Tom Varga, secretary for trade and industry, said. The Senate and "
                      "the House of Representatives will vote in May, Senate leaders said.")
    assert p["Tom Varga"].country == "United Kingdom"
