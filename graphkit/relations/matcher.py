"""DependencyMatcher patterns matched from their trigger words.

spaCy's `spacy.matcher.DependencyMatcher` first runs every node of every
pattern over every token of the Doc, then joins the candidates; with seventy
patterns that is most of graphkit's extraction time.  This matcher runs the
same patterns (the same JSON, validated by spaCy's own DependencyMatcher when
loaded: `graphkit.relations.patterns.compile_patterns`) the other way round:
it finds each pattern's trigger tokens through an index of the trigger's words
(or part of speech), and from each trigger walks the pattern's relations
(``>``, ``<``, ``>>``, ``<<``, ``.``, ``;``) checking the attributes of the
tokens it reaches.  It returns what DependencyMatcher returns: every
assignment of tokens to the pattern's nodes (``tests/test_meeting_patterns.py``
checks that both give the same matches).

>>> import spacy
>>> doc = spacy.blank("en")("Berg met Holm")
>>> doc[1].dep_, doc[2].dep_, doc[2].head = "ROOT", "dobj", doc[1]
>>> m = TriggerMatcher({"p": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": "met"}},
...                           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "dobj"}}]})
>>> m(doc)
[('p', [1, 2])]
"""
from __future__ import annotations

from collections import defaultdict

_GETTERS = {
    "ORTH": lambda t: t.orth_, "TEXT": lambda t: t.text, "LOWER": lambda t: t.lower_, "LEMMA": lambda t: t.lemma_,
    "POS": lambda t: t.pos_, "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_, "ENT_TYPE": lambda t: t.ent_type_,
    "SHAPE": lambda t: t.shape_, "IS_TITLE": lambda t: t.is_title, "IS_UPPER": lambda t: t.is_upper,
}
SUPPORTED_OPS = (">", "<", ">>", "<<", ".", ";")


class UnsupportedPattern(ValueError):
    """A pattern uses a relation or attribute this matcher does not run."""


def _test(key: str, want):
    get = _GETTERS.get(key)
    if get is None:
        raise UnsupportedPattern(f"attribute {key!r}")
    if isinstance(want, dict):
        if set(want) - {"IN", "NOT_IN"}:
            raise UnsupportedPattern(f"predicate {sorted(want)} on {key!r}")
        inside, outside = frozenset(want.get("IN", ())), frozenset(want.get("NOT_IN", ()))
        if "IN" in want and outside:
            return lambda t: (v := get(t)) in inside and v not in outside
        if "IN" in want:
            return lambda t: get(t) in inside
        return lambda t: get(t) not in outside
    return lambda t: get(t) == want


def _node_test(attrs: dict):
    tests = [_test(k, v) for k, v in attrs.items()]
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda t: first(t) and second(t)
    return lambda t: all(test(t) for test in tests)


def _related(tok, op: str):
    """The tokens standing in relation ``op`` to ``tok`` (``tok op other``)."""
    if op == ">":
        return tok.children
    if op == "<":
        return [tok.head] if tok.head.i != tok.i else []
    if op == ">>":
        return [t for t in tok.subtree if t.i != tok.i]
    if op == "<<":
        return list(tok.ancestors)
    doc = tok.doc
    if op == ".":
        return [doc[tok.i + 1]] if tok.i + 1 < len(doc) else []
    return [doc[tok.i - 1]] if tok.i > 0 else []  # ";"


class _Compiled:
    def __init__(self, key, nodes: list[dict]):
        self.key = key
        self.trigger = _node_test(nodes[0].get("RIGHT_ATTRS", {}))
        self.steps = []  # (left index, op, test)
        index = {nodes[0]["RIGHT_ID"]: 0}
        for i, n in enumerate(nodes[1:], 1):
            if n["REL_OP"] not in SUPPORTED_OPS:
                raise UnsupportedPattern(f"relation {n['REL_OP']!r}")
            self.steps.append((index[n["LEFT_ID"]], n["REL_OP"], _node_test(n.get("RIGHT_ATTRS", {}))))
            index[n["RIGHT_ID"]] = i

    def matches(self, trigger) -> list[list[int]]:
        out: list[list[int]] = []
        bound = [trigger]

        def extend(step: int) -> None:
            if step == len(self.steps):
                out.append([t.i for t in bound])
                return
            left, op, test = self.steps[step]
            used = {t.i for t in bound}
            for cand in _related(bound[left], op):
                if cand.i not in used and test(cand):
                    bound.append(cand)
                    extend(step + 1)
                    bound.pop()

        extend(0)
        return out


