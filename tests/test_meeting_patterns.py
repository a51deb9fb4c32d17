"""One test sentence (at least) for every meeting pattern in ``relations/data/meeting_patterns.jsonl``.

Each row names a pattern id, a short sentence written for that pattern's
construction (invented people, real countries, capitals and international
bodies), and the expected meetings worked out by hand from the annotation
rules (``../shared/eval/README.md``), never copied from the extractor:

* participants are persons where named, else their country or organization
  ("her Jordanian counterpart" -> Jordan);
* ``meeting`` = a bilateral encounter (also "held talks" between two sides),
  ``talks`` = multilateral / forum attendance (the forum is a participant) /
  formal negotiation, ``visit`` = a person and the host country (a city gives
  its country: "arrived in Lima" -> Peru), ``call`` = phone or video;
* "X met A, B and C" is a hub: only X-A, X-B, X-C; attendance of a large forum
  pairs each attendee with the forum;
* nobody visits their own country; hopes, invitations, refusals,
  hypotheticals and habitual contact are not meetings; future ones are
  ``scheduled``.

A row checks that its pattern fired (``doc._.meeting_frames``), that the pairs
``extract_meetings`` returns are exactly the expected ones (hub meetings: only
the pairs with the hub), and, where given, the kind and status of the meeting
holding each pair.  The second half checks that a malformed pattern is refused
with a `PatternError` naming it.
"""
from __future__ import annotations

import json

import pytest

from graphkit.relations.meetings import extract_meetings
from graphkit.relations.patterns import PatternError, compile_patterns, load_patterns, parse_pattern, read_patterns
from meeting_helpers import LINKED, NONE, P, check_meetings, clique, hub, predicted_pairs  # noqa: F401


_labels: set[str] = set()


def row(pid, text, pairs, kind=None, status=None, label=None, xfail=None):
    """A table row; ``kind`` / ``status`` are a value for every pair or a dict {pair: value}."""
    label = label or pid
    assert label not in _labels, f"duplicate row label {label}"
    _labels.add(label)
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(pid, text, pairs, kind, status, id=label, marks=marks)


# --------------------------------------------------------------------------- meetings: verbs of meeting

