"""Who met whom: meetings, talks, visits and calls, from the matched meeting frames.

`extract_meetings(doc)` reads the matches the ``graphkit_meeting_frames``
component wrote (``doc._.meeting_frames``: a pattern id and its nodes) and the
actor spans, and for each match:

1. status (`graphkit.relations.status`): happened, scheduled, or no meeting;
2. each slot resolved to participants (`graphkit.relations.participants`);
3. pairs: "X met A, B and C" is a hub (X-A, X-B, X-C); "talks between A, B and
   C" pairs everyone; a visit pairs each visitor with the host country (one
   visit per host), a forum each attendee with the forum; a visit to a person
   is a meeting with them; nobody visits their own country;
4. kind (talks between two sides with no sign of a negotiation are a meeting),
   place and date (`graphkit.relations.place_date`, `graphkit.relations.dates`);

then merges one meeting reported twice into one (both sentences kept as evidence).

>>> from graphkit.nlp import load_model
>>> doc = load_model()("Foreign Minister Anna Berg met Karl Holm in Oslo on Monday.")
>>> [(m.participants, m.kind, m.location) for m in extract_meetings(doc)]
[(['Anna Berg', 'Karl Holm'], 'meeting', 'Oslo')]
"""
from __future__ import annotations

import dataclasses

from graphkit.actors.gazetteer import fold, load_gazetteer
from graphkit.actors.spans import actor_index
from graphkit.records import Actor, Meeting

from graphkit.dates import future_phrase, has_year, infer_date, normalize_date
from .lexicon import LEXICON
from .linking import ROLES, Link, inclusion_members, link_frames
from .participants import Participant, Resolver, clause_subject
from .patterns import MeetingPattern, SlotRef, load_patterns
from .place_date import date_on, meeting_date_span, meeting_place, places_near
from .status import own_clause, past_verb, status

NEGOTIATION = LEXICON["negotiation_cues"]
NOT_MEETING = LEXICON["not_meeting_modifiers"]
FORUM_EVENT_NOUNS = LEXICON["forum_event_nouns"]
RECEIVING = LEXICON["receiving_verbs"]  # a host receiving guests, one by one
NOT_MEETING_UNLESS_OF = LEXICON["not_meeting_unless_of_body"]
PHONE = LEXICON["phone_nouns"]
FORUM_NOUNS = LEXICON["forum_event_nouns"] | LEXICON["talk_nouns"]
FORUM_HEADS = LEXICON["forum_org_heads"]
MEETING_NOUNS = LEXICON["meeting_nouns"]
PLACE_NOUNS = LEXICON["place_nouns"]
VENUE_NOUNS = LEXICON["venue_nouns"]  # institutions one tours: visiting one meets no one
SAYING = LEXICON["reporting_verbs"]
HOST_VERBS = LEXICON["host_verbs"]
WORLD_REGIONS = LEXICON["world_regions"]
LEGISLATURE = LEXICON["legislature_words"]
SPEECH_VERBS = LEXICON["address_verbs"] | LEXICON["speak_verbs"]
HOMECOMING = frozenset({"return", "come", "go", "stay", "remain", "be"})  # verbs that may bring one home
RETURNING = frozenset({"return", "come"})  # ... and those that most often do ("came back to X")
ROUND_TABLE = 8  # a grouping of up to this many states meets as one table (everyone paired)


def _patterns() -> dict:
    return {p.id: p for p in load_patterns()}


