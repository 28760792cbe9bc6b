"""Hostile inputs get one sentence: nested JSON, a UTF-8 file with one broken byte (issue 19, item 5);
an XLSX zip bomb, numbers of thousands of digits, a NUL in a CSV cell (issue 31)."""

from __future__ import annotations

import csv
import struct
import zipfile
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.errors import UserError
from desktop.domain.registry.tabular import XLSX_MAX_RATIO, check_xlsx_archive, decode_bytes, read_csv_bytes, read_table
from desktop.services.registry import firms
from desktop.services.storage import open_database


def test_deeply_nested_answers_file_is_one_sentence(tmp_path, capsys, encrypted_db):
    db = encrypted_db(tmp_path / "r.db")
    with open_database(db) as storage:
        firm = firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
    answers = tmp_path / "respuestas.json"
    answers.write_text("[" * 100_000, encoding="utf-8")
    assert main(["--db", str(db), "assess", firm["id"], "--answers", str(answers)]) == 2
    assert capsys.readouterr().err == ("El archivo de respuestas tiene demasiados niveles anidados; no es un "
                                       "archivo de respuestas de Rumbo.\n")


def test_utf8_file_with_one_invalid_byte_is_refused_naming_row_and_byte():
    data = "Razón social,País\nPanadería Ñandú,SV\nTortillería,SV\n".encode()
    broken = data.replace("Tortillería".encode(), b"Tortiller\xeda")  # one Latin-1 byte in a UTF-8 file
    with pytest.raises(UserError) as info:
        read_csv_bytes(broken)
    assert info.value.message == ("El archivo está en UTF-8 pero tiene un byte no válido (0xED) en la fila 3, "
                                  f"posición {broken.index(bytes([0xED])) + 1}; corríjalo o guárdelo de nuevo "
                                  "como «CSV UTF-8».")


def test_a_real_windows_1252_file_is_still_read_with_its_accents():
    text, encoding = decode_bytes("Razón social;País\nPanadería Ñandú;SV\n".encode("cp1252"))
    assert encoding == "cp1252" and "Panadería Ñandú" in text


def test_the_import_command_refuses_the_broken_file_and_writes_nothing(tmp_path, capsys, encrypted_db):
    broken = tmp_path / "empresas.csv"
    broken.write_bytes("Razón social,País\nPanadería Ñandú,SV\n".encode() + b"Caf\xe9 Luna,SV\n")
    db = encrypted_db(tmp_path / "r.db")
    assert main(["--db", str(db), "import", str(broken)]) == 2
    assert "fila 3" in capsys.readouterr().err
    with open_database(db) as storage:
        assert firms.count_firms(storage) == 0


# --- issue 31: small refusals ------------------------------------------------------------------