MEETINGS = [
    row("meet-object",
        "Norwegian Foreign Minister Anna Berg met Chilean President Karl Holm on Monday.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="happened"),
    row("meet-object",
        "Chilean President Karl Holm met Norwegian Foreign Minister Anna Berg, Peruvian Trade Minister "
        "Tomas Vey and Swedish Prime Minister Lina Osk on Wednesday.",
        P(*hub("Karl Holm", "Anna Berg", "Tomas Vey", "Lina Osk")), kind="meeting", label="meet-object-hub"),
    row("meet-object",
        "Norwegian Foreign Minister Anna Berg met her Jordanian counterpart on Monday.",
        P(("Anna Berg", "Jordan")), kind="meeting", label="meet-object-counterpart"),
    row("meet-object",
        "During the trip Senator Dana Hale will meet officials in the Oslo Stock Exchange and the Ministry of "
        "Finance.",
        # the parser hangs "in the Oslo Stock Exchange" on the verb: still whose officials they are; and
        # a company's seat is not where the trip goes
        P(*hub("Dana Hale", "Oslo Stock Exchange", "Ministry of Finance")), kind="meeting", status="scheduled",
        label="meet-object-officials-in-body"),
    row("meet-object",
        "During the trip Senator Dana Hale will meet officials in the Oslo Stock Exchange, the Ministry of "
        "Finance, the Trade Ministry, and Trade Minister Lars Olsen.",
        # the first of the list on the verb, the rest in apposition to "officials"
        P(*hub("Dana Hale", "Oslo Stock Exchange", "Ministry of Finance", "Trade Ministry", "Lars Olsen")),
        kind="meeting", status="scheduled", label="meet-object-officials-in-list"),
    row("meet-object",
        "Chilean President Karl Holm met Chilean officials on Monday.",
        # his own country's unnamed officials: an internal meeting, no one to pair him with
        NONE, label="meet-object-own-officials"),
    row("meet-object",
        "Senator Dana Hale met officials in Lima on Monday.",
        NONE, label="meet-object-officials-in-a-place"),
    row("visit-framing-meeting",
        "Senator Dana Hale met the head of the Bank of Rotterdam on the second day of her visit.",
        # a company's country is where it sits, not where she travelled
        P(("Dana Hale", "Bank of Rotterdam")), kind="meeting", label="visit-framing-meeting-company"),
    row("meet-object-from",
        "Norwegian Foreign Minister Anna Berg met her counterparts on Monday from Iran, Russia and Turkey.",
        P(*hub("Anna Berg", "Iran", "Russia", "Turkey")), kind="meeting"),
    row("meet-with",
        "Chilean President Karl Holm met with Peruvian Trade Minister Tomas Vey on Tuesday.",
        P(("Karl Holm", "Tomas Vey")), kind="meeting", status="happened"),
    row("meet-with",
        "Norwegian Foreign Minister Anna Berg conferred with Swedish Prime Minister Lina Osk on Friday.",
        P(("Anna Berg", "Lina Osk")), kind="meeting", label="meet-with-conferred"),
    row("meet-together",
        "Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm met on Monday.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="happened"),
    row("meet-together",
        "Chilean President Karl Holm and his Peruvian counterpart met on Monday.",
        P(("Karl Holm", "Peru")), kind="meeting", label="meet-together-counterpart"),
    row("meet-together",
        "Trade ministers Anna Berg of Norway, Tomas Vey of Peru and Lina Osk of Sweden met in Lima on Monday.",
        # every name in apposition to the role noun; three sides meeting is multilateral
        P(*clique("Anna Berg", "Tomas Vey", "Lina Osk")), kind="talks", label="meet-together-listed-in-apposition"),
    row("meet-together",
        "Anna Berg of Norway, Tomas Vey of Peru and Lina Osk of Sweden met in Lima on Monday.",
        # the parser makes the second name an apposition of the first
        P(*clique("Anna Berg", "Tomas Vey", "Lina Osk")), kind="talks", label="meet-together-names-listed"),
    row("negotiate-with",
        "Peruvian Trade Minister Tomas Vey negotiated with Chilean President Karl Holm over fishing "
        "rights on Monday.",
        P(("Tomas Vey", "Karl Holm")), kind="talks", status="happened"),
    row("negotiate-with",
        "Chile negotiated with the International Monetary Fund over its debt on Monday.",
        P(("Chile", "International Monetary Fund")), kind="talks", label="negotiate-with-imf"),
    row("sit-down-with",
        "Swedish Prime Minister Lina Osk sat down with Egyptian President Omar Nasri on Sunday.",
        P(("Lina Osk", "Omar Nasri")), kind="meeting", status="happened"),
    row("sit-down-with",
        "Norwegian Foreign Minister Anna Berg will sit down with Chilean President Karl Holm next week.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="scheduled", label="sit-down-with-will"),
    row("host-person",
        "Egyptian President Omar Nasri hosted Swedish Prime Minister Lina Osk on Monday.",
        P(("Omar Nasri", "Lina Osk")), kind="meeting", status="happened"),
    row("receive-person",
        "Egyptian President Omar Nasri received Swedish Prime Minister Lina Osk on Monday.",
        P(("Omar Nasri", "Lina Osk")), kind="meeting", status="happened"),
    row("receive-person",
        "Egyptian President Omar Nasri welcomed Peruvian Trade Minister Tomas Vey at the presidential "
        "palace on Monday.",
        P(("Omar Nasri", "Tomas Vey")), kind="meeting", label="receive-person-welcomed"),
    row("receive-person",
        "Egyptian President Omar Nasri received a Swedish delegation on Monday.",
        # an unnamed side is its country
        P(("Omar Nasri", "Sweden")), kind="meeting", label="receive-person-delegation"),
    row("host-person-passive",
        "Swedish Prime Minister Lina Osk was hosted by Egyptian President Omar Nasri on Monday.",
        P(("Lina Osk", "Omar Nasri")), kind="meeting", status="happened"),
    row("receive-person-passive",
        "Swedish Prime Minister Lina Osk was received by Egyptian President Omar Nasri on Monday.",
        P(("Lina Osk", "Omar Nasri")), kind="meeting", status="happened"),
    row("receive-person-passive",
        "Swedish Prime Minister Lina Osk was greeted at the airport by Egyptian President Omar Nasri.",
        P(("Lina Osk", "Omar Nasri")), kind="meeting", label="receive-person-passive-greeted"),
    row("courtesy-call-on",
        "Norwegian Foreign Minister Anna Berg paid a courtesy call on Chilean President Karl Holm.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="happened"),
    row("discuss-with",
        "Norwegian Foreign Minister Anna Berg discussed with Chilean President Karl Holm how to end the dispute.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="happened"),
    row("discuss-over-meal",
        "Chilean President Karl Holm and Norwegian Prime Minister Anna Berg discussed trade over dinner in Oslo.",
        P(("Karl Holm", "Anna Berg")), kind="meeting", status="happened"),
    row("discuss-over-meal",
        "Chilean President Karl Holm discussed trade over dinner.",
        # one side is no meeting
        NONE, label="discuss-over-meal-alone"),
    row("discuss-object-with",
        "Chilean President Karl Holm discussed trade with Peruvian President Tomas Vey on Friday.",
        P(("Karl Holm", "Tomas Vey")), kind="meeting", status="happened"),
    row("raise-issue-with",
        "Chilean President Karl Holm raised the matter with Peruvian President Tomas Vey on Friday.",
        # the 'with' hangs on the verb (on the object it is discuss-object-with's)
        P(("Karl Holm", "Tomas Vey")), kind="meeting", status="happened"),
    row("raise-issue-with",
        "Chilean President Karl Holm raised prices with the new policy.",
        NONE, label="raise-issue-with-no-issue"),
    row("call-on",
        "Peruvian Trade Minister Tomas Vey called on Chilean President Karl Holm on Tuesday.",
        P(("Tomas Vey", "Karl Holm")), kind="meeting", status="happened"),
    row("brief-person",
        "Norwegian Foreign Minister Anna Berg briefed Swedish Prime Minister Lina Osk on the fishing "
        "dispute on Monday.",
        P(("Anna Berg", "Lina Osk")), kind="meeting", status="happened"),
    row("explain-to",
        "Norwegian Foreign Minister Anna Berg explained to Chilean President Karl Holm why Norway had "
        "closed the border.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="happened"),
    row("explain-object-to",
        "Norwegian Foreign Minister Anna Berg explained the decision to Chilean President Karl Holm on Monday.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="happened"),
    row("travel-to-discuss-object-with",
        "Norwegian Foreign Minister Anna Berg will travel to Santiago next week to discuss fishing rights "
        "with Chilean President Karl Holm.",
        # the trip is a visit to Chile; the talks there are a meeting with Holm
        P(("Anna Berg", "Karl Holm"), ("Anna Berg", "Chile")), status="scheduled"),
    row("travel-to-discuss-with",
        "Norwegian Foreign Minister Anna Berg will travel to Santiago next week to confer with Chilean "
        "President Karl Holm.",
        # the trip is a visit to Chile; whom she meets there is a separate meeting
        P(("Anna Berg", "Karl Holm"), ("Anna Berg", "Chile")),
        kind={("Anna Berg", "Karl Holm"): "meeting", ("Anna Berg", "Chile"): "visit"}, status="scheduled"),
]

# --------------------------------------------------------------------------- nominal: talks, meetings, receptions

NOMINAL = [
    row("light-talks-with",
        "Swedish Prime Minister Lina Osk held talks with Egyptian President Omar Nasri on Sunday.",
        P(("Lina Osk", "Omar Nasri")), kind="meeting", status="happened"),
    row("light-talks-with",
        "Swedish Prime Minister Lina Osk held trade talks with Egyptian President Omar Nasri on Sunday.",
        # trade talks are a formal negotiation
        P(("Lina Osk", "Omar Nasri")), kind="talks", label="light-talks-with-trade"),
    row("light-talks-with",
        "Norwegian Foreign Minister Anna Berg held talks with her Chilean counterpart on Monday.",
        P(("Anna Berg", "Chile")), kind="meeting", label="light-talks-with-counterpart"),
    row("light-talks-with",
        "Chilean President Karl Holm held talks on Monday with Anna Berg of Norway, Tomas Vey of Peru and "
        "Lina Osk of Sweden.",
        P(*hub("Karl Holm", "Anna Berg", "Tomas Vey", "Lina Osk")), label="light-talks-with-hub"),
    row("light-talks-with",
        "Peruvian Finance Minister Tomas Vey held talks with the IMF and World Bank on Monday.",
        # "the IMF and World Bank" parsed as the IMF modifying the Bank: both are sides
        P(*hub("Tomas Vey", "International Monetary Fund", "World Bank")), label="light-talks-with-modifier-list"),
    row("light-talks-with",
        "Prime Minister Lina Osk will make an official visit to Chile from April 29 and hold talks in Santiago "
        "with President Karl Holm, Chief Cabinet Secretary Tomas Vey told reporters.",
        # the name after the partner's is who speaks, not one more side
        P(("Lina Osk", "Chile"), ("Lina Osk", "Karl Holm")), status="scheduled",
        kind={("Lina Osk", "Chile"): "visit", ("Lina Osk", "Karl Holm"): "meeting"},
        label="light-talks-with-speaker-after-partner"),
    row("light-talks-verb-with",
        "Swedish Prime Minister Lina Osk had discussions about the refugee crisis on Sunday with Egyptian "
        "President Omar Nasri.",
        P(("Lina Osk", "Omar Nasri")), kind="meeting", status="happened"),
    row("light-rounds-of-talks-with",
        "Swedish Prime Minister Lina Osk held two rounds of talks with Egyptian President Omar Nasri.",
        P(("Lina Osk", "Omar Nasri")), kind="meeting", status="happened"),
    row("light-talks-together",
        "Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm held talks on Monday.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="happened"),
    row("meeting-of-sides",
        "A meeting of foreign ministers of Chile, Peru and Bolivia opened in La Paz on Monday.",
        P(*clique("Chile", "Peru", "Bolivia")), status="happened"),
    row("meeting-of-sides-from",
        "Chile and Peru signed a fishing accord in March. A meeting of senior officials from the two countries "
        "was held in Lima last week.",
        # "the two countries": the two named together just before
        P(("Chile", "Peru")), status="happened"),
    row("talks-between",
        "Talks between Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm lasted three "
        "hours on Thursday.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="happened"),
    row("talks-between",
        "Talks between Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm ended "
        "without agreement on Thursday.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", label="talks-between-ended"),
    row("talks-between",
        "The discussions among Norway, Chile and Peru lasted two days.",
        P(*clique("Norway", "Chile", "Peru")), kind="talks", label="talks-between-three"),
    row("talks-between",
        "Talks between the European Union and Turkey resumed on Monday.",
        # an international body facing a state
        P(("European Union", "Turkey")), kind="talks", label="talks-between-eu"),
    row("light-passive-between",
        "A meeting was held on Friday between Norwegian Foreign Minister Anna Berg and Chilean President "
        "Karl Holm.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="happened"),
    row("frame-talks-with",
        "Chilean President Karl Holm said after a meeting with Peruvian Trade Minister Tomas Vey that the "
        "border would reopen.",
        P(("Karl Holm", "Tomas Vey")), kind="meeting", status="happened"),
    row("frame-talks-with",
        "Trade Minister Karl Holm resigned on Monday. His resignation was accepted during a meeting with "
        "President Anna Berg this afternoon.",
        # the subject names no side; its possessor does
        P(("Karl Holm", "Anna Berg")), kind="meeting", status="happened", label="frame-talks-with-possessor"),
    row("frame-talks-of-with",
        "Peruvian Finance Minister Tomas Vey spoke at the end of three weeks of negotiations with the "
        "International Monetary Fund.",
        P(("Tomas Vey", "International Monetary Fund")), kind="talks", status="happened"),
    row("frame-talks-together",
        "Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm will discuss fishing rights "
        "during talks next week.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="scheduled"),
    row("frame-talks-on-subject",
        "The Norwegian, Chilean and Peruvian foreign ministers after talks on Monday released a joint "
        "statement.",
        P(*clique("Norway", "Chile", "Peru")), kind="talks", status="happened"),
    row("frame-talks-with-on-object",
        "Norway announced a package of tariff cuts shortly before trade talks with Chile.",
        # the "before" hangs on the announced package; Norway holds the talks
        P(("Norway", "Chile")), kind="talks", status="happened"),
    row("frame-talks-on-split-subject",
        "Egypt, Jordan and Iraq foreign ministers after talks in Amman released a statement on May 4, 2019 "
        "which resulted in a comprehensive truce in Syria.",
        # the parser makes "Jordan and Iraq foreign ministers" an appositive of "Egypt": both halves are sides
        P(*clique("Egypt", "Jordan", "Iraq")), kind="talks", status="happened"),
    row("frame-talks-with-on-subject",
        "Chilean President Karl Holm at a meeting with Peruvian Trade Minister Tomas Vey on Monday also "
        "said the border would reopen.",
        P(("Karl Holm", "Tomas Vey")), kind="meeting"),
    row("ahead-of-talks-with",
        "Norwegian Foreign Minister Anna Berg spoke ahead of talks with Chilean President Karl Holm.",
        P(("Anna Berg", "Karl Holm")), kind="meeting"),
    row("ahead-of-talks-between",
        "The Norwegian krone rose ahead of a meeting between Norwegian Foreign Minister Anna Berg and "
        "Chilean President Karl Holm.",
        P(("Anna Berg", "Karl Holm")), kind="meeting"),
    row("poss-talks-with",
        "Anna Berg described her meeting with Oslo stock exchange (OSE) head Lars Lund, in which she demanded "
        "access, as very frank.",
        # the person holding the role after the organization is the side, however "head" is parsed
        P(("Anna Berg", "Lars Lund")), kind="meeting", status="happened", label="poss-talks-with-org-head-name"),
    row("poss-talks-with",
        "Chilean President Karl Holm's meeting with Peruvian Trade Minister Tomas Vey lasted two hours.",
        P(("Karl Holm", "Tomas Vey")), kind="meeting", status="happened"),
    row("for-talks-with",
        "Chilean President Karl Holm is in Tokyo for talks with Japanese officials.",
        # being somewhere for talks is the talks' purpose as much as going there
        P(("Karl Holm", "Japan")), status="happened", label="for-talks-with-be"),
    row("for-talks-with",
        "Peruvian Trade Minister Tomas Vey sat down for talks with Chilean President Karl Holm on Monday.",
        P(("Tomas Vey", "Karl Holm")), kind="meeting", status="happened"),
    row("for-talks-together",
        "Norwegian Foreign Minister Anna Berg, Chilean President Karl Holm and Peruvian Trade Minister "
        "Tomas Vey gathered for talks on Friday.",
        P(*clique("Anna Berg", "Karl Holm", "Tomas Vey")), kind="talks", status="happened"),
    row("reception-for-by",
        "A dinner given for Swedish Prime Minister Lina Osk by Egyptian President Omar Nasri lasted three "
        "hours.",
        P(("Lina Osk", "Omar Nasri")), kind="meeting", status="happened"),
    row("host-reception-for",
        "Egyptian President Omar Nasri gave a dinner for Swedish Prime Minister Lina Osk on Monday.",
        P(("Omar Nasri", "Lina Osk")), kind="meeting", status="happened"),
    row("dinner-where",
        "Egyptian President Omar Nasri hosted a dinner where Swedish Prime Minister Lina Osk told "
        "Norwegian Foreign Minister Anna Berg about the plan.",
        # a small round table: everyone with everyone
        P(*clique("Omar Nasri", "Lina Osk", "Anna Berg")), kind="talks", status="happened"),
]

# --------------------------------------------------------------------------- visits: trips to a country

#: a first sentence that makes the article Egyptian (Lebanese): its own institutions; "here" is that country
EGYPT_NEWS = "The Egyptian parliament approved the budget and the Egyptian Foreign Ministry praised the Egyptian army. "
LEBANON_NEWS = ("The Lebanese parliament approved the budget and the Lebanese Foreign Ministry praised the "
                "Lebanese army. ")

VISITS = [
    row("visit-object",
        "Chilean President Karl Holm visited Egypt last week.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened"),
    row("visit-object",
        "Norwegian Foreign Minister Anna Berg visited Tehran on Sunday.",
        P(("Anna Berg", "Iran")), kind="visit", label="visit-object-capital"),
    row("visit-object",
        "Chilean President Karl Holm visited Egyptian President Omar Nasri on Sunday.",
        # a visit to a person is a meeting with them
        P(("Karl Holm", "Omar Nasri")), kind="meeting", label="visit-object-person"),
    row("arrive-in",
        "Norwegian Foreign Minister Anna Berg arrived in Lima on Monday.",
        P(("Anna Berg", "Peru")), kind="visit", status="happened"),
    row("due-in",
        "Chilean President Karl Holm is due in Tokyo next week for talks with Japanese officials.",
        P(("Karl Holm", "Japan")), status="scheduled"),
    row("expected-in",
        "Norwegian Foreign Minister Anna Berg is expected in Cairo next week.",
        P(("Anna Berg", "Egypt")), kind="visit", status="scheduled"),
    row("arrive-here",
        EGYPT_NEWS + "Norwegian Foreign Minister Anna Berg arrived here on Monday.",
        P(("Anna Berg", "Egypt")), kind="visit", status="happened"),
    row("arrive-for-talks-with",
        "Norwegian Foreign Minister Anna Berg arrived for talks with Chilean President Karl Holm on Monday.",
        # arriving for talks with the Chilean president is a visit to Chile, and a meeting with him
        P(("Anna Berg", "Chile"), ("Anna Berg", "Karl Holm")),
        kind={("Anna Berg", "Chile"): "visit", ("Anna Berg", "Karl Holm"): "meeting"}, status="happened"),
    row("travel-to",
        "Chilean President Karl Holm flew to Cairo on Tuesday.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened"),
    row("leave-for",
        "Chilean President Karl Holm left for Cairo on Tuesday.",
        P(("Karl Holm", "Egypt")), kind="visit"),
    row("set-off-for",
        "Norwegian Foreign Minister Anna Berg set off for Cairo on Monday.",
        P(("Anna Berg", "Egypt")), kind="visit", status="happened"),
    row("leave-for",
        "Norwegian Finance Minister Anna Berg was setting aside more money for the refugees in Jordan.",
        # money set aside for people in a place is no trip there
        NONE, label="status-set-aside-for"),
    row("leave-place",
        "Chilean President Karl Holm praised the new government before leaving Egypt on Tuesday.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened"),
    row("return-home-from",
        "Chilean President Karl Holm returned home from Peru on Sunday.",
        P(("Karl Holm", "Peru")), kind="visit", status="happened"),
    row("return-from",
        "Chilean President Karl Holm returned from Egypt on Tuesday.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened"),
    row("be-in",
        "Chilean President Karl Holm was in Cairo on Tuesday.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened"),
    row("be-in",
        "In Chile, Halvard Industries Inc is the leading brewer.",
        # a copula with its own attribute says what X is there, not that X went there
        NONE, label="be-in-attribute"),
    row("presence-in",
        "Chilean President Karl Holm stopped in Cairo on Tuesday.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened"),
    row("presence-object-in",
        "Chilean President Karl Holm saw an orphanage in Tanzania on Tuesday.",
        P(("Karl Holm", "Tanzania")), kind="visit", status="happened"),
    row("presence-second-object-in",
        "Chilean President Karl Holm will see a refugee camp in Jordan and a hospital in Lebanon next week.",
        P(("Karl Holm", "Jordan"), ("Karl Holm", "Lebanon")), kind="visit", status="scheduled"),
    row("visit-noun-poss",
        "Chilean President Karl Holm's visit to Egypt lasted three days.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened"),
    row("visit-noun-poss",
        "Chilean President Karl Holm ended his visit to Egypt on Tuesday.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened", label="visit-noun-poss-ended"),
    row("visit-noun-by",
        "A visit to Egypt by Chilean President Karl Holm has improved relations.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened"),
    row("visit-noun-to",
        "During a visit to Egypt, Chilean President Karl Holm praised the new government.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened"),
    row("visit-noun-to",
        "Chilean President Karl Holm made a three-day trip to Jordan in May.",
        P(("Karl Holm", "Jordan")), kind="visit", label="visit-noun-to-made"),
    row("visit-noun-to",
        "Chilean President Karl Holm wrapped up a three-day visit to Egypt on Tuesday.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened", label="visit-noun-to-wrapped-up"),
    row("visit-noun-appos-to",
        "Chilean President Karl Holm made the trip, his first to Egypt, in May.",
        P(("Karl Holm", "Egypt")), kind="visit", status="happened"),
    row("visit-noun-modifier",
        "Chilean President Karl Holm cut short a Moscow trip on Tuesday.",
        P(("Karl Holm", "Russia")), kind="visit", status="happened"),
    row("visit-noun-modifier-poss",
        "Chilean President Karl Holm's Moscow trip lasted three days.",
        P(("Karl Holm", "Russia")), kind="visit", status="happened"),
    row("visit-noun-here",
        LEBANON_NEWS + "During a visit here, Chilean President Karl Holm praised the army.",
        P(("Karl Holm", "Lebanon")), kind="visit", status="happened"),
    row("visit-noun-here-poss",
        LEBANON_NEWS + "Chilean President Karl Holm's visit here has improved relations.",
        P(("Karl Holm", "Lebanon")), kind="visit", label="visit-noun-here-poss"),
    row("visit-noun-here-by",
        LEBANON_NEWS + "A visit here by Chilean President Karl Holm has improved relations.",
        P(("Karl Holm", "Lebanon")), kind="visit", status="happened"),
    row("visit-framing-meeting",
        "Chilean President Karl Holm met Egyptian President Omar Nasri on the second day of his visit.",
        # his visit is to the country of the man he met there
        P(("Karl Holm", "Omar Nasri"), ("Karl Holm", "Egypt")),
        kind={("Karl Holm", "Omar Nasri"): "meeting", ("Karl Holm", "Egypt"): "visit"}, status="happened"),
    row("tour-includes",
        "Chilean President Karl Holm began a tour that includes Egypt and Jordan on Monday.",
        P(("Karl Holm", "Egypt"), ("Karl Holm", "Jordan")), kind="visit"),
]

# --------------------------------------------------------------------------- forums: attending a summit or a body

FORUMS = [
    row("attend-forum",
        "Norwegian Foreign Minister Anna Berg attended a meeting of the Nordic Council on Saturday.",
        # a meeting of a body that meets is that body
        P(("Anna Berg", "Nordic Council")), kind="talks", status="happened"),
    row("attend-forum",
        "Norwegian Foreign Minister Anna Berg and Swedish Prime Minister Lina Osk attended a meeting of the "
        "Nordic Council on Saturday.",
        # a large forum: each attendee with the forum
        P(*hub("Nordic Council", "Anna Berg", "Lina Osk")), kind="talks", label="attend-forum-two"),
    row("attend-forum",
        "Norwegian Foreign Minister Anna Berg attended a meeting of the Nordic Council in Helsinki on Saturday.",
        # attending a forum abroad is also a visit to its country
        P(("Anna Berg", "Nordic Council"), ("Anna Berg", "Finland")),
        kind={("Anna Berg", "Nordic Council"): "talks", ("Anna Berg", "Finland"): "visit"},
        label="attend-forum-abroad"),
    row("attend-forum",
        "Swedish Prime Minister Lina Osk attended a meeting of the Nordic Council in Stockholm on Saturday.",
        # at home: no visit
        P(("Lina Osk", "Nordic Council")), kind="talks", label="attend-forum-at-home"),
    row("address-named-forum",
        "Swedish Prime Minister Lina Osk addressed the NATO summit on Tuesday.",
        # a summit no gazetteer names is named from the text ("EU summit", "IMF meeting")
        P(("Lina Osk", "NATO summit")), kind="talks", status="happened"),
    row("address-forum-of",
        "Karl Holm told a meeting of the Baltic Oil Association that output would fall.",
        # a meeting of a body the tables do not know as one that meets: named from the text
        P(("Karl Holm", "Meeting of the Baltic Oil Association")), kind="talks", status="happened"),
    row("address-forum-of",
        "Addressing the annual meeting of the Nordic Grain Association, Swedish Farm Minister Lina Osk said "
        "prices would rise.",
        # the participle's subject is the speaker; an annual meeting of a named body is a forum
        P(("Lina Osk", "Annual meeting of the Nordic Grain Association")), kind="talks", status="happened",
        label="address-forum-of-participle"),
    row("speak-to-forum",
        "Norwegian Finance Minister Anna Berg was speaking at a meeting of the Committee for a Nordic Currency "
        "Union.",
        # a meeting of a committee is the committee
        P(("Anna Berg", "Committee for a Nordic Currency Union")), kind="talks", status="happened"),
    row("speak-to-forum",
        "Anna Berg spoke to the annual conference of the Nordic Grain Association.",
        P(("Anna Berg", "Annual conference of the Nordic Grain Association")), kind="talks",
        label="speak-to-forum-to"),
    row("act-at-session-of",
        "Sweden will press its case at a special two-day session of the WTO steel committee opening today.",
        # "opening today" is when the session is, not its name
        P(("Sweden", "Special two-day session of the WTO steel committee")), kind="talks", status="scheduled"),
    row("act-at-session-of",
        "Norway raised the issue during a session of the Nordic Council on Monday.",
        P(("Norway", "Nordic Council")), kind="talks", status="happened", label="act-at-session-of-during"),
    row("lead-delegation-to-forum",
        "Norwegian Foreign Minister Anna Berg led the Norwegian delegation to the annual session of the Nordic "
        "Council.",
        P(("Anna Berg", "Nordic Council")), kind="talks", status="happened"),
    row("lead-delegation-of-forum",
        "Anna Berg heads the Norwegian delegation at the Nordic Grain Council conference in Oslo.",
        P(("Anna Berg", "Nordic Grain Council conference")), kind="talks"),
    row("welcome-to-forum",
        "Swedish Prime Minister Lina Osk welcomed Norwegian Foreign Minister Anna Berg to the Nordic Council "
        "summit on Monday.",
        # host and guest both attend; the welcome itself is their meeting
        P(("Lina Osk", "Nordic Council summit"), ("Anna Berg", "Nordic Council summit"), ("Lina Osk", "Anna Berg")),
        kind={("Lina Osk", "Nordic Council summit"): "talks", ("Anna Berg", "Nordic Council summit"): "talks",
              ("Lina Osk", "Anna Berg"): "meeting"}, status="happened"),
    row("attend-named-forum",
        "Norwegian Foreign Minister Anna Berg addressed the Minsk Group on Tuesday.",
        P(("Anna Berg", "OSCE Minsk Group")), kind="talks", status="happened"),
    row("attend-named-forum",
        "Norwegian Foreign Minister Anna Berg attended the East Asia Summit on Saturday.",
        P(("Anna Berg", "East Asia Summit")), kind="talks", label="attend-named-forum-summit"),
    row("for-forum",
        "Norwegian Foreign Minister Anna Berg arrived in Helsinki for a meeting of the Nordic Council on "
        "Monday.",
        # the arrival is a visit to Finland; attending the meeting pairs her with the council
        P(("Anna Berg", "Finland"), ("Anna Berg", "Nordic Council")),
        kind={("Anna Berg", "Finland"): "visit", ("Anna Berg", "Nordic Council"): "talks"}, status="happened"),
    row("for-forum",
        "Norwegian Foreign Minister Anna Berg arrived in Jakarta for the East Asia Summit on Monday.",
        P(("Anna Berg", "Indonesia"), ("Anna Berg", "East Asia Summit")),
        kind={("Anna Berg", "Indonesia"): "visit", ("Anna Berg", "East Asia Summit"): "talks"},
        label="for-forum-named"),
    row("participate-in-forum",
        "Swedish Prime Minister Lina Osk took part in a session of the UN Human Rights Council on Friday.",
        P(("Lina Osk", "United Nations Human Rights Council")), kind="talks", status="happened"),
    row("participate-in-forum",
        "Swedish Prime Minister Lina Osk took part in the ASEAN Regional Forum on Friday.",
        P(("Lina Osk", "ASEAN Regional Forum")), kind="talks", label="participate-in-forum-named"),
    row("forum-attended-by",
        "The meeting of the Nordic Council will also be attended by regulators from Norway, Finland and "
        "Denmark.",
        # the unnamed regulators are their countries; each attends the council
        P(*hub("Nordic Council", "Norway", "Finland", "Denmark")), kind="talks", status="scheduled"),
    row("meeting-attended-by-bare",
        "Swedish Prime Minister Lina Osk met Chilean President Karl Holm on Monday in a meeting also attended by "
        "Norwegian Foreign Minister Anna Berg.",
        # the one attending the meeting the clause tells joins it: three who met
        P(*clique("Lina Osk", "Karl Holm", "Anna Berg"))),
    # a session of a grouping of states whose clause names no attendee: the members the article names
    # attend, each by its person where the article names one; a small round table pairs everyone
    row("session-of-forum",
        "A meeting of the Group of Seven was in progress in Geneva. Canadian Finance Minister Tom Reed "
        "arrived at noon. Japanese officials were already inside.",
        P(*clique("Tom Reed", "Japan", "Group of Seven")), kind="talks", status="happened"),
    row("named-forum-session",
        "The Group of Five talks ended in Geneva on Sunday. French Finance Minister Paul Marel and "
        "Japanese Finance Minister Ken Oda said the dollar was stable.",
        P(*clique("Paul Marel", "Ken Oda", "Group of Five")), kind="talks", status="happened"),
    row("attend-forum",
        "Canadian Finance Minister Tom Reed attended a meeting of the Group of Seven in Geneva. "
        "Japanese officials declined to comment.",
        # the clause names its attendee: he attended (a trip to Switzerland), and nobody else is read into it
        P(("Tom Reed", "Group of Seven"), ("Tom Reed", "Switzerland")),
        kind={("Tom Reed", "Group of Seven"): "talks", ("Tom Reed", "Switzerland"): "visit"},
        label="session-attendee-named"),
    row("session-of-forum",
        "A meeting of the Group of Seven will be held in Geneva next month. Japan and Canada want a "
        "weaker yen.",
        # wanting something is no attendance of a session that has not happened
        NONE, label="session-scheduled"),
    row("named-forum-session",
        "The Group of Seven meeting ended on Sunday. Canadian Finance Minister Tom Reed said it went well.",
        # one member is no round table to read from the article
        NONE, label="session-one-member"),
    row("meet-together",
        "The Group of Ten met in Geneva on Monday. Swedish, Belgian and Dutch officials said rates would "
        "stay low.",
        # a grouping of eleven states: each attendee with the forum
        P(*hub("Group of Ten", "Sweden", "Belgium", "Netherlands")), kind="talks", status="happened",
        label="meet-together-grouping"),
]

# --------------------------------------------------------------------------- calls: phone and video

CALLS = [
    row("phone-object",
        "Chilean President Karl Holm phoned Norwegian Prime Minister Anna Berg on Saturday.",
        P(("Karl Holm", "Anna Berg")), kind="call", status="happened"),
    row("phone-object",
        "Chilean President Karl Holm rang Norwegian Foreign Minister Anna Berg on Friday.",
        P(("Karl Holm", "Anna Berg")), kind="call", label="phone-object-rang"),
    row("call-object",
        "Chilean President Karl Holm called Norwegian Foreign Minister Anna Berg on Saturday.",
        P(("Karl Holm", "Anna Berg")), kind="call", status="happened"),
    row("speak-by-phone-with",
        "Norwegian Foreign Minister Anna Berg spoke by phone with Peruvian Trade Minister Tomas Vey on "
        "Wednesday.",
        P(("Anna Berg", "Tomas Vey")), kind="call", status="happened"),
    row("speak-by-phone-together",
        "Norwegian Foreign Minister Anna Berg and Peruvian Trade Minister Tomas Vey spoke by telephone on "
        "Wednesday.",
        P(("Anna Berg", "Tomas Vey")), kind="call", status="happened"),
    row("speak-by-phone-together",
        "Chilean President Karl Holm and Norwegian Foreign Minister Anna Berg spoke over the phone on Friday.",
        P(("Karl Holm", "Anna Berg")), kind="call", label="speak-by-phone-together-over"),
    row("in-call-object",
        "Chilean President Karl Holm told Norwegian Foreign Minister Anna Berg in a telephone call on Monday "
        "that trade should grow.",
        P(("Karl Holm", "Anna Berg")), kind="call", status="happened"),
    row("in-call-with",
        "Norwegian Foreign Minister Anna Berg talked with Chilean President Karl Holm in a telephone "
        "conversation on Monday.",
        P(("Anna Berg", "Karl Holm")), kind="call", status="happened"),
    row("in-call-with-object",
        "Norwegian Foreign Minister Anna Berg discussed the crisis with Chilean President Karl Holm during "
        "a telephone conversation.",
        P(("Anna Berg", "Karl Holm")), kind="call", status="happened"),
    row("phone-call-with",
        "Swedish Prime Minister Lina Osk held a video conference with Egyptian President Omar Nasri on "
        "Thursday.",
        P(("Lina Osk", "Omar Nasri")), kind="call", status="happened"),
    row("phone-call-poss-with",
        "Swedish Prime Minister Lina Osk's phone call with Egyptian President Omar Nasri lasted an hour.",
        P(("Lina Osk", "Omar Nasri")), kind="call", status="happened"),
    row("phone-call-between",
        "A telephone conversation between Swedish Prime Minister Lina Osk and Egyptian President Omar "
        "Nasri took place on Thursday.",
        P(("Lina Osk", "Omar Nasri")), kind="call", status="happened"),
    row("light-phone-call-together",
        "Chilean President Karl Holm and Norwegian Prime Minister Anna Berg had a telephone conversation "
        "on Friday.",
        P(("Karl Holm", "Anna Berg")), kind="call", status="happened"),
    row("phone-call-to-by",
        "A phone call to Chilean President Karl Holm by Norwegian Prime Minister Anna Berg lasted forty "
        "minutes.",
        P(("Karl Holm", "Anna Berg")), kind="call", status="happened"),
    row("phone-call-to-by",
        "A telephone call to Chilean President Karl Holm from Norwegian Prime Minister Anna Berg lasted "
        "forty minutes.",
        P(("Karl Holm", "Anna Berg")), kind="call", label="phone-call-to-from"),
    row("phone-call-from",
        "Chilean President Karl Holm received a phone call from Norwegian Prime Minister Anna Berg on Monday.",
        P(("Karl Holm", "Anna Berg")), kind="call", status="happened"),
]

# --------------------------------------------------------------------------- status: scheduled, and no meeting at all

STATUS = [
    row("meet-object",
        "Norwegian Foreign Minister Anna Berg will meet Chilean President Karl Holm on Friday.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="scheduled", label="status-will-meet"),
    row("meet-together",
        "Norwegian Foreign Minister Anna Berg and Chilean President Karl Holm are due to meet next week.",
        P(("Anna Berg", "Karl Holm")), kind="meeting", status="scheduled", label="status-due-to-meet"),
    row("visit-object",
        "Chilean President Karl Holm is due to visit Norway next month.",
        P(("Karl Holm", "Norway")), kind="visit", status="scheduled", label="status-due-to-visit"),
    row("light-talks-together",
        "Russia and Turkey are to hold talks next week.",
        P(("Russia", "Turkey")), kind="meeting", status="scheduled", label="status-are-to-hold-talks"),
    row("travel-to",
        "Chilean President Karl Holm will fly to Cairo on Friday.",
        P(("Karl Holm", "Egypt")), kind="visit", status="scheduled", label="status-will-fly"),
    row("arrive-in",
        "Chilean President Karl Holm is expected to arrive in Cairo on Friday.",
        P(("Karl Holm", "Egypt")), kind="visit", status="scheduled", label="status-expected-to-arrive"),
    row("visit-object",
        "Officials said Chilean President Karl Holm would visit Egypt next month.",
        P(("Karl Holm", "Egypt")), kind="visit", status="scheduled", label="status-would-reported"),
    row("visit-noun-by",
        "A planned visit to Egypt by Chilean President Karl Holm will go ahead.",
        P(("Karl Holm", "Egypt")), kind="visit", status="scheduled", label="status-planned-visit"),
    row("meet-object",
        "Norwegian Foreign Minister Anna Berg hopes to meet Chilean President Karl Holm next year.",
        NONE, label="status-hopes"),
    row("visit-object",
        "Chilean President Karl Holm accepted an invitation to visit Egypt.",
        NONE, label="status-invitation"),
    row("visit-object",
        "Chilean President Karl Holm refused to visit Egypt.",
        NONE, label="status-refused"),
    row("visit-object",
        "Chilean President Karl Holm has no plans to visit Egypt.",
        NONE, label="status-no-plans"),
    row("visit-object",
        "If Chilean President Karl Holm visits Egypt, relations will improve.",
        NONE, label="status-if"),
    row("visit-noun-by",
        "A planned visit to Egypt by Chilean President Karl Holm was postponed.",
        NONE, label="status-postponed"),
    row("meet-object",
        "Chilean President Karl Holm did not meet Norwegian Foreign Minister Anna Berg.",
        NONE, label="status-did-not-meet"),
    row("call-on",
        "Chilean President Karl Holm called on Norwegian Foreign Minister Anna Berg to resign.",
        # "called on X to ..." is a demand, not a visit paid
        NONE, label="status-called-on-to"),
    row("meet-with",
        "Norwegian Foreign Minister Anna Berg could meet with Chilean President Karl Holm in Geneva.",
        NONE, label="status-could"),
    row("call-object",
        "Chilean President Karl Holm calls Norwegian Foreign Minister Anna Berg every week.",
        NONE, label="status-habitual"),
    row("attend-forum",
        "Norwegian Foreign Minister Anna Berg will not attend a meeting of the Nordic Council.",
        NONE, label="status-will-not-attend"),
    row("visit-noun-poss",
        "Chilean President Karl Holm's possible visit to Egypt worries the opposition.",
        NONE, label="status-possible-visit"),
    row("travel-to",
        "Chilean President Karl Holm flew to Santiago on Tuesday.",
        # nobody visits their own country
        NONE, label="status-own-country"),
    row("visit-object",
        "Norwegian Foreign Minister Anna Berg visited Norway last week.",
        NONE, label="status-own-country-visited"),
    row("arrive-in",
        "Chilean President Karl Holm arrived in Santiago on Tuesday.",
        NONE, label="status-own-country-arrived"),
    row("be-in",
        "Chilean President Karl Holm was in Santiago on Tuesday.",
        NONE, label="status-own-country-was-in"),
    row("visit-object",
        "Chilean President Karl Holm said he hoped to visit Egypt soon.",
        # a hope, whatever the lemmatizer makes of "hoped"
        NONE, label="status-said-he-hoped"),
    row("leave-for",
        "Chilean President Karl Holm will leave for Egypt if the ceasefire holds.",
        NONE, label="status-leave-if"),
    row("presence-in",
        "Chilean President Karl Holm is admired in Egypt.",
        # being admired somewhere states no trip there
        NONE, label="status-admired-in"),
    row("presence-object-in",
        "Chilean President Karl Holm condemned the attacks in Egypt.",
        # the place is where the attacks were, not where he was
        NONE, label="status-attacks-in"),
]

ROWS = MEETINGS + NOMINAL + VISITS + FORUMS + CALLS + STATUS


@pytest.mark.parametrize("pid, text, pairs, kind, status", ROWS)
def test_pattern_row(nlp, pid, text, pairs, kind, status):
    doc = nlp(text)
    fired = [p for p, _ in doc._.meeting_frames]
    if pairs and pid not in LINKED:
        # a row stating no meeting may be kept out by the pattern itself ("without") or by its status
        assert pid in fired, fired
    check_meetings(extract_meetings(doc), pairs, kind, status)




def test_every_pattern_has_a_row():
    ids = {p.id for p in load_patterns()}
    covered = {r.values[0] for r in ROWS}
    assert not ids - covered, f"patterns with no test row: {sorted(ids - covered)}"
    assert not covered - ids - LINKED, f"rows naming no pattern: {sorted(covered - ids - LINKED)}"
    assert not ids & LINKED, f"patterns both in the file and covered by linking: {sorted(ids & LINKED)}"
    assert len(ROWS) >= len(ids)


# --------------------------------------------------------------------------- validation of the pattern file

def _good(**changes):
    """A valid pattern ("X met Y"), with some keys changed (a value None drops the key)."""
    obj = {
        "id": "test-meet", "kind": "meeting", "note": "X met Y",
        "pattern": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": "@meet_verbs"}, "POS": "VERB"}},
                    {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "partner", "RIGHT_ATTRS": {"DEP": "dobj"}}],
        "slots": {"agent": "subject(trigger)", "partner": "partner"},
    }
    for k, v in changes.items():
        if v is None:
            obj.pop(k, None)
        else:
            obj[k] = v
    return obj


def _nodes(**attrs):
    """The good pattern's two nodes, the trigger's RIGHT_ATTRS replaced by ``attrs`` when given."""
    nodes = json.loads(json.dumps(_good()["pattern"]))
    if attrs:
        nodes[0]["RIGHT_ATTRS"] = attrs
    return nodes


def test_a_good_pattern_parses():
    p = parse_pattern(_good(), "test")
    assert (p.id, p.kind, p.nodes, p.frame) == ("test-meet", "meeting", ["trigger", "partner"], "trigger")
    assert p.slots["agent"].subject and p.slots["partner"].node == "partner"
    assert "meet" in p.pattern[0]["RIGHT_ATTRS"]["LEMMA"]["IN"]  # "@meet_verbs" expanded


BAD = [
    pytest.param(_good(slots={"agent": "subject(trigger)", "speaker": "partner"}), "unknown slot", id="unknown-slot"),
    pytest.param(_good(slots={"agent": "subject(trigger)", "partner": "guest"}), "'guest'", id="slot-missing-node"),
    pytest.param(_good(slots={"agent": "subject(nobody)"}), "'nobody'", id="slot-subject-missing-node"),
    pytest.param(_good(slots={"agent": "owner(trigger)"}), "is not NODE", id="slot-bad-reference"),
    pytest.param(_good(slots={"members": "trigger"}), "members", id="members-not-a-list"),
    pytest.param(_good(slots={}), "slots", id="no-slots"),
    pytest.param(_good(pattern=[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}}], slots={"agent": "verb"}),
                 "trigger", id="first-node-not-trigger"),
    pytest.param(_good(pattern=[]), "'pattern'", id="empty-pattern"),
    pytest.param(_good(kind="lunch"), "kind", id="bad-kind"),
    pytest.param(_good(kind=None), "kind", id="missing-kind"),
    pytest.param(_good(note=None), "note", id="missing-note"),
    pytest.param(_good(note="  "), "note", id="blank-note"),
    pytest.param(_good(pattern=_nodes(LEMMA={"IN": "@no_such_list"})), "no_such_list", id="unknown-list"),
    pytest.param(_good(without={"ghost": [{"DEP": "poss"}]}), "ghost", id="without-missing-node"),
    pytest.param(_good(without={"trigger": [{"TAG": "NN"}]}), "without", id="without-bad-attribute"),
    pytest.param(_good(without={"trigger": [{"DEP": ["poss"]}]}), "without", id="without-bad-value"),
    pytest.param(_good(without=["trigger"]), "without", id="without-not-a-mapping"),
    pytest.param(_good(frame="travel"), "frame", id="frame-missing-node"),
    pytest.param(_good(partner_types=["person", "city"]), "partner_types", id="bad-partner-types"),
    pytest.param(_good(colour="red"), "colour", id="unknown-key"),
    pytest.param(_good(session=True), "session", id="session-without-forum"),
]


@pytest.mark.parametrize("obj, words", BAD)
def test_a_bad_pattern_is_refused_with_its_id(obj, words):
    with pytest.raises(PatternError) as exc:
        parse_pattern(obj, "meeting_patterns.jsonl:7")
    msg = str(exc.value)
    assert "'test-meet'" in msg and "meeting_patterns.jsonl:7" in msg, msg
    assert words in msg, msg


def test_a_pattern_without_id_is_refused():
    with pytest.raises(PatternError, match="id"):
        parse_pattern(_good(id=None), "x.jsonl:1")


def _write(tmp_path, *lines):
    path = tmp_path / "patterns.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_patterns_reads_a_good_file(tmp_path):
    other = _good(id="test-meet-with")
    path = _write(tmp_path, "// a comment", json.dumps(_good()), "", json.dumps(other))
    assert [p.id for p in read_patterns(path)] == ["test-meet", "test-meet-with"]


def test_read_patterns_refuses_a_repeated_id(tmp_path):
    path = _write(tmp_path, json.dumps(_good()), json.dumps(_good(id="test-other")), json.dumps(_good()))
    with pytest.raises(PatternError) as exc:
        read_patterns(path)
    msg = str(exc.value)
    assert "'test-meet'" in msg and "patterns.jsonl:3" in msg and "line 1" in msg, msg


def test_read_patterns_names_file_line_and_id_of_a_bad_pattern(tmp_path):
    path = _write(tmp_path, json.dumps(_good()), json.dumps(_good(id="test-bad", kind="lunch")))
    with pytest.raises(PatternError) as exc:
        read_patterns(path)
    msg = str(exc.value)
    assert "patterns.jsonl:2" in msg and "'test-bad'" in msg and "kind" in msg, msg


def test_read_patterns_refuses_a_line_that_is_not_json(tmp_path):
    path = _write(tmp_path, json.dumps(_good()), '{"id": "test-broken", ')
    with pytest.raises(PatternError, match=r"patterns\.jsonl:2: not JSON"):
        read_patterns(path)


def test_compile_patterns_names_a_pattern_spacy_rejects():
    import spacy

    nodes = _nodes()
    nodes[1]["REL_OP"] = "<>>"  # no such dependency operator
    p = parse_pattern(_good(id="test-bad-op", pattern=nodes), "test")
    with pytest.raises(PatternError) as exc:
        compile_patterns(spacy.blank("en").vocab, [p])
    msg = str(exc.value)
    assert "'test-bad-op'" in msg and "spaCy rejects" in msg, msg


def test_compile_patterns_accepts_the_built_in_patterns():
    import spacy

    matcher = compile_patterns(spacy.blank("en").vocab, load_patterns())
    assert len(matcher) == len(load_patterns())
