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
  frame attends.

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

from .lexicon import LEXICON
from .participants import demonstrative, verbal

ROLES = ("partner", "host", "forum", "members")
MEAL_WORDS = frozenset({"dinner", "lunch", "breakfast", "luncheon", "supper", "banquet", "reception", "ceremony"})
SETTING_FORUMS = LEXICON["describable_forum_nouns"]  # nouns that name a gathering a meeting may be held at
FORUM_WORDS = LEXICON["forum_event_nouns"] | LEXICON["talk_nouns"] | LEXICON["forum_org_heads"]
_FRAME_KEYS = {"kind", "verbs", "nouns", "object", "preps", "needs_cue", "verb_cue", "partner_types", "host_types",
               "carriers", "requires"}


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
    by_verb: dict = field(default_factory=dict)
    by_noun: dict = field(default_factory=dict)
    words: frozenset = frozenset()  # every word that may start a link (verbs, nouns, carrying verbs, "in")


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
        for key in ("verbs", "nouns", "needs_cue", "carriers", "verb_cue"):
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
                            frozenset(obj.get("verb_cue", [])), obj.get("requires")))
    by_verb, by_noun = {}, {}
    for f in frames:
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
                "setting_preps", "attending_verbs"):
        words = raw.get(key, [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise FrameError(f"{where}: {key!r} must be a list of words")
        lists[key] = frozenset(words)
    return FrameData(tuple(frames), lists["forum_frames"], lists["inclusion_preps"], lists["light_verbs"],
                     lists["not_partner_objects"], lists["carry_verbs"], lists["setting_verbs"], lists["setting_preps"],
                     lists["attending_verbs"], by_verb, by_noun,
                     frozenset(by_verb) | frozenset(by_noun) | lists["carry_verbs"] | {"in"})


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
    if verbal(tok):
        f = data.by_verb.get(lem)
        if f is not None and f.verb_cue and not _cue_phrase(tok, f):
            return None, "verb"
        return f, "verb"
    if tok.pos_ in ("NOUN", "PROPN"):
        f = data.by_noun.get(low) or data.by_noun.get(lem)
        if f is not None and f.carriers and not (tok.dep_ == "dobj" and _lemma(tok.head) in f.carriers):
            return None, "noun"
        if f is not None and f.needs_cue and not any(
                c.lower_ in f.needs_cue or _lemma(c) in f.needs_cue for c in tok.children
                if c.dep_ in ("compound", "amod", "nmod")):
            return None, "noun"
        return f, "noun"
    return None, ""


CUE_PREPS = ("by", "on", "over", "via")


def _cue_phrase(verb, frame: Frame):
    """The "by phone" phrase of a verb ("spoke by phone"), or None."""
    return next((c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in CUE_PREPS
                 and any(_lemma(q) in frame.verb_cue or q.lower_ in frame.verb_cue for q in _pobjs(c))), None)


def _carrier(noun, data: FrameData, frame: Frame | None = None):
    """The verb that carries a noun trigger: "held talks", "set off on a trip", "talks were held"."""
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
            _add(link, "forum", [q for q in _pobjs(c) if _lemma(q) in SETTING_FORUMS])
        role = frame.preps.get(low)
        if role is None or only is not None and role != only:
            continue
        objs = [q for q in _pobjs(c) if not _is_time(q)]
        if role == "host" and low == "of":
            objs = [q for q in objs if q.ent_type_ != "PERSON"]  # "the visit of X": the visitor, not a host
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
    out = []
    for i in starts:
        tok = doc[i]
        frame, how = _frame_of(tok, data)
        if frame is None:
            for found in (_carried_traveller(tok, data), _there_for(tok, data)):
                if found is not None:
                    out.append(found)
            continue
        link = Link(frame.name, frame.kind, tok.i, tok.i, how, frame.partner_types, frame.host_types)
        if how == "verb":
            passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
            by = [q for c in tok.children if c.dep_ == "agent" for q in _pobjs(c)]
            if passive and by and frame.object:
                link.agents = [t.i for t in by]  # "X was met by Y"
                _add(link, frame.object, passive)
            if frame.object:
                objs = [c for c in tok.children if c.dep_ in OBJECTS and not _is_time(c)]
                if len(objs) == 1 and not (frame.object == "partner" and _lemma(objs[0]) in data.not_partner_objects):
                    _add(link, frame.object, objs)
            _prep_roles(link, frame, tok, data)
            if frame.object == "forum" and any(c.dep_ == "dobj" for c in tok.children):
                # "attended a dinner at the Great Hall": with the thing attended named, "at" is its venue
                venues = {q.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "at" for q in _pobjs(c)}
                link.roles["forum"] = [i for i in link.roles["forum"] if i not in venues]
            for obj in (c for c in tok.children if c.dep_ in OBJECTS) if "forum" in frame.preps.values() else ():
                # "joined leaders at the summit": 'at' on the object (on an attended event, "the summit at the
                # city hall", it is the venue)
                if _lemma(obj) not in FORUM_WORDS and _lemma(obj) not in MEAL_WORDS:
                    _prep_roles(link, frame, obj, data, only="forum")
            cue = _cue_phrase(tok, frame) if frame.verb_cue else None
            for q in _pobjs(cue) if cue is not None else ():
                _prep_roles(link, frame, q, data)  # "spoke by phone with X": the 'with' on "phone"
        else:
            owners = [c for c in tok.children if c.dep_ == "poss"]
            if frame.kind == "visit":  # "the visit of X to Y": of a person, the visitor
                owners += [q for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                           for q in _pobjs(c) if q.ent_type_ == "PERSON"]
            by = [q for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                  for q in _pobjs(c)]
            if owners or by:
                link.agents = [t.i for t in owners + by]
            _prep_roles(link, frame, tok, data)
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
        if frame.requires and not link.roles[frame.requires]:
            continue
        if any(link.roles[r] for r in ROLES) or together or link.agents:
            # ("A and B negotiated": the sides are the subjects; "A and B arrived" is no visit of anyone;
            # "during their meeting": the owners may be the sides)
            out.append(link)
    return out


def _framing(noun, data: FrameData) -> bool:
    """Is the noun in a phrase that sets the scene of its clause ("agreed in a phone call", "said during
    talks"): the clause's subjects, two or more, are its sides."""
    return noun.dep_ == "pobj" and noun.head.lower_ in data.setting_preps and noun.head.head.pos_ == "VERB" \
        and not any(c.dep_ == "poss" for c in noun.children)


def _setting(link: Link, frame: Frame, noun, data: FrameData) -> None:
    """"In a meeting, X told Y ...", "At the talks X urged Y to ...": a meeting noun setting the scene of a
    verb of telling makes its subject meet its addressee."""
    if frame.kind not in ("meeting", "talks", "call") or noun.dep_ != "pobj" or noun.head.lower_ not in data.setting_preps:
        return
    verb = noun.head.head
    if verb.pos_ != "VERB" or _lemma(verb) not in data.setting_verbs or link.agents:
        return
    addressees = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        q for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for q in _pobjs(c)]
    if addressees and not link.roles["partner"] and not link.roles["members"]:
        link.carrier = verb.i
        link.rule = "setting"
        _add(link, "partner", addressees[:1])


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
    if not any(data.by_noun.get(q.lower_) or data.by_noun.get(_lemma(q)) for q in purpose):
        return None
    visit = next(f for f in data.frames if f.kind == "visit")
    link = Link(visit.name, "visit", prep.i, prep.i, "there-for", agents=[traveller.i],
                host_types=frozenset({"country", "location"}))
    _add(link, "host", _pobjs(prep))
    _add(link, "forum", [q for q in purpose if _lemma(q) in SETTING_FORUMS])  # "... for the X summit"
    return link if link.roles["host"] else None


def _carried_traveller(verb, data: FrameData):
    """"A tour that has taken him to A, B and C", "the trip brings her to X": a trip carrying its object to
    places is that person's visit to them."""
    if verb.pos_ != "VERB" or _lemma(verb) not in data.carry_verbs:
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    trip = verb.head if verb.dep_ == "relcl" and (not subj or subj[0].tag_ in ("WDT", "WP")) else (subj[0] if subj else None)
    visit = data.by_noun.get(trip.lemma_.lower()) if trip is not None and trip.pos_ == "NOUN" else None
    travellers = [c for c in verb.children if c.dep_ == "dobj"]
    hosts = [q for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "through", "across")
             for q in _pobjs(c)]
    if visit is None or visit.kind != "visit" or len(travellers) != 1 or not hosts:
        return None
    link = Link(visit.name, visit.kind, verb.i, verb.i, "carry", agents=[travellers[0].i])
    _add(link, "host", hosts)
    return link


@functools.lru_cache(maxsize=8)
def _word_hashes(words: frozenset) -> frozenset:
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


def inclusion_members(tok) -> list:
    """The pobjs of "including" phrases on ``tok`` ("Asia, including A, B and C")."""
    inclusion = load_frames().inclusion
    return [q for c in tok.children if c.dep_ in ("prep", "acl", "advcl") and (c.lower_ in inclusion or _lemma(c) in inclusion)
            for q in c.children if q.dep_ in ("pobj", "dobj")]
