"""Sign-in, roles and the encrypted database (issue 16, items 1 and 2), on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from db import keys
from db.changelog import entries
from db.errors import StorageError
from desktop.domain.errors import UserError
from desktop.services import security, settings, sync
from desktop.services.demo import make_demo
from desktop.services.storage import open_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def private_backups(tmp_path, monkeypatch):
    """Automatic backups of these files go to the test's folder, never the user's."""
    folder = tmp_path / "copias"
    monkeypatch.setattr("desktop.services.maintenance.backup_folder", lambda: folder)
    yield folder
    keys._unlocked.clear()


def _count(path: Path, table: str) -> int:
    with open_database(path) as storage:
        return storage.conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]


def test_a_new_database_is_encrypted_from_the_start_and_needs_a_password(tmp_path):
    db = tmp_path / "rumbo.db"
    made = security.set_up(db, "Ana Pérez", "Ana.Perez", "secreta123", "secreta123", centre="CDMYPE Santa Ana")
    assert made.signed_in.role == "administrator" and made.signed_in.login == "ana.perez"
    assert len(keys.normalise_recovery_key(made.recovery_key)) == 32
    assert security.state(db) == "encrypted"
    assert not keys.is_plain_sqlite(db)
    assert "Ana Pérez".encode() not in db.read_bytes()
    security.lock(db)
    with pytest.raises(StorageError) as refused:
        open_database(db)
    assert str(refused.value) == "La base de datos está cifrada: inicie sesión en Rumbo para abrirla."
    who = security.sign_in(db, "ANA.PEREZ", "secreta123")
    assert who.name == "Ana Pérez"
    with open_database(db) as storage:
        row = storage.conn.execute("SELECT name, login, role, centre FROM advisers").fetchone()
        assert row == ("Ana Pérez", "ana.perez", "administrator", "CDMYPE Santa Ana")
        # The administrator's role was given by a logged change, signed by that adviser.
        update = [e for e in entries(storage, table="advisers") if e.op == "update"][-1]
        assert update.changed_by == who.adviser_id and update.after["role"] == "administrator"


@pytest.mark.parametrize("field, values, message", [
    ("name", ("", "ana", "secreta123", "secreta123"), "Falta el nombre del asesor."),
    ("login", ("Ana", "a b", "secreta123", "secreta123"), "El usuario lleva de 2 a 32 letras"),
    ("password", ("Ana", "ana", "corta", "corta"), "al menos 8 caracteres"),
    ("repeat", ("Ana", "ana", "secreta123", "secreta124"), "no coinciden"),
])
def test_set_up_refuses_bad_input_with_one_sentence_and_writes_nothing(tmp_path, field, values, message):
    db = tmp_path / "rumbo.db"
    with pytest.raises(UserError) as refused:
        security.set_up(db, *values)
    assert refused.value.field == field and message in refused.value.message
    assert not db.exists() and not keys.key_file_path(db).exists()


def test_a_plain_database_is_encrypted_in_place_with_nothing_lost(tmp_path, private_backups):
    db = tmp_path / "rumbo.db"
    with open_database(db) as storage:
        make_demo(storage, 60)
        firms = storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0]
        changes = storage.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        from desktop.services.maintenance import startup_backup

        startup_backup(storage)  # an earlier automatic copy, still plain
    assert security.state(db) == "plain"
    security.set_up(db, "Luis Gómez", "luis", "secreta123")
    assert security.state(db) == "encrypted" and not keys.is_plain_sqlite(db)
    with open_database(db) as storage:
        assert storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == firms
        assert storage.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == changes + 2
        assert storage.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    copies = list(private_backups.rglob("*.db"))
    assert copies and not [c for c in copies if keys.is_plain_sqlite(c)]  # no readable copy left behind


def test_wrong_passwords_are_slowed_down_across_restarts(tmp_path):
    db = tmp_path / "rumbo.db"
    security.set_up(db, "Ana", "ana", "secreta123")
    security.lock(db)
    for attempt in (1, 2):
        with pytest.raises(UserError) as refused:
            security.sign_in(db, "ana", "equivocada")
        assert refused.value.message == "El usuario o la contraseña no son correctos."
    with pytest.raises(UserError) as third:
        security.sign_in(db, "nadie", "equivocada")  # an unknown user is answered the same way
    assert third.value.message == "El usuario o la contraseña no son correctos."
    with pytest.raises(UserError):
        security.sign_in(db, "ana", "equivocada")
    with pytest.raises(UserError) as waiting:
        security.sign_in(db, "ana", "secreta123")  # even the right password waits its turn
    assert waiting.value.message.startswith("Demasiados intentos fallidos: espere ")
    # The count is in the key file and the state folder, so closing Rumbo does not reset it;
    # once the wait is over, it works.
    data = json.loads(keys.key_file_path(db).read_text())
    assert data["attempts"]["logins"]["ana"]["count"] == 3
    _age_attempts(db, minutes=5)
    assert security.sign_in(db, "ana", "secreta123").login == "ana"
    assert "ana" not in json.loads(keys.key_file_path(db).read_text())["attempts"]["logins"]


def _age_attempts(db, minutes: int) -> None:
    """Move every failed try, in both copies, ``minutes`` into the past (as if the time had passed)."""
    from desktop.services import attempts

    then = (datetime.now(timezone.utc) - timedelta(minutes=minutes)).isoformat()
    data = json.loads(keys.key_file_path(db).read_text())
    for record in [*data["attempts"]["logins"].values(), data["attempts"]["recovery"]]:
        if record:
            record["last"] = then
    keys.key_file_path(db).write_text(json.dumps(data))
    state = json.loads(attempts.state_file().read_text())
    for record in state.values():
        record["last"] = then
    attempts.state_file().write_text(json.dumps(state))


def test_the_recovery_key_sets_a_new_password_and_a_wrong_one_is_refused(tmp_path):
    db = tmp_path / "rumbo.db"
    made = security.set_up(db, "Ana", "ana", "secreta123")
    security.lock(db)
    with pytest.raises(UserError) as wrong:
        security.recover(db, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "ana", "nuevaclave1")
    assert wrong.value.field == "recovery_key" and "no es correcta" in wrong.value.message
    typed = made.recovery_key.lower().replace("-", " ")  # as an adviser copies it from paper
    assert security.recover(db, typed, "ana", "nuevaclave1", "nuevaclave1").login == "ana"
    security.lock(db)
    with pytest.raises(UserError):
        security.sign_in(db, "ana", "secreta123")
    assert security.sign_in(db, "ana", "nuevaclave1").role == "administrator"


def test_a_database_copied_without_its_key_file_or_truncated_says_so(tmp_path):
    db = tmp_path / "rumbo.db"
    security.set_up(db, "Ana", "ana", "secreta123")
    security.lock(db)
    elsewhere = tmp_path / "otra" / "rumbo.db"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(db.read_bytes())
    with pytest.raises(StorageError) as missing:
        security.state(elsewhere)
    assert "falta su archivo de llaves rumbo.db.keys" in str(missing.value)
    # With its key file it opens there too, for the same people and passwords.
    keys.key_file_path(elsewhere).write_bytes(keys.key_file_path(db).read_bytes())
    assert security.sign_in(elsewhere, "ana", "secreta123").login == "ana"
    security.lock(elsewhere)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    with pytest.raises(StorageError) as damaged:
        security.sign_in(db, "ana", "secreta123")
    assert damaged.value.kind in ("wrong_key", "corrupt", "damaged")
    # A damaged file keeps the (right) key known to the process, so `rumbo restore` can read the backups.
    assert security.is_unlocked(db) == (damaged.value.kind == "damaged")


KILLED_CHILD = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    import desktop.services.maintenance as maintenance
    from pathlib import Path
    maintenance.backup_folder = lambda: Path({folder!r})
    import db.encryption as encryption
    real_replace = os.replace
    def replace(src, dst):
        if str(src).endswith(".cifrando.tmp") and str(dst).endswith("rumbo.db"):
            os.kill(os.getpid(), signal.SIGKILL)  # kill -9 just before the encrypted copy takes the file's place
        real_replace(src, dst)
    encryption.os.replace = replace
    from desktop.services import security
    security.set_up({db!r}, "Ana", "ana", "secreta123")
""")