class _Match:
    """One pattern match being turned into meetings."""

    def __init__(self, pattern, nodes: dict, doc, resolver: Resolver):
        self.p, self.doc, self.resolver = pattern, doc, resolver
        self.tok = {n: doc[i] for n, i in nodes.items()}
        self.trigger = self.tok["trigger"]
        self.frame = self.tok[pattern.frame]
        self.seen: list[Participant] = []  # every participant the slots gave
        self.by_order = False  # a side was found by token order, the parse giving none
        self.joined: tuple | None = None  # (attendees, status) of "attended that meeting": the one just told
        self.lone: tuple | None = None  # (agents, status) of a meeting with a group no one names yet

    def _subject_by_order(self, node) -> list:
        """The fallback when the parse links the trigger to no subject: the actor opening the sentence."""
        span = _opening_actor(self.trigger, self.resolver.index)
        if span is None:
            return []
        self.by_order = True
        return [self.doc[span.end - 1]]

    def _previous_subject(self, node) -> list:
        """"X arrived in Y on Monday. The meeting with Z on Tuesday ...": a meeting noun heading its own clause,
        no one's in the text, is held by the one person the sentence before is about (its subject)."""
        if node.pos_ != "NOUN" or node.dep_ not in ("nsubj", "nsubjpass") or node.sent.start == 0 \
                or any(c.dep_ == "poss" for c in node.children):
            return []
        before = self.doc[node.sent.start - 1].sent
        subjects = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
        found = [x for t in subjects for x in self.resolver.actors(t)]
        if len(found) != 1 or found[0].type != "person":
            return []
        self.by_order = True
        return subjects

    def slot(self, name: str) -> list[Participant]:
        ref = self.p.slots.get(name)
        if ref is None:
            return []
        refs = ref if isinstance(ref, tuple) else (ref,)
        out: list[Participant] = []
        for r in refs:
            heads = clause_subject(self.tok[r.node]) if r.subject else [self.tok[r.node]]
            if r.subject and not heads and name == "agent":
                heads = self._subject_by_order(self.tok[r.node]) or self._previous_subject(self.tok[r.node])
            heads = heads + [q for h in heads for q in _second_objects(h)]
            listed = [q for h in heads for q in inclusion_members(h) + _verb_inclusion(h, r.subject)
                      if not (r.subject and _included_after(q, self.trigger))]
            if listed:
                # "a trip to Asia, including A and B", "met senators, including X": the listed actors are the
                # sides; the region or group heading the list is kept only when it is an actor of its own
                heads = [h for h in heads if any(x.type in ("person", "organization", "forum", "country")
                                                 for x in self.resolver.actors(h))] + listed
            if r.country:
                # a person's or a state's country; a company's is only where it sits, not where one travelled
                for x in (x for h in heads for x in self.resolver.actors(h) if x.type != "organization"):
                    c = _own_country(x) or x.guess
                    if c and is_country(c):
                        out.append(Participant(c, "country", c))
                continue
            for h in heads:
                if name == "forum":
                    # "chaired the X summit, the Y summit and the Z forum": each gathering coordinated is attended
                    for g in (h, *(c for c in h.conjuncts if c.i > h.i and c.pos_ in ("NOUN", "PROPN"))):
                        out.extend(x for x in self.resolver.forum_at(g) if g is h or x.type == "forum"
                                   or g.lemma_.lower() in FORUM_EVENT_NOUNS)
                elif name == "members":
                    out.extend(self.resolver.members(h))
                elif name == "host":
                    # "visited Kenya's biggest shantytown": the place a visited thing lies in (not a summit's
                    # city, not "set money aside for the conflicts in Iraq")
                    found = self.resolver.actors(h) or (
                        self.resolver.places_in(h) if (h.dep_ == "dobj" and h.lemma_.lower() not in FORUM_NOUNS)
                        or h.lemma_.lower() in PLACE_NOUNS else [])
                    # a continent or a world region is no country visited, whatever town bears its name
                    out.extend(x for x in found if not (x.type == "location" and fold(x.place or x.name) in WORLD_REGIONS))
                else:
                    found = self.resolver.actors(h)
                    if not found and r.subject:
                        # "his resignation was accepted during a meeting with X": the subject names no
                        # side, its possessor does
                        found = [x for c in h.children if c.dep_ == "poss"
                                 for x in self.resolver.actors(c) if x.type == "person"]
                        if fold(h.lemma_) in self.resolver.roles and h.lower_ not in LEXICON["delegation_nouns"]:
                            # "X sent his ministers to meet Y": not X, X's country
                            found = [Participant(x.country, "country", x.country) for x in found
                                     if x.country and is_country(x.country)]
                    out.extend(found)
        out = list(dict.fromkeys(out))
        self.seen.extend(out)
        return out


def _verb_inclusion(noun, subject: bool) -> list:
    """"met with nine senators on Thursday, including X": an "including" phrase the parser hangs on the
    verb lists the members of the plural object or partner before it (not of the subject)."""
    if subject or noun.tag_ != "NNS" or noun.dep_ not in ("dobj", "pobj"):
        return []
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    # (or on the subject, where the parser hung an "including" that ends the clause: "A and officials met
    # with senators on Thursday, including X")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [q for h in [verb] + subjects for q in inclusion_members(h) if q.i > noun.i]


def _included_after(member, verb) -> bool:
    """Is ``member`` listed by an "including" phrase that comes after the clause's verb (so not a list of
    the subject before it, however the parser hung it)?"""
    incl = member.head
    return incl.i > verb.i and incl.head.i < verb.i


def _opening_actor(trigger, index):
    """The actor that opens the trigger's sentence ("Vargas heads to X after visiting Y" misparsed with
    "Vargas" a verb), when no other person stands between it and the trigger: the sentence's subject by
    token order."""
    sent = trigger.sent
    if trigger.pos_ != "VERB" or sent.text.isupper():
        return None  # a verb whose subject the parse lost; not a noun, not a headline in capitals
    k = sent.start
    while k < trigger.i and (trigger.doc[k].is_punct or trigger.doc[k].is_space):
        k += 1
    span = index.at(k)
    if span is None or span.start != k or span.label_ not in ("person", "country", "organization") \
            or span._.stands_for == "place" or span.end > trigger.i:
        return None
    if any(s.label_ == "person" and s.start >= span.end for s in index.in_range(span.end, trigger.i)):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SAYING for t in trigger.doc[span.end:trigger.i]):
        return None  # "X said Y met Z": the speaker is not the one who met
    return span


