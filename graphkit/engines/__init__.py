"""Execution engines of ``graphkit ingest`` other than the local one.

* :mod:`graphkit.engines.dask_engine`: the extraction on a Dask cluster
  (``graphkit ingest --engine dask [--scheduler ADDRESS]``); needs the extra
  ``dask[distributed]``.

The local engine (spaCy ``nlp.pipe`` in this process, ``--jobs`` parser
processes) is :func:`graphkit.pipeline.ingest_paths` itself.
"""
