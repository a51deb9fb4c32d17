"""Countries of persons from the article's own words, round four of issue 18: a party the article places
abroad, an organization of the tables run into a title, a minister in a story of one country.
Invented names; each test fails without the rule it names."""
from __future__ import annotations

from graphkit.actors.spans import ACTORS_KEY


def test_a_party_the_article_places_in_another_country_is_that_country_s(nlp):
    text = "Support for Norway's Labour government fell to 40 pct, the poll showed. Labour's lead over the " \
           "opposition shrank. Prime Minister Tom Varga remained first choice as Prime Minister."
    doc = nlp(text)
    assert {s._.country for s in doc.spans[ACTORS_KEY] if s.text == "Labour"} == {"Norway"}
    varga = next(s for s in doc.spans[ACTORS_KEY] if s.id_ == "Tom Varga")
    assert (varga._.country or varga._.guess) == "Norway"


def test_an_organization_of_the_tables_run_into_a_title_gives_the_person_its_affiliation(nlp):
    doc = nlp("European Union Trade Commissioner Tom Varga welcomed the agreement on Monday.")
    varga = next(s for s in doc.spans[ACTORS_KEY] if s.id_ == "Tom Varga")
    assert varga._.country == "European Union"
    # an organization's own name before its chairman stays whole
    doc = nlp("The official, the European Union Policy Research Council's Chairman Tom Varga, said no.")
    assert not any(s.id_ == "European Union" for s in doc.spans[ACTORS_KEY])


def test_a_minister_in_a_story_naming_one_country_only_is_that_country_s(nlp):
    text = "A review body will hold an inquiry into the Norwegian fishing industry, Fisheries Minister Tom " \
           "Varga said. Varga said the inquiry would take a year."
    varga = next(s for s in nlp(text).spans[ACTORS_KEY] if s.id_ == "Tom Varga")
    assert (varga._.country or varga._.guess) == "Norway"
    text = "A review body will hold an inquiry into the fishing industry, Fisheries Minister Tom Varga said. " \
           "Varga said Norway and Chile had agreed."
    varga = next(s for s in nlp(text).spans[ACTORS_KEY] if s.id_ == "Tom Varga")
    assert (varga._.country or varga._.guess) is None
    # a visitor's story names the host country as a place: two countries, no guess from this rule
    text = "The Chilean leader will hold talks with Prime Minister Tom Varga during the visit, his first to Norway."
    varga = next(s for s in nlp(text).spans[ACTORS_KEY] if s.id_ == "Tom Varga")
    assert varga._.guess != "Chile"


def test_parties_of_several_countries_the_article_names_nowhere_else_give_no_country(nlp):
    text = "The Socialist Party said it would accept only Tom Varga, Christian Democratic Party secretary, " \
           "for the job. Talks with the Republicans and the Social Democrats are likely."
    doc = nlp(text)
    assert {s._.country for s in doc.spans[ACTORS_KEY] if s.label_ in ("organization", "members")} == {None}
    varga = next(s for s in doc.spans[ACTORS_KEY] if s.id_ == "Tom Varga")
    assert (varga._.country or varga._.guess) is None
    # one country's party alone keeps its country
    doc = nlp("The Liberal Democrats said Tom Varga would lead the campaign.")
    assert {s._.country for s in doc.spans[ACTORS_KEY] if s.label_ == "organization"} == {"United Kingdom"}


def test_a_party_name_before_a_minister_s_title_is_its_portfolio(nlp):
    doc = nlp("Striking seamen held pay talks in Santos with Labour Minister Tom Varga, union officials said.")
    varga = next(s for s in doc.spans[ACTORS_KEY] if s.id_ == "Tom Varga")
    assert varga._.country != "United Kingdom" and varga._.roles == ("Labour Minister",)
    assert not any(s.label_ == "organization" for s in doc.spans[ACTORS_KEY])
    # a party's leader is the party's
    doc = nlp("Labour leader Tom Varga said the Conservatives would lose.")
    assert next(s for s in doc.spans[ACTORS_KEY] if s.id_ == "Tom Varga")._.country == "United Kingdom"


def test_a_demonym_in_the_phrase_a_name_stands_in_apposition_to_gives_its_country(nlp):
    doc = nlp("They quoted an Iranian soldier, Hamid Varnoki, as saying heavy rainfall had paralysed the enemy.")
    assert next(s for s in doc.spans[ACTORS_KEY] if s.id_ == "Hamid Varnoki")._.country == "Iran"
    # a country merely named in the sentence is no stated country
    doc = nlp("They quoted a soldier, Hamid Varnoki, as saying the Iranian army was ready.")
    assert next(s for s in doc.spans[ACTORS_KEY] if s.id_ == "Hamid Varnoki")._.country is None
    # nor a possessive country: where he acts, not whose he is
    doc = nlp("Militants loyal to Chile's rebel frontman, Hamid Varnoki, said they attacked the convoy.")
    assert next(s for s in doc.spans[ACTORS_KEY] if s.id_ == "Hamid Varnoki")._.country is None


def test_the_demonym_of_the_group_a_person_heads_gives_his_country(nlp):
    text = "Tom Varga, who heads the Chilean team discussing the treaty, told reporters the text was ready."
    assert next(s for s in nlp(text).spans[ACTORS_KEY] if s.id_ == "Tom Varga")._.country == "Chile"
    text = "Tom Varga, who met the Chilean team discussing the treaty, told reporters the text was ready."
    assert next(s for s in nlp(text).spans[ACTORS_KEY] if s.id_ == "Tom Varga")._.country is None
