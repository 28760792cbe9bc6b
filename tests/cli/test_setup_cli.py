"""``rumbo setup`` and the command line's refusal to write client data to a plain file (issue 31).

A new database from the command line is set up with sign-in (``rumbo setup``, or the
command asks for it at a terminal), or the command is refused with one sentence and
nothing is written. A plain database of an earlier Rumbo is read, never written,
until it is set up.
"""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from db import keyfile, keys
from desktop.cli import main
from desktop.services import security
from desktop.services.registry import firms
from desktop.services.storage import open_database

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "tests" / "domain" / "fixtures" / "assessment" / "small_indirect.json"
RECOVERY = re.compile(r"^Clave de recuperación: ((?:[A-Z2-7]{4}-){7}[A-Z2-7]{4})$", re.M)


@pytest.fixture(autouse=True)
def private_backups(tmp_path, monkeypatch):
    """Copies made while encrypting go to the test's folder, never the user's; no variable signs in."""
    folder = tmp_path / "copias"
    monkeypatch.setattr("desktop.services.maintenance.backup_folder", lambda: folder)
    monkeypatch.delenv("RUMBO_USER", raising=False)
    monkeypatch.delenv("RUMBO_PASSWORD", raising=False)
    yield folder
    keys._unlocked.clear()


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _csv(folder: Path) -> Path:
    path = folder / "empresas.csv"
    path.write_text("Razón social,País\nCafé Luna,SV\nTienda Sol,GT\n", encoding="utf-8")
    return path


def _plain(path: Path, n_firms: int = 1) -> Path:
    with open_database(path) as storage:
        for i in range(n_firms):
            firms.register_firm(storage, {"legal_name": f"Empresa {i}", "country": "SV", "tax_id": None}, None)
        storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


# --- rumbo setup ----------------------------------------------------------------------------------

