"""The country an article is about, for the persons the text gives no country.

A domestic story names its own politicians without their country ("Mr Hale",
"the chancellor", "Prime Minister X"): they belong to the country the article
is about.  That country is the one whose own institutions the article names:
its parties and their members ("Republicans"; 3 each), its government bodies and legislatures (2 each), its name or
demonym used for its government or people ("Japanese officials", "Japan's
economy": 1 each; in a headline 2, and 3 before a title: "RURITANIAN
PRESIDENT RESHUFFLES CABINET"), the place of its dateline ("TOKYO (Reuters) -":
2), never a country named only as a destination or a place.  It must lead
clearly (at least 3, and half as much again as the next).

A person still without a country then gets a guess, in order: the country
the government bodies and parties around them suggest (`graphkit.actors.roles`),
else the article's country, else, for a person with an office (not an analyst,
an economist, a trader or an executive), the countries named around them.
It stays a guess (``country_guess``): the corpus merge prefers a country other
articles state.
"""
from __future__ import annotations

import json
from collections import Counter
from importlib import resources

from .gazetteer import fold
from .lexicon import LEXICON
from .mention import ArticleState
from .persons import title_words
from .roles import belongs_to_other_person, body_abroad, trip_destination

BUSINESS_NOUNS = LEXICON["business_nouns"]
MINISTER_WORDS = LEXICON["minister_words"]
PORTFOLIO_TITLES = MINISTER_WORDS | {"secretary"}
STATE_BODY_WORDS = LEXICON["state_body_words"]
CONTINENTS = LEXICON["continent_words"]
with resources.files("graphkit.actors").joinpath("data", "organizations.json").open(encoding="utf-8") as _fh:
    NOT_OF_STATES = frozenset(fold(n) for n in json.load(_fh)["not_of_states"]["names"])
#: a country word that describes a noun ("Karolia's president", "the Karolian delegation"), not a side
MODIFIER_DEPS = ("poss", "amod", "compound", "nmod")
#: "High Commissioner in Karolia X", "Ambassador to Karolia X": where one is posted, not whose one is
POST_PREPS = LEXICON["place_preps"] | LEXICON["foreign_preps"] | {"in", "to", "at", "from"}

MIN_SCORE = 3
LEAD = 1.5
MIN_OWN, OWN_LEAD = 4, 2.0  # institutions alone


def place_parties(state: ArticleState) -> None:
    """A party of the tables that the article places in another country ("Norway's Labour government",
    "the Norwegian Labour party") is a party of that name there: all its mentions in the article
    take that country (parties of one name live in many countries)."""
    doc = state.doc
    # "Labour Minister X", "Labor Secretary X": the party's name is the portfolio of a title, no party
    state.mentions = [m for m in state.mentions if not (
        m.kind == "party" and m.end < len(doc) and doc[m.end].text[:1].isupper()
        and fold(doc[m.end].text) in PORTFOLIO_TITLES)]
    state.index()
    abroad: dict[str, str] = {}
    for m in state.mentions:
        if m.kind != "party" or m.type != "organization" or not m.country or m.actor in abroad:
            continue
        tok = doc[m.end - 1]
        here = state.country_modifying(tok)
        if here is None and tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
            here = state.country_modifying(tok.head)  # "Norway's Labour government"
        if here is not None and here != m.country:
            abroad[m.actor] = here
    for m in state.mentions:
        if m.kind == "party" and m.type == "organization" and m.actor in abroad:
            m.country = abroad[m.actor]
    # parties of the tables of several countries that the article names nowhere else ("the Christian
    # Democrats", "the Socialist Party", "the Republicans" in a story of a third country) say nothing of
    # the story's country: their names are shared by parties of many countries
    named = {m.actor for m in state.mentions if m.type == "country"} | {state.dateline_country} | {
        m.country for m in state.mentions if m.kind != "party" and m.type in ("organization", "location")}
    unnamed = {m.country for m in state.mentions if m.kind == "party" and m.country and m.country not in named}
    if len(unnamed) > 1:
        for m in state.mentions:
            if m.kind == "party" and m.country in unnamed:
                m.country = None


