"""Candidate mentions: the rulers' spans and spaCy's entities, one winner per token.

Overlaps are settled by spaCy's own policy (`spacy.util.filter_spans`: the
longest span wins, then the earliest) in two tiers: the user dictionary first,
then the gazetteer and NER together (a gazetteer span wins a tie with an entity
of the same extent).  The winners are sorted into gazetteer mentions, person
names, organization names and places for the phases that follow.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import numpy

from graphkit.tokens import line_of

from .bodies import country_body
from .gazetteer import fold, load_gazetteer
from .lexicon import LEXICON
from .mention import Mention
from .names import looks_like_name
from .ruler import GAZETTEER_KEY, USER_KEY

NER_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
DETERMINERS = LEXICON["determiners"]
ORG_WORDS = LEXICON["org_words"]
NAME_PARTICLES = LEXICON["name_particles"]
TITLE_FIELD_PREPS = LEXICON["title_field_preps"]
_TRAILING = ("'s", "’s", "'", "’", ",", ".", "-", '"')


@dataclass
class Candidates:
    mentions: list[Mention] = field(default_factory=list)  # gazetteer / dictionary entries
    persons: list[tuple[int, int]] = field(default_factory=list)  # NER person names
    organizations: list[tuple[int, int, str]] = field(default_factory=list)  # NER names not in the tables
    places: list[tuple[int, int]] = field(default_factory=list)  # NER places not in the tables
    taken: set[int] = field(default_factory=set)  # tokens inside any winning span


OPENING_PARTICIPLES = frozenset(LEXICON["opening_participles"])


def strip_determiners(doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and trailing possessive marks or punctuation from a span."""
    while start < end and doc[start].lower_ in DETERMINERS:
        start += 1
    # "Welcoming Karl Holm to Oslo, X said": a sentence-opening participle the recognizer ran into the name
    while start < end - 1 and doc[start].is_sent_start and doc[start].lower_ in OPENING_PARTICIPLES:
        start += 1
    while end > start and doc[end - 1].text in _TRAILING:
        end -= 1
    return start, end


def _before_open_bracket(doc, start: int, end: int) -> int:
    """"International Monetary Fund (IMF": a recognized name that runs into a bracket it does not close
    ends before the bracket (the abbreviation in it is read on its own)."""
    texts = [t.text for t in doc[start:end]]
    if "(" in texts and ")" not in texts[texts.index("("):]:
        return start + texts.index("(")
    return end


@functools.lru_cache(maxsize=4)
def _heads(titles: frozenset) -> frozenset[str]:
    # "Minister of Finance" ends in its field, not in the person
    return frozenset(fold(t.replace(".", "").split()[-1]) for t in titles if t.strip()
                     and not TITLE_FIELD_PREPS & set(fold(t).split()))


_TITLE_OPENERS = frozenset({"general", "chief", "deputy", "senior", "executive", "managing", "vice", "assistant"})


def role_heads(gz) -> frozenset[str]:
    """The word that names the person in every title and role noun ("minister", "coordinator", "envoy")."""
    return _heads(gz.titles_and_roles())


def _role_not_org(doc, ent, gazetteer: list, title_words) -> bool:
    """"the United Nations Emergency Relief Coordinator" tagged ORG is a role of a known organization: the
    table's name at its start wins over it, and the title is read as a person's role."""
    start, _ = strip_determiners(doc, ent.start, ent.end)
    if ent.label_ != "ORG":
        return False
    if fold(doc[ent.end - 1].text) in title_words:
        return any(g.start == start and g.end < ent.end for g in gazetteer)
    # or runs into a title that ends after it, before a person's name ("the European Union Farm |
    # Commissioner Tom Varga"), with no word of an organization's name of its own ("the Holm Policy
    # Council's Chairman Tom Varga" names the council)
    if not (ent.end + 1 < len(doc) and doc[ent.end].is_title and fold(doc[ent.end].text) in title_words
            and doc[ent.end + 1].ent_type_ == "PERSON"):
        return False
    return any(g.start == start and g.end < ent.end and not any(
        fold(t.text) in ORG_WORDS or t.text in ("'s", "’s") for t in doc[g.end:ent.end]) for g in gazetteer)


