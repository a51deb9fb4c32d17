"""Persons within one article: one actor per real person.

A partial name ("Vesel", "Karimi Nasab") is the full name introduced elsewhere
in the article; spelling variants of one full name (Sergey/Sergei) are one
person; two full names that only share a surname stay apart; a family name
first ("Wang Yi" ... "Wang") is the one full name that starts with it.  spaCy
often cuts a name short ("spokesperson Dimitry [Sorin]") or labels a known
surname as an organization or a place ("Vesel's statement", "Kamikawa said"):
those are mended here.  Names in title-case headlines count only where the
body names the same person.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from graphkit.tokens import doc_text, line_of, token_hits

from .candidates import looks_like_org, strip_determiners
from .acronyms import ABBREVIATION, initials_fit
from .cities import city_country
from .coref import is_given_name
from .gazetteer import fold
from .lexicon import LEXICON
from .mention import ArticleState, Mention
from .institutions import institution_country
from .not_orgs import country_pair, craft, document_name, unit_after_number
from .title_fields import title_field
from .names import NAME_PARTICLES, PERSON_STOP, core, core_tokens, looks_like_name, same_person

ORG_WORDS = LEXICON["org_words"]
CORPORATE_SUFFIXES = LEXICON["corporate_suffixes"]
NAME_TITLES = LEXICON["name_titles"]
NATIVE_DEMONYMS = LEXICON["native_demonyms"]
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir"})  # a person's, whatever NER made of the name
PERSONAL_ROLES = LEXICON["personal_roles"]
COMPANY_WORDS = LEXICON["company_words"]
PLACE_PREPS = LEXICON["place_preps"]
PLACE_NOUNS = LEXICON["place_nouns"]
GEO_NOUNS = LEXICON["geo_nouns"]
US_STATES = LEXICON["us_state_abbreviations"]
COMPASS_WORDS = LEXICON["compass_words"]
NOT_TOWNS = LEXICON["name_words_not_towns"]
REPORTING_VERBS = LEXICON["reporting_verbs"]
HUMAN_VERBS = LEXICON["human_verbs"]
THING_HEADS = LEXICON["thing_heads"]
ORG_THING_HEADS = LEXICON["org_thing_heads"]
SCHOOLING_VERBS = LEXICON["schooling_verbs"]
COMPANY_NOUNS = LEXICON["company_descriptions"] | LEXICON["company_appositions"]
COMPANY_FIRST_WORDS = LEXICON["company_first_words"]
FIRM_NOUNS = LEXICON["firm_nouns"]
BUSINESS_NOUNS = LEXICON["business_nouns"]
COMPANY_KINDS = LEXICON["company_kind_nouns"]
DOCUMENT_WORDS = LEXICON["document_words"]
CURRENCY_WORDS = LEXICON["currency_words"]
CRAFT_NOUNS = LEXICON["craft_nouns"]
OWNED_VERBS = LEXICON["owned_verbs"]
VENUE_NOUNS = LEXICON["venue_nouns"]
FORUM_ORG_NOUNS = frozenset({"summit", "conference", "talks", "dialogue", "negotiations"})
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$")
_DISTANCE_UNITS = frozenset({"km", "kms", "kilometres", "kilometers", "miles", "mile"})
_LOOSE_SUFFIXES = frozenset({"group", "sa", "ab", "ag", "co", "cos"})
_FIRM_TAILS = frozenset({"sons", "brothers", "bros", "associates", "partners"})
_HE_SHE = frozenset({"he", "she", "his", "her", "him"})
_POSSESSIVE = ("'s", "’s")


def _title_case(line: str) -> bool:
    """A line in title case ("Leader Arrives in Oslo on a Weekend Visit for Talks and Signing of Agreements"):
    a headline however long, as running text capitalises few of its longer words."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def heading_tokens(doc) -> set[int]:
    """Token indices on short lines with no final punctuation that stand alone (headlines, section heads)."""
    out = set()
    lines = doc_text(doc).split("\n")
    short = [bool(ln.strip()) and (len(ln.strip()) < 120 or _title_case(ln)) and not re.search(r"[.!?\"”:]$", ln.strip())
             for ln in lines]
    body = [bool(ln.strip()) and not sh for ln, sh in zip(lines, short)]
    last_body = max((i for i, b in enumerate(body) if b), default=-1)
    pos = 0
    for i, line in enumerate(lines):
        alone = (i == 0 or not lines[i - 1].strip() or short[i - 1]) and \
                (i == len(lines) - 1 or not lines[i + 1].strip() or short[i + 1])
        if short[i] and alone and i < last_body:  # a heading heads some running text
            span = doc.char_span(pos, pos + len(line), alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        pos += len(line) + 1
    return out


@functools.lru_cache(maxsize=4)
def _title_words(titles: frozenset) -> frozenset[str]:
    words = set()
    for t in titles:
        words.update(t.replace(".", "").split())
    return frozenset(words - {"of", "the", "and", "for"})


def title_words(gz) -> frozenset[str]:
    """Every word of every title and role noun ("foreign", "minister", "envoy", ...)."""
    return _title_words(gz.titles_and_roles())


@functools.lru_cache(maxsize=4)
def _abbreviated_titles(titles: frozenset) -> frozenset[str]:
    return frozenset(t[:-1] for t in titles if t.endswith(".") and "." not in t[:-1] and " " not in t)


def abbreviated_titles(gz) -> frozenset[str]:
    """Titles written short with a full stop ("lt", "col", "gen", "adm"): no name ends in one."""
    return _abbreviated_titles(gz.titles_and_roles())


class PersonNames:
    """The article's person names so far; ``canonical(name)`` files a new one."""

    def __init__(self, names=()):
        self.names: list[str] = list(dict.fromkeys(names))

    def canonical(self, name: str) -> str:
        for p in self.names:
            if same_person(name, p):
                return p
        for p in list(self.names):
            if same_person(p, name):  # a longer form of an earlier partial name
                return p
        ct = core_tokens(name)
        if len(ct) == 1:  # family name first: the one full name that starts with it
            firsts = [p for p in self.names if len(core_tokens(p)) >= 2 and core_tokens(p)[0] == ct[0]]
            if len(firsts) == 1:
                return firsts[0]
        self.names.append(name)
        return name

    def surname_keys(self) -> dict[str, str]:
        keys = {}
        for p in self.names:
            ct = core_tokens(p)
            if ct:
                keys.setdefault(ct[-1], p)
        return keys


def _widen(doc, s: int, e: int, taken: set[int], words: frozenset[str]) -> tuple[int, int]:
    """Honorifics off the front; a given name or family name spaCy left out back on."""
    while s < e - 1 and (fold(doc[s].text).strip(".") in PERSON_STOP or fold(doc[s].text) in words):
        if fold(doc[s].text) in NAME_TITLES and e - s == 2:
            break  # "Prince Albrecht", "Lord Ashcombe": the title is part of the name
        s += 1
    if e - s == 1 and s > 0 and fold(doc[s - 1].text) in NAME_TITLES and doc[s - 1].text[:1].isupper() \
            and (s - 1) not in taken:
        s -= 1  # "Pope Karol": a name title before one name is part of the name
    while s > 0 and not doc[s].is_sent_start:
        prev = doc[s - 1]
        if prev.pos_ != "PROPN" or not prev.is_title or prev.ent_type_ or (s - 1) in taken \
                or fold(prev.text).strip(".") in words | PERSON_STOP or prev.is_sent_start:
            break
        s -= 1
    while e < len(doc) and not doc[e].is_sent_start and e not in taken:
        nxt = doc[e]
        if nxt.text in ("-", "‐") and e + 1 < len(doc) and not doc[e - 1].whitespace_ and not nxt.whitespace_ \
                and doc[e + 1].is_alpha and (e + 1) not in taken \
                and not (doc[e + 1].is_lower
                         and (doc[e + 1].tag_ in ("VBN", "VBD", "VBG") or doc[e + 1].text.endswith("ed"))):
            e += 2  # "Kang Min-seo": the tokenizer cut the name at its hyphen (not "Varga-appointed", "Holm-led")
            continue
        particle = fold(nxt.text).strip("-") in NAME_PARTICLES and e + 1 < len(doc) \
            and doc[e + 1].is_title and doc[e + 1].pos_ == "PROPN" and (e + 1) not in taken
        if not (particle or (nxt.pos_ == "PROPN" and nxt.is_title and not nxt.ent_type_)) \
                or fold(nxt.text).strip(".") in words | PERSON_STOP:
            break
        e += 2 if particle else 1
    return strip_determiners(doc, s, e)


def _venue(doc, s: int, e: int) -> bool:
    """A venue's name ("Karo International Airport", "the Holm Primary School") as the object of a place
    preposition, or a conjunct of one ("at the University of Karo and Vesk Law School")."""
    words = [fold(t.text) for t in doc[s:e] if t.is_alpha]
    if not any(w in VENUE_NOUNS for w in words[-1:] + words[:1]):  # "X University", "University of X"
        return False
    tok = doc[e - 1]
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    while tok.dep_ in ("compound", "prep", "pobj") and tok.head.i > tok.i and tok.head.i < e:
        tok = tok.head  # the head of "University of X" is "University"
    if tok.dep_ == "pobj" and tok.head.i < s and tok.head.lower_ in PLACE_PREPS:
        return True
    head = doc[s:e].root
    return head.dep_ == "pobj" and head.head.i < s and head.head.lower_ in PLACE_PREPS


def _family_name_first(names: PersonNames, ct: tuple, surnames) -> str | None:
    """The one full name of the article that opens with the one word ``ct`` (a family name written first:
    "Wang Tao" ... "Wang"), where no full name ends with it."""
    if len(ct) != 1 or ct[0] in surnames:
        return None
    firsts = [p for p in names.names if len(core_tokens(p)) >= 2 and core_tokens(p)[0] == ct[0]]
    return firsts[0] if len(firsts) == 1 else None


def _possessor_of_role(doc, end: int) -> bool:
    """Is the span ending at ``end`` followed by "'s" and a role one person has towards another
    ("Dalton's adviser"; not "Norcom's chief operating officer")?"""
    if end >= len(doc) or doc[end].text not in _POSSESSIVE:
        return False
    for t in doc[end + 1:end + 5]:
        if fold(t.text) in PERSONAL_ROLES and t.pos_ == "NOUN":
            return True
        if t.pos_ not in ("ADJ", "NOUN", "VERB", "PROPN"):
            return False
    return False


class _LowerWords:
    """The words a Doc writes in lower case, read only when asked."""

    def __init__(self, doc):
        self.doc, self.words = doc, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            from spacy.attrs import IS_LOWER, LOWER

            # from the Doc's arrays: no Token object made per word, and the words kept as their keys (the
            # word asked about is hashed, not every word of the Doc spelt out)
            arr = self.doc.to_array([IS_LOWER, LOWER])
            self.words = set(arr[arr[:, 0] == 1][:, 1].tolist()) if len(arr) else set()
        return self.doc.vocab.strings[word] in self.words


def _capitalised_word(state: ArticleState, s: int, e: int, lookup, lowered, words) -> bool:
    """An entity that is an ordinary word capitalised by wire copy or a headline: "U.S. Industry
    sources", "U.S. Goods", "Budget" (written in lower case elsewhere), "MPs" (a role)."""
    doc = state.doc
    last = doc[e - 1]
    if e - s == 1:
        low = last.lower_
        return low in lowered or low.rstrip("s") in words
    head = lookup(doc[s:e - 1].text)
    word = last.lower_ in state.common_words or last.lemma_.lower() in state.common_words \
        or last.lower_.rstrip("s") in state.common_words
    # wire copy capitalises the word after an abbreviation with a full stop, as if a sentence began:
    # "U.S. Goods", "U.K. Banks" ("Royal Mail", "Air Canada", "Club Med" are names)
    return head is not None and head.type == "country" and doc[e - 2].text.endswith(".") and word \
        and fold(last.text) not in state.gazetteer.body_nouns


def titled_names(doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names NER missed after an honorific or a name title: "Lord Ashcombe", "Baroness Wren", "Mr Reyes"."""
    out = []
    for t in token_hits(doc, NAME_TITLES | PERSON_STOP):
        j = t.i + 1
        if t.i in taken or not t.text[:1].isupper():
            continue
        while j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and doc[j].is_title and not doc[j].ent_type_ \
                and fold(doc[j].text).strip(".") not in NAME_TITLES | PERSON_STOP and j - t.i <= 3:
            j += 1
        if j > t.i + 1:
            out.append((t.i, j))
    return out


def _town(doc, s: int, e: int) -> bool:
    """A name NER took for a person or an organization that is a place: a known town or region named as a
    place ("the MP for Grantham", "projects in eastern Java"), or a district named after a town."""
    head = doc[e - 1]
    if _district(doc, s, e):
        return True
    return e - s == 1 and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS | {"for", "of"} \
        and city_country(head.text) is not None


def _district(doc, s: int, e: int) -> bool:
    """A town's name with compass words after it is a constituency or district, wherever it stands: "will
    visit Norwich South" names no person called South."""
    rest = [fold(t.text) for t in doc[s + 1:e]]
    return 1 <= len(rest) <= 2 and all(w in COMPASS_WORDS for w in rest) and city_country(doc[s].text) is not None


def _company_cues(state: ArticleState, s: int, e: int) -> bool:
    """A company's name: a stock ticker beside it, a company word ending it or opening it, "it" in what it says,
    "which" opening a relative clause on it (what news names and calls "which" is mostly a company)."""
    doc = state.doc
    last = fold(doc[e - 1].text).strip(".")
    return (e < len(doc) and doc[e].text in ("<", ">")) or (s > 0 and doc[s - 1].text == "<") \
        or (e - s >= 2 and (last in COMPANY_WORDS or fold(doc[s].text) in COMPANY_FIRST_WORDS)) \
        or _says_pronoun(doc, s, e) == "it" or _runs_into_company(doc, s, e) or _described_as_company(doc, e) \
        or _named_as_company(doc, s, e) or _which_relative(doc, e)


def _corporate_suffix(tok) -> bool:
    return tok.text[:1].isupper() and (fold(tok.text).strip(".") in CORPORATE_SUFFIXES
                                       or fold(tok.text).replace(".", "") in CORPORATE_SUFFIXES)


def _runs_into_company(doc, s: int, e: int) -> bool:
    """A name the recognizer cut from the company name it opens: "Holm and Co", "Karl Vesk & Co",
    "Holm Vesk Garment Co Ltd", "Holm B.V.", "Holm et Cie", "Holm's Stores Inc", "Holm Vesk (Holdings) Ltd"."""
    j = e
    if j < len(doc) and doc[j].lower_ in ("and", "&", "et"):
        j += 1
        # "Holm and Vesk Co": partners' surnames before the suffix; not after a person's given name
        # ("Karl Holm and Vesk Partners Inc" lists a person and a company)
        if e - s == 1 or not is_given_name(doc[s].text):
            while j < len(doc) and j - e <= 3 and doc[j].is_title and not _corporate_suffix(doc[j]):
                j += 1
        elif j < len(doc) and doc[j].lower_ in _FIRM_TAILS:
            j += 1  # "Karl Holm and Sons Inc": a family firm, whoever it is named after
        return j < len(doc) and _corporate_suffix(doc[j])
    if j < len(doc) and _corporate_suffix(doc[j]) and fold(doc[j].text).strip(".") not in _LOOSE_SUFFIXES:
        return True  # "Holm B.V.", "Vesk GmbH" (not "Group", a word of many names)
    if j < len(doc) and doc[j].text in _POSSESSIVE:
        j += 1  # "Holm's Stores Inc"
    elif j < len(doc) and doc[j].text == "(":
        k = j + 1
        while k < len(doc) and k - j <= 3 and doc[k].text != ")":
            k += 1
        j = k + 1  # "Holm Vesk (Holdings) Ltd"
    start = j
    while j < len(doc) and j - start < 2 and doc[j].is_title and not _corporate_suffix(doc[j]):
        j += 1
    return e < j < len(doc) and _corporate_suffix(doc[j])


def _named_as_company(doc, s: int, e: int) -> bool:
    """The sentence says the name is a company's or a body's: a kind of company as its head noun ("lobby
    group Vesk", "merchant bank Holm Vesk"), the employer of a job of the markets ("forecaster for Karo
    Weather", "analyst with Holm Vesk"), an abbreviation of its words in brackets after it ("Karo-Osake-Vesk
    (KOV)": persons have no abbreviations)."""
    head = doc[e - 1]
    if any(c.dep_ == "compound" and c.i < s and c.is_lower and fold(c.lemma_) in COMPANY_KINDS for c in head.children):
        return True
    if head.dep_ == "appos" and head.head.i < s and head.head.is_lower and fold(head.head.lemma_) in COMPANY_KINDS:
        return True  # "the lobby group Vesk", parsed as an apposition
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in ("for", "with", "at") and prep.head.i < s \
            and prep.head.lower_ in BUSINESS_NOUNS:
        return True
    # "analyst Maryann Holm of Karo Vesk and Birney": the employer of a person of the markets named right
    # before (read by tokens: the parser tangles such runs of names)
    if s >= 3 and doc[s - 1].lower_ in ("of", "at", "with"):
        k = s - 2
        while k > 0 and s - 2 - k < 4 and doc[k].is_title and doc[k].pos_ == "PROPN":
            k -= 1
        if k < s - 2 and doc[k].is_lower and doc[k].lower_ in BUSINESS_NOUNS:
            return True
    # (persons have abbreviations too, "Khalid bin Faris (KBF)": a name that opens with a given name is left alone)
    return e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" \
        and bool(ABBREVIATION.match(doc[e + 1].text)) and initials_fit(doc[e + 1].text, doc[s:e].text) \
        and not is_given_name(doc[s].text)


def _in_angle_brackets(doc, s: int, e: int) -> bool:
    """"<Holm Vesk Werk GmbH>": wire copy writes a company's full name or its ticker between angle brackets."""
    def stop(k: int) -> bool:
        return doc[k].text in ("<", ">") or "\n" in doc[k].text

    before = next((k for k in range(s - 1, max(s - 8, -1), -1) if stop(k)), None)
    after = next((k for k in range(e, min(e + 8, len(doc))) if stop(k)), None)
    return before is not None and after is not None and doc[before].text == "<" and doc[after].text == ">"


def _described_as_company(doc, e: int) -> bool:
    """"Holm Vesk, a subsidiary of ...", "Holm Vesk, the meat packer", "Holm Vesk, a discount apparel
    chain": a company or a thing in apposition."""
    head = doc[e - 1]
    return any(c.dep_ == "appos" and c.i >= e and c.pos_ == "NOUN" and fold(c.lemma_) in COMPANY_NOUNS | THING_HEADS
               for c in head.children)


def _which_relative(doc, e: int) -> bool:
    """"Holm Vesk, which must be approved by ...": a relative clause on the name opened by "which" right after
    it; English says "who" of a person."""
    head = doc[e - 1]
    if not (e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].lower_ == "which"):
        return False  # right after the name: "X of Holm Services, which tracks ..." may be the company's
    return any(c.dep_ == "relcl" and c.i > head.i and doc[e + 1].head == c for c in head.children)


def _not_an_org_name(doc, s: int, e: int, surnames) -> bool:
    """What the recognizer called an organization that names none here: words of running text in it
    ("Ruritanian rubles", "Vesk opposition"), a person's thing ("Holm's Karo resort": a name after a
    known person's possessive), a quotation cut open ("Holm's “Karo First"), a name modifying a thing
    ("a Karo contract", "the Vesk healthcare program")."""
    span = doc[s:e]
    if any(t.is_lower and t.is_alpha and not t.is_stop and fold(t.text) not in NAME_PARTICLES | ORG_WORDS
           and not _hyphenated(doc, t) for t in span):
        return True
    if any(t.text in _POSSESSIVE and k > 0 and core(span[k - 1].text) in surnames for k, t in enumerate(span)):
        return True
    quotes = sum(t.text in ('"', "“", "”") for t in span)
    if quotes % 2:
        return True
    head = doc[e - 1]
    if head.dep_ in ("compound", "nmod") and head.head.i > head.i and head.head.pos_ == "NOUN" \
            and fold(head.head.lemma_) in ORG_THING_HEADS:
        return True
    while head.dep_ == "conj" and head.head.i < head.i:  # "educated at X and Y"
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in ("at", "from", "in") \
        and fold(head.head.head.lemma_) in SCHOOLING_VERBS


def _hyphenated(doc, t) -> bool:
    """Is ``t`` part of a hyphenated word ("Co-operation")?"""
    return (t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_) or (
        t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_)


def _reports(doc, s: int, e: int) -> bool:
    """"Berg said the talks were useful": the subject of a verb of saying that does not say "it" (a weak
    cue, too weak to make a person, enough for a surname to join the one full name of the corpus)."""
    tok = doc[e - 1]
    return tok.dep_ == "nsubj" and fold(tok.head.lemma_) in REPORTING_VERBS and _says_pronoun(doc, s, e) != "it"


def _acts_as_person(doc, s: int, e: int) -> bool:
    """A one-word name NER took for an organization that acts as only a person does: what it says has "he" or
    "she" for its subject ("Hale said he would ..."), or it is the bare subject of a verb only persons do
    ("Hale will meet ..."; not "rights group Hale has argued")."""
    tok = doc[e - 1]
    if _says_pronoun(doc, s, e) in ("he", "she"):
        return True
    return tok.dep_ == "nsubj" and fold(tok.head.lemma_) in HUMAN_VERBS and not (
        s > 0 and (doc[s - 1].pos_ in ("NOUN", "PROPN", "ADJ") or doc[s - 1].lower_ in ("the", "a", "an")))


def _says_pronoun(doc, s: int, e: int) -> str | None:
    """The subject pronoun of what the name ``doc[s:e]`` says ("X said it would": "it"), if it says something
    whose first subject is a pronoun and names no person before it."""
    tok = doc[e - 1]
    if tok.dep_ != "nsubj" or fold(tok.head.lemma_) not in REPORTING_VERBS:
        return None
    for c in tok.head.children:
        if c.dep_ == "ccomp" and c.i > tok.i:
            for q in c.subtree:
                if q.ent_type_ == "PERSON":
                    return None
                if q.dep_ in ("nsubj", "nsubjpass") and q.lower_ in ("he", "she", "it", "they"):
                    return q.lower_
    return None


def _thing_cues(state: ArticleState, s: int, e: int) -> int:
    """Votes that the name ``doc[s:e]`` is a company's, a place's or a thing's, not a person's: a stock
    ticker beside it ("Holm Vesk <HVK>", "<Karo Engineering"), a digit or a hashtag, a company word or a
    place noun ending it or a foreign company word opening it ("Karo Engineering", "Vesk Mountains",
    "Gruppo Vesk"), a thing it modifies ("the Holm Vesk newspaper", "Karo stores"), "it" in what it says,
    ordinary words with no given name ("Glass Works")."""
    doc = state.doc
    votes = 0
    if (e < len(doc) and doc[e].text in ("<", ">")) or (s > 0 and doc[s - 1].text == "<"):
        votes += 3
    if (s > 0 and doc[s - 1].text == "#") or any(c.isdigit() or c in "<>" for c in doc[s:e].text):
        votes += 3
    last = fold(doc[e - 1].text).strip(".")
    if e - s >= 2 and (last in COMPANY_WORDS or last in ORG_WORDS or last in PLACE_NOUNS
                       or last in PLACE_NOUNS | GEO_NOUNS or fold(doc[s].text) in COMPANY_FIRST_WORDS):
        votes += 3
    head = doc[e - 1]
    if head.dep_ in ("compound", "nmod", "amod") and head.head.i > head.i \
            and head.head.pos_ in ("NOUN", "PROPN") and fold(head.head.lemma_) in THING_HEADS:
        votes += 3
    if _says_pronoun(doc, s, e) == "it":
        votes += 2
    if _runs_into_company(doc, s, e) or _described_as_company(doc, e) or _in_angle_brackets(doc, s, e) \
            or _named_as_company(doc, s, e) or _which_relative(doc, e):
        votes += 3
    if e - s >= 2 and last in DOCUMENT_WORDS:
        votes += 3  # "the Holm-Vesk Act": a law
    if e - s >= 2 and _ordinary_words(state, doc[s:e]):
        votes += 3
    if last in CURRENCY_WORDS:
        votes += 3  # "200 mln H.K. Dlr", "Ecus": a currency
    if head.dep_ == "nsubjpass" and fold(head.head.lemma_) in OWNED_VERBS:
        votes += 4  # "Ted Holmby is now owned by X": a company
    if any(c.dep_ in ("compound", "amod", "nmod") and c.i < s and c.is_lower and fold(c.lemma_) in CRAFT_NOUNS
           for c in head.children) or (head.dep_ == "appos" and head.head.i < s and head.head.is_lower
                                       and fold(head.head.lemma_) in CRAFT_NOUNS):
        votes += 4  # "the Soviet freighter Nikolay X": a ship's name, whatever "he said" follows
    if e - s == 1 and s > 0 and doc[s - 1].lower_ in ("the", "a", "an") and head.dep_ not in ("compound", "amod"):
        # "the Karo will lend": a person's name takes no article, whatever it does ("The Karo is asking
        # banks ..."): it outweighs a human verb and the recognizer's label together
        votes += 4
    return votes


def _ordinary_words(state: ArticleState, span) -> bool:
    """A name that opens and ends with ordinary English words and has no given name in it ("Glass Works",
    "Green Line", "Custom Cruiser", "Banking Bill") names a thing or a company ("Rich Hall", "Tom Glass",
    "Backbencher Tom Pound" have given names; "O.C. Davis" opens with initials)."""
    def word(t) -> bool:
        return t.is_alpha and not t.is_upper and t.lower_ in state.common_words

    # (a number of a series counts as an ordinary word at the end: "Zone IV", "Phase II"; "Karl II" has a
    # given name)
    end = span[-1] if not _ROMAN.match(span[-1].text) or len(span) < 2 else span[-2]
    return word(span[0]) and word(end) and not any(is_given_name(t.text) for t in span)


def _at_a_distance(doc, e: int) -> bool:
    """"at Sidi Karo, 32 km southeast of Vesk": a name a distance from somewhere is a place's."""
    return e + 3 < len(doc) and doc[e].text == "," and doc[e + 1].like_num and doc[e + 2].lower_ in _DISTANCE_UNITS


def company_country(span, lookup) -> str | None:
    """A company named after its country or city: "Oslo Stock Exchange", "Korea Airlines", "Bank of Rotterdam";
    or with its country's own adjective: "Deutsche Bank", "Credit Suisse"."""
    native = NATIVE_DEMONYMS.get(span[0].text) or NATIVE_DEMONYMS.get(span[-1].text) if len(span) >= 2 else None
    if native:
        return native
    if len(span) < 2 or span[-1].lower_ not in COMPANY_WORDS and span[0].lower_ not in COMPANY_WORDS:
        return None
    for piece in (span[:1], span[:2], span[-1:]):
        e = lookup(piece.text)
        if e is not None and e.type == "country":
            return e.canonical
    if span[0].lower_ in COMPANY_WORDS and span[1].lower_ == "of":
        return city_country(span[2:].text)
    if fold(span[0].text) in NOT_TOWNS:  # "Federal Reserve Bank": the word, not the Argentine town
        return None
    return city_country(span[0].text)


def _capitalised(t) -> bool:
    return t.is_alpha and t.text[:1].isupper() and not t.is_upper  # "Holm", "McGinley"; not "LTD"


def _name_before(doc, end: int) -> int:
    """Start of the run of capitalised words ending at ``end`` (words joined by "and"/"&" count:
    "Holm and Kessler"); ``end`` when there is none."""
    s = end
    while s > 0:
        t = doc[s - 1]
        if _capitalised(t) and t.lower_ != "the":
            s -= 1
        elif t.lower_ in ("and", "&") and s < end and s >= 2 and _capitalised(doc[s - 2]):
            s -= 1
        else:
            break
    return s


def _firm_names(state: ArticleState, cands) -> None:
    """"Holm and Kessler law firm", "the Holm Kessler law firm", "Holm Kessler, a law firm": the name a
    firm noun follows or stands in apposition to is the firm's, never one or two persons'; so is the name
    right after one ("investment banking firm Holm and Kessler"), and two names joined by "and" before a
    job at a firm ("said Holm Vesk and Kessler analyst Tom Varga")."""
    doc = state.doc
    # (the few tokens that may be a firm noun: by lemma, or by form where the lemma kept a capital)
    firms = sorted(set(token_hits(doc, FIRM_NOUNS, attr="LEMMA")) | set(token_hits(doc, FIRM_NOUNS)), key=lambda x: x.i)
    for t in sorted(set(firms) | set(token_hits(doc, BUSINESS_NOUNS)), key=lambda x: x.i):
        # "said Holm and Kessler analyst Tom Varga": two names joined before a job a person holds at a firm
        employer = t.lower_ in BUSINESS_NOUNS and t.i + 1 < len(doc) and doc[t.i + 1].is_title \
            and t.i >= 3 and doc[t.i - 2].lower_ in ("and", "&")
        if not employer and (t.lemma_.lower() not in FIRM_NOUNS or t.pos_ != "NOUN"):
            continue
        end = t.i - 1 if t.i >= 1 and doc[t.i - 1].is_lower and doc[t.i - 1].is_alpha else t.i  # "law firm"
        if end >= 2 and doc[end - 1].lower_ in ("a", "an", "the") and doc[end - 2].text == ",":
            end -= 2  # "Holm Kessler, a law firm"
        s = _name_before(doc, end)
        if s == end or doc[s].is_sent_start and end - s == 1:
            continue
        if employer and not (s > 0 and (doc[s - 1].lemma_.lower() == "say" or doc[s - 1].is_quote)):
            continue  # only where a source is quoted: "said Holm and Kessler analyst X", not "hired A and B"
        _firm_name(cands, s, end)
    for t in firms:  # "investment banking firm Holm and Kessler": the name after the firm noun
        if t.lemma_.lower() not in FIRM_NOUNS or t.pos_ != "NOUN" or t.i + 1 >= len(doc) or not doc[t.i + 1].is_title:
            continue
        end = t.i + 1
        while end < len(doc) and (doc[end].is_title and doc[end].is_alpha or (
                doc[end].lower_ in ("and", "&") and end + 1 < len(doc) and doc[end + 1].is_title)):
            end += 1
        if doc[end - 1].dep_ in ("nsubj", "nsubjpass") or end - (t.i + 1) > 4:
            continue  # "the firm Tom Varga founded"
        _firm_name(cands, t.i + 1, end)
    # one sense per article: the partners' names of a firm found above ("Holm and Kessler law firm") are the
    # firm's wherever the article writes them so ("the work for Holm and Kessler that ...")
    partners = {tuple(t.text for t in doc[a:b]) for a, b, _ in cands.organizations
                if b - a >= 3 and any(t.lower_ in ("and", "&") for t in doc[a + 1:b - 1])}
    for words in partners:
        for t in token_hits(doc, {words[0].lower()}):
            a, b = t.i, t.i + len(words)
            if tuple(x.text for x in doc[a:b]) == words and not any(o[:2] == (a, b) for o in cands.organizations):
                _firm_name(cands, a, b)


def _firm_name(cands, s: int, end: int) -> None:
    inside = [(ps, pe) for ps, pe in cands.persons] + [(o[0], o[1]) for o in cands.organizations
                                                         if s <= o[0] and o[1] <= end]
    if any(i in cands.taken and not any(ps <= i < pe for ps, pe in inside) for i in range(s, end)):
        return  # a name already of the tables (a country, a known company) is not this one
    cands.persons = [(ps, pe) for ps, pe in cands.persons if pe <= s or ps >= end]
    cands.organizations = [o for o in cands.organizations if o[1] <= s or o[0] >= end]
    cands.organizations.append((s, end, "ORG"))
    cands.taken.update(range(s, end))


def _persons_only(state: ArticleState, spans: list, cands, words) -> list:
    """One-word "persons" of wire copy that are not: a company NER names in full elsewhere ("Daiwa" beside
    "Daiwa Securities"), a word of a results table ("Avg", "Revs 12.3 mln vs 11.1 mln").  A name with a
    title or honorific before it, or that is part of a full name in the article, stays."""
    doc = state.doc
    full = {t for s, e in spans if e - s >= 2 for t in core_tokens(doc[s:e].text)}
    company = {}
    for ent in doc.ents:
        if ent.label_ == "ORG" and len(ent) > 1:
            company.setdefault(ent[0].text, ent)
    kept = []
    for s, e in spans:
        tok = doc[s]
        titled = s > 0 and (fold(doc[s - 1].text).strip(".") in words | PERSON_STOP | NAME_TITLES)
        if e - s > 1 or titled or core(tok.text) in full:
            kept.append((s, e))
        elif tok.text in company:
            cands.organizations.append((s, e, "ORG"))
        elif not _table_line(doc, tok):
            kept.append((s, e))
    return kept


def _table_line(doc, tok) -> bool:
    """Is ``tok`` on a line of a results table or ticker ("Revs 12.3 mln vs 11.1 mln")?"""
    line = line_of(tok)
    numbers = re.findall(r"\d[\d,.]*", line)
    words = re.findall(r"\b[a-z]{4,}\b", line)
    return len(numbers) >= 2 and len(words) <= 3


def _place_given_names(state: ArticleState, cands, words: frozenset) -> list[tuple[int, int]]:
    """"Georgia Ruiz, the Chilean trade minister, said": a place name that is a given name, right before a
    capitalised word no one recognized, is a person's name when the pair has human cues (a role in
    apposition, a verb only persons do, "he" or "she"); the place mention goes."""
    doc, out = state.doc, []
    for m in list(cands.mentions):
        s = m.end
        if m.type != "country" or m.kind != "name" or m.end - m.start != 1 or s >= len(doc) or s in cands.taken:
            continue
        nxt = doc[s]
        if not (nxt.pos_ == "PROPN" and nxt.is_title and not nxt.ent_type_ and nxt.is_alpha) \
                or fold(nxt.text) in words or (s + 1 < len(doc) and doc[s + 1].pos_ == "PROPN"):
            continue
        if _human_cues(doc, m.start, s + 1, words) >= 2:
            cands.mentions.remove(m)
            cands.taken.add(s)
            out.append((m.start, s + 1))
    return out


def _cut_at_possessive(doc, s: int, e: int) -> int:
    """"Ivo Marek's Roseland", "Vargas's Mar": a name ends at its possessive mark."""
    for k in range(s + 1, e - 1):
        if doc[k].text in _POSSESSIVE:
            return k
    return e


def _human_cues(doc, s: int, e: int, words: frozenset) -> int:
    """Votes that the name ``doc[s:e]`` is a person's: a title or honorific before it, a verb only
    persons do with it as subject, a role in apposition, "he"/"she" after it in its sentence."""
    votes = 0
    head = doc[e - 1]
    if s > 0 and fold(doc[s - 1].text).strip(".") in words | PERSON_STOP | NAME_TITLES:
        votes += 2
    if head.dep_ in ("nsubj", "nsubjpass") and fold(head.head.lemma_) in HUMAN_VERBS:
        votes += 2
    elif _says_pronoun(doc, s, e) in ("he", "she"):
        votes += 2  # "Vesk said he would ...": a company says "it"
    if any(c.dep_ == "appos" and fold(c.lemma_) in words for c in head.children) or (
            head.dep_ == "appos" and fold(head.head.lemma_) in words):
        votes += 2
    if any(t.lower_ in _HE_SHE for t in doc[e:head.sent.end]):
        votes += 1
    return votes


_WHERE_PREPS = frozenset({"in", "to", "from", "at", "near", "via", "into"})
_WHERE_VERBS = frozenset({"visit", "tour", "reach", "leave"})
_TRIP_NOUNS = LEXICON["trip_nouns"]


def _where_governed(tok) -> bool:
    """Is the name where someone goes or is: the object of "in / to / from / at" or of "visit / tour"
    ("flew to X", "visited X"), or a conjunct of such an object ("visited A and X")?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _WHERE_PREPS:
        return True
    if tok.dep_ in ("pobj", "dobj") and head.lemma_.lower() == "include":
        # "a trip to Asia, including X", "a tour that includes X", "went to Europe, including X": the
        # stops of a trip, or places of a place one goes to
        owner = head.head if head.dep_ in ("prep", "relcl", "acl") else None
        return owner is not None and (owner.lemma_.lower() in _TRIP_NOUNS or _where_governed(owner))
    return tok.dep_ == "dobj" and head.lemma_.lower() in _WHERE_VERBS


def person_decision(state: ArticleState, s: int, e: int, lookup, words: frozenset, full: set) -> str:
    """"person", "organization", "place" or "none" for a name the recognizer called a person.

    Every cue votes, the recognizer's label once: a corporate suffix makes a company ("Buitoni SpA",
    "Noland Co"); a one-word name is a person's when the article names a person in full with it, or
    when the human cues (`_human_cues`) outweigh what speaks against it: a place or a table entry
    of that name ("Bahia", "Calais"), an ordinary word capitalised ("Calendar", "Discount": written
    in lower case in the article or a word of the model's dictionary)."""
    doc = state.doc
    last = fold(doc[e - 1].text).strip(".")
    if e - s >= 2 and (last in CORPORATE_SUFFIXES or doc[e - 1].text.rstrip(".") in ("Co", "Cos")):
        return "organization"
    if _at_a_distance(doc, e) and _human_cues(doc, s, e, words) <= 0:
        return "place"
    if e - s >= 2 and last in abbreviated_titles(state.gazetteer):
        return "none"  # "Marine Lt. Col. X": the recognizer's "Marine Lt" is a rank
    if e - s >= 2 and all(fold(t.text).strip(".") in words or t.ent_type_ == "ORDINAL" or not t.is_alpha
                          for t in doc[s:e]):
        return "none"  # "Second Deputy Prime Minister": titles only name no one
    if e - s >= 2:
        # a full name: the recognizer's label and the shape of a name, against what makes it a thing
        human = _human_cues(doc, s, e, words)
        if human <= 0 and city_country(doc[s:e].text) is not None and _where_governed(doc[e - 1]):
            return "place"  # "flew to Da Nang": a town of the tables where one goes, no cue of a person
        if 3 + human - _thing_cues(state, s, e) >= 1:
            return "person"
        if last in PLACE_NOUNS | GEO_NOUNS:
            return "place"
        return "organization" if _company_cues(state, s, e) else "none"
    tok = doc[s]
    if last in words | PERSON_STOP:
        return "none"  # "Secretary General X": a title word alone names no one
    if last in US_STATES and s >= 2 and doc[s - 1].text == "," and doc[s - 2].is_title:
        return "place"  # "Fairbury, Ill": a US state after a town
    if core(tok.text) in full:
        return "person"
    if last in CORPORATE_SUFFIXES:
        return "none"
    thing = _thing_cues(state, s, e)
    votes = 2 + _human_cues(doc, s, e, words) - thing  # the recognizer's label: one vote, worth two weak ones
    entry = lookup(tok.text)
    if entry is not None and entry.type != "person":
        votes -= 3
    elif city_country(tok.text) is not None:
        votes -= 1  # towns are named after people, and people after towns ("Obama")
        if _where_governed(tok):
            votes -= 1  # "visited Rosario", "arrived in Busan": where one goes
    low = tok.lower_
    if low in _LowerWords(doc):
        votes -= 2  # the article writes it as a word
    elif low in state.common_words or low.rstrip("s") in state.common_words:
        votes -= 1
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN":
        votes -= 1  # "the Bahia cocoa zone": a name modifying a thing
    if votes >= 1:
        return "person"
    if (entry is not None and entry.type == "country") or city_country(tok.text):
        return "place"
    return "organization" if _company_cues(state, s, e) and not tok.text.isupper() else "none"


def _strong_company_cue(state: ArticleState, s: int, e: int) -> bool:
    doc = state.doc
    return (e < len(doc) and doc[e].text == "<") or _in_angle_brackets(doc, s, e) or _runs_into_company(doc, s, e)


def _companies_by_article(state: ArticleState, spans: list, rejected: list, cands, words, full) -> list:
    """One sense per article: a name the article shows to be a company's where it names it ("Holm Vesk <HVK>",
    "<Karo Fire Insurance Co Ltd>", "Karo B.V.", "Holm Vesk said it would ...") is the company's in its other
    mentions too, where nothing of a person stands beside it (a title, "said he", a role in apposition)
    and no person of the article has it as a surname."""
    doc = state.doc
    companies = {doc[a:b].text for a, b in rejected if _thing_cues(state, a, b) >= 3}
    for a, b in spans:  # the same words elsewhere in the article, where the recognizer named no person
        words_ = [t.text for t in doc[a:b]]
        for t in token_hits(doc, {words_[0].lower()}):
            i = t.i
            n = len(words_)
            if i != a and doc[i:i + n].text == doc[a:b].text and (_strong_company_cue(state, i, i + n) or (
                    # "... into Karo Vesk Group's stock": any suffix, "Group" too, after a name that
                    # opens with no given name
                    b - a >= 2 and i + n < len(doc) and _corporate_suffix(doc[i + n])
                    and not is_given_name(words_[0]))):
                companies.add(doc[a:b].text)
                break
    # the recognizer's own company names, the name and a company word or suffix ("PHARMA AB" in a headline
    # in capitals, "Karo Bank"), whatever their case
    named = {fold(ent[:-1].text) for ent in doc.ents if ent.label_ == "ORG" and len(ent) >= 2 and (
        fold(ent[-1].text).strip(".") in CORPORATE_SUFFIXES | COMPANY_WORDS)}
    companies |= {doc[a:b].text for a, b in spans if fold(doc[a:b].text) in named}
    human, says_it = Counter(), set()
    for a, b in spans:
        human[doc[a:b].text] += _human_cues(doc, a, b, words)
        if b - a >= 2 and _says_pronoun(doc, a, b) == "it":
            says_it.add(doc[a:b].text)
    companies |= {t for t in says_it if human[t] <= 0}
    full = {t for a, b in spans if b - a >= 2 for t in core_tokens(doc[a:b].text)}  # persons' names only
    out = []
    for a, b in spans:
        text = doc[a:b].text
        if text in companies and _human_cues(doc, a, b, words) <= 0 and (b - a >= 2 or core(text) not in full):
            cands.organizations.append((a, b, "ORG"))
        else:
            out.append((a, b))
    return out


def add_persons(state: ArticleState, cands, lookup) -> None:
    """Person mentions from NER names, and the NER organizations and places that are persons."""
    doc, gz = state.doc, state.gazetteer
    words = title_words(gz)
    _firm_names(state, cands)
    names = PersonNames(m.actor for m in state.mentions if m.type == "person")  # dictionary persons first
    # "Mr Hale" tagged ORG is a person named with an honorific
    honorific_orgs = [(s, e) for s, e, _ in cands.organizations if e - s >= 2 and fold(doc[s].text).strip(".")
                      in HONORIFICS and looks_like_name(doc[s + 1:e].text)]
    cands.organizations = [o for o in cands.organizations if (o[0], o[1]) not in honorific_orgs]
    found = cands.persons + honorific_orgs + titled_names(doc, cands.taken) + _place_given_names(state, cands, words)
    towns = [(s, e) for s, e in found if _town(doc, s, e)]
    found = [se for se in found if se not in towns]
    cands.places.extend(towns)
    spans = [(s, e) for s, e in (_widen(doc, s, e, cands.taken, words) for s, e in found) if s < e]
    spans = _persons_only(state, spans, cands, words)
    spans = [(a, _cut_at_possessive(doc, a, b)) for a, b in spans]
    # (the words of persons' full names: not "Holm Co", a company's, which makes "Holm" no person's surname)
    full = {t for a, b in spans if b - a >= 2 and not _corporate_suffix(doc[b - 1]) for t in core_tokens(doc[a:b].text)}
    found_spans = list(spans)
    kept = []
    for a, b in spans:
        decision = person_decision(state, a, b, lookup, words, full)
        if decision == "person":
            kept.append((a, b))
            if b - a == 1 and core(doc[a].text) not in full and not _human_cues(doc, a, b, words) \
                    and not _reports(doc, a, b):
                state.label_only.add(a)
        elif decision == "organization":
            cands.organizations.append((a, b, "ORG"))
        elif decision == "place":
            cands.places.append((a, b))
    # one sense per article: a one-word name the article shows to be a thing's or a company's ("Karo's
    # Vesk subsidiary", "Vesk said it") is that elsewhere too, where only the label calls it a person
    things = {doc[a].text for a, b in spans if b - a == 1 and (a, b) not in kept
              and _thing_cues(state, a, b) >= 2 and core(doc[a].text) not in full}
    # (and where it only reports: "Karo said it is forming a unit ... , Karo said" — companies say things too)
    spans = [(a, b) for a, b in kept if not (doc[a].text in things and (
        a in state.label_only or b - a == 1 and _human_cues(doc, a, b, words) <= 0))]
    spans = _companies_by_article(state, spans, [se for se in found_spans if se not in kept], cands, words, full)
    body = [(s, e) for s, e in spans if s not in state.headings]
    body_keys = {t for s, e in body for t in core_tokens(doc[s:e].text)}
    for s, e in spans:
        if s not in state.headings:
            continue
        if all(core(doc[i].text) in body_keys or core(doc[i].text) in NAME_PARTICLES for i in range(s, e)):
            body.append((s, e))
            continue
        body.extend((i, i + 1) for i in range(s, e) if core(doc[i].text) in body_keys and doc[i].text[:1].isupper())
    for s, e in sorted(body, key=lambda se: -len(core_tokens(doc[se[0]:se[1]].text))):
        if len(core_tokens(doc[s:e].text)) >= 2:  # full names define persons, longest first
            names.canonical(doc[s:e].text)
    for s, e in body:
        state.mentions.append(Mention(s, e, "person", names.canonical(doc[s:e].text), doc[s:e].text))

    surnames = names.surname_keys()
    lowered = _LowerWords(doc)
    # one sense per article: "Karo One landed ..." is the craft a reporter was aboard
    crafts = {doc[s:e].text for s, e, _ in cands.organizations if craft(doc, s, e)}
    for s, e, label in cands.organizations:
        text = doc[s:e].text
        if _town(doc, s, e):
            cands.places.append((s, e))
            continue
        ct = core_tokens(text)
        if ct and ct[-1] in surnames and len(ct) <= len(core_tokens(surnames[ct[-1]])):
            target = next((p for p in names.names if same_person(text, p)), None)
            if target is None and "-" in text:  # "Hakim-Omar al-Hakim"
                target = surnames[ct[-1]]
            if target:
                state.mentions.append(Mention(s, e, "person", target, text))
                continue
        target = _family_name_first(names, ct, surnames)
        if target:  # "Foreign Minister Wang Tao ... Wang said" with "Wang" tagged ORG
            state.mentions.append(Mention(s, e, "person", target, text))
            continue
        if s in state.headings:  # NER on title-case headlines is unreliable
            continue
        if e - s >= 2 and fold(doc[e - 1].text) in FORUM_ORG_NOUNS and looks_like_org(text):
            # "the G20 Summit", "the Fourteenth Islamic Summit": a forum (one with "the G20 summit"), with
            # the ordinal the recognizer left out of it ("the 14th | Islamic Summit")
            if s > 0 and doc[s - 1].ent_type_ == "ORDINAL" and (s - 1) not in state.covered():
                s, text = s - 1, doc[s - 1:e].text
            state.mentions.append(Mention(s, e, "forum", text, text))
            continue
        if e - s == 1 and _acts_as_person(doc, s, e) and looks_like_name(text) and not text.isupper() and lookup(text) is None \
                and fold(text) not in ORG_WORDS | CORPORATE_SUFFIXES:
            state.mentions.append(Mention(s, e, "person", names.canonical(text), text))
            continue
        honorific = s > 0 and fold(doc[s - 1].text).strip(".") in PERSON_STOP | NAME_TITLES
        if 2 <= len(ct) <= 3 and looks_like_name(text) and (ct[-1] in surnames or honorific) and not any(
                lookup(doc[i].text) is not None or fold(doc[i].text) in ORG_WORDS for i in range(s, e)):
            # "The Greens' Moira Tait" tagged ORG, "Ms Tait" elsewhere: a person's full name
            state.mentions.append(Mention(s, e, "person", names.canonical(text), text))
            continue
        if _possessor_of_role(doc, e) and looks_like_name(text) and len(ct) <= 3 and not any(
                lookup(doc[i].text) is not None or fold(doc[i].text) in ORG_WORDS for i in range(s, e)):
            # "Dalton's national security adviser": an organization has no advisers of its own name
            state.mentions.append(Mention(s, e, "person", names.canonical(text), text))
            continue
        if _venue(doc, s, e) and lookup(text) is None:
            # "at Vesk Technological University", "landed at Karo International Airport": where it happens
            state.mentions.append(Mention(s, e, "location", text, text, place=True))
            continue
        if label == "ORG" and city_country(text) is not None and _where_governed(doc[e - 1]) \
                and lookup(text) is None:
            # "visited Rosario" tagged ORG: a town of the tables where one goes
            state.mentions.append(Mention(s, e, "location", text, text, place=True))
            continue
        if label == "ORG" and looks_like_org(text) and not (e - s == 1 and (
                fold(text) in words or fold(text).strip(".") in CORPORATE_SUFFIXES)) \
                and not _capitalised_word(state, s, e, lookup, lowered, words) and not _not_an_org_name(doc, s, e, surnames) \
                and not title_field(doc, s, e) and not document_name(doc, s, e) and not country_pair(text, lookup) \
                and not unit_after_number(doc, s, e) and text not in crafts:
            state.mentions.append(Mention(s, e, "organization", text, text, country=company_country(
                doc[s:e], lookup) or institution_country(doc[s:e], lookup)))
    for s, e in cands.places:
        text = doc[s:e].text
        ct = core_tokens(text)
        target = next((p for p in names.names if same_person(text, p)), None) if len(ct) == 1 else None
        if target and ct[0] in surnames:  # a known surname labelled as a place ("Kamikawa said")
            state.mentions.append(Mention(s, e, "person", target, text))
        elif looks_like_name(text) and any(c.dep_ == "appos" and fold(c.lemma_) in words for c in doc[e - 1].children):
            # "Kenji Arai, Japan's deputy minister": a place has no minister in apposition
            state.mentions.append(Mention(s, e, "person", names.canonical(text), text))
        elif len(ct) >= 2 and looks_like_name(text) and s > 0 and fold(doc[s - 1].text).strip(".") in words \
                and lookup(text) is None and city_country(text) is None and not any(
                    lookup(doc[i].text) is not None for i in range(s, e)):
            # "EU envoy Ines Kovac" labelled a place: a title stands before a person's name, not a place's
            state.mentions.append(Mention(s, e, "person", names.canonical(text), text))
        else:
            state.mentions.append(Mention(s, e, "location", text, text, place=True))
    # surnames spaCy missed entirely
    covered = state.covered()
    lower_words = None
    for t in token_hits(doc, set(surnames)):
        if t.i in covered or not t.text[:1].isupper():
            continue
        if t.pos_ != "PROPN":
            # a sentence's first word the tagger read as a verb ("Vargas heads to X", "Holm said") is the
            # known surname, unless the article writes that word in lower case too
            if lower_words is None:
                lower_words = {w.text for w in doc if w.text.islower()}
            # (or as a noun heading or modifying the sentence's subject: "Vargas and senior officials met",
            # "Woods told the panel", with a surname that is also a noun)
            opening_subject = t.pos_ in ("NOUN", "ADJ") and (t.dep_ in ("nsubj", "nsubjpass") or (
                t.dep_ in ("amod", "compound") and t.head.dep_ in ("nsubj", "nsubjpass")))
            if not t.is_sent_start or t.pos_ not in ("VERB", "AUX") and not opening_subject \
                    or t.lower_ in lower_words:
                continue
        key = core(t.text)
        if key in surnames:
            state.mentions.append(Mention(t.i, t.i + 1, "person", surnames[key], t.text))
            if len(core_tokens(surnames[key])) == 1 and not _human_cues(doc, t.i, t.i + 1, words) \
                    and not _reports(doc, t.i, t.i + 1):
                # a one-word name found again ("the Karo will", a headline's "KARO") is no more a person's
                # than where the recognizer named it: a cue here, or it stays a label-only name
                state.label_only.add(t.i)
    state.index()
