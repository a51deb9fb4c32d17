"""Cases found by reading graphkit's output on text beyond the seeds (written for these tests)."""
import pytest

from graphkit.extract import extract_text
from graphkit.dates import normalize_date


def _rec(nlp, text, date=None):
    return extract_text(text, date=date, nlp=nlp).to_dict()


def _people(rec):
    return {a["name"]: a for a in rec["actors"] if a["type"] == "person"}


def test_family_name_first_joins_the_full_name(nlp):
    rec = _rec(nlp, "Chinese Foreign Minister Wang Yi met his Japanese counterpart Yoko Kamikawa in Beijing "
                    "on Tuesday.\n\nWang told Kamikawa that the two countries should manage their differences.")
    people = _people(rec)
    assert set(people) == {"Wang Yi", "Yoko Kamikawa"}
    assert "Wang" in people["Wang Yi"]["aliases"]


def test_surname_labelled_as_a_place_is_the_person(nlp):
    # spaCy tags the bare "Kamikawa" as GPE here; the article names her in full first
    text = ("Japanese Foreign Minister Yoko Kamikawa arrived in Beijing on Monday.\n\n"
            "Later on Tuesday, Kamikawa held talks with Premier Li Qiang.")
    rec = _rec(nlp, text)
    # the arrival is a visit to China; the talks are with Li Qiang
    assert {frozenset(m["participants"]) for m in rec["meetings"]} == {
        frozenset({"Yoko Kamikawa", "Li Qiang"}), frozenset({"Yoko Kamikawa", "China"})}


def test_neighbouring_sentence_gives_a_place_only_about_the_same_people(nlp):
    text = ("Turkish President Tayyip Erdogan has offered to host negotiations between Moscow and Kyiv in Istanbul. "
            "NATO Secretary-General Jens Stoltenberg visited Finland on Thursday and met Finnish Prime Minister "
            "Sanna Marin.")
    rec = _rec(nlp, text)
    m = next(m for m in rec["meetings"] if set(m["participants"]) == {"Jens Stoltenberg", "Sanna Marin"})
    assert m["location"] != "Istanbul"
    # Erdogan only offered to host: no meeting of Russia and Ukraine
    assert not any({"Russia", "Ukraine"} <= set(m["participants"]) for m in rec["meetings"])


@pytest.mark.parametrize("phrase, base, future, expected", [
    ("Tuesday", "2023-03-03", False, "2023-02-28"),      # 2023-03-03 is a Friday
    ("Friday", "2023-03-03", False, "2023-03-03"),
    ("earlier Friday", "2023-03-03", False, "2023-03-03"),
    ("Monday", "2023-03-03", True, "2023-03-06"),        # a meeting still to come
    ("Dec. 28", "2017-01-14", False, "2016-12-28"),
    ("yesterday", "2023-03-03", False, "2023-03-02"),
    ("next month", "2023-03-03", False, None),            # no day to give
    ("mid-January", "2023-03-03", False, None),
])
def test_normalize_date(phrase, base, future, expected):
    assert normalize_date(phrase, base, future=future) == expected


def test_meeting_dates_use_the_article_date(nlp):
    rec = _rec(nlp, "Polish President Andrzej Duda met Ukrainian President Volodymyr Zelenskiy in Kyiv on Friday.",
               date="2023-03-08")  # a Wednesday
    (m,) = rec["meetings"]
    assert (m["date"], m["date_iso"]) == ("Friday", "2023-03-03")


def _meetings(rec):
    return {frozenset(m["participants"]): m for m in rec["meetings"]}


def test_received_a_person_is_a_meeting_welcomed_a_deal_is_not(nlp):
    rec = _rec(nlp, "French President Emmanuel Macron received Indian Prime Minister Narendra Modi at the "
                    "Elysee on Thursday. The United States welcomed the agreement.")
    # (the guest received at the host's own seat has come to the host's country)
    assert set(_meetings(rec)) == {frozenset({"Emmanuel Macron", "Narendra Modi"}), frozenset({"Narendra Modi", "France"})}


def test_on_a_visit_to(nlp):
    rec = _rec(nlp, "Indian Prime Minister Narendra Modi, on a two-day visit to France, watched the parade.")
    (m,) = rec["meetings"]
    assert (set(m["participants"]), m["kind"]) == ({"Narendra Modi", "France"}, "visit")
    assert m["date"] != "two-day"  # a duration, not a date


def test_persons_stand_for_their_countries(nlp):
    rec = _rec(nlp, "Iran and Saudi Arabia agreed on Friday to re-establish relations after talks in Beijing "
                    "between Iranian security official Ali Shamkhani and Saudi national security adviser "
                    "Musaed Al-Aiban.")
    got = _meetings(rec)
    assert set(got) == {frozenset({"Ali Shamkhani", "Musaed Al-Aiban"})}
    m = got[frozenset({"Ali Shamkhani", "Musaed Al-Aiban"})]
    assert (m["kind"], m["location"]) == ("meeting", "Beijing")


def test_visiting_someone_is_not_a_visit_to_a_place(nlp):
    rec = _rec(nlp, "Chinese President Xi Jinping told visiting U.S. Treasury Secretary Janet Yellen that "
                    "Beijing wanted stable ties.")
    # telling a visitor something is meeting her; no visit to a place is stated
    assert [(m["participants"], m["kind"]) for m in rec["meetings"]] == [(["Xi Jinping", "Janet Yellen"], "meeting")]


def test_summit_of_a_named_forum_is_one_meeting_and_no_new_forum(nlp):
    rec = _rec(nlp, "French President Emmanuel Macron met Indian Prime Minister Narendra Modi in Paris. "
                    "Macron and Modi will meet again at the G20 summit in New Delhi in September.")
    future = [m for m in rec["meetings"] if m["status"] == "scheduled" and m["kind"] == "meeting"]
    assert len(future) == 1 and set(future[0]["participants"]) == {"Emmanuel Macron", "Narendra Modi"}
    assert future[0]["location"] == "New Delhi"
    # meeting at a summit is attending it: both sides are paired with the summit, the guest visits India
    summit = [m for m in rec["meetings"] if m["kind"] == "talks"]
    assert len(summit) == 1 and {"Emmanuel Macron", "Narendra Modi"} < set(summit[0]["participants"])
    assert [m["participants"] for m in rec["meetings"] if m["kind"] == "visit"] == [["Emmanuel Macron", "India"]]
    forums = [a["name"] for a in rec["actors"] if a["type"] == "forum"]
    assert set(forums) <= {"G20", "G20 summit"}  # the summit of the named forum, not a new place-named one


def test_a_later_meeting_does_not_give_an_earlier_one_its_place(nlp):
    rec = _rec(nlp, "During his visit, Indian Prime Minister Narendra Modi also met French Prime Minister "
                    "Elisabeth Borne. Modi and French President Emmanuel Macron will meet again in New Delhi "
                    "in September.")
    m = _meetings(rec)[frozenset({"Narendra Modi", "Elisabeth Borne"})]
    assert m["location"] != "New Delhi"


def test_family_name_after_particle_and_delegation_led_by(nlp):
    text = ("Egyptian, Qatari and U.S. mediators resumed talks in Cairo on Tuesday with an Israeli delegation "
            "led by Mossad chief David Barnea. CIA Director William Burns met Qatari Prime Minister Mohammed bin "
            "Abdulrahman Al Thani and Egyptian intelligence chief Abbas Kamel on Tuesday.")
    rec = _rec(nlp, text)
    assert "Mohammed bin Abdulrahman Al Thani" in _people(rec)
    got = _meetings(rec)
    # the Israeli side is named: David Barnea, not Israel
    assert frozenset({"Egypt", "Qatar", "United States", "David Barnea"}) in got
    hub = got[frozenset({"William Burns", "Mohammed bin Abdulrahman Al Thani", "Abbas Kamel"})]
    assert hub["hub"] == "William Burns"


def test_dates_with_a_year_need_no_article_date(nlp):
    rec = _rec(nlp, "Norwegian Foreign Minister Anna Berg met Chilean President Karl Holm in Oslo on 13 March 2005.")
    (m,) = rec["meetings"]
    assert (m["date_iso"], m["date_inferred"]) == ("2005-03-13", False)
    assert rec["date_inferred"] == "2005-03-13"


def test_an_undated_article_reads_month_days_against_its_own_latest_date(nlp):
    text = ("The ceasefire agreed on December 20, 2016 held over the holidays.\n\n"
            "Norwegian Foreign Minister Anna Berg met Chilean President Karl Holm in Oslo on Jan 13.")
    rec = _rec(nlp, text)
    assert rec["date"] is None and rec["date_inferred"] == "2016-12-20"
    m = next(m for m in rec["meetings"] if set(m["participants"]) == {"Anna Berg", "Karl Holm"})
    # January after a December date the text names: the next January, and the record says it was inferred
    assert (m["date_iso"], m["date_inferred"]) == ("2017-01-13", True)


def test_weekdays_need_the_articles_own_date(nlp):
    text = "Norwegian Foreign Minister Anna Berg met Chilean President Karl Holm in Oslo on Tuesday."
    assert _rec(nlp, text)["meetings"][0]["date_iso"] is None
    assert _rec(nlp, text, date="2016-12-29")["meetings"][0]["date_iso"] == "2016-12-27"


