"""``rumbo bundle``: exit codes and sentences of export, import, preview and device."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import sync
from desktop.services.registry import firms
from desktop.services.storage import open_database

ROOT = Path(__file__).resolve().parents[2]


def _laptop_with_a_firm(path: Path, encrypted_db) -> None:
    """A laptop with one firm, and its centre ``c.db`` beside it, enrolled in each other the way a
    coordinator does it from the command line (cards exchanged, fingerprints taken as checked)."""
    with open_database(encrypted_db(path, device_name="Laptop Ana"), device_name="Laptop Ana") as storage:
        firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, "ana")
    enrol_by_command(path, encrypted_db(path.parent / "c.db"))


def enrol_by_command(laptop: Path, centre: Path) -> None:
    assert main(["--db", str(centre), "bundle", "device", "--name", "Centro", "--role", "centre"]) == 0
    assert main(["--db", str(centre), "device", "card", str(centre.parent / "centro.json")]) == 0
    assert main(["--db", str(laptop), "device", "card", str(laptop.parent / "laptop.json")]) == 0
    assert main(["--db", str(laptop), "device", "enrol", str(centre.parent / "centro.json"), "--yes"]) == 0
    assert main(["--db", str(centre), "device", "enrol", str(laptop.parent / "laptop.json"), "--yes"]) == 0


def test_export_then_import_in_a_real_subprocess(tmp_path, encrypted_db):
    laptop, centre, bundle = tmp_path / "a.db", tmp_path / "c.db", tmp_path / "a.rumbo"
    _laptop_with_a_firm(laptop, encrypted_db)
    out = subprocess.run([sys.executable, "-m", "desktop", "--db", str(laptop), "bundle", "export", str(bundle)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "1 empresas, 1 asesores (3 cambios)" in out.stdout  # the administrator set up with the base travels too
    out = subprocess.run([sys.executable, "-m", "desktop", "--db", str(centre), "bundle", "import", str(bundle)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "empresas: 1 nuevas" in out.stdout
    with open_database(centre) as storage:
        assert [b.file_name for b in sync.bundle_history(storage)] == ["a.rumbo"]


def test_second_import_says_nothing_changed(tmp_path, capsys, encrypted_db):
    laptop, centre, bundle = tmp_path / "a.db", tmp_path / "c.db", tmp_path / "a.rumbo"
    _laptop_with_a_firm(laptop, encrypted_db)
    assert main(["--db", str(laptop), "bundle", "export", str(bundle)]) == 0
    assert main(["--db", str(centre), "bundle", "import", str(bundle)]) == 0
    capsys.readouterr()
    assert main(["--db", str(centre), "bundle", "import", str(bundle)]) == 0
    assert "ya se había importado" in capsys.readouterr().out


def test_preview_writes_nothing(tmp_path, capsys, encrypted_db):
    laptop, centre, bundle = tmp_path / "a.db", tmp_path / "c.db", tmp_path / "a.rumbo"
    _laptop_with_a_firm(laptop, encrypted_db)
    main(["--db", str(laptop), "bundle", "export", str(bundle)])
    assert main(["--db", str(centre), "bundle", "import", str(bundle), "--preview"]) == 0
    assert "Se aplicaría" in capsys.readouterr().out
    with open_database(centre) as storage:
        assert sync.bundle_history(storage) == []


def test_truncated_bundle_exits_2_with_one_spanish_sentence(tmp_path, capsys, encrypted_db):
    laptop, centre, bundle = tmp_path / "a.db", tmp_path / "c.db", tmp_path / "a.rumbo"
    _laptop_with_a_firm(laptop, encrypted_db)
    main(["--db", str(laptop), "bundle", "export", str(bundle)])
    bundle.write_bytes(bundle.read_bytes()[:-40])
    capsys.readouterr()
    assert main(["--db", str(centre), "bundle", "import", str(bundle)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "El paquete «a.rumbo» está dañado o incompleto, así que no se aplicó ninguno de sus cambios."
    with open_database(centre) as storage:
        assert sync.bundle_history(storage) == []
        assert storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == 0


def test_export_without_an_enrolled_centre_exits_2_and_writes_nothing(tmp_path, capsys, encrypted_db):
    db = encrypted_db(tmp_path / "a.db")
    assert main(["--db", str(db), "bundle", "export", str(tmp_path / "x.rumbo")]) == 2
    assert capsys.readouterr().err == (
        "No hay ningún centro inscrito en este equipo: el paquete se cifra para el equipo que lo recibe. Inscriba "
        "la tarjeta del centro en «Equipos de confianza» (o indique el equipo de destino).\n")
    assert not (tmp_path / "x.rumbo").exists()


def test_missing_file_and_unknown_peer_exit_2(tmp_path, capsys, encrypted_db):
    db = encrypted_db(tmp_path / "a.db")
    assert main(["--db", str(db), "bundle", "import", str(tmp_path / "nada.rumbo")]) == 2
    assert "No se encontró el archivo de paquete «nada.rumbo»." in capsys.readouterr().err
    assert main(["--db", str(db), "bundle", "export", str(tmp_path / "x.rumbo"), "--peer", "Zeta"]) == 2
    assert "No se conoce ningún equipo llamado «Zeta»" in capsys.readouterr().err
    assert not (tmp_path / "x.rumbo").exists()


def test_missing_action_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(tmp_path / "a.db"), "bundle"])
    assert exc.value.code == 2
    assert "Error de uso" in capsys.readouterr().err


def test_device_name_and_role(tmp_path, capsys, encrypted_db):
    db = encrypted_db(tmp_path / "c.db")
    assert main(["--db", str(db), "bundle", "device", "--name", "Centro San Miguel", "--role", "centre"]) == 0
    assert capsys.readouterr().out.startswith("Centro San Miguel (centro), identificador ")
    with open_database(db) as storage:
        assert sync.device_info(storage)["role"] == "centre"
