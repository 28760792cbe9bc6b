"""The firm registry: search as you type (with and without accents), filters, sort, counts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester

from desktop.gui.registry.firms_page import FirmsPage
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services.registry.firms import delete_firm, register_firm, update_firm
from desktop.services.storage import open_database
from tests.gui.typing import type_text

FIRMS = [
    dict(legal_name="Café Luna S.A. de C.V.", country="SV", municipality="San Miguel", employees=4, sales_usd=60000, sector_isic="1079"),
    dict(legal_name="Panadería La Ñ", country="SV", municipality="Santa Ana", employees=25, sales_usd=400000, sector_isic="1071"),
    dict(legal_name="Textiles Ávila", country="GT", municipality="Mixco", employees=70, sector_isic="1410"),
    dict(legal_name="Muebles del Istmo", country="PA", municipality="Colón", sales_usd=3000000, sector_isic="3100"),
    dict(legal_name="Agroexportadora Cafetalera", country="HN", municipality="Comayagua", employees=12, sector_isic="0127"),
]


@pytest.fixture
def ctx(tmp_path):
    storage = open_database(tmp_path / "rumbo.db")
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    context = AppContext(storage, runner=SyncRunner(), settings=settings)
    ids = [register_firm(storage, data, None)["id"] for data in FIRMS]
    context.firm_ids = ids
    yield context
    storage.close()


@pytest.fixture
def page(ctx, qtbot):
    widget = FirmsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.show()
    return widget


def listed_names(page):
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def type_search(page, qtbot, text):
    page.search.clear()
    type_text(qtbot, page.search, text)
    qtbot.waitUntil(lambda: page.model.query.text == text, timeout=2000)


def test_lists_all_firms_sorted_by_name_with_count(page):
    assert listed_names(page) == sorted(f["legal_name"] for f in FIRMS)
    assert page.count_label.text() == "5 empresas"


def test_search_without_accents_finds_accented_names(page, qtbot):
    type_search(page, qtbot, "cafe")
    assert sorted(listed_names(page)) == ["Agroexportadora Cafetalera", "Café Luna S.A. de C.V."]
    type_search(page, qtbot, "avila")
    assert listed_names(page) == ["Textiles Ávila"]
    assert page.count_label.text() == "1 empresa"


def test_search_with_accents_and_prefix(page, qtbot):
    type_search(page, qtbot, "Panadería la ñ")
    assert listed_names(page) == ["Panadería La Ñ"]
    type_search(page, qtbot, "pan")
    assert listed_names(page) == ["Panadería La Ñ"]
    type_search(page, qtbot, "colon")  # municipality "Colón"
    assert listed_names(page) == ["Muebles del Istmo"]


def test_hostile_search_text_gives_no_error(page, qtbot):
    type_search(page, qtbot, '") OR * - NEAR( 😀 <b>&')
    assert listed_names(page) == []
    assert page.count_label.text() == "0 empresas"
    assert not page.open_button.isEnabled()


def test_filters_by_country_and_size(page, qtbot):
    page.country.setCurrentIndex(page.country.findData("SV"))
    assert sorted(listed_names(page)) == ["Café Luna S.A. de C.V.", "Panadería La Ñ"]
    page.size_class.setCurrentIndex(page.size_class.findData("micro"))
    assert listed_names(page) == ["Café Luna S.A. de C.V."]
    page.country.setCurrentIndex(0)
    page.size_class.setCurrentIndex(page.size_class.findData("grande"))
    assert sorted(listed_names(page)) == ["Muebles del Istmo", "Textiles Ávila"]


def test_sector_prefix_filter(page, qtbot):
    qtbot.keyClicks(page.sector, "10")
    qtbot.waitUntil(lambda: page.model.query.sector == "10", timeout=2000)
    assert sorted(listed_names(page)) == ["Café Luna S.A. de C.V.", "Panadería La Ñ"]


def test_click_header_sorts_by_employees_descending(page, qtbot):
    header = page.table.horizontalHeader()
    column = 6  # Empleados
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_point(header, column))
    first = page.model.query
    assert first.sort_key == "employees"
    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    employees = [page.model.index(r, column).data() for r in range(page.model.rowCount())]
    assert employees[:3] == ["70", "25", "12"]


def _section_point(header, column):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(column) + 5, 5)


def test_enter_opens_the_selected_firm(page, qtbot, ctx):
    opened = []
    page.open_requested.connect(opened.append)
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.model.firm_id(1)]


def test_list_follows_edits_and_deletions(page, ctx):
    first_id = page.model.firm_id(0)
    update_firm(ctx.storage, first_id, {"legal_name": "Zapatería Zeta"}, None)
    ctx.signals.firms_changed.emit()
    assert listed_names(page)[-1] == "Zapatería Zeta"
    delete_firm(ctx.storage, first_id, None)
    ctx.signals.firms_changed.emit()
    assert "Zapatería Zeta" not in listed_names(page)
    assert page.count_label.text() == "4 empresas"


def test_model_passes_qt_model_tester(page, qtbot):
    tester = ModelTester(None)
    tester.check(page.model, force_py=True)
    page.model.set_text("caf")
    tester.check(page.model, force_py=True)
