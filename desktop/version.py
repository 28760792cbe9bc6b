"""The one version number of Rumbo, read from the installed package's metadata.

``pyproject.toml`` is the only place the number is written; setuptools copies
it into the package metadata, which an editable install, a wheel and the
PyInstaller build (``copy_metadata("rumbo")`` in the spec) all carry. Every
place that shows or records a version (``rumbo --version``, the About box,
the report's method page, bundle manifests, the support log) asks here.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _metadata_version

DISTRIBUTION = "rumbo"

# Shown when the code runs from a tree that was never installed (no metadata):
# honest about not knowing rather than inventing a number.
UNKNOWN = "0+desconocida"


@cache
def app_version() -> str:
    """Return Rumbo's version, e.g. ``"0.2.0"``."""
    try:
        return _metadata_version(DISTRIBUTION)
    except PackageNotFoundError:
        return UNKNOWN
