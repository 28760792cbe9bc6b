"""Locate the data files shipped in the top-level ``resources`` package."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Return the path of a file or folder under ``resources/``.

    Args:
        *parts: path components below ``resources``, e.g. ``("rulebooks", "sv.json")``.
    """
    return Path(str(files("resources").joinpath(*parts)))
