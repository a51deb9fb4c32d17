"""The model's attribute rules (its ``attribute_ruler``) applied from a table of token signatures.

spaCy's ``AttributeRuler`` runs its ~180 rules through a general token
``Matcher`` over every token of every Doc: about a seventh of the whole
pipeline's time, to map a tag (plus, in some rules, a word or a dependency) to
a part of speech, morphology or lemma.  Almost every rule looks at one token
only, so what it does to a token depends only on that token's values of the
few attributes the rules read (its *signature*, e.g. tag, lower-case form,
dependency, is-space).  :class:`IndexedAttributeRules` works out once per
signature which rules match it (the same equality, ``IN``, ``NOT_IN`` and
``REGEX`` tests on the same attribute ids as the Matcher) and what they set,
and then per Doc
only looks signatures up; a pattern of several tokens without operators
matches where each of its tokens' signature passes its tests.  The patterns it
cannot test this way (operators, extension or sentence-start attributes, other
predicates) go through a spaCy Matcher of their own.  As in spaCy, every rule
is matched against the Doc before any is applied, and a token's rules are
applied in rule order, so a later rule wins an attribute
(``tests/test_attribute_rules.py`` compares the two on varied texts, attribute
by attribute).

>>> import spacy
>>> from graphkit.nlp import model_name
>>> stock = spacy.load(model_name())
>>> nlp = replace_attribute_ruler(spacy.load(model_name()))
>>> "attribute_ruler" in nlp.pipe_names, COMPONENT in nlp.pipe_names
(False, True)
>>> text = "Y'all gonna let's see: she didn't say it was hers."
>>> [(t.pos_, t.lemma_, str(t.morph)) for t in nlp(text)] == [(t.pos_, t.lemma_, str(t.morph)) for t in stock(text)]
True
"""
from __future__ import annotations

import re

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Span
from spacy.tokens._retokenize import set_token_attrs

COMPONENT = "graphkit_attribute_rules"
STOCK = "attribute_ruler"

#: signatures remembered at most (some 10 MB): the table is emptied when full, so memory stays bounded
#: on any corpus (about 26,000 signatures on 1,000 news stories, 62,000 on 4,000)
MAX_SIGNATURES = 50_000

#: attributes the Matcher reads differently from ``Doc.to_array`` (or not from the token at all)
_NOT_INDEXED = {"SENT_START", "IS_SENT_START", "ENT_IOB", "_", "OP"}


def _token_test(token_pattern: dict, strings) -> list[tuple[int, str, object]] | None:
    """``[(attribute id, test, value)]`` for one token of a pattern the table can run, else None.

    The values are converted as the Matcher converts them: a plain string by
    ``StringStore.add``, a bool to 0/1, ``IN`` / ``NOT_IN`` members by
    ``get_string_id``; a ``REGEX`` searches the attribute's string.  A token
    with an operator (``OP``) is not run here.
    """
    tests = []
    for key, want in token_pattern.items():
        name = key.upper() if isinstance(key, str) else key
        name = "ORTH" if name == "TEXT" else name
        if name in _NOT_INDEXED or name not in IDS:
            return None
        attr = IDS[name]
        if isinstance(want, bool):
            tests.append((attr, "==", int(want)))
        elif isinstance(want, str):
            tests.append((attr, "==", strings.add(want)))
        elif isinstance(want, int):
            tests.append((attr, "==", want))
        elif isinstance(want, dict) and len(want) == 1 and set(want) <= {"IN", "NOT_IN"}:
            (op, values), = want.items()
            if not isinstance(values, list) or not all(isinstance(v, (str, int)) for v in values):
                return None
            tests.append((attr, op, frozenset(get_string_id(v) for v in values)))
        elif isinstance(want, dict) and len(want) == 1 and isinstance(want.get("REGEX"), str):
            tests.append((attr, "REGEX", re.compile(want["REGEX"])))
        else:
            return None
    return tests


def _passes(tests, values: dict, strings) -> bool:
    for attr, op, want in tests:
        got = values[attr]
        if op == "==":
            if got != want:
                return False
        elif op == "REGEX":
            if not want.search(strings[got]):
                return False
        elif (got in want) != (op == "IN"):
            return False
    return True


