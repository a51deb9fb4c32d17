"""Names that are companies, not persons, by what the article says of them.

Invented names; expectations follow `graphkit.actors.persons` (`_firm_names` and the company cues).
"""
from __future__ import annotations

from graphkit.extract import extract_text


def _actors(nlp, text):
    return {a.name: a.type for a in extract_text(text, nlp=nlp).actors}


def test_two_surnames_joined_by_and_before_law_firm_are_one_firm(nlp):
    a = _actors(nlp, "Fusion had been hired to conduct legal research on Tom Varga by Holm and Kessler "
                     "law firm. The firm represented a businessman.")
    assert a.get("Holm and Kessler") == "organization"
    assert "Holm" not in a and "Kessler" not in a


def test_a_name_in_apposition_to_a_law_firm_is_the_firm(nlp):
    a = _actors(nlp, "The work was unrelated to its work for Holm Kessler, a law firm that represented "
                     "the committee.")
    assert a.get("Holm Kessler") == "organization"


def test_the_name_before_law_firm_is_the_firm(nlp):
    a = _actors(nlp, "It received fees from the Holm Kessler law firm, the statement said.")
    assert a.get("Holm Kessler") == "organization"


def test_a_persons_own_firm_leaves_the_person(nlp):
    a = _actors(nlp, "Tom Varga said on Monday that he would leave the board. Varga's firm advises "
                     "the city on its bonds.")
    assert a.get("Tom Varga") == "person"


def _types(nlp, text):
    return {a.name: a.type for a in extract_text(text, nlp=nlp).actors}


def test_a_name_with_a_ticker_is_a_company_in_its_other_mentions_too(nlp):
    a = _types(nlp, "Holmcros <HLMC.L> Plc said it has no intention of proceeding with the talks. "
                    "Holmcros said any such benefits could be achieved through normal trading.")
    assert a.get("Holmcros") == "organization"


def test_a_name_between_angle_brackets_is_a_company_in_its_other_mentions_too(nlp):
    a = _types(nlp, "<Tomas Varga Holm Werke>, owned by a French group, set up a venture. Varex owns the "
                    "rest of Tomas Varga Holm.")
    assert not {n for n, t in a.items() if t == "person"}


def test_a_dutch_or_french_suffix_after_a_one_word_name_makes_a_company(nlp):
    a = _types(nlp, "First Holm Capital Corp said it planned to issue a debenture to its Dutch parent, "
                    "Vesklex B.V., which would raise Vesklex's stake to 62 pct.")
    assert a.get("Vesklex B.V.") == "organization" and "Vesklex" not in a  # one company, its full name
    b = _types(nlp, "The issue is priced at par, lead-manager Lazard Vesk et Cie said.")
    assert "Lazard Vesk" not in b or b["Lazard Vesk"] == "organization"


def test_a_name_cut_before_a_possessive_company_name_is_the_company(nlp):
    a = _types(nlp, "Arizona Vesketto's Stores Inc said it has agreed to sell its franchise operation. "
                    "Arizona Vesketto will keep its shops.")
    assert a.get("Arizona Vesketto") != "person"


def test_a_name_before_a_bracketed_word_and_a_suffix_is_the_company(nlp):
    a = _types(nlp, "Karo Vesk (Holdings) Ltd <KVGH.HK> expects strong results this year, chairman "
                    "Tom Varga said. Karo Vesk will pay a dividend.")
    assert a.get("Karo Vesk") != "person"
    assert a.get("Tom Varga") == "person"


def test_a_two_word_name_that_says_it_and_never_he_is_a_company(nlp):
    a = _types(nlp, "Diamond Holmrock said it raised its posted prices for all grades of crude oil one dlr "
                    "a barrel. Diamond Holmrock also raised its price for heating oil.")
    assert a.get("Diamond Holmrock") == "organization"


def test_a_person_with_a_human_cue_stays_a_person_beside_a_company_of_that_name(nlp):
    a = _types(nlp, "Shares of Tom Varga Inc rose. Tom Varga, the founder, said he would appeal the ruling.")
    assert a.get("Tom Varga") == "person"


def test_two_names_joined_by_and_before_analyst_are_the_analysts_firm(nlp):
    a = _types(nlp, "\"The runup in crude oil will be short-lived,\" said Holm Vesk and Kessler analyst "
                    "Tom Varga.")
    assert a.get("Holm Vesk and Kessler") == "organization" and a.get("Tom Varga") == "person"
    b = _types(nlp, "The firm hired Tom Varga and Kessler analyst Ann Holm.")
    assert b.get("Tom Varga") == "person"


def test_a_company_run_into_the_title_of_the_person_after_it_ends_before_the_title(nlp):
    actors = {a.name: a for a in extract_text("Senators fired questions for two hours at Holmvesk General "
                                              "Counsel Tomas Varga, who said the company would act.", nlp=nlp).actors}
    assert actors["Holmvesk"].type == "organization"
    assert "General Counsel" in actors["Tomas Varga"].roles


def test_a_shortening_of_a_suffixed_company_name_takes_the_full_name(nlp):
    actors = {a.name: a.type for a in extract_text("Karl Holm said Vaskor Trading Inc sold its stake. "
                                                   "Vaskor Trading would buy more.", nlp=nlp).actors}
    assert actors.get("Vaskor Trading Inc") == "organization" and "Vaskor Trading" not in actors


def test_the_name_after_a_firm_noun_is_the_firm(nlp):
    a = _types(nlp, "The company said New York investment banking firm Holm and Kessler has arranged the "
                    "bonds.")
    assert a.get("Holm and Kessler") == "organization" and "Kessler" not in a
    b = _types(nlp, "Tom Varga left the firm last year. The firm Tom Varga founded was sold in May.")
    assert b.get("Tom Varga") == "person"


def test_a_company_named_in_full_with_its_suffix_is_no_person_in_its_short_mentions(nlp):
    a = _types(nlp, "First Toronto Capital Corp said it planned to issue a five mln dlr convertible debenture "
                    "to its Dutch parent, Vesklax B.V., which if fully converted would raise Vesklax's stake in "
                    "First Toronto to 62 pct from 54 pct.")
    assert a.get("Vesklax B.V.") == "organization" and a.get("Vesklax") != "person"


def test_a_firm_named_after_partners_with_inner_capitals_before_analyst(nlp):
    a = _types(nlp, '"The runup in crude oil will be a short-lived phenomenon," said Hollis McEwan and '
                    'McGarrity analyst Brian Selter.')
    assert a.get("Hollis McEwan and McGarrity") == "organization" and a.get("Brian Selter") == "person"
