"""A firm registered on two laptops is one firm: found by tax id or by name and place,
merged or kept apart by an adviser, and the decision reaches every device."""

from __future__ import annotations

from desktop.services import sync
from desktop.services.registry import firms
from tests.sync.conftest import exchange, open_conflicts, snapshot


def _firm(storage, name, adviser="ana", **extra):
    values = {"legal_name": name, "country": "SV", "department": "San Miguel", "municipality": "San Miguel", **extra}
    return firms.register_firm(storage, values, adviser)


def test_same_name_in_the_same_municipality_is_a_possible_duplicate(devices, folder):
    a, b, _c = devices
    fa = _firm(a, "Tortillería La Única")
    fb = _firm(b, "TORTILLERIA LA UNICA, S.A. de C.V.", adviser="beto")
    result = exchange(a, b, folder)
    assert [(k, {r, o}) for k, _t, r, o in result.conflicts] == [("duplicate", {fa["id"], fb["id"]})]
    [dup] = sync.list_conflicts(b)
    assert dup.kind == "duplicate" and {dup.local["id"], dup.remote["id"]} == {fa["id"], fb["id"]}


def test_similar_names_in_other_places_or_with_other_numbers_are_not_duplicates(devices, folder):
    a, b, _c = devices
    _firm(a, "Tortillería La Única")
    _firm(b, "Tortillería La Única", municipality="Chinameca")
    _firm(a, "Farmacia San José 2")
    _firm(b, "Farmacia San José 3")
    result = exchange(a, b, folder)
    assert result.conflicts == []
    assert open_conflicts(b) == set()


def test_different_valid_tax_ids_are_different_firms_even_with_one_name(devices, folder):
    a, b, _c = devices
    _firm(a, "Panadería Ñandú", tax_id="0614-290186-102-2")
    _firm(b, "Panadería Ñandú", tax_id="0614-010101-101-0")
    assert exchange(a, b, folder).conflicts == []


def test_kept_apart_is_remembered_and_travels_to_every_device(devices, folder):
    a, b, c = devices
    fa = _firm(a, "Tortillería La Única")
    fb = _firm(b, "Tortilleria La Unica", adviser="beto")
    exchange(a, c, folder)
    exchange(b, c, folder)
    [dup] = sync.list_conflicts(c)
    sync.keep_apart(c, dup.id, "jefa")
    assert open_conflicts(c) == set()
    # Both laptops receive both firms and the decision: neither is asked.
    for laptop in (a, b):
        result = exchange(c, laptop, folder)
        assert result.conflicts == []
        assert open_conflicts(laptop) == set()
    # Editing one of them later does not bring the question back anywhere.
    firms.update_firm(a, fa["id"], {"phone": "2661 0000"}, "ana")
    for _ in range(2):
        for laptop in (a, b):
            exchange(laptop, c, folder)
            exchange(c, laptop, folder)
    assert open_conflicts(a) == open_conflicts(b) == open_conflicts(c) == set()
    assert snapshot(a) == snapshot(b) == snapshot(c)
    assert firms.get_firm(c, fa["id"]) and firms.get_firm(c, fb["id"])


def test_a_name_duplicate_is_merged_with_everything_kept(devices, folder):
    a, b, c = devices
    fa = _firm(a, "Tortillería La Única", phone="2661 1234")
    fb = _firm(b, "Tortilleria La Unica", adviser="beto", email="unica@example.com")
    exchange(a, c, folder)
    exchange(b, c, folder)
    [dup] = sync.list_conflicts(c)
    choices = {name: "local" for name in dup.fields}
    kept = sync.resolve_conflict(c, dup.id, choices, "jefa", survivor="local")
    gone = fb["id"] if kept["id"] == fa["id"] else fa["id"]
    assert firms.get_firm(c, gone) is None
    for laptop in (a, b):
        exchange(c, laptop, folder)
        assert firms.get_firm(laptop, gone) is None
        assert open_conflicts(laptop) == set()


