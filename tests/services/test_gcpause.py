"""The collector is off inside paused_gc and back as it was afterwards, errors included."""

from __future__ import annotations

import gc

import pytest

from desktop.services.gcpause import paused_gc


@pytest.fixture(autouse=True)
def _restore_gc():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_collector_is_off_inside_and_on_again_after():
    gc.enable()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_comes_back_after_an_error():
    gc.enable()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("fila mala")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off():
    gc.disable()
    with paused_gc():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_import_runs_with_the_collector_paused(storage, tmp_path, monkeypatch):
    from desktop.services.registry import importing

    seen = []
    real = importing.clean_firm
    monkeypatch.setattr(importing, "clean_firm",
                        lambda data, *rest: (seen.append(gc.isenabled()), real(data, *rest))[1])
    path = tmp_path / "f.csv"
    path.write_text("Razón social,País\nUno,SV\nDos,GT\n", encoding="utf-8")
    gc.enable()
    summary = importing.import_file(storage, path, None)
    assert summary.accepted == 2 and seen == [False, False] and gc.isenabled()