def article_country(state: ArticleState) -> str | None:
    """The country the article is about, or None when no country leads clearly.

    A story about another country ("ties to Russia") can name that country more often than its own:
    when no country leads on every sign, the one whose institutions (parties, bodies, the dateline)
    lead by twice as much is the article's country."""
    return _countries(state)[0]


def _countries(state: ArticleState) -> tuple[str | None, str | None]:
    """(the article's country, the country whose institutions lead clearly, if another one)."""
    score, own = Counter(), Counter()
    titles = title_words(state.gazetteer)
    if state.dateline_country:
        own[state.dateline_country] += 2  # where a wire story was filed: a sign, not a proof
    for m in state.mentions:
        if m.type in ("organization", "members") and m.kind == "party" and m.country:
            own[m.country] += 3  # a country's own parties: the surest sign of a domestic story
        elif m.type == "organization" and m.kind == "body" and m.country and not body_abroad(m):
            own[m.country] += 2  # a government body (a company's country says little about the story's)
        elif m.type == "country" and not m.place:
            score[m.actor] += _headline_weight(state, m, titles) if m.start in state.headings else 1
    institutions = _leader(own, MIN_OWN, OWN_LEAD)
    score.update(own)
    return _leader(score, MIN_SCORE, LEAD) or institutions, institutions


def _headline_weight(state: ArticleState, m, titles) -> int:
    """A headline names what the story is about: its country counts 2, and 3 where the headline is about that
    country's office holder ("RURITANIAN PRESIDENT RESHUFFLES CABINET")."""
    doc = state.doc
    nxt = doc[m.end] if m.end < len(doc) else None
    return 3 if nxt is not None and nxt.i in state.headings and fold(nxt.text) in titles else 2


def _leader(counts: Counter, least: int, lead: float) -> str | None:
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2)
    second = rest[0][1] if rest else 0
    return best if n >= least and n >= lead * second else None


def assign_home_countries(state: ArticleState) -> None:
    home, institutions = _countries(state)
    state.doc._.home_country = home
    # a person's guess: the country whose own institutions the story names, where that is clear (a story
    # from Washington about Soviet grain names the Soviets most, and US officials in it are American)
    home = institutions or home
    for a in state.persons():
        if a.country is None and a.via is None and not a.guess:
            # a guess only: other articles of the corpus that state the person's country win.  The countries
            # merely named around a person say something only of one with an office: not of an analyst or
            # an executive quoted on another country's markets, nor of a name with no role at all
            own = _own_country(state, a)
            if own:
                a.guess = own  # the article's own words first: "X, an official with a Karolian trading firm"
                continue
            abroad, employer = _employer_abroad(state, _employers(state, a), home)
            if abroad:
                # one introduced as a member of an international body or of a company that names another
                # country or a continent ("EC expert in Tokyo X", "X, vice president of Karo Europe") is the
                # body's, or of no country the text gives: the country the story is about is not theirs
                a.guess = employer
                continue
            markets = _of_the_markets(state, a)
            if home and markets and not (home == state.dateline_country or _works_in(state, a, home)):
                continue  # an analyst in London on Japan's economy is not Japanese
            a.guess = home or (_countries_describing(state, a) if a.roles and not markets else None) \
                or (_sole_country(state) or _fellow_ministers(state, a) if _minister(a) else None)


def _fellow_ministers(state: ArticleState, a) -> str | None:
    """The one country of the article's other ministers, where the text states theirs: "Ruritania's Finance
    Minister X ... Deputy Prime Minister Y has announced" (a foreign minister would be introduced as such;
    banks and companies of other countries named beside them say nothing of a government's members)."""
    countries = {p.country for p in state.persons() if p is not a and p.country and _minister(p)}
    return countries.pop() if len(countries) == 1 else None


def _minister(a) -> bool:
    return any(MINISTER_WORDS & set(fold(r).replace("-", " ").split()) for r in a.roles)


def _sole_country(state: ArticleState) -> str | None:
    """The one country the article names, if it names only one in any way, and names it as an actor (by its
    name, demonym or capital, or one of its government bodies): "Primary Industry Minister Tom Varga" in
    a story about "the Ruritanian wheat industry" and nothing abroad is Ruritania's minister (a minister
    of another country would be introduced as such; "the Saudi leader ... talks with Prime Minister X
    ... his first visit to Britain" names two; a city alone, where things happen, is no actor)."""
    actors = {m.actor for m in state.mentions if m.type == "country" and not m.place}
    actors |= {m.country for m in state.mentions if m.type == "organization" and m.kind == "body" and m.country}
    named = actors | {m.actor for m in state.mentions if m.type == "country"}
    named |= {m.country for m in state.mentions if m.type in ("organization", "location") and m.country}
    return actors.pop() if len(actors) == 1 and len(named) == 1 else None


