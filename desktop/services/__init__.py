"""Use cases that join the domain, storage (``db``) and the report renderers; the GUI and the CLI call only these.

May import ``db``, ``desktop.reports`` and the domain; never Qt, the GUI or the commands.
"""
