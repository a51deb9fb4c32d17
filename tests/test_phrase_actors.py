"""`graphkit.actors.spans.phrase_actors`: which actors a noun phrase stands for.

Each case is one invented sentence (invented persons, real countries the gazetteer knows), the
head word of the phrase asked about, and what the rules of `graphkit.actors.phrase` give:
the side forms and the coreference cases shared with the meetings grid.
"""
from __future__ import annotations

import pytest

from graphkit.actors.spans import actor_index, phrase_actors

#: (text, head word, which occurrence of it, expected (label, id) list)
CASES = [
    # a name, a titled name, a pronoun
    ("Karl Holm met Anton Vesel in Oslo.", "Vesel", 0, [("person", "Anton Vesel")]),
    ("Chilean Foreign Minister Anton Vesel arrived in Lima.", "Vesel", 0, [("person", "Anton Vesel")]),
    ("Anton Vesel arrived in Lima on Monday. He met Karl Holm.", "He", 0, [("person", "Anton Vesel")]),
    # a role with a country attached: adjective, possessive, of-phrase; no holder named -> the country
    ("Karl Holm met the Chilean foreign minister in Oslo.", "minister", 0, [("country", "Chile")]),
    ("Karl Holm met Chile's foreign minister in Oslo.", "minister", 0, [("country", "Chile")]),
    ("Karl Holm met the foreign minister of Chile in Oslo.", "minister", 0, [("country", "Chile")]),
    # ... the one holder the article names -> that person
    ("Chilean Foreign Minister Anton Vesel arrived on Monday. Karl Holm met the foreign minister of Chile.",
     "minister", 1, [("person", "Anton Vesel")]),
    ("Anton Vesel is Chile's foreign minister. Karl Holm met the Chilean foreign minister in Oslo.",
     "minister", 1, [("person", "Anton Vesel")]),
    ("Chilean Foreign Minister Anton Vesel arrived on Monday. Karl Holm met Chile's foreign minister.",
     "minister", 1, [("person", "Anton Vesel")]),
    # plural roles over coordinated countries, groups, delegations, organizations
    ("Karl Holm met senior Chilean and Peruvian officials in Oslo.", "officials", 0,
     [("country", "Chile"), ("country", "Peru")]),
    ("Karl Holm received a Chilean delegation in Oslo.", "delegation", 0, [("country", "Chile")]),
    ("Karl Holm met IMF officials in Oslo.", "officials", 0, [("organization", "International Monetary Fund")]),
    ("Karl Holm met a delegation led by Anton Vesel.", "delegation", 0, [("person", "Anton Vesel")]),
    ("Karl Holm met the Chilean government.", "government", 0, [("country", "Chile")]),
    # counterparts
    ("Peruvian Foreign Minister Karl Holm met his Chilean counterpart in Oslo.", "counterpart", 0,
     [("country", "Chile")]),
    ("Chilean Foreign Minister Anton Vesel arrived on Monday. Peruvian Foreign Minister Karl Holm met his "
     "Chilean counterpart.", "counterpart", 0, [("person", "Anton Vesel")]),
    # a definite role description: the nearest person named before who holds the role
    ("Prime Minister Anton Vesel spoke on Monday. Karl Holm later met the prime minister.", "minister", 1,
     [("person", "Anton Vesel")]),
    # generic people and bare plurals name no one
    ("Karl Holm met bankers in Oslo.", "bankers", 0, []),
    ("Karl Holm met officials in Oslo.", "officials", 0, []),
    ("Karl Holm met officials in Moscow.", "officials", 0, []),
]


@pytest.mark.parametrize("text,word,k,expected", CASES, ids=[f"{c[1]}:{c[0][:40]}" for c in CASES])
def test_phrase_actors(nlp, text, word, k, expected):
    doc = nlp(text)
    tok = [t for t in doc if t.text == word or t.lower_ == word][k]
    got = [(s.label_, s.id_) for s in phrase_actors(doc, tok)]
    assert got == expected, [(s.text, s.label_, s.id_, s._.country, s._.roles) for s in doc.spans["actors"]]


def test_phrase_actors_takes_an_index(nlp):
    doc = nlp("Karl Holm met senior Chilean and Peruvian officials in Oslo.")
    tok = next(t for t in doc if t.lower_ == "officials")
    assert phrase_actors(doc, tok, actor_index(doc)) == phrase_actors(doc, tok)


def test_they_is_both_persons(nlp):
    doc = nlp("Karl Holm and Anton Vesel arrived in Lima on Monday. They met Chilean officials.")
    tok = next(t for t in doc if t.text == "They")
    assert sorted(s.id_ for s in phrase_actors(doc, tok)) == ["Anton Vesel", "Karl Holm"]
