"""``rumbo report funder`` (issue 37): the funder report of this database from the command line, as PDF or
XLSX, with one sentence and nothing written for bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.services import advisory, profile
from desktop.services.advisers import current_adviser_id
from desktop.services.registry.firms import register_firm
from desktop.services.storage import open_database
from tests.reports.conftest import pdf_pages, squash

TODAY = dt.date.today()
T = TODAY.isoformat()


@pytest.fixture
def db(tmp_path, encrypted_db):
    path = encrypted_db(tmp_path / "rumbo.db")
    with open_database(path) as s:
        admin = current_adviser_id(s)
        profile.save_settings(s, {"centre_name": "CDMYPE Santa Ana"}, admin)
        beto = profile.create_adviser(s, name="Beto Ruiz", actor=admin)["id"]
        firm = register_firm(s, {"legal_name": "Panadería La Espiga", "country": "SV", "tax_id": "0614-120396-101-9",
                                 "owner_gender": "F"}, beto)
        advisory.record_session(s, firm["id"], {"held_on": T, "minutes": 120, "mode": "visita", "prep_minutes": 30,
                                                "travel_minutes": 60, "programme": "PROESA"}, beto)
        sale = advisory.record_milestone(s, firm["id"], {"kind": "ventas", "occurred_on": T, "amount": "8.000",
                                                         "evidence": "documento", "document_kind": "factura",
                                                         "document_ref": "F-0012"}, beto)
        advisory.record_milestone(s, firm["id"], {"kind": "formalizacion", "occurred_on": T,
                                                  "evidence": "declarado"}, beto)
        advisory.verify_milestone(s, sale["id"], admin)  # the administrator, not its author
    return path


def test_the_funder_report_as_pdf(db, tmp_path, capsys):
    out = tmp_path / "financiadores.pdf"
    assert main(["--db", str(db), "report", "funder", "--from", T, "--to", T, "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Informe para financiadores guardado en {out}: 1 empresas asesoradas, 2,0 horas de "
                           "asesoría, 1 hitos esperan verificación.")
    text = squash(" ".join(pdf_pages(out.read_bytes())))
    assert "CDMYPE Santa Ana" in text and "Panadería La Espiga" in text and "Factura F-0012" in text
    assert "Técnica de pruebas" in text  # who verified it
    assert "1 hito espera verificación (1 declarado por la empresa)" in text


def test_the_funder_report_as_xlsx_for_one_programme_and_this_centre(db, tmp_path, capsys):
    out = tmp_path / "financiadores.xlsx"
    assert main(["--db", str(db), "report", "funder", "--from", T, "--to", T, "--programme", "PROESA",
                 "--centre", "CDMYPE Santa Ana", "-o", str(out)]) == 0
    book = load_workbook(out, read_only=True)
    summary = {r[0]: r[1] for r in book["Resumen"].iter_rows(values_only=True)}
    assert (summary["Programa"], summary["Empresas asesoradas"], summary["Horas de traslado"]) == ("PROESA", 1, 1.0)
    [_head, session] = list(book["Sesiones"].iter_rows(values_only=True))
    assert session[1:4] == ("CDMYPE Santa Ana", "Panadería La Espiga", "06141203961019")


@pytest.mark.parametrize("argv, sentence", [
    (["--from", T, "-o", "x.pdf"], "Indique el periodo del informe: --from AAAA-MM-DD y --to AAAA-MM-DD."),
    (["--from", "2026-12-31", "--to", "2026-01-01", "-o", "x.pdf"], "El fin del periodo es anterior a su inicio."),
    (["--from", "31/02/2026", "--to", T, "-o", "x.pdf"],
     "La fecha de inicio del periodo debe ser una fecha como 31/03/2026, no «31/02/2026»."),
    (["--from", T, "--to", T, "-o", "x.docx"],
     "El informe para financiadores se guarda como .pdf o .xlsx, no «x.docx»."),
    (["--from", T, "--to", T, "--centre", "CDMYPE San Miguel", "-o", "x.pdf"],
     "Esta base tiene los datos de «CDMYPE Santa Ana», no de «CDMYPE San Miguel»: el informe de otro centro se pide "
     "al servidor con «rumbo centre report funder --centre»."),
    (["--all", "--from", T, "--to", T, "-o", "x.pdf"], "El informe para financiadores es uno solo: quite --all."),
])
def test_bad_input_exits_2_with_one_sentence_and_writes_nothing(db, tmp_path, capsys, argv, sentence):
    argv = [str(tmp_path / a) if a.startswith("x.") else a for a in argv]
    assert main(["--db", str(db), "report", "funder", *argv]) == 2
    assert capsys.readouterr().err.strip() == sentence
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(("x.", ".rumbo-tmp"))]


def test_funder_options_belong_to_the_funder_report(db, tmp_path, capsys):
    assert main(["--db", str(db), "report", "06141203961019", "--from", T, "-o", str(tmp_path / "a.pdf")]) == 2
    assert "son del informe para financiadores" in capsys.readouterr().err