def test_kill_9_during_the_first_encryption_leaves_the_plain_file_and_the_next_sign_in_finishes(
        tmp_path, private_backups):
    db = tmp_path / "rumbo.db"
    with open_database(db) as storage:
        make_demo(storage, 40)
    firms = _count(db, "firms")
    child = subprocess.run([sys.executable, "-c", KILLED_CHILD.format(root=str(ROOT), folder=str(private_backups),
                                                                      db=str(db))],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == -9, child.stderr
    assert keys.is_plain_sqlite(db) and security.state(db) == "interrupted"
    assert _count(db, "firms") == firms  # the plain file is intact ...
    saved = [c for c in private_backups.rglob("rumbo-antes-de-cifrar-*.db")]
    assert saved and keys.is_plain_sqlite(saved[0])  # ... and so is its verified backup
    assert security.sign_in(db, "ana", "secreta123").role == "administrator"
    assert security.state(db) == "encrypted"
    assert _count(db, "firms") == firms
    assert not list(private_backups.rglob("rumbo-antes-de-cifrar-*.db"))
    assert not Path(f"{db.parent}/.rumbo.db.cifrando.tmp").exists()


@pytest.fixture
def centre(tmp_path):
    """A database with sign-in: Ana administrator, Beto adviser, Carla coordinator."""
    db = tmp_path / "rumbo.db"
    made = security.set_up(db, "Ana", "ana", "secreta123")
    storage = open_database(db)
    admin = made.signed_in.adviser_id
    ids = {}
    for name, role in (("Beto", "adviser"), ("Carla", "coordinator")):
        adviser = security.adviser_repo.create_adviser(storage, {"name": name, "active": True}, admin)
        security.grant_access(storage, admin, adviser["id"], name.lower(), "clave-de-" + name.lower(), role)
        ids[role] = adviser["id"]
    ids["administrator"] = admin
    yield storage, ids
    storage.close()


def test_roles_decide_who_changes_settings_and_gives_access(centre):
    storage, ids = centre
    with pytest.raises(UserError) as refused:
        settings.set_setting(storage, "centre_name", "CDMYPE Oriente", ids["adviser"])
    assert refused.value.message == "Solo un coordinador puede cambiar la configuración del centro."
    assert settings.set_setting(storage, "centre_name", "CDMYPE Oriente", ids["coordinator"]) == "CDMYPE Oriente"
    with pytest.raises(UserError) as not_admin:
        security.grant_access(storage, ids["coordinator"], ids["adviser"], "beto", "otra-clave-1", "administrator")
    assert not_admin.value.message == "Solo un administrador puede dar acceso a los asesores."
    with pytest.raises(UserError):
        sync.undo_merge(storage, "no-existe", ids["adviser"])
    roles = {a["login"]: a["role"] for a in security.accounts(storage)}
    assert roles == {"ana": "administrator", "beto": "adviser", "carla": "coordinator"}


def test_an_adviser_given_access_signs_in_and_one_whose_access_is_removed_cannot(centre, tmp_path):
    storage, ids = centre
    db = tmp_path / "rumbo.db"
    security.lock(db)
    assert security.sign_in(db, "beto", "clave-de-beto").adviser_id == ids["adviser"]
    with pytest.raises(UserError) as own:
        security.remove_access(storage, ids["administrator"], ids["administrator"])
    assert own.value.message == "No puede quitarse su propio acceso."
    security.remove_access(storage, ids["administrator"], ids["adviser"])
    security.lock(db)
    with pytest.raises(UserError):
        security.sign_in(db, "beto", "clave-de-beto")


def test_the_signed_in_adviser_changes_their_own_password(centre, tmp_path):
    storage, ids = centre
    with pytest.raises(UserError) as wrong:
        security.change_own_password(storage, ids["coordinator"], "mala", "nueva-clave-9", "nueva-clave-9")
    assert wrong.value.field == "current"
    security.change_own_password(storage, ids["coordinator"], "clave-de-carla", "nueva-clave-9", "nueva-clave-9")
    security.lock(tmp_path / "rumbo.db")
    assert security.sign_in(tmp_path / "rumbo.db", "carla", "nueva-clave-9").role == "coordinator"


def test_switching_adviser_without_signing_in_is_refused(centre):
    storage, ids = centre
    from desktop.services.advisers import set_current_adviser

    with pytest.raises(UserError) as refused:
        set_current_adviser(storage, ids["adviser"])
    assert "cierre la sesión" in refused.value.message


def test_roles_are_not_in_force_on_a_database_without_sign_in(storage):
    assert security.may(storage, None, "administrator")
    assert settings.set_setting(storage, "centre_name", "CDMYPE", None) == "CDMYPE"


def test_wait_grows_and_is_capped():
    assert [security.wait_seconds(n) for n in (0, 2, 3, 4, 5, 10, 40)] == [0, 0, 2, 4, 8, 60, 60]


def test_the_command_line_signs_in_from_the_environment_or_refuses_in_one_sentence(tmp_path):
    db = tmp_path / "rumbo.db"
    security.set_up(db, "Ana", "ana", "secreta123")
    env = {**os.environ, "RUMBO_USER": "ana", "RUMBO_PASSWORD": "secreta123"}
    env.pop("RUMBO_PASSWORD_FILE", None)
    run = lambda e, *args: subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args], cwd=ROOT,
                                          capture_output=True, text=True, env=e, stdin=subprocess.DEVNULL,
                                          timeout=120)
    ok = run(env, "demo", "--firms", "5")
    assert ok.returncode == 0, ok.stderr
    assert "Se crearon 5 empresas" in ok.stdout
    wrong = run({**env, "RUMBO_PASSWORD": "equivocada"}, "export", "firms", str(tmp_path / "f.csv"))
    assert wrong.returncode == 2 and wrong.stderr.strip() == "El usuario o la contraseña no son correctos."
    bare = {k: v for k, v in env.items() if not k.startswith("RUMBO_") or k == "RUMBO_LOG_DIR"}
    none = run(bare, "export", "firms", str(tmp_path / "f.csv"))
    assert none.returncode == 2 and "RUMBO_USER y RUMBO_PASSWORD" in none.stderr
    assert not (tmp_path / "f.csv").exists()
    printed = run(env, "report", "--all", "-o", str(tmp_path / "informes"))  # worker processes open it too
    assert printed.returncode == 0, printed.stderr
    assert len(list((tmp_path / "informes").glob("*.pdf"))) == 5
    classify = run(bare, "classify", "--country", "SV", "--employees", "8", "--sales-usd", "90000")
    assert classify.returncode == 0  # no database, no sign-in


