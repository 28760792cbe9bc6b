"""The profile service behind Configuración: settings in one transaction, device name, backup."""

from __future__ import annotations

import pytest

from desktop.domain.errors import UserError
from desktop.services import profile
from desktop.services.registry.firms import register_firm


def test_save_settings_is_all_or_nothing(storage):
    with pytest.raises(UserError) as caught:
        profile.save_settings(storage, {"centre_name": "Centro", "exchange_rates": {"GTQ": "-1"}}, None)
    assert caught.value.field == "exchange_rates"
    assert profile.get_setting(storage, "centre_name") == ""
    profile.save_settings(storage, {"centre_name": "Centro", "exchange_rates": {"GTQ": "7,8"}}, None)
    assert profile.get_setting(storage, "exchange_rates") == {"GTQ": "7.8"}


def test_device_name_and_adviser_name(storage):
    assert profile.rename_device(storage, "  Laptop   Ana ") == "Laptop Ana"
    assert profile.device_name(storage) == "Laptop Ana"
    with pytest.raises(UserError):
        profile.rename_device(storage, "   ")
    adviser = profile.create_adviser(storage, "Ana Martínez", "CDMYPE")
    assert profile.adviser_name(storage, adviser["id"]) == "Ana Martínez"
    assert profile.adviser_name(storage, None) == "—"


def test_backup_overwrites_the_chosen_file(storage, tmp_path):
    register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
    dest = tmp_path / "copia.db"
    dest.write_bytes(b"viejo")
    assert profile.backup_database(storage, dest) == dest
    profile.check_backup(dest)  # a sound Rumbo database now
