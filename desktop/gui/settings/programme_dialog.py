"""The dialog that adds or edits one programme of the centre's directory.

Left: what the programme is (name, institution, country and territory, the family and the
instruments it serves). Right: whom it is for (sizes, sector types, stages, legal registration,
other requirements in plain words), whom to call, its dates and where the facts come from. A
refusal is said in one sentence under the fields and the cursor goes to the field; nothing
typed is lost.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import LABELS, SECTOR_TYPES, STAGES
from desktop.domain.directory import programme_from_row
from desktop.domain.errors import UserError
from desktop.gui.shared.accessibility import prepare, tone
from desktop.gui.shared.fields import country_choices
from desktop.services import profile, programmes

DATE_FORMAT = "%d/%m/%Y"


def _shown(iso: str | None) -> str:
    return dt.date.fromisoformat(iso[:10]).strftime(DATE_FORMAT) if iso else ""


class ProgrammeDialog(QDialog):
    """Añadir o editar un programa del directorio.

    Signals:
        saved(dict): the stored programme.
    """

    saved = Signal(dict)

    def __init__(self, context, record_id: str | None = None, parent: QWidget | None = None,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("programmeDialog")
        self.context, self.record_id, self.today = context, record_id, today
        self.rev: int | None = None
        self.setWindowTitle(self.tr("Editar programa") if record_id else self.tr("Añadir programa"))
        self.fields: dict[str, QWidget] = {}
        self._build()
        if record_id:
            self._load(programmes.programme_values(context.storage, record_id))
        else:
            country = profile.get_setting(context.storage, "default_country")
            self.country.setCurrentIndex(max(self.country.findData(country), 0))
            self.fields["checked_on"].setText((today or dt.date.today()).strftime(DATE_FORMAT))
            self._fill_instruments()
        self.resize(940, 600)
        prepare(self)
        self.fields["name"].setFocus()

    # --- building ------------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(objectName=name, placeholderText=placeholder)
        self.fields[name] = edit
        return edit

    def _checks(self, name: str, choices, columns: int) -> QWidget:
        box = QWidget(objectName=name)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        boxes = []
        for n, (code, text) in enumerate(choices):
            check = QCheckBox(text, objectName=f"{name}_{code}")
            check.setProperty("code", code)
            grid.addWidget(check, n // columns, n % columns)
            boxes.append(check)
        self.fields[name] = box
        box.setProperty("boxes", boxes)
        self._boxes = getattr(self, "_boxes", {})
        self._boxes[name] = boxes
        return box

    def _build(self) -> None:
        tr, lang = self.tr, self.context.lang
        left = QFormLayout()
        left.addRow(tr("&Programa"), self._line("name", tr("p. ej. Crédito para capital de trabajo")))
        left.addRow(tr("&Institución"), self._line("institution", tr("quien lo ofrece")))
        self.country = QComboBox(objectName="country")
        for code, name in country_choices(lang):
            self.country.addItem(name, code)
        self.fields["country"] = self.country
        left.addRow(tr("Paí&s"), self.country)
        left.addRow(tr("&Territorio"), self._line("territory", tr("todo el país, o departamentos separados por comas")))
        self.family = QComboBox(objectName="family")
        for code, text in programmes.family_choices(lang):
            self.family.addItem(text, code)
        self.fields["family"] = self.family
        left.addRow(tr("&Familia de instrumentos"), self.family)
        self.instruments = QListWidget(objectName="instruments")
        self.instruments.setMinimumHeight(150)
        self.instruments.setWordWrap(True)  # long titles wrap rather than hide behind a scroll bar
        self.instruments.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields["instruments"] = self.instruments
        left.addRow(tr("Instr&umentos"), self.instruments)
        left.addRow("", QLabel(tr("Ninguno marcado: sirve a toda la familia.")))

        right = QFormLayout()
        sizes = [("micro", tr("Micro")), ("pequena", tr("Pequeña")), ("mediana", tr("Mediana"))]
        right.addRow(tr("Tamaños (ninguno: todos)"), self._checks("sizes", sizes, 3))
        sectors = [(c, w) for c, w in zip(SECTOR_TYPES, (tr("Agroalimentario"), tr("Recursos naturales"),
                                                         tr("Manufactura tradicional"), tr("Intensivo en tecnología"),
                                                         tr("Comercio"), tr("Servicios")), strict=True)]
        right.addRow(tr("Sectores (ninguno: todos)"), self._checks("sectors", sectors, 2))
        right.addRow(tr("Etapas (ninguna: todas)"),
                     self._checks("stages", [(c, LABELS["stage"][c].text(lang)) for c in STAGES], 2))
        self.registration = QCheckBox(tr("Requiere inscripción legal"), objectName="requires_registration")
        self.fields["requires_registration"] = self.registration
        right.addRow("", self.registration)
        self.eligibility = QPlainTextEdit(objectName="eligibility")
        self.eligibility.setPlaceholderText(tr("otros requisitos en palabras sencillas, p. ej. ventas hasta 1 millón"))
        self.eligibility.setTabChangesFocus(True)
        self.eligibility.setMaximumHeight(52)
        self.fields["eligibility"] = self.eligibility
        right.addRow(tr("&Otros requisitos"), self.eligibility)
        right.addRow(tr("Persona de &contacto"), self._line("contact_name"))
        right.addRow(tr("Teléfo&no"), self._line("phone"))
        right.addRow(tr("Co&rreo"), self._line("email"))
        right.addRow(tr("Página &web"), self._line("web"))
        dates = QWidget()
        dates.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._line("valid_from", tr("dd/mm/aaaa")))
        until = QLabel(tr("&hasta"))
        until.setBuddy(self._line("valid_to", tr("sin fecha de fin")))
        row.addWidget(until)
        row.addWidget(self.fields["valid_to"])
        right.addRow(tr("&Vigente desde"), dates)
        right.labelForField(dates).setBuddy(self.fields["valid_from"])
        right.addRow(tr("Verificado con la institución el"), self._line("checked_on", tr("dd/mm/aaaa")))
        right.addRow(tr("Fuent&e"), self._line("source", tr("página o documento de la institución")))

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.error = QLabel(objectName="programmeError", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {tone('#c62828')}; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveProgramme")
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.family.currentIndexChanged.connect(lambda _i: self._fill_instruments())

    def _fill_instruments(self, checked: set[str] | None = None) -> None:
        """The catalogue's instruments of the chosen family, keeping the marks of those still listed."""
        checked = self.checked_instruments() if checked is None else checked
        family = self.family.currentData()
        self.instruments.clear()
        for iid, fam, title in programmes.instrument_choices(self.context.lang):
            if fam != family:
                continue
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, iid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if iid in checked else Qt.CheckState.Unchecked)
            self.instruments.addItem(item)

    def _load(self, row: dict) -> None:
        self.rev = row.get("rev")
        for name in ("name", "institution", "contact_name", "email", "web", "source"):
            self.fields[name].setText(row.get(name) or "")
        self.fields["phone"].setText(programme_from_row(row).phone_text())
        self.fields["territory"].setText(", ".join(row.get("territory") or []))
        for name in ("valid_from", "valid_to", "checked_on"):
            self.fields[name].setText(_shown(row.get(name)))
        self.country.setCurrentIndex(max(self.country.findData(row.get("country")), 0))
        self.family.blockSignals(True)
        self.family.setCurrentIndex(max(self.family.findData(row.get("family")), 0))
        self.family.blockSignals(False)
        self._fill_instruments(set(row.get("instruments") or []))
        for name in ("sizes", "sectors", "stages"):
            for check in self._boxes[name]:
                check.setChecked(check.property("code") in (row.get(name) or []))
        self.registration.setChecked(bool(row.get("requires_registration")))
        self.eligibility.setPlainText(row.get("eligibility") or "")

    # --- reading and saving --------------------------------------------------------------

    def checked_instruments(self) -> set[str]:
        return {self.instruments.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.instruments.count())
                if self.instruments.item(i).checkState() == Qt.CheckState.Checked}

    def values(self) -> dict:
        """What is typed, as the service takes it (lists of codes, text as typed)."""
        out = {name: self.fields[name].text() for name in ("name", "institution", "territory", "contact_name", "phone",
                                                          "email", "web", "valid_from", "valid_to", "checked_on",
                                                          "source")}
        out.update(country=self.country.currentData(), family=self.family.currentData(),
                   instruments=[self.instruments.item(i).data(Qt.ItemDataRole.UserRole)
                                for i in range(self.instruments.count())
                                if self.instruments.item(i).checkState() == Qt.CheckState.Checked],
                   requires_registration=self.registration.isChecked(),
                   eligibility=self.eligibility.toPlainText())
        for name in ("sizes", "sectors", "stages"):
            out[name] = [c.property("code") for c in self._boxes[name] if c.isChecked()]
        return out

    def save(self) -> bool:
        """Store the programme; on a refusal say why under the fields and go to the field, keeping every value."""
        storage, actor = self.context.storage, self.context.adviser_id
        try:
            if self.record_id:
                stored = programmes.update_programme(storage, self.record_id, self.values(), actor, self.today,
                                                     expected_rev=self.rev)
            else:
                stored = programmes.add_programme(storage, self.values(), actor, self.today)
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            target = self.fields.get(exc.field or "")
            if target is not None:
                target.setFocus()
            return False
        self.saved.emit(stored)
        self.accept()
        return True
