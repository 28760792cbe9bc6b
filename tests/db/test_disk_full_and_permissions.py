"""A full disk is one sentence and nothing half-written; client files are private (issue 19, items 3 and 7)."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import tempfiles
from db.errors import StorageError
from desktop.cli import main
from desktop.services import demo, maintenance, sync
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.sync.conftest import give_a_centre

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_disk(tmp_path):
    """A real 5 MB filesystem (tmpfs), where the suite runs as root (CI does)."""
    mount = tmp_path / "disco"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=5m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("needs root to mount a small filesystem")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.slow
def test_demo_on_a_full_disk_exits_2_with_the_sentence_and_keeps_nothing(small_disk, capsys):
    db = small_disk / "rumbo.db"
    status = main(["--db", str(db), "demo", "--firms", "200"])
    assert status == 2
    assert capsys.readouterr().err == "El disco está lleno; libere espacio y vuelva a intentarlo.\n"
    with open_database(db) as storage:
        assert firms.count_firms(storage, include_deleted=True) == 0
        assert storage.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_a_write_refused_by_sqlite_for_lack_of_space_becomes_the_storage_error(tmp_path):
    with open_database(tmp_path / "r.db") as storage:
        pages = storage.conn.execute("PRAGMA page_count").fetchone()[0]
        storage.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own "disk full"
        with pytest.raises(StorageError) as info:
            demo.make_demo(storage, 50, assessments=False)
        assert info.value.kind == "disk_full"
        assert firms.count_firms(storage, include_deleted=True) == 0


@pytest.mark.slow
def test_bundle_export_and_backup_on_a_full_disk_leave_no_file_and_no_temporary(tmp_path, small_disk, capsys,
                                                                                 encrypted_db):
    db = encrypted_db(tmp_path / "rumbo.db")
    with open_database(db) as storage:
        demo.make_demo(storage, 300, assessments=True)
        give_a_centre(storage, tmp_path)
    filler = small_disk / "relleno"
    with open(filler, "wb") as out:  # fill the disk, then free less than a bundle's worth
        try:
            while True:
                out.write(b"x" * 65536)
                out.flush()
        except OSError:
            pass
    os.truncate(filler, filler.stat().st_size - 16384)
    assert main(["--db", str(db), "bundle", "export", str(small_disk / "envio.rumbo")]) == 2
    assert main(["--db", str(db), "backup", str(small_disk / "copia.db")]) == 2
    err = capsys.readouterr().err
    assert "espacio" in err.splitlines()[0] and "espacio" in err.splitlines()[1]
    assert sorted(p.name for p in small_disk.iterdir()) == ["relleno"]
    with open_database(db) as storage:  # the database does not think it sent anything
        assert sync.bundle_history(storage) == []


def test_stale_temporaries_are_swept_at_start_and_fresh_ones_kept(tmp_path):
    db = tmp_path / "rumbo.db"
    open_database(db).close()
    old = [tmp_path / ".rumbo-abc.tmp", tmp_path / ".copia.db.20260101.tmp",
           tmp_path / ".copia.db.20260101.tmp-journal"]
    fresh = tmp_path / ".rumbo-new.tmp"
    for path in [*old, fresh]:
        path.write_bytes(b"restos")
    past = time.time() - 2 * tempfiles.STALE_AFTER_SECONDS
    for path in old:
        os.utime(path, (past, past))
    keep = tmp_path / "notas.tmp"  # not hidden: not ours
    keep.write_text("del asesor")
    os.utime(keep, (past, past))
    open_database(db).close()
    assert not any(p.exists() for p in old)
    assert fresh.exists() and keep.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_database_backups_and_bundles_are_private(tmp_path):
    os.umask(0o022)
    db = tmp_path / "rumbo.db"
    with open_database(db) as storage:
        firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
        maintenance.backup_database(storage, tmp_path / "copia.db")
        give_a_centre(storage, tmp_path)
        sync.export_bundle(storage, tmp_path / "envio.rumbo")
        assert _mode(db) == 0o600 and _mode(Path(f"{db}-wal")) == 0o600
    assert _mode(tmp_path / "copia.db") == 0o600
    assert _mode(tmp_path / "envio.rumbo") == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_world_readable_database_of_an_older_version_is_tightened(tmp_path):
    db = tmp_path / "rumbo.db"
    open_database(db).close()
    db.chmod(0o644)
    open_database(db).close()
    assert _mode(db) == 0o600


def _without_write_permission() -> list[str]:
    """The prefix that runs a command so that file permissions bind it.

    Root ignores permissions through two capabilities (DAC override and DAC read-search);
    a root process started without them in its bounding set is held to the mode bits like
    any adviser's account, so a folder without write permission is read-only media to it.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to drop root's permission override"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def _rumbo(db: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*_without_write_permission(), sys.executable, "-m", "desktop", "--db", str(db), *args],
                          cwd=ROOT, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.attack(12, 'Export and check are refused on a read-only medium')
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_encrypted_database_in_a_read_only_folder_is_exported_checked_and_printed(tmp_path, encrypted_db):
    """Issue 31: the sign-in wrote into the folder, and the check could not read a WAL file without its -shm."""
    media = tmp_path / "cd"
    db = encrypted_db(media / "rumbo.db")
    with open_database(db) as storage:
        firm = firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
        storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in media.iterdir():
        path.chmod(0o444)
    media.chmod(0o555)
    before = _snapshot(media)
    try:
        probe = subprocess.run([*_without_write_permission(), sys.executable, "-c",
                                f"open({str(media / 'prueba')!r}, 'w')"], capture_output=True, text=True)
        assert probe.returncode != 0 and "Permission denied" in probe.stderr  # the folder really is read-only
        out = tmp_path / "salida"
        out.mkdir()
        done = _rumbo(db, "export", "firms", str(out / "empresas.csv"))
        assert done.returncode == 0, done.stderr
        assert "Café Luna" in (out / "empresas.csv").read_text(encoding="utf-8-sig")
        done = _rumbo(db, "check")
        assert done.returncode == 0, done.stderr
        assert "Integridad: correcta" in done.stdout and "Empresas: 1" in done.stdout
        done = _rumbo(db, "report", firm["id"], "-o", str(out / "informe.pdf"))
        assert done.returncode == 0, done.stderr
        assert (out / "informe.pdf").read_bytes().startswith(b"%PDF-")
        # A wrong password is still the one sentence, though its count cannot be kept in the folder.
        wrong = _rumbo(db, "check", env={**os.environ, "RUMBO_PASSWORD": "equivocada"})
        assert (wrong.returncode, wrong.stderr) == (2, "El usuario o la contraseña no son correctos.\n")
        demo = _rumbo(db, "demo", "--firms", "2")
        assert demo.returncode == 2 and demo.stderr.endswith("solo lectura; no se pueden guardar cambios en este "
                                                              "archivo.\n") and "Traceback" not in demo.stderr
        assert _snapshot(media) == before  # nothing written, not even a -shm or a key file counter
    finally:
        media.chmod(0o755)


