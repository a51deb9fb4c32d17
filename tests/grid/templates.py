"""The grid's data: who can be a side, how a side is written, and the sentence templates.

Everything the grid expects comes from here, never from the extractor.  Countries are real (the
gazetteer knows only real ones), persons are invented.  A template is a sentence with slots and the
meetings it states, written in a small notation (see `T`):

- side slots ``{A}``, ``{B}``, ``{A1}``.. ``{B3}``: an actor written in one of the side forms
  (`SIDE_FORMS`); ``{A_poss}`` its possessive, ``{A_pron}`` its pronoun, ``{A_his}`` its possessive
  pronoun, ``{A_be}`` was / were
  (``{A_is}`` is / are, ``{A_has}`` has / have, ``{A_s}`` a verb's -s, ``{A_who}`` who / which),
  ``{A_country}`` / ``{A_capital}`` / ``{A_city}`` its country's name, capital, another city of it;
- destination slots ``{C}``, ``{C1}``.. ``{C3}``: a country foreign to every side, written as its
  name, its capital or another of its cities (``{C_UP}``: the capital in capitals, for datelines;
  ``{C_capital}``: the capital; ``{C_dem}``: the demonym, as in "a Ruritanian-Freedonian summit");
- ``{F}``: a named forum (``the G20 summit in Osaka``); ``{REGION}``: the region of the ``C`` slots;
- ``{WHEN}`` and ``{PLACE}``: where the weekday and place modifiers go (empty otherwise).

Expectations: ``"A-B"`` a meeting or talks (the scorer does not tell them apart), ``"A>C"`` a visit
of A to C's country, ``"A~B"`` a call; a leading ``?`` makes a pair allowed but not needed (the
gold's ``"required": false``); a trailing ``:h`` or ``:s`` asks the pair's status too (happened,
scheduled).  ``F`` in an expectation is the forum, ``A@`` the country of A
(``B>A@``: B visits A's country), ``F@`` the forum's host country.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# --- actors -------------------------------------------------------------------------------------

#: name, demonym, capital, another city, extra aliases (what a prediction may call the country)
COUNTRIES = [
    ("Japan", "Japanese", "Tokyo", "Osaka", ()),
    ("India", "Indian", "New Delhi", "Mumbai", ("Delhi",)),
    ("France", "French", "Paris", "Lyon", ()),
    ("Germany", "German", "Berlin", "Munich", ()),
    ("Brazil", "Brazilian", "Brasilia", "Sao Paulo", ()),
    ("Canada", "Canadian", "Ottawa", "Toronto", ()),
    ("Poland", "Polish", "Warsaw", "Krakow", ()),
    ("Turkey", "Turkish", "Ankara", "Izmir", ("Turkiye",)),
    ("Egypt", "Egyptian", "Cairo", "Alexandria", ()),
    ("Kenya", "Kenyan", "Nairobi", "Mombasa", ()),
    ("Indonesia", "Indonesian", "Jakarta", "Surabaya", ()),
    ("Mexico", "Mexican", "Mexico City", "Guadalajara", ()),
    ("Australia", "Australian", "Canberra", "Sydney", ()),
    ("Italy", "Italian", "Rome", "Milan", ()),
    ("Spain", "Spanish", "Madrid", "Barcelona", ()),
    ("Sweden", "Swedish", "Stockholm", "Gothenburg", ()),
    ("Vietnam", "Vietnamese", "Hanoi", "Da Nang", ()),
    ("Argentina", "Argentine", "Buenos Aires", "Rosario", ()),
    ("Nigeria", "Nigerian", "Abuja", "Lagos", ()),
    ("Greece", "Greek", "Athens", "Thessaloniki", ()),
    ("South Korea", "South Korean", "Seoul", "Busan", ()),
]

#: the region words of "a trip to Asia, including ..." and the countries each may list
REGIONS = {
    "Asia": ["Japan", "India", "Indonesia", "Vietnam", "South Korea"],
    "Europe": ["France", "Germany", "Poland", "Italy", "Spain", "Sweden", "Greece"],
    "Latin America": ["Brazil", "Mexico", "Argentina"],
    "Africa": ["Egypt", "Kenya", "Nigeria"],
}

#: canonical name, how the text writes it, aliases, the title of its head, its pronoun
ORGANIZATIONS = [
    ("United Nations", "the United Nations", ("UN", "U.N."), "envoy"),
    ("NATO", "NATO", ("North Atlantic Treaty Organization",), "Secretary-General"),
    ("World Bank", "the World Bank", (), "President"),
    ("European Union", "the European Union", ("EU", "E.U."), "envoy"),
    ("International Monetary Fund", "the International Monetary Fund", ("IMF",), "Managing Director"),
]

#: canonical name, text (after "the"), aliases, host city, host country (None: no place written)
FORUMS = [
    ("G20 summit", "G20 summit in Osaka", ("G20", "Group of 20", "Group of 20 summit", "G-20 summit"), "Japan"),
    ("G7 summit", "Group of Seven summit in Biarritz", ("G7", "Group of Seven", "Group of Seven summit", "G-7 summit"),
     "France"),
    ("APEC summit", "APEC summit in Da Nang", ("APEC", "APEC forum"), "Vietnam"),
    ("ASEAN summit", "ASEAN summit in Manila", ("ASEAN",), "Philippines"),
    ("NATO summit", "NATO summit in Brussels", (), "Belgium"),
    ("World Economic Forum", "World Economic Forum in Davos", ("WEF", "Davos forum"), "Switzerland"),
    ("Munich Security Conference", "Munich Security Conference", (), "Germany"),
    ("United Nations General Assembly", "UN General Assembly in New York",
     ("UN General Assembly", "U.N. General Assembly", "General Assembly", "UNGA"), "United States"),
]

#: invented persons: given names with their pronoun, family names (none a real public figure's
#: full name, none a place or a common word)
GIVEN = [("Anton", "he"), ("Marta", "she"), ("Lena", "she"), ("Tomas", "he"), ("Elena", "she"),
         ("Viktor", "he"), ("Ines", "she"), ("Pavel", "he"), ("Nora", "she"), ("Felix", "he"),
         ("Clara", "she"), ("Oskar", "he"), ("Helena", "she"), ("Jonas", "he"), ("Irina", "she"),
         ("Mateo", "he"), ("Sara", "she"), ("Daniel", "he"), ("Alma", "she"), ("Rafael", "he")]
FAMILY = ["Vesel", "Kovac", "Varga", "Berglund", "Halvorsen", "Moreau", "Lindqvist", "Dragan",
          "Ferreira", "Novak", "Sandoval", "Keller", "Aranda", "Petrovic", "Okafor", "Haddad",
          "Sorensen", "Brennan", "Castellano", "Weller", "Marchetti", "Ostrowski", "Tanabe", "Quiroga"]

#: titles of a country's named or unnamed official
TITLES = ["Foreign Minister", "Prime Minister", "Defence Minister", "Trade Minister", "Finance Minister"]

# --- how a side is written ----------------------------------------------------------------------

#: side form -> (description, the actor it stands for)
SIDE_FORMS = {
    "titled": 'a titled name: "Japanese Foreign Minister Anton Vesel" -> Anton Vesel',
    "appositive": 'a name with an apposition: "Anton Vesel, Japan\'s foreign minister," -> Anton Vesel',
    "org-titled": 'an organization\'s official: "NATO Secretary-General Lena Varga" -> Lena Varga',
    "country-minister": '"Japan\'s foreign minister" -> Japan',
    "the-minister": '"the Japanese foreign minister" -> Japan',
    "officials": '"senior Japanese officials" -> Japan',
    "delegation": '"a Japanese delegation" -> Japan',
    "organization": '"the World Bank" -> World Bank',
    "counterpart": '"his Japanese counterpart" (after the other side) -> Japan',
}
ALL = tuple(SIDE_FORMS)  # "counterpart" only where the other side comes first (see `generate`)
#: forms that stand for one official (calls, reported speech with a personal pronoun)
PERSONAL = ("titled", "appositive", "org-titled", "country-minister", "the-minister")
#: forms with a country (visitors, hosts that have a capital, domestic travel)
NATIONAL = ("titled", "appositive", "country-minister", "the-minister", "officials", "delegation")
#: forms that read well inside a list "A, B and C" (no commas of their own)
LISTABLE = ("titled", "org-titled", "country-minister", "the-minister", "officials", "delegation", "organization",
            "counterpart")
#: forms that stand for a person or a group that travels
TRAVELLING = ("titled", "appositive", "org-titled", "country-minister", "the-minister", "officials", "delegation",
              "counterpart")
#: how a destination is written: "Japan", "Tokyo", "Osaka", "the Japanese capital"
DESTS = ("country", "capital", "city", "the-capital")


# --- templates -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class T:
    """One template: ``capability`` (``family×linking``), ``text`` with slots, ``expect`` (notation above).

    ``forms`` restricts the side forms of slots (``{"A": PERSONAL}``; default: every form), ``dest``
    the forms of destination slots (``country``, ``capital``, ``city``).
    """

    capability: str
    text: str
    expect: str = ""
    forms: dict = field(default_factory=dict)
    dest: tuple = DESTS


def _t(cap, texts, expect="", forms=None, dest=DESTS):
    return [T(cap, x, expect, dict(forms or {}), dest) for x in ([texts] if isinstance(texts, str) else texts)]


HOSTLIKE = {"A": NATIONAL, "B": TRAVELLING}  # hosts with a country (their capital, palace), guests who travel
GUESTS = {"B": TRAVELLING}

TEMPLATES = [
    # meet
    *_t("meet×svo", "{A} met {B}{PLACE}{WHEN}.", "A-B"),
    *_t("meet×with", ["{A} met with {B}{PLACE}{WHEN}.", "{A} sat down with {B}{PLACE}{WHEN}."], "A-B"),
    *_t("meet×between", ["a meeting between {A} and {B} took place{PLACE}{WHEN}.",
                         "the meeting between {A} and {B}{PLACE}{WHEN} focused on trade."], "A-B"),
    *_t("meet×coordinated", ["{A} and {B} met{PLACE}{WHEN}.", "{A} and {B} met{WHEN} to discuss trade."], "A-B"),
    *_t("meet×nominal", ["{A} said after a meeting with {B}{PLACE}{WHEN} that trade would grow.",
                         "in a meeting with {B}{WHEN}, {A} called for closer ties."], "A-B"),
    *_t("meet×possessive", "{A_poss} meeting with {B}{WHEN} focused on trade.", "A-B"),
    *_t("meet×light-verb", ["{A} held a meeting with {B}{PLACE}{WHEN}.", "{A} had a meeting with {B}{WHEN}."],
        "A-B"),
    *_t("meet×passive", "{B} {B_be} met at the airport by {A}{WHEN}.", "A-B"),
    *_t("meet×participle", ["after meeting {B}{WHEN}, {A} said the two sides would expand trade.",
                            "{A} flew home{WHEN} after meeting {B}."], "A-B"),
    *_t("meet×participle-reciprocal", ["{A} and {B}, meeting in Geneva{WHEN}, agreed to expand trade.",
                                       "meeting in Geneva{WHEN}, {A} and {B} agreed to expand trade.",
                                       "{A}, meeting {B}{PLACE}{WHEN}, agreed to expand trade."], "A-B"),
    *_t("meet×reported-thing", ["{A} said a deal was possible after a meeting with {B}{PLACE}{WHEN}.",
                                "{A} said{WHEN} that trade would grow, following talks with {B}."], "A-B"),
    *_t("meet×attended-by", ["{A} met {B1}{WHEN} in a meeting also attended by {B2}.",
                             "{A} and {B1} met{PLACE}{WHEN} in a meeting attended by {B2}."], "A-B1 A-B2 B1-B2",
        {"B1": LISTABLE, "B2": LISTABLE}),
    *_t("meet×relative", "{A}, {A_who} met {B}{WHEN}, said the two sides would expand trade.", "A-B"),
    *_t("meet×reported", ["{A} said {A_pron} met {B}{WHEN}.", "{A} said {A_pron} had met {B}{PLACE}."], "A-B"),
    *_t("meet×list", "{A} met {B1}, {B2} and {B3}{PLACE}{WHEN}.", "A-B1 A-B2 A-B3 ?B1-B2 ?B1-B3 ?B2-B3",
        {"B1": LISTABLE, "B2": LISTABLE, "B3": LISTABLE}),
    *_t("meet×scheduled", ["{A} will meet {B}{PLACE}{WHEN}.", "{A} {A_is} due to meet {B}{WHEN}."], "A-B"),
    # talks
    *_t("talks×light-verb", ["{A} held talks with {B}{PLACE}{WHEN}.", "{A} had talks with {B}{WHEN}.",
                             "{A} wrapped up talks with {B}{PLACE}{WHEN}."], "A-B"),
    *_t("talks×coordinated", "{A} and {B} held talks{PLACE}{WHEN}.", "A-B"),
    *_t("talks×between", ["talks between {A} and {B}{PLACE}{WHEN} focused on trade.",
                          "the talks between {A} and {B} ended{WHEN} without agreement.",
                          "a new round of talks between {A} and {B} opened{PLACE}{WHEN}."], "A-B"),
    *_t("talks×possessive", "{A_poss} talks with {B}{WHEN} focused on trade.", "A-B"),
    *_t("talks×nominal", ["{A} said after talks with {B}{PLACE}{WHEN} that trade would grow.",
                          "during talks with {B}{WHEN}, {A} called for closer ties."], "A-B"),
    *_t("talks×participle", "after holding talks with {B}{WHEN}, {A} said trade would grow.", "A-B"),
    *_t("talks×relative", "{A}, {A_who} held talks with {B}{WHEN}, said trade would grow.", "A-B"),
    *_t("talks×reported", "{A} said {A_pron} held talks with {B}{WHEN}.", "A-B"),
    *_t("talks×list", "{A} held talks with {B1}, {B2} and {B3}{WHEN}.", "A-B1 A-B2 A-B3 ?B1-B2 ?B1-B3 ?B2-B3",
        {"B1": LISTABLE, "B2": LISTABLE, "B3": LISTABLE}),
    # visit: the visitor and the host country
    *_t("visit×svo", "{A} visited {C}{WHEN}.", "A>C", {"A": TRAVELLING}),
    # an attribution set off between two verbs of one subject ("X arrived ..., officials said, and met Y")
    *_t("visit×interrupted", ["{A} met {B}{WHEN}, officials said, and will visit {C} next.",
                              "{A} left for {C}{WHEN}, a spokesman said, and will stay two days."],
        "A>C ?A-B", {"A": TRAVELLING}),
    *_t("meet×interrupted", ["{A} arrived in {C}{WHEN}, officials said, and met {B}.",
                             "{A} arrived in {C}{WHEN}, {C_dem} officials said, and is scheduled to meet {B}."],
        "A-B ?A>C", {"A": TRAVELLING}),
    *_t("talks×interrupted", "{A} landed in {C}{WHEN}, the ministry said, and held talks with {B}.", "A-B ?A>C",
        {"A": TRAVELLING}),
    *_t("call×interrupted", "{A} returned home{WHEN}, a spokesman said, and phoned {B}.", "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    *_t("visit×travel", ["{A} traveled to {C}{WHEN}.", "{A} flew to {C}{WHEN} for a two-day visit."], "A>C",
        {"A": TRAVELLING}),
    *_t("visit×arrive", ["{A} arrived in {C}{WHEN}.", "{A} arrived in {C}{WHEN} for talks on trade."], "A>C",
        {"A": TRAVELLING}),
    *_t("visit×light-verb", ["{A} paid a visit to {C}{WHEN}.", "{A} began a visit to {C}{WHEN}.",
                             "{A} began a three-day visit to {C}{WHEN}.", "{A} made a trip to {C}{WHEN}."],
        "A>C", {"A": TRAVELLING}),
    *_t("visit×nominal", ["{A}, on a two-day visit to {C}, said trade would grow.",
                          "during a visit to {C}{WHEN}, {A} said trade would grow.",
                          "{A} said during a visit to {C}{WHEN} that trade would grow."], "A>C", {"A": TRAVELLING}),
    *_t("visit×possessive", "{A_poss} visit to {C}{WHEN} was the first in a decade.", "A>C", {"A": TRAVELLING}),
    *_t("visit×tour", ["{A} set off on a tour of {C1}, {C2} and {C3}{WHEN}.",
                       "{A} began a tour of {C1} and {C2}{WHEN}."], "A>C1 A>C2 A>C3", {"A": TRAVELLING}),
    *_t("visit×shuttle", ["{A} will shuttle between {C1}, {C2} and {C3}{WHEN}.",
                          "{A} hopped between {C1} and {C2}{WHEN}."], "A>C1 A>C2 A>C3", {"A": TRAVELLING}),
    *_t("visit×including", ["{A} left{WHEN} for a trip to {REGION}, including {C1}, {C2} and {C3}.",
                            "{A} left{WHEN} for a trip to {REGION} \u2013 including {C1}, {C2} and {C3}.",
                            "{A} {A_is} on a tour of {REGION} that includes {C1} and {C2}."], "A>C1 A>C2 A>C3",
        {"A": TRAVELLING}),
    *_t("visit×stops", ["{A_poss} trip includes stops in {C1}, {C2} and {C3}.",
                        "{A} will make stops in {C1} and {C2}{WHEN}."], "A>C1 A>C2 A>C3", {"A": TRAVELLING}),
    *_t("visit×after-visiting", ["{A} head{A_s} to {C1}{WHEN} after visiting {C2} and {C3}.",
                                 "{A} flew to {C1}{WHEN} after visiting {C2}."], "A>C1 A>C2 A>C3",
        {"A": TRAVELLING}),
    *_t("visit×participle", ["arriving in {C}{WHEN}, {A} said trade would grow.",
                             "after visiting {C}{WHEN}, {A} said trade would grow."], "A>C", {"A": TRAVELLING}),
    *_t("visit×relative", ["{A}, {A_who} visited {C}{WHEN}, said trade would grow.",
                           "{A}, {A_who} arrived in {C}{WHEN}, said trade would grow."], "A>C", {"A": TRAVELLING}),
    *_t("visit×reported", ["{A} said {A_pron} would visit {C} next month.",
                           "{A} said {A_pron} visited {C}{WHEN}."], "A>C", {"A": TRAVELLING}),
    *_t("visit×credited", ["{A} said {B_poss} visit to {C}{WHEN} was a success.",
                           "{A} praised {B_poss} trip to {C}."], "B>C", {"B": TRAVELLING}),
    # completed legs and the next one (whether "after completing" legs are over when written is left open)
    *_t("visit×legs", "after completing a trip to {C1} and {C2}, {A} will fly to {C3}{WHEN}.",
        "A>C1 A>C2 A>C3:s", {"A": TRAVELLING}),
    *_t("visit×legs", "{A}, {A_who} visited {C1} and {C2} last week, will travel to {C3}{WHEN}.",
        "A>C1:h A>C2:h A>C3:s", {"A": TRAVELLING}),
    *_t("visit×trip-begins", "{A} left{WHEN} on a trip that will begin with a visit to {C1} for talks with {B}.",
        "A>C1 A-B ?B>C1", {"A": TRAVELLING}),
    *_t("visit×list", "{A} visited {C1}, {C2} and {C3}{WHEN}.", "A>C1 A>C2 A>C3", {"A": TRAVELLING}),
    *_t("visit×coordinated", "{A} and {B} visited {C}{WHEN}.", "A>C B>C ?A-B",
        {"A": LISTABLE[:-1], "B": LISTABLE[:-1]}),
    # call
    *_t("call×spoke-by-phone", ["{A} spoke by phone with {B}{WHEN}.", "{A} spoke with {B} by telephone{WHEN}."],
        "A~B", {"A": PERSONAL, "B": PERSONAL}),
    *_t("call×called", ["{A} called {B}{WHEN} to discuss trade.", "{A} telephoned {B}{WHEN}.",
                        "{A} phoned {B}{WHEN}."], "A~B", {"A": PERSONAL, "B": PERSONAL}),
    *_t("call×light-verb", ["{A} held a phone call with {B}{WHEN}.",
                            "{A} had a telephone conversation with {B}{WHEN}.",
                            "{A} held a video call with {B}{WHEN}.",
                            "{A} received a call from {B}{WHEN}."], "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    *_t("call×coordinated", ["{A} and {B} spoke by phone{WHEN}.", "{A} and {B} held a phone call{WHEN}."], "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    *_t("call×nominal", ["in a phone call with {B}{WHEN}, {A} said trade would grow.",
                         "{A} told {B} in a phone call{WHEN} that trade would grow."], "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    *_t("call×between", "a phone call between {A} and {B}{WHEN} lasted an hour.", "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    *_t("call×possessive", "{A_poss} phone call with {B}{WHEN} lasted an hour.", "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    *_t("call×relative", "{A}, {A_who} spoke by phone with {B}{WHEN}, said trade would grow.", "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    *_t("call×reported", "{A} said {A_pron} spoke by phone with {B}{WHEN}.", "A~B", {"A": PERSONAL, "B": PERSONAL}),
    *_t("call×participle-reciprocal", ["speaking by phone{WHEN}, {A} and {B} agreed to expand trade.",
                                       "{A} and {B}, speaking by phone{WHEN}, agreed to expand trade."], "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    *_t("call×participle", "speaking by phone with {B}{WHEN}, {A} said trade would grow.", "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    # a meeting verb with a phone phrase is a call
    *_t("call×phone-phrase", ["{A} discussed trade with {B} by phone{WHEN}.",
                              "{A} exchanged views with {B} on the phone{WHEN}."], "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    # a call with no "phone": a scene only a conversation sets, a call held, one the object was announced in
    *_t("call×scene", ["{A} and {B} discussed trade in a call{WHEN}.",
                       "in a call{WHEN}, {A} told {B} that trade would grow.",
                       "{A} spoke with {B} in a call{WHEN}.",
                       "{A} held a call with {B}{WHEN}.",
                       "{A} announced the decision in a phone call with {B}{WHEN}.",
                       "the telephonic conversation between {A} and {B} took place{WHEN}."], "A~B",
        {"A": PERSONAL, "B": PERSONAL}),
    # those who join a meeting just told meet its sides ("they were later joined by C", "the meeting also
    # included C")
    *_t("meet×joined-later", ["{A1} met {A2}{WHEN}, and they were later joined by {A3}.",
                              "{A1} met {A2}{WHEN}. The meeting also included {A3}.",
                              "{A1} held talks with {A2}{WHEN}. {A3} also attended."], "A1-A2 A1-A3 A2-A3",
        {"A1": ("titled", "org-titled"), "A2": ("titled", "org-titled"), "A3": ("titled", "org-titled")}),
    # attendance at a forum: the attendee and the forum (a visit to the host country allowed)
    *_t("attend×svo", "{A} attended the {F}{WHEN}.", "A-F ?A>F@"),
    *_t("attend×joined", ["{A} joined leaders at the {F}{WHEN}.", "{A} joined other leaders at the {F}."],
        "A-F ?A>F@", {"A": TRAVELLING}),
    *_t("attend×sidelines", ["{A} met {B} on the sidelines of the {F}{WHEN}.",
                             "on the sidelines of the {F}{WHEN}, {A} held talks with {B}."],
        "A-B ?A-F ?B-F ?A>F@ ?B>F@"),
    *_t("attend×addressed", "{A} addressed the {F}{WHEN}.", "A-F ?A>F@", {"A": TRAVELLING}),
    *_t("attend×took-part", "{A} took part in the {F}{WHEN}.", "A-F ?A>F@"),
    *_t("attend×but-not", ["{A1}, but not {A2}, will attend the {F}{WHEN}.",
                           "{A1} and not {A2} will attend the {F}{WHEN}."], "A1-F ?A1>F@",
        {"A1": LISTABLE, "A2": LISTABLE}),
    *_t("meet×but-not", "{A} met {B1} but not {B2}{WHEN}.", "A-B1", {"B1": LISTABLE, "B2": LISTABLE}),
    *_t("attend×receiving-line", "the {F} opened{WHEN}. On its first day, {A} welcomed {B1}, {B2} and {B3}.",
        "A-F B1-F B2-F B3-F ?A-B1 ?A-B2 ?A-B3 ?B1-B2 ?B1-B3 ?B2-B3 ?A>F@ ?B1>F@ ?B2>F@ ?B3>F@",
        {"A": PERSONAL, "B1": LISTABLE, "B2": LISTABLE, "B3": LISTABLE}),
    *_t("attend×bare-after-forum", ["the {F} opens{WHEN}. {A} will attend.",
                                    "the {F} opens{WHEN}. {A} will be there too."], "A-F ?A>F@", {"A": TRAVELLING}),
    *_t("attend×list", "{A1}, {A2} and {A3} attended the {F}{WHEN}.",
        "A1-F A2-F A3-F ?A1-A2 ?A1-A3 ?A2-A3 ?A1>F@ ?A2>F@ ?A3>F@",
        {"A1": LISTABLE, "A2": LISTABLE, "A3": LISTABLE}),
    *_t("attend×relative", "{A}, {A_who} attended the {F}{WHEN}, said trade would grow.", "A-F ?A>F@"),
    *_t("attend×participle", ["attending the {F}{WHEN}, {A} said trade would grow.",
                              "after attending the {F}{WHEN}, {A} flew home."], "A-F ?A>F@"),
    *_t("attend×reported", "{A} said {A_pron} attended the {F}{WHEN}.", "A-F ?A>F@"),
    *_t("attend×described", ["{A} attended a regional summit in {C_capital}{WHEN}.",
                             "{A} joined leaders at a regional summit in {C_capital}{WHEN}."],
        "A-S ?A>C", {"A": TRAVELLING}, dest=("capital",)),
    # host / welcome / receive: a meeting of host and guest (a visit to the host's country allowed
    # where the text places it there)
    *_t("host×svo", ["{A} hosted {B}{PLACE}{WHEN}.", "{A} hosted {B} for talks{WHEN}."], "A-B ?B>A@", GUESTS),
    *_t("host×passive", "{B} {B_be} hosted by {A}{WHEN}.", "A-B ?B>A@", GUESTS),
    *_t("host×light-verb", ["{A} hosted a dinner for {B}{WHEN}.", "{A} hosted a meeting with {B}{WHEN}."],
        "A-B ?B>A@", GUESTS),
    *_t("host×between", "{A} hosted talks between {B} and {B2}{WHEN}.", "B-B2 ?A-B ?A-B2 ?B>A@ ?B2>A@"),
    *_t("host×relative", "{A}, {A_who} hosted {B}{WHEN}, said trade would grow.", "A-B ?B>A@", GUESTS),
    *_t("welcome×svo", ["{A} welcomed {B}{PLACE}{WHEN}.", "{A} welcomed {B} to {A_capital}{WHEN}."],
        "A-B ?B>A@", HOSTLIKE),
    *_t("welcome×passive", ["{B} {B_be} welcomed by {A}{WHEN}.",
                            "{B} {B_be} welcomed by {A} at the presidential palace{WHEN}."], "A-B ?B>A@",
        HOSTLIKE),
    *_t("welcome×relative", "{A}, {A_who} welcomed {B}{WHEN}, said trade would grow.", "A-B ?B>A@", HOSTLIKE),
    *_t("welcome×participle", "welcoming {B} to {A_capital}{WHEN}, {A} said trade would grow.", "A-B ?B>A@",
        HOSTLIKE),
    *_t("receive×svo", ["{A} received {B}{PLACE}{WHEN}.", "{A} received {B} at the presidential palace{WHEN}."],
        "A-B ?B>A@", HOSTLIKE),
    *_t("receive×passive", "{B} {B_be} received by {A}{WHEN}.", "A-B ?B>A@", GUESTS),
    *_t("receive×relative", "{A}, {A_who} received {B}{WHEN}, said trade would grow.", "A-B ?B>A@", GUESTS),
    *_t("receive×reported", "{A} said {A_pron} received {B}{WHEN}.", "A-B ?B>A@", HOSTLIKE),
    # --- from an unseen-text audit (issue 17): the sides inside a nominal event, frame adjuncts, support
    # verbs beyond hold / have, attendance predicates, reciprocal and plural pronouns
    *_t("nominal×np-sides", ["the arrival of {A} for talks with {B}{WHEN} was broadcast live.",
                             "{A} said {A_his} first meeting with {B}{WHEN} had gone well.",
                             "{A_poss} first meeting with {B} took place{PLACE}{WHEN}."], "A-B",
        {"A": PERSONAL}),
    *_t("nominal×np-sides", "officials prepared{WHEN} for a scheduled {C} visit by {A}.", "A>C",
        {"A": TRAVELLING}, dest=("country", "capital")),
    *_t("nominal×np-sides", "{C_UP} (Reuters) - The visit of {A} ended{WHEN} with a joint statement.", "A>C",
        {"A": ("titled", "org-titled", "the-minister", "country-minister")}),
    *_t("nominal×demonym-pair", ["the first {C1_dem}-{C2_dem} summit in a decade opened{WHEN}.",
                                 "{C1_dem}-{C2_dem} talks ended{WHEN} without agreement.",
                                 "the {C1_dem}-{C2_dem} meeting{WHEN} focused on trade."], "C1-C2"),
    *_t("adjunct×setting", ["in a 30-minute meeting{WHEN}, {A} told {B} that trade would grow.",
                            "at talks in {C_capital}{WHEN}, {A} pressed {B} to expand trade."],
        "A-B ?A>C ?B>C", dest=("capital",)),
    *_t("support×verbs", ["{A} opened talks with {B}{PLACE}{WHEN}.", "{A} started negotiations with {B}{WHEN}.",
                          "{A} had been in talks with {B} for months.", "{A} resumed talks with {B}{WHEN}."],
        "A-B"),
    *_t("support×second-verb", ["{A} arrived in {C}{WHEN} and held talks with {B}.",
                                "{A} flew to {C}{WHEN} and met with {B}."], "A>C A-B ?B>C", {"A": TRAVELLING}),
    *_t("attendance×predicates", ["{A}, {A_who} {A_be} present at the {F}{WHEN}, said trade would grow."], "A-F ?A>F@"),
    *_t("attendance×predicates", "{A} will chair the {F}{WHEN}.", "A-F ?A>F@", {"A": PERSONAL}),
    # a copula's subject at a gathering attends it ("will be at the summit", "was on hand for the summit")
    *_t("attendance×copula", ["{A} will be at the {F}{WHEN}.", "{A} {A_be} on hand for the {F}{WHEN}.",
                              "{A} {A_be} on hand at the {F}{WHEN}."], "A-F ?A>F@"),
    # a measuring noun in the trigger's place ("held a round of talks", "a series of meetings between")
    *_t("talks×partitive", ["{A} held a round of talks with {B}{PLACE}{WHEN}.",
                            "{A} and {B} held two rounds of talks{PLACE}{WHEN}.",
                            "a series of meetings between {A} and {B}{PLACE}{WHEN} produced no deal."], "A-B"),
    # an accepted invitation is a plan, no longer an offer
    *_t("visit×accepted-invitation", ["{A} accepted an invitation to visit {C} next week.",
                                      "{A} {A_has} accepted an invitation to visit {C} in March."], "A>C",
        {"A": TRAVELLING}),
    *_t("attendance×predicates", "{A} will host talks with {B}{WHEN}.", "A-B:s ?B>A@", HOSTLIKE),
    *_t("attendance×passive", "the {F} was attended by {A1}, {A2} and {A3}{WHEN}.",
        "A1-F A2-F A3-F ?A1-A2 ?A1-A3 ?A2-A3 ?A1>F@ ?A2>F@ ?A3>F@",
        {"A1": LISTABLE, "A2": LISTABLE, "A3": LISTABLE}),
    *_t("attendance×passive", "a meeting{WHEN} was attended by {A1}, {A2} and {A3}.", "A1-A2 A1-A3 A2-A3",
        {"A1": LISTABLE, "A2": LISTABLE, "A3": LISTABLE}),
    *_t("pronoun×plural", ["{A} and {B} agreed to expand trade when they met in {C_capital}{WHEN}.",
                           "{A} and {B} will discuss trade when the two meet again{WHEN}."],
        "A-B ?A>C ?B>C", {"A": LISTABLE[:-1], "B": LISTABLE[:-1]}, dest=("capital",)),
    # --- from probes of 2017-style stories (issue 17): encounters, travel to a gathering, the ones sent to meet
    *_t("encounter×exchange", ["{A} and {B} exchanged pleasantries{PLACE}{WHEN}.",
                               "{A} exchanged views with {B}{WHEN}.",
                               "{A} had a brief exchange with {B}{PLACE}{WHEN}."], "A-B"),
    *_t("attend×travel-to", ["{A} headed to the {F}{WHEN}.", "{A} flew to the {F}{WHEN}."], "A-F ?A>F@",
        {"A": TRAVELLING}),
    *_t("attend×there-for", ["{A} arrived{WHEN} for the {F}.", "{A} {A_is} in town for the {F}."], "A-F ?A>F@",
        {"A": TRAVELLING}),
    # travelling to a place for a gathering attends it ("traveled to Osaka for the G20 summit")
    *_t("attend×travel-for", ["{A} traveled to {C}{WHEN} for the {F}.", "{A} flew to {C} for the {F}{WHEN}."],
        "A-F ?A>C ?A>F@", {"A": TRAVELLING}),
    # a gathering judged or timed is the same gathering ("the recent G20 summit")
    *_t("attend×modified-forum", ["{A} attended the recent {F}.", "{A} will attend the upcoming {F}."],
        "A-F ?A>F@"),
    *_t("encounter×hospitality", ["{A} played host to {B}{PLACE}{WHEN}.", "{A} posed for photos with {B}{WHEN}.",
                                  "{A} met one-on-one with {B}{PLACE}{WHEN}."], "A-B ?B>A@", HOSTLIKE),
    *_t("talks×reported-owner", "{A} said talks with {B}{WHEN} went well.", "A-B", {"A": PERSONAL}),
    *_t("talks×after-coordinated", "{A} and {B} vowed to expand trade after talks{PLACE}{WHEN}.", "A-B",
        {"A": LISTABLE[:-1], "B": LISTABLE[:-1]}),
    *_t("send×purpose", "the president sent {A} to {C_capital}{WHEN} to meet {B}.", "A-B ?A>C",
        {"A": PERSONAL}, dest=("capital",)),
    # negatives: no meeting at all
    *_t("negative×negation", ["{A} did not meet {B}{WHEN}.", "{A} {A_has} never met {B}.",
                              "{A} did not hold talks with {B}{WHEN}.", "{A} denied meeting {B}{WHEN}.",
                              "{A} and {B} did not meet{WHEN}.", "there was no meeting between {A} and {B}{WHEN}."]),
    *_t("negative×negation", "{A} did not visit {C}{WHEN}.", forms={"A": TRAVELLING}),
    *_t("negative×indirect", ["indirect talks between {A} and {B}{PLACE}{WHEN} made little progress.",
                              "{A} and {B} held indirect talks{PLACE}{WHEN}.",
                              "{A} said {A_pron} would not rule out indirect talks with {B}."], forms={"A": PERSONAL}),
    *_t("negative×hope", ["{A} hope{A_s} to meet {B} soon.", "{A} want{A_s} to hold talks with {B}.",
                          "{A} would like to meet {B}.", "{A} {A_is} hoping for talks with {B}.",
                          "{A} asked for a meeting with {B}{WHEN}."]),
    *_t("negative×hope", "{A} said {A_pron} hoped to visit {C} next year.", forms={"A": PERSONAL}),
    *_t("negative×refusal", ["{A} refused to meet {B}{WHEN}.", "{A} declined to meet {B}.",
                             "{A} rejected an offer of talks with {B}{WHEN}.", "{A} will not attend the {F}.",
                             "{A} refused to engage in dialogue with {B}{WHEN}."]),
    *_t("negative×invitation", ["{A} invited {B} to visit {A_country}{WHEN}.",
                                "{A} extended an invitation to {B} for talks.",
                                "{A} invited {B} to a summit next year."], forms=HOSTLIKE),
    *_t("negative×invitation", "{B} {B_be} invited to the {F}."),
    *_t("negative×invitation", ["{A} declined an invitation to visit {C}{WHEN}.",
                                "{A} received an invitation to visit {C}{WHEN}.",
                                "{A} did not accept an invitation to visit {C}.",
                                "{A} accepted an invitation to visit {C}."], forms={"A": TRAVELLING}),
    *_t("negative×hope", ["{A} issued a call for calm{WHEN}.", "in a call for unity, {A} urged {B} to act.",
                          "{A} expressed interest in a meeting with {B}.",
                          "{A} look{A_s} forward to having talks with {B}."]),
    *_t("negative×vague-time", ["{A} will meet {B} at some point.", "{A} will hold talks with {B} in the future.",
                                "{A} said {A_pron} would meet {B} in the near future.",
                                "{A} will hold a phone call with {B} in the near future."], forms={"A": PERSONAL}),
    *_t("negative×vague-time", "{A} will visit {C} some day.", forms={"A": TRAVELLING}),
    *_t("negative×private-group", ["Peruvian business leaders met {B}{WHEN}.",
                                   "Peruvian executives met {B}{WHEN}."], forms={"B": PERSONAL}),
    *_t("negative×copula", ["{A} {A_be} for the {F}, {A_pron} said.", "{A} {A_be} in favour of the {F}."],
        forms={"A": PERSONAL}),
    *_t("negative×idiom", ["{A} met the deadline set by {B}{WHEN}.",
                           "{A_poss} plan met stiff opposition from {B}{WHEN}.",
                           "{A} said the offer from {B} met expectations.",
                           "{A} met the targets agreed with {B}.",
                           "{A_poss} proposal met with criticism from {B}{WHEN}."]),
    *_t("negative×habit", ["{A} meet{A_s} {B} every year.", "{A} and {B} meet regularly.",
                           "{A} usually hold{A_s} talks with {B} every spring."]),
    *_t("negative×habit", "{A} visit{A_s} {C} every summer.", forms={"A": TRAVELLING}),
    *_t("negative×cancellation", ["{A} cancelled a meeting with {B}{WHEN}.", "{A} called off talks with {B}{WHEN}.",
                                  "a planned meeting between {A} and {B} was cancelled{WHEN}."]),
    *_t("negative×cancellation", "{A} skipped the {F}{WHEN}."),
    *_t("negative×cancellation", ["{A} cancelled a planned visit to {C}{WHEN}.",
                                  "{A} postponed a trip to {C}{WHEN}."], forms={"A": TRAVELLING}),
    *_t("negative×idiom", ["{A} exchanged letters with {B}{WHEN}.", "{A} and {B} exchanged prisoners{WHEN}.",
                           "{A} exchanged fire with {B}{WHEN}.", "{A} received a call for help from {B}{WHEN}.",
                           "{A_poss} plan posed a threat to {B}{WHEN}."]),
    *_t("negative×letter", ["{A} wrote to {B}{WHEN}.", "{A} sent a letter to {B}{WHEN}.",
                            "{A} received a letter from {B}{WHEN}.",
                            "in a letter to {B}{WHEN}, {A} called for closer ties."]),
    *_t("negative×statement", ["{A} told reporters{WHEN} that {B} must withdraw.",
                               "{A} said{WHEN} that {B} should reconsider.",
                               "{A} criticised {B} in a speech{WHEN}.",
                               "{A} welcomed the decision by {B}{WHEN}.",
                               "{A} told a news conference{WHEN} that {B} was wrong."]),
    *_t("negative×agreement", ["{A} agreed with {B}{WHEN} on the need for reform.",
                               "{A} backed {B_poss} proposal{WHEN}.",
                               "{A} and {B} share concerns about the crisis, {A_pron} said."]),
    *_t("negative×hypothetical", ["{A} would meet {B} only if the fighting stopped.",
                                  "{A} said {A_pron} could meet {B} if invited."], forms={"A": PERSONAL}),
    *_t("negative×domestic", ["{A} visited {A_city}{WHEN}.", "{A} traveled to {A_city}{WHEN}.",
                              "{A} arrived in {A_city}{WHEN}.", "{A} returned to {A_capital}{WHEN}."],
        forms={"A": NATIONAL}),
    *_t("negative×topic", ["on the trade talks with {B}, {A} said progress was slow.",
                           "asked about the talks with {B}{WHEN}, {A} said progress was slow."]),
    *_t("negative×hypothetical", "if the ban is lifted, {A} would have to attend the {F}."),
    *_t("negative×domestic-audience", ["{A} told a business conference{WHEN} that trade would grow.",
                                       "{A} told a rally in {A_capital}{WHEN} that trade would grow."],
        forms={"A": NATIONAL}),
    *_t("negative×dateline", ["{C_UP} (Reuters) - {A} said{WHEN} that trade with {B} would grow.",
                              "{C_UP} (Reuters) - {A} criticised {B}{WHEN}."]),
]
