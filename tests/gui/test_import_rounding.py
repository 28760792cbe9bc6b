"""#18 item 20 in the import dialog: amounts rounded to whole units are said in the status line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui.registry.import_dialog import ImportDialog
from desktop.services.registry.firm_list import FirmQuery, firm_ids, firm_rows

CSV = (
    "Razón social;País;Empleados;Ventas anuales\n"
    "Tienda Luna;SV;5;85.000,50\n"
    "Café Sol;SV;1.234,56;1.000\n"
)


@pytest.fixture
def dialog(context, qtbot, dialogs, tmp_path):
    widget = ImportDialog(context)
    qtbot.addWidget(widget)
    widget.show()
    path = tmp_path / "empresas.csv"
    path.write_text(CSV, encoding="utf-8")
    assert widget.load(str(path))
    return widget


def test_rounding_is_said_after_the_dry_run_and_after_the_import(dialog, context, qtbot):
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert ("Montos con centavos que se redondearán a unidades enteras en 1 fila (cada empresa lo dirá en sus "
            "notas): fila 2 (Ventas anuales de 85.000,50 a 85.001).") in dialog.status.text()
    assert dialog.rejects.item(0, 1).text() == ("El campo «Empleados» debe ser un número entero, como 12, "
                                                "no «1.234,56».")

    with qtbot.waitSignal(context.signals.firms_changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert ("Montos con centavos redondeados a unidades enteras en 1 fila (cada empresa lo dice en sus notas): "
            "fila 2 (Ventas anuales de 85.000,50 a 85.001).") in dialog.status.text()
    [firm] = firm_rows(context.storage, firm_ids(context.storage, FirmQuery()))
    assert firm["legal_name"] == "Tienda Luna"
