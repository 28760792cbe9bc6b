"""Three simulated devices exchanging bundles through the centre."""

from __future__ import annotations

import pytest

from db import assessments
from db.sync import trust
from db.sync.format import BundleChange, BundleError, write_bundle
from desktop.domain.errors import UserError
from desktop.services import sync
from desktop.services.registry import firms
from tests.sync.conftest import exchange, logical_hash, open_conflicts, snapshot

NIT = "0614-290186-102-2"


def _firm(storage, name, adviser="ana", **extra):
    return firms.register_firm(storage, {"legal_name": name, "country": "SV", **extra}, adviser)


def _converge(a, b, c, folder):
    """Laptops hand in, the centre hands back, twice: every device then holds everything."""
    for _ in range(2):
        exchange(a, c, folder)
        exchange(b, c, folder)
        exchange(c, a, folder)
        exchange(c, b, folder)


def test_field_work_reaches_every_device_and_states_match(devices, folder):
    a, b, c = devices
    fa = _firm(a, "Café Luna")
    fb = _firm(b, "Textiles Maya", adviser="beto")
    assessments.start_assessment(a, fa["id"], "rumbo-readiness", "1", "ana", "ana")
    first = exchange(a, c, folder)
    assert (first.new_firms, first.new_assessments, first.conflicts_expected) == (1, 1, 0)
    _converge(a, b, c, folder)
    assert snapshot(a) == snapshot(b) == snapshot(c)
    assert firms.get_firm(c, fb["id"])["legal_name"] == "Textiles Maya"
    assert open_conflicts(a) == open_conflicts(b) == open_conflicts(c) == set()


def test_importing_the_same_bundle_twice_changes_nothing(devices, folder):
    a, _b, c = devices
    _firm(a, "Café Luna")
    path = folder / "a.rumbo"
    sync.export_bundle(a, path)
    first = sync.import_bundle(c, path)
    assert first.applied == 1 and not first.already_imported
    before = logical_hash(c)
    again = sync.import_bundle(c, path)
    assert again.already_imported and again.applied == 0
    assert logical_hash(c) == before


def test_a_second_export_carries_only_unacknowledged_changes(devices, folder):
    a, _b, c = devices
    _firm(a, "Uno")
    exchange(a, c, folder)
    exchange(c, a, folder)  # the centre's manifest tells A what it holds
    _firm(a, "Dos")
    result = sync.export_bundle(a, folder / "next.rumbo")
    assert result.total == 1 and result.peer_name == "Centro San Salvador"
    assert not result.full


def test_an_older_bundle_never_overwrites_newer_data(devices, folder):
    a, _b, c = devices
    f = _firm(a, "Café Luna")
    sync.export_bundle(a, folder / "old.rumbo")
    firms.update_firm(a, f["id"], {"legal_name": "Café Luna y Sol"}, "ana")
    sync.export_bundle(a, folder / "new.rumbo")
    sync.import_bundle(c, folder / "new.rumbo")
    old = sync.import_bundle(c, folder / "old.rumbo")
    assert old.applied == 0 and old.conflicts_expected == 0
    assert firms.get_firm(c, f["id"])["legal_name"] == "Café Luna y Sol"


def _shared_firm(devices, folder):
    a, b, c = devices
    f = _firm(a, "Café Luna", sales_usd="50000")
    exchange(a, c, folder)
    exchange(c, b, folder)
    return f


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_concurrent_edits_are_a_conflict_with_both_versions_kept(devices, folder, order):
    a, b, c = devices
    f = _shared_firm(devices, folder)
    firms.update_firm(a, f["id"], {"phone": "+503 2222 3333", "notes": "visita de Ana"}, "ana")
    firms.update_firm(b, f["id"], {"notes": "visita de Beto"}, "beto")
    laptops = (a, b) if order == "ab" else (b, a)
    exchange(laptops[0], c, folder)
    result = exchange(laptops[1], c, folder)
    assert result.conflicts_expected == 1
    _converge(a, b, c, folder)
    assert snapshot(a) == snapshot(b) == snapshot(c)
    [conflict] = sync.list_conflicts(c)
    assert conflict.kind == "edit" and conflict.record_id == f["id"]
    assert {conflict.local["notes"], conflict.remote["notes"]} == {"visita de Ana", "visita de Beto"}
    assert "notes" in conflict.fields and "phone" in conflict.fields
    assert open_conflicts(a) == open_conflicts(b) == open_conflicts(c)


