"""Did it happen, is it scheduled, or is it no meeting at all?

Read from the trigger's clause and the few heads above it:

* dropped (None): negated ("did not meet", "no plans to meet"); hypothetical
  ("could meet", "if they meet"); hoped, sought, refused, cancelled, invited,
  proposed ("hopes to meet", "refused to attend", "an invitation to visit"); a
  "possible" or "proposed" visit; habitual contact ("meets every month");
  "would" outside reported speech; wished or ordered ("is eager to meet",
  "was ordered to hold talks"); a possible outcome ("clear the way for a
  summit", "would lead to a meeting");
* ``"scheduled"``: future ("will meet", "is due to meet", "is to visit",
  "plans to discuss ... in talks", "a planned trip", "would leave" under a
  reporting verb; not "later met", a past verb);
* ``"happened"`` otherwise.

Above a preposition that is not a complement ("after", "during", "from" ...,
unlike "hope for", "invitation to") the clause only frames the meeting ("X did
not comment after meeting Y", "they agreed to ... after talks", "seeking to
separate it from X's trip"): it can make the meeting future, not undo it.
"""
from __future__ import annotations

from .lexicon import LEXICON

BLOCKING = LEXICON["blocking_lemmas"]
BLOCKING_NOUNS = LEXICON["blocking_nouns"]
SCHEDULED_NOUNS = LEXICON["scheduled_nouns"]
SCHEDULED_VERBS = LEXICON["scheduled_verbs"]
SCHEDULED_WORDS = LEXICON["scheduled_words"]
SCHEDULED_TRIGGERS = LEXICON["scheduled_triggers"]
POSSIBLE = LEXICON["possible_words"]
HYPOTHETICAL = LEXICON["hypothetical_aux"]
CONDITIONAL = LEXICON["conditional_aux"]
FUTURE = LEXICON["future_aux"]
REPORTING = LEXICON["reporting_verbs"]
MARKS = LEXICON["conditional_marks"]
HABITUAL = LEXICON["habitual_words"]
WILLING = LEXICON["willing_words"]
DIRECTIVE = LEXICON["directive_verbs"]
PROSPECT = LEXICON["prospect_nouns"]
CONSEQUENCE = LEXICON["consequence_verbs"]
MEET_VERBS = LEXICON["meet_verbs"]
#: verbs whose "in" phrase is what they are about ("engage in dialogue", "take part in talks"), not a setting
IN_COMPLEMENT_VERBS = LEXICON["in_complement_verbs"]
#: nouns whose of / for / to phrase names a kind of event, not one that took place
ABSTRACT_HEADS = LEXICON["abstract_event_heads"]
COMPLEMENT_PREPS = frozenset({"for", "of", "to", "on", "about", "into", "towards", "toward"})
CARRIERS = LEXICON["frame_carriers"]
OCCURRENCE = LEXICON["occurrence_verbs"]  # verbs saying whether a meeting takes place
TRIP_NOUNS = LEXICON["tour_nouns"]
ACCEPTING = LEXICON["accepting_verbs"]
ACCEPTABLE_NOUNS = LEXICON["invitation_nouns"]
TIME_LINKS = frozenset({"when", "after", "before", "while", "as", "since", "once"})
COMPLETIVE = frozenset({"complete", "finish", "wrap", "end", "conclude"})
_PLAN = frozenset({"plan", "plans", "expect", "schedule", "due", "set", "slate", "arrange", "prepare"})


def _heads(tok, limit: int = 6) -> list:
    chain, h = [tok], tok
    for _ in range(limit):
        if h.head.i == h.i:
            break
        h = h.head
        chain.append(h)
    return chain


def set_off_participle(v) -> str | None:
    """Is ``v`` a participle set off by commas ("X and Y, meeting in Oslo, agreed"; "Meeting in Oslo, X
    and Y agreed") that the parser hung on a word it does not modify (made it the main verb's subject, a
    preposition of the comma, an apposition)?  ``"opening"`` or ``"inside"``; None otherwise."""
    if v.tag_ != "VBG" or v.dep_ not in ("nsubj", "csubj", "prep", "appos", "dep", "npadvmod"):
        return None
    doc, start = v.doc, v.sent.start
    before = doc[v.i - 1] if v.i > start else None
    after = next((t for t in doc[v.i + 1:v.sent.end] if t.text == ","), None)
    if after is None:
        return None
    if before is None or before.text in ("-", "--", "\u2013", "\u2014"):
        return "opening"
    return "inside" if before.text == "," else None


