"""Roles and countries of persons: titles, appositives, "of X", possessors, context.

"Russian Deputy Foreign Minister Oleg Marin" (a title before the name), "Karl
Holm, a State Department spokesman" (an appositive), "Holm of the IMF",
"Dalton's adviser" (a possessor: the adviser shares Dalton's country, once it is
known), "Russian and Turkish foreign ministers, Vesel and Aydin respectively".
A person the text gives no country keeps a guess from context: a definite role
phrase that refers back to them ("the new US president"), else the government
bodies and countries around their mentions.
"""
from __future__ import annotations

import re
from collections import Counter

from graphkit.tokens import doc_text, token_hits

from .gazetteer import fold
from .lexicon import LEXICON
from .mention import ActorState, ArticleState, Mention
from . import persons

PERSON_STOP_WORDS = LEXICON["person_stop"]

FOREIGN_PREPS = LEXICON["foreign_preps"]
PLACE_PREPS = LEXICON["place_preps"]
DETERMINERS = LEXICON["determiners"]
TITLE_FILLERS = LEXICON["title_fillers"]
_POSSESSIVE = ("'s", "’s")
TRIP_NOUNS = LEXICON["trip_nouns"]
TRIP_VERBS = LEXICON["trip_verbs"]
HOST_OFFICES = LEXICON["host_offices"]
MEETING_WORDS = LEXICON["trip_meeting_words"]
REPORTING = LEXICON["reporting_verbs"]
MINISTER_WORDS = LEXICON["minister_words"]
US_STATES = LEXICON["us_state_abbreviations"]


def parenthetical_aliases(state: ArticleState) -> None:
    """"the Northern Front (recently rebranded as the Liberation Army)", "ISSG" after its full name."""
    doc = state.doc
    ms = [m for m in state.mentions if m.is_actor]
    for a, b in zip(ms, ms[1:]):
        if a.type not in ("organization", "forum") or b.type not in ("organization", "forum", "person"):
            continue
        # (from the Doc's text: `doc[i:j].text` makes a Token of every word between)
        between = doc_text(doc)[doc[a.end].idx:doc[b.start - 1].idx + len(doc[b.start - 1])] if a.end < b.start else ""
        if between.strip().startswith("(") and ")" not in between and b.end < len(doc) and ")" in doc[b.end:b.end + 2].text:
            if b.actor != a.actor and b.actor in state.actors and a.actor in state.actors:
                state.merge(b.actor, a.actor)


def _scan(state: ArticleState, tokens, title_words) -> tuple[list[str], str | None, str | None, str | None]:
    """(role words, country, organization, possessor person) of a role noun phrase."""
    doc = state.doc
    words, country, org, poss = [], None, None, None
    after_prep = False
    seen = set()
    for t in tokens:
        if t.lower_ in FOREIGN_PREPS:
            after_prep = True  # "ambassador to France": not the person's own country
        m = state.at(t.i)
        if m is not None and id(m) not in seen:
            seen.add(id(m))
            if m.type == "country" and not after_prep and country is None:
                country = m.actor
            elif m.type == "organization" and not after_prep and org is None:
                org = m.actor
            elif m.type == "person" and t.i + 1 < len(doc) and doc[m.end].text in _POSSESSIVE:
                poss = m.actor
            continue
        if m is None and fold(t.text).strip(".") in title_words | TITLE_FILLERS:
            words.append(t.text)
    return words, country, org, poss


