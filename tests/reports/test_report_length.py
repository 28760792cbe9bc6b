"""docs/report-length.md says what the report prints today (a stale page fails here; regenerate it with
``PYTHONPATH=$PWD python3 tools/report_length.py --write``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("report_length", ROOT / "tools" / "report_length.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_page_counts_in_the_docs_are_todays():
    tool = _tool()
    now = tool.measure()
    assert tool.DOC.read_text(encoding="utf-8") == tool.page_text(now), \
        "docs/report-length.md is stale: run PYTHONPATH=$PWD python3 tools/report_length.py --write"
    # The summary took the cover's place: no report grew, and the total went down.
    assert all(now[k][0] <= b[0] and now[k][1] <= b[1] for k, b in tool.BEFORE.items())
    assert sum(map(sum, now.values())) < sum(map(sum, tool.BEFORE.values()))