def _works_in(state: ArticleState, a, country: str) -> bool:
    """Does a company or body of ``country`` stand in a sentence of the person ("Holm Bank analyst X")?"""
    doc = state.doc
    sents = {doc[m.start].sent.start for m in a.mentions}
    return any(m.type == "organization" and m.country == country and doc[m.start].sent.start in sents
               for m in state.mentions)


def _of_the_markets(state: ArticleState, a) -> bool:
    """Is the person an analyst, an economist, a trader or an executive ("Holm Vesk analyst Karl Berg",
    "Berg, an economist with ..."): the country a story is about is not theirs."""
    doc = state.doc
    roles = {w for r in a.roles for w in fold(r).replace("-", " ").split()}
    if roles & BUSINESS_NOUNS:
        return True
    for m in a.mentions:
        if m.kind == "pronoun":
            continue
        head = doc[m.end - 1]
        # "analyst Karl Berg" (the noun a compound or an apposition of the name), "Berg, an economist"
        linked = [t for t in doc[max(m.start - 4, 0):min(m.end + 4, len(doc))]
                  if t.head.i in range(m.start, m.end) and t.dep_ in ("compound", "appos", "nmod")]
        if head.dep_ in ("appos", "compound"):
            linked.append(head.head)
        if any(t.lower_ in BUSINESS_NOUNS for t in linked):
            return True
    return False


def _own_words(state: ArticleState, a) -> list:
    """The words that describe the person where the name stands: those before the name that depend on it
    ("Holm and Co assistant manager X", "EEC financial expert X") and its apposition ("X, vice president of
    Karo Europe", "X, an official with Amtorg, a Karolian trading organization")."""
    doc = state.doc
    own = []
    for m in a.mentions:
        if m.kind == "pronoun" or m.type != "person":
            continue
        span = range(m.start, m.end)
        sent = doc[m.start].sent
        own += [t for t in doc[max(m.start - 12, sent.start):m.start] if _reaches(t, span)] + _words_before(state, m, sent)
        head = doc[m.end - 1]
        for c in list(head.children) + ([head.head] if head.dep_ == "appos" and head.head.i > m.end else []):
            if (c.dep_ == "appos" or c is head.head) and c.i >= m.end and c.sent.start == sent.start:
                own.extend(c.subtree)
    return own


def _own_country(state: ArticleState, a) -> str | None:
    """The one country that describes something in the person's own words ("X, an official with Amtorg, a
    Karolian trading organization"), named as a country, not a place, nor where one is posted ("High
    Commissioner in Karolia X", which the parser may hang on the name)."""
    found = set()
    for t in _own_words(state, a):
        mm = state.by_token.get(t.i)
        if mm is not None and mm.type == "country" and not mm.place and t.i == mm.end - 1 and t.dep_ in MODIFIER_DEPS \
                and not (mm.start > 0 and state.doc[mm.start - 1].lower_ in POST_PREPS) \
                and not belongs_to_other_person(state, mm, a.name):
            found.add(mm.actor)
    return found.pop() if len(found) == 1 else None


def _employers(state: ArticleState, a) -> list:
    """The companies and international bodies the person's own words make them a member of.  Government
    bodies and parties are no employer here: their country is the story's own as often as not, and other
    rules read them."""
    found = []
    for t in _own_words(state, a):
        mm = state.by_token.get(t.i)
        if mm is not None and mm.type in ("organization", "forum") and mm.kind not in ("body", "party") \
                and mm.actor and mm not in found and not _state_body(state, mm):
            found.append(mm)
    return found