def _title_before(state: ArticleState, m: Mention, title_words) -> list:
    """The title before a name: "Russian Deputy Foreign Minister Oleg Marin"."""
    doc = state.doc
    j = m.start - 1
    while j >= 0:
        t, mm = doc[j], state.at(j)
        if t.text in _POSSESSIVE:
            j -= 1
        elif t.lower_ in ("and", "&") and j > 0 and doc[j - 1].tag_ in ("NNS", "NNPS"):
            break  # "Japanese officials and Bundesbank President X": the plural is others, not X's title
        elif t.lower_ in ("and", "&") and j > 0 and (
                state.at(j - 1) is not None or fold(doc[j - 1].text).strip(".") in state.gazetteer.role_nouns):
            break  # "the World Bank and NATO Secretary-General X", "the finance minister and EU envoy X":
            # another side listed before X, not X's title ("Minister for Arab and African Affairs" goes on)
        elif mm is not None and mm.type not in ("person", "location"):
            j = mm.start - 1
        elif mm is not None and mm.type == "person" and j + 1 < len(doc) and doc[j + 1].text in _POSSESSIVE:
            j = mm.start - 1
        elif fold(t.text).strip(".") in title_words | TITLE_FILLERS or (
                t.is_title and t.pos_ in ("PROPN", "ADJ", "NOUN") and mm is None and not t.is_sent_start):
            j -= 1
        else:
            break
    return [t for t in doc[j + 1:m.start] if t.lower_ not in DETERMINERS]


def _phrases_after(state: ArticleState, m: Mention) -> list[tuple[list, bool]]:
    """(tokens, organization only) of the appositive after a name ("Karl Holm, a State Department
    spokesman") and of its "of <organization>" phrase ("Holm of the IMF")."""
    root = state.doc[m.end - 1]
    out = []
    for c in root.children:
        if c.dep_ == "appos" and c.i > root.i and state.at(c.i) is None and not any(
                state.at(k) is not None and state.at(k).type == "person" for k in range(m.end, c.left_edge.i)):
            out.append(([x for x in c.subtree if x.i > root.i], False))
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                sub = list(p.subtree)
                if p.dep_ == "pobj" and any(state.at(x.i) is not None and state.at(x.i).type in
                                            ("organization", "country") for x in sub):
                    out.append((sub, True))
    return out


def _comma_title_before(state: ArticleState, m: Mention, title_words) -> list:
    """A role phrase closed by a comma before the name: "the Deputy Foreign Minister and Envoy for X, Belyak,"."""
    doc = state.doc
    if not (m.start > 1 and doc[m.start - 1].text == "," and (m.end >= len(doc) or doc[m.end].is_punct)):
        return []
    k, sent_start = m.start - 2, doc[m.start].sent.start
    while k >= sent_start and doc[k].pos_ not in ("VERB", "AUX") and doc[k].text not in (",", ";", ":") \
            and not (doc[k].pos_ == "ADP" and doc[k].lower_ not in ("of", "for")) \
            and not (state.at(k) is not None and state.at(k).type == "person"):
        k -= 1
    toks = list(doc[k + 1:m.start - 1])
    if not toks or not any(fold(t.text).strip(".") in title_words for t in toks):
        return []
    return toks[1:] if toks[0].lower_ == "with" or toks[0].pos_ == "ADP" else toks


def _appositive_before(state: ArticleState, m: Mention) -> list:
    """A role phrase the name stands in apposition to: "US State Department spokesman, Karl Holm"."""
    root = state.doc[m.end - 1]
    if any(c.dep_ in ("cc", "conj") for c in root.children):
        return []  # "met the Chilean minister, Minister X and Y": a list the parser read as apposition
    if root.dep_ == "appos" and root.head.i < m.start and state.at(root.head.i) is None:
        h = root.head
        return [x for x in h.subtree if x.i < m.start and x.i <= h.i]
    return []


def _predicate_role(state: ArticleState, m: Mention) -> list:
    """A role the text predicates of the name: "Vesel is Chile's foreign minister", "Vesel, who is
    Chile's foreign minister", "Vesel became the Chilean ambassador"."""
    root = state.doc[m.end - 1]
    verb = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ in ("be", "become", "remain", "elect", "name",
                                                                "appoint"):
        pass
    elif root.dep_ in ("relcl",):
        return []
    else:  # "Vesel, who is ...": the relative clause on the name
        verb = next((c for c in root.children if c.dep_ == "relcl" and c.lemma_ in ("be", "become", "remain")
                     and any(s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in c.children)), None)
        if verb is None:
            return []
    attr = next((c for c in verb.children if c.dep_ in ("attr", "oprd") and c.i > root.i), None)
    if attr is None or state.at(attr.i) is not None or attr.tag_ in ("NNS", "NNPS"):
        return []
    # the role phrase up to its head, with its of-phrase ("the foreign minister of Chile")
    toks = [x for x in attr.subtree if x.i <= attr.i]
    for c in attr.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i > attr.i:
            toks.extend(c.subtree)
    return toks


