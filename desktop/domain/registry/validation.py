"""Field rules for firm records: tax ids, phones, e-mail, amounts, counts, years.

Two audiences use this module:

* forms, while the adviser types, call the single-field helpers
  (:func:`check_tax_id`, :func:`check_phone`, :func:`check_email`,
  :func:`parse_amount`, :func:`parse_int`), which return the cleaned value or a
  Spanish sentence;
* the importer and the firm services call :func:`clean_firm` (cleaned record
  plus errors) or :func:`validate_firm` (errors only) on a whole record.

Tax ids are checked with python-stdnum where it knows the country (the
checksum included). Honduras, Nicaragua and Panama have no stdnum module, so
only the shape is checked (see :data:`TAX_ID_FORMATS`) and
:func:`tax_id_note` says that no check digit was verified.

An import cleans every row, so phones, tax ids and amounts in their usual plain
form take fast paths that give what phonenumbers, python-stdnum and Decimal give
(tests/domain/test_validation_fast.py compares them on generated input); any
other input goes to the libraries.
"""

from __future__ import annotations

import re
import time as _time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from importlib import import_module
from typing import Any

import pycountry
from babel import Locale
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidLength, ValidationError

from desktop.domain.errors import UserError
from desktop.domain.registry import phones

# Spanish labels used in messages (and by the importer for column names).
FIELD_LABELS = {
    "legal_name": "Razón social", "trade_name": "Nombre comercial", "tax_id": "Identificación tributaria",
    "tax_id_type": "Tipo de identificación", "country": "País", "department": "Departamento",
    "municipality": "Municipio", "address": "Dirección", "sector_isic": "Actividad (CIIU)",
    "year_founded": "Año de fundación", "legal_form": "Forma jurídica",
    "formal_registration": "Registro formal", "employees_women": "Empleadas mujeres",
    "employees_men": "Empleados hombres", "employees": "Empleados", "currency": "Moneda",
    "usd_rate": "Tipo de cambio", "sales_amount": "Ventas anuales", "assets_amount": "Activos",
    "exports_amount": "Exportaciones anuales", "owner_name": "Propietario", "owner_gender": "Sexo del propietario",
    "contact_name": "Persona de contacto", "contact_gender": "Sexo del contacto", "phone": "Teléfono",
    "email": "Correo electrónico", "notes": "Notas", "adviser_id": "Asesor",
    # The advisory record's numbers (desktop.domain.advisory).
    "minutes": "Duración (minutos)", "amount": "Monto", "jobs_women": "Empleos de mujeres",
    "jobs_men": "Empleos de hombres",
}

# country -> ordered (tax_id_type, stdnum module); the first module that accepts a value names its type.
STDNUM_TAX_IDS: dict[str, tuple[tuple[str, str], ...]] = {
    "SV": (("NIT", "sv.nit"),),
    "GT": (("NIT", "gt.nit"),),
    "CR": (("cedula_juridica", "cr.cpj"), ("cedula_fisica", "cr.cpf"), ("cedula_residencia", "cr.cr")),
    "DO": (("RNC", "do.rnc"), ("cedula", "do.cedula")),
    "MX": (("RFC", "mx.rfc"),),
    "CO": (("NIT", "co.nit"),),
    "AR": (("CUIT", "ar.cuit"),),
    "BR": (("CNPJ", "br.cnpj"), ("CPF", "br.cpf")),
    "CL": (("RUT", "cl.rut"),),
    "PE": (("RUC", "pe.ruc"),),
}

TAX_ID_LABELS = {"cedula_juridica": "cédula jurídica", "cedula_fisica": "cédula física",
                 "cedula_residencia": "DIMEX", "cedula": "cédula"}

