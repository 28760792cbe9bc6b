"""Data files: the shipped questionnaire, catalogue and benchmarks load; malformed ones are refused."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest

from desktop.domain.assessment.benchmarks import load_benchmarks
from desktop.domain.assessment.catalog import FAMILIES, load_catalog
from desktop.domain.assessment.questionnaire import load_questionnaire, shipped_questionnaire
from desktop.domain.errors import DataFileError
from desktop.resources import resource_path

RAW_Q = json.loads(resource_path("questionnaires", "rumbo-preparacion.json").read_text(encoding="utf-8"))
RAW_C = json.loads(resource_path("catalog", "instrumentos.json").read_text(encoding="utf-8"))


def test_shipped_questionnaire_shape():
    q = load_questionnaire()
    assert (q.id, q.version) == ("rumbo-preparacion", "1.1.0")
    assert 10 <= len(q.dimensions) <= 12 and 40 <= len(q.questions) <= 70
    assert {x.type for x in q.questions} == {"yes_no", "level", "number", "single_choice", "multi_choice"}
    assert all(x.evidence and x.help.en and x.text.es for x in q.questions)
    assert q.question("cal.registro_sanitario").applies_if[0].value == ["agroalimentario"]


def test_earlier_questionnaire_version_stays_shipped_for_old_drafts():
    old = shipped_questionnaire("1.0.0")
    assert old is not None and old.version == "1.0.0" and old.question("est.ventaja_competitiva") is None
    assert shipped_questionnaire("1.1.0").version == "1.1.0"
    assert shipped_questionnaire("0.9.0") is None


def test_shipped_catalogue_covers_families_and_dimensions():
    q = load_questionnaire()
    cat = load_catalog(dimension_ids={d.id for d in q.dimensions})
    assert {i.family for i in cat.instruments} == set(FAMILIES)
    fontar = next(p for i in cat.instruments for p in i.programmes if p.id == "A3-5")
    assert "more than 1,500 pymes" in fontar.results.en and fontar.countries == ("AR",)


def write(tmp_path, data, name="q.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def broken(mutate):
    data = copy.deepcopy(RAW_Q)
    mutate(data)
    return data


@pytest.mark.parametrize("mutate, problem", [
    (lambda d: d["dimensions"][0]["questions"][0].update(type="slider"), "tipo desconocido «slider»"),
    (lambda d: d["dimensions"][0]["questions"][0].update(weight=0), "el peso debe ser mayor que cero"),
    (lambda d: d["dimensions"][1].update(weight="heavy"), "se esperaba un número"),
    (lambda d: d["dimensions"][1]["questions"].append(d["dimensions"][0]["questions"][0]), "id de pregunta repetido"),
    (lambda d: d["dimensions"][0]["questions"][0]["levels"].pop(), "faltan descriptores de nivel"),
    (lambda d: d["dimensions"][0]["questions"][0]["levels"][2].pop("en"), "nivel 2"),
    (lambda d: d["dimensions"][0]["questions"][0].pop("evidence"), "evidencia"),
    (lambda d: d["dimensions"][2]["questions"][3]["applies_if"][0].update(fact="planet"), "dato de empresa desconocido"),
    (lambda d: d["dimensions"][2]["questions"][3]["knock_out"].update(cap="avanzada"), "knock-out"),
    (lambda d: d.update(bands={"inicial": 0, "preparada": 60}), "«bands»"),
])
def test_malformed_questionnaire_names_file_and_problem(tmp_path, mutate, problem):
    path = write(tmp_path, broken(mutate))
    with pytest.raises(DataFileError) as err:
        load_questionnaire(path)
    assert err.value.path == str(path) and problem in err.value.problem


def test_unreadable_files_refused(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError, match="JSON"):
        load_questionnaire(path)
    with pytest.raises(DataFileError, match="no existe"):
        load_catalog(tmp_path / "missing.json")


@pytest.mark.parametrize("mutate, problem", [
    (lambda d: d["instruments"][0].update(family="magia"), "familia desconocida"),
    (lambda d: d["instruments"][0]["steps"].__delitem__(slice(1, None)), "de 3 a 5 pasos"),
    (lambda d: d["instruments"][2]["programmes"].append("A9-9"), "programa inexistente «A9-9»"),
    (lambda d: d["instruments"][0]["profiles"].append("unicornio"), "código desconocido «unicornio»"),
    (lambda d: d["instruments"][0]["gaps"].append("astrologia"), "código desconocido «astrologia»"),
    (lambda d: d["instruments"].append(d["instruments"][0]), "id ausente o repetido"),
])
def test_malformed_catalogue_names_file_and_problem(tmp_path, mutate, problem):
    data = copy.deepcopy(RAW_C)
    mutate(data)
    path = write(tmp_path, data, "c.json")
    with pytest.raises(DataFileError) as err:
        load_catalog(path, dimension_ids={d.id for d in load_questionnaire().dimensions})
    assert err.value.path == str(path) and problem in err.value.problem
