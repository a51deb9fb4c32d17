"""Countries of persons, issue 18 round g: the person's own words first; a country merely named in the
person's sentences, or the country the story is about, is no guess for one the text ties elsewhere.

Invented persons and companies only; each test fails without the rule it names.
"""
from __future__ import annotations

from graphkit.actors.spans import actors_of_doc


def _country(nlp, text, name):
    """The country the article gives the person: stated, else guessed."""
    (a,) = [a for a in actors_of_doc(nlp(text)) if a.name == name]
    return a.country or a.country_guess


# a story about Japan: its country would be the guess of anyone the text ties to nothing
JAPAN_STORY = ("Japan's exports to Europe rose again in February, Japanese officials said. "
               "The Japanese government expects the surplus to narrow. ")


def test_an_international_body_in_the_persons_description_is_theirs_not_the_storys_country(nlp):
    # home.py, _employers + _employer_abroad: the body of states in the words before the name
    text = JAPAN_STORY + "Senior EEC trade expert in Tokyo Tomas Verhoek has watched the figures closely."
    assert _country(nlp, text, "Tomas Verhoek") == "European Community"


def test_a_company_of_a_continent_employs_no_one_of_the_storys_country(nlp):
    # home.py, _employer_abroad: "Holm Motor Europe" names a continent; its vice president is not Japanese
    text = JAPAN_STORY + ("But Karl Vesperi, vice president of Holm Motor Europe, told reporters he did not "
                          "expect a large rise in sales this year.")
    assert _country(nlp, text, "Karl Vesperi") is None


def test_a_company_of_another_country_employs_no_one_of_the_storys_country(nlp):
    # home.py, _employer_abroad: a company whose name names another country
    text = JAPAN_STORY + ("Anton Kessel, Bank of Canada Trust regional manager, said the "
                          "negotiations were going well.")
    assert _country(nlp, text, "Anton Kessel") is None


def test_a_country_that_is_a_side_of_the_persons_sentences_is_no_guess(nlp):
    # home.py, _countries_describing: "if Chile has decided", "Chile bought" name the other side (and
    # Chile, named most, does not lead the story clearly enough to be its country)
    text = ("A government official said a decision by Chile not to buy maize would not hurt Peru's exports. "
            "\"If Chile has decided not to buy maize that is no problem for us,\" Under-Secretary Pablo "
            "Morante said. Morante said that last year Chile bought 800,000 tonnes of Peruvian maize but in "
            "some years Chile had bought none. Russia was Peru's main customer, he said.")
    assert _country(nlp, text, "Pablo Morante") != "Chile"


def test_a_country_that_describes_in_the_persons_sentences_is_the_guess(nlp):
    # home.py, _countries_describing: "Kazakh officials", "Kazakhstan's new ambassador" describe him
    text = ("Kazakh officials said Deputy Minister Dalen Orsabek would receive the envoy on Monday. "
            "Orsabek was appointed as Kazakhstan's new ambassador to the United States in June.")
    assert _country(nlp, text, "Dalen Orsabek") == "Kazakhstan"
    text = ("The Lebanese delegation to the summit is led by Hariri, and includes Ministers Jamal Jarrah and "
            "Wael Abu Faour, and Ambassador Hani Dalek. The Lebanese delegation arrived on Monday with "
            "Ambassador Hani Dalek.")
    assert _country(nlp, text, "Hani Dalek") == "Lebanon"


def test_a_person_of_the_usda_is_american(nlp):
    # data/government_bodies.json: the acronym names one country's body, so its officials are that country's
    text = ("Delegates listened to both sides when Karl Vesperi, USDA Assistant Secretary for Economics, "
            "spoke at the meeting.")
    assert _country(nlp, text, "Karl Vesperi") == "United States"


def test_a_country_describing_the_persons_employer_in_their_apposition_is_theirs(nlp):
    # home.py, _own_country: the person's own words before the countries named as sides of what they say
    text = ("Prices rose in New York last week. Anton Kessel, an official with Vestorg, a Polish trading "
            "organization, told reporters he had no information on the offer, but said that Warsaw would "
            "consider buying U.S. wheat and U.S. corn.")
    assert _country(nlp, text, "Anton Kessel") == "Poland"


def test_the_country_one_is_posted_in_is_not_ones_own(nlp):
    # home.py, _own_country: "in Peru" before the name is where the envoy serves (the parser hangs it on the
    # name as a compound)
    text = ("Chile protested on Monday. Peru's decision is believed to be in retaliation for the Chilean High "
            "Commissioner in Peru Rashid Hamdan's consultation with rebel leaders, Chilean officials said, "
            "despite Lima's protests.")
    assert _country(nlp, text, "Rashid Hamdan") != "Peru"
