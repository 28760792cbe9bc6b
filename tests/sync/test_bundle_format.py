"""The bundle file: round trip, and strict refusal of damaged or foreign files."""

from __future__ import annotations

import json
import zipfile

import pytest

from db.sync.format import (
    FORMAT_VERSION,
    MANIFEST_NAME,
    PAYLOAD_NAME,
    BundleChange,
    BundleError,
    read_bundle,
    write_bundle,
)


def _change(origin="dev-a", seq=1, table="firms", rid="f1", rev=1, **state):
    body = {"id": rid, "rev": rev, "legal_name": "Café Luna", **state}
    return BundleChange(origin, seq, table, rid, rev, "insert", {origin: seq}, body, "2025-01-01T00:00:00Z", "ana")


def _write(path, changes=None):
    changes = changes if changes is not None else [_change(), _change(seq=2, rid="f2")]
    knowledge = {}
    for ch in changes:
        knowledge[ch.origin] = max(knowledge.get(ch.origin, 0), ch.origin_seq)
    return write_bundle(path, changes, source_id="dev-a", source_name="Laptop Ana – San Miguel",
                        created_at="2025-01-02T00:00:00Z", knowledge=knowledge, devices={"dev-a": "Laptop Ana"})


def _rewrite(path, manifest=None, payload=None):
    """Rebuild the archive with a changed manifest and/or payload."""
    with zipfile.ZipFile(path) as zf:
        old_manifest = json.loads(zf.read(MANIFEST_NAME))
        old_payload = zf.read(PAYLOAD_NAME)
    new_manifest = manifest(old_manifest) if manifest else old_manifest
    new_payload = payload(old_payload) if payload else old_payload
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(MANIFEST_NAME, json.dumps(new_manifest))
        zf.writestr(PAYLOAD_NAME, new_payload)


def test_round_trip_keeps_every_field(tmp_path):
    path = tmp_path / "x.rumbo"
    written = _write(path)
    bundle = read_bundle(path)
    assert bundle.manifest == written
    assert bundle.manifest.ranges == {"dev-a": (1, 2, 2)}
    assert bundle.manifest.counts == {"firms": 2}
    assert [c.key for c in bundle.changes] == [("dev-a", 1), ("dev-a", 2)]
    assert bundle.changes[0].state["legal_name"] == "Café Luna"
    assert bundle.changes[0].changed_by == "ana"
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == [MANIFEST_NAME, PAYLOAD_NAME]


def test_manifest_names_the_rumbo_that_wrote_it_and_older_bundles_still_read(tmp_path):
    from desktop.version import app_version

    path = tmp_path / "x.rumbo"
    _write(path)
    with zipfile.ZipFile(path) as zf:
        assert json.loads(zf.read(MANIFEST_NAME))["app_version"] == app_version()
    assert read_bundle(path).manifest.app_version == app_version()
    _rewrite(path, manifest=lambda m: {k: v for k, v in m.items() if k != "app_version"})
    assert read_bundle(path).manifest.app_version is None  # a bundle from before the field


def test_truncated_file_is_refused_as_damaged(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)
    data = path.read_bytes()
    for cut in (len(data) // 3, len(data) - 10):
        path.write_bytes(data[:cut])
        with pytest.raises(BundleError) as err:
            read_bundle(path)
        assert err.value.kind == "corrupt"
        assert "dañado o incompleto" in err.value.message


def test_flipped_byte_in_compressed_data_is_refused(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path, [_change(seq=n, rid=f"f{n}", notes="x" * 200) for n in range(1, 30)])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(BundleError) as err:
        read_bundle(path)
    assert err.value.kind in ("corrupt", "tampered")


def test_edited_payload_fails_the_checksum(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)
    _rewrite(path, payload=lambda p: p.replace("Café Luna".encode(), "Café Sol!".encode()))
    with pytest.raises(BundleError) as err:
        read_bundle(path)
    assert err.value.kind == "tampered"
    assert "suma de verificación" in err.value.message


def test_manifest_counts_that_disagree_with_the_payload_are_refused(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)

    def more(m):
        m["counts"]["firms"] = 3
        return m

    _rewrite(path, manifest=more)
    with pytest.raises(BundleError) as err:
        read_bundle(path)
    assert err.value.kind == "tampered"


def test_removed_line_with_matching_checksum_is_still_refused(tmp_path):
    # Someone drops a change and fixes the checksum but not the ranges.
    import hashlib

    path = tmp_path / "x.rumbo"
    _write(path)
    with zipfile.ZipFile(path) as zf:
        payload = zf.read(PAYLOAD_NAME).split(b"\n")[0] + b"\n"

    def fix(m):
        m["payload"].update(sha256=hashlib.sha256(payload).hexdigest(), bytes=len(payload))
        return m

    _rewrite(path, manifest=fix, payload=lambda _p: payload)
    with pytest.raises(BundleError) as err:
        read_bundle(path)
    assert err.value.kind == "tampered"


def test_newer_format_is_refused_with_a_sentence(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)

    def newer(m):
        m["format_version"] = FORMAT_VERSION + 1
        return m

    _rewrite(path, manifest=newer)
    with pytest.raises(BundleError) as err:
        read_bundle(path)
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
        read_bundle(path)
    assert err.value.kind == kind


def test_other_zip_files_are_not_bundles(tmp_path):
    path = tmp_path / "x.rumbo"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hola")
    with pytest.raises(BundleError) as err:
        read_bundle(path)
    assert err.value.kind == "not_bundle"


def test_extra_member_is_refused(tmp_path):
    path = tmp_path / "x.rumbo"
    _write(path)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("extra.bin", b"1")
    with pytest.raises(BundleError) as err:
        read_bundle(path)
    assert err.value.kind == "corrupt"


def test_change_whose_version_vector_omits_itself_is_refused(tmp_path):
    path = tmp_path / "x.rumbo"
    bad = BundleChange("dev-a", 1, "firms", "f1", 1, "insert", {}, {"id": "f1", "rev": 1}, "t", None)
    _write(path, [bad])
    with pytest.raises(BundleError) as err:
        read_bundle(path)
    assert err.value.kind == "corrupt"


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(BundleError) as err:
        read_bundle(tmp_path / "nada.rumbo")
    assert err.value.kind == "missing"
    assert "nada.rumbo" in err.value.message


def test_writing_into_a_missing_folder_is_a_sentence_and_leaves_nothing(tmp_path):
    with pytest.raises(BundleError) as err:
        _write(tmp_path / "no" / "x.rumbo")
    assert err.value.kind == "cannot_write"
    assert not (tmp_path / "no").exists()
