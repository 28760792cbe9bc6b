"""Importing firms from CSV/XLSX: mapping, validation, duplicates, rejects, dry run, one transaction."""

from __future__ import annotations

import csv
import hashlib
import threading
from pathlib import Path

import pytest
from openpyxl import Workbook

from db import changelog
from db import firms as firm_repo
from desktop.domain.errors import UserError
from desktop.services.registry import firms as firm_services
from desktop.services.registry import importing
from desktop.services.registry.importing import import_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _rows(storage):
    return {f["legal_name"]: f for f in storage_firms(storage)}


def storage_firms(storage):
    cur = storage.conn.execute("SELECT legal_name FROM firms WHERE deleted_at IS NULL ORDER BY legal_name")
    names = [r[0] for r in cur]
    return [firm_repo.get_firm_by_tax_id(storage, "x") or _by_name(storage, n) for n in names]


def _by_name(storage, name):
    firm_id = storage.conn.execute("SELECT id FROM firms WHERE legal_name = ?", (name,)).fetchone()[0]
    return firm_repo.get_firm(storage, firm_id)


def _write_csv(path: Path, rows: list[list], encoding="utf-8", delimiter=","):
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    for suffix in ("", "-wal"):
        p = Path(str(path) + suffix)
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def test_latin1_semicolon_file_with_decimal_commas(storage, tmp_path):
    summary = import_file(storage, FIXTURES / "firms_latin1_semicolon.csv", None, rejects_path=tmp_path / "r.csv")
    assert (summary.rows_read, summary.accepted, len(summary.rejected)) == (3, 2, 1)
    assert summary.rejected[0].row_number == 4
    assert summary.rejected[0].reason == "Falta el país de la empresa."
    firms = _rows(storage)
    espiga = firms["Panadería La Espiga, S.A. de C.V."]
    assert espiga["tax_id"] == "06142901861022" and espiga["tax_id_type"] == "NIT"
    assert espiga["sales_amount"] == "250001" and espiga["sales_usd"] == 250001  # 250.000,50 rounded half up
    assert espiga["phone"] == "+50322223333" and espiga["employees"] == 12
    assert firms["Lácteos Doña Tere"]["municipality"] == "Chalchuapa"


def test_english_headers_with_bom_and_thousands_commas(storage):
    summary = import_file(storage, FIXTURES / "firms_utf8_bom_english.csv", None)
    assert summary.accepted == 3 and summary.rejected == []
    firms = _rows(storage)
    maya = firms["Textiles Maya, S.A."]
    assert (maya["country"], maya["tax_id"], maya["sales_amount"], maya["employees"]) == ("GT", "576937K", "1250000", 25)
    assert firms["Tours Caribe S.R.L."]["sales_usd"] == 60000
    assert firms["Hotel El Mirador"]["tax_id_type"] == "cedula_juridica"


