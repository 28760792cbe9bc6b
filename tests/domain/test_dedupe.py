"""Duplicate firms: normalised names, tax ids, near-identical names in the same place."""

from __future__ import annotations

import pytest

from desktop.domain.registry.dedupe import DuplicateIndex, normalise_name, place_key


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


class _ScanEveryName:
    """The straightforward index: score every name of the place (what DuplicateIndex must equal)."""

    def __init__(self):
        self.index = DuplicateIndex()
        self.names: dict[tuple[str, str], list[tuple[str, str, str]]] = {}

    def add(self, ref, country, municipality, name, tax_id):
        self.index.add(ref, country, municipality, name, tax_id)
        if normalise_name(name):
            self.names.setdefault(place_key(country, municipality), []).append((normalise_name(name), ref, name))

    def find(self, country, municipality, name, tax_id):
        from rapidfuzz import fuzz, process

        quick = self.index.find(country, municipality, name, None)
        if quick is None or quick.score != 100.0:
            norm = normalise_name(name)
            entries = self.names.get(place_key(country, municipality), [])
            digits = _digits_of(norm)
            for choice, score, i in process.extract(norm, [e[0] for e in entries], scorer=fuzz.ratio,
                                                    score_cutoff=92.0, limit=5):
                if _digits_of(choice) == digits:
                    return ("name", entries[i][1], float(score))
            return None
        return ("name", quick.ref, quick.score)


def _digits_of(text):
    return "".join(ch for ch in text if ch.isdigit()) if any(ch.isdigit() for ch in text) else ""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_length_filed_lookup_gives_the_same_match_as_scoring_every_name(seed):
    import random
    import string

    rng = random.Random(seed)
    stems = ["".join(rng.choice(string.ascii_lowercase + "  ") for _ in range(rng.randint(3, 40))) for _ in range(60)]
    scan = _ScanEveryName()
    compared = matched = 0
    for n in range(3000):
        name = rng.choice(stems)
        for _ in range(rng.randint(0, 3)):  # a few edits, so some names land just above or below the threshold
            pos = rng.randint(0, len(name))
            name = name[:pos] + rng.choice(string.ascii_lowercase + "0123456789") + name[pos + 1:] \
                if rng.random() < 0.5 else name[:pos] + name[pos + 1:]
        name = name.strip() or "x"
        place = ("SV", rng.choice(["Santa Tecla", "Soyapango"]))
        found = scan.index.find(*place, name, None)
        expected = scan.find(*place, name, None)
        got = None if found is None else (found.reason, found.ref, found.score)
        assert got == expected, name
        compared += 1
        matched += got is not None
        if found is None or rng.random() < 0.3:
            scan.add(f"fila {n}", *place, name, None)
    assert compared == 3000 and 100 < matched < 2900  # both outcomes were exercised


def _random_rows(rng, n, stems):
    import string

    rows = []
    for i in range(n):
        name = rng.choice(stems)
        for _ in range(rng.randint(0, 3)):  # a few edits: some names land just above or below the threshold
            pos = rng.randint(0, len(name))
            name = name[:pos] + rng.choice(string.ascii_lowercase + "0123456789") + name[pos + 1:] \
                if rng.random() < 0.5 else name[:pos] + name[pos + 1:]
        if rng.random() < 0.2:
            name = name.upper() + rng.choice([" S.A. de C.V.", ", Ltda.", ""])
        if rng.random() < 0.03:
            name = rng.choice(["", "S.A.", None])  # nothing left to compare by name
        tax_id = rng.choice([None, None, None, f"{rng.randint(1, 300):05d}"])
        place = rng.choice([("SV", "Santa Tecla"), ("sv", "SANTA TECLA"), ("SV", "Soyapango"), ("GT", "Mixco")])
        rows.append((f"fila {i + 2}", *place, name, tax_id))
    return rows


@pytest.mark.parametrize("seed,max_pairs", [(1, None), (2, None), (3, None), (4, None), (5, 10)])
def test_screening_a_whole_file_answers_as_find_then_add_row_by_row(seed, max_pairs, monkeypatch):
    # max_pairs=10: too many near pairs to hold, so screen() goes row by row; same answers.
    from desktop.domain.registry import dedupe

    if max_pairs is not None:
        monkeypatch.setattr(dedupe, "_MAX_NEAR_PAIRS", max_pairs)
    import random
    import string

    rng = random.Random(seed)
    stems = ["".join(rng.choice(string.ascii_lowercase + "  ") for _ in range(rng.randint(3, 40))) for _ in range(50)]
    stems += [f"farmacia san rafael {n}" for n in range(1, 6)]  # names told apart by their numbers
    known = _random_rows(rng, 400, stems)
    rows = _random_rows(rng, 2500, stems)
    one_by_one, batch = DuplicateIndex(), DuplicateIndex()
    for index in (one_by_one, batch):
        for ref, country, municipality, name, tax_id in known:
            index.add(ref.replace("fila", "firma"), country, municipality, name, tax_id)
    expected = []
    for ref, country, municipality, name, tax_id in rows:
        match = one_by_one.find(country, municipality, name, tax_id)
        expected.append(match)
        if match is None:
            one_by_one.add(ref, country, municipality, name, tax_id)
    got = batch.screen(rows)
    assert got == expected
    assert len(batch) == len(one_by_one)
    kinds = {(m.reason, m.ref.split()[0], m.score == 100.0) for m in got if m}
    # Every kind of answer was exercised: tax ids, exact and fuzzy names, against known firms and earlier rows.
    assert {("tax_id", "firma", True), ("tax_id", "fila", True), ("name", "firma", True), ("name", "fila", True),
            ("name", "firma", False), ("name", "fila", False)} <= kinds
    assert 200 < sum(m is None for m in got) < 2400


def test_screening_an_empty_file_adds_nothing():
    index = DuplicateIndex()
    index.add("f1", "SV", "Santa Tecla", "Café Las Nubes", None)
    assert index.screen([]) == [] and len(index) == 1


def test_a_file_repeating_names_thousands_of_times_is_screened_name_by_name():
    # Each distinct name is compared once: 6,000 rows of three spellings of one firm, plus its branches.
    names = ["Pulpería La Bendición", "PULPERIA LA BENDICION, S.A.", "Pulpería La Bendicíon", "Pulperia La Bendicion 2"]
    rows = [(f"fila {i + 2}", "HN", "Choloma", names[i % 4], None) for i in range(6000)]
    index = DuplicateIndex()
    got = index.screen(rows)
    assert got[0] is None and got[3] is None  # the first firm and its branch 2 are added
    assert {(m.ref, m.reason) for m in got[4:]} | {(got[1].ref, got[1].reason), (got[2].ref, got[2].reason)} == {
        ("fila 2", "name"), ("fila 5", "name")}
    assert len(index) == 2
