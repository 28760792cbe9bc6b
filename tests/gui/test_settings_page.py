"""Configuración: business settings round trip, language, device, logo, adviser, backup and restore."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton

from desktop.gui.settings.settings_page import LANG_KEY, SettingsPage
from desktop.services import profile
from desktop.services.registry.firm_list import FirmQuery, count_firms
from desktop.services.registry.firms import register_firm
from desktop.services.storage import open_database
from tests.gui.typing import type_text


@pytest.fixture
def page(context, qtbot, dialogs):
    widget = SettingsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    return widget


def click_save(page, qtbot):
    qtbot.mouseClick(page.findChild(QPushButton, "saveSettings"), Qt.MouseButton.LeftButton)


def test_settings_round_trip(page, context, qtbot):
    assert page.adviser.text() == "Ana Martínez — CDMYPE San Miguel"
    page.centre_name.clear()
    type_text(qtbot, page.centre_name, "CDMYPE UNICAES Santa Ana")
    page.default_country.setCurrentIndex(page.default_country.findData("GT"))
    page.add_rate("gtq", "7,8")
    page.language.setCurrentIndex(page.language.findData("en"))
    page.device.clear()
    type_text(qtbot, page.device, "Laptop Ana")
    click_save(page, qtbot)
    storage = context.storage
    assert profile.get_setting(storage, "centre_name") == "CDMYPE UNICAES Santa Ana"
    assert profile.get_setting(storage, "default_country") == "GT"
    assert profile.get_setting(storage, "exchange_rates") == {"GTQ": "7.8"}
    assert profile.device_name(storage) == "Laptop Ana"
    assert context.settings.value(LANG_KEY) == "en"
    assert "próxima vez" in page.status.text()
    # A fresh page (as after a restart) shows what was stored.
    again = SettingsPage(context)
    qtbot.addWidget(again)
    assert again.centre_name.text() == "CDMYPE UNICAES Santa Ana"
    assert again.default_country.currentData() == "GT"
    assert again.rate_table() == {"GTQ": "7.8"}
    assert again.language.currentData() == "en"


def test_bad_rate_is_refused_and_nothing_is_stored(page, context, qtbot):
    type_text(qtbot, page.centre_name, "Centro nuevo")
    page.add_rate("GTQ", "siete")
    assert page.save() is False
    assert "GTQ" in page.status.text() and "mayor que cero" in page.status.text()
    assert profile.get_setting(context.storage, "centre_name") == ""
    assert page.centre_name.text() == "Centro nuevo" and page.rate_table() == {"GTQ": "siete"}


def test_logo_is_stored_in_the_database(page, context, tmp_path):
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f3a4d"))
    path = tmp_path / "logo.png"
    image.save(str(path))
    assert page.choose_logo(str(path))
    assert profile.centre_logo_bytes(context.storage) == path.read_bytes()
    assert not page.logo.pixmap().isNull() and page.remove_logo_button.isEnabled()
    page.remove_logo()
    assert profile.centre_logo_bytes(context.storage) is None


def test_a_text_file_is_not_a_logo(page, context, tmp_path):
    path = tmp_path / "logo.txt"
    path.write_text("no soy una imagen")
    assert page.choose_logo(str(path)) is False
    assert "PNG o JPEG" in page.status.text()


def test_switch_adviser_from_settings(page, context, qtbot):
    other = profile.create_adviser(context.storage, "Luis Pérez", "CDMYPE Usulután")
    dialog = page.change_adviser()
    row = next(i for i in range(dialog.existing.count())
               if dialog.existing.item(i).data(Qt.ItemDataRole.UserRole) == other["id"])
    dialog.existing.setCurrentRow(row)
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert context.adviser_id == other["id"]
    assert page.adviser.text() == "Luis Pérez — CDMYPE Usulután"


def test_backup_then_restore(page, context, tmp_path, dialogs, qtbot):
    register_firm(context.storage, {"legal_name": "Antes de la copia", "country": "SV"}, None)
    copy = tmp_path / "copia.db"
    page.backup(str(copy))
    assert "Copia de seguridad guardada" in page.status.text()
    with open_database(copy) as backup:
        assert count_firms(backup, FirmQuery()) == 1
    register_firm(context.storage, {"legal_name": "Después de la copia", "country": "SV"}, None)

    dialogs.answer = False
    page.restore(str(copy))
    assert count_firms(context.storage, FirmQuery()) == 2  # said no: nothing changed

    dialogs.answer = True
    db_path = context.storage.path
    with qtbot.waitSignal(page.restart_required):
        page.restore(str(copy))
    assert "vuelva a abrir Rumbo" in page.status.text() and dialogs.infos
    with open_database(db_path) as restored:
        assert count_firms(restored, FirmQuery()) == 1


def test_restore_refuses_a_file_that_is_not_a_backup(page, context, tmp_path, dialogs):
    bogus = tmp_path / "nada.db"
    bogus.write_bytes(b"esto no es sqlite")
    page.restore(str(bogus))
    assert dialogs.errors and dialogs.confirms == []
    assert count_firms(context.storage, FirmQuery()) == 0  # still open and usable


def set_spin(qtbot, box, value) -> None:
    """Select the spin box's text and type a new value, as an adviser would."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, str(value).replace(".", ","))
    qtbot.keyClick(box, Qt.Key.Key_Tab)


