"""The command line speaks Spanish, including argparse's own messages."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.cli import main


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
