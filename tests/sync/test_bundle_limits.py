"""Hostile bundles are refused as a stream, before anything is written (issue 19, item 2)."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from db.sync import format as fmt
from db.sync.format import MANIFEST_NAME, PAYLOAD_NAME, BundleError, read_bundle
from desktop.cli import main
from desktop.services import sync
from desktop.services.storage import open_database


def _forged(path, payload: bytes, *, declared: int | None = None):
    """A bundle whose manifest a forger recomputed for ``payload`` (hash and size agree)."""
    manifest = {
        "format": fmt.FORMAT_NAME, "format_version": fmt.FORMAT_VERSION,
        "source": {"device_id": "equipo-falso", "name": "Equipo falso", "role": "laptop"},
        "peer": {"device_id": None, "name": None}, "created_at": "2026-01-01T00:00:00Z",
        "knowledge": {}, "ranges": {}, "counts": {}, "devices": {"equipo-falso": "Equipo falso"},
        "payload": {"name": PAYLOAD_NAME, "sha256": hashlib.sha256(payload).hexdigest(),
                    "bytes": len(payload) if declared is None else declared},
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST_NAME, json.dumps(manifest))
        zf.writestr(PAYLOAD_NAME, payload)


def _peers_and_history(db):
    with open_database(db) as storage:
        return (storage.conn.execute("SELECT count(*) FROM sync_peers").fetchone()[0],
                storage.conn.execute("SELECT count(*) FROM sync_bundles").fetchone()[0])


@pytest.mark.slow
def test_a_small_zip_that_expands_to_100_mib_of_newlines_is_refused(tmp_path, capsys):
    bomb = tmp_path / "bomba.rumbo"
    _forged(bomb, b"\n" * (100 << 20))
    assert bomb.stat().st_size < 300_000
    db = tmp_path / "centro.db"
    assert main(["--db", str(db), "bundle", "import", str(bomb)]) == 2
    assert capsys.readouterr().err == ("El paquete «bomba.rumbo» está dañado o incompleto, así que no se aplicó "
                                       "ninguno de sus cambios.\n")
    assert _peers_and_history(db) == (0, 0)


def test_expansion_beyond_the_ratio_is_refused_part_way(tmp_path, monkeypatch):
    monkeypatch.setattr(fmt, "RATIO_FLOOR_BYTES", 1000)
    path = tmp_path / "x.rumbo"
    line = json.dumps({"x": "a" * 4000}).encode()
    _forged(path, (line + b"\n") * 2000)  # 8 MB that compress about 1000 times
    with pytest.raises(BundleError) as info:
        read_bundle(path)
    assert info.value.kind == "corrupt" and "expands too much" in info.value.detail


def test_a_payload_bigger_than_its_declared_size_is_refused_while_reading(tmp_path):
    path = tmp_path / "x.rumbo"
    _forged(path, b"{}\n" * 1000)
    with zipfile.ZipFile(path) as zf:  # lie in the manifest only: the ZIP header still says the truth
        manifest = json.loads(zf.read(MANIFEST_NAME))
    assert manifest["payload"]["bytes"] == 3000
    with pytest.raises(BundleError):
        read_bundle(path)  # and "{}" is no change anyway


def test_an_overlong_line_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(fmt, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "x.rumbo"
    _forged(path, b"a" * 5000 + b"\n")
    with pytest.raises(BundleError) as info:
        read_bundle(path)
    assert "too long" in info.value.detail


def test_blank_lines_are_not_an_empty_bundle(tmp_path):
    path = tmp_path / "x.rumbo"
    _forged(path, b"\n\n\n")
    with pytest.raises(BundleError) as info:
        read_bundle(path)
    assert info.value.kind == "corrupt" and "blank line" in info.value.detail


def test_an_empty_bundle_from_an_unknown_device_records_nothing(tmp_path, capsys):
    path = tmp_path / "vacio.rumbo"
    _forged(path, b"")
    db = tmp_path / "centro.db"
    assert main(["--db", str(db), "bundle", "import", str(path)]) == 0
    assert capsys.readouterr().out == "El paquete vacio.rumbo no trae ningún cambio; no se registró nada.\n"
    assert _peers_and_history(db) == (0, 0)
    with open_database(db) as storage:
        assert [d["name"] for d in storage.conn.execute("SELECT name FROM devices WHERE is_local = 0")
                .fetchall()] == []
        assert sync.import_bundle(storage, path).empty