# Countries without a stdnum module: (type, compiled pattern on the compacted value, description).
# HN RTN: 14 digits (13-digit identity number plus one, or the firm's number).
# NI RUC: "J" + 13 digits for legal persons; a natural person's cédula, 13 digits
#   and a letter (001-010190-0001A), or a letter + 13 digits for other registrations.
# PA RUC: loose: groups of digits (or the identity prefixes PE, E, N, AV, PI)
#   separated by hyphens, e.g. 8-123-456 or 155612345-2-2016, optionally "DV nn".
TAX_ID_FORMATS: dict[str, tuple[str, re.Pattern, str]] = {
    "HN": ("RTN", re.compile(r"\d{14}"), "14 dígitos"),
    "NI": ("RUC", re.compile(r"[A-Z]\d{13}|\d{13}[A-Z]"), "una letra y 13 dígitos (J0310000000001) o 13 dígitos y una letra"),
    "PA": ("RUC", re.compile(r"(?:\d{1,12}|PE|E|N|\d{0,2}(?:AV|PI))(?:-\d{1,9}){1,3}(?:DV\d{1,2})?"),
           "grupos de dígitos separados por guiones, como 8-123-456 o 155612345-2-2016"),
}

LEGAL_FORMS = ("persona_natural", "sociedad_anonima", "sociedad_responsabilidad_limitada",
               "cooperativa", "asociacion", "empresa_individual", "otra")
_LEGAL_FORM_WORDS = {
    "persona natural": "persona_natural", "comerciante individual": "persona_natural",
    "sociedad anonima": "sociedad_anonima", "sa": "sociedad_anonima", "sa de cv": "sociedad_anonima",
    "sociedad de responsabilidad limitada": "sociedad_responsabilidad_limitada",
    "srl": "sociedad_responsabilidad_limitada", "ltda": "sociedad_responsabilidad_limitada",
    "cooperativa": "cooperativa", "asociacion": "asociacion", "fundacion": "asociacion",
    "empresa individual": "empresa_individual", "eirl": "empresa_individual", "otra": "otra", "otro": "otra",
    "asociacion o fundacion": "asociacion", "empresa individual eirl": "empresa_individual",
    "natural person": "persona_natural", "sole trader": "persona_natural", "corporation": "sociedad_anonima",
    "limited liability company": "sociedad_responsabilidad_limitada", "llc": "sociedad_responsabilidad_limitada",
    "cooperative": "cooperativa", "association or foundation": "asociacion", "association": "asociacion",
    "foundation": "asociacion", "individual enterprise eirl": "empresa_individual",
    "individual enterprise": "empresa_individual", "other": "otra",
}
# How exports word each legal form; the importer reads every one of these back.
LEGAL_FORM_LABELS: dict[str, tuple[str, str]] = {
    "persona_natural": ("Persona natural", "Natural person"),
    "sociedad_anonima": ("Sociedad anónima", "Corporation"),
    "sociedad_responsabilidad_limitada": ("Sociedad de responsabilidad limitada", "Limited liability company"),
    "cooperativa": ("Cooperativa", "Cooperative"),
    "asociacion": ("Asociación o fundación", "Association or foundation"),
    "empresa_individual": ("Empresa individual (EIRL)", "Individual enterprise (EIRL)"),
    "otra": ("Otra", "Other"),
}
_GENDERS = {"f": "F", "femenino": "F", "mujer": "F", "female": "F", "woman": "F",
            "m": "M", "masculino": "M", "hombre": "M", "male": "M", "man": "M",
            "x": "X", "otro": "X", "otra": "X", "no indica": "X", "other": "X", "prefiere no decir": "X"}
_GENDER_CODES = frozenset(_GENDERS.values())
_YES = {"si", "sí", "s", "yes", "y", "true", "verdadero", "1", "x"}
_NO = {"no", "n", "false", "falso", "0"}

MAX_EMPLOYEES = 1_000_000
MIN_YEAR = 1800
# Longest text accepted per field; anything longer is almost surely a broken file.
_MAX_LEN = {"notes": 10_000, "address": 1_000}
_MULTILINE = ("notes",)  # free text whose line breaks are the adviser's
_DEFAULT_MAX_LEN = 300
_EMAIL = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[A-Za-z]{2,}")
_ISIC = re.compile(r"[A-U]|\d{2,4}")
_ES = Locale("es")


def country_name(country: str) -> str:
    """The Spanish name of a country code, or the code itself when unknown."""
    return _ES.territories.get(country, country)


def _label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- tax ids -----------------------------------------------------------------

