"""Forged bundles: refused only once bundles are signed (issue 16). Strict xfails flip when they are."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from db.sync.format import MANIFEST_NAME, PAYLOAD_NAME
from desktop.domain.errors import UserError
from desktop.services import sync
from desktop.services.registry import firms
from desktop.services.storage import open_database

SIGNATURES = "issue 16: signed bundles (a checksum anyone can recompute is no signature)"


def _rewrite(path, edit_payload):
    """What a forger does: change the payload, recompute its hash and size in the manifest."""
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read(MANIFEST_NAME))
        payload = zf.read(PAYLOAD_NAME)
    payload = edit_payload(payload)
    manifest["payload"]["sha256"] = hashlib.sha256(payload).hexdigest()
    manifest["payload"]["bytes"] = len(payload)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False))
        zf.writestr(PAYLOAD_NAME, payload)


@pytest.mark.xfail(strict=True, reason=SIGNATURES)
def test_a_payload_rewritten_with_its_hash_recomputed_is_refused(tmp_path):
    with open_database(tmp_path / "laptop.db", device_name="Laptop Ana") as storage:
        firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
        sync.export_bundle(storage, tmp_path / "p.rumbo")
    _rewrite(tmp_path / "p.rumbo", lambda payload: payload.replace("Café Luna".encode(), "Café Falso".encode()))
    with open_database(tmp_path / "centro.db") as centre, pytest.raises(UserError):
        sync.import_bundle(centre, tmp_path / "p.rumbo")


@pytest.mark.xfail(strict=True, reason=SIGNATURES)
def test_a_forged_change_under_another_devices_next_number_cannot_hide_its_genuine_edit(tmp_path):
    laptop, centre = tmp_path / "laptop.db", tmp_path / "centro.db"
    with open_database(laptop, device_name="Laptop Ana") as storage:
        firm = firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
        sync.export_bundle(storage, tmp_path / "uno.rumbo")
        firms.update_firm(storage, firm["id"], {"notes": "Edición genuina"}, None)
        sync.export_bundle(storage, tmp_path / "genuino.rumbo")
    # The forger takes the genuine bundle and puts other content under the same (origin, number).
    forged = tmp_path / "falso.rumbo"
    forged.write_bytes((tmp_path / "genuino.rumbo").read_bytes())
    _rewrite(forged, lambda payload: payload.replace("Edición genuina".encode(), "Edición falsa".encode()))
    with open_database(centre) as storage:
        sync.import_bundle(storage, tmp_path / "uno.rumbo")
        try:
            sync.import_bundle(storage, forged)
        except UserError:
            pass
        sync.import_bundle(storage, tmp_path / "genuino.rumbo")
        assert firms.get_firm(storage, firm["id"])["notes"] == "Edición genuina"
