"""Helpers of the meeting test tables: expected pairs as sets, and the pairs meetings claim."""
from __future__ import annotations

from itertools import combinations


def P(*pairs):
    """A set of participant pairs, each a 2-tuple of names."""
    return frozenset(frozenset(p) for p in pairs)


def hub(center, *others):
    return [(center, o) for o in others]


def clique(*names):
    return list(combinations(names, 2))


NONE = P()


def predicted_pairs(meetings) -> dict:
    """Every pair a meeting claims (hub pairs for a hub meeting, all pairs otherwise) -> that meeting."""
    out = {}
    for m in meetings:
        parts = list(dict.fromkeys(m.participants))
        pairs = [(m.hub, p) for p in parts if p != m.hub] if m.hub else combinations(parts, 2)
        for a, b in pairs:
            out.setdefault(frozenset((a, b)), m)
    return out


def for_pair(value, pair):
    """An expectation given for every pair, or per pair as ``{(a, b): value}``."""
    if isinstance(value, dict):
        return next(v for k, v in value.items() if frozenset(k) == pair)
    return value


def check_meetings(meetings, pairs, kind=None, status=None) -> dict:
    """Assert that ``meetings`` claim exactly ``pairs``, each with its ``kind`` and ``status`` (None: any).

    Returns the pairs' meetings (``predicted_pairs``) for further checks.
    """
    summary = [(m.participants, m.kind, m.status, m.location, m.hub, m.pattern) for m in meetings]
    got = predicted_pairs(meetings)
    assert set(got) == set(pairs), summary
    for pair in pairs:
        m = got[pair]
        if kind is not None:
            assert m.kind == for_pair(kind, pair), (sorted(pair), summary)
        if status is not None:
            assert m.status == for_pair(status, pair), (sorted(pair), summary)
    return got


# Patterns whose constructions the shared linking rules (relations/linking.py, data/frames.json) now find:
# removed from the pattern file, their rows stay as the proof that the same sentences give the same meetings.
LINKED = frozenset({
    "ahead-of-talks-between", "ahead-of-talks-with", "arrive-in", "call-object", "for-talks-with",
    "frame-talks-of-with", "frame-talks-together", "frame-talks-with-on-object", "frame-talks-with-on-subject",
    "in-call-object", "light-passive-between", "light-phone-call-together", "light-rounds-of-talks-with",
    "light-talks-together", "light-talks-verb-with", "light-talks-with", "meet-object", "negotiate-with",
    "phone-call-between", "phone-call-from", "phone-call-poss-with", "phone-call-with", "phone-object",
    "poss-talks-with", "receive-person", "receive-person-passive", "speak-by-phone-together",
    "speak-by-phone-with", "talks-between", "travel-to", "travel-to-discuss-object-with",
    "travel-to-discuss-with", "visit-noun-by", "visit-noun-to", "visit-object",
})
