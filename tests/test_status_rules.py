"""The status of a meeting: wishes, orders and possible outcomes are no meeting; "later met" happened; a
meeting dated after its article is still to come.

Invented people and companies, real countries; each row is a construction, worked out by hand from the
annotation rules (``../shared/eval/README.md``): hopes, hypotheticals and the like are not meetings,
future ones are ``scheduled``.
"""
from __future__ import annotations

import pytest

from graphkit.extract import extract_text

DATE = "1991-05-14"  # a Tuesday


def meetings(nlp, text, date=DATE):
    """{frozenset(participants): status} of the text's meetings."""
    rec = extract_text(text, nlp=nlp, date=date)
    return {frozenset(m.participants): m.status for m in rec.meetings}


def pair(a, b):
    return frozenset((a, b))


DROPPED = [
    # a wish, an eagerness or a readiness to meet is not a meeting
    ("Bankers said Norcom is keen to negotiate with Chile on a new loan.", "keen-to"),
    ("Norwegian Foreign Minister Anna Berg is eager to meet Chilean President Karl Holm.", "eager-to"),
    ("Norwegian Foreign Minister Anna Berg is anxious to meet Chilean President Karl Holm.", "anxious-to"),
    ("Aides said Norwegian Foreign Minister Anna Berg was ready to meet Chilean President Karl Holm.",
     "ready-to"),
    ("Norwegian Foreign Minister Anna Berg is willing to meet Chilean President Karl Holm in Geneva.",
     "willing-to"),
    ("Norwegian Foreign Minister Anna Berg said she was prepared to meet Chilean President Karl Holm.",
     "prepared-to"),
    ("Norway is unwilling to negotiate with Chile.", "unwilling-to"),
    # working to arrange a meeting is no meeting yet
    ("Aides are working to arrange a meeting between Chilean President Karl Holm and Anna Berg.", "working-to"),
    # readiness for an indefinite meeting is a wish too
    ("Norwegian Foreign Minister Anna Berg is prepared for talks with Chile.", "is-prepared-for"),
    ("Norwegian Foreign Minister Anna Berg said she was ready for a summit with Chile.", "ready-for-a"),
    # an order to meet is not a meeting, whether or not it is reported under "would"
    ("The Tax Office would be told to confer at once with Norcom on the new rules, he said.",
     "would-be-told-to"),
    ("Norwegian Foreign Minister Anna Berg told the Tax Office to consult with Norcom.", "told-to"),
    ("Chilean President Karl Holm was ordered to meet Norwegian Foreign Minister Anna Berg.", "ordered-to"),
    # a meeting a thing could open up or lead to is only possible
    ("Karl Holm said the deal would open the way for talks between Norway and Chile.", "open-the-way"),
    ("Aides said that if the trip went ahead it would open the way for summit talks between Norwegian "
     "Prime Minister Anna Berg and Chilean President Karl Holm.", "if-open-the-way"),
    ("Karl Holm said the accord would pave the way for talks between Norway and Chile.", "pave-the-way"),
    ("The accord opened the door to talks between Norway and Chile.", "door-to"),
    ("Karl Holm said the accord would lead to talks between Norway and Chile.", "would-lead-to"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for t, i in DROPPED])
def test_no_meeting(nlp, text):
    assert meetings(nlp, text) == {}


HAPPENED_OR_SCHEDULED = [
    # "later" on a past-tense verb: what came next, not what is to come
    ("Tomas Vey later met Karl Holm but no deal was reached.",
     {pair("Tomas Vey", "Karl Holm"): "happened"}, "later-met"),
    ("Officials said Chilean President Karl Holm had later visited Egypt.",
     {pair("Karl Holm", "Egypt"): "happened"}, "had-later-visited"),
    # getting ready for a planned event is no wish: the event is still to come
    ("Officials prepared for a visit to Egypt by Chilean President Karl Holm.",
     {pair("Karl Holm", "Egypt"): "scheduled"}, "prepared-for-visit"),
    ("Officials in Oslo are ready for the talks between Chile and Norway.",
     {pair("Chile", "Norway"): "scheduled"}, "ready-for-the"),
    ("Officials prepared for a scheduled Cairo visit by Chilean President Karl Holm.",
     {pair("Karl Holm", "Egypt"): "scheduled"}, "prepared-for-scheduled"),
    # a meeting dated after the article's date, with no past-tense verb of its own, is still to come
    ("Aides linked the move to a June 2-3 summit meeting in Oslo between Chilean President "
     "Karl Holm and Norwegian Prime Minister Anna Berg.",
     {pair("Karl Holm", "Anna Berg"): "scheduled"}, "dated-after-article"),
    ("Aides linked the move to a June-2-3 summit meeting in Oslo between Chilean President "
     "Karl Holm and Norwegian Prime Minister Anna Berg.",
     {pair("Karl Holm", "Anna Berg"): "scheduled"}, "dated-after-article-hyphens"),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for t, e, i in HAPPENED_OR_SCHEDULED])
def test_status(nlp, text, expected):
    assert meetings(nlp, text) == expected