def _story_country(m: "_Match") -> str | None:
    """The country the story is about: the article's own, else the one its dateline lies in."""
    if m.doc._.home_country:
        return m.doc._.home_country
    line = m.doc._.dateline
    if not line:
        return None
    span = next((s for s in m.resolver.index.spans if fold(s.text) == fold(line)), None)
    return span._.country if span is not None else None


def is_country(name: str) -> bool:
    e = load_gazetteer().lookup(name)
    return e is not None and e.type == "country"


def _second_objects(tok) -> list:
    """"with A on Monday and with B on Tuesday": the objects of a preposition coordinated with tok's own."""
    if tok.dep_ != "pobj" or tok.head.dep_ not in ("prep", "agent"):
        return []
    prep = tok.head
    holder = prep.head
    # the second "with" hangs on the first, or on another preposition of the same noun or verb
    preps = [prep] + [c for h in (holder, holder.head) for c in h.children if c.dep_ == "prep" and c.i != prep.i]
    return [q for p in preps for c in p.children if c.dep_ == "conj" and c.lower_ == prep.lower_
            for q in c.children if q.dep_ == "pobj"]


def _visit_to_forum(m: _Match, attendees: list[Participant], forum_node) -> list:
    """Attending a forum held abroad is also a visit ("chairing a meeting of X in Cape Town")."""
    index = m.resolver.index
    inside = [s for s in index.in_range(forum_node.left_edge.i, forum_node.right_edge.i + 1)
              if s._.stands_for == "place" and s.doc[s.end - 1].dep_ == "pobj"
              and s.doc[s.end - 1].head.lower_ in ("in", "at")]
    spans = inside or [s for _, s in places_near(index, forum_node, m.frame)]
    if not spans or not spans[0]._.country or not is_country(spans[0]._.country):
        return []
    country = spans[0]._.country
    visitors = [a for a in attendees if a.type == "person" and (_own_country(a) or a.guess) not in (None, country)]
    if not visitors:
        return []
    return [_visit_group(m, visitors, country, spans[0].text)]


def _homonym_abroad(m: _Match, host: Participant, country: str, visitors: list[Participant]) -> bool:
    """"Visiting constituencies in Somerset" in a British story about British politicians: a town whose
    name only the city table places abroad, in a country the article names nowhere else, is a home town
    the table does not know (county, constituency), not a trip abroad."""
    home = m.doc._.home_country
    if home is None or country == home or load_gazetteer().lookup(host.place or host.name) is not None:
        return False
    if any((_own_country(v) or v.guess) != home for v in visitors):
        return False
    return not any(s.text != (host.place or host.name) and country in (s.id_, s._.country)
                   for s in m.resolver.index.spans)


def _session(m: _Match, forum: Participant) -> list:
    """A session of a grouping of states with no attendee in its sentence ("a meeting of the Group of
    Seven was in progress"): its member states the article names attend.  A small round table pairs
    everyone; a larger grouping pairs each attendee with the forum."""
    attendees = m.resolver.members_present(forum)
    if len(attendees) < 2:
        return []
    m.seen.extend(attendees)
    hub = forum.name if len(load_gazetteer().forum_members.get(forum.name, ())) > ROUND_TABLE else None
    return [(attendees + [forum], hub, "talks", None)]


def _unnamed_side(m: _Match) -> bool:
    """Does a "between" list name someone who is no actor (generic people)?"""
    ref = m.p.slots.get("members")
    for r in ref or ():
        tok = m.tok[r.node]
        if r.subject or tok.dep_ != "pobj":
            continue
        for x in m.resolver.conjuncts(tok):
            if m.resolver.index.at(x.i) is None and not m.resolver.actors(x):
                return True
    return False


def _hub(agents: list, partners: list):
    if len(agents) == 1 and len(partners) >= 2:
        return agents[0].name
    return None


def _own_country(p: Participant) -> str | None:
    return p.name if p.type == "country" else p.country


def _speak_for_countries(parts: list[Participant]) -> list[Participant]:
    """A country whose own person takes part is not listed beside them; a person meeting only their own
    country's unnamed officials ("talks with his country's ambassador") is an internal meeting: no one."""
    countries = {p.country for p in parts if p.type == "person" and p.country}
    kept = [p for p in parts if not (p.type == "country" and p.name in countries)]
    return kept if len(kept) >= 2 or len(kept) == len(parts) else []


