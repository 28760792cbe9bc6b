"""The firm form: register by typing, live class, each validation message, saving rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.gui.registry.firm_form import FirmFormDialog
from desktop.services.registry.firm_list import FirmQuery, count_firms
from desktop.services.registry.firms import get_firm, register_firm, update_firm
from tests.gui.typing import type_text

GOOD_NIT = "0614-290186-102-2"  # a valid Salvadoran NIT (check digit 2)


@pytest.fixture
def form(context, qtbot, dialogs):
    dialog = FirmFormDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot, form, **fields):
    """Replace each field's text the way a user does: select all, delete, type."""
    for name, text in fields.items():
        editor = form.editor(name)
        editor.selectAll()
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        type_text(qtbot, editor, text)


def live_firms(context) -> int:
    return count_firms(context.storage, FirmQuery())


def test_register_a_firm_by_typing(form, context, qtbot):
    fill(qtbot, form, legal_name="Panadería La Espiga, S.A. de C.V.", tax_id=GOOD_NIT, municipality="San Miguel",
         employees_women="7", employees_men="5", sales_amount="250.000", phone="2661 0000",
         email="ventas@laespiga.com.sv", year_founded="2011", sector_isic="1071")
    with qtbot.waitSignal(context.signals.firms_changed), qtbot.waitSignal(form.saved) as saved:
        qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert form.result() == QDialog.DialogCode.Accepted
    firm = get_firm(context.storage, saved.args[0])
    assert firm["legal_name"] == "Panadería La Espiga, S.A. de C.V."
    assert firm["country"] == "SV"
    assert firm["tax_id"] == "06142901861022" and firm["tax_id_type"] == "NIT"
    assert (firm["employees_women"], firm["employees_men"], firm["employees"]) == (7, 5, 12)
    assert firm["sales_amount"] == "250000" and firm["sales_usd"] == 250000
    assert firm["phone"] == "+50326610000"
    assert firm["year_founded"] == 2011
    assert firm["size_class"] == "pequena"
    assert firm["created_by"] == context.adviser_id and firm["adviser_id"] == context.adviser_id


def test_class_and_reason_shown_live(form, qtbot):
    fill(qtbot, form, employees="4")
    assert form.class_name.text() == "Microempresa"
    assert "4" in form.class_reason.text()
    fill(qtbot, form, employees="75")
    assert form.class_name.text() == "Mediana empresa"
    assert "75" in form.class_reason.text()


@pytest.mark.parametrize("field, text, expected", [
    ("tax_id", "0614-290186-102-3", "dígito verificador"),
    ("phone", "12345", "no es un número válido de El Salvador"),
    ("email", "ventas@", "nombre@dominio.ext"),
    ("sales_amount", "-500", "no admite valores negativos"),
    ("assets_amount", "mucho", "debe ser un número como 1.234,56"),
    ("year_founded", "1750", "Año de fundación"),
    ("employees", "3,5", "El campo «Empleados» debe ser un número entero, como 12, no «3,5»."),
    ("employees_women", "1.234,56", "debe ser un número entero, como 12, no «1.234,56»."),
])
def test_each_problem_is_shown_under_its_field(form, qtbot, field, text, expected):
    fill(qtbot, form, **{field: text})
    assert expected in form.problem_text(field)
    assert form.boxes[field].problem.isVisible() and form.boxes[field].problem.text()
    assert "c62828" in form.editor(field).styleSheet()  # marked in red
    fill(qtbot, form, **{field: ""})
    assert form.problem_text(field) == ""
    assert form.editor(field).styleSheet() == ""


def test_missing_legal_name_is_pointed_out_on_save_not_before(form, context, qtbot):
    assert form.problem_text("legal_name") == ""  # a new form does not open in red
    fill(qtbot, form, municipality="Santa Ana")
    qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert form.problem_text("legal_name") == "Falta la razón social de la empresa."
    assert form.status.text() == "Revise los campos marcados en rojo."
    assert form.isVisible() and live_firms(context) == 0


def test_failed_save_keeps_everything_typed(form, context, qtbot):
    fill(qtbot, form, legal_name="Ferretería Ñandú", email="sin-arroba", notes="Visitada en marzo")
    typed = form.values()
    assert form.save() is False
    assert form.values() == typed
    assert form.editor("legal_name").text() == "Ferretería Ñandú"
    assert "nombre@dominio.ext" in form.problem_text("email")
    assert form.editor("email").hasFocus() or not form.isActiveWindow()
    assert live_firms(context) == 0


