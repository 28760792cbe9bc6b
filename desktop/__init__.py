"""Rumbo: desktop application for small-business support centres.

The version lives in ``pyproject.toml`` only; :func:`desktop.version.app_version`
reads it from the package metadata.
"""
