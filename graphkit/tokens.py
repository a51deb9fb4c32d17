"""Token look-ups on a Doc's arrays, so long articles are not walked token by token in Python."""
from __future__ import annotations

import weakref

#: frozenset of words -> (the StringStore, their keys in it): the same word lists are looked up in every article
_WORD_KEYS: dict = {}
#: the positions of each lower-case form in the last Doc looked in: (weak reference to it, its length, {key: [i]})
_last_positions: tuple | None = None


def _word_keys(strings, words) -> frozenset:
    words = words if isinstance(words, frozenset) else frozenset(words)
    cached = _WORD_KEYS.get(words)
    if cached is not None and cached[0] is strings:
        return cached[1]
    if len(_WORD_KEYS) >= 512:  # the word sets made per article (its surnames) come and go
        _WORD_KEYS.clear()
    keys = frozenset(strings.add(w) for w in words)
    _WORD_KEYS[words] = (strings, keys)
    return keys


def _lower_positions(doc) -> dict:
    """``{lower-case key: [token index, ...]}`` of the Doc, made once for the several look-ups of one Doc."""
    global _last_positions
    from spacy.attrs import LOWER

    last = _last_positions
    if last is not None and last[0]() is doc and last[1] == len(doc):
        return last[2]
    positions: dict[int, list[int]] = {}
    for i, v in enumerate(doc.to_array([LOWER]).tolist()):
        positions.setdefault(v, []).append(i)
    _last_positions = (weakref.ref(doc), len(doc), positions)
    return positions


def token_hits(doc, words, attr: str = "LOWER") -> list:
    """Tokens whose lower-case form (or lemma, with ``attr="LEMMA"``) is in ``words``, in order.

    >>> import spacy
    >>> doc = spacy.blank("en")("Talks began. They talked.")
    >>> [t.i for t in token_hits(doc, {"talks", "they"})]
    [0, 3]
    >>> [t.i for t in token_hits(doc, ["talks", "they", "began"])], token_hits(doc, {"nothing"})
    ([0, 1, 3], [])
    """
    from spacy.attrs import LEMMA

    if not len(doc) or not words:
        return []
    keys = _word_keys(doc.vocab.strings, words)
    if attr == "LOWER":  # a token's lower-case form never changes: the positions of one Doc serve every look-up
        positions = _lower_positions(doc)
        return [doc[i] for i in sorted(i for k in keys for i in positions.get(k, ()))]
    col = doc.to_array([LEMMA]).tolist()  # lemmas are set by a pipe: read them each time
    return [doc[i] for i, v in enumerate(col) if v in keys]


_TEXT_KEY = "graphkit.text"


def doc_text(doc) -> str:
    """The Doc's text, joined once: spaCy's ``doc.text`` joins every token again on each call.

    >>> import spacy
    >>> doc = spacy.blank("en")("A met B.")
    >>> doc_text(doc) == doc.text
    True
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None or len(text) != char_length(doc):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def keep_text(doc, text: str):
    """``doc``, made by the tokenizer from ``text``, told its text: :func:`doc_text` need not join its
    tokens (spaCy's tokenizer loses no character, so the two are equal).

    >>> import spacy
    >>> doc_text(keep_text(spacy.blank("en")("A met B."), "A met B."))
    'A met B.'
    """
    doc.user_data[_TEXT_KEY] = text
    return doc


def char_length(doc) -> int:
    """The length of the Doc's text, without joining it.

    >>> import spacy
    >>> char_length(spacy.blank("en")("A met B. "))
    9
    """
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def line_of(tok) -> str:
    """The line of the Doc's text a token stands on.

    >>> import spacy
    >>> line_of(spacy.blank("en")("Revs 12 vs 11\\nNet up")[5])
    'Net up'
    """
    text = doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    return text[start:end if end != -1 else len(text)]
