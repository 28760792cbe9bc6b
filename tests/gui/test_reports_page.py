"""The Informes screen driven like a user: search a firm, print it, print all, cancel, portfolio."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.gui.portfolio.reports_page import ReportsPage
from desktop.gui.shared.tasks import Progress, SyncRunner
from desktop.services.registry import firms
from tests.gui.typing import type_text

NAMES = ("Café Luna", "Panadería Ñandú", "Textiles Izalco", "Ferretería El Tornillo", "Miel de Morazán")


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def registered(context):
    return [firms.register_firm(context.storage, {"legal_name": name, "country": "SV", "employees": 4 + n},
                                context.adviser_id) for n, name in enumerate(NAMES)]


@pytest.fixture
def page(qtbot, context):
    widget = ReportsPage(context)
    widget.executor_factory = lambda: ThreadPoolExecutor(1)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()))
    return urls


def test_one_firm_is_found_by_typing_and_printed_to_a_pdf(qtbot, monkeypatch, tmp_path, registered, page, opened):
    page.search_firms()
    assert page.firms.count() == len(NAMES)
    type_text(qtbot, page.search, "ñandú")
    qtbot.waitUntil(lambda: page.firms.count() == 1)
    assert page.firms.item(0).text().startswith("Panadería Ñandú")
    out = tmp_path / "ñandú.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(page.print_one, Qt.MouseButton.LeftButton)
    assert out.is_file()
    assert "Panadería Ñandú" in pdf_text(out)
    assert str(out) in page.result.text()
    qtbot.mouseClick(page.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]


def test_english_report_is_written_in_english(qtbot, monkeypatch, tmp_path, registered, page):
    page.lang.setCurrentIndex(page.lang.findData("en"))
    out = tmp_path / "luna"  # no extension typed: ".pdf" is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.firms.setCurrentRow(0)
    qtbot.mouseClick(page.print_one, Qt.MouseButton.LeftButton)
    text = pdf_text(tmp_path / "luna.pdf")
    assert "Café Luna" in text and "Legal name" in text


def test_tax_id_search_finds_the_firm(qtbot, context, page):
    firms.register_firm(context.storage, {"legal_name": "Panadería Rosita", "country": "SV",
                                          "tax_id": "0614-290186-102-2"}, None)
    firms.register_firm(context.storage, {"legal_name": "Otra", "country": "SV"}, None)
    type_text(qtbot, page.search, "0614")
    qtbot.waitUntil(lambda: page.firms.count() == 1)
    assert page.firms.item(0).text().startswith("Panadería Rosita")


def test_all_reports_go_to_the_chosen_folder(qtbot, monkeypatch, tmp_path, registered, page):
    folder = tmp_path / "informes"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(page.print_all, Qt.MouseButton.LeftButton)
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == len(NAMES)
    assert page.result.text() == f"Se escribieron 5 de 5 informes en {folder}."
    assert (page.bar.value(), page.bar.maximum()) == (5, 5)
    assert page.print_all.isEnabled() and not page.cancel_button.isEnabled()
    assert page.last_folder == folder


class CancellingRunner(SyncRunner):
    """Runs work at once, with the user's Cancel already pressed."""

    def run(self, work, on_done, on_error=None, **kwargs):
        progress = Progress()
        progress.cancel()
        on_done(work(progress))
        return progress


def _print_all_with(runner, qtbot, monkeypatch, tmp_path, context):
    """A reports page on ``runner`` (one worker), with "Imprimir todos" clicked into a new folder."""
    context.runner = runner
    page = ReportsPage(context)
    page.executor_factory = lambda: ThreadPoolExecutor(1)
    qtbot.addWidget(page)
    folder = tmp_path / "informes"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(page.print_all, Qt.MouseButton.LeftButton)
    return page, folder


def test_cancel_stops_the_batch_and_keeps_what_was_written(qtbot, monkeypatch, tmp_path, context, registered):
    import desktop.services.reporting as reporting

    monkeypatch.setattr(reporting, "CHUNK_SIZE", 1)
    page, folder = _print_all_with(CancellingRunner(), qtbot, monkeypatch, tmp_path, context)
    written = len(list(folder.glob("*.pdf")))
    assert 1 <= written < len(NAMES)
    assert page.last_batch.cancelled
    assert page.result.text() == f"Se canceló: se escribieron {written} de 5 informes en {folder}."


