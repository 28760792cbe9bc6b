"""The Qt binding must not lose references to values our overrides return.

PySide6 6.12.0 released one reference to ``None`` (and to ``True``/``False``)
every time C++ called a Python override that returned it; a table view calls
``data()`` for every role of every visible cell, so the app crashed after a
few thousand calls ("deallocating None"). This guards the pinned version.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QWidget


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 3

    def columnCount(self, parent=QModelIndex()):
        return 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


class _Filter(QObject):
    def eventFilter(self, watched, event):
        return False


def test_data_returning_none_keeps_none_alive(qtbot):
    model = _Model()
    index = model.index(1, 1)
    before = sys.getrefcount(None)
    for _ in range(2000):
        index.data(Qt.ItemDataRole.ToolTipRole)
    assert sys.getrefcount(None) - before > -100


def test_event_filter_returning_false_keeps_false_alive(qtbot):
    from PySide6.QtWidgets import QApplication

    widget = QWidget()
    qtbot.addWidget(widget)
    watcher = _Filter()
    widget.installEventFilter(watcher)
    before = sys.getrefcount(False)
    for _ in range(2000):
        QApplication.sendEvent(widget, QEvent(QEvent.Type.User))
    assert sys.getrefcount(False) - before > -100