class IndexedAttributeRules:
    """The rules of a spaCy ``AttributeRuler``, matched by token signature (the module docstring says how)."""

    def __init__(self, ruler):
        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)  # rule id -> {attribute id: value}, normalised by spaCy
        self.indices = list(ruler.indices)  # rule id -> which token of the match gets the attributes
        self.one_token: list[tuple[int, list]] = []  # (rule id, tests) of each one-token pattern
        self.sequences: list[tuple[int, list[list]]] = []  # (rule id, tests of each token) of longer ones
        self.other = Matcher(self.vocab)  # every other pattern, under its rule's id as spaCy keys it
        strings = self.vocab.strings
        for rule in range(len(self.attrs)):
            _, patterns = ruler.matcher.get(str(rule))
            rest = []
            for pattern in patterns:
                tests = [_token_test(token, strings) for token in pattern]
                if not tests or any(t is None for t in tests):
                    rest.append(pattern)
                elif len(tests) == 1:
                    self.one_token.append((rule, tests[0]))
                else:
                    self.sequences.append((rule, tests))
            if rest:
                self.other.add(str(rule), rest)
        self.read = sorted({attr for _, tests in self.one_token for attr, _, _ in tests}
                           | {attr for _, seq in self.sequences for tests in seq for attr, _, _ in tests})
        # a pattern that wants one value of some attribute is tried only on signatures with that value
        self.by_value: dict[tuple[int, int], list[tuple[int, list]]] = {}
        self.scan: list[tuple[int, list]] = []  # patterns with no such test: tried on every new signature
        for rule, tests in self.one_token:
            first = next(((attr, want) for attr, op, want in tests if op == "=="), None)
            if first is None:
                self.scan.append((rule, tests))
            else:
                self.by_value.setdefault(first, []).append((rule, tests))
        self._by_signature: dict[tuple, tuple] = {}
        # the outcomes themselves are few (some hundreds): one object each, shared by its signatures
        self._outcomes: dict[tuple, tuple] = {}

    def _rules_of(self, signature: tuple) -> tuple[tuple[int, ...], dict | None, frozenset]:
        """For a token signature: the one-token rules it matches (in rule order), what they set together,
        and which tokens of the longer patterns it can be (``(pattern number, position)``)."""
        known = self._by_signature.get(signature)
        if known is None:
            strings = self.vocab.strings
            values = dict(zip(self.read, signature))
            tried = [*self.scan]
            for attr_value in values.items():
                tried.extend(self.by_value.get(attr_value, ()))
            rules = tuple(sorted({rule for rule, tests in tried if _passes(tests, values, strings)}))
            merged: dict = {}
            for rule in rules:  # later rules win, as when spaCy applies them one by one
                merged.update(self.attrs[rule])
            parts = frozenset((n, k) for n, (_, seq) in enumerate(self.sequences)
                              for k, tests in enumerate(seq) if _passes(tests, values, strings))
            known = self._outcomes.setdefault((rules, parts), (rules, merged or None, parts))
            if len(self._by_signature) >= MAX_SIGNATURES:
                self._by_signature.clear()
            self._by_signature[signature] = known
        return known

    def _sequence_matches(self, doc, looked_up) -> list[tuple[int, int, int]]:
        """``(rule id, start, end)`` of every match of the longer patterns (a pattern without operators
        matches where each of its tokens does)."""
        out = []
        n = len(doc)
        for i, (_, _, parts) in enumerate(looked_up):
            if not parts:
                continue
            for number, (rule, seq) in enumerate(self.sequences):
                end = i + len(seq)
                if (number, 0) in parts and end <= n and all(
                        (number, k) in looked_up[i + k][2] for k in range(1, len(seq))):
                    out.append((rule, i, end))
        return out

    def __call__(self, doc):
        if not len(doc):
            return doc
        if self.read:
            rows = doc.to_array(self.read).reshape(len(doc), len(self.read)).tolist()
        else:
            rows = [[]] * len(doc)
        # everything is matched before anything is set, as AttributeRuler.match does
        looked_up = [self._rules_of(tuple(row)) for row in rows]
        matches = self._sequence_matches(doc, looked_up) if self.sequences else []
        if len(self.other):
            matches += [(int(self.vocab.strings[key]), start, end)
                        for key, start, end in self.other(doc, allow_missing=True)]
        extra: dict[int, list[int]] = {}  # token index -> ids of the longer rules that set it
        for rule, start, end in matches:
            token = Span(doc, start, end)[self.indices[rule]]  # spaCy's own index check
            extra.setdefault(token.i, []).append(rule)
        for i, (rules, merged, _) in enumerate(looked_up):
            if i in extra:
                merged = {}
                for rule in sorted(set(rules) | set(extra[i])):
                    merged.update(self.attrs[rule])
            if merged:
                set_token_attrs(doc[i], merged)
        return doc


@Language.factory(COMPONENT, default_config={"source": STOCK})
def make_indexed_attribute_rules(nlp, name, source: str):
    """The attribute rules of the pipeline's ``source`` component (an AttributeRuler), indexed."""
    return IndexedAttributeRules(nlp.get_pipe(source))


def replace_attribute_ruler(nlp):
    """``nlp`` with its ``attribute_ruler`` (if it has one) replaced, in place, by :class:`IndexedAttributeRules`."""
    if STOCK in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after=STOCK, config={"source": STOCK})
        nlp.remove_pipe(STOCK)
    return nlp