def test_it_in_what_an_organization_says_is_that_organization(nlp):
    rec = _rec(nlp, "Norvik Bancorp said it had held merger talks with Delta Bank on Friday.")
    assert [set(m["participants"]) for m in rec["meetings"]] == [{"Norvik Bancorp", "Delta Bank"}]
    # a pronoun is no mention of its own: the organization is listed once, without "it" as an alias
    assert [a["aliases"] for a in rec["actors"] if a["name"] == "Norvik Bancorp"] == [[]]


def test_a_home_town_the_city_table_places_abroad_is_no_trip_abroad(nlp):
    # a British story (its parties) about a British politician: "Somerset" is only a US city to the table
    text = ("Liberal Democrat leader Tom Reed is visiting constituencies in Somerset on Monday. "
            "The Conservatives and Labour hold most of the seats there, and the Liberal Democrats hope to "
            "win two of them.")
    assert [m for m in _rec(nlp, text)["meetings"] if m["kind"] == "visit"] == []


def test_a_city_abroad_the_article_places_in_its_country_is_a_trip(nlp):
    # the same story once the article names the United States: the city is the American one
    text = ("Liberal Democrat leader Tom Reed is visiting Somerset on Monday to meet American donors. "
            "The Conservatives and Labour criticised the trip to the United States, and the Liberal Democrats "
            "defended it.")
    visits = [m for m in _rec(nlp, text)["meetings"] if m["kind"] == "visit"]
    assert [set(m["participants"]) for m in visits] == [{"Tom Reed", "United States"}]


@pytest.mark.parametrize("subject", [
    "U.S. President Tom Vargas and Russian President Pavel Orlov",
    "Japanese Prime Minister Kenji Sato and Chinese President Li Wen",
    "U.S. Secretary of State Mark Dell and Russian Foreign Minister Ivan Petrov",
])
@pytest.mark.parametrize("verb", ["met on Saturday", "held talks in Vienna", "will meet next week"])
def test_two_titled_names_joined_by_and_are_both_sides(nlp, subject, verb):
    # the parser may hang the first titled name and the "and" inside a compound of the second: still a list
    rec = _rec(nlp, f"{subject} {verb}.")
    names = [n for n in subject.replace(" and ", "|").split("|")]
    want = frozenset(" ".join(n.split()[-2:]) for n in names)
    assert set(_meetings(rec)) == {want}


@pytest.mark.parametrize("sentence, forum", [
    ("U.S. President Tom Vargas met Russian President Pavel Orlov at the APEC summit.", "APEC summit"),
    ("Tom Vargas held talks with Pavel Orlov during the G20 summit in Osaka.", "G20 summit"),
    ("Tom Vargas met Pavel Orlov on the sidelines of the G20 summit in Osaka.", "G20 summit"),
])
def test_a_meeting_held_at_a_summit_makes_both_sides_attend_it(nlp, sentence, forum):
    rec = _rec(nlp, sentence)
    got = _meetings(rec)
    assert frozenset({"Tom Vargas", "Pavel Orlov"}) in got
    assert frozenset({"Tom Vargas", "Pavel Orlov", forum}) in got


def test_a_meeting_at_a_hotel_attends_no_forum(nlp):
    rec = _rec(nlp, "Tom Vargas met Pavel Orlov at a hotel in Osaka.")
    assert set(_meetings(rec)) == {frozenset({"Tom Vargas", "Pavel Orlov"})}


@pytest.mark.parametrize("verb", ["met", "hosted"])
def test_a_seat_of_government_after_described_officials_is_where_they_met(nlp, verb):
    # "congressional leaders at the White House": the leaders' own word places them; "at" is the venue
    rec = _rec(nlp, f"President Tom Vargas {verb} congressional leaders at the White House on Tuesday.")
    assert rec["meetings"] == []
    rec = _rec(nlp, f"President Tom Vargas {verb} Chinese officials at the White House on Tuesday.")
    assert set(_meetings(rec)) == {frozenset({"Tom Vargas", "China"})}


@pytest.mark.parametrize("sentence", [
    "Japanese Prime Minister Kenji Sato addressed a joint session of Congress on Wednesday.",
    "Japanese Prime Minister Kenji Sato spoke to the Bundestag on Wednesday.",
    "Japanese Prime Minister Kenji Sato will address the National Assembly in Seoul on Wednesday.",
])
def test_a_speech_to_a_parliament_is_no_forum_attended(nlp, sentence):
    rec = _rec(nlp, sentence)
    assert [m for m in rec["meetings"] if m["kind"] == "talks"] == []


def test_telling_a_summit_is_attending_it(nlp):
    rec = _rec(nlp, "Japanese Prime Minister Kenji Sato told the APEC summit that trade must be fair.")
    assert frozenset({"Kenji Sato", "APEC summit"}) in _meetings(rec)


@pytest.mark.parametrize("role", ["leader", "president", "envoy", "premier"])
def test_a_definite_role_of_a_country_is_the_person_of_it_just_named(nlp, role):
    rec = _rec(nlp, "U.S. President Tom Vargas met Ukrainian President Ivan Koval on Thursday. "
                    f"Vargas said he had a good meeting with the Ukrainian {role}.")
    assert set(_meetings(rec)) == {frozenset({"Tom Vargas", "Ivan Koval"})}


@pytest.mark.parametrize("phrase", ["a Ukrainian official", "the Ukrainian government", "Ukrainian ministers"])
def test_an_indefinite_plural_or_body_role_stays_its_country(nlp, phrase):
    rec = _rec(nlp, "U.S. President Tom Vargas met Ukrainian President Ivan Koval on Thursday. "
                    f"Vargas will also meet {phrase} on Friday.")
    assert frozenset({"Tom Vargas", "Ukraine"}) in _meetings(rec)


@pytest.mark.parametrize("sentence", [
    "U.S. President Tom Vargas said he had raised human rights with Philippine President Rodrigo Dutel "
    "during their meeting.",
    "U.S. President Tom Vargas raised the issue with Philippine President Rodrigo Dutel during their talks "
    "in Manila.",
])
def test_their_meeting_is_the_subject_and_whom_it_acted_with(nlp, sentence):
    assert set(_meetings(_rec(nlp, sentence))) == {frozenset({"Tom Vargas", "Rodrigo Dutel"})}


def test_their_meeting_with_no_one_named_alongside_is_no_meeting(nlp):
    assert _rec(nlp, "U.S. President Tom Vargas said their meeting was useful.")["meetings"] == []


@pytest.mark.parametrize("sentence", [
    "Japanese Prime Minister Kenji Sato is in Da Nang for the APEC summit.",
    "Japanese Prime Minister Kenji Sato, in Da Nang for the APEC summit, met reporters.",
    "At the APEC summit, Japanese Prime Minister Kenji Sato said trade must be fair.",
    "Japanese Prime Minister Kenji Sato said at the APEC summit that trade must be fair.",
    "Japanese Prime Minister Kenji Sato is one of the leaders attending the APEC summit.",
])
def test_being_at_a_named_summit_is_attending_it(nlp, sentence):
    assert frozenset({"Kenji Sato", "APEC summit"}) in _meetings(_rec(nlp, sentence))


@pytest.mark.parametrize("sentence", [
    "Japanese Prime Minister Kenji Sato left Manila without attending the East Asia Summit.",
    "At a news conference, Japanese Prime Minister Kenji Sato said trade must be fair.",
    "Japanese Prime Minister Kenji Sato praised the leaders attending the APEC summit.",
    "Japanese Prime Minister Kenji Sato is in favour of talks.",
])
def test_not_being_at_a_summit_is_not_attending_it(nlp, sentence):
    assert [m for m in _rec(nlp, sentence)["meetings"] if m["kind"] == "talks"] == []


def test_several_named_among_the_leaders_attending_each_attend(nlp):
    rec = _rec(nlp, "Kenji Sato, Li Wen and Tom Vargas are among the leaders attending the APEC summit in Manila.")
    got = {p for m in rec["meetings"] if m["kind"] == "talks" for p in m["participants"]}
    assert {"Kenji Sato", "Li Wen", "Tom Vargas", "APEC summit"} <= got


def test_the_summit_is_the_one_a_name_modified_before(nlp):
    rec = _rec(nlp, "MANILA (Reuters) - The ASEAN summit opened on Monday. "
                    "Leaders of China, Japan and South Korea attended the summit.")
    talks = [set(m["participants"]) for m in rec["meetings"] if m["kind"] == "talks"]
    assert talks == [{"China", "Japan", "South Korea", "ASEAN summit"}]


def test_the_summit_after_two_named_summits_is_neither(nlp):
    rec = _rec(nlp, "The APEC summit opened on Friday. The ASEAN summit follows in Manila. "
                    "Leaders of China, Japan and South Korea attended the summit.")
    assert [m for m in rec["meetings"] if m["kind"] == "talks"] == []


def test_including_on_the_verb_lists_the_plural_partner(nlp):
    rec = _rec(nlp, "Tom Vargas met with several European ministers on Thursday, including German Foreign "
                    "Minister Anna Weber and French Foreign Minister Luc Moreau.")
    pairs = {frozenset((a, b)) for m in rec["meetings"] for a in m["participants"] for b in m["participants"] if a != b}
    assert {frozenset({"Tom Vargas", "Anna Weber"}), frozenset({"Tom Vargas", "Luc Moreau"})} <= pairs
    rec = _rec(nlp, "Tom Vargas will visit several Asian countries next month, including Japan and Vietnam.")
    assert {frozenset(m["participants"]) for m in rec["meetings"]} == {
        frozenset({"Tom Vargas", "Japan"}), frozenset({"Tom Vargas", "Vietnam"})}