def _before_title_of_person(doc, ent, start: int, end: int, title_words) -> int:
    """"Holm Vesk General Counsel Tom Varga": an organization the recognizer ran into the title of the person
    named right after it ends before the title."""
    if ent.label_ != "ORG" or end != ent.end or end >= len(doc) or doc[end].ent_type_ != "PERSON" \
            or fold(doc[end - 1].text) not in title_words:
        return end
    k = end - 1
    while k > start and doc[k - 1].text[:1].isupper() and fold(doc[k - 1].text) in _TITLE_OPENERS | title_words:
        k -= 1
    return k if k > start else end


def _comma_parts(doc, start: int, end: int) -> list[tuple[int, int]]:
    """"a meeting with Holm, Nordic News Agency said" tagged as one name: a recognized name does not run
    over a comma; each capitalised part is a name of its own."""
    parts, a = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].text == ",":
            if a < i and doc[a].text[:1].isupper():
                parts.append((a, i))
            a = i + 1
    return parts


def winning_spans(doc, user_ok, title_words=frozenset()) -> list:
    """Non-overlapping spans: dictionary spans (``user_ok(span)`` filters by date), then gazetteer and NER."""
    from spacy.util import filter_spans

    user = [s for s in doc.spans[USER_KEY] if user_ok(s)] if USER_KEY in doc.spans else []
    gazetteer = []
    shouted = load_gazetteer().shouted
    for s in doc.spans[GAZETTEER_KEY] if GAZETTEER_KEY in doc.spans else []:
        # a one-word entry written in lower case opening a sentence is an ordinary word; in a line in
        # capitals, an acronym that is also a function word ("IS", "WHO") is that word
        if len(s) == 1 and s[0].is_sent_start and s.text.islower():
            continue
        if len(s) == 1 and s[0].is_stop and s.text.isupper() and _capitals_line(doc, s[0]):
            continue
        if len(s) == 1 and s.text in shouted and not _capitals_line(doc, s[0]):
            continue  # "KENYAN" stands for the country only on a line written all in capitals
        gazetteer.append(s)
    entities = []
    for ent in doc.ents:
        if ent.label_ in NER_LABELS and not _role_not_org(doc, ent, gazetteer, title_words):
            start, end = strip_determiners(doc, ent.start, _before_open_bracket(doc, ent.start, ent.end))
            end = _before_title_of_person(doc, ent, start, end, title_words)
            for a, b in _comma_parts(doc, start, end):
                entities.append(doc[a:b] if (a, b) != (ent.start, ent.end) else ent)
                entities[-1].label_ = ent.label_
    entities = _joined_and_names(doc, entities)
    kept = filter_spans(user)
    taken = {i for s in kept for i in range(s.start, s.end)}
    for s in filter_spans(gazetteer + entities):
        if not any(i in taken for i in range(s.start, s.end)):
            kept.append(s)
    return sorted(kept, key=lambda s: s.start)


def _particle(tok) -> bool:
    """A name particle: a listed one ("bin", "van"), or any short lower-case word closing a person's name
    ("Daniel arap": a name does not end in one)."""
    return fold(tok.text) in NAME_PARTICLES or (tok.is_lower and tok.is_alpha and len(tok) <= 4)


