"""Asesoría on a firm's page (issue 15): a session recorded by keyboard, a refused milestone that keeps
what was typed, the timeline, and the action plan followed from the last assessment."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt

from desktop.domain.assessment import answers_from_json
from desktop.gui.registry.firm_detail import FirmDetailDialog
from desktop.services import advisory
from desktop.services.assessment_entry import record_assessment
from desktop.services.registry.firms import register_firm
from tests.gui.typing import type_text
from tests.services.test_advice_report import FIXTURE

TODAY = dt.date.today()


@pytest.fixture
def firm(context):
    return register_firm(context.storage, {"legal_name": "Cafe <Luna> & Sol", "country": "SV", "employees": 4},
                         context.adviser_id)


@pytest.fixture
def tab(context, firm, qtbot, dialogs):
    dialog = FirmDetailDialog(context, firm["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.advisory)
    yield dialog.advisory  # the dialog stays referenced while the test runs


def rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_a_session_is_recorded_with_the_keyboard(tab, context, firm, qtbot):
    qtbot.keyClick(tab, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = tab.session_dialog
    assert dialog.isVisible() and dialog.focusWidget() is dialog.fields["minutes"]
    qtbot.keyClicks(dialog.fields["minutes"], "45")  # replaces the selected 60
    qtbot.keyClick(dialog.fields["minutes"], Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)  # mode: the next one, "En el centro"
    qtbot.keyClick(dialog.fields["next_step"], Qt.Key.Key_Return)
    assert not dialog.isVisible()
    [stored] = advisory.sessions_of(context.storage, firm["id"])
    assert (stored["minutes"], stored["mode"], stored["held_on"]) == (45, "oficina", TODAY.isoformat())
    assert rows(tab.timeline) == [[TODAY.strftime("%d/%m/%Y"), "Sesión — En el centro, 45 min", ""]]


def test_a_session_of_no_minutes_is_refused_and_the_notes_stay(tab, context, firm, qtbot):
    dialog = tab.record_session()
    dialog.fields["minutes"].clear()
    qtbot.keyClicks(dialog.fields["minutes"], "0")
    type_text(qtbot, dialog.fields["notes"], "Revisamos el flujo de caja <&>")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == "La duración de la sesión debe estar entre 1 minuto y 24 horas (1440 minutos)."
    assert dialog.focusWidget() is dialog.fields["minutes"]
    assert dialog.fields["notes"].toPlainText() == "Revisamos el flujo de caja <&>"
    assert advisory.sessions_of(context.storage, firm["id"]) == []


def test_a_milestone_shows_the_fields_of_its_kind_and_lands_in_the_timeline(tab, context, firm, qtbot):
    dialog = tab.record_milestone()
    form = dialog.form
    assert form.isRowVisible(dialog.fields["jobs_women"]) and not form.isRowVisible(dialog.fields["amount"])
    dialog.fields["kind"].setCurrentIndex(dialog.fields["kind"].findData("ventas"))
    assert form.isRowVisible(dialog.fields["amount"]) and not form.isRowVisible(dialog.fields["jobs_women"])
    qtbot.keyClicks(dialog.fields["amount"], "-100")
    qtbot.keyClick(dialog.fields["amount"], Qt.Key.Key_Return)
    assert dialog.error.text() == "El monto no puede ser negativo."
    dialog.fields["amount"].clear()
    qtbot.keyClicks(dialog.fields["amount"], "25.000")
    dialog.fields["evidence"].setCurrentIndex(dialog.fields["evidence"].findData("firmado"))
    qtbot.keyClick(dialog.fields["amount"], Qt.Key.Key_Return)
    assert not dialog.isVisible()
    [m] = advisory.milestones_of(context.storage, firm["id"])
    assert (m["kind"], m["amount_usd"], m["evidence"], m["stage"], m["documented_by"]) == (
        "ventas", 25000, "firmado", "documentado", context.adviser_id)
    day = TODAY.strftime("%d/%m/%Y")
    assert rows(tab.timeline)[0][1:] == [
        "Hito — Ventas (documentado)", f"USD 25.000 · Documentado · Declaración firmada visto por Ana Martínez el {day}"]


def test_the_plan_is_made_from_the_last_assessment_and_followed(tab, context, firm, qtbot, monkeypatch):
    answers = answers_from_json(json.loads(FIXTURE.read_text(encoding="utf-8"))["answers"])
    record_assessment(context.storage, firm["id"], answers, None)
    qtbot.mouseClick(tab.make_plan_button, Qt.MouseButton.LeftButton)
    plan = rows(tab.plan)
    assert len(plan) >= 3 and all(r[3] == "Pendiente" for r in plan)
    assert tab.status.text() == f"El plan tiene {len(plan)} acciones."
    tab.plan.selectRow(0)
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    tab.plan.selectRow(1)
    assert tab.set_status("descartado", "Sin fondos este año")
    plan = rows(tab.plan)
    assert plan[0][3] == "Hecha" and plan[1][3] == "Descartada — Sin fondos este año"
    statuses = [i["status"] for i in advisory.plan_of_firm(context.storage, firm["id"])]
    assert statuses[:2] == ["hecho", "descartado"]
    assert rows(tab.timeline)[0][1] == "Evaluación de preparación"
