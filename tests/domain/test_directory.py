"""The centre's programme directory in the domain: checking a programme, its status, who qualifies."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from desktop.domain.directory import (
    CURRENT,
    EXPIRED,
    NOT_YET,
    UNCHECKED,
    check_programme,
    eligibility_text,
    programme_from_row,
    programmes_for,
    qualifies,
    status,
)
from desktop.domain.errors import UserError

TODAY = dt.date(2026, 12, 8)
GOOD = {"name": "Crédito Crece", "institution": "Banco de ejemplo", "country": "El Salvador",
        "instruments": "Fondos de garantía y crédito con tasas preferentes; fin_lineas_credito",
        "sizes": "micro, pequeña", "sectors": "agroalimentario", "stages": "indirecta; ocasional",
        "requires_registration": "sí", "phone": "2222 3333", "web": "www.example.org/credito",
        "territory": "San Miguel, La Unión", "valid_from": "01/01/2026", "valid_to": "2027-12-31",
        "checked_on": "15/11/2026", "eligibility": "Ventas hasta un millón de dólares"}


def programme(**changes):
    return programme_from_row({"id": "p1", **check_programme({**GOOD, **changes}, TODAY)})


def test_a_programme_as_a_coordinator_writes_it_is_stored_as_codes():
    values = check_programme(GOOD, TODAY)
    assert values == {
        "name": "Crédito Crece", "institution": "Banco de ejemplo", "country": "SV",
        "territory": ["San Miguel", "La Unión"], "family": "financiamiento",
        "instruments": ["fin_credito_garantias", "fin_lineas_credito"], "sizes": ["micro", "pequena"],
        "sectors": ["agroalimentario"], "stages": ["indirect_exporter", "occasional_direct"],
        "requires_registration": True, "eligibility": "Ventas hasta un millón de dólares", "contact_name": None,
        "phone": "+50322223333", "email": None, "web": "https://www.example.org/credito",
        "valid_from": "2026-01-01", "valid_to": "2027-12-31", "checked_on": "2026-11-15", "source": None,
    }


def test_words_in_english_and_any_mean_the_same_codes():
    values = check_programme({**GOOD, "sizes": "todas", "stages": "Occasional direct exporter",
                              "territory": "Nacional", "family": "Financing", "instruments": ""}, TODAY)
    assert (values["sizes"], values["stages"], values["territory"], values["family"], values["instruments"]) == (
        [], ["occasional_direct"], [], "financiamiento", [])


@pytest.mark.parametrize("changes, field, sentence", [
    ({"name": " "}, "name", "Falta el nombre del programa."),
    ({"institution": ""}, "institution", "Falta la institución que ofrece el programa."),
    ({"country": "Atlántida"}, "country",
     "«Atlántida» no es un país reconocido; use su código de dos letras, como SV."),
    ({"family": "subsidios", "instruments": ""}, "family",
     "La familia «subsidios» no existe; use financiamiento, innovación, articulación, mercados o formalización."),
    ({"family": "mercados"}, "instruments", "El instrumento «Fondos de garantía y crédito con tasas preferentes» es "
     "de la familia «Financiamiento», no de «Acceso a mercados y promoción de exportaciones»."),
    ({"instruments": "Subsidio mágico"}, "instruments",
     "El instrumento «Subsidio mágico» no está en el catálogo; use su nombre tal como lo muestra Rumbo."),
    ({"family": "", "instruments": ""}, "family",
     "Indique la familia de instrumentos del programa (o sus instrumentos)."),
    ({"sizes": "grande"}, "sizes", "El tamaño «grande» no se reconoce; use micro, pequeña o mediana."),
    ({"stages": "lunar"}, "stages", "La etapa «lunar» no se reconoce; use local, indirecta, ocasional, regular o "
     "varios mercados."),
    ({"requires_registration": "quizás"}, "requires_registration",
     "«Requiere inscripción legal» debe ser sí o no, no «quizás»."),
    ({"phone": "12"}, "phone", "El teléfono «12» no es un número válido de El Salvador."),
    ({"email": "ventas arroba banco"}, "email",
     "El correo electrónico «ventas arroba banco» no tiene la forma nombre@dominio.ext."),
    ({"web": "no es una web"}, "web", "La dirección web «no es una web» no es válida; escríbala como "
     "www.ejemplo.gob.sv."),
    ({"phone": "", "web": "", "email": ""}, "phone",
     "Indique al menos un teléfono, un correo o una página web para contactar el programa."),
    ({"valid_to": "31/12/2025"}, "valid_to",
     "La fecha «vigente hasta» (31/12/2025) es anterior a «vigente desde» (01/01/2026)."),
    ({"checked_on": "32/01/2026"}, "checked_on",
     "La fecha de verificación debe ser una fecha como 31/03/2026, no «32/01/2026»."),
    ({"checked_on": "09/12/2026"}, "checked_on", "La fecha de verificación (09/12/2026) es posterior a hoy."),
    ({"name": "x" * 201}, "name", "El nombre del programa es demasiado largo (más de 200 caracteres)."),
    ({"source": "x" * 501}, "source", "La fuente es demasiado larga (más de 500 caracteres)."),
])
def test_each_problem_is_one_sentence_naming_its_field(changes, field, sentence):
    with pytest.raises(UserError) as refused:
        check_programme({**GOOD, **changes}, TODAY)
    assert (refused.value.field, refused.value.message) == (field, sentence)


def test_control_characters_and_runs_of_spaces_are_cleaned():
    values = check_programme({**GOOD, "name": "Crédito\x00  Crece\t2026", "contact_name": "Ana\nRuiz"}, TODAY)
    assert (values["name"], values["contact_name"]) == ("Crédito Crece 2026", "Ana Ruiz")


@pytest.mark.parametrize("changes, today, expected", [
    ({}, TODAY, CURRENT),
    ({}, dt.date(2028, 1, 1), EXPIRED),  # past its end
    ({"valid_to": ""}, dt.date(2027, 11, 15), CURRENT),  # checked exactly a year before is still within the year
    ({"valid_to": ""}, dt.date(2027, 11, 16), UNCHECKED),  # a day more and it is flagged
    ({"checked_on": ""}, TODAY, UNCHECKED),  # never checked
    ({"valid_from": "01/01/2027", "valid_to": ""}, TODAY, NOT_YET),
])
def test_a_programme_is_current_within_its_dates_and_checked_in_the_last_year(changes, today, expected):
    assert status(programme(**changes), today) == expected


def test_the_year_before_29_february_is_28_february():
    p = programme_from_row({**check_programme({**GOOD, "valid_to": ""}, TODAY), "checked_on": "2027-02-28"})
    assert status(p, dt.date(2028, 2, 29)) == CURRENT
    assert status(p, dt.date(2028, 3, 1)) == UNCHECKED


FIRM = {"country": "SV", "size_class": "pequena", "sector_type": "agroalimentario", "stage": "indirect_exporter",
        "formal_registration": True}


@pytest.mark.parametrize("facts, department, fits", [
    (FIRM, "San Miguel", True),
    (FIRM, "san miguel", True),  # departments compared without case or accents
    (FIRM, "Santa Ana", False),  # outside the programme's territory
    ({**FIRM, "country": "GT"}, None, False),
    ({**FIRM, "size_class": "mediana"}, None, False),
    ({**FIRM, "sector_type": "servicios"}, None, False),
    ({**FIRM, "stage": "local_only"}, None, False),
    ({**FIRM, "formal_registration": False}, None, False),  # requires registration; the firm is informal
    ({"country": "SV"}, None, True),  # unknown facts do not exclude: the eligibility is printed beside it
])
def test_a_firm_qualifies_unless_something_known_rules_it_out(facts, department, fits):
    assert qualifies(programme(), facts, department) is fits


def _rec(instrument_id, family, kind="instrument"):
    return SimpleNamespace(instrument_id=instrument_id, family=family, kind=kind)


def test_each_recommendation_gets_the_current_programmes_that_serve_it_named_ones_first():
    named = programme(name="B nombra el instrumento")
    family = programme_from_row({"id": "p2", **check_programme(
        {**GOOD, "name": "A toda la familia", "instruments": "", "family": "financiamiento"}, TODAY)})
    expired = programme_from_row({"id": "p3", **check_programme({**GOOD, "name": "Vencido", "valid_from": "",
                                                                 "valid_to": "30/11/2026"}, TODAY)})
    formal = programme_from_row({"id": "p4", **check_programme(
        {**GOOD, "name": "Formalízate", "instruments": "Inscripción legal de la empresa", "requires_registration": "no",
         "sizes": "", "stages": ""}, TODAY)})
    recs = [_rec("fin_lineas_credito", "financiamiento"), _rec("fin_microfinanzas", "financiamiento"),
            _rec("mkt_tramites", "mercados"), _rec("pre_inscripcion", "condicion_previa", "precondition")]
    found = programmes_for(recs, [family, expired, named, formal], FIRM, TODAY, "San Miguel")
    assert {k: [p.name for p in v] for k, v in found.items()} == {
        "fin_lineas_credito": ["B nombra el instrumento", "A toda la familia"],
        "fin_microfinanzas": ["A toda la familia"],
        "pre_inscripcion": ["Formalízate"],
    }


def test_eligibility_in_plain_words_in_both_languages():
    p = programme()
    assert eligibility_text(p) == ("Para microempresas y pequeñas empresas del sector agroalimentario que exportan de "
                                   "forma indirecta o que exportan directamente de vez en cuando, inscritas "
                                   "legalmente. Ventas hasta un millón de dólares.")
    assert eligibility_text(p, "en") == ("For micro-firms and small firms in agri-food exporting indirectly or "
                                         "exporting directly now and then, legally registered. Ventas hasta un "
                                         "millón de dólares.")
    open_to_all = programme(sizes="", sectors="", stages="", requires_registration="no", eligibility="")
    assert eligibility_text(open_to_all) == "Abierto a cualquier empresa."
    assert (p.phone_text(), p.territory_text()) == ("+503 2222 3333", "San Miguel y La Unión")
