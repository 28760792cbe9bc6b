"""Background work: results on the main thread, a late progress dialog, cancel."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from desktop.gui.shared.tasks import PROGRESS_DELAY_MS, Cancelled, SyncRunner, TaskRunner


@pytest.fixture
def runner(qtbot):
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait(5000)


def test_result_arrives_on_the_main_thread(runner, qtbot):
    seen = {}

    def work(progress):
        seen["worker"] = threading.get_ident()
        return 42

    def done(result):
        seen["result"] = result
        seen["callback"] = threading.get_ident()

    runner.run(work, done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=3000)
    assert seen["result"] == 42
    assert seen["callback"] == threading.get_ident() != seen["worker"]


def test_exception_goes_to_on_error(runner, qtbot):
    errors = []

    def work(progress):
        raise ValueError("roto")

    runner.run(work, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "roto"


def test_quick_work_shows_no_dialog(runner, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    done = []
    runner.run(lambda p: "ok", done.append, parent_widget=parent, label="Rápido")
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    qtbot.wait(PROGRESS_DELAY_MS + 200)
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))


def test_slow_work_shows_progress_and_cancel_stops_it(runner, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    outcome = []

    def work(progress):
        for step in range(200):
            progress.update(step, 200, f"Paso {step}")
            progress.check()
            time.sleep(0.02)
        return "terminado"

    runner.run(work, outcome.append, outcome.append, parent_widget=parent, label="Importando…")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=3000)
    dialog = next(d for d in parent.findChildren(QProgressDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=3000)
    assert dialog.maximum() == 200
    assert dialog.labelText().startswith("Paso ")
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button.text() == "Cancelar"
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(outcome), timeout=3000)
    assert isinstance(outcome[0], Cancelled)


def test_sync_runner_runs_at_once():
    log = []
    SyncRunner().run(lambda p: p.update(1, 1) or "x", log.append)
    assert log == ["x"]
    SyncRunner().run(lambda p: 1 / 0, log.append, log.append)
    assert isinstance(log[1], ZeroDivisionError)
