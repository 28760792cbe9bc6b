"""Import dialog: column mapping preview, dry run with rejected rows, import, cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui.registry.import_dialog import ImportDialog
from desktop.services.registry.firm_list import FirmQuery, count_firms, firm_ids, firm_rows
from desktop.services.registry.firms import register_firm

CSV = (
    "Razón social,País,NIT,Municipio,Empleados,Correo,Observación\n"
    "Café Luna S.A. de C.V.,SV,0614-290186-102-2,Colón,4,luna@cafe.sv,primera\n"
    "Panadería La Ñ,SV,,Santa Ana,25,correo-malo,segunda\n"
    ",SV,,San Miguel,3,,sin nombre\n"
    "Textiles Ávila,GT,,Mixco,70,,tercera\n"
    "Ferretería El Clavo,SV,,San Miguel,8,,ya registrada\n"
)


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "empresas.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.fixture
def dialog(context, qtbot, dialogs):
    widget = ImportDialog(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cells(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_preview_shows_mapping_and_first_rows(dialog, csv_file):
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
    assert dialog.load(str(csv_file))
    assert cells(dialog.mapping, 0) == ["Razón social", "País", "NIT", "Municipio", "Empleados", "Correo",
                                        "Observación"]
    assert cells(dialog.mapping, 1) == ["Razón social", "País", "Identificación tributaria", "Municipio",
                                        "Empleados", "Correo electrónico", "— (se ignora)"]
    assert dialog.sample.rowCount() == 5 and dialog.sample.item(0, 0).text() == "Café Luna S.A. de C.V."
    assert "5 filas" in dialog.status.text()
    assert dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()


def test_dry_run_lists_rejects_and_writes_nothing_then_import(dialog, context, csv_file, qtbot):
    register_firm(context.storage, {"legal_name": "Ferretería El Clavo", "country": "SV",
                                    "municipality": "San Miguel"}, None)
    dialog.load(str(csv_file))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.dry_run and dialog.summary.accepted == 2
    assert cells(dialog.rejects, 0) == ["3", "4", "6"]
    reasons = cells(dialog.rejects, 1)
    assert "nombre@dominio.ext" in reasons[0]
    assert "Falta la razón social" in reasons[1]
    assert "Duplicada" in reasons[2]
    assert "se importarían 2 de 5" in dialog.result_label.text()
    assert count_firms(context.storage, FirmQuery()) == 1
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "&Importar 2 empresas"

    with qtbot.waitSignal(context.signals.firms_changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Importadas 2 de 5" in dialog.result_label.text()
    names = sorted(r["legal_name"] for r in firm_rows(context.storage, firm_ids(context.storage, FirmQuery())))
    assert names == ["Café Luna S.A. de C.V.", "Ferretería El Clavo", "Textiles Ávila"]
    assert not dialog.import_button.isEnabled() and dialog.close_button.text() == "Cerrar"


def test_progress_names_each_phase_of_the_import(dialog, context, csv_file, qtbot, monkeypatch):
    from desktop.gui.shared.tasks import Progress

    shown = []
    original = Progress.update

    def update(self, done, total=None, text=None):
        shown.append((done, total, text))
        original(self, done, total, text)

    monkeypatch.setattr(Progress, "update", update)
    dialog.load(str(csv_file))
    dialog.dry_run()
    shown.clear()
    with qtbot.waitSignal(context.signals.firms_changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    texts = [text for _done, _total, text in shown]
    assert sorted(set(texts), key=texts.index) == [
        "Revisando las filas…", "Buscando empresas duplicadas…", "Clasificando las empresas por tamaño…",
        "Guardando en la base de datos…"]
    assert shown[-1][:2] == (100, 100)


def test_file_without_required_column_is_refused_before_checking(dialog, tmp_path):
    path = tmp_path / "sin_pais.csv"
    path.write_text("Razón social,Empleados\nCafé Luna,4\n", encoding="utf-8")
    dialog.load(str(path))
    assert "le falta la columna obligatoria: País" in dialog.status.text()
    assert not dialog.check_button.isEnabled()


def test_typed_path_and_enter_preview_the_file(dialog, csv_file, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    opened = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: opened.append(a) or ("", ""))
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, f'"{csv_file}"')  # pasted from a file manager, with quotes
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert opened == []  # Enter previews what was typed; it does not open the chooser
    assert dialog.preview is not None and dialog.sample.rowCount() == 5
    assert dialog.path.text() == str(csv_file)
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(csv_file.parent / "otro.csv"))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert opened == [] and dialog.preview is None and "otro.csv" in dialog.status.text()


def test_unreadable_file_says_why(dialog, tmp_path):
    assert dialog.load(str(tmp_path / "no_existe.csv")) is False
    assert dialog.status.text() and not dialog.check_button.isEnabled()


def test_cancelled_import_stores_nothing(dialog, context, csv_file, monkeypatch):
    from desktop.gui.shared.tasks import Progress

    dialog.load(str(csv_file))
    dialog.dry_run()
    # The user presses Cancelar on the progress dialog before the write.
    original = Progress.__init__

    def cancelled(self):
        original(self)
        self.cancel()

    monkeypatch.setattr(Progress, "__init__", cancelled)
    dialog.run_import()
    assert "cancelada" in dialog.status.text()
    assert count_firms(context.storage, FirmQuery()) == 0


def test_rejected_rows_can_be_saved_to_fix_them(dialog, context, csv_file, tmp_path):
    import csv as csv_module

    dialog.load(str(csv_file))
    assert not dialog.rejects_button.isEnabled()
    dialog.dry_run()
    assert dialog.rejects_button.isEnabled()
    dest = tmp_path / "rechazadas.csv"
    dialog.save_rejects(str(dest))
    with open(dest, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv_module.DictReader(handle))
    assert [r["fila"] for r in rows] == ["3", "4"]
    assert rows[0]["Razón social"] == "Panadería La Ñ" and "nombre@dominio.ext" in rows[0]["motivo"]
    assert str(dest) in dialog.status.text()
    assert count_firms(context.storage, FirmQuery()) == 0
