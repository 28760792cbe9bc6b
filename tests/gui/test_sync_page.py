"""The Sincronización screen driven like a user: two databases, a laptop and the centre."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton

from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.gui.sync.sync_page import SyncPage, default_bundle_name
from desktop.services import assessments, sync
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.gui.typing import type_text
from tests.sync.conftest import enrol_each_other, logical_hash


def _context(tmp_path, name: str, device: str) -> AppContext:
    storage = open_database(tmp_path / f"{name}.db", device_name=device)
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    return AppContext(storage, runner=SyncRunner(), settings=settings)


@pytest.fixture
def laptop(tmp_path):
    ctx = _context(tmp_path, "laptop", "Laptop Ana – San Miguel")
    yield ctx
    ctx.storage.close()


@pytest.fixture
def centre(tmp_path, laptop):
    """The centre, enrolled with the laptop both ways (as a coordinator does before the first exchange)."""
    ctx = _context(tmp_path, "centre", "Centro San Salvador")
    sync.set_device_role(ctx.storage, "centre")
    enrol_each_other(laptop.storage, ctx.storage)
    yield ctx
    ctx.storage.close()


@pytest.fixture
def errors(monkeypatch):
    """Sentences shown through messages.show_error (QMessageBox.warning), instead of a modal box."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def _page(qtbot, context) -> SyncPage:
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _save_to(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _open_from(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _export(qtbot, monkeypatch, page, path):
    _save_to(monkeypatch, path)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)


def _import(qtbot, monkeypatch, page, path, apply=True):
    _open_from(monkeypatch, path)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.preview_dialog
    assert dialog is not None and dialog.isVisible()
    numbers = {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()}
    qtbot.mouseClick(dialog.apply_button if apply else dialog.cancel_button, Qt.MouseButton.LeftButton)
    return numbers


def _text(table, row, column):
    return table.item(row, column).text()


def test_bundle_travels_from_laptop_to_centre_with_a_preview_first(qtbot, monkeypatch, tmp_path, laptop, centre):
    cafe = firms.register_firm(laptop.storage, {"legal_name": "Café Luna", "country": "SV"}, None)
    firms.register_firm(laptop.storage, {"legal_name": "Panadería Ñandú", "country": "SV"}, None)
    assessments.start_draft(laptop.storage, cafe["id"], None)
    laptop_page = _page(qtbot, laptop)
    path = tmp_path / "ana.rumbo"
    _export(qtbot, monkeypatch, laptop_page, path)
    assert path.is_file()
    assert "3 cambios" in laptop_page.status.text() and "2 empresas" in laptop_page.status.text()
    assert _text(laptop_page.history, 0, 1) == "Enviado" and _text(laptop_page.history, 0, 3) == "3"
    assert _text(laptop_page.history, 0, 6) == "2 empresas, 1 evaluaciones"
    assert _text(laptop_page.history, 0, 7) == "ana.rumbo"

    centre_page = _page(qtbot, centre)
    changed = []
    centre.signals.firms_changed.connect(lambda: changed.append(True))
    before = logical_hash(centre.storage)
    _open_from(monkeypatch, path)
    qtbot.mouseClick(centre_page.import_button, Qt.MouseButton.LeftButton)
    dialog = centre_page.preview_dialog
    shown = {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()}
    assert shown["previewSource"] == "Laptop Ana – San Miguel (equipo de campo)"
    assert shown["previewSignature"] == ("válida, de un equipo inscrito (huella "
                                         f"{sync.device_info(laptop.storage)['fingerprint']})")
    assert (shown["previewNewFirms"], shown["previewChangedFirms"], shown["previewNewAssessments"],
            shown["previewConflicts"]) == ("2", "0", "1", "0")
    assert logical_hash(centre.storage) == before  # nothing written before "Aplicar"
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    names = sorted(f["legal_name"] for f in firms_of(centre.storage))
    assert names == ["Café Luna", "Panadería Ñandú"]
    assert len(assessments.assessments_of_firm(centre.storage, cafe["id"])) == 1
    assert changed == [True]
    assert "3 cambios" in centre_page.status.text()
    assert (_text(centre_page.history, 0, 1), _text(centre_page.history, 0, 2)) == \
        ("Recibido", "Laptop Ana – San Miguel")
    assert _text(centre_page.peers, 0, 0) == "Laptop Ana – San Miguel"


def firms_of(storage):
    from desktop.services.registry.firm_list import FirmQuery, firm_ids, firm_rows

    return firm_rows(storage, firm_ids(storage, FirmQuery()))


def test_cancel_in_the_preview_writes_nothing(qtbot, monkeypatch, tmp_path, laptop, centre):
    firms.register_firm(laptop.storage, {"legal_name": "Café Luna", "country": "SV"}, None)
    sync.export_bundle(laptop.storage, tmp_path / "a.rumbo")
    page = _page(qtbot, centre)
    before = logical_hash(centre.storage)
    _import(qtbot, monkeypatch, page, tmp_path / "a.rumbo", apply=False)
    assert logical_hash(centre.storage) == before
    assert page.history.rowCount() == 0


def test_importing_the_same_bundle_twice_says_so(qtbot, monkeypatch, tmp_path, laptop, centre):
    firms.register_firm(laptop.storage, {"legal_name": "Café Luna", "country": "SV"}, None)
    sync.export_bundle(laptop.storage, tmp_path / "a.rumbo")
    page = _page(qtbot, centre)
    _import(qtbot, monkeypatch, page, tmp_path / "a.rumbo")
    shown = _import(qtbot, monkeypatch, page, tmp_path / "a.rumbo")
    assert "previewAlready" in shown and shown["previewNewFirms"] == "0"
    assert "ya se había importado" in page.status.text()
    assert len(firms_of(centre.storage)) == 1


@pytest.mark.parametrize("damage", ["truncated", "altered"])
def test_a_damaged_bundle_shows_its_sentence_and_changes_nothing(qtbot, monkeypatch, tmp_path, laptop, centre,
                                                                 errors, damage):
    for n in range(5):
        firms.register_firm(laptop.storage, {"legal_name": f"Empresa {n}", "country": "SV"}, None)
    path = tmp_path / "a.rumbo"
    sync.export_bundle(laptop.storage, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage == "truncated" else data[:100] + b"\0" * 40 + data[140:])
    page = _page(qtbot, centre)
    before = logical_hash(centre.storage)
    _open_from(monkeypatch, path)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.preview_dialog is None
    assert len(errors) == 1 and "a.rumbo" in errors[0] and errors[0].endswith(".")
    assert logical_hash(centre.storage) == before
    assert page.status.text() == "No se hizo ningún cambio."


def test_device_name_is_typed_and_saved(qtbot, laptop, errors):
    page = _page(qtbot, laptop)
    page.device_name.clear()
    type_text(qtbot, page.device_name, "Laptop Ana – Usulután")
    qtbot.mouseClick(page.save_name, Qt.MouseButton.LeftButton)
    assert sync.device_info(laptop.storage)["name"] == "Laptop Ana – Usulután"
    assert default_bundle_name(laptop.storage.device_name).startswith("rumbo-laptop-ana-usulutan-")
    page.device_name.clear()
    qtbot.mouseClick(page.save_name, Qt.MouseButton.LeftButton)
    assert errors == ["Escriba un nombre para este equipo."]
    assert page.device_name.text() == "Laptop Ana – Usulután"


def test_role_is_chosen_from_the_list(qtbot, laptop):
    page = _page(qtbot, laptop)
    page.role.setCurrentIndex(page.role.findData("centre"))
    page.role.activated.emit(page.role.currentIndex())
    assert sync.device_info(laptop.storage)["role"] == "centre"


# ---------------------------------------------------------------- conflicts


def _shared_firm(tmp_path, laptop, centre, **extra):
    firm = firms.register_firm(laptop.storage, {"legal_name": "Café Luna", "country": "SV", **extra}, None)
    sync.export_bundle(laptop.storage, tmp_path / "first.rumbo")
    sync.import_bundle(centre.storage, tmp_path / "first.rumbo")
    return firm


def _resolve_dialog(qtbot, page):
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    dialog = page.conflict_dialog
    assert dialog.isVisible()
    return dialog


def _click(qtbot, dialog, name):
    from PySide6.QtWidgets import QRadioButton

    radio = dialog.findChild(QRadioButton, name)
    assert radio is not None, name
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked(), name


def test_conflicting_edits_are_listed_and_resolved_field_by_field(qtbot, monkeypatch, tmp_path, laptop, centre):
    firm = _shared_firm(tmp_path, laptop, centre, phone="2222 3333")
    firms.update_firm(laptop.storage, firm["id"], {"phone": "2222 4444", "notes": "visita de Ana"}, None)
    firms.update_firm(centre.storage, firm["id"], {"phone": "2222 5555", "notes": "llamada del centro"}, None)
    laptop_page = _page(qtbot, laptop)
    _export(qtbot, monkeypatch, laptop_page, tmp_path / "second.rumbo")
    page = _page(qtbot, centre)
    shown = _import(qtbot, monkeypatch, page, tmp_path / "second.rumbo")
    assert shown["previewConflicts"] == "1"
    assert page.conflicts.rowCount() == 1
    assert _text(page.conflicts, 0, 0) == "Café Luna"
    assert set(_text(page.conflicts, 0, 1).split(", ")) == {"Teléfono", "Notas"}
    assert set(_text(page.conflicts, 0, 2).split(" / ")) == {"Centro San Salvador", "Laptop Ana – San Miguel"}
    assert page.tabs.tabText(0) == "Conflictos pendientes (1)"

    dialog = _resolve_dialog(qtbot, page)
    [conflict] = sync.list_conflicts(centre.storage)
    laptop_side = "local" if conflict.local["phone"] == "+50322224444" else "remote"
    _click(qtbot, dialog, f"{laptop_side}_phone")
    qtbot.mouseClick(dialog.typed["notes"], Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.typed["notes"], "Visitó Ana; llamó el centro — ñ")
    assert dialog.radios["notes"]["typed"].isChecked()  # typing chooses "Otro valor"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    stored = firms.get_firm(centre.storage, firm["id"])
    assert stored["phone"] == "+50322224444"
    assert stored["notes"] == "Visitó Ana; llamó el centro — ñ"
    assert sync.list_conflicts(centre.storage) == []
    assert page.conflicts.rowCount() == 0
    assert page.tabs.tabText(0) == "Conflictos pendientes (0)"


def test_a_field_left_without_a_choice_keeps_the_dialog_open(qtbot, monkeypatch, tmp_path, laptop, centre, errors):
    firm = _shared_firm(tmp_path, laptop, centre)
    firms.update_firm(laptop.storage, firm["id"], {"notes": "A", "phone": "2222 4444"}, None)
    firms.update_firm(centre.storage, firm["id"], {"notes": "B"}, None)
    sync.export_bundle(laptop.storage, tmp_path / "b.rumbo")
    sync.import_bundle(centre.storage, tmp_path / "b.rumbo")
    page = _page(qtbot, centre)
    dialog = _resolve_dialog(qtbot, page)
    _click(qtbot, dialog, "local_notes")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert errors == ["Elija qué valor conservar para «Teléfono»."]
    assert dialog.isVisible()
    assert len(sync.list_conflicts(centre.storage)) == 1


@pytest.mark.parametrize("keep_deleted", [False, True])
def test_deletion_against_an_edit_offers_keep_deleted_or_restore(qtbot, monkeypatch, tmp_path, laptop, centre,
                                                                 keep_deleted):
    firm = _shared_firm(tmp_path, laptop, centre)
    firms.delete_firm(laptop.storage, firm["id"], None)
    firms.update_firm(centre.storage, firm["id"], {"notes": "sigue activa"}, None)
    sync.export_bundle(laptop.storage, tmp_path / "b.rumbo")
    sync.import_bundle(centre.storage, tmp_path / "b.rumbo")
    page = _page(qtbot, centre)
    dialog = _resolve_dialog(qtbot, page)
    assert dialog.restore.isChecked()
    if keep_deleted:
        _click(qtbot, dialog, "keepDeleted")
        assert not dialog.radios["notes"]["local"].isEnabled()
    else:
        live = "local" if not dialog.conflict.local.get("deleted_at") else "remote"
        _click(qtbot, dialog, f"{live}_notes")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert sync.list_conflicts(centre.storage) == []
    stored = firms.get_firm(centre.storage, firm["id"])
    if keep_deleted:
        assert stored is None
    else:
        assert stored is not None and stored["notes"] == "sigue activa"


def test_same_firm_on_two_devices_is_merged_keeping_both_assessments(qtbot, monkeypatch, tmp_path, laptop, centre):
    nit = "0614-290186-102-2"
    fa = firms.register_firm(laptop.storage, {"legal_name": "Panadería Rosita", "country": "SV", "tax_id": nit,
                                              "phone": "2222 3333"}, None)
    fc = firms.register_firm(centre.storage, {"legal_name": "Panaderia Rosita SA", "country": "SV",
                                              "tax_id": nit}, None)
    ea = assessments.start_draft(laptop.storage, fa["id"], None)
    ec = assessments.start_draft(centre.storage, fc["id"], None)
    sync.export_bundle(laptop.storage, tmp_path / "b.rumbo")
    page = _page(qtbot, centre)
    shown = _import(qtbot, monkeypatch, page, tmp_path / "b.rumbo")
    assert shown["previewConflicts"] == "1"
    assert "posible duplicado" in _text(page.conflicts, 0, 0)
    dialog = _resolve_dialog(qtbot, page)
    assert dialog.duplicate
    laptop_side = "local" if dialog.conflict.local["id"] == fa["id"] else "remote"
    centre_side = "remote" if laptop_side == "local" else "local"
    _click(qtbot, dialog, f"{laptop_side}_legal_name")
    _click(qtbot, dialog, f"{laptop_side}_phone")
    dialog.survivor.setCurrentIndex(dialog.survivor.findData(centre_side))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert sync.list_conflicts(centre.storage) == []
    assert firms.get_firm(centre.storage, fa["id"]) is None
    kept = firms.get_firm(centre.storage, fc["id"])
    assert (kept["legal_name"], kept["phone"]) == ("Panadería Rosita", "+50322223333")
    ids = {a["id"] for a in assessments.assessments_of_firm(centre.storage, fc["id"])}
    assert ids == {ea["id"], ec["id"]}


def test_a_possible_duplicate_by_name_is_kept_apart_by_clicking(qtbot, monkeypatch, tmp_path, laptop, centre):
    place = {"country": "SV", "department": "San Miguel", "municipality": "San Miguel"}
    fa = firms.register_firm(laptop.storage, {"legal_name": "Tortillería La Única", **place}, "ana")
    fc = firms.register_firm(centre.storage, {"legal_name": "TORTILLERIA LA UNICA S.A. de C.V.", **place}, "jefa")
    sync.export_bundle(laptop.storage, tmp_path / "b.rumbo")
    page = _page(qtbot, centre)
    shown = _import(qtbot, monkeypatch, page, tmp_path / "b.rumbo")
    assert (shown["previewNewFirms"], shown["previewPossibleDuplicates"]) == ("0", "1")
    assert "empresas: 1 posibles duplicados" in page.status.text()
    assert "posible duplicado" in _text(page.conflicts, 0, 0)
    dialog = _resolve_dialog(qtbot, page)
    headers = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Laptop Ana – San Miguel" in headers and "Centro San Salvador" in headers
    assert "adviser_id" not in dialog.fields  # who registered each copy is no choice
    dialog.grab().save(str(tmp_path / "dup.png"))
    qtbot.mouseClick(dialog.apart_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert sync.list_conflicts(centre.storage) == []
    assert page.conflicts.rowCount() == 0
    assert firms.get_firm(centre.storage, fa["id"]) and firms.get_firm(centre.storage, fc["id"])
    # The decision travels: the laptop receives the centre's firm and is not asked.
    sync.export_bundle(centre.storage, tmp_path / "c.rumbo", peer=laptop.storage.device_id)
    assert sync.import_bundle(laptop.storage, tmp_path / "c.rumbo").conflicts == []
    assert sync.list_conflicts(laptop.storage) == []


def test_buttons_have_spanish_labels(qtbot, laptop):
    page = _page(qtbot, laptop)
    labels = {b.text() for b in page.findChildren(QPushButton)}
    assert {"&Exportar paquete…", "&Importar paquete…", "&Resolver…"} <= labels
    assert not page.resolve_button.isEnabled()


def test_export_and_import_run_on_the_real_background_runner(qtbot, monkeypatch, tmp_path, laptop, centre):
    from desktop.gui.shared.tasks import TaskRunner

    firms.register_firm(laptop.storage, {"legal_name": "Café Luna", "country": "SV"}, None)
    laptop.runner = TaskRunner()
    centre.runner = TaskRunner()
    laptop_page = _page(qtbot, laptop)
    _export(qtbot, monkeypatch, laptop_page, tmp_path / "bg.rumbo")
    qtbot.waitUntil(lambda: laptop_page.last_export is not None)
    assert laptop_page.last_export.total == 1
    page = _page(qtbot, centre)
    _open_from(monkeypatch, tmp_path / "bg.rumbo")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview_dialog is not None)
    qtbot.mouseClick(page.preview_dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_import is not None)
    assert [f["legal_name"] for f in firms_of(centre.storage)] == ["Café Luna"]


# ---------------------------------------------------------------- trusted devices


@pytest.fixture
def strangers(tmp_path):
    """A laptop and a centre that have not enrolled each other yet."""
    laptop = _context(tmp_path, "nueva", "Laptop Nueva")
    centre = _context(tmp_path, "sede", "Centro Sede")
    sync.set_device_role(centre.storage, "centre")
    yield laptop, centre
    laptop.storage.close()
    centre.storage.close()


def _save_card(qtbot, monkeypatch, page, path):
    _save_to(monkeypatch, path)
    qtbot.mouseClick(page.save_card_button, Qt.MouseButton.LeftButton)
    assert path.is_file()


def _open_card(qtbot, monkeypatch, page, path):
    _open_from(monkeypatch, path)
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    dialog = page.enrol_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _select_row(qtbot, table, row):
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentRow() == row


def test_laptop_and_centre_enrol_each_other_comparing_fingerprints(qtbot, monkeypatch, tmp_path, strangers):
    laptop, centre = strangers
    laptop_page, centre_page = _page(qtbot, laptop), _page(qtbot, centre)
    centre_print = centre_page.own_fingerprint.text()
    assert centre_print == sync.device_info(centre.storage)["fingerprint"] and len(centre_print) == 29
    assert laptop_page.trusted.rowCount() == 0
    assert laptop_page.peer.currentText() == "Ningún equipo inscrito todavía"

    _save_card(qtbot, monkeypatch, centre_page, tmp_path / "sede.json")
    assert centre_print in centre_page.status.text()
    dialog = _open_card(qtbot, monkeypatch, laptop_page, tmp_path / "sede.json")
    shown = {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()}
    assert shown["enrolFingerprint"] == centre_print  # what the coordinator compares with the centre's screen
    assert shown["enrolName"] == "Centro Sede (centro)"
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert (_text(laptop_page.trusted, 0, 0), _text(laptop_page.trusted, 0, 1), _text(laptop_page.trusted, 0, 2)) \
        == ("Centro Sede", "Centro", centre_print)
    assert _text(laptop_page.trusted, 0, 3).startswith("Inscrito el ")
    assert laptop_page.peer.currentText() == "Centro Sede (centro)"
    assert "«Centro Sede» quedó inscrito" in laptop_page.status.text()

    _save_card(qtbot, monkeypatch, laptop_page, tmp_path / "nueva.json")
    dialog = _open_card(qtbot, monkeypatch, centre_page, tmp_path / "nueva.json")
    assert dialog.fingerprint.text() == laptop_page.own_fingerprint.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)

    firms.register_firm(laptop.storage, {"legal_name": "Café Luna", "country": "SV"}, None)
    _export(qtbot, monkeypatch, laptop_page, tmp_path / "nueva.rumbo")
    _import(qtbot, monkeypatch, centre_page, tmp_path / "nueva.rumbo")
    assert [f["legal_name"] for f in firms_of(centre.storage)] == ["Café Luna"]


