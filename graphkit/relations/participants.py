"""From a slot's token to the actors it names.

A slot token stands for the actor span covering it, and for everything
coordinated with it ("A, B and C", "A, along with B"); a non-actor appositive
joins too.  A role phrase without a name resolves, in order, to the person in
apposition or leading it ("a delegation led by X"), the actors of its "of /
from / in / at" phrase ("officials in the Finance Ministry"), the named person
holding that role in the article ("the prime minister", "his Jordanian
counterpart" -> the one Jordanian counterpart named), else the country or
organization modifying it ("senior Kenyan officials" -> Kenya, "an OECD
mission" -> OECD).  Generic people ("bankers", "union figures")
name no one.  "The two countries" are the two countries named together just
before; "here" is the article's own country.

A verb (or a noun framed by a verb) in a slot written ``subject(node)`` stands
for the subject of its clause, found by climbing out of participles, relative,
adverbial and infinitive clauses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graphkit.actors.gazetteer import fold, load_gazetteer
from graphkit.actors.spans import phrase_actors
from graphkit.records import ACTOR_TYPES

from .forums import TOPIC_PREPS, body_that_meets, forum_extent, forum_name, is_topic, names_forum
from .lexicon import LEXICON
from .status import set_off_participle

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")  # "there is ...": a clause with a subject of its own
RELATIVE = ("who", "which", "that", "whom")
DESCRIBED_FORUMS = LEXICON["described_forums"]  # event nouns any description names ("a regional summit")
FORUM_DESCRIBERS = LEXICON["forum_describers"]  # words that make a conference one of governments
PRIVATE_DESCRIBERS = LEXICON["private_describers"]  # words that make a summit one of no governments
FORUM_NOUNS = LEXICON["describable_forum_nouns"]  # event nouns that may stand for a forum by description
EVENT_WORDS = LEXICON["forum_event_nouns"] | LEXICON["talk_nouns"]  # nouns that may name a forum
FORUM_NON_NAMES = LEXICON["forum_non_names"]  # words that say when, how big or how, not which
STATE_NOUNS = LEXICON["state_nouns"]  # "the country", "the nation"
PERSON_GROUPS = LEXICON["person_group_nouns"]  # "the two leaders", "both men"
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
REPORTING = LEXICON["reporting_verbs"]
ROLE_HEADS = LEXICON["role_heads"]
GENERIC = LEXICON["generic_people"]
GROUP_REFS = LEXICON["group_refs"]
GOVERNMENT_REFS = LEXICON["government_refs"]
COUNT_WORDS = LEXICON["count_words"]
CARRIERS = LEXICON["frame_carriers"]
FRAME_PREPS = LEXICON["frame_preps"] - {"on", "over", "from", "in"}
PLACE_ADVS = LEXICON["place_advs"]
PLACE_NOUNS = LEXICON["place_nouns"]
ROLE_FILLERS = LEXICON["role_fillers"]  # words of a role phrase that say nothing of the role
UNSPECIFIC_ROLES = LEXICON["unspecific_roles"]  # roles too common to pick one named person by
# nouns a country's demonym makes a body, not one of its persons ("the Ruritanian government")
NOT_ONE_PERSON = GOVERNMENT_REFS | LEXICON["delegation_nouns"] | frozenset({"side", "opposition", "military", "army"})


@dataclass(frozen=True)
class Participant:
    name: str
    type: str  # person | country | organization | forum | location
    country: str | None  # a person's or body's country; a place's country; a country itself
    place: str | None = None  # the place as written, when the mention is a place
    surface: str | None = None  # the mention as written
    guess: str | None = None  # a person's country guessed from the article (its own country, context)


def demonym_state(tok) -> Participant | None:
    """The state of a demonym joined to another by a hyphen, which the actor spans leave out ("a
    Ruritanian-Freedonian summit", "Ruritanian-Freedonian talks"); None for any other word."""
    doc = tok.doc
    if tok.pos_ not in ("ADJ", "PROPN") or not any(
            0 <= k < len(doc) and doc[k].text == "-" for k in (tok.i - 1, tok.i + 1)):
        return None
    gz, i = load_gazetteer(), tok.i
    # a two-word demonym on either side of the hyphen ("East Ruritanian-Freedonian", "Freedonian-East Ruritanian")
    for a, b in ((i - 1, i + 1), (i, i + 2), (i, i + 1)):
        if a < 0 or b > len(doc) or any(t.text == "-" for t in doc[a:b]):
            continue
        e = gz.lookup(doc[a:b].text)
        if e is not None and e.type == "country" and e.kind == "demonym":
            return Participant(e.canonical, "country", e.canonical, None, doc[a:b].text)
    return None


def role_nouns() -> frozenset[str]:
    gz = load_gazetteer()
    return ROLE_HEADS | frozenset(w for w in gz.role_nouns if " " not in w)


# --------------------------------------------------------------------------- clause subjects

def _frame_verb(tok, limit: int = 6):
    """The verb whose clause frames a noun ("said after a meeting with X" -> said), or the subject a
    framing phrase hangs on ("X, in a speech on the first day of a visit to Y, said" -> X)."""
    t, via_frame = tok, False
    for step in range(limit):
        if verbal(t):
            return t
        if step and t.dep_ in SUBJECTS and t.pos_ in ("PROPN", "NOUN"):
            return t
        if t.dep_ in ("pobj", "pcomp") and t.head.dep_ in ("prep", "agent"):
            # ("announced his decision in a phone call with Y": an occurrence the parser hung on the object;
            # not "interest in the talks")
            via_frame = via_frame or t.head.lower_ in FRAME_PREPS or (
                step == 0 and t.head.lower_ == "in" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children))
            t = t.head.head
        elif t.dep_ in ("prep", "advmod", "npadvmod", "appos", "acomp", "xcomp"):
            t = t.head
        elif t.dep_ in ("dobj", "attr", "oprd") and (t.head.lemma_.lower() in CARRIERS or via_frame):
            # "X held talks", "X made a visit"; "X announced plans shortly before talks with Y"
            t = t.head
        else:
            return None
        if t.dep_ == "ROOT" and not verbal(t):
            return None
    return None


def verbal(t) -> bool:
    """Is ``t`` a verb, or a word the tagger called a noun that heads a clause with a subject of its own
    ("The minister heads to X" tagged NOUN)?"""
    return t.pos_ in ("VERB", "AUX") or (t.dep_ == "ROOT" and t.pos_ == "NOUN" and t.tag_ == "NNS"
                                         and any(c.dep_ == "nsubj" for c in t.children))


def _then_now(first, second) -> bool:
    """"then-CIA chief and now Secretary of State X": two roles of one person, the first a former one."""
    return first.i < second.i and any(c.lower_ in ("then", "former") for c in first.children if c.dep_ == "advmod") \
        and any(t.lower_ in ("now", "current") for t in first.doc[first.i:second.left_edge.i + 1])


def _subjects_of(v) -> list:
    out = [c for c in v.children if c.dep_ in SUBJECTS]
    if len(out) == 2 and _then_now(out[0], out[1]):
        out = out[1:]  # "then-CIA chief and now Secretary of State X visited": one person, X
    # "Visiting Pakistani Prime Minister X met Y": the parser made "Visiting" the subject, X its object
    out = [o for c in out for o in ([d for d in c.children if d.dep_ == "dobj"] or [c]
                                    if c.dep_ == "csubj" and c.tag_ == "VBG" else [c])]
    if out:  # "X, along with Y, sat down": Y is a subject too
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("along", "together"):
                for w in c.children:
                    if w.lower_ == "with":
                        out.extend(p for p in w.children if p.dep_ == "pobj")
    return out


