"""#18 item 20: whole-number messages for counts, rounded amounts said in the firm's notes and the
summary, and a rejects file written like its source so it can be fixed and imported again."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from db import firms as firm_repo

from desktop.services.registry.importing import import_file

HEADER = "Razón social;País;Empleados;Ventas anuales;Notas\r\n"
SOURCE = (
    HEADER
    + "Panadería Ñandú;SV;-4;1.000;\r\n"                    # 2: negative headcount
    + "Café Sol, S.A.;SV;1.234,56;85.000,50;\r\n"          # 3: a headcount with decimals
    + "Tienda Luna;SV;5;85.000,50;Cliente desde 2019\r\n"  # 4: accepted, sales rounded
    + "Sin País;;3;;\r\n"                                  # 5: no country
    + "Fórmula;SV;=1+1;;\r\n"                              # 6: a formula in a count
)


def _firm(storage, name):
    row = storage.conn.execute("SELECT id FROM firms WHERE legal_name = ? AND deleted_at IS NULL", (name,)).fetchone()
    return firm_repo.get_firm(storage, row[0]) if row is not None else None


def _names(storage):
    return sorted(r[0] for r in storage.conn.execute("SELECT legal_name FROM firms WHERE deleted_at IS NULL"))


def _source(tmp_path):
    path = tmp_path / "empresas.csv"
    path.write_bytes(SOURCE.encode("cp1252"))
    return path


def test_counts_are_refused_with_a_whole_number_example(storage, tmp_path):
    summary = import_file(storage, _source(tmp_path), None)
    reasons = {r.row_number: r.reason for r in summary.rejected}
    assert reasons[3] == "El campo «Empleados» debe ser un número entero, como 12, no «1.234,56»."
    assert reasons[6] == "El campo «Empleados» debe ser un número entero, como 12, no «=1+1»."
    assert reasons[2] == "El campo «Empleados» no admite valores negativos («-4»)."


def test_rounded_sales_are_kept_and_said_in_the_firms_notes_and_the_summary(storage, tmp_path):
    summary = import_file(storage, _source(tmp_path), None)
    assert summary.accepted == 1
    luna = _firm(storage, "Tienda Luna")
    assert (luna["sales_amount"], luna["sales_usd"], luna["employees"]) == ("85001", 85001, 5)
    assert luna["notes"] == ("Cliente desde 2019\n"
                             "Al importar «empresas.csv», Rumbo redondeó montos a unidades enteras: "
                             "Ventas anuales de 85.000,50 a 85.001.")
    assert [(r.row_number, r.changes) for r in summary.rounded] == [(4, ["Ventas anuales de 85.000,50 a 85.001"])]
    sentence = ("Montos con centavos redondeados a unidades enteras en 1 fila (cada empresa lo dice en sus notas): "
                "fila 4 (Ventas anuales de 85.000,50 a 85.001).")
    assert sentence in summary.notes  # the import dialog shows the summary's notes
    assert sentence in summary.text().splitlines()  # and so does `rumbo import`


def test_a_dry_run_says_what_would_be_rounded_and_stores_nothing(storage, tmp_path):
    summary = import_file(storage, _source(tmp_path), None, dry_run=True)
    assert _names(storage) == []
    assert summary.notes == ["Montos con centavos que se redondearán a unidades enteras en 1 fila "
                             "(cada empresa lo dirá en sus notas): fila 4 (Ventas anuales de 85.000,50 a 85.001)."]


def test_several_amounts_in_several_rows_are_all_listed(storage, tmp_path):
    path = tmp_path / "montos.csv"
    path.write_text("Razón social,País,Ventas anuales,Activos,Exportaciones\n"
                    "Uno,SV,\"1,5\",\"2.000,49\",300\n"
                    "Dos,SV,\"10.000,5\",,\n"
                    "Tres,SV,\"10.000,00\",,\n", encoding="utf-8")
    summary = import_file(storage, path, None)
    assert [(r.row_number, r.changes) for r in summary.rounded] == [
        (2, ["Ventas anuales de 1,5 a 2", "Activos de 2.000,49 a 2.000"]),
        (3, ["Ventas anuales de 10.000,5 a 10.001"]),
    ]  # «10.000,00» has no cents to lose: nothing to say
    assert ("en 2 filas (cada empresa lo dice en sus notas): fila 2 (Ventas anuales de 1,5 a 2, Activos de 2.000,49 "
            "a 2.000); fila 3 (Ventas anuales de 10.000,5 a 10.001).") in summary.notes[-1]
    assert _firm(storage, "Uno")["notes"].endswith("Ventas anuales de 1,5 a 2; Activos de 2.000,49 a 2.000.")
    assert _firm(storage, "Tres")["notes"] is None


def test_notes_at_their_limit_are_left_alone_but_the_summary_still_says_it(storage, tmp_path):
    path = tmp_path / "largas.csv"
    path.write_text("Razón social,País,Ventas anuales,Notas\n"
                    f"Larga,SV,\"7,5\",{'x' * 9990}\n", encoding="utf-8")
    summary = import_file(storage, path, None)
    assert _firm(storage, "Larga")["notes"] == "x" * 9990
    assert summary.rounded[0].changes == ["Ventas anuales de 7,5 a 8"]


def test_rejects_file_is_written_like_its_source(storage, tmp_path):
    rejects = tmp_path / "rechazos.csv"
    summary = import_file(storage, _source(tmp_path), None, rejects_path=rejects)
    assert (summary.encoding, summary.delimiter) == ("cp1252", ";")
    expected = (
        "Razón social;País;Empleados;Ventas anuales;Notas;fila;motivo\r\n"
        "Panadería Ñandú;SV;-4;1.000;;2;El campo «Empleados» no admite valores negativos («-4»).\r\n"
        "Café Sol, S.A.;SV;1.234,56;85.000,50;;3;"
        "El campo «Empleados» debe ser un número entero, como 12, no «1.234,56».\r\n"
        "Sin País;;3;;;5;Falta el país de la empresa.\r\n"
        "Fórmula;SV;'=1+1;;;6;El campo «Empleados» debe ser un número entero, como 12, no «=1+1».\r\n"
    )
    # Same separator, encoding (Windows-1252, no BOM) and line ends; -4 and «Café Sol, S.A.» as typed;
    # only the formula is guarded.
    assert rejects.read_bytes() == expected.encode("cp1252")


def test_fixed_rejects_file_imports_again(storage, tmp_path):
    rejects = tmp_path / "rechazos.csv"
    import_file(storage, _source(tmp_path), None, rejects_path=rejects)
    assert _names(storage) == ["Tienda Luna"]

    # The adviser fixes the bad cells in the rejects file and saves it as it is, reason column included.
    with open(rejects, encoding="cp1252", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    fixes = {"Panadería Ñandú": {2: "4"}, "Café Sol, S.A.": {2: "1234"}, "Sin País": {1: "GT"},
             "Fórmula": {2: "2"}}
    for row in rows[1:]:
        for column, value in fixes[row[0]].items():
            row[column] = value
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    rejects.write_bytes(buffer.getvalue().encode("cp1252"))

    again = import_file(storage, rejects, None, rejects_path=tmp_path / "rechazos2.csv")
    assert (again.rows_read, again.accepted, again.rejected) == (4, 4, [])
    assert again.ignored_columns == ["fila", "motivo"]
    text = again.text()
    assert "Columnas del archivo de rechazos (no se importan): fila, motivo" in text
    assert "no reconocidas" not in text
    assert _names(storage) == ["Café Sol, S.A.", "Fórmula", "Panadería Ñandú", "Sin País", "Tienda Luna"]
    assert _firm(storage, "Panadería Ñandú")["employees"] == 4
    assert _firm(storage, "Fórmula")["employees"] == 2
    sol = _firm(storage, "Café Sol, S.A.")
    assert (sol["employees"], sol["sales_amount"]) == (1234, "85001")
    assert "Al importar «rechazos.csv», Rumbo redondeó montos a unidades enteras: " \
           "Ventas anuales de 85.000,50 a 85.001." == sol["notes"]
    assert _firm(storage, "Sin País")["country"] == "GT"
    # Nothing was refused, so the second rejects file holds the header alone.
    assert (tmp_path / "rechazos2.csv").read_bytes() == \
        "Razón social;País;Empleados;Ventas anuales;Notas;fila;motivo\r\n".encode("cp1252")


def test_rejects_of_a_rejects_file_do_not_repeat_its_reason_columns(storage, tmp_path):
    source = tmp_path / "rechazos.csv"
    source.write_text("Razón social,País,fila,motivo\nUno,,2,Falta el país de la empresa.\n", encoding="utf-8")
    import_file(storage, source, None, rejects_path=tmp_path / "otra_vez.csv")
    assert (tmp_path / "otra_vez.csv").read_text(encoding="utf-8") == (
        "Razón social,País,fila,motivo\nUno,,2,Falta el país de la empresa.\n")


def test_xlsx_rejects_are_a_utf8_csv_with_numbers_as_typed(storage, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Razón social", "País", "Empleados", "Ventas anuales"])
    sheet.append(["Negativa", "SV", -4, 1000])
    sheet.append(["Con centavos", "SV", 3, 85000.5])
    book.save(tmp_path / "libro.xlsx")
    rejects = tmp_path / "r.csv"
    summary = import_file(storage, tmp_path / "libro.xlsx", None, rejects_path=rejects)
    assert rejects.read_bytes() == (
        "\ufeffRazón social,País,Empleados,Ventas anuales,fila,motivo\r\n"
        "Negativa,SV,-4,1000,2,\"El campo «Empleados» debe estar entre 0 y 1.000.000, no «-4».\"\r\n"
    ).encode("utf-8")
    assert summary.rounded[0].changes == ["Ventas anuales de 85.000,5 a 85.001"]
    assert _firm(storage, "Con centavos")["sales_amount"] == "85001"


def test_a_latin1_source_gets_reasons_it_can_hold(storage, tmp_path):
    path = tmp_path / "latin.csv"
    # 0x81 has no meaning in Windows-1252, so this file is read as Latin-1, which lacks «–» and «…».
    path.write_bytes("Razón social;País;Actividad (CIIU)\nCasa\x81;SV;ZZ9\n".encode("latin-1"))
    rejects = tmp_path / "r.csv"
    summary = import_file(storage, path, None, rejects_path=rejects)
    assert summary.encoding == "latin-1"
    assert "A–U" in summary.rejected[0].reason
    written = rejects.read_bytes().decode("latin-1")
    assert written.splitlines()[1] == ("Casa\x81;SV;ZZ9;2;La actividad «ZZ9» no es un código CIIU Rev.4 "
                                       "(una letra A-U o de 2 a 4 dígitos).")