def test_export_and_import_count_the_same_records_in_the_same_words(devices, folder):
    from db import assessments

    a, b, _c = devices
    local = _firm(b, "Tortillería La Única")
    mine = _firm(a, "Tortilleria La Unica", adviser="ana")
    other = _firm(a, "Café Luna")
    firms.update_firm(a, other["id"], {"phone": "2661 0000"}, "ana")  # two changes, one record
    assessments.start_assessment(a, other["id"], "rumbo-readiness", "1", "ana", "ana")
    path = folder / "a.rumbo"
    written = sync.export_bundle(a, path, peer=b.device_id)
    assert written.records == {"firms": 2, "assessments": 1}
    assert written.total == 4
    assert sync.records_summary(written).es == "2 empresas, 1 evaluaciones"
    preview = sync.preview_bundle(b, path)
    result = sync.import_bundle(b, path)
    for seen in (preview, result):
        assert (seen.new_firms, seen.possible_duplicates, seen.new_assessments) == (1, 1, 1)
        assert sync.records_summary(seen).es == "empresas: 1 nuevas, 1 posibles duplicados; evaluaciones: 1 nuevas"
        assert sync.records_summary(seen).en == "firms: 1 new, 1 possible duplicates; assessments: 1 new"
    [dup] = sync.list_conflicts(b)
    assert {dup.record_id, dup.other_id} == {local["id"], mine["id"]}


def test_pairs_that_cannot_be_merged_say_why_and_write_nothing(devices):
    import pytest

    from desktop.domain.errors import UserError
    from desktop.services.registry import duplicates
    from tests.sync.conftest import logical_hash

    a, _b, _c = devices
    one = _firm(a, "Café Las Nubes")
    two = _firm(a, "Cafe las Nubes")
    three = _firm(a, "CAFÉ LAS NUBES S.A.")
    assert len(duplicates.possible_duplicates(a)) == 2
    before = logical_hash(a)
    with pytest.raises(UserError, match="consigo misma"):
        duplicates.review_pair(a, one["id"], one["id"])
    assert logical_hash(a) == before
    conflict_id = duplicates.review_pair(a, one["id"], two["id"])
    assert duplicates.review_pair(a, two["id"], one["id"]) == conflict_id  # the same open question
    sync.resolve_conflict(a, conflict_id, {n: "local" for n in sync.list_conflicts(a)[0].fields}, "ana")
    gone = two["id"] if firms.get_firm(a, two["id"]) is None else one["id"]
    with pytest.raises(UserError, match="ya se unió a otra"):
        duplicates.review_pair(a, gone, three["id"])
    kept = one["id"] if gone == two["id"] else two["id"]
    sync.keep_apart(a, duplicates.review_pair(a, kept, three["id"]), "ana")
    with pytest.raises(UserError, match="son distintas"):
        duplicates.review_pair(a, kept, three["id"])
    assert duplicates.possible_duplicates(a) == []


def test_the_registry_view_leaves_out_different_tax_ids(devices):
    from desktop.services.registry import duplicates

    a, _b, _c = devices
    _firm(a, "Panadería Ñandú", tax_id="0614-290186-102-2")
    _firm(a, "Panadería Ñandú", tax_id="0614-010101-101-0")
    assert duplicates.possible_duplicates(a) == []


def test_undo_merge_restores_both_firms_everywhere(devices, folder):
    import pytest

    from db import assessments
    from desktop.domain.errors import UserError

    a, b, c = devices
    fa = _firm(a, "Tortillería La Única", phone="2661 1234")
    fb = _firm(b, "Tortilleria La Unica", adviser="beto")
    ev_b = assessments.start_assessment(b, fb["id"], "rumbo-readiness", "1", "beto", "beto")
    exchange(a, c, folder)
    exchange(b, c, folder)
    [dup] = sync.list_conflicts(c)
    kept = sync.resolve_conflict(c, dup.id, {n: "local" for n in dup.fields}, "jefa", survivor="local")
    gone = fb["id"] if kept["id"] == fa["id"] else fa["id"]
    for laptop in (a, b):
        exchange(c, laptop, folder)
    with pytest.raises(UserError, match="no hay fusión"):
        sync.undo_merge(a, kept["id"], "ana")
    restored = sync.undo_merge(a, gone, "ana")  # undone on a laptop, not where it was merged
    assert restored["id"] == gone and restored["deleted_at"] is None
    assert sync.sync_conflicts.merged_into(a, gone) is None
    for _ in range(2):
        for laptop in (a, b):
            exchange(laptop, c, folder)
            exchange(c, laptop, folder)
    assert snapshot(a) == snapshot(b) == snapshot(c)
    for device in (a, b, c):
        assert firms.get_firm(device, gone) is not None and firms.get_firm(device, kept["id"]) is not None
        assert sync.sync_conflicts.merged_into(device, gone) is None
        if gone == fb["id"]:
            assert assessments.get_assessment(device, ev_b["id"])["firm_id"] == fb["id"]
    with pytest.raises(UserError, match="no hay fusión"):
        sync.undo_merge(a, gone, "ana")  # already undone