@pytest.mark.parametrize("verb", ["thanked", "praised", "blamed", "criticised"])
def test_the_object_of_thanking_for_doing_is_the_doer(nlp, verb):
    rec = _rec(nlp, f"The players {verb} President Tom Vargas for meeting Chinese President Li Wen.")
    assert set(_meetings(rec)) == {frozenset({"Tom Vargas", "Li Wen"})}


def test_raising_an_issue_with_a_person_is_meeting_them(nlp):
    rec = _rec(nlp, "President Tom Vargas raised the issue with Chinese President Li Wen.")
    assert set(_meetings(rec)) == {frozenset({"Tom Vargas", "Li Wen"})}
    assert _rec(nlp, "President Tom Vargas raised interest rates with little warning.")["meetings"] == []


@pytest.mark.parametrize("group", ["Senate Republicans", "Democrats", "House Republicans"])
def test_members_of_a_party_are_a_generic_group_not_a_side(nlp, group):
    assert _rec(nlp, f"President Tom Vargas met {group} on Tuesday.")["meetings"] == []


def test_the_party_itself_or_its_leaders_are_a_side(nlp):
    rec = _rec(nlp, "President Tom Vargas met leaders of the Republican Party on Tuesday.")
    assert set(_meetings(rec)) == {frozenset({"Tom Vargas", "Republican Party"})}


@pytest.mark.parametrize("body", ["the Heritage Foundation", "the Brookings Institution"])
def test_addressing_a_think_tank_is_a_speech(nlp, body):
    assert _rec(nlp, f"President Tom Vargas addressed {body} on Tuesday.")["meetings"] == []


@pytest.mark.parametrize("sentence", [
    "Chinese President Li Wen gave U.S. President Tom Vargas a lavish welcome on Wednesday.",
    "Chinese President Li Wen rolled out the red carpet for U.S. President Tom Vargas on Wednesday.",
    "Chinese President Li Wen held a welcoming ceremony for U.S. President Tom Vargas on Wednesday.",
    "Chinese President Li Wen hosted a reception for U.S. President Tom Vargas on Wednesday.",
])
def test_a_welcome_given_to_a_guest_is_meeting_them(nlp, sentence):
    assert set(_meetings(_rec(nlp, sentence))) == {frozenset({"Li Wen", "Tom Vargas"})}


@pytest.mark.parametrize("sentence", [
    "The plan got a cool reception from investors.",
    "Chinese President Li Wen gave the plan a warm welcome.",
    "The minister held a ceremony for the victims.",
])
def test_a_welcome_to_no_one_is_no_meeting(nlp, sentence):
    assert _rec(nlp, sentence)["meetings"] == []


def test_a_comma_in_a_headline_joins_two_sides(nlp):
    rec = _rec(nlp, "Tom Vargas, Li Wen to meet in Beijing next week\n\nBEIJING (Reuters) - U.S. President "
                    "Tom Vargas and Chinese President Li Wen will hold talks, officials said.")
    got = _meetings(rec)
    assert frozenset({"Tom Vargas", "Li Wen"}) in got


def test_a_comma_between_two_names_in_running_text_is_no_list(nlp):
    rec = _rec(nlp, "Chinese President Li Wen met Kenji Sato, Tom Vargas told reporters on Monday.")
    assert frozenset({"Tom Vargas", "Li Wen"}) not in _meetings(rec)


def test_what_a_subject_told_during_their_talks_is_whom_they_met(nlp):
    rec = _rec(nlp, "Chinese President Li Wen told U.S. President Tom Vargas during their talks that markets "
                    "would open.")
    assert set(_meetings(rec)) == {frozenset({"Li Wen", "Tom Vargas"})}


@pytest.mark.parametrize("sentence", [
    "Tom Vargas and Li Wen attended a state dinner at the Great Hall of the People.",
    "Tom Vargas attended the summit at the Oslo City Hall.",
])
def test_the_venue_of_an_attended_event_is_no_forum(nlp, sentence):
    rec = _rec(nlp, sentence)
    assert not any(p in ("Great Hall of the People", "Oslo City Hall") for m in rec["meetings"]
                   for p in m["participants"])


def test_the_first_official_to_visit_is_the_copulas_subject(nlp):
    # "X is the first ... to visit Y": X visits; an unresolved "he" names no one
    assert _rec(nlp, "He is the first high-level U.S. official to visit Japan since March.")["meetings"] == []
    rec = _rec(nlp, "Japanese Prime Minister Kenji Sato was the first foreign leader to meet Tom Vargas after "
                    "his election.")
    assert set(_meetings(rec)) == {frozenset({"Kenji Sato", "Tom Vargas"})}


def test_meeting_opposition_from_someone_is_no_meeting(nlp):
    rec = _rec(nlp, "BRASILIA (Reuters) - Planning Minister Joao Sayad submitted a new package, but met opposition "
                    "from President Jose Sarney and Finance Minister Dilson Funaro. Sayad later met his "
                    "counterparts from Peru and Chile.")
    assert [sorted(m["participants"]) for m in rec["meetings"]] == [["Chile", "Joao Sayad", "Peru"]]


def test_including_at_the_end_of_the_clause_lists_the_partner_not_the_subject(nlp):
    rec = _rec(nlp, "WASHINGTON (Reuters) - U.S. President Tom Vargas spoke on Monday. Vargas and senior cabinet "
                    "officials met with nine Republican senators on Thursday, including Ed Crane of Texas.")
    assert frozenset({"Tom Vargas", "Ed Crane"}) in _meetings(rec)
    rec = _rec(nlp, "European ministers, including German Foreign Minister Anna Weber, met Tom Vargas on Thursday.")
    assert set(_meetings(rec)) == {frozenset({"Anna Weber", "Tom Vargas"})}


def test_arriving_in_the_datelines_country_named_as_a_country_is_a_visit(nlp):
    # one whose country nothing tells, arriving in the story's own country named as a country, comes from abroad
    rec = _rec(nlp, "YANGON (Reuters) - Pope Tomas arrived in Myanmar on Monday for a four-day visit.")
    assert frozenset({"Pope Tomas", "Myanmar"}) in _meetings(rec)
    # (returning there is no visit of anyone)
    rec = _rec(nlp, "YANGON (Reuters) - Senator Min Thu returned to Myanmar on Monday.")
    assert rec["meetings"] == []


def test_that_meeting_is_the_forum_just_named(nlp):
    rec = _rec(nlp, "MANILA (Reuters) - Manila hosted the APEC summit two years ago, and at that meeting Canadian "
                    "Prime Minister Kenji Sato won a poll.")
    assert frozenset({"Kenji Sato", "APEC summit"}) in _meetings(rec)
    # with no forum named before it, "that meeting" is no forum
    rec = _rec(nlp, "OSLO (Reuters) - Ministers met in Oslo on Monday. At that meeting, Chilean President Karl "
                    "Holm said trade would grow.")
    assert rec["meetings"] == []


@pytest.mark.parametrize("sentence", [
    "President Tom Vargas met on Tuesday with Republican and Democratic congressional leaders at the White House.",
    "President Tom Vargas met with congressional leaders at the White House to discuss taxes.",
])
def test_with_described_officials_at_a_seat_of_government_the_seat_is_where(nlp, sentence):
    assert _rec(nlp, sentence)["meetings"] == []


def test_undescribed_officials_at_a_body_are_its_officials(nlp):
    rec = _rec(nlp, "Tom Vargas met with senior officials at the Finance Ministry.")
    assert set(_meetings(rec)) == {frozenset({"Tom Vargas", "Finance Ministry"})}


@pytest.mark.parametrize("sentence", [
    "Karl Holm, who has led the country since 1980, was pictured at State House shaking hands with "
    "General Ivo Brandt.",
    "President Karl Holm was seen at the palace shaking hands with General Ivo Brandt.",
])
def test_a_place_the_parser_made_a_participles_subject_is_where(nlp, sentence):
    assert set(_meetings(_rec(nlp, sentence))) == {frozenset({"Karl Holm", "Ivo Brandt"})}


@pytest.mark.parametrize("sentence, pair", [
    ("Spanish Prime Minister Tom Vargas sent Foreign Minister Ana Ruiz to Paris to meet French President "
     "Paul Dorn.", {"Ana Ruiz", "Paul Dorn"}),
    ("South African President Karl Holm sent his defence ministers to Harare to meet President Ivo Brandt.",
     {"South Africa", "Ivo Brandt"}),
    ("Chilean President Tom Vargas dispatched Foreign Minister Ana Ruiz to Oslo to hold talks with Norwegian "
     "President Paul Dorn.", {"Ana Ruiz", "Paul Dorn"}),
])
def test_the_ones_sent_to_meet_are_the_side_not_the_sender(nlp, sentence, pair):
    meetings = _meetings(_rec(nlp, sentence))
    assert frozenset(pair) in meetings
    assert not any({"Tom Vargas", "Karl Holm"} & set(m) for m in meetings)


def test_a_dated_meeting_of_an_unnamed_team_is_no_forum(nlp):
    rec = _rec(nlp, "Tom Vargas told a March 2016 meeting of the campaign's security team, which Karl Holm "
                    "attended, that he could arrange talks.")
    assert rec["meetings"] == []
    rec = _rec(nlp, "Spanish Prime Minister Tom Vargas told a meeting of the Arab League, which Egypt hosted, "
                    "that peace was near.")
    assert frozenset({"Tom Vargas", "Arab League"}) in _meetings(rec)