def test_resolution_is_a_change_that_closes_the_conflict_everywhere(devices, folder):
    a, b, c = devices
    f = _shared_firm(devices, folder)
    firms.update_firm(a, f["id"], {"phone": "+503 2222 3333", "notes": "Ana"}, "ana")
    firms.update_firm(b, f["id"], {"notes": "Beto", "sales_usd": "90000"}, "beto")
    _converge(a, b, c, folder)
    [conflict] = sync.list_conflicts(b)
    ana_side = "local" if conflict.local["notes"] == "Ana" else "remote"
    beto_side = "remote" if ana_side == "local" else "local"
    choices = {name: ana_side for name in conflict.fields}
    choices.update(notes=sync.Typed("Ana y Beto"), sales_usd=beto_side, sales_amount=beto_side)
    with pytest.raises(UserError):
        sync.resolve_conflict(b, conflict.id, {"notes": "x"}, "beto")  # other fields not chosen
    settled = sync.resolve_conflict(b, conflict.id, choices, "beto")
    assert settled["notes"] == "Ana y Beto"
    assert settled["phone"] == "+50322223333"
    assert settled["sales_usd"] == 90000
    assert sync.list_conflicts(b) == []
    _converge(a, b, c, folder)
    assert snapshot(a) == snapshot(b) == snapshot(c)
    assert open_conflicts(a) == open_conflicts(c) == set()
    assert firms.get_firm(a, f["id"])["notes"] == "Ana y Beto"


@pytest.mark.parametrize("laptop_edits", [1, 2], ids=["centre-version-shown", "laptop-version-shown"])
def test_laptop_and_centre_edit_one_bundle_reaches_the_centre_which_edits_again_and_both_agree(
        devices, folder, laptop_edits):
    # Found by the property test. With one laptop edit the centre's own first
    # edit is the version shown during the conflict; with two, the laptop's
    # (higher revision) is. Either way the centre's second edit is made after
    # it has received both versions, so it supersedes both: no conflict is
    # left, and every device ends with the centre's second edit.
    a, _b, c = devices
    f = _firm(a, "Café Luna")
    exchange(a, c, folder)
    exchange(c, a, folder)
    for n in range(laptop_edits):
        firms.update_firm(a, f["id"], {"phone": "+503 2222 3333", "notes": f"Ana {n}"}, "ana")
    firms.update_firm(c, f["id"], {"notes": "centro, primera"}, "jefa")
    exchange(a, c, folder)
    [conflict] = sync.list_conflicts(c)
    shown = conflict.local["notes"]
    assert shown == ("centro, primera" if laptop_edits == 1 else "Ana 1")
    firms.update_firm(c, f["id"], {"notes": "centro, segunda"}, "jefa")
    assert sync.list_conflicts(c) == []  # the edit made here closes it at once
    status, resolution = c.conn.execute(
        "SELECT status, resolution FROM sync_conflicts WHERE id = ?", (conflict.id,)).fetchone()
    assert status == "superseded" and "edited_here" in resolution
    exchange(c, a, folder)
    assert snapshot(a) == snapshot(c)
    assert open_conflicts(a) == open_conflicts(c) == set()
    final = firms.get_firm(a, f["id"])
    assert final["notes"] == "centro, segunda"
    # Built on the version shown at the centre: the laptop's phone survives only if it was shown.
    assert final["phone"] == (None if laptop_edits == 1 else "+50322223333")


def test_deletion_against_an_edit_is_a_conflict_and_the_edit_is_kept(devices, folder):
    a, b, c = devices
    f = _shared_firm(devices, folder)
    firms.delete_firm(a, f["id"], "ana")
    firms.update_firm(b, f["id"], {"notes": "sigue activa"}, "beto")
    _converge(a, b, c, folder)
    assert snapshot(a) == snapshot(b) == snapshot(c)
    [conflict] = sync.list_conflicts(c)
    assert "deleted_at" in conflict.fields
    versions = [conflict.local] + conflict.others
    assert any(v["notes"] == "sigue activa" and not v["deleted_at"] for v in versions)
    assert any(v["deleted_at"] for v in versions)
    live_side = "local" if not conflict.local["deleted_at"] else "remote"
    choices = {name: live_side for name in conflict.fields}
    settled = sync.resolve_conflict(c, conflict.id, choices, "jefa")
    assert settled["deleted_at"] is None and settled["notes"] == "sigue activa"
    _converge(a, b, c, folder)
    assert firms.get_firm(a, f["id"])["notes"] == "sigue activa"
    assert open_conflicts(a) == open_conflicts(b) == set()


def test_same_firm_registered_twice_is_merged_with_its_assessments(devices, folder):
    a, b, c = devices
    fa = _firm(a, "Panadería Rosita", tax_id=NIT, phone="2222 3333")
    fb = _firm(b, "Panaderia Rosita S.A.", adviser="beto", tax_id=NIT)
    ev_a = assessments.start_assessment(a, fa["id"], "rumbo-readiness", "1", "ana", "ana")
    ev_b = assessments.start_assessment(b, fb["id"], "rumbo-readiness", "1", "beto", "beto")
    exchange(a, c, folder)
    result = exchange(b, c, folder)
    assert [k for k, *_ in result.conflicts] == ["duplicate"]
    [dup] = sync.list_conflicts(c)
    assert {dup.record_id, dup.other_id} == {fa["id"], fb["id"]}
    assert "legal_name" in dup.fields
    survivor = sync.resolve_conflict(c, dup.id, {name: "local" for name in dup.fields}, "jefa", survivor="local")
    merged_id = dup.other_id
    assert survivor["id"] == dup.record_id
    assert firms.get_firm(c, merged_id) is None  # a tombstone now
    _converge(a, b, c, folder)
    assert snapshot(a) == snapshot(b) == snapshot(c)
    for device in (a, b, c):
        kept = {e["id"] for e in assessments.assessments_of(device, survivor["id"])}
        assert {ev_a["id"], ev_b["id"]} <= kept
        assert open_conflicts(device) == set()
        assert sync.sync_conflicts.merged_into(device, merged_id) == survivor["id"]


