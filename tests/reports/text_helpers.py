"""Small helpers for reading report text in tests."""

from __future__ import annotations

from desktop.reports.text import printable


def visible(text: str) -> str:
    """``text`` as the PDF shows it (characters the font lacks become the placeholder)."""
    return printable(text)
