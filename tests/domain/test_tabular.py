"""Reading CSV/XLSX tables: encodings, separators, quoting, header mapping, formula escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.domain.errors import UserError
from desktop.domain.registry.tabular import (
    escape_cell,
    fold,
    map_headers,
    read_csv_bytes,
    read_table,
    sniff_delimiter,
    unescape_cell,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TEXT = "Razón social;País;Ventas anuales\nPanadería Ñandú;SV;1.234,56\n"


@pytest.mark.parametrize("encoding,expected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                               ("latin-1", "cp1252"), ("cp1252", "cp1252"), ("utf-16", "utf-16")])
def test_encodings_are_detected_and_accents_survive(encoding, expected):
    table = read_csv_bytes(TEXT.encode(encoding))
    assert table.encoding == expected
    assert table.header == ["Razón social", "País", "Ventas anuales"]
    assert table.rows == [(2, ["Panadería Ñandú", "SV", "1.234,56"])]


def test_bytes_that_are_not_windows_1252_fall_back_to_latin_1():
    table = read_csv_bytes("nombre,país\n".encode("latin-1") + b"caf\x81,SV\n")
    assert table.encoding == "latin-1"
    assert table.rows[0][1][0] == "caf\x81"


@pytest.mark.parametrize("line,sep", [("a;b;c", ";"), ("a,b,c", ","), ("a\tb\tc", "\t"), ("a|b|c", "|"),
                                      ('"x;y",b,c', ","), ("solo", ",")])
def test_separator_sniffed_from_the_header(line, sep):
    assert sniff_delimiter(line) == sep


def test_quoted_fields_with_newlines_and_separators_keep_spreadsheet_row_numbers():
    data = 'Razón social,País,Notas\n"Café ""El Sol""",SV,"línea 1\nlínea 2, con coma"\n\nTienda Azul,GT,\n'
    table = read_csv_bytes(data.encode())
    assert table.rows[0] == (2, ['Café "El Sol"', "SV", "línea 1\nlínea 2, con coma"])
    assert table.rows[1] == (4, ["Tienda Azul", "GT", ""])  # the blank record 3 is skipped


def test_empty_file_is_refused():
    with pytest.raises(UserError, match="vacío"):
        read_csv_bytes(b"\n\n  \n")


def test_nul_bytes_and_huge_fields_do_not_break_the_reader():
    big = "x" * 300_000
    table = read_csv_bytes(f"nombre,pais\n{big},SV\nA\x00B,GT\n".encode())
    # The NUL stays where it was (the importer refuses that row), never silently dropped.
    assert table.rows[0][1][0] == big and table.rows[1][1][0] == "A\x00B" and table.has_nul
    assert not read_csv_bytes(b"nombre,pais\nAB,GT\n").has_nul


def test_nul_in_the_header_refuses_the_file_in_one_sentence():
    with pytest.raises(UserError) as info:
        read_csv_bytes(b"nom\x00bre,pais\nA,GT\n")
    assert info.value.message == ("La fila de encabezados tiene caracteres nulos (NUL): el archivo no es un CSV de "
                                  "texto o está dañado; ábralo en la hoja de cálculo y guárdelo de nuevo como "
                                  "«CSV UTF-8».")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_saved_without_its_bom_is_read_with_its_accents(encoding):
    table = read_csv_bytes("Razón social;País\nPanadería Ñandú;SV\n".encode(encoding))
    assert table.encoding == encoding and not table.has_nul
    assert table.header == ["Razón social", "País"] and table.rows == [(2, ["Panadería Ñandú", "SV"])]


def test_read_table_refuses_missing_and_unknown_files(tmp_path):
    with pytest.raises(UserError, match="No se encuentra"):
        read_table(tmp_path / "nada.csv")
    (tmp_path / "datos.json").write_text("{}")
    with pytest.raises(UserError, match="no es CSV ni XLSX"):
        read_table(tmp_path / "datos.json")
    (tmp_path / "falso.xlsx").write_text("no soy excel")
    with pytest.raises(UserError, match="no es un libro de Excel"):
        read_table(tmp_path / "falso.xlsx")