_STATE_ALONE = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,6})\)")
_PARTY_STATE = re.compile(r"\s*[,(]\s*[RD]\s?-\s?([A-Z][A-Za-z.]{1,12})")


def _party_state_tag(state: ArticleState, m: Mention) -> str | None:
    """"Sen. Tom Varga (R-Ala.)", "Rep. Ann Holm, D-N.Y.,", "Tom Varga (Ala.)": a member of the United States
    Congress, marked with party and state (or the state's abbreviation alone) the way US papers mark them."""
    doc = state.doc
    if m.kind == "pronoun":
        return None
    last = doc[m.end - 1]
    text = doc_text(doc)  # (joined once per Doc: `doc.text` joins every token on each call)
    hit = _PARTY_STATE.match(text, last.idx + len(last.text))
    if hit is None:
        alone = _STATE_ALONE.match(text, last.idx + len(last.text))  # "David Holm (Ark.)"
        if alone is not None and fold(alone.group(1)).strip(".") in US_STATES:
            return state.gazetteer.in_period("United States", state.period)
        return None
    st = hit.group(1)
    if fold(st).strip(".") in US_STATES or (st.isalpha() and len(st) >= 4):
        return state.gazetteer.in_period("United States", state.period)
    return None


_LEADING_VERBS = frozenset({"head", "lead", "chair"})


def _appositive_demonym(state: ArticleState, m: Mention) -> str | None:
    """"Karl Holm, a Peruvian banker", "a Peruvian banker, Karl Holm": the country modifying the head of a
    phrase in apposition to the name is the person's, whatever the noun ("Karl Holm, a critic of Russia"
    says nothing of Holm's)."""
    root = state.doc[m.end - 1]
    for c in root.children:
        if c.dep_ != "appos" or c.i < root.i or c.pos_ not in ("NOUN", "PROPN") or state.at(c.i) is not None \
                or any(g.dep_ in ("cc", "conj") for g in c.children):
            continue  # (not a list the parser read as apposition: "X, a Chilean delegation and Y")
        country = state.country_modifying(c)
        if country is not None:
            return country
    for c in root.children:  # "Karl Holm, who heads the Peruvian delegation": the group he leads is his country's
        if c.dep_ == "relcl" and c.i > root.i and c.lemma_.lower() in _LEADING_VERBS \
                and any(w.dep_ == "nsubj" and w.lower_ == "who" for w in c.children):
            for obj in (w for w in c.children if w.dep_ == "dobj"):
                for d in obj.children:
                    mm = state.at(d.i)
                    if d.i < obj.i and d.dep_ == "amod" and mm is not None and mm.type == "country" \
                            and mm.kind == "demonym" and not mm.place:
                        return mm.actor
    head = root.head  # "an Iranian soldier, Karl Holm": the name in apposition to the phrase before it
    if root.dep_ == "appos" and head.i < m.start and head.pos_ == "NOUN" and state.at(head.i) is None \
            and not any(g.dep_ in ("cc", "conj") for g in head.children):
        # by a demonym only: "Ruritania's rebel frontman, Karl Holm" is where he acts, not whose he is
        for c in head.children:
            mm = state.at(c.i)
            if c.i < head.i and c.dep_ in ("amod", "compound") and mm is not None and mm.type == "country" \
                    and mm.kind == "demonym" and not mm.place:
                return mm.actor
    return None


def _title(tok, title_words) -> bool:
    word = fold(tok.text).strip(".")
    return word in title_words | PERSON_STOP_WORDS or (word.endswith("s") and word[:-1] in title_words)


