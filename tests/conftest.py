"""Shared fixtures: the spaCy model (loaded once per test session) and small invented articles."""
from __future__ import annotations

import pytest

#: Two invented articles about invented countries: a meeting, then a surname-only mention.
ARTICLE_A = (
    "Berg Meets Holm in Oslo\n\n"
    "Ruritanian Foreign Minister Anna Berg met Karl Holm, the Freedonian foreign minister, "
    "in Oslo on Monday.\n\n"
    "The two ministers discussed fishing rights.\n"
)
ARTICLE_B = (
    "Berg Speaks\n\n"
    "Berg said the talks with Holm had been useful and that Ruritania wants a new treaty.\n"
)


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once (``graphkit.nlp.load_model`` caches it per process)."""
    from graphkit.nlp import load_model

    return load_model()


@pytest.fixture
def corpus(tmp_path):
    """A directory with the two invented articles (a.txt, b.txt)."""
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return d