def test_xlsx_keeps_numbers_as_numbers_and_skips_blank_rows(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append([None, None])
    sheet.append(["Legal name", "Country", "Annual sales", "USD rate"])
    sheet.append(["Café Uno", "CR", 1234.567, 505.5])
    sheet.append([None, None, None])
    sheet.append(["Café Dos", "CR", 10, None])
    book.save(tmp_path / "f.xlsx")
    table = read_table(tmp_path / "f.xlsx")
    assert table.header == ["Legal name", "Country", "Annual sales", "USD rate"]
    assert table.rows == [(3, ["Café Uno", "CR", 1234.567, 505.5]), (5, ["Café Dos", "CR", 10, None])]


@pytest.mark.parametrize("header,field", [
    ("Razón social", "legal_name"), ("RAZON SOCIAL", "legal_name"), ("Legal name", "legal_name"),
    ("nombre", "legal_name"), ("NIT", "tax_id"), ("Tax ID", "tax_id"), ("Empleados", "employees"),
    ("Employees", "employees"), ("Ventas anuales", "sales_amount"), ("Annual sales", "sales_amount"),
    ("Municipio", "municipality"), ("Municipality", "municipality"), ("País", "country"),
    ("Correo electrónico", "email"), ("E-mail", "email"), ("Teléfono", "phone"), ("Año de fundación", "year_founded"),
    ("Actividad (CIIU)", "sector_isic"), ("Empleadas mujeres", "employees_women"), ("Tipo de cambio", "usd_rate"),
])
def test_headers_map_in_spanish_and_english_ignoring_accents_and_case(header, field):
    assert map_headers([header]).columns == {field: 0}


def test_stronger_synonym_wins_and_unknown_columns_are_listed():
    mapping = map_headers(["Nombre", "Color favorito", "Razón social", "", "País"])
    assert mapping.columns == {"legal_name": 2, "country": 4}
    assert mapping.ignored == ["Nombre", "Color favorito"]
    assert mapping.record(["a", "b", "c"]) == {"legal_name": "c", "country": None}


def test_fold_removes_accents_case_and_punctuation():
    assert fold("  Año-de  FUNDACIÓN! ") == "ano de fundacion"
    assert fold("北京") == "北京"


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "=HYPERLINK(\"x\")", "\t=1"])
def test_formula_like_cells_are_escaped_and_unescaped(value):
    assert escape_cell(value) == "'" + value
    assert unescape_cell(escape_cell(value)) == value


@pytest.mark.parametrize("value", ["-4", "-1.234,56", "-0,5", "+4", "-12 000"])
def test_plain_signed_numbers_are_written_as_typed(value):
    assert escape_cell(value) == value


def test_csv_line_ends_are_read_as_written():
    assert read_csv_bytes(b"a;b\r\n1;2\r\n").line_end == "\r\n"
    assert read_csv_bytes(b"\na,b\n1,2\n").line_end == "\n"
    assert read_csv_bytes(b"a,b\r1,2").line_end == "\r"
    assert read_csv_bytes(b"a,b").line_end is None


def test_phones_and_plain_text_are_not_escaped():
    assert escape_cell("+50370001234") == "+50370001234"
    assert escape_cell("Café") == "Café" and escape_cell(12) == 12
    assert unescape_cell("'hola") == "'hola"


def test_fixture_files_read(tmp_path):
    latin = read_table(FIXTURES / "firms_latin1_semicolon.csv")
    assert latin.encoding == "cp1252" and latin.delimiter == ";"
    assert latin.rows[0][1][0] == "Panadería La Espiga, S.A. de C.V."
    bom = read_table(FIXTURES / "firms_utf8_bom_english.csv")
    assert bom.encoding == "utf-8-sig" and bom.delimiter == ","
    assert bom.header[0] == "Legal name"
