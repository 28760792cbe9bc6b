"""The centre keeps its size definitions current: import (checked, previewed), the
centre's choice of class for lists, explicit and reversible re-classification, and the
two classes stored on each firm with the rulebooks that gave them."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest

from db import records
from desktop.domain.errors import UserError
from desktop.services import sizing
from desktop.services.registry import firms
from desktop.services.sizing import DefinitionError

LAWS = Path(__file__).parents[1] / "domain" / "fixtures" / "laws"


@pytest.fixture
def sv_firms(storage):
    # Under the study's table: 5 employees and 150,000 USD is small (sales over 100,000).
    a = firms.register_firm(storage, {"legal_name": "Café Uno", "country": "SV", "employees": 5,
                                      "sales_usd": 150000}, None)
    b = firms.register_firm(storage, {"legal_name": "Taller Dos", "country": "SV", "employees": 2,
                                      "sales_usd": 15000}, None)
    c = firms.register_firm(storage, {"legal_name": "Tienda PA", "country": "PA", "sales_usd": 150000}, None)
    return a, b, c


def _import(storage, *names, reclassify_now=True):
    out = None
    for name in names:
        preview = sizing.preview_import(storage, LAWS / name)
        out = sizing.accept_import(storage, preview, None, reclassify_now=reclassify_now)
    return out


def test_a_firm_stores_both_classes_and_their_rulebooks(storage, sv_firms):
    a, _b, pa = sv_firms
    assert (a["size_class"], a["size_rulebook"]) == ("pequena", "cepal-cuadro1-sv@1")
    # No law is loaded for El Salvador: the study's class stands in, with no law rulebook.
    assert (a["size_law_class"], a["size_law_subclass"], a["size_law_rulebook"]) == ("pequena", None, None)
    assert (pa["size_law_class"], pa["size_law_rulebook"]) == ("micro", "pa-ley-33-2000@2000")


def test_preview_counts_the_firms_that_change_and_writes_nothing(storage, sv_firms):
    _import(storage, "wages.json")  # wages alone change no class: no law counts in them yet
    preview = sizing.preview_import(storage, LAWS / "law-wages-2014.json")
    # Today the fixture law counts 400 x 410.25 = 164,100 USD for micro.
    assert preview.firms_checked == 2  # only the law's country
    assert preview.class_changes == 1
    assert preview.transitions()[0] == ("pequena", "micro", 1)
    assert firms.get_firm(storage, sv_firms[0]["id"])["size_law_class"] == "pequena"
    assert sizing.imported_definitions(storage)[0].kind == "minimum_wage"
    assert len(sizing.imported_definitions(storage)) == 1


def test_accepting_stores_the_definition_as_a_record_and_reclassifies(storage, sv_firms):
    _import(storage, "wages.json")
    batch = _import(storage, "law-wages-2014.json")
    a = firms.get_firm(storage, sv_firms[0]["id"])
    assert (a["size_class"], a["size_law_class"], a["size_law_rulebook"]) == \
        ("pequena", "micro", "fixture-ley-en-salarios@2014")
    rows = records.select(storage, "size_definitions", order_by="created_at")
    assert [(r["kind"], r["def_id"], r["version"], r["country"]) for r in rows] == [
        ("minimum_wage", "fixture-salarios", "1", "SV"), ("law", "fixture-ley-en-salarios", "2014", "SV")]
    assert json.loads(rows[1]["body"])["money_unit"] == "minimum_wage"
    # The record and the firms' change are in the change log, so they travel like any record.
    logged = storage.conn.execute("SELECT count(*) FROM change_log WHERE table_name = 'size_definitions'").fetchone()
    assert logged[0] == 2
    assert batch is not None and len(json.loads(batch["changes"])) == 2  # both SV firms gained a law rulebook


def test_the_same_definition_twice_is_refused(storage, sv_firms):
    _import(storage, "wages.json")
    with pytest.raises(UserError, match="«fixture-salarios», versión «1», ya está cargada"):
        sizing.preview_import(storage, LAWS / "wages.json")


def test_a_bad_file_names_every_field_and_writes_nothing(storage, sv_firms, tmp_path):
    data = json.loads((LAWS / "wages.json").read_text(encoding="utf-8"))
    data["rates"][0]["amount"] = 408.8
    del data["rates"][1]["from"]
    path = tmp_path / "salarios.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DefinitionError) as info:
        sizing.preview_import(storage, path)
    assert info.value.problems == [
        "El campo «rates[0].amount» debe ser el monto mensual en dólares escrito como texto, sin separadores "
        "de miles (por ejemplo «408.80»).",
        "Falta el campo «rates[1].from».",
    ]
    assert str(info.value).endswith("(y 1 problema más).")
    assert records.select(storage, "size_definitions") == []


def test_not_json_is_one_sentence(storage, tmp_path):
    path = tmp_path / "roto.json"
    path.write_text("{ no", encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"^El archivo roto.json no es JSON válido"):
        sizing.preview_import(storage, path)


def test_reclassifying_is_explicit_and_can_be_undone(storage, sv_firms):
    _import(storage, "wages.json", "law-wages-2014.json", reclassify_now=False)
    a_id = sv_firms[0]["id"]
    assert firms.get_firm(storage, a_id)["size_law_class"] == "pequena"  # imported, not yet applied
    checked, changes = sizing.preview_reclassification(storage)
    assert checked == 3 and len(changes) == 2
    batch = sizing.reclassify(storage, None)
    assert firms.get_firm(storage, a_id)["size_law_class"] == "micro"
    listed = sizing.reclassifications(storage)
    assert [(r.id, r.firms, r.undone_at) for r in listed] == [(batch["id"], 2, None)]
    assert sizing.undo_reclassification(storage, batch["id"], None) == 2
    firm = firms.get_firm(storage, a_id)
    assert (firm["size_law_class"], firm["size_law_rulebook"]) == ("pequena", None)
    with pytest.raises(UserError, match="ya se deshizo"):
        sizing.undo_reclassification(storage, batch["id"], None)
    assert sizing.reclassify(storage, None) is not None  # and again, explicitly


def test_undo_leaves_a_firm_edited_since(storage, sv_firms):
    _import(storage, "wages.json")
    batch = _import(storage, "law-wages-2014.json")
    firms.update_firm(storage, sv_firms[0]["id"], {"employees": 60}, None)
    assert sizing.undo_reclassification(storage, batch["id"], None) == 1
    assert firms.get_firm(storage, sv_firms[0]["id"])["size_law_class"] == "mediana"


def test_an_edited_firm_is_classified_under_the_imported_law(storage, sv_firms):
    _import(storage, "wages.json", "law-wages-2014.json")
    firm = firms.update_firm(storage, sv_firms[1]["id"], {"sales_usd": 164100}, None)
    assert (firm["size_class"], firm["size_law_class"]) == ("pequena", "micro")


def test_firm_sizes_give_both_reasons_and_the_difference(storage, sv_firms):
    _import(storage, "wages.json", "law-wages-2014.json", "law-wages-2026.json")
    firm = firms.get_firm(storage, sv_firms[0]["id"])
    sizes = sizing.firm_sizes(storage, firm, datetime.date(2026, 4, 1))
    assert sizes.study.size_class == "pequena"
    assert sizes.law.label() == "Microempresa (expansión)"
    assert "Las dos clases difieren: ventas brutas — la ley: microempresa (tope 200.000 USD)" in sizes.differences()
    earlier = sizing.firm_sizes(storage, firm, datetime.date(2026, 3, 31))
    assert earlier.law.book.version == "2014" and earlier.law.subclass is None


def test_the_centre_chooses_the_class_lists_use(storage):
    assert sizing.size_basis(storage) == "law" and sizing.list_column(storage) == "size_law_class"
    sizing.set_size_basis(storage, "study", None)
    assert sizing.size_basis(storage) == "study" and sizing.list_column(storage) == "size_class"
    with pytest.raises(UserError, match="debe ser «law»"):
        sizing.set_size_basis(storage, "cepal", None)


def test_definition_rows_list_dates_and_sources(storage, sv_firms):
    _import(storage, "wages.json")
    rows = sizing.definition_rows(storage)
    pa = next(r for r in rows if r.kind == "law" and r.country == "PA")
    assert (pa.version, pa.valid, pa.origin) == ("2000", "desde 2000-07-28", "incluida")
    assert "Gaceta Oficial N.º 24106" in pa.source
    wages = next(r for r in rows if r.kind == "minimum_wage")
    assert (wages.valid, wages.origin) == ("desde 2014-01-01", "importada") and wages.record_id
    assert sum(1 for r in rows if r.kind == "study") == 7


def test_the_client_pdf_prints_both_classes_and_why_they_differ(storage, sv_firms):
    from io import BytesIO

    from pypdf import PdfReader

    from desktop.services.reporting import client_report_pdf

    _import(storage, "wages.json", "law-wages-2014.json")
    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(BytesIO(client_report_pdf(storage, sv_firms[0]["id"]))).pages)
    assert "Según la ley vigente Microempresa" in text
    assert "Ley aplicada: Ley de prueba en salarios mínimos, versión 2014" in text
    assert "Según la tabla del estudio (CEPAL, Cuadro 1) Pequeña empresa" in text
    assert "Las dos clases difieren: ventas brutas — la ley: microempresa (tope 164.100 USD)" in text
    pa_text = " ".join(page.extract_text() or "" for page in
                       PdfReader(BytesIO(client_report_pdf(storage, sv_firms[2]["id"]))).pages)
    assert "Gaceta Oficial N.º 24106" in " ".join(pa_text.split())
