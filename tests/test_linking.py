"""The meeting frames (``graphkit/relations/data/frames.json``) and their shared linking rules.

One test per rule of English the linking relies on, each on sentences with invented persons (and real
countries, which the gazetteer knows).  Expected pairs are written from the sentence, not from the
extractor.  The behavioural grid (``tests/test_grid.py``) crosses the same rules with every trigger,
side form and modifier; these tests name the rule that broke.
"""
from __future__ import annotations

import copy
import json
from importlib import resources

import pytest

from graphkit.relations.linking import FrameError, load_frames, parse_frames
from graphkit.relations.meetings import extract_meetings
from meeting_helpers import NONE, P, check_meetings, predicted_pairs


def _raw() -> dict:
    with resources.files("graphkit.relations").joinpath("data", "frames.json").open(encoding="utf-8") as fh:
        return json.load(fh)


# ------------------------------------------------------------------ the data, checked on load

def test_the_built_in_frames_load_and_every_frame_has_a_trigger():
    data = load_frames()
    assert data.frames and all(f.verbs or f.nouns or f.adjectives for f in data.frames)


@pytest.mark.parametrize("change, words", [
    (lambda d: d["frames"]["meet"].update(kind="chat"), ["'meet'", "kind"]),
    (lambda d: d["frames"]["meet"].update(colour="red"), ["'meet'", "colour"]),
    (lambda d: d["frames"]["visit"].update(object="guest"), ["'visit'", "object"]),
    (lambda d: d["frames"]["call"]["preps"].update({"with": "friend"}), ["'call'", "preps"]),
    (lambda d: d["frames"]["talks"]["verbs"].append("meet"), ["'meet'", "'talks'"]),
    (lambda d: d["frames"]["meet"].update(verbs=["Meet"]), ["'meet'", "lower-case"]),
])
def test_a_bad_frame_entry_is_refused_with_its_name(change, words):
    raw = copy.deepcopy(_raw())
    change(raw)
    with pytest.raises(FrameError) as err:
        parse_frames(raw)
    assert all(w in str(err.value) for w in words), str(err.value)


# ------------------------------------------------------------------ linking rules

def _meetings(nlp, text):
    return extract_meetings(nlp(text))


@pytest.mark.parametrize("text, pairs", [
    # a noun trigger carried by a light verb, its sides on the noun or on the verb
    ("Anton Vesel began a visit to Kenya on Monday.", P(("Anton Vesel", "Kenya"))),
    ("Anton Vesel set off on a trip to Peru.", P(("Anton Vesel", "Peru"))),
    ("Anton Vesel held talks on fishing with Karl Holm.", P(("Anton Vesel", "Karl Holm"))),
    # the noun's own possessor is its agent, not the clause's subject
    ("Anna Brandt said her meeting with Karl Holm went well.", P(("Anna Brandt", "Karl Holm"))),
    # a trip standing as a subject stands for its maker
    ("Anton Vesel will leave on a trip that will begin with a visit to Kenya.", P(("Anton Vesel", "Kenya"))),
    # a trip carrying its object to places
    ("Anton Vesel ended a tour that has taken him to Peru and Chile.",
     P(("Anton Vesel", "Peru"), ("Anton Vesel", "Chile"))),
    # "X, in PLACE for talks"
    ("Anton Vesel, in Lima for talks with Karl Holm, said trade would grow.",
     P(("Anton Vesel", "Peru"), ("Anton Vesel", "Karl Holm"))),
])
def test_sides_reached_through_light_verbs_possessors_and_trips(nlp, text, pairs):
    check_meetings(_meetings(nlp, text), pairs)


def test_an_including_list_names_the_destinations_not_the_region(nlp):
    ms = _meetings(nlp, "Anton Vesel left for a trip to Africa, including Kenya, Egypt and Nigeria.")
    check_meetings(ms, P(("Anton Vesel", "Kenya"), ("Anton Vesel", "Egypt"), ("Anton Vesel", "Nigeria")),
                   kind="visit")


def test_a_list_of_roles_read_as_apposition_is_still_a_list(nlp):
    ms = _meetings(nlp, "Anton Vesel met Spain's trade minister, the South Korean trade minister and the World Bank.")
    check_meetings(ms, P(("Anton Vesel", "Spain"), ("Anton Vesel", "South Korea"), ("Anton Vesel", "World Bank")))


