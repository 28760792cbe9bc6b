"""Hostile bundles are refused as a stream, before anything is written (issue 19, item 2).

The hostile contents are signed with an enrolled laptop's real key and sealed to the centre:
what a stolen laptop, or a broken one, could write. Signing proves who wrote a bundle, not
that its contents are sane, so the limits still hold behind the signature.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from db.sync import format as fmt
from db.sync.format import CHANGES_NAME, BundleChange, BundleError, read_bundle, write_sealed
from db.sync.keys import LocalKeys, TrustedDevice
from desktop.cli import main
from desktop.services import sync
from desktop.services.storage import open_database

LAPTOP, CENTRE = LocalKeys.generate(), LocalKeys.generate()
ENROLLED = TrustedDevice("equipo-falso", "Equipo falso", "laptop", LAPTOP.public, "2026-01-01T00:00:00Z", None)


def _forged(path, payload: bytes, *, declared: int | None = None, signer: LocalKeys = LAPTOP,
            recipient=CENTRE.public, source_id: str = "equipo-falso"):
    """A bundle whose contents a holder of ``signer`` wrote for ``payload`` (hash and size agree)."""
    cover = {
        "format": fmt.FORMAT_NAME, "format_version": fmt.FORMAT_VERSION,
        "source": {"device_id": source_id, "name": "Equipo falso", "role": "laptop",
                   "signing_key": signer.public.signing.hex(), "encryption_key": signer.public.encryption.hex()},
        "peer": {"device_id": None, "name": None, "encryption_key": recipient.encryption.hex()},
        "created_at": "2026-01-01T00:00:00Z",
    }
    contents = {"knowledge": {}, "ranges": {}, "counts": {}, "devices": {source_id: "Equipo falso"},
                "changes": {"name": CHANGES_NAME, "sha256": hashlib.sha256(payload).hexdigest(),
                            "bytes": len(payload) if declared is None else declared}}
    write_sealed(path, cover, json.dumps(contents).encode() + b"\n" + payload, signer=signer, recipient=recipient)


def _read(path):
    return read_bundle(path, CENTRE, lambda key: ENROLLED if key == LAPTOP.public.signing else None)


@pytest.fixture
def centre_db(tmp_path, encrypted_db):
    """A centre database (set up with sign-in, as the command line needs) with a laptop enrolled;
    returns (centre file, the laptop's keys)."""
    from desktop.services.advisers import current_adviser_id

    db = encrypted_db(tmp_path / "centro.db", device_name="Centro")
    with open_database(tmp_path / "laptop.db", device_name="Equipo falso") as laptop, \
            open_database(db) as centre:
        sync.set_device_role(centre, "centre")
        sync.enrol_device(centre, sync.this_device_card(laptop), current_adviser_id(centre))
        sync.enrol_device(laptop, sync.this_device_card(centre), None)
        from db.sync import trust

        return db, trust.local_keys(laptop), trust.local_keys(centre).public, laptop.device_id


def _peers_and_history(db):
    with open_database(db) as storage:
        return (storage.conn.execute("SELECT count(*) FROM sync_peers").fetchone()[0],
                storage.conn.execute("SELECT count(*) FROM sync_bundles").fetchone()[0])


@pytest.mark.slow
def test_a_small_file_that_expands_to_100_mib_of_newlines_is_refused(tmp_path, capsys, centre_db):
    db, laptop, centre, laptop_id = centre_db
    bomb = tmp_path / "bomba.rumbo"
    _forged(bomb, b"\n" * (100 << 20), signer=laptop, recipient=centre, source_id=laptop_id)
    assert bomb.stat().st_size < 300_000
    before = _peers_and_history(db)
    assert main(["--db", str(db), "bundle", "import", str(bomb)]) == 2
    assert capsys.readouterr().err == ("El paquete «bomba.rumbo» está dañado o incompleto, así que no se aplicó "
                                       "ninguno de sus cambios.\n")
    assert _peers_and_history(db) == before == (1, 0)


def test_expansion_beyond_the_ratio_is_refused_part_way(tmp_path, monkeypatch):
    monkeypatch.setattr(fmt, "RATIO_FLOOR_BYTES", 1000)
    path = tmp_path / "x.rumbo"
    line = json.dumps({"x": "a" * 4000}).encode()
    _forged(path, (line + b"\n") * 2000)  # 8 MB that compress about 1000 times
    with pytest.raises(BundleError) as info:
        _read(path)
    assert info.value.kind == "corrupt" and "expands too much" in info.value.detail


def test_a_payload_bigger_than_its_declared_size_is_refused_while_reading(tmp_path):
    path = tmp_path / "x.rumbo"
    lines = [json.dumps(BundleChange("equipo-falso", n, "firms", f"f{n}", 1, "insert", {"equipo-falso": n},
                                     {"id": f"f{n}", "rev": 1}, "2026-01-01T00:00:00Z").to_json()).encode() + b"\n"
             for n in range(1, 50)]
    _forged(path, b"".join(lines), declared=len(lines[0]))  # the contents say one change; 49 follow
    with pytest.raises(BundleError) as info:
        _read(path)
    assert info.value.kind == "tampered" and "beyond its declared size" in info.value.detail


def test_an_overlong_line_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(fmt, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "x.rumbo"
    _forged(path, b"a" * 5000 + b"\n")
    with pytest.raises(BundleError) as info:
        _read(path)
    assert "too long" in info.value.detail


def test_blank_lines_are_not_an_empty_bundle(tmp_path):
    path = tmp_path / "x.rumbo"
    _forged(path, b"\n\n\n")
    with pytest.raises(BundleError) as info:
        _read(path)
    assert info.value.kind == "corrupt" and "blank line" in info.value.detail


def test_a_sealed_payload_larger_than_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(fmt, "MAX_SEALED_BYTES", 100)
    path = tmp_path / "x.rumbo"
    _forged(path, b'{"a":1}\n' * 200)
    with pytest.raises(BundleError) as info:
        _read(path)
    assert info.value.kind == "corrupt" and "too large" in info.value.detail


def test_an_empty_bundle_from_an_unknown_device_is_refused_and_records_nothing(tmp_path, capsys, encrypted_db):
    path = tmp_path / "vacio.rumbo"
    stranger = LocalKeys.generate()
    db = encrypted_db(tmp_path / "centro.db")
    with open_database(db) as storage:
        from db.sync import trust

        _forged(path, b"", signer=stranger, recipient=trust.local_keys(storage).public)
    assert main(["--db", str(db), "bundle", "import", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"El paquete «vacio.rumbo» viene de un equipo no inscrito: «Equipo falso» (huella "
        f"{stranger.public.fingerprint}). Un coordinador debe inscribirlo primero.\n")
    assert _peers_and_history(db) == (0, 0)
    with open_database(db) as storage:
        assert storage.conn.execute("SELECT count(*) FROM devices WHERE is_local = 0").fetchone()[0] == 0


def test_an_empty_bundle_from_an_enrolled_device_changes_no_record(tmp_path, capsys, centre_db):
    db, laptop, centre, laptop_id = centre_db
    path = tmp_path / "vacio.rumbo"
    _forged(path, b"", signer=laptop, recipient=centre, source_id=laptop_id)
    assert main(["--db", str(db), "bundle", "import", str(path)]) == 0
    assert "0 cambios" in capsys.readouterr().out
    with open_database(db) as storage:
        assert storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == 0
