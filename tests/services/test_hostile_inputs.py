"""Hostile inputs get one sentence: nested JSON, a UTF-8 file with one broken byte (issue 19, item 5)."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.domain.errors import UserError
from desktop.domain.registry.tabular import decode_bytes, read_csv_bytes
from desktop.services.registry import firms
from desktop.services.storage import open_database


def test_deeply_nested_answers_file_is_one_sentence(tmp_path, capsys):
    db = tmp_path / "r.db"
    with open_database(db) as storage:
        firm = firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
    answers = tmp_path / "respuestas.json"
    answers.write_text("[" * 100_000, encoding="utf-8")
    assert main(["--db", str(db), "assess", firm["id"], "--answers", str(answers)]) == 2
    assert capsys.readouterr().err == ("El archivo de respuestas tiene demasiados niveles anidados; no es un "
                                       "archivo de respuestas de Rumbo.\n")


def test_utf8_file_with_one_invalid_byte_is_refused_naming_row_and_byte():
    data = "Razón social,País\nPanadería Ñandú,SV\nTortillería,SV\n".encode("utf-8")
    broken = data.replace("Tortillería".encode(), b"Tortiller\xeda")  # one Latin-1 byte in a UTF-8 file
    with pytest.raises(UserError) as info:
        read_csv_bytes(broken)
    assert info.value.message == ("El archivo está en UTF-8 pero tiene un byte no válido (0xED) en la fila 3, "
                                  f"posición {broken.index(bytes([0xED])) + 1}; corríjalo o guárdelo de nuevo "
                                  "como «CSV UTF-8».")


def test_a_real_windows_1252_file_is_still_read_with_its_accents():
    text, encoding = decode_bytes("Razón social;País\nPanadería Ñandú;SV\n".encode("cp1252"))
    assert encoding == "cp1252" and "Panadería Ñandú" in text


def test_the_import_command_refuses_the_broken_file_and_writes_nothing(tmp_path, capsys):
    csv = tmp_path / "empresas.csv"
    csv.write_bytes("Razón social,País\nPanadería Ñandú,SV\n".encode() + b"Caf\xe9 Luna,SV\n")
    db = tmp_path / "r.db"
    assert main(["--db", str(db), "import", str(csv)]) == 2
    assert "fila 3" in capsys.readouterr().err
    with open_database(db) as storage:
        assert firms.count_firms(storage) == 0