def test_centre_adjusts_weights_and_bands_and_new_assessments_use_them(page, context, qtbot):
    from desktop.services import assessments as assessment_service

    box = page.parameters_box
    assert box.bands["preparada"].value() == 60 and box.weights["estrategia"].value() == 2.0
    assert "Criterio del centro" in box.thresholds["index_threshold"].toolTip()
    set_spin(qtbot, box.bands["preparada"], 55)
    set_spin(qtbot, box.weights["redes"], 3)
    qtbot.mouseClick(box.findChild(QPushButton, "saveParameters"), Qt.MouseButton.LeftButton)
    assert "guardados" in box.status.text()
    stored = profile.get_setting(context.storage, "assessment_parameters")
    assert stored["bands"]["preparada"] == "55" and stored["dimension_weights"]["redes"] == "3.0"
    q = assessment_service.centre_parameters(context.storage)
    assert q.adjusted_by == "centro" and q.dimension("redes").weight == 3

    # bands that do not grow are refused in one sentence and nothing changes
    set_spin(qtbot, box.bands["avanzada"], 50)
    qtbot.mouseClick(box.findChild(QPushButton, "saveParameters"), Qt.MouseButton.LeftButton)
    assert "no son válidos" in box.status.text() and "bandas" in box.status.text()
    assert profile.get_setting(context.storage, "assessment_parameters")["bands"]["avanzada"] == "80"

    qtbot.mouseClick(box.findChild(QPushButton, "resetParameters"), Qt.MouseButton.LeftButton)
    assert profile.get_setting(context.storage, "assessment_parameters") == {}
    assert box.bands["preparada"].value() == 60 and box.bands["avanzada"].value() == 80


def test_verify_history_says_it_holds_then_names_the_altered_change(page, context, qtbot):
    firm = register_firm(context.storage, {"legal_name": "Café <Luna> & 🌙", "country": "SV"}, None)
    button = page.findChild(QPushButton, "verifyHistory")
    assert button.text() == "Verificar el &historial"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "íntegro" in page.history_status.text())
    changes = context.storage.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    assert page.history_status.text() == (
        f"El historial está íntegro: {changes} cambios de 1 equipo verificados.")
    seq = context.storage.conn.execute("SELECT origin_seq FROM change_log WHERE record_id = ?",
                                       (firm["id"],)).fetchone()[0]
    with context.storage.db.conn:
        context.storage.conn.execute("UPDATE change_log SET after = json_set(after, '$.employees', 500)"
                                     " WHERE record_id = ?", (firm["id"],))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "alterado" in page.history_status.text())
    text = page.history_status.text()
    assert text.startswith(f"El historial fue alterado. El cambio {seq} de «")
    assert "(empresa «Café <Luna> & 🌙»," in text and "fue modificado después de registrarse." in text
    assert page.history_status.textFormat() == Qt.TextFormat.PlainText  # the name shows as typed


@pytest.mark.attack(8, 'A role raised outside Rumbo passes Verificar el historial')
def test_verify_history_names_a_row_changed_outside_rumbo(page, context, qtbot):
    """Issue 31 item 8: a role raised in the table (the key in hand, an SQL tool) is named."""
    adviser = context.storage.conn.execute("SELECT id FROM advisers LIMIT 1").fetchone()
    if adviser is None:
        from db import records

        records.insert(context.storage, "advisers", {"name": "Beto <b>", "active": True}, None)
    with context.storage.db.conn:
        context.storage.conn.execute("UPDATE advisers SET role = 'administrator'")
    qtbot.mouseClick(page.findChild(QPushButton, "verifyHistory"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "fuera de Rumbo" in page.history_status.text())
    text = page.history_status.text()
    assert text.startswith("Hay cambios hechos fuera de Rumbo o por quien no podía hacerlos. Asesor «")
    assert "no coincide con su historial (role)." in text and text.endswith("antes de sincronizar.")
