"""scripts/path_report.py: which path (pattern, linking rule, token-order fallback) decided each meeting."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "scripts", "path_report.py")


def _module():
    spec = importlib.util.spec_from_file_location("path_report", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_each_meeting_counts_once_under_its_path():
    records = [{"meetings": [{"pattern": "meet-with"}, {"pattern": "link-visit-noun"}]},
               {"meetings": [{"pattern": "link-meet-verb+order"}, {"pattern": "link-visit-noun"}]},
               {"meetings": []}]
    paths, ids = _module().count_paths(records)
    assert dict(paths) == {"pattern": 1, "link": 2, "order": 1}
    assert ids["link-visit-noun"] == 2


def test_the_command_prints_the_shares_per_file(tmp_path):
    f = tmp_path / "r.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"meetings": [{"pattern": "meet-with"}, {"pattern": "link-call-noun"}, {"pattern": "link-call-noun"}]},
        {"meetings": [{"pattern": "link-meet-verb+order"}]}]) + "\n")
    out = subprocess.run([sys.executable, SCRIPT, str(f)], capture_output=True, text=True, check=True).stdout
    assert "4 meetings: pattern 1 (25%), link 2 (50%), order 1 (25%)" in out