@pytest.mark.slow
def test_a_100000_firm_database_is_encrypted_in_place_with_every_row_as_it_was(tmp_path):
    import hashlib

    db = tmp_path / "rumbo.db"
    with open_database(db) as storage:
        make_demo(storage, 100_000, assessments=False)

    def digest(path):
        with open_database(path) as storage:
            rows = hashlib.sha256()
            for row in storage.conn.execute("SELECT * FROM firms ORDER BY id"):
                rows.update(repr(row).encode())
            tables = {t: storage.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("firms", "advisers", "change_log", "firms_fts")}
            from desktop.services.registry.firm_list import FirmQuery, count_firms

            tables["search"] = count_firms(storage, FirmQuery(text="san"))  # the full-text index answers the same
            return rows.hexdigest(), tables

    before, counts = digest(db)
    security.set_up(db, "Ana", "ana", "secreta123")
    assert not keys.is_plain_sqlite(db)
    security.lock(db)
    security.sign_in(db, "ana", "secreta123")
    after, counts_after = digest(db)
    assert after == before and counts_after["firms"] == counts["firms"] == 100_000
    assert counts_after["firms_fts"] == counts["firms_fts"] == 100_000
    assert counts_after["search"] == counts["search"] > 0
    assert counts_after["change_log"] == counts["change_log"] + 2  # the administrator's record, created and given its role