def tax_id_info(country: str | None, value: Any) -> tuple[str | None, str | None, str | None]:
    """Check a tax id for a country and say what kind it is.

    Returns:
        ``(compact_value, tax_id_type, message)``: the compacted id and its type
        when it is acceptable (message None), or ``(None, None, sentence)``.
        A blank value gives ``(None, None, None)``.
    """
    if _is_blank(value):
        return None, None, None
    text = str(value).strip()
    cc = (country or "").upper()
    if cc in STDNUM_TAX_IDS:
        plain = _plain_tax_id(cc, text) if text.isascii() and text.isalnum() else None
        return plain + (None,) if plain else _stdnum_tax_id_info(cc, text)
    if cc in TAX_ID_FORMATS:
        kind, pattern, description = TAX_ID_FORMATS[cc]
        if text.isalnum():
            compact = text.upper()  # nothing to remove (the usual case)
        else:
            compact = _BLANKS_AND_DOTS.sub("", text).upper()
            if cc != "PA":
                compact = compact.replace("-", "").replace("/", "")
        if pattern.fullmatch(compact):
            return compact, kind, None
        return None, None, f"El {kind} «{text[:40]}» no tiene el formato de {country_name(cc)} ({description})."
    compact = _BLANKS.sub("", text).upper()
    if len(compact) > 40:
        return None, None, "La identificación tributaria es demasiado larga (más de 40 caracteres)."
    return compact, None, None


_BLANKS_AND_DOTS = re.compile(r"[\s.]")
_BLANKS = re.compile(r"\s+")


def _stdnum_tax_id_info(cc: str, text: str) -> tuple[str | None, str | None, str | None]:
    """tax_id_info for a country python-stdnum knows: the first kind whose module accepts the id."""
    reason = None
    for kind, module_name in STDNUM_TAX_IDS[cc]:
        module = _stdnum_module(module_name)
        try:
            return module.validate(text), kind, None
        except ValidationError as exc:
            # A checksum failure means the shape matched this kind: the most useful message. Only the
            # words are kept: a kept exception would tie this frame in a cycle through its traceback,
            # which imports (run with the cyclic collector paused) would hold until they end.
            if reason is None or isinstance(exc, InvalidChecksum):
                reason = _stdnum_reason(exc)
    names = [TAX_ID_LABELS.get(k, k) for k, _ in STDNUM_TAX_IDS[cc]]
    kinds = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " o " + names[-1]
    return None, None, (f"La identificación tributaria «{text[:40]}» no es válida en {country_name(cc)} "
                        f"({kinds}): {reason}.")


# Fast path for tax ids. stdnum's validate first compacts the text (a character-by-character
# clean, about half its cost); an id that is already plain ASCII letters and digits has nothing
# to clean, so for the study's commonest ids _plain_tax_id runs the same checks on the text as it
# is, with the module's own check-digit functions. It only ever accepts: anything it does not
# accept goes to _stdnum_tax_id_info, which also words the error. The checks mirror stdnum's
# validate (python-stdnum 2.x); tests/domain/test_validation_fast.py compares both on generated ids.
def _plain_tax_id(cc: str, text: str) -> tuple[str, str] | None:
    """``(compact, kind)`` for a plain ASCII id stdnum accepts; None when stdnum must decide."""
    if cc == "SV":  # sv.nit
        if len(text) == 14 and text.isdigit() and text[0] in "019" \
                and text[-1] == _stdnum_module("sv.nit").calc_check_digit(text):
            return text, "NIT"
    elif cc == "GT":  # gt.nit compacts by dropping leading zeros; the check digit may be K
        number = text.lstrip("0")
        if 2 <= len(number) <= 12 and number[:-1].isdigit() and (number[-1].isdigit() or number[-1] == "K") \
                and number[-1] == _stdnum_module("gt.nit").calc_check_digit(number[:-1]):
            return number, "NIT"
    elif cc == "CR":  # a cédula física starts with 0, which no cédula jurídica (cr.cpj, tried first) does
        if len(text) == 10 and text.isdigit() and text[0] == "0":
            return text, "cedula_fisica"
    elif cc == "DO" and text.isdigit():
        rnc = _stdnum_module("do.rnc")
        if len(text) == 9 and (text in rnc.whitelist or text[-1] == rnc.calc_check_digit(text[:-1])):
            return text, "RNC"
        if len(text) == 11 and text not in rnc.whitelist and (
                text in _stdnum_module("do.cedula").whitelist or _stdnum_module("luhn").checksum(text) == 0):
            return text, "cedula"
    return None


