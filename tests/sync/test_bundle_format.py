"""The bundle file: round trip, and strict refusal of damaged or foreign files.

Real keys throughout: laptop A signs, the centre reads (``CENTRE``), and A is the only
device the reader trusts. Signatures and sealing have their own tests in test_signed_bundles.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from db.sync.format import (
    FORMAT_VERSION,
    MANIFEST_NAME,
    MEMBERS,
    PAYLOAD_NAME,
    SIGNATURE_NAME,
    BundleChange,
    BundleError,
    read_bundle,
    write_bundle,
    write_sealed,
)
from db.sync.keys import LocalKeys, TrustedDevice

LAPTOP, CENTRE = LocalKeys.generate(), LocalKeys.generate()
ENROLLED = TrustedDevice("dev-a", "Laptop Ana", "laptop", LAPTOP.public, "2025-01-01T00:00:00Z", None)


def _read(path):
    return read_bundle(path, CENTRE, lambda key: ENROLLED if key == LAPTOP.public.signing else None)


def _change(origin="dev-a", seq=1, table="firms", rid="f1", rev=1, **state):
    body = {"id": rid, "rev": rev, "legal_name": "Café Luna", **state}
    return BundleChange(origin, seq, table, rid, rev, "insert", {origin: seq}, body, "2025-01-01T00:00:00Z", "ana")


def _write(path, changes=None):
    changes = changes if changes is not None else [_change(), _change(seq=2, rid="f2")]
    knowledge = {}
    for ch in changes:
        knowledge[ch.origin] = max(knowledge.get(ch.origin, 0), ch.origin_seq)
    return write_bundle(path, changes, source_id="dev-a", source_name="Laptop Ana – San Miguel",
                        created_at="2025-01-02T00:00:00Z", knowledge=knowledge, devices={"dev-a": "Laptop Ana"},
                        signer=LAPTOP, recipient=CENTRE.public, peer_id="centre", peer_name="Centro")


def _reseal(path, contents=None, changes=None):
    """What a writer holding the laptop's key could do: change the sealed contents and sign again."""
    with zipfile.ZipFile(path) as zf:
        cover = json.loads(zf.read(MANIFEST_NAME))
    written = _read(path)
    head = written.manifest.contents()
    lines = b"".join(json.dumps(c.to_json()).encode() + b"\n" for c in written.changes)
    head = contents(head) if contents else head
    lines = changes(lines) if changes else lines
    write_sealed(path, cover, json.dumps(head).encode() + b"\n" + lines, signer=LAPTOP, recipient=CENTRE.public)


def _rewrite_manifest(path, edit):
    """Change the clear manifest and keep the other members as they are (the signature then fails)."""
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    members[MANIFEST_NAME] = json.dumps(edit(json.loads(members[MANIFEST_NAME]))).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def test_round_trip_keeps_every_field(tmp_path):
    path = tmp_path / "x.rumbo"
    written = _write(path)
    bundle = _read(path)
    assert bundle.manifest == written
    assert bundle.manifest.ranges == {"dev-a": (1, 2, 2)}
    assert bundle.manifest.counts == {"firms": 2}
    assert bundle.manifest.format_version == FORMAT_VERSION == 2
    assert [c.key for c in bundle.changes] == [("dev-a", 1), ("dev-a", 2)]
    assert bundle.changes[0].state["legal_name"] == "Café Luna"
    assert bundle.changes[0].changed_by == "ana"
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == list(MEMBERS) == [MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME]


def test_nothing_about_firms_is_readable_in_the_file(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path, [_change(seq=n, rid=f"f{n}", notes="Visita a Café Luna") for n in range(1, 6)])
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read(MANIFEST_NAME))
        clear = b"".join(zf.read(name) for name in zf.namelist())
    assert set(manifest) == {"format", "format_version", "source", "peer", "created_at", "app_version", "payload"}
    assert manifest["source"]["name"] == "Laptop Ana – San Miguel" and manifest["peer"]["name"] == "Centro"
    for secret in ("Café Luna".encode(), "Visita a".encode(), b"legal_name", b"knowledge", b"counts"):
        assert secret not in clear and secret not in path.read_bytes()


def test_manifest_names_the_rumbo_that_wrote_it(tmp_path):
    from desktop.version import app_version

    path = tmp_path / "x.rumbo"
    _write(path)
    with zipfile.ZipFile(path) as zf:
        assert json.loads(zf.read(MANIFEST_NAME))["app_version"] == app_version()
    assert _read(path).manifest.app_version == app_version()


