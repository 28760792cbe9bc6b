"""Forged, altered and misaddressed bundles are refused whole, with the sentence that says which,
and nothing is written (issue 16, item 3). Real databases, real keys, real files.

Every refusal checks the receiving database afterwards: the same row count in every table,
and the same logical contents.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib

import pytest
from nacl.public import PublicKey, SealedBox

from db.sync import trust
from db.sync.format import MANIFEST_NAME, PAYLOAD_NAME, SIGNATURE_NAME, BundleError, write_sealed
from db.sync.keys import LocalKeys
from db import records
from desktop.cli import main
from desktop.domain.errors import UserError
from desktop.services import sync
from desktop.services.advisers import current_adviser_id
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.sync.conftest import enrol_each_other, exchange, logical_hash


def row_counts(storage) -> dict[str, int]:
    """Rows per table, every table of the file (the sync tables and the keys too)."""
    tables = [r[0] for r in storage.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {t: storage.conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


class Unchanged:
    """``with Unchanged(storage):`` the block may not change a row of the database."""

    def __init__(self, storage):
        self.storage = storage

    def __enter__(self):
        self.counts, self.digest = row_counts(self.storage), logical_hash(self.storage)
        return self

    def __exit__(self, *exc):
        assert row_counts(self.storage) == self.counts
        assert logical_hash(self.storage) == self.digest
        return False


@pytest.fixture
def pair(tmp_path, encrypted_db):
    """A laptop and its centre, enrolled in each other, the laptop with one firm (the centre set up
    with sign-in, as the command line needs it: its administrator acts there)."""
    laptop = open_database(tmp_path / "laptop.db", device_name="Laptop Ana – San Miguel")
    centre = open_database(encrypted_db(tmp_path / "centro.db", device_name="Centro San Salvador"))
    sync.set_device_role(centre, "centre")
    enrol_each_other(laptop, centre)
    firms.register_firm(laptop, {"legal_name": "Café Luna", "country": "SV"}, None)
    yield laptop, centre
    laptop.close()
    centre.close()


def _refused(storage, path, kind: str) -> str:
    """Import ``path`` into ``storage``: refused as ``kind``, and nothing written. Returns the sentence."""
    with Unchanged(storage), pytest.raises(BundleError) as err:
        sync.preview_bundle(storage, path)
    assert err.value.kind == kind, err.value.detail
    with Unchanged(storage), pytest.raises(BundleError) as again:
        sync.import_bundle(storage, path)
    assert again.value.message == err.value.message
    return err.value.message


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _zip(path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _rewrite_and_rehash(path, edit_contents):
    """The old attack, against the new format: the forger cannot read the payload, but the centre's
    encryption key is public, so it seals contents of its own to it, puts their hash and size in
    the manifest, and keeps the genuine signature."""
    members = _members(path)
    manifest = json.loads(members[MANIFEST_NAME])
    forged = zlib.compress(edit_contents())
    sealed = SealedBox(PublicKey(bytes.fromhex(manifest["peer"]["encryption_key"]))).encrypt(forged)
    manifest["payload"].update(sha256=hashlib.sha256(sealed).hexdigest(), bytes=len(sealed))
    members[MANIFEST_NAME] = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    members[PAYLOAD_NAME] = sealed
    _zip(path, members)


def _contents_of(storage, path) -> bytes:
    """The plaintext a genuine bundle seals (read with the receiver's key, as only it can)."""
    sealed = _members(path)[PAYLOAD_NAME]
    return zlib.decompress(trust.local_keys(storage).unseal(sealed))


def test_a_round_trip_laptop_centre_laptop_is_signed_and_sealed_both_ways(tmp_path, pair):
    laptop, centre = pair
    there = exchange(laptop, centre, tmp_path)
    assert there.new_firms == 1
    firms.register_firm(centre, {"legal_name": "Textiles Maya", "country": "SV"}, None)
    back_path = tmp_path / "vuelta.rumbo"
    sync.export_bundle(centre, back_path, peer=laptop.device_id)
    members = _members(back_path)
    manifest = json.loads(members[MANIFEST_NAME])
    assert manifest["source"]["signing_key"] == trust.local_keys(centre).public.signing.hex()
    assert bytes.fromhex(manifest["peer"]["encryption_key"]) == trust.local_keys(laptop).public.encryption
    assert trust.local_keys(centre).public.verify(b"rumbo-bundle 2\n" + members[MANIFEST_NAME],
                                                   members[SIGNATURE_NAME])
    back = sync.import_bundle(laptop, back_path)
    assert back.new_firms == 1
    assert sorted(f["legal_name"] for f in records.select(laptop, "firms")) == ["Café Luna", "Textiles Maya"]


def test_a_bundle_from_a_device_nobody_enrolled_is_refused(tmp_path, pair):
    _laptop, centre = pair
    with open_database(tmp_path / "otra.db", device_name="Laptop Desconocida") as stranger:
        sync.enrol_device(stranger, sync.this_device_card(centre), None)  # it knows the centre; not the reverse
        firms.register_firm(stranger, {"legal_name": "Intrusa S.A.", "country": "SV"}, None)
        sync.export_bundle(stranger, tmp_path / "x.rumbo")
        fingerprint = sync.device_info(stranger)["fingerprint"]
    message = _refused(centre, tmp_path / "x.rumbo", "unknown_device")
    assert message == (f"El paquete «x.rumbo» viene de un equipo no inscrito: «Laptop Desconocida» (huella "
                       f"{fingerprint}). Un coordinador debe inscribirlo primero.")


def test_a_bundle_signed_by_a_revoked_device_is_refused(tmp_path, pair):
    laptop, centre = pair
    sync.export_bundle(laptop, tmp_path / "antes.rumbo")  # written before the revocation: refused all the same
    revoked = sync.revoke_device(centre, laptop.device_id, current_adviser_id(centre))
    assert revoked.revoked_at
    message = _refused(centre, tmp_path / "antes.rumbo", "revoked_device")
    assert message == (f"El paquete «antes.rumbo» viene de «Laptop Ana – San Miguel», un equipo revocado el "
                       f"{revoked.revoked_at[:10]}, así que no se aplicó ninguno de sus cambios.")
    # Nor does the centre write for it any more.
    with Unchanged(centre), pytest.raises(UserError, match="fue revocado"):
        sync.export_bundle(centre, tmp_path / "para-ella.rumbo", peer=laptop.device_id)
    assert not (tmp_path / "para-ella.rumbo").exists()


def test_a_byte_flipped_in_the_sealed_payload_is_refused(tmp_path, pair):
    laptop, centre = pair
    path = tmp_path / "p.rumbo"
    sync.export_bundle(laptop, path)
    members = _members(path)
    sealed = bytearray(members[PAYLOAD_NAME])
    sealed[len(sealed) // 2] ^= 0x01
    members[PAYLOAD_NAME] = bytes(sealed)
    _zip(path, members)  # a fresh ZIP: its CRCs agree, only the signature can tell
    assert _refused(centre, path, "bad_signature") == (
        "La firma del paquete «p.rumbo» no es válida: fue modificado después de escribirse, así que no se aplicó "
        "ninguno de sus cambios.")


def test_a_manifest_edited_after_signing_is_refused(tmp_path, pair):
    laptop, centre = pair
    path = tmp_path / "p.rumbo"
    sync.export_bundle(laptop, path)
    members = _members(path)
    members[MANIFEST_NAME] = members[MANIFEST_NAME].replace(b"2026", b"2025").replace(b"Laptop Ana", b"Laptop Ano")
    _zip(path, members)
    _refused(centre, path, "bad_signature")


def test_a_payload_rewritten_with_its_hash_recomputed_is_refused_by_the_signature(tmp_path, pair):
    laptop, centre = pair
    path = tmp_path / "p.rumbo"
    sync.export_bundle(laptop, path)
    genuine = _contents_of(centre, path)
    _rewrite_and_rehash(path, lambda: genuine.replace("Café Luna".encode(), "Café Falso".encode()))
    _refused(centre, path, "bad_signature")


def test_a_forged_change_under_another_devices_next_number_cannot_hide_its_genuine_edit(tmp_path, pair):
    laptop, centre = pair
    [firm] = records.select(laptop, "firms")
    sync.export_bundle(laptop, tmp_path / "uno.rumbo")
    firms.update_firm(laptop, firm["id"], {"notes": "Edición genuina"}, None)
    sync.export_bundle(laptop, tmp_path / "genuino.rumbo")
    # The forger takes the genuine bundle and puts other content under the same (origin, number).
    forged = tmp_path / "falso.rumbo"
    forged.write_bytes((tmp_path / "genuino.rumbo").read_bytes())
    genuine = _contents_of(centre, forged)
    _rewrite_and_rehash(forged, lambda: genuine.replace("Edición genuina".encode(), "Edición falsa".encode()))
    sync.import_bundle(centre, tmp_path / "uno.rumbo")
    _refused(centre, forged, "bad_signature")
    sync.import_bundle(centre, tmp_path / "genuino.rumbo")
    assert firms.get_firm(centre, firm["id"])["notes"] == "Edición genuina"


def test_a_bundle_sealed_for_another_centre_is_refused(tmp_path, pair):
    laptop, centre = pair
    with open_database(tmp_path / "otro-centro.db", device_name="Centro Santa Ana") as other:
        sync.set_device_role(other, "centre")
        enrol_each_other(laptop, other)
        sync.export_bundle(laptop, tmp_path / "p.rumbo", peer="Centro Santa Ana")
    assert _refused(centre, tmp_path / "p.rumbo", "other_recipient") == (
        "El paquete «p.rumbo» fue cifrado para otro equipo («Centro Santa Ana»), no para este, así que aquí no "
        "puede leerse; pida que lo escriban de nuevo para este equipo.")


def test_a_signed_bundle_that_claims_another_devices_id_is_refused(tmp_path, pair):
    laptop, centre = pair
    exchange(laptop, centre, tmp_path)  # the centre now knows which key the laptop signs with
    with open_database(tmp_path / "b.db", device_name="Laptop Beto") as beto:
        enrol_each_other(beto, centre)
        path = tmp_path / "suplantado.rumbo"
        write_sealed(path, {
            "format": "rumbo-bundle", "format_version": 2, "created_at": "2026-01-01T00:00:00Z",
            "source": {"device_id": laptop.device_id, "name": "Laptop Ana – San Miguel", "role": "laptop",
                       "signing_key": trust.local_keys(beto).public.signing.hex(),
                       "encryption_key": trust.local_keys(beto).public.encryption.hex()},
            "peer": {"device_id": centre.device_id, "name": "Centro San Salvador",
                     "encryption_key": trust.local_keys(centre).public.encryption.hex()},
        }, json.dumps({"knowledge": {}, "ranges": {}, "counts": {}, "devices": {},
                       "changes": {"name": "changes.jsonl", "sha256": hashlib.sha256(b"").hexdigest(), "bytes": 0}
                       }).encode() + b"\n", signer=trust.local_keys(beto), recipient=trust.local_keys(centre).public)
    assert _refused(centre, path, "impostor") == (
        "El paquete «suplantado.rumbo» dice venir de «Laptop Ana – San Miguel», pero lo firmó otro equipo "
        "(«Laptop Beto»), así que no se aplicó ninguno de sus cambios.")


def test_a_version_1_bundle_is_refused_with_what_to_do(tmp_path, pair, capsys):
    _laptop, centre = pair
    change = {"origin": "dev-a", "origin_seq": 1, "table": "firms", "record_id": "f1", "rev": 1, "op": "insert",
              "vv": {"dev-a": 1}, "state": {"id": "f1", "rev": 1, "legal_name": "Café Luna"},
              "changed_at": "2025-01-01T00:00:00Z", "changed_by": None, "extra": {}}
    payload = json.dumps(change).encode() + b"\n"
    manifest = {"format": "rumbo-bundle", "format_version": 1,
                "source": {"device_id": "dev-a", "name": "Laptop Ana", "role": "laptop"},
                "peer": {"device_id": None, "name": None}, "created_at": "2025-01-02T00:00:00Z",
                "knowledge": {"dev-a": 1}, "ranges": {"dev-a": {"first": 1, "last": 1, "count": 1}},
                "counts": {"firms": 1}, "devices": {"dev-a": "Laptop Ana"},
                "payload": {"name": "changes.jsonl", "sha256": hashlib.sha256(payload).hexdigest(),
                            "bytes": len(payload)}}
    path = tmp_path / "viejo.rumbo"
    _zip(path, {"manifest.json": json.dumps(manifest).encode(), "changes.jsonl": payload})
    sentence = _refused(centre, path, "old_format")
    assert sentence == ("El paquete «viejo.rumbo» es de una versión anterior de Rumbo, sin firma ni cifrado, "
                        "y ya no se acepta; pida que la laptop, una vez actualizada, lo escriba de nuevo.")
    centre.close()
    assert main(["--db", str(tmp_path / "centro.db"), "bundle", "import", str(path)]) == 2
    assert capsys.readouterr().err == sentence + "\n"


def test_a_bundle_written_by_this_same_device_is_refused(tmp_path, pair):
    laptop, _centre = pair
    sync.export_bundle(laptop, tmp_path / "mio.rumbo")
    assert "este mismo equipo" in _refused(laptop, tmp_path / "mio.rumbo", "own")


def test_the_refusal_is_the_same_from_the_command_line(tmp_path, pair, capsys):
    laptop, centre = pair
    stranger = LocalKeys.generate()
    assert stranger.public.fingerprint != sync.device_info(laptop)["fingerprint"]
    sync.export_bundle(laptop, tmp_path / "p.rumbo")
    sync.revoke_device(centre, "Laptop Ana – San Miguel", current_adviser_id(centre))
    path = centre.path
    with Unchanged(centre):
        assert main(["--db", str(path), "bundle", "import", str(tmp_path / "p.rumbo")]) == 2
    assert "un equipo revocado el" in capsys.readouterr().err