def _joined_and_names(doc, entities: list) -> list:
    """One name the entity recognizer split after a person's name particle ("Daniel arap" + "Moi") or at
    its "and": "Nippon Telegraph and" + "Telephone Corp";
    "Post" + "and Telecommunications Ministry" (capitalised words that are no entity, ending in an
    organization word); "Marks" + "Spencer" where the article writes "Marks and Spencer" as one name
    elsewhere.  Two names of their own ("Apple and General Motors Corp") stay two."""
    from spacy.tokens import Span

    out: list = []
    for e in entities:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "ORG" and e.label_ in ("ORG", "FAC") and e.start == prev.end \
                and doc[prev.end - 1].lower_ == "and":
            out[-1] = Span(doc, prev.start, e.end, label="ORG")  # "Nippon Telegraph and" + "Telephone Corp"
        elif prev is not None and prev.label_ == "PERSON" and e.start == prev.end and len(e) <= 2 \
                and _particle(doc[prev.end - 1]) and e.text[:1].isupper():
            out[-1] = Span(doc, prev.start, e.end, label="PERSON")  # "Daniel arap" + "Moi"
        else:
            out.append(e)
    # (shorter names first, so that a longer one written elsewhere wins where its words recur: the order
    # may not be a set's, which changes with the process's hash seed)
    names = {tuple(t.text for t in e) for e in out if e.label_ == "ORG" and " and " in e.text}
    for name in sorted(names, key=lambda x: (len(x), x)):
        n = len(name)  # a name the article writes whole once is that name wherever its words recur
        for i in range(len(doc) - n + 1):
            if doc[i].text == name[0] and tuple(t.text for t in doc[i:i + n]) == name and not any(
                    o.start == i and o.end == i + n for o in out):
                out = sorted([o for o in out if o.end <= i or o.start >= i + n] + [Span(doc, i, i + n, label="ORG")],
                             key=lambda o: o.start)
    for k, e in enumerate(out):  # "the Fisheries and Forestry Ministry": NER took only "Fisheries"
        end = e.end
        if e.label_ != "ORG" or end + 2 > len(doc) or doc[end].lower_ != "and":
            continue
        j = end + 1
        while j < len(doc) and doc[j].is_title and not doc[j].ent_type_ and j - end <= 4:
            j += 1
        if j > end + 1 and fold(doc[j - 1].text) in ORG_WORDS and not any(
                o.start < j and o.end > end for o in out[k + 1:]):
            out[k] = Span(doc, e.start, j, label="ORG")
    return out


def _capitals_line(doc, tok) -> bool:
    letters = [c for c in line_of(tok) if c.isalpha()]
    return len(letters) > 8 and all(c.isupper() for c in letters)


def looks_like_org(text: str) -> bool:
    toks = text.split()
    if not toks or not toks[0][:1].isupper():
        return False
    if re.search(r"\.(com|org|net|ru|ir|co\.uk)$", text, re.I):  # web sites are sources
        return False
    if re.search(r"[<>/\n]", text):  # ticker marks ("<CBS>"), photo credits ("REUTERS/Name")
        return False
    return any(c.isalpha() for c in text)


def mention_from_entry(start: int, end: int, text: str, entry) -> Mention:
    """A mention of a gazetteer or dictionary entry."""
    if entry.type == "country":
        return Mention(start, end, "country", entry.canonical, text, kind=entry.kind)
    if entry.type == "media":
        return Mention(start, end, "media", None, text)
    if entry.type == "members":
        return Mention(start, end, "members", None, text, kind="party", country=entry.country)
    if entry.type == "body":
        return Mention(start, end, "organization", entry.canonical, text, kind="body", country=entry.country)
    if entry.kind == "party":
        return Mention(start, end, "organization", entry.canonical, text, kind="party", country=entry.country)
    typ = entry.type if entry.type in ("person", "organization", "forum") else "organization"
    return Mention(start, end, typ, entry.canonical, text, country=entry.country)


def _table_prefix(doc, s: int, e: int, lookup) -> int | None:
    """Where a name the recognizer ran on from an organization of the tables into a person's full name ends
    that organization ("Bank of Ruritania John Smith" -> "Bank of Ruritania" + "John Smith"), else None."""
    for k in range(e - 2, s, -1):
        entry = lookup(doc[s:k].text)
        if entry is not None and entry.type in ("organization", "body", "forum") and k - s >= 2 \
                and all(t.is_title for t in doc[k:e] if t.is_alpha) and looks_like_name(doc[k:e].text) \
                and lookup(doc[k:e].text) is None and not any(fold(t.text) in ORG_WORDS for t in doc[k:e]):
            return k
    return None


