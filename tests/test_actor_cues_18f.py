"""Actors of modern news, issue 18 round f: what the recognizer calls an organization that names none
(a title's field, a law, a pair of countries), and titles of Congress and the White House.

Invented names only; each test fails without the rule it names.
"""
from __future__ import annotations

from graphkit.actors.spans import ACTORS_KEY


def _actors(nlp, text):
    return {s.id_: s.label_ for s in nlp(text).spans[ACTORS_KEY] if s._.kind != "pronoun"}


def _organizations(nlp, text):
    return {n for n, label in _actors(nlp, text).items() if label == "organization"}


def test_the_field_before_a_ministers_title_is_no_organization(nlp):
    text = "Mr. Kanto will be joined by External Affairs Minister S. Varadh on Saturday."
    assert "External Affairs" not in _organizations(nlp, text)
    text = "Earlier this week, National Security Adviser John Boldon stated that the two presidents would meet."
    assert "National Security" not in _organizations(nlp, text)


def test_the_fields_after_minister_of_are_no_organizations(nlp):
    text = "The ceremony was attended by Minister of Housing, Urban-Rural Development of the PRC Ni Tong."
    assert not {"Housing", "Urban-Rural Development"} & _organizations(nlp, text)
    text = "Karl Holm also met Chile's Secretary of Foreign Affairs, Alicia Barra."
    assert "Foreign Affairs" not in _organizations(nlp, text)


def test_a_role_with_no_name_is_no_organization(nlp):
    assert "Cabinet Spokesman" not in _organizations(nlp, "The visit was confirmed by the Cabinet Spokesman on Tuesday.")


def test_a_field_the_article_names_as_a_ministry_stays_the_ministrys(nlp):
    # the short name is how the minister is tied to his ministry (and its country)
    text = ("India's Ministry of External Affairs said the talks went well. "
            "Holm met External Affairs Minister S. Varadh in Delhi.")
    doc = nlp(text)
    field = [s for s in doc.spans[ACTORS_KEY] if s.text == "External Affairs"]
    assert field and field[0].label_ == "organization"


def test_a_treaty_is_no_organization(nlp):
    text = "Canada and Chile signed the Vesk Karo Free Trade Agreement with Peru on Monday, Karl Holm said."
    assert not any("Agreement" in n for n in _organizations(nlp, text))


def test_two_countries_joined_by_a_hyphen_are_no_organization(nlp):
    text = "The U.S.-Japan alliance is strong, Karl Holm said on Monday."
    assert "U.S.-Japan" not in _organizations(nlp, text)


def test_whips_and_strategists_are_titles_not_names(nlp):
    text = "Holm met Senate Majority Whip John Corwin of Texas and White House Chief Strategist Stephen K. Bannock."
    persons = {n for n, label in _actors(nlp, text).items() if label == "person"}
    assert {"John Corwin", "Stephen K. Bannock"} <= persons


def _countries(nlp, text):
    return {s.id_: s._.country for s in nlp(text).spans[ACTORS_KEY] if s.label_ == "person"}


def test_a_title_other_governments_share_gives_its_country_only_where_the_story_names_it(nlp):
    text = ("The meeting with Foreign Secretary Luis Varga in Washington came a week after Tom Holm was "
            "sworn in as U.S. secretary of state. In a video released by Mexico's foreign ministry, Varga "
            "called the meeting cordial.")
    assert _countries(nlp, text).get("Luis Varga") != "United Kingdom"
    text = "Foreign Secretary Luis Varga said Britain would send more aid to the region."
    assert _countries(nlp, text).get("Luis Varga") == "United Kingdom"


def test_an_institution_named_of_a_country_is_that_countrys(nlp):
    text = "Chilean President Ana Ruiz met Kamal Qaisar, Speaker of the National Assembly of Pakistan, in Santiago."
    assert _countries(nlp, text).get("Kamal Qaisar") == "Pakistan"
    text = "He was received by Premier of the State Council of the PRC Li Tang on Monday."
    assert _countries(nlp, text).get("Li Tang") == "China"


def test_a_countrys_possessive_before_a_role_with_several_modifiers_is_the_persons_country(nlp):
    text = "The US president arrived on Sunday. He met Chile's feted democracy leader Ana Ruiz on Monday."
    assert _countries(nlp, text).get("Ana Ruiz") == "Chile"


