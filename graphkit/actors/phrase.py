"""Which actors a noun phrase stands for: the rules behind `graphkit.actors.spans.phrase_actors`.

Given the head token of a noun phrase, in this order:

1. an actor span on the head: that span ("Anton Vesel", "Russia", "the IMF"); a pronoun span ("he",
   "they") is the person or persons it was resolved to (`graphkit.actors.coref`); a place or an outlet
   is no actor (empty);
2. a role noun with a name of its own: in apposition ("the foreign minister, Anton Vesel"), as a
   compound ("minister Vesel" parsed with the role as head), or the leader of a group ("a delegation
   led by Vesel");
3. a role or group noun with countries or organizations attached, in any syntactic way: adjective
   ("the Ruritanian foreign minister", "senior Ruritanian and Freedonian officials"), possessive
   ("Ruritania's foreign minister"), compound ("IMF officials"), of/from-phrase ("the foreign minister
   of Ruritania", "officials from the Finance Ministry"): one singular role with one country or
   organization is the person of that country holding that role in the article when there is exactly
   one (a counterpart: holding the role of the person whose counterpart it is), else the country or
   organization itself; a plural or group noun is every country and organization attached;
4. a definite role with nothing attached ("the foreign minister", "the president"): the nearest person
   named before it who holds that role, else the one person of the article holding it;
5. anything else (generic people, "bankers", an unattached plural): nothing.
"""
from __future__ import annotations

import functools

from graphkit.records import ACTOR_TYPES

from .gazetteer import fold, load_gazetteer
from .lexicon import LEXICON

SIDE_NOUNS = LEXICON["side_nouns"]
COUNTERPART_NOUNS = LEXICON["counterpart_nouns"]
GOVERNMENT_NOUNS = LEXICON["government_nouns"]
_FILLERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "'s", "’s", "other", "this", "that",
                      "new", "former", "then", "current", "top", "senior", "leading", "visiting", "incoming",
                      "outgoing", "acting", "interim", "late", "veteran", "elect", "designate", "and", "of", "-"})
# one of many: a named person holding only this is not "the Chilean official"
UNSPECIFIC = frozenset({"official", "officials", "delegation", "delegations", "team", "teams", "side", "sides",
                        "representative", "representatives", "mission", "missions", "member", "members",
                        "diplomat", "diplomats", "head", "heads", "chief", "chiefs"})
_OF_PREPS = ("of", "from")
_BODY_PREPS = ("in", "at", "with")  # "officials in the Finance Ministry": bodies only, not places


