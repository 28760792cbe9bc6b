"""Keyboard and screen-reader use: names on every focusable widget, Tab in reading order,
shortcuts that switch screens and press buttons, charts that say their values, and colours
that follow a high-contrast palette."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import build_main_window
from desktop.gui.shared import accessibility as a11y
from desktop.gui.shared.charts import Bar, BarChart, LineChart, RadarChart, Series
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services import sync
from desktop.services.assessments import assessments_of_firm
from desktop.services.demo import make_demo
from desktop.services.registry import firms
from desktop.services.registry.firm_list import FirmQuery, firm_ids
from desktop.services.storage import open_database
from tests.sync.conftest import enrol_each_other

PAGES = ("firms", "assessments", "dashboard", "reports", "sync", "classify", "settings")


@pytest.fixture
def demo(tmp_path):
    """A context over a demo database (firms with completed assessments) and an assessed firm."""
    storage = open_database(tmp_path / "demo.db", device_name="Laptop de Ana")
    summary = make_demo(storage, 12, seed=2024, assessments=True)
    context = AppContext(storage, runner=SyncRunner(),
                         settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    context.adviser_id = summary.adviser_id
    assessed = next(i for i in firm_ids(storage, FirmQuery(), limit=50)
                    if any(a["status"] == "completed" for a in assessments_of_firm(storage, i)))
    yield context, assessed
    storage.close()


@pytest.fixture
def window(demo, qtbot):
    context, _firm = demo
    win = build_main_window(context)
    qtbot.addWidget(win)
    win.show()
    return win


def completed_assessment(context, firm_id: str) -> str:
    return next(a["id"] for a in assessments_of_firm(context.storage, firm_id) if a["status"] == "completed")


def unnamed(root: QWidget) -> list[str]:
    """The visible widgets that take the focus but would reach a screen reader without a name.

    A label is read by its own text; one with no text yet (a status line) has nothing to say.
    """
    missing = []
    for widget in [root] + root.findChildren(QWidget):
        if not a11y.focusable(widget) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            continue
        if not a11y.spoken_name(widget).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def undescribed(root: QWidget) -> list[str]:
    """The visible tables, lists and charts that do not say what they hold (a table's header is its own)."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    return [f"{type(w).__name__} {w.objectName()!r}" for w in root.findChildren(QWidget)
            if (isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) or getattr(w, "is_chart", False))
            and w.isVisible()
            and not a11y.is_internal(w) and not w.accessibleDescription().strip()]


def silent(root: QWidget) -> list[str]:
    """What a screen reader could not name or describe in ``root``."""
    return unnamed(root) + undescribed(root)


def tab_walk(qtbot, window: QWidget, first: QWidget | None = None, limit: int = 300) -> list[str]:
    """Press Tab from ``first`` (or the window's first stop) until the focus comes round again.

    Returns the accessible names of the widgets visited, in order; a date edit's day, month and
    year (Tab moves through them) count once.
    """
    window.show()
    if first is not None:
        first.setFocus(Qt.FocusReason.TabFocusReason)
    elif window.focusWidget() is None:
        window.focusNextChild()
    visited: list[QWidget] = []
    for _ in range(limit):
        focused = window.focusWidget()
        if focused in visited:
            break
        visited.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    names: list[str] = []
    for widget in visited:
        name = a11y.spoken_name(a11y.owner(widget))
        if not names or names[-1] != name:
            names.append(name)
    return names


# --- (a) every focusable widget has a name ------------------------------------------------------


def test_no_focusable_widget_on_a_main_screen_lacks_a_name(window):
    for key in PAGES:
        window.show_page(key)
        assert unnamed(window) == [], key
        assert undescribed(window) == [], key


def test_no_focusable_widget_in_the_views_of_an_assessment_lacks_a_name(window, demo):
    context, firm_id = demo
    window.navigator.start_assessment(firm_id)
    assert unnamed(window) == [] and undescribed(window) == [], "entrevista"
    window.navigator.open_assessment(completed_assessment(context, firm_id))
    assert unnamed(window) == [] and undescribed(window) == [], "resultados"
    window.page("assessments").show_followup(firm_id)
    assert unnamed(window) == [] and undescribed(window) == [], "seguimiento"