TOUR_INCLUDE = LEXICON["tour_include_verbs"]
OBJECT_CONTROL = LEXICON["object_control_for_verbs"]  # "thank X for doing": X does it
SENDING = LEXICON["sending_verbs"]  # "send X to do": X does it
URGING = LEXICON["urging_verbs"]  # "urged X to meet Y": X is the one to meet
# roles any named official may be described by ("Iran's negotiator", "the Ruritanian leader")
ANY_ROLE = frozenset({"official", "representative", "leader", "envoy", "negotiator", "delegate", "counterpart", "chief",
                      "head"})
COUNTERPARTS = frozenset({"counterpart", "opposite"})  # singular: "counterparts" are several sides
DASHES = ("-", "--", "\u2013", "\u2014")
INVITATIONS, ACCEPTING = LEXICON["invitation_nouns"], LEXICON["accepting_verbs"]
PLAN_NOUNS = LEXICON["plan_nouns"]  # "X's itinerary includes talks with Y": X's talks
EVENT_NOUNS = (LEXICON["tour_nouns"] | LEXICON["talk_nouns"]) - LEXICON["delegation_nouns"]  # "a mission" may be people


def clause_subject(tok, depth: int = 0) -> list:
    """The subject tokens of ``tok``'s clause (a noun: of the verb framing it).  A subject that is itself
    a trip or a meeting ("a trip that will begin with a visit to X", "the talks ended with a dinner")
    stands for whoever makes that trip or holds those talks."""
    found = (tok.pos_ == "NOUN" and tok.lemma_.lower() in EVENT_NOUNS and _owners_of_part(tok)) \
        or _clause_subject(tok, depth)
    if depth > 4 or not any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in EVENT_NOUNS | PLAN_NOUNS for t in found):
        return found
    out = []
    for t in found:
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in PLAN_NOUNS:
            out.extend(_event_owners(t) or [t])  # "X's itinerary includes meetings with Y": X's meetings
        elif t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in EVENT_NOUNS:
            owners = _event_owners(t) or _owners_of_part(t)
            out.extend(owners or clause_subject(t, depth + 1))
        else:
            out.append(t)
    return out


def _event_owners(event) -> list:
    """Who makes a trip or holds a meeting a noun names: its possessor or its by-agent ("X's trip", "a visit
    by X")."""
    return [c for c in event.children if c.dep_ == "poss"] + [
        q for c in event.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
        for q in c.children if q.dep_ == "pobj"]


def _owners_of_part(trip) -> list:
    """"officials prepared for X's visit as part of a trip that also included Y": the trip is the one the
    visit is part of, so its maker is the visit's (wherever the parser hung "as part of")."""
    of = trip.head
    if not (trip.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ == "part"):
        return []
    part = of.head
    for t in reversed(trip.doc[trip.sent.start:part.i]):
        if t.pos_ == "NOUN" and t.lemma_.lower() in EVENT_NOUNS and (owners := _event_owners(t)):
            return owners
    return []


