"""A tiny hand-built graph that follows ``docs/graph-schema.md``.

Used by the docstring examples of :mod:`graphkit.analysis` and handy in a
notebook to try the functions without a database.

>>> G = example_graph()
>>> sorted(G.nodes)[:3]
['Antony Hartley', 'António Ferreira', 'China']
"""
from __future__ import annotations

import networkx as nx


def _node(G, name, type, country=None, aliases=(), roles=()):
    G.add_node(name, type=type, country=country, roles=list(roles),
               aliases=list(aliases), mentions=1, articles=1, article_ids=[])


def _meeting(G, mid, participants, kind="meeting", status="happened",
             location=None, date=None, date_iso=None, article_date=None,
             evidence=""):
    article = mid.split("#")[0]
    for i, a in enumerate(participants):
        for b in participants[i + 1:]:
            G.add_edge(a, b, layer="meetings", kind=kind, status=status,
                       location=location, date=date, date_iso=date_iso,
                       evidence=evidence, article=article,
                       article_date=article_date, meeting_id=mid,
                       participants=list(participants), hub=None, weight=1)


def example_graph() -> nx.MultiGraph:
    """Three states, the UN, four people, five meetings and some co-occurrence."""
    G = nx.MultiGraph(articles=5)
    _node(G, "Russia", "country", aliases=["Moscow", "Russian Federation", "Kremlin"])
    _node(G, "United States", "country", aliases=["Washington", "US", "U.S."])
    _node(G, "China", "country", aliases=["Beijing", "PRC"])
    _node(G, "United Nations", "organization", aliases=["UN"])
    _node(G, "Russian Foreign Ministry", "organization", country="Russia",
          aliases=["Russian MFA"])
    _node(G, "G20", "forum")
    _node(G, "Sergei Volkov", "person", "Russia", ["Volkov", "Sergey Volkov"],
          ["Foreign Minister"])
    _node(G, "Marina Sokolova", "person", "Russian Foreign Ministry", ["Sokolova"],
          ["spokeswoman"])
    _node(G, "Antony Hartley", "person", "United States", ["Hartley"],
          ["Secretary of State"])
    _node(G, "Wei Lan", "person", "China", ["Wei"], ["Foreign Minister"])
    _node(G, "António Ferreira", "person", "United Nations", ["Ferreira"],
          ["Secretary-General"])
    _meeting(G, "a1#1", ["Sergei Volkov", "Wei Lan"], kind="talks",
             location="Beijing", date="April 9, 2024", date_iso="2024-04-09",
             article_date="2024-04-10",
             evidence="Volkov held talks with Wei Lan in Beijing on April 9.")
    _meeting(G, "a2#1", ["Sergei Volkov", "Antony Hartley"], location="New Delhi",
             date="March 2", date_iso="2023-03-02", article_date="2023-03-03",
             evidence="Hartley and Volkov spoke briefly on the sidelines of the G20.")
    _meeting(G, "a3#1", ["Antony Hartley", "Wei Lan"], kind="call",
             date_iso="2024-01-15", date="Monday", article_date="2024-01-16",
             evidence="Hartley spoke by phone with Wei Lan on Monday.")
    _meeting(G, "a4#1", ["António Ferreira", "Sergei Volkov", "Wei Lan"],
             location="New York", date="September 25, 2024", date_iso="2024-09-25",
             article_date="2024-09-26",
             evidence="Ferreira met Volkov and Wei Lan in New York.")
    _meeting(G, "a5#1", ["Marina Sokolova", "António Ferreira"], status="scheduled",
             article_date="2024-06-01",
             evidence="Sokolova said she would meet Ferreira.")
    G.add_edge("Russia", "United States", layer="cooccurrence", kind="cooccurrence",
               weight=3, articles=["a2"])
    G.add_edge("Sergei Volkov", "Antony Hartley", layer="cooccurrence",
               kind="cooccurrence", weight=2, articles=["a2"])
    G.add_edge("China", "Russia", layer="cooccurrence", kind="cooccurrence",
               weight=1, articles=["a1"])
    for person in ("Sergei Volkov", "Marina Sokolova", "Antony Hartley", "Wei Lan",
                   "António Ferreira"):
        G.add_edge(person, G.nodes[person]["country"], layer="affiliation",
                   kind="affiliation", weight=1, source=person)
    return G