def test_cancelling_the_enrolment_trusts_nothing(qtbot, monkeypatch, tmp_path, strangers):
    laptop, centre = strangers
    sync.save_device_card(centre.storage, tmp_path / "sede.json")
    page = _page(qtbot, laptop)
    before = logical_hash(laptop.storage)
    dialog = _open_card(qtbot, monkeypatch, page, tmp_path / "sede.json")
    assert dialog.cancel_button.isDefault()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert logical_hash(laptop.storage) == before
    dialog = _open_card(qtbot, monkeypatch, page, tmp_path / "sede.json")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter is "Cancelar"
    assert not dialog.isVisible()
    assert logical_hash(laptop.storage) == before
    assert page.trusted.rowCount() == 0 and sync.trusted_devices(laptop.storage) == []


def test_a_bundle_from_a_device_not_enrolled_is_refused_with_its_fingerprint(qtbot, monkeypatch, tmp_path,
                                                                             strangers, errors):
    laptop, centre = strangers
    sync.enrol_device(laptop.storage, sync.this_device_card(centre.storage), None)  # one way only
    firms.register_firm(laptop.storage, {"legal_name": "Café Luna", "country": "SV"}, None)
    sync.export_bundle(laptop.storage, tmp_path / "nueva.rumbo")
    page = _page(qtbot, centre)
    before = logical_hash(centre.storage)
    _open_from(monkeypatch, tmp_path / "nueva.rumbo")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.preview_dialog is None
    fingerprint = sync.device_info(laptop.storage)["fingerprint"]
    assert errors == [f"El paquete «nueva.rumbo» viene de un equipo no inscrito: «Laptop Nueva» (huella "
                      f"{fingerprint}). Un coordinador debe inscribirlo primero."]
    assert logical_hash(centre.storage) == before


