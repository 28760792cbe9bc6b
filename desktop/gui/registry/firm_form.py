"""The firm form: register a new client firm or edit one, checked while typing.

Every keystroke re-reads the whole form through the same cleaning the importer
and the services use (:func:`desktop.domain.registry.validation.clean_firm`), so what
the form accepts is exactly what can be stored. Problems are shown under the
field they concern; a missing required field is only pointed out once the
adviser has been in it or tried to save, so a new form does not open in red.
The form also shows, live, the USD value of each amount, the firm's size class
with its reason, and a warning when the firm seems to be registered already.

A failed save never clears anything: the field at fault is marked and the
adviser fixes it in place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from desktop.domain.errors import UserError
from desktop.domain.registry.validation import clean_firm, parse_int, tax_id_info, tax_id_note
from desktop.domain.sizing import FirmFigures, class_label, classify
from desktop.gui.registry.classify_panel import CLASS_COLOURS
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import prepare, tone
from desktop.gui.shared.fields import (
    COMMON_CURRENCIES,
    FieldBox,
    editor_value,
    local_currency,
    set_editor_value,
    subdivisions,
)
from desktop.services import profile
from desktop.services.errors import StorageError
from desktop.services.registry.duplicates import DuplicateFinder
from desktop.services.registry.firms import get_firm, register_firm, update_firm
from desktop.services.sync import conflicts_of

REQUIRED = ("legal_name", "country")
MONEY_STEMS = ("sales", "assets", "exports")


class FirmFormDialog(QDialog):
    """Create (``firm_id`` None) or edit a client firm.

    Signals:
        saved(str): the firm's id, after it was stored.

    Args:
        context: the :class:`~desktop.gui.shared.context.AppContext`.
        firm_id: the firm to edit, or None for a new one.

    Raises:
        UserError: ``firm_id`` names no live firm.
    """

    saved = Signal(str)

    def __init__(self, context, firm_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.storage = context.storage
        self.firm_id = firm_id
        self.firm = get_firm(self.storage, firm_id) if firm_id else None
        if firm_id and self.firm is None:
            raise UserError(self.tr("La empresa no existe o fue eliminada."), field="id")
        self._rev = self.firm["rev"] if self.firm else None
        self._rates = profile.get_setting(self.storage, "exchange_rates") or {}
        self.finder = DuplicateFinder(self.storage, exclude_id=firm_id)
        self.duplicate = None
        self.record: dict = {}
        self.problems: dict[str, str] = {}
        self.classification = None
        self._touched: set[str] = set()
        self._total_follows = True
        self._show_all = False
        self._loading = True

        self.setObjectName("firmForm")
        self.setWindowTitle(self.tr("Editar empresa") if self.firm else self.tr("Nueva empresa"))
        self.boxes: dict[str, FieldBox] = {}
        self._build()
        self._load(self.firm or self._defaults())
        self._loading = False
        self._baseline = self.values()
        self.refresh()
        prepare(self)

    def keyPressEvent(self, event) -> None:
        # Enter in a field moves on to the next one, as Tab does: saving is an explicit
        # action (the Save button, Ctrl+Enter or Ctrl+S), so an Enter that closes a combo's
        # list or ends a line never saves a half-filled form. The notes box keeps Enter for
        # new lines and buttons keep Enter for pressing them (they never let the key through).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier) and not isinstance(
                self.focusWidget(), (QPlainTextEdit, QPushButton)):
            event.accept()
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    # --- reading the form ---------------------------------------------------------

    def values(self) -> dict:
        """What the form holds, field -> raw value (text or choice data)."""
        return {name: editor_value(box.editor) for name, box in self.boxes.items()}

    def editor(self, name: str) -> QWidget:
        """The editor of a field (tests type into it)."""
        return self.boxes[name].editor

    def problem_text(self, name: str) -> str:
        """The problem shown under a field ('' when none)."""
        box = self.boxes[name]
        return box.problem.message

    @property
    def dirty(self) -> bool:
        """True when something was changed since the form opened or was saved."""
        return self.values() != self._baseline

    # --- live checks ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-check everything typed and update problems, USD values, class and duplicates."""
        if self._loading:
            return
        values = self.values()
        self.record, self.problems = clean_firm(values)
        for name, box in self.boxes.items():
            message = self.problems.get(name)
            blank = values.get(name) in (None, "")
            if message and blank and not (self._show_all or name in self._touched):
                message = None  # a required field is not pointed at before the adviser got to it
            box.set_problem(message)
        self._show_tax_id_hint(values)
        self._show_usd()
        self._show_class()
        self._show_duplicate()
        self._show_focused_problem()

    def _show_focused_problem(self, *_args) -> None:
        """Repeat in full, at the foot, the problem of the field that has the focus."""
        focused = self.focusWidget()
        message = next((box.problem.message for box in self.boxes.values()
                        if box.editor is focused or (focused is not None and box.editor.isAncestorOf(focused))), "")
        self.field_message.setText(message)
        self.field_message.setVisible(bool(message))

    def _show_tax_id_hint(self, values: dict) -> None:
        country = self.record.get("country")
        compact, kind, message = tax_id_info(country, values.get("tax_id"))
        if compact and kind and not message:
            text = self.tr("{kind} válido ({compact})").format(kind=kind.replace("_", " "), compact=compact)
            note = tax_id_note(country)
            self.tax_hint.show_message(f"{text}. {note}" if note else text)
        else:
            self.tax_hint.show_message("")

    def _show_usd(self) -> None:
        currency = self.record.get("currency") or "USD"
        for stem in MONEY_STEMS:
            label = self.usd_labels[stem]
            usd = self.record.get(f"{stem}_usd")
            if usd is None or currency == "USD" or f"{stem}_amount" in self.problems or "usd_rate" in self.problems:
                label.setText("")
            else:
                label.setText(self.tr("≈ US$ {amount}").format(amount=self.locale().toString(int(usd))))

    def _show_class(self) -> None:
        lang = self.context.lang
        record = self.record
        country = record.get("country")
        if not country:
            self.classification = None
            self.class_name.setText("—")
            self.class_name.setStyleSheet("font-size: 13pt; font-weight: bold;")
            self.class_reason.setText(self.tr("Elija el país para clasificar la empresa."))
            return
        figures = FirmFigures(employees=record.get("employees"), sales_usd=record.get("sales_usd"),
                              assets_usd=record.get("assets_usd"), exports_usd=record.get("exports_usd"),
                              sector=record.get("sector_isic"))
        try:
            result = classify(country, figures)
        except UserError as exc:
            self.classification = None
            self.class_name.setText(class_label("sin_clasificar", lang))
            self.class_name.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {tone('#616161')};")
            self.class_reason.setText(exc.message)
            return
        self.classification = result
        colour = CLASS_COLOURS.get(result.size_class, "#000")
        self.class_name.setText(result.label(lang))
        self.class_name.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {tone(colour)};")
        self.class_reason.setText(result.reason(lang))

    def _show_duplicate(self) -> None:
        record = self.record
        self.duplicate = self.finder.find(record.get("country"), record.get("municipality"),
                                          record.get("legal_name"), record.get("tax_id"))
        if self.duplicate is None:
            self.duplicate_banner.hide()
            return
        if self.duplicate.reason == "tax_id":
            text = self.tr("Ya existe una empresa con esta identificación tributaria: «{name}».")
        else:
            text = self.tr("Ya existe una empresa con un nombre casi igual en este municipio: «{name}».")
        self.duplicate_text.setText(text.format(name=self.duplicate.legal_name))
        self.duplicate_banner.show()

    def open_duplicate(self) -> None:
        """Ask the application to open the firm this one seems to repeat."""
        if self.duplicate is not None:
            self.context.signals.firm_open_requested.emit(self.duplicate.firm_id)

    # --- saving and leaving ---------------------------------------------------------

    def save(self) -> bool:
        """Store the firm; on a problem, mark the field and keep everything typed.

        Returns:
            True when the firm was stored (the dialog is then accepted).
        """
        self._show_all = True
        self.refresh()
        if self.problems:
            first = next(name for name in self.boxes if name in self.problems)
            self._fail(self.tr("Revise los campos marcados en rojo."), first)
            return False
        if self.firm_id is not None and not self._conflict_allows_saving():
            return False
        data = {k: v for k, v in self.record.items() if k != "adviser_id"}
        actor = self.context.adviser_id
        try:
            if self.firm_id is None:
                data["adviser_id"] = actor
                firm = register_firm(self.storage, data, actor)
            else:
                firm = update_firm(self.storage, self.firm_id, data, actor, expected_rev=self._rev)
        except UserError as exc:
            if isinstance(exc, StorageError):
                messages.show_error(self, exc)
            if exc.field in self.boxes:
                self.boxes[exc.field].set_problem(exc.message)
            self._fail(exc.message, exc.field if exc.field in self.boxes else None)
            return False
        self.firm_id, self.firm, self._rev = firm["id"], firm, firm["rev"]
        self._baseline = self.values()
        self.context.signals.firms_changed.emit()
        self.saved.emit(firm["id"])
        self.accept()
        return True

    def _conflict_allows_saving(self) -> bool:
        """An edit settles an open sync conflict in favour of this version: ask first.

        Nothing is lost either way (the other device's values stay in the
        history), but the adviser should choose knowingly; the usual path is
        to resolve the conflict field by field in Sincronización.
        """
        if not conflicts_of(self.storage, "firms", self.firm_id):
            return True
        return messages.confirm(
            self, self.tr("Conflicto de sincronización"),
            self.tr("Otro equipo modificó esta empresa al mismo tiempo y el conflicto sigue sin resolver. "
                    "Si guarda ahora, esta versión queda como la válida y la del otro equipo solo en el "
                    "historial. ¿Guardar de todos modos? (Para elegir campo por campo, use Sincronización.)"))

    def _fail(self, message: str, field: str | None) -> None:
        self.status.setText(message)
        self.status.show()
        if field is not None:
            self.boxes[field].editor.setFocus()

    def reject(self) -> None:
        """Esc or Cancelar: leave, asking first if something typed would be lost."""
        if self.dirty and self.result() != QDialog.DialogCode.Accepted and not messages.confirm(
            self, self.tr("Descartar cambios"),
            self.tr("¿Cerrar el formulario sin guardar lo que escribió?"),
        ):
            return
        super().reject()

    # --- building -----------------------------------------------------------------------

    def _defaults(self) -> dict:
        country = profile.get_setting(self.storage, "default_country") or "SV"
        return {"country": country, "currency": "USD", "usd_rate": "1"}

    def _load(self, firm: dict) -> None:
        country = firm.get("country")
        set_editor_value(self.editor("country"), country)
        self._fill_departments(country)
        self._fill_currencies(firm.get("currency"))
        firm = dict(firm)
        women, men = firm.get("employees_women"), firm.get("employees_men")
        # A total that is just the sum (or none yet) follows women and men as they are typed.
        self._total_follows = firm.get("employees") in (None, "") or (
            (women is not None or men is not None) and firm.get("employees") == (women or 0) + (men or 0))
        for name, box in self.boxes.items():
            if name != "country":
                set_editor_value(box.editor, firm.get(name))
        self._currency_changed()

    def _build(self) -> None:
        from desktop.gui.registry.firm_form_layout import build_form

        build_form(self)
        self._connect()

    def _connect(self) -> None:
        for name, box in self.boxes.items():
            editor = box.editor
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _t, n=name: self._edited(n))
            elif isinstance(editor, QPlainTextEdit):
                editor.textChanged.connect(lambda n=name: self._edited(n))
            elif isinstance(editor, QComboBox):
                editor.currentIndexChanged.connect(lambda _i, n=name: self._edited(n))
                if editor.isEditable():
                    editor.editTextChanged.connect(lambda _t, n=name: self._edited(n))
        self.editor("country").currentIndexChanged.connect(self._country_changed)
        self.editor("currency").currentTextChanged.connect(self._currency_changed)
        self.duplicate_button.clicked.connect(self.open_duplicate)
        QApplication.instance().focusChanged.connect(self._show_focused_problem)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        if name == "employees":
            self._total_follows = self.editor("employees").text().strip() == ""
        elif name in ("employees_women", "employees_men") and self._total_follows:
            self._follow_parts()
        self.status.hide()
        self.refresh()

    def _follow_parts(self) -> None:
        """Show the sum of women and men in the total while the adviser has not typed a total."""
        parts = []
        for name in ("employees_women", "employees_men"):
            try:
                parts.append(parse_int(self.editor(name).text(), name))
            except UserError:
                return  # a part that is not a number yet: leave the total as it is
        known = [p for p in parts if p is not None]
        self.editor("employees").setText(str(sum(known)) if known else "")

    def _country_changed(self) -> None:
        if self._loading:
            return
        country = editor_value(self.editor("country"))
        self._fill_departments(country)
        if self.firm is None and "currency" not in self._touched:
            local = local_currency(country)
            if local and (local == "USD" or local in self._rates):
                set_editor_value(self.editor("currency"), local)
        self.refresh()

    def _currency_changed(self) -> None:
        currency = str(editor_value(self.editor("currency")) or "").strip().upper()
        rate = self.editor("usd_rate")
        rate.setEnabled(currency != "USD")
        if currency == "USD":
            rate.setText("1")
        elif not self._loading and "usd_rate" not in self._touched:
            rate.setText(self._rates.get(currency, ""))
        self.refresh()

    def _fill_departments(self, country: str | None) -> None:
        box: QComboBox = self.editor("department")
        current = box.currentText()
        box.blockSignals(True)
        box.clear()
        box.addItem("")
        box.addItems(list(subdivisions(country)))
        box.setEditText(current)
        box.blockSignals(False)

    def _fill_currencies(self, current: str | None) -> None:
        box: QComboBox = self.editor("currency")
        codes = list(COMMON_CURRENCIES) + sorted(set(self._rates) - set(COMMON_CURRENCIES))
        if current and current not in codes:
            codes.append(current)
        box.blockSignals(True)
        box.clear()
        box.addItems(codes)
        box.blockSignals(False)
