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
