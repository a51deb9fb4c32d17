"""A forum named from the text: "the OECD Steering Committee meeting", "a summit on the unrest in X".

When a pattern's ``forum`` slot is an event noun that no actor span covers, the
noun phrase names the forum: its modifiers and the noun, plus an "of / on /
for" phrase ("the autumn meeting of the OECD"), without determiners, without a
closing acronym in brackets and without places ("in Geneva").  "A meeting of
<body>" where the body is itself a forum or a body that meets (a commission,
committee, club, council, group) is that body.  The frames component writes
such a forum as an actor span (``span._.kind == "event"``).

Only a phrase with a word that names it is a forum: a proper noun or an actor
("the Nordic Grain Council meeting"), or a topic ("a conference on fish
quotas").  "The meeting", "a two-day meeting", "the hour-long sitting" say how
long or how big, not which: no forum.
"""
from __future__ import annotations

import re

from graphkit.actors.lexicon import LEXICON as ACTORS_LEXICON

from .lexicon import LEXICON

FORUM_ORG_HEADS = LEXICON["forum_org_heads"]
TOPIC_PREPS = LEXICON["forum_topic_preps"]
TRAILERS = LEXICON["forum_name_trailers"]  # "a sitting of the X panel starting tomorrow": when, not its name
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "my", "our",
                "your"}


_NOT_NAME = ACTORS_LEXICON["forum_timing_words"]  # when a forum is, or how it is judged: not its name


def body_that_meets(index, noun):
    """The actor span of "a meeting of <body>" or "<body>'s meeting" when that body is a forum or meets
    as one."""
    bodies = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
              if p.dep_ == "pobj"] + [c for c in noun.children if c.dep_ == "poss"]
    for p in bodies:
        # (or the name the parser made a modifier of the head: "the Group of 20 advanced and emerging economies")
        # (not a compound: "the WTO steel committee" is the committee's own)
        # (a name written out, not an acronym modifying the head: "a meeting of EC foreign ministers")
        s = index.at(p.i) or next((index.at(t.i) for c in p.children if c.dep_ == "nmod" and c.i < p.i
                                   for t in c.subtree if index.at(t.i) is not None and len(index.at(t.i)) > 1
                                   and index.at(t.i).label_ in ("forum", "organization")), None)
        if s is not None and s.label_ in ("forum", "organization"):
            words = {w.lower() for w in re.split(r"[\s-]+", s.id_)}
            if s.label_ == "forum" or words & FORUM_ORG_HEADS:
                return s
    return None


def forum_extent(noun, index=None) -> tuple[int, int]:
    """Token range of the forum's name: left modifiers, the noun, and its of/on/for phrases; a name
    the parser split ("South Asian Association for Regional Cooperation (Saarc) summit") is kept whole."""
    start = noun.left_edge.i
    if index is not None and index.at(start) is not None:
        start = min(start, index.at(start).start)
    end = noun.i + 1
    for c in noun.rights:  # up to the last "of/on/for" phrase ("a summit in X on the unrest in Y")
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "for", "about") and is_topic(c):  # "on Sunday" is when
            end = max(end, c.right_edge.i + 1)
        elif not (c.dep_ == "prep" or c.dep_ in ("compound", "amod", "nmod")):
            break
    doc = noun.doc
    for k in range(noun.i + 1, end):  # never across a quotation, into a clause, or into a place
        if doc[k].text in ('"', "“", "”") or doc[k].pos_ in ("VERB", "AUX") or doc[k].tag_ in ("WDT", "WP", "WP$", "WRB"):
            end = k
            break
        holder = doc[k].head
        on_forum = holder.i == noun.i or (holder.dep_ == "pobj" and holder.head.lower_ == "of"
                                          and holder.head.head.i == noun.i)
        if doc[k].dep_ == "prep" and doc[k].lower_ in ("in", "at") and on_forum and index is not None and any(
                (s := index.at(c.i)) is not None and s._.stands_for == "place" for c in doc[k].children):
            end = k  # "the autumn meeting of the Bank in Lima": Lima is where, not its name
            break  # (a topic's place stays: "a summit on the unrest in Peru")
    # "the recent G7 summit", "an upcoming summit": when, or how it is judged, not which
    while start < noun.i and (doc[start].lower_ in _DETERMINERS or doc[start].is_punct or doc[start].lower_ in _NOT_NAME
                                and doc[start].ent_type_ not in ("DATE", "TIME")):  # (not "next week's summit")
        start += 1
    while end > noun.i + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in TRAILERS):
        end -= 1
    return start, end


PLAIN_MEETINGS = LEXICON["plain_meeting_nouns"]


def names_forum(doc, start: int, end: int, index=None) -> bool:
    """Does the phrase ``doc[start:end]`` hold a word that names a forum: a proper noun, an actor, or a
    topic ("on X", "about X")?  Sizes and durations ("a two-day meeting") do not."""
    # "their Vietnam meeting": a place on a plain meeting says where, not which ("the Astana talks" is a name)
    plain = end > start and doc[end - 1].lemma_.lower() in PLAIN_MEETINGS
    for t in doc[start:end]:
        if t.ent_type_ in ("DATE", "TIME"):
            continue  # "a March 2016 meeting": when, not which
        span = index.at(t.i) if index is not None else None
        if plain and span is not None and span.label_ in ("location", "country"):
            continue
        if t.pos_ == "PROPN" or span is not None:
            return True
        if t.dep_ == "prep" and t.lower_ in TOPIC_PREPS and is_topic(t):
            return True
    return False


def is_topic(prep) -> bool:
    """"on fish quotas" is a topic; "on Monday" is when."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and not any(g.ent_type_ in ("DATE", "TIME") for g in objs)


def forum_name(doc, start: int, end: int) -> str:
    text = doc[start:end].text
    text = re.sub(r"\s*\([A-Z][A-Za-z\-]{1,10}\)?$", "", text)  # a closing acronym: "... Fund (IMF)"
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]