def test_setup_from_options_and_the_environment_creates_an_encrypted_base(tmp_path, capsys, monkeypatch):
    db = tmp_path / "centro" / "rumbo.db"
    monkeypatch.setenv("RUMBO_PASSWORD", "clave-del-centro")
    assert main(["--db", str(db), "setup", "--name", "Ana Pérez", "--centre", "CDMYPE Santa Ana",
                 "--login", "Ana.Perez"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"La base {db} se creó cifrada; Ana Pérez es su administrador y entra con el usuario "
                          "«ana.perez».\n")
    recovery = RECOVERY.search(out).group(1)
    assert "Anótela en papel" in out and "clave-del-centro" not in out
    assert security.state(db) == "encrypted" and not keys.is_plain_sqlite(db)
    assert "Ana Pérez".encode() not in db.read_bytes()
    opened = keyfile.KeyFile.read(db).recovery().open(keys.normalise_recovery_key(recovery))
    assert keys.key_for(db) in opened  # the key printed opens it
    security.lock(db)
    who = security.sign_in(db, "ana.perez", "clave-del-centro")
    with open_database(db) as storage:
        row = storage.conn.execute("SELECT name, role, centre FROM advisers WHERE id = ?", (who.adviser_id,)).fetchone()
    assert row == ("Ana Pérez", "administrator", "CDMYPE Santa Ana")


def test_setup_encrypts_a_plain_base_of_an_earlier_rumbo_in_place(tmp_path, capsys, monkeypatch, private_backups):
    db = _plain(tmp_path / "rumbo.db", n_firms=3)
    monkeypatch.setenv("RUMBO_USER", "luis")
    monkeypatch.setenv("RUMBO_PASSWORD", "secreta123")
    assert main(["--db", str(db), "setup", "--name", "Luis Gómez"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"La base {db} quedó cifrada; Luis Gómez es su administrador") and RECOVERY.search(out)
    assert security.state(db) == "encrypted"
    security.lock(db)
    security.sign_in(db, "luis", "secreta123")
    with open_database(db) as storage:
        assert firms.count_firms(storage) == 3
    assert not [c for c in private_backups.rglob("*.db") if keys.is_plain_sqlite(c)]  # no readable copy left


@pytest.mark.parametrize("argv, env, sentence", [
    ([], {"RUMBO_PASSWORD": "secreta123"},
     "Indique su nombre con --name, o ejecute la orden en una terminal para que se lo pida."),
    (["--name", "Ana"], {"RUMBO_PASSWORD": "secreta123"},
     "Indique el usuario con --login, o ejecute la orden en una terminal para que se lo pida."),
    (["--name", "Ana", "--login", "ana"], {},
     "Indique la contraseña en la variable RUMBO_PASSWORD, o ejecute la orden en una terminal para que se la pida."),
    (["--name", "Ana", "--login", "a b"], {"RUMBO_PASSWORD": "secreta123"},
     "El usuario lleva de 2 a 32 letras sin tilde, cifras, puntos o guiones, sin espacios."),
    (["--name", "Ana", "--login", "ana"], {"RUMBO_PASSWORD": "corta"},
     "La contraseña debe tener al menos 8 caracteres."),
    (["--name", "  ", "--login", "ana"], {"RUMBO_PASSWORD": "secreta123"}, "Falta el nombre del asesor."),
])
def test_setup_refuses_in_one_sentence_and_creates_nothing(tmp_path, capsys, monkeypatch, argv, env, sentence):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    db = tmp_path / "nueva" / "rumbo.db"
    assert main(["--db", str(db), "setup", *argv]) == 2
    assert capsys.readouterr().err == sentence + "\n"
    assert not db.parent.exists()


def test_setup_of_a_base_already_set_up_is_refused_and_changes_nothing(tmp_path, capsys, monkeypatch, encrypted_db):
    db = encrypted_db(tmp_path / "rumbo.db")
    before = {name: (tmp_path / name).read_bytes() for name in _files(tmp_path)}
    monkeypatch.setenv("RUMBO_PASSWORD", "otra-clave-1")
    assert main(["--db", str(db), "setup", "--name", "Intrusa", "--login", "intrusa"]) == 2
    assert capsys.readouterr().err == "Esta base ya tiene el inicio de sesión configurado: entre con su usuario.\n"
    assert {name: (tmp_path / name).read_bytes() for name in _files(tmp_path)} == before


# --- writing commands on a new path ----------------------------------------------------------------

WRITING = [
    ["import", "{csv}"],
    ["assess", "06142901861022", "--answers", str(ANSWERS)],
    ["backup", "{tmp}/copia.db"],
    ["restore", "{tmp}/copia-vieja.db"],
    ["device", "show"],
    ["device", "card", "{tmp}/tarjeta.json"],
    ["bundle", "device", "--name", "Centro", "--role", "centre"],
    ["bundle", "history"],
]


@pytest.mark.attack(6, 'A writing command creates a plain database with client data')
@pytest.mark.parametrize("argv", WRITING, ids=lambda a: " ".join(a[:2]))
def test_a_writing_command_on_a_new_path_without_a_terminal_is_refused_naming_setup(tmp_path, capsys, argv):
    _plain(tmp_path / "copia-vieja.db")  # something for restore to restore
    args = [a.format(csv=_csv(tmp_path), tmp=tmp_path) for a in argv]
    db = tmp_path / "nueva" / "rumbo.db"
    before = _files(tmp_path)
    assert main(["--db", str(db), *args]) == 2
    out, err = capsys.readouterr()
    assert err == (f"No existe la base de datos {db}: créela con «rumbo setup», que la cifra y configura el inicio "
                   "de sesión, y vuelva a ejecutar la orden.\n")
    assert out == "" and _files(tmp_path) == before  # no database, no key file, no folder, no output file


def test_the_same_commands_run_once_the_base_is_set_up(tmp_path, capsys, monkeypatch):
    db = tmp_path / "rumbo.db"
    monkeypatch.setenv("RUMBO_PASSWORD", "secreta123")
    assert main(["--db", str(db), "setup", "--name", "Ana", "--login", "ana"]) == 0
    assert main(["--db", str(db), "import", str(_csv(tmp_path))]) == 0
    assert "Empresas importadas: 2" in capsys.readouterr().out
    with open_database(db) as storage:
        assert firms.count_firms(storage) == 2


def test_reading_commands_on_a_new_path_say_the_file_does_not_exist_and_create_nothing(tmp_path, capsys):
    db = tmp_path / "nada.db"
    for argv in (["export", "firms", str(tmp_path / "e.csv")], ["report", "--all", "-o", str(tmp_path / "pdf")],
                 ["check"]):
        assert main(["--db", str(db), *argv]) == 2
        assert capsys.readouterr().err == f"No existe el archivo de base de datos {db}.\n"
    assert _files(tmp_path) == []


def test_classify_needs_no_database(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "nada.db"), "classify", "--country", "SV", "--employees", "3"]) == 0
    assert _files(tmp_path) == []


# --- plain databases of an earlier Rumbo ----------------------------------------------------------

@pytest.mark.attack(6, 'A writing command writes client data into a plain database')
@pytest.mark.parametrize("argv", WRITING + [["demo", "--firms", "3"]], ids=lambda a: " ".join(a[:2]))
def test_a_writing_command_on_a_plain_base_is_refused_naming_setup(tmp_path, capsys, argv):
    db = _plain(tmp_path / "rumbo.db")
    _plain(tmp_path / "copia-vieja.db")
    args = [a.format(csv=_csv(tmp_path), tmp=tmp_path) for a in argv]
    before = {name: (tmp_path / name).read_bytes() for name in _files(tmp_path)}
    assert main(["--db", str(db), *args]) == 2
    assert capsys.readouterr().err == (f"La base {db} es de una versión anterior de Rumbo y no está cifrada: "
                                       "configure el inicio de sesión con «rumbo setup» antes de escribir en ella.\n")
    assert {name: (tmp_path / name).read_bytes() for name in _files(tmp_path)} == before


def test_reading_commands_still_read_a_plain_base(tmp_path, capsys):
    db = _plain(tmp_path / "rumbo.db")
    assert main(["--db", str(db), "export", "firms", str(tmp_path / "e.csv")]) == 0
    assert "Empresa 0" in (tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    assert main(["--db", str(db), "check"]) == 0
    assert "Integridad: correcta" in capsys.readouterr().out
    with open_database(db) as storage:
        firm_id = storage.conn.execute("SELECT id FROM firms").fetchone()[0]
    assert main(["--db", str(db), "report", firm_id, "-o", str(tmp_path / "informe.pdf")]) == 0
    assert security.state(db) == "plain"


# --- rumbo demo ----------------------------------------------------------------------------------

def test_demo_on_a_new_path_sets_up_the_documented_demo_account(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo", "--firms", "5"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Base nueva {db}, cifrada con la cuenta de demostración: usuario «demo», contraseña "
                          "«rumbo-demo».\n")
    assert "Se crearon 5 empresas" in out
    assert security.state(db) == "encrypted" and not keys.is_plain_sqlite(db)
    env = {**os.environ, "RUMBO_USER": "demo", "RUMBO_PASSWORD": "rumbo-demo"}
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "export", "firms",
                           str(tmp_path / "e.csv")], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Se exportaron 5 empresas" in done.stdout


def test_demo_on_an_empty_plain_base_sets_up_the_demo_account_and_on_one_with_firms_is_refused(tmp_path, capsys):
    empty = _plain(tmp_path / "vacia.db", n_firms=0)
    assert main(["--db", str(empty), "demo", "--firms", "2"]) == 0
    assert "quedó cifrada con la cuenta de demostración" in capsys.readouterr().out
    assert security.state(empty) == "encrypted"
    full = _plain(tmp_path / "llena.db", n_firms=1)
    assert main(["--db", str(full), "demo", "--firms", "2"]) == 2
    assert "rumbo setup" in capsys.readouterr().err
    assert security.state(full) == "plain"


# --- at a terminal ---------------------------------------------------------------------------------

class Terminal:
    """``rumbo`` run on a pseudo-terminal, as a person types into it (prompts read, answers written)."""

    def __init__(self, *argv: str, env: dict):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: rumbo itself, with the terminal as its stdin, stdout and stderr
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "desktop", *argv], env)
        self.seen = ""
        self.answered = 0  # where the screen not yet answered starts

    def _read(self) -> str:
        ready, _, _ = select.select([self.fd], [], [], 60)
        if not ready:
            raise AssertionError(f"rumbo stopped answering; the screen so far:\n{self.seen}")
        try:
            chunk = os.read(self.fd, 4096).decode("utf-8", errors="replace")
        except OSError:  # the child closed the terminal
            chunk = ""
        self.seen += chunk
        return chunk

    def answer(self, prompt: str, text: str) -> None:
        """Wait for ``prompt`` after the last one answered, then type ``text`` and Enter."""
        while (at := self.seen.find(prompt, self.answered)) < 0:
            if not self._read():
                raise AssertionError(f"rumbo ended before asking «{prompt}»:\n{self.seen}")
        self.answered = at + len(prompt)
        os.write(self.fd, text.encode("utf-8") + b"\n")

    def finish(self) -> int:
        while self._read():
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


def _terminal_env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUMBO_") or k == "RUMBO_LOG_DIR"}
    return {**env, "HOME": str(tmp_path / "casa"), "XDG_DATA_HOME": str(tmp_path / "casa")}


def test_at_a_terminal_a_writing_command_on_a_new_path_offers_the_set_up_and_goes_on(tmp_path):
    db = tmp_path / "rumbo.db"
    term = Terminal("--db", str(db), "import", str(_csv(tmp_path)), env=_terminal_env(tmp_path))
    term.answer("¿Crearla ahora, cifrada y con inicio de sesión? [s/N]", "s")
    term.answer("Su nombre (será el administrador de la base):", "Marta Ruiz")
    term.answer("Centro (opcional, Enter para omitirlo):", "")
    term.answer("Usuario para entrar a Rumbo:", "marta")
    term.answer("Contraseña (al menos 8 caracteres):", "marta-2024")
    term.answer("Repita la contraseña:", "marta-2024x")  # a typo: said in one sentence, asked again
    term.answer("Contraseña (al menos 8 caracteres):", "marta-2024")
    term.answer("Repita la contraseña:", "marta-2024")
    assert term.finish() == 0
    screen = term.seen
    assert "Las dos contraseñas no coinciden: escríbala igual en ambos campos." in screen
    assert "marta-2024" not in screen  # typed without echo
    assert RECOVERY.search(screen.replace("\r\n", "\n")) and "Empresas importadas: 2" in screen
    assert security.state(db) == "encrypted"
    security.sign_in(db, "marta", "marta-2024")
    with open_database(db) as storage:
        assert firms.count_firms(storage) == 2


def test_at_a_terminal_declining_the_set_up_creates_nothing(tmp_path):
    db = tmp_path / "nueva.db"
    term = Terminal("--db", str(db), "import", str(_csv(tmp_path)), env=_terminal_env(tmp_path))
    term.answer("[s/N]", "n")
    assert term.finish() == 2
    assert "No se creó la base de datos; puede crearla con «rumbo setup»." in term.seen
    assert _files(tmp_path) == ["empresas.csv"]


def test_setup_at_a_terminal_asks_for_what_its_options_do_not_give(tmp_path):
    db = tmp_path / "rumbo.db"
    term = Terminal("--db", str(db), "setup", "--centre", "CDMYPE San Miguel", env=_terminal_env(tmp_path))
    term.answer("Su nombre (será el administrador de la base):", "Jorge Díaz")
    term.answer("Usuario para entrar a Rumbo:", "Jorge Díaz")  # refused: a space and an accent
    term.answer("Usuario para entrar a Rumbo:", "jorge")
    term.answer("Contraseña (al menos 8 caracteres):", "corta")
    term.answer("Repita la contraseña:", "corta")
    term.answer("Contraseña (al menos 8 caracteres):", "jorge-sm-01")
    term.answer("Repita la contraseña:", "jorge-sm-01")
    assert term.finish() == 0
    assert "El usuario lleva de 2 a 32 letras" in term.seen and "al menos 8 caracteres." in term.seen
    security.sign_in(db, "jorge", "jorge-sm-01")
    with open_database(db) as storage:
        assert storage.conn.execute("SELECT name, centre, role FROM advisers").fetchall() == [
            ("Jorge Díaz", "CDMYPE San Miguel", "administrator")]

