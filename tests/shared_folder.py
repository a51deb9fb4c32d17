"""Where the shared folder is: ``../shared`` beside the clone (as CI lays it), or ``$GRAPHKIT_SHARED``.

Tests that need a file of it call :func:`shared_file`: outside CI a missing
file skips the test and says where it was looked for; under ``CI=true`` it
fails, since CI always has the folder.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The shared folder: $GRAPHKIT_SHARED, else ``shared`` beside the clone.
SHARED = Path(os.environ.get("GRAPHKIT_SHARED") or ROOT.parent / "shared")


def shared_file(*parts: str) -> Path:
    """``SHARED/parts...``; skips (fails under CI) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        msg = (f"{path} is not there: the shared folder sits beside the clone as ../shared "
               "(or set GRAPHKIT_SHARED to it)")
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    return path
