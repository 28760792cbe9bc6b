"""Issue 31 item 4: a device authors only its own changes.

With laptop A's history received through the centre, laptop B wrote A's next change with a valid
chain link and signed the bundle with its own key; the centre stored it as A's and then refused
A's genuine bundle whole, so A could no longer sync. Each origin now signs the head of its own
history (``db.sync.attest``), and changes relayed for another device need that device's head.
"""

from __future__ import annotations

import pytest

from db import chain
from db.sync import attest, trust
from db.sync.format import BundleChange, BundleError, write_bundle
from db.sync.state import get_change, knowledge
from desktop.services import sync
from desktop.services.registry import firms
from tests.sync.conftest import exchange, logical_hash


def _firm(storage, name):
    return firms.register_firm(storage, {"legal_name": name, "country": "SV"}, None)


def _forge_next(victim_id: str, held) -> BundleChange:
    """A's next change as B can compute it: the link follows A's last change B holds."""
    last = max((k for k in held if k[0] == victim_id), key=lambda k: k[1])
    prev = held[last]
    state = dict(prev.state, legal_name="Empresa robada", rev=prev.rev + 1)
    seq = last[1] + 1
    link = chain.link(prev.hash, victim_id, seq, prev.table, prev.record_id, prev.rev + 1, "update", state,
                      "2026-12-08T10:00:00Z", None, chain.before_sha(prev.state))
    return BundleChange(victim_id, seq, prev.table, prev.record_id, prev.rev + 1, "update",
                        dict(prev.vv, **{victim_id: seq}), state, "2026-12-08T10:00:00Z", None, {}, link,
                        chain.before_sha(prev.state))


@pytest.fixture
def relayed(devices, folder):
    """A's firm reached B through the centre; returns (a, b, c, the firm, B's copy of A's changes)."""
    a, b, c = devices
    firm = _firm(a, "Café de Ana")
    exchange(a, c, folder)
    exchange(c, b, folder)
    held = {}
    for origin, top in knowledge(b).items():
        if origin == a.device_id:
            for seq in range(1, top + 1):
                change = get_change(b, (origin, seq))
                if change:
                    held[change.key] = change
    return a, b, c, firm, held


def _forged_bundle(b, c, path, forged, heads):
    write_bundle(path, [forged], source_id=b.device_id, source_name=b.device_name, created_at="2026-12-08T10:00:00Z",
                 knowledge=dict(knowledge(b), **{forged.origin: forged.origin_seq}), signer=trust.local_keys(b),
                 recipient=trust.local_keys(c).public, devices={forged.origin: "Laptop Ana – San Miguel"},
                 heads=heads)


@pytest.mark.attack(4, "A laptop writes another laptop's next change (no head, the genuine head, its own signature), and locks it out")
@pytest.mark.parametrize("how", ["no-head", "a's-genuine-head", "head-signed-by-b"])
def test_a_laptop_cannot_write_another_laptops_next_change(relayed, folder, how):
    a, b, c, firm, held = relayed
    forged = _forge_next(a.device_id, held)
    heads = {
        "no-head": {},
        "a's-genuine-head": {a.device_id: attest.stored_head(b, a.device_id)},
        "head-signed-by-b": {a.device_id: attest.sign(trust.local_keys(b), a.device_id, forged.origin_seq,
                                                      forged.hash)},
    }[how]
    assert all(heads.values()), "B holds A's head, received through the centre"
    before = logical_hash(c)
    path = folder / "forged.rumbo"
    _forged_bundle(b, c, path, forged, heads)
    with pytest.raises(BundleError) as err:
        sync.import_bundle(c, path)
    assert err.value.kind == ("origin_impostor" if how == "head-signed-by-b" else "unattested")
    assert "Laptop Ana – San Miguel" in str(err.value) and "no se aplicó ninguno" in str(err.value)
    assert logical_hash(c) == before

    # A is not locked out: its genuine next change still reaches the centre.
    firms.update_firm(a, firm["id"], {"notes": "Visita del martes"}, None)
    exchange(a, c, folder)
    assert firms.get_firm(c, firm["id"])["notes"] == "Visita del martes"
    assert firms.get_firm(c, firm["id"])["legal_name"] == "Café de Ana"


def test_a_laptop_relays_another_laptops_work_with_its_signed_head(devices, folder):
    a, b, c = devices
    firm = _firm(a, "Panadería de Ana")
    path = folder / "a-para-b.rumbo"
    sync.export_bundle(a, path, peer=b.device_id)  # laptop to laptop, the centre never saw it
    sync.import_bundle(b, path)
    result = exchange(b, c, folder)  # B carries A's work to the centre
    assert result.new_firms == 1 and firms.get_firm(c, firm["id"])["legal_name"] == "Panadería de Ana"
    head = attest.stored_head(c, a.device_id)
    assert head is not None and head.key == trust.local_keys(a).public.signing and head.verifies()


@pytest.mark.attack(4, "A laptop relays another's history with an altered signed head")
def test_a_head_that_does_not_verify_is_refused(relayed, folder):
    a, b, c, _firm_row, held = relayed
    genuine = attest.stored_head(b, a.device_id)
    tampered = attest.Head(genuine.origin, genuine.seq + 1, genuine.link, genuine.key, genuine.signature)
    path = folder / "tampered.rumbo"
    _forged_bundle(b, c, path, _forge_next(a.device_id, held), {a.device_id: tampered})
    with pytest.raises(BundleError) as err:
        sync.import_bundle(c, path)
    assert err.value.kind == "unattested"


@pytest.mark.attack(4, 'A forged change rides a bundle the coordinator carries to the server')
def test_a_bundle_carried_to_the_server_is_checked_for_its_authors_too(relayed, folder):
    """``rumbo centre import`` stores a verified bundle with the owner's connection: the check of
    who made each change must come before it."""
    from db.sync import exchange as engine

    a, b, c, _firm_row, held = relayed
    path = folder / "forged.rumbo"
    _forged_bundle(b, c, path, _forge_next(a.device_id, held), {})
    with pytest.raises(BundleError) as err:
        engine.verified_bundle(c, path)
    assert err.value.kind == "unattested"
