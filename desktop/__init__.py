"""Rumbo: desktop application for small-business support centres."""

__version__ = "0.1.0"