def candidate_mentions(doc, gz, lookup, user_ok=lambda s: True) -> Candidates:
    """Sort the winning spans of ``doc``.

    ``lookup(surface)`` gives the table entry of a surface form (dictionary
    first); an entity such as "U.S. Agriculture Department" becomes the
    country's body (`graphkit.actors.bodies.country_body`).
    """
    out = Candidates()
    for span in winning_spans(doc, user_ok, role_heads(gz)):
        s, e, text = span.start, span.end, span.text
        out.taken.update(range(s, e))
        from_tables = span.label_ not in NER_LABELS
        entry = lookup(text) if from_tables or span.label_ != "PERSON" else None
        if entry is None and from_tables:
            entry = gz.shouted.get(text)  # "KENYAN" on a line in capitals (`winning_spans` kept no other)
        if entry is not None:
            out.mentions.append(mention_from_entry(s, e, text, entry))
            continue
        if from_tables:  # a dictionary entry outside its date range
            continue
        if span.label_ == "PERSON":
            k = _table_prefix(doc, s, e, lookup)
            if k is not None:  # "Bank of Ruritania John Smith": the bank, then the person
                out.mentions.append(mention_from_entry(s, k, doc[s:k].text, lookup(doc[s:k].text)))
                s, text = k, doc[k:e].text
            first = lookup(doc[s].text)
            # "U.S. Dlrs", "Russian Sergei": a country word opening the span is not a given name
            country_word = first is not None and (first.kind in ("demonym", "capital", "seat")
                                                  or "." in doc[s].text or doc[s].text.isupper())
            if looks_like_name(text) and "\n" not in text and not country_word:
                out.persons.append((s, e))
        elif span.label_ in ("ORG", "FAC") and _table_prefix(doc, s, e, lookup) is not None:
            k = _table_prefix(doc, s, e, lookup)  # "the Bank of Ruritania John Smith" tagged as one name
            out.mentions.append(mention_from_entry(s, k, doc[s:k].text, lookup(doc[s:k].text)))
            out.persons.append((k, e))
        elif span.label_ in ("ORG", "FAC"):
            body = country_body(doc, s, e, gz, lookup)
            if body is not None:
                out.mentions.append(body)
            elif not (e - s == 1 and (fold(text) in ORG_WORDS or fold(text) in gz.body_nouns)):
                out.organizations.append((s, e, span.label_))  # a lone "Commission" names nothing
        elif span.label_ in ("GPE", "LOC"):
            out.places.append((s, e))
    out.persons.extend(_role_appositions(doc, out.taken, role_heads(gz), lookup))
    return out


def _role_appositions(doc, taken: set, heads: frozenset, lookup) -> list[tuple[int, int]]:
    """Names the recognizer missed in apposition to a role noun: "the Chilean foreign minister, Ana Ruiz,
    said", "a senior North Korean diplomat, Choe Son Hui, held talks", "Ana Ruiz, Chile's foreign minister,
    said" (a run of two to four capitalised words, none of them a table's entry)."""
    from spacy.attrs import DEP

    out = []
    appos = doc.vocab.strings["appos"]
    for i in numpy.flatnonzero(doc.to_array([DEP]) == appos).tolist() if len(doc) else ():
        tok = doc[i]  # (an apposition: the few tokens worth a look)
        if fold(tok.lemma_) in heads and tok.head.pos_ == "PROPN" and tok.head.i < tok.i \
                and tok.head.i not in taken and doc[tok.head.i + 1].text == ",":
            tok = tok.head  # "Ana Ruiz, Chile's foreign minister, said": the name before its role
        elif tok.pos_ != "PROPN" or tok.i in taken or fold(tok.head.lemma_) not in heads or tok.head.i > tok.i:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in (tok.i, start) \
                and doc[start - 1].i not in taken:
            start -= 1
        text = doc[start:tok.i + 1].text
        if 2 <= tok.i + 1 - start <= 4 and looks_like_name(text) and lookup(text) is None \
                and not any(lookup(t.text) is not None for t in doc[start:tok.i + 1]) \
                and all(t.is_title for t in doc[start:tok.i + 1]):
            out.append((start, tok.i + 1))
    return out
