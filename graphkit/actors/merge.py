"""Corpus-wide actor resolution: one node per real actor across articles.

(Skeleton: merges by exact canonical name; the real rules come next.)
"""
from __future__ import annotations

from collections.abc import Iterable


def merge_actors(records: Iterable[dict]) -> tuple[dict[str, dict], dict[tuple[str, str], str]]:
    """Merge the per-article actors of ``records`` into corpus-wide actors.

    Returns ``(actors, index)``: ``actors`` maps a global name to
    ``{"type", "country", "roles", "aliases", "mentions", "articles"}`` (``roles``
    and ``aliases`` sorted lists, ``mentions`` an int, ``articles`` a sorted list of
    article ids); ``index`` maps ``(doc, local name)`` to the global name.

    >>> recs = [{"doc": "a", "actors": [{"name": "Russia", "type": "country", "mentions": [[0, 6, 0]]}]},
    ...         {"doc": "b", "actors": [{"name": "Russia", "type": "country", "mentions": [[0, 6, 0], [9, 15, 1]]}]}]
    >>> actors, index = merge_actors(recs)
    >>> actors["Russia"]["mentions"], actors["Russia"]["articles"], index[("b", "Russia")]
    (3, ['a', 'b'], 'Russia')
    """
    actors: dict[str, dict] = {}
    index: dict[tuple[str, str], str] = {}
    for rec in records:
        for a in rec.get("actors", []):
            g = actors.setdefault(a["name"], {"type": a.get("type"), "country": a.get("country"), "roles": set(),
                                              "aliases": set(), "mentions": 0, "articles": set()})
            g["country"] = g["country"] or a.get("country")
            g["roles"].update(a.get("roles") or [])
            g["aliases"].update(x for x in a.get("aliases") or [] if x != a["name"])
            g["mentions"] += len(a.get("mentions") or [])
            g["articles"].add(rec["doc"])
            index[(rec["doc"], a["name"])] = a["name"]
    for g in actors.values():
        for k in ("roles", "aliases", "articles"):
            g[k] = sorted(g[k])
    return actors, index