def test_work_on_the_absorbed_firm_made_before_the_merge_arrived_follows_the_survivor(devices, folder):
    from db import assessments

    a, b, c = devices
    fa = _firm(a, "Tortillería La Única")
    fb = _firm(b, "Tortilleria La Unica", adviser="beto")
    exchange(a, c, folder)
    exchange(b, c, folder)
    [dup] = sync.list_conflicts(c)
    side = "local" if dup.local["id"] == fb["id"] else "remote"
    sync.resolve_conflict(c, dup.id, {n: side for n in dup.fields}, "jefa", survivor=side)  # fb survives
    # Meanwhile on laptop A, which has not heard of the merge: new work on the absorbed firm.
    late = assessments.start_assessment(a, fa["id"], "rumbo-readiness", "1", "ana", "ana")
    firms.update_firm(a, fa["id"], {"phone": "2661 9999"}, "ana")
    for _ in range(2):
        for laptop in (a, b):
            exchange(laptop, c, folder)
            exchange(c, laptop, folder)
    assert snapshot(a) == snapshot(b) == snapshot(c)
    for device in (a, b, c):
        assert assessments.get_assessment(device, late["id"])["firm_id"] == fb["id"]
    # The edit of the absorbed firm is not lost: it waits as a conflict against the merge.
    kinds = {(k, r) for k, _t, r, _o in open_conflicts(c)}
    assert ("edit", fa["id"]) in kinds
    assert open_conflicts(a) == open_conflicts(b) == open_conflicts(c)


def test_the_advisory_record_of_both_laptops_follows_the_merged_firm(devices, folder):
    """Sessions, plan items and milestones recorded on either laptop end on the one surviving firm."""
    import datetime as dt

    from desktop.services import advisory

    a, b, c = devices
    today = dt.date.today().isoformat()
    fa = _firm(a, "Tortillería La Única")
    fb = _firm(b, "Tortilleria La Unica", adviser="beto")
    sa = advisory.record_session(a, fa["id"], {"held_on": today, "minutes": 60, "mode": "visita"}, "ana")
    sb = advisory.record_session(b, fb["id"], {"held_on": today, "minutes": 45, "mode": "telefono"}, "beto")
    item = advisory.add_plan_item(b, fb["id"], {"title": "Registrar la marca", "owner": "empresa"}, "beto")
    jobs = advisory.record_milestone(a, fa["id"], {"kind": "empleo", "occurred_on": today, "jobs_women": 1,
                                                   "jobs_men": 0, "evidence": "declarado"}, "ana")
    exchange(a, c, folder)
    exchange(b, c, folder)
    [dup] = sync.list_conflicts(c)
    side = "local" if dup.local["id"] == fa["id"] else "remote"
    sync.resolve_conflict(c, dup.id, {n: side for n in dup.fields}, "jefa", survivor=side)  # fa survives
    late = advisory.record_session(b, fb["id"], {"held_on": today, "minutes": 30, "mode": "video"}, "beto")
    for _ in range(2):
        for laptop in (a, b):
            exchange(laptop, c, folder)
            exchange(c, laptop, folder)
    assert snapshot(a) == snapshot(b) == snapshot(c)
    for device in (a, b, c):
        assert {s["id"] for s in advisory.sessions_of(device, fa["id"])} == {sa["id"], sb["id"], late["id"]}
        assert [p["id"] for p in advisory.plan_of_firm(device, fa["id"])] == [item["id"]]
        assert [m["id"] for m in advisory.milestones_of(device, fa["id"])] == [jobs["id"]]
        assert advisory.sessions_of(device, fb["id"]) == []