def test_a_meeting_noun_setting_the_scene_of_a_verb_of_telling(nlp):
    check_meetings(_meetings(nlp, "In a two-hour meeting, Anton Vesel told Karl Holm that trade would grow."),
                   P(("Anton Vesel", "Karl Holm")))


def test_coordinated_subjects_of_a_clause_set_in_a_call_are_its_sides(nlp):
    check_meetings(_meetings(nlp, "Anton Vesel and Karl Holm agreed in a phone call to cut tariffs."),
                   P(("Anton Vesel", "Karl Holm")), kind="call")


def test_speaking_by_phone_with_the_with_on_phone(nlp):
    ms = _meetings(nlp, "Speaking by phone with Karl Holm, Anton Vesel said trade would grow.")
    check_meetings(ms, P(("Anton Vesel", "Karl Holm")), kind="call")


def test_called_x_to_discuss_is_a_call_and_calling_a_group_something_is_not(nlp):
    check_meetings(_meetings(nlp, "Anton Vesel called Karl Holm on Thursday to discuss the budget."),
                   P(("Anton Vesel", "Karl Holm")), kind="call")
    check_meetings(_meetings(nlp, 'Anton Vesel calls the rebels "terrorists".'), NONE)


def test_joining_leaders_at_a_forum_is_attending_it(nlp):
    ms = _meetings(nlp, "Anton Vesel joined leaders at the UN General Assembly in New York.")
    check_meetings(ms, P(("Anton Vesel", "United Nations General Assembly")), kind="talks")


def test_a_summit_named_only_by_description_is_a_forum_a_business_conference_is_not(nlp):
    check_meetings(_meetings(nlp, "The Indian foreign minister attended a regional summit in Hanoi."),
                   P(("India", "regional summit")))
    check_meetings(_meetings(nlp, "Anton Vesel spoke to a business conference in Oslo."), NONE)


def test_sides_on_the_sidelines_of_a_forum_attend_it(nlp):
    ms = _meetings(nlp, "Anton Vesel and Karl Holm met on the sidelines of the G20 summit in Hamburg.")
    got = {frozenset(m.participants) for m in ms}
    assert any({"Anton Vesel", "Karl Holm"} <= g for g in got), got
    assert any(any("G20" in n for n in g) for g in got), got


# ------------------------------------------------------------------ who a phrase stands for

def test_a_pronoun_in_a_reported_clause_is_its_reporter(nlp):
    check_meetings(_meetings(nlp, "Mexico's foreign minister said he met Poland's foreign minister."),
                   P(("Mexico", "Poland")))
    # an attribution after the clause reports on someone else
    check_meetings(_meetings(nlp, "He will meet Karl Holm, Anton Vesel said."), NONE)


def test_a_description_stands_for_a_person_named_before_it_not_after(nlp):
    ms = _meetings(nlp, "The president met separately with Peruvian President Karl Holm and Prime Minister Ola Brandt.")
    assert not any({"Karl Holm", "Ola Brandt"} <= set(m.participants) for m in ms), \
        [(m.participants, m.pattern) for m in ms]


def test_the_two_leaders_are_the_two_persons_named_together_before(nlp):
    text = "Anton Vesel and Karl Holm spoke on Monday. The two leaders met again on Friday in Oslo."
    check_meetings(_meetings(nlp, text), P(("Anton Vesel", "Karl Holm")))


def test_the_country_is_the_country_just_named(nlp):
    ms = _meetings(nlp, "Anton Vesel praised Chilean President Karl Holm during a visit to the country.")
    assert frozenset({"Anton Vesel", "Chile"}) in {frozenset(m.participants) for m in ms if m.kind == "visit"}


def test_an_object_pronoun_is_not_its_own_clause_subject(nlp):
    text = "Karl Holm arrived in Oslo on Monday. Anton Vesel hosted him at a dinner."
    check_meetings([m for m in _meetings(nlp, text) if m.kind != "visit"], P(("Anton Vesel", "Karl Holm")))


def test_a_continent_is_no_country_visited(nlp):
    ms = _meetings(nlp, "Anton Vesel set off on a trip to Asia.")
    assert all(m.kind != "visit" for m in ms), [(m.participants, m.kind) for m in ms]


# ------------------------------------------------------------------ status

def test_talks_taken_as_given_are_not_undone_by_the_outer_verb(nlp):
    check_meetings(_meetings(nlp, "Talks between Anton Vesel and Karl Holm, if successful, could ease tension."),
                   P(("Anton Vesel", "Karl Holm")))
    check_meetings(_meetings(nlp, "The meeting between Anton Vesel and Karl Holm was cancelled."), NONE)


