"""The main window: a sidebar of sections and the screen of the chosen one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.shared.accessibility import dark_palette, fit_on_screen, prepare, shortcut_text


class MainWindow(QMainWindow):
    """Sidebar navigation over the application's screens.

    Screens are added with :meth:`add_page`; each gets a sidebar entry, an entry in
    the Ver menu and a Ctrl+<n> shortcut (written in the menu and in the entry's
    tooltip), so the whole app can be driven from the keyboard.
    """

    def __init__(self, context=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Rumbo — apoyo a mipymes"))
        self.resize(1180, 760)

        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.setFixedWidth(210)
        self.sidebar.setSpacing(2)
        self.sidebar.setAccessibleName(self.tr("Secciones"))
        self.sidebar.setAccessibleDescription(self.tr("Elija una sección con las flechas; Ctrl+1 a Ctrl+7 "
                                                      "llevan a cada una desde cualquier lugar."))
        if dark_palette():  # a high-contrast theme: the system's colours, not Rumbo's blue
            self.sidebar.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 12px; }")
        else:
            self.sidebar.setStyleSheet(
                "QListWidget { background: #1f3a4d; color: white; border: none; font-size: 11pt; }"
                "QListWidget::item { padding: 8px 12px; }"
                "QListWidget::item:selected { background: #3d7ea6; }"
            )
        self.stack = QStackedWidget(objectName="pages")
        self.title = QLabel(objectName="pageTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold; padding: 6px 0;")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self.sidebar.currentRowChanged.connect(self._show_row)
        self._pages: dict[str, QWidget] = {}
        # Ver: one entry per screen, with its Ctrl+<n> shortcut written beside it.
        self.view_menu = self.menuBar().addMenu(self.tr("&Ver"))
        self.page_actions: dict[str, QAction] = {}
        from desktop.gui.help_menu import add_help_menu

        self.help_actions = add_help_menu(self, context)
        fit_on_screen(self)

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """Add a screen with its sidebar entry, its Ver menu entry and a Ctrl+<position> shortcut.

        The screen is handed to :func:`~desktop.gui.shared.accessibility.prepare`, which names
        its inputs for screen readers.
        """
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.sidebar.addItem(item)
        self.stack.addWidget(widget)
        self._pages[key] = widget
        position = self.sidebar.count()
        action = QAction(title, self, objectName=f"show_{key}")
        if position <= 9:
            keys = QKeySequence(f"Ctrl+{position}")
            action.setShortcut(keys)
            item.setToolTip(f"{title} ({shortcut_text(keys)})")
        action.triggered.connect(lambda checked=False, row=position - 1: self.sidebar.setCurrentRow(row))
        self.view_menu.addAction(action)
        self.page_actions[key] = action
        prepare(widget)
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)

    def page(self, key: str) -> QWidget:
        """Return the screen registered under ``key``."""
        return self._pages[key]

    def show_page(self, key: str) -> None:
        """Switch to the screen registered under ``key``."""
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.setCurrentRow(row)
                return

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.title.setText(self.sidebar.item(row).text())
