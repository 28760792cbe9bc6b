"""The "Clasificar empresa" panel: the adviser types figures and sees the class."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui.registry.classify_panel import ClassifyPanel


@pytest.fixture
def panel(qtbot):
    widget = ClassifyPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def criteria_rows(panel):
    table = panel.criteria_table
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def test_typing_employees_updates_class_live(panel, qtbot):
    panel.set_country("SV")
    assert panel.class_label.text() == "Sin clasificar"
    qtbot.keyClicks(panel.employees, "8")
    assert panel.class_label.text() == "Microempresa"
    qtbot.keyClicks(panel.employees, "0")  # now 80
    assert panel.class_label.text() == "Mediana empresa"
    assert "80" in panel.reason_label.text()


def test_boundary_value_belongs_to_lower_class(panel, qtbot):
    panel.set_country("SV")
    qtbot.keyClicks(panel.sales, "100000")
    assert panel.class_label.text() == "Microempresa"
    qtbot.keyClicks(panel.sales, "1")  # 1,000,001 -> above the small ceiling
    assert panel.class_label.text() == "Mediana empresa"


def test_conflicting_criteria_show_each_and_the_deciding_note(panel, qtbot):
    panel.set_country("CR")
    qtbot.keyClicks(panel.employees, "5")
    qtbot.keyClicks(panel.sales, "400000")
    assert panel.class_label.text() == "Mediana empresa"
    rows = criteria_rows(panel)
    assert ("Empleados", "5", "Microempresa") in rows
    assert ("Ventas brutas", "US$ 400,000", "Mediana empresa") in rows
    assert "ventas" in panel.notes_label.text().lower()


def test_panama_without_sales_names_the_missing_field(panel, qtbot):
    panel.set_country("PA")
    qtbot.keyClicks(panel.employees, "30")
    assert panel.class_label.text() == "Sin clasificar"
    assert "ventas" in (panel.notes_label.text() + panel.reason_label.text()).lower()


def test_large_firm_and_rulebook_shown(panel, qtbot):
    panel.set_country("GT")
    qtbot.keyClicks(panel.employees, "61")
    assert panel.class_label.text() == "Gran empresa"
    assert panel.rulebook_label.text() == (
        "Normativa aplicada: Definición de mipyme de Guatemala (CEPAL, Cuadro 1), versión 1")
    assert panel.rulebook_label.toolTip() == "cepal-cuadro1-gt 1"  # the id, for a technician


def test_letters_are_not_accepted_in_number_fields(panel, qtbot):
    panel.set_country("HN")
    qtbot.keyClicks(panel.employees, "abc")
    assert panel.employees.text() == ""
    assert panel.class_label.text() == "Sin clasificar"


def test_country_change_reclassifies(panel, qtbot):
    panel.set_country("HN")
    qtbot.keyClicks(panel.employees, "120")
    assert panel.class_label.text() == "Mediana empresa"
    panel.country.setFocus()
    panel.set_country("GT")
    assert panel.class_label.text() == "Gran empresa"


def test_panel_says_once_that_amounts_are_whole_dollars(panel, qtbot):
    assert panel.units_note.isVisible()
    assert panel.units_note.text() == ("Montos en dólares de EE. UU., en unidades (no en miles): "
                                       "250000 son doscientos cincuenta mil dólares.")
    panel.set_country("SV")
    qtbot.keyClicks(panel.sales, "250000")  # typed as the note says: a small firm, not a large one
    assert criteria_rows(panel)[-1][2] == "Pequeña empresa"
    shown = " ".join(w.text() for w in (panel.reason_label, panel.notes_label, panel.rulebook_label))
    assert "miles" not in shown