def _forms(tok) -> set[str]:
    """The token's lemma and the stems its inflection suggests: the lemmatizer reads "hopes" and
    "hoped" as "hop"."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    for suffix, repl in (("s", ""), ("d", ""), ("ed", ""), ("ing", ""), ("ing", "e"), ("ies", "y")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.add(low[: -len(suffix)] + repl)
    return out


def _reported(tok) -> bool:
    """Is ``tok`` inside a clause reported by a verb of saying ("officials said X would ...")?"""
    for h in _heads(tok)[1:]:
        if h.pos_ == "VERB" and h.lemma_.lower() in REPORTING:
            return True
    return False


def past_verb(tok) -> bool:
    """Is ``tok`` a verb in a past tense ("met", "had met", "were held")?"""
    if tok.tag_ == "VBD":
        return True
    return tok.tag_ in ("VBN", "VBG") and any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_.lower() == "have" and c.tag_ != "VB")
        for c in tok.children)


def _known(tok) -> bool:
    """Is the meeting noun definite ("the summit", "her trip"): an event already planned, not a prospect?"""
    return any(c.dep_ == "poss" or c.dep_ == "det" and (c.morph.get("Definite") == ["Def"]
                                                        or c.morph.get("PronType") == ["Dem"])
               for c in tok.children)


def _readied(word, met) -> bool:
    """"Officials prepared for the visit", "ready for a scheduled summit": an event already planned being
    got ready for, not one wished for ("ready for a summit", "is prepared for talks")."""
    acting = word.pos_ == "VERB" and word.dep_ != "acomp" and not any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in word.children)
    return acting or _known(met) or any(c.dep_ == "amod" and c.lower_ in SCHEDULED_WORDS for c in met.children)


def _past_copula(word) -> bool:
    """Is ``word`` said with a past "be" ("were ready", "was prepared"): its own auxiliary, or the copula
    it is the complement of?"""
    copulas = list(word.children) + ([word.head] if word.dep_ == "acomp" else [])
    return any(b.lemma_ == "be" and b.tag_ == "VBD" for b in copulas)


def _prospect(chain: list, i: int, anchors: set) -> bool:
    """Is the meeting below ``chain[i]`` only a possible outcome: wished for ("eager to meet", "ready for
    a summit"), ordered ("was ordered to hold talks with"), or opened up ("clear the way for a summit",
    "the door to a meeting", "would lead to a meeting")?  Only where the meeting is what is wished, ordered
    or opened up, not a phrase framing it ("told X to draft a report ahead of the trip")."""
    x, below = chain[i], chain[i - 1]
    met = chain[i - 2] if i >= 2 else None  # the meeting noun under a preposition
    to_meet = below.dep_ == "xcomp" and below.i in anchors and any(c.tag_ == "TO" for c in below.children)
    if x.lower_ in WILLING and x.pos_ in ("ADJ", "VERB") and (
            to_meet or below.dep_ == "prep" and met is not None and met.i in anchors and not _readied(x, met)):
        return True
    if x.pos_ == "VERB" and x.lemma_.lower() in DIRECTIVE and to_meet:
        return True
    if met is None or below.dep_ != "prep" or below.lower_ not in COMPLEMENT_PREPS or met.i not in anchors:
        return False
    if _known(met):
        return False  # "set the stage for her trip": a trip already planned
    if x.pos_ == "NOUN" and x.lower_ in PROSPECT and x.dep_ != "pobj":
        return True
    if x.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in PROSPECT for c in x.children):
        return True
    return x.pos_ == "VERB" and x.lemma_.lower() in CONSEQUENCE and any(
        c.dep_ == "aux" and c.lower_ in FUTURE | CONDITIONAL for c in x.children)


def _under_condition(trigger) -> bool:
    """Is the meeting inside the complements of a predicate that an "if / unless"-clause conditions ("if the
    talks go well, X is likely to have a meeting with Y")?  Only up through objects and complements: a
    relative or adverbial clause holding the meeting keeps its own truth ("X, who met Y, will go if ...")."""
    t = trigger
    for _ in range(6):
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in MARKS for g in c.children)
               for c in t.children):
            return True
        if t.dep_ not in ("dobj", "pobj", "prep", "xcomp", "acomp", "attr", "oprd") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _presupposed(trigger) -> bool:
    """Is the meeting a noun that is the subject of a predicate about it ("talks between A and B, if
    successful, could ease tension", "the meeting did not produce a deal")?  Its existence is taken as
    given: the modality or negation of that predicate is about the outcome, not the meeting.  Not so for
    the verbs that say whether it takes place ("the meeting was cancelled", "talks will be held")."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = trigger.head
    lem = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lem in CARRIERS or lem in OCCURRENCE or _forms(verb) & BLOCKING:
        return False
    return not any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)  # "take place"


def _completed_before(chain: list) -> bool:
    """Is the meeting the object of a verb of completing in an "after" phrase or clause ("after completing
    (wrapping up, ending) a trip to A")?"""
    for below, x in zip(chain, chain[1:]):
        if x.lemma_.lower() in COMPLETIVE and below.dep_ in ("dobj", "nsubjpass") and (
                x.dep_ == "pcomp" and x.head.lower_ in ("after", "following", "upon", "on")
                or any(c.dep_ == "mark" and c.lower_ == "after" for c in x.children)):
            return True
    return False


VAGUE_ADVERBS = frozenset({"someday", "sometime", "eventually", "ultimately"})


INNER_CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "parataxis"})


