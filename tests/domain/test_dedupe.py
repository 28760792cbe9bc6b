"""Duplicate firms: normalised names, tax ids, near-identical names in the same place."""

from __future__ import annotations

import pytest

from desktop.domain.dedupe import DuplicateIndex, normalise_name, place_key


@pytest.mark.parametrize("name,expected", [
    ("Café Las Nubes, S.A. de C.V.", "cafe las nubes"),
    ("CAFE LAS NUBES SA DE CV", "cafe las nubes"),
    ("Café  Las Nubes S. A.", "cafe las nubes"),
    ("Distribuidora López y Cía. Ltda.", "distribuidora lopez"),
    ("Inversiones Pérez, S. de R.L. de C.V.", "inversiones perez"),
    ("Textiles del Norte S.R.L.", "textiles del norte"),
    ("Panadería & Repostería", "panaderia y reposteria"),
    ("Casa", "casa"),
    ("S.A.", "sa"),
    ("", ""),
])
def test_normalise_name_strips_suffixes_accents_punctuation_and_spacing(name, expected):
    assert normalise_name(name) == expected


def test_place_key_ignores_accents_and_case():
    assert place_key("sv", "  SANTA   TECLA") == place_key("SV", "Santa Tecla")
    assert place_key("SV", "Mejicanos") != place_key("GT", "Mejicanos")


@pytest.fixture
def index():
    idx = DuplicateIndex()
    idx.add("f1", "SV", "Santa Tecla", "Café Las Nubes, S.A. de C.V.", "06142901861022")
    idx.add("f2", "GT", "Mixco", "Textiles Maya, S.A.", None)
    return idx


def test_same_tax_id_in_same_country_is_a_duplicate_whatever_the_name(index):
    match = index.find("SV", "Soyapango", "Otro nombre", "06142901861022")
    assert (match.ref, match.reason, match.other_name) == ("f1", "tax_id", "Café Las Nubes, S.A. de C.V.")
    assert index.find("GT", "Mixco", "Otro nombre", "06142901861022") is None


def test_near_identical_name_in_same_municipality_is_a_duplicate(index):
    exact = index.find("SV", "santa tecla", "CAFE LAS NUBES SA DE CV", None)
    assert exact.ref == "f1" and exact.reason == "name" and exact.score == 100.0
    typo = index.find("SV", "Santa Tecla", "Cafe Las Nuves", None)
    assert typo.ref == "f1" and 92 <= typo.score < 100


def test_same_name_elsewhere_or_a_different_name_is_not_a_duplicate(index):
    assert index.find("SV", "Soyapango", "Café Las Nubes", None) is None
    assert index.find("SV", "Santa Tecla", "Café Las Brisas", None) is None
    assert index.find("GT", "Mixco", "Textiles Mayab Hermanos", None) is None


def test_added_rows_are_found_later_and_counted(index):
    index.add("fila 3", "GT", "Mixco", "Muebles Pérez", "1234")
    assert index.find("GT", "MIXCO", "Muebles Perez", None).ref == "fila 3"
    assert len(index) == 3


def test_names_differing_only_in_numbers_are_not_duplicates(index):
    index.add("b1", "SV", "Soyapango", "Farmacia San Rafael 2", None)
    assert index.find("SV", "Soyapango", "Farmacia San Rafael 3", None) is None
    assert index.find("SV", "Soyapango", "Farmacia San Rafel 2", None).ref == "b1"
