"""Foreign and damaged files: known positively as Rumbo's or refused, and never written into."""

from __future__ import annotations

import hashlib
from db.driver import sqlite3

import pytest

from db.connection import open_storage
from db.errors import StorageError
from db.schema import APPLICATION_ID
from desktop.cli import main
from desktop.services.registry import firms
from desktop.services.storage import open_database


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _foreign_with_firms_table(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE firms (id INTEGER PRIMARY KEY, nombre TEXT)")
    conn.execute("INSERT INTO firms (nombre) VALUES ('Otra aplicación')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_foreign_file_that_looks_like_an_old_rumbo_is_refused_untouched(tmp_path, capsys):
    path = tmp_path / "otra.db"
    _foreign_with_firms_table(path)
    before = _digest(path)
    with pytest.raises(StorageError) as info:
        open_storage(path)
    assert info.value.kind == "foreign"
    for argv in (["check"], ["export", "firms", str(tmp_path / "x.csv")], ["demo", "--firms", "2"]):
        assert main(["--db", str(path), *argv]) == 2
        err = capsys.readouterr().err
        assert err == "Este archivo no es una base de datos de Rumbo (pertenece a otro programa); Rumbo no lo modifica.\n"
    assert _digest(path) == before and not (tmp_path / "x.csv").exists()


def test_file_with_another_programs_application_id_is_refused(tmp_path):
    path = tmp_path / "otra.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1196444237")  # another program's mark
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as info:
        open_storage(path)
    assert info.value.kind == "foreign"


def test_new_files_carry_rumbo_application_id(tmp_path):
    with open_storage(tmp_path / "r.db") as storage:
        assert storage.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def _damaged_database(path, firms_count=400):
    with open_database(path) as storage:
        firms.register_firms(storage, [{"legal_name": f"Empresa dañada {i}", "country": "SV"}
                                       for i in range(firms_count)], None)
        storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = int(storage.conn.execute("PRAGMA page_size").fetchone()[0])  # text under SQLCipher
        pages = int(storage.conn.execute("PRAGMA page_count").fetchone()[0])
    data = bytearray(path.read_bytes())
    # Scramble the last third of the file (table and index pages), leaving the schema readable.
    start = page_size * (2 * pages // 3)
    for offset in range(start + 100, len(data), 97):
        data[offset] = (data[offset] * 31 + 7) % 256
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("encrypted", [True, False], ids=["cifrada", "de-una-version-anterior"])
def test_bulk_work_into_a_damaged_database_is_refused_and_nothing_is_written(tmp_path, capsys, encrypted_db,
                                                                            encrypted):
    # Named so that no sentence can pass the check below by quoting the file's name.
    path = tmp_path / "rota.db"
    if encrypted:  # the command line writes only into an encrypted base
        encrypted_db(path)
        commands = (["import", "{csv}"], ["bundle", "export", "{tmp}/x.rumbo"], ["demo", "--firms", "3"],
                    ["backup", "{tmp}/copia.db"])
    else:  # a plain one of an earlier Rumbo is only read
        commands = (["check"],)
    _damaged_database(path)
    before = _digest(path)
    csv = tmp_path / "nuevas.csv"
    csv.write_text("Razón social,País\nPanadería Nueva,SV\n", encoding="utf-8")
    for argv in commands:
        argv = [a.format(csv=csv, tmp=tmp_path) for a in argv]
        assert main(["--db", str(path), *argv]) == 2, argv
        err = capsys.readouterr().err
        assert ("dañad" in err or "integridad" in err) and err.count("\n") == 1, err
    assert _digest(path) == before
    assert not (tmp_path / "x.rumbo").exists() and not (tmp_path / "copia.db").exists()


def test_damage_message_says_how_to_restore(tmp_path):
    path = tmp_path / "dañada.db"
    _damaged_database(path)
    try:
        storage = open_database(path)
    except StorageError as exc:  # damage reached the pages read at opening
        assert exc.kind == "corrupt"
        return
    with storage, pytest.raises(StorageError) as info:
        storage.ensure_sound()
    assert info.value.kind == "damaged" and "rumbo restore" in info.value.message
