"""Accessibility in one place: names for screen readers, keyboard shortcuts, colours that
survive a high-contrast palette.

* :func:`prepare` is called once a window, dialog or screen is built. It gives every
  widget that can take the keyboard focus an accessible name (and a description) when
  the code did not set one, taking it from what a sighted user reads next to the widget:
  the button's text, the label that is its buddy, the label of its form row, its tab,
  the short label before it, the box it sits alone in, its tooltip or its placeholder.
  It also stops read-only tables from keeping Tab to themselves (Tab leaves the table,
  the arrows move inside it), takes scroll areas out of the Tab chain when what they
  hold can be reached with Tab anyway, and shrinks a window that would not fit the
  screen (at 150 % scaling a laptop screen is much smaller than the window).
* :func:`add_shortcut` gives a button a keyboard shortcut and says so in its tooltip.
* :func:`tone` and :func:`surface` are the colours Rumbo paints text and panels with:
  its own on a light palette, the palette's own on a dark one (the system's high-contrast
  theme, or a dark theme), where dark blue text or a white card would be unreadable.

Explicit names, where nothing can be derived (tables, charts, filters), are set where
the widget is built, in Spanish through ``tr`` like every other text.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QScrollArea,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

# A label shorter than this and ending in ':', just before a widget in the same row, names it ("Mostrar:").
SHORT_LABEL = 40


def _tr(text: str) -> str:
    return QCoreApplication.translate("accessibility", text)


# --- names ---------------------------------------------------------------------------


def plain(text: str | None) -> str:
    """A label's text as a name: no markup, no mnemonic '&', no trailing ':', '*' or '…'."""
    if not text:
        return ""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    text = " ".join(text.split())
    text = re.sub(r"^[^\w¿¡(«\"]+", "", text)  # a leading arrow or warning sign is decoration
    return text.rstrip(" :*…").strip()


def is_internal(widget: QWidget) -> bool:
    """Qt's own parts of a widget (a spin box's or an editable combo's line edit, a tab widget's bar).

    They take the focus for their owner, and a screen reader names them by it.
    """
    proxy = widget.focusProxy()
    return widget.objectName().startswith("qt_") or (proxy is not None and proxy.isAncestorOf(widget))


def owner(widget: QWidget) -> QWidget:
    """The widget a focused Qt part belongs to (the spin box of its line edit), or the widget itself."""
    while is_internal(widget) and widget.parentWidget() is not None:
        widget = widget.parentWidget()
    return widget


def focusable(widget: QWidget) -> bool:
    """True for a widget the user can put the focus on (by Tab or by clicking), Qt's parts left out."""
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not is_internal(widget)


def _tab_focusable(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value) and not is_internal(widget)


def _ancestors(widget: QWidget, root: QWidget):
    """``widget`` and its parents up to ``root`` (included)."""
    current = widget
    while current is not None:
        yield current
        if current is root:
            return
        current = current.parentWidget()


def _layout_holds(layout: QLayout, widget: QWidget) -> bool:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None and (item.widget() is widget or item.widget().isAncestorOf(widget)):
            return True
        if item.layout() is not None and _layout_holds(item.layout(), widget):
            return True
    return False


def _inputs_in(container: QWidget | QLayout) -> list[QWidget]:
    """The focusable widgets in a container that are not buttons (a row's editors)."""
    if isinstance(container, QLayout):
        widgets = []
        for i in range(container.count()):
            item = container.itemAt(i)
            if item.widget() is not None:
                widgets += _inputs_in(item.widget())
            elif item.layout() is not None:
                widgets += _inputs_in(item.layout())
        return widgets
    window = container.window()  # a combo's drop-down list is a window of its own: not part of the row
    found = [w for w in [container] + container.findChildren(QWidget)
             if _tab_focusable(w) and not isinstance(w, QAbstractButton) and w.window() is window]
    # An editable combo's line edit belongs to the combo: count the outermost input only.
    return [w for w in found if not any(other is not w and other.isAncestorOf(w) for other in found)]


def _alone_in(widget: QWidget, container) -> bool:
    return isinstance(widget, QAbstractButton) or _inputs_in(container) == [widget]


