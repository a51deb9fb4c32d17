"""Personal pronouns as mentions of the person they refer to.

A possessive "his" / "her" refers to the person who is the subject of its
clause ("X was welcomed by Y upon her arrival": X).  Otherwise "he", "his",
"him", "she", "her" refer to the last person named before them in the
sentence; a possessive one ("his", "her") before the subject, to the
person who is the sentence's subject ("After his meeting with X, Y said"); else, where the parser lost that subject, to the
person named last before the main verb who is not the one the pronoun's own
phrase names; else to the last person who is the subject of one of the two sentences before,
else to the last person named there.  A
pronoun with no such person stays unresolved (no span).  "They", "their" and
"them" refer to persons named together as a subject ("A and B visited X ...
They then flew to Y"), one mention for each.  "It" in what an organization says
is that organization ("Norcom said it had held talks with Telvia").  Pronouns resolved in
the sentences before count as mentions of their person ("Alan Voss ...
He was not hurt ... He was in Kenya").
"""
from __future__ import annotations

import functools

from graphkit.tokens import token_hits

from .lexicon import LEXICON
from .mention import ArticleState, Mention

GROUP_NOUNS = LEXICON["group_nouns"]
PRONOUNS = LEXICON["personal_pronouns"]
PLURAL_PRONOUNS = LEXICON["plural_pronouns"]
ORG_PRONOUNS = LEXICON["organization_pronouns"]
REPORTING = LEXICON["reporting_verbs"]
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
POSSESSIVES = ("his", "her")


def _named_with(state: ArticleState, head) -> set[str]:
    """Persons named in the "with/between" phrases of ``head`` ("his meeting with X": not X)."""
    out = set()
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "between"):
            for x in c.children:
                m = state.at(x.i)
                if x.dep_ == "pobj" and m is not None and m.type == "person":
                    out.add(m.actor)
    return out


def _clause_subject_person(state: ArticleState, pron) -> str | None:
    """The person subject of the clause a possessive pronoun sits in, named before it."""
    h = pron.head
    for _ in range(6):
        subj = next((c for c in h.children if c.dep_ in SUBJECTS and c.i < pron.i), None)
        if subj is not None:
            m = state.at(subj.i)
            return m.actor if m is not None and m.type == "person" and m.kind != "pronoun" else None
        if h.head.i == h.i:
            return None
        h = h.head
    return None


