"""No label guesses at HTML: user text is shown exactly as typed.

A QLabel (and the label inside a QMessageBox) starts in ``Qt.AutoText`` and shows
anything that looks like markup as rich text, so a firm named ``<b>&Café</b>``
would turn bold and lose its tags. :func:`install` makes every label of the
application plain text when it is first polished (before it is shown), unless its
code chose rich text on purpose with ``setTextFormat(Qt.TextFormat.RichText)`` and
escapes what it puts in (``html.escape``). Labels made later, in any window or
dialog, are covered the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel


class _PlainTextLabels(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Polish and isinstance(watched, QLabel) \
                and watched.textFormat() == Qt.TextFormat.AutoText:
            watched.setTextFormat(Qt.TextFormat.PlainText)
        return False


def install(app: QApplication) -> None:
    """Make labels plain text unless chosen otherwise (idempotent)."""
    if getattr(app, "_rumbo_plain_text", None) is None:
        app._rumbo_plain_text = _PlainTextLabels(app)
        app.installEventFilter(app._rumbo_plain_text)


def rich(label: QLabel) -> QLabel:
    """Mark a label whose text is markup built by the code (user text in it escaped)."""
    label.setTextFormat(Qt.TextFormat.RichText)
    return label
