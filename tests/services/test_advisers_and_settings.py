"""Adviser and business-setting use cases."""

from __future__ import annotations

import pytest

from db import changelog, records
from desktop.domain.errors import UserError
from desktop.services import advisers, settings


def test_create_list_and_current_adviser(storage):
    ana = advisers.create_adviser(storage, {"name": "  Ana  López ", "centre": "CDMYPE San Miguel",
                                            "email": "ana@example.org", "phone": "7012 3456"}, country="SV")
    assert ana["name"] == "Ana López" and ana["phone"] == "+50370123456"
    beto = advisers.create_adviser(storage, {"name": "Beto"}, ana["id"])
    assert [a["name"] for a in advisers.list_advisers(storage)] == ["Ana López", "Beto"]
    assert advisers.current_adviser(storage) is None
    advisers.set_current_adviser(storage, beto["id"])
    assert advisers.current_adviser(storage)["id"] == beto["id"]
    advisers.update_adviser(storage, beto["id"], {"active": False}, ana["id"])
    assert [a["name"] for a in advisers.list_advisers(storage)] == ["Ana López"]
    with pytest.raises(UserError):
        advisers.set_current_adviser(storage, beto["id"])
    advisers.set_current_adviser(storage, None)
    assert advisers.current_adviser(storage) is None


@pytest.mark.parametrize("data, field", [
    ({"name": "   "}, "name"), ({"name": "A", "email": "nope"}, "email"),
    ({"name": "A", "phone": "12"}, "phone"), ({"name": "A", "colour": "x"}, "colour"),
])
def test_bad_adviser_input(storage, data, field):
    with pytest.raises(UserError) as info:
        advisers.create_adviser(storage, data, country="SV")
    assert info.value.field == field
    assert advisers.list_advisers(storage, include_inactive=True) == []


def test_settings_have_declared_defaults(storage):
    assert settings.all_settings(storage) == {"centre_name": "", "centre_logo": None,
                                              "default_country": "SV", "exchange_rates": {},
                                              "assessment_parameters": {}}


def test_settings_are_checked_and_stored_with_history(storage):
    settings.set_setting(storage, "centre_name", " CDMYPE  UNICAES ", "adv")
    settings.set_setting(storage, "default_country", "hn", "adv")
    settings.set_setting(storage, "exchange_rates", {"gtq": "7,80", "HNL": 24.7}, "adv")
    assert settings.get_setting(storage, "centre_name") == "CDMYPE UNICAES"
    assert settings.get_setting(storage, "default_country") == "HN"
    assert settings.get_setting(storage, "exchange_rates") == {"GTQ": "7.8", "HNL": "24.7"}
    row = records.select(storage, "settings", "key = 'default_country'")[0]
    [entry] = changelog.history(storage, "settings", row["id"])
    assert entry.changed_by == "adv" and ("value", None, "HN") in [(c.field, c.old, c.new) for c in entry.changes]


@pytest.mark.parametrize("key, value", [
    ("default_country", "Salvador"), ("exchange_rates", {"XXX1": "2"}), ("exchange_rates", {"GTQ": "-1"}),
    ("exchange_rates", "7.8"), ("nonexistent", 1), ("centre_logo", "logo.png"),
])
def test_bad_settings_are_refused(storage, key, value):
    with pytest.raises(UserError):
        settings.set_setting(storage, key, value, None)
    assert records.select(storage, "settings") == []


def test_centre_logo_round_trip(storage, tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    (tmp_path / "logo.png").write_bytes(png)
    settings.set_centre_logo(storage, tmp_path / "logo.png", None)
    assert settings.centre_logo_bytes(storage) == png
    assert settings.get_setting(storage, "centre_logo")["mime"] == "image/png"
    (tmp_path / "logo.txt").write_text("hola")
    with pytest.raises(UserError):
        settings.set_centre_logo(storage, tmp_path / "logo.txt", None)
    with pytest.raises(UserError):
        settings.set_centre_logo(storage, tmp_path / "missing.png", None)


def test_startup_backup_rotates(storage, tmp_path):
    from desktop.services.maintenance import check_database, startup_backup

    made = [startup_backup(storage, tmp_path / "copias", keep=2) for _ in range(3)]
    assert sorted((tmp_path / "copias").glob("*.db")) == made[1:]
    assert check_database(made[-1]).ok


def test_each_database_rotates_its_own_startup_backups(tmp_path, monkeypatch):
    from desktop.services import maintenance
    from desktop.services.storage import open_database

    monkeypatch.setattr(maintenance, "backup_folder", lambda: tmp_path / "copias")
    with open_database(tmp_path / "real.db") as real:
        maintenance.startup_backup(real)
        real_folder = maintenance.database_backup_folder(real)
    with open_database(tmp_path / "demo.db") as demo:
        for _ in range(maintenance.AUTO_BACKUPS_KEPT + 2):
            maintenance.startup_backup(demo)
        demo_folder = maintenance.database_backup_folder(demo)
    assert real_folder != demo_folder
    assert len(list(real_folder.glob("*.db"))) == 1  # untouched by the demo file's rotation
    assert len(list(demo_folder.glob("*.db"))) == maintenance.AUTO_BACKUPS_KEPT