@lru_cache(maxsize=None)
def _stdnum_module(name: str):
    return import_module(f"stdnum.{name}")


def _stdnum_reason(exc: Exception | None) -> str:
    if isinstance(exc, InvalidChecksum):
        return "el dígito verificador no coincide"
    if isinstance(exc, InvalidLength):
        return "la cantidad de dígitos no es la correcta"
    if isinstance(exc, InvalidComponent):
        return "una de sus partes no corresponde a un número asignable"
    return "contiene caracteres o un formato no válidos"


def check_tax_id(country: str | None, value: Any) -> tuple[str | None, str | None]:
    """Check a tax id while typing: ``(compact_value, None)`` or ``(None, message)``."""
    compact, _kind, message = tax_id_info(country, value)
    return compact, message


def tax_id_note(country: str | None) -> str | None:
    """A note for countries whose tax ids are only format-checked (no check digit)."""
    cc = (country or "").upper()
    if cc in TAX_ID_FORMATS:
        kind = TAX_ID_FORMATS[cc][0]
        return f"Para {country_name(cc)} solo se revisa el formato del {kind}; no se verifica dígito verificador."
    return None


# --- phones and e-mail ---------------------------------------------------------

def check_phone(country: str | None, value: Any) -> tuple[str | None, str | None]:
    """Check a phone number for a country: ``(E.164, None)`` or ``(None, message)``.

    Numbers written with ``+`` and a country code are accepted for any country.
    """
    if type(value) is str:
        text = value.strip()
        if not text:
            return None, None
    elif value is None:
        return None, None
    else:
        text = str(value).strip()
    if len(text) > 40:
        return None, "El teléfono es demasiado largo."
    e164 = phones.e164(text, (country or "").upper() or None)
    if e164 is None:
        where = f" de {country_name(country.upper())}" if country else ""
        return None, f"El teléfono «{text}» no es un número válido{where}."
    return e164, None


def check_email(value: Any) -> tuple[str | None, str | None]:
    """Check an e-mail address's basic shape: ``(address, None)`` or ``(None, message)``."""
    if _is_blank(value):
        return None, None
    text = str(value).strip()
    if len(text) <= 254 and _EMAIL.fullmatch(text):
        return text, None
    return None, f"El correo electrónico «{text[:60]}» no tiene la forma nombre@dominio.ext."


# --- numbers ---------------------------------------------------------------------

_MONEY_NOISE = re.compile(r"(?i)US\$|RD\$|C\$|B/\.|USD|CRC|GTQ|HNL|NIO|PAB|DOP|[$₡€£'’\s\u00a0\u202f]")


def _number_text(text: str, prefer_decimal: bool) -> str:
    """Turn '1.234,56', '1,234.56', '1234,5' into '1234.56'-style text."""
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal_sep == "." else "."
        return text.replace(thousands, "").replace(decimal_sep, ".")
    sep = "." if dots else "," if commas else None
    if sep is None:
        return text
    if text.count(sep) > 1:
        return text.replace(sep, "")
    # One separator: "1.234" and "1,234" are thousands in everyday writing; "1234,5" is a decimal.
    digits_after = len(text) - text.index(sep) - 1
    if digits_after == 3 and not prefer_decimal and text.index(sep) > 0:
        return text.replace(sep, "")
    return text.replace(sep, ".")


def parse_amount(text: Any, field: str = "sales_amount", prefer_decimal: bool = False) -> Decimal | None:
    """Read a non-negative amount as typed in Latin America or the US.

    Accepts "1.234,56", "1,234.56", "1234,5", "$ 1 234" and plain numbers.
    A single separator followed by exactly three digits is a thousands
    separator ("1.234" is 1234) unless ``prefer_decimal`` (used for exchange
    rates, where "7.825" means 7.825).

    Returns:
        The Decimal, or None for a blank value.

    Raises:
        UserError: a negative amount or text that is not a number (names the field).
    """
    if isinstance(text, str) and text.isascii() and text.isdigit() and len(text) < 30:
        return Decimal(text)  # the common case, checked first: plain digits
    return _parse_number(text, field, prefer_decimal, whole=False)


