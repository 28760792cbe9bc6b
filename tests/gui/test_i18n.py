"""English from Rumbo's Qt catalogue, Spanish standard buttons from Qt's own.

Translators are process-wide, so every test that installs English restores
Spanish afterwards (the ``english`` fixture): the other GUI tests assert the
Spanish source text.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QMessageBox

from desktop.app import build_main_window
from desktop.domain.sizing.notes import class_label
from desktop.gui.shared.i18n import install_translators
from desktop.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
TS = resource_path("i18n", "rumbo_en.ts")
QM = resource_path("i18n", "rumbo_en.qm")


@pytest.fixture
def english(qapp):
    assert install_translators(qapp, "en") is True
    yield qapp
    assert install_translators(qapp, "es") is True


@pytest.fixture
def english_context(context):
    context.lang = "en"
    return context


def _messages():
    for ctx in ET.parse(TS).getroot().iter("context"):
        for message in ctx.iter("message"):
            yield ctx.findtext("name"), message.findtext("source"), message.find("translation")


def _form_labels(panel) -> list[str]:
    form = panel.findChild(QFormLayout)
    return [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text() for row in range(form.rowCount())]


def test_sidebar_and_title_read_in_english(english, english_context, qtbot):
    window = build_main_window(english_context)
    qtbot.addWidget(window)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == ["Firms", "Assessments", "Dashboard", "Reports", "Sync", "Classify a firm", "Settings"]
    assert window.windowTitle() == "Rumbo — small business support"
    assert window.title.text() == "Firms"


def test_firm_list_buttons_read_in_english(english, english_context, qtbot):
    window = build_main_window(english_context)
    qtbot.addWidget(window)
    assert window.page("firms").new_button.text() == "&New firm"


def test_classify_panel_labels_and_class_in_english(english, qtbot):
    from desktop.gui.registry.classify_panel import ClassifyPanel

    panel = ClassifyPanel(lang="en")
    qtbot.addWidget(panel)
    assert _form_labels(panel) == ["&Country", "&Employees", "Gross annual &sales (USD)", "&Assets (USD)",
                                  "E&xports (USD)", "Sec&tor (ISIC)"]
    assert panel.criteria_table.horizontalHeaderItem(0).text() == "Criterion"
    panel.set_country("SV")
    qtbot.keyClicks(panel.employees, "8")
    # The class name comes from the domain in the panel's language, not from the catalogue.
    assert panel.class_label.text() == class_label("micro", "en") != class_label("micro", "es")


def test_spanish_is_back_after_english(qapp, qtbot):
    from desktop.gui.registry.classify_panel import ClassifyPanel

    assert install_translators(qapp, "en")
    install_translators(qapp, "es")
    panel = ClassifyPanel()
    qtbot.addWidget(panel)
    assert _form_labels(panel)[0] == "&País"


def test_standard_buttons_come_from_qt_in_spanish(qapp):
    assert install_translators(qapp, "es") is True
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"
    question = QMessageBox(QMessageBox.Icon.Question, "Rumbo", "¿Seguro?",
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert question.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Sí"


def test_file_dialog_reads_in_spanish(qapp, qtbot):
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    assert install_translators(qapp, "es") is True
    dialog = QFileDialog(None, "Abrir paquete", "", "Paquetes de Rumbo (*.rumbo)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Linux advisers see
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()}
    assert labels["lookInLabel"] == "&Buscar en:"
    assert labels["fileNameLabel"] == "&Nombre de archivo:"
    assert labels["fileTypeLabel"] == "&Tipo de archivo:"
    shown = [b.text() for b in dialog.findChildren(QAbstractButton) if b.text()]
    assert "&Abrir" in shown and "Cancelar" in shown
    assert {b.toolTip() for b in dialog.findChildren(QAbstractButton) if b.toolTip()} >= {"Atrás", "Vista de lista"}


def test_standard_buttons_in_english(english):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_every_message_has_a_finished_translation():
    missing = [(ctx, source) for ctx, source, tr in _messages()
               if tr is None or not (tr.text or "").strip() or tr.get("type") is not None]
    assert missing == []


def test_translations_keep_placeholders_and_accelerators():
    bad = []
    for ctx, source, tr in _messages():
        english = tr.text or ""
        if sorted(re.findall(r"\{\w*\}", source)) != sorted(re.findall(r"\{\w*\}", english)):
            bad.append((ctx, source, "placeholders"))
        if re.search(r"&\w", source) and not re.search(r"&\w", english):
            bad.append((ctx, source, "accelerator"))
        if "%v" in source and "%v" not in english:
            bad.append((ctx, source, "%v"))
    assert bad == []


def test_no_accelerator_clash_in_the_firm_form():
    keys = [re.search(r"&(\w)", tr.text).group(1).lower()
            for ctx, _source, tr in _messages() if ctx == "FirmFormDialog" and re.search(r"&\w", tr.text or "")]
    assert len(keys) > 10 and len(keys) == len(set(keys))


def _load_updater():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="needs pyside6-lupdate")
def test_catalogue_holds_every_gui_message():
    """A string added to the GUI without re-running the update shows up here."""
    found, _dynamic = _load_updater().collect()
    in_catalogue = {(ctx, source) for ctx, source, _tr in _messages()}
    new = sorted(set(found) - in_catalogue)
    assert new == [], "run: python3 tools/update_translations.py, then translate the new messages"


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="needs pyside6-lrelease")
def test_shipped_qm_is_compiled_from_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == Path(QM).read_bytes()
    extra = resource_path("i18n", "qt_extra_es.ts")
    subprocess.run(["pyside6-lrelease", "-silent", str(extra), "-qm", str(tmp_path / "extra.qm")], check=True)
    assert (tmp_path / "extra.qm").read_bytes() == Path(extra).with_suffix(".qm").read_bytes()
