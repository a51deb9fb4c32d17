"""Persons are persons, round four of issue 18: company cues of news style, laws, label-only names.

Invented names only; each test fails without the rule it names.
"""
from __future__ import annotations

from graphkit.actors.spans import ACTORS_KEY

from test_person_cues import _decide


def _persons(nlp, text):
    return {s.id_ for s in nlp(text).spans[ACTORS_KEY] if s.label_ == "person" and s._.kind != "pronoun"}


def test_a_kind_of_company_before_a_name_makes_a_company(nlp):
    assert _decide(nlp, "Prices will rise, said the lobby group Verafor on Monday.", "Verafor") != "person"
    assert _decide(nlp, "Merchant bank Holmquist said growth would slow.", "Holmquist") != "person"
    # a maker of films is a person
    assert _decide(nlp, "Noted film maker Tarvo Heskin will advise the studio.", "Tarvo Heskin") == "person"


def test_the_employer_of_a_job_of_the_markets_is_a_company(nlp):
    text = "Snow may have hurt the crop, said Tom Varga, senior forecaster for Karo Skyline."
    assert _decide(nlp, text, "Karo Skyline") != "person"
    text = "Rates will rise, said Tom Varga, an analyst with Karo Skyline."
    assert _decide(nlp, text, "Karo Skyline") != "person"


def test_an_abbreviation_of_its_words_in_brackets_makes_a_company(nlp):
    text = "Rates will rise, said Pekka Virta of Vaaso Kaupo Pankko (VKP) on Monday."
    assert _decide(nlp, text, "Vaaso Kaupo Pankko") != "person"
    # a name opening with a given name is a person's, abbreviation or not
    assert _decide(nlp, "Rates will rise, said Khalid bin Faris (KBF) on Monday.", "Khalid bin Faris") == "person"


def test_a_law_is_no_person(nlp):
    assert _decide(nlp, "Congress may change the Tarvik Act this year.", "Tarvik Act") != "person"


def test_a_company_the_recognizer_names_with_a_suffix_in_a_capital_headline_is_no_person(nlp):
    text = "KELMAR AB 1986 RESULTS\nProfit after tax, including a one-off writedown of 520 mln crowns for " \
           "intangible assets, by the group, Kelmar said.\nOne ADR represents 0.75 pct of one B share in Kelmar.\n"
    assert "Kelmar" not in _persons(nlp, text)


def test_a_label_only_name_found_again_stays_label_only(nlp):
    # the headline's "KELMAR" is found by the surname scan: it carries no cue of a person either
    text = "NEW FEES AT KELMAR\nFor medium-term guarantees, Tom Hale said Kelmar will increase cover for exporters.\n" \
           "It is a new program.\n"
    doc = nlp(text)
    marks = [s._.label_only for s in doc.spans[ACTORS_KEY] if s.id_ == "Kelmar"]
    assert len(marks) == 2 and all(marks)


def test_a_name_joined_by_a_foreign_and_is_no_person_s():
    from graphkit.actors.names import looks_like_name
    # "merchant bank Varnoko, Heskel en Varnoko": Dutch, German, French "and" joins a firm's partners
    assert not looks_like_name("Heskel en Varnoko") and not looks_like_name("Heskel und Varnoko")
    assert looks_like_name("Samuel arap Tanui") and looks_like_name("Tomas Ortega y Varga")


def test_a_one_word_name_after_an_article_is_no_person_whatever_it_does(nlp):
    # "the Karo will lend": a person's name takes no article, even as the subject of a verb persons do
    assert "Varnoko" not in _persons(nlp, "The Varnoko is asking the banks to reschedule debt, Tom Hale said.")
    assert "Varnokos" not in _persons(nlp, "The Varnokos is asking the banks to reschedule 3.6 billion dlrs of debt.")
    assert "Varnoko" in _persons(nlp, "Varnoko told the banks to reschedule debt, Tom Hale said.")


def test_a_name_of_ordinary_words_with_no_given_name_is_no_person(nlp):
    assert _decide(nlp, "Custom Cruiser sales rose 10 pct, Tom Hale said.", "Custom Cruiser") != "person"
    assert _decide(nlp, "Growth slowed, Glass Works said.", "Glass Works") != "person"
    # given names and initials open persons' names made of ordinary words
    assert _decide(nlp, "Rich Hall said the market was weak.", "Rich Hall") == "person"
    assert _decide(nlp, "Backbencher Tom Pound said the vote was close.", "Backbencher Tom Pound") == "person"


def test_a_currency_or_a_numbered_zone_is_no_person(nlp):
    assert _decide(nlp, "The bank plans a 200 mln H.K. Dlr certificate of deposit issue.", "H.K. Dlr") != "person"
    text = "Reidel will clean up sites in the agency's Zone IV, which covers 23 states."
    assert _decide(nlp, text, "Zone IV") != "person"
    assert _decide(nlp, "Tomas Paul II met President Karl Holm on Monday.", "Tomas Paul II") == "person"


def test_a_name_a_distance_from_somewhere_is_a_place(nlp):
    text = "Facilities of the company at Sidi Varnok, 32 km southeast of Alexandria, were closed."
    assert _decide(nlp, text, "Sidi Varnok") == "place"


def test_a_name_running_into_a_partners_company_name_is_the_company_s(nlp):
    text = "The company completed its acquisition of Holm and Vesk Co's Pitman unit, a producer of health products."
    assert _decide(nlp, text, "Holm") != "person"
    # and "Holm Co" is no person's full name that would make a one-word "Holm" a person
    text = "The company completed its acquisition of Holm and Holm Co's Pitman unit, a producer of health products."
    assert "Holm" not in _persons(nlp, text)
    # a given name first: a person listed with a company, unless the partners are the family
    assert _decide(nlp, "The company named Karl Varnok and Sons Inc as lead manager.", "Karl Varnok") != "person"


def test_a_name_modifying_a_label_or_a_weapon_is_no_person(nlp):
    text = "Almaden sells table wines under the Karl Varnok Cellars label."
    assert _decide(nlp, text, "Karl Varnok Cellars") != "person"
    assert _decide(nlp, "The Army may buy French and German Varnok missiles.", "Varnok") != "person"
