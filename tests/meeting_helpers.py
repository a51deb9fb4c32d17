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