def _kind(kind: str, parts: list[Participant], m: _Match, hub: str | None = None) -> str:
    if kind == "meeting" and len(parts) >= 3 and hub is None and not (
            m.trigger.lemma_.lower() in MEETING_NOUNS or m.trigger.lower_ in MEETING_NOUNS):
        return "talks"  # "A, B, C and D will meet": multilateral (a hub's meetings are bilateral)
    if kind != "talks":
        return kind
    if any(p.type == "forum" for p in parts):
        return "talks"
    if m.trigger.lemma_.lower() in MEETING_NOUNS or m.trigger.lower_ in MEETING_NOUNS:
        return "meeting"  # "a trilateral meeting was held between A, B and C": the text's own word
    if len(parts) >= 3:
        return "talks"
    if any(p.type == "organization" and {w.lower() for w in p.name.split()} & FORUM_HEADS for p in parts):
        return "talks"  # talks with a club, a committee, a council
    words = {m.trigger.lemma_.lower(), m.trigger.lower_} | {c.lower_ for c in m.trigger.children}
    if words & NEGOTIATION:
        return "talks"
    if any(p.type == "organization" and p.country is None for p in parts) and any(p.type == "country" for p in parts):
        return "talks"  # a group or an international body facing a state
    return "meeting"


def _legislature(forum: Participant) -> bool:
    """Is the forum one country's parliament ("the Bundestag", "the National Assembly"), not a gathering
    of many ("the UN General Assembly")?"""
    words = {w.lower() for w in forum.name.replace("-", " ").split()}
    return bool(words & LEGISLATURE) or {"national", "assembly"} <= words


def _body_country(forum: Participant, doc) -> str | None:
    """The country whose government body a forum is: its own, or for a legislature the tables give no
    country ("the House Fisheries Committee"), the article's."""
    if forum.type != "organization":
        return None
    if forum.country:
        return forum.country
    words = {w.lower() for w in forum.name.replace("-", " ").split()}
    return doc._.home_country if words & LEGISLATURE else None


