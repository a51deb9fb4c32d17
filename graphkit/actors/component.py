"""The ``graphkit_actors`` pipeline component: spaCy entities + rulers -> actor spans.

Added by `graphkit.nlp.load_model` after ``ner``, behind the rulers that
`graphkit.actors.ruler` compiles from the gazetteer (``doc.spans["gazetteer"]``,
``doc.spans["body_nouns"]``) and from the user dictionary
(``doc.spans["user_actors"]``).  It writes ``doc.spans["actors"]`` as described
in `graphkit.actors.spans`, in these phases, each a small module:

1. candidates (`candidates`): one winning span per token;
2. persons (`persons`): names grouped into persons; abbreviations the article
   defines ("the Oslo Stock Exchange (OSE)") and former names it states
   ("Y, formerly known as X"), `acronyms`;
3. bodies, forums, groups (`bodies`, `forums`, `groups`);
4. places (`places`): a capital as a place or as its government; historical
   states by the article's date (`period`); companies named by a description
   ("the Swiss exchange", `descriptions`);
5. roles (`roles`): titles and countries of persons; the user dictionary pins
   what it knows (`dictionary`); the article's own country for the rest (`home`);
6. pronouns (`coref`).

>>> from graphkit.nlp import load_model
>>> doc = load_model()("Russian Foreign Minister Anton Vesel met Karl Holm in Oslo.")
>>> [(s.text, s.label_, s.id_, s._.country) for s in doc.spans["actors"]]
[('Russian', 'country', 'Russia', 'Russia'), ('Anton Vesel', 'person', 'Anton Vesel', 'Russia'), ...]
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from .acronyms import add_abbreviations, add_former_names
from .bodies import compose_bodies
from .candidates import candidate_mentions
from .cities import city_country
from .coref import add_pronouns, name_gender
from .dateline import find_dateline, find_loose_dateline
from .descriptions import add_descriptions
from .forums import add_forums
from .gazetteer import load_gazetteer
from .groups import add_groups
from .home import assign_home_countries, place_parties
from .mention import ArticleState, Mention
from .orgnames import merge_short_org_names
from .persons import add_persons, heading_tokens
from .period import apply_period, article_period
from .places import resolve_places
from .roles import parenthetical_aliases, person_roles
from .spans import ACTORS_KEY, register_extensions

COMPONENT = "graphkit_actors"


class ActorResolver:
    """Resolves the actors of each Doc; ``use_dictionary`` sets the user dictionary that wins."""

    def __init__(self, common_words: frozenset = frozenset()):
        register_extensions()
        self.gazetteer = load_gazetteer()
        # the other tables the phases read (places, given names) are loaded with the pipeline too, not by
        # its first article: a look-up of each loads it
        city_country("")
        name_gender("Anna Berg")
        self.common_words = common_words
        self.dictionary = None

    def use_dictionary(self, dictionary) -> None:
        self.dictionary = dictionary

    def __call__(self, doc):
        dictionary = self.dictionary.at(doc._.article_date) if self.dictionary is not None else None
        state = resolve(doc, self.gazetteer, dictionary, self.common_words)
        doc.spans[ACTORS_KEY] = spans_of(doc, state)
        return doc


@Language.factory(COMPONENT)
def make_actor_resolver(nlp, name):
    return ActorResolver(common_words(nlp))


def common_words(nlp) -> frozenset:
    """The English words the model's lemmatizer knows (nouns, verbs, adjectives, adverbs), if it has them."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)


def resolve(doc, gz, dictionary=None, words: frozenset = frozenset()) -> ArticleState:
    """The actors of one parsed Doc (the phases above), as the component's working state."""
    gz_lookup = gz.lookup
    lookup = (lambda s: dictionary.lookup(s) or gz_lookup(s)) if dictionary is not None else gz_lookup
    user_ok = alias_binds(doc, dictionary) if dictionary is not None else (lambda span: False)
    state = ArticleState(doc, gz, headings=heading_tokens(doc), common_words=words)
    cands = candidate_mentions(doc, gz, lookup, user_ok)
    _dateline(state, cands, lookup)
    state.mentions = cands.mentions
    add_persons(state, cands, lookup)
    add_abbreviations(state)
    add_former_names(state)
    period = state.period = article_period(doc, state)
    apply_period(state, period)
    compose_bodies(state)
    add_forums(state)
    add_groups(state)
    resolve_places(state, city_country)
    apply_period(state, period)
    add_descriptions(state)
    place_parties(state)
    state.build_actors()
    merge_short_org_names(state)
    parenthetical_aliases(state)
    person_roles(state)
    if dictionary is not None:
        dictionary.pin(state)
    assign_home_countries(state)
    add_pronouns(state)
    return state


def _dateline(state: ArticleState, cands, lookup) -> None:
    """The dateline's place ("TOKYO (Reuters) -") is a place, whatever the recognizer made of it."""
    found = find_dateline(state.doc) or find_loose_dateline(state.doc, lambda w: _known_place(w, lookup))
    if found is None:
        return
    s, e, place = found
    out = lambda a, b: b <= s or a >= e  # noqa: E731
    cands.mentions = [m for m in cands.mentions if out(m.start, m.end)]
    cands.persons = [p for p in cands.persons if out(*p)]
    cands.organizations = [o for o in cands.organizations if out(o[0], o[1])]
    cands.places = [p for p in cands.places if out(*p)]
    entry = lookup(place)
    country = entry.canonical if entry is not None and entry.type == "country" else city_country(place)
    cands.mentions.append(Mention(s, e, "location", place, state.doc[s:e].text, place=True, country=country))
    cands.taken.update(range(s, e))
    state.doc._.dateline = place
    state.dateline_country = country


def _known_place(words: str, lookup) -> bool:
    entry = lookup(words)
    return entry is not None and entry.type == "country" or city_country(words) is not None


def alias_binds(doc, dictionary):
    """``span -> bool``: does a dictionary entry bind this span?  A person's partial alias ("Berg" for
    Anna Berg) binds only where the article names no other person of that surname in full ("Erik
    Berg"): there it is the article's own person, found by the article's rules."""
    from .names import core_tokens, same_person

    full = [e.text for e in doc.ents if e.label_ == "PERSON" and len(core_tokens(e.text)) >= 2]

    def ok(span) -> bool:
        it = dictionary.match(span.text)
        if it is None:
            return False
        mine, theirs = core_tokens(span.text), core_tokens(it.name)
        if it.type != "person" or not mine or len(mine) >= len(theirs):
            return True
        return not any(core_tokens(f)[-1] == mine[-1] and not (same_person(f, it.name) or same_person(it.name, f))
                       for f in full)
    return ok


def spans_of(doc, state: ArticleState) -> list[Span]:
    out = []
    for m in state.mentions:
        a = state.actors.get(m.actor) if m.is_actor else None
        label = a.type if a is not None else m.type
        span = Span(doc, m.start, m.end, label=label, span_id=m.actor or m.surface)
        ext = span._  # (one extension view per span: each `span._` makes a new one)
        if label == "country":
            ext.country = m.actor
        elif a is not None:
            ext.country = a.country or m.country
        else:
            ext.country = m.country
        if a is not None and a.type == "person":
            ext.roles = tuple(sorted(a.roles))
            ext.guess = a.guess
            ext.via = a.via
            ext.label_only = a.country is None and not a.roles and all(
                x.start in state.label_only for x in a.mentions if x.kind != "pronoun")
        if m.type in ("country", "location") and m.kind in ("name", "capital", "seat", "demonym"):
            ext.stands_for = "place" if m.place else "government"
        ext.kind = m.kind
        out.append(span)
    return out