def _workbook(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _replace_member(path: Path, name: str, write) -> None:
    """Rewrite one member of a ZIP archive: ``write(handle)`` streams its new content."""
    source = path.with_suffix(".orig")
    path.rename(source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as new:
        for item in old.infolist():
            if item.filename == name:
                with new.open(name, "w", force_zip64=True) as handle:
                    write(handle)
            else:
                new.writestr(item, old.read(item.filename))
    source.unlink()


def _zip_bomb(tmp_path: Path) -> Path:
    """A real XLSX whose sheet expands from a few hundred KB to 120 MB of rows (about 400:1)."""
    path = _workbook(tmp_path / "bomba.xlsx", [["Razón social", "País"], ["Café Luna", "SV"]])
    row = b'<row r="3"><c r="A3" t="inlineStr"><is><t>Empresa</t></is></c></row>' * 10_000

    def write(handle):
        handle.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main"><sheetData>')
        for _ in range(120_000_000 // len(row)):
            handle.write(row)
        handle.write(b"</sheetData></worksheet>")

    _replace_member(path, "xl/worksheets/sheet1.xml", write)
    return path


@pytest.mark.attack(12, 'A 1 MB XLSX zip bomb is expanded before refusal')
def test_an_xlsx_zip_bomb_is_refused_before_openpyxl_reads_it(tmp_path, monkeypatch, capsys, encrypted_db):
    bomb = _zip_bomb(tmp_path)
    assert bomb.stat().st_size < 1_000_000
    import openpyxl

    def never(*args, **kwargs):
        raise AssertionError("openpyxl was asked to read the bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    with pytest.raises(UserError) as info:
        read_table(bomb)
    assert info.value.message.startswith("El archivo «bomba.xlsx» se expandiría a 120 MB al leerlo, mucho más de lo "
                                         "que ocupa un libro de Excel real: no se abre.")
    db = encrypted_db(tmp_path / "r.db")
    assert main(["--db", str(db), "import", str(bomb)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("El archivo «bomba.xlsx» se expandiría") and err.count("\n") == 1
    with open_database(db) as storage:
        assert firms.count_firms(storage, include_deleted=True) == 0


def test_a_real_export_is_far_below_the_limits_the_archive_check_sets(tmp_path):
    from desktop.services.demo import make_demo
    from desktop.services.registry.exporting import export_firms

    with open_database(tmp_path / "demo.db") as storage:
        make_demo(storage, 1500, assessments=False)
        export_firms(storage, tmp_path / "empresas.xlsx")
    check_xlsx_archive(tmp_path / "empresas.xlsx")  # accepted
    with zipfile.ZipFile(tmp_path / "empresas.xlsx") as archive:
        ratios = [m.file_size / m.compress_size for m in archive.infolist() if m.compress_size]
    assert max(ratios) < XLSX_MAX_RATIO / 5
    assert len(read_table(tmp_path / "empresas.xlsx").rows) == 1500


def test_an_xlsx_member_larger_than_it_declares_is_refused_in_one_sentence(tmp_path):
    """zipfile stops at the declared size and checks the CRC: the lie cannot expand in memory."""
    rows = [["Razón social", "País"], *[[f"Empresa {i}", "SV"] for i in range(300)]]
    path = _workbook(tmp_path / "miente.xlsx", rows)
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    # The member's entry in the central directory, which is where zipfile reads the sizes from.
    entry = next(i for i in range(len(data)) if data[i:i + 4] == b"PK\x01\x02"
                 and data[i + 46:i + 46 + len(name)] == name)
    declared = struct.unpack_from("<I", data, entry + 24)[0]
    struct.pack_into("<I", data, entry + 24, declared // 10)  # says a tenth of what it holds
    path.write_bytes(bytes(data))
    with pytest.raises(UserError) as info:
        read_table(path)
    assert info.value.message == "El archivo «miente.xlsx» no es un libro de Excel válido."


@pytest.mark.attack(12, 'A 5,000-digit number in an answer file ends in a traceback')
def test_a_5000_digit_answer_is_one_sentence_naming_the_question(tmp_path, capsys, encrypted_db):
    db = encrypted_db(tmp_path / "r.db")
    with open_database(db) as storage:
        firm = firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
        before = storage.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    answers = tmp_path / "respuestas.json"
    answers.write_text('{"answers": {"est.plan_escrito": 2, "exp.destinos": {"value": %s}}}' % ("7" * 5000),
                       encoding="utf-8")
    assert main(["--db", str(db), "assess", firm["id"], "--answers", str(answers)]) == 2
    assert capsys.readouterr().err == ("La respuesta a «exp.destinos» es un número de 5000 cifras: escriba la "
                                       "cantidad real.\n")
    with open_database(db) as storage:
        assert storage.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


def test_a_5000_digit_number_in_a_csv_cell_refuses_that_row_only(tmp_path, capsys, encrypted_db):
    csv_file = tmp_path / "empresas.csv"
    csv_file.write_text(f"Razón social,País,Empleados\nCafé Luna,SV,{'9' * 5000}\nTienda Sol,GT,4\n", encoding="utf-8")
    db = encrypted_db(tmp_path / "r.db")
    assert main(["--db", str(db), "import", str(csv_file)]) == 0
    out = capsys.readouterr().out
    assert "Empresas importadas: 1" in out and "Fila 2: El campo «Empleados» debe ser un número entero" in out


def test_a_5000_digit_number_in_an_xlsx_cell_is_one_sentence(tmp_path, capsys, encrypted_db):
    path = _workbook(tmp_path / "cifras.xlsx", [["Razón social", "País", "Empleados"], ["Café Luna", "SV", 12345]])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b"<v>12345</v>" in sheet
    _replace_member(path, "xl/worksheets/sheet1.xml",
                    lambda handle: handle.write(sheet.replace(b"<v>12345</v>", b"<v>" + b"9" * 5000 + b"</v>")))
    db = encrypted_db(tmp_path / "r.db")
    assert main(["--db", str(db), "import", str(path)]) == 2
    assert capsys.readouterr().err == ("Una celda de «cifras.xlsx» después de la fila 1 tiene un número de miles de "
                                       "cifras, que ninguna hoja de cálculo escribe: corríjala y vuelva a importar "
                                       "el archivo.\n")
    with open_database(db) as storage:
        assert firms.count_firms(storage, include_deleted=True) == 0


@pytest.mark.attack(12, 'A NUL byte in a CSV cell is silently dropped')
def test_a_nul_in_a_csv_cell_refuses_that_row_naming_the_column(tmp_path, capsys, encrypted_db):
    csv_file = tmp_path / "empresas.csv"
    csv_file.write_bytes("Razón social;País;Notas\nCafé Luna;SV;cliente antigua\nTienda Sol;GT;pa\x00go\n"
                         "Panadería Ñandú;SV;\n".encode())
    rejects = tmp_path / "rechazos.csv"
    db = encrypted_db(tmp_path / "r.db")
    assert main(["--db", str(db), "import", str(csv_file), "--rejects", str(rejects)]) == 0
    out = capsys.readouterr().out
    sentence = ("La columna «Notas» tiene un carácter nulo (NUL), que no es texto: el archivo se dañó al guardarse; "
                "corrija esa celda.")
    assert "Empresas importadas: 2" in out and f"Fila 3: {sentence}" in out
    with open(rejects, encoding="utf-8", newline="") as handle:
        written = list(csv.reader(handle, delimiter=";"))
    assert written[0] == ["Razón social", "País", "Notas", "fila", "motivo"]
    assert written[1] == ["Tienda Sol", "GT", "pa\x00go", "3", sentence]
    with open_database(db) as storage:
        names = sorted(r[0] for r in storage.conn.execute("SELECT legal_name FROM firms"))
    assert names == ["Café Luna", "Panadería Ñandú"]