@functools.lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Every word a role or a title is made of, and the side nouns."""
    gz = load_gazetteer()
    words = set(SIDE_NOUNS)
    for t in gz.titles | gz.role_nouns:
        words.update(fold(w) for w in t.replace(".", "").replace("-", " ").split())
    return frozenset(words - {"of", "the", "and", "for", "to"})


@functools.lru_cache(maxsize=1)
def role_heads() -> frozenset[str]:
    """The words that name the holder of a role ("minister", "envoy", "officials"), not its field."""
    from .candidates import role_heads as heads
    return frozenset(heads(load_gazetteer())) | SIDE_NOUNS


def _is_role(tok) -> bool:
    return fold(tok.text) in role_heads() or fold(tok.lemma_) in role_heads()


def _plural(tok) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or (fold(tok.lemma_) != fold(tok.text) and fold(tok.text).endswith("s"))


def _actor_spans(index, tok) -> list:
    """The actor spans of one token (a pronoun span: each person it stands for)."""
    span = index.at(tok.i)
    if span is None:
        return []
    spans = index.all_at(tok.i) if span._.kind == "pronoun" else [span]
    return [s for s in spans if s.label_ in ACTOR_TYPES]


def _first_named(index, name: str):
    return next((s for s in index.named(name) if s._.kind != "pronoun"), None)


def _conjuncts(tok) -> list:
    out, stack = [tok], [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                stack.append(c)
    return out


def _attached(index, head) -> tuple[list, list]:
    """(countries and organizations, persons) attached to a role noun: modifiers before it (adjective,
    possessive, compound, with their conjuncts) and its of/from phrases."""
    sides, persons = [], []

    def add(span):
        if span.label_ == "person":
            persons.append(span)
        elif span.label_ in ("country", "organization", "forum") and span._.stands_for != "place" \
                and all(s.id_ != span.id_ for s in sides):
            sides.append(span)

    for x in head.subtree:
        if x.i >= head.i:
            break
        # a modifier of the phrase itself, not something inside a clause or phrase of its own
        if x.dep_ in ("amod", "compound", "poss", "nmod", "conj", "npadvmod") or x.head.i == head.i:
            for s in _actor_spans(index, x):
                if index.doc[s.end - 1].i == x.i or s._.kind == "pronoun":
                    add(s)
    for c in head.children:
        if c.dep_ == "prep" and c.i > head.i and (c.lower_ in _OF_PREPS or c.lower_ in _BODY_PREPS):
            for q in c.children:
                if q.dep_ != "pobj":
                    continue
                for y in _conjuncts(q):
                    for s in _actor_spans(index, y):
                        if c.lower_ in _BODY_PREPS and s.label_ != "organization":
                            continue  # "met officials in Moscow": where, not whose
                        add(s)
    return sides, persons


def _role_key(head, index) -> set[str]:
    """The words of the role itself ("foreign minister"), without determiners, fillers or actors."""
    words = set()
    for x in head.subtree:
        if x.i > head.i:
            break
        if index.at(x.i) is not None or not x.is_alpha:
            continue
        w = fold(x.text)
        if w in _FILLERS or w in COUNTERPART_NOUNS:
            continue
        if w in role_words() or x.i == head.i:
            words.add(fold(x.lemma_) if x.i == head.i else w)
    return words


def _role_words_of(role: str) -> set[str]:
    return {fold(w) for w in role.replace(".", "").replace("-", " ").split()}


def _holders(index, words: set[str], country: str | None, before: int | None = None) -> list:
    """The named persons (first spans) whose roles hold ``words`` (and who belong to ``country``),
    nearest before ``before`` first."""
    if not words:
        return []
    found: dict[str, int] = {}
    for s in index.spans:
        if s.label_ != "person" or s._.kind == "pronoun" or (country and s._.country != country):
            continue
        if any(words <= _role_words_of(r) | {_singular(w) for w in _role_words_of(r)} for r in s._.roles):
            last = found.get(s.id_, -1)
            if before is None or s.start < before:
                found[s.id_] = max(last, s.start)
            else:
                found.setdefault(s.id_, -1)
    order = sorted(found, key=lambda n: -found[n])
    return [_first_named(index, n) for n in order]


def _singular(w: str) -> str:
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def _counterpart_of(index, head, persons: list, country: str):
    """"his Ruritanian counterpart": the person of ``country`` holding the role of the one whose
    counterpart it is (the possessor, else the subject of the clause)."""
    owners = list(persons)
    if not owners:
        v = head.head
        for _ in range(4):
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                owners = [s for s in _actor_spans(index, subj) if s.label_ == "person"]
                break
            if v.head.i == v.i:
                break
            v = v.head
    for owner in owners:
        named = _first_named(index, owner.id_) or owner
        for role in named._.roles:
            heads = {w for w in _role_words_of(role) if w in role_heads()}
            holders = _holders(index, _role_words_of(role) - {"deputy", "vice"} if heads else set(), country)
            if len(holders) == 1 and holders[0].id_ != owner.id_:
                return holders[0]
    return None


def phrase_actors(doc, token, index) -> list:
    """The actor spans the noun phrase headed by ``token`` stands for (see the module doc); ``index``
    is the Doc's `graphkit.actors.spans.ActorIndex`."""
    span = index.at(token.i)
    if span is not None:
        return _actor_spans(index, token)
    if not _is_role(token):
        return []
    for c in token.children:  # a name of its own
        if c.dep_ in ("appos", "compound", "flat") and (s := index.at(c.i)) is not None and s.label_ == "person":
            return [s]
        if c.dep_ == "acl" and fold(c.lemma_) in ("lead", "head"):  # "a delegation led by X"
            for a in c.children:
                if a.dep_ == "agent":
                    led = [s for q in a.children if q.dep_ == "pobj" for y in _conjuncts(q)
                           for s in _actor_spans(index, y) if s.label_ == "person"]
                    if led:
                        return list({s.id_: s for s in led}.values())
    sides, persons = _attached(index, token)
    plural = _plural(token)
    counterpart = fold(token.lemma_) in COUNTERPART_NOUNS or fold(token.text) in COUNTERPART_NOUNS
    government = fold(token.lemma_) in GOVERNMENT_NOUNS
    if sides:
        if len(sides) == 1 and not plural and not government and sides[0].label_ in ("country", "organization"):
            side = sides[0]
            country = side.id_ if side.label_ == "country" else side._.country or side.id_
            if counterpart:
                holder = _counterpart_of(index, token, persons, country)
            else:
                key = _role_key(token, index)
                holders = _holders(index, key, country) if key - UNSPECIFIC else []
                if side.label_ == "organization" and not holders:
                    holders = [s for s in _holders(index, key, None) if any(
                        fold(side.id_) in fold(r) or any(fold(a.text) in fold(r) for a in index.named(side.id_))
                        for r in s._.roles)]
                holder = holders[0] if len(holders) == 1 else None
            if holder is not None:
                return [holder]
        return sides
    if persons or plural or government:
        return []  # "Dalton's adviser", "officials": no side of their own
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
    if definite and not counterpart:
        key = _role_key(token, index)
        if key - UNSPECIFIC:
            holders = _holders(index, key, None, before=token.i)
            if holders:
                return [holders[0]]
    return []