def test_returning_to_the_stories_country_is_going_home(nlp):
    rec = _rec(nlp, "HARARE (Reuters) - Zimbabwe's President Karl Holm met army chiefs on Monday. Opposition "
                    "leader Ivo Brandt returned to Harare on Wednesday.")
    assert not any("Ivo Brandt" in m for m in _meetings(rec))


@pytest.mark.parametrize("fronted", [
    "Speaking to reporters after talks with President Daniel Kamau,",
    "After meeting President Daniel Kamau,",
    "Following his talks with President Daniel Kamau on Monday,",
])
def test_a_subject_pronoun_is_not_whom_its_fronted_phrase_met(nlp, fronted):
    # whoever held the talks is "he"; "he" is the person before, not the one talked with
    rec = _rec(nlp, f"World Bank President Tom Varga pledged support to Kenya. {fronted} he said he expected "
                    "Nairobi to do more.")
    assert frozenset({"Tom Varga", "Daniel Kamau"}) in _meetings(rec)


def test_a_subject_of_the_fronted_phrase_may_be_the_pronoun(nlp):
    rec = _rec(nlp, "World Bank President Tom Varga pledged support to Kenya. After President Daniel Kamau "
                    "arrived in Oslo, he met Tom Varga.")
    assert frozenset({"Tom Varga", "Daniel Kamau"}) in _meetings(rec)


def test_a_trip_that_started_somewhere_took_its_traveller_there(nlp):
    rec = _rec(nlp, "Chilean President Tom Varga spoke in Lima. The visit is the third leg of a five-nation trip "
                    "that started in Japan and South Korea and will take Varga to Vietnam and the Philippines.")
    assert {frozenset({"Tom Varga", c}) for c in ("Japan", "South Korea", "Vietnam", "Philippines")} <= set(
        _meetings(rec))
    rec = _rec(nlp, "Oil prices rose on a trade deal that started in Japan and will take effect in May.")
    assert rec["meetings"] == []


def test_a_meeting_noun_after_the_object_sums_the_meeting_up(nlp):
    rec = _rec(nlp, "Chinese President Liu Wei met Japanese Prime Minister Kenji Morita on the sidelines of the "
                    "summit, their first talks in nearly a year.")
    assert frozenset({"Liu Wei", "Kenji Morita"}) in _meetings(rec)


@pytest.mark.parametrize("sentence, sides", [
    ("Spanish Foreign Minister Ana Ruiz and French Finance Minister Paul Dorn met Chilean President Tom Varga.",
     [{"Ana Ruiz", "Tom Varga"}, {"Paul Dorn", "Tom Varga"}]),
    ("Treasury Secretary Ana Ruiz and White House economic adviser Paul Dorn met House Ways and Means "
     "Committee Chairman Tom Varga on Monday.", [{"Ana Ruiz", "Tom Varga"}, {"Paul Dorn", "Tom Varga"}]),
    ("UN envoy Ines Aranda and EU envoy Jonas Lindqvist met in Vienna.", [{"Ines Aranda", "Jonas Lindqvist"}]),
])
def test_titled_names_coordinated_inside_one_title_chain_are_all_sides(nlp, sentence, sides):
    meetings = _meetings(_rec(nlp, sentence))
    assert all(any(frozenset(s) <= m for m in meetings) for s in sides)


def test_an_organizations_official_does_something_in_its_seat_without_visiting(nlp):
    rec = _rec(nlp, "British Prime Minister Ana Ruiz and European Commission President Paul Dorn failed to reach "
                    "a deal over lunch in Brussels on Monday.")
    assert frozenset({"Ana Ruiz", "Paul Dorn"}) in _meetings(rec)  # (the lunch: they met)
    assert frozenset({"Paul Dorn", "Belgium"}) not in _meetings(rec)


@pytest.mark.parametrize("sentence, met", [
    ("Spain and France discussed trade over dinner.", True),
    ("Chilean President Tom Varga and Peruvian President Ana Ruiz agreed on a border deal during talks in Lima.",
     True),
    ("Chilean President Tom Varga said over dinner that trade would grow.", False),
    ("Prices fell during lunch.", False),
])
def test_a_meal_or_talks_as_the_scene_of_coordinated_subjects(nlp, sentence, met):
    assert bool(_rec(nlp, sentence)["meetings"]) == met


@pytest.mark.parametrize("second, joined", [
    ("Campaign chairman Paul Dorn and Jared Pike also attended that meeting.", True),
    ("Bolivian President Paul Dorn attended the meeting.", True),
    ("Bolivian President Paul Dorn did not attend the meeting.", False),
    ("Bolivian President Paul Dorn attended the annual meeting.", False),
])
def test_attending_the_meeting_just_told_joins_its_sides(nlp, second, joined):
    rec = _rec(nlp, f"Chilean President Tom Varga met Peruvian President Ana Ruiz in Lima on Monday. {second}")
    meetings = _meetings(rec)
    assert (frozenset({"Paul Dorn", "Ana Ruiz"}) in {frozenset(p) for m in meetings
                                                     for p in [(a, b) for a in m for b in m if a != b]}) == joined


def test_a_headlines_description_is_the_person_its_story_names(nlp):
    rec = _rec(nlp, "Chilean president meets Peru's Ruiz amid crisis\nLIMA (Reuters) - Peruvian President Ana "
                    "Ruiz met Chilean President Tom Varga in Lima on Monday.")
    assert set(_meetings(rec)) == {frozenset({"Ana Ruiz", "Tom Varga"})}


@pytest.mark.parametrize("sentence, pairs", [
    ("Pence is scheduled to meet Egyptian President Karl Holm in Cairo and Israeli Prime Minister Ana Ruiz in "
     "Jerusalem.", [{"Pence", "Karl Holm"}, {"Pence", "Ana Ruiz"}]),
    ("Chilean President Tom Varga will visit Peru on Monday and Bolivia on Tuesday.",
     [{"Tom Varga", "Peru"}, {"Tom Varga", "Bolivia"}]),
    ("Chilean President Tom Varga will meet Peruvian President Ana Ruiz on Monday and Bolivian President Paul "
     "Dorn on Tuesday.", [{"Tom Varga", "Ana Ruiz"}, {"Tom Varga", "Paul Dorn"}]),
])
def test_a_second_object_with_its_own_place_or_day_is_a_side_too(nlp, sentence, pairs):
    meetings = _meetings(_rec(nlp, sentence))
    assert all(any(frozenset(p) <= m for m in meetings) for p in pairs)


def test_a_relative_object_pronoun_is_its_antecedent_and_not_the_clauses_subject(nlp):
    rec = _rec(nlp, "Jared Pike met Russian banker Sergei Gorkin at the request of Russian Ambassador Igor Baranov, "
                    "whom he had first met at a Washington hotel in April 2016.")
    assert set(_meetings(rec)) == {frozenset({"Jared Pike", "Sergei Gorkin"}), frozenset({"Jared Pike", "Igor Baranov"})}


@pytest.mark.parametrize("headline, pair", [
    ("Varga heads to Peru for talks", {"Tom Varga", "Peru"}),
    ("Ruiz meets Varga in Lima", {"Ana Ruiz", "Tom Varga"}),
])
def test_a_headline_verb_read_as_a_plural_noun(nlp, headline, pair):
    rec = _rec(nlp, f"{headline}\nLIMA (Reuters) - Chilean President Tom Varga and Peruvian President Ana Ruiz "
                    "said on Monday that trade would grow.")
    assert frozenset(pair) in _meetings(rec)


def test_a_received_call_is_a_call_an_appeal_is_not(nlp):
    rec = _rec(nlp, "Chilean President Tom Varga received a call from Peruvian President Ana Ruiz on Monday.")
    assert [m["kind"] for m in rec["meetings"]] == ["call"]
    assert _rec(nlp, "Chilean President Tom Varga received a call for help from Peru.")["meetings"] == []


@pytest.mark.parametrize("text, pair", [
    # the one person of that country the article names, after the description
    ("Foreign Minister Karl Vandor of Chile met with his Chinese counterpart on Friday. Chinese Foreign "
     "Minister Wang Tao said the two countries were friends.", {"Karl Vandor", "Wang Tao"}),
    ("Iran's chief negotiator on Thursday met the European Union's Karl Vandor in Vienna. Iranian negotiator "
     "Ali Bagheri said the talks were serious.", {"Ali Bagheri", "Karl Vandor"}),
    # several of that country: the one holding the owner's role
    ("Chilean Foreign Minister Karl Vandor met his Russian counterpart in Moscow. Russian Foreign Minister "
     "Ivan Petrov and Russian Prime Minister Oleg Volkov spoke later.", {"Karl Vandor", "Ivan Petrov"}),
    # a role that does not fit, an indefinite role, no one named: the country
    ("Chilean Foreign Minister Karl Vandor met his Russian counterpart in Moscow. Russian President Ivan Petrov "
     "said later that ties were good.", {"Karl Vandor", "Russia"}),
    ("Iran's foreign minister met Karl Vandor in Vienna. Iranian President Ali Bagheri said the talks were "
     "serious.", {"Iran", "Karl Vandor"}),
    ("A Chilean official met Karl Vandor in Vienna. Chilean President Amos Tell said the talks were serious.",
     {"Chile", "Karl Vandor"}),
    ("Chilean Foreign Minister Karl Vandor met his Jordanian counterpart in Amman on Friday.",
     {"Karl Vandor", "Jordan"}),
])
def test_a_definite_role_of_a_country_is_the_one_person_of_it_named(nlp, text, pair):
    rec = _rec(nlp, text)
    assert {frozenset(m["participants"]) for m in rec["meetings"] if m["kind"] == "meeting"} == {frozenset(pair)}