def _describes(state: ArticleState, j: int, m: Mention, title_words) -> bool:
    """Is token ``j`` a word of the description between a place and a person's name: a title (or titles:
    "Reps."), a lower-case word modifying one after it ("savings and loan commissioner"), a party's
    name ("Nebraska Republican Reps. X")?"""
    doc, tok = state.doc, state.doc[j]
    if tok.text == "." and j > 0 and doc[j - 1].text[:1].isupper() and _title(
            doc[j - 1], persons.abbreviated_titles(state.gazetteer)):
        return True  # the full stop of an abbreviated title the tokenizer split off ("Reps | . X"); any other
        # ends the sentence ("... over the Chile War. Mr X": "War" is a word of titles, not an abbreviation)
    at = state.at(j)
    if at is not None:
        return at.type == "members" or at.kind == "party"
    party = state.gazetteer.lookup(tok.text + "s") if tok.text[:1].isupper() else None
    if party is not None and party.kind == "party":
        return True  # "Republican", one of the party's "Republicans"
    if _title(tok, title_words):
        return True
    if tok.lower_ == "and" and 0 < j and doc[j - 1].is_lower and doc[j + 1].is_lower:
        return True  # "savings and loan"
    # (each modifying a word after it, or a conjunct of one: "savings and loan commissioner")
    return tok.is_lower and tok.pos_ in ("NOUN", "ADJ") and tok.head.i < m.end and (
        tok.head.i > j or tok.dep_ == "conj")


def _country_before(state: ArticleState, m: Mention, title_words) -> str | None:
    """"Tunisia's Karl Holm", "British industrialist Sir Karl Holm", "Ohio Governor Karl Holm": a country
    (its name with a possessive, its demonym) or a place of a country right before the name, with only a
    title or a few lower-case words describing the person between ("Chile's feted democracy leader X": each
    modifying a word after it up to the name), is the person's country."""
    doc = state.doc
    j = m.start - 1
    words = 0
    while j >= 0 and words <= 4 and _describes(state, j, m, title_words):
        j, words = j - 1, words + 1
    if j >= 0 and doc[j].text in _POSSESSIVE:
        j -= 1
    mm = state.at(j) if j >= 0 else None
    if mm is None or mm.end != j + 1:
        return None
    if mm.type == "country" and mm.kind in ("name", "demonym") and not (mm.kind == "name" and doc[mm.end].text
                                                                        not in _POSSESSIVE and words == 0):
        return gz_country(state, mm.actor)
    if mm.type == "location" and mm.country and words >= 1 and mm.kind == "name" and state.at(j) is mm \
            and mm.end - mm.start <= 2:
        return mm.country  # "Ohio Governor X", "London shipbroker X"
    return None


def gz_country(state: ArticleState, country: str) -> str | None:
    return state.gazetteer.in_period(country, state.period)


def _respectively_heads(state: ArticleState, m: Mention, title_words) -> list[int]:
    """The role noun a "respectively" list of names belongs to ("Russian and Turkish foreign ministers,
    Vesel and Aydin respectively")."""
    root = state.doc[m.end - 1]
    if root.dep_ != "conj" or not any(t.lower_ == "respectively" for t in root.sent):
        return []
    out = []
    h = root
    while h.dep_ == "conj" and h.head.i < h.i:
        h = h.head
    if state.at(h.i) is None and h.lower_ in title_words:
        out.append(h.i)
    if state.at(root.head.i) is None and root.head.lower_ in title_words:
        out.append(root.head.i)
    return out


def _zip_respectively(state: ArticleState, head_i: int) -> None:
    """Zip the demonyms before the role noun with the names after it."""
    h = state.doc[head_i]
    countries, names = [], []
    for x in h.subtree:
        mm = state.at(x.i)
        if mm is None:
            continue
        if x.i < h.i and mm.type == "country" and mm.actor not in countries:
            countries.append(mm.actor)
        elif x.i > h.i and mm.type == "person" and mm.actor not in names:
            names.append(mm.actor)
    if len(countries) == len(names) >= 2:
        for n, c in zip(names, countries):
            state.actors[n].country = c


