"""The gazetteer and the user dictionary compiled into spaCy ``span_ruler`` patterns.

Each pattern carries the entry's type as its label and its canonical name as its
id, so a matched span says what it is (``span.label_ == "country"``,
``span.id_ == "Russia"``).  Single words match case-sensitively ("IS", "Chad");
names of two or more words match in any case as well ("foreign ministry").

>>> from graphkit.actors.gazetteer import load_gazetteer
>>> exact, folded = gazetteer_patterns(load_gazetteer())
>>> next(p for p in exact if p["pattern"] == "Moscow")
{'label': 'country', 'pattern': 'Moscow', 'id': 'Russia'}
"""
from __future__ import annotations

GAZETTEER_KEY = "gazetteer"
USER_KEY = "user_actors"
BODY_NOUNS_KEY = "body_nouns"

#: (pipe name, spans key, phrase matcher attribute) of the rulers, in pipeline order
GAZETTEER_PIPES = (("graphkit_gazetteer", GAZETTEER_KEY, "ORTH"),
                   ("graphkit_gazetteer_folded", GAZETTEER_KEY, "LOWER"))
USER_PIPE = "graphkit_user_actors"
BODY_NOUNS_PIPE = "graphkit_body_nouns"


def gazetteer_patterns(gz) -> tuple[list[dict], list[dict]]:
    """``(exact, folded)`` phrase patterns: every surface form, and every multi-word one in any case."""
    exact, folded = [], []
    for surface, entry in gz.entries.items():
        p = {"label": entry.type, "pattern": surface, "id": entry.canonical}
        exact.append(p)
        if len(surface.split()) >= 2:
            folded.append(p)
    exact += [{"label": entry.type, "pattern": surface, "id": entry.canonical} for surface, entry in gz.shouted.items()]
    return exact, folded


def dictionary_patterns(dictionary) -> list[dict]:
    """Phrase patterns for every name and alias of a user dictionary (date ranges are checked later)."""
    if dictionary is None:
        return []
    return [{"label": entry.type, "pattern": surface, "id": entry.canonical}
            for surface, entry in dictionary.entries.items()]


def body_noun_patterns(gz) -> list[dict]:
    """Generic government-body nouns ("foreign ministry", "air force"), any case, id = canonical noun."""
    return [{"label": "body_noun", "pattern": variant, "id": noun} for variant, noun in gz.body_nouns.items()]


def add_rulers(nlp, gz) -> None:
    """Add the gazetteer and body-noun rulers at the head of the pipeline (`set_user_patterns` adds the user's).

    They match on token text only, so they run before everything else (and adding
    their patterns does not run the statistical components).
    """
    exact, folded = gazetteer_patterns(gz)
    rulers = [(name, key, attr, patterns) for (name, key, attr), patterns in zip(GAZETTEER_PIPES, (exact, folded))]
    rulers.append((BODY_NOUNS_PIPE, BODY_NOUNS_KEY, "LOWER", body_noun_patterns(gz)))
    previous = None
    for name, key, attr, patterns in rulers:
        where = {"after": previous} if previous else {"first": True}
        ruler = nlp.add_pipe("span_ruler", name=name, **where, config={
            "spans_key": key, "phrase_matcher_attr": attr, "validate": False,
            # the second gazetteer ruler adds to the first one's group
            "overwrite": not (key == GAZETTEER_KEY and previous is not None)})
        ruler.add_patterns(patterns)
        previous = name


def set_user_patterns(nlp, dictionary) -> None:
    """The user-dictionary ruler holds the patterns of ``dictionary``; with None (or an empty one) it is removed."""
    patterns = dictionary_patterns(dictionary)
    if USER_PIPE in nlp.pipe_names:
        nlp.remove_pipe(USER_PIPE)
    if patterns:
        ruler = nlp.add_pipe("span_ruler", name=USER_PIPE, after=BODY_NOUNS_PIPE,
                             config={"spans_key": USER_KEY, "phrase_matcher_attr": "ORTH", "validate": False})
        ruler.add_patterns(patterns)