def test_xlsx_import(storage, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Razón social", "País", "Empleados", "Ventas anuales", "Moneda", "Tipo de cambio"])
    sheet.append(["Muebles Zelaya", "HN", 7, 1234567.0, "HNL", 24.7])
    sheet.append(["Sin nombre país", None, 2, 10, None, None])
    book.save(tmp_path / "f.xlsx")
    summary = import_file(storage, tmp_path / "f.xlsx", "adv-1")
    assert summary.accepted == 1 and summary.rejected[0].row_number == 3
    firm = _rows(storage)["Muebles Zelaya"]
    assert firm["sales_amount"] == "1234567" and firm["usd_rate"] == "24.7" and firm["sales_usd"] == 49982  # 1234567 / 24.7 = 49982.47
    assert firm["adviser_id"] == "adv-1" and firm["created_by"] == "adv-1"


def test_every_bad_field_is_named_in_the_reason(storage, tmp_path):
    path = _write_csv(tmp_path / "f.csv", [
        ["Razón social", "País", "NIT", "Empleados", "Correo"],
        ["Café Uno", "SV", "0614-290186-102-3", "-2", "sin-arroba"],
    ])
    reason = import_file(storage, path, None).rejected[0].reason
    assert "dígito verificador" in reason and "negativos" in reason and "nombre@dominio.ext" in reason


def test_duplicates_within_the_file_and_against_the_database(storage, tmp_path):
    firm_services.register_firm(storage, {"legal_name": "Café Las Nubes, S.A. de C.V.", "country": "SV",
                                          "municipality": "Santa Tecla"}, None)
    firm_services.register_firm(storage, {"legal_name": "Otra", "country": "GT", "tax_id": "576937-K"}, None)
    path = _write_csv(tmp_path / "f.csv", [
        ["Razón social", "País", "Municipio", "NIT"],
        ["CAFE LAS NUBES SA DE CV", "SV", "santa tecla", ""],     # name, against the DB
        ["Café Las Nubes", "SV", "Soyapango", ""],                # other municipality: fine
        ["Textiles Maya", "GT", "Mixco", "576937K"],              # tax id, against the DB
        ["Panadería Ñandú", "SV", "Soyapango", "06142901861022"],
        ["Panaderia Nandu S.A.", "SV", "Soyapango", ""],          # name, within the file
        ["Tienda Azul", "SV", "Mejicanos", "0614-290186-102-2"],  # tax id, within the file
    ])
    summary = import_file(storage, path, None)
    assert summary.accepted == 2 and summary.duplicates == 4
    reasons = {r.row_number: r.reason for r in summary.rejected}
    assert "una empresa ya registrada" in reasons[2] and "nombre casi idéntico" in reasons[2]
    assert "misma identificación tributaria" in reasons[4]
    assert "la fila 5" in reasons[6] and "la fila 5" in reasons[7]
    assert firm_repo.count_firms(storage) == 4


def test_rejects_file_has_original_columns_row_and_reason(storage, tmp_path):
    path = _write_csv(tmp_path / "f.csv", [
        ["Razón social", "País", "Color"],
        ["=HYPERLINK(\"http://x\")", "ZZ", "rojo"],
        ["Bien", "CR", "azul"],
        ["Demasiadas", "CR", "verde", "extra"],
    ])
    summary = import_file(storage, path, None, rejects_path=tmp_path / "rechazos.csv")
    assert summary.rejects_path == tmp_path / "rechazos.csv"
    data = (tmp_path / "rechazos.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # the source is UTF-8 without a BOM, and so are its rejects
    rows = list(csv.reader(data.decode("utf-8").splitlines()))
    assert rows[0] == ["Razón social", "País", "Color", "fila", "motivo"]
    assert rows[1][:4] == ["'=HYPERLINK(\"http://x\")", "ZZ", "rojo", "2"]  # formula neutralised
    assert "ZZ" in rows[1][4] and "no se reconoce" in rows[1][4]
    # The cell outside the header is kept in the reason, the only place left for it.
    assert rows[2][3:] == ["4", "La fila tiene más columnas que el encabezado; sobran: «extra»."]
    assert not list(tmp_path.glob(".*.tmp"))


def test_dry_run_writes_nothing_to_the_database_but_writes_asked_rejects(storage, tmp_path):
    path = _write_csv(tmp_path / "f.csv", [["Razón social", "País"], ["Uno", "SV"], ["Dos", ""]])
    storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _digest(storage.path)
    summary = import_file(storage, path, None, dry_run=True, rejects_path=tmp_path / "r.csv")
    assert summary.dry_run and summary.accepted == 1 and summary.firm_ids == []
    assert _digest(storage.path) == before
    assert firm_repo.count_firms(storage) == 0
    assert (tmp_path / "r.csv").exists()
    assert "simulación" in summary.text()


def test_failure_mid_insert_keeps_none_and_no_rejects_file(storage, tmp_path, monkeypatch):
    path = _write_csv(tmp_path / "f.csv", [["Razón social", "País"], ["Uno", "SV"], ["Dos", "GT"], ["", "CR"]])

    def boom(*args, **kwargs):
        raise OSError("disco desconectado")

    monkeypatch.setattr(changelog, "append_stored_inserts", boom)
    with pytest.raises(Exception):
        import_file(storage, path, None, rejects_path=tmp_path / "r.csv")
    assert firm_repo.count_firms(storage) == 0
    assert storage.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
    assert not (tmp_path / "r.csv").exists() and not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("content,phrase", [
    ("Color,Sabor\nrojo,dulce\n", "no tiene encabezados reconocibles"),
    ("Razón social,Empleados\nUno,3\n", "País"),
    ("", "vacío"),
])
def test_unusable_header_is_refused_before_anything_is_written(storage, tmp_path, content, phrase):
    path = tmp_path / "f.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=phrase):
        import_file(storage, path, None, rejects_path=tmp_path / "r.csv")
    assert firm_repo.count_firms(storage) == 0 and not (tmp_path / "r.csv").exists()


def test_rejects_path_must_be_csv_in_an_existing_folder(storage, tmp_path):
    path = _write_csv(tmp_path / "f.csv", [["Razón social", "País"], ["Uno", "SV"]])
    with pytest.raises(UserError, match=r"\.csv"):
        import_file(storage, path, None, rejects_path=tmp_path / "r.xlsx")
    with pytest.raises(UserError, match="no existe"):
        import_file(storage, path, None, rejects_path=tmp_path / "nada" / "r.csv")
    assert firm_repo.count_firms(storage) == 0


def test_progress_is_reported_and_cancel_stops_before_writing(storage, tmp_path):
    rows = [["Razón social", "País"]] + [[f"Empresa {i:05d} Única", "SV"] for i in range(2500)]
    path = _write_csv(tmp_path / "f.csv", rows)
    seen = []
    summary = import_file(storage, path, None, progress=lambda done, total, phase: seen.append((done, total, phase)))
    assert summary.accepted == 2500 and seen[-1] == (100, 100, "store")
    assert all(a <= b for (a, _, _), (b, _, _) in zip(seen, seen[1:]))  # the bar never goes back
    # Every phase is named, in order, and storing fills the last part of the bar.
    phases = [phase for _done, _total, phase in seen]
    assert sorted(set(phases), key=phases.index) == ["clean", "duplicates", "classify", "store"]
    assert min(done for done, _total, phase in seen if phase == "store") == importing.PHASES["store"][0]
    stop = threading.Event()
    stop.set()
    cancelled = import_file(storage, _write_csv(tmp_path / "g.csv", [["Razón social", "País"]] +
                                                [[f"Otra {i} Cosa", "GT"] for i in range(1500)]), None, cancel=stop)
    assert cancelled.cancelled and firm_repo.count_firms(storage) == 2500
    assert "cancelada" in cancelled.text()


def test_duplicate_screen_reports_progress_within_a_place_and_can_be_cancelled(storage, tmp_path, monkeypatch):
    from desktop.domain.registry import dedupe

    monkeypatch.setattr(dedupe, "_SCREEN_BLOCK", 100)
    rows = [["Razón social", "País", "Municipio"]] + [[f"Empresa {i:05d} Única", "SV", "Soyapango"] for i in range(1200)]
    path = _write_csv(tmp_path / "f.csv", rows)
    seen = []
    summary = import_file(storage, path, None, progress=lambda done, total, phase: seen.append((done, phase)))
    assert summary.accepted == 1200
    # One place, yet the bar moves through the duplicates phase block by block.
    assert len({done for done, phase in seen if phase == "duplicates"}) >= 8
    # Cancelling while duplicates are being looked for stops there: nothing stored.
    phases = []

    def cancel():
        return bool(phases) and phases[-1] == "duplicates"

    cancelled = import_file(storage, _write_csv(tmp_path / "g.csv", [rows[0]] + [
        [f"Otra {i:05d} Cosa", "SV", "Soyapango"] for i in range(1200)]), None,
        progress=lambda done, total, phase: phases.append(phase), cancel=cancel)
    assert cancelled.cancelled and firm_repo.count_firms(storage) == 1200
    assert "store" not in phases
