"""Typing any text into a widget the way a keyboard does.

``qtbot.keyClicks`` goes through QTest's ASCII key table and aborts the
process on characters such as "ñ" or "é". Spanish names need them, so this
helper sends ASCII characters through ``keyClicks`` and every other character
as a key press carrying that text, which is what a Spanish keyboard produces.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