def test_a_long_headline_in_title_case_is_a_headline(nlp):
    text = ("Chilean Prime Minister Tomas Vega arrives in Lima on a Weekend Visit for Bi-lateral talks with "
            "Peruvian President Ana Ruiz and Signing of Key Agreements\n\n"
            "Chilean Prime Minister Tomas Vega met Peruvian President Ana Ruiz in Lima on Saturday, and the two "
            "leaders signed several agreements.\n")
    names = _actors(nlp, text)
    # (the recognizer's reading of a headline in title case is no evidence: its "talks" are no forum)
    assert not any("Signing" in n or "talks" in n for n in names)
    assert names.get("Tomas Vega") == "person" and names.get("Ana Ruiz") == "person"


def test_a_family_name_written_first_tagged_as_an_organization_is_the_person(nlp):
    text = ("Chinese Foreign Minister Wang Tao arrived in Seoul on Monday. Wang is also likely to be briefed on "
            "the outcome of the talks. According to the Post, Wang could make the case for four-party talks.")
    doc = nlp(text)
    assert {(s.label_, s.id_) for s in doc.spans[ACTORS_KEY] if s.text == "Wang"} == {("person", "Wang Tao")}


def test_a_unit_after_a_time_is_no_organization(nlp):
    text = "Karo One landed at Karo Base at 12:30 am (5:30 GMT), Karl Holm said."
    assert "GMT" not in _organizations(nlp, text)


def test_a_craft_one_travels_aboard_is_no_organization_anywhere_in_the_article(nlp):
    text = "Karo One landed at Karo Base at midnight, said a reporter aboard Karo One."
    assert "Karo One" not in _organizations(nlp, text)


def test_a_summit_the_recognizer_calls_an_organization_is_a_forum_and_one_with_its_other_spellings(nlp):
    text = "Karl Holm attended the Fourteenth Vesk Summit in Oslo. The 14th Vesk Summit ended on Friday."
    doc = nlp(text)
    forums = {(s.text, s.label_, s.id_) for s in doc.spans[ACTORS_KEY] if "Summit" in s.text}
    assert {label for _, label, _ in forums} == {"forum"} and len({i for _, _, i in forums}) == 1


def test_a_full_name_without_its_middle_initial_is_the_same_person():
    from graphkit.corpus_resolution import resolve_corpus
    from graphkit.records import Actor, Record

    recs = [Record("a", actors=[Actor("Tomas K. Varga", "person", country="Chile", mentions=[[0, 14, 0]])]),
            Record("b", actors=[Actor("Tomas Varga", "person", mentions=[[0, 11, 0]])])]
    _, actors, index = resolve_corpus(recs)
    assert index[("b", "Tomas Varga")] == index[("a", "Tomas K. Varga")]
    # a given name that differs is another person
    recs.append(Record("c", actors=[Actor("Anna Varga", "person", mentions=[[0, 10, 0]])]))
    _, actors, index = resolve_corpus(recs)
    assert index[("c", "Anna Varga")] != index[("a", "Tomas K. Varga")]


def test_an_embassy_is_no_sign_of_the_country_of_the_story_or_its_persons():
    from graphkit.extract import extract_text

    text = ("Chile appears to be nearing a political crossroads over measures to deregulate its protected "
            "economy, the U.S. Embassy says in a new report.\n"
            "To counter falling copper revenues, the government has launched a series of measures to boost "
            "exports.\nChile, a leading commodity producer, has been severely hit by the fall in world copper "
            "prices.\nBut the U.S. Embassy report says President Tomas Varga's government appears to be "
            "divided over what direction to lead the economy.\n")
    varga = next(a for a in extract_text(text).actors if a.name == "Tomas Varga")
    assert "United States" not in (varga.country, varga.country_guess)


def _persons(nlp, text):
    return {n for n, label in _actors(nlp, text).items() if label == "person"}


def test_a_one_word_company_that_said_it_is_no_person_where_it_only_reports(nlp):
    text = ("Vekkotek said it is forming a products division which will be located in Dallas. The new "
            "division will market software products, Vekkotek said.")
    assert "Vekkotek" not in _persons(nlp, text)


def test_a_name_written_with_a_company_suffix_elsewhere_in_the_article_is_the_companys(nlp):
    text = ("The firms said Paine Verity originally planned to offer 3.6 mln shares. They added the shares "
            "are convertible into Paine Verity Group's common stock.")
    assert "Paine Verity" not in _persons(nlp, text)
    # a person's own group: a name with a given name stays a person
    text = "Karl Holm said the shares are convertible into Karl Holm Group's common stock."
    assert "Karl Holm" in _persons(nlp, text)


