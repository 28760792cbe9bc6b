"""``rumbo classify``: the command-line contract, in a real subprocess and in-process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "classify", *args],
                          capture_output=True, text=True, cwd=ROOT)


# --- subprocess: the real entry point ---------------------------------------------------

def test_json_output_has_the_contract_keys():
    out = run("--country", "CR", "--employees", "20", "--sales-usd", "500000", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"country", "size_class", "is_mipyme", "criteria", "rule", "rulebook", "notes"} <= set(data)
    assert data["country"] == "CR" and data["size_class"] == "mediana" and data["is_mipyme"] is True
    assert data["criteria"]["employees"] == {"value": 20, "size_class": "pequena", "ceiling": 35}
    assert data["criteria"]["sales"]["size_class"] == "mediana"
    assert data["rule"] == "highest(employees, assets, sales)"
    assert data["rulebook"]["id"] == "cepal-cuadro1-cr" and data["rulebook"]["version"] == "1"
    assert data["rulebook"]["title"] == "Definición de mipyme de Costa Rica (CEPAL, Cuadro 1)"
    assert data["rule_text"] == "se toma el tamaño mayor entre empleados, activos y ventas"
    assert data["notes"][0].startswith("Los criterios no coinciden: decide ventas")
    assert "exporter" not in data
    assert out.stderr == ""


def test_text_output_is_readable_spanish():
    out = run("--country", "pa", "--sales-usd", "150001")
    assert out.returncode == 0
    study, law = out.stdout.split("\n\n")  # the study's table, then the law in force
    lines = study.splitlines()
    assert lines[0] == "Panamá: Pequeña empresa (mipyme)"
    assert lines[1] == "Pequeña empresa según ventas brutas: 150.001 USD, dentro del tope de 1.000.000 USD."
    assert "  ventas brutas: 150.001 USD -> Pequeña empresa (tope 1.000.000 USD)" in lines
    assert any(line.startswith("Normativa aplicada: Definición de mipyme de Panamá (CEPAL, Cuadro 1), versión 1 "
                               "(aplicada el ") for line in lines)
    assert "Regla: solo cuentan las ventas brutas" in lines
    assert lines[-1] == "Detalles: cepal-cuadro1-pa 1; highest(sales)"  # the ids, last and apart
    assert not any("cepal-" in line or "highest" in line for line in lines[:-1])
    law_lines = law.splitlines()
    assert law_lines[0] == "Según la ley vigente: Pequeña empresa"
    assert "Ley aplicada: Ley 33 de 2000 de Panamá (micro, pequeña y mediana empresa), versión 2000 " \
           "(pa-ley-33-2000@2000)" in law_lines
    assert any(line.startswith("Fuente: Ley N.º 33 de 25 de julio de 2000") and "artículo 2" in line
               for line in law_lines)
    assert law_lines[-1] == "Las dos clases coinciden."


def test_text_output_words_the_rule_and_definition_in_english():
    out = subprocess.run([sys.executable, "-m", "desktop", "--lang", "en", "classify", "--country", "SV",
                          "--employees", "14", "--sales-usd", "250000"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    study, law = out.stdout.split("\n\n")
    lines = study.splitlines()
    assert "Rule: the larger size given by employees and sales" in lines
    assert any(line.startswith("Rules applied: MSME definition of El Salvador (ECLAC, Table 1), version 1")
               for line in lines)
    assert lines[-1] == "Details: cepal-cuadro1-sv 1; highest(employees, sales)"
    assert law.splitlines()[:2] == [
        "Under the law in force: No legal definition",
        "No legal size definition is loaded for El Salvador; the study's table class stands. "
        "A coordinator can import one in Settings → Size definitions."]


def test_json_keeps_the_studys_class_and_adds_the_law_object():
    out = run("--country", "PA", "--sales-usd", "150000.01", "--date", "2026-05-01", "--json")
    data = json.loads(out.stdout)
    assert data["size_class"] == "pequena" and data["rulebook"]["id"] == "cepal-cuadro1-pa"
    law = data["law"]
    assert (law["class"], law["subclass"], law["on_date"]) == ("pequena", None, "2026-05-01")
    assert law["rulebook"]["id"] == "pa-ley-33-2000" and law["rulebook"]["version"] == "2000"
    assert "Gaceta Oficial N.º 24106" in law["rulebook"]["source"]
    assert law["reason"] == "Pequeña empresa según ventas brutas: 150.000,01 USD, dentro del tope de 1.000.000 USD."
    assert law["criteria"]["sales"] == {"value": "150000.01", "size_class": "pequena", "ceiling": 1000000}


def test_json_law_before_the_law_was_published():
    data = json.loads(run("--country", "PA", "--sales-usd", "100", "--date", "2000-07-27", "--json").stdout)
    assert data["size_class"] == "micro"
    assert data["law"]["class"] is None and data["law"]["rulebook"] is None
    assert "rige desde el 2000-07-28" in data["law"]["reason"]


def test_json_law_is_null_where_no_law_is_loaded():
    data = json.loads(run("--country", "SV", "--employees", "4", "--json").stdout)
    assert data["size_class"] == "micro"
    assert data["law"]["class"] is None and data["law"]["rulebook"] is None
    assert data["law"]["reason"].startswith("No hay una definición legal de tamaño cargada para El Salvador")


@pytest.mark.parametrize("args, message", [
    (("--country", "XX", "--employees", "3"),
     "No hay una definición de tamaño para el país «XX». Países disponibles: CR, DO, GT, HN, NI, PA, SV; "
     "solo definición de exportadora: AR, BR, CL."),
    (("--country", "CR", "--employees", "-5"), "El valor de --employees no puede ser negativo: «-5»."),
    (("--country", "CR", "--sales-usd=-1"), "El valor de --sales-usd no puede ser negativo: «-1»."),
    (("--country", "CR", "--assets-usd", "mucho"),
     "El valor de --assets-usd debe ser un número sin separadores de miles (por ejemplo 125000), no «mucho»."),
    (("--country", "CR", "--sales-usd", "1,000"),
     "El valor de --sales-usd debe ser un número sin separadores de miles (por ejemplo 125000), no «1,000»."),
    (("--country", "CR", "--employees", "2.5"), "El valor de --employees debe ser un número entero, no «2.5»."),
    (("--country", "CR", "--employees", "3", "--date", "ayer"),
     "La fecha de --date debe tener la forma AAAA-MM-DD, no «ayer»."),
])
def test_bad_input_exits_2_with_one_spanish_sentence(args, message):
    out = run(*args, "--json")
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr == message + "\n"


def test_missing_country_is_a_usage_error():
    out = run("--employees", "3")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("Error de uso:")


def test_exporter_appears_when_exports_are_given():
    out = run("--country", "BR", "--exports-usd", "100000", "--employees", "20", "--json")
    assert out.returncode == 0
    data = json.loads(out.stdout)
    assert data["size_class"] == "sin_clasificar" and data["is_mipyme"] is False
    assert data["exporter"]["is_exporter"] is True
    assert data["exporter"]["category"] == "micro_exportadora"
    assert data["notes"][0] == "La fuente no da una tabla de tamaño para Brasil; solo su definición de mipyme exportadora."


# --- in-process through desktop.cli.main --------------------------------------------------

def test_main_returns_0_and_prints_json(capsys):
    assert main(["classify", "--country", "NI", "--sales-usd", "20000", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["size_class"] == "micro"
    assert any("errata" in n for n in data["notes"])


def test_main_english_with_lang(capsys):
    assert main(["--lang", "en", "classify", "--country", "GT", "--employees", "61"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Guatemala: Large firm (not an MSME)\n")
    assert "Large firm by number of employees: 61, above the medium-firm ceiling of 60." in out


def test_main_bad_input_returns_2(capsys):
    assert main(["classify", "--country", "SV", "--employees", "diez"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "El valor de --employees debe ser un número sin separadores de miles (por ejemplo 125000), no «diez».\n"


def test_main_sector_and_date(capsys):
    assert main(["classify", "--country", "CR", "--employees", "0", "--sector", "1071",
                 "--date", "2020-05-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sector"] == "1071" and data["on_date"] == "2020-05-01"
    assert data["size_class"] == "micro"
    assert "0 empleados (autoempleo) cuenta como microempresa." in data["notes"]


def test_main_date_before_rulebook_classifies_with_a_note(capsys):
    assert main(["classify", "--country", "CR", "--employees", "3", "--date", "2000-01-01"]) == 0
    out = capsys.readouterr().out
    assert "micro" in out.lower()
    assert "2000-01-01 es anterior a la definición de Costa Rica que Rumbo aplica desde 2010" in out


def test_main_boundary_values_exactly(capsys):
    for sales, expected in (("1040500", "mediana"), ("1040500.00", "mediana"), ("1040500.01", "grande")):
        assert main(["classify", "--country", "CR", "--sales-usd", sales, "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["size_class"] == expected


def test_help_and_output_say_amounts_are_whole_dollars():
    from desktop.domain.sizing import MONEY_UNITS_NOTE

    help_text = " ".join(run("--help").stdout.split())
    assert MONEY_UNITS_NOTE.es in help_text
    out = run("--country", "SV", "--sales-usd", "250000").stdout
    assert "250.000 USD -> Pequeña empresa (tope 1.000.000 USD)" in out
    assert "miles" not in out
