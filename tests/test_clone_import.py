"""`import graphkit` from the folder that holds the clone finds the package, not the clone's folder."""
from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_graphkit_beside_a_folder_named_graphkit(tmp_path):
    try:
        metadata.distribution("graphkit")
    except metadata.PackageNotFoundError:
        pytest.skip("graphkit is not installed (pip install -e .)")
    (tmp_path / "graphkit" / "seeds").mkdir(parents=True)   # a clone named graphkit: no __init__.py at its top
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([sys.executable, "-c", "import graphkit; print(graphkit.__file__, graphkit.__version__)"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    path, version = proc.stdout.split()
    assert path.endswith(os.path.join("graphkit", "__init__.py")) and version == metadata.version("graphkit")
