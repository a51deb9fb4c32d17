"""Actor resolution within one article: spaCy entities + gazetteer -> actors.

`resolve_actors(doc)` takes a parsed spaCy ``Doc`` and returns an
:class:`ArticleActors`: the article's actors (one per real actor: "Vesel" and
"Anton Vesel" are one), every mention with its token span, and for persons the
roles and the country or organization they belong to, read from titles and
appositives ("Russian Foreign Minister Anton Vesel", "Karl Holm, a State
Department spokesman").

Rules, in the order they run:

1. Candidate spans come from the gazetteer (countries, demonyms, capitals, seats
   of government, international organizations, government bodies, media) and from
   spaCy's NER; a gazetteer match beats an NER span of the same or smaller size.
2. A capital or city used as a place ("talks in Moscow") is a location; used as
   an actor ("Moscow warned") it is its country (metonymy).
3. A demonym or country followed by a generic body noun ("Russia's Foreign
   Ministry", "the Syrian air force") is that country's body.
4. Persons: a partial name ("Vesel", "Karimi Nasab", "Hakim") refers to the
   full name introduced elsewhere in the article; spelling variants of the same
   full name (Sergey/Sergei) merge; two full names that only share a surname stay
   apart.  Roles and country come from the title before the name, an appositive,
   "of <organization>", or a possessor ("Dalton's adviser").
5. Named forums: "<name> talks/conference/summit/declaration" where the
   modifier is a place, demonym or proper name ("the Astana conference", "Syrian
   peace talks"), not a list of parties ("Iran-Russia-Turkey talks").
6. Opposition and armed groups named by a common noun ("the opposition",
   "rebels") belong to the country whose government they face in the text.
"""
from __future__ import annotations

import difflib
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer, fold, load_gazetteer

ACTOR_TYPES = ("person", "country", "organization", "forum")


def _lexicon() -> dict:
    import json
    from importlib import resources

    with resources.files("graphkit.actors").joinpath("data", "lexicon.json").open(encoding="utf-8") as fh:
        return json.load(fh)


# The resolver's word lists live in data/lexicon.json; read once at import.
_LEX = _lexicon()
PLACE_PREPS = set(_LEX["place_preps"])
FOREIGN_PREPS = set(_LEX["foreign_preps"]["words"])
DETERMINERS = set(_LEX["determiners"])
TITLE_FILLERS = set(_LEX["title_fillers"])
GROUP_NOUNS = set(_LEX["group_nouns"])
FORUM_NOUNS = set(_LEX["forum_nouns"])
GOV_NOUNS = set(_LEX["gov_nouns"])
GOV_WEIGHT = dict(_LEX["gov_weight"]["weights"])
COUNTRY_ITSELF = set(_LEX["country_itself"]["nouns"])
ORG_WORDS = set(_LEX["org_words"]["words"])
CORPORATE_SUFFIXES = set(_LEX["corporate_suffixes"])
PERSON_STOP = set(_LEX["person_stop"])
NAME_PARTICLES = set(_LEX["name_particles"])
FORUM_GENERIC = set(_LEX["forum_generic"]) | FORUM_NOUNS


@dataclass
class Mention:
    """One mention of an actor (or a place) in the article, as a token span."""

    start: int
    end: int
    type: str  # person | country | organization | forum | location | media
    actor: str | None  # local canonical name; None for locations and media
    surface: str
    place: bool = False  # a capital or city used as a place
    kind: str = "name"  # for countries: name | demonym | capital | seat
    country: str | None = None  # for bodies and organizations: the country they belong to

    @property
    def is_actor(self) -> bool:
        return self.actor is not None and self.type in ACTOR_TYPES


@dataclass
class Actor:
    name: str
    type: str
    country: str | None = None
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    country_guess: str | None = None  # from context only; used when nothing better is known
    country_from_person: str | None = None  # "Dalton's adviser": resolved after all persons are known


@dataclass
class ArticleActors:
    """The actors of one article and where each is mentioned."""

    doc: object
    actors: dict[str, Actor]
    mentions: list[Mention]
    by_token: dict[int, Mention]
    gazetteer: Gazetteer

    def mention_at(self, i: int) -> Mention | None:
        return self.by_token.get(i)

    def persons(self) -> list[Actor]:
        return [a for a in self.actors.values() if a.type == "person"]

    def find_by_role(self, role_words: set[str], country: str | None) -> str | None:
        """The one named person whose roles contain these words (and country), if exactly one."""
        hits = []
        for a in self.persons():
            if country and a.country != country:
                continue
            for r in a.roles:
                rw = set(fold(r).replace(".", "").split())
                if role_words and role_words <= rw:
                    hits.append(a.name)
                    break
        return hits[0] if len(set(hits)) == 1 else None


# --------------------------------------------------------------------------- matching

_MATCHERS: dict[int, tuple] = {}


def _matchers(vocab, gz: Gazetteer, extra: dict[str, Entry] | None = None):
    """PhraseMatchers over the gazetteer, built once per vocabulary."""
    from spacy.matcher import PhraseMatcher
    from spacy.lang.en import English

    key = (id(vocab), id(extra))
    if key in _MATCHERS:
        return _MATCHERS[key]
    tok = English(vocab=vocab).tokenizer
    exact = PhraseMatcher(vocab, attr="ORTH")
    folded = PhraseMatcher(vocab, attr="LOWER")
    surfaces = dict(gz.entries)
    if extra:
        surfaces.update(extra)
    ex_pats, fo_pats = [], []
    for s in surfaces:
        ex_pats.append(s)
        if len(s.split()) >= 2:
            fo_pats.append(s)
    exact.add("GZ", list(tok.pipe(ex_pats)))
    folded.add("GZ", list(tok.pipe(fo_pats)))
    body = PhraseMatcher(vocab, attr="LOWER")
    body.add("BODY", list(tok.pipe(sorted(gz.body_nouns))))
    _MATCHERS[key] = (exact, folded, body)
    return _MATCHERS[key]


