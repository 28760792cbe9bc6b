"""User text is shown as typed on every screen: a name full of markup is not markup (#18 item 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QLabel

from desktop.app import build_main_window
from desktop.services import assessments as service
from desktop.services.registry.firms import register_firm
from tests.gui.test_assessment_wizard import planned_answers
from tests.gui.typing import type_text

NAME = "<b>&Café 😀</b> <i>& Hijos</i>"


def shown_text(label: QLabel) -> str:
    """What a label puts on the screen (markup rendered, as the adviser reads it)."""
    if label.textFormat() == Qt.TextFormat.RichText:
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()
    return label.text()


def check_labels(root) -> int:
    """Every label naming the firm shows NAME literally; returns how many did."""
    found = 0
    for label in root.findChildren(QLabel):
        assert label.textFormat() in (Qt.TextFormat.PlainText, Qt.TextFormat.RichText), label.objectName()
        text = shown_text(label)
        if "Caf" in text:
            assert NAME in text, (label.objectName(), text)
            found += 1
    return found


def check_tables(root) -> int:
    """Every table cell naming the firm holds NAME as typed; returns how many did."""
    found = 0
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(min(model.rowCount(), 50)):
            column = 0
            while (index := model.index(row, column)).isValid():
                value = index.data(Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str) and "Caf" in value:
                    assert NAME in value, value
                    found += 1
                column += 1
    return found


@pytest.fixture
def window(context, qtbot):
    firm = register_firm(context.storage, {"legal_name": NAME, "trade_name": NAME, "country": "SV",
                                           "employees": 4, "municipality": "<script>x</script>",
                                           "owner_name": "Ana & <Luis>", "sector_isic": "1079"}, None)
    draft = service.start_draft(context.storage, firm["id"], None)
    for qid, answer in planned_answers(service.questionnaire()).items():
        service.save_answer(context.storage, draft["id"], qid, answer, None)
    service.complete(context.storage, draft["id"], None)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.firm, window.assessment = firm, draft
    return window


def test_firm_list_and_detail_show_the_name_as_typed(window, qtbot):
    window.show_page("firms")
    assert check_tables(window.page("firms")) >= 1
    window.navigator.open_firm(window.firm["id"])
    detail = window.navigator.last_dialog
    qtbot.waitExposed(detail)
    assert detail.title.text() == NAME and detail.title.textFormat() == Qt.TextFormat.PlainText
    assert check_labels(detail) >= 1
    profile_texts = [shown_text(label) for label in detail.findChildren(QLabel)]
    assert "Ana & <Luis>" in profile_texts and "<script>x</script>" in " ".join(profile_texts)


def test_interview_results_and_followup_show_the_name_as_typed(window, qtbot):
    window.navigator.start_assessment(window.firm["id"])
    page = window.page("assessments")
    assert check_labels(page) >= 1
    window.navigator.open_assessment(window.assessment["id"])
    assert check_labels(page) >= 1
    page.show_followup(window.firm["id"])
    assert check_labels(page) >= 1
    window.show_page("assessments")
    assert check_tables(page) >= 1


def test_firm_form_and_message_boxes_show_the_name_as_typed(window, qtbot, context):
    window.navigator.new_firm()
    form = window.navigator.last_dialog
    form.editor("tax_id").setText("")
    type_text(qtbot, form.editor("legal_name"), NAME)
    type_text(qtbot, form.editor("email"), "<b>x</b>")
    assert "«<b>x</b>»" in form.problem_text("email")
    assert form.boxes["email"].problem.textFormat() == Qt.TextFormat.PlainText
    assert form.editor("legal_name").text() == NAME