@pytest.mark.parametrize("text, pair", [
    ("A high-level delegation of Chilean executives will travel to Kenya this week. The delegation will be led "
     "by Acme chief executive Tomas Brill.", {"Tomas Brill", "Kenya"}),
    ("The Chinese team arrived in Washington on Monday for talks with U.S. Trade Representative Karl Vandor. "
     "The Chinese team is headed by Vice Premier Liu Wen.", {"Liu Wen", "Karl Vandor"}),
    ("Anna Kessel, who leads the Chilean delegation, said talks went well. The delegation met Kenyan Interior "
     "Minister Ivo Marek on Monday.", {"Anna Kessel", "Ivo Marek"}),
])
def test_a_delegation_is_the_leader_the_article_names(nlp, text, pair):
    rec = _rec(nlp, text)
    assert frozenset(pair) in _meetings(rec)


def test_a_delegation_led_by_a_person_of_another_country_is_not_theirs(nlp):
    rec = _rec(nlp, "A Chilean delegation met Kenyan Interior Minister Ivo Marek on Monday. The Kenyan delegation "
                    "was led by Kenyan Trade Minister Tomas Brill.")
    assert frozenset({"Chile", "Ivo Marek"}) in _meetings(rec)


@pytest.mark.parametrize("text, members", [
    # a group not yet named, then its members who "are expected to attend"
    ("President Karel Vandor will meet with the top four party leaders at the palace on Monday, officials said. "
     "Speaker Anna Kessel, Senator Tomas Brill and Deputy Lena Hart are expected to attend.",
     {"Karel Vandor", "Anna Kessel", "Tomas Brill", "Lena Hart"}),
    # a meeting told with both sides, then others who attended
    ("Chilean President Karl Vandor met German Chancellor Anna Kessel on Monday. Peruvian President Tomas Brill "
     "also attended.", {"Karl Vandor", "Anna Kessel", "Tomas Brill"}),
])
def test_a_bare_attend_joins_the_meeting_just_told(nlp, text, members):
    rec = _rec(nlp, text)
    assert any(set(m["participants"]) == members for m in rec["meetings"])


@pytest.mark.parametrize("text", [
    "Chilean President Karl Vandor met German Chancellor Anna Kessel on Monday. Peruvian President Tomas Brill "
    "did not attend.",
    "Karl Vandor and Anna Breck will attend, officials said.",
])
def test_a_bare_attend_with_nothing_told_or_negated_is_no_meeting(nlp, text):
    rec = _rec(nlp, text)
    assert all("Tomas Brill" not in m["participants"] for m in rec["meetings"])
    assert all(set(m["participants"]) != {"Karl Vandor", "Anna Breck"} for m in rec["meetings"])


@pytest.mark.parametrize("text, forum", [
    # "the summit" stands for the one summit named before, whatever word of its name "summit" is
    ("Chilean President Karl Vandor will not attend the Summit of the Americas in Lima. Foreign Minister Anna "
     "Breck will attend the summit instead.", "Summit of the Americas"),
    ("Chilean President Karl Vandor will not attend the Lakeside Summit in Lima. Foreign Minister Anna Breck "
     "will attend the summit instead.", "Lakeside Summit"),
])
def test_the_summit_is_the_summit_named_before(nlp, text, forum):
    rec = _rec(nlp, text)
    assert set(_meetings(rec)) == {frozenset({"Anna Breck", forum})}


@pytest.mark.parametrize("text, pairs", [
    # two roles of one person, the first a former one: no organization side
    ("Then-CIA chief and now Secretary of State Tom Varga secretly visited Kenya and met with President Karl "
     "Vandor.", {frozenset({"Tom Varga", "Karl Vandor"}), frozenset({"Tom Varga", "Kenya"})}),
    # a title with an organization in it, parsed as a second object, is the title of the name after it
    ("Foreign Minister Ivo Marek on Monday met President of the United Nations General Assembly (UNGA) Dennis "
     "Frank in New York.", {frozenset({"Ivo Marek", "Dennis Frank"})}),
    # two persons of two roles stay two sides
    ("Karl Vandor met Anna Breck on Monday and Ivo Marek on Tuesday.",
     {frozenset({"Karl Vandor", "Anna Breck"}), frozenset({"Karl Vandor", "Ivo Marek"})}),
])
def test_an_organization_in_a_persons_title_is_no_side(nlp, text, pairs):
    rec = _rec(nlp, text)
    got = {frozenset(p) for m in rec["meetings"] for p in (
        [m["participants"]] if len(m["participants"]) == 2 else
        [[a, b] for a in m["participants"] for b in m["participants"] if a < b])}
    assert pairs <= got and all("CIA" not in p and "United Nations General Assembly" not in p for p in got)


@pytest.mark.parametrize("text", [
    "Karel Vandor discussed trade with Peruvian President Tomas Brill by phone on Monday.",
    "Karel Vandor said he had exchanged views on trade with Peruvian President Tomas Brill on the phone.",
])
def test_a_meeting_verb_by_phone_is_a_call(nlp, text):
    rec = _rec(nlp, text)
    assert [(set(m["participants"]), m["kind"]) for m in rec["meetings"]] == [({"Karel Vandor", "Tomas Brill"}, "call")]


def test_calling_a_visit_important_is_no_call_for_it(nlp):
    rec = _rec(nlp, "Foreign Minister Tomas Brill called the visit of Chilean Foreign Minister Karel Vandor to Peru "
                    "very important.")
    assert [(set(m["participants"]), m["kind"]) for m in rec["meetings"]] == [({"Karel Vandor", "Peru"}, "visit")]


@pytest.mark.parametrize("text, members", [
    ("President Karel Vandor of Chile is expected to meet with top party leaders on Tuesday, sources said. The "
     "gathering is expected to include Senate leader Anna Kessel, Speaker Tomas Brill and their deputy Otto Marek, "
     "the sources said.", {"Karel Vandor", "Anna Kessel", "Tomas Brill", "Otto Marek"}),
    ("Chilean President Karel Vandor met Peruvian President Tomas Brill in Lima on Monday. The meeting also "
     "included Chilean Foreign Minister Anna Kessel.", {"Karel Vandor", "Anna Kessel", "Tomas Brill"}),
])
def test_a_meetings_list_of_those_present_joins_the_meeting_told(nlp, text, members):
    rec = _rec(nlp, text)
    assert any(set(m["participants"]) == members for m in rec["meetings"])


@pytest.mark.parametrize("text", [
    "The package included loans from Chile, Peru and Bolivia.",
    "The delegation included Karl Vandor and Anna Breck.",
    "The talks included Chile, Peru and Bolivia.",
    "Chilean President Karl Vandor held talks with Peruvian President Tomas Brill. Guests at the dinner included "
    "Anna Breck and Otto Marek.",
    # a list with no meeting told: no evidence of who the sides were
    "The meeting, held in Madrid on March 3, included Spanish minister Anna Breck, his adviser Otto Marek and "
    "Turkish businessman Karl Vandor, a newspaper reported.",
])
def test_other_lists_are_no_meeting(nlp, text):
    rec = _rec(nlp, text)
    assert all(not ({"Anna Breck", "Otto Marek"} & set(m["participants"])) for m in rec["meetings"])
    assert all(set(m["participants"]) not in ({"Chile", "Peru", "Bolivia"}, {"Karl Vandor", "Anna Breck"})
               for m in rec["meetings"])


@pytest.mark.parametrize("text, sides", [
    ("Prime Minister Karel Vandor sat down with opposition leaders \u2014 Sen. Tomas Brill, Rep. Otto Marek, and "
     "Sen. Lena Sorby \u2014 in Ottawa this afternoon to discuss the budget.",
     {"Karel Vandor", "Tomas Brill", "Otto Marek", "Lena Sorby"}),
    ("Prime Minister Karel Vandor met opposition leaders - including Sen. Tomas Brill - in Ottawa on Monday.",
     {"Karel Vandor", "Tomas Brill"}),
])
def test_names_between_dashes_after_a_plural_role_are_its_sides(nlp, text, sides):
    rec = _rec(nlp, text)
    assert any(set(m["participants"]) == sides for m in rec["meetings"])


def test_summoning_an_ambassador_is_meeting_them(nlp):
    rec = _rec(nlp, "Turkish Deputy Foreign Minister Ahmet Yilmaz on Thursday summoned Greek Ambassador Nikos "
                    "Papadakis to protest against the arrest of two soldiers.")
    assert set(_meetings(rec)) == {frozenset({"Ahmet Yilmaz", "Nikos Papadakis"})}


@pytest.mark.parametrize("text, members", [
    ("Spanish Foreign Minister Pablo Ortega met with Moroccan Foreign Minister Youssef Alami on Friday. After the "
     "20-minute meeting, they were joined by Portuguese Foreign Minister Rui Costa.",
     {"Pablo Ortega", "Youssef Alami", "Rui Costa"}),
    ("Swedish Prime Minister Erik Lind held talks with Finnish President Mikko Virtanen in Stockholm, and they were "
     "later joined by Norwegian Prime Minister Ola Berg.", {"Erik Lind", "Mikko Virtanen", "Ola Berg"}),
])
def test_those_who_joined_the_sides_of_a_meeting_met_them(nlp, text, members):
    rec = _rec(nlp, text)
    assert any(set(m["participants"]) == members for m in rec["meetings"])