def _included_in(tok) -> list:
    """"X's trip includes stops in A and B": the stops are the trip's, so its maker's."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in TOUR_INCLUDE:
        return [c for c in head.children if c.dep_ == "nsubj" and c.lemma_.lower() in EVENT_NOUNS | PLAN_NOUNS]
    return []


def _clause_subject(tok, depth: int = 0) -> list:
    if depth > 6:
        return []
    if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by")
                                            for c in tok.children):
        return []  # "X's trip", "a visit by X": the noun names its own agent
    v = tok if verbal(tok) else _frame_verb(tok)
    if v is None:
        return _included_in(tok)
    if not verbal(v):
        return [v]  # the subject the framing phrase hangs on
    if v.dep_ in ("xcomp", "acomp") and v.head.pos_ == "ADJ":  # "X is due (able, set) to visit"
        v = v.head.head if v.head.dep_ == "acomp" else v.head
    subs = _subjects_of(v)
    if subs and v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ in ("at", "in") \
            and all(t.i < v.i and t.pos_ == "PROPN" for t in subs):
        # "was pictured at State House shaking hands with X": the place the parser made the participle's
        # subject; the one shaking hands is the main clause's
        subs = []
    if v.dep_ == "relcl" and (not subs or subs[0].lower_ in RELATIVE):
        # "X is the first minister to visit Y": the copula's subject is the one who visits
        return (_predicated(v.head) if not subs and any(c.tag_ == "TO" for c in v.children) else []) or [v.head]
    if subs and _thing_reported_after_meeting(tok, v, subs):
        return clause_subject(v.head, depth + 1)
    if subs:
        return subs
    if v.dep_ == "acl" and v.head.lower_ in INVITATIONS and v.head.dep_ == "dobj" \
            and v.head.head.lemma_.lower() in ACCEPTING:
        return clause_subject(v.head.head, depth + 1)  # "X accepted an invitation to visit Y": X goes
    if v.dep_ == "acl" or v.dep_ == "appos" and v.tag_ == "VBG":
        # "officials attending the summit", "X and Y, meeting in Oslo, agreed": the participle's noun
        return _predicated(v.head) or [v.head]
    if (where := set_off_participle(v)) is not None:
        return _set_off_subject(v, where)
    for c in v.children:
        if c.dep_ == "agent":
            return [p for p in c.children if p.dep_ == "pobj"]
    if v.dep_ == "ccomp" and v.head.i > v.i and (by_order := _subject_by_order(v)):
        return by_order  # "After meeting Y, X, a minister, said ..., an aide said": not the aide
    if v.dep_ == "pcomp" and v.head.lower_ == "for" and v.head.head.lemma_.lower() in OBJECT_CONTROL:
        objs = [c for c in v.head.head.children if c.dep_ == "dobj"]
        if objs:
            return objs  # "thanked X for raising the issue with Y": X raised it
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in URGING and any(c.tag_ == "TO" for c in v.children):
        # "urged X to meet Y", "called on X to raise it during her talks": X is the one to do it
        urged = [c for c in v.head.children if c.dep_ == "dobj"] or [
            q for c in v.head.children if c.dep_ == "prep" and c.lower_ == "on" for q in c.children if q.dep_ == "pobj"]
        if urged:
            return urged
    if v.dep_ in ("advcl", "xcomp") and v.head.lemma_.lower() in SENDING and any(c.tag_ == "TO" for c in v.children):
        objs = [c for c in v.head.children if c.dep_ == "dobj"]
        if objs:
            return objs  # "X sent his ministers to Strelsau to meet Y": the ones sent meet Y, not X
    if v.dep_ == "conj" and (first := _interrupted_clause(v)) is not None:
        return clause_subject(first, depth + 1)
    if v.dep_ in ("advcl", "xcomp", "pcomp", "conj", "prep", "pobj", "ccomp", "acomp") and v.head.i != v.i:
        return clause_subject(v.head, depth + 1)
    if v.dep_ == "csubj" and v.tag_ == "VBG" and any(c.dep_ == "nsubj" for c in v.head.children):
        return clause_subject(v.head, depth + 1)  # "Addressing the council, X said": a participle adjunct
    return _subject_by_order(v)


def _interrupted_clause(v):
    """"X arrived on Monday, officials said, and will meet Y": an attribution set off inside a list of
    verbs, which the parse made the head of both; the verb after it shares the first verb's subject, not
    the attribution's.  The first verb (a clause reported before the attribution), or None."""
    said = v.head
    if said.lemma_.lower() not in REPORTING_VERBS or said.i > v.i:
        return None
    reporters = [c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")]
    reported = [c for c in said.children if c.dep_ == "ccomp" and c.i < said.i] or (
        [said.head] if said.dep_ == "parataxis" and said.head.i < said.i else [])
    if not reporters or not reported or reporters[0].i < reported[-1].i:
        return None
    doc = v.doc
    start = reporters[0].left_edge.i
    if start == 0 or doc[start - 1].text not in (",", "--", "\u2013", "\u2014"):
        return None  # (set off: "..., officials said, and ...")
    return reported[-1]


def demonstrative(noun) -> bool:
    """Does the noun carry "that / this / those / these" ("at that meeting")?"""
    return any(c.dep_ == "det" and c.lower_ in ("that", "this", "these", "those") for c in noun.children)


def headline(tok) -> bool:
    """Is ``tok`` in an article's headline: its first sentence, with no closing punctuation?"""
    sent = tok.sent
    return sent.start == 0 and not sent[-1].is_punct


REPORTING_VERBS = LEXICON["reporting_verbs"]
LEGISLATORS = LEXICON["legislator_nouns"]
OTHER_WORDS = LEXICON["other_event_words"]  # "a separate summit": not the one named
#: roles that serve a state, not a person ("his foreign minister" is his country's; "his spokesman" is his own)
STATE_ROLES = LEXICON["state_roles"]
PEOPLE_WORDS = LEXICON["person_group_nouns"] | LEXICON["delegation_nouns"] | frozenset(
    {"side", "government", "country", "nation", "state", "party", "administration"})
ADJUNCT_PREPS = frozenset({"after", "following", "during", "at"})


def _thing_reported_after_meeting(tok, v, subs) -> bool:
    """"X said a deal was possible after (following) a meeting with Y": the reported clause's subject is a
    thing, which meets no one; the one who met Y is the speaker."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ADJUNCT_PREPS and tok.pos_ == "NOUN" \
        and v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING_VERBS \
        and all(t.pos_ == "NOUN" and t.lemma_.lower() not in role_nouns() and t.lower_ not in PEOPLE_WORDS
                and t.lemma_.lower() not in PEOPLE_WORDS for t in subs)


def negated_conjunct(c) -> bool:
    """Is the conjunct ``c`` excluded by a "not" ("A, but not B", "A and not the B minister"), wherever the
    parser hung the negation in its phrase?"""
    doc = c.doc
    return any(t.lower_ == "not" for t in doc[c.left_edge.i:c.i]) or (
        c.left_edge.i > 0 and doc[c.left_edge.i - 1].lower_ == "not")


def _set_off_subject(v, where: str) -> list:
    """The subject of a participle set off by commas that the parse hung on the wrong word, by token order:
    the noun phrase right before the opening comma ("X and Y, meeting in Oslo, ..."), or for an opening
    participle the first noun phrase after its closing comma ("Meeting in Oslo, X and Y agreed") -- the
    one whose head lies back in the participle's phrase or on the main verb."""
    doc = v.doc
    if where == "inside":
        t = doc[v.i - 2] if v.i - 2 >= v.sent.start else None
        while t is not None and t.dep_ in ("conj", "appos") and t.head.i < t.i:
            t = t.head  # "A and B, meeting": the list's first member stands for the list
        return [t] if t is not None and t.pos_ in ("PROPN", "NOUN", "PRON") else []
    comma = next(t for t in doc[v.i + 1:v.sent.end] if t.text == ",")
    for t in doc[comma.i + 1:v.sent.end]:
        if t.pos_ in ("VERB", "AUX"):
            break
        if t.pos_ in ("PROPN", "NOUN", "PRON") and (t.head.i <= comma.i or t.head.pos_ in ("VERB", "AUX")) \
                and t.dep_ not in ("compound", "poss", "amod", "pobj", "npadvmod"):
            return [t]
    return []


def _predicated(noun) -> list:
    """"A and B are among the leaders attending X", "A is one of the ministers at X": the subject of the
    copula the noun (or "among / one of" it) is the predicate of; those are the leaders meant."""
    pred = noun
    if pred.dep_ == "pobj" and pred.head.lower_ in ("among", "of"):
        prep = pred.head
        pred = prep.head if prep.lower_ == "of" and prep.head.lower_ == "one" else prep
    if pred.dep_ not in ("attr", "prep") or pred.head.lemma_ != "be":
        return []
    return [c for c in pred.head.children if c.dep_ == "nsubj"]


def _subject_by_order(v) -> list:
    """A finite main verb the parse left without a subject ("After a trip to A and B, Minister X will fly
    to C" with X read as one more destination): the noun right before it, past its auxiliaries."""
    main = v.dep_ == "ROOT" or (v.dep_ == "ccomp" and v.head.i > v.i)  # (or reported by an attribution after it)
    if not main or v.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return []
    k = v.i - 1
    while k >= v.sent.start and (v.doc[k].dep_ in ("aux", "auxpass", "neg", "advmod") and v.doc[k].head.i == v.i
                                 or v.doc[k].text == ","):
        k -= 1
    t = v.doc[k] if k >= v.sent.start else None
    if t is not None and t.dep_ == "appos" and t.head.pos_ == "PROPN":
        t = t.head  # "..., X, Ruritania's minister, will fly": the name the description stands beside
    return [t] if t is not None and t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("conj", "appos", "compound") else []


# --------------------------------------------------------------------------- actors of a phrase

class Resolver:
    """Resolves slot tokens to participants within one Doc."""

    def __init__(self, doc, index):
        self.doc, self.index = doc, index
        self.roles = role_nouns()

    def participant(self, span) -> Participant | None:
        if span.label_ in ACTOR_TYPES:
            place = span.text if span._.stands_for == "place" else None
            if span._.kind == "pronoun":  # "they" holds spans of several persons: read each person's own
                named = next((s for s in self.index.named(span.id_) if s._.kind != "pronoun"), span)
                return Participant(span.id_, span.label_, named._.country, None, span.text, named._.guess)
            return Participant(span.id_, span.label_, span._.country, place, span.text, span._.guess)
        if span.label_ == "location":
            return Participant(span.id_, "location", span._.country, span.text, span.text)
        return None

    def forum_at(self, tok) -> list[Participant]:
        """The forum an event noun names: its actor span, the body that meets, or a name from the text
        (with a topic the parser hung on the verb: "attend a summit in X on the unrest in Y")."""
        span = self.index.at(tok.i)
        if span is not None:
            p = self.participant(span)
            return [p] if p is not None and p.type in ("forum", "organization") else []
        body = body_that_meets(self.index, tok)
        if body is not None:
            return [self.participant(body)]
        start, end = forum_extent(tok, self.index)
        name = forum_name(self.doc, start, end)
        named = names_forum(self.doc, start, end, self.index)
        if tok.dep_ == "dobj":
            topic = next((c for c in tok.head.rights if c.i > tok.i and c.dep_ == "prep" and c.lower_ in TOPIC_PREPS
                          and is_topic(c) and c.i - tok.right_edge.i <= 4), None)
            if topic is not None:
                name = f"{name} {self.doc[topic.i:topic.right_edge.i + 1].text}"
                end, named = max(end, start + 2), True
        if end - start < 2 or not named:
            # "the summit" where the article names one summit: that one; "a regional summit": named by the
            # words that describe it; "a meeting", "a two-day meeting": no name to give
            return self._forum_named_before(tok) or self._described_forum(tok)
        return [Participant(name, "forum", None)]

    def _forum_named_before(self, tok) -> list[Participant]:
        """The one forum of this kind ("summit", "conference") the article names before ``tok``."""
        head = fold(tok.lemma_)
        if any(c.lower_ in OTHER_WORDS for c in tok.children if c.dep_ in ("amod", "det")):
            return []  # "at a separate summit", "another summit": not the one named before
        if demonstrative(tok):
            return self.forum_just_named(tok)  # "at that meeting": the forum just named, whatever its word
        found = {s.id_: s for s in self.index.spans if s.label_ in ("forum", "organization") and s._.kind != "pronoun"
                 and s.start < tok.i and head.rstrip("s") in {fold(w).rstrip("s") for w in s.id_.split()}}
        if tok.lemma_.lower() not in FORUM_NOUNS:
            return []
        if len(found) == 1:
            return [self.participant(next(iter(found.values())))]
        if found:
            return []
        # "The Nordic summit opened ... leaders attended the summit": the summit a name modified before
        # (or a name of its own: "the Summit of the Americas ... will attend the summit instead")
        named = {p.name: p for t in tok.doc[tok.sent.start - min(tok.sent.start, 400):tok.i]
                 if fold(t.lemma_) == head and t.i < tok.sent.start and t.dep_ != "compound"
                 and (t.pos_ == "PROPN" and t.text[:1].isupper() and not headline(t) or any(
                     c.dep_ in ("compound", "nmod", "amod") and self.index.at(c.i) is not None
                     and self.index.at(c.i).label_ in ("forum", "organization") for c in t.children))
                 for p in self.forum_at(t) if p.type == "forum"}
        return list(named.values()) if len(named) == 1 else []

    def forum_just_named(self, tok) -> list[Participant]:
        """The last forum an event noun before ``tok`` names ("Strelsau hosted the X summit, and at that
        meeting ..."), within the sentence or the two before it."""
        sents = [s for s in tok.doc.sents if s.end <= tok.sent.start][-2:]
        start = sents[0].start if sents else tok.sent.start
        for t in reversed(tok.doc[start:tok.i]):
            if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in EVENT_WORDS and not demonstrative(t):
                # (a gathering with a name of its own the actors call an organization: "the World Economic Forum")
                found = [p for p in self.forum_at(t) if p.type == "forum" or p.type == "organization" and t.pos_ == "PROPN"]
                if found:
                    return found
        return []

    def _described_forum(self, tok) -> list[Participant]:
        """"A regional summit", "an Arab League-style conference": a forum named by its describing words."""
        if tok.lemma_.lower() not in FORUM_NOUNS:
            return []
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.is_alpha
                and c.lower_ not in FORUM_NON_NAMES and c.ent_type_ not in ("DATE", "TIME", "ORDINAL", "CARDINAL")]
        # a summit is of governments whatever describes it; a conference or a forum only when its words say
        # so ("a regional conference", not "a business conference")
        if not mods or (tok.lemma_.lower() not in DESCRIBED_FORUMS
                        and not any(m.lower_ in FORUM_DESCRIBERS for m in mods)):
            return []
        if any(m.lower_ in PRIVATE_DESCRIBERS for m in mods):
            return []  # "a business summit", "an investment conference": not of governments
        # (a hyphenated word whole: "a three-way summit", not "way summit")
        start = min(m.left_edge.i for m in mods)
        return [Participant(re.sub(r"\s*-\s*", "-", tok.doc[start:tok.i + 1].text.lower()), "forum", None)]

    def places_in(self, tok) -> list[Participant]:
        """Places a common noun is in or of ("Kenya's biggest shantytown", "an orphanage in Tanzania")."""
        out = []
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "nmod", "amod") or (c.dep_ == "prep" and c.lower_ in ("in", "of", "at")):
                for x in ([c] if c.dep_ != "prep" else [q for q in c.children if q.dep_ == "pobj"]):
                    s = self.index.at(x.i)
                    # "Kenya's biggest shantytown"; a demonym only before a place noun ("the Afghan capital")
                    if s is not None and s.label_ in ("country", "location") and (
                            s._.kind != "demonym" or tok.lemma_.lower() in PLACE_NOUNS):
                        out.append(self.participant(s))
        return out

    def members(self, tok) -> list[Participant]:
        """Everyone named in a "between / among" phrase, for parses that split its list; the persons when
        there are any (their titles' countries are not participants)."""
        found = self.actors(tok)
        if len(found) >= 2:
            return found
        prep = tok.head if tok.dep_ == "pobj" else tok
        end = prep.right_edge.i + 1
        if prep.lower_ in ("between", "among"):
            # the parser may cut "between A and B took place" after A (B read as the verb's subject): the list
            # runs on in token order up to the clause's verb
            k = end
            while k < prep.sent.end and not verbal(self.doc[k]) and self.doc[k].text not in (";", ":", "(", ")"):
                k += 1
            end = k
        # the actors the phrase lists, not the modifiers of its nouns ("two Philippine banks")
        spans = [s for s in self.index.in_range(prep.left_edge.i, prep.right_edge.i + 1) if s.label_ in ACTOR_TYPES
                 and self.doc[s.end - 1].dep_ not in ("amod", "compound", "nmod", "poss")]
        parts = [self.participant(s) for s in spans]
        persons = [p for p in parts if p.type == "person"]
        found = list(dict.fromkeys(persons or parts))
        if len(found) < 2 and end > prep.right_edge.i + 1:
            found = self._phrases_in(prep.i + 1, end) or found
        return found

    def _phrases_in(self, start: int, end: int) -> list[Participant]:
        """The sides the noun phrases of ``doc[start:end]`` name, each phrase read whole ("senior Kenyan
        officials" -> Kenya, "Kenyan Defence Minister X" -> X), for a list the parse does not hold together."""
        heads = []
        for s in self.index.in_range(start, end):
            h = self.doc[s.end - 1]
            while h.dep_ in ("amod", "compound", "nmod", "poss") and start <= h.head.i < end and h.head.i != h.i:
                h = h.head
            if h not in heads:
                heads.append(h)
        out = []
        for h in heads:
            out.extend(p for p in self._one(h, set()) if p.type != "location")
        return list(dict.fromkeys(out))

    def members_present(self, forum: Participant) -> list[Participant]:
        """The member states of a grouping of states that the article names, for a session of it whose
        sentence names no attendee ("a meeting of the Group of Seven was in progress"): each state by the
        first person of it the article names, else by the state itself; places ("talks in Rome") are no
        attendance.  Empty for a forum whose members the tables do not list."""
        members = load_gazetteer().members_of(forum.name)
        if not members:
            return []
        present: dict[str, Participant] = {}
        for s in self.index.spans:
            if s._.kind == "pronoun" or s._.stands_for == "place":
                continue
            if s.label_ == "person" and s._.country in members:
                if present.get(s._.country) is None or present[s._.country].type == "country":
                    present[s._.country] = self.participant(s)
            elif s.label_ == "country" and s.id_ in members:
                present.setdefault(s.id_, self.participant(s))
        return list(present.values())

    def conjuncts(self, tok) -> list:
        out, stack = [tok], [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                # "with Peruvian President A and Bolivian President B", "with the IMF and World Bank" parsed as
                # A modifying B: A is a conjunct
                if c.dep_ in ("nmod", "compound", "amod") and any(g.dep_ == "cc" for g in c.children) and \
                        (s := self.index.at(c.i)) is not None and s.label_ in ("person", "organization", "country") \
                        and s != self.index.at(t.i):
                    out.append(c)
                elif c.dep_ in ("nmod", "compound") and any(g.dep_ == "cc" for g in c.subtree):
                    # "U.S. President A and Russian President B met" parsed with the first title as a
                    # compound of B that holds A and the "and": the names inside it are conjuncts
                    own = self.index.at(t.i)
                    # (or the first name itself, hung on B's title with the "and": "Treasury Secretary A and
                    # White House adviser B")
                    out.extend(y for y in c.subtree if (y.dep_ in ("appos", "conj") or any(
                                   g.dep_ == "cc" and g.i > y.i for g in y.children))
                               and (s := self.index.at(y.i)) is not None and s.label_ == "person"
                               and s != own and y.i == s.end - 1)
                if c.dep_ == "conj" and negated_conjunct(c):
                    continue  # "A, but not B, will attend": B is left out
                if c.dep_ == "conj" or (c.dep_ == "appos" and self.index.at(c.i) is None and c.lower_ not in self.roles) \
                        or self._listed_person(t, c) or self._listed_name(t, c):
                    out.append(c)
                    stack.append(c)
                if c.dep_ == "prep" and c.lower_ in ("along", "together"):
                    for w in c.children:
                        if w.lower_ == "with":
                            for p in w.children:
                                if p.dep_ == "pobj":
                                    out.append(p)
                                    stack.append(p)
        return sorted(out, key=lambda t: t.i)

    def _listed_name(self, t, c) -> bool:
        """"countries - A, B, C and D" parsed with B an apposition of A: a state (a body, a forum) is no
        description of another, so a name in apposition to a different name of its kind is one more in the list."""
        if c.dep_ != "appos" or c.i < t.i:
            return False
        mine, theirs = self.index.at(t.i), self.index.at(c.i)
        return mine is not None and theirs is not None and mine.label_ == theirs.label_ \
            and mine.label_ in ("country", "organization", "forum") and mine.id_ != theirs.id_

    def _holder_after(self, span):
        """The person named right after an organization and a role noun ("ORG (ABBR) head NAME"), or None."""
        doc, k = self.doc, span.end
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
            k += 3  # "ORG (ABBR) head NAME"
        elif k < len(doc) and doc[k].text == ")":
            k += 1  # the abbreviation itself: "exchange (ABBR) head NAME"
        if k + 1 >= len(doc) or (doc[k].lower_ not in self.roles and fold(doc[k].lemma_) not in self.roles):
            return None
        person = self.index.at(k + 1)
        return person if person is not None and person.label_ == "person" else None

    def _listed_person(self, t, c) -> bool:
        """"A of X, B of Y and C of Z met": the parser makes B an apposition of A; one person is not
        another person's apposition, so B (and C after it) are listed beside A."""
        # a list goes on with "and" ("..., Y told reporters" after a name is that person speaking), save in
        # a headline, where a comma is the "and" ("A, B to meet in Oslo")
        if c.dep_ != "appos" or not (any(g.dep_ in ("cc", "conj") for g in c.children) or headline(c)):
            return False
        a, b = self.index.at(t.i), self.index.at(c.i)
        if a is not None and b is not None:
            return a.label_ == b.label_ == "person" and a.id_ != b.id_
        # "met Spain's trade minister, the Korean trade minister and the IMF": the parser reads a list of
        # role phrases as an apposition with a conjunct; sides that name different actors are listed
        return self._side_key(t) is not None and self._side_key(c) is not None \
            and self._side_key(t) != self._side_key(c)

    def _side_key(self, tok):
        """The actor a role phrase or name is attached to, for telling list members from descriptions."""
        s = self.index.at(tok.i)
        if s is not None:
            return s.id_
        if tok.lower_ not in self.roles and fold(tok.lemma_) not in self.roles and tok.lemma_.lower() not in PLACE_NOUNS:
            return None  # (a role, or a place named by its country: "the Canadian capital, Italy and Japan")
        mods = [self.index.at(c.i) for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        ids = sorted({m.id_ for m in mods if m is not None})
        return tuple(ids) if ids else None

    def actors(self, tok, seen: set | None = None) -> list[Participant]:
        """The participants a phrase headed by ``tok`` names, conjuncts included."""
        seen = set() if seen is None else seen
        out: list[Participant] = []
        conj = self.conjuncts(tok)
        if len(conj) == 2 and _then_now(conj[0], conj[1]):
            conj = conj[1:]  # "then-CIA chief and now-Secretary of State X": one person, X
        for x in conj:
            if x.i in seen:
                continue
            seen.add(x.i)
            # "Russian and Turkish foreign ministers, Vesel and Aydin": the names, not the demonyms
            # (a singular role beside a name in a list is a side of its own: "met Ruritania's minister and
            # X")
            # the names a role is given in apposition ("ministers, A and B"), not the sides listed beside it
            # ("senior officials and Minister A")
            named = any((s := self.index.at(y.i)) is not None and s.label_ == "person"
                        for c in x.children if c.dep_ == "appos" and not self._listed_person(x, c)
                        for y in (c.subtree if x.tag_.endswith("S") else [c]))
            out.extend(self._one(x, seen, names_only=named))
        return list(dict.fromkeys(out))

    def _one(self, x, seen, names_only=False) -> list[Participant]:
        span = self.index.at(x.i)
        if span is not None and span.label_ == "organization" and (person := self._holder_after(span)) is not None:
            span = person  # "with Oslo bourse (OSE) head Per Lund": the parser took "head" for a verb
        if span is not None and span._.kind == "party" and x.tag_ in ("NNPS", "NNS") and span.end - 1 == x.i:
            return []  # "met Senate Republicans": members of a party, a generic group, not the party as a side
        if span is not None:
            spans = self.index.all_at(x.i) if span._.kind == "pronoun" else [span]
            return [p for p in (self.participant(s) for s in spans) if p is not None]
        low = x.lower_
        if x.tag_ in ("WP", "WDT") and x.dep_ in ("dobj", "pobj", "dative") and x.head.dep_ == "relcl" \
                and x.head.head.i not in seen:
            return self.actors(x.head.head, seen)  # "Y, whom X met": Y
        if x.tag_ == "WP" and x.dep_ == "pobj" and x.head.dep_ == "prep" and x.head.head.dep_ == "relcl" \
                and x.head.i < x.head.head.i and x.head.head.head.i not in seen:
            return self.actors(x.head.head.head, seen)  # "Y, with whom X was scheduled to meet": Y
        if low in SUBJECT_PRONOUNS and x.dep_ in SUBJECTS:
            return self._reporter(x, seen)
        if low == "their" and x.dep_ == "poss" and (sides := self._their_sides(x, seen)):
            return sides
        if low in PLACE_ADVS and self.doc._.home_country:
            return [Participant(self.doc._.home_country, "country", self.doc._.home_country, None)]
        if low in STATE_NOUNS and self._bare_definite(x):
            return self._last_country(x)  # "a visit to the country": the country just named
        if low in ("latter", "former") and any(c.lower_ == "the" for c in x.children):
            return self._former_latter(x)
        if low in ("sides", "parties") and (found := self._sides(x)):
            return found  # "A met B. During the meeting, the two sides discussed ...": A and B, as they were named
        if low in GROUP_REFS and (found := self._group(x)):
            return found  # (else the names it is given: "its neighbours Peru and Bolivia")
        if (low in PERSON_GROUPS or (low in COUNT_WORDS and x.dep_ in SUBJECTS)) and (
                found := self._person_group(x)):
            return found
        if x.lemma_.lower() in PLACE_NOUNS:
            # "the Kenyan capital", "Ruritania's second city": a place in that country (where, or visited)
            return [Participant(p.country or p.name, "location", p.country or p.name,
                                self.doc[x.left_edge.i:x.i + 1].text, self.doc[x.left_edge.i:x.i + 1].text)
                    for p in self.places_in(x) if p is not None and (p.country or p.type == "country")]
        # "the largest Dutch telephone company Norcom": the name in apposition; "trade ministers A, B and C":
        # every name in apposition
        named = [c for c in x.children if c.dep_ == "appos" and (s := self.index.at(c.i)) is not None
                 and s.label_ in ACTOR_TYPES and not self._listed_person(x, c)]
        if not named and x.tag_ == "NNS" and low in self.roles:
            # "X's envoys to Ghana, A and B, met": the names the parser made conjuncts of the role's place
            named = [q for c in x.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
                     for q in p.children if q.dep_ == "conj" and q.i > p.i and (s := self.index.at(q.i)) is not None
                     and s.label_ == "person" and (sp := self.index.at(p.i)) is not None and sp.label_ != "person"
                     and x.doc[p.i + 1].text == ","]
            if named:
                return [pp for q in named for pp in self.actors(q, {p.i for c in x.children for p in c.children})]
        if named:
            # "officials in the Finance Ministry, the Trade Ministry ...": the parser may hang the first
            # of the list on the verb and the rest on the role noun
            first = self._verb_attached_body(x, seen) if x.dep_ == "dobj" and low in self.roles else []
            return list(dict.fromkeys(first + [p for c in named for p in self.actors(c, seen)]))
        if x.tag_ == "NNS" and low in self.roles and (listed := self._dash_list(x)):
            return listed  # "opposition leaders - Sen. A, Rep. B and Sen. C -": the names between the dashes
        if (state := demonym_state(x)) is not None:
            return [state]  # "a Ruritanian-Freedonian summit": each demonym of the pair (no actor span on it)
        if low not in self.roles and fold(x.lemma_) not in self.roles:
            return []
        return self._role_phrase(x, seen, names_only)

    def _former_latter(self, x) -> list[Participant]:
        """"the latter", "the former": the second or the first of the last two persons named before, in the
        sentence or the one before it."""
        sents = [s for s in x.doc.sents if s.end <= x.sent.start][-1:]
        start = sents[0].start if sents else x.sent.start
        names = list(dict.fromkeys(s.id_ for s in self.index.in_range(start, x.i)
                                   if s.label_ == "person" and s._.kind != "pronoun"))
        if len(names) < 2:
            return []
        name = names[-1] if x.lower_ == "latter" else names[-2]
        return [self.participant(self.index.named(name)[0])]

    def _dash_list(self, x) -> list[Participant]:
        """The persons named between a dash right after a plural role noun and the next dash or the end of the
        sentence, however the parser hung them ("met leaders - Sen. A, Rep. B and Sen. C - in Ottawa")."""
        doc = x.doc
        if x.i + 1 >= x.sent.end or doc[x.i + 1].text not in DASHES:
            return []
        end = next((k for k in range(x.i + 2, x.sent.end) if doc[k].text in DASHES), x.sent.end)
        spans = [s for s in self.index.in_range(x.i + 2, end) if s.label_ == "person" and s._.kind != "pronoun"]
        return [p for p in (self.participant(s) for s in spans) if p is not None]

    def _their_sides(self, pron, seen) -> list[Participant]:
        """"X raised the issue with Y during their meeting": "their" is the clause's subject and the one it
        did something with (a meeting noun in a phrase framing the verb)."""
        noun = pron.head
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or not verbal(noun.head.head):
            return []
        verb = noun.head.head
        withs = [q for h in [verb] + [c for c in verb.children if c.dep_ in ("dobj", "attr")]
                 for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                 for q in c.children if q.dep_ == "pobj"]
        if not withs:
            # "X told Y during their talks that ...": whom the subject told (a person, not what was said)
            withs = [c for c in verb.children if c.dep_ in ("dobj", "dative")
                     and (s := self.index.at(c.i)) is not None and s.label_ == "person"]
        if not withs:
            return []
        out = [p for t in clause_subject(verb) for p in self.actors(t, seen)]
        out += [p for q in withs for p in self.actors(q, seen)]
        return list(dict.fromkeys(p for p in out if p.type != "location"))

    def _reporter(self, pron, seen) -> list[Participant]:
        """"X said he (it, they) met Y": a subject pronoun the article's coreference left open, in a clause
        reported by a verb of saying, stands for the one who says it (when the number agrees)."""
        verb = pron.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        saying = verb.head
        if verb.dep_ != "ccomp" or saying.pos_ != "VERB" or saying.lemma_.lower() not in REPORTING \
                or saying.i > pron.i:
            return []  # "he will meet Y, an aide said": the aide reports on someone else
        out = []
        for subj in (c for c in saying.children if c.dep_ == "nsubj"):
            if subj.lower_ in SUBJECT_PRONOUNS or subj.i in seen or subj.i > pron.i:
                continue
            plural = subj.tag_.endswith("S") or any(c.dep_ == "conj" for c in subj.children)
            if (pron.lower_ in ("they", "we")) != plural and not (pron.lower_ == "we" and not plural):
                continue
            if pron.lower_ == "it" and (s := self.index.at(subj.i)) is not None and s.label_ == "person":
                continue
            out.extend(self.actors(subj, seen))
        return out

    def _group(self, x) -> list[Participant]:
        """"The two countries": the countries coordinated in the sentence before (or this one)."""
        n = next((COUNT_WORDS[c.lower_] for c in x.children if c.lower_ in COUNT_WORDS), None)
        if not n:
            return []
        sent = x.sent
        prev = self.doc[sent.start - 1].sent if sent.start > 0 else None
        for s in (sent, prev):
            if s is None:
                continue
            for group in self._country_groups(s, before=x.i):
                if len(group) == n:
                    return list(group)
        return []

    @staticmethod
    def _bare_definite(x) -> bool:
        kids = list(x.children)
        return any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and not any(
            c.dep_ in ("amod", "compound", "poss", "nmod", "prep", "acl", "relcl", "nummod") for c in kids)

    def _last_country(self, x) -> list[Participant]:
        """The country named last before ``x`` in its sentence or the one before (none if two are named
        side by side there: no telling which)."""
        sent = x.sent
        lo = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        spans = [s for s in self.index.in_range(lo, x.i) if s.label_ == "country" and s._.stands_for != "place"
                 and s._.kind != "pronoun"]
        if not spans:
            return []
        last = spans[-1]
        head = self.doc[last.end - 1]
        if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
            return []
        return [Participant(last.id_, "location", last.id_, last.text, last.text)]

    def _person_group(self, x) -> list[Participant]:
        """"The two leaders", "both men", "the two": the persons named together just before (coordinated,
        or the only ones of the sentence before), when their number is the one said."""
        n = COUNT_WORDS.get(x.lower_) or next((COUNT_WORDS[c.lower_] for c in x.children if c.lower_ in COUNT_WORDS), None)
        if not n:
            return []
        sent = x.sent
        sents = [sent]
        k = sent.start
        while k > 0 and len(sents) < 3:
            sents.append(self.doc[k - 1].sent)
            k = sents[-1].start
        for s in sents:
            persons = [p for p in self.index.in_range(s.start, min(s.end, x.i)) if p.label_ == "person"]
            for p in persons:  # coordinated: "A and B"
                head = self.doc[p.end - 1]
                group = [p] + [self.index.at(c.i) for c in head.conjuncts if c.i > head.i and self.index.at(c.i) is not None
                               and self.index.at(c.i).label_ == "person"]
                names = list(dict.fromkeys(g.id_ for g in group))
                if len(names) == n:
                    return [self.participant(next(g for g in group if g.id_ == name)) for name in names]
            names = list(dict.fromkeys(p.id_ for p in persons))
            if s is not sent and len(names) == n:
                return [self.participant(next(p for p in persons if p.id_ == name)) for name in names]
            if names and s is not sent:
                return []  # the sentence before names other people: no telling which
        return []

    def _sides(self, x) -> list[Participant]:
        """"The two sides": the nearest sentence (this one, or up to two before) naming that many persons or
        coordinated countries gives them, persons first (the sides as the text named them)."""
        n = next((COUNT_WORDS[c.lower_] for c in x.children if c.lower_ in COUNT_WORDS), None)
        if not n:
            return []
        sents, k = [x.sent], x.sent.start
        while k > 0 and len(sents) < 3:
            sents.append(self.doc[k - 1].sent)
            k = sents[-1].start
        for s in sents:
            persons = [p for p in self.index.in_range(s.start, min(s.end, x.i)) if p.label_ == "person"]
            names = list(dict.fromkeys(p.id_ for p in persons))
            if len(names) == n:
                return [self.participant(next(p for p in persons if p.id_ == name)) for name in names]
            group = next((g for g in self._country_groups(s, before=x.i) if len(g) == n), None)
            if group:
                return list(group)
            if names:
                return []  # other persons named nearer: no telling which
        return []

    def _country_groups(self, sent, before: int):
        spans = [s for s in self.index.in_range(sent.start, min(sent.end, before)) if s.label_ == "country"]
        for s in spans:
            head = self.doc[s.end - 1]
            if head.dep_ == "conj":
                continue
            group = [self.participant(s)]
            for c in head.conjuncts:
                cs = self.index.at(c.i)
                if cs is not None and cs.label_ == "country" and all(g.name != cs.id_ for g in group):
                    group.append(self.participant(cs))
            if len(group) > 1:
                yield tuple(group)
        names = list(dict.fromkeys(s.id_ for s in spans))
        if len(names) >= 2:
            yield tuple(self.participant(next(s for s in spans if s.id_ == n)) for n in names)

    def _role_phrase(self, x, seen, names_only) -> list[Participant]:
        index = self.index
        if x.lower_ in GOVERNMENT_REFS:  # "the regime of Syrian President X": X's country
            for c in x.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for q in c.children:
                        for p in self.actors(q, seen):
                            if p.type == "country" or (p.type == "person" and p.country):
                                return [Participant(p.country or p.name, "country", p.country or p.name)]
        for c in x.children:
            if c.dep_ == "appos" and (s := index.at(c.i)) is not None and s.label_ == "person" \
                    and not self._listed_person(x, c):
                return self.actors(c, seen)
            if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head"):  # "a delegation led by X"
                for a in c.children:
                    if a.dep_ == "agent":
                        led = [p for q in a.children if q.dep_ == "pobj" for p in self.actors(q, seen)
                               if p.type == "person"]
                        if led:
                            return led
        if fold(x.lemma_) in LEXICON["delegation_nouns"] and (led := self._leader_named(x)):
            return led  # "a delegation ... met Y. The delegation, led by X, praised ...": X is the side
        persons = [index.at(c.i) for c in x.children
                   if c.dep_ in ("compound", "flat") and index.at(c.i) is not None and index.at(c.i).label_ == "person"]
        if not persons:
            persons = [s for s in (self._name_after(x),) if s is not None]
        if not persons and not x.tag_.endswith("S") and any(c.dep_ == "prep" and c.lower_ == "of" for c in x.children):
            # "Speaker of the National Assembly of Pakistan A met ...": the title's of-phrase ends in its holder
            persons = [sp for sp in index.in_range(x.i + 1, x.right_edge.i + 1) if sp.label_ == "person"
                       and sp._.kind != "pronoun" and sp.end - 1 == x.right_edge.i]
        if persons:
            return [self.participant(s) for s in persons]
        out = []
        # "officials at the Treasury": whose officials; "congressional leaders at the White House": a word
        # already says whose, and "at" is where
        preps = [c for c in x.children if c.dep_ == "prep" and c.lower_ in (
            ("from", "of") if self._affiliated(x) else ("from", "of", "in", "at"))]
        for c in x.children:  # "a delegation composed of ..."
            if c.dep_ == "acl":
                preps.extend(cc for cc in c.children if cc.dep_ == "prep" and cc.lower_ in ("from", "of"))
        for c in preps:
            for q in c.children:
                if q.dep_ == "pobj":
                    out.extend(p for p in self.actors(q, seen) if p.type != "location")
        if not preps and x.dep_ == "dobj":
            out.extend(self._verb_attached_body(x, seen))
        if out or names_only:
            return out
        mods = []
        for c in x.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < x.i:
                for cc in self.conjuncts(c):
                    s = index.at(cc.i)
                    if s is not None and s.label_ in ACTOR_TYPES and s not in mods:
                        mods.append(s)
        role_words = {fold(c.text) for c in x.subtree if c.i <= x.i and index.at(c.i) is None
                      and c.lower_ not in ROLE_FILLERS and c.is_alpha}
        role_words = {w[:-1] if w.endswith("s") and w[:-1] in self.roles else w for w in role_words}
        specific = role_words - UNSPECIFIC_ROLES
        if not mods:
            # "the prime minister", "the chancellor": the one person holding that role here
            if specific and x.lower_ not in GENERIC and not x.tag_.endswith("S"):
                name = index.person_with_role(specific)
                if name and self._named_before(name, x):
                    return [self.participant(index.named(name)[0])]
            return []
        out = []
        bodies = {s._.country for s in mods if s.label_ == "organization" and s._.country}
        for s in mods:
            if s.label_ == "person":
                # "Dalton's spokesman": the possessor is not the participant; "his foreign minister", "X's
                # envoy": a minister of the state the possessor leads stands for that state
                if s._.country and role_words & STATE_ROLES and len(mods) == 1 and not x.tag_.endswith("S") \
                        and (e := load_gazetteer().lookup(s._.country)) is not None and e.type == "country":
                    out.append(Participant(s._.country, "country", s._.country))
                continue
            if s.label_ == "country" and s.id_ in bodies:
                continue  # "U.S. Congressional aides": the body, not its country besides
            if s.label_ == "country" and (x.lower_ in GENERIC or any(
                    c.dep_ in ("compound", "amod") and c.lower_ in PRIVATE_DESCRIBERS for c in x.children)):
                continue  # "Japanese banks", "the country's creditors", "Kenyan business leaders" are not the country
            if len(mods) == 1 and s.label_ in ("country", "organization") and specific:
                name = index.person_with_role(specific, s.id_)
                if name and self._named_before(name, x):
                    out.append(self.participant(index.named(name)[0]))
                    continue
            if s.label_ == "country" and [m.label_ for m in mods].count("country") == 1 \
                    and (one := self._one_person_of(s.id_, x)) is not None:
                out.append(self.participant(one))  # "his Ruritanian counterpart", whom the article names
                continue
            if len(mods) == 1 and s.label_ == "country" and (last := self._last_person_of(s.id_, x)) is not None:
                out.append(self.participant(last))  # "the Ukrainian leader": the Ukrainian just named
                continue
            out.append(self.participant(s))
        return [p for p in out if p is not None]

    def _last_person_of(self, country: str, x):
        """The person of ``country`` named last before a definite singular description of one ("the
        Ruritanian leader", "the Ruritanian envoy"), or None (an indefinite or plural role is a side of its
        own: "a Ruritanian official", "Ruritanian ministers")."""
        if x.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in x.children) \
                or x.lower_ in GENERIC or x.lower_ in NOT_ONE_PERSON:
            return None  # ("the Ruritanian government", "the Ruritanian side": a body, not its last person)
        found = [s for s in self.index.spans if s.label_ == "person" and s._.kind != "pronoun"
                 and s._.country == country and s.end <= x.left_edge.i]
        return found[-1] if found else None

    def _leader_named(self, x) -> list[Participant]:
        """The one person the article says leads a delegation (team, mission) of the same word: "The
        delegation, led by X, ...", "the team is headed by X", "X, who leads the delegation", "X led the
        delegation"; or none (none said, or several delegations led)."""
        word = fold(x.lemma_)
        found = {}
        for t in x.doc:
            if fold(t.lemma_) not in ("lead", "head") or t.pos_ not in ("VERB", "AUX"):
                continue
            kept = (t.dep_ == "acl" and fold(t.head.lemma_) == word) or any(
                c.dep_ in ("nsubjpass", "dobj") and fold(c.lemma_) == word for c in t.children)
            if not kept:
                continue
            by = [q for c in t.children if c.dep_ == "agent" for q in c.children if q.dep_ == "pobj"]
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ in RELATIVE and t.dep_ == "relcl":
                subj = [t.head]  # "X, who leads the delegation"
            for q in by or subj:
                # (or the name in apposition to a role: "led by the permanent secretary of X's ministry, Y")
                for y in [q] + [c for c in q.subtree if c.dep_ == "appos"]:
                    s = self.index.at(y.i)
                    if s is not None and s.label_ == "person" and s._.kind != "pronoun":
                        found.setdefault(s.id_, s)
                        break
        if len(found) != 1:
            return []
        leader = next(iter(found.values()))
        countries = {self.index.at(c.i).id_ for c in x.children if c.dep_ in ("amod", "compound", "nmod", "poss")
                     and self.index.at(c.i) is not None and self.index.at(c.i).label_ == "country"}
        if countries and leader._.country and leader._.country not in countries:
            return []  # "the Chilean delegation" is not led by the Kenyan named
        return [self.participant(leader)]

    def _one_person_of(self, country: str, x):
        """The person a definite singular role of a country stands for ("his Chinese counterpart", "Iran's
        chief negotiator", "the Ruritanian leader") when the article names just one person of that country,
        before or after, in a role that fits ("held talks with his Chinese counterpart ... Chinese Foreign
        Minister X said"), or None: with none named, or several, the side is the country."""
        if x.tag_ not in ("NN", "NNP") or x.lower_ in GENERIC or x.lower_ in NOT_ONE_PERSON \
                or not (headline(x) or any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in x.children)):
            return None  # ("a Ruritanian official" is one of many; "the Ruritanian side" a body; a headline drops
            # its articles: "Ruritanian minister meets ...")
        found = {s.id_: s for s in self.index.spans if s.label_ == "person" and s._.kind != "pronoun"
                 and s._.country == country}
        if len(found) > 1:  # several: the one holding the role of the person whose counterpart it is
            held = [s for s in phrase_actors(x.doc, x, self.index) if s.label_ == "person"]
            return held[0] if len(held) == 1 else None
        if not found:
            return None
        one = next(iter(found.values()))
        owners = [self.index.at(c.i) for c in x.children if c.dep_ == "poss" and self.index.at(c.i) is not None]
        theirs = self._role_heads(one.id_)
        if x.lower_ not in COUNTERPARTS:  # "Iran's chief negotiator", "the Ruritanian leader": that role's holder
            mine = {fold(c.lemma_) for c in x.subtree if c.i <= x.i} & self.roles - ANY_ROLE
            return None if mine and theirs and not mine & theirs else one
        mine = self._role_heads(owners[0].id_) if owners else set()
        # "the Chilean foreign minister ... his Russian counterpart ... Russian President X": not X
        return None if mine and theirs and not mine & theirs else one

    def _role_heads(self, name: str) -> set:
        """The role words ("minister", "president") of the roles the article gives a person."""
        return {fold(w) for s in self.index.named(name) for r in s._.roles
                for w in r.replace(".", "").replace("-", " ").split()} & self.roles

    def _named_before(self, name: str, x) -> bool:
        """A description stands for a person the article named before it ("the president" after "President
        X"), not for one named later in its own sentence ("the president met President Y")."""
        starts = [s.start for s in self.index.named(name) if s._.kind != "pronoun"]
        # (or named right after the title, which the parser cut from its name; a headline's description is
        # of a person its story names: "Ruritanian premier meets ..." over "Premier X met ...")
        return any(k < x.i or 0 < k - x.i <= 2 for k in starts) or (headline(x) and bool(starts))

    def _verb_attached_body(self, x, seen) -> list[Participant]:
        """"will meet officials in the Finance Ministry": the parser often hangs the "in / at / from" phrase
        on the verb; right after the role noun, an organization there is still whose officials they are
        (a place is not: "met officials in Lima" is where)."""
        out = []
        if fold(x.lemma_) in LEGISLATORS or x.lower_ in LEGISLATORS:
            return out  # "met lawmakers at the White House": members of a legislature, wherever they met
        # ("met congressional leaders at the White House": leaders a word already places; "at" is where)
        for c in x.head.children:
            if c.dep_ == "prep" and c.lower_ in (("from", "in") if self._affiliated(x) else ("from", "in", "at")) \
                    and c.i == x.i + 1:
                for q in c.children:
                    if q.dep_ == "pobj":
                        out.extend(p for p in self.actors(q, seen) if p.type == "organization")
        return out

    @staticmethod
    def _affiliated(x) -> bool:
        """Does a modifier of the role noun say whose it is ("congressional leaders", "Ruritanian
        officials", "the bank's directors"), beyond its rank ("senior officials", "top aides")?"""
        return any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.lower_ not in ROLE_FILLERS
                   and c.pos_ in ("ADJ", "PROPN", "NOUN") for c in x.children)

    def _name_after(self, x):
        """A person named right after a role noun: "Minister for Arab Affairs Reza Nasab", "..., Pavel Belyak,"."""
        doc, index = self.doc, self.index
        sent = x.sent
        for k in range(x.i + 1, min(sent.end, x.i + 30)):
            t = doc[k]
            if t.pos_ in ("VERB", "AUX") or t.text in (";", ":", "(", ")"):
                return None
            s = index.at(k)
            if s is None:
                continue
            if s.label_ != "person":
                if t.text == "," or s.label_ not in ("country", "organization", "location"):
                    return None
                continue
            if s.end < len(doc) and doc[s.end].text in ("'s", "’s"):
                return None
            between = doc[x.i + 1:s.start]
            if any(b.dep_ == "cc" and b.head.i == x.i for b in between):
                return None  # "officials and Minister X": X is another side, not the officials' name
            if not any(b.text == "," for b in between):
                # the name closes the title ("Minister for Arab Affairs Reza Nasab"), inside its phrase, or
                # follows it at once however the parser hung it ("Senate leader Anna Berg")
                inside = x.left_edge.i <= s.start and s.end - 1 <= x.right_edge.i
                return s if inside or s.start == x.i + 1 else None
            before_comma = doc[s.start - 1].text == ","
            after = s.end >= sent.end or doc[s.end].is_punct
            # (not a clause's subject: "After talks with senior officials, X, a minister, said")
            return s if before_comma and after and s.root.dep_ not in ("nsubj", "nsubjpass") else None
        return None