def test_local_currency_shows_usd_value(form, qtbot):
    form.editor("currency").setEditText("GTQ")
    fill(qtbot, form, usd_rate="7,8", sales_amount="1.560.000")
    assert form.usd_labels["sales"].text().startswith("≈ US$")
    assert "".join(c for c in form.usd_labels["sales"].text() if c.isdigit()) == "200000"
    fill(qtbot, form, usd_rate="")
    assert "tipo de cambio" in form.problem_text("usd_rate")


def test_duplicate_warning_for_same_tax_id_opens_existing(form, context, qtbot):
    existing = register_firm(context.storage, {"legal_name": "Café Luna", "country": "SV", "tax_id": GOOD_NIT}, None)
    assert not form.duplicate_banner.isVisible()
    fill(qtbot, form, legal_name="Otra razón social", tax_id=GOOD_NIT)
    assert form.duplicate_banner.isVisible()
    assert "con esta identificación tributaria" in form.duplicate_text.text()
    assert "Café Luna" in form.duplicate_text.text()
    with qtbot.waitSignal(context.signals.firm_open_requested) as opened:
        qtbot.mouseClick(form.duplicate_button, Qt.MouseButton.LeftButton)
    assert opened.args == [existing["id"]]


def test_duplicate_warning_for_similar_name_in_same_municipality(form, context, qtbot):
    register_firm(context.storage, {"legal_name": "Café Las Nubes, S.A. de C.V.", "country": "SV",
                                    "municipality": "Colón"}, None)
    fill(qtbot, form, legal_name="CAFE LAS NUBES SA DE CV", municipality="Santa Tecla")
    assert not form.duplicate_banner.isVisible()
    fill(qtbot, form, municipality="Colon")
    assert form.duplicate_banner.isVisible()
    assert "nombre casi igual" in form.duplicate_text.text()


def test_enter_moves_to_the_next_field_and_never_saves(form, context, qtbot):
    fill(qtbot, form, legal_name="Taller El Rayo")
    form.editor("legal_name").setFocus()
    qtbot.keyClick(form.editor("legal_name"), Qt.Key.Key_Return)
    assert form.isVisible() and live_firms(context) == 0
    assert form.focusWidget() is form.editor("trade_name")
    department = form.editor("department")
    department.setFocus()
    qtbot.keyClick(department, Qt.Key.Key_Return)
    assert form.isVisible() and live_firms(context) == 0
    assert form.focusWidget() is next_tab_stop(department)
    qtbot.keyClick(form.editor("notes"), Qt.Key.Key_Return)
    assert form.isVisible() and form.editor("notes").toPlainText() == "\n"
    qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert form.result() == QDialog.DialogCode.Accepted and live_firms(context) == 1


def test_total_employees_follows_women_and_men_as_typed(form, qtbot):
    fill(qtbot, form, employees_women="5")
    assert form.editor("employees").text() == "5"
    fill(qtbot, form, employees_men="4")
    assert form.editor("employees").text() == "9"
    fill(qtbot, form, employees="20")  # a total typed by the adviser stays
    fill(qtbot, form, employees_men="6")
    assert form.editor("employees").text() == "20"


