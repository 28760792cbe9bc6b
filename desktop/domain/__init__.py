"""Pure domain logic: no Qt, no SQL. Dataclasses in, dataclasses out.

Base modules (``errors``, ``text``, ``datafiles``) at the top; ``sizing``, ``assessment``,
``registry`` and ``demo`` below. May import only the standard library, libraries and ``desktop.resources``.
"""