def test_cancel_button_cancels_the_running_batch(qtbot, context, page):
    progress = Progress()
    page.batch_progress = progress
    page.cancel_button.setEnabled(True)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert progress.cancelled
    assert page.result.text() == "Cancelando…"


def test_portfolio_report_for_a_period_and_an_adviser(qtbot, monkeypatch, tmp_path, context, registered, page):
    assert page.advisers.count() == 1 and page.advisers.item(0).text() == "Ana Martínez"
    page.advisers.item(0).setCheckState(Qt.CheckState.Checked)
    assert page.selected_advisers() == (context.adviser_id,)
    page.start.setDate(QDate(2020, 1, 1))
    out = tmp_path / "cartera.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(page.print_portfolio, Qt.MouseButton.LeftButton)
    text = pdf_text(out)
    assert "cartera" in text.lower() and "Ana Martínez" in text
    assert "Se guardó el informe de cartera del 01/01/2020" in page.result.text()


def test_a_backwards_period_shows_the_sentence_and_writes_nothing(qtbot, monkeypatch, tmp_path, page):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    page.start.setDate(QDate(2025, 6, 1))
    page.end.setDate(QDate(2025, 1, 1))
    out = tmp_path / "cartera.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(page.print_portfolio, Qt.MouseButton.LeftButton)
    assert shown == ["El período termina antes de empezar; revise las fechas."]
    assert not out.exists()
    assert page.result.text() == "No se escribió ningún informe."


def test_dialog_cancelled_does_nothing(qtbot, monkeypatch, registered, page):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    qtbot.mouseClick(page.print_one, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.print_all, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.print_portfolio, Qt.MouseButton.LeftButton)
    assert page.result.text() == "" and not page.open_folder_button.isEnabled()


def test_batch_on_the_real_background_runner_reports_progress(qtbot, monkeypatch, tmp_path, context, registered):
    from desktop.gui.shared.tasks import TaskRunner

    page, folder = _print_all_with(TaskRunner(), qtbot, monkeypatch, tmp_path, context)
    assert not page.print_all.isEnabled() and page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.last_batch is not None, timeout=30000)
    assert len(list(folder.glob("*.pdf"))) == len(NAMES)
    assert (page.bar.value(), page.bar.maximum()) == (5, 5)


def test_the_funder_report_of_the_period_is_saved_as_pdf_and_xlsx(qtbot, monkeypatch, tmp_path, registered, page,
                                                                   context):
    import datetime as dt

    from openpyxl import load_workbook

    from desktop.services import advisory

    today = dt.date.today().isoformat()
    advisory.record_session(context.storage, registered[0]["id"], {"held_on": today, "minutes": 90,
                                                                   "mode": "visita", "programme": "PROESA"}, None)
    advisory.record_session(context.storage, registered[1]["id"], {"held_on": today, "minutes": 30,
                                                                   "mode": "video"}, None)
    advisory.record_milestone(context.storage, registered[0]["id"], {"kind": "empleo", "occurred_on": today,
                                                                     "jobs_women": 2, "evidence": "firmado"}, None)
    target = tmp_path / "financiadores.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.funder_pdf, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "financiadores" in page.result.text())
    assert page.result.text() == (f"Se guardó el informe para financiadores en {target}: 2 empresas asesoradas, "
                                  "2,0 horas, 0 empleos nuevos verificados; 1 hitos esperan verificación.")
    assert "Informe para financiadores" in pdf_text(target) and "Café Luna" in pdf_text(target)
    type_text(qtbot, page.programme, "PROESA")
    sheet = tmp_path / "proesa.xlsx"
    page.save_funder("xlsx", str(sheet))
    qtbot.waitUntil(lambda: "proesa.xlsx" in page.result.text())
    rows = list(load_workbook(sheet, read_only=True)["Sesiones"].iter_rows(min_row=2, values_only=True))
    assert [(r[2], r[5]) for r in rows] == [("Café Luna", 90)]
