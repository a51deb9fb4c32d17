"""The extractor version stored with each record, and the user dictionary (``--actors``) that is part of it.

A stored article is extracted again when its version differs from the one of
this run: the extraction code and data changed, or the user dictionary did.

>>> version = extractor_version()
>>> version.split("+")[1] == "rules." + rules_fingerprint()
True
>>> open_user_dictionary(None)
(None, None)
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from graphkit.actors.dictionary import DictionaryError, load_dictionary
from graphkit.fingerprint import source_fingerprint

__all__ = ["extractor_version", "rules_fingerprint", "open_user_dictionary", "DictionarySpec",
           "dictionary_spec", "RULE_SOURCES"]

#: The code and data that make a record: a change to any of them means re-extracting.
RULE_SOURCES = ("extract.py", "pieces.py", "actors", "relations")


def rules_fingerprint() -> str:
    """A short hash of the extraction code and data (``extract.py``, ``pieces.py``,
    ``actors/``, ``relations/``).

    Part of the extractor version stored with each record, so a store notices
    when the extraction rules changed even if ``EXTRACTOR_VERSION`` was not
    bumped, and re-extracts.

    >>> len(rules_fingerprint())
    12
    """
    return source_fingerprint(*RULE_SOURCES)


def extractor_version(dictionary_fingerprint: str | None = None) -> str:
    """The version stored with each record: ``EXTRACTOR_VERSION+rules.<hash>[+dict.<hash>]``."""
    from graphkit.extract import EXTRACTOR_VERSION  # lazy: graphkit.extract imports spaCy

    version = f"{EXTRACTOR_VERSION}+rules.{rules_fingerprint()}"
    if dictionary_fingerprint:
        version += f"+dict.{dictionary_fingerprint}"
    return version


def open_user_dictionary(dictionary) -> tuple[object | None, str | None]:
    """``(dictionary object, fingerprint)`` of an ``--actors`` value.

    ``dictionary`` is None, a path (loaded with
    :func:`graphkit.actors.dictionary.load_dictionary`; the fingerprint is a
    hash of the file, so editing it makes ``ingest`` re-extract) or an object
    used as it is (fingerprint: its ``fingerprint`` attribute, else
    ``"object"``).  Raises :class:`graphkit.actors.dictionary.DictionaryError`
    with a one-line message naming the file.
    """
    if dictionary is None:
        return None, None
    if not isinstance(dictionary, (str, os.PathLike)):
        return dictionary, getattr(dictionary, "fingerprint", None) or "object"
    path = Path(dictionary)
    if not path.is_file():
        raise DictionaryError(f"{path}: no such file (user dictionary)")
    try:
        data = path.read_bytes()
        obj = load_dictionary(path)
    except Exception as exc:  # noqa: BLE001 - any loader error is a bad input file
        msg = " ".join(str(exc).split())  # one line
        if str(path) not in msg:
            msg = f"{path}: cannot load the user dictionary: {msg}"
        raise DictionaryError(msg) from None
    return obj, hashlib.sha256(data).hexdigest()[:12]


@dataclass(frozen=True)
class DictionarySpec:
    """What a worker process needs to use the same user dictionary: a file to load, or the object itself."""

    path: str | None
    entries: object | None
    fingerprint: str | None

    def load(self):
        """The dictionary object, loaded once per process per (path, fingerprint)."""
        if self.path is None:
            return self.entries
        key = (self.path, self.fingerprint)
        if key not in _LOADED:
            _LOADED[key] = open_user_dictionary(self.path)[0]
        return _LOADED[key]


_LOADED: dict = {}  # the dictionaries a worker process loaded


def dictionary_spec(dictionary, loaded, fingerprint: str | None) -> DictionarySpec | None:
    """The :class:`DictionarySpec` of an ``--actors`` value ``dictionary`` loaded as ``loaded`` (None: none)."""
    if loaded is None:
        return None
    if isinstance(dictionary, (str, os.PathLike)):
        return DictionarySpec(os.path.abspath(dictionary), None, fingerprint)
    return DictionarySpec(None, loaded, fingerprint)