def test_legs_an_after_completing_phrase_names_are_done(nlp):
    ms = _meetings(nlp, "After completing a trip to Kenya and Egypt, Anton Vesel will fly to Peru.")
    check_meetings(ms, P(("Anton Vesel", "Kenya"), ("Anton Vesel", "Egypt"), ("Anton Vesel", "Peru")),
                   status={("Anton Vesel", "Kenya"): "happened", ("Anton Vesel", "Egypt"): "happened",
                           ("Anton Vesel", "Peru"): "scheduled"})


def test_setting_off_is_travel_not_being_set_to(nlp):
    check_meetings(_meetings(nlp, "Anton Vesel sets off on a trip to Peru."), P(("Anton Vesel", "Peru")),
                   status="happened")


# ------------------------------------------------------------------ robust to the parser

def test_a_dateline_is_no_subject(nlp):
    ms = _meetings(nlp, "BANGKOK (Reuters) - World Bank President Ola Brandt met Italy's trade minister.")
    check_meetings(ms, P(("Ola Brandt", "Italy")))


def test_a_between_list_the_parser_cuts_reads_on_to_the_verb(nlp):
    ms = _meetings(nlp, "A meeting between senior Vietnamese officials and Kenyan Defence Minister Ola Brandt "
                        "took place.")
    check_meetings(ms, P(("Vietnam", "Ola Brandt")))


def test_a_verb_whose_subject_the_parse_lost_takes_the_sentence_opening_actor(nlp):
    text = ("Karl Holm is the Chilean president. Holm heads to Peru on Wednesday after visiting Japan "
            "and Kenya in the first legs of his tour.")
    ms = [m for m in _meetings(nlp, text) if m.kind == "visit"]
    got = {frozenset(m.participants) for m in ms}
    assert {frozenset({"Karl Holm", "Japan"}), frozenset({"Karl Holm", "Kenya"})} <= got, got


def test_calling_a_country_a_name_or_calling_on_it_is_no_call(nlp):
    check_meetings(_meetings(nlp, "Anton Vesel called Chile's foreign minister on Monday to discuss trade."),
                   P(("Anton Vesel", "Chile")), kind="call")
    for text in ("Anton Vesel called Iran a rogue state.", "Anton Vesel called on Iran to release the sailors.",
                 "Anton Vesel called for sanctions on Iran."):
        check_meetings(_meetings(nlp, text), NONE)


def test_joining_a_company_a_bid_or_a_vote_is_no_meeting(nlp):
    for text in ("Anton Vesel joined Norcom Corp in 1979.", "He was joined by Anton Vesel and Karl Holm.",
                 "Norcom joined Telvia in raising prices."):
        check_meetings(_meetings(nlp, text), NONE)
    check_meetings(_meetings(nlp, "Anton Vesel, Chile's finance minister, joined leaders at the G20 summit."),
                   P(("Anton Vesel", "G20 summit")))


def test_a_person_whose_country_nothing_tells_travelling_in_the_storys_country_is_at_home(nlp):
    text = "HOUSTON (Reuters) - Karl Holm, chairman of Norcom Corp, arrived in Dallas on Monday to address shareholders."
    assert [m for m in _meetings(nlp, text) if m.kind == "visit"] == []
    text = "OSLO (Reuters) - Karl Holm, Chile's foreign minister, arrived in Bergen on Monday."
    check_meetings(_meetings(nlp, text), P(("Karl Holm", "Norway")), kind="visit")


@pytest.mark.parametrize("text", ["Anton Vesel had dinner with Karl Holm on Monday.",
                                  "Anton Vesel and Karl Holm played golf on Sunday.",
                                  "Anton Vesel played golf with Karl Holm."])
def test_a_new_frame_is_data_a_meal_or_a_game_together_is_a_meeting(nlp, text):
    check_meetings(_meetings(nlp, text), P(("Anton Vesel", "Karl Holm")), kind="meeting")


def test_a_meal_with_no_one_named_is_no_meeting(nlp):
    check_meetings(_meetings(nlp, "Anton Vesel hosted a dinner for business leaders."), NONE)


def test_her_is_not_a_man_the_text_names(nlp):
    ms = _meetings(nlp, "Karl Holm met Anna Berg before and after her meeting with Tomas Vey.")
    got = {frozenset(m.participants) for m in ms}
    assert frozenset({"Anna Berg", "Tomas Vey"}) in got and frozenset({"Karl Holm", "Tomas Vey"}) not in got, got