def test_a_proposal_joined_by_someone_is_no_meeting(nlp):
    rec = _rec(nlp, "Karl Vandor met Anna Breck on Monday. The proposal was later joined by Tomas Brill.")
    assert all("Tomas Brill" not in m["participants"] for m in rec["meetings"])


def test_talks_between_two_on_the_sidelines_of_a_summit_attend_it(nlp):
    rec = _rec(nlp, "The talks between Kenyan President Daniel Otieno and Indonesian President Budi Santoso took "
                    "place on the sidelines of the G20 summit in Osaka.")
    assert any(set(m["participants"]) == {"Daniel Otieno", "Budi Santoso", "G20 summit"} for m in rec["meetings"])


def test_a_summit_that_also_involved_someone_joins_them(nlp):
    rec = _rec(nlp, "Polish President Jan Kowalczyk and Czech Prime Minister Pavel Dvorak met on Tuesday. The meeting "
                    "came shortly after the two leaders attended a three-way summit that also involved Slovak Prime "
                    "Minister Milan Horvath.")
    assert any({"Jan Kowalczyk", "Pavel Dvorak", "Milan Horvath"} <= set(m["participants"]) for m in rec["meetings"])
    assert all("way summit" not in m["participants"] for m in rec["meetings"])


@pytest.mark.parametrize("text, pair", [
    # "here" in a datelined story is the dateline's place
    ("NEW DELHI (Reuters) - Sri Lankan Foreign Secretary Ravi Perera arrived here on Monday.", {"Ravi Perera", "India"}),
    ("NEW DELHI (Reuters) - Sri Lankan Foreign Secretary Ravi Perera is here for talks on trade.",
     {"Ravi Perera", "India"}),
    # a side called visiting visits the place its clause names
    ("A visiting Nepalese delegation held talks on trade in Dhaka on Monday.", {"Nepal", "Bangladesh"}),
    ("Visiting Pakistani Prime Minister Ram Thapa met Indian Prime Minister Anil Kumar in New Delhi on Monday.",
     {"Ram Thapa", "India"}),
    # the delegation's leader named in apposition to a role
    ("A visiting delegation of Nepalese officials to Dhaka held talks on Monday. The delegation, led by the "
     "permanent secretary of Nepal's Foreign Ministry, Ram Thapa, met Bangladeshi officials.", {"Ram Thapa", "Bangladesh"}),
])
def test_visits_told_without_a_travel_verb(nlp, text, pair):
    rec = _rec(nlp, text)
    assert frozenset(pair) in {frozenset(m["participants"]) for m in rec["meetings"] if m["kind"] == "visit"}


@pytest.mark.parametrize("text", [
    "NEW DELHI (Reuters) - Indian Foreign Secretary Ravi Perera arrived here on Monday.",  # at home
    "NEW DELHI (Reuters) - The Sri Lankan ambassador here said on Monday that trade would grow.",
    "The visiting team won the match in Dhaka.",
])
def test_here_and_visiting_that_are_no_visit(nlp, text):
    assert not [m for m in _rec(nlp, text)["meetings"] if m["kind"] == "visit"]


def test_the_latter_is_the_second_of_the_two_named_before(nlp):
    rec = _rec(nlp, "Egyptian envoy Karel Vandor met with Saudi Foreign Minister Tomas Brill on Monday. The envoy said "
                    "the talks were the first since the latter met Iraqi Prime Minister Anna Kessel in Baghdad in June.")
    assert set(_meetings(rec)) == {
        frozenset({"Karel Vandor", "Tomas Brill"}), frozenset({"Tomas Brill", "Anna Kessel"})}


def test_a_headline_role_without_article_is_the_person_the_story_names(nlp):
    rec = _rec(nlp, "Egyptian envoy meets Saudi minister\n\nEgyptian envoy Karel Vandor met with Saudi Foreign Minister "
                    "Tomas Brill on Monday.")
    assert set(_meetings(rec)) == {frozenset({"Karel Vandor", "Tomas Brill"})}


def test_heading_toward_a_summit_attends_it(nlp):
    rec = _rec(nlp, "Brazilian President Karel Vandor told reporters on Wednesday before heading toward the G20 summit "
                    "in the Japanese city of Osaka that he would press for trade reform.")
    assert frozenset({"Karel Vandor", "G20 summit"}) in _meetings(rec)


@pytest.mark.parametrize("text, sides", [
    ("Nigerian President Musa Bello's envoys to Ghana, Ahmed Yusuf and Grace Okafor, met with Ghanaian President "
     "Kofi Mensah in Accra on Monday.", {"Ahmed Yusuf", "Grace Okafor", "Kofi Mensah"}),
    ("Lebanese Prime Minister Samir Khoury also met with heads of delegations including Egyptian President Adel "
     "Fawzi, Iraqi President Omar Salih and Palestinian President Yusuf Nasser.",
     {"Samir Khoury", "Adel Fawzi", "Omar Salih", "Yusuf Nasser"}),
])
def test_the_names_a_plural_role_is_given_past_its_own_phrase(nlp, text, sides):
    rec = _rec(nlp, text)
    assert any(set(m["participants"]) == sides for m in rec["meetings"])


def test_places_listed_after_a_role_are_no_names(nlp):
    rec = _rec(nlp, "Nigerian envoys to Ghana, Togo and Benin met with Ghanaian President Kofi Mensah in Accra.")
    assert {frozenset(m["participants"]) for m in rec["meetings"] if m["kind"] != "visit"} == {
        frozenset({"Nigeria", "Kofi Mensah"})}


@pytest.mark.parametrize("text", [
    "Speaker of the National Assembly of Pakistan Assad Qaiser met Iranian Foreign Minister Javad Zarif.",
    "Iranian Foreign Minister Javad Zarif held a meeting with Speaker of the National Assembly of Pakistan Assad "
    "Qaiser on Thursday.",
])
def test_a_title_whose_of_phrase_ends_in_its_holder_is_the_holder(nlp, text):
    rec = _rec(nlp, text)
    assert set(_meetings(rec)) == {frozenset({"Assad Qaiser", "Javad Zarif"})}


@pytest.mark.parametrize("text, pair, kind", [
    ("Chilean Prime Minister Anna Breck praised Kenyan Speaker Ivo Marek, with whom she was scheduled to meet on "
     "Friday.", {"Anna Breck", "Ivo Marek"}, "meeting"),
    ("Mr. Vandor then traveled to Seoul, South Korea for the G20 summit.", {"Vandor", "G20 summit"}, "talks"),
])
def test_pied_piped_partner_and_a_gathering_after_a_place_in_apposition(nlp, text, pair, kind):
    rec = _rec(nlp, text)
    assert (frozenset(pair), kind) in {(frozenset(m["participants"]), m["kind"]) for m in rec["meetings"]}


def test_with_whom_one_hoped_to_meet_is_no_meeting(nlp):
    rec = _rec(nlp, "Chilean Prime Minister Anna Breck praised Kenyan Speaker Ivo Marek, with whom she had hoped to "
                    "meet on Friday.")
    assert not rec["meetings"]


@pytest.mark.parametrize("text, pair", [
    ("Chilean President Karl Vandor arrived in Lima on Sunday after a 16-hour trip from Manila, the Chilean "
     "leader's fourth and final stop.", {"Karl Vandor", "Philippines"}),
    ("Chilean President Karl Vandor began a tour of Asia last week. The trip began in India, where Mr. Vandor signed "
     "several trade deals.", {"Karl Vandor", "India"}),
    ("Chilean President Karl Vandor's tour began in Oslo on Monday.", {"Karl Vandor", "Norway"}),
])
def test_the_legs_of_a_trip_told_without_a_travel_verb(nlp, text, pair):
    rec = _rec(nlp, text)
    assert frozenset(pair) in {frozenset(m["participants"]) for m in rec["meetings"] if m["kind"] == "visit"}


def test_talks_that_began_somewhere_are_no_visit(nlp):
    assert not _rec(nlp, "The talks began in Oslo on Monday.")["meetings"]


@pytest.mark.parametrize("text, kind", [
    ("Chilean President Karl Vandor and Kenyan Speaker Ivo Marek, meeting in Geneva, agreed to expand trade.",
     "meeting"),
    ("Meeting in Geneva, Chilean President Karl Vandor and Kenyan Speaker Ivo Marek agreed to expand trade.",
     "meeting"),
    ("Chilean President Karl Vandor and Kenyan Speaker Ivo Marek, speaking by phone on Tuesday, agreed to expand "
     "trade.", "call"),
    ("Speaking by phone on Tuesday, Chilean President Karl Vandor and Kenyan Speaker Ivo Marek agreed to expand "
     "trade.", "call"),
])
def test_a_participle_set_off_by_commas_is_its_own_event(nlp, text, kind):
    # the verb of the main clause ("agreed to") is no plan of the meeting the participle tells
    (m,) = _rec(nlp, text)["meetings"]
    assert set(m["participants"]) == {"Karl Vandor", "Ivo Marek"} and m["kind"] == kind and m["status"] == "happened"


def test_refusing_in_an_opening_participle_still_blocks_its_meeting(nlp):
    rec = _rec(nlp, "Refusing to meet Kenyan Speaker Ivo Marek, Chilean President Karl Vandor flew home.")
    assert not any(m["kind"] != "visit" for m in rec["meetings"])