def test_an_abbreviated_rank_ends_no_name(nlp):
    text = "The two others are Vice Adm. Tom Vesker who resigned and Marine Lt. Col. Karl Norberg who was fired."
    assert not any(n.endswith("Lt") for n in _persons(nlp, text))


def test_a_law_firms_partners_are_the_firm_wherever_the_article_names_them(nlp):
    text = ("The memo had been hired to conduct legal research on Holmgren by Barker and Hostwick law firm. Two "
            "sources said the Fusion work for Barker and Hostwick that produced the information was paid.")
    assert not {"Barker", "Hostwick"} & _persons(nlp, text)


def test_a_son_called_by_his_given_name_and_jr_is_the_full_name(nlp):
    doc = nlp("Karl Holm Jr. met the lawyer in June. Karl Jr. later said the meeting was short.")
    assert {s.id_ for s in doc.spans[ACTORS_KEY] if s.label_ == "person"} == {"Karl Holm Jr."}


def test_a_ship_named_after_a_person_is_no_person(nlp):
    text = "Loading of a cargo on the Soviet freighter Nikolay Kuzmin for shipment to Odessa was completed, he said."
    assert "Nikolay Kuzmin" not in _persons(nlp, text)


def test_the_employer_after_a_named_analyst_is_no_person(nlp):
    text = "Karo shares rose after analyst Tom Varga of Selwyn Maher Deitz raised earnings estimates, traders said."
    persons = _persons(nlp, text)
    assert "Tom Varga" in persons and "Selwyn Maher Deitz" not in persons


def test_a_bill_is_no_person(nlp):
    text = "The new Banking Bill, updating the 1979 Banking Act, is the third leg of the government's legislation."
    assert "Banking Bill" not in _persons(nlp, text)


def test_what_is_owned_is_no_person(nlp):
    text = ("Jacoby was not available for comment on the report. Ted Batesby is now owned by Saatchi and "
            "Saatchi, the world's largest advertising agency.")
    assert "Ted Batesby" not in _persons(nlp, text)


def test_a_french_holding_company_is_no_person(nlp):
    text = ("Nobel and Financiere Robin are issuing French franc domestic bonds with share warrants. In a separate "
            "operation, Financiere Robin is issuing a 147.73 mln French franc eight-year bond.")
    assert "Financiere Robin" not in _persons(nlp, text)


def test_a_state_before_a_long_description_or_a_party_gives_the_country(nlp):
    assert _countries(nlp, "Texas savings and loan commissioner Tom Varga said the agency would act.") \
        .get("Tom Varga") == "United States"
    text = "Nebraska Republican Reps. Karl Holmby and Tom Varga were said to be among those being considered."
    assert _countries(nlp, text).get("Karl Holmby") == "United States"


def test_a_description_before_a_name_runs_over_the_full_stop_of_an_abbreviation_only(nlp):
    text = ("Officials of Peru and Brazil met on Monday. Tom Varga said he had lost trust over the Chile War. "
            "Mr Varga then changed his mind.")
    assert _countries(nlp, text).get("Tom Varga") != "Chile"


def test_a_minister_with_no_country_is_of_the_one_country_of_the_articles_other_ministers():
    from graphkit.extract import extract_text

    text = ("Chile's Finance Minister Tomas Varga is expected to announce a neutral budget tomorrow, bankers told "
            "Reuters. A banker at Union Bank of Switzerland said the plan was sound. Deputy Prime Minister Karl "
            "Holmberg has already announced the government will try to encourage larger families.")
    holmberg = next(a for a in extract_text(text).actors if a.name == "Karl Holmberg")
    assert (holmberg.country or holmberg.country_guess) == "Chile"


def test_a_name_of_titles_only_is_no_person(nlp):
    text = ("Holm held a meeting on Thursday with Saudi Deputy Crown Prince, Second Deputy Prime Minister and "
            "Defense Minister Mohammed bin Salwan in Riyadh.")
    assert not any("Minister" in p for p in _persons(nlp, text))


def test_a_venue_where_something_happens_is_a_place_not_an_actor(nlp):
    text = "Addressing the Karo Economic Club at Vesk Technological University on October 27, the ambassador said."
    assert "Vesk Technological University" not in _organizations(nlp, text)
    assert "Karo Capital International Airport" not in _organizations(
        nlp, "The plane landed at Karo Capital International Airport on Monday.")
    # a university that acts is an actor
    assert "Vesk Technological University" in _organizations(nlp, "Vesk Technological University said it would raise fees.")
