"""The meeting layer's word lists (``data/lexicon.json``), read once.

Patterns name a list as ``"@name"`` inside an ``IN`` / ``NOT_IN`` attribute
(``{"LEMMA": {"IN": "@meet_verbs"}}``); the code reads the same lists.  Lists
come back as frozensets, mappings as dicts.

>>> "meet" in LEXICON["meet_verbs"]
True
"""
from __future__ import annotations

import json
from importlib import resources


def _load() -> dict:
    with resources.files("graphkit.relations").joinpath("data", "lexicon.json").open(encoding="utf-8") as fh:
        raw = json.load(fh)
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in raw.items() if k != "about"}


LEXICON: dict = _load()