def _words_before(state: ArticleState, m, sent) -> list:
    """The description right before a name that ends in a common noun ("Holm and Co assistant manager X",
    "Senior EC financial expert in Tokyo X": where one is posted may come between), back to a verb, a
    clause's punctuation or the sentence's start: the parser often hangs its first words elsewhere ("Holm"
    the subject, X a conjunct)."""
    doc = state.doc
    i = m.start - 1
    place = state.by_token.get(i)
    if place is not None and place.place and place.start - 1 >= sent.start and doc[place.start - 1].lower_ == "in":
        i = place.start - 2
    if i < sent.start or doc[i].pos_ != "NOUN" or not doc[i].is_lower:
        return []
    out = []
    while i >= max(sent.start, m.start - 12):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or (t.is_punct and t.text not in ("-", ".", "&")) \
                or t.is_quote or t.like_num or (t.pos_ == "ADP" and t.lower_ not in ("of", "for", "at", "in")):
            break
        out.append(t)
        i -= 1
    return out


def _state_body(state: ArticleState, mm) -> bool:
    """Is the organization a state's own body ("Foreign Ministry", "the Economic Affairs Division")?"""
    words = set(fold(mm.actor).split()) | set(fold(mm.surface).split())
    return bool(words & STATE_BODY_WORDS) or fold(mm.actor) in state.gazetteer.body_nouns


def _reaches(t, span: range) -> bool:
    """Does the word's chain of heads reach the name through modifiers only (not through a verb)?"""
    for _ in range(8):
        if t.i in span:
            return True
        if t.dep_ not in ("compound", "amod", "nmod", "poss", "case", "cc", "conj", "punct", "det", "prep", "pobj",
                          "npadvmod", "nummod", "appos") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _employer_abroad(state: ArticleState, employers: list, home: str | None) -> tuple[bool, str | None]:
    """(is the person's employer no body of the story's country, the country or body it gives them).

    An international body of the tables is the person's ("EC financial expert X": the European Community).
    A company whose name names a country other than the story's, or a continent, employs people the story's
    country says nothing of ("Bank of Ruritania's regional manager" in a story about Karolia, "Karo Europe"):
    no guess.  Any other company may well be of the story's country: the rules below decide."""
    bodies, described, abroad = set(), set(), False
    for mm in employers:
        if _international(state, mm.actor):
            bodies.add(mm.actor)
            continue
        words = mm.surface.replace("-", " ").split()
        entries = [e for w in words if (e := state.gazetteer.lookup(w)) is not None and e.type == "country"]
        named = {e.canonical for e in entries}
        if (named and home not in named) or {fold(w) for w in words} & CONTINENTS:
            abroad = True
            # "X, an official with Amtorg, a Karolian trading organization": a demonym describing the employer
            # is its country, where a country in its proper name ("Bank of Karolia") may be no more than a name
            described |= {e.canonical for e in entries if e.kind == "demonym"}
    if bodies:
        return True, bodies.pop() if len(bodies) == 1 else None
    return abroad, described.pop() if len(described) == 1 else None


def _countries_describing(state: ArticleState, a) -> str | None:
    """The country that describes something in the person's sentences ("Kassym was sworn in as Karolia's
    president", "the Karolian delegation includes Ambassador X"), named in two of them at least and more
    than any other.  A country that is itself a side of the sentence ("if Ruritania has decided not to buy,
    that is no problem for us, Under-Secretary X said", "exports to Ruritania") is merely named: it is the
    other side as often as the person's own, and gives nothing."""
    doc = state.doc
    score, seen = Counter(), set()
    for m in a.mentions:
        sent = doc[m.start].sent
        if sent.start in seen:
            continue
        seen.add(sent.start)
        for mm in state.mentions:
            if mm.type != "country" or mm.place or not sent.start <= mm.start < sent.end:
                continue
            tok = doc[mm.end - 1]
            if tok.dep_ not in MODIFIER_DEPS or tok.head.i in range(mm.start, mm.end) or trip_destination(tok) \
                    or belongs_to_other_person(state, mm, a.name):
                continue
            score[mm.actor] += 1
    if not score:
        return None
    (best, n), *rest = score.most_common(2) + [(None, 0)]
    return best if n >= 2 and n > rest[0][1] else None


def _international(state: ArticleState, name: str) -> bool:
    """Is it a body of states of the tables (the UN, the EC, OPEC), not an NGO or an armed group?"""
    e = state.gazetteer.lookup(name)
    return e is not None and e.type in ("organization", "forum") and e.country is None \
        and fold(e.canonical) not in NOT_OF_STATES