def token_hits(doc, words, attr: str = "LOWER") -> list:
    """Tokens whose lower-case form (or lemma, with attr="LEMMA") is in ``words``, found on the
    Doc's arrays so that long articles are not walked token by token in Python."""
    from spacy.attrs import LEMMA, LOWER

    if not len(doc):
        return []
    strings = doc.vocab.strings
    keys = {strings.add(w) for w in words}
    col = doc.to_array([LOWER if attr == "LOWER" else LEMMA])
    return [doc[int(i)] for i, v in enumerate(col.tolist()) if v in keys]


def _strip_det(doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].lower_ in DETERMINERS:
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’", ",", ".", "-", '"'):
        end -= 1
    return start, end


def _heading_lines(doc) -> set[int]:
    """Token indices on short lines with no final punctuation (headlines, section heads)."""
    out = set()
    lines = doc.text.split("\n")
    short = [bool(ln.strip()) and len(ln.strip()) < 120 and not re.search(r"[.!?\"”:]$", ln.strip()) for ln in lines]
    pos = 0
    for i, line in enumerate(lines):
        # a heading stands alone: no running text directly above or below it
        alone = (i == 0 or not lines[i - 1].strip() or short[i - 1]) and \
                (i == len(lines) - 1 or not lines[i + 1].strip() or short[i + 1])
        if short[i] and alone:
            span = doc.char_span(pos, pos + len(line), alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        pos += len(line) + 1
    return out


# --------------------------------------------------------------------------- persons

def _name_tokens(name: str) -> list[str]:
    toks = re.split(r"[\s]+", name.strip())
    return [t for t in toks if t]


def _core(tok: str) -> str:
    """A name token without Arabic article prefixes: al-Hakim -> hakim."""
    t = fold(tok)
    t = re.sub(r"^(al|el|ad|as|ash|at|az|ar)[-‐]", "", t)
    return t.strip(".")


def _variant(a: str, b: str) -> bool:
    """Same first name in another transliteration (Sergey/Sergei, Dmitry/Dimitry)?"""
    a, b = _core(a), _core(b)
    if a == b:
        return True
    if len(a) <= 2 or len(b) <= 2:  # initials: "J." ~ "John"
        return a[0] == b[0]
    norm = lambda s: re.sub(r"[aeiouy]+", "", s.replace("j", "i").replace("ph", "f"))  # noqa: E731
    return norm(a) == norm(b) or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _core_tokens(name: str) -> list[str]:
    return list(_core_tuple(name))


@functools.lru_cache(maxsize=65536)
def _core_tuple(name: str) -> tuple[str, ...]:
    out = []
    for t in _name_tokens(name):
        c = _core(t)
        if c and c not in NAME_PARTICLES:
            out.append(c)
    return tuple(out)


def _same_person(short: str, full: str) -> bool:
    """Does the (partial) name ``short`` refer to ``full``?"""
    s, f = _core_tokens(short), _core_tokens(full)
    if not s or not f:
        return False
    if len(s) < len(f):
        return f[-len(s):] == s or (len(s) == 1 and s[0] == f[-1])
    if len(s) == len(f):
        return s[-1] == f[-1] and all(_variant(x, y) for x, y in zip(s[:-1], f[:-1]))
    return False


def _looks_like_name(text: str) -> bool:
    toks = _name_tokens(text)
    if not toks or not any(c.isalpha() for c in text):
        return False
    if len(toks) == 1 and text.isupper() and len(text) > 1:
        return False  # acronyms (MANPADS) are not person names
    if fold(toks[0]) in PERSON_STOP and len(toks) == 1:
        return False
    return all(t[0].isupper() or fold(t).split("-")[0] in NAME_PARTICLES for t in toks)


# --------------------------------------------------------------------------- main entry

def resolve_actors(doc, gazetteer: Gazetteer | None = None, dictionary=None) -> ArticleActors:
    """Resolve the actors of a parsed article.

    ``dictionary`` is an optional :class:`graphkit.actors.dictionary.UserDictionary`
    whose entries override the built-in tables and the guesses.

    >>> from graphkit.nlp import load_model          # doctest: +SKIP
    >>> doc = load_model()("Russian Foreign Minister Anton Vesel met Dalton. Vesel said Moscow agreed.")  # doctest: +SKIP
    >>> acts = resolve_actors(doc)                   # doctest: +SKIP
    >>> acts.actors["Anton Vesel"].country          # doctest: +SKIP
    'Russia'
    """
    gz = gazetteer or load_gazetteer()
    extra = dictionary.entries if dictionary else None
    exact, folded, body_matcher = _matchers(doc.vocab, gz, extra)
    lookup = (lambda s: dictionary.lookup(s) or gz.lookup(s)) if dictionary else gz.lookup
    headings = _heading_lines(doc)

    # 1. candidate spans ------------------------------------------------------
    cands = []  # (priority, start, end, source, label)
    for _, s, e in exact(doc):
        cands.append((3, s, e, "gz", None))
    for _, s, e in folded(doc):
        cands.append((3, s, e, "gz", None))
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            s, e = _strip_det(doc, ent.start, ent.end)
            if s < e:
                cands.append((2 if ent.label_ == "PERSON" else 1, s, e, "ner", ent.label_))
    # longest first; gazetteer beats NER at equal length
    cands.sort(key=lambda c: (-(c[2] - c[1]), -c[0], c[1]))
    taken: set[int] = set()
    spans = []
    for pri, s, e, src, label in cands:
        if any(i in taken for i in range(s, e)):
            continue
        if src == "gz" and e - s == 1 and doc[s].is_sent_start and doc[s].text.lower() == doc[s].text:
            continue
        if src == "gz" and lookup(doc[s:e].text) is None:  # a dictionary entry outside its date range
            continue
        taken.update(range(s, e))
        spans.append((s, e, src, label))
    spans.sort()

    mentions: list[Mention] = []
    person_spans = []
    org_spans = []  # NER organizations not in the gazetteer
    places = []  # NER places not in the gazetteer
    for s, e, src, label in spans:
        text = doc[s:e].text
        entry = lookup(text) if src == "gz" or label != "PERSON" else None
        if entry is not None:
            mentions.append(_mention_from_entry(doc, s, e, entry, gz))
            continue
        if label == "PERSON":
            first = lookup(doc[s].text)
            # "U.S. Dlrs", "Russian Sergei": a country word opening the span is not a given name
            starts_with_country = first is not None and (first.kind in ("demonym", "capital", "seat") or "." in doc[s].text
                                                         or doc[s].text.isupper())
            if _looks_like_name(text) and "\n" not in text and not starts_with_country:
                person_spans.append((s, e))
        elif label in ("ORG", "FAC"):
            composed = _country_body(doc, s, e, gz, lookup)
            if composed is not None:
                mentions.append(composed)
            elif not (e - s == 1 and fold(text) in ORG_WORDS | set(gz.body_nouns)):
                # a lone "Commission" or "Senate" names nothing by itself
                org_spans.append((s, e, label))
        elif label in ("GPE", "LOC"):
            places.append((s, e))

    # 2. persons: full names first, partial names after --------------------------
    actors: dict[str, Actor] = {}
    # persons pinned by a user dictionary come first: partial names in the text attach to them
    person_names: list[str] = list(dict.fromkeys(m.actor for m in mentions if m.type == "person"))

    def person_for(name: str) -> str:
        # an existing full name this one is a variant / part of
        for p in person_names:
            if _same_person(name, p):
                return p
        for p in list(person_names):
            if _same_person(p, name):  # a longer form of an earlier partial name
                return p
        ct = _core_tokens(name)
        if len(ct) == 1:
            # family name first ("Wang Yi" ... "Wang said"): the one full name that starts with it
            firsts = [p for p in person_names if len(_core_tokens(p)) >= 2 and _core_tokens(p)[0] == ct[0]]
            if len(firsts) == 1:
                return firsts[0]
        person_names.append(name)
        return name

    title_words = _title_words(gz)

    def clean_person(s: int, e: int) -> tuple[int, int]:
        while s < e - 1 and (fold(doc[s].text).strip(".") in PERSON_STOP or fold(doc[s].text) in gz.titles):
            s += 1
        # a given name spaCy left out: "spokesperson Dimitry Sorin" tagged as just "Sorin"
        while s > 0 and not doc[s].is_sent_start:
            prev = doc[s - 1]
            if prev.pos_ != "PROPN" or not prev.is_title or prev.ent_type_ or (s - 1) in taken \
                    or fold(prev.text).strip(".") in title_words | PERSON_STOP or prev.is_sent_start:
                break
            s -= 1
        # and a family name it left out: "Mohammed bin Abdulrahman [Al Thani]"
        while e < len(doc) and not doc[e].is_sent_start and e not in taken:
            nxt = doc[e]
            particle = fold(nxt.text).strip("-") in NAME_PARTICLES and e + 1 < len(doc) \
                and doc[e + 1].is_title and doc[e + 1].pos_ == "PROPN" and (e + 1) not in taken
            if not (particle or (nxt.pos_ == "PROPN" and nxt.is_title and not nxt.ent_type_)) \
                    or fold(nxt.text).strip(".") in title_words | PERSON_STOP:
                break
            e += 2 if particle else 1
        return _strip_det(doc, s, e)

    pspans = [clean_person(s, e) for s, e in person_spans]
    pspans = [(s, e) for s, e in pspans if s < e]
    # NER on title-case headlines is unreliable ("Dalton Optimistic"): a name in a heading
    # counts only as a person named in the body, narrowed to the token that matches
    body = [(s, e) for s, e in pspans if s not in headings]
    head_spans = [(s, e) for s, e in pspans if s in headings]
    pspans = body
    body_keys = {}
    for s, e in body:
        for t in _core_tokens(doc[s:e].text):
            body_keys.setdefault(t, True)
    for s, e in head_spans:
        if all(_core(doc[i].text) in body_keys or _core(doc[i].text) in NAME_PARTICLES for i in range(s, e)):
            pspans.append((s, e))
            continue
        for i in range(s, e):
            if _core(doc[i].text) in body_keys and doc[i].text[:1].isupper():
                pspans.append((i, i + 1))
    # full names (2+ core tokens) define persons; longest first so variants attach
    order = sorted(pspans, key=lambda se: -len(_core_tokens(doc[se[0]:se[1]].text)))
    for s, e in order:
        name = doc[s:e].text
        if len(_core_tokens(name)) >= 2:
            person_for(name)
    for s, e in pspans:
        name = doc[s:e].text
        canon = person_for(name)
        mentions.append(Mention(s, e, "person", canon, name))

    # NER organizations: a surname mislabelled as ORG ("Vesel", "al-Hakim") is a person
    surname_keys = {}
    for p in person_names:
        ct = _core_tokens(p)
        if ct:
            surname_keys.setdefault(ct[-1], p)
    for s, e, label in org_spans:
        text = doc[s:e].text
        ct = _core_tokens(text)
        if ct and ct[-1] in surname_keys and len(ct) <= len(_core_tokens(surname_keys[ct[-1]])):
            target = next((p for p in person_names if _same_person(text, p)), None)
            if target is None and "-" in text:  # "Hakim-Omar al-Hakim"
                target = surname_keys[ct[-1]]
            if target:
                mentions.append(Mention(s, e, "person", target, text))
                continue
        if s in headings:  # NER on title-case headlines is unreliable
            continue
        if _possessor_of_role(doc, e, gz) and _looks_like_name(text) and len(ct) <= 3 and not any(
                lookup(doc[i].text) is not None or fold(doc[i].text) in ORG_WORDS for i in range(s, e)):
            # "Dalton's national security adviser": an organization has no advisers of its own name
            mentions.append(Mention(s, e, "person", person_for(text), text))
            continue
        if label == "ORG" and _looks_like_org(text) and not (e - s == 1 and (
                fold(text) in _title_words(gz) or fold(text).strip(".") in CORPORATE_SUFFIXES)):
            mentions.append(Mention(s, e, "organization", text, text))
    # NER places: a known person's surname labelled as a place ("Kamikawa said") is that person
    for s, e in places:
        text = doc[s:e].text
        ct = _core_tokens(text)
        target = next((p for p in person_names if _same_person(text, p)), None) if len(ct) == 1 else None
        if target and ct[0] in surname_keys:
            mentions.append(Mention(s, e, "person", target, text))
        else:
            mentions.append(Mention(s, e, "location", None, text, place=True))
    # surnames spaCy missed entirely
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for t in token_hits(doc, set(surname_keys)):
        if t.i in covered or t.pos_ != "PROPN":
            continue
        key = _core(t.text)
        if key in surname_keys and t.text[:1].isupper():
            mentions.append(Mention(t.i, t.i + 1, "person", surname_keys[key], t.text))

    # 3. bodies of a country, named forums, opposition groups -----------------------
    mentions.sort(key=lambda m: m.start)
    mentions = _compose_bodies(doc, mentions, gz, body_matcher)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    mentions.extend(_forums(doc, mentions, covered, headings, gz))
    covered = {i for m in mentions for i in range(m.start, m.end)}
    mentions.extend(_groups(doc, mentions, covered, gz))
    mentions.sort(key=lambda m: m.start)

    # 4. metonymy: capitals as places -----------------------------------------------
    for m in mentions:
        if m.type == "country" and m.kind == "capital" and _is_place(doc, m):
            m.place = True
            m.type, m.actor = "location", None

    # 5. actors ------------------------------------------------------------------------
    for m in mentions:
        if not m.is_actor:
            continue
        a = actors.get(m.actor)
        if a is None:
            a = actors[m.actor] = Actor(m.actor, m.type)
        a.mentions.append(m)
        if m.surface != m.actor:
            a.aliases.add(m.surface)
        if m.type in ("organization", "forum") and m.country:
            a.country = a.country or m.country
    for m in mentions:
        c = m.country
        if c and m.actor in actors:
            actors[m.actor].country = actors[m.actor].country or c

    by_token = {}
    for m in mentions:
        for i in range(m.start, m.end):
            by_token[i] = m
    result = ArticleActors(doc, actors, mentions, by_token, gz)
    _parenthetical_aliases(result)
    _person_roles(result)
    if dictionary:
        dictionary.apply(result)
    return result


def _title_words(gz: Gazetteer) -> set[str]:
    words = getattr(gz, "_title_words", None)
    if words is None:
        words = set()
        for t in gz.titles | gz.role_nouns:
            words.update(t.replace(".", "").split())
        words -= {"of", "the", "and", "for"}
        gz._title_words = words
    return words


def _possessor_of_role(doc, end: int, gz: Gazetteer) -> bool:
    """Is the span ending at ``end`` followed by "'s" and a personal role noun ("'s adviser")?"""
    if end >= len(doc) or doc[end].text not in ("'s", "’s"):
        return False
    words = _title_words(gz) - {"office", "ministry", "department", "government"}
    for t in doc[end + 1:end + 5]:
        if fold(t.text) in words and t.pos_ == "NOUN":
            return True
        if t.pos_ not in ("ADJ", "NOUN", "VERB", "PROPN"):
            return False
    return False


def _country_body(doc, s: int, e: int, gz: Gazetteer, lookup) -> Mention | None:
    """An entity "<country> <body noun>" ("U.S. Agriculture Department", "U.K. Government"):
    the country's body, or the country itself for its government."""
    for k in range(s + 1, min(e, s + 4)):
        head = lookup(doc[s:k].text)
        if head is None or head.type != "country":
            continue
        tail = doc[k + 1 if doc[k].text in ("'s", "’s") else k:e].text
        noun = gz.body_nouns.get(fold(tail))
        if noun is None:
            return None
        if noun in COUNTRY_ITSELF:
            return Mention(s, e, "country", head.canonical, doc[s:e].text, kind="name")
        return Mention(s, e, "organization", f"{gz.demonym(head.canonical)} {noun}", doc[s:e].text,
                       country=head.canonical)
    return None


def _looks_like_org(text: str) -> bool:
    toks = text.split()
    if not toks or not toks[0][:1].isupper():
        return False
    if re.search(r"\.(com|org|net|ru|ir|co\.uk)$", text, re.I):  # web sites are sources
        return False
    if re.search(r"[<>/\n]", text):  # ticker marks ("<CBS>"), photo credits ("REUTERS/Name")
        return False
    return any(c.isalpha() for c in text)


def _mention_from_entry(doc, s, e, entry: Entry, gz: Gazetteer) -> Mention:
    text = doc[s:e].text
    if entry.type == "country":
        return Mention(s, e, "country", entry.canonical, text, kind=entry.kind)
    if entry.type == "media":
        return Mention(s, e, "media", None, text)
    if entry.type == "body":
        m = Mention(s, e, "organization", entry.canonical, text)
        m.country = entry.country
        return m
    if entry.type == "person":  # from a user dictionary
        m = Mention(s, e, "person", entry.canonical, text)
        m.country = entry.country
        return m
    m = Mention(s, e, entry.type if entry.type in ACTOR_TYPES else "organization", entry.canonical, text)
    m.country = entry.country
    return m


def _is_place(doc, m: Mention) -> bool:
    """A capital used as a place: object of a place preposition, or "Astana, Kazakhstan"."""
    head = doc[m.end - 1]
    if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS:
        return True
    if head.dep_ in ("compound", "amod", "nmod") and head.head.lower_ not in GOV_NOUNS:
        # "the Moscow Declaration", "Astana talks": a modifier names a place, not a government
        return True
    if m.end < len(doc) - 1 and doc[m.end].text == "," and doc[m.end + 1].ent_type_ == "GPE":
        return True
    if head.dep_ == "appos" or (head.head.ent_type_ == "GPE" and head.dep_ in ("appos", "npadvmod")):
        return True
    # "the Kazakh capital Astana"
    if m.start > 0 and doc[m.start - 1].lower_ in ("capital", "city", "town", "port"):
        return True
    return False


def _modifier(tok) -> bool:
    """Is ``tok`` used as a modifier of another noun ("US military concerns")?"""
    if tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i


def _compose_bodies(doc, mentions, gz, body_matcher):
    """Country + generic body noun -> the country's body ("Russia's Foreign Ministry")."""
    bodies = {}
    for _, s, e in body_matcher(doc):
        if e - s > 0:
            bodies.setdefault(s, e)
            if bodies[s] < e:
                bodies[s] = e
    if not bodies:
        return mentions
    out = []
    skip = set()
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        if id(m) in skip:
            continue
        if m.type == "country" and not m.place:
            j = m.end
            if j < len(doc) and doc[j].text in ("'s", "’s"):
                j += 1
            if j in bodies and gz.body_nouns[fold(doc[j:bodies[j]].text)] not in COUNTRY_ITSELF \
                    and not _modifier(doc[bodies[j] - 1]):
                noun = gz.body_nouns[fold(doc[j:bodies[j]].text)]
                # a gazetteer mention swallowed inside the body noun ("Foreign Office") is replaced
                inner = by_start.get(j)
                if inner is not None:
                    skip.add(id(inner))
                name = f"{gz.demonym(m.actor)} {noun}"
                b = Mention(m.start, bodies[j], "organization", name, doc[m.start:bodies[j]].text)
                b.country = m.actor
                out.append(b)
                continue
        out.append(m)
    out = [m for m in out if id(m) not in skip]
    # a bare body noun ("the Foreign Ministry") refers to the one body of that noun in the article
    covered = {i for m in out for i in range(m.start, m.end)}
    named = defaultdict(set)
    for m in out:
        if m.type == "organization" and m.country:
            for noun in set(gz.body_nouns.values()):
                if m.actor.endswith(noun):
                    named[noun].add((m.actor, m.country))
    for s, e in bodies.items():
        if any(i in covered for i in range(s, e)):
            continue
        noun = gz.body_nouns[fold(doc[s:e].text)]
        if noun in COUNTRY_ITSELF:
            continue
        if len(named[noun]) == 1 and doc[s].text[:1].isupper():
            actor, country = next(iter(named[noun]))
            b = Mention(s, e, "organization", actor, doc[s:e].text)
            b.country = country
            out.append(b)
    out.sort(key=lambda m: m.start)
    return out


def _forums(doc, mentions, covered, headings, gz):
    """Named forums: "<name> talks/conference/summit/declaration"."""
    out = []
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    for t in token_hits(doc, FORUM_NOUNS):
        if t.i in covered or t.i in headings:
            continue
        # the modifiers directly before the noun
        j = t.i - 1
        while j >= 0 and (doc[j].dep_ in ("compound", "amod", "nmod") or doc[j].text == "-") \
                and doc[j].head.i in range(j, t.i + 1) and doc[j].text not in (",",):
            j -= 1
        mods = list(range(j + 1, t.i))
        if not mods or any(doc[i].lower_ in ("news", "press", "media") for i in mods):
            continue
        if doc[mods[0]].lower_ in DETERMINERS:
            mods = mods[1:]
        if not mods:
            continue
        ents = {by_token[i].actor or by_token[i].surface for i in mods if i in by_token}
        kinds = [by_token[i] for i in mods if i in by_token]
        if any(m.type == "forum" for m in kinds):
            continue  # "the G20 summit" is the forum G20 already named
        countries = {m.actor for m in kinds if m.type == "country"}
        if len(countries) >= 2 or any(m.type == "person" for m in kinds):
            continue  # a list of parties ("Iran-Russia-Turkey talks"), not a name
        named = ents or any(doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() for i in mods) \
            or any(doc[i].text.lower().startswith("intra") for i in mods)
        if not named:
            continue
        first = mods[0]
        if doc[first].text in ("-",):
            continue
        # "Syria crisis talks" etc. keep; single generic words ("Closed-door") are not names
        span = doc[first:t.i + 1]
        name = span.text
        name = re.sub(r"\s*-\s*", "-", name)
        name = name[0].upper() + name[1:] if name[0].islower() else name
        m = Mention(first, t.i + 1, "forum", name, span.text)
        out.append(m)
        for i in range(first, t.i + 1):
            covered.add(i)
    # one forum under several names in an article: "Syria peace talks", "Syrian peace talks" and
    # "intra-Syrian talks" share their country and differ only in generic words
    canon = {}
    for m in out:
        m.actor = canon.setdefault(_forum_key(m.actor, gz), m.actor)
    return out


def _forum_key(name: str, gz: Gazetteer) -> tuple:
    words = re.split(r"[\s\-]+", name)
    countries, rest = set(), set()
    for w in words:
        e = gz.lookup(w)
        if e is not None and e.type == "country":
            countries.add(e.canonical)
        elif fold(w) not in FORUM_GENERIC and w:
            rest.add(fold(w))
    return (frozenset(countries), frozenset(rest))


def _groups(doc, mentions, covered, gz):
    """"The opposition", "Syrian opposition groups", "rebels" -> "<Demonym> opposition"."""
    out = []
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    gov_countries = Counter()
    groups = token_hits(doc, GROUP_NOUNS)
    if not groups:
        return out
    def gov_weights(tokens) -> Counter:
        # whose government do groups face? a "regime" most clearly, an "administration" least
        c = Counter()
        for t in tokens:
            w = GOV_WEIGHT.get(t.lower_)
            if not w:
                continue
            for x in t.subtree:
                m = by_token.get(x.i)
                if m and m.type == "country" and (x.head.i == t.i or x.head.head.i == t.i or t.lower_ == "regime"):
                    c[m.actor] += w
        return c

    gov_countries = gov_weights(token_hits(doc, GOV_NOUNS))
    sent_gov = {}
    for t in groups:
        if t.i not in covered and t.pos_ in ("NOUN", "PROPN", "ADJ"):
            if t.lower_ == "militant" and t.head.lower_ not in ("groups", "group"):
                continue
            country = None
            for c in t.children:
                m = by_token.get(c.i)
                if m and m.type == "country" and c.dep_ in ("amod", "compound", "poss", "nmod"):
                    country = m.actor
            if t.lower_ in ("opposition",) and t.head.i in by_token and by_token[t.head.i].type == "country":
                country = by_token[t.head.i].actor
            j = t.i - 1
            while country is None and j >= 0 and doc[j].dep_ in ("amod", "compound") and j >= t.i - 3:
                m = by_token.get(j)
                if m and m.type == "country":
                    country = m.actor
                j -= 1
            if country is None:
                sent = t.sent
                # "rebels against Syria"
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "against":
                        for p in c.children:
                            m = by_token.get(p.i)
                            if m and m.type == "country":
                                country = m.actor
                if country is None and sent.start not in sent_gov:
                    local = gov_weights(sent)
                    sent_gov[sent.start] = local.most_common(1)[0][0] if local else None
                country = country or sent_gov[sent.start] or (
                    gov_countries.most_common(1)[0][0] if gov_countries else None)
            if country is None:
                continue
            start = t.i
            while start > 0 and (start - 1) in by_token and by_token[start - 1].type == "country" \
                    and by_token[start - 1].actor == country:
                start -= 1
            end = t.i + 1
            if end < len(doc) and doc[end].lower_ in ("groups", "group", "forces", "factions"):
                end += 1
            if t.lower_ == "militant" and t.head.lower_ in ("groups", "group"):
                end = t.head.i + 1
            m = Mention(start, end, "organization", f"{gz.demonym(country)} opposition", doc[start:end].text)
            out.append(m)
            covered.update(range(start, end))
    return out


def _parenthetical_aliases(res: ArticleActors) -> None:
    """"al-Nusra Front (recently rebranded to Jabhat Fateh al-Sham)", "ISSG" after its full name."""
    doc = res.doc
    ms = [m for m in res.mentions if m.is_actor]
    for a, b in zip(ms, ms[1:]):
        if a.type not in ("organization", "forum") or b.type not in ("organization", "forum", "person"):
            continue
        between = doc[a.end:b.start].text
        if between.strip().startswith("(") and ")" not in between and b.end < len(doc) and ")" in doc[b.end:b.end + 2].text:
            if b.actor != a.actor and b.actor in res.actors and a.actor in res.actors:
                _merge_actor(res, b.actor, a.actor)


def _merge_actor(res: ArticleActors, src: str, dst: str) -> None:
    s, d = res.actors.pop(src), res.actors[dst]
    d.aliases |= s.aliases | {s.name}
    d.roles |= s.roles
    for m in s.mentions:
        m.actor = dst
        m.type = d.type
        d.mentions.append(m)
    d.mentions.sort(key=lambda m: m.start)


# --------------------------------------------------------------------------- roles

def _person_roles(res: ArticleActors) -> None:
    """Titles, appositives and possessors give a person roles and a country."""
    doc, gz = res.doc, res.gazetteer
    title_words = set()
    for t in gz.titles | gz.role_nouns:
        title_words.update(t.replace(".", "").split())
    title_words -= {"of", "the", "and", "for"}

    def scan_role_np(tokens) -> tuple[list[str], str | None, str | None, str | None]:
        """(role words, country, organization, possessor person) of a role noun phrase."""
        words, country, org, poss = [], None, None, None
        after_prep = False
        seen = set()
        for t in tokens:
            if t.lower_ in FOREIGN_PREPS:
                after_prep = True
            m = res.by_token.get(t.i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                if m.type == "country" and not after_prep and country is None:
                    country = m.actor
                elif m.type == "organization" and not after_prep and org is None:
                    org = m.actor
                elif m.type == "person" and t.i + 1 < len(doc) and doc[m.end].text in ("'s", "’s"):
                    poss = m.actor
                continue
            if m is None and fold(t.text).strip(".") in title_words | TITLE_FILLERS:
                words.append(t.text)
        return words, country, org, poss

    respectively = {}
    for a in res.persons():
        for m in a.mentions:
            if m.type != "person":
                continue
            # title before the name: "Russian Deputy Foreign Minister Oleg Marin"
            j = m.start - 1
            while j >= 0:
                t = doc[j]
                mm = res.by_token.get(j)
                if t.text in ("'s", "’s"):
                    j -= 1
                    continue
                if mm is not None and mm.type != "person" and mm.type != "location":
                    j = mm.start - 1
                    continue
                if mm is not None and mm.type == "person" and j + 1 < len(doc) and doc[j + 1].text in ("'s", "’s"):
                    j = mm.start - 1
                    continue
                if fold(t.text).strip(".") in title_words | TITLE_FILLERS or (
                        t.is_title and t.pos_ in ("PROPN", "ADJ", "NOUN") and mm is None and not t.is_sent_start):
                    j -= 1
                    continue
                break
            prefix = [t for t in doc[j + 1:m.start] if t.lower_ not in DETERMINERS]
            # a person's possessor inside the prefix belongs to another name: keep only what follows it
            _apply_role(res, a, prefix, scan_role_np, title_words)
            # appositive after: "Karl Holm, a State Department spokesman" / "Sokol, Russia's ambassador"
            root = doc[m.end - 1]
            for c in root.children:
                if c.dep_ == "appos" and c.i > root.i and res.by_token.get(c.i) is None and not any(
                        res.by_token.get(k) is not None and res.by_token[k].type == "person"
                        for k in range(m.end, c.left_edge.i)):
                    _apply_role(res, a, [x for x in c.subtree if x.i > root.i], scan_role_np, title_words)
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        sub = list(p.subtree)
                        if p.dep_ == "pobj" and any(res.by_token.get(x.i) is not None and res.by_token[x.i].type in
                                                    ("organization", "country") for x in sub):
                            _apply_role(res, a, sub, scan_role_np, title_words, org_only=True)
            # role phrase closed by a comma before the name: "the Deputy Foreign Minister and Envoy for X, Belyak,"
            if m.start > 1 and doc[m.start - 1].text == "," and (
                    m.end >= len(doc) or doc[m.end].is_punct):
                k = m.start - 2
                sent_start = doc[m.start].sent.start
                while k >= sent_start and doc[k].pos_ not in ("VERB", "AUX") and doc[k].text not in (",", ";", ":") \
                        and not (doc[k].pos_ == "ADP" and doc[k].lower_ not in ("of", "for")) \
                        and not (res.by_token.get(k) is not None and res.by_token[k].type == "person"):
                    k -= 1
                np_toks = list(doc[k + 1:m.start - 1])
                if np_toks and any(fold(t.text).strip(".") in title_words for t in np_toks):
                    if np_toks[0].lower_ == "with" or np_toks[0].pos_ == "ADP":
                        np_toks = np_toks[1:]
                    _apply_role(res, a, np_toks, scan_role_np, title_words)
            # appositive before: "US State Department spokesman, Karl Holm"; "their Iranian counterpart, Rahimi"
            if root.dep_ == "appos" and root.head.i < m.start and res.by_token.get(root.head.i) is None:
                h = root.head
                np = [x for x in h.subtree if x.i < m.start and x.i <= h.i]
                _apply_role(res, a, np, scan_role_np, title_words)
            # "Russian and Turkish foreign ministers, Vesel and Aydin respectively"
            if root.dep_ == "conj" and any(t.lower_ == "respectively" for t in root.sent):
                h = root
                while h.dep_ == "conj" and h.head.i < h.i:
                    h = h.head
                if res.by_token.get(h.i) is None and h.lower_ in title_words:
                    respectively.setdefault(h.i, [])
            if root.dep_ == "conj" and res.by_token.get(root.head.i) is None and root.head.lower_ in title_words \
                    and any(t.lower_ == "respectively" for t in root.sent):
                respectively.setdefault(root.head.i, [])
    # respectively: zip the demonyms of the head with the conjoined names
    for hi in respectively:
        h = doc[hi]
        countries = []
        for x in h.subtree:
            if x.i >= h.i:
                break
            mm = res.by_token.get(x.i)
            if mm is not None and mm.type == "country" and mm.actor not in countries:
                countries.append(mm.actor)
        names = []
        for x in h.subtree:
            mm = res.by_token.get(x.i)
            if x.i > h.i and mm is not None and mm.type == "person" and mm.actor not in names:
                names.append(mm.actor)
        if len(countries) == len(names) >= 2:
            for n, c in zip(names, countries):
                res.actors[n].country = c
    # possessors resolved now that all persons have countries
    for a in res.persons():
        if a.country is None and a.country_from_person and a.country_from_person in res.actors:
            a.country = res.actors[a.country_from_person].country
    # context guess for the rest: a role phrase that refers back to the person ("Dalton said ...
    # the new US president"), else government bodies and countries around the person
    back = _role_phrase_countries(res, title_words)
    for a in res.persons():
        if a.country is None:
            a.country_guess = back.get(a.name) or _context_country(res, a)


def _role_phrase_countries(res: ArticleActors, title_words: set[str]) -> dict[str, str]:
    """Persons a definite role phrase with a country refers back to: "the new US president" names
    no one, so it is the last person named in the three sentences before whose country the text
    has not given; no named person may already hold that role for that country."""
    doc = res.doc
    out: dict[str, str] = {}
    for t in token_hits(doc, {w for w in title_words if w.isalpha()}):
        if t.pos_ != "NOUN" or res.by_token.get(t.i) is not None:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            continue
        mods = [res.by_token.get(c.i) for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i]
        countries = {m.actor for m in mods if m is not None and m.type == "country"}
        if len(countries) != 1 or any(c.dep_ == "appos" for c in t.children):
            continue
        (country,) = countries
        if any(p.country == country and any(t.lower_ in fold(r) for r in p.roles) for p in res.persons()):
            continue  # "the Russian foreign minister" is the Russian foreign minister the article names
        lo = t.sent.start
        for _ in range(3):
            if lo > 0:
                lo = doc[lo - 1].sent.start
        before = [m for m in res.mentions if m.type == "person" and lo <= m.start < t.i
                  and res.actors[m.actor].country is None]  # someone of another country is not it
        if before:
            out.setdefault(before[-1].actor, country)
    return out


def _apply_role(res, a: Actor, tokens, scan, title_words, org_only=False) -> None:
    if not tokens:
        return
    words, country, org, poss = scan(tokens)
    has_title = any(fold(w).strip(".") in title_words for w in words)
    if not has_title and not org_only:
        return
    if words and has_title:
        toks = list(tokens)
        while toks and (toks[0].lower_ in DETERMINERS or toks[0].text in ("'s", "’s") or toks[0].is_punct
                        or toks[0].lower_ in ("and", "of", "for", "with")
                        or res.by_token.get(toks[0].i) is not None):
            toks = toks[1:]
        while toks and toks[-1].text in (",", "'s", "’s"):
            toks = toks[:-1]
        role = " ".join(t.text for t in toks if res.by_token.get(t.i) is None or res.by_token[t.i].type != "person"
                        or False).strip(" -,") if toks else " ".join(words)
        role = re.sub(r"\s+'s\b", "'s", role)
        role = re.sub(r"^(and|of|for)\s+|\s+(and|of|for)$", "", role)
        if role:
            a.roles.add(role[0].upper() + role[1:])
    if a.country is None:
        if country:
            a.country = country
        elif org:
            o = res.actors.get(org)
            oc = o.country if o else None
            if oc:
                a.country = oc
            elif o is not None and o.type == "organization" and _is_international(res, org):
                a.country = org
            elif o is not None:
                dem = _demonym_country(res, org)
                if dem:
                    a.country = dem
        elif poss:
            a.country_from_person = poss


def _is_international(res, org: str) -> bool:
    e = res.gazetteer.lookup(org)
    return e is not None and e.type in ("organization", "forum") and e.country is None


def _demonym_country(res, name: str) -> str | None:
    first = name.split()[0] if name else ""
    e = res.gazetteer.lookup(first)
    return e.canonical if e is not None and e.type == "country" else None


def _belongs_to_other_person(res: ArticleActors, mm: Mention, name: str) -> bool:
    """Is this mention part of another person's title or appositive (a few heads up)?"""
    tok = res.doc[mm.end - 1]
    for _ in range(3):
        if tok.head is tok:
            return False
        if tok.dep_ == "appos" or tok.dep_ in ("compound", "amod", "poss", "nmod"):
            h = tok.head
            other = res.by_token.get(h.i)
            if other is not None and other.type == "person" and other.actor != name:
                return True
        tok = tok.head
        other = res.by_token.get(tok.i)
        if other is not None and other.type == "person":
            return other.actor != name
        if tok.dep_ == "appos":
            h = res.by_token.get(tok.head.i)
            if h is not None and h.type == "person":
                return h.actor != name
    return False


def _context_country(res: ArticleActors, a: Actor) -> str | None:
    """Guess a person's country from government bodies and actors in their sentences."""
    doc = res.doc
    score = Counter()
    seen_sents = set()
    for m in a.mentions:
        sent = doc[m.start].sent
        if sent.start in seen_sents:  # each sentence counts once
            continue
        seen_sents.add(sent.start)
        for t in sent:
            mm = res.by_token.get(t.i)
            if mm is None or mm.actor == a.name or t.i != mm.start:
                continue
            if _belongs_to_other_person(res, mm, a.name):
                continue  # "Sokol, Russia's ambassador": Russia describes Sokol, not this person
            prep = doc[mm.end - 1].head.lower_ if doc[mm.end - 1].dep_ == "pobj" else ""
            if mm.type == "organization":
                c = res.actors.get(mm.actor).country if mm.actor in res.actors else None
                if c:
                    score[c] += 2
            elif mm.type == "country" and prep not in FOREIGN_PREPS | PLACE_PREPS:
                score[mm.actor] += 1
    if not score:
        return None
    (best, n), *rest = score.most_common(2) + [(None, 0)]
    if n >= 2 and n > rest[0][1]:
        return best
    return None