def _own_subject(state: ArticleState, pron) -> str | None:
    """The person subject of the verb an object pronoun belongs to: "X hosted him" is not X hosting X
    (a plain object pronoun never stands for its own clause's subject; "himself" would)."""
    if pron.dep_ in SUBJECTS or pron.dep_ == "poss":
        return None
    verb = pron.head.head if pron.dep_ == "pobj" and pron.head.dep_ in ("prep", "dative") else pron.head
    if pron.dep_ not in ("dobj", "dative", "pobj", "iobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    m = state.at(subj.i) if subj is not None else None
    return m.actor if m is not None and m.type == "person" else None


FEMININE = frozenset({"she", "her", "hers", "herself"})
MASCULINE = frozenset({"he", "him", "his", "himself"})


@functools.lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


@functools.lru_cache(maxsize=4096)
def name_gender(name: str) -> str | None:
    """"female" or "male" where the given name says so clearly (gender-guesser's tables), else None.

    >>> name_gender("Anna Berg"), name_gender("Karl Holm"), name_gender("Berg")
    ('female', 'male', None)
    """
    parts = name.split()
    if len(parts) < 2:
        return None  # a surname alone says nothing
    g = _gender_detector().get_gender(parts[0])
    return {"female": "female", "mostly_female": "female", "male": "male", "mostly_male": "male"}.get(g)


def is_given_name(word: str) -> bool:
    """Is ``word`` a given name of gender-guesser's tables ("Karl", "Anna"; not "Holm", "Vesk")?"""
    return _gender_detector().get_gender(word) != "unknown"


def _agrees(pron, actor: str | None) -> bool:
    """Does the person's given name allow the pronoun ("her" is not a man the text names "Karl")?"""
    if actor is None:
        return True
    g = name_gender(actor)
    low = pron.lower_
    return not (g == "male" and low in FEMININE or g == "female" and low in MASCULINE)


def antecedent(state: ArticleState, pron) -> str | None:
    persons = [m for m in state.mentions if m.type == "person" and m.kind != "pronoun" and _agrees(pron, m.actor)]
    resolved = [m for m in state.mentions if m.type == "person" and _agrees(pron, m.actor)]  # chains on
    sent = pron.sent
    if pron.lower_ in POSSESSIVES and pron.dep_ == "poss":
        subject = _clause_subject_person(state, pron)  # "X was welcomed by Y upon her arrival": X
        if subject is not None and _agrees(pron, subject):
            return subject
    own = _own_subject(state, pron)
    fronted = _fronted_others(pron)
    before = [m for m in persons if sent.start <= m.start < pron.i and m.actor != own and m.end - 1 not in fronted]
    if before and pron.dep_ in SUBJECTS and pron.head.dep_ == "relcl":
        # a subject "he" in a relative clause: the main clause's subject, named before ("X met Y at the
        # request of Z, whom he had first met": X), as in "X said he ..."
        root_subject = _root_subject(pron)
        main = [m for m in before if m.end - 1 == root_subject]
        if main:
            return main[-1].actor
    if before:
        return before[-1].actor
    if pron.lower_ not in POSSESSIVES or pron.dep_ in SUBJECTS:
        found = _earlier(state, sent, [m for m in resolved if m.actor != own])
        return found  # a subject "he" continues an earlier sentence
    subjects = [c for c in sent.root.children if c.dep_ in SUBJECTS]
    for c in subjects:
        m = state.at(c.i)
        if m is not None and m.type == "person" and m.kind != "pronoun" and _agrees(pron, m.actor):
            return m.actor
    if not subjects and sent.root.i > pron.i:
        named = _named_with(state, pron.head)
        for m in reversed(persons):
            if pron.i < m.start < sent.root.i and m.actor not in named:
                return m.actor
    return _earlier(state, sent, resolved)


def _root_subject(tok) -> int | None:
    """The index of the subject of ``tok``'s sentence's main verb, or None."""
    root = tok.sent.root
    return next((c.i for c in root.children if c.dep_ in SUBJECTS), None)


def _fronted_others(pron) -> set[int]:
    """Tokens of the persons a phrase fronted before a subject pronoun names as others than its subject:
    "After talks with X, he said", "Speaking after meeting X, he said": whoever met X is "he", so "he" is
    not X (a subject of the phrase's own may be: "After X arrived, he said"); nor is the person a relative
    object pronoun stands for ("Y, whom he met")."""
    if pron.dep_ not in SUBJECTS:
        return set()
    out: set[int] = set()
    verb = pron.head
    if verb.dep_ == "relcl" and any(c.dep_ in ("dobj", "dative") and c.tag_ in ("WP", "WDT") for c in verb.children):
        out.add(verb.head.i)  # "X met Y, whom he had first met in 2016": "whom" is Y, so "he" is not
    for c in pron.head.children:
        if c.i < pron.i and c.dep_ in ("advcl", "prep", "npadvmod"):
            own = {t.i for t in c.subtree if t.dep_ in SUBJECTS}
            out |= {t.i for t in c.subtree if t.i not in own and not any(a.i in own for a in t.ancestors)}
    return out


def _earlier(state: ArticleState, sent, resolved) -> str | None:
    doc = state.doc
    lo = sent.start
    for _ in range(2):
        if lo > 0:
            lo = doc[lo - 1].sent.start
    earlier = [m for m in resolved if lo <= m.start < sent.start]
    # the subject of an earlier sentence is what a new "he" most likely continues
    subjects = [m for m in earlier if doc[m.end - 1].dep_ in SUBJECTS]
    if subjects:
        return subjects[-1].actor
    return earlier[-1].actor if earlier else None


def _side(state: ArticleState, tok) -> str | None:
    """The actor a subject's conjunct names: its own mention ("the Holm Fund"), or the country of a role
    noun it heads ("the Ruritanian trade minister", "a Ruritanian delegation", "Ruritania's defence minister")."""
    m = state.at(tok.i)
    if m is not None:
        return m.actor if m.is_actor and not m.place and m.kind != "pronoun" else None
    nxt = state.at(tok.i + 1) if tok.i + 1 < len(tok.doc) else None
    if tok.pos_ == "PROPN" and nxt is not None and nxt.type == "person" and nxt.start == tok.i + 1:
        return nxt.actor  # "... and IMF Managing Director Tomas Haddad": the title the parser made the conjunct
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in state.gazetteer.role_nouns | GROUP_NOUNS:
        return None
    return state.country_modifying(tok)


def _person_group(state: ArticleState, sent_start: int, before: int) -> list[str]:
    """The actors of the last coordinated subject with a person in it ("A and B visited ...", "A and the
    Holm Fund agreed ...", "The Ruritanian trade minister and A agreed ...") between two token positions."""
    doc = state.doc
    group: list[str] = []
    for tok in doc[sent_start:before]:
        if tok.dep_ not in SUBJECTS:
            continue
        if state.at(tok.i) is None and not tok.conjuncts:
            # "UN envoy Sara Kovac and ...": the parser made the title the subject, the name its apposition
            tok = next((c for c in tok.children if c.dep_ == "appos" and state.at(c.i) is not None), tok)
        members = [tok, *tok.conjuncts]
        later = [c for c in tok.head.children if c.dep_ in SUBJECTS and c.i > tok.i]
        if not tok.conjuncts and later and any(c.dep_ == "cc" for c in tok.children):
            members = [tok, later[0]]  # "A, who took office in March, and the Holm Fund agreed": two subjects
        elif not tok.conjuncts:
            # "A and EU envoy B agreed", parsed with A a modifier of B's title: A's "and" hangs inside B's phrase
            inner = [y for y in tok.subtree if y.i < tok.i and y.dep_ in ("nmod", "compound")
                     and any(c.dep_ == "cc" for c in y.children) and state.at(y.i) is not None]
            members = [inner[0], tok] if inner else []
        elif any(c.i < tok.i for c in tok.conjuncts):
            continue
        names: list[str] = []
        for x in members:
            name = _side(state, x)
            if name is not None and name in state.actors and name not in names:
                names.append(name)
        if len(names) >= 2 and any(state.actors[n].type == "person" for n in names):
            group = names
    return group


def plural_antecedent(state: ArticleState, pron) -> list[str]:
    """The persons "they" / "their" refer to: the last coordinated subject of persons in this sentence
    before the pronoun or in the two before (a "they" resolved there chains on)."""
    sent = pron.sent
    here = _person_group(state, sent.start, pron.i)
    if here:
        return here
    doc = state.doc
    lo = sent.start
    for _ in range(2):
        if lo > 0:
            lo = doc[lo - 1].sent.start
    chained = [m for m in state.mentions if m.kind == "pronoun" and m.surface.lower() in PLURAL_PRONOUNS
               and lo <= m.start < sent.start]
    group = _person_group(state, lo, sent.start)
    if chained and (not group or chained[-1].start > max(m.start for m in state.mentions if m.actor in group)):
        last = chained[-1].start
        return list(dict.fromkeys(m.actor for m in chained if m.start == last))
    return group


def _add(state: ArticleState, t, name: str) -> None:
    m = Mention(t.i, t.i + 1, state.actors[name].type, name, t.text, kind="pronoun")
    state.mentions.append(m)
    state.actors[name].mentions.append(m)


def reported_organization(state: ArticleState, pron) -> str | None:
    """The organization an "it" / "its" stands for in what that organization said: "Norcom said it had
    held talks with Telvia"."""
    h = pron.head
    for _ in range(3):
        if h.dep_ == "ccomp" and h.head.lemma_.lower() in REPORTING:
            subj = next((c for c in h.head.children if c.dep_ in SUBJECTS), None)
            m = state.at(subj.i) if subj is not None else None
            return m.actor if m is not None and m.type == "organization" else None
        if h.head.i == h.i:
            return None
        h = h.head
    return None


def add_pronouns(state: ArticleState) -> None:
    """A person mention (kind "pronoun") for each personal pronoun with an antecedent; a plural one
    gets one mention per person of its group."""
    for t in token_hits(state.doc, PRONOUNS | PLURAL_PRONOUNS | ORG_PRONOUNS):
        if state.at(t.i) is not None:
            continue
        if t.lower_ in ORG_PRONOUNS:
            org = reported_organization(state, t)
            if org is not None and org in state.actors:
                m = Mention(t.i, t.i + 1, "organization", org, t.text, kind="pronoun")
                state.mentions.append(m)
                state.actors[org].mentions.append(m)
            continue
        if t.lower_ in PLURAL_PRONOUNS:
            for name in plural_antecedent(state, t):
                if name in state.actors:
                    _add(state, t, name)
            continue
        name = antecedent(state, t)
        if name is not None and name in state.actors:
            _add(state, t, name)
    state.index()