WORD_KEYS = ("LEMMA", "LOWER", "ORTH")
CLASS_KEYS = ("POS", "TAG", "DEP")  # for triggers with no words: their part of speech, tag or dependency


def _index_key(attrs: dict, keys: tuple[str, ...]) -> tuple[str, frozenset] | None:
    """The first of ``keys`` a trigger's attributes fix (exactly or by IN), with its values, if any."""
    for key in keys:
        want = attrs.get(key)
        if isinstance(want, str):
            return key, frozenset([want])
        if isinstance(want, dict) and "IN" in want:
            return key, frozenset(want["IN"])
    return None


class TriggerMatcher:
    """Runs DependencyMatcher patterns (``{key: [nodes]}``) from their trigger tokens."""

    def __init__(self, patterns: dict):
        self.compiled = {key: _Compiled(key, nodes) for key, nodes in patterns.items()}
        self.by_word: dict[str, dict[str, list[_Compiled]]] = defaultdict(lambda: defaultdict(list))
        # triggers known only by their part of speech or dependency: looked up by that, before the words
        self.by_class: dict[str, dict[str, list[_Compiled]]] = defaultdict(lambda: defaultdict(list))
        self.scan: list[_Compiled] = []  # triggers with nothing to look them up by: tried on every token
        for key, nodes in patterns.items():
            attrs = nodes[0].get("RIGHT_ATTRS", {})
            found, table = _index_key(attrs, WORD_KEYS), self.by_word
            if found is None:
                found, table = _index_key(attrs, CLASS_KEYS), self.by_class
            if found is None:
                self.scan.append(self.compiled[key])
                continue
            attr, words = found
            for w in words:
                table[attr][w].append(self.compiled[key])
        self._keyed: dict[int, tuple] = {}  # per StringStore: the tables keyed as the Doc's arrays are

    def _tables(self, doc) -> tuple[list[int], list[dict[int, list[_Compiled]]]]:
        """The attribute ids to read from the Doc's array and, for each, its patterns by array value."""
        from spacy.attrs import IDS
        from spacy.parts_of_speech import IDS as POS_IDS

        strings = doc.vocab.strings
        cached = self._keyed.get(id(strings))
        if cached is not None and cached[0] is strings:
            return cached[1], cached[2]
        attrs, tables = [], []
        for source in (self.by_class, self.by_word):  # the order patterns are tried in
            for attr, words in source.items():
                key = (lambda w: POS_IDS[w]) if attr == "POS" else strings.add
                attrs.append(IDS[attr])
                tables.append({key(w): pats for w, pats in words.items()})
        self._keyed[id(strings)] = (strings, attrs, tables)
        return attrs, tables

    def __call__(self, doc) -> list[tuple[str, list[int]]]:
        out = []
        if not len(doc):
            return out
        attrs, tables = self._tables(doc)
        # the Doc's arrays, not its tokens: a Token is made only where some pattern may start
        rows = doc.to_array(attrs).reshape(len(doc), len(attrs)).tolist() if attrs else [()] * len(doc)
        for i, row in enumerate(rows):
            cands = list(self.scan)
            for value, table in zip(row, tables):
                cands.extend(table.get(value, ()))
            if not cands:
                continue
            tok = doc[i]
            for c in cands:
                if c.trigger(tok):
                    out.extend((c.key, nodes) for nodes in c.matches(tok))
        return out