KEPT = [  # guards: these pass before the change too
    # what must not change: a past meeting keeps its own tense, whatever the dates around it
    ("Chilean President Karl Holm said on Monday he met Norwegian Foreign Minister Anna Berg on Friday.",
     {pair("Karl Holm", "Anna Berg"): "happened"}, "said-monday-met-friday"),
    ("Chilean President Karl Holm met Norwegian Foreign Minister Anna Berg on June 2.",
     {pair("Karl Holm", "Anna Berg"): "happened"}, "met-on-later-day"),
    ("Talks between Norway and Chile were held on May 3.",
     {pair("Norway", "Chile"): "happened"}, "talks-were-held"),
    ("Chilean President Karl Holm is preparing to visit Egypt.",
     {pair("Karl Holm", "Egypt"): "scheduled"}, "preparing-to"),
    ("Karl Holm said the accord led to talks between Norway and Chile.",
     {pair("Norway", "Chile"): "happened"}, "led-to"),
    ("Chilean President Karl Holm will later meet Norwegian Foreign Minister Anna Berg.",
     {pair("Karl Holm", "Anna Berg"): "scheduled"}, "will-later-meet"),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for t, e, i in KEPT])
def test_kept(nlp, text, expected):
    assert meetings(nlp, text) == expected


def test_future_date_without_article_date(nlp):
    """With no article date there is nothing to be after: the status stays as the clause says."""
    text = ("Aides linked the move to a June 2-3 summit meeting in Oslo between Chilean President "
            "Karl Holm and Norwegian Prime Minister Anna Berg.")
    assert meetings(nlp, text, date=None) == {pair("Karl Holm", "Anna Berg"): "happened"}


@pytest.mark.parametrize("text", [
    "Norwegian Foreign Minister Anna Berg, on a visit to Chile, urged Santiago to cut tariffs.",
    "On a trip to Chile, Norwegian Foreign Minister Anna Berg urged the government to act.",
    "Norwegian Foreign Minister Anna Berg, on a three-day visit to Chile, refused to comment.",
])
def test_a_trip_set_off_as_the_scene_is_not_what_the_verb_urges(nlp, text):
    # "on a visit to X" set off before the verb or by a comma says where the subject is
    assert meetings(nlp, text).get(pair("Anna Berg", "Chile")) == "happened"


@pytest.mark.parametrize("text", [
    "Norwegian Foreign Minister Anna Berg insisted on a visit to Chile.",
    "Norwegian Foreign Minister Anna Berg urged a visit to Chile.",
])
def test_a_trip_the_verb_asks_for_is_no_visit(nlp, text):
    assert pair("Anna Berg", "Chile") not in meetings(nlp, text)


def test_a_condition_on_the_predicate_holding_the_meeting_makes_it_hypothetical(nlp):
    text = ("If the talks go well, Norwegian Foreign Minister Anna Berg is likely to have a meeting with Chilean "
            "President Karl Holm.")
    assert pair("Anna Berg", "Karl Holm") not in meetings(nlp, text)


def test_a_condition_on_the_main_clause_leaves_a_relative_clauses_meeting(nlp):
    text = ("Norwegian Foreign Minister Anna Berg, who met Chilean President Karl Holm last week, will go to "
            "Lima if the talks succeed.")
    assert meetings(nlp, text).get(pair("Anna Berg", "Karl Holm")) == "happened"


@pytest.mark.parametrize("text", [
    "Norwegian Foreign Minister Anna Berg is open to talks with Chilean President Karl Holm.",
    "Norwegian Foreign Minister Anna Berg said she would be happy to meet Chilean President Karl Holm.",
    "Norwegian Foreign Minister Anna Berg is available to meet Chilean President Karl Holm.",
])
def test_being_open_to_or_happy_to_meet_is_a_wish(nlp, text):
    assert pair("Anna Berg", "Karl Holm") not in meetings(nlp, text)


@pytest.mark.parametrize("text", [
    "Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm agreed to expand trade when they met "
    "in Oslo.",
    "Norwegian Foreign Minister Anna Berg refused to sign the deal when she met Chilean President Karl Holm.",
])
def test_a_meeting_in_a_when_clause_is_when_not_what_was_agreed_or_refused(nlp, text):
    assert meetings(nlp, text).get(pair("Anna Berg", "Karl Holm")) == "happened"


def test_a_refused_meeting_stays_refused(nlp):
    text = "Norwegian Foreign Minister Anna Berg refused to meet Chilean President Karl Holm when she visited Lima."
    assert pair("Anna Berg", "Karl Holm") not in meetings(nlp, text)


@pytest.mark.parametrize("text", [
    "Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm are set to meet sometime before the end "
    "of June.",
    "Norwegian Foreign Minister Anna Berg will meet Chilean President Karl Holm sometime in June.",
    "Norwegian Foreign Minister Anna Berg will meet Chilean President Karl Holm sometime next week.",
])
def test_sometime_hedging_a_date_still_dates_the_meeting(nlp, text):
    assert meetings(nlp, text).get(pair("Anna Berg", "Karl Holm")) == "scheduled"


@pytest.mark.parametrize("text", [
    "Norwegian Foreign Minister Anna Berg will meet Chilean President Karl Holm sometime.",
    "Norwegian Foreign Minister Anna Berg will meet Chilean President Karl Holm sometime in the future.",
])
def test_sometime_alone_is_a_prospect(nlp, text):
    assert pair("Anna Berg", "Karl Holm") not in meetings(nlp, text)
