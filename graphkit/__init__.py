"""graphkit: news articles in, actor relationship graph out.

Who the actors of a set of news articles are (persons, countries,
organizations, forums), who met whom, and how central each one is.

>>> import pathlib, tempfile
>>> import graphkit
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Foreign Minister Anna Berg met Karl Holm in Oslo on Monday.")
>>> records, report = graphkit.extract_paths([d])          # read + parse + extract
>>> records[0]["meetings"][0]["participants"], report.failed
(['Anna Berg', 'Karl Holm'], 0)
>>> report = graphkit.ingest_paths([d], d / "graphkit.db")  # ... into a store
>>> G = graphkit.load_graph(d / "graphkit.db")              # networkx MultiGraph
>>> sorted(G.nodes)
['Anna Berg', 'Karl Holm']
>>> summary = graphkit.run([d], d / "out")                  # everything: store, exports, view.html
>>> summary["meetings"]
1

The names below are imported on first use, so ``import graphkit`` is fast and
does not import spaCy.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_LAZY = {
    "read_articles": "graphkit.corpus",
    "Article": "graphkit.corpus",
    "Problem": "graphkit.corpus",
    "load_model": "graphkit.nlp",
    "ModelNotFound": "graphkit.nlp",
    "extract_records": "graphkit.extract",
    "extract_paths": "graphkit.pipeline",
    "ingest_paths": "graphkit.pipeline",
    "write_records": "graphkit.pipeline",
    "run": "graphkit.pipeline",
    "RunReport": "graphkit.ingest",
    "Store": "graphkit.store",
    "StoreError": "graphkit.store",
    "resolve_corpus": "graphkit.corpus_resolution",
    "Record": "graphkit.records",
    "build_graph": "graphkit.graph",
    "load_graph": "graphkit.graph",
    "write_all": "graphkit.export",
    "render_html": "graphkit.view.render",
}

__all__ = [
    "read_articles", "Article", "load_model", "extract_records", "extract_paths", "ingest_paths",
    "run", "Store", "resolve_corpus", "Record", "build_graph", "load_graph", "write_all", "render_html",
    "__version__",
]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'graphkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
