"""A headline written in capitals: its country words, the office holder it names, the story's country.

Invented people; the expectations follow the rules in `graphkit.actors.gazetteer` (a one-word
country name or adjective in capitals), `graphkit.actors.roles` (the headline's "<country> <title>")
and `graphkit.actors.home` (a headline names what the story is about).
"""
from __future__ import annotations

import pytest

from graphkit.extract import extract_text

STORY = ("CHILEAN PRESIDENT RESHUFFLES CABINET\n\n"
         "President Tomas Varga replaced his ministers of foreign affairs and planning in a cabinet "
         "reshuffle, the official news agency said.\n"
         "Ramon Pelko, former planning minister, becomes foreign minister. Finance Minister Aldo Ketter "
         "and Energy Minister Luis Brenna keep their jobs.\n")


@pytest.fixture
def story(nlp):
    return {a.name: a for a in extract_text(STORY, nlp=nlp).actors}


def test_a_country_adjective_in_a_capitals_headline_names_the_country(story):
    assert story["Chile"].type == "country"


def test_the_headline_office_holder_is_the_one_person_with_that_title(story):
    assert story["Tomas Varga"].country == "Chile"


def test_ministers_with_no_country_get_the_headline_country_as_a_guess(story):
    for name in ("Ramon Pelko", "Aldo Ketter", "Luis Brenna"):
        a = story[name]
        assert a.country is None and a.country_guess == "Chile", name


def test_without_the_headline_the_ministers_get_no_guess(nlp):
    actors = {a.name: a for a in extract_text(STORY.split("\n\n", 1)[1], nlp=nlp).actors}
    assert "Chile" not in actors
    assert actors["Tomas Varga"].country is None
    assert actors["Ramon Pelko"].country_guess is None


def test_a_country_name_in_capitals_on_an_ordinary_line_is_not_taken(nlp):
    actors = extract_text("Tomas Varga said the CHILE fund had done well this year, and its managers "
                          "would meet in May.", nlp=nlp).actors
    assert "Chile" not in {a.name for a in actors}


def test_two_holders_of_the_headline_title_leave_the_link_open(nlp):
    text = ("CHILEAN PRESIDENT SEES RIVAL\n\n"
            "President Tomas Varga met President Ivo Sandek of the neighbouring republic on Monday.\n")
    actors = {a.name: a for a in extract_text(text, nlp=nlp).actors}
    assert actors["Tomas Varga"].country is None and actors["Ivo Sandek"].country is None