def test_damaged_bundle_leaves_the_database_exactly_as_it_was(devices, folder):
    a, _b, c = devices
    for n in range(20):
        _firm(a, f"Empresa {n}", notes="detalle " * 30)
    _firm(c, "Ya estaba")
    path = folder / "a.rumbo"
    sync.export_bundle(a, path)
    data = path.read_bytes()
    before = logical_hash(c)
    for damaged in (data[: len(data) // 2], data[:-1], data[:100] + b"\0" * 50 + data[150:]):
        path.write_bytes(damaged)
        with pytest.raises(BundleError):
            sync.preview_bundle(c, path)
        with pytest.raises(BundleError):
            sync.import_bundle(c, path)
        assert logical_hash(c) == before


def test_bundle_with_a_dangling_reference_is_refused_whole(devices, folder):
    a, _b, c = devices
    f = _firm(c, "Ya estaba")
    before = logical_hash(c)
    firm_state = dict(f, id="ghost-firm", rev=1)
    x = a.device_id  # laptop A's own changes (another device's would need its signed head)
    ok = BundleChange(x, 1, "firms", "ok-firm", 1, "insert", {x: 1},
                      dict(f, id="ok-firm", rev=1, legal_name="Nueva"), "2025-01-01T00:00:00Z", None)
    orphan_state = {"id": "ev1", "firm_id": firm_state["id"], "questionnaire_id": "q", "questionnaire_version": "1",
                    "status": "draft", "started_at": "2025-01-01T00:00:00Z", "created_at": "2025-01-01T00:00:00Z",
                    "updated_at": "2025-01-01T00:00:00Z", "rev": 1, "origin": x}
    orphan = BundleChange(x, 2, "assessments", "ev1", 1, "insert", {x: 2}, orphan_state,
                          "2025-01-01T00:00:00Z", None)
    path = folder / "x.rumbo"
    # Written with laptop A's keys (enrolled at the centre): the signature is good, the contents are not.
    write_bundle(path, [ok, orphan], source_id=a.device_id, source_name="Otro", created_at="2025-01-01T00:00:00Z",
                 knowledge={x: 2}, signer=trust.local_keys(a), recipient=trust.local_keys(c).public)
    with pytest.raises(BundleError) as err:
        sync.import_bundle(c, path)
    assert err.value.kind == "inconsistent"
    assert logical_hash(c) == before


def test_preview_summarises_without_writing(devices, folder):
    a, b, c = devices
    f = _shared_firm(devices, folder)
    firms.update_firm(a, f["id"], {"notes": "A"}, "ana")
    firms.update_firm(b, f["id"], {"notes": "B"}, "beto")
    _firm(b, "Nueva")
    exchange(a, c, folder)
    path = folder / "b.rumbo"
    sync.export_bundle(b, path)
    before = logical_hash(c)
    preview = sync.preview_bundle(c, path)
    assert logical_hash(c) == before
    assert (preview.new_firms, preview.conflicts_expected, preview.source_name) == (1, 1, "Laptop Beto – Santa Ana")
    result = sync.import_bundle(c, path)
    assert (result.new_firms, result.conflicts_expected) == (1, 1)


def test_history_names_files_peers_and_counts(devices, folder):
    a, _b, c = devices
    _firm(a, "Café Luna")
    exchange(a, c, folder)
    [sent] = sync.bundle_history(a)
    [received] = sync.bundle_history(c)
    assert (sent.direction, sent.changes, sent.counts) == ("sent", 1, {"firms": 1})
    assert (received.direction, received.peer_name, received.applied) == ("received", "Laptop Ana – San Miguel", 1)
    assert received.file_name == sent.file_name


def test_device_name_is_settable_and_travels(devices, folder):
    a, _b, c = devices
    sync.set_device_name(a, "  Laptop Ana –   Usulután ")
    assert sync.device_info(a)["name"] == "Laptop Ana – Usulután"
    _firm(a, "Café Luna")
    exchange(a, c, folder)
    assert {p.device_id: p.name for p in sync.list_peers(c)}[a.device_id] == "Laptop Ana – Usulután"
    with pytest.raises(UserError):
        sync.set_device_name(a, "   ")


def test_own_bundle_and_unknown_peer_are_refused_with_a_sentence(devices, folder):
    a, _b, _c = devices
    path = folder / "mine.rumbo"
    sync.export_bundle(a, path)
    with pytest.raises(UserError, match="este mismo equipo"):
        sync.import_bundle(a, path)
    with pytest.raises(UserError, match="No se conoce ningún equipo"):
        sync.export_bundle(a, folder / "x.rumbo", peer="Laptop Zeta")
