"""Exporting firms and assessments; export then import gives the same firms."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from db import assessments as assessment_repo
from db import firms as firm_repo
from db.firms import FIRM_FIELDS
from desktop.domain.errors import UserError
from desktop.services.demo import make_demo
from desktop.services.registry import firms as firm_services
from desktop.services.registry.exporting import (
    ASSESSMENT_COLUMNS,
    FIRM_COLUMNS,
    export_assessments,
    export_firms,
)
from desktop.services.registry.importing import import_file
from desktop.services.storage import open_database

# adviser_id is the importing adviser's in the new database; stage and band are
# caches of the firm's assessments, which a firm export does not carry. The rest
# must survive the trip.
COMPARED = [f for f in FIRM_FIELDS if f not in ("adviser_id", "stage", "band")]


def _firms(storage):
    rows = storage.conn.execute("SELECT id FROM firms WHERE deleted_at IS NULL").fetchall()
    firms = [firm_repo.get_firm(storage, r[0]) for r in rows]
    return sorted(({k: f[k] for k in COMPARED} for f in firms), key=lambda f: (f["country"], f["tax_id"] or ""))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_into_a_fresh_database_gives_the_same_firms(storage, tmp_path, suffix):
    make_demo(storage, 120, seed=11)
    firm_services.register_firm(storage, {
        "legal_name": "=HYPERLINK(\"http://malo\") & <Cía> «Ñandú» 😀", "country": "PA", "notes": "@nota",
        "phone": "+507 6000 1234", "usd_rate": "1", "sales_amount": "1500",
    }, None)
    out = tmp_path / f"empresas{suffix}"
    assert export_firms(storage, out) == 121
    with open_database(tmp_path / "nueva.db") as fresh:
        summary = import_file(fresh, out, None)
        assert summary.rejected == [] and summary.accepted == 121
        assert _firms(fresh) == _firms(storage)


def test_csv_export_is_utf8_bom_comma_with_formulas_neutralised(storage, tmp_path):
    firm_services.register_firm(storage, {"legal_name": "=1+1", "country": "SV", "phone": "2222-3333",
                                          "formal_registration": True}, None)
    out = tmp_path / "e.csv"
    export_firms(storage, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == [label for _f, label in FIRM_COLUMNS]
    record = dict(zip(rows[0], rows[1]))
    assert record["Razón social"] == "'=1+1"
    assert record["Teléfono"] == "+50322223333" and record["Registro formal"] == "sí"


def test_xlsx_export_writes_numbers_and_no_formulas(storage, tmp_path):
    firm_services.register_firm(storage, {"legal_name": "=SUM(A1:A3)", "country": "GT", "currency": "GTQ",
                                          "usd_rate": "7.75", "sales_amount": "775000", "employees": 4}, None)
    out = tmp_path / "e.xlsx"
    export_firms(storage, out)
    sheet = load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]]))
    assert values["Razón social"] == "'=SUM(A1:A3)" and sheet.cell(2, 2).data_type != "f"
    assert values["Ventas anuales"] == 775000 and values["Tipo de cambio"] == 7.75
    assert values["Ventas (USD)"] == 100000 and values["Empleados"] == 4


def test_export_assessments(storage, tmp_path):
    firm = firm_services.register_firm(storage, {"legal_name": "Café Uno", "country": "SV",
                                                 "tax_id": "0614-290186-102-2"}, None)
    assessment_repo.start_assessment(storage, firm["id"], "preparacion", "1", None, None)
    out = tmp_path / "ev.csv"
    assert export_assessments(storage, out) == 1
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert list(rows[0]) == [label for _f, label in ASSESSMENT_COLUMNS]
    assert rows[0]["Razón social"] == "Café Uno" and rows[0]["Identificación tributaria"] == "06142901861022"
    assert rows[0]["Estado"] == "Borrador" and rows[0]["Cuestionario"] == "preparacion"
    assert export_assessments(storage, tmp_path / "ev.xlsx") == 1


@pytest.mark.parametrize("lang, size, stage, band, form, registered", [
    ("es", "Pequeña empresa", "Exportadora indirecta", "En desarrollo", "Sociedad anónima", "sí"),
    ("en", "Small firm", "Indirect exporter", "Developing", "Corporation", "yes"),
])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_coded_columns_are_worded_and_the_file_imports_again(storage, tmp_path, suffix, lang, size, stage, band,
                                                              form, registered):
    firm = firm_services.register_firm(storage, {
        "legal_name": "Textiles Uno, S.A.", "country": "SV", "tax_id": "0614-290186-102-2", "employees": 30,
        "sales_usd": 400000, "legal_form": "sociedad_anonima", "formal_registration": True}, None)
    storage.conn.execute("UPDATE firms SET stage = 'indirect_exporter', band = 'en_desarrollo' WHERE id = ?",
                         (firm["id"],))
    out = tmp_path / f"empresas{suffix}"
    export_firms(storage, out, lang=lang)
    if suffix == ".csv":
        header, row = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    else:
        sheet = load_workbook(out).worksheets[0]
        header, row = ([c.value for c in sheet[n]] for n in (1, 2))
    record = dict(zip(header, row))
    assert (record["Tamaño"], record["Etapa de internacionalización"], record["Nivel de preparación"]) == (
        size, stage, band)
    assert (record["Forma jurídica"], record["Registro formal"]) == (form, registered)
    assert not {"pequena", "indirect_exporter", "en_desarrollo", "sociedad_anonima"} & set(map(str, row))
    with open_database(tmp_path / "nueva.db") as fresh:
        summary = import_file(fresh, out, None)
        assert summary.rejected == [] and summary.accepted == 1
        again = firm_repo.get_firm(fresh, summary.firm_ids[0])
        assert (again["size_class"], again["legal_form"], again["formal_registration"]) == (
            "pequena", "sociedad_anonima", True)
    assert "Columnas no reconocidas" not in summary.text()
    assert "Tamaño" in summary.text().split("Columnas que Rumbo calcula o asigna")[1]


def test_bad_export_targets_are_refused_and_leave_no_file(storage, tmp_path):
    with pytest.raises(UserError, match=r"\.csv o \.xlsx"):
        export_firms(storage, tmp_path / "e.pdf")
    with pytest.raises(UserError, match="no existe"):
        export_firms(storage, tmp_path / "no" / "e.csv")
    assert not list(tmp_path.glob("*e.*")) and not (tmp_path / "no").exists()


def test_cancelled_export_leaves_no_file(storage, tmp_path):
    make_demo(storage, 2500, seed=1)
    assert export_firms(storage, tmp_path / "e.csv", cancel=lambda: True) == -1
    assert not list(tmp_path.glob("*e.csv*"))


def test_demo_stores_an_adviser_and_valid_classified_firms(storage):
    summary = make_demo(storage, 200, seed=3)
    assert len(summary.firm_ids) == 200 and firm_repo.count_firms(storage) == 200
    firm = firm_repo.get_firm(storage, summary.firm_ids[0])
    assert firm["adviser_id"] == summary.adviser_id and firm["created_by"] == summary.adviser_id
    classes = {r[0] for r in storage.conn.execute("SELECT DISTINCT size_class FROM firms")}
    assert "micro" in classes and None not in classes
    assert firm_services.firm_problems({k: firm[k] for k in FIRM_FIELDS}) == {}
    with pytest.raises(UserError):
        make_demo(storage, 0)
