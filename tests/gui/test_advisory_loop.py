"""The advisory loop by keyboard on a firm's Asesoría tab (issue 37): the adviser's own plan items with
owner, due date and dimension, edited with Enter and reordered with Alt+arrows; a session's next step
made a task in one keystroke; a milestone documented and then verified by a coordinator who is not its
author; preparation and travel minutes; a session before the firm's intake refused in one sentence;
and the next assessment showing what moved."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt

from desktop.domain.assessment import answers_from_json
from desktop.gui.assessment.results import AssessmentResultsView
from desktop.gui.registry.firm_detail import FirmDetailDialog
from desktop.services import advisory, profile
from desktop.services.assessment_entry import record_assessment
from desktop.services.registry.firms import register_firm
from tests.gui.typing import type_text
from tests.services.test_advice_report import FIXTURE

TODAY = dt.date.today()
DAY = TODAY.strftime("%d/%m/%Y")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


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
    yield dialog.advisory


def rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _focus(qtbot, widget) -> None:
    """Give ``widget`` the keyboard, as a click on it would (its window active again after a dialog)."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _choose(combo, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_an_own_action_with_owner_due_date_and_dimension_is_added_edited_and_moved(tab, context, firm, qtbot):
    beto = profile.create_adviser(context.storage, name="Beto Ruiz")
    tab.reload()
    advisory.add_plan_item(context.storage, firm["id"], {"title": "Visitar al comprador", "owner": "empresa"}, None)
    tab.reload()
    qtbot.keyClick(tab, Qt.Key.Key_A, CTRL_SHIFT)
    dialog = tab.item_dialog
    assert dialog.isVisible() and dialog.focusWidget() is dialog.fields["title"]
    assert dialog.fields["owner"].currentText() == "Ana Martínez"  # whoever writes it, unless said otherwise
    type_text(qtbot, dialog.fields["title"], "Pedir cotización de empaques <&>")
    _choose(dialog.fields["owner"], "Beto Ruiz")
    qtbot.keyClicks(dialog.fields["due_on"], "31/02/2027")
    _choose(dialog.fields["dimension"], "Calidad y normas")
    qtbot.keyClick(dialog.fields["due_on"], Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == (
        "La fecha límite debe ser una fecha como 31/03/2026, no «31/02/2027».")
    assert dialog.focusWidget() is dialog.fields["due_on"]
    assert dialog.fields["title"].text() == "Pedir cotización de empaques <&>"  # what was typed stays
    dialog.fields["due_on"].clear()
    late = TODAY - dt.timedelta(days=3)
    qtbot.keyClicks(dialog.fields["due_on"], late.strftime("%d/%m/%Y"))
    qtbot.keyClick(dialog.fields["due_on"], Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert rows(tab.plan)[1] == ["Pedir cotización de empaques <&>", "Beto Ruiz",
                                 f"{late.strftime('%d/%m/%Y')} (vencida)", "Pendiente"]
    [_, item] = advisory.plan_of_firm(context.storage, firm["id"])
    assert (item["owner"], item["owner_adviser_id"], item["dimension"]) == ("centro", beto["id"], "calidad")

    # Enter on the chosen row edits it; the client takes it over.
    _focus(qtbot, tab.plan)
    tab.plan.selectRow(1)
    qtbot.keyClick(tab.plan, Qt.Key.Key_Return)
    editor = tab.item_dialog
    qtbot.waitUntil(lambda: editor.isActiveWindow() and editor.fields["title"].hasFocus())
    assert editor.fields["owner"].currentText() == "Beto Ruiz" and editor.fields["due_on"].text() == late.strftime(
        "%d/%m/%Y")
    _choose(editor.fields["owner"], "La empresa")
    qtbot.keyClick(editor.fields["title"], Qt.Key.Key_Return)
    assert not editor.isVisible(), editor.error.text()
    assert rows(tab.plan)[1][1] == "La empresa"

    # Alt+Up puts it first: the plan's order, which the report's summary follows.
    _focus(qtbot, tab.plan)
    tab.plan.selectRow(1)
    qtbot.keyClick(tab.plan, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [r[0] for r in rows(tab.plan)] == ["Pedir cotización de empaques <&>", "Visitar al comprador"]
    assert tab.plan.currentRow() == 0
    assert [a.title for a in advisory.next_actions(context.storage, firm["id"])] == [
        "Pedir cotización de empaques <&>", "Visitar al comprador"]


def test_a_sessions_next_step_becomes_a_task_in_one_keystroke(tab, context, firm, qtbot):
    dialog = tab.record_session()
    qtbot.keyClicks(dialog.fields["prep_minutes"], "20")
    qtbot.keyClicks(dialog.fields["travel_minutes"], "45")
    type_text(qtbot, dialog.fields["next_step"], "Traer facturas de los últimos 6 meses")
    qtbot.keyClick(dialog.fields["next_step"], Qt.Key.Key_Return)
    assert rows(tab.timeline)[0][1] == "Sesión — Visita a la empresa, 60 min (+ preparación 20 min, traslado 45 min)"
    tab.timeline.setFocus()
    tab.timeline.selectRow(0)
    assert tab.task_button.isEnabled()
    qtbot.keyClick(tab, Qt.Key.Key_T, CTRL_SHIFT)
    assert rows(tab.plan) == [["Traer facturas de los últimos 6 meses", "Ana Martínez", "—", "Pendiente"]]
    assert tab.status.text() == ("«Traer facturas de los últimos 6 meses» está en el plan; Enter lo edita "
                                 "(responsable, fecha límite).")
    assert tab.plan.currentRow() == 0 and tab.focusWidget() is tab.plan
    [item] = advisory.plan_of_firm(context.storage, firm["id"])
    [session] = advisory.sessions_of(context.storage, firm["id"])
    assert (item["session_id"], session["prep_minutes"], session["travel_minutes"]) == (session["id"], 20, 45)
    assert advisory.timeline(context.storage, firm["id"])[0].actions == ()  # done: no second task from it
    tab.timeline.selectRow(0)
    assert not tab.task_button.isEnabled()
    assert not tab.next_step_to_plan()
    assert tab.status.text() == "El próximo paso de esa sesión ya está en el plan."
    assert len(advisory.plan_of_firm(context.storage, firm["id"])) == 1


def test_a_session_before_the_firms_intake_is_refused_and_what_was_typed_stays(tab, context, firm, qtbot):
    dialog = tab.record_session()
    before = TODAY - dt.timedelta(days=10)
    dialog.fields["held_on"].setText(before.strftime("%d/%m/%Y"))
    type_text(qtbot, dialog.fields["notes"], "Primera visita")
    qtbot.keyClicks(dialog.fields["travel_minutes"], "90")
    qtbot.keyClick(dialog.fields["travel_minutes"], Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == (
        f"La fecha de la sesión ({before.strftime('%d/%m/%Y')}) es anterior al registro de la empresa ({DAY}).")
    assert dialog.focusWidget() is dialog.fields["held_on"]
    assert dialog.fields["notes"].toPlainText() == "Primera visita" and dialog.fields["travel_minutes"].text() == "90"
    assert advisory.sessions_of(context.storage, firm["id"]) == []


def test_a_milestone_is_documented_then_verified_by_a_coordinator_who_did_not_record_it(tab, context, firm, qtbot,
                                                                                     dialogs):
    advisory.record_milestone(context.storage, firm["id"], {"kind": "ventas", "occurred_on": TODAY.isoformat(),
                                                            "amount": "12.000", "evidence": "declarado"},
                              context.adviser_id)
    tab.reload()
    assert rows(tab.timeline)[0][1] == "Hito — Ventas (declarado)"
    tab.timeline.setFocus()
    tab.timeline.selectRow(0)
    assert tab.document_button.isEnabled() and not tab.verify_button.isEnabled()
    qtbot.keyClick(tab, Qt.Key.Key_D, CTRL_SHIFT)
    document = tab.document_dialog
    _choose(document.fields["document_kind"], "Factura")
    qtbot.keyClicks(document.fields["document_ref"], "F-001-0042")
    qtbot.keyClick(document.fields["document_ref"], Qt.Key.Key_Return)
    assert document.error.text() == "Marque «Documento visto»: solo se documenta un hito cuyo documento usted vio."
    assert document.focusWidget() is document.fields["document_seen"]
    qtbot.keyClick(document.fields["document_seen"], Qt.Key.Key_Space)
    qtbot.keyClick(document.fields["document_ref"], Qt.Key.Key_Return)
    assert not document.isVisible()
    assert rows(tab.timeline)[0][1:] == [
        "Hito — Ventas (documentado)", f"USD 12.000 · Documentado · Factura F-001-0042 visto por Ana Martínez el {DAY}"]

    # Whoever recorded it cannot verify it: the sentence says who may.
    tab.timeline.selectRow(0)
    assert tab.verify_button.isEnabled()
    qtbot.keyClick(tab, Qt.Key.Key_V, CTRL_SHIFT)
    assert tab.status.text() == "Quien registró el hito no puede verificarlo: lo verifica otra persona, un coordinador."
    [m] = advisory.milestones_of(context.storage, firm["id"])
    assert m["stage"] == "documentado"

    coordinator = profile.create_adviser(context.storage, name="Carla Coordinadora")
    context.adviser_id = coordinator["id"]
    tab.timeline.selectRow(0)
    qtbot.keyClick(tab, Qt.Key.Key_V, CTRL_SHIFT)
    assert dialogs.confirms[-1][0] == "Verificar hito"
    assert tab.status.text() == "Hito verificado."
    [m] = advisory.milestones_of(context.storage, firm["id"])
    assert (m["stage"], m["verified_by"], m["verified_on"], m["documented_by"]) == (
        "verificado", coordinator["id"], TODAY.isoformat(), m["created_by"])
    assert rows(tab.timeline)[0][2].endswith(f"· verificó Carla Coordinadora el {DAY}")
    tab.timeline.selectRow(0)
    assert not tab.document_button.isEnabled() and not tab.verify_button.isEnabled()


def test_the_next_assessment_shows_what_the_plan_moved(context, firm, qtbot):
    answers = answers_from_json(json.loads(FIXTURE.read_text(encoding="utf-8"))["answers"])
    first, _ = record_assessment(context.storage, firm["id"], answers, context.adviser_id)
    plan = advisory.make_plan(context.storage, first["id"], context.adviser_id)
    advisory.set_plan_status(context.storage, plan[0]["id"], "hecho", None)
    better = dict(answers)
    second, _ = record_assessment(context.storage, firm["id"], better, context.adviser_id)
    view = AssessmentResultsView(context, second["id"])
    qtbot.addWidget(view)
    shown = rows(view.followed_table)
    assert [r[0] for r in shown] == [i["title"] for i in plan]
    assert shown[0][1] == "Hecha" and shown[1][1] == "Pendiente"
    assert shown[-1][1] == "Hecha"  # the follow-up assessment itself: this one
    assert shown[0][5] == "0,0" and shown[-1][2:] == ["—", "—", "—", "—"]  # the follow-up item has no dimension