def _country_title(state: ArticleState, a: ActorState) -> str | None:
    """A title only one country's government uses ("Foreign Secretary", "Chief Cabinet Secretary")."""
    gz = state.gazetteer
    # (a title the name keeps as its first word counts too: "Pope X")
    titles = sorted(a.roles) + ([a.name.split()[0]] if len(a.name.split()) > 1 else [])
    title, found = next(((t, c) for r in titles for t, c in gz.country_titles.items()
                         if re.sub(r"[^a-z ]+", " ", fold(r)).split() == t.split()), (None, None))
    found = gz.in_period(found, state.period)
    if title in gz.shared_country_titles:
        # other governments use the words too (Mexico's and India's "Foreign Secretary"): a story that
        # names countries, none of them the title's nor the country of any of its institutions, is
        # about another one's
        named = {m.actor for m in state.mentions if m.type == "country"} | {
            m.country for m in state.mentions if m.type == "organization" and m.country}
        if named and found not in named:
            return None
    return found


def person_roles(state: ArticleState) -> None:
    """Titles, appositives and possessors give a person roles and a country; else a guess from context."""
    title_words = set(persons.title_words(state.gazetteer))
    respectively: set[int] = set()
    for a in state.persons():
        for m in a.mentions:
            if m.type != "person":
                continue
            _apply_role(state, a, _title_before(state, m, title_words), title_words)
            for tokens, org_only in _phrases_after(state, m):
                _apply_role(state, a, tokens, title_words, org_only=org_only)
            _apply_role(state, a, _comma_title_before(state, m, title_words), title_words)
            _apply_role(state, a, _appositive_before(state, m), title_words)
            _apply_role(state, a, _predicate_role(state, m), title_words)
            if a.country is None:
                a.country = _appositive_demonym(state, m) or _country_before(state, m, title_words) \
                    or _party_state_tag(state, m)
            respectively.update(_respectively_heads(state, m, title_words))
    for head_i in sorted(respectively):
        _zip_respectively(state, head_i)
    _headline_roles(state, title_words)
    _share_listed_country(state)
    for a in state.persons():  # possessors, now that all persons have countries
        if a.country is None and a.via and a.via in state.actors:
            a.country = state.actors[a.via].country
    for a in state.persons():
        if a.country is None and a.via is None:
            a.country = _country_title(state, a) or (
                (_speaker_for(state, a) or _the_countrys(state, a) or _host_of_trip(state, a)) if a.roles else None)
    # a guess for the rest: a role phrase that refers back to the person ("Dalton said ... the new US
    # president"), else the government bodies and countries around the person
    back = _role_phrase_countries(state, title_words)
    for a in state.persons():
        if a.country is None:
            a.guess = back.get(a.name) or context_country(state, a)


def _headline_roles(state: ArticleState, title_words) -> None:
    """A headline's "<country> <title>" ("RURITANIAN PRESIDENT RESHUFFLES CABINET") is the one person of
    the story who holds that title ("President Tom Varga replaced ..."), when the text gives no other
    country for them and no second person holds it."""
    doc = state.doc
    for m in state.mentions:
        if m.type != "country" or m.place or m.start not in state.headings:
            continue
        words, i = [], m.end
        while i < len(doc) and i in state.headings and fold(doc[i].text) in title_words:
            words.append(fold(doc[i].text))
            i += 1
        if not words:
            continue
        holders = [a for a in state.persons() if any(fold(r).split() == words for r in a.roles)]
        if len(holders) == 1 and holders[0].country is None:
            holders[0].country = m.actor