def test_ctrl_enter_saves_from_the_notes(form, context, qtbot):
    fill(qtbot, form, legal_name="Taller El Rayo", notes="Cliente antiguo")
    form.editor("notes").setFocus()
    qtbot.keyClick(form.editor("notes"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.result() == QDialog.DialogCode.Accepted
    assert live_firms(context) == 1


def test_escape_asks_before_losing_typed_text(form, qtbot, dialogs):
    dialogs.answer = False
    fill(qtbot, form, legal_name="Algo escrito")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert len(dialogs.confirms) == 1 and form.isVisible()
    assert form.editor("legal_name").text() == "Algo escrito"
    dialogs.answer = True
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected


def test_escape_on_untouched_form_closes_without_asking(form, qtbot, dialogs):
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible() and dialogs.confirms == []


def test_edit_loads_the_firm_and_saves_changes(context, qtbot, dialogs):
    firm = register_firm(context.storage, {"legal_name": "Textiles Ávila", "country": "GT", "employees": 30,
                                           "municipality": "Mixco", "email": "info@avila.gt"}, None)
    dialog = FirmFormDialog(context, firm["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Editar empresa"
    assert dialog.editor("legal_name").text() == "Textiles Ávila"
    assert dialog.values()["country"] == "GT"
    assert dialog.editor("employees").text() == "30"
    assert not dialog.duplicate_banner.isVisible()  # a firm is not its own duplicate
    fill(qtbot, dialog, employees="120")
    assert dialog.save()
    stored = get_firm(context.storage, firm["id"])
    assert stored["employees"] == 120 and stored["rev"] == 2
    assert stored["updated_by"] == context.adviser_id
    assert stored["email"] == "info@avila.gt"


def test_edit_refused_when_someone_saved_meanwhile_keeps_contents(context, qtbot, dialogs):
    firm = register_firm(context.storage, {"legal_name": "Muebles del Istmo", "country": "PA"}, None)
    dialog = FirmFormDialog(context, firm["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    update_firm(context.storage, firm["id"], {"municipality": "Colón"}, None)
    fill(qtbot, dialog, trade_name="Istmo Muebles")
    assert dialog.save() is False
    assert "Otra persona guardó cambios" in dialog.status.text()
    assert dialog.editor("trade_name").text() == "Istmo Muebles"
    assert get_firm(context.storage, firm["id"])["trade_name"] is None


def test_edit_keeps_a_summed_total_following_women_and_men(context, qtbot, dialogs):
    firm = register_firm(context.storage, {"legal_name": "Costura Ana", "country": "SV", "employees_women": 7,
                                           "employees_men": 5}, None)
    dialog = FirmFormDialog(context, firm["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.editor("employees").text() == "12"
    fill(qtbot, dialog, employees_men="40")
    assert dialog.editor("employees").text() == "47"
    assert dialog.problem_text("employees") == ""
    assert dialog.save()
    assert get_firm(context.storage, firm["id"])["employees"] == 47


def test_default_country_departments_and_currency_follow_settings(context, qtbot, dialogs):
    from desktop.services import profile

    profile.save_settings(context.storage, {"default_country": "GT", "exchange_rates": {"GTQ": "7.8"}}, None)
    dialog = FirmFormDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.values()["country"] == "GT"
    departments = [dialog.editor("department").itemText(i) for i in range(dialog.editor("department").count())]
    assert "Quetzaltenango" in departments and "San Miguel" not in departments
    country = dialog.editor("country")
    country.setCurrentIndex(country.findData("SV"))
    assert dialog.values()["currency"] == "USD" and not dialog.editor("usd_rate").isEnabled()
    country.setCurrentIndex(country.findData("GT"))
    assert dialog.values()["currency"] == "GTQ"
    assert dialog.editor("usd_rate").text() == "7.8" and dialog.editor("usd_rate").isEnabled()


def next_tab_stop(widget):
    """The widget Tab moves to from ``widget`` (skipping what cannot take focus by Tab)."""
    candidate = widget.nextInFocusChain()
    while not (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and candidate.isVisible()
               and candidate.isEnabled()) or candidate.focusProxy() is not None:
        candidate = candidate.nextInFocusChain()
    return candidate


def test_tab_follows_reading_order(form):
    assert next_tab_stop(form.editor("legal_name")) is form.editor("trade_name")
    assert next_tab_stop(form.editor("email")) is form.editor("employees_women")
    assert next_tab_stop(form.editor("exports_amount")) is form.editor("notes")


def test_fields_do_not_move_when_a_message_comes_and_goes(form, qtbot):
    from PySide6.QtWidgets import QScrollArea

    body = form.findChild(QScrollArea).widget()
    below = form.editor("legal_form")  # right under the tax id

    def place():
        return below.mapTo(body, below.rect().topLeft())

    before = place()
    qtbot.mouseClick(form.editor("tax_id"), Qt.MouseButton.LeftButton)
    fill(qtbot, form, tax_id="0614-290186-102-3")
    qtbot.wait(10)
    message = form.problem_text("tax_id")
    assert message and form.boxes["tax_id"].problem.toolTip() == message
    assert form.boxes["tax_id"].problem.text().endswith("…")  # the line keeps its height
    assert form.field_message.isVisible() and form.field_message.text() == message  # said in full at the foot
    assert place() == before
    fill(qtbot, form, tax_id=GOOD_NIT)
    qtbot.wait(10)
    assert form.problem_text("tax_id") == "" and not form.field_message.isVisible()
    assert place() == before