def _internal(noun, index) -> bool:
    """A meeting that is no encounter of sides: "a news conference", "a cabinet meeting", "the party's
    annual conference", "a meeting of the board".  "Annual" is a company's own meeting ("the Volvo annual
    meeting") unless an of-phrase names whose meeting it is ("the annual congress of the Nordic Grain
    Association")."""
    bodies = [q for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for q in c.children if q.dep_ == "pobj"]
    if any(q.lemma_.lower() in NOT_MEETING or q.lower_ in NOT_MEETING for q in bodies):
        return True
    named_body = any(q.pos_ == "PROPN" or index.at(q.i) is not None for q in bodies)
    return any(c.lower_ in NOT_MEETING and not (named_body and c.lower_ in NOT_MEETING_UNLESS_OF)
               and not (c.lower_ == "general" and c.pos_ == noun.pos_ == "PROPN")  # "the UN General Assembly"
               for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss"))


def _meetings_of(m: _Match, reference: str | None) -> list[Meeting]:
    p = m.p
    for name in ("trigger", "forum"):
        noun = m.tok.get(name) if name == "forum" else m.trigger
        if noun is not None and _internal(noun, m.resolver.index):
            return []  # "a news conference", "a cabinet meeting", "a meeting of the party"
    st = status(m.trigger, m.frame)
    if st is None:
        return []
    host_ref = p.slots.get("host")
    if getattr(host_ref, "country", False) and m.frame.i != m.trigger.i and status(m.frame, m.frame) is None:
        return []  # "X is not scheduled to meet Y during his stay": no meeting, so no country of Y's visited
    agents = [a for a in m.slot("agent") + m.slot("co_agent") if a.type != "location"]
    if p.session:  # attendance the clause names is read by the attendance patterns
        forums = [f for f in m.slot("forum") if f.type == "forum"]
        if st != "happened" or any(a.name not in {f.name for f in forums} for a in agents):
            return []
        return _meetings(m, st, reference, [g for f in forums for g in _session(m, f)])
    if p.agent_types:
        agents = [a for a in agents if a.type in p.agent_types]
    partners = [a for a in m.slot("partner") if a.type != "location"]
    if p.partner_types:
        partners = [a for a in partners if a.type in p.partner_types]
    if agents and not partners and p.kind in ("meeting", "talks") and _unnamed_group(m, "partner"):
        m.lone = (agents, st)  # "X will meet the top four party leaders": those the next sentence names join
    groups: list[tuple[list[Participant], str | None, str, str | None]] = []  # (participants, hub, kind, place)
    for host in m.slot("host"):
        if p.host_types and host.type not in p.host_types:
            continue
        if host.type in ("person", "organization") and p.kind == "visit":
            # a visit to a person is a meeting with them; a one-word "person" no title names may well be a
            # place the tables do not know ("will visit Ruritz")
            if host.type == "organization" and fold(host.name.split()[-1]) in VENUE_NOUNS:
                continue  # "visited the X Institute (Museum, Shrine)": a place toured, no one met
            if host.type == "organization" or len(host.name.split()) >= 2:
                partners.append(host)
            continue
        country = _own_country(host)
        if country is None or host.type == "forum":
            continue
        # nobody visits their own country; a pattern that only implies travel needs the visitor's country
        # (one whose country nothing tells, travelling in the story's own country, is most likely at home;
        # not one arriving in (visiting) the country itself, named as a country: "YANGON - X arrived in
        # Myanmar" is a journey from abroad, where "returned to" or a city of it may be a trip at home)
        into_country = host.type == "country" and m.trigger.lemma_.lower() not in HOMECOMING
        visitors = [a for a in agents if a.type in ("person", "organization", "country")
                    and _own_country(a) != country
                    and not (a.type == "person" and (_own_country(a) or a.guess) is None
                             and country == _story_country(m) and not into_country)
                    and not (p.foreign_agent and ((_own_country(a) or a.guess) in (None, country)
                                                  or not is_country(_own_country(a) or a.guess)))
                    and not (_own_country(a) is None and a.guess == country
                             and m.trigger.lemma_.lower() in RETURNING)]  # "X returned to Harare": home
        if visitors and host.type == "location" and _homonym_abroad(m, host, country, visitors):
            continue
        if visitors:
            groups.append(_visit_group(m, visitors, country, host.surface))
    forum_ref = p.slots.get("forum")
    forum_ref = forum_ref[0] if isinstance(forum_ref, tuple) else forum_ref
    forum_node = m.tok.get(forum_ref.node) if forum_ref is not None else None
    between = [q for x in ((forum_node, m.trigger) if forum_node is not None else ())
               for c in x.children if c.dep_ in ("prep", "agent") and c.lower_ in ("between", "among")
               for q in c.children if q.dep_ == "pobj"]
    if between:  # "attended a meeting between A and B": meeting them, not a forum
        members = [x for q in between for x in m.resolver.members(q)]
        if agents and members:
            partners = partners + [x for x in members if x not in agents]
    forums = [] if between else m.slot("forum")
    if between and forum_node is not None and forum_node.i != m.trigger.i \
            and not any(c.lower_ in ("between", "among") for c in forum_node.children if c.dep_ == "prep"):
        # "talks between A and B took place on the sidelines of the X summit": the summit is still attended,
        # by both
        forums = m.slot("forum")
        members_present = [x for q in between for x in m.resolver.members(q)]
        agents = agents + [x for x in members_present if x not in agents]
    if not forums and agents and p.kind == "talks" and (
            forum_node is not None and _told_before(forum_node) or p.id.endswith(("-bare", "-listed"))):
        # "A met B. C also attended that meeting", "C and D are expected to attend": C met them too (see `extract`)
        m.joined = (agents, st)
    for forum in forums:
        if m.trigger.lemma_.lower() in SPEECH_VERBS and (_legislature(forum) or (
                forum.type == "organization" and not load_gazetteer().members_of(forum.name)
                and forum_node is not None and forum_node.lemma_.lower() not in FORUM_NOUNS)):
            # "X addressed the National Assembly (a think tank, a company)": a speech, no forum attended;
            # a grouping of states addressed, or a meeting of a body spoken at, is a session attended
            continue
        if forum.type in ("forum", "organization") and agents:
            # "A met B on the sidelines of (at) the summit": whom A met there attended it too
            present = agents + ([x for x in partners if x not in agents] if p.kind != "visit" else [])
            attendees = [a for a in present if a.name != forum.name]
            if m.trigger.lemma_.lower() in HOST_VERBS:
                # "Strelsau hosted the summit": a city hosting is the place, not an attendee
                attendees = [a for a in attendees if not (a.surface and a.surface in load_gazetteer().capitals)]
            home = _body_country(forum, m.doc) if p.outside_body else None
            if home:  # "X told a sitting of the House Fisheries Committee": a hearing at home, not a forum
                attendees = [a for a in attendees if (_own_country(a) or a.guess) not in (None, home)]
            if attendees:
                groups.append((attendees + [forum], forum.name if len(attendees) > 1 else None, "talks", None))
                groups.extend(_visit_to_forum(m, attendees, forum_node))
    if (p.kind in ("meeting", "talks") and st == "happened" and not partners and len(agents) == 1
            and (agents[0].type == "forum" or agents[0].type == "organization"
                 and load_gazetteer().members_of(agents[0].name)) and not m.slot("forum")):
        groups.extend(_session(m, agents[0]))  # "finance ministers of the Group of Seven met in Paris"
    members = m.slot("members")
    if members and _unnamed_side(m):
        members = []  # "talks between banks and A, B and C": one side is no one, and A, B, C are the other
    if len(members) >= 2:
        groups.append((members, None, p.kind if p.kind != "visit" else "meeting", None))
    if partners and agents and m.trigger.lemma_.lower() in RECEIVING | HOST_VERBS:
        groups.extend(_guests_visit(m, agents, partners))
    if len(partners) >= 2 and agents and not forums and m.trigger.lemma_.lower() in RECEIVING \
            and (told := m.resolver.forum_just_named(m.trigger)):
        # "The 31st X Summit opened in Y ... The host welcomed A, B and C": a receiving line at the gathering
        # just told; all of them attend it
        groups.append((agents + [x for x in partners if x not in agents] + told[:1], told[0].name, "talks", None))
    if partners and agents:
        kind = "meeting" if p.kind == "visit" else p.kind
        parts = agents + [x for x in partners if x not in agents]
        groups.append((parts, _hub(agents, [x for x in partners if x not in agents]), kind, None))
    elif not any(k in p.slots for k in ("partner", "members", "host", "forum")) and len(agents) >= 2 \
            and not p.id.endswith(("-bare", "-listed")):
        groups.append((agents, None, p.kind, None))  # "A and B met"
    return _meetings(m, st, reference, groups)


def _guests_visit(m: _Match, hosts: list[Participant], guests: list[Participant]) -> list:
    """"X hosted (welcomed) Y at the White House (to Moscow)": a place of the host's own country, so a guest
    from abroad has come to that country."""
    home = {_own_country(h) for h in hosts} - {None}
    if len(home) != 1:
        return []
    country = home.pop()
    holders = [m.trigger] + [c for c in m.trigger.children if c.dep_ in ("dobj", "dative")]  # (or on the guest)
    places = [x for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("at", "to", "in")
              for q in c.children if q.dep_ == "pobj" for x in m.resolver.actors(q)]
    place = next((x for x in places if x.type in ("location", "country", "organization")
                  and _own_country(x) == country), None)
    visitors = [g for g in guests if g.type in ("person", "country") and _own_country(g) not in (None, country)]
    if place is None or not visitors:
        return []
    return [_visit_group(m, visitors, country, place.surface)]


def _visit_group(m: _Match, visitors: list[Participant], country: str, place: str | None) -> tuple:
    """The participant group of the visitors' visit to ``country`` (hub the country when several go)."""
    host = Participant(country, "country", country)
    m.seen.append(host)
    return visitors + [host], country if len(visitors) > 1 else None, "visit", place


TOLD_MEETINGS = frozenset({"meeting", "talks", "dinner", "lunch", "breakfast", "session"})


def _told_before(noun) -> bool:
    """"that meeting", "the meeting" with nothing naming it: a meeting the article has just told of."""
    return noun.lemma_.lower() in TOLD_MEETINGS and not any(
        c.dep_ in ("compound", "amod", "nmod", "prep", "poss") for c in noun.children) and any(
        c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in noun.children)


def _unnamed_group(m: _Match, role: str) -> bool:
    """Is the slot ``role`` a plural noun that named no actor ("the top four congressional leaders")?"""
    ref = m.p.slots.get(role)
    refs = ref if isinstance(ref, tuple) else (ref,) if ref is not None else ()
    toks = [m.tok.get(r.node) for r in refs if r is not None]
    return bool(toks) and all(t is not None and t.tag_ == "NNS" and t.pos_ == "NOUN" for t in toks)


def _lone_meeting(m: _Match) -> Meeting:
    """The meeting of a match whose other side is a group not yet named, as a meeting just told."""
    agents, st = m.lone
    return _in_sentence(m, [a.name for a in agents], m.p.kind, st, m.p.id)


def _in_sentence(m: _Match, names: list[str], kind: str, status: str, pattern: str, **more) -> Meeting:
    """A meeting told by the match's sentence: that sentence its evidence, the trigger's word its trigger."""
    sent = m.trigger.sent
    text = sent.text.strip()
    return Meeting(participants=names, kind=kind, status=status, evidence=text, evidence_all=[text],
                   spans=[[sent.start_char, sent.end_char]], trigger=m.trigger.text, pattern=pattern, **more)


def _told_earlier_in(x: Meeting, m: _Match, sent) -> bool:
    """Is ``x`` a meeting told earlier in the sentence of a bare "joined" ("A held talks with B, and they
    were later joined by C")?"""
    return m.p.id.endswith(("-bare", "-listed")) and x.spans[0][0] == sent.start_char and bool(x.trigger) \
        and not (x.pattern or "").endswith("+told") and 0 <= sent.text.find(x.trigger) < m.trigger.idx - sent.start_char


def _joined(m: _Match, found: list[Meeting]) -> list[Meeting]:
    """"A met B in June. C and D also attended that meeting": the meeting told last, in this sentence or
    the two before, with the attendees added to its sides."""
    attendees, st = m.joined
    if m.p.id.endswith("-listed"):  # a description's list: only the persons in it are the ones present
        attendees = [a for a in attendees if a.type == "person"]
        if not attendees:
            return []
    sent = m.trigger.sent
    window = sent.doc[max(0, sent.start - 1)].sent
    window = window.doc[max(0, window.start - 1)].sent.start_char
    told = [x for x in found if x.kind in ("meeting", "talks") and x.spans and (
        window <= x.spans[0][0] < sent.start_char or _told_earlier_in(x, m, sent))]
    if not told:
        # (a list with no meeting told is no evidence of who the sides were) but a bare "will attend" after a
        # gathering just named attends it ("The X Summit opens in Y on Monday. Z will attend.")
        forum = m.resolver.forum_just_named(m.trigger) if m.p.id.endswith("-bare") else []
        if not forum:
            return []
        names = list(dict.fromkeys([a.name for a in attendees] + [forum[0].name]))
        if len(names) < 2:
            return []
        return [_in_sentence(m, names, "talks", st, m.p.id + "+forum", hub=forum[0].name if len(names) > 2 else None)]
    latest = max(x.spans[0][0] for x in told)
    # the meeting itself, not the summit it was held at ("talks between A and B on the sidelines of the X
    # summit ... The meeting was also attended by C")
    last = min((x for x in told if x.spans[0][0] == latest), key=lambda x: len(x.participants))
    names = list(dict.fromkeys([a.name for a in attendees] + last.participants))
    if len(names) <= len(last.participants):
        return []
    return [_in_sentence(m, names, "talks" if len(names) > 2 else "meeting", last.status, m.p.id + "+told",
                         location=last.location, date=last.date, date_iso=last.date_iso)]


def _own_past(m: _Match) -> bool:
    """Does the meeting have a past-tense verb of its own ("met", "talks were held", "the meeting took
    place")?"""
    for x in {m.trigger, m.frame}:
        if x.pos_ in ("VERB", "AUX") and past_verb(x):
            return True
        if x.dep_ in ("nsubj", "nsubjpass") and past_verb(x.head):
            return True
    return False


def _date_ahead(m: _Match, span) -> bool:
    """A meeting dated after its article's date, with no past-tense verb of its own, is still to come
    ("a June 2-3 summit between A and B" in a story of May 14)."""
    article = m.doc._.article_date
    if not article or not date_on(span, m.trigger, m.frame) or _own_past(m):
        return False
    iso = normalize_date(span.text, article, inferred=True)  # the reading nearest the article's date
    return bool(iso) and iso > str(article)[:10]


def _by_phone(verb) -> bool:
    """Does a verb carry a "by phone", "on the phone", "over the telephone" phrase?"""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    # anywhere in the verb's own clause ("exchanged views ... on the phone", "... with Y on the phone": the
    # phrase hung on the object or on the partner), not in a clause inside it
    return any(c.dep_ == "prep" and c.lower_ in ("by", "on", "over", "via")
               and any(q.lower_ in PHONE for q in c.children if q.dep_ == "pobj") for c in own_clause(verb))


def _meetings(m: _Match, st: str, reference: str | None, groups: list) -> list[Meeting]:
    """The meetings of a match's participant groups: kind, place, date and evidence."""
    inferred = bool(reference) and reference != m.doc._.article_date
    out = []
    for parts, hub, kind, place in groups:
        parts = [x for x in dict.fromkeys(parts) if x.type != "location"]
        if kind != "visit":
            parts = _speak_for_countries(parts)
        names = list(dict.fromkeys(x.name for x in parts))
        if len(names) < 2:
            continue
        kind = _kind(kind, parts, m, hub if hub in names else None)
        if kind == "meeting" and (any(c.lower_ in PHONE for c in m.trigger.children) or _by_phone(m.frame)
                                  or _by_phone(m.trigger)):
            kind = "call"  # "a phone meeting"; "discussed X with Y by phone", "exchanged views ... on the phone"
        location = None if kind == "call" else place or meeting_place(
            m.resolver.index, m.trigger, m.frame, names, st == "happened")
        span = meeting_date_span(m.trigger, m.frame)
        date = span.text if span is not None else None
        if st == "happened" and date and (future_phrase(date) or _date_ahead(m, span)):
            st = "scheduled"  # "a summit in Oslo next month", "a May 3 summit" in an April story
        out.append(_in_sentence(
            m, names, kind, st, m.p.id + ("+order" if m.by_order else ""), location=location, date=date,
            date_iso=normalize_date(date, reference, future=st == "scheduled", inferred=inferred),
            date_inferred=bool(date and inferred and not has_year(date) and normalize_date(
                date, reference, inferred=True)),
            hub=hub if hub in names else None))
    return out


def _separate_calls(found: list[Meeting]) -> list[Meeting]:
    """"X made calls to A and B", "X phoned A and B": a call is between two, so each one called is a call of its
    own (not "a call with A and B", which may be one conference call)."""
    out = []
    for m in found:
        if m.kind != "call" or not m.hub or len(m.participants) <= 2 or not (
                m.trigger.lower().endswith("s") or m.trigger.lower().endswith("ed")):
            out.append(m)
            continue
        for other in (p for p in m.participants if p != m.hub):
            out.append(dataclasses.replace(m, participants=[m.hub, other], hub=None, evidence_all=list(m.evidence_all),
                                           spans=[list(s) for s in m.spans]))
    return out


def _same_value(a, b) -> bool:
    return a is None or b is None or fold(a) == fold(b)


def merge_same(found: list[Meeting]) -> list[Meeting]:
    """One meeting reported twice (or by two patterns) in an article is one meeting; evidence keeps both."""
    out: list[Meeting] = []
    for m in found:
        key = frozenset(m.participants)
        inner = next((o for o in out if o.evidence == m.evidence and o.status == m.status
                      and (o.kind == m.kind or {o.kind, m.kind} in ({"call", "meeting"}, {"call", "talks"}))
                      and (key <= frozenset(o.participants) or frozenset(o.participants) <= key)), None)
        if inner is not None:
            if "call" in (inner.kind, m.kind):  # "discussed X with Y in a phone call": one call
                inner.kind = "call"
            if len(key) > len(inner.participants):
                inner.participants, inner.hub, inner.pattern = m.participants, m.hub, m.pattern
            inner.location, inner.date = inner.location or m.location, inner.date or m.date
            inner.date_iso = inner.date_iso or m.date_iso
            continue
        twin = next((o for o in reversed(out) if frozenset(o.participants) == key
                     and (o.kind == m.kind or {o.kind, m.kind} <= {"meeting", "talks"})
                     and _same_value(o.location, m.location) and _same_value(o.date, m.date)), None)
        if twin is None:
            out.append(m)
            continue
        if m.evidence not in twin.evidence_all:
            twin.evidence_all.append(m.evidence)
            twin.spans.extend(m.spans)
        twin.location, twin.date = twin.location or m.location, twin.date or m.date
        twin.date_iso = twin.date_iso or m.date_iso
        if m.kind == "talks" and twin.kind == "meeting" and not twin.hub and len(key) >= 3:
            twin.kind = "talks"
        if twin.status != m.status and "happened" in (twin.status, m.status):
            twin.status = "happened"
    return out


def reference_date(doc) -> str | None:
    """The article's date, else one inferred from the full dates its text names."""
    if doc._.article_date:
        return doc._.article_date
    return infer_date(e.text for e in doc.ents if e.label_ == "DATE")


_ROLE_TYPES = {"partner": frozenset({"person", "country", "organization", "forum"}),
               "host": frozenset({"person", "country", "organization", "location"})}


def link_pattern(link: Link) -> tuple[MeetingPattern, dict]:
    """A frame's link as a match of a pattern made for it: the same slots, read by the same rules."""
    nodes, slots = {"trigger": link.trigger, "carrier": link.carrier}, {}
    if link.agents:
        nodes.update((f"agent{k}", i) for k, i in enumerate(link.agents))
        slots["agent"] = tuple(SlotRef(f"agent{k}") for k in range(len(link.agents)))
    else:
        slots["agent"] = SlotRef("carrier", subject=True)
    for role in ROLES:
        toks = link.roles[role]
        nodes.update((f"{role}{k}", i) for k, i in enumerate(toks))
        if toks:
            slots[role] = tuple(SlotRef(f"{role}{k}") for k in range(len(toks)))
    pattern = MeetingPattern(
        id=f"link-{link.frame}-{link.rule}", kind=link.kind, note=f"the {link.frame} frame", slots=slots,
        pattern=[{"RIGHT_ID": n} for n in nodes], frame="carrier", partner_types=link.partner_types or _ROLE_TYPES["partner"],
        host_types=link.host_types or _ROLE_TYPES["host"])
    return pattern, nodes


def extract(doc) -> tuple[list[Meeting], list[Actor]]:
    """The meetings stated in a Doc the graphkit pipeline has run on, and the actors they bring that are
    not actor spans: forums named from the text, host countries named only through a city."""
    frames = doc._.meeting_frames
    patterns = _patterns()
    index = actor_index(doc)
    resolver = Resolver(doc, index)
    reference = reference_date(doc)
    found, extra = [], {}
    matches = [(patterns[pid], nodes) for pid, nodes in frames] + [link_pattern(x) for x in link_frames(doc)]
    joined, lone = [], []
    for pattern, nodes in matches:
        match = _Match(pattern, nodes, doc, resolver)
        if match.p.void(match.tok):
            continue
        meetings = _meetings_of(match, reference)
        if match.joined is not None:
            joined.append(match)
        if match.lone is not None:
            lone.append(match)
        for meeting in meetings:
            found.append(meeting)
            for p in match.seen:
                if p.name in meeting.participants and not index.named(p.name):
                    extra.setdefault(p.name, Actor(p.name, p.type if p.type != "location" else "country",
                                                   country=p.country if p.type not in ("country", "forum") else None))
    told = found + [_lone_meeting(match) for match in lone]
    found.extend(x for match in joined for x in _joined(match, told))
    return _separate_calls(merge_same(found)), list(extra.values())


def extract_meetings(doc) -> list[Meeting]:
    """The meetings stated in a Doc the graphkit pipeline has run on."""
    return extract(doc)[0]
