"""The interview wizard driven by mouse and keyboard: autosave, resume, hide, complete, results."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from desktop.domain.assessment import Answer, label, score
from desktop.gui.assessment.results import AssessmentResultsView, number
from desktop.gui.assessment.wizard import AssessmentWizard
from desktop.gui.shared import messages
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services import assessments as service
from desktop.services.registry.firms import register_firm
from desktop.services.storage import open_database
from tests.gui.typing import type_text

NUMBERS = {"exp.participacion": "25", "exp.destinos": "2", "exp.anios": "3,5", "pro.entregas_a_tiempo": "85"}
SPECIAL = {"est.crecimiento_ventas": "no_sabe", "fin.garantias": "prefiere_no_responder", "inn.presupuesto": "no_aplica"}
DOCUMENTED = {"for.registro", "cal.sistema_calidad", "fin.estados_financieros"}
NOTES = {"est.plan_escrito": "Plan de expansión a Guatemala, año 2025 (señal de interés)"}


def planned_answers(questionnaire) -> dict[str, Answer]:
    """A full, varied set of answers: every type, special codes, evidence and notes."""
    plan = {}
    for i, q in enumerate(questionnaire.questions):
        evidence = "documento" if q.id in DOCUMENTED else "declarado"
        note = NOTES.get(q.id, "")
        if q.id in SPECIAL:
            plan[q.id] = Answer(code=SPECIAL[q.id], evidence=evidence, note=note)
            continue
        if q.id == "exp.modo_actual":
            value = "directo_ocasional"  # keeps every export question visible
        elif q.type == "yes_no":
            value = i % 3 != 0
        elif q.type == "level":
            value = i % 5
        elif q.type == "number":
            value = NUMBERS[q.id].replace(",", ".")
        elif q.type == "single_choice":
            value = q.options[i % len(q.options)].id
        else:
            value = [o.id for o in q.options[: i % 3]]  # includes "none of them" (empty)
        plan[q.id] = Answer(value=value, evidence=evidence, note=note)
    return plan


@pytest.fixture
def ctx(tmp_path):
    storage = open_database(tmp_path / "rumbo.db")
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    context = AppContext(storage, runner=SyncRunner(), settings=settings)
    firm = register_firm(storage, dict(legal_name="Café Luna S.A. de C.V.", country="SV", employees=4,
                                       sales_usd=60000, sector_isic="1079"), None)
    context.firm = firm
    yield context
    storage.close()


def open_wizard(ctx, qtbot, assessment_id=None):
    wizard = AssessmentWizard(ctx, ctx.firm["id"], assessment_id)
    qtbot.addWidget(wizard)
    wizard.resize(1100, 760)
    wizard.show()
    with qtbot.waitActive(wizard):  # arrow keys and shortcuts need the active window
        wizard.activateWindow()
    return wizard


def click(qtbot, button):
    # Near the indicator: a wide radio button's centre can lie past its text.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def fill(qtbot, wizard, qid, answer: Answer):
    """Answer one question the way an adviser does: mouse for choices, keyboard for text and levels."""
    card = wizard.cards[qid]
    q = card.question
    if answer.code:
        click(qtbot, card.special_buttons[answer.code])
    elif q.type == "number":
        qtbot.mouseClick(card.number_edit, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(card.number_edit, NUMBERS[qid])
        qtbot.keyClick(card.number_edit, Qt.Key.Key_Return)
    elif q.type == "level":
        # Keyboard: focus level 0, Space chooses it, arrow keys move up the levels.
        first = card.value_buttons[0]
        first.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(first, Qt.Key.Key_Space)
        for _ in range(answer.value):
            qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Down)
    elif q.type == "multi_choice":
        if not answer.value:
            click(qtbot, card.none_box)
        for option in answer.value:
            click(qtbot, card.value_buttons[option])
    else:
        click(qtbot, card.value_buttons[answer.value])
    if answer.evidence == "documento":
        card.document_box.setFocus()
        qtbot.keyClick(card.document_box, Qt.Key.Key_Space)
    if answer.note:
        qtbot.mouseClick(card.note_edit, Qt.MouseButton.LeftButton)
        type_text(qtbot, card.note_edit, answer.note)
        qtbot.keyClick(card.note_edit, Qt.Key.Key_Return)


def stored(ctx, assessment_id):
    return service.load_answers(ctx.storage, assessment_id)


def same(a: Answer, b: Answer, question) -> bool:
    if question.type == "number" and a.value is not None and b.value is not None:
        return (Decimal(str(a.value)), a.code, a.evidence, a.note) == (Decimal(str(b.value)), b.code, b.evidence, b.note)
    return a == b


def test_fill_close_resume_complete_and_results_match_the_engine(ctx, qtbot, monkeypatch):
    q = service.questionnaire()
    plan = planned_answers(q)
    dims = q.dimensions
    half = len(dims) // 2

    wizard = open_wizard(ctx, qtbot)
    assessment_id = wizard.assessment_id
    for row, dimension in enumerate(dims[:half]):
        assert wizard.pages.currentIndex() == row
        for question in dimension.questions:
            fill(qtbot, wizard, question.id, plan[question.id])
        assert wizard.dimension_progress(dimension.id) == (len(dimension.questions), len(dimension.questions))
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    # Every answer reached the database as it was given: close mid-way.
    first_half = [question.id for d in dims[:half] for question in d.questions]
    saved = stored(ctx, assessment_id)
    assert set(saved) == set(first_half)
    for qid in first_half:
        assert same(saved[qid], plan[qid], q.question(qid)), qid
    with qtbot.waitSignal(wizard.closed):
        qtbot.mouseClick(wizard.close_button, Qt.MouseButton.LeftButton)
    wizard.close()
    wizard.deleteLater()

    # Resume: the cards show what was saved, nothing lost.
    wizard = open_wizard(ctx, qtbot, assessment_id)
    for qid in first_half:
        assert same(wizard.cards[qid].answer(), plan[qid], q.question(qid)), qid
    assert wizard.progress.value() == len(first_half)
    wizard.dimension_list.setCurrentRow(half)
    assert wizard.pages.currentIndex() == half
    for row, dimension in enumerate(dims[half:], start=half):
        for question in dimension.questions:
            fill(qtbot, wizard, question.id, plan[question.id])
        if row < len(dims) - 1:
            qtbot.keyClick(wizard, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
            assert wizard.pages.currentIndex() == row + 1
    saved = stored(ctx, assessment_id)
    assert set(saved) == set(plan)
    for qid, answer in plan.items():
        assert same(saved[qid], answer, q.question(qid)), qid
    assert wizard.progress.value() == wizard.progress.maximum() == len(q.questions)

    monkeypatch.setattr(messages, "confirm", lambda *args: True)
    changed = []
    ctx.signals.assessments_changed.connect(changed.append)
    with qtbot.waitSignal(wizard.completed) as done:
        qtbot.mouseClick(wizard.complete_button, Qt.MouseButton.LeftButton)
    assert done.args == [assessment_id]
    assert changed == [ctx.firm["id"]]

    expected = score(q, plan, service.firm_context(ctx.firm))
    view = AssessmentResultsView(ctx, assessment_id)
    qtbot.addWidget(view)
    view.show()
    assert expected.index is not None
    assert view.index_label.text() == number(expected.index)
    assert view.band_label.text() == label("band", expected.band)
    tree = view.tree
    assert tree.topLevelItemCount() == len(expected.dimensions)
    for row, dim in enumerate(expected.dimensions):
        item = tree.topLevelItem(row)
        shown = number(dim.score) if dim.score is not None else label("status", dim.status)
        assert item.text(1) == shown, dim.dimension_id
        assert view.bars.bars[row].value == (float(dim.score) if dim.score is not None else None)
    # The explanation of a dimension on demand: click its bar.
    target = expected.dimensions[0]
    bar = view.bars.bar_rect(0).center().toPoint()
    qtbot.mouseClick(view.bars, Qt.MouseButton.LeftButton, pos=bar)
    item = tree.topLevelItem(0)
    assert item.isExpanded() and tree.currentItem() is item
    assert [item.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(item.childCount())] == \
        [c.question_id for c in target.contributions]
    answered = next(c for c in target.contributions if c.share is not None)
    child = item.child([c.question_id for c in target.contributions].index(answered.question_id))
    assert child.text(3) == "+" + number(answered.share, places=2)
    # The firm's cached band and stage follow the completed assessment.
    from desktop.services.registry.firms import get_firm

    firm = get_firm(ctx.storage, ctx.firm["id"])
    assert (firm["band"], firm["stage"]) == (expected.band, expected.stage.code)


def test_questions_that_stop_applying_are_hidden_and_not_counted(ctx, qtbot):
    wizard = open_wizard(ctx, qtbot)
    assert "exp.participacion" in wizard.visible_question_ids()
    total = wizard.progress.maximum()
    click(qtbot, wizard.cards["exp.modo_actual"].value_buttons["solo_local"])
    hidden = {"exp.participacion", "exp.destinos", "exp.anios", "can.representantes", "can.postventa"}
    assert hidden.isdisjoint(wizard.visible_question_ids())
    assert wizard.progress.maximum() == total - len(hidden)
    assert wizard.dimension_progress("experiencia") == (1, 3)
    click(qtbot, wizard.cards["exp.modo_actual"].value_buttons["directo_regular"])
    assert hidden <= set(wizard.visible_question_ids())


def test_a_bad_number_is_not_saved_and_says_why(ctx, qtbot):
    wizard = open_wizard(ctx, qtbot)
    card = wizard.cards["exp.participacion"]
    qtbot.keyClicks(card.number_edit, "150")
    qtbot.keyClick(card.number_edit, Qt.Key.Key_Return)
    assert "entre 0 y 100" in card.number_error.text()
    card.number_edit.clear()
    qtbot.keyClicks(card.number_edit, "mucho")
    qtbot.keyClick(card.number_edit, Qt.Key.Key_Return)
    assert "número" in card.number_error.text()
    assert "exp.participacion" not in stored(ctx, wizard.assessment_id)
    card.number_edit.clear()
    qtbot.keyClicks(card.number_edit, "12,5")
    qtbot.keyClick(card.number_edit, Qt.Key.Key_Return)
    assert card.number_error.text() == ""
    assert stored(ctx, wizard.assessment_id)["exp.participacion"].value == "12.5"


def test_special_code_replaces_value_and_clicking_again_clears_it(ctx, qtbot):
    wizard = open_wizard(ctx, qtbot)
    card = wizard.cards["est.largo_plazo"]
    click(qtbot, card.value_buttons[True])
    assert stored(ctx, wizard.assessment_id)["est.largo_plazo"] == Answer(value=True)
    click(qtbot, card.special_buttons["no_sabe"])
    assert stored(ctx, wizard.assessment_id)["est.largo_plazo"] == Answer(code="no_sabe")
    assert not card.value_buttons[True].isChecked()
    click(qtbot, card.special_buttons["no_sabe"])
    assert "est.largo_plazo" not in stored(ctx, wizard.assessment_id)
    assert wizard.progress.value() == 0


def test_a_completed_assessment_opens_read_only(ctx, qtbot, monkeypatch):
    wizard = open_wizard(ctx, qtbot)
    click(qtbot, wizard.cards["for.registro"].value_buttons[True])
    monkeypatch.setattr(messages, "confirm", lambda *args: True)
    qtbot.mouseClick(wizard.complete_button, Qt.MouseButton.LeftButton)
    again = open_wizard(ctx, qtbot, wizard.assessment_id)
    assert not again.cards["for.registro"].isEnabled()
    assert again.complete_button.isHidden()


def test_declining_the_confirmation_keeps_the_draft(ctx, qtbot, monkeypatch):
    wizard = open_wizard(ctx, qtbot)
    click(qtbot, wizard.cards["for.registro"].value_buttons[True])
    monkeypatch.setattr(messages, "confirm", lambda *args: False)
    qtbot.mouseClick(wizard.complete_button, Qt.MouseButton.LeftButton)
    assert service.get_assessment(ctx.storage, wizard.assessment_id)["status"] == "draft"


def test_a_note_is_saved_while_typing_before_leaving_the_field(ctx, qtbot):
    wizard = open_wizard(ctx, qtbot)
    qid = next(iter(wizard.cards))
    card = wizard.cards[qid]
    qtbot.mouseClick(card.note_edit, Qt.MouseButton.LeftButton)
    type_text(qtbot, card.note_edit, "Mostró la factura")
    # No Enter, no Tab: the adviser is still in the field when the lid closes.
    qtbot.waitUntil(lambda: service.load_answers(ctx.storage, wizard.assessment_id).get(qid) is not None,
                    timeout=3000)
    assert service.load_answers(ctx.storage, wizard.assessment_id)[qid].note == "Mostró la factura"


def test_a_thin_interview_is_called_incomplete_before_and_after(ctx, qtbot, monkeypatch):
    wizard = open_wizard(ctx, qtbot)
    for qid in ("for.registro", "for.factura", "est.largo_plazo"):
        click(qtbot, wizard.cards[qid].value_buttons[True])
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, question: asked.append(question) or True)
    qtbot.mouseClick(wizard.complete_button, Qt.MouseButton.LeftButton)
    assert "no habrá índice ni banda" in asked[0]
    view = AssessmentResultsView(ctx, wizard.assessment_id)
    qtbot.addWidget(view)
    assert view.result.incomplete and view.result.index is None
    assert view.band_label.text() == "Evaluación incompleta"
    assert view.index_label.text() == "—"
    # what to ask next time is listed, not shown as gaps
    assert not view.to_ask_label.isHidden()
    assert "Para preguntar la próxima vez" in view.to_ask_label.text()
    assert "¿Cómo participa hoy la empresa en mercados externos?" in view.to_ask_label.text()