# ------------------------------------------------------------------ an opening adjunct, read by token order

@pytest.mark.parametrize("text, pairs", [
    # the subject the parser hung on the adjunct's last noun (an apposition): a name, then its description
    ("After holding talks with senior Kenyan officials, Anton Vesel, Chile's foreign minister, said trade would grow.",
     P(("Anton Vesel", "Kenya"))),
    ("After meeting NATO Secretary-General Karl Holm, the Chilean foreign minister said trade would grow.",
     P(("Karl Holm", "Chile"))),
    ("During talks with the Greek finance minister, an Indian delegation called for closer ties.",
     P(("Greece", "India"))),
    # a sentence-opening participle the tagger read as part of a name
    ("Welcoming Kenya's finance minister to Lima, Peruvian Foreign Minister Anton Vesel said trade would grow.",
     P(("Anton Vesel", "Kenya"))),
])
def test_an_opening_adjunct_takes_the_fronted_clauses_subject(nlp, text, pairs):
    check_meetings([m for m in _meetings(nlp, text) if m.kind != "visit"], pairs)


def test_a_preposition_the_parser_left_without_object_takes_the_phrase_after_it(nlp):
    ms = _meetings(nlp, "Speaking by phone with Polish Defence Minister Karl Holm Thursday, UN envoy Anton Vesel "
                        "said trade would grow.")
    check_meetings(ms, P(("Anton Vesel", "Karl Holm")), kind="call")


@pytest.mark.parametrize("text, pairs", [
    ("Senior Kenyan officials visited Lima Sunday.", P(("Kenya", "Peru"))),  # the weekday made the head
    ("Karl Holm, Chile's trade minister, said she visited Jakarta.", P(("Karl Holm", "Indonesia"))),
    ("Chile's finance minister heads to Japan after visiting Kenya, officials said.",  # "heads" tagged a noun
     P(("Chile", "Japan"), ("Chile", "Kenya"))),
])
def test_a_verb_or_its_object_the_tagger_misread(nlp, text, pairs):
    check_meetings(_meetings(nlp, text), pairs, kind="visit")


def test_a_verb_tagged_an_adjective_with_a_subject_and_an_object(nlp):
    ms = _meetings(nlp, "Rafael Petrovic, Italy's finance minister, phoned EU envoy Irina Kovac, a spokesman said.")
    check_meetings(ms, P(("Rafael Petrovic", "Irina Kovac")), kind="call")


# ------------------------------------------------------------------ lists the parser broke

def test_a_list_broken_off_the_object_goes_on_to_its_and(nlp):
    ms = _meetings(nlp, "The Chilean defence minister held talks with senior Egyptian officials, Argentina's prime "
                        "minister and Japan's prime minister.")
    got = predicted_pairs(ms)
    assert {frozenset(p) for p in [("Chile", "Egypt"), ("Chile", "Argentina"), ("Chile", "Japan")]} <= set(got), got


def test_a_list_read_as_an_apposition_after_by(nlp):
    ms = _meetings(nlp, "The Munich Security Conference was attended by the International Monetary Fund, NATO "
                        "Secretary-General Karl Holm and an Indian delegation.")
    got = predicted_pairs(ms)
    assert {frozenset(("Karl Holm", "Munich Security Conference")),
            frozenset(("India", "Munich Security Conference"))} <= set(got), got


def test_a_tour_that_includes_places_visits_them_not_the_region(nlp):
    ms = _meetings(nlp, "The Polish defence minister is on a tour of Latin America that includes Brazil and "
                        "the Mexican capital.")
    check_meetings(ms, P(("Poland", "Brazil"), ("Poland", "Mexico")), kind="visit")


# ------------------------------------------------------------------ attendance, nominal sides, pronouns

def test_being_present_at_a_forum_is_attending_it(nlp):
    ms = _meetings(nlp, "Anton Vesel, who was present at the G20 summit in Hamburg, said trade would grow.")
    got = predicted_pairs(ms)
    assert frozenset(("Anton Vesel", "G20 summit")) in got, got


def test_a_meeting_attended_by_a_list_is_a_meeting_of_the_list(nlp):
    ms = _meetings(nlp, "A meeting was attended by Anton Vesel, Karl Holm and Anna Berg.")
    got = predicted_pairs(ms)
    assert {frozenset(("Anton Vesel", "Karl Holm")), frozenset(("Anton Vesel", "Anna Berg"))} <= set(got), got