class _Labels:
    """What the window's labels, forms, tabs and boxes say about each widget."""

    def __init__(self, root: QWidget):
        self.root = root
        self.buddies = {}
        for label in root.findChildren(QLabel):
            if label.buddy() is not None and plain(label.text()):
                self.buddies[label.buddy()] = plain(label.text())
        self.forms = root.findChildren(QFormLayout)
        if isinstance(root.layout(), QFormLayout):
            self.forms.append(root.layout())
        self.boxes = root.findChildren(QBoxLayout)
        if isinstance(root.layout(), QBoxLayout):
            self.boxes.append(root.layout())

    def name_of(self, widget: QWidget) -> str:
        for derive in (self._button, self._buddy, self._form_row, self._tab, self._before, self._group_box):
            name = derive(widget)
            if name:
                return name
        if widget.toolTip():
            return plain(widget.toolTip())
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            return plain(widget.placeholderText())
        return ""

    def _button(self, widget: QWidget) -> str:
        return plain(widget.text()) if isinstance(widget, QAbstractButton) else ""

    def _buddy(self, widget: QWidget) -> str:
        for holder in _ancestors(widget, self.root):
            if holder in self.buddies and _alone_in(widget, holder):
                return self.buddies[holder]
        return ""

    def _form_row(self, widget: QWidget) -> str:
        for form in self.forms:
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if label is None or field is None or not isinstance(label.widget(), QLabel):
                    continue
                holder = field.widget() or field.layout()
                if holder is None:
                    continue
                inside = (holder is widget or holder.isAncestorOf(widget)) if isinstance(holder, QWidget) \
                    else _layout_holds(holder, widget)
                if inside and _alone_in(widget, holder) and plain(label.widget().text()):
                    return plain(label.widget().text())
        return ""

    def _tab(self, widget: QWidget) -> str:
        for holder in _ancestors(widget, self.root):
            parent = holder.parentWidget()
            tabs = parent.parentWidget() if parent is not None else None  # a page sits in the tab widget's stack
            if isinstance(tabs, QTabWidget) and tabs.indexOf(holder) >= 0 and _alone_in(widget, holder):
                return plain(tabs.tabText(tabs.indexOf(holder)))
        return ""

    def _before(self, widget: QWidget) -> str:
        """The short label ending in ':' just before the widget in its row ("Mostrar:" then a list)."""
        for box in self.boxes:
            for i in range(1, box.count()):
                if box.itemAt(i).widget() is widget:
                    before = box.itemAt(i - 1).widget()
                    if isinstance(before, QLabel) and before.buddy() is None and before.text().rstrip().endswith(":"):
                        text = plain(before.text())
                        if 0 < len(text) <= SHORT_LABEL:
                            return text
                    return ""
        return ""

    def _group_box(self, widget: QWidget) -> str:
        for holder in _ancestors(widget, self.root):
            if isinstance(holder, QGroupBox) and holder is not widget:
                return plain(holder.title()) if _alone_in(widget, holder) else ""
        return ""


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says: the accessible name, else a button's or a label's own text.

    Buttons and labels keep no copied name, so one whose text changes ("Importar 3 empresas")
    is read as it is shown.
    """
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, (QAbstractButton, QLabel)):
        return plain(widget.text())
    return ""


def name_widgets(root: QWidget) -> list[QWidget]:
    """Name every focusable widget under ``root`` that has no accessible name yet.

    Returns:
        The focusable widgets still without a name (nothing could be derived): each
        needs an explicit ``setAccessibleName``.
    """
    labels = _Labels(root)
    unnamed = []
    for widget in [root] + root.findChildren(QWidget):
        if not focusable(widget) and not getattr(widget, "is_chart", False):
            continue
        if not spoken_name(widget):
            name = labels.name_of(widget)
            if name:
                widget.setAccessibleName(name)
            else:
                unnamed.append(widget)
        if not widget.accessibleDescription():
            hint = plain(widget.toolTip()) or (plain(widget.placeholderText()) if isinstance(widget, QLineEdit) else "")
            if isinstance(widget, QAbstractItemView) and not hint:
                hint = _view_description(widget)
            if hint and hint != spoken_name(widget):
                widget.setAccessibleDescription(hint)
    return unnamed


def _view_description(view: QAbstractItemView) -> str:
    """What a table or list holds, for one that says nothing else: its columns, or how to move in it."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else \
        view.header() if isinstance(view, QTreeView) else None
    model = view.model()
    columns = [] if header is None or model is None else [
        str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(header.count())]
    columns = [c for c in columns if c]
    if len(columns) > 1:
        return _tr("Columnas: {columns}. Las flechas recorren las filas.").format(columns=", ".join(columns))
    return _tr("Las flechas recorren la lista.")


