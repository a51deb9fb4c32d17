"""Meeting frames from a trigger lexicon and one shared set of linking rules.

A frame (``data/frames.json``) is a list of trigger verbs and nouns of one kind
(meet, talks, visit, call, attend) and the role each argument position fills.
The linking rules below are the same for every frame, so a new trigger word is
found in every construction at once and a new rule serves every trigger:

* **who**: a verb's subject, climbing out of participles, relative, adverbial
  and infinitive clauses and coordinated verbs (`clause_subject`); a passive
  verb's by-agent.  A noun's possessor ("her meeting with X"), its by-agent ("a
  visit by X"), else the subject of the clause that carries it ("X held talks
  with Y", "X set off on a trip to Z", "X said after a meeting with Y").
* **the other sides**: a verb's object (``dobj``, and ``oprd`` / ``dative``
  where the parser reads one); the frame's prepositions ("with", "between",
  "to", "of", "from") on the trigger, on the light verb that carries a noun
  trigger ("held talks on trade with Y") and on that verb's object.
* **lists**: coordination and "including" lists on any argument ("a trip to
  Asia, including A, B and C"; "met senators, including Y"): the listed actors
  are the sides; the group or region that heads the list is not.
* **forums**: "on the sidelines (margins) of X" names a forum every side of the
  frame attends; "was present at X" (adjectives trigger like verbs); "a meeting
  was attended by A, B and C" is a meeting of A, B and C.
* **sides inside the noun phrase**: "a scheduled Strelsau visit", "a
  Ruritanian-Freedonian summit", "the arrival of X for talks with Y", "the visit,
  her first to X", a visit naming no destination under a dateline.
* **by token order, where the parse fails** (the issue's robustness rule): an
  opening adjunct ("After meeting X, Y, a minister, said"; "Welcoming X to Oslo,
  Y said" with the participle tagged a name) takes the fronted clause's subject
  and re-attaches it where the parser hung it inside the adjunct; a list broken
  off its first member goes on to its "and"; a preposition with no object takes
  the noun phrase after it; a weekday the parser made the head of a place; a
  verb tagged a noun or an adjective; a talks noun after "on" / "about" is a
  topic, not an event.  Link ids end in ``-fronted`` where the agent came from
  the token order.

`link_frames` returns, per trigger, the tokens of each role as a
:class:`Link`; `graphkit.relations.meetings` resolves the tokens to actors and
turns links into meetings with the same status, pairing, place and date rules as
the pattern matches.

>>> from graphkit.nlp import load_model
>>> doc = load_model()("Anna Berg phoned Karl Holm on Tuesday to discuss the budget.")
>>> [(l.frame, l.rule, [doc[i].text for i in l.roles["partner"]]) for l in link_frames(doc)]
[('call', 'verb', ['Holm'])]
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources

from graphkit.records import ACTOR_TYPES, MEETING_KINDS

from graphkit.actors.spans import actor_index

from .lexicon import LEXICON
from .participants import DASHES, demonstrative, demonym_state, headline, negated_conjunct, role_nouns, verbal

ROLES = ("partner", "host", "forum", "members")
SETTING_FORUMS = LEXICON["describable_forum_nouns"]  # nouns that name a gathering a meeting may be held at
FORUM_WORDS = LEXICON["forum_event_nouns"] | LEXICON["talk_nouns"] | LEXICON["forum_org_heads"]
FORUM_EVENTS = LEXICON["forum_event_nouns"] | LEXICON["talk_nouns"]
_FRAME_KEYS = {"kind", "verbs", "nouns", "adjectives", "events_only", "object", "preps", "needs_cue", "verb_cue", "partner_types", "host_types",
               "carriers", "requires", "cue_carriers", "scene_nouns"}


class FrameError(ValueError):
    """A frame entry that cannot be used; the message names the entry."""


@dataclass(frozen=True)
class Frame:
    name: str
    kind: str
    verbs: frozenset
    nouns: frozenset
    object: str | None
    preps: dict
    needs_cue: frozenset = frozenset()
    partner_types: frozenset | None = None
    host_types: frozenset | None = None
    carriers: frozenset = frozenset()
    verb_cue: frozenset = frozenset()
    requires: str | None = None  # a role without which the trigger is no meeting
    adjectives: frozenset = frozenset()  # read like verbs ("who was present at the summit")
    events_only: bool = False  # the forum an event, not a body ("chairs the summit", not "chairs the commission")
    cue_carriers: frozenset = frozenset()  # verbs whose object needs no cue ("received a call from X")
    scene_nouns: frozenset = frozenset()  # nouns needing no cue where they set a scene ("in a call on Tuesday")


@dataclass(frozen=True)
class FrameData:
    frames: tuple
    forum_frames: frozenset
    inclusion: frozenset
    light_verbs: frozenset
    not_partner_objects: frozenset
    carry_verbs: frozenset = frozenset()
    setting_verbs: frozenset = frozenset()
    setting_preps: frozenset = frozenset()
    attending_verbs: frozenset = frozenset()
    adjunct_openers: frozenset = frozenset()
    topic_preps: frozenset = frozenset()
    discussion_verbs: frozenset = frozenset()
    by_adj: dict = field(default_factory=dict)
    by_verb: dict = field(default_factory=dict)
    by_noun: dict = field(default_factory=dict)
    words: frozenset = frozenset()  # every word that may start a link (verbs, nouns, carrying verbs, "in")
    ing: dict = field(default_factory=dict)  # "welcoming" -> the frame of "welcome" (`_opening_participle`)
    past: dict = field(default_factory=dict)  # "phoned" -> the frame of "phone" (a verb tagged an adjective)


def parse_frames(raw: dict, where: str = "frames.json") -> FrameData:
    """Check and build the frame data; a bad entry raises :class:`FrameError` naming it."""
    if not isinstance(raw, dict) or not isinstance(raw.get("frames"), dict):
        raise FrameError(f"{where}: needs a 'frames' object")
    frames = []
    for name, obj in raw["frames"].items():
        at = f"{where}: frame {name!r}"
        if not isinstance(obj, dict):
            raise FrameError(f"{at}: is not an object")
        unknown = set(obj) - _FRAME_KEYS
        if unknown:
            raise FrameError(f"{at}: unknown key(s) {', '.join(sorted(unknown))}")
        if obj.get("kind") not in MEETING_KINDS:
            raise FrameError(f"{at}: kind must be one of {', '.join(MEETING_KINDS)}")
        for key in ("verbs", "nouns", "adjectives", "needs_cue", "carriers", "verb_cue", "cue_carriers", "scene_nouns"):
            words = obj.get(key, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() and w for w in words):
                raise FrameError(f"{at}: {key!r} must be a list of lower-case words")
        if obj.get("object") not in (None,) + ROLES:
            raise FrameError(f"{at}: object must be null or one of {', '.join(ROLES)}")
        preps = obj.get("preps", {})
        if not isinstance(preps, dict) or any(r not in ROLES for r in preps.values()):
            raise FrameError(f"{at}: preps must map a preposition to one of {', '.join(ROLES)}")
        types = {}
        for key in ("partner_types", "host_types"):
            value = obj.get(key)
            if value is not None and (not isinstance(value, list) or not set(value) <= set(ACTOR_TYPES) | {"location"}):
                raise FrameError(f"{at}: {key} must be a list of {', '.join(ACTOR_TYPES)}, location")
            types[key] = frozenset(value) if value else None
        if obj.get("requires") not in (None,) + ROLES:
            raise FrameError(f"{at}: requires must be one of {', '.join(ROLES)}")
        frames.append(Frame(name, obj["kind"], frozenset(obj.get("verbs", [])), frozenset(obj.get("nouns", [])),
                            obj.get("object"), dict(preps), frozenset(obj.get("needs_cue", [])),
                            types["partner_types"], types["host_types"], frozenset(obj.get("carriers", [])),
                            frozenset(obj.get("verb_cue", [])), obj.get("requires"),
                            frozenset(obj.get("adjectives", [])), bool(obj.get("events_only", False)),
                            frozenset(obj.get("cue_carriers", [])), frozenset(obj.get("scene_nouns", []))))
    by_verb, by_noun, by_adj = {}, {}, {}
    for f in frames:
        for w in f.adjectives:
            by_adj[w] = f
        for w in f.verbs:
            if w in by_verb:
                raise FrameError(f"{where}: verb {w!r} is in frames {by_verb[w].name!r} and {f.name!r}")
            by_verb[w] = f
        for w in f.nouns:
            if w in by_noun:
                raise FrameError(f"{where}: noun {w!r} is in frames {by_noun[w].name!r} and {f.name!r}")
            by_noun[w] = f
    lists = {}
    for key in ("forum_frames", "inclusion_preps", "light_verbs", "not_partner_objects", "carry_verbs", "setting_verbs",
                "setting_preps", "attending_verbs", "adjunct_openers", "topic_preps", "discussion_verbs"):
        words = raw.get(key, [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise FrameError(f"{where}: {key!r} must be a list of words")
        lists[key] = frozenset(words)
    return FrameData(tuple(frames), lists["forum_frames"], lists["inclusion_preps"], lists["light_verbs"],
                     lists["not_partner_objects"], lists["carry_verbs"], lists["setting_verbs"], lists["setting_preps"],
                     lists["attending_verbs"], lists["adjunct_openers"], lists["topic_preps"],
                     lists["discussion_verbs"], by_adj, by_verb, by_noun,
                     frozenset(by_verb) | frozenset(by_noun) | frozenset(by_adj) | lists["carry_verbs"] | {"in", "at", "for", "include", "feature", "involve", "here", "there", "begin", "start"}
                     | frozenset(_ing_forms(frames)) | frozenset(_past_forms(frames)), _ing_forms(frames),
                     _past_forms(frames))


def _ing_forms(frames) -> dict:
    """The -ing forms of the verbs whose object is a side ("welcoming", "phoning", "visiting"): a sentence-opening
    participle the tagger read as a name is still found (`_opening_participle`)."""
    out = {}
    for f in frames:
        if not (f.object or f.verb_cue):
            continue
        for v in f.verbs:
            stem = v[:-1] if v.endswith("e") and not v.endswith("ee") else v
            out.setdefault(stem + "ing", f)
    return out


def _past_forms(frames) -> dict:
    """The -ed forms of the frames' verbs ("phoned", "visited"), for a verb the tagger read as an adjective
    or a noun (its lemma is then the form itself)."""
    return {(v + "d" if v.endswith("e") else v + "ed"): f for f in frames for v in f.verbs}


@functools.lru_cache(maxsize=1)
def load_frames() -> FrameData:
    """The built-in frames (``graphkit/relations/data/frames.json``), read and checked once."""
    with resources.files("graphkit.relations").joinpath("data", "frames.json").open(encoding="utf-8") as fh:
        return parse_frames(json.load(fh))


@dataclass
class Link:
    """One trigger's arguments: token indices per role.

    ``agents`` empty means "the subject of ``carrier``'s clause"; ``carrier`` is
    the token whose clause gives status, place and date (the trigger, or the
    verb carrying a noun trigger).
    """

    frame: str
    kind: str
    trigger: int
    carrier: int
    rule: str  # verb | noun | light (a noun carried by a verb): which way the arguments were reached
    partner_types: frozenset | None = None
    host_types: frozenset | None = None
    agents: list = field(default_factory=list)
    roles: dict = field(default_factory=lambda: {r: [] for r in ROLES})


OBJECTS = ("dobj", "oprd", "dative")


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _pobjs(prep) -> list:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def _is_time(tok) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.like_num


def _frame_of(tok, data: FrameData):
    low, lem = tok.lower_, _lemma(tok)
    if _verbal(tok):
        if any(c.dep_ == "prt" and (lem, c.lower_) in NOT_TRAVEL for c in tok.children):
            return None, "verb"  # "reached out to X": an overture, no journey
        f = data.by_verb.get(lem) or (data.past.get(low) if not verbal(tok) else None)
        if f is not None and f.verb_cue and not _cue_phrase(tok, f):
            return None, "verb"
        return f, "verb"
    if tok.pos_ == "ADJ" and lem in data.by_adj:
        return data.by_adj[lem], "verb"
    if tok.pos_ in ("NOUN", "PROPN"):
        f = data.by_noun.get(low) or data.by_noun.get(lem)
        # "over lunch", "during dinner": a meal (an activity of a carrier frame) is the scene, not a topic
        scene = f is not None and bool(f.carriers) and tok.dep_ == "pobj" and tok.head.lower_ in SCENE_PREPS
        if f is not None and f.kind in ("meeting", "talks") and tok.dep_ == "pobj" and tok.head.lower_ in data.topic_preps \
                and not scene:
            return None, "noun"  # "On the trade talks with X, Y said": what is spoken about, not an event
        if f is not None and f.carriers and not (tok.dep_ == "dobj" and _lemma(tok.head) in f.carriers) and not scene:
            return None, "noun"
        carried = tok.dep_ == "dobj" and _lemma(tok.head) in f.cue_carriers if f is not None else False
        # "in a call on Tuesday, X told Y", "discussed trade in a call": a scene only a conversation sets
        # (and "held a call with Y": "a conversation" held may be face to face)
        carried = carried or (f is not None and tok.lower_ in f.scene_nouns and (
            tok.dep_ == "pobj" and tok.head.lower_ in CALL_SCENES or tok.dep_ == "dobj" and _lemma(tok.head) in ("hold", "have")))
        if carried and any(c.dep_ in ("prep", "acl", "relcl") and c.lower_ in ("for", "to") or c.dep_ == "acl"
                           for c in tok.children):
            carried = False  # "received a call for help", "a call to act": an appeal
        if f is not None and f.needs_cue and not carried and not any(
                c.lower_ in f.needs_cue or _lemma(c) in f.needs_cue for c in tok.children
                if c.dep_ in ("compound", "amod", "nmod")):
            return None, "noun"
        return f, "noun"
    return None, ""


def _verbal(tok) -> bool:
    """A verb, or a plural noun heading a clause with a subject of its own ("The minister heads to X after
    ..., officials said": "heads" tagged a noun in a reported clause too)."""
    if verbal(tok):
        return True
    if _headline_verb(tok):
        return True
    subject = any(c.dep_ == "nsubj" for c in tok.children)
    return subject and ((tok.tag_ == "NNS" and tok.dep_ in ("ROOT", "ccomp", "conj"))
                        or (tok.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in tok.children)))  # "X phoned/JJ Y"


