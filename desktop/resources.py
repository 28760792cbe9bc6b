"""Locate the data files shipped in the top-level ``resources`` folder.

``resources`` is installed beside the ``desktop`` package (in site-packages,
or in the source tree for an editable install), so it is found from this
file's location rather than by importing a package called ``resources``:
a folder of that name in the current directory must never shadow ours.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a file or folder under ``resources/``.

    Args:
        *parts: path components below ``resources``, e.g. ``("rulebooks", "sv.json")``.
    """
    return RESOURCES.joinpath(*parts)