def test_truncated_file_is_refused_as_damaged(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)
    data = path.read_bytes()
    for cut in (len(data) // 3, len(data) - 10):
        path.write_bytes(data[:cut])
        with pytest.raises(BundleError) as err:
            _read(path)
        assert err.value.kind == "corrupt"
        assert "dañado o incompleto" in err.value.message


def test_flipped_byte_in_the_sealed_payload_is_refused(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path, [_change(seq=n, rid=f"f{n}", notes="x" * 200) for n in range(1, 30)])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(BundleError) as err:
        _read(path)
    assert err.value.kind in ("corrupt", "bad_signature")


def test_resealed_changes_that_miss_their_own_checksum_are_refused(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)
    _reseal(path, changes=lambda p: p.replace("Café Luna".encode(), "Café Sol!".encode()))
    with pytest.raises(BundleError) as err:
        _read(path)
    assert err.value.kind == "tampered"
    assert "suma de verificación" in err.value.message


def test_contents_counts_that_disagree_with_the_changes_are_refused(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)

    def more(head):
        head["counts"]["firms"] = 3
        return head

    _reseal(path, contents=more)
    with pytest.raises(BundleError) as err:
        _read(path)
    assert err.value.kind == "tampered"


def test_removed_line_with_matching_checksum_is_still_refused(tmp_path):
    # A change dropped and the checksum fixed, but not the ranges.
    import hashlib

    path = tmp_path / "x.rumbo"
    _write(path)
    first = json.dumps(_read(path).changes[0].to_json()).encode() + b"\n"

    def fix(head):
        head["changes"].update(sha256=hashlib.sha256(first).hexdigest(), bytes=len(first))
        return head

    _reseal(path, contents=fix, changes=lambda _p: first)
    with pytest.raises(BundleError) as err:
        _read(path)
    assert err.value.kind == "tampered"


def test_newer_format_is_refused_with_a_sentence(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)

    def newer(m):
        m["format_version"] = FORMAT_VERSION + 1
        return m

    _rewrite_manifest(path, newer)
    with pytest.raises(BundleError) as err:
        _read(path)
    assert err.value.kind == "too_new"
    assert err.value.message == (
        f"El paquete «x.rumbo» fue creado por una versión más nueva de Rumbo (formato {FORMAT_VERSION + 1}); "
        "actualice la aplicación para importarlo."
    )


@pytest.mark.parametrize("content,kind", [
    (b"not a zip at all", "corrupt"),
    (b"", "corrupt"),
])
def test_garbage_is_refused(tmp_path, content, kind):
    path = tmp_path / "x.rumbo"
    path.write_bytes(content)
    with pytest.raises(BundleError) as err:
        _read(path)
    assert err.value.kind == kind


def test_other_zip_files_are_not_bundles(tmp_path):
    path = tmp_path / "x.rumbo"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hola")
    with pytest.raises(BundleError) as err:
        _read(path)
    assert err.value.kind == "not_bundle"


def test_a_missing_member_is_refused(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)
    with zipfile.ZipFile(path) as zf:
        keep = {name: zf.read(name) for name in zf.namelist() if name != SIGNATURE_NAME}
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in keep.items():
            zf.writestr(name, data)
    with pytest.raises(BundleError) as err:
        _read(path)
    assert err.value.kind == "corrupt"


def test_extra_member_is_refused(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("extra.bin", b"1")
    with pytest.raises(BundleError) as err:
        _read(path)
    assert err.value.kind == "corrupt"


def test_change_whose_version_vector_omits_itself_is_refused(tmp_path):
    path = tmp_path / "x.rumbo"
    bad = BundleChange("dev-a", 1, "firms", "f1", 1, "insert", {}, {"id": "f1", "rev": 1}, "t", None)
    _write(path, [bad])
    with pytest.raises(BundleError) as err:
        _read(path)
    assert err.value.kind == "corrupt"


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(BundleError) as err:
        _read(tmp_path / "nada.rumbo")
    assert err.value.kind == "missing"
    assert "nada.rumbo" in err.value.message


def test_writing_into_a_missing_folder_is_a_sentence_and_leaves_nothing(tmp_path):
    with pytest.raises(BundleError) as err:
        _write(tmp_path / "no" / "x.rumbo")
    assert err.value.kind == "cannot_write"
    assert not (tmp_path / "no").exists()