@pytest.mark.attack(12, 'Typing #recuperacion as the user blocks the recovery key')
def test_typing_the_old_recovery_slot_as_a_user_never_blocks_the_recovery_key(tmp_path):
    """Issue 31: logins and the recovery key used to share one namespace of failure counts."""
    db = tmp_path / "rumbo.db"
    made = security.set_up(db, "Ana", "ana", "secreta123")
    security.lock(db)
    for _ in range(6):
        with pytest.raises(UserError) as refused:
            security.sign_in(db, "#recuperacion", "lo-que-sea")
        assert refused.value.message == "El usuario o la contraseña no son correctos."  # no wait announced
    data = json.loads(keys.key_file_path(db).read_text())
    assert data["attempts"] == {"logins": {}, "recovery": {}}  # a login that cannot exist is not counted
    assert security.recover(db, made.recovery_key, "ana", "nuevaclave1", "nuevaclave1").login == "ana"


def test_wrong_recovery_keys_wait_on_their_own_and_do_not_block_a_login(tmp_path):
    db = tmp_path / "rumbo.db"
    security.set_up(db, "Ana", "ana", "secreta123")
    security.lock(db)
    for _ in range(3):
        with pytest.raises(UserError):
            security.recover(db, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "ana", "nuevaclave1")
    with pytest.raises(UserError) as waiting:
        security.recover(db, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "ana", "nuevaclave1")
    assert waiting.value.message.startswith("Demasiados intentos fallidos")
    assert security.sign_in(db, "ana", "secreta123").login == "ana"


