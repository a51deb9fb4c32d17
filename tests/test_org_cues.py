"""Organizations an analyst can trust: one rule test per cue, on invented names (issue 18).

What the recognizer calls an organization is one only when it names one: not words of running text,
not a person's thing, not a quotation cut open, not a name modifying a programme, a law or a contest.
"""
from __future__ import annotations

import pytest

from graphkit.actors.spans import ACTORS_KEY


def _orgs(nlp, text):
    return {s.text for s in nlp(text).spans[ACTORS_KEY] if s.label_ == "organization"}


def _not_an_org(nlp, text, words):
    """``_not_an_org_name`` on the span of ``words`` in ``text`` (the article's known surnames given)."""
    from graphkit.actors.persons import _not_an_org_name
    doc = nlp(text)
    k = text.index(words)
    span = doc.char_span(k, k + len(words))
    return _not_an_org_name(doc, span.start, span.end, {"holm"})


@pytest.mark.parametrize("text,words", [
    ("The ads were bought with Ruritanian rubles last year.", "Ruritanian rubles"),   # a word of running text
    ("They met at Holm’s Karo resort in Vesk.", "Holm’s Karo"),                        # a known person's thing
    ("Critics feared Holm’s “Karo First rhetoric.", "Holm’s “Karo First"),           # a quotation cut open
    ("He had no Varnok contract to support him.", "Varnok"),                          # modifying a contract
    ("Holm was educated at Vesk University and Talbor Law School.", "Talbor Law School"),  # a biography's school
])
def test_what_names_no_organization(nlp, text, words):
    assert _not_an_org(nlp, text, words)


@pytest.mark.parametrize("text,words", [
    ("Talbor Vesk Inc said sales rose.", "Talbor Vesk Inc"),
    ("The Asia Pacific Economic Co-operation forum met.", "Asia Pacific Economic Co-operation"),  # a hyphenated word
    ("The Senate Ethics committee met on Monday.", "Senate Ethics committee"),                 # an organization word
    ("Varnok shares rose 3 pct.", "Varnok"),                                                  # a company's shares
    ("Holm met students at Talbor Law School.", "Talbor Law School"),                         # a school acting as a place
])
def test_what_still_names_an_organization(nlp, text, words):
    assert not _not_an_org(nlp, text, words)


def test_party_members_in_the_plural_are_no_actor_but_a_sign_of_the_country(nlp):
    doc = nlp("Republicans held 66 seats. Karl Holm said Republicans would vote. Republicans met again.")
    assert not any(s.label_ == "organization" and s.id_ == "Republican Party" for s in doc.spans[ACTORS_KEY])
    assert doc._.home_country == "United States"
    assert "Republican Party" in {s.id_ for s in nlp("The Republican Party met.").spans[ACTORS_KEY]}


def test_a_body_a_spokeswoman_speaks_for_is_named(nlp):
    doc = nlp("“We are clear,” Chinese Foreign Ministry spokeswoman Lin Vesk said on Monday.")
    bodies = {(s.id_, s._.country) for s in doc.spans[ACTORS_KEY] if s.label_ == "organization"}
    assert bodies == {("Chinese Foreign Ministry", "China")}