def test_a_revoked_laptop_is_shown_so_and_its_bundles_are_refused(qtbot, monkeypatch, tmp_path, laptop, centre,
                                                                  errors):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    firms.register_firm(laptop.storage, {"legal_name": "Café Luna", "country": "SV"}, None)
    sync.export_bundle(laptop.storage, tmp_path / "a.rumbo")
    page = _page(qtbot, centre)
    assert not page.revoke_button.isEnabled()
    _select_row(qtbot, page.trusted, 0)
    assert _text(page.trusted, 0, 0) == "Laptop Ana – San Miguel"
    assert page.revoke_button.isEnabled()
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "«Laptop Ana – San Miguel»" in asked[0]
    assert _text(page.trusted, 0, 3).startswith("Revocado el ")
    assert sync.trusted_devices(centre.storage)[0].revoked
    assert page.peer.findText("Laptop Ana – San Miguel") == -1  # nothing is written for it any more
    _select_row(qtbot, page.trusted, 0)
    assert not page.revoke_button.isEnabled()
    before = logical_hash(centre.storage)
    _open_from(monkeypatch, tmp_path / "a.rumbo")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and "un equipo revocado el" in errors[0]
    assert logical_hash(centre.storage) == before


def test_revoking_asks_first_and_no_keeps_the_device(qtbot, monkeypatch, laptop, centre):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    page = _page(qtbot, centre)
    _select_row(qtbot, page.trusted, 0)
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert not sync.trusted_devices(centre.storage)[0].revoked
    assert _text(page.trusted, 0, 3).startswith("Inscrito el ")
