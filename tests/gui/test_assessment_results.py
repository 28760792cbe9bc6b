"""Results, follow-up and the Evaluaciones screen: what they show and where their buttons lead."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

import db.assessments as assessment_repo
from desktop.domain.assessment import Answer, compare, label
from desktop.gui.assessment.assessments_page import AssessmentsPage
from desktop.gui.assessment.followup import FollowUpView
from desktop.gui.assessment.results import AssessmentResultsView, number
from desktop.gui.assessment.wizard import AssessmentWizard
from desktop.gui.shared import messages
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services import assessments as service
from desktop.services.registry.firms import register_firm, update_firm
from desktop.services.storage import open_database
from tests.gui.test_assessment_wizard import planned_answers


def better(plan: dict[str, Answer], questionnaire) -> dict[str, Answer]:
    """The same firm a year later: every level one step up, every yes/no a yes."""
    out = {}
    for qid, a in plan.items():
        q = questionnaire.question(qid)
        if a.answered and q.type == "level":
            a = Answer(value=min(4, a.value + 1), evidence=a.evidence, note=a.note)
        elif a.answered and q.type == "yes_no":
            a = Answer(value=not q.inverted, evidence=a.evidence, note=a.note)
        out[qid] = a
    return out


@pytest.fixture
def ctx(tmp_path, monkeypatch):
    storage = open_database(tmp_path / "rumbo.db")
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    context = AppContext(storage, runner=SyncRunner(), settings=settings)
    firm = register_firm(storage, dict(legal_name="Café Luna S.A. de C.V.", country="SV", employees=4,
                                       sales_usd=60000, sector_isic="1079"), None)
    q = service.questionnaire()
    ids = []
    for stamp, answers in (("2024-03-10T15:00:00.000000Z", planned_answers(q)),
                           ("2025-03-12T15:00:00.000000Z", better(planned_answers(q), q))):
        monkeypatch.setattr(assessment_repo, "now_iso", lambda stamp=stamp: stamp)
        draft = service.start_draft(storage, firm["id"], None)
        for qid, answer in answers.items():
            service.save_answer(storage, draft["id"], qid, answer, None)
        service.complete(storage, draft["id"], None)
        ids.append(draft["id"])
    monkeypatch.undo()
    update_firm(storage, firm["id"], {"employees": 9, "exports_usd": 15000}, None)
    context.firm, context.assessment_ids = firm, ids
    yield context
    storage.close()


def test_results_show_the_stored_result(ctx, qtbot):
    view = AssessmentResultsView(ctx, ctx.assessment_ids[1])
    qtbot.addWidget(view)
    result = service.result_of(ctx.storage, ctx.assessment_ids[1])
    assert view.index_label.text() == number(result.index)
    assert view.stage_label.text().count(label("stage", result.stage.code)) == 1
    assert label("profile", result.profile.code) in view.profile_label.text()
    assert [b.key for b in view.bars.bars] == [d.dimension_id for d in result.dimensions]
    recs = service.recommendations_for(result)
    html = view.recommendations_view.toPlainText()
    assert recs and all(r.title.text("es") in html for r in recs)
    assert recs[0].reason.text("es")[:40] in html
    for hit in result.knock_outs:
        assert hit.reason.es in view.knockouts_label.text()


def test_print_report_writes_the_client_pdf(ctx, qtbot, tmp_path, monkeypatch):
    view = AssessmentResultsView(ctx, ctx.assessment_ids[1])
    qtbot.addWidget(view)
    target = tmp_path / "informe.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), "PDF"))
    told = []
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: told.append(text))
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Café Luna" in text
    assert told == [f"Se guardó el informe en {target}."]


def test_report_language_is_chosen_where_the_adviser_prints(ctx, qtbot, tmp_path, monkeypatch):
    view = AssessmentResultsView(ctx, ctx.assessment_ids[1])
    qtbot.addWidget(view)
    assert view.report_lang.currentData() == "es"  # starts from the interface language
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), "PDF"))
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: None)
    view.report_lang.setFocus()
    qtbot.keyClick(view.report_lang, Qt.Key.Key_Down)  # Español -> English, as with the keyboard
    assert view.report_lang.currentText() == "English"
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Readiness" in text or "readiness" in text
    assert "Índice de preparación" not in text
    again = AssessmentResultsView(ctx, ctx.assessment_ids[1])  # the choice is remembered on this computer
    qtbot.addWidget(again)
    assert again.report_lang.currentData() == "en"


def test_cancelled_save_dialog_writes_nothing(ctx, qtbot, tmp_path, monkeypatch):
    view = AssessmentResultsView(ctx, ctx.assessment_ids[0])
    qtbot.addWidget(view)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: ("", ""))
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert list(tmp_path.glob("*.pdf")) == []


def test_followup_shows_change_per_dimension_and_key_figures(ctx, qtbot):
    view = FollowUpView(ctx, ctx.firm["id"])
    qtbot.addWidget(view)
    old, new = (service.result_of(ctx.storage, i) for i in ctx.assessment_ids)
    expected = compare(old, new)
    table = view.assessments_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["2024-03-10", "2025-03-12"]
    assert [table.item(r, 1).text() for r in range(2)] == [number(old.index), number(new.index)]
    change = view.change_table
    assert change.rowCount() == len(expected.dimensions)
    for row, d in enumerate(expected.dimensions):
        shown = change.item(row, 3).text()
        if d.delta is None:
            assert shown == "—"
        else:
            assert Decimal(shown.replace(",", ".")) == d.delta
    assert expected.index_delta > 0 and number(expected.index_delta) in view.summary.text()
    figures = view.figures_table
    assert figures.rowCount() == len(service.key_figures(ctx.storage, ctx.firm["id"]))
    last = figures.rowCount() - 1
    assert (figures.item(last, 1).text(), figures.item(last, 3).text()) == ("9", "15,000")


def test_assessments_page_lists_resumes_and_opens_results(ctx, qtbot, monkeypatch):
    draft = service.start_draft(ctx.storage, ctx.firm["id"], None)
    service.save_answer(ctx.storage, draft["id"], "for.registro", Answer(value=True), None)
    page = AssessmentsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    assert page.table.rowCount() == 3
    assert page.table.item(0, 1).text() == "Borrador"
    page.status.setCurrentIndex(page.status.findData("completed"))
    assert page.table.rowCount() == 2
    page.status.setCurrentIndex(0)
    page.table.selectRow(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    wizard = page.stack.currentWidget()
    assert isinstance(wizard, AssessmentWizard) and wizard.assessment_id == draft["id"]
    assert wizard.cards["for.registro"].answer() == Answer(value=True)
    # Completing from the page shows the results.
    monkeypatch.setattr(messages, "confirm", lambda *args: True)
    qtbot.mouseClick(wizard.complete_button, Qt.MouseButton.LeftButton)
    results = page.stack.currentWidget()
    assert isinstance(results, AssessmentResultsView) and results.assessment_id == draft["id"]
    qtbot.mouseClick(results.followup_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.stack.currentWidget(), FollowUpView)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == 0
    assert [page.table.item(r, 1).text() for r in range(3)] == ["Terminada"] * 3


def test_start_for_firm_makes_a_draft_listed_after_going_back(ctx, qtbot):
    page = AssessmentsPage(ctx)
    qtbot.addWidget(page)
    wizard = page.start_for_firm(ctx.firm["id"])
    assert service.get_assessment(ctx.storage, wizard.assessment_id)["status"] == "draft"
    qtbot.mouseClick(wizard.close_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == 0
    assert page.table.rowCount() == 3


def test_assessments_list_says_incomplete_provisional_and_why_a_band_was_capped(ctx, qtbot, monkeypatch):
    storage, q = ctx.storage, service.questionnaire()
    # a thin interview: incomplete
    thin = service.start_draft(storage, ctx.firm["id"], None)
    service.save_answer(storage, thin["id"], "for.registro", Answer(value=True), None)
    service.complete(storage, thin["id"], None)
    # a full interview, but the firm cannot invoice: the knock-out caps the band
    capped = service.start_draft(storage, ctx.firm["id"], None)
    for qid, answer in better(planned_answers(q), q).items():
        service.save_answer(storage, capped["id"], qid, answer, None)
    service.save_answer(storage, capped["id"], "for.factura", Answer(value=False), None)
    result = service.complete(storage, capped["id"], None)
    assert result.band == "inicial" and result.band_uncapped != "inicial"
    page = AssessmentsPage(ctx)
    qtbot.addWidget(page)
    remarks = {row["id"]: page.table.item(r, 6).text() for r, row in enumerate(page.rows)}
    assert remarks[thin["id"]] == "Incompleta: sin índice ni banda"
    assert remarks[capped["id"]].startswith(f"Banda limitada (sería {label('band', result.band_uncapped)}):")
    assert "no puede facturar legalmente" in remarks[capped["id"]]
    assert page.table.item(page.rows.index(next(r for r in page.rows if r["id"] == capped["id"])), 6).toolTip() \
        == remarks[capped["id"]]


def test_results_say_each_instrument_s_level_and_the_no_profile_note(ctx, qtbot):
    view = AssessmentResultsView(ctx, ctx.assessment_ids[1])
    qtbot.addWidget(view)
    text = view.recommendations_view.toPlainText()
    assert view.recommendations and "Cada instrumento dice cuánto lo respalda el estudio" in text
    for rec in view.recommendations:
        assert f"Respaldo: {label('level', rec.level)}" in text
    assert "recomienda este apoyo" not in text
    # one answer: no profile, no instrument by kind of firm, and what to ask first
    draft = service.start_draft(ctx.storage, ctx.firm["id"], None)
    service.save_answer(ctx.storage, draft["id"], "exp.modo_actual", Answer("indirecto"), None)
    service.complete(ctx.storage, draft["id"], None)
    thin = AssessmentResultsView(ctx, draft["id"])
    qtbot.addWidget(thin)
    assert "Sin determinar" in thin.profile_label.text()
    text = thin.recommendations_view.toPlainText()
    assert "Sin perfil ni instrumentos por tipo de empresa" in text and "pregunte primero" in text
    assert not [r for r in thin.recommendations if r.level == "estudio_empareja"]