@pytest.mark.parametrize("text", [
    "Chilean President Karl Vandor said a deal was possible after a meeting with Kenyan Speaker Ivo Marek.",
    "Chilean President Karl Vandor said on Tuesday that trade would grow, following talks with Kenyan Speaker Ivo "
    "Marek.",
])
def test_a_thing_reported_after_a_meeting_leaves_the_speaker_as_the_side(nlp, text):
    assert set(_meetings(_rec(nlp, text))) == {frozenset({"Karl Vandor", "Ivo Marek"})}


@pytest.mark.parametrize("text", [
    "Chilean President Karl Vandor met Kenyan Speaker Ivo Marek at the Group of 20 summit in Japan last month.",
    "Chilean President Karl Vandor flew to Osaka for the Group of 20 summit.",
])
def test_a_summit_of_a_group_named_in_full_is_attended(nlp, text):
    # the parser makes "summit" the object of the name's own "of" ("Group of [20 summit]")
    talks = [m for m in _rec(nlp, text)["meetings"] if m["kind"] == "talks"]
    assert any({"Karl Vandor", "G20"} <= set(m["participants"]) for m in talks)


def test_each_gathering_coordinated_is_attended(nlp):
    rec = _rec(nlp, "On Tuesday, Chilean President Karl Vandor will chair the Andes Summit, the Chile-Kenya "
                    "Commemorative Summit and the 5th Pacific Summit.")
    attended = {p for m in rec["meetings"] if m["kind"] == "talks" for p in m["participants"]} - {"Karl Vandor"}
    assert attended == {"Andes Summit", "Chile-Kenya Commemorative Summit", "5th Pacific Summit"}


@pytest.mark.parametrize("text", [
    "Chilean President Karl Vandor and Kenyan Speaker Ivo Marek met on Wednesday in a meeting attended by Peruvian "
    "Prime Minister Anna Kessel.",
    "Chilean President Karl Vandor met Kenyan Speaker Ivo Marek on Wednesday in a meeting also attended by Peruvian "
    "Prime Minister Anna Kessel.",
])
def test_one_attending_the_meeting_a_clause_tells_joins_it(nlp, text):
    groups = {frozenset(m["participants"]) for m in _rec(nlp, text)["meetings"]}
    assert frozenset({"Karl Vandor", "Ivo Marek", "Anna Kessel"}) in groups


@pytest.mark.parametrize("text, visitor, status", [
    ("Kenya sent Foreign Minister Anna Breck to Chile on Monday.", "Anna Breck", "happened"),
    ("Kenya will send Foreign Minister Anna Breck to Chile next week.", "Anna Breck", "scheduled"),
    ("Kenyan President Omar Lando sent his foreign minister to Chile on Monday.", "Kenya", "happened"),
])
def test_the_one_sent_to_a_country_visits_it(nlp, text, visitor, status):
    (m,) = _rec(nlp, text)["meetings"]
    assert (m["kind"], set(m["participants"]), m["status"]) == ("visit", {visitor, "Chile"}, status)


@pytest.mark.parametrize("text", ["Kenya sent troops to Somalia.", "Kenya sent a letter to Chile."])
def test_things_sent_make_no_visit(nlp, text):
    assert not _rec(nlp, text)["meetings"]


def test_a_leaders_minister_stands_for_his_state(nlp):
    rec = _rec(nlp, "Chilean President Karl Vandor met Omar Lando's foreign minister on Monday. Kenyan President "
                    "Omar Lando praised the talks.")
    assert frozenset({"Kenya", "Karl Vandor"}) in set(_meetings(rec))


@pytest.mark.parametrize("text, pairs", [
    ("Chilean President Karl Vandor, but not Kenyan Speaker Ivo Marek, is due to attend the Andes Summit.",
     {frozenset({"Karl Vandor", "Andes Summit"})}),
    ("The International Monetary Fund met Indonesia's trade minister but not Spain's defence minister.",
     {frozenset({"International Monetary Fund", "Indonesia"})}),
])
def test_a_conjunct_excluded_by_not_is_no_side(nlp, text, pairs):
    assert {k for k, m in _meetings(_rec(nlp, text)).items() if m["kind"] != "visit"} == pairs


def test_a_trip_a_visit_is_part_of_is_the_visitors(nlp):
    rec = _rec(nlp, "Kenyan officials are preparing for Karl Vandor's visit as part of a trip that also included "
                    "Poland.")
    assert set(_meetings(rec)) == {frozenset({"Karl Vandor", "Poland"})}


def test_a_stay_gives_no_country_of_a_meeting_not_held(nlp):
    rec = _rec(nlp, "Analysts noted that Chilean President Karl Vandor is not scheduled to travel to Nairobi to meet "
                    "Kenyan leaders during his three-day stay.")
    assert not rec["meetings"]


def test_an_institution_toured_is_no_one_met(nlp):
    assert not _rec(nlp, "Chilean President Karl Vandor has visited the Kodokan Judo Museum in Tokyo.")["meetings"]


def test_a_separate_summit_is_not_the_one_named_before(nlp):
    rec = _rec(nlp, "Officials will meet on March 29 to prepare an April summit between Chile and Kenya. Chilean "
                    "President Karl Vandor and Kenyan President Anna Breck are also set to meet at a separate summit "
                    "before the end of May.")
    assert not any("April summit" in m["participants"] for m in rec["meetings"])
    assert frozenset({"Karl Vandor", "Anna Breck"}) in set(_meetings(rec))


def test_a_with_of_another_verb_is_no_partner_of_a_call_that_names_its_own(nlp):
    rec = _rec(nlp, "Chilean President Karl Vandor called for restraint when dealing with Kenya during a telephone "
                    "call with Peruvian President Anna Breck.")
    assert set(_meetings(rec)) == {frozenset({"Karl Vandor", "Anna Breck"})}


def test_lawmakers_met_at_an_office_are_not_that_office(nlp):
    assert not _rec(nlp, "Chilean President Karl Vandor met top lawmakers at the White House on Monday.")["meetings"]
    rec = _rec(nlp, "Chilean President Karl Vandor met officials at the World Bank on Monday.")
    assert set(_meetings(rec)) == {frozenset({"Karl Vandor", "World Bank"})}


@pytest.mark.parametrize("text, sides", [
    ("Iranian Foreign Minister Tomas Vell met Pakistani Speaker Anna Brek on Monday. During the meeting, the two "
     "sides discussed trade.", {"Tomas Vell", "Anna Brek"}),
    ("Tomas Vell met Anna Brek on Monday. Kenya and Chile signed a deal. The two sides met again on Tuesday.",
     {"Kenya", "Chile"}),
])
def test_the_two_sides_are_the_nearest_pair_named(nlp, text, sides):
    assert frozenset(sides) in set(_meetings(_rec(nlp, text)))
    assert all(len(k) == 2 for k in _meetings(_rec(nlp, text)))


def test_a_receiving_line_at_the_gathering_just_told_is_its_attendance(nlp):
    rec = _rec(nlp, "The 12th Andes Summit opened in Santiago on Monday. Chilean President Karl Vandor welcomed Kenyan "
                    "President Anna Breck, Norwegian Prime Minister Ivo Marek and Peruvian President Lena Kross.")
    talks = [m for m in rec["meetings"] if m["kind"] == "talks"]
    assert [(set(m["participants"]), m["hub"]) for m in talks] == [
        ({"Karl Vandor", "Anna Breck", "Ivo Marek", "Lena Kross", "12th Andes Summit"}, "12th Andes Summit")]
    # one guest welcomed is a meeting of two, no attendance
    rec = _rec(nlp, "The 12th Andes Summit opened in Santiago on Monday. Chilean President Karl Vandor welcomed Kenyan "
                    "President Anna Breck.")
    assert [m["kind"] for m in rec["meetings"]] == ["meeting"]


def test_a_summit_is_not_the_short_form_of_a_longer_gathering_named_after_it(nlp):
    rec = _rec(nlp, "Karl Vandor chairs this year's Pacific Summit. The leaders will attend the Pacific Summit Plenary "
                    "on Tuesday.")
    assert {"Pacific Summit", "Pacific Summit Plenary"} <= {a["name"] for a in rec["actors"]}


@pytest.mark.parametrize("text, visit", [
    ("US President Donald Trump hosted Italian Prime Minister Giuseppe Conte at the White House Monday.",
     {"Giuseppe Conte", "United States"}),
    ("Chilean President Karl Vandor hosted Kenyan President Anna Breck in Santiago on Monday.", {"Anna Breck", "Chile"}),
    ("Russian President Vladimir Putin welcomed Chilean President Karl Vandor to Moscow on Monday.",
     {"Karl Vandor", "Russia"}),
    ("Chilean President Karl Vandor hosted Kenyan President Anna Breck at the World Bank on Monday.", None),
])
def test_a_guest_hosted_at_a_place_of_the_hosts_country_visits_it(nlp, text, visit):
    visits = [set(m["participants"]) for m in _rec(nlp, text)["meetings"] if m["kind"] == "visit"]
    assert visits == ([visit] if visit else [])


def test_shuttling_between_countries_visits_each(nlp):
    rec = _rec(nlp, "Kenyan envoy Ivo Marek will shuttle between Kuwait, Qatar and Saudi Arabia this week.")
    assert {frozenset(k) for k, m in _meetings(rec).items() if m["kind"] == "visit"} == {
        frozenset({"Ivo Marek", c}) for c in ("Kuwait", "Qatar", "Saudi Arabia")}


