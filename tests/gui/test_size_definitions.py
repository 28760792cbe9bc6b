"""Configuración → Definiciones de tamaño, the firm page's two classes, and the list's size column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.gui.registry.firm_detail import FirmDetailDialog
from desktop.gui.registry.firm_table_model import FirmTableModel
from desktop.gui.settings.settings_page import SettingsPage
from desktop.services import sizing
from desktop.services.registry.firm_list import FirmQuery
from desktop.services.registry.firms import get_firm, register_firm

LAWS = Path(__file__).parents[1] / "domain" / "fixtures" / "laws"


@pytest.fixture
def firm(context):
    # 5 employees and 150,000 USD: small under the study's table (sales above 100,000).
    return register_firm(context.storage, {"legal_name": "Café Uno", "country": "SV", "employees": 5,
                                           "sales_usd": 150000}, context.adviser_id)


@pytest.fixture
def page(context, qtbot, dialogs):
    widget = SettingsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def table_rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def import_and_accept(box, qtbot, name: str, reclassify_now: bool = True):
    dialog = box.import_file(str(LAWS / name))
    assert dialog is not None
    dialog.reclassify_now.setChecked(reclassify_now)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return dialog


def test_the_list_shows_each_definition_with_dates_and_source(page):
    box = page.size_box
    rows = table_rows(box.table)
    assert ["Ley", "PA", "Ley 33 de 2000 de Panamá (micro, pequeña y mediana empresa)", "2000",
            "desde 2000-07-28", "incluida"] in rows
    assert sum(1 for r in rows if r[0] == "Estudio") == 7
    box.table.selectRow(0)
    assert box.source.text().startswith("Fuente: Ley N.º 33 de 25 de julio de 2000")
    assert box.basis.currentData() == "law"


def test_importing_previews_then_stores_and_reclassifies(page, context, firm, qtbot):
    box = page.size_box
    import_and_accept(box, qtbot, "wages.json")
    dialog = box.import_file(str(LAWS / "law-wages-2014.json"))
    assert dialog.summary.text().splitlines()[:2] == [
        "De 1 empresas de SV, 1 cambian de clase.", "  Pequeña empresa → Microempresa: 1"]
    assert table_rows(dialog.firms) == [["Café Uno", "Pequeña empresa", "Microempresa"]]
    assert get_firm(context.storage, firm["id"])["size_law_class"] == "pequena"  # nothing written yet
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    stored = get_firm(context.storage, firm["id"])
    assert (stored["size_law_class"], stored["size_law_rulebook"]) == ("micro", "fixture-ley-en-salarios@2014")
    assert box.status.text() == "Se importó «law-wages-2014.json». Empresas reclasificadas: 1."
    assert ["Ley", "SV", "Ley de prueba en salarios mínimos", "2014", "desde 2014-06-01", "importada"] \
        in table_rows(box.table)
    assert box.undo_button.isEnabled()
    assert box.undo_last() == 1
    assert get_firm(context.storage, firm["id"])["size_law_class"] == "pequena"


def test_cancelling_the_preview_writes_nothing(page, context, firm, qtbot):
    dialog = page.size_box.import_file(str(LAWS / "wages.json"))
    dialog.reject()
    assert sizing.imported_definitions(context.storage) == []


def test_a_bad_file_lists_one_sentence_per_field(page, tmp_path):
    data = json.loads((LAWS / "law-wages-2026.json").read_text(encoding="utf-8"))
    data["effective_from"] = "1/4/2026"
    data["criteria"]["sales"]["ceilings"]["micro"] = "500,5"
    path = tmp_path / "reforma.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert page.size_box.import_file(str(path)) is None
    assert page.size_box.status.text().splitlines() == [
        "El campo «criteria.sales.ceilings.micro» debe ser un entero o un número escrito como texto, sin "
        "separadores de miles (por ejemplo «408.80»).",
        "El campo «effective_from» debe ser una fecha AAAA-MM-DD.",
    ]


def test_choosing_the_basis_changes_the_list_column(page, context, firm, qtbot):
    import_and_accept(page.size_box, qtbot, "wages.json")
    import_and_accept(page.size_box, qtbot, "law-wages-2014.json")
    model = FirmTableModel(context.storage)
    size_column = 8
    assert model.headerData(size_column, Qt.Orientation.Horizontal) == "Tamaño (ley)"
    assert model.data(model.index(0, size_column)) == "Microempresa"
    model.set_query(FirmQuery(size_law_class="micro"))
    assert model.rowCount() == 1
    page.size_box.choose_basis("study")
    assert sizing.size_basis(context.storage) == "study"
    model.refresh()
    assert model.headerData(size_column, Qt.Orientation.Horizontal) == "Tamaño (estudio)"
    assert model.data(model.index(0, size_column)) == "Pequeña empresa"


def test_firm_page_shows_both_classes_with_reasons(context, firm, qtbot, dialogs, page):
    import_and_accept(page.size_box, qtbot, "wages.json")
    import_and_accept(page.size_box, qtbot, "law-wages-2014.json")
    detail = FirmDetailDialog(context, firm["id"])
    qtbot.addWidget(detail)
    detail.show()
    assert detail.law_name.text() == "Microempresa"
    assert detail.law_reason.text().startswith("Microempresa según ")
    assert "salario mínimo de mayor cuantía vigente (Industria) es de 410,25 USD" in detail.law_reason.text()
    assert detail.law_rulebook.text().startswith("Ley aplicada: Ley de prueba en salarios mínimos, versión 2014.")
    assert detail.class_name.text() == "Pequeña empresa"
    assert detail.class_difference.text().startswith("Las dos clases difieren: ventas brutas — la ley: microempresa")
    assert detail.class_difference.text().endswith(
        "Las listas, los filtros y el Tablero usan la clase según la ley vigente.")


def test_firm_page_without_a_law_says_so(context, firm, qtbot, dialogs):
    detail = FirmDetailDialog(context, firm["id"])
    qtbot.addWidget(detail)
    detail.show()
    assert detail.law_name.text() == "Sin definición legal"
    assert detail.law_reason.text().startswith("No hay una definición legal de tamaño cargada para El Salvador")