# Examples in the message for a whole-number field that is not one (a count, unless named here).
_WHOLE_EXAMPLES = {"year_founded": "1998"}


def _not_a_number(field: str, raw: Any, whole: bool) -> UserError:
    """The sentence for a value that is not a number of the field's kind, with an example."""
    shown = str(raw).strip()[:40]
    if whole:
        example = _WHOLE_EXAMPLES.get(field, "12")
        return UserError(f"El campo «{_label(field)}» debe ser un número entero, como {example}, no «{shown}».",
                         field=field)
    return UserError(f"El campo «{_label(field)}» debe ser un número como 1.234,56, no «{shown}».", field=field)


def _parse_number(text: Any, field: str, prefer_decimal: bool, whole: bool) -> Decimal | None:
    """parse_amount's work; ``whole`` words the refusals for a whole-number field."""
    if _is_blank(text):
        return None
    if isinstance(text, bool):
        raise _not_a_number(field, text, whole)
    if isinstance(text, (int, float, Decimal)):
        try:
            value = Decimal(str(text))
        except InvalidOperation:
            value = Decimal("NaN")
    else:
        raw = str(text).strip()
        cleaned = _MONEY_NOISE.sub("", raw)
        negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
        if negative:
            raise UserError(f"El campo «{_label(field)}» no admite valores negativos («{raw[:40]}»).", field=field)
        if not re.fullmatch(r"\+?\d[\d.,]*", cleaned) or len(cleaned) > 30:
            raise _not_a_number(field, raw, whole)
        value = Decimal(_number_text(cleaned.lstrip("+"), prefer_decimal))
    if not value.is_finite():
        raise _not_a_number(field, text, whole)
    if value < 0:
        raise UserError(f"El campo «{_label(field)}» no admite valores negativos («{text}»).", field=field)
    return value


def parse_int(text: Any, field: str = "employees", minimum: int = 0, maximum: int | None = None) -> int | None:
    """Read a whole number within bounds ("1.200" and "12.0" from a spreadsheet are accepted).

    Returns:
        The int, or None for a blank value.

    Raises:
        UserError: not a whole number, or out of ``minimum..maximum`` (names the field).
    """
    if isinstance(text, str) and text.isascii() and text.isdigit() and len(text) < 30:
        value = Decimal(text)
    elif _is_blank(text):
        return None
    elif isinstance(text, int) and not isinstance(text, bool):
        value = Decimal(text)
    else:
        value = _parse_number(text, field, isinstance(text, float), whole=True)
    if value != value.to_integral_value():
        raise _not_a_number(field, text, whole=True)
    number = int(value)
    if number < minimum or (maximum is not None and number > maximum):
        if maximum is None:
            bounds = f"ser al menos {minimum}"
        else:
            top = f"{maximum:,}".replace(",", ".") if maximum >= 10_000 else str(maximum)
            bounds = f"estar entre {minimum} y {top}"
        raise UserError(f"El campo «{_label(field)}» debe {bounds}, no «{text}».", field=field)
    return number


