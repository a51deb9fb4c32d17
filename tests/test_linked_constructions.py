"""The constructions of the patterns removed for the shared linking rules (``meeting_helpers.LINKED``), one
plain sentence each with invented people: each still gives its meeting, visit or call.

A pattern was removed where, on the grid, the dev sets and 400 Reuters-21578 stories, the linking rules and
the remaining patterns gave every meeting it gave; these sentences check the plain form of each construction
(from the pattern's note) so that a construction rare in those texts is not lost with it.
"""
from __future__ import annotations

import pytest

from graphkit.relations.meetings import extract_meetings

SENTENCES = [
    'Norwegian Foreign Minister Anna Berg met Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg negotiated with Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg received Chilean President Karl Holm on Monday.',
    'Chilean President Karl Holm was received by Norwegian Foreign Minister Anna Berg on Monday.',
    'Norwegian Foreign Minister Anna Berg will travel to Santiago to discuss trade with Chilean President Karl Holm.',
    'Norwegian Foreign Minister Anna Berg will visit Santiago to discuss fishing rights with Chilean President Karl Holm.',
    'Norwegian Foreign Minister Anna Berg held talks with Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg held talks on trade with Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg held two rounds of talks with Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm held talks on Monday.',
    'Talks between Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm ended on Monday.',
    'A meeting was held between Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg said at the end of three weeks of negotiations with Chilean President Karl Holm that a deal was near.',
    'Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm will discuss trade during talks in Oslo.',
    'Norwegian Foreign Minister Anna Berg, at a meeting with Chilean President Karl Holm in Oslo, also said trade would grow.',
    'Norwegian Foreign Minister Anna Berg announced plans shortly before talks with Chilean President Karl Holm.',
    'Norwegian Foreign Minister Anna Berg said ahead of talks with Chilean President Karl Holm that trade would grow.',
    'Ahead of a meeting between Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm, officials said trade would grow.',
    "Norwegian Foreign Minister Anna Berg's meeting with Chilean President Karl Holm lasted an hour.",
    'Norwegian Foreign Minister Anna Berg arrived for talks with Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg visited Chile on Monday.',
    'Norwegian Foreign Minister Anna Berg arrived in Santiago on Monday.',
    'Norwegian Foreign Minister Anna Berg is due in Santiago next week.',
    'Norwegian Foreign Minister Anna Berg flew to Santiago on Monday.',
    'Norwegian Foreign Minister Anna Berg, on a visit to Santiago, said trade would grow.',
    'Norwegian Foreign Minister Anna Berg made a visit to Chile last week.',
    'Norwegian Foreign Minister Anna Berg phoned Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg called Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg spoke by telephone with Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm spoke by telephone on Monday.',
    'Norwegian Foreign Minister Anna Berg told Chilean President Karl Holm in a telephone call that trade would grow.',
    'Norwegian Foreign Minister Anna Berg held a telephone conversation with Chilean President Karl Holm on Monday.',
    "Norwegian Foreign Minister Anna Berg's phone call with Chilean President Karl Holm lasted an hour.",
    'A phone call between Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm took place on Monday.',
    'Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm had a telephone conversation on Monday.',
    'Norwegian Foreign Minister Anna Berg received a phone call from Chilean President Karl Holm on Monday.',
    'Norwegian Foreign Minister Anna Berg is expected in Santiago next week.',
]


@pytest.mark.parametrize("text", SENTENCES)
def test_a_removed_patterns_construction_still_gives_its_meeting(nlp, text):
    meetings = extract_meetings(nlp(text))
    names = {p for m in meetings for p in m.participants}
    assert "Anna Berg" in names and names & {"Karl Holm", "Chile"}, [(m.participants, m.kind) for m in meetings]


def test_a_cancelled_visit_is_still_none(nlp):
    assert extract_meetings(nlp("A visit to Santiago by Norwegian Foreign Minister Anna Berg was cancelled.")) == []