def _share_listed_country(state: ArticleState) -> None:
    """"UAE President A and Oil Minister B": a minister listed right after a person whose title gives a
    country, with no country of his own, is that country's minister.  Ministers only: "Japanese Prime
    Minister A and President B" may list the reporter's own president."""
    listed = sorted(((m, a) for a in state.persons() for m in a.mentions), key=lambda ma: ma[0].start)
    for m, a in listed:  # in text order, so that each in "A, B and C" passes the country on
        if a.country is not None or not any(MINISTER_WORDS & set(fold(r).split()) for r in a.roles):
            continue
        head = state.doc[m.end - 1]
        # the conjunct itself is "Oil Minister B", not a bare name listed after someone
        if head.dep_ not in ("conj", "appos") or m.start == 0 or fold(state.doc[m.start - 1].text) not in MINISTER_WORDS:
            continue
        before = state.by_token.get(head.head.i)
        other = state.actors.get(before.actor) if before is not None and before.type == "person" else None
        if other is not None and other.country and other is not a:
            a.country = other.country


def _speaker_for(state: ArticleState, a: ActorState) -> str | None:
    """A titled person who reports what a country does speaks for it: "Colombia plans to keep its
    borrowing level, Finance Minister X said" (X is Colombia's finance minister); not in a direct
    quotation, where a leader speaks as often of a rival country."""
    doc = state.doc
    for m in a.mentions:
        head = doc[m.end - 1]
        verb = head.head
        if m.type != "person" or head.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING:
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i:
            clauses.append(verb.head)  # "Colombia plans ..., the minister said" parsed the other way round
        for clause in clauses:
            if any(t.is_quote for t in doc[clause.left_edge.i:verb.i]) or \
                    (clause.left_edge.i > 0 and doc[clause.left_edge.i - 1].is_quote):
                continue  # a quotation: '"Ruritania and its allies have armed the rebels," X said' is no report
            for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                mm = state.by_token.get(subj.i)
                if mm is not None and mm.type == "country" and not mm.place and mm.kind in ("name", "capital"):
                    return mm.actor
    return None


def _the_countrys(state: ArticleState, a: ActorState) -> str | None:
    """"Fiji welcomed ... as supporters of the country's ousted prime minister X": "the country" is
    the last country the text named as an actor, by its name, before it (this sentence or the one
    before; "Australian unions" names no country to refer back to)."""
    doc = state.doc
    for m in a.mentions:
        for k in range(max(m.start - 7, 1), m.start - 1):
            if doc[k].lower_ in ("country", "nation") and doc[k + 1].text in _POSSESSIVE \
                    and doc[k - 1].lower_ in ("the", "that"):
                lo = doc[doc[k].sent.start - 1].sent.start if doc[k].sent.start > 0 else 0
                named = [mm for mm in state.mentions if mm.type == "country" and not mm.place
                         and mm.kind in ("name", "capital") and lo <= mm.start < k - 1]  # a noun, no adjective
                if named:
                    return named[-1].actor
    return None


def _role_phrase_countries(state: ArticleState, title_words: set[str]) -> dict[str, str]:
    """Persons a definite role phrase with a country refers back to: "the new US president" names
    no one, so it is the last person named in the three sentences before whose country the text
    has not given; no named person may already hold that role for that country."""
    doc = state.doc
    out: dict[str, str] = {}
    for t in token_hits(doc, {w for w in title_words if w.isalpha()}):
        if t.pos_ != "NOUN" or state.by_token.get(t.i) is not None:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            continue
        mods = [state.by_token.get(c.i) for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i]
        countries = {m.actor for m in mods if m is not None and m.type == "country"}
        if len(countries) != 1 or any(c.dep_ == "appos" for c in t.children):
            continue
        (country,) = countries
        if any(p.country == country and any(t.lower_ in fold(r) for r in p.roles) for p in state.persons()):
            continue  # "the Russian foreign minister" is the Russian foreign minister the article names
        lo = t.sent.start
        for _ in range(3):
            if lo > 0:
                lo = doc[lo - 1].sent.start
        before = [m for m in state.mentions if m.type == "person" and lo <= m.start < t.i
                  and state.actors[m.actor].country is None]  # someone of another country is not it
        if before:
            out.setdefault(before[-1].actor, country)
    return out