def to_usd(amount: Decimal | None, usd_rate: Decimal) -> int | None:
    """An amount in local currency as whole US dollars (half up), or None."""
    if amount is None:
        return None
    return int((amount / usd_rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- whole records ----------------------------------------------------------------

def normalise_country(value: Any) -> str | None:
    """ISO alpha-2 code for a code (SV, SLV) or a Spanish/English name, else None."""
    if _is_blank(value):
        return None
    return _country_code(str(value).strip())


@lru_cache(maxsize=512)
def _country_code(text: str) -> str | None:
    # Files repeat a handful of country spellings: look each up once.
    if len(text) == 2 and text.isalpha():
        return text.upper() if pycountry.countries.get(alpha_2=text.upper()) else None
    from desktop.domain.registry.tabular import fold  # local import: tabular imports this module's labels

    folded = fold(text)
    for code, name in _ES.territories.items():
        if len(code) == 2 and code.isalpha() and fold(name) == folded:
            return code
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None


def _choice(value: Any, table: dict[str, str]) -> str | None:
    return table.get(_choice_key(str(value)))


@lru_cache(maxsize=1024)
def _choice_key(text: str) -> str:
    from desktop.domain.registry.tabular import fold

    return fold(text.replace(".", ""))


def clean_firm(data: dict[str, Any], rounded: dict[str, tuple[str, str]] | None = None,
               ) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean and check a firm record given as raw text or typed values.

    Args:
        data: the fields as typed or read from a file.
        rounded: if given, filled with field name -> ``(as typed, as stored)``,
            both as text to show, for each amount whose cents were rounded away
            (:func:`rounding_note` words it).

    Returns:
        ``(record, errors)``: ``record`` holds the canonical firm fields with
        typed, normalised values (compact tax id, E.164 phone, amounts as
        Decimal text in whole units, derived USD values); ``errors`` maps a
        field name to one Spanish sentence. Unknown keys are ignored.
    """
    # An import calls this once per row (100,000 rows in a few seconds), so the common
    # case, plain text in every cell, is handled inline and the rest by the helpers.
    get = data.get
    out: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, limit in _TEXT_FIELDS:
        value = get(name)
        if type(value) is str and name not in _MULTILINE:
            # Runs of blanks (newlines included) become one space; blanks only are a blank value.
            value = " ".join(value.split()) or None
            if value is not None and len(value) > limit:
                errors[name] = f"El campo «{_label(name)}» es demasiado largo (más de {limit} caracteres)."
                value = None
            out[name] = value
        else:
            out[name] = _text(name, value, errors)
    if out["legal_name"] is None and "legal_name" not in errors:
        errors["legal_name"] = "Falta la razón social de la empresa."

    country = normalise_country(get("country"))
    if country is None:
        errors["country"] = ("Falta el país de la empresa." if _is_blank(get("country"))
                             else f"El país «{str(get('country')).strip()[:40]}» no se reconoce; use el código ISO, como SV.")
    out["country"] = country

    compact, kind, message = tax_id_info(country, get("tax_id"))
    if message:
        errors["tax_id"] = message
    out["tax_id"] = compact
    out["tax_id_type"] = out["tax_id_type"] or kind

    isic = _text("sector_isic", get("sector_isic"), errors)
    if isic is not None:
        isic = isic.upper().removesuffix(".0")
        if not _ISIC.fullmatch(isic):
            errors["sector_isic"] = f"La actividad «{isic[:20]}» no es un código CIIU Rev.4 (una letra A–U o de 2 a 4 dígitos)."
            isic = None
    out["sector_isic"] = isic

    out["year_founded"] = _whole(get("year_founded"), "year_founded", MIN_YEAR, _time.localtime().tm_year, errors)
    for name in ("employees_women", "employees_men", "employees"):
        out[name] = _whole(get(name), name, 0, MAX_EMPLOYEES, errors)
    women, men, total = out["employees_women"], out["employees_men"], out["employees"]
    if total is None and (women is not None or men is not None):
        out["employees"] = (women or 0) + (men or 0)
    elif total is not None and total < (women or 0) + (men or 0):
        errors["employees"] = f"El total de empleados ({total}) es menor que la suma de mujeres y hombres."

    legal_form = get("legal_form")
    out["legal_form"] = None
    if type(legal_form) is str and legal_form in LEGAL_FORMS:
        out["legal_form"] = legal_form  # already the stored slug (the usual cell)
    elif not _is_blank(legal_form):
        slug = str(legal_form).strip()
        out["legal_form"] = slug if slug in LEGAL_FORMS else _choice(slug, _LEGAL_FORM_WORDS)
        if out["legal_form"] is None:
            errors["legal_form"] = f"La forma jurídica «{slug[:40]}» no se reconoce (por ejemplo: persona natural, sociedad anónima, cooperativa)."

    registered = get("formal_registration")
    out["formal_registration"] = None
    if isinstance(registered, bool):
        out["formal_registration"] = registered
    elif not _is_blank(registered):
        word = str(registered).strip().lower()
        if word in _YES or word in _NO:
            out["formal_registration"] = word in _YES
        else:
            errors["formal_registration"] = f"El registro formal debe ser «sí» o «no», no «{word[:20]}»."

    for name in ("owner_gender", "contact_gender"):
        value = get(name)
        if type(value) is str and value in _GENDER_CODES:
            out[name] = value  # already the stored code (the usual cell)
            continue
        out[name] = None if _is_blank(value) else _choice(value, _GENDERS)
        if not _is_blank(value) and out[name] is None:
            errors[name] = f"El campo «{_label(name)}» debe ser F (mujer), M (hombre) o X (otro / no indica)."

    _clean_money(data, out, errors, rounded)

    out["phone"], message = check_phone(country, get("phone"))
    if message:
        errors["phone"] = message
    out["email"], message = check_email(get("email"))
    if message:
        errors["email"] = message
    return out, errors


# Text fields, in record order, with their longest accepted length.
_TEXT_FIELDS = tuple((name, _MAX_LEN.get(name, _DEFAULT_MAX_LEN)) for name in (
    "legal_name", "trade_name", "department", "municipality", "address", "owner_name", "contact_name", "notes",
    "adviser_id", "tax_id_type"))


def _text(name: str, value: Any, errors: dict[str, str]) -> str | None:
    """A text field tidied, or None when blank or too long (the reason then goes into ``errors``)."""
    if _is_blank(value):
        return None
    if name in _MULTILINE:
        # Keep the adviser's paragraphs; tidy each line's blanks and drop empty edges.
        lines = [" ".join(line.split()) for line in str(value).splitlines()]
        value = "\n".join(lines).strip("\n")
    else:
        # Runs of blanks (newlines included) become one space.
        value = " ".join(str(value).split())
    limit = _MAX_LEN.get(name, _DEFAULT_MAX_LEN)
    if len(value) > limit:
        errors[name] = f"El campo «{_label(name)}» es demasiado largo (más de {limit} caracteres)."
        return None
    return value


def _whole(value: Any, name: str, minimum: int, maximum: int, errors: dict[str, str]) -> int | None:
    """parse_int for a record field; a refusal goes into ``errors``."""
    # Plain digits (the usual cell) or an int: what parse_int gives, when in bounds.
    number = value if type(value) is int else (
        int(value) if type(value) is str and value.isdigit() and value.isascii() and len(value) < 30 else None)
    if number is not None and minimum <= number <= maximum:
        return number
    try:
        return parse_int(value, name, minimum, maximum)
    except UserError as exc:
        errors[name] = exc.message
        return None


# Exchange rates as typed -> (value, value as stored, value as a small fraction p/q or None);
# files repeat a few rates thousands of times. (A Decimal is immutable, so sharing it is safe.)
_RATES: dict[str, tuple[Decimal, str, tuple[int, int] | None]] = {}
_ONE = Decimal(1)
_MAX_AMOUNT = 10 ** 15
_MAX_RATE_TERM = 10 ** 6


def _clean_money(data: dict[str, Any], out: dict[str, Any], errors: dict[str, str],
                 rounded: dict[str, tuple[str, str]] | None = None) -> None:
    raw_currency = data.get("currency")
    currency = "USD" if _is_blank(raw_currency) else str(raw_currency).strip().upper()
    if not _known_currency(currency):
        errors["currency"] = f"La moneda «{currency[:10]}» no es un código ISO 4217 (por ejemplo USD, CRC, GTQ)."
        currency = "USD"
    out["currency"] = currency
    raw_rate = data.get("usd_rate")
    cached = _RATES.get(raw_rate) if type(raw_rate) is str else None
    if cached is not None:
        rate, rate_text, ratio = cached
    else:
        try:
            rate = parse_amount(raw_rate, "usd_rate", True)
        except UserError as exc:
            errors["usd_rate"] = exc.message
            rate = None
        rate_text, ratio = None, None
        if rate is not None:
            rate_text = format(rate.normalize(), "f")
            p, q = rate.as_integer_ratio()
            ratio = (p, q) if 0 < p < _MAX_RATE_TERM and q < _MAX_RATE_TERM else None
            if type(raw_rate) is str and len(_RATES) < 1000:
                _RATES[raw_rate] = rate, rate_text, ratio
    if rate is None:
        rate, rate_text = _ONE, "1"
        if currency != "USD":
            errors["usd_rate"] = f"Indique el tipo de cambio: cuántos {currency} equivalen a un dólar."
    elif rate == 0:
        errors["usd_rate"] = "El tipo de cambio debe ser mayor que cero."
        rate, rate_text = _ONE, "1"
    elif currency == "USD" and rate != 1:
        errors["usd_rate"] = "Para montos en dólares el tipo de cambio debe ser 1."
    out["usd_rate"] = rate_text
    rate_is_one = rate == 1
    for name, usd_name in (("sales_amount", "sales_usd"), ("assets_amount", "assets_usd"),
                           ("exports_amount", "exports_usd")):
        value = data.get(name)
        if type(value) is str and value.isdigit() and value.isascii() and len(value) <= 15:
            amount = int(value)  # plain digits (the usual cell): a whole amount below the limit
        else:
            amount = _amount(value, name, errors, rounded)
        if amount is None:
            out[name] = out[usd_name] = None
            continue
        out[name] = str(amount)
        # The USD value is to_usd(amount, rate): amount / rate rounded half up.
        if rate_is_one:
            out[usd_name] = int(amount)  # exact
        elif ratio is not None and type(amount) is int:
            # Whole-number arithmetic, equal to to_usd here: amount < 10**15 and rate = p/q with
            # p, q < 10**6 make the quotient < 10**21, so Decimal's 28 digits move it by at most
            # 0.5e-7, while a quotient that is not exactly k + 1/2 lies at least 1/(2p) > 0.5e-6
            # from it: rounding to 28 digits cannot carry it across a half.
            # tests/domain/test_validation_fast.py checks it against to_usd.
            p, q = ratio
            out[usd_name] = (2 * amount * q + p) // (2 * p)
        else:
            out[usd_name] = to_usd(Decimal(amount), rate)


def _amount(value: Any, name: str, errors: dict[str, str],
            rounded: dict[str, tuple[str, str]] | None = None) -> Decimal | None:
    """An amount field in whole units (half up), or None when blank or refused (the reason goes into ``errors``).

    Firms' figures are kept in whole units (the size rules and the reports count whole
    dollars), so cents are rounded away; when ``rounded`` is given, a rounding is noted there.
    """
    try:
        amount = parse_amount(value, name)
    except UserError as exc:
        errors[name] = exc.message
        return None
    if amount is None:
        return None
    # Checked before rounding too: quantize cannot hold more than 28 digits.
    if amount.adjusted() <= 15:
        whole = amount.quantize(_ONE, rounding=ROUND_HALF_UP)
        if whole <= _MAX_AMOUNT:
            if rounded is not None and whole != amount:
                typed = " ".join(value.split())[:40] if isinstance(value, str) else spanish_number(amount)
                rounded[name] = (typed, spanish_number(whole))
            return whole
    errors[name] = f"El campo «{_label(name)}» tiene un monto demasiado grande."
    return None


def spanish_number(value: Decimal | int) -> str:
    """A number written the Spanish way: 85.000,5 (thousands with '.', decimals with ',')."""
    text = format(Decimal(value).normalize() if isinstance(value, Decimal) else Decimal(value), "f")
    whole, _, cents = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = f"{int(digits):,}".replace(",", ".") if digits else "0"
    return sign + groups + ("," + cents if cents else "")


def rounding_note(field: str, typed: str, stored: str) -> str:
    """What was rounded, from what to what: «Ventas anuales de 85.000,50 a 85.001»."""
    return f"{_label(field)} de {typed} a {stored}"


@lru_cache(maxsize=256)
def _known_currency(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


def validate_firm(data: dict[str, Any]) -> dict[str, str]:
    """Check a firm record; returns field name -> Spanish sentence (empty when valid)."""
    return clean_firm(data)[1]
