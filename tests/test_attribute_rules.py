"""The indexed attribute rules do to every token exactly what spaCy's AttributeRuler does.

Compared attribute by attribute (tag, part of speech, morphology, lemma, dependency, head) on texts with
the constructions the model's rules single out (contractions over two tokens, pronouns by their
dependency, auxiliaries, whitespace tokens), and on a hand-made ruler whose rules overlap.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

import graphkit.attribute_rules as attribute_rules
from graphkit.attribute_rules import COMPONENT, STOCK, IndexedAttributeRules, replace_attribute_ruler
from graphkit.nlp import model_name

ATTRS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD"]

TEXTS = [
    "Y'all gonna see: she ain't here, and we gotta go. Let's c'mon, it's late.",
    "I told you it was mine. Did you give it to me, or did I give it to you?",
    "There is a plan and there were two talks; he did the work, but he has had enough.",
    "Minister Anna Berg met Karl Holm in Oslo on Monday.\n\nThe two ministers  discussed trade.\n",
    "  Which one? That which was said was all that mattered , but nobody gets it.\t\n",
    "He got the job. She gets it. Has he done what he had promised?",
]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(model_name())
    if STOCK not in stock.pipe_names:
        pytest.fail(f"the model {model_name()} has no {STOCK}")
    return stock, replace_attribute_ruler(spacy.load(model_name()))


def test_the_stock_ruler_is_replaced_in_place(pipelines):
    stock, indexed = pipelines
    names = stock.pipe_names
    assert indexed.pipe_names == [COMPONENT if n == STOCK else n for n in names]


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_gets_the_stock_rulers_attributes(pipelines, text):
    stock, indexed = pipelines
    want, got = stock(text), indexed(text)
    assert got.to_array(ATTRS).tolist() == want.to_array(ATTRS).tolist()


def _tagged(nlp, words, tags, deps, heads):
    return Doc(nlp.vocab, words=words, spaces=[True] * len(words), tags=tags, deps=deps, heads=heads)


def test_overlapping_rules_apply_in_rule_order_after_all_are_matched():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "LEMMA": "thing"})
    ruler.add([[{"TAG": "NN", "LOWER": "zorb"}]], {"LEMMA": "zorbing"})  # later rule: wins the lemma
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)  # two tokens, the second set
    ruler.add([[{"LOWER": "na"}]], {"LEMMA": "nah", "POS": "INTJ"})  # a one-token rule between two-token ones
    ruler.add([[{"LOWER": {"REGEX": "^gon$"}}, {"TAG": "NN"}]], {"POS": "VERB"}, index=-1)  # the last token set
    ruler.add([[{"DEP": {"NOT_IN": ["", "det"]}, "TAG": {"IN": ["DT", "WDT"]}}]], {"POS": "PRON"})
    ruler.add([[{"POS": "NOUN"}]], {"LEMMA": "never"})  # matched before the first rule set any POS
    ruler.add([[{"LOWER": "the"}, {"TAG": "NN", "OP": "+"}]], {"MORPH": "Number=Sing"}, index=-1)  # an operator
    words = ["that", "zorb", "gon", "na", "the", "blip"]
    tags = ["DT", "NN", "VB", "NN", "DT", "NN"]
    deps = ["nsubj", "ROOT", "aux", "dobj", "det", "npadvmod"]
    heads = [1, 1, 1, 2, 5, 1]
    want = ruler(_tagged(nlp, words, tags, deps, heads))
    got = IndexedAttributeRules(ruler)(_tagged(nlp, words, tags, deps, heads))
    assert [(t.pos_, t.lemma_) for t in want] == [("PRON", ""), ("NOUN", "zorbing"), ("", ""), ("VERB", "nah"),
                                                  ("", ""), ("NOUN", "thing")]
    assert [str(t.morph) for t in want] == ["", "", "", "", "", "Number=Sing"]
    assert got.to_array(ATTRS).tolist() == want.to_array(ATTRS).tolist()


def test_the_table_of_signatures_stays_small(pipelines, monkeypatch):
    stock, _ = pipelines
    monkeypatch.setattr(attribute_rules, "MAX_SIGNATURES", 20)
    rules = IndexedAttributeRules(stock.get_pipe(STOCK))
    with stock.select_pipes(disable=[STOCK, "lemmatizer", "ner"]):
        for text in TEXTS:
            want, got = stock.get_pipe(STOCK)(stock(text)), rules(stock(text))
            assert got.to_array(ATTRS).tolist() == want.to_array(ATTRS).tolist()
            assert len(rules._by_signature) <= 20  # emptied when full, still right after
    # signatures with the same outcome share one object, not a copy each
    outcomes = list(rules._by_signature.values())
    assert len({id(o) for o in outcomes}) == len({(o[0], o[2]) for o in outcomes}) < len(outcomes)