def _apply_role(state, a: ActorState, tokens, title_words, org_only=False) -> None:
    if not tokens:
        return
    words, country, org, poss = _scan(state, tokens, title_words)
    has_title = any(fold(w).strip(".") in title_words for w in words)
    if not has_title and not org_only:
        return
    if words and has_title:
        toks = list(tokens)
        while toks and (toks[0].lower_ in DETERMINERS or toks[0].text in ("'s", "’s") or toks[0].is_punct
                        or toks[0].lower_ in ("and", "of", "for", "with")
                        or state.by_token.get(toks[0].i) is not None):
            toks = toks[1:]
        while toks and toks[-1].text in (",", "'s", "’s"):
            toks = toks[:-1]
        role = " ".join(t.text for t in toks if state.by_token.get(t.i) is None or state.by_token[t.i].type != "person"
                        or False).strip(" -,") if toks else " ".join(words)
        role = re.sub(r"\s+'s\b", "'s", role)
        role = re.sub(r"^(and|of|for)\s+|\s+(and|of|for)$", "", role)
        if role:
            role = role[0].upper() + role[1:]
            if fold(role) not in {fold(r) for r in a.roles}:  # "Finance Minister", "Finance minister": one role
                a.roles.add(role)
    if a.country is None:
        if country:
            a.country = country
        elif org:
            o = state.actors.get(org)
            oc = o.country if o else None
            if oc:
                a.country = oc
            elif o is not None and o.type == "organization" and _is_international(state, org):
                a.country = org
            elif o is not None:
                dem = _demonym_country(state, org)
                if dem:
                    a.country = dem
        elif poss:
            a.via = poss


def _is_international(state, org: str) -> bool:
    e = state.gazetteer.lookup(org)
    return e is not None and e.type in ("organization", "forum") and e.country is None


def _demonym_country(state, name: str) -> str | None:
    first = name.split()[0] if name else ""
    e = state.gazetteer.lookup(first)
    return e.canonical if e is not None and e.type == "country" else None


def belongs_to_other_person(state: ArticleState, mm: Mention, name: str) -> bool:
    """Is this mention part of another person's title or appositive (a few heads up)?"""
    tok = state.doc[mm.end - 1]
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "appos" or tok.dep_ in ("compound", "amod", "poss", "nmod"):
            h = tok.head
            other = state.by_token.get(h.i)
            if other is not None and other.type == "person" and other.actor != name:
                return True
        tok = tok.head
        other = state.by_token.get(tok.i)
        if other is not None and other.type == "person":
            return other.actor != name
        if tok.dep_ == "appos":
            h = state.by_token.get(tok.head.i)
            if h is not None and h.type == "person":
                return h.actor != name
    return False


def _trip_places(sent) -> list:
    """Tokens of ``sent`` that name where a trip goes: "a visit to X", "flew to X", "leaves for X",
    "arrived in X", "visited X", "a X visit" (not "returned to X": one comes home)."""
    out = []
    for tok in sent:
        h = tok.head
        if tok.dep_ in ("compound", "amod", "nmod", "poss") and h.lemma_.lower() in TRIP_NOUNS:
            out.append(tok)
        elif tok.dep_ == "dobj" and h.lemma_.lower() in ("visit", "tour"):
            out.append(tok)
        elif tok.dep_ == "pobj" and h.dep_ == "prep":
            goer, prep = h.head.lemma_.lower(), h.lower_
            if goer in TRIP_NOUNS | TRIP_VERBS and goer != "return" and (
                    prep == "to" or (prep == "for" and goer in ("leave", "head"))
                    or (prep == "in" and goer in ("arrive", "arrival"))):
                out.append(tok)
    return out


def _verb_of(tok):
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _one_trip(place, meeting) -> bool:
    """Are the trip to ``place`` and the ``meeting`` one journey's: one verb's ("leaves for X for talks"), or
    verbs joined by "and" ("will visit X and hold talks")?  Not "met Y after returning from a visit to X"."""
    trip = place.head.head if place.dep_ == "pobj" else place.head
    a, b = _verb_of(trip), _verb_of(meeting)
    return a == b or (a.dep_ == "conj" and a.head == b) or (b.dep_ == "conj" and b.head == a)


