"""Configuración → Programas vigentes del centro, as a coordinator uses it: add by keyboard, fix a refusal
without losing what was typed, see what needs review, import a table with bad rows."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.gui.settings.settings_page import SettingsPage
from desktop.services import programmes

TODAY = dt.date(2026, 12, 8)


@pytest.fixture
def box(context, qtbot, dialogs):
    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.programmes_box.today = TODAY
    page.programmes_box.reload()
    return page.programmes_box


def rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_an_empty_directory_says_what_the_report_does_instead(box):
    assert box.table.rowCount() == 0
    assert box.review.text().startswith("El directorio está vacío: el informe dice entonces a quién del centro "
                                        "preguntar.")


def test_a_programme_is_added_by_typing_and_a_refusal_keeps_what_was_typed(box, qtbot, context):
    dialog = box.add()
    qtbot.keyClicks(dialog.fields["name"], "Credito Crece")  # QTest types ASCII only
    qtbot.keyClicks(dialog.fields["institution"], "Banco de ejemplo")
    dialog.family.setCurrentIndex(dialog.family.findData("financiamiento"))
    lines = {dialog.instruments.item(i).text(): dialog.instruments.item(i) for i in range(dialog.instruments.count())}
    assert "Microfinanzas" in lines and "Programas de desarrollo de proveedores" not in lines  # the family's only
    lines["Líneas de crédito para un propósito"].setCheckState(Qt.CheckState.Checked)
    dialog.findChild(type(dialog.registration), "sizes_micro").setChecked(True)
    qtbot.keyClicks(dialog.fields["phone"], "12")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "El teléfono «12» no es un número válido de El Salvador."
    assert dialog.isVisible() and dialog.focusWidget() is dialog.fields["phone"]
    assert dialog.fields["name"].text() == "Credito Crece"  # nothing typed is lost
    assert programmes.programmes(context.storage, TODAY) == []

    dialog.fields["phone"].clear()
    qtbot.keyClicks(dialog.fields["phone"], "2222 3333")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert rows(box.table) == [["Credito Crece", "Banco de ejemplo", "Financiamiento", "sin fechas", "08/12/2026",
                                "Vigente"]]
    [stored] = programmes.programmes(context.storage, TODAY)
    assert stored.programme.instruments == ("fin_lineas_credito",) and stored.programme.sizes == ("micro",)
    assert stored.programme.phone == "+50322223333"
    assert box.status.text() == "Se guardó «Credito Crece»."

    box.table.selectRow(0)
    again = box.edit()
    assert again.fields["phone"].text() == "+503 2222 3333" and again.checked_instruments() == {"fin_lineas_credito"}
    again.reject()


def test_programmes_past_their_date_or_unchecked_are_flagged_first_and_can_be_marked_checked(box, context):
    base = {"institution": "Banco de ejemplo", "country": "SV", "family": "financiamiento",
            "email": "x@example.org"}
    programmes.add_programme(context.storage, {**base, "name": "Al día", "checked_on": "01/12/2026"}, None, TODAY)
    programmes.add_programme(context.storage, {**base, "name": "Vencido", "valid_to": "30/06/2026",
                                               "checked_on": "01/12/2026"}, None, TODAY)
    programmes.add_programme(context.storage, {**base, "name": "Viejo", "checked_on": "01/12/2025"}, None, TODAY)
    box.reload()
    assert [(r[0], r[-1]) for r in rows(box.table)] == [("Vencido", "Vencido"),
                                                        ("Viejo", "Sin verificar hace más de un año"),
                                                        ("Al día", "Vigente")]
    assert box.review.text() == ("Programas que necesitan revisión (el informe no los muestra): vencidos, 1; sin "
                                 "verificar hace más de un año, 1.")
    box.table.selectRow(1)
    assert box.mark_checked()
    assert [(r[0], r[-1]) for r in rows(box.table)] == [("Vencido", "Vencido"), ("Al día", "Vigente"),
                                                        ("Viejo", "Vigente")]
    box.table.selectRow(0)
    assert box.delete(ask=False)
    assert [r[0] for r in rows(box.table)] == ["Al día", "Viejo"]
    assert box.review.text() == "Todos los programas están vigentes y verificados en el último año."


def test_importing_a_table_lists_each_bad_row_in_one_sentence_and_imports_the_good_ones(box, qtbot, context, tmp_path):
    path = tmp_path / "programas.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Programa", "Institución", "País", "Familia", "Correo", "Verificado el"])
        writer.writerow(["Ferias", "Agencia de ejemplo", "SV", "mercados", "ferias@example.org", "01/12/2026"])
        writer.writerow(["", "Agencia de ejemplo", "SV", "mercados", "x@example.org", ""])
        writer.writerow(["Misiones", "Agencia de ejemplo", "SV", "mercados", "misiones arroba ejemplo", ""])
    dialog = box.import_file(str(path))
    assert dialog.summary.text() == ("«programas.csv»: 3 filas. Programas nuevos: 1; actualizados: 0; filas con "
                                     "problemas: 2.")
    assert rows(dialog.problems) == [
        ["3", "Falta el nombre del programa."],
        ["4", "El correo electrónico «misiones arroba ejemplo» no tiene la forma nombre@dominio.ext."]]
    assert programmes.programmes(context.storage, TODAY) == []  # nothing written before the coordinator confirms
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [r[0] for r in rows(box.table)] == ["Ferias"]
    assert box.status.text() == "Programas importados: 1 nuevos, 0 actualizados; 2 filas no se importaron."


def test_a_file_that_is_not_a_directory_is_refused_in_one_sentence(box, tmp_path):
    path = tmp_path / "empresas.csv"
    path.write_text("Razón social;NIT\nCafé;0614\n", encoding="utf-8")
    assert box.import_file(str(path)) is None
    assert box.status.text() == ("Al archivo «empresas.csv» le falta la columna «Programa» y «Institución»; la "
                                 "primera fila debe nombrar las columnas.")


def test_the_results_screen_shows_the_centres_current_programme_first_in_its_recommendation(context, qtbot):
    from desktop.gui.assessment.results import AssessmentResultsView
    from desktop.services import assessments
    from tests.reports import contrasting

    firm = contrasting.add_firm(context.storage, "supplier", context.adviser_id)
    programmes.add_programme(context.storage, {
        "name": "Encadenamientos de ejemplo", "institution": "Institución de ejemplo", "country": "SV",
        "instruments": ["art_desarrollo_proveedores"], "email": "enc@example.org",
        "checked_on": dt.date.today().strftime("%d/%m/%Y")}, None)
    done = [a for a in assessments.assessments_of_firm(context.storage, firm["id"]) if a["status"] == "completed"]
    view = AssessmentResultsView(context, done[-1]["id"])
    qtbot.addWidget(view)
    text = view.recommendations_view.toPlainText()
    first = text.index("Programas de desarrollo de proveedores")
    assert first < text.index("Programas vigentes del centro:") < text.index("Encadenamientos de ejemplo") \
        < text.index("Ejemplos que cita el estudio")
    assert "enc@example.org" in text