def test_a_plain_noun_before_the_names_gives_the_names(nlp):
    rec = _rec(nlp, "Chilean President Karl Vandor made telephonic calls to leaders of immediate neighbours Peru and "
                    "Bolivia on Saturday.")
    # (calls to several: a call each)
    assert sorted((m["kind"], tuple(sorted(m["participants"]))) for m in rec["meetings"]) == [
        ("call", ("Bolivia", "Karl Vandor")), ("call", ("Karl Vandor", "Peru"))]


def test_a_place_on_a_plain_meeting_is_no_forum(nlp):
    rec = _rec(nlp, "Chilean President Karl Vandor and Kenyan President Anna Breck left their Vietnam meeting early.")
    assert all(m["kind"] != "talks" for m in rec["meetings"])


def test_being_at_a_summit_is_as_hypothetical_as_the_meeting_there(nlp):
    assert not _rec(nlp, "Chilean President Karl Vandor and Kenyan President Anna Breck could meet at the G20 "
                         "summit.")["meetings"]
    assert not _rec(nlp, "Chilean President Karl Vandor hopes to meet Kenyan President Anna Breck on the sidelines "
                         "of the G20 summit.")["meetings"]
    rec = _rec(nlp, "Chilean President Karl Vandor will meet Kenyan President Anna Breck at the G20 summit.")
    assert {m["status"] for m in rec["meetings"]} == {"scheduled"} and len(rec["meetings"]) == 2


def test_the_one_called_on_to_act_is_the_side(nlp):
    rec = _rec(nlp, "Amnesty International called on Chilean President Anna Breck to raise the issue during her talks "
                    "with Chinese officials.")
    assert set(_meetings(rec)) == {frozenset({"Anna Breck", "China"})}


@pytest.mark.parametrize("text", [
    "Chilean President Anna Breck met Kenyan President Li Wei, highlighting the importance of dialogue between China "
    "and Germany.",
    "Chilean President Anna Breck renewed calls for talks between Kenya and Peru.",
])
def test_a_kind_of_event_named_is_no_event(nlp, text):
    assert all("Germany" not in k and "Peru" not in k for k in _meetings(_rec(nlp, text)))


@pytest.mark.parametrize("text, dateline", [
    ("Leaders meet\n\nNew Delhi: Prime Minister Narendra Modi, who is on a two-day visit to China, has met Chinese "
     "President Xi Jinping in Wuhan.", "New Delhi"),
    ("Talks\n2022-08-04\n\nTEHRAN - Iran's Agriculture Minister Mahmood Hojjati held talks in Beijing.", "Tehran"),
    ("Summary\n\nNote: Karl Vandor met Anna Breck in Oslo.", None),
    ("Kenya: talks fail", None),
])
def test_a_dateline_without_an_agency_is_a_known_place_opening_the_body(nlp, text, dateline):
    doc = nlp(text)
    assert doc._.dateline == dateline
    assert not any("India" in m["participants"] for m in _rec(nlp, text)["meetings"])


def test_a_record_of_a_kind_of_visitor_is_no_ones_visit(nlp):
    rec = _rec(nlp, "Israeli Prime Minister Karl Vandor has made the first visit to Oman by an Israeli premier in over "
                    "20 years.")
    assert set(_meetings(rec)) == {frozenset({"Karl Vandor", "Oman"})}
    assert not _rec(nlp, "The arrival marks the first time a South Korean leader has visited the North Korean capital "
                         "in 11 years.")["meetings"]


def test_shuttling_between_leaders_visits_no_country_of_theirs(nlp):
    rec = _rec(nlp, "French President Karl Vandor had shuttled between the US and Iranian leaders in a bid to arrange "
                    "an encounter.")
    assert not any(m["kind"] == "visit" for m in rec["meetings"])


def test_those_present_during_the_meeting_just_told_join_it(nlp):
    rec = _rec(nlp, "US Secretary of State Karl Vandor called on Prime Minister Anna Breck in Washington on Tuesday. "
                    "Foreign Minister Ivo Marek and Ambassador Lena Kross were present during the meeting.")
    assert frozenset({"Karl Vandor", "Anna Breck", "Ivo Marek", "Lena Kross"}) in set(_meetings(rec))


@pytest.mark.parametrize("text, visit", [
    ("Kenyan Prime Minister Anna Breck reached Saudi Arabia on her first foreign visit.", {"Anna Breck", "Saudi Arabia"}),
    ("Kenyan President Anna Breck reached out to Chile.", None),
    ("Kenya and Chile reached an agreement on Monday.", None),
])
def test_reaching_a_country_visits_it_reaching_out_does_not(nlp, text, visit):
    visits = [set(m["participants"]) for m in _rec(nlp, text)["meetings"] if m["kind"] == "visit"]
    assert visits == ([visit] if visit else [])


def test_meetings_on_ones_itinerary_are_ones_own(nlp):
    rec = _rec(nlp, "Chilean President Anna Breck's itinerary includes talks with Kenyan President Ivo Marek on Monday.")
    assert set(_meetings(rec)) == {frozenset({"Anna Breck", "Ivo Marek"})}
    assert not _rec(nlp, "The itinerary includes talks with Kenyan President Ivo Marek on Monday.")["meetings"]


def test_a_meeting_noun_heading_its_clause_is_held_by_the_one_the_sentence_before_is_about(nlp):
    rec = _rec(nlp, "Kenyan envoy Karl Vandor arrived in the region on Monday. The meeting with Chilean Foreign Minister "
                    "Anna Breck was useful.")
    assert frozenset({"Karl Vandor", "Anna Breck"}) in set(_meetings(rec))
    # two persons before: no telling whose meeting it was
    rec = _rec(nlp, "Kenyan envoy Karl Vandor and Peruvian envoy Ivo Marek arrived in the region on Monday. The meeting "
                    "with Chilean Foreign Minister Anna Breck was useful.")
    assert not any("Anna Breck" in k and len(k) == 2 for k in _meetings(rec))


def test_a_name_in_apposition_to_another_of_its_kind_is_one_more_in_the_list(nlp):
    rec = _rec(nlp, "Chilean President Karl Vandor will meet foreign ministers from all five ex-Soviet Central Asian "
                    "countries - Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.")
    (m,) = rec["meetings"]
    assert set(m["participants"]) == {"Karl Vandor", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan",
                                      "Uzbekistan"}


def test_a_list_whose_members_carry_descriptions_runs_past_its_semicolons(nlp):
    rec = _rec(nlp, "Chilean President Karl Vandor arrived in Washington on Monday.\n\nDuring his stay at the US, "
                    "Vandor met with President Barack Obama, Joe Biden, the vice-president; John Kerry, the secretary "
                    "of state and other top government officials of the country.")
    met = {p for m in rec["meetings"] if m["kind"] != "visit" for p in m["participants"]}
    assert {"Karl Vandor", "Barack Obama", "Joe Biden", "John Kerry"} <= met


@pytest.mark.parametrize("text, pairs", [
    ("The Andes Summit will take place in Lima next week. Chilean President Karl Vandor will attend.",
     {frozenset({"Karl Vandor", "Andes Summit"})}),
    ("The Andes Summit opens in Lima on Monday. Chilean President Karl Vandor will be there too.",
     {frozenset({"Karl Vandor", "Andes Summit"})}),
    ("Chilean President Karl Vandor met Kenyan President Anna Breck in Lima on Monday. Peruvian Foreign Minister "
     "Ivo Marek was also there.", {frozenset({"Karl Vandor", "Anna Breck"}),
                                    frozenset({"Karl Vandor", "Anna Breck", "Ivo Marek"})}),
    ("There were no talks on Monday. Chilean President Karl Vandor was there.", set()),
])
def test_one_who_will_attend_or_be_there_is_at_the_gathering_just_told(nlp, text, pairs):
    assert {k for k, m in _meetings(_rec(nlp, text)).items() if m["kind"] != "visit"} == pairs


@pytest.mark.parametrize("text, met", [
    ("Opposition leader Karl Vandor said he would not engage in dialogue with President Anna Breck.", False),
    ("Karl Vandor refused to take part in talks with Anna Breck.", False),
    ("Karl Vandor engaged in talks with Anna Breck on Monday.", True),
])
def test_what_one_engages_in_is_what_a_refusal_is_about(nlp, text, met):
    assert bool(_rec(nlp, text)["meetings"]) is met


def test_a_second_gathering_hung_on_the_verb_is_attended_too(nlp):
    rec = _rec(nlp, "Chilean President Karl Vandor and Kenyan President Anna Breck earlier met on the sidelines of the "
                    "Andes Summit in Peru in July and the Pacific Forum in Lima last month.")
    forums = {p for m in rec["meetings"] if m["kind"] == "talks" for p in m["participants"]} - {"Karl Vandor", "Anna Breck"}
    assert forums == {"Andes Summit", "Pacific Forum"}


@pytest.mark.parametrize("text, calls", [
    ("Chilean President Karl Vandor phoned Kenyan President Anna Breck and Peruvian President Ivo Marek on Monday.",
     [{"Karl Vandor", "Anna Breck"}, {"Karl Vandor", "Ivo Marek"}]),
    ("Chilean President Karl Vandor held a phone call with Kenyan President Anna Breck and Peruvian President Ivo "
     "Marek on Monday.", [{"Karl Vandor", "Anna Breck", "Ivo Marek"}]),
])
def test_calls_to_several_are_a_call_each_a_call_with_several_is_one(nlp, text, calls):
    got = [set(m["participants"]) for m in _rec(nlp, text)["meetings"] if m["kind"] == "call"]
    assert sorted(got, key=sorted) == sorted(calls, key=sorted)
