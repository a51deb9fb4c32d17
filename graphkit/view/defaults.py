"""What the view shows at first, so that it reads at any corpus size.

A corpus of a few hundred wire stories already names about a thousand actors,
most of them linked only by being named in the same sentence once. Drawn
as they are, they hide the few meetings. The default view therefore:

* always shows the meetings (and the affiliations of the actors shown);
* shows co-occurrence links only from a number of sentences chosen so that
  at most ``COOCCURRENCE_BUDGET`` of them are drawn (the page's slider moves
  it), and none at all when the graph has more than
  ``COOCCURRENCE_OFF_ABOVE`` actors (a tick box turns them on);
* hides the actors with no link shown when more than ``HIDE_UNLINKED_ABOVE``
  actors are drawn (the page says how many, and a tick box shows them).

>>> d = view_defaults(total=897, drawn=897, cooccurrence_weights=[1] * 950 + [2] * 172 + [3] * 60)
>>> d.cooccurrence, d.min_weight, d.hide_unlinked
(True, 2, True)
>>> view_defaults(total=52, drawn=52, cooccurrence_weights=[1] * 144 + [2] * 79).min_weight
1
>>> view_defaults(total=6307, drawn=1500, cooccurrence_weights=[1, 5, 9]).cooccurrence
False
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

#: Co-occurrence links drawn by default: at most this many (the strongest).
COOCCURRENCE_BUDGET = 300
#: Above this many actors in the graph, co-occurrence links start hidden.
COOCCURRENCE_OFF_ABOVE = 2000
#: Above this many actors drawn, those with no link shown start hidden.
HIDE_UNLINKED_ABOVE = 150


@dataclass(frozen=True)
class ViewDefaults:
    """The first state of the page's filters."""

    cooccurrence: bool      # co-occurrence links shown at first
    min_weight: int         # ... from this many sentences naming both actors
    hide_unlinked: bool     # actors with no link shown start hidden


def cooccurrence_threshold(weights: Iterable[int], budget: int = COOCCURRENCE_BUDGET) -> int:
    """The smallest number of sentences ``w`` such that at most ``budget`` weights are ``>= w``.

    >>> cooccurrence_threshold([1, 1, 1, 2, 2, 5], budget=3)
    2
    >>> cooccurrence_threshold([], budget=3), cooccurrence_threshold([4, 4, 4, 4], budget=3)
    (1, 5)
    """
    counts = Counter(max(1, int(w or 1)) for w in weights)
    above = sum(counts.values())
    for w in sorted(counts):
        if above <= budget:
            return w
        above -= counts[w]
    return (max(counts) + 1) if counts else 1


def view_defaults(total: int, drawn: int, cooccurrence_weights: Iterable[int], *,
                  cooccurrence: bool | None = None, hide_unlinked: bool | None = None) -> ViewDefaults:
    """The defaults for a graph of ``total`` actors of which ``drawn`` are in the page.

    ``cooccurrence_weights``: the weights of the co-occurrence links among the
    drawn actors. ``cooccurrence`` / ``hide_unlinked``: force that choice
    (None: decide by size, see the module doc).
    """
    if cooccurrence is None:
        cooccurrence = total <= COOCCURRENCE_OFF_ABOVE
    if hide_unlinked is None:
        hide_unlinked = drawn > HIDE_UNLINKED_ABOVE
    return ViewDefaults(cooccurrence=bool(cooccurrence), min_weight=cooccurrence_threshold(cooccurrence_weights),
                        hide_unlinked=bool(hide_unlinked))