def _headline_verb(tok) -> bool:
    """"Varga heads to Peru for talks", "Ruiz meets Varga": a headline's verb the tagger read as a plural
    noun, its subject made its compound."""
    return tok.tag_ == "NNS" and tok.dep_ == "ROOT" and tok.i > 0 and tok.doc[tok.i - 1].dep_ == "compound" \
        and tok.doc[tok.i - 1].head.i == tok.i and tok.doc[tok.i - 1].pos_ == "PROPN" and headline(tok)


def _time_heads(tok) -> list:
    """"visited Strelsau Sunday", "arrived in Zenda Monday": a weekday the parser made the head, the place
    its compound: the place."""
    return [c for c in tok.children if c.dep_ == "compound" and not _is_time(c)] if _is_time(tok) else []


STOP_NOUNS = frozenset({"stop", "leg", "stopover"})
SCHEDULING = frozenset({"schedule", "set", "plan", "expect", "due", "arrange", "hope", "want", "be"})
CUE_PREPS = ("by", "on", "over", "via", "in", "during")  # "spoke by phone", "spoke in a call"
CALL_SCENES = ("in", "during", "on", "after", "following")


def _cue_phrase(verb, frame: Frame):
    """The "by phone" phrase of a verb ("spoke by phone"), or None."""
    return next((c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in CUE_PREPS
                 and any(_lemma(q) in frame.verb_cue or q.lower_ in frame.verb_cue for q in _pobjs(c))), None)


PARTITIVES = LEXICON["partitive_nouns"]


