"""Fixtures for the report tests: PDF text extraction."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page of ``pdf``, as pypdf extracts it."""
    assert pdf.startswith(b"%PDF-")
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Collapse whitespace (extraction breaks lines where the layout wrapped)."""
    return " ".join(text.split())


@pytest.fixture
def pages():
    return pdf_pages