@pytest.mark.attack(12, "Editing the key file's failure count lifts the sign-in wait")
def test_editing_the_key_files_count_back_to_zero_does_not_lift_the_wait(tmp_path):
    """Issue 31: the count is also kept in the user's state folder, under the entry's salt."""
    from desktop.services import attempts

    db = tmp_path / "rumbo.db"
    security.set_up(db, "Ana", "ana", "secreta123")
    security.lock(db)
    for _ in range(4):
        with pytest.raises(UserError):
            security.sign_in(db, "ana", "equivocada")
    data = json.loads(keys.key_file_path(db).read_text())
    data["attempts"] = {"logins": {}, "recovery": {}}  # whoever holds the laptop "resets" the count
    keys.key_file_path(db).write_text(json.dumps(data))
    with pytest.raises(UserError) as waiting:
        security.sign_in(db, "ana", "secreta123")
    assert waiting.value.message.startswith("Demasiados intentos fallidos: espere ")
    assert attempts.state_file().is_file()
    _age_attempts(db, minutes=5)
    assert security.sign_in(db, "ana", "secreta123").login == "ana"
    from db import keyfile

    mark = attempts.login_slot(keyfile.KeyFile.read(db), "ana").mark
    assert mark not in json.loads(attempts.state_file().read_text())  # a success clears both copies


@pytest.mark.attack(8, "An adviser raises their own role in the advisers table and acts as administrator")
def test_a_role_raised_in_the_table_is_not_trusted(centre):
    """The key in hand, an SQL tool: the row no longer matches its history, so its role is not taken."""
    storage, ids = centre
    with storage.db.conn:
        storage.conn.execute("UPDATE advisers SET role = 'administrator' WHERE id = ?", (ids["adviser"],))
    assert security.role_of(storage, ids["adviser"]) == "adviser"
    with pytest.raises(UserError) as refused:
        security.grant_access(storage, ids["adviser"], ids["coordinator"], "carla", "otra-clave-1", "administrator")
    assert refused.value.message == "Solo un administrador puede dar acceso a los asesores."
    assert security.role_of(storage, ids["administrator"]) == "administrator"  # rows left alone are trusted