def _partitive_head(noun):
    """"a round of talks", "a series of meetings", "two days of talks": the noun that counts or measures
    the trigger stands in its place in the clause (it is the light verb's object, the subject, the owner of
    a possessive); the trigger itself if it is not so measured."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" \
            and _lemma(noun.head.head) in PARTITIVES and noun.head.head.i < noun.i:
        noun = noun.head.head
    return noun


def _carrier(noun, data: FrameData, frame: Frame | None = None):
    """The verb that carries a noun trigger: "held talks", "set off on a trip", "talks were held" (and
    "held a round of talks": the measuring noun in the trigger's place)."""
    noun = _partitive_head(noun)
    if frame is not None and frame.carriers and noun.dep_ == "dobj" and _lemma(noun.head) in frame.carriers:
        return noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass", "nsubj", "oprd") and noun.head.pos_ in ("VERB", "AUX") \
            and (_lemma(noun.head) in data.light_verbs or noun.dep_ == "attr"):
        return noun.head  # not "cancelled a meeting", "proposed talks": the verb there says it did not happen
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB" \
            and _lemma(noun.head.head) in data.light_verbs:
        return noun.head.head  # "embarked on a tour", "set off on a trip"
    return None


def _add(link: Link, role: str, toks) -> None:
    for t in toks:
        if t.i != link.trigger and t.i not in link.roles[role]:
            link.roles[role].append(t.i)


TOPIC_PREPS = ("on", "about", "over")
SCENE_PREPS = frozenset({"over", "during"})  # "over lunch", "during talks": the scene of what is said or done
AFTER_PREPS = frozenset({"after", "following"})


def _prep_roles(link: Link, frame: Frame, holder, data: FrameData, depth: int = 0, only: str | None = None) -> None:
    """The roles the frame's prepositions on ``holder`` give (``only``: just that role's)."""
    for c in holder.children:
        if depth == 0 and c.dep_ == "prep" and c.lower_ in TOPIC_PREPS and holder.pos_ in ("NOUN", "PROPN"):
            for q in _pobjs(c):  # "talks on fishing with X": the 'with' hung on the topic
                _prep_roles(link, frame, q, data, 1, only="partner")
        if c.dep_ not in ("prep", "agent", "dative"):
            continue
        low = c.lower_
        if c.dep_ == "prep" and low in ("on", "at", "in") and any(_lemma(q) in data.forum_frames for q in _pobjs(c)):
            # "met on the sidelines of the X summit": the forum both attend
            for q in _pobjs(c):
                for of in q.children:
                    if of.dep_ == "prep" and of.lower_ == "of":
                        _add(link, "forum", _pobjs(of))
            continue
        if c.dep_ == "prep" and low in ("at", "during") and frame.kind in ("meeting", "talks") \
                and "forum" not in frame.preps.values():
            # "A met B at the X summit": the summit both attend (a meeting at a hotel or an office is no forum)
            _add(link, "forum", [q for q in _pobjs(c) if _lemma(q) in SETTING_FORUMS or _named_event(q)])
        if frame.kind == "visit" and low == "for" and only is None and holder.pos_ in ("VERB", "AUX"):
            # "traveled to Seoul for the G20 summit": the gathering travelled for is attended
            _add(link, "forum", [q for q in _pobjs(c) if _lemma(q) in SETTING_FORUMS or _named_event(q)])
        role = frame.preps.get(low)
        if role is None or only is not None and role != only:
            continue
        objs = [q for p in _pobjs(c) or _lost_object(c) for q in ([p] if not _is_time(p) else _time_heads(p))]
        if role == "host" and low in ("of", "between"):
            # "the visit of X": the visitor, not a host; "shuttled between the two leaders": whom, not where
            objs = [q for q in objs if not _personal(q, None)]
        if role == "host" and frame.kind == "visit" and only is None:
            # "headed to the X summit in Y", "flew to the talks": the gathering is attended (its place visited)
            _add(link, "forum", [q for q in objs if _lemma(q) in FORUM_EVENTS])
            objs = [q for q in objs if _lemma(q) not in FORUM_EVENTS]
            # ("traveled to Seoul, South Korea for the G20 summit": the 'for' hung on the place)
            _add(link, "forum", [f for q in objs for x in (q, *(d for d in q.children if d.dep_ in ("conj", "appos")))
                                 for pp in x.children if pp.dep_ == "prep" and pp.lower_ == "for"
                                 for f in _pobjs(pp) if _lemma(f) in SETTING_FORUMS])
        if role == "partner":
            objs = [q for q in objs if _lemma(q) not in data.not_partner_objects]
        _add(link, role, objs)


def link_frames(doc) -> list[Link]:
    """Every trigger of every frame in the Doc with the tokens its linking rules reach."""
    from spacy.attrs import LEMMA, LOWER

    data = load_frames()
    hashes = _word_hashes(data.words)
    arr = doc.to_array([LOWER, LEMMA]) if len(doc) else ()
    # most tokens start no link: find the few that may from the Doc's arrays (the lower-case form
    # catches a capitalised "Summit", the lemma an inflected "met")
    starts = [i for i, (low, lem) in enumerate(arr.tolist() if len(doc) else ()) if low in hashes or lem in hashes]
    out, index = [], None
    for i in starts:
        tok = doc[i]
        visiting = _visiting_modifier(tok)
        frame, how = (None, "") if visiting else _frame_of(tok, data)
        if frame is None:
            if tok.lower_ == "there":
                if (found := _there_present(tok, data)) is not None:
                    out.append(found)
                continue
            if visiting or tok.lower_ == "here":  # ("a visiting delegation", "arrived here": read with the actors)
                index = index or actor_index(doc)
                found = (_visiting_side if visiting else _here_visit)(tok, data, index)
                if found is not None:
                    out.append(found)
                continue
            for found in (_carried_traveller(tok, data), _trip_start(tok, data), _trip_began(tok, data),
                          _there_for(tok, data),
                          _present_at(tok, data), _listed_attendees(tok, data), _opening_participle(tok, data)):
                if found is not None and found.rule == "participle":
                    index = index or actor_index(doc)
                    _front(found, doc, data, index)
                    if not found.agents:
                        continue
                if found is not None:
                    out.append(found)
            continue
        link = Link(frame.name, frame.kind, tok.i, tok.i, how, frame.partner_types, frame.host_types)
        if how == "verb":
            if not verbal(tok):  # a verb tagged a noun ("heads"): its subject, which the clause rules don't climb to
                link.agents = [c.i for c in tok.children if c.dep_ == "nsubj"] or (
                    [tok.i - 1] if _headline_verb(tok) else [])
            passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
            by = [q for c in tok.children if c.dep_ == "agent" for q in _pobjs(c)]
            if passive and by and frame.object:
                index = index or actor_index(doc)
                by = by + _list_tail(by[-1], index) + _appos_list(by[0], index)
                if frame.object == "forum" and _unnamed_meeting(passive[0], data, index):
                    link.agents = [by[0].i]  # "a meeting was attended by A, B and C": they met
                    _add(link, "partner", by)
                elif frame.requires == "forum" and frame.kind == "talks" and not any(
                        c.dep_ == "prep" and c.lower_ in frame.preps for c in tok.children) and (
                        passive[0].lower_ in ("they", "both", "he", "she") or _lemma(passive[0]) in role_nouns()
                        or (sp := index.at(passive[0].i)) is not None and sp.label_ == "person"):
                    # "(A met B.) They were later joined by C": C joins the meeting just told (meetings)
                    link.agents = [by[0].i]
                    link.rule = "bare"
                else:
                    link.agents = [t.i for t in by]  # "X was met by Y"
                    _add(link, frame.object, passive)
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if not link.agents and len(subj) == 1:
                index = index or actor_index(doc)
                extra = _appos_list(subj[0], index)
                if extra:  # "X, the Bloc and a delegation attended": a list read as an apposition
                    link.agents = [subj[0].i] + [t.i for t in extra]
            if frame.kind in ("meeting", "talks") and (group := _plural_antecedent(tok)):
                link.agents = [group[0].i]  # "A and B agreed ... when they met": the pronoun is both
                _add(link, "members", group)
            if frame.object:
                objs = [c for c in tok.children if c.dep_ in OBJECTS and not _is_time(c)]
                if not objs:  # "visited Strelsau Sunday" (the weekday the head), "visited Zenda" (an npadvmod)
                    objs = [q for c in tok.children if c.dep_ in OBJECTS + ("npadvmod",) for q in _time_heads(c)] \
                        or [c for c in tok.children if c.dep_ == "npadvmod" and c.left_edge.i == tok.i + 1
                            and c.pos_ == "PROPN" and not _is_time(c)]  # ("met Chilean President X": all of it)
                subjects = [c for c in tok.children if c.dep_ == "nsubj"]
                if not objs and len(subjects) == 2 and subjects[0].i < tok.i < subjects[1].i:
                    objs = subjects[1:]  # "X welcomed Y" with Y read as a second subject: the object
                    link.agents = [subjects[0].i]
                if len(objs) > 1:
                    # "met X on the sidelines, their first talks in a year": a meeting noun after the object
                    # sums up the meeting, it is no second side
                    objs = objs[:1] + [o for o in objs[1:] if data.by_noun.get(_lemma(o)) is None]
                if len(objs) == 1 and not (frame.object == "partner" and _lemma(objs[0]) in data.not_partner_objects):
                    _add(link, frame.object, objs)
                    _add(link, frame.object, _gapped_objects(tok, objs[0]))
                elif len(objs) > 1 and all(o.pos_ == "PROPN" for o in objs):
                    # "met President of the X Assembly (XA) Y": the title of Y the parser made a second object
                    objs = [o for o, nxt in zip(objs, objs[1:] + [None]) if not (
                        nxt is not None and _lemma(o) in role_nouns() and o.i < nxt.i
                        and all(t.is_punct or t.i in range(o.i, o.right_edge.i + 1)
                                or t.dep_ in ("compound", "flat") and t.head.i == nxt.i
                                for t in doc[o.i:nxt.i]))]
                    _add(link, frame.object, objs)  # "meet A on Monday and B on Tuesday", both made objects
                elif not objs and tok.tag_ == "VBG" and not any(c.dep_ == "prep" for c in tok.children) \
                        and _opens_clause(tok, tok, data) and (obj := _np_after(tok)) is not None:
                    _add(link, frame.object, [obj])  # "Welcoming X to Oslo, ..." with X hung elsewhere
                elif not objs and frame.object == "forum" and _lemma(tok) == "attend" and verbal(tok) \
                        and not any(c.dep_ in ("prep", "ccomp", "xcomp", "advcl") and c.lower_ != "according"
                                    for c in tok.children):
                    link.rule = "bare"  # "A, B and C are expected to attend": the meeting just told (meetings)
            _prep_roles(link, frame, tok, data)
            if tok.dep_ == "xcomp" and _lemma(tok.head) in SCHEDULING and any(
                    c.dep_ == "prep" and c.i < tok.head.i for c in tok.head.children):
                # "Y, with whom X was scheduled to meet": the 'with' fronted onto the verb of planning
                _prep_roles(link, frame, tok.head, data, only="partner")
            for c in tok.children:  # "met one-on-one with X", "met privately with X": the 'with' on the adverb
                if c.dep_ in ("npadvmod", "advmod") and c.i > tok.i:
                    _prep_roles(link, frame, c, data, only="partner")
                if c.dep_ == "prep" and c.lower_ == "for":  # "posed for photos with X", "met for lunch with X"
                    for q in _pobjs(c):
                        _prep_roles(link, frame, q, data, only="partner")
            if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
                _prep_roles(link, frame, tok.head, data)  # "was present at X": the 'at' on the copula
            if frame.object == "forum" and any(c.dep_ == "dobj" for c in tok.children):
                # "attended a dinner at the Grand Palace": with the thing attended named, "at" is its venue
                venues = {q.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "at" for q in _pobjs(c)}
                link.roles["forum"] = [i for i in link.roles["forum"] if i not in venues]
            for obj in (c for c in tok.children if c.dep_ in OBJECTS) if "forum" in frame.preps.values() else ():
                # "joined leaders at the summit": 'at' on the object (on an attended event, "the summit at the
                # city hall", it is the venue)
                if _lemma(obj) not in FORUM_WORDS and data.by_noun.get(_lemma(obj)) is None:
                    _prep_roles(link, frame, obj, data, only="forum")
            cue = _cue_phrase(tok, frame) if frame.verb_cue else None
            for q in _pobjs(cue) if cue is not None else ():
                _prep_roles(link, frame, q, data)  # "spoke by phone with X": the 'with' on "phone"
        else:
            index = index or actor_index(doc)
            measure = _partitive_head(tok)  # "their latest round of talks between A and B"
            owners = [c for c in (tok.children if measure is tok else (*tok.children, *measure.children)) if c.dep_ == "poss"]
            if frame.kind == "visit":  # "the visit of X to Y": of a person, the visitor
                owners += [q for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                           for q in _pobjs(c) if _personal(q, index)]
                # "a scheduled Strelsau visit": the place compounded with the noun is the host
                _add(link, "host", [c for c in tok.children if c.dep_ == "compound" and (sp := index.at(c.i)) is not None
                                    and sp.label_ in ("country", "location")])
            by = [q for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                  for q in _pobjs(c)]
            if any(c.lower_ in RECORD_WORDS for c in tok.children if c.dep_ == "amod"):
                # "made the first visit to X by an Ruritanian premier in 20 years": a record, the by-phrase the
                # kind of visitor, not who made this one
                by = [q for q in by if not any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in q.children)]
            if not owners and not by:
                owners = _purpose_owners(tok, data) or _reported_owners(tok, frame)
            if frame.kind in ("meeting", "talks"):  # "a Ruritanian-Freedonian summit": the pair's states
                pair = [t for t in doc[tok.left_edge.i:tok.i] if demonym_state(t) is not None]
                if len(pair) >= 2:
                    owners, by = pair[:1], []
                    _add(link, "partner", pair[1:])
            owners = [_pronoun_owner(o, tok, index) for o in owners]
            if owners and all(o.tag_ == "PRP$" and index.at(o.i) is None for o in owners) \
                    and _opens_clause(tok, doc[link.carrier], data):
                owners = []  # "During his trip to X, Y will meet ...": the pronoun is the fronted clause's subject
            if frame.kind == "visit" and _lemma(tok) in STOP_NOUNS and tok.left_edge.i >= 2 \
                    and doc[tok.left_edge.i - 1].text == "," \
                    and (place := index.at(tok.left_edge.i - 2)) is not None and place.label_ in ("location", "country"):
                # "... from Manila, the leader's fourth and final stop": the place the stop is said of, by token
                # order (the parser may make the stop an object of the verb)
                _add(link, "host", [doc[place.end - 1]])
            if frame.kind == "visit" and (again := _visit_in_apposition(tok)) is not None:
                _prep_roles(link, frame, again, data, only="host")  # "the visit, his first to Ruritania since ..."
            if owners or by:
                link.agents = [t.i for t in owners + by]
            _prep_roles(link, frame, tok, data)
            if measure is not tok:
                _prep_roles(link, frame, measure, data)
            _setting(link, frame, tok, data)
            carrier = _carrier(tok, data, frame)
            if carrier is not None:
                link.carrier = carrier.i
                link.rule = "light"
                _prep_roles(link, frame, carrier, data)
                if frame.kind == "meeting":  # "gave X a warm welcome": the one it is given to
                    # (or the first of two objects the parser gave the verb: "gave X a welcome")
                    _add(link, "partner", [c for c in carrier.children if c.pos_ in ("PROPN", "NOUN", "PRON")
                                           and (c.dep_ == "dative" or c.dep_ == "dobj" and c.i < tok.i
                                                and tok.dep_ == "dobj")])
                for obj in carrier.children:  # "discussed the plan with Y in talks": the 'with' on the object
                    if obj.dep_ in OBJECTS and obj.i != tok.i:
                        _prep_roles(link, frame, obj, data, only="partner")
        # "A and B held talks", "A and B agreed in a phone call": the subjects are the sides; not "A and B
        # attended the meeting" (of others)
        together = frame.kind != "visit" and (
            (how == "verb" and frame.object is None) or link.rule == "setting" or _framing(tok, data)
            or link.rule == "light" and _lemma(doc[link.carrier]) not in data.attending_verbs)
        if how == "noun" and _framing(tok, data) and (_lemma(tok) in SETTING_FORUMS or demonstrative(tok)) \
                and not link.roles["partner"] and not link.roles["members"]:
            link.roles["forum"].append(tok.i)  # "At the X summit, Y said": Y is there, attending it
        for i in list(link.roles["forum"]):
            # "attended a meeting with X" (between A and B): a meeting with them, not a forum
            sides = [(q, "partner" if c.lower_ == "with" else "members") for c in doc[i].children
                     if c.dep_ == "prep" and c.lower_ in ("with", "between") for q in _pobjs(c)]
            if sides:
                link.roles["forum"].remove(i)
                for q, role in sides:
                    _add(link, role, [q])
        # a forum is an event noun ("the summit", "a conference") or a name ("the G20"), not any object
        # attended ("attend a memorial service")
        link.roles["forum"] = [i for i in link.roles["forum"] if doc[i].pos_ == "PROPN"
                               or doc[i].lemma_.lower() in FORUM_WORDS or doc[i].lower_ in FORUM_WORDS]
        if frame.events_only:
            link.roles["forum"] = [i for i in link.roles["forum"] if doc[i].lemma_.lower() in FORUM_EVENTS
                                   or doc[i].lower_ in FORUM_EVENTS or _named_event(doc[i])]
        if frame.requires and not link.roles[frame.requires] and link.rule not in ("setting", "bare"):
            continue  # (a scene holding coordinated subjects has its sides in them)
        if how == "noun" and frame.kind == "visit" and link.agents and not link.roles["host"]:
            index = index or actor_index(doc)
            place = _dateline_place(doc, index)
            sent = tok.sent
            inside = {t.i for a in link.agents for t in doc[a].subtree}
            # only where the sentence names no other place ("X's trip includes stops in A and B")
            if place and not any(sp.label_ in ("location", "country") and sp.start > place[0].i and sp.start not in inside
                                 for sp in index.in_range(sent.start, sent.end)):
                _add(link, "host", place)
        side = "host" if frame.kind == "visit" else "partner"
        if link.roles[side] and (how == "verb" or link.rule.startswith("light")):
            # "met with senators on Thursday, including X": an 'including' the parser hung on the verb
            _add(link, side, inclusion_members(doc[link.carrier]))
        for role in ("partner", "host", "members"):
            for i in list(link.roles[role]):
                index = index or actor_index(doc)
                # "A, B and C - looking for ...": the last conjunct the compound of a word
                # that is no actor
                _add(link, role, _conj_compounds(doc[i], index)
                     + [q for m in inclusion_members(doc[i]) for q in _conj_compounds(m, index)])
                # "A and B Saturday": the last conjunct made the weekday's compound
                _add(link, role, [q for c in doc[i].children if c.dep_ == "conj" for q in _time_heads(c)])
                if role != "members":
                    _add(link, role, _list_tail(doc[i], index) + _appos_list(doc[i], index))
        if link.roles["forum"] and how == "verb":
            # "met on the sidelines of the X summit in July and the Y forum last month": a second gathering the
            # parser made a conjunct of the verb (no verb of its own) is attended too
            last = max(link.roles["forum"])
            _add(link, "forum", [c for c in tok.children if c.dep_ == "conj" and c.i > last
                                 and (_lemma(c) in FORUM_WORDS or c.lower_ in FORUM_WORDS)
                                 and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "dobj") for g in c.children)])
        for role in ROLES:  # "met A but not B": B is left out, however the parser hung it
            link.roles[role] = [i for i in link.roles[role] if not (doc[i].dep_ == "conj" and negated_conjunct(doc[i]))]
        if not link.agents:
            index = index or actor_index(doc)
            _front(link, doc, data, index)
        if any(link.roles[r] for r in ROLES) or together or link.agents or link.rule == "bare":
            # ("A and B negotiated": the sides are the subjects; "A and B arrived" is no visit of anyone;
            # "during their meeting": the owners may be the sides)
            out.append(link)
            if link.kind == "visit" and (talk := _discussed_on_visit(tok, data)) is not None:
                out.append(talk)
    return out


