"""Token look-ups on a Doc's arrays, so long articles are not walked token by token in Python."""
from __future__ import annotations


def token_hits(doc, words, attr: str = "LOWER") -> list:
    """Tokens whose lower-case form (or lemma, with ``attr="LEMMA"``) is in ``words``, in order.

    >>> import spacy
    >>> doc = spacy.blank("en")("Talks began. They talked.")
    >>> [t.i for t in token_hits(doc, {"talks", "they"})]
    [0, 3]
    """
    from spacy.attrs import LEMMA, LOWER

    if not len(doc) or not words:
        return []
    strings = doc.vocab.strings
    keys = {strings.add(w) for w in words}
    col = doc.to_array([LOWER if attr == "LOWER" else LEMMA]).tolist()
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
