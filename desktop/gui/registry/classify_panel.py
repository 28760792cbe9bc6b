"""The "Clasificar empresa" panel: size class and its reason, live while typing.

The adviser picks a country and types the firm's figures; every keystroke
re-runs the pure classification engine (microseconds) and shows the class, the
sentence that explains it, what each criterion alone says, and the rulebook used.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QLocale, QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.domain.sizing import Classification, FirmFigures, class_label, classify, supported_countries
from desktop.gui.shared.accessibility import tone

# Digits with optional spaces, dots or commas as thousands separators.
_WHOLE_NUMBER = QRegularExpression(r"^[0-9][0-9 .,]*$")

CLASS_COLOURS = {
    "micro": "#2e7d32",
    "pequena": "#1565c0",
    "mediana": "#6a1b9a",
    "grande": "#c62828",
    "sin_clasificar": "#616161",
}


def parse_whole(text: str) -> int | None:
    """Parse a whole number typed with optional thousands separators; '' is None.

    Raises:
        UserError: when the text is not a whole number.
    """
    cleaned = text.replace(" ", "").replace(".", "").replace(",", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise UserError("Escriba solo cifras, sin decimales.") from exc
    return int(value)


class ClassifyPanel(QWidget):
    """Form for a firm's figures with the live size classification beside it."""

    classified = Signal(object)  # Classification

    def __init__(self, parent: QWidget | None = None, lang: str = "es"):
        super().__init__(parent)
        self._lang = lang
        self.result: Classification | None = None

        self.country = QComboBox(objectName="country")
        for code, name in supported_countries():
            self.country.addItem(f"{name} ({code})", code)
        self.employees = self._number_field("employees", self.tr("p. ej. 12"))
        self.sales = self._number_field("sales", self.tr("anuales, en dólares de EE. UU."))
        self.assets = self._number_field("assets", self.tr("en dólares de EE. UU."))
        self.exports = self._number_field("exports", self.tr("anuales, en dólares de EE. UU."))
        self.sector = QLineEdit(objectName="sector", placeholderText=self.tr("CIIU Rev.4, p. ej. 1071"))

        form = QFormLayout()
        form.addRow(self.tr("&País"), self.country)
        form.addRow(self.tr("&Empleados"), self.employees)
        form.addRow(self.tr("&Ventas brutas anuales (USD)"), self.sales)
        form.addRow(self.tr("&Activos (USD)"), self.assets)
        form.addRow(self.tr("E&xportaciones (USD)"), self.exports)
        form.addRow(self.tr("Sec&tor (CIIU)"), self.sector)
        self.units_note = QLabel(self.tr("Montos en dólares de EE. UU., en unidades (no en miles): "
                                         "250000 son doscientos cincuenta mil dólares."),
                                 objectName="unitsNote", wordWrap=True)
        self.units_note.setStyleSheet(f"color: {tone('#555')};")
        inputs = QGroupBox(self.tr("Datos de la empresa"))
        inputs_layout = QVBoxLayout(inputs)
        inputs_layout.addLayout(form)
        inputs_layout.addWidget(self.units_note)
        inputs_layout.addStretch(1)

        self.class_label = QLabel(objectName="classLabel")
        font = QFont(self.class_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.class_label.setFont(font)
        self.reason_label = QLabel(objectName="reasonLabel", wordWrap=True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.criteria_table = QTableWidget(0, 3, objectName="criteriaTable")
        self.criteria_table.setHorizontalHeaderLabels(
            [self.tr("Criterio"), self.tr("Valor"), self.tr("Clase según este criterio")]
        )
        self.criteria_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.criteria_table.verticalHeader().setVisible(False)
        self.criteria_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.criteria_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.criteria_table.setAccessibleName(self.tr("Clase según cada criterio"))
        self.criteria_table.setAccessibleDescription(self.tr("Una fila por criterio de la normativa: el valor "
                                                             "escrito y la clase que daría él solo."))
        self.exporter_label = QLabel(objectName="exporterLabel", wordWrap=True)
        self.notes_label = QLabel(objectName="notesLabel", wordWrap=True)
        self.rulebook_label = QLabel(objectName="rulebookLabel", wordWrap=True)
        self.rulebook_label.setStyleSheet(f"color: {tone('#555')};")

        result_box = QGroupBox(self.tr("Clasificación por tamaño"))
        result_layout = QVBoxLayout(result_box)
        for widget in (self.class_label, self.reason_label, self.criteria_table,
                       self.exporter_label, self.notes_label, self.rulebook_label):
            result_layout.addWidget(widget)
        result_layout.addStretch(1)

        line = QFrame(frameShape=QFrame.Shape.VLine)
        layout = QHBoxLayout(self)
        layout.addWidget(inputs, 2)
        layout.addWidget(line)
        layout.addWidget(result_box, 3)

        self.country.currentIndexChanged.connect(self.refresh)
        for field in (self.employees, self.sales, self.assets, self.exports, self.sector):
            field.textChanged.connect(self.refresh)
        self.refresh()

    def set_country(self, code: str) -> None:
        """Select a country by its ISO code, if it has a rulebook."""
        index = self.country.findData(code.upper())
        if index >= 0:
            self.country.setCurrentIndex(index)

    def refresh(self) -> None:
        """Re-classify from what is typed and show the outcome."""
        try:
            figures = FirmFigures(
                employees=parse_whole(self.employees.text()),
                sales_usd=parse_whole(self.sales.text()),
                assets_usd=parse_whole(self.assets.text()),
                exports_usd=parse_whole(self.exports.text()),
                sector=self.sector.text().strip() or None,
            )
            result = classify(self.country.currentData(), figures)
        except UserError as exc:
            self._show_problem(exc.message)
            return
        self.result = result
        self._show(result)
        self.classified.emit(result)

    def _number_field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(objectName=name, placeholderText=placeholder)
        field.setValidator(QRegularExpressionValidator(_WHOLE_NUMBER, field))
        return field

    def _show_problem(self, message: str) -> None:
        self.result = None
        self.class_label.setText("—")
        self.class_label.setStyleSheet("")
        self.reason_label.setText(message)
        self.criteria_table.setRowCount(0)
        self.exporter_label.clear()
        self.notes_label.clear()

    def _show(self, result: Classification) -> None:
        lang = self._lang
        self.class_label.setText(class_label(result.size_class, lang))
        self.class_label.setStyleSheet(f"color: {tone(CLASS_COLOURS.get(result.size_class, '#000'))};")
        self.reason_label.setText(result.reason(lang))
        self.criteria_table.setRowCount(len(result.criteria))
        names = {"employees": self.tr("Empleados"), "sales": self.tr("Ventas brutas"),
                 "assets": self.tr("Activos")}
        for row, criterion in enumerate(result.criteria):
            value = QLocale().toString(int(criterion.value))
            if criterion.criterion != "employees":
                value = f"US$ {value}"
            cells = (names.get(criterion.criterion, criterion.criterion), value,
                     class_label(criterion.size_class, lang))
            for column, text in enumerate(cells):
                self.criteria_table.setItem(row, column, QTableWidgetItem(text))
        if result.exporter is not None:
            self.exporter_label.setText(result.exporter.text(lang))
        else:
            self.exporter_label.clear()
        notes = [note.text(lang) for note in result.notes]
        self.notes_label.setText("\n".join(f"• {n}" for n in notes))
        self.rulebook_label.setText(self.tr("Normativa aplicada: {rulebook}").format(rulebook=result.rulebook_text(lang)))
        self.rulebook_label.setToolTip(f"{result.rulebook_id} {result.rulebook_version}")
