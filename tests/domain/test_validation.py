"""Field rules: tax ids per country, phones, e-mail, amounts, counts, years, whole records."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from desktop.domain.errors import UserError
from desktop.domain.registry.validation import (
    check_email,
    check_phone,
    check_tax_id,
    clean_firm,
    parse_amount,
    parse_int,
    rounding_note,
    tax_id_info,
    tax_id_note,
    validate_firm,
)

VALID_TAX_IDS = [
    ("SV", "0614-290186-102-2", "06142901861022", "NIT"),
    ("GT", "576937-K", "576937K", "NIT"),
    ("CR", "3-101-123456", "3101123456", "cedula_juridica"),
    ("CR", "1-1234-0123", "0112340123", "cedula_fisica"),
    ("DO", "101-01063-2", "101010632", "RNC"),
    ("DO", "001-1391820-5", "00113918205", "cedula"),
    ("MX", "GODE561231GR8", "GODE561231GR8", "RFC"),
    ("CO", "213.123.432-1", "2131234321", "NIT"),
    ("AR", "20-26756539-3", "20267565393", "CUIT"),
    ("BR", "16.727.230/0001-97", "16727230000197", "CNPJ"),
    ("CL", "76086428-5", "760864285", "RUT"),
    ("PE", "20512333797", "20512333797", "RUC"),
    ("HN", "0801-1990-123456", "08011990123456", "RTN"),
    ("NI", "J0310000000001", "J0310000000001", "RUC"),
    ("NI", "001-010190-0001A", "0010101900001A", "RUC"),
    ("PA", "155612345-2-2016", "155612345-2-2016", "RUC"),
    ("PA", "8-123-456", "8-123-456", "RUC"),
]

INVALID_TAX_IDS = [
    ("SV", "0614-290186-102-3", "dígito verificador"),
    ("GT", "576937-1", "dígito verificador"),
    ("CR", "9-101-123456", "Costa Rica"),
    ("DO", "101010633", "dígito verificador"),
    ("DO", "00113918204", "dígito verificador"),
    ("MX", "GODE561331GR8", "México"),  # month 13; stdnum does not check the RFC check digit
    ("CO", "213.123.432-2", "dígito verificador"),
    ("AR", "20-26756539-4", "dígito verificador"),
    ("BR", "16.727.230/0001-98", "dígito verificador"),
    ("CL", "76086428-4", "dígito verificador"),
    ("PE", "20512333798", "dígito verificador"),
    ("SV", "12345", "cantidad de dígitos"),
    ("HN", "0801-1990-1234", "14 dígitos"),
    ("NI", "X12", "Nicaragua"),
    ("PA", "hola", "Panamá"),
]


@pytest.mark.parametrize("country,typed,compact,kind", VALID_TAX_IDS)
def test_valid_tax_ids_are_compacted_and_typed(country, typed, compact, kind):
    assert check_tax_id(country, typed) == (compact, None)
    assert tax_id_info(country, typed) == (compact, kind, None)


@pytest.mark.parametrize("country,typed,phrase", INVALID_TAX_IDS)
def test_invalid_tax_ids_get_one_spanish_sentence(country, typed, phrase):
    compact, message = check_tax_id(country, typed)
    assert compact is None
    assert phrase in message and typed in message and message.endswith(".")


def test_blank_tax_id_is_neither_value_nor_error():
    assert check_tax_id("SV", "  ") == (None, None)


def test_format_only_countries_carry_a_note_and_others_do_not():
    assert "no se verifica dígito verificador" in tax_id_note("HN")
    assert "RUC" in tax_id_note("PA")
    assert tax_id_note("SV") is None


def test_unknown_country_tax_id_is_kept_compacted():
    assert check_tax_id("US", " 12-34 56 ") == ("12-3456", None)


def test_phone_normalised_to_e164_or_refused():
    assert check_phone("SV", "2222-3333") == ("+50322223333", None)
    assert check_phone("GT", "+503 7000 1234") == ("+50370001234", None)
    assert check_phone("DO", "809-555-1234")[0] == "+18095551234"
    none, message = check_phone("CR", "123")
    assert none is None and "Costa Rica" in message
    assert check_phone("SV", "") == (None, None)


def test_email_basic_shape():
    assert check_email(" ana@cafe.com.sv ") == ("ana@cafe.com.sv", None)
    for bad in ("ana", "ana@cafe", "ana @cafe.com", "a@b@c.com", "<x>@y.com"):
        assert check_email(bad)[0] is None
        assert "nombre@dominio.ext" in check_email(bad)[1]


@pytest.mark.parametrize("text,expected", [
    ("1.234,56", "1234.56"), ("1,234.56", "1234.56"), ("1234,5", "1234.5"), ("$ 1 234", "1234"),
    ("1.234", "1234"), ("1,234", "1234"), ("1.234.567", "1234567"), ("US$ 2.500,00", "2500.00"),
    ("₡1 000 000", "1000000"), ("0", "0"), (1500, "1500"), (12.5, "12.5"), ("12.0", "12.0"),
])
def test_parse_amount_reads_both_conventions(text, expected):
    assert parse_amount(text) == Decimal(expected)


def test_parse_amount_single_separator_can_prefer_decimal_for_rates():
    assert parse_amount("7.825", "usd_rate", prefer_decimal=True) == Decimal("7.825")
    assert parse_amount("7.825") == Decimal("7825")


@pytest.mark.parametrize("text,phrase", [("-5", "negativos"), ("(300)", "negativos"), ("abc", "número"),
                                         ("1e5", "número"), ("12-3", "número"), ("nan", "número")])
def test_parse_amount_rejects_negatives_and_garbage_naming_the_field(text, phrase):
    with pytest.raises(UserError) as info:
        parse_amount(text, "assets_amount")
    assert info.value.field == "assets_amount"
    assert "Activos" in info.value.message and phrase in info.value.message


def test_parse_amount_blank_is_none():
    assert parse_amount("  ") is None and parse_amount(None) is None


def test_parse_int_bounds_and_wholeness():
    assert parse_int("1.200") == 1200
    assert parse_int(12.0) == 12
    assert parse_int("") is None
    with pytest.raises(UserError, match="entero"):
        parse_int("2,5", "employees")
    with pytest.raises(UserError, match="entre 0 y 10"):
        parse_int("11", "employees", 0, 10)


@pytest.mark.parametrize("field,value,message", [
    ("employees", "1.234,56", "El campo «Empleados» debe ser un número entero, como 12, no «1.234,56»."),
    ("employees", "doce", "El campo «Empleados» debe ser un número entero, como 12, no «doce»."),
    ("employees_women", "2,5", "El campo «Empleadas mujeres» debe ser un número entero, como 12, no «2,5»."),
    ("employees_men", 3.5, "El campo «Empleados hombres» debe ser un número entero, como 12, no «3.5»."),
    ("year_founded", "mil novecientos", "El campo «Año de fundación» debe ser un número entero, como 1998, "
                                        "no «mil novecientos»."),
])
def test_counts_and_years_are_refused_with_a_whole_number_example(field, value, message):
    assert validate_firm(_firm(**{field: value})) == {field: message}


@pytest.mark.parametrize("field", ["sales_amount", "assets_amount", "exports_amount"])
def test_money_keeps_the_decimal_example(field):
    message = validate_firm(_firm(**{field: "mucho"}))[field]
    assert "debe ser un número como 1.234,56, no «mucho»." in message


def test_rounded_amounts_are_reported_as_typed_and_as_stored():
    rounded = {}
    record, errors = clean_firm(_firm(sales_amount="85.000,50", assets_amount=1234.4, exports_amount="1.000"),
                                rounded)
    assert errors == {}
    assert (record["sales_amount"], record["sales_usd"], record["assets_amount"]) == ("85001", 85001, "1234")
    assert rounded == {"sales_amount": ("85.000,50", "85.001"), "assets_amount": ("1.234,4", "1.234")}
    assert rounding_note("sales_amount", *rounded["sales_amount"]) == "Ventas anuales de 85.000,50 a 85.001"
    # Whole amounts, and callers that do not ask, are not told anything.
    untouched = {}
    clean_firm(_firm(sales_amount="85.000", assets_amount="12,00"), untouched)
    assert untouched == {}
    assert clean_firm(_firm(sales_amount="85.000,50"))[0]["sales_amount"] == "85001"


def _firm(**extra):
    return {"legal_name": "Café Las Nubes, S.A. de C.V.", "country": "SV", **extra}


def test_minimal_firm_is_valid_and_required_fields_are_reported():
    assert validate_firm(_firm()) == {}
    errors = validate_firm({"legal_name": " ", "country": ""})
    assert errors == {"legal_name": "Falta la razón social de la empresa.", "country": "Falta el país de la empresa."}


@pytest.mark.parametrize("field,value,phrase", [
    ("country", "Atlantis", "no se reconoce"),
    ("tax_id", "0614-290186-102-3", "dígito verificador"),
    ("employees", "-3", "negativos"),
    ("employees", "1000001", "entre 0 y 1.000.000"),
    ("employees_women", "dos", "número"),
    ("year_founded", "1799", "entre 1800"),
    ("year_founded", str(datetime.date.today().year + 1), "entre 1800"),
    ("sales_amount", "-1", "negativos"),
    ("exports_amount", "mucho", "número"),
    ("email", "ventas@", "nombre@dominio.ext"),
    ("phone", "12", "no es un número válido"),
    ("owner_gender", "Q", "F (mujer), M (hombre) o X"),
    ("contact_gender", "7", "F (mujer)"),
    ("sector_isic", "ZZ9", "CIIU"),
    ("legal_form", "banda de rock", "forma jurídica"),
    ("formal_registration", "quizás", "«sí» o «no»"),
    ("currency", "XYZ", "ISO 4217"),
    ("legal_name", "x" * 301, "demasiado largo"),
])
def test_each_field_kind_gets_its_own_message(field, value, phrase):
    errors = validate_firm(_firm(**{field: value}))
    assert list(errors) == [field]
    assert phrase in errors[field]


def test_local_currency_needs_a_rate_and_usd_needs_rate_one():
    assert "tipo de cambio" in validate_firm(_firm(currency="GTQ", sales_amount="100"))["usd_rate"]
    assert "debe ser 1" in validate_firm(_firm(usd_rate="7.8"))["usd_rate"]
    assert "mayor que cero" in validate_firm(_firm(currency="GTQ", usd_rate="0"))["usd_rate"]


def test_total_employees_cannot_be_below_women_plus_men():
    assert "menor que la suma" in validate_firm(_firm(employees="3", employees_women="2", employees_men="2"))["employees"]


def test_clean_firm_normalises_and_derives():
    record, errors = clean_firm(_firm(
        country="el salvador", tax_id="0614-290186-102-2", phone="2222 3333", employees_women="2",
        employees_men="3", currency="gtq", usd_rate="7,75", sales_amount="1.550.000", exports_amount="77.500",
        owner_gender="mujer", formal_registration="Sí", legal_form="S.A. de C.V.", sector_isic="1071",
        municipality="  San   Salvador ",
    ))
    assert errors == {}
    assert record["country"] == "SV" and record["tax_id"] == "06142901861022" and record["tax_id_type"] == "NIT"
    assert record["phone"] == "+50322223333"
    assert record["employees"] == 5
    assert record["currency"] == "GTQ" and record["usd_rate"] == "7.75"
    assert record["sales_amount"] == "1550000" and record["sales_usd"] == 200000
    assert record["exports_usd"] == 10000 and record["assets_usd"] is None
    assert record["owner_gender"] == "F" and record["formal_registration"] is True
    assert record["legal_form"] == "sociedad_anonima"
    assert record["municipality"] == "San Salvador"


def test_validate_firm_accepts_typed_canonical_values():
    assert validate_firm(_firm(employees=4, year_founded=1999, formal_registration=False, sales_amount="1200",
                               usd_rate="1", owner_gender="X")) == {}
