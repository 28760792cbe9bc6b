"""``rumbo import``, ``rumbo export`` and ``rumbo demo`` through the command line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.storage import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_demo_export_import_round_trip(tmp_path, capsys, encrypted_db):
    # demo on a new path sets up the demo account itself; the import goes into a base set up beforehand.
    db1, db2 = tmp_path / "a.db", encrypted_db(tmp_path / "b.db")
    assert main(["--db", str(db1), "demo", "--firms", "40", "--seed", "5"]) == 0
    assert "Se crearon 40 empresas de demostración" in capsys.readouterr().out
    assert main(["--db", str(db1), "export", "firms", str(tmp_path / "e.csv")]) == 0
    assert "Se exportaron 40 empresas" in capsys.readouterr().out
    assert main(["--db", str(db2), "import", str(tmp_path / "e.csv")]) == 0
    out = capsys.readouterr().out
    assert "Filas leídas: 40" in out and "Empresas importadas: 40" in out
    assert main(["--db", str(db2), "import", str(tmp_path / "e.csv"), "--dry-run", "--rejects",
                 str(tmp_path / "r.csv")]) == 0
    out = capsys.readouterr().out
    assert "simulación" in out and "Filas rechazadas: 40 (duplicadas: 40)" in out
    assert len(list(csv.reader((tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()))) == 41
    with open_database(db1) as storage:
        stored = storage.conn.execute("SELECT count(*) FROM assessments WHERE deleted_at IS NULL").fetchone()[0]
    assert stored > 0, "demo firms come with assessments"
    assert main(["--db", str(db1), "export", "assessments", str(tmp_path / "ev.xlsx")]) == 0
    assert f"Se exportaron {stored} evaluaciones" in capsys.readouterr().out


def test_import_prints_rejected_rows_with_numbers(tmp_path, capsys, encrypted_db):
    db = encrypted_db(tmp_path / "a.db")
    assert main(["--db", str(db), "import", str(FIXTURES / "firms_latin1_semicolon.csv")]) == 0
    out = capsys.readouterr().out
    assert "Empresas importadas: 2" in out and "Fila 4: Falta el país de la empresa." in out


@pytest.mark.parametrize("argv,phrase", [
    (["import", "{tmp}/nada.csv"], "No se encuentra el archivo"),
    (["import", "{tmp}/datos.json"], "no es CSV ni XLSX"),
    (["import", "{tmp}/sin_encabezado.csv"], "encabezados reconocibles"),
    (["import", "{fixtures}/firms_utf8_bom_english.csv", "--rejects", "{tmp}/r.txt"], ".csv"),
    (["export", "firms", "{tmp}/e.pdf"], "use un archivo .csv o .xlsx"),
    (["export", "firms", "{tmp}/no/e.csv"], "no existe"),
    (["demo", "--firms", "cero"], "número entero"),
    (["demo", "--firms", "0"], "entre 1 y 1.000.000"),
])
def test_bad_input_exits_2_with_one_sentence_and_writes_nothing(tmp_path, capsys, argv, phrase):
    (tmp_path / "datos.json").write_text("{}")
    (tmp_path / "sin_encabezado.csv").write_text("rojo,verde\n1,2\n")
    db = tmp_path / "x.db"
    args = [a.format(tmp=tmp_path, fixtures=FIXTURES) for a in argv]
    assert main(["--db", str(db), *args]) == 2
    err = capsys.readouterr().err
    assert phrase in err and len(err.strip().splitlines()) == 1
    assert not db.exists()
    assert not (tmp_path / "r.txt").exists() and not (tmp_path / "e.pdf").exists()


def test_unknown_export_kind_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "x.db"), "export", "cosas", str(tmp_path / "e.csv")])
    assert info.value.code == 2


def test_import_lists_amounts_rounded_to_whole_units(tmp_path, capsys, encrypted_db):
    path = tmp_path / "montos.csv"
    path.write_text("Razón social;País;Ventas anuales\nTienda Luna;SV;85.000,50\n", encoding="utf-8")
    assert main(["--db", str(encrypted_db(tmp_path / "a.db")), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert ("Montos con centavos redondeados a unidades enteras en 1 fila (cada empresa lo dice en sus notas): "
            "fila 2 (Ventas anuales de 85.000,50 a 85.001).") in out.splitlines()