@pytest.mark.parametrize("text, pairs", [
    ("The arrival of Anton Vesel for talks with Karl Holm was broadcast live.", P(("Anton Vesel", "Karl Holm"))),
    ("Chile's foreign minister said his first meeting with Karl Holm had gone well.", P(("Chile", "Karl Holm"))),
    ("Kenyan-Italian talks ended without agreement.", P(("Kenya", "Italy"))),
    ("The first Chilean-Peruvian summit in a decade opened on Monday.", P(("Chile", "Peru"))),
])
def test_sides_inside_a_nominal_event(nlp, text, pairs):
    check_meetings(_meetings(nlp, text), pairs)


def test_a_visit_naming_no_destination_is_to_the_dateline_place(nlp):
    ms = _meetings(nlp, "LIMA (Reuters) - The visit of Anton Vesel, Chile's foreign minister, ended with a joint "
                        "statement.")
    check_meetings(ms, P(("Anton Vesel", "Peru")), kind="visit")
    # not where the sentence names the places ("X's trip includes stops in A and B")
    ms = _meetings(nlp, "LIMA (Reuters) - The Chilean foreign minister's trip includes stops in Kenya and Egypt.")
    check_meetings(ms, P(("Chile", "Kenya"), ("Chile", "Egypt")), kind="visit")


def test_they_after_a_coordinated_subject_is_both(nlp):
    ms = _meetings(nlp, "Anton Vesel and Karl Holm signed a pact when they met in Madrid.")
    check_meetings([m for m in ms if m.kind != "visit"], P(("Anton Vesel", "Karl Holm")))


def test_a_talks_noun_after_on_is_a_topic(nlp):
    check_meetings(_meetings(nlp, "On the trade talks with Karl Holm, Anton Vesel said progress was slow."), NONE)


@pytest.mark.parametrize("text, pairs", [
    # the object read as a second subject after the verb
    ("On Wednesday, Chile's finance minister welcomed Peru's finance minister.", P(("Chile", "Peru"))),
    # a two-word demonym in a hyphenated pair
    ("The first South Korean-Chilean summit in a decade opened.", P(("South Korea", "Chile"))),
])
def test_sides_the_parse_misplaces(nlp, text, pairs):
    check_meetings(_meetings(nlp, text), pairs)


def test_the_last_conjunct_made_a_weekdays_compound_is_still_listed(nlp):
    ms = _meetings(nlp, "A Chilean delegation will make stops in Kenya and Berlin Saturday.")
    check_meetings(ms, P(("Chile", "Kenya"), ("Chile", "Germany")), kind="visit")


def test_an_including_phrase_hung_on_the_verb_lists_its_objects(nlp):
    ms = _meetings(nlp, "Anton Vesel met with nine senators from oil states on Thursday, including Karl Holm of Texas.")
    check_meetings(ms, P(("Anton Vesel", "Karl Holm")))


def test_the_last_of_a_list_made_the_compound_of_the_next_word(nlp):
    ms = _meetings(nlp, "Chilean President Anton Vesel sets off on a trip to Asia - including China, South Korea and "
                        "Japan - looking for help to pressure North Korea.")
    got = predicted_pairs(ms)
    assert frozenset(("Anton Vesel", "Japan")) in got, got


def test_a_visit_with_its_host_in_apposition(nlp):
    ms = _meetings(nlp, "The Kenyan leader will meet Karl Holm during the visit, his first to Britain since he took "
                        "office in June.")
    got = predicted_pairs(ms)
    assert frozenset(("Kenya", "United Kingdom")) in got, got



def test_a_subject_list_read_as_an_apposition(nlp):
    ms = _meetings(nlp, "Indian Defence Minister Irina Halvorsen, the European Union and a Brazilian delegation "
                        "attended the NATO summit in Brussels.")
    got = predicted_pairs(ms)
    assert {frozenset(("European Union", "NATO summit")), frozenset(("Brazil", "NATO summit"))} <= set(got), got


def test_raising_an_issue_with_someone_during_a_visit_is_meeting_them(nlp):
    ms = _meetings(nlp, "Anton Vesel raised the issue with Chilean President Karl Holm during a visit to Chile.")
    check_meetings([m for m in ms if m.kind != "visit"], P(("Anton Vesel", "Karl Holm")))
    # a visit sets no scene for what is not discussed with anyone
    ms = _meetings(nlp, "Anton Vesel raised the issue during a visit to Chile.")
    assert all(m.kind == "visit" for m in ms), [(m.participants, m.kind) for m in ms]
