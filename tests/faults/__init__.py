"""Randomised fault trials (not collected by pytest): ``python -m tests.faults``."""
