"""Loading rulebooks: the shipped files are sound, malformed files are refused by name."""

from __future__ import annotations

import datetime
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.errors import DataFileError, UserError
from desktop.domain.sizing import load_rulebooks
from desktop.domain.sizing.parse import parse_file
from desktop.resources import resource_path

FIXTURES = Path(__file__).parent / "fixtures" / "rulebooks"
ON = datetime.date(2024, 6, 1)


def test_shipped_rulebooks_load_and_cover_the_countries():
    books = load_rulebooks()
    assert books.countries("size") == ["CR", "DO", "GT", "HN", "NI", "PA", "SV"]
    assert books.countries("exporter") == ["AR", "BR", "CL"]
    assert load_rulebooks() is books  # the default set is cached


def test_default_folder_is_resources_rulebooks():
    assert sorted(b.country for b in load_rulebooks(resource_path("rulebooks")).books()) == sorted(
        ["AR", "BR", "CL", "CR", "DO", "GT", "HN", "NI", "PA", "SV"])


@pytest.mark.parametrize("country", ["CR", "DO", "GT", "HN", "NI", "PA", "SV"])
def test_shipped_size_rulebooks_carry_id_version_date_and_source(country):
    book = load_rulebooks().for_country(country, ON)
    assert book.id == f"cepal-cuadro1-{country.lower()}"
    assert book.version == "1"
    assert book.effective_from == datetime.date(2010, 1, 1) and book.effective_to is None  # Ferraro y Stumpo (2010)
    assert "Cordero y Zúñiga (2012)" in book.source.es and "Cordero and Zúñiga (2012)" in book.source.en
    assert book.money_unit == "thousand_usd"
    name = book.name
    assert book.display_title().es == f"Definición de mipyme de {name.es} (CEPAL, Cuadro 1)"
    assert book.display_title().en.startswith("MSME definition of ") and "(ECLAC, Table 1)" in book.display_title().en


def test_every_shipped_rulebook_has_its_own_title_for_people():
    for book in load_rulebooks().books():
        assert book.title is not None and book.id not in book.title.es and book.id not in book.title.en


def test_money_ceilings_are_exact_decimals():
    cr = load_rulebooks().for_country("CR", ON)
    ceilings, how = cr.criterion("sales").ceilings_for(None)
    assert how == "general"
    assert ceilings == (Decimal("104"), Decimal("364.2"), Decimal("1040.5"))
    assert all(isinstance(c, Decimal) for c in ceilings)
    assert ceilings[2] * cr.scale == 1040500


def test_assets_only_where_the_table_gives_them():
    books = load_rulebooks()
    with_assets = [c for c in books.countries() if books.for_country(c, ON).criterion("assets")]
    assert with_assets == ["CR", "DO", "NI"]


def test_unknown_country_is_a_user_error():
    with pytest.raises(UserError, match="«ZZ»"):
        load_rulebooks().for_country("ZZ", ON)


# --- malformed files -------------------------------------------------------------

MALFORMED = {
    "bad_json": "no es JSON válido (línea 3",
    "overlapping_ceilings": "topes desordenados o superpuestos en «criteria.sales.ceilings»",
    "unordered_ceilings": "mediana (50) debe ser mayor que pequena (100)",
    "unknown_criterion": "criterio desconocido «turnover»",
    "missing_class": "falta la clase «mediana» en «criteria.employees.ceilings»",
    "unknown_class": "clase desconocida «gigante»",
    "missing_version": "falta el campo «version»",
    "missing_criteria": "falta el campo «criteria»",
    "unknown_rule_operator": "operador desconocido «most»",
    "rule_names_undefined_criterion": "la regla usa el criterio «assets», que no tiene topes",
    "criterion_not_in_rule": "el criterio «sales» tiene topes pero la regla no lo usa",
    "negative_ceiling": "no negativo",
    "fractional_employee_ceiling": "debe ser un número entero",
    "bad_date": "«effective_from» debe ser una fecha AAAA-MM-DD",
    "end_before_start": "«effective_to» es anterior a «effective_from»",
    "bad_sector_key": "«ZZ» en «criteria.sales.by_sector» no es una sección",
    "unknown_field": "campo desconocido «colour»",
    "bad_kind": "«kind» debe ser uno de size, exporter",
    "bad_money_unit": "«money_unit» debe ser uno de",
    "missing_english": "«name» debe tener textos no vacíos en «es» y «en»",
    "bad_note_field": "dato desconocido «turnover» en «notes[0].when»",
    "float_ceiling": "«criteria.sales.ceilings.pequena» debe ser un entero o un número escrito como texto",
}


def test_every_malformed_fixture_has_an_expectation():
    assert {p.stem for p in (FIXTURES / "malformed").glob("*.json")} == set(MALFORMED)


@pytest.mark.parametrize("name, problem", sorted(MALFORMED.items()))
def test_malformed_file_is_refused_naming_file_and_problem(name, problem):
    path = FIXTURES / "malformed" / f"{name}.json"
    with pytest.raises(DataFileError) as err:
        parse_file(path)
    assert err.value.path == str(path)
    assert problem in err.value.problem
    assert f"{name}.json" in str(err.value)


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_folder_with_one_malformed_file_is_refused_whole(tmp_path, name):
    shutil.copy(FIXTURES / "good" / "tree.json", tmp_path)
    shutil.copy(FIXTURES / "malformed" / f"{name}.json", tmp_path)
    with pytest.raises(DataFileError) as err:
        load_rulebooks(tmp_path)
    assert err.value.path.endswith(f"{name}.json")


def test_overlapping_versions_are_refused():
    with pytest.raises(DataFileError) as err:
        load_rulebooks(FIXTURES / "overlap")
    assert err.value.path.endswith("qo_2015.json")
    assert "se superpone con la de" in err.value.problem and "qo_2010.json" in err.value.problem


def test_duplicate_ids_are_refused():
    with pytest.raises(DataFileError, match="el id «fixture-qd» ya lo usa"):
        load_rulebooks(FIXTURES / "duplicate_id")


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(DataFileError, match="no existe"):
        load_rulebooks(tmp_path / "nowhere")


def _exporter(**changes):
    import json

    data = json.loads((resource_path("rulebooks") / "br.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


@pytest.mark.parametrize("changes, problem", [
    ({"categories": []}, "«categories» está vacío"),
    ({"categories": [{"code": "x", "label": {"es": "a", "en": "b"}, "criterion": {"es": "a", "en": "b"},
                      "when": {"exports": {"about": "1"}}}]}, "comparación desconocida «about»"),
    ({"criteria": {}}, "campo desconocido «criteria»"),
    ({"scope": {"sectors": ["C"]}}, "falta el campo «text» en «scope»"),
])
def test_malformed_exporter_definitions_are_refused(tmp_path, changes, problem):
    import json

    path = tmp_path / "br.json"
    path.write_text(json.dumps(_exporter(**changes)), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        parse_file(path)
    assert problem in err.value.problem and err.value.path == str(path)


def test_no_text_a_person_reads_speaks_of_thousands():
    # Ceilings stay in the source's units inside the files (money_unit), but every sentence
    # shown to people speaks of whole dollars, as the adviser types them.
    for book in load_rulebooks().books():
        texts = [book.source, book.display_title(), *book.remarks, *(n.text for n in book.notes)]
        for text in texts:
            assert "miles" not in text.es and "thousand" not in text.en, (book.id, text)
