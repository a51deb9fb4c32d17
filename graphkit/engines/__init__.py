"""Execution engines of ``graphkit ingest`` other than the local one.

* :mod:`graphkit.engines.dask_engine`: the extraction on a Dask cluster
  (``graphkit ingest --engine dask [--scheduler ADDRESS]``); needs the extra
  ``dask[distributed]``.

The local engine (spaCy ``nlp.pipe`` in this process, ``--jobs`` parser
processes) is :func:`graphkit.ingest.ingest_local`; both share the loop of
:class:`graphkit.ingest.IngestSession`, and :func:`graphkit.pipeline.ingest_paths`
chooses between them.
"""