def _named_event(tok) -> bool:
    """"at the Group of 20 summit": an event noun the parser made the object of the name's own "of" (the
    name's head stands for the event)."""
    return tok.pos_ == "PROPN" and any(
        t.lemma_.lower() in FORUM_EVENTS and t.dep_ == "pobj" and t.head.head.i == tok.i and t.head.lower_ == "of"
        for t in tok.subtree)


def _gapped_objects(verb, obj) -> list:
    """"will meet A in Cairo and B in Jerusalem": the second object, with its own place, the parser made a
    conjunct of the verb (or of the verb above it) with no verb of its own."""
    out = []
    for h in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):
        out += [c for c in h.children if c.dep_ == "conj" and c.i > obj.i and c.pos_ in ("PROPN", "NOUN")
                and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in c.children)
                and c.nbor(-1).dep_ != "punct" and any(g.dep_ == "cc" for g in h.children)]
        # "visit A on Monday and B on Tuesday": B made a conjunct of the day
        out += [c for p in h.children if p.dep_ == "prep" for q in _pobjs(p) if _is_time(q)
                for c in q.children if c.dep_ == "conj" and c.pos_ == "PROPN" and not _is_time(c)]
    return out


def _discussed_on_visit(noun, data: FrameData):
    """"X raised the issue with Y during a visit to Z": a visit setting the scene of a verb of discussing
    makes its subject meet the person its "with" names."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in data.setting_preps | {"on"}:
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" or _lemma(verb) not in data.discussion_verbs:
        return None
    holders = [verb] + [c for c in verb.children if c.dep_ in OBJECTS]
    withs = [q for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with" for q in _pobjs(c)]
    if not withs:
        return None
    meet = next(f for f in data.frames if f.kind == "meeting")
    link = Link(meet.name, "meeting", verb.i, verb.i, "discussed-on-visit", meet.partner_types, meet.host_types)
    _add(link, "partner", withs)
    return link


def _framing(noun, data: FrameData) -> bool:
    """Is the noun in a phrase that sets the scene of its clause ("agreed in a phone call", "said during
    talks"): the clause's subjects, two or more, are its sides."""
    return noun.dep_ == "pobj" and noun.head.lower_ in data.setting_preps and noun.head.head.pos_ == "VERB" \
        and not any(c.dep_ == "poss" for c in noun.children)


def _setting(link: Link, frame: Frame, noun, data: FrameData) -> None:
    """"In a meeting, X told Y ...", "At the talks X urged Y to ...": a meeting noun setting the scene of a
    verb of telling makes its subject meet its addressee."""
    prep = noun.head.lower_
    if frame.kind not in ("meeting", "talks", "call") or noun.dep_ != "pobj" \
            or prep not in data.setting_preps | AFTER_PREPS:
        return
    # "over lunch", "during talks"; "after talks" (not "after a dinner"): the scene of coordinated subjects
    scene = prep in SCENE_PREPS or prep in AFTER_PREPS and frame.kind in ("talks", "call")
    verb = noun.head.head
    if scene and verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head  # "reach a deal over lunch": the phrase on the object
    if scene and verb.pos_ == "VERB" and not link.agents and not link.roles["partner"] and not link.roles["members"]:
        # "A and B failed to reach a deal over lunch", "A and B discussed X during talks": the two subjects
        # the scene holds met each other
        clause = verb
        while clause.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in clause.children):
            clause = clause.head
        subj = [c for c in clause.children if c.dep_ == "nsubj"]
        others = [c for s in subj for c in s.children if c.dep_ == "conj"]
        if len(subj) == 1 and subj[0].pos_ in ("PROPN", "NOUN"):
            # (the subject's own conjuncts, however the parser hung them, are read with it)
            link.carrier, link.rule, link.agents = verb.i, "setting", [subj[0].i]
            _add(link, "partner", others)
            return
    if verb.pos_ != "VERB" or _lemma(verb) not in data.setting_verbs or link.agents or prep not in data.setting_preps:
        return
    addressees = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        q for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for q in _pobjs(c)]
    if addressees and not link.roles["partner"] and not link.roles["members"]:
        link.carrier = verb.i
        link.rule = "setting"
        _add(link, "partner", addressees[:1])


