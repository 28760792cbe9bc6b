"""Qt widgets by area: ``shared`` (messages, tasks, tables, charts), ``registry``, ``assessment``,
``sync``, ``settings`` and ``portfolio``; the main window and navigation sit at the top.

May import services, the domain and ``desktop.resources``; never ``db`` nor ``desktop.reports``.
"""
