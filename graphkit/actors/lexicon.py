"""The actor layer's word lists (``data/lexicon.json``), read once.

Every English word the actor rules compare against lives in that file, so a
new word is a data change.  Lists come back as frozensets, mappings as dicts.

>>> "rebels" in LEXICON["group_nouns"]
True
"""
from __future__ import annotations

import json
from importlib import resources


def _load() -> dict:
    with resources.files("graphkit.actors").joinpath("data", "lexicon.json").open(encoding="utf-8") as fh:
        raw = json.load(fh)
    out = {}
    for key, value in raw.items():
        if key == "about":
            continue
        if isinstance(value, dict) and "words" in value:
            value = value["words"]
        elif isinstance(value, dict) and "nouns" in value:
            value = value["nouns"]
        elif isinstance(value, dict) and "weights" in value:
            value = value["weights"]
        out[key] = frozenset(value) if isinstance(value, list) else value
    return out


LEXICON: dict = _load()