def _visit_frame(data: FrameData) -> Frame:
    """The frame whose link the visit rules below build (read from the data, not named in code)."""
    return next(f for f in data.frames if f.kind == "visit")


def _there_for(prep, data: FrameData):
    """"X, in Oslo for talks with Y, said": a person in a place for talks (a visit, a summit) is visiting it
    (the verbless phrase the parser hangs on the person)."""
    holder = prep.head
    if prep.dep_ == "prep" and prep.lower_ == "in" and holder.lemma_ == "be" and holder.i < prep.i:
        # "X is in Oslo for talks (for the summit)": the copula's subject is there
        subjects = [c for c in holder.children if c.dep_ == "nsubj"]
        if len(subjects) == 1:
            traveller = subjects[0]
        else:
            return None
    elif prep.dep_ != "prep" or prep.lower_ != "in" or holder.pos_ not in ("PROPN", "NOUN") or holder.i > prep.i:
        return None
    else:
        traveller = holder
    purpose = [q for c in holder.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > prep.i
               for q in _pobjs(c)] + [q for c in _pobjs(prep) for f in c.children
                                      if f.dep_ == "prep" and f.lower_ == "for" for q in _pobjs(f)]
    if not any(data.by_noun.get(q.lower_) or data.by_noun.get(_lemma(q)) or _lemma(q) in FORUM_WORDS for q in purpose):
        return None  # (for talks, a visit; for a gathering: "in town for the General Assembly")
    visit = _visit_frame(data)
    link = Link(visit.name, "visit", prep.i, prep.i, "there-for", agents=[traveller.i],
                host_types=frozenset({"country", "location"}))
    _add(link, "host", _pobjs(prep))
    # "... for the X summit", "... for the X meeting" (a named body's)
    _add(link, "forum", [q for q in purpose if _lemma(q) in SETTING_FORUMS or _lemma(q) in FORUM_WORDS and any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in q.children)])
    return link if link.roles["host"] else None


# (not the guests of a dinner: those at a state dinner are not the sides of the talks told before it)
GATHERED = frozenset({"meeting", "meetings", "talks", "gathering", "session", "attendee", "attendees", "participant",
                      "participants", "summit", "conference"})


