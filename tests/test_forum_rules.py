"""Forums named from the text, and attendance at a forum shown by speaking or acting there.

Sentences are invented (invented people and bodies, real countries and
international groupings); the expected meetings are worked out by hand from the
annotation rules (``/work/shared/eval/README.md``):

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
from meeting_helpers import NONE, P, clique, hub, predicted_pairs  # noqa: F401


def case(text, pairs, kind=None, status=None, forum=None, label=None):
    return pytest.param(text, pairs, kind, status, forum, id=label)


CASES = [
    # ------------------------------------------------------------------ no name, no forum
    case("Karl Holm and Anna Berg also attended the 30-minute meeting.",
         NONE, label="duration-is-no-name"),
    case("Norwegian Foreign Minister Anna Berg will chair the meeting.",
         NONE, label="the-meeting-is-no-name"),
    case("Ministers of the Nordic Grain Council opened a two-day meeting in Oslo on Monday.",
         # the council's own session, with no member named: nobody to pair it with
         NONE, label="size-is-no-name"),
    case("Finance ministers of the Group of Seven opened a two-day meeting in Rome on Monday. Japanese "
         "Finance Minister Ken Oda and Canadian Finance Minister Tom Reed said the mood was good.",
         # whose meeting it is: the grouping's session, its members the article names attend
         P(*clique("Ken Oda", "Tom Reed", "Group of Seven")), kind="talks", status="happened",
         forum="Group of Seven", label="grouping-opens-a-meeting"),
    case("Norwegian Foreign Minister Anna Berg attended a conference on fish quotas last week.",
         # a topic names the forum
         P(("Anna Berg", "Conference on fish quotas")), kind="talks", label="topic-names-the-forum"),
]


@pytest.mark.parametrize("text, pairs, kind, status, forum", CASES)
def test_forum_case(nlp, text, pairs, kind, status, forum):
    meetings = extract_meetings(nlp(text))
    summary = [(m.participants, m.kind, m.status, m.hub, m.pattern) for m in meetings]
    got = predicted_pairs(meetings)
    assert set(got) == set(pairs), summary
    for pair in pairs:
        m = got[pair]
        if kind is not None:
            assert m.kind == kind, (sorted(pair), summary)
        if status is not None:
            assert m.status == status, (sorted(pair), summary)
    if forum is not None:
        assert any(forum in m.participants for m in meetings), summary
