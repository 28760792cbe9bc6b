"""Building blocks of the firm form: editors with their problem label, choice lists.

Each editable field of the form is an editor (line edit, combo or text box)
wrapped in a :class:`FieldBox` that can show, under the editor, the sentence
saying what is wrong with it and mark the editor with a red border. The form
reads and writes values through :func:`editor_value` and :func:`set_editor_value`
so it need not care which kind of editor a field uses.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry
from babel import Locale
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.domain.registry.validation import LEGAL_FORMS
from desktop.gui.shared.accessibility import surface, tone


def invalid_style() -> str:
    """How an editor with a problem is marked: a red border (and a pink field on a light palette)."""
    return f"border: 1px solid #c62828; border-radius: 3px; background: {surface('#fff6f6')};"


def problem_style() -> str:
    """The line under an editor that says what is wrong."""
    return f"color: {tone('#c62828')}; font-size: 9pt;"


# Currencies offered first: the region's, then the usual others; any ISO code can be typed.
COMMON_CURRENCIES = ("USD", "CRC", "GTQ", "HNL", "NIO", "PAB", "DOP", "MXN", "COP", "PEN", "ARS", "BRL",
                     "CLP", "EUR")


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirmForm", text)


def legal_form_choices() -> list[tuple[str, str]]:
    """(code, label) of the legal forms, in the validation module's order."""
    labels = {
        "persona_natural": _tr("Persona natural"), "sociedad_anonima": _tr("Sociedad anónima"),
        "sociedad_responsabilidad_limitada": _tr("Sociedad de responsabilidad limitada"),
        "cooperativa": _tr("Cooperativa"), "asociacion": _tr("Asociación o fundación"),
        "empresa_individual": _tr("Empresa individual (EIRL)"), "otra": _tr("Otra"),
    }
    return [(code, labels.get(code, code)) for code in LEGAL_FORMS]


def gender_choices() -> list[tuple[str, str]]:
    """(code, label) of the gender answers."""
    return [("F", _tr("Mujer")), ("M", _tr("Hombre")), ("X", _tr("Otro / no indica"))]


def registration_choices() -> list[tuple[bool, str]]:
    """(value, label) for the formal registration question."""
    return [(True, _tr("Sí, registrada")), (False, _tr("No registrada"))]


@lru_cache(maxsize=64)
def subdivisions(country: str | None) -> tuple[str, ...]:
    """Names of the first-level subdivisions (departments, provinces) of a country."""
    if not country:
        return ()
    found = pycountry.subdivisions.get(country_code=country.upper()) or []
    top = [s.name for s in found if getattr(s, "parent_code", None) is None]
    return tuple(sorted(top, key=str.casefold))


@lru_cache(maxsize=1)
def country_choices(lang: str = "es") -> tuple[tuple[str, str], ...]:
    """(code, name) of every country, names in the language given, sorted by name."""
    names = Locale(lang).territories
    rows = [(c.alpha_2, names.get(c.alpha_2, c.name)) for c in pycountry.countries]
    return tuple(sorted(rows, key=lambda row: row[1].casefold()))


def local_currency(country: str | None) -> str | None:
    """The currency a country uses today (babel's territory data), or None."""
    if not country:
        return None
    from babel.numbers import get_territory_currencies

    found = get_territory_currencies(country.upper())
    return found[0] if found else None


def combo(name: str, choices, blank: str | None = "—", editable: bool = False) -> QComboBox:
    """A combo of (data, label) choices, with an optional blank first entry."""
    box = QComboBox(objectName=name, editable=editable)
    if blank is not None:
        box.addItem(blank, None)
    for data, label in choices:
        box.addItem(label, data)
    return box


def editor_value(editor: QWidget):
    """What an editor holds, as the validation functions take it (text or choice data)."""
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QComboBox):
        if editor.isEditable():
            text = editor.currentText().strip()
            index = editor.findText(text)
            data = editor.itemData(index) if index >= 0 else None
            return data if data is not None else text
        return editor.currentData()
    return editor.text()


def set_editor_value(editor: QWidget, value) -> None:
    """Show a stored value in an editor."""
    if isinstance(editor, QPlainTextEdit):
        editor.setPlainText("" if value is None else str(value))
    elif isinstance(editor, QComboBox):
        index = editor.findData(value)
        if index < 0 and editor.isEditable():
            editor.setEditText("" if value is None else str(value))
        else:
            editor.setCurrentIndex(max(index, 0))
    else:
        editor.setText("" if value is None else str(value))


class ProblemLine(QLabel):
    """Reserved lines under an editor that say what is wrong with it.

    The space is kept while empty, so fields never move as messages come and go
    (a click always lands where the adviser aimed). A sentence longer than the space
    ends in "…"; the whole of it is in the tooltip of the line and of the editor (and
    the firm form repeats it in full at its foot for the field being typed in).
    """

    def __init__(self, name: str, lines: int = 1, colour: str = "#c62828", parent: QWidget | None = None):
        super().__init__(parent, objectName=name)
        self.setStyleSheet(f"color: {tone(colour)};")
        font = self.font()
        font.setPointSizeF(9)
        self.setFont(font)
        self.message = ""
        self.lines = lines
        self.setWordWrap(lines > 1)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 2)
        self.setMinimumWidth(1)

    def show_message(self, message: str) -> None:
        self.message = message
        self.setToolTip(message)
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        if self.lines > 1:
            self.setText(self.message)
        else:
            self.setText(self.fontMetrics().elidedText(self.message, Qt.TextElideMode.ElideRight, self.width()))


class FieldBox(QWidget):
    """An editor with the line under it that says what is wrong (empty when nothing is)."""

    def __init__(self, editor: QWidget, extra: QWidget | None = None, display: QWidget | None = None,
                 parent: QWidget | None = None, lines: int = 1):
        """Args: ``extra`` goes under the editor (a hint, whose space is kept while it is
        hidden); ``display`` replaces the editor in the layout when the editor sits inside a wider row;
        ``lines`` is the room kept for the message."""
        super().__init__(parent)
        self.editor = editor
        self.problem = ProblemLine(f"{editor.objectName()}Problem", lines)
        if isinstance(editor, (QLineEdit, QComboBox)):
            # The red frame of a problem is a style sheet, which sizes an editor differently:
            # the natural height is kept so nothing under it moves.
            editor.setFixedHeight(editor.sizeHint().height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(display if display is not None else editor)
        if extra is not None:
            policy = extra.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            extra.setSizePolicy(policy)
            layout.addWidget(extra)
        layout.addWidget(self.problem)

    def set_problem(self, message: str | None) -> None:
        """Show ``message`` under the editor and mark it, or clear both (the space stays)."""
        self.problem.show_message(message or "")
        if message:
            self.editor.setStyleSheet(f"#{self.editor.objectName()} {{ {invalid_style()} }}")
            self.editor.setToolTip(message)
        else:
            self.editor.setStyleSheet("")
            self.editor.setToolTip("")

    @property
    def has_problem(self) -> bool:
        return bool(self.problem.message)


def line(name: str, placeholder: str = "") -> QLineEdit:
    """A line edit with an object name (tests and the style sheet find it by name)."""
    return QLineEdit(objectName=name, placeholderText=placeholder)