def _listed_attendees(verb, data: FrameData):
    """"The meeting included A, B and C", "the attendees were to include A and B", "the gathering is
    expected to include A": those a meeting's description lists attend it (the one just told, else they
    meet each other; see `graphkit.relations.meetings`)."""
    if _lemma(verb) not in ("include", "feature", "involve") or verb.pos_ != "VERB":
        return None
    holder = verb
    while holder.dep_ in ("xcomp", "aux") and holder.head.i != holder.i:
        holder = holder.head  # "were to include", "is expected to include"
    subj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if holder.dep_ in ("relcl", "acl") and (subj is None or subj.lower_ in ("that", "which")):
        subj = holder.head  # "a three-way summit that also involved X", "the summit, also involving X"
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if subj is None or not objs or subj.lower_ not in GATHERED and _lemma(subj) not in GATHERED:
        return None
    frame = data.by_verb["attend"]
    return Link(frame.name, frame.kind, verb.i, verb.i, "listed", frame.partner_types, frame.host_types,
                agents=[objs[0].i])


HERE_VERBS = frozenset({"be", "arrive", "come", "fly", "travel", "land", "stop"})


def _here_visit(adv, data: FrameData, index):
    """"X arrived here on Monday", "X is here for talks", "X was here to attend a conference": in a story
    with a dateline, "here" is the dateline's place; a copula's subject there needs a purpose to be
    visiting (not "the ambassador here")."""
    head = adv.head
    if adv.lower_ != "here" or adv.dep_ != "advmod" or _lemma(head) not in HERE_VERBS or head.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or (_lemma(head) == "be" and not any(
            c.dep_ == "prep" and c.lower_ == "for" or c.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children)
            for c in head.children)):
        return None
    place = _dateline_place(adv.doc, index)
    if not place:
        return None
    visit = _visit_frame(data)
    link = Link(visit.name, "visit", head.i, head.i, "here", agents=[subjects[0].i],
                host_types=frozenset({"country", "location"}))
    _add(link, "host", place)
    return link


def _there_present(adv, data: FrameData):
    """"The X Summit opens in Y on Monday. Z will be there too": one who will be there is present at the
    gathering (or the meeting) just told (read as a bare attendance, see `meetings`)."""
    head = adv.head
    if adv.dep_ != "advmod" or _lemma(head) != "be" or head.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    frame = next((f for f in data.frames if f.adjectives and f.kind == "talks"), None)
    if len(subjects) != 1 or frame is None:
        return None
    return Link(frame.name, frame.kind, head.i, head.i, "bare", agents=[subjects[0].i])


def _visiting_modifier(tok) -> bool:
    """"a visiting delegation", "Visiting Pakistani Prime Minister X met ..." (the parser's clausal subject)."""
    return tok.lower_ == "visiting" and (tok.dep_ == "amod" or tok.dep_ == "csubj" and tok.i == tok.sent.start)


def _visiting_side(adj, data: FrameData, index):
    """"A visiting Nepalese delegation held talks in Dhaka", "a visiting delegation ... to Dhaka": a side
    called visiting visits the place its clause (or its own "to" phrase, or the dateline) names."""
    if adj.dep_ == "csubj":  # "Visiting Pakistani Prime Minister X met Y": the parser made X its object
        noun, verb = next((c for c in adj.children if c.dep_ == "dobj"), None), adj.head
    else:
        noun, verb = adj.head, None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i:
        noun = noun.head  # "Visiting Pakistani Prime Minister X": X
    places = [q for c in noun.children if c.dep_ == "prep" and c.lower_ == "to" for q in _pobjs(c)]
    verb = verb or (noun.head if noun.dep_ in SUBJECT_DEPS else None)
    if not places and verb is not None:
        # the first place its clause names after the verb, outside the side itself ("held talks in Dhaka")
        inside = {t.i for t in noun.subtree}
        places = [adj.doc[sp.end - 1] for sp in index.in_range(verb.i, verb.sent.end)
                  if sp.label_ in ("location", "country") and sp.start not in inside
                  and adj.doc[sp.start - 1].lower_ in ("in", "at")]
    places = places or _dateline_place(adj.doc, index)
    if not places:
        return None
    visit = _visit_frame(data)
    link = Link(visit.name, "visit", adj.i, verb.i if verb is not None else adj.i, "visiting", agents=[noun.i],
                host_types=frozenset({"country", "location"}))
    _add(link, "host", places[:1])
    return link


def _present_at(prep, data: FrameData):
    """"X will be at the summit", "ministers were on hand for the meeting of the group": the subject of a
    copula at (on hand for) a gathering attends it, as one "present at" it does."""
    holder = prep.head
    if prep.lower_ not in ("at", "for"):
        return None
    if holder.lower_ == "hand" and holder.dep_ == "pobj" and holder.head.lower_ == "on":
        holder = holder.head.head  # "on hand at the summit"
    elif prep.lower_ == "for" and not any(c.dep_ == "prep" and c.lower_ == "on" and any(
            q.lower_ == "hand" for q in _pobjs(c)) for c in holder.children):
        return None  # "is for the talks" says whom it favours; "on hand for" is there
    if prep.dep_ != "prep" or holder.lemma_ != "be" or holder.i > prep.i:
        return None
    subjects = [c for c in holder.children if c.dep_ == "nsubj"]
    events = [q for q in _pobjs(prep) if _lemma(q) in FORUM_EVENTS or q.lower_ in FORUM_EVENTS]
    if len(subjects) != 1 or not events:
        return None
    frame = data.by_adj["present"]
    link = Link(frame.name, frame.kind, prep.i, prep.i, "be-at", frame.partner_types, frame.host_types,
                agents=[subjects[0].i])
    _add(link, "forum", events)
    return link


def _carried_traveller(verb, data: FrameData):
    """"A tour that has taken him to A, B and C", "the trip brings her to X": a trip carrying its object to
    places is that person's visit to them."""
    if verb.pos_ != "VERB" or _lemma(verb) not in data.carry_verbs:
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    clause = verb
    if verb.dep_ == "conj" and not subj and verb.head.dep_ == "relcl":
        clause = verb.head  # "a trip that started in A and will take him to B": the relative clause's trip
        subj = [c for c in clause.children if c.dep_ == "nsubj"]
    trip = clause.head if clause.dep_ == "relcl" and (not subj or subj[0].tag_ in ("WDT", "WP")) else (subj[0] if subj else None)
    visit = data.by_noun.get(trip.lemma_.lower()) if trip is not None and trip.pos_ == "NOUN" else None
    travellers = [c for c in verb.children if c.dep_ == "dobj"]
    hosts = [q for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "through", "across")
             for q in _pobjs(c)]
    if visit is None and _lemma(verb) in SENDING_VERBS and len(travellers) == 1 and hosts \
            and _personal(travellers[0], None):
        visit = _visit_frame(data)  # "Ruritania sent its foreign minister (a delegation) to X": the one sent goes
    if visit is None or visit.kind != "visit" or len(travellers) != 1 or not hosts:
        return None
    link = Link(visit.name, visit.kind, verb.i, verb.i, "carry", agents=[travellers[0].i])
    _add(link, "host", hosts)
    return link


TRIP_STARTS = frozenset({"start", "begin", "open", "kick"})


def _trip_start(verb, data: FrameData):
    """"A trip that started in A and B and will take X to C": where the trip began, X went too (the
    traveller the carrying verb names; read from that verb, ``verb`` here)."""
    start = verb.head
    if verb.pos_ != "VERB" or _lemma(verb) not in data.carry_verbs or verb.dep_ != "conj" \
            or start.dep_ != "relcl" or _lemma(start) not in TRIP_STARTS:
        return None
    trip = data.by_noun.get(start.head.lemma_.lower()) if start.head.pos_ == "NOUN" else None
    travellers = [o for o in verb.children if o.dep_ == "dobj"]
    places = [q for c in start.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for q in _pobjs(c)]
    if trip is None or trip.kind != "visit" or len(travellers) != 1 or not places:
        return None
    link = Link(trip.name, trip.kind, start.i, start.i, "carry", agents=[travellers[0].i],
                host_types=frozenset({"country", "location"}))
    _add(link, "host", places)
    return link


def _trip_began(verb, data: FrameData):
    """"The trip began in India, where X signed deals" / "His tour began in Oslo": where a trip began, its
    maker went (the trip's owner, or the one a "where" clause on the place names)."""
    if verb.pos_ != "VERB" or _lemma(verb) not in TRIP_STARTS or verb.dep_ == "relcl":
        return None
    trip = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    frame = data.by_noun.get(trip.lemma_.lower()) if trip is not None else None
    places = [q for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for q in _pobjs(c)]
    if frame is None or frame.kind != "visit" or not places:
        return None
    owners = [c for c in trip.children if c.dep_ == "poss"]
    if not owners:  # "..., where X signed ...": the one the clause on the place names
        owners = [c for q in places for r in q.children if r.dep_ == "relcl"
                  and any(a.lower_ == "where" for a in r.children) for c in r.children if c.dep_ == "nsubj"]
    if len(owners) != 1:
        return None
    link = Link(frame.name, frame.kind, verb.i, verb.i, "began", agents=[owners[0].i],
                host_types=frozenset({"country", "location"}))
    _add(link, "host", places)
    return link


@functools.lru_cache(maxsize=8)
def _word_hashes(words: frozenset) -> frozenset:
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


def inclusion_members(tok) -> list:
    """The pobjs of "including" phrases on ``tok`` ("Asia, including A, B and C")."""
    inclusion = load_frames().inclusion
    # ("a tour of the region that includes A and B": the relative clause too)
    found = [q for c in tok.children if c.dep_ in ("prep", "acl", "advcl", "relcl")
             and (c.lower_ in inclusion or _lemma(c) in inclusion) for q in c.children if q.dep_ in ("pobj", "dobj")]
    if not found and tok.tag_ == "NNS":  # "heads of delegations including A, B and C": the 'including' on the of-phrase
        found = [q for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" and p.tag_ == "NNS" for q in inclusion_members(p)]
    return found


# --- an opening adjunct read by token order -----------------------------------------------------------
#
# "After meeting X, Y said ...", "Welcoming X to Oslo, Y, Ruritania's minister, said ...", "During talks with X,
# a Ruritanian delegation called ...": the parser often hangs the main clause's subject on the adjunct's last
# noun (an apposition, a conjunct) or reads a sentence-opening participle as part of a name.  The order of the
# words is plain: the adjunct, a comma, the subject, the first finite verb.  These rules read that order.

FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
RELATIVE_WORDS = ("who", "which", "whose", "whom")


def _clause_start(tok) -> int:
    """Where the first clause of ``tok``'s sentence begins: past a dateline ("OSLO (Reuters) -"), an
    "according to X," and a fronted date ("On Tuesday,")."""
    doc, sent = tok.doc, tok.sent
    k, end = sent.start, tok.i
    for j in range(k + 1, min(k + 12, end)):
        if doc[j].text in DASHES and (doc[j - 1].text == ")" or all(
                t.is_upper or t.is_punct or t.like_num for t in doc[sent.start:j])):
            k = j + 1
            break
    while k < end:
        low = doc[k].lower_
        if low != "according" and not (low == "on" and k + 1 < end and doc[k + 1].ent_type_ == "DATE"):
            break
        comma = next((j for j in range(k, end) if doc[j].text == ","), None)
        if comma is None:
            break
        k = comma + 1
    return k


def _opens_clause(trigger, carrier, data: FrameData) -> bool:
    """Does the trigger open its sentence as a fronted adjunct ("Meeting X, ...", "After meeting X, ...",
    "During talks with X, ...", "After holding talks with X, ...", "In a 30-minute phone call with X, ...")?"""
    doc = trigger.doc
    k = _clause_start(trigger)
    if k < trigger.i and doc[k].lower_ in data.adjunct_openers:
        k += 1
    if trigger.i < k or trigger.i - k > 5:
        return False
    return all(t.i == carrier.i or t.text == "-" or (t.pos_ in ("DET", "ADJ", "NUM", "NOUN", "PRON")
                                                      and t.dep_ not in SUBJECT_DEPS) for t in doc[k:trigger.i])


SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _lost_object(prep) -> list:
    """A preposition the parser left with no object at all: the noun phrase right after it."""
    if any(True for _ in prep.children):
        return []
    obj = _np_after(prep)
    return [obj] if obj is not None else []


def _np_after(tok):
    """The noun phrase right after ``tok`` by token order (its last noun): the object of a participle or a
    preposition the parse left without one ("Welcoming Ruritania's minister to ...", "with Minister X Thursday")."""
    last = None
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if t.ent_type_ in ("DATE", "TIME") and last is not None:
            break
        if t.pos_ in ("NOUN", "PROPN"):
            last = t
        elif not (t.pos_ in ("DET", "ADJ", "NUM") or t.tag_ == "POS" or t.text == "-"):
            break
    return last


def _fronted_subject(trigger, index):
    """(subject, main verb) of the clause an opening adjunct is fronted to, by token order: the noun phrase
    after the adjunct's last comma, before the first finite verb outside a relative clause; a name followed
    by its description stands for itself ("..., Y, Ruritania's minister, said").  None when the order is
    not that."""
    doc = trigger.doc
    commas, in_rel, verb, stop = [], False, None, None
    for j in range(trigger.i + 1, trigger.sent.end):
        t = doc[j]
        if t.text == ",":
            commas.append(j)
            in_rel = False
        elif t.lower_ in RELATIVE_WORDS or (t.lower_ == "that" and t.tag_ == "WDT"):
            in_rel = True
        elif (t.tag_ in FINITE_TAGS or t.tag_ == "VBN" and t.dep_ == "ROOT") and not in_rel:
            verb = t.head if t.dep_ in ("aux", "auxpass") and t.head.i > t.i else t  # "will fly": fly
            stop = t.i
            break
    if verb is None or not commas:
        return None
    bounds = commas + [stop]
    units = [doc[a + 1:b] for a, b in zip(bounds, bounds[1:])
             if b > a + 1 and doc[a + 1].lower_ not in RELATIVE_WORDS + ("that",)]
    if not units:
        return None
    pick = units[-1]
    if len(units) >= 2 and _described(units[-1], index) and _named(units[-2], index):
        pick = units[-2]
    heads = [t for t in pick if t.pos_ in ("NOUN", "PROPN", "PRON")
             and not (pick.start <= t.head.i < pick.end and t.head.i != t.i)]
    if not heads or heads[0].ent_type_ in ("DATE", "TIME"):
        return None
    return heads[0], verb


def _named(span, index) -> bool:
    return any((s := index.at(t.i)) is not None and s.label_ in ("person", "organization")
               and s._.kind not in ("pronoun", "demonym") for t in span)


def _described(span, index) -> bool:
    """A description with no name in it ("Ruritania's trade minister", "the Ruritanian minister")."""
    last = span[-1]
    return not _named(span, index) and last.pos_ == "NOUN" and last.tag_ == "NN" and (
        last.lower_ in _role_nouns() or last.lemma_.lower() in _role_nouns())


_role_nouns = functools.lru_cache(maxsize=1)(role_nouns)


def _reattach(subj, verb) -> None:
    """A subject the parser hung inside the adjunct (an apposition or conjunct of its last noun) becomes the
    main verb's subject, so that the adjunct's side no longer includes it.  Nothing when the verb has a
    subject, or hangs below the subject."""
    if subj.head.i == verb.i or subj.head.i > subj.i or any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
            or any(a.i == subj.i for a in verb.ancestors):
        return
    subj.head = verb
    subj.dep_ = "nsubj"


def _front(link: Link, doc, data: FrameData, index) -> None:
    """An opening adjunct's link gets the fronted clause's subject as its agent (by token order)."""
    if link.agents or not _opens_clause(doc[link.trigger], doc[link.carrier], data):
        return
    found = _fronted_subject(doc[link.trigger], index)
    if found is None:
        return
    subj, verb = found
    if any(subj.i in link.roles[r] for r in ROLES):
        return
    _reattach(subj, verb)
    link.agents = [subj.i]
    link.rule += "-fronted"


def _opening_participle(tok, data: FrameData):
    """"Welcoming X to Oslo, Y said": a sentence-opening participle the tagger did not read as a verb (a
    name's first word, an adjective): its object is the noun phrase after it (the agent comes from
    `_front`)."""
    frame = data.ing.get(tok.lower_)
    if frame is None or frame.object is None or _verbal(tok) or not _opens_clause(tok, tok, data):
        return None
    obj = _np_after(tok)
    if obj is None:
        return None
    link = Link(frame.name, frame.kind, tok.i, tok.i, "participle", frame.partner_types, frame.host_types)
    _add(link, frame.object, [obj])
    return link


NP_POS = ("DET", "ADJ", "NOUN", "PROPN", "NUM")


def _list_tail(obj, index) -> list:
    """"held talks with A, B and C", "visited A, B and C" with B and C hung elsewhere by the parser (on the verb,
    on the trigger): the noun phrases that go on the list after ``obj``'s phrase, by token order, up to the
    "and" that closes it.  A description right after a name (", Ruritania's minister,") describes it."""
    doc, end = obj.doc, obj.sent.end
    k = obj.right_edge.i + 1
    units, closed = [], False
    while k < end and not closed:
        if doc[k].text in (",", ";"):  # (a list whose members carry descriptions: "A, the X; B, the Y and C")
            k += 1
        if k < end and doc[k].lower_ == "and":
            closed = True
            k += 1
        elif not units and doc[k - 1].text not in (",", ";"):
            return []
        j = k
        while j < end and (doc[j].pos_ in NP_POS or doc[j].tag_ == "POS" or doc[j].text == "-"
                           or doc[j].lower_ == "of" and j > k) and not (_is_time(doc[j]) and j > k):
            # ("the secretary of state": a description's of-phrase stays in its unit)
            j += 1
        if j == k:
            return []
        units.append((doc[k:j], closed))
        k = j
    if not closed or (k < end and not (doc[k].is_punct or doc[k].pos_ == "ADP" or _is_time(doc[k]))):
        return []
    out, prev_named = [], _named(obj.doc[obj.left_edge.i:obj.right_edge.i + 1], index)
    for span, after_and in units:
        named = _named(span, index)
        heads = [t for t in span if t.pos_ in ("NOUN", "PROPN") and not span.start <= t.head.i < span.end]
        if heads and any(obj.i == a.i for a in heads[-1].ancestors):
            return []  # the parser has the list under the object: the clause rules read it already
        if heads and not (prev_named and not after_and and _described(span, index)):
            out.append(heads[-1])
        prev_named = named
    return out


def _personal(tok, index) -> bool:
    """Does the phrase headed by ``tok`` name a person or a group of people ("X", "the minister", "a
    delegation", "senior officials")?"""
    index = index or actor_index(tok.doc)
    if (sp := index.at(tok.i)) is not None:
        return sp.label_ == "person"  # (the actors' reading first: "Zenda" is no person)
    if tok.ent_type_ == "PERSON":
        return True
    low, lem = tok.lower_, tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (low in _role_nouns() or lem in _role_nouns() or lem in DELEGATION_NOUNS)


DELEGATION_NOUNS = LEXICON["delegation_nouns"] | {"official", "officials"}
SENDING_VERBS = LEXICON["sending_verbs"]
RECORD_WORDS = LEXICON["record_words"]
NOT_TRAVEL = frozenset((v, p) for v, ps in LEXICON["not_travel_particles"].items() for p in ps)  # verb + particle: no trip
SAYING = LEXICON["reporting_verbs"]


def _unnamed_meeting(noun, data: FrameData, index) -> bool:
    """"a meeting": an indefinite meeting or talks noun naming no forum (no name on it)."""
    f = data.by_noun.get(noun.lower_) or data.by_noun.get(_lemma(noun))
    # (indefinite: "the meeting was attended by ..." is one named before, with others there)
    return f is not None and f.kind in ("meeting", "talks") and noun.pos_ == "NOUN" and index.at(noun.i) is None \
        and not any(c.pos_ == "PROPN" for c in noun.lefts) and any(c.lower_ in ("a", "an") for c in noun.lefts)


def _reported_owners(noun, frame: Frame) -> list:
    """"X said talks with Y went well": talks with someone, whose own clause a side reports, are the
    reporter's (not "X said talks between A and B ...", which name their own sides)."""
    if frame.kind not in ("meeting", "talks", "call") or noun.dep_ not in ("nsubj", "nsubjpass", "dobj") \
            or not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children) \
            or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children):
        # ("the talks with Y", "his talks": talks told before or owned; read where they are told)
        return []
    clause = noun.head
    if noun.dep_ == "dobj":
        # "X said talks with Y, who took office in March, went well": the reported clause's subject
        # parsed as the object of "said", its verb as a clause of "said" with no subject of its own
        if clause.lemma_.lower() not in SAYING or not any(
                c.dep_ == "ccomp" and c.i > noun.i and not any(d.dep_ in ("nsubj", "nsubjpass", "expl")
                                                                for d in c.children) for c in clause.children):
            return []
        reporter = clause
    elif clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SAYING:
        return []
    else:
        reporter = _report_owner_verb(clause.head, noun)
    return [c for c in reporter.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]


