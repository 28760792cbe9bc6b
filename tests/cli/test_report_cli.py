"""``rumbo report``: exit codes, messages and the files it writes."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.services.storage import open_database
from tests.reports.conftest import pdf_pages, squash
from tests.reports.db_examples import populate


@pytest.fixture
def db(tmp_path, encrypted_db):
    path = encrypted_db(tmp_path / "rumbo.db")
    with open_database(path) as storage:
        ids = populate(storage)
    return path, ids


def test_report_one_firm_in_spanish(db, tmp_path, capsys):
    path, ids = db
    out = tmp_path / "informe.pdf"
    assert main(["--db", str(path), "report", ids["espiga"], "-o", str(out)]) == 0
    assert "Informe guardado" in capsys.readouterr().out
    pages = pdf_pages(out.read_bytes())
    assert "Resumen de preparación" in squash(" ".join(pages))


def test_report_by_tax_id_in_english_either_lang_position(db, tmp_path):
    path, _ = db
    for argv in (["report", "06141203961019", "-o", "a.pdf", "--lang", "en"],
                 ["--lang", "en", "report", "06141203961019", "-o", "a.pdf"]):
        out = tmp_path / "a.pdf"
        argv = ["--db", str(path)] + [str(out) if a == "a.pdf" else a for a in argv]
        assert main(argv) == 0
        assert "Readiness summary" in squash(" ".join(pdf_pages(out.read_bytes())))


def test_firm_without_assessment_gets_profile_report(db, tmp_path, capsys):
    path, ids = db
    out = tmp_path / "bare.pdf"
    assert main(["--db", str(path), "report", ids["bare"], "-o", str(out)]) == 0
    assert "aún no tiene una evaluación completada" in capsys.readouterr().out
    assert out.exists()


def test_unknown_firm_exits_2_with_one_sentence(db, tmp_path, capsys):
    path, _ = db
    out = tmp_path / "x.pdf"
    assert main(["--db", str(path), "report", "no-existe", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "No hay ninguna empresa con el identificador o NIT «no-existe»."
    assert not out.exists()


@pytest.mark.parametrize("argv, message", [
    (["report", "-o", "x.pdf"], "Indique la empresa"),
    (["report", "abc", "--all", "-o", "x"], "no ambas"),
])
def test_bad_usage_exits_2(db, argv, message, capsys):
    path, _ = db
    assert main(["--db", str(path)] + argv) == 2
    assert message in capsys.readouterr().err


def test_missing_output_is_a_usage_error(db, capsys):
    path, ids = db
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(path), "report", ids["espiga"]])
    assert exc.value.code == 2


def test_report_all_to_a_folder(db, tmp_path, capsys):
    path, _ = db
    folder = tmp_path / "informes"
    assert main(["--db", str(path), "report", "--all", "-o", str(folder)]) == 0
    assert len(list(folder.glob("*.pdf"))) == 3
    assert "3 informes guardados" in capsys.readouterr().out


def test_report_all_onto_a_file_exits_2(db, tmp_path, capsys):
    path, _ = db
    target = tmp_path / "file.txt"
    target.write_text("x")
    assert main(["--db", str(path), "report", "--all", "-o", str(target)]) == 2
    assert "no es una carpeta" in capsys.readouterr().err
