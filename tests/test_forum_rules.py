"""Forums named from the text, and attendance at a forum shown by speaking or acting there.

Sentences are invented (invented people and bodies, real countries and
international groupings); the expected meetings are worked out by hand from the
annotation rules (``../shared/eval/README.md``):

* a forum named from the text needs a word that names it: a proper noun, an
  actor, a topic ("a conference on fish quotas"); "the meeting", "a two-day
  meeting", "the 30-minute session" name none, and with no named partner they
  give no meeting; the body named as whose meeting it is is the forum;
* attending a forum pairs each attendee with the forum; addressing, telling,
  speaking to or at, chairing a meeting of a body is attending it;
* chairing the body itself is a role, not attendance.
"""
from __future__ import annotations

import pytest

from graphkit.relations.meetings import extract_meetings
from meeting_helpers import NONE, P, check_meetings, clique, hub, predicted_pairs  # noqa: F401


def case(text, pairs, kind=None, status=None, forum=None, label=None):
    return pytest.param(text, pairs, kind, status, forum, id=label)


CASES = [
    # ------------------------------------------------------------------ no name, no forum
    case("Karl Holm and Anna Berg also attended the 30-minute meeting.",
         NONE, label="duration-is-no-name"),
    case("Norwegian Foreign Minister Anna Berg will chair the\nmeeting.",
         # a line break inside the phrase is no word of a name
         NONE, label="the-meeting-is-no-name"),
    case("Ministers of the Nordic Grain Council opened a two-day meeting in Oslo on Monday.",
         # the council's own session, with no member named: nobody to pair it with
         NONE, label="size-is-no-name"),
    case("Finance ministers of the Group of Seven opened a two-day meeting in Rome on Monday. Japanese "
         "Finance Minister Ken Oda and Canadian Finance Minister Tom Reed said the mood was good.",
         # whose meeting it is: the grouping's session, its members the article names attend
         P(*clique("Ken Oda", "Tom Reed", "Group of Seven")), kind="talks", status="happened",
         forum="Group of Seven", label="grouping-opens-a-meeting"),
    case("Norwegian Foreign Minister Anna Berg attended the Nordic Grain Council's 30-minute session.",
         # the body whose session it is: the forum
         P(("Anna Berg", "Nordic Grain Council")), kind="talks", status="happened", label="whose-session-it-is"),
]


@pytest.mark.parametrize("text, pairs, kind, status, forum", CASES)
def test_forum_case(nlp, text, pairs, kind, status, forum):
    meetings = extract_meetings(nlp(text))
    check_meetings(meetings, pairs, kind, status)
    if forum is not None:
        assert any(forum in m.participants for m in meetings), [m.participants for m in meetings]


def _pairs(nlp, text):
    meetings = extract_meetings(nlp(text))
    return set(predicted_pairs(meetings)), [(m.participants, m.kind, m.status, m.pattern) for m in meetings]


def test_a_date_is_no_topic(nlp):
    # "on Monday" says when; with no other word naming it, "a meeting" is no forum
    assert _pairs(nlp, "Norwegian Foreign Minister Anna Berg attended a meeting on Monday.")[0] == set()
    got, summary = _pairs(nlp, "Norwegian Foreign Minister Anna Berg attended a conference on fish quotas on Monday.")
    assert got == P(("Anna Berg", "Conference on fish quotas")), summary


def test_annual_meeting_of_a_named_body_is_a_forum_but_a_party_or_a_company_meets_alone(nlp):
    got, summary = _pairs(nlp, "Anna Berg addressed the annual meeting of the Nordic Grain Association.")
    assert got == P(("Anna Berg", "Annual meeting of the Nordic Grain Association")), summary
    # a party's conference, a company's annual meeting, a meeting of the board: internal meetings
    for text in ("Anna Berg addressed the annual conference of the Centre Party.",
                 "Anna Berg addressed the Volvo annual meeting.",
                 "Anna Berg spoke at a meeting of the Volvo board."):
        assert _pairs(nlp, text)[0] == set(), text


def test_speaking_to_a_legislature_at_home_or_abroad_is_no_forum(nlp):
    # testimony and speeches to a parliament or its committees are not meetings (annotation rules, 2017
    # addendum: "hearings and testimony"), for a visiting minister as for one at home
    got, summary = _pairs(nlp, "Swedish Finance Minister Anna Berg told a meeting of the Senate Finance Committee "
                               "that taxes would rise. The U.S. Congress must act, she said.")
    assert got == set(), summary
    got, summary = _pairs(nlp, "U.S. Treasury Secretary Karl Holm told a meeting of the Senate Finance Committee "
                               "that taxes would rise. The U.S. Congress must act, he said.")
    assert got == set(), summary
    # telling the committee itself is no meeting at all
    got, summary = _pairs(nlp, "Swedish Finance Minister Anna Berg told the Senate Finance Committee that taxes "
                               "would rise. The U.S. Congress must act, she said.")
    assert got == set(), summary


def test_chairing_a_meeting_of_a_body_is_attendance_chairing_the_body_a_role(nlp):
    got, summary = _pairs(nlp, "The Nordic Council meeting will be chaired by Norwegian Foreign Minister Anna Berg.")
    assert got == P(("Anna Berg", "Nordic Council meeting")), summary
    assert _pairs(nlp, "Norwegian Foreign Minister Anna Berg chairs the Commission for Baltic Fisheries.")[0] == set()


def test_passive_attendance_needs_the_forum_named_in_its_sentence(nlp):
    got, summary = _pairs(nlp, "The meeting of the Nordic Council will also be attended by regulators from "
                               "Norway, Finland and Denmark.")
    assert got == P(*hub("Nordic Council", "Norway", "Finland", "Denmark")), summary
    # which meeting "the meeting" is, the article before says: no forum to pair them with here
    assert _pairs(nlp, "The meeting will also be attended by regulators from Norway, Finland and Denmark.")[0] == set()


def test_a_general_assembly_by_name_is_a_forum_a_general_meeting_is_a_companys_own(nlp):
    got, summary = _pairs(nlp, "A Chilean delegation took part in the UN General Assembly in New York on Saturday.")
    assert got == P(("Chile", "United Nations General Assembly")), summary
    assert _pairs(nlp, "Shareholders attended the annual general meeting of Norcom.")[0] == set()


def test_a_grouping_opening_a_meeting_is_attended_by_its_members_the_article_names(nlp):
    got, summary = _pairs(nlp, "Finance ministers of the Gulf Cooperation Council opened a two-day meeting on "
                               "Monday. Bahrain, Kuwait and Oman back a common currency.")
    assert got == P(("Gulf Cooperation Council", "Bahrain"), ("Gulf Cooperation Council", "Kuwait"),
                    ("Gulf Cooperation Council", "Oman"), ("Bahrain", "Kuwait"), ("Bahrain", "Oman"),
                    ("Kuwait", "Oman")), summary
    # with no member named, no one to pair it with
    assert _pairs(nlp, "Finance ministers of the Gulf Cooperation Council opened a two-day meeting on Monday.")[0] == set()
