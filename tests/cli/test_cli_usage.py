"""The command line speaks Spanish, including argparse's own messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import EXIT_CLOSED_PIPE, main

ROOT = Path(__file__).resolve().parents[2]


def test_help_is_in_spanish(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert out.startswith("uso: rumbo")
    assert "mostrar esta ayuda y salir" in out and "mostrar la versión y salir" in out
    for command in ("classify", "import", "export", "assess", "report", "bundle", "backup", "restore", "check", "demo"):
        assert f"    {command} " in out


@pytest.mark.parametrize("argv, words", [
    (["classify"], "faltan estos argumentos: --country"),
    (["nada"], "opción no válida: 'nada'"),
    (["classify", "--country", "SV", "--sobra"], "argumentos no reconocidos: --sobra"),
])
def test_usage_errors_exit_2_with_one_spanish_sentence(capsys, argv, words):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.startswith("Error de uso: ") and words in err
    assert err.count("\n") == 1


def test_console_entry_point_runs_as_module():
    out = subprocess.run([sys.executable, "-m", "desktop", "classify", "--country", "gt", "--employees", "26"],
                         capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout.startswith("Guatemala: Mediana empresa")


def _run_into_closed_reader(*args: str) -> subprocess.CompletedProcess:
    """Run ``rumbo ARGS`` with its stdout piped into a reader process that has already quit.

    The reader (a real process holding the pipe's only read end) exits before rumbo
    starts, so rumbo's first write meets a closed pipe every time: no timing involved.
    """
    read_end, write_end = os.pipe()
    reader = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.close()"], stdin=read_end)
    os.close(read_end)
    assert reader.wait() == 0
    try:
        return subprocess.run([sys.executable, "-m", "desktop", *args], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("args, status", [
    (("classify", "--country", "SV", "--employees", "12", "--json"), EXIT_CLOSED_PIPE),
    (("classify", "--country", "SV", "--employees", "12"), EXIT_CLOSED_PIPE),
    (("--help",), 0),  # argparse itself swallows a failed write of the help
])
def test_a_reader_that_closes_early_ends_the_command_quietly(args, status):
    done = _run_into_closed_reader(*args)
    assert done.stderr == ""  # no BrokenPipeError traceback, no "Exception ignored" at exit
    assert done.returncode == status
    assert EXIT_CLOSED_PIPE == 141


def test_assess_json_into_head_records_the_assessment_and_says_nothing(tmp_path, encrypted_db):
    from desktop.services.registry.firms import register_firm
    from desktop.services.storage import open_database

    db = encrypted_db(tmp_path / "rumbo.db")
    with open_database(db) as storage:
        register_firm(storage, {"legal_name": "Café Las Nubes", "country": "SV", "tax_id": "0614-290186-102-2",
                                "employees": 18, "sales_usd": 450000, "exports_usd": 0}, None)
    answers = ROOT / "tests" / "domain" / "fixtures" / "assessment" / "small_indirect.json"
    shell = (f"set -o pipefail; '{sys.executable}' -m desktop --db '{db}' assess 06142901861022 "
             f"--answers '{answers}' --json | head -1")
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout == "{\n" and "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert done.returncode in (0, 141)  # 141 when head quit before the last write (the usual case)
    with open_database(db) as storage:
        assert storage.conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == 1