def _host_of_trip(state: ArticleState, a: ActorState) -> str | None:
    """"Varga will visit Ruritania and hold talks in the capital with President Sandek", "Varga leaves for
    <capital> for talks with President Sandek": a head of state or government met on a trip to one country,
    whose own country the text does not give, is that country's (the host receives the visitor)."""
    if not any(HOST_OFFICES & set(fold(r).split()) for r in a.roles):
        return None
    doc = state.doc
    for m in a.mentions:
        if m.kind == "pronoun":
            continue
        head = doc[m.end - 1]
        while head.dep_ == "conj" and head.head.i < head.i:  # "with President Sandek and his ministers"
            head = head.head
        met = (head.dep_ == "pobj" and head.head.lower_ == "with"
               and head.head.head.lemma_.lower() in MEETING_WORDS) or \
              (head.dep_ == "dobj" and head.head.lemma_.lower() in MEETING_WORDS)
        if not met:
            continue
        hosts = set()
        meeting = head.head.head if head.dep_ == "pobj" else head.head
        for tok in _trip_places(head.sent):
            if not _one_trip(tok, meeting):
                continue
            mm = state.by_token.get(tok.i)
            if mm is None or mm.actor == a.name:
                continue
            c = mm.actor if mm.type == "country" else mm.country if mm.type == "location" else None
            if c:
                hosts.add(c)
        if len(hosts) == 1:
            return hosts.pop()
    return None


def trip_destination(tok) -> bool:
    """Is ``tok`` the place of a trip: a modifier of "visit/trip/...", or the object of a travel verb?"""
    h = tok.head
    if tok.dep_ in ("compound", "amod", "nmod", "poss") and h.lemma_.lower() in TRIP_NOUNS:
        return True
    if tok.dep_ == "dobj" and h.lemma_.lower() in TRIP_VERBS:
        return True
    return tok.dep_ == "pobj" and h.head.lemma_.lower() in TRIP_NOUNS | TRIP_VERBS


_ABROAD_BODIES = frozenset({"embassy", "embassies", "consulate", "consulates", "mission", "legation"})


def body_abroad(m) -> bool:
    """An embassy, a consulate or a mission is a country's body in another one ("Chile is at a crossroads,
    the U.S. Embassy says"): no sign of the country of the story or of the persons around it."""
    return bool(_ABROAD_BODIES & set(fold(f"{m.actor} {m.surface}").split()))


def context_country(state: ArticleState, a: ActorState, countries: bool = False) -> str | None:
    """Guess a person's country from the government bodies and parties in their sentences.  A country
    merely named in the same sentence says little of whose the person is ("Vargas said Ruritania ..."):
    with ``countries`` such names count too, for the last resort after the article's own country."""
    doc = state.doc
    score = Counter()
    seen_sents = set()
    for m in a.mentions:
        sent = doc[m.start].sent
        if sent.start in seen_sents:  # each sentence counts once
            continue
        seen_sents.add(sent.start)
        for t in sent:
            mm = state.by_token.get(t.i)
            if mm is None or mm.actor == a.name or t.i != mm.start:
                continue
            if belongs_to_other_person(state, mm, a.name):
                continue  # "Sokol, Russia's ambassador": Russia describes Sokol, not this person
            head = doc[mm.end - 1]
            prep = head.head.lower_ if head.dep_ == "pobj" else ""
            if trip_destination(head):
                continue  # "a U.S. visit", "visited Kenya": where one goes is not one's country
            if mm.type == "organization" and mm.kind in ("body", "party") and not body_abroad(mm):
                c = state.actors.get(mm.actor).country if mm.actor in state.actors else None
                if c:
                    score[c] += 2  # the government bodies and parties around a person, not companies
            elif countries and mm.type == "country" and prep not in FOREIGN_PREPS | PLACE_PREPS:
                score[mm.actor] += 1
    if not score:
        return None
    (best, n), *rest = score.most_common(2) + [(None, 0)]
    if n >= 2 and n > rest[0][1]:
        return best
    return None