def test_no_focusable_widget_in_the_dialogs_lacks_a_name(window, demo, qtbot, tmp_path, dialogs):
    context, firm_id = demo
    navigator = window.navigator
    navigator.new_firm()
    assert silent(navigator.last_dialog) == [], "nueva empresa"
    navigator.last_dialog.done(0)
    navigator.open_firm(firm_id)
    detail = navigator.last_dialog
    for tab in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(tab)
        assert silent(detail) == [], detail.tabs.tabText(tab)
    detail.edit()
    assert silent(detail.edit_dialog) == [], "editar empresa"
    detail.edit_dialog.done(0)
    detail.done(0)

    csv = tmp_path / "empresas.csv"
    csv.write_text("Razón social,País,Empleados\nCafé Luna,SV,4\nSin país,,3\n", encoding="utf-8")
    navigator.import_firms()
    importer = navigator.last_dialog
    importer.load(str(csv))
    importer.dry_run()
    assert silent(importer) == [], "importar"
    importer.done(0)

    navigator.show_duplicates()
    assert silent(navigator.last_dialog) == [], "duplicados"
    navigator.last_dialog.done(0)

    from desktop.gui.assessment.assessments_page import FirmPicker
    from desktop.gui.portfolio.dashboard_page import FirmListDialog
    from desktop.gui.settings.adviser_dialog import AdviserDialog

    for dialog in (FirmPicker(context, window), AdviserDialog(context, window),
                   FirmListDialog("Microempresa", 1, [{"id": firm_id, "legal_name": "Café Luna", "country": "SV",
                                                       "department": None, "size_class": "micro",
                                                       "sector_isic": "1071"}], parent=window)):
        dialog.show()
        assert silent(dialog) == [], type(dialog).__name__
        dialog.done(0)