def prepare(root: QWidget, names: dict[QWidget, str] | None = None) -> QWidget:
    """Make a freshly built window, dialog or screen usable by keyboard and screen reader.

    Args:
        root: the window, dialog or screen.
        names: explicit accessible names for widgets nothing can name (set before deriving).

    Returns:
        ``root``, for chaining.
    """
    for widget, name in (names or {}).items():
        widget.setAccessibleName(name)
    for view in [root] + root.findChildren(QAbstractItemView):
        if isinstance(view, QAbstractItemView):
            view.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
    for area in root.findChildren(QScrollArea):
        content = area.widget()
        if content is not None and any(_tab_focusable(w) or getattr(w, "is_chart", False)
                                       for w in content.findChildren(QWidget)):
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the area follows the focus of what it holds
    name_widgets(root)
    if root.isWindow():
        fit_on_screen(root)
    return root


def fit_on_screen(window: QWidget) -> None:
    """Shrink a window that is larger than the screen it opens on (large text, 150 % scaling)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    width, height = min(window.width(), room.width()), min(window.height(), room.height() - 40)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))


# --- shortcuts -----------------------------------------------------------------------


def shortcut_text(keys) -> str:
    """How a key sequence is written for the user ("Ctrl+N")."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def add_shortcut(button: QAbstractButton, keys, tip: str | None = None) -> QShortcut:
    """Press ``button`` with ``keys`` while it is on view, and say so in its tooltip.

    Args:
        keys: a key sequence text ("Ctrl+N"), a ``QKeySequence`` or a standard key.
        tip: what the tooltip says before the keys (the button's text when None).
    """
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    shortcut = QShortcut(sequence, button)
    shortcut.activated.connect(lambda: button.click() if button.isEnabled() else None)
    text = tip if tip is not None else plain(button.text())
    button.setToolTip(f"{text} ({shortcut_text(sequence)})" if text else shortcut_text(sequence))
    return shortcut


# --- colours -------------------------------------------------------------------------


def dark_palette(palette: QPalette | None = None) -> bool:
    """True when windows are dark (a high-contrast theme, or a dark one): Rumbo's dark text would vanish."""
    if palette is None:
        app = QApplication.instance()
        palette = app.palette() if app is not None else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone(colour: str) -> str:
    """The colour for text Rumbo colours (a muted note, a title, a status): its own, or the palette's text."""
    if not dark_palette():
        return colour
    return QApplication.palette().color(QPalette.ColorRole.WindowText).name()


def surface(colour: str) -> str:
    """The background of a light panel (a banner, a card): its own, or the palette's base on a dark palette."""
    return "palette(base)" if dark_palette() else colour


def high_contrast_palette() -> QPalette:
    """A high-contrast palette like the system's: black windows, white text, yellow selection."""
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, black), (roles.WindowText, white), (roles.Base, black), (roles.AlternateBase, QColor("#1c1c1c")),
        (roles.Text, white), (roles.Button, black), (roles.ButtonText, white), (roles.BrightText, yellow),
        (roles.Highlight, yellow), (roles.HighlightedText, black), (roles.ToolTipBase, black),
        (roles.ToolTipText, white), (roles.Link, yellow), (roles.LinkVisited, yellow),
        (roles.PlaceholderText, QColor("#c8c8c8")), (roles.Light, white), (roles.Midlight, QColor("#c8c8c8")),
        (roles.Mid, QColor("#808080")), (roles.Dark, white), (roles.Shadow, white),
    ):
        palette.setColor(role, colour)
    disabled = QColor("#3ff23f")  # the green the system's high-contrast theme uses for unavailable text
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette
