"""rumbo backup / restore / check: exit statuses and Spanish sentences."""

from __future__ import annotations

import shutil
import subprocess
import sys

from db import keys
from db.driver import sqlite3
from desktop.cli import main
from desktop.services.registry import firms
from desktop.services.storage import open_database


def _db_with_firms(encrypted_db, path, n):
    """``n`` firms more in ``path``, a database set up with sign-in (as the command line requires)."""
    if not path.exists():
        encrypted_db(path)
    with open_database(path) as storage:
        firms.register_firms(storage, [{"legal_name": f"Firma {i}", "country": "SV"} for i in range(n)], None)


def test_backup_then_check_then_restore(tmp_path, capsys, encrypted_db):
    db = tmp_path / "rumbo.db"
    _db_with_firms(encrypted_db, db, 3)
    out = tmp_path / "copia.db"
    assert main(["--db", str(db), "backup", str(out)]) == 0
    assert f"Copia de seguridad guardada en {out} (3 empresas)." in capsys.readouterr().out

    # A backup is encrypted with its database's key: checked on its own, it needs the key file beside it.
    shutil.copyfile(keys.key_file_path(db), keys.key_file_path(out))
    assert main(["--db", str(out), "check"]) == 0
    text = capsys.readouterr().out
    assert "Integridad: correcta" in text and "Versión del esquema: 9" in text and "Empresas: 3" in text

    _db_with_firms(encrypted_db, db, 2)
    assert main(["--db", str(db), "restore", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Base de datos restaurada" in text and "(3 empresas)" in text
    assert "La base de datos anterior quedó guardada en" in text
    [aside] = tmp_path.glob("rumbo.antes-de-restaurar-*.db")
    shutil.copyfile(keys.key_file_path(db), keys.key_file_path(aside))
    assert main(["--db", str(aside), "check"]) == 0
    assert "Empresas: 5" in capsys.readouterr().out


def test_backup_onto_an_existing_file_is_bad_input(tmp_path, capsys, encrypted_db):
    db = tmp_path / "rumbo.db"
    _db_with_firms(encrypted_db, db, 1)
    out = tmp_path / "copia.db"
    out.write_text("no tocar")
    assert main(["--db", str(db), "backup", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"Ya existe el archivo {out}; elija otro nombre para la copia."
    assert out.read_text() == "no tocar"


def test_restore_of_garbage_is_bad_input_and_changes_nothing(tmp_path, capsys, encrypted_db):
    db = tmp_path / "rumbo.db"
    _db_with_firms(encrypted_db, db, 1)
    bad = tmp_path / "malo.db"
    bad.write_bytes(b"\x00garbage" * 500)
    before = db.read_bytes()
    assert main(["--db", str(db), "restore", str(bad)]) == 2
    assert "dañado o no es una base de datos de Rumbo" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_check_of_a_missing_file(tmp_path, capsys):
    missing = tmp_path / "nada.db"
    assert main(["--db", str(missing), "check"]) == 2
    assert "No existe el archivo de base de datos" in capsys.readouterr().err
    assert not missing.exists()


def test_check_of_a_newer_file(tmp_path, capsys, encrypted_db):
    db = tmp_path / "rumbo.db"
    _db_with_firms(encrypted_db, db, 1)
    conn = sqlite3.connect(db)
    conn.execute(keys.pragma_key(keys.key_for(db)))
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert main(["--db", str(db), "check"]) == 2
    assert "versión más nueva de Rumbo (esquema 99)" in capsys.readouterr().err
    assert main(["--db", str(db), "backup", str(tmp_path / "x.db")]) == 2


def test_real_process_exit_status(tmp_path, encrypted_db):
    db = tmp_path / "rumbo.db"
    _db_with_firms(encrypted_db, db, 1)
    run = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Empresas: 1" in run.stdout
    run = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "restore", str(tmp_path / "no.db")],
                         capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_backup_into_a_missing_folder_is_refused(tmp_path, capsys, encrypted_db):
    from desktop.cli import main

    status = main(["--db", str(encrypted_db(tmp_path / "r.db")), "backup", str(tmp_path / "no-existe" / "copia.db")])
    assert status == 2
    assert "No existe la carpeta" in capsys.readouterr().err
    assert not (tmp_path / "no-existe").exists()


def test_a_plain_backup_is_not_restored_over_an_encrypted_base(tmp_path, capsys, encrypted_db):
    """Issue 31: putting it in place left the clients' data unencrypted on disk (and said «la llave no abre»)."""
    db = tmp_path / "rumbo.db"
    _db_with_firms(encrypted_db, db, 2)
    old = tmp_path / "antes-del-cifrado.db"
    with open_database(old) as storage:  # a plain backup, made before the base was encrypted
        firms.register_firm(storage, {"legal_name": "Empresa vieja", "country": "SV"}, None)
    with open_database(db) as storage:
        storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = sorted((p.name, p.read_bytes()) for p in tmp_path.iterdir() if p.name.startswith("rumbo"))
    assert main(["--db", str(db), "restore", str(old)]) == 2
    assert capsys.readouterr().err == (
        "La copia «antes-del-cifrado.db» es de antes del cifrado y no se restaura sobre una base cifrada: para "
        f"volver a ella, cífrela como base aparte con «rumbo --db {old} setup».\n")
    assert sorted((p.name, p.read_bytes()) for p in tmp_path.iterdir() if p.name.startswith("rumbo")) == before
