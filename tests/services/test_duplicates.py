"""The firm form's duplicate finder: same tax id, or a near-identical name in the same place."""

from __future__ import annotations

from desktop.services.registry.duplicates import DuplicateFinder
from desktop.services.registry.firms import delete_firm, register_firm

NIT = "0614-290186-102-2"


def test_same_tax_id_in_the_same_country(storage):
    firm = register_firm(storage, {"legal_name": "Café Luna", "country": "SV", "tax_id": NIT}, None)
    found = DuplicateFinder(storage).find("SV", None, "Otra", "06142901861022")
    assert (found.firm_id, found.reason, found.legal_name) == (firm["id"], "tax_id", "Café Luna")
    assert DuplicateFinder(storage).find("SV", None, "Otra", "0614-290186-102-3") is None  # invalid id: no lookup


def test_similar_name_only_in_the_same_municipality_accents_ignored(storage):
    firm = register_firm(storage, {"legal_name": "Café Las Nubes, S.A. de C.V.", "country": "SV",
                                   "municipality": "Colón"}, None)
    register_firm(storage, {"legal_name": "Otra cosa", "country": "SV", "municipality": "Colón del Norte"}, None)
    finder = DuplicateFinder(storage)
    found = finder.find("SV", "colon", "CAFE LAS NUBES SA DE CV", None)
    assert found.firm_id == firm["id"] and found.reason == "name"
    assert finder.find("SV", "Santa Tecla", "Café Las Nubes", None) is None
    assert finder.find("GT", "Colón", "Café Las Nubes", None) is None
    assert finder.find("SV", "Colón", "Panadería Las Nubes", None) is None


def test_the_firm_being_edited_and_deleted_firms_are_not_duplicates(storage):
    firm = register_firm(storage, {"legal_name": "Café Luna", "country": "SV", "municipality": "Colón",
                                   "tax_id": NIT}, None)
    assert DuplicateFinder(storage, exclude_id=firm["id"]).find("SV", "Colón", "Café Luna", NIT) is None
    delete_firm(storage, firm["id"], None)
    assert DuplicateFinder(storage).find("SV", "Colón", "Café Luna", NIT) is None
