"""Generation suffixes in person names (issue 18): "Karl Holm Sr." and "Karl Holm Jr." are two persons;
a bare "Holm" may be Karl Holm II or Sr., never Karl Holm Jr.  Invented names; each test fails without the rule."""
from __future__ import annotations

from graphkit.actors.names import same_person
from graphkit.actors.spans import ACTORS_KEY


def test_a_generation_suffix_is_no_part_of_the_surname():
    assert same_person("Varga", "Tomas K. Varga II")
    assert same_person("Varga", "Tomas Varga Sr.")
    assert not same_person("Varga", "Tomas Varga Jr.")  # the son is "Varga Jr."; "Varga" is his father
    assert same_person("Varga Jr.", "Tomas Varga Jr.")
    assert not same_person("Tomas Varga Sr", "Tomas Varga Jr")
    assert not same_person("Tomas Varga", "Tomas Varga Jr.")  # father and son
    assert not same_person("Tomas Jr.", "Tomas Varga")  # a given name and a suffix: "Tomas" is no surname


def test_a_bare_surname_is_not_the_one_a_generation_suffix_sets_apart(nlp):
    text = "Tomas Varga Jr. met the lawyer in June. President Tomas Varga said on Monday the meeting was " \
           "fine. Varga said he knew nothing of it."
    ids = {s.text: s.id_ for s in nlp(text).spans[ACTORS_KEY] if s.label_ == "person"}
    assert ids["Varga"] == "Tomas Varga"
    from graphkit.corpus_resolution import resolve_corpus
    from graphkit.records import Actor, Record
    recs = [Record("a", actors=[Actor("Tomas Varga", "person", mentions=[[0, 11, 0]]),
                                Actor("Tomas Varga Jr.", "person", mentions=[[20, 35, 0]])]),
            Record("b", actors=[Actor("Varga", "person", mentions=[[0, 5, 0]])])]
    _, _, index = resolve_corpus(recs)
    assert index[("b", "Varga")] == "Tomas Varga"
