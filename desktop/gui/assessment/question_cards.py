"""One interview question as a card: text, help, an answer widget fitting its type,
the "no sabe / no aplica / prefiere no responder" choices, evidence and a note.

A card knows nothing about storage: it emits :attr:`QuestionCard.changed` with
the question id every time the adviser changes anything, and the wizard saves
:meth:`QuestionCard.answer` at once.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import SPECIAL_CODES, Answer, Question, label
from desktop.gui.shared.plain_text import rich
from desktop.gui.shared.accessibility import focusable, surface, tone

NOTE_SAVE_DELAY_MS = 800


def parse_number(text: str) -> Decimal | None:
    """A number as typed in Spanish or English ("12,5", "12.5", "1 200"); None if not a number."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return None
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class QuestionCard(QFrame):
    """The widgets for one question; ``changed(question_id)`` after every edit."""

    changed = Signal(str)

    def __init__(self, question: Question, number: int, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question
        self.lang = lang
        self.setObjectName(f"card_{question.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QuestionCard {{ background: {surface('white')}; border: 1px solid #c9d6df; "
                           "border-radius: 6px; }")
        self._loading = False
        self.value_buttons: dict[object, QAbstractButton] = {}
        self.number_edit: QLineEdit | None = None
        self.none_box: QCheckBox | None = None

        title = QLabel(f"<b>{number}.</b> {_html(question.text.text(lang))}", objectName="questionText")
        rich(title).setWordWrap(True)
        title.setStyleSheet("font-size: 11pt;")
        help_label = QLabel(question.help.text(lang), objectName="questionHelp")
        help_label.setWordWrap(True)
        help_label.setStyleSheet(f"color: {tone('#55606a')}; font-style: italic;")

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(help_label)
        layout.addWidget(self._value_widget())
        layout.addLayout(self._special_row())
        layout.addLayout(self._extra_row())
        # A screen reader says which question a "Sí" or a note belongs to.
        if self.number_edit is not None:
            self.number_edit.setAccessibleName(self.tr("Respuesta a la pregunta {n}").format(n=number))
        self.note_edit.setAccessibleName(self.tr("Nota sobre la pregunta {n}").format(n=number))
        asked = f"{number}. {question.text.text(lang)}"
        for widget in self.findChildren(QWidget):
            if focusable(widget) and not widget.accessibleDescription():
                widget.setAccessibleDescription(asked)

    # --- building -----------------------------------------------------------

    def _value_widget(self) -> QWidget:
        q, lang = self.question, self.lang
        box = QWidget(objectName="valueBox")
        grid = QGridLayout(box)
        grid.setContentsMargins(12, 0, 0, 0)
        self.value_group = QButtonGroup(self)
        self.value_group.setExclusive(q.type != "multi_choice")
        if q.type == "yes_no":
            choices = [(True, self.tr("Sí")), (False, self.tr("No"))]
        elif q.type == "level":
            choices = [(n, f"{n} — {text.text(lang)}") for n, text in enumerate(q.levels)]
        elif q.type in ("single_choice", "multi_choice"):
            choices = [(o.id, o.label.text(lang)) for o in q.options]
        else:
            choices = []
        for row, (value, text) in enumerate(choices):
            button = QCheckBox(text) if q.type == "multi_choice" else QRadioButton(text)
            button.setObjectName(f"value_{value}")
            self.value_group.addButton(button)
            self.value_buttons[value] = button
            if q.type == "yes_no":
                grid.addWidget(button, 0, row)
            else:
                grid.addWidget(button, row, 0)
        if q.type == "yes_no":
            grid.setColumnStretch(len(choices), 1)
        self.value_group.buttonToggled.connect(self._value_toggled)
        if q.type == "multi_choice":
            self.none_box = QCheckBox(self.tr("Ninguna de estas"), objectName="value_none")
            self.none_box.toggled.connect(self._none_toggled)
            grid.addWidget(self.none_box, len(choices), 0)
        if q.type == "number":
            self.number_edit = QLineEdit(objectName="numberEdit")
            self.number_edit.setMaximumWidth(140)
            self.number_edit.editingFinished.connect(self._number_edited)
            unit = q.unit.text(lang) if q.unit else ""
            top = f"{q.maximum}" if q.maximum is not None else self.tr("o más")
            hint = QLabel(f"{unit}  ({self.tr('de')} {q.minimum} {self.tr('a')} {top})")
            hint.setStyleSheet(f"color: {tone('#55606a')};")
            self.number_error = QLabel(objectName="numberError")
            self.number_error.setStyleSheet(f"color: {tone('#b00020')};")
            grid.addWidget(self.number_edit, 0, 0)
            grid.addWidget(hint, 0, 1)
            grid.addWidget(self.number_error, 1, 0, 1, 2)
            grid.setColumnStretch(2, 1)
        return box

    def _special_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(12, 0, 0, 0)
        self.special_group = QButtonGroup(self)
        self.special_buttons: dict[str, QCheckBox] = {}
        for code in SPECIAL_CODES:
            # Check boxes in an exclusive group: one at most, and a click can clear it.
            button = QCheckBox(label("code", code, self.lang), objectName=f"special_{code}")
            button.setStyleSheet(f"color: {tone('#55606a')};")
            self.special_group.addButton(button)
            self.special_buttons[code] = button
            row.addWidget(button)
            button.toggled.connect(lambda on, c=code: self._special_toggled(c, on))
        self.special_group.setExclusive(False)
        row.addStretch(1)
        return row

    def _extra_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(12, 0, 0, 0)
        self.document_box = QCheckBox(self.tr("Documento visto por el asesor"), objectName="evidence")
        self.document_box.setToolTip(self.tr("Sin marcar: declarado por el propietario."))
        self.document_box.toggled.connect(self._emit)
        self.note_edit = QLineEdit(objectName="note", placeholderText=self.tr("Nota (opcional)"))
        self.note_edit.editingFinished.connect(self._note_edited)
        # A note is saved a moment after the adviser stops typing too, so a
        # crash or a closed lid mid-sentence loses at most a second of it.
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._note_edited)
        self.note_edit.textEdited.connect(self._note_timer.start)
        self._saved_note = ""
        row.addWidget(self.document_box)
        row.addWidget(self.note_edit, 1)
        return row

    # --- state --------------------------------------------------------------

    def value(self):
        """The value the widgets show, or None when nothing is chosen or typed."""
        q = self.question
        if q.type == "number":
            return parse_number(self.number_edit.text())
        if q.type == "multi_choice":
            chosen = [v for v, b in self.value_buttons.items() if b.isChecked()]
            if chosen:
                return chosen
            return [] if self.none_box.isChecked() else None
        return next((v for v, b in self.value_buttons.items() if b.isChecked()), None)

    def special(self) -> str | None:
        """The special code chosen, or None."""
        return next((c for c, b in self.special_buttons.items() if b.isChecked()), None)

    def answer(self) -> Answer | None:
        """The answer as shown; None when the card is untouched (nothing to save)."""
        evidence = "documento" if self.document_box.isChecked() else "declarado"
        note = self.note_edit.text().strip()
        code = self.special()
        if code is not None:
            return Answer(code=code, evidence=evidence, note=note)
        value = self.value()
        if value is None and not note and evidence == "declarado":
            return None
        return Answer(value=value, evidence=evidence, note=note)

    def is_answered(self) -> bool:
        """True when the card holds a value or a special code."""
        return self.special() is not None or self.value() is not None

    def set_answer(self, answer: Answer | None) -> None:
        """Show a stored answer without emitting :attr:`changed`."""
        self._loading = True
        try:
            self._clear_values()
            for button in self.special_buttons.values():
                button.setChecked(False)
            answer = answer or Answer()
            if answer.code:
                self.special_buttons[answer.code].setChecked(True)
            elif answer.value is not None:
                self._show_value(answer.value)
            self.document_box.setChecked(answer.evidence == "documento")
            self.note_edit.setText(answer.note or "")
            self._saved_note = self.note_edit.text().strip()
        finally:
            self._loading = False

    def _show_value(self, value) -> None:
        q = self.question
        if q.type == "number":
            self.number_edit.setText(str(value))
        elif q.type == "multi_choice":
            for v in value:
                if v in self.value_buttons:
                    self.value_buttons[v].setChecked(True)
            if not value:
                self.none_box.setChecked(True)
        elif value in self.value_buttons:
            self.value_buttons[value].setChecked(True)

    def _clear_values(self) -> None:
        exclusive = self.value_group.exclusive()
        self.value_group.setExclusive(False)
        for button in self.value_buttons.values():
            button.setChecked(False)
        self.value_group.setExclusive(exclusive)
        if self.number_edit is not None:
            self.number_edit.clear()
            self.number_error.clear()
        if self.none_box is not None:
            self.none_box.setChecked(False)

    # --- reactions ----------------------------------------------------------

    def _emit(self, *_args) -> None:
        if not self._loading:
            self.changed.emit(self.question.id)

    def _value_toggled(self, _button, checked: bool) -> None:
        if self._loading:
            return
        if checked:
            self._loading = True
            for button in self.special_buttons.values():
                button.setChecked(False)
            if self.none_box is not None:
                self.none_box.setChecked(False)
            self._loading = False
        if checked or self.question.type == "multi_choice":
            self._emit()

    def _none_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        if checked:
            self._loading = True
            for button in self.value_buttons.values():
                button.setChecked(False)
            for button in self.special_buttons.values():
                button.setChecked(False)
            self._loading = False
        self._emit()

    def _special_toggled(self, code: str, on: bool) -> None:
        if self._loading:
            return
        self._loading = True
        if on:
            for other, button in self.special_buttons.items():
                if other != code:
                    button.setChecked(False)
            self._clear_values()
        self._loading = False
        self._emit()

    def _number_edited(self) -> None:
        q = self.question
        text = self.number_edit.text()
        value = parse_number(text)
        problem = ""
        if text.strip() and value is None:
            problem = self.tr("Escriba un número, por ejemplo 25 o 12,5.")
        elif value is not None and (value < q.minimum or (q.maximum is not None and value > q.maximum)):
            top = f" {self.tr('y')} {q.maximum}" if q.maximum is not None else self.tr(" o más")
            problem = self.tr("El valor debe estar entre") + f" {q.minimum}{top}."
        self.number_error.setText(problem)
        if problem:
            return  # nothing wrong is saved; the message stays until corrected
        if value is not None:
            self._loading = True
            for button in self.special_buttons.values():
                button.setChecked(False)
            self._loading = False
        self._emit()

    def _note_edited(self) -> None:
        self._note_timer.stop()
        note = self.note_edit.text().strip()
        if note != self._saved_note:
            self._saved_note = note
            self._emit()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