def _report_owner_verb(reporter, noun):
    """The reporting verb whose subject reports ``noun``'s clause: past an attribution tacked on after it
    ("X said talks with Y went well, a spokesman said"), parsed as the clause's head, to the report it
    vouches for (its head, or a report beside the clause)."""
    while reporter.i > noun.i and reporter.dep_ == "ccomp" and reporter.head.i < noun.i \
            and reporter.head.lemma_.lower() in SAYING:
        reporter = reporter.head
    if reporter.i > noun.i:
        earlier = [c for c in reporter.children if c.dep_ == "ccomp" and c.i < noun.i and c.lemma_.lower() in SAYING
                   and any(d.dep_ == "nsubj" and d.i < c.i for d in c.children)]
        if earlier:
            return earlier[-1]
    return reporter


def _purpose_owners(noun, data: FrameData) -> list:
    """"the arrival of X for talks with Y", "X's trip for talks with Y": talks that are the purpose of another
    event are held by whoever makes it."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
        return []
    event = noun.head.head
    if not (data.by_noun.get(event.lower_) or data.by_noun.get(_lemma(event))):
        return []
    return [c for c in event.children if c.dep_ == "poss"] + [
        q for c in event.children if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by") for q in _pobjs(c)]


def _pronoun_owner(owner, noun, index):
    """"X said his first meeting with Y ...": a possessive pronoun no person was resolved to stands for the
    subject of the reporting verb above it."""
    if owner.tag_ != "PRP$" or owner.lower_ not in ("his", "her", "its") or index.at(owner.i) is not None:
        return owner  # ("their talks": the owners may be both sides)
    for a in noun.ancestors:
        if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in SAYING:
            subj = [c for c in a.children if c.dep_ == "nsubj" and c.i < noun.i and c.pos_ != "PRON"]
            return subj[0] if subj else owner
    return owner


def _dateline_place(doc, index) -> list:
    """The dateline's place ("WARSAW (Reuters) - The visit of X ended ..."): where a visit that names no
    destination takes place."""
    line = doc._.dateline if doc.has_extension("dateline") else None
    if not line:
        return []
    low = line.lower()
    span = next((sp for sp in index.spans[:3] if sp.text.lower() == low and sp.label_ in ("location", "country")), None)
    return [doc[span.end - 1]] if span is not None else []


PLURAL_PRONOUNS = ("they", "both", "two")


def _plural_antecedent(verb) -> list:
    """"A and B agreed ... when they met", "A and B will talk trade when the two meet again": the coordinated
    subject of the clause a plural pronoun's clause depends on."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].lower_ not in PLURAL_PRONOUNS or verb.dep_ not in ("advcl", "relcl"):
        return []
    h = verb.head
    while h.dep_ in ("xcomp", "conj") and h.head.i != h.i:
        h = h.head
    group = [c for c in h.children if c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children)]
    return [group[0]] + [g for g in group[0].children if g.dep_ == "conj"] if group else []


def _appos_list(tok, index) -> list:
    """"attended by the Bank, Minister X and a delegation" parsed as the Bank with "X and a delegation" in
    apposition: an apposition that goes on with "and" and names another actor than its head is a list."""
    head = index.at(tok.i)
    out = []
    for c in tok.children:
        if c.dep_ != "appos" or not any(g.dep_ == "cc" for g in c.children):
            continue
        sp = index.at(c.i)
        if sp is not None and head is not None and sp.label_ in ("person", "organization", "country") \
                and sp.id_ != head.id_ and sp.label_ != head.label_:
            out.append(c)
    return out


def _conj_compounds(tok, index) -> list:
    """Actors the parser made the compound of a conjunct that is no actor itself ("A, B and C - looking for
    ...": C the compound of "looking")."""
    out, stack, seen = [], [tok], set()
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        for c in t.children:
            if c.dep_ != "conj":
                continue
            stack.append(c)
            if index.at(c.i) is None:
                out.extend(g for g in c.children if g.dep_ == "compound" and (sp := index.at(g.i)) is not None
                           and sp.label_ in ("country", "location", "person", "organization"))
    return out


ORDINALS = ("first", "second", "third", "fourth", "fifth", "last", "latest", "next")


def _visit_in_apposition(noun):
    """"during the visit, his first to Ruritania since ...": the ordinal in apposition right after a visit
    noun (by token order: the parser hangs it anywhere), whose "to" names the host."""
    doc, k = noun.doc, noun.i + 1
    if k >= len(doc) or doc[k].text != ",":
        return None
    k += 1
    if k < len(doc) and doc[k].tag_ == "PRP$":
        k += 1
    return doc[k] if k < len(doc) and doc[k].lower_ in ORDINALS else None
