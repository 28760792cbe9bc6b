"""The centre's programme directory as a use case: kept by a coordinator, imported from a table, read by reports."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from db import chain, changelog
from db import programmes as repo
from desktop.domain.errors import UserError
from desktop.services import programmes, security
from desktop.services.storage import open_database

TODAY = dt.date(2026, 12, 8)
ROW = {"name": "Encadenamientos con empresas tractoras", "institution": "Institución de ejemplo", "country": "SV",
       "instruments": ["art_desarrollo_proveedores"], "sizes": ["micro", "pequena"], "web": "www.example.org/enc",
       "valid_from": "01/01/2026", "valid_to": "31/12/2027", "checked_on": "15/11/2026"}
HEADER = ["Programa", "Institución", "País", "Familia", "Instrumentos", "Tamaños", "Etapas", "Requiere inscripción",
          "Teléfono", "Correo", "Web", "Vigente desde", "Vigente hasta", "Verificado el", "Fuente"]


def write_csv(path, rows, header=HEADER, delimiter=";"):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


GOOD_ROWS = [
    ["Crédito Crece", "Banco de ejemplo", "SV", "financiamiento", "Líneas de crédito para un propósito",
     "micro; pequeña", "", "sí", "", "credito@example.org", "", "01/01/2026", "", "01/12/2026", "https://www.example.org/credito"],
    ["Ferias de ejemplo", "Agencia de ejemplo", "El Salvador", "mercados", "", "", "ocasional; regular", "no", "",
     "", "www.example.org/ferias", "", "", "2026-11-30", ""],
]
BAD_ROWS = [
    ["", "Banco de ejemplo", "SV", "financiamiento", "", "", "", "", "", "x@example.org", "", "", "", "", ""],
    ["Apoyo raro", "Banco de ejemplo", "SV", "subsidios", "", "", "", "", "", "x@example.org", "", "", "", "", ""],
    ["Sin contacto", "Banco de ejemplo", "SV", "financiamiento", "", "", "", "", "", "", "", "", "", "", ""],
    ["=HYPERLINK(\"http://malo\")", "Banco", "SV", "mercados", "", "", "", "", "", "x@example.org", "", "", "", "", ""],
    ["Crédito Crece", "Banco de ejemplo", "SV", "financiamiento", "", "", "", "", "", "c@example.org", "", "", "", "",
     ""],
    ["Fechas al revés", "Banco", "SV", "mercados", "", "", "", "", "", "x@example.org", "", "31/12/2026",
     "01/01/2026", "", ""],
]


def test_a_coordinator_adds_edits_checks_and_removes_a_programme_and_each_change_is_history(storage):
    added = programmes.add_programme(storage, ROW, None, today=TODAY)
    assert added["country"] == "SV" and added["instruments"] == ["art_desarrollo_proveedores"]
    [row] = programmes.programmes(storage, TODAY)
    assert (row.status, row.needs_review) == ("vigente", False)

    with pytest.raises(UserError) as twin:
        programmes.add_programme(storage, {**ROW, "name": "ENCADENAMIENTOS con empresas tractoras"}, None, today=TODAY)
    assert twin.value.message == ("El directorio ya tiene «Encadenamientos con empresas tractoras» de Institución de "
                                  "ejemplo; edítelo en lugar de añadirlo otra vez.")

    edited = programmes.update_programme(storage, added["id"], {**ROW, "contact_name": "Laura Méndez"}, None,
                                         today=TODAY, expected_rev=1)
    with pytest.raises(UserError) as stale:  # someone else saved meanwhile: nothing is overwritten
        programmes.update_programme(storage, added["id"], {**ROW, "contact_name": "Otra"}, None, today=TODAY,
                                    expected_rev=1)
    assert "Otra persona guardó cambios" in stale.value.message
    later = dt.date(2028, 1, 10)
    assert programmes.programmes(storage, later)[0].status == "vencido"
    programmes.mark_checked(storage, added["id"], None, today=later)
    assert repo.get_programme(storage, added["id"])["checked_on"] == "2028-01-10"
    programmes.delete_programme(storage, added["id"], None)
    assert programmes.programmes(storage, TODAY) == []

    ops = [e.op for e in changelog.entries(storage, table="centre_programmes", record_id=added["id"])]
    assert ops == ["insert", "update", "update", "delete"] and edited["rev"] == 2
    assert chain.verify(storage.conn).ok


def test_the_import_previews_every_row_and_writes_only_the_good_ones(storage, tmp_path):
    path = write_csv(tmp_path / "programas.csv", GOOD_ROWS + BAD_ROWS)
    preview = programmes.preview_import(storage, path, TODAY)
    assert repo.list_programmes(storage) == []  # a preview writes nothing
    assert [(r.row_number, r.reason) for r in preview.bad] == [
        (4, "Falta el nombre del programa."),
        (5, "La familia «subsidios» no existe; use financiamiento, innovación, articulación, mercados o "
            "formalización."),
        (6, "Indique al menos un teléfono, un correo o una página web para contactar el programa."),
        (8, "Repite el programa de la fila 2."),
        (9, "La fecha «vigente hasta» (01/01/2026) es anterior a «vigente desde» (31/12/2026)."),
    ]
    assert "Filas leídas: 8. Programas nuevos: 3; actualizados: 0; filas con problemas: 5." in preview.text()

    assert programmes.accept_import(storage, preview, None) == (3, 0)
    stored = {r["name"]: r for r in repo.list_programmes(storage)}
    # A cell a spreadsheet would run is text, stored as typed (without the guard Rumbo adds when it writes).
    assert set(stored) == {"Crédito Crece", "Ferias de ejemplo", '=HYPERLINK("http://malo")'}
    assert stored["Crédito Crece"]["instruments"] == ["fin_lineas_credito"]
    assert stored["Crédito Crece"]["requires_registration"] is True
    assert stored["Ferias de ejemplo"]["stages"] == ["occasional_direct", "regular_direct"]
    assert stored["Ferias de ejemplo"]["web"] == "https://www.example.org/ferias"


def test_importing_the_file_again_updates_what_changed_and_leaves_the_rest(storage, tmp_path):
    programmes.import_file(storage, write_csv(tmp_path / "a.csv", GOOD_ROWS), None, today=TODAY)
    changed = [list(GOOD_ROWS[0]), GOOD_ROWS[1]]
    changed[0][9] = "nuevo@example.org"  # the e-mail column
    preview = programmes.import_file(storage, write_csv(tmp_path / "b.csv", changed), None, today=TODAY)
    assert (len(preview.new), len(preview.updated), len(preview.bad)) == (0, 1, 0)
    stored = {r["name"]: r for r in repo.list_programmes(storage)}
    assert stored["Crédito Crece"]["email"] == "nuevo@example.org" and stored["Crédito Crece"]["rev"] == 2
    assert stored["Ferias de ejemplo"]["rev"] == 1


def test_an_xlsx_file_with_a_bad_row_is_read_too(storage, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(GOOD_ROWS[0][:11] + [dt.datetime(2026, 1, 1), None, dt.datetime(2026, 12, 1), None])
    sheet.append(["Teléfono numérico", "Banco", "SV", "mercados", None, None, None, None, 22223333])
    sheet.append(["Teléfono corto", "Banco", "SV", "mercados", None, None, None, None, 123])
    book.save(tmp_path / "programas.xlsx")
    preview = programmes.preview_import(storage, tmp_path / "programas.xlsx", TODAY)
    assert [r.reason for r in preview.bad] == ["El teléfono «123» no es un número válido de El Salvador."]
    assert preview.rows[0].values["valid_from"] == "2026-01-01" and preview.rows[1].values["phone"] == "+50322223333"


@pytest.mark.parametrize("make, sentence", [
    (lambda p: write_csv(p, [], header=["Nombre de la empresa", "NIT"]),
     "Al archivo «f.csv» le falta la columna «Programa» y «Institución»; la primera fila debe nombrar las columnas."),
    (lambda p: p.write_bytes(b""), "El archivo está vacío: no tiene fila de encabezados."),
    (lambda p: write_csv(p, [["x", "y", "SV"]] * (programmes.MAX_ROWS + 1)),
     f"El archivo tiene {programmes.MAX_ROWS + 1} filas; un directorio de programas admite hasta "
     f"{programmes.MAX_ROWS}."),
])
def test_a_file_that_is_not_a_directory_is_refused_in_one_sentence(storage, tmp_path, make, sentence):
    path = tmp_path / "f.csv"
    make(path)
    with pytest.raises(UserError) as refused:
        programmes.preview_import(storage, path, TODAY)
    assert refused.value.message == sentence
    assert repo.list_programmes(storage) == []


def test_a_row_wider_than_its_header_is_refused_not_cut(storage, tmp_path):
    path = write_csv(tmp_path / "w.csv", [GOOD_ROWS[0] + ["celda de más"]])
    assert [r.reason for r in programmes.preview_import(storage, path, TODAY).bad] == [
        "La fila tiene más columnas que el encabezado."]


def test_only_a_coordinator_changes_the_directory_once_sign_in_is_set_up(tmp_path):
    db = tmp_path / "rumbo.db"
    made = security.set_up(db, "Ana", "ana", "secreta123", centre="CDMYPE Oriente")
    with open_database(db) as storage:
        admin = made.signed_in.adviser_id
        adviser = security.adviser_repo.create_adviser(storage, {"name": "Beto", "active": True}, admin)
        security.grant_access(storage, admin, adviser["id"], "beto", "clave-de-beto", "adviser")
        with pytest.raises(UserError) as refused:
            programmes.add_programme(storage, ROW, adviser["id"], today=TODAY)
        assert refused.value.message == "Solo un coordinador puede mantener el directorio de programas del centro."
        assert not programmes.may_edit(storage, adviser["id"]) and programmes.may_edit(storage, admin)
        path = write_csv(tmp_path / "p.csv", GOOD_ROWS)
        with pytest.raises(UserError):
            programmes.accept_import(storage, programmes.preview_import(storage, path, TODAY), adviser["id"])
        assert repo.list_programmes(storage) == []
        programmes.add_programme(storage, ROW, admin, today=TODAY)
        # Nobody holds the coordinator's role: the administrator is whom the report names.
        assert programmes.whom_to_ask(storage).people == (("Ana", ""),)


def test_whom_to_ask_names_the_centre_and_its_coordinators(storage):
    from db import advisers
    from desktop.services import profile

    profile.save_settings(storage, {"centre_name": "CDMYPE Oriente"}, None)
    advisers.create_adviser(storage, {"name": "Carla Ruiz", "phone": "+50326601234", "role": "coordinator"}, None)
    advisers.create_adviser(storage, {"name": "Beto", "role": "adviser"}, None)
    whom = programmes.whom_to_ask(storage)
    assert whom.centre == "CDMYPE Oriente"
    assert whom.people == (("Carla Ruiz", "+503 2660 1234"),)


def test_the_shipped_starting_directory_holds_only_programmes_that_cite_their_institution():
    # Empty in this version (resources/directory says why); any entry added later must check and cite a source.
    for entry in programmes.starter_programmes():
        from desktop.domain.directory import check_programme

        assert check_programme(entry, TODAY)["source"], entry
    assert programmes.starter_programmes() == []