def own_clause(x) -> list:
    """The words below ``x`` in its own clause, not in the clauses inside it."""
    stack, clause = list(x.children), []
    while stack:
        c = stack.pop()
        if c.dep_ not in INNER_CLAUSES:
            clause.append(c)
            stack.extend(c.children)
    return clause


def _bounds_a_date(adverb) -> bool:
    """"sometime before the end of May", "sometime next week": the adverb only hedges a concrete time."""
    head = adverb.head
    if head.i == adverb.i:
        return False
    if head.pos_ not in ("VERB", "AUX"):
        return any(t.ent_type_ in ("DATE", "TIME") for t in head.subtree)
    # "will meet sometime in May": a dated phrase beside it (not "in the future": no date)
    return any(c.dep_ in ("prep", "npadvmod") and c.i > adverb.i and any(
        t.ent_type_ in ("DATE", "TIME") and t.lower_ not in ("future", "day") for t in c.subtree)
        for c in head.children)


def _vague_time(x) -> bool:
    """Does ``x`` say its time only vaguely ("in the future", "in the near future", "at some point", "one
    day", "someday")?  No concrete event: a prospect."""
    for c in own_clause(x):
        if c.dep_ == "advmod" and c.lower_ in VAGUE_ADVERBS and not _bounds_a_date(c):
            return True
        if c.dep_ == "npadvmod" and c.lower_ == "day" and any(d.lower_ in ("one", "some") for d in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for q in c.children:
                if q.dep_ == "pobj" and (q.lower_ == "future" or q.lower_ == "point" and any(
                        d.lower_ == "some" for d in q.children)):
                    return True
    return False


def _dated(trigger, verb) -> bool:
    """Does the trigger's phrase, or the verb above it, say when ("next week", "in March")?"""
    return any(t.ent_type_ in ("DATE", "TIME") for t in trigger.subtree) or any(
        t.ent_type_ in ("DATE", "TIME") for c in verb.children if c.dep_ in ("npadvmod", "prep", "advmod")
        for t in c.subtree)


def status(trigger, frame) -> str | None:
    """``"happened"``, ``"scheduled"`` or None (not a meeting)."""
    scheduled = False
    chain = _heads(trigger)
    anchors = {trigger.i, frame.i}
    background = False  # past an "after / during / at ..." phrase: the clause above only frames the meeting
    presupposed = _presupposed(trigger)
    if any(x.dep_ in ("pcomp", "pobj") and x.head.lower_ == "without" for x in chain[:2]):
        return None  # "left without attending the summit", "ended without a meeting with X"
    if len(chain) > 2 and chain[1].dep_ == "prep" and chain[1].lower_ in ("of", "for", "to") \
            and chain[2].pos_ == "NOUN" and chain[2].lemma_.lower() in ABSTRACT_HEADS:
        return None  # "the importance of dialogue between A and B", "calls for talks": no event told
    if trigger.dep_ in ("relcl", "acl") and trigger.head.lemma_.lower() == "time" and any(
            c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in trigger.children) and any(
            c.dep_ == "amod" and c.lower_ in ("first", "last", "only") for c in trigger.head.children) and any(
            c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
            for c in trigger.children):
        # "the first time a Ruritanian leader has visited X": a record of a kind, no one's visit (not "the first time
        # a delegation will negotiate with Y": what is about to happen)
        return None
    if _under_condition(trigger):
        return None  # "If the talks go well, X is likely to have a meeting with Y"
    for i, x in enumerate(chain):
        lem = x.lemma_.lower()
        kids = list(x.children)
        if lem == "look" and any(c.dep_ in ("advmod", "prt") and c.lower_ == "forward" for c in kids) and i > 0:
            return None  # "looks forward to meeting X", "to having talks with X": a hope
        if i == 2 and chain[1].lower_ == "in" and (x.lower_ == "interest" or any(
                c.dep_ == "dobj" and c.lower_ == "interest" for c in kids)):
            return None  # "expressed interest in a meeting with X" (the "in" on the noun or the verb): a wish
        if i > 0 and chain[i - 1].dep_ in ("prep", "agent") and chain[i - 1].lower_ not in COMPLEMENT_PREPS \
                and not (chain[i - 1].lower_ in ("at", "on") and lem in MEET_VERBS) \
                and not (chain[i - 1].lower_ == "in" and lem in IN_COMPLEMENT_VERBS):
            # "after talks", "from his trip": not what a hope or a refusal is about (but "could meet at the
            # summit": being at the summit is that meeting, as hypothetical as it)
            background = True
        if i > 0 and chain[i - 1].dep_ == "relcl" and past_verb(chain[i - 1]):
            background = True  # "at the request of Y, whom he had met": a relative clause states its own past
        if i > 0 and chain[i - 1].dep_ in ("acl", "appos") and chain[i - 1].tag_ in ("VBG", "VBN") \
                and chain[i - 1].pos_ == "VERB":
            background = True  # "X and Y, meeting in Oslo, agreed to ...": a participle on a noun tells its own event
        if i > 0 and chain[i - 1].tag_ == "VBG" and (
                chain[i - 1].dep_ == "advcl" and chain[i - 1].i < x.i
                and not any(c.dep_ == "mark" for c in chain[i - 1].children)
                or set_off_participle(chain[i - 1]) is not None):
            # "Meeting in Oslo, X and Y agreed to ...": an opening participle is an adjunct of its own (the
            # parser may make it the subject, with the real subject its apposition), not what is agreed
            background = True
        if i > 0 and chain[i - 1].dep_ == "advcl" and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in TIME_LINKS for c in chain[i - 1].children):
            background = True  # "agreed to expand trade when they met": when, not what was agreed
        if i > 1 and chain[i - 1].dep_ == "prep" and chain[i - 1].lower_ == "on" \
                and chain[i - 2].lemma_.lower() in TRIP_NOUNS and (
                    chain[i - 1].i < x.i or chain[i - 1].nbor(-1).text == ","):
            # "X, on a visit to Y, urged ...", "On a trip to Y, X urged": set off, the phrase says where X
            # was, not what X urged ("insisted on a visit to Y" is the complement)
            background = True
        if i == 1 and presupposed:
            background = True  # "talks between A and B could ease tension": the talks are taken as given
        near = (i <= 3 or x.i in anchors) and not background
        if background and x.pos_ in ("VERB", "AUX"):
            scheduled = scheduled or any(c.dep_ == "aux" and c.lower_ in FUTURE for c in kids)
            continue
        if near and any(c.dep_ == "neg" for c in kids) and (x.i in anchors or x.pos_ in ("VERB", "AUX")):
            return None
        if i <= 2 and any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in kids) and x.pos_ == "NOUN":
            if x.i in anchors or x.lower_ in SCHEDULED_NOUNS or x.lower_ in BLOCKING_NOUNS:
                return None  # "no plans to meet", "not scheduled any meeting"
        if i > 0 and near and _prospect(chain, i, anchors):
            return None
        if i > 0 and near:
            blocking = bool(_forms(x) & BLOCKING)
            if lem == "call" and any(c.dep_ in ("oprd", "acomp") for c in kids):
                blocking = False  # "called the visit very important": a judgement of it, no call for it
            if x.pos_ in ("VERB", "ADJ") and blocking and lem not in _PLAN:
                if not (x.i == frame.i and x.i != trigger.i):
                    return None
            if x.pos_ == "NOUN" and x.lower_ in ACCEPTABLE_NOUNS and x.dep_ in ("dobj", "nsubjpass") \
                    and x.head.lemma_.lower() in ACCEPTING and not any(c.dep_ == "neg" for c in x.head.children):
                # "accepted an invitation to visit next week": a plan now, no longer an offer; with no time
                # it is a promise to go some day, as "agreed to visit" is
                if not _dated(trigger, x.head):
                    return None
                scheduled = True
                continue
            if x.pos_ == "NOUN" and x.lower_ in BLOCKING_NOUNS and x.i not in anchors:
                return None  # "an invitation to visit", "hopes of a meeting"
            if x.pos_ == "NOUN" and x.lower_ in SCHEDULED_NOUNS:
                scheduled = True
        if near and x.pos_ in ("VERB", "AUX"):
            for c in kids:
                if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL:
                    return None
                if c.dep_ == "aux" and c.lower_ in CONDITIONAL:
                    # "officials said X would leave for Y": future in reported speech; "a meeting would be
                    # useful", "would meet if ...": hypothetical
                    if not _reported(x) or (lem == "be" and any(
                            c2.dep_ in ("nsubj", "nsubjpass") and c2.i in anchors for c2 in kids)):
                        return None  # "would meet if ...", "a meeting would be useful"
                    scheduled = True
                if c.dep_ == "aux" and c.lower_ in FUTURE:
                    scheduled = True
                if c.dep_ == "mark" and c.lower_ in MARKS:
                    return None
            if lem == "be" and any(c.dep_ == "xcomp" for c in kids):
                scheduled = True  # "is to visit"
            if x.dep_ == "xcomp" and x.head.lemma_.lower() == "be":
                scheduled = True
        if near and i > 1 and x.lower_ in WILLING and chain[i - 1].dep_ == "prep" and chain[i - 1].lower_ == "for" \
                and not _past_copula(x):
            scheduled = True  # "officials are ready for the talks", "prepared for a visit": still ahead
        if lem == "set" and any(c.dep_ == "prt" for c in kids):
            continue  # "sets off on a trip", "set out for X": travel, not "is set to"
        if near and x.pos_ in ("VERB", "ADJ", "AUX") and (lem in SCHEDULED_VERBS and i > 0 or lem in SCHEDULED_TRIGGERS):
            scheduled = True  # "is due to", "plans to"; a trigger that is itself ahead: "is expected in"
    if scheduled and trigger.dep_ in ("relcl", "advcl", "ccomp", "conj") and trigger.tag_ == "VBD":
        scheduled = False  # "X, who visited A last week, will travel to B": a past verb keeps its own tense
    if scheduled and _completed_before(chain):
        scheduled = False  # "after completing a trip to A, X will fly to B": the legs behind are done
    if scheduled and any(_vague_time(x) for x in chain[:3] + [frame]):
        return None  # "would visit X in the future", "will meet Y at some point"
    for x in {trigger, frame}:
        for c in x.children:
            if c.lower_ in POSSIBLE and c.dep_ in ("amod", "compound", "advmod"):
                return None  # "a possible visit"
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in MARKS for g in c.children):
                return None  # "will leave for X if the ceasefire holds"
            if c.lower_ in SCHEDULED_WORDS and c.dep_ in ("amod", "compound", "advmod", "npadvmod"):
                if c.dep_ in ("advmod", "npadvmod") and past_verb(x):
                    continue  # "later met": what came next, in the past
                scheduled = True
        for c in x.subtree:  # "meets X every month": habitual contact, not a meeting
            if c.lower_ in HABITUAL and c.head.i in {x.i} | {h.i for h in x.children}:
                return None
    return "scheduled" if scheduled else "happened"
