"""Ingestion: read articles, extract a record from each, store it, the same way for every engine.

* :mod:`graphkit.inputs` (beside this package, so the readers can use it too): what may come in
  (regular files, a size limit, control characters cleaned, names escaped in messages, a run's
  own outputs never read back), applied in :func:`read_counted`;
* :mod:`graphkit.ingest.report`: :class:`RunReport`, :class:`ProblemLog`, :class:`ProgressBar`;
* :mod:`graphkit.ingest.versions`: the extractor version stored with each record and the user
  dictionary (``--actors``) that is part of it;
* :mod:`graphkit.ingest.extraction`: extraction that survives a bad article, in this process or
  in a worker (:func:`extract_chunk` / :func:`replay_chunk`);
* :mod:`graphkit.ingest.pool`: ``--jobs N`` worker processes;
* :mod:`graphkit.ingest.session`: the read -> extract -> store loop (:class:`IngestSession`,
  :func:`ingest_local`), which the Dask engine (:mod:`graphkit.engines.dask_engine`) shares.

The jobs built on it (:func:`graphkit.pipeline.extract_paths`,
:func:`graphkit.pipeline.ingest_paths`, :func:`graphkit.pipeline.run`) are in
:mod:`graphkit.pipeline`.
"""
from graphkit.ingest.extraction import (
    ChunkResult, extract_chunk, extract_safely, freeze_long_lived, replay_chunk, spacy_pipeline,
)
from graphkit.ingest.pool import chunks, pool_extract
from graphkit.ingest.report import OnProblem, PathLike, ProblemLog, ProgressBar, RunReport, count_inputs
from graphkit.ingest.session import IngestSession, extract_stream, ingest_local, read_counted
from graphkit.ingest.versions import (
    RULE_SOURCES, DictionarySpec, dictionary_spec, extractor_version, open_user_dictionary, rules_fingerprint,
)

__all__ = [
    "ChunkResult", "DictionarySpec", "IngestSession", "OnProblem", "PathLike", "ProblemLog", "ProgressBar",
    "RULE_SOURCES", "RunReport", "chunks", "count_inputs", "dictionary_spec", "extract_chunk", "extract_safely",
    "extract_stream", "extractor_version", "freeze_long_lived", "ingest_local", "open_user_dictionary",
    "pool_extract",
    "read_counted", "replay_chunk", "rules_fingerprint", "spacy_pipeline",
]
