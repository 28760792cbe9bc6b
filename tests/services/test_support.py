"""The support log and the diagnosis a technician asks for."""

from __future__ import annotations

import logging
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import support
from desktop.services.registry import firms
from desktop.services.storage import open_database
from desktop.version import app_version

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    """A fresh support log in the test's folder, detached again afterwards."""
    support.stop_logging()
    folder = tmp_path / "registros"
    monkeypatch.setenv("RUMBO_LOG_DIR", str(folder))
    yield folder
    support.stop_logging()


def _log_text(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / support.LOG_FILENAME).read_text(encoding="utf-8")


def test_version_comes_from_the_package_metadata():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    written = re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1)
    assert app_version() == written


def test_cli_run_logs_start_command_and_outcome_without_client_data(log_folder, tmp_path, capsys):
    db = tmp_path / "r.db"
    with open_database(db) as storage:
        firm = firms.register_firm(storage, {"legal_name": "Panadería <Ñandú> & 😀", "country": "SV",
                                             "tax_id": "0614-290186-102-2"}, None)
    out = tmp_path / "informe.pdf"
    assert main(["--db", str(db), "report", firm["id"], "--output", str(out)]) == 0
    assert main(["--db", str(db), "report", "no-such-firm", "--output", str(out)]) == 2
    text = _log_text(log_folder)
    assert f"Inicio de Rumbo {app_version()} (rumbo report)" in text
    assert f"Informe de la empresa {firm['id']} escrito en {out}" in text
    assert "rumbo report: terminado con estado 0" in text
    assert "rumbo report: rechazado (UserError" in text
    # Ids only: neither the name nor the tax id reach the file sent to the technician.
    assert "Ñandú" not in text and "0614-290186-102-2" not in text


def test_unexpected_error_goes_to_the_log_with_its_traceback(log_folder, monkeypatch):
    import desktop.cli as cli

    def broken(args):
        raise RuntimeError("boom in classify")

    real_build = cli.build_parser

    def build_with_a_broken_handler():
        parser = real_build()
        parser._subparsers._group_actions[0].choices["classify"].set_defaults(handler=broken)
        return parser

    monkeypatch.setattr(cli, "build_parser", build_with_a_broken_handler)
    with pytest.raises(RuntimeError):
        cli.main(["classify", "--country", "SV", "--employees", "3"])
    text = _log_text(log_folder)
    assert "ERROR rumbo.cli: rumbo classify: error inesperado" in text
    assert "Traceback (most recent call last)" in text and "RuntimeError: boom in classify" in text
    assert support.last_errors()[-1].endswith("rumbo classify: error inesperado")


def test_migrations_are_logged(log_folder, tmp_path):
    support.setup_logging("prueba")
    with open_database(tmp_path / "nueva.db") as storage:
        version = storage.schema_version()
    assert f"Esquema de {tmp_path / 'nueva.db'} actualizado de la versión 0 a la {version}" in _log_text(log_folder)


def test_log_rotates_and_keeps_at_most_five_files(log_folder, monkeypatch):
    monkeypatch.setattr(support, "LOG_MAX_BYTES", 2_000)
    support.setup_logging("prueba")
    logger = logging.getLogger("rumbo.prueba")
    for i in range(400):
        logger.info("línea de relleno número %05d para llenar el registro", i)
    files = sorted(p.name for p in log_folder.iterdir())
    assert files == ["rumbo.log", "rumbo.log.1", "rumbo.log.2", "rumbo.log.3", "rumbo.log.4"]
    assert all((log_folder / name).stat().st_size <= 2_200 for name in files)
    assert "00399" in _log_text(log_folder)


@pytest.mark.attack(12, 'The support log is readable by every user of the machine (0644)')
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_log_and_every_rotated_copy_are_readable_by_their_owner_only(log_folder, monkeypatch):
    os.umask(0o022)  # the usual umask, under which a plain open() makes 0644 files
    log_folder.mkdir(mode=0o755)
    earlier = log_folder / "rumbo.log.3"
    earlier.write_text("de una versión anterior\n", encoding="utf-8")
    earlier.chmod(0o644)
    monkeypatch.setattr(support, "LOG_MAX_BYTES", 2_000)
    support.setup_logging("prueba")
    assert _mode(earlier) == 0o600  # tightened when logging starts
    logger = logging.getLogger("rumbo.prueba")
    for i in range(400):
        logger.info("línea de relleno número %05d para llenar el registro", i)
    files = sorted(log_folder.iterdir())
    assert [p.name for p in files] == ["rumbo.log", "rumbo.log.1", "rumbo.log.2", "rumbo.log.3", "rumbo.log.4"]
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_a_new_log_folder_is_private(log_folder):
    os.umask(0o022)
    support.setup_logging("prueba")
    assert _mode(log_folder) == 0o700 and _mode(log_folder / support.LOG_FILENAME) == 0o600


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_setting_up_twice_adds_one_handler(log_folder):
    support.setup_logging("uno")
    support.setup_logging("dos")
    ours = [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "").startswith(str(log_folder))]
    assert len(ours) == 1


def test_unwritable_log_folder_does_not_stop_the_program(tmp_path, monkeypatch):
    support.stop_logging()
    blocker = tmp_path / "archivo"
    blocker.write_text("no soy una carpeta")
    monkeypatch.setenv("RUMBO_LOG_DIR", str(blocker / "registros"))
    try:
        assert support.setup_logging("prueba") is None
    finally:
        support.stop_logging()


def test_diagnosis_names_versions_database_and_last_errors(log_folder, tmp_path):
    support.setup_logging("prueba")
    logging.getLogger("rumbo.prueba").error("Fallo de prueba número 1")
    with open_database(tmp_path / "diag.db", device_name="Laptop Ana") as storage:
        firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
        text = support.diagnostics(storage, {"Qt": "6.9.9"})
        device, schema = storage.device_id, storage.schema_version()
    lines = text.splitlines()
    assert lines[0] == f"Rumbo {app_version()}"
    assert "Qt: 6.9.9" in lines
    assert f"Base de datos: {tmp_path / 'diag.db'}" in lines
    assert any(re.fullmatch(r"Tamaño: \d+\.\d MB", line) for line in lines)
    assert f"Versión del esquema: {schema}" in lines and schema >= 2
    assert "Registros: firms 1, assessments 0" in lines
    assert f"Equipo: {device}" in lines
    assert lines[-1].endswith("ERROR rumbo.prueba: Fallo de prueba número 1")
    assert "Café Luna" not in text


def test_diagnosis_without_errors_says_none(log_folder):
    support.setup_logging("prueba")
    assert "Últimos errores: ninguno" in support.diagnostics()


def test_version_flag_in_a_real_subprocess():
    out = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0
    assert out.stdout.strip() == f"rumbo {app_version()}"