def test_a_database_on_a_read_only_mount_can_still_be_exported_and_printed(tmp_path, capsys):
    """The same as root: a read-only bind mount refuses writes even to root."""
    media = tmp_path / "cd"
    media.mkdir()
    source = tmp_path / "fuente"
    source.mkdir()
    with open_database(source / "rumbo.db") as storage:
        firm = firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
        storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{source / 'rumbo.db'}{suffix}").unlink(missing_ok=True)
    if os.geteuid() != 0 or subprocess.run(["mount", "--bind", "-o", "ro", str(source), str(media)],
                                           capture_output=True).returncode != 0:
        pytest.skip("needs root to make a read-only mount")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(media)], check=False, capture_output=True)
        db = media / "rumbo.db"
        with pytest.raises(OSError):
            (media / "prueba").write_text("x")
        # A plain database of an earlier Rumbo: read commands still read it.
        assert main(["--db", str(db), "export", "firms", str(tmp_path / "empresas.csv")]) == 0
        assert "Café Luna" in (tmp_path / "empresas.csv").read_text(encoding="utf-8-sig")
        assert main(["--db", str(db), "report", firm["id"], "-o", str(tmp_path / "informe.pdf")]) == 0
        assert main(["--db", str(db), "check"]) == 0
        capsys.readouterr()
        assert main(["--db", str(db), "demo", "--firms", "2"]) == 2
        assert "solo lectura" in capsys.readouterr().err
    finally:
        subprocess.run(["umount", "-l", str(media)], check=False)
