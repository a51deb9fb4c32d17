"""Persons, issue 18 round g: what the recognizer calls a person and the text calls a thing ("which",
a thing in apposition).  The recognizer's label is one vote.

Invented names only; each test fails without the rule it names.
"""
from __future__ import annotations

from graphkit.actors.spans import ACTORS_KEY


def _types(nlp, text):
    return {s.id_: s.label_ for s in nlp(text).spans[ACTORS_KEY] if s._.kind != "pronoun"}


def test_a_name_with_a_which_relative_is_no_person(nlp):
    # persons.py, _which_relative: English says "who" of a person
    text = ("Governor Karl Vesk said the agreement with Holm Dane, which must be approved by the State "
            "Service Commission, was negotiated by the board.")
    assert _types(nlp, text).get("Holm Dane") != "person"


def test_a_name_with_a_which_relative_is_an_organization(nlp):
    # persons.py, _company_cues: the company stays an actor (it talks, it meets), not dropped as no one
    text = ("In the meantime, Hallam Vestrup, which combines the Oslo and Bergen stock exchanges, also began "
            "talks with the exchange.")
    assert _types(nlp, text).get("Hallam Vestrup") == "organization"


def test_a_name_with_a_thing_in_apposition_is_no_person(nlp):
    # persons.py, _described_as_company: "a discount apparel chain" (a thing noun of the lexicon) describes it
    text = "In 1970, Holmberg opened a discount store chain, Vescor, and J. Tandrel, a discount apparel chain."
    assert _types(nlp, text).get("J. Tandrel") != "person"

