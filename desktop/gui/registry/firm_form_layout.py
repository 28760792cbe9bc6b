"""The look of the firm form: its groups, editors, live panels and buttons.

Kept apart from :mod:`desktop.gui.registry.firm_form` (the behaviour) so each stays
short. :func:`build_form` creates every editor in reading order, which is also
the Tab order, and stores what the behaviour needs on the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.shared.accessibility import surface, tone
from desktop.gui.shared.fields import (
    FieldBox,
    ProblemLine,
    combo,
    country_choices,
    gender_choices,
    legal_form_choices,
    line,
    registration_choices,
)


def _form(group: QGroupBox) -> QFormLayout:
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(6)
    return form


def _add(dialog, form: QFormLayout, name: str, label: str, editor, extra: QWidget | None = None,
         required: bool = False, display: QWidget | None = None) -> FieldBox:
    box = FieldBox(editor, extra, display)
    text = f"{label} *" if required else label
    caption = QLabel(text)
    caption.setBuddy(editor)
    form.addRow(caption, box)
    dialog.boxes[name] = box
    return box


def build_form(dialog) -> None:
    """Create the form's widgets on ``dialog`` (a :class:`FirmFormDialog`)."""
    tr = dialog.tr
    lang = dialog.context.lang

    # Duplicate warning, hidden until the typed firm matches a registered one.
    dialog.duplicate_banner = QFrame(objectName="duplicateBanner")
    dialog.duplicate_banner.setStyleSheet(
        f"#duplicateBanner {{ background: {surface('#fff4e5')}; border: 1px solid #f0a030; border-radius: 4px; }}")
    dialog.duplicate_text = QLabel(objectName="duplicateText", wordWrap=True)
    dialog.duplicate_button = QPushButton(tr("Abrir la empresa existente"), objectName="openDuplicate")
    banner = QHBoxLayout(dialog.duplicate_banner)
    banner.addWidget(QLabel("⚠"))
    banner.addWidget(dialog.duplicate_text, 1)
    banner.addWidget(dialog.duplicate_button)
    dialog.duplicate_banner.hide()

    ident = QGroupBox(tr("Identificación"))
    form = _form(ident)
    _add(dialog, form, "legal_name", tr("&Razón social"), line("legal_name", tr("p. ej. Café Las Nubes, S.A. de C.V.")),
         required=True)
    _add(dialog, form, "trade_name", tr("Nombre &comercial"), line("trade_name"))
    _add(dialog, form, "country", tr("&País"), combo("country", country_choices(lang), blank=None), required=True)
    dialog.tax_hint = ProblemLine("taxIdHint", colour="#2e7d32")  # its line is kept, like a problem's
    _add(dialog, form, "tax_id", tr("&Identificación tributaria"), line("tax_id", tr("NIT, RNC, cédula jurídica…")),
         extra=dialog.tax_hint)
    _add(dialog, form, "legal_form", tr("&Forma jurídica"), combo("legal_form", legal_form_choices()))
    _add(dialog, form, "formal_registration", tr("Registro formal"),
         combo("formal_registration", registration_choices()))
    _add(dialog, form, "year_founded", tr("&Año de fundación"), line("year_founded", tr("p. ej. 2015")))

    place = QGroupBox(tr("Ubicación"))
    form = _form(place)
    department = combo("department", [], blank=None, editable=True)
    department.setInsertPolicy(department.InsertPolicy.NoInsert)
    _add(dialog, form, "department", tr("&Departamento"), department)
    _add(dialog, form, "municipality", tr("&Municipio"), line("municipality"))
    _add(dialog, form, "address", tr("Dirección"), line("address"))

    activity = QGroupBox(tr("Actividad"))
    form = _form(activity)
    _add(dialog, form, "sector_isic", tr("Actividad (&CIIU)"), line("sector_isic", tr("CIIU Rev.4, p. ej. 1071 o C")))

    size = QGroupBox(tr("Tamaño y cifras"))
    form = _form(size)
    _add(dialog, form, "employees_women", tr("Empleadas mujeres"), line("employees_women"))
    _add(dialog, form, "employees_men", tr("Empleados hombres"), line("employees_men"))
    _add(dialog, form, "employees", tr("&Empleados (total)"), line("employees", tr("suma de mujeres y hombres")))
    currency = combo("currency", [], blank=None, editable=True)
    currency.setInsertPolicy(currency.InsertPolicy.NoInsert)
    _add(dialog, form, "currency", tr("M&oneda"), currency)
    _add(dialog, form, "usd_rate", tr("Tipo de cambio"), line("usd_rate", tr("unidades por 1 US$")))
    dialog.usd_labels = {}
    for stem, label in (("sales", tr("&Ventas anuales")), ("assets", tr("Ac&tivos")),
                        ("exports", tr("E&xportaciones anuales"))):
        usd = QLabel(objectName=f"{stem}Usd")
        usd.setStyleSheet(f"color: {tone('#555')};")
        usd.setMinimumWidth(120)
        amount = line(f"{stem}_amount", tr("en la moneda de la empresa"))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(amount, 1)
        row_layout.addWidget(usd)
        # The USD conversion sits beside the amount, inside the same box.
        _add(dialog, form, f"{stem}_amount", label, amount, display=row)
        dialog.usd_labels[stem] = usd

    dialog.class_name = QLabel(objectName="className")
    dialog.class_reason = QLabel(objectName="classReason", wordWrap=True)
    dialog.class_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    class_box = QFrame(objectName="classBox")
    class_box.setStyleSheet(
        f"#classBox {{ background: {surface('#f3f6f9')}; border: 1px solid #c9d6e2; border-radius: 4px; }}")
    class_layout = QVBoxLayout(class_box)
    class_layout.addWidget(QLabel(tr("Clasificación por tamaño (en vivo)")))
    class_layout.addWidget(dialog.class_name)
    class_layout.addWidget(dialog.class_reason)
    form.addRow(class_box)

    people = QGroupBox(tr("Personas y contacto"))
    form = _form(people)
    _add(dialog, form, "owner_name", tr("Propietario/a"), line("owner_name"))
    _add(dialog, form, "owner_gender", tr("Sexo del propietario/a"), combo("owner_gender", gender_choices()))
    _add(dialog, form, "contact_name", tr("Persona de contacto"), line("contact_name"))
    _add(dialog, form, "contact_gender", tr("Sexo del contacto"), combo("contact_gender", gender_choices()))
    _add(dialog, form, "phone", tr("Teléfono"), line("phone", tr("p. ej. 2661 0000 o +503 7000 0000")))
    _add(dialog, form, "email", tr("Correo &electrónico"), line("email", tr("nombre@dominio.com")))

    notes_group = QGroupBox(tr("Notas"))
    form = _form(notes_group)
    notes = QPlainTextEdit(objectName="notes")
    notes.setTabChangesFocus(True)
    notes.setMinimumHeight(90)
    notes.setPlaceholderText(tr("Lo que conviene recordar de la empresa"))
    _add(dialog, form, "notes", tr("&Notas"), notes)

    body = QWidget()
    grid = QGridLayout(body)
    grid.addWidget(ident, 0, 0)
    grid.addWidget(place, 1, 0)
    grid.addWidget(activity, 2, 0)
    grid.addWidget(people, 3, 0)
    grid.addWidget(size, 0, 1, 3, 1)
    grid.addWidget(notes_group, 3, 1)
    grid.setRowStretch(4, 1)
    grid.setColumnStretch(0, 1)
    grid.setColumnStretch(1, 1)
    scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    scroll.setWidget(body)

    # The whole sentence of the problem of the field being typed in (under a field only one line fits).
    dialog.field_message = QLabel(objectName="fieldMessage", wordWrap=True)
    dialog.field_message.setStyleSheet("color: #c62828;")
    dialog.field_message.hide()
    dialog.status = QLabel(objectName="formStatus", wordWrap=True)
    dialog.status.setStyleSheet(f"color: {tone('#c62828')}; font-weight: bold;")
    dialog.status.hide()
    dialog.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setText(tr("&Guardar"))
    save.setObjectName("saveButton")
    save.setToolTip(tr("Ctrl+Enter o Ctrl+S (Enter en un campo pasa al siguiente)"))
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(tr("Cancelar"))
    cancel.setObjectName("cancelButton")
    footer = QHBoxLayout()
    footer.addWidget(QLabel(tr("* obligatorio")))
    footer.addWidget(dialog.status, 1)
    footer.addWidget(dialog.buttons)

    layout = QVBoxLayout(dialog)
    # The banner sits under the fields, so showing it never pushes a field away from the pointer.
    layout.addWidget(scroll, 1)
    layout.addWidget(dialog.duplicate_banner)
    layout.addWidget(dialog.field_message)
    layout.addLayout(footer)

    # Tab follows reading order: the left column, then the figures, then the notes.
    order = ["legal_name", "trade_name", "country", "tax_id", "legal_form", "formal_registration", "year_founded",
             "department", "municipality", "address", "sector_isic", "owner_name", "owner_gender", "contact_name",
             "contact_gender", "phone", "email", "employees_women", "employees_men", "employees", "currency",
             "usd_rate", "sales_amount", "assets_amount", "exports_amount", "notes"]
    editors = [dialog.boxes[name].editor for name in order] + [save, cancel]
    for first, second in zip(editors, editors[1:]):
        QWidget.setTabOrder(first, second)
    dialog.resize(1060, 830)
