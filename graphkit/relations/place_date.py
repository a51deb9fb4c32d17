"""Where and when: the place and the date phrase of a meeting.

Place: an "in / at <place>" on the trigger or its frame, or further down a chain
of prepositions ("on the sidelines of a meeting of Baltic nations in Riga"),
nearest first, never one of the participants; else a place the sentence names
with "in / at" outside quotations; else one in the neighbouring sentences that
speak of the same participants (a meeting that happened is not where "... will
meet again in X").

Date: the date phrase nearest the trigger, one attached to the trigger's clause
first; durations ("two-day", "several months") and quotations are not dates.
"""
from __future__ import annotations

import re
from collections import deque

from graphkit.dates import month_day_word

from .lexicon import LEXICON

FUTURE = LEXICON["future_aux"]
_QUOTES = ('"', "“", "”")
_DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few)[- ]"
                       r"(day|week|month|year|hour)s?(-long|-old)?\b|-long\b|year-old")


def _is_place(span) -> bool:
    return span.label_ in ("location", "country") and span._.stands_for == "place"


def _in_quotes(sent, i: int) -> bool:
    return sum(q.i < i for q in sent if q.text in _QUOTES) % 2 == 1


def places_near(index, trigger, frame) -> list[tuple[int, object]]:
    """``(depth, span)`` of each "in/at <place>" on the trigger or frame (depth 0) or down their preposition chains."""
    out, seen = [], set()
    queue = deque([(trigger, 0), (frame, 0)])
    while queue:
        x, depth = queue.popleft()
        if x.i in seen or depth > 4:
            continue
        seen.add(x.i)
        for c in x.children:
            if c.dep_ != "prep":
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                s = index.at(p.i)
                if c.lower_ in ("in", "at") and s is not None and s.label_ in ("location", "country"):
                    out.append((depth, s))
                elif c.lower_ in ("on", "of", "during", "at", "in") and s is None:
                    queue.append((p, depth + 1))
    return out


def _prep_place(sent, index, i_start, i_end, skip) -> object | None:
    for s in index.in_range(i_start, i_end):
        if not _is_place(s) or s.id_ in skip or _in_quotes(sent, s.start):
            continue
        head = s.doc[s.end - 1]
        if head.dep_ == "pobj" and head.head.lower_ in ("in", "at"):
            return s
    return None


def meeting_place(index, trigger, frame, participants=(), happened=True) -> str | None:
    """The place of a meeting, as written, or None."""
    skip = set(participants)
    near = [(d, s) for d, s in places_near(index, trigger, frame) if s.id_ not in skip]
    if near and near[0][0] == 0:
        return near[0][1].text
    sent = trigger.sent
    hit = _prep_place(sent, index, sent.start, sent.end, skip)
    if hit is not None and hit.label_ == "location":
        return hit.text
    if near:
        return near[0][1].text
    if hit is not None:
        return hit.text
    doc = trigger.doc
    sents = list(doc.sents) if len(doc) < 20000 else [sent]
    idx = next((k for k, s in enumerate(sents) if s.start == sent.start), 0)
    for k in (-1, 1, -2, 2):
        j = idx + k
        if not 0 <= j < len(sents):
            continue
        other = sents[j]
        if not any(s.id_ in skip for s in index.in_range(other.start, other.end)):
            continue  # a neighbouring sentence counts only when it is about a participant
        if happened and any(t.dep_ == "aux" and t.lower_ in FUTURE for t in other):
            continue
        hit = _prep_place(other, index, other.start, other.end, skip)
        if hit is not None and hit.label_ == "location":
            return hit.text
    return None


def _hyphen_dates(sent) -> list:
    """Spans of a month and a day run together by hyphens ("a May-3-4 meeting"), which the entity
    recognizer misses or reads as a number."""
    out = []
    for t in sent:
        if t.ent_type_ in ("DATE", "TIME") or not month_day_word(t.text):
            continue
        end = t.i + 1
        while end + 1 < sent.end and sent.doc[end].text == "-" and sent.doc[end + 1].like_num:
            end += 2
        out.append(sent.doc[t.i:end])
    return out


def meeting_date_span(trigger, frame):
    """The date phrase of a meeting (a Span), or None."""
    best, dist = None, 10 ** 6
    sent = trigger.sent
    dates = [e for e in sent.ents if e.label_ in ("DATE", "TIME")] + _hyphen_dates(sent)
    for ent in dates:
        if _in_quotes(sent, ent.start):
            continue
        low = ent.text.lower()
        if _DURATION.search(low) or (any(w in low for w in ("years", "months", "decade", "century", "days"))
                                     and not any(ch.isdigit() for ch in low)):
            continue  # how long, not when
        d = min(abs(ent.start - trigger.i), abs(ent.start - frame.i))
        if ent.root.head.i in (trigger.i, frame.i) or ent.root.head.head.i in (trigger.i, frame.i):
            d -= 100
        if d < dist:
            best, dist = ent, d
    return best


def meeting_date(trigger, frame) -> str | None:
    """The date phrase of a meeting, as written, or None."""
    span = meeting_date_span(trigger, frame)
    return span.text if span is not None else None


def date_on(span, trigger, frame) -> bool:
    """Is the date phrase said of the meeting itself ("a May 3 meeting", "talks on May 3"), not of
    another verb of its sentence?"""
    x = span.root
    for _ in range(4):
        if x.i in (trigger.i, frame.i):
            return True
        if x.pos_ in ("VERB", "AUX") or x.head.i == x.i:
            return False
        x = x.head
    return x.i in (trigger.i, frame.i)