def test_no_focusable_widget_in_the_sync_dialogs_lacks_a_name(qtbot, tmp_path):
    laptop = open_database(tmp_path / "l.db", device_name="Laptop Ana")
    centre = open_database(tmp_path / "c.db", device_name="Centro San Salvador")
    sync.set_device_role(centre, "centre")
    enrol_each_other(laptop, centre)  # bundles travel only between enrolled devices
    firm = firms.register_firm(laptop, {"legal_name": "Café Luna", "country": "SV"}, None)
    sync.export_bundle(laptop, tmp_path / "1.rumbo")
    sync.import_bundle(centre, tmp_path / "1.rumbo")
    firms.update_firm(laptop, firm["id"], {"email": "ana@luna.sv"}, None)
    firms.update_firm(centre, firm["id"], {"email": "info@luna.sv"}, None)
    sync.export_bundle(laptop, tmp_path / "2.rumbo")
    from desktop.gui.sync.conflict_dialog import ConflictDialog
    from desktop.gui.sync.sync_page import BundlePreviewDialog

    preview = BundlePreviewDialog(sync.preview_bundle(centre, tmp_path / "2.rumbo"))
    qtbot.addWidget(preview)
    preview.show()
    assert silent(preview) == []
    sync.import_bundle(centre, tmp_path / "2.rumbo")
    context = AppContext(centre, runner=SyncRunner(),
                         settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    [conflict] = sync.list_conflicts(centre)
    dialog = ConflictDialog(context, conflict.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert silent(dialog) == []
    assert dialog.typed["email"].accessibleName() == "Otro valor para «Correo electrónico»"
    laptop.close()
    centre.close()


def test_names_come_from_what_a_sighted_user_reads_next_to_the_widget(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    form = QFormLayout()
    typed = QLineEdit()
    form.addRow("&Municipio:", typed)  # the row's label
    buddy_label, with_buddy = QLabel("Razón &social *"), QLineEdit()
    buddy_label.setBuddy(with_buddy)
    form.addRow(buddy_label, with_buddy)
    group = QGroupBox("Tipos de cambio")
    table = QTableWidget(1, 2)
    QVBoxLayout(group).addWidget(table)  # alone in its box: the box's title
    button = QPushButton("&Guardar cambios…")
    orphan = QComboBox()
    layout = QVBoxLayout(root)
    layout.addLayout(form)
    layout.addWidget(group)
    layout.addWidget(button)
    layout.addWidget(orphan)
    left = a11y.name_widgets(root)
    assert [a11y.spoken_name(w) for w in (typed, with_buddy, table, button)] == \
        ["Municipio", "Razón social", "Tipos de cambio", "Guardar cambios"]
    assert button.accessibleName() == ""  # a button is read by its text, as it changes
    assert left == [orphan]  # nothing names a lone combo: the code must


# --- (b) Tab follows the reading order ----------------------------------------------------------


def test_tab_walks_the_firm_form_column_by_column(window, qtbot, dialogs):
    window.navigator.new_firm()
    form = window.navigator.last_dialog
    assert tab_walk(qtbot, form, form.editor("legal_name")) == [
        "Razón social", "Nombre comercial", "País", "Identificación tributaria", "Forma jurídica",
        "Registro formal", "Año de fundación", "Departamento", "Municipio", "Dirección", "Actividad (CIIU)",
        "Propietario/a", "Sexo del propietario/a", "Persona de contacto", "Sexo del contacto", "Teléfono",
        "Correo electrónico", "Empleadas mujeres", "Empleados hombres", "Empleados (total)", "Moneda",
        # the exchange rate is off while the currency is US dollars
        "Ventas anuales", "Activos", "Exportaciones anuales", "Notas", "Guardar", "Cancelar"]


def test_tab_walks_the_adviser_dialog_top_to_bottom(demo, qtbot):
    from desktop.gui.settings.adviser_dialog import AdviserDialog

    dialog = AdviserDialog(demo[0])
    qtbot.addWidget(dialog)
    assert tab_walk(qtbot, dialog, dialog.existing) == [
        "Asesores registrados", "Usar este asesor", "Nombre", "Centro", "Correo electrónico",
        "Registrarme y continuar", "Salir"]


def test_tab_walks_the_first_start_dialog_down_to_the_device_name(qtbot, tmp_path):
    from desktop.gui.settings.adviser_dialog import AdviserDialog

    storage = open_database(tmp_path / "nuevo.db")  # the host's name: the dialog asks for the device's
    context = AppContext(storage, runner=SyncRunner(),
                         settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    dialog = AdviserDialog(context)
    qtbot.addWidget(dialog)
    assert tab_walk(qtbot, dialog, dialog.name.editor) == [
        "Nombre", "Centro", "Correo electrónico", "Registrarme y continuar", "Nombre del equipo", "Salir"]
    storage.close()


def test_tab_walks_the_import_dialog_from_the_file_to_the_buttons(window, qtbot, tmp_path, dialogs):
    csv = tmp_path / "empresas.csv"
    csv.write_text("Razón social,País\nCafé Luna,SV\n,SV\n", encoding="utf-8")
    window.navigator.import_firms()
    dialog = window.navigator.last_dialog
    dialog.load(str(csv))
    dialog.dry_run()
    assert tab_walk(qtbot, dialog, dialog.path) == [
        "Archivo elegido", "Elegir archivo", "Correspondencia de columnas", "Primeras filas", "Filas rechazadas",
        "Guardar rechazadas", "Revisar (sin guardar)", "Importar 1 empresas", "Cancelar"]


def test_tab_leaves_a_table_instead_of_walking_its_cells(window, qtbot):
    page = window.page("firms")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert window.focusWidget() is page.new_button


def test_tab_walks_the_firm_list_filters_then_the_table_then_the_buttons(window, qtbot):
    assert tab_walk(qtbot, window, window.sidebar) == [
        "Secciones", "Buscar empresas", "Filtrar por país", "Filtrar por tamaño", "Filtrar por actividad (CIIU)",
        "Filtrar por etapa", "Filtrar por banda", "Filtrar por asesor", "Lista de empresas", "Nueva empresa",
        "Abrir", "Importar", "Exportar", "Posibles duplicados"]


def test_tab_walks_the_classify_panel_down_its_form(window, qtbot):
    window.show_page("classify")
    assert tab_walk(qtbot, window, window.sidebar) == [
        "Secciones", "País", "Empleados", "Ventas brutas anuales (USD)", "Activos (USD)", "Exportaciones (USD)",
        "Sector (CIIU)"]


def test_tab_walks_the_settings_left_column_then_the_right_one(window, qtbot):
    window.show_page("settings")
    names = tab_walk(qtbot, window, window.sidebar)
    assert names[:21] == [
        "Secciones", "Cambiar de asesor", "Nombre del centro", "Elegir logotipo", "País por omisión", "Idioma",
        "Nombre del equipo", "Copia de seguridad", "Restaurar copia", "Verificar el historial",
        "Programas vigentes del centro", "Añadir", "Importar CSV o XLSX",
        "Clase en listas, filtros y Tablero", "Definiciones de tamaño", "Importar ley o salario mínimo",
        "Reclasificar empresas", "Tipos de cambio",
        "Añadir moneda", "Quitar moneda", "Peso de Estrategia y planificación de mercados"]
    assert names[-3:] == ["Volver a los del cuestionario", "Guardar parámetros", "Guardar cambios"]


def test_tab_walks_the_interview_questions_then_its_buttons_left_to_right(window, demo, qtbot):
    window.navigator.start_assessment(demo[1])
    wizard = window.page("assessments").stack.currentWidget()
    names = tab_walk(qtbot, window, wizard.dimension_list)
    assert names[:5] == ["Dimensiones del cuestionario", "0 — No hay estrategia de mercado", "No sabe",
                         "Documento visto por el asesor", "Nota sobre la pregunta 1"]
    # a group of choices is one Tab stop (the arrows move inside it); the buttons come last, left to right,
    # and Tab goes on to the sidebar and the way back to the list
    assert names[names.index("Cerrar y seguir después") - 1:] == [
        "Nota sobre la pregunta 6", "Cerrar y seguir después", "Siguiente", "Terminar evaluación", "Secciones",
        "Volver a la lista"]


def test_tab_walks_the_conflict_dialog_row_by_row(qtbot, tmp_path):
    laptop = open_database(tmp_path / "l.db", device_name="Laptop Ana")
    centre = open_database(tmp_path / "c.db", device_name="Centro")
    sync.set_device_role(centre, "centre")
    enrol_each_other(laptop, centre)  # bundles travel only between enrolled devices
    firm = firms.register_firm(laptop, {"legal_name": "Café Luna", "country": "SV"}, None)
    sync.export_bundle(laptop, tmp_path / "1.rumbo")
    sync.import_bundle(centre, tmp_path / "1.rumbo")
    firms.update_firm(laptop, firm["id"], {"email": "ana@luna.sv", "phone": "2661 0000"}, None)
    firms.update_firm(centre, firm["id"], {"email": "info@luna.sv", "phone": "2661 1111"}, None)
    sync.export_bundle(laptop, tmp_path / "2.rumbo")
    sync.import_bundle(centre, tmp_path / "2.rumbo")
    context = AppContext(centre, runner=SyncRunner(),
                         settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    from desktop.gui.sync.conflict_dialog import ConflictDialog

    [conflict] = sync.list_conflicts(centre)
    dialog = ConflictDialog(context, conflict.id)
    qtbot.addWidget(dialog)
    from desktop.gui.sync.conflict_dialog import field_label

    names = tab_walk(qtbot, dialog, dialog.radios[dialog.fields[0]]["local"])
    # a row of choices from left to right: this device's value, the other's, another one typed
    rows = [["Este equipo", "Otro equipo", "Otro valor", f"Otro valor para «{field_label(name)}»"]
            for name in dialog.fields]
    assert names == [name for row in rows for name in row] + ["Guardar", "Cancelar"]
    laptop.close()
    centre.close()


# --- (c) shortcuts -------------------------------------------------------------------------------


def test_ctrl_and_a_number_switch_screens_and_the_ver_menu_shows_them(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.title.text() == "Evaluaciones"
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.title.text() == "Configuración"
    menu = [(a.text(), a.shortcut().toString()) for a in window.view_menu.actions()]
    assert menu == [("Empresas", "Ctrl+1"), ("Evaluaciones", "Ctrl+2"), ("Tablero", "Ctrl+3"), ("Informes", "Ctrl+4"),
                    ("Sincronización", "Ctrl+5"), ("Clasificar empresa", "Ctrl+6"), ("Configuración", "Ctrl+7")]
    assert window.sidebar.item(3).toolTip() == "Informes (Ctrl+4)"


def test_frequent_actions_say_their_shortcut_in_the_tooltip(window):
    firms_page, assessments = window.page("firms"), window.page("assessments")
    assert firms_page.new_button.toolTip() == "Nueva empresa (Ctrl+N)"
    assert firms_page.import_button.toolTip() == "Importar (Ctrl+I)"
    assert assessments.new_button.toolTip() == "Nueva evaluación (Ctrl+N)"
    assert window.page("reports").print_one.toolTip() == "Imprimir informe (Ctrl+P)"
    assert window.page("settings").findChild(QPushButton, "saveSettings").toolTip() == "Guardar cambios (Ctrl+S)"
    assert window.page("dashboard").refresh_button.toolTip() == "Actualizar (F5)"


def test_ctrl_n_on_the_firm_list_opens_a_new_firm_form(window, qtbot, dialogs):
    qtbot.keyClick(window.page("firms").table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.navigator.last_dialog
    assert type(dialog).__name__ == "FirmFormDialog" and dialog.windowTitle() == "Nueva empresa"


def test_ctrl_p_on_the_results_asks_where_to_save_the_report(window, demo, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (asked.append(args[1]), ("", ""))[1])
    window.navigator.open_assessment(completed_assessment(*demo))
    results = window.page("assessments").stack.currentWidget()
    assert results.print_button.toolTip() == "Imprimir informe (Ctrl+P)"
    qtbot.keyClick(results, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Guardar informe"]


def test_ctrl_s_saves_the_settings(window, qtbot):
    window.show_page("settings")
    page = window.page("settings")
    page.centre_name.setText("CDMYPE Santa Ana")
    qtbot.keyClick(page.centre_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.status.text() == "Configuración guardada."


def test_the_dashboard_bars_open_from_the_keyboard(window, qtbot):
    window.show_page("dashboard")
    page = window.page("dashboard")
    chart = page.charts["by_size"]
    opened = []
    page.selection_requested.connect(opened.append)
    page.show_lists = False
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert [row.label for row in opened] == [page.rows("by_size")[1].label]


# --- (d) charts say their values -----------------------------------------------------------------


def test_a_bar_chart_says_each_bar_in_words(qtbot):
    chart = BarChart("Empresas por tamaño")
    qtbot.addWidget(chart)
    chart.bar_clicked.connect(lambda key: None)
    chart.set_bars([Bar("micro", "Microempresa", 310, "310"), Bar("pequena", "Pequeña empresa", 95, "95"),
                    Bar("x", "Sin clasificar", None)])
    assert chart.accessibleName() == "Empresas por tamaño"
    assert chart.accessibleDescription().startswith(
        "Microempresa: 310; Pequeña empresa: 95; Sin clasificar: sin datos.")
    assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a clickable chart is reached with Tab


def test_radar_and_line_charts_say_their_values_in_words(qtbot):
    radar, line = RadarChart(), LineChart("Índice de preparación")
    for chart in (radar, line):
        qtbot.addWidget(chart)
    radar.set_data(["Gestión", "Calidad", "Redes"], [Series("Puntaje", [54.3, None, 80.0])])
    line.set_data(["2024-03-01", "2025-03-01"], [Series("Índice", [41.5, 58.0])])
    assert radar.accessibleDescription() == "Puntaje: Gestión 54,3; Calidad sin datos; Redes 80."
    assert line.accessibleDescription() == "Índice: 2024-03-01 41,5; 2025-03-01 58."


def test_the_results_charts_state_the_scores_shown(window, demo):
    context, firm_id = demo
    window.navigator.open_assessment(completed_assessment(context, firm_id))
    results = window.page("assessments").stack.currentWidget()
    scored = [d for d in results.result.dimensions if d.score is not None]
    assert results.radar.accessibleName() == "Puntaje por dimensión (gráfico radar)"
    from desktop.gui.assessment.results import number

    for d in scored:
        title = d.title.text("es")
        assert f"{title} {number(d.score).removesuffix(',0')}" in results.radar.accessibleDescription()
        assert f"{title}: {number(d.score)}" in results.bars.accessibleDescription()


# --- scaling and high contrast -------------------------------------------------------------------


def test_a_window_larger_than_the_screen_is_shrunk_to_fit(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(5000, 5000)
    a11y.prepare(dialog)
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()


@pytest.fixture
def high_contrast():
    app = QApplication.instance()
    previous = app.palette()
    app.setPalette(a11y.high_contrast_palette())
    yield
    app.setPalette(previous)


def test_under_high_contrast_text_takes_the_palettes_colours(high_contrast, window, demo):
    assert a11y.dark_palette()
    assert a11y.tone("#1f3a4d") == "#ffffff"
    window.navigator.open_assessment(completed_assessment(*demo))
    results = window.page("assessments").stack.currentWidget()
    assert "#1f3a4d" not in results.index_label.styleSheet() and "#ffffff" in results.index_label.styleSheet()
    window.navigator.start_assessment(demo[1])
    wizard = window.page("assessments").stack.currentWidget()
    card = next(iter(wizard.cards.values()))
    assert "white" not in card.styleSheet()  # a white card would hide the white text
    assert "#1f3a4d" not in window.sidebar.styleSheet()  # the system's colours, not Rumbo's blue


def test_a_light_palette_keeps_rumbos_colours(window):
    assert not a11y.dark_palette()
    assert a11y.tone("#1f3a4d") == "#1f3a4d"
    assert "#1f3a4d" in window.sidebar.styleSheet()


def test_standard_shortcuts_are_the_platform_ones(qapp):
    # What the tooltips promise is what the keys are.
    assert a11y.shortcut_text(QKeySequence.StandardKey.Print) == "Ctrl+P"
    assert a11y.shortcut_text(QKeySequence.StandardKey.New) == "Ctrl+N"


def test_enter_on_the_assessment_list_opens_the_chosen_one(window, demo, qtbot):
    window.show_page("assessments")
    page = window.page("assessments")
    row = next(r for r, item in enumerate(page.rows) if item["status"] == "completed")
    page.table.selectRow(row)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    shown = page.stack.currentWidget()
    assert type(shown).__name__ == "AssessmentResultsView" and shown.assessment_id == page.rows[row]["id"]


def test_tab_walks_the_sign_in_screens_in_reading_order(qtbot, tmp_path):
    from desktop.gui.settings.sign_in import SetUpDialog, SignInDialog

    setup = SetUpDialog(tmp_path / "nueva.db", "new")
    qtbot.addWidget(setup)
    assert tab_walk(qtbot, setup, setup.boxes["name"].editor) == [
        "Nombre", "Centro", "Usuario", "Contraseña", "Repita la contraseña", "Nombre del equipo", "Salir",
        "Configurar y cifrar"]
    assert not unnamed(setup)
    sign_in = SignInDialog(tmp_path / "nueva.db", "")
    qtbot.addWidget(sign_in)
    assert tab_walk(qtbot, sign_in, sign_in.boxes["login"].editor) == [
        "Usuario", "Contraseña", "Olvidé mi contraseña", "Salir de Rumbo", "Entrar"]
    assert not unnamed(sign_in)
