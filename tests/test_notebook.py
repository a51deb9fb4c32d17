"""The tour notebook runs top to bottom (so it never rots)."""
from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "graphkit_tour.ipynb"


def test_tour_notebook_runs(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install -e '.[test]')")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e '.[test]')")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install -e '.[test]')")
    try:
        from graphkit.nlp import load_model

        load_model()
    except Exception as exc:  # noqa: BLE001 - the notebook parses the seeds
        pytest.skip(f"no spaCy model: {exc}")

    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the kernel's temp folders go here, apart from other runs'
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=600,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell

    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == []
    assert list(tmp_path.glob("graphkit-tour-*")) == []   # the tour removes the folder it worked in
    text = "\n".join(
        o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) + str(o.get("data", {}).get("text/html", ""))
        for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "Kerry" in text                   # who_met(G, "Lavrov")
    assert "'meetings': " in text and ("undated" in text or "dated_by" in text)  # dates: the reason or the timeline
    assert "rank" in text and "actor" in text  # the centrality table
    assert "<iframe srcdoc=" in text         # the view, inline
    warned = [o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    assert not any("Warning" in w for w in warned), warned  # the tour prints no warning
    assert any("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code"
               for o in c.get("outputs", []))
