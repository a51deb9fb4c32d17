"""Find an actor node from any name a user might type.

>>> from graphkit.analysis.example import example_graph
>>> G = example_graph()
>>> find_actor(G, "Moscow"), find_actor(G, "sergey volkov"), find_actor(G, "Ferreira")
('Russia', 'Sergei Volkov', 'António Ferreira')
>>> find_actor(G, "antonio ferreira")
'António Ferreira'
>>> try:
...     find_actor(G, "Volkow")
... except ActorNotFound as e:
...     print(e)
no actor named 'Volkow'; did you mean: Sergei Volkov
"""
from __future__ import annotations

import difflib
import re
import unicodedata

MAX_SUGGESTIONS = 5


class ActorNotFound(LookupError):
    """No actor (or more than one) answers to ``name``; ``suggestions`` are close matches."""

    def __init__(self, name: str, suggestions=(), ambiguous: bool = False):
        self.name = name
        self.suggestions = list(suggestions)
        self.ambiguous = ambiguous
        if ambiguous:
            msg = f"{name!r} is ambiguous; did you mean: {', '.join(self.suggestions)}"
        elif self.suggestions:
            msg = f"no actor named {name!r}; did you mean: {', '.join(self.suggestions)}"
        else:
            msg = f"no actor named {name!r}"
        super().__init__(msg)


def normalize(text) -> str:
    """Lower case, accents removed, punctuation turned into spaces.

    >>> normalize("  António  Ferreira ")
    'antonio ferreira'
    >>> normalize("U.S.")
    'u s'
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _names(G):
    """(normalized form, node, is the node's own name) for every name and alias."""
    for node, data in G.nodes(data=True):
        yield normalize(node), node, True
        for alias in data.get("aliases") or ():
            yield normalize(alias), node, False


def _order(G, nodes):
    """Most mentioned first, then by name (a stable order for suggestions)."""
    return sorted(nodes, key=lambda v: (-(G.nodes[v].get("mentions") or 0), str(v)))


def find_actor(G, name: str) -> str:
    """The node ``name`` refers to.

    Tried in order: the exact node id; a case-, accent- and
    punctuation-insensitive match on node names, then on aliases (first
    word by word, then with spaces ignored: "U.S." = "US"); a single
    word that is the last word of exactly one person's name (a surname).
    Raises :class:`ActorNotFound` with up to five close matches otherwise, or
    with the candidates when the name fits several actors equally well.
    """
    if name in G:
        return name
    key = normalize(name)
    compact = key.replace(" ", "")
    own, alias, own_c, alias_c = set(), set(), set(), set()
    for norm, node, is_own in _names(G):
        if norm == key and key:
            (own if is_own else alias).add(node)
        elif compact and norm.replace(" ", "") == compact:
            (own_c if is_own else alias_c).add(node)
    for found in (own, alias, own_c, alias_c):
        if len(found) == 1:
            return next(iter(found))
        if len(found) > 1:
            raise ActorNotFound(name, _order(G, found)[:MAX_SUGGESTIONS], ambiguous=True)
    if key and " " not in key:
        surname = {node for node, d in G.nodes(data=True)
                   if d.get("type") == "person" and normalize(node).split()[-1:] == [key]}
        if len(surname) == 1:
            return next(iter(surname))
        if len(surname) > 1:
            raise ActorNotFound(name, _order(G, surname)[:MAX_SUGGESTIONS], ambiguous=True)
    raise ActorNotFound(name, suggest(G, name))


def suggest(G, name: str, n: int = MAX_SUGGESTIONS, cutoff: float = 0.6) -> list[str]:
    """Up to ``n`` actors whose name, alias or one word of them is close to ``name``."""
    key = normalize(name)
    if not key:
        return []
    best: dict = {}
    for norm, node, _ in _names(G):
        if not norm:
            continue
        score = max([difflib.SequenceMatcher(None, key, norm).ratio()]
                    + [difflib.SequenceMatcher(None, key, w).ratio()
                       for w in norm.split() if len(w) > 2])
        if score >= cutoff and score > best.get(node, 0):
            best[node] = score
    ranked = sorted(best, key=lambda v: (-best[v], -(G.nodes[v].get("mentions") or 0), str(v)))
    return ranked[:n]
