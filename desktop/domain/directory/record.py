"""One programme of the directory as typed in the dialog or read from a CSV/XLSX row, checked.

:func:`check_programme` takes the values as people write them (codes or words, in Spanish or
English, lists separated by commas or semicolons, dates as 31/03/2026) and returns the values
to store, or raises :class:`UserError` with one sentence naming the first field that is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from desktop.domain.advisory.record import parse_day, shown_day
from desktop.domain.assessment import LABELS, SECTOR_TYPES, STAGES
from desktop.domain.assessment.catalog import Catalog, load_catalog
from desktop.domain.directory.model import FAMILIES, FAMILY_WORDS, SECTOR_WORDS, SIZE_WORDS, STAGE_WORDS
from desktop.domain.errors import UserError
from desktop.domain.registry.tabular import fold
from desktop.domain.registry.validation import check_email, check_phone, normalise_country

# Column headers a file may use for each field (compared after tabular.fold).
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("programa", "nombre del programa", "nombre", "programme", "program", "name"),
    "institution": ("institucion", "entidad", "organizacion", "institution", "organisation", "organization"),
    "country": ("pais", "country"),
    "territory": ("territorio", "departamentos", "departamento", "zona", "territory", "region"),
    "family": ("familia", "familia de instrumentos", "tipo de apoyo", "family", "instrument family"),
    "instruments": ("instrumentos", "instrumento", "instruments", "instrument"),
    "sizes": ("tamanos", "tamano", "tamano de empresa", "sizes", "size"),
    "sectors": ("sectores", "sector", "sectors"),
    "stages": ("etapas", "etapa", "stages", "stage"),
    "requires_registration": ("requiere inscripcion", "inscripcion legal", "requiere registro formal",
                              "registro formal", "requires registration", "formal registration"),
    "eligibility": ("otros requisitos", "requisitos", "elegibilidad", "eligibility", "requirements"),
    "contact_name": ("persona de contacto", "contacto", "contact person", "contact"),
    "phone": ("telefono", "tel", "phone", "telephone"),
    "email": ("correo electronico", "correo", "email", "e mail"),
    "web": ("sitio web", "pagina web", "web", "website", "url"),
    "valid_from": ("vigente desde", "desde", "valid from", "inicio"),
    "valid_to": ("vigente hasta", "hasta", "valid to", "valid until", "vence"),
    "checked_on": ("verificado el", "ultima verificacion", "verificado", "checked on", "last checked"),
    "source": ("fuente", "source"),
}
# What a coordinator may write for each code, besides the code itself.
_FAMILY_ALIASES = {"formalizacion": "condicion_previa", "inscripcion": "condicion_previa",
                   "financing": "financiamiento", "innovation": "innovacion", "articulation": "articulacion",
                   "markets": "mercados", "mercado": "mercados"}
_SIZE_ALIASES = {"microempresa": "micro", "microempresas": "micro", "pequena": "pequena", "pequenas": "pequena",
                 "pequena empresa": "pequena", "small": "pequena", "mediana": "mediana", "medianas": "mediana",
                 "mediana empresa": "mediana", "medium": "mediana"}
_STAGE_ALIASES = {"local": "local_only", "solo local": "local_only", "indirecta": "indirect_exporter",
                  "indirecto": "indirect_exporter", "ocasional": "occasional_direct", "regular": "regular_direct",
                  "varios mercados": "multi_market"}
_ANY = {"todas", "todos", "cualquiera", "cualquier", "any", "all"}
_YES = {"si", "s", "yes", "y", "x", "1", "true", "verdadero", "requiere", "requerida", "obligatoria"}
_NO = {"no", "n", "0", "false", "falso", "no requiere"}
_LIST_SPLIT = re.compile(r"[;,|\n]+")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T00:00(:00)?")
_WEB = re.compile(r"(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(/\S*)?", re.IGNORECASE)
_LIMITS = {"name": 200, "institution": 200, "eligibility": 1000, "contact_name": 120, "source": 500}
_TOO_LONG = {"name": "El nombre del programa es demasiado largo", "institution": "El nombre de la institución es "
             "demasiado largo", "eligibility": "El texto de otros requisitos es demasiado largo",
             "contact_name": "El nombre de la persona de contacto es demasiado largo",
             "source": "La fuente es demasiado larga"}


def _text(value: Any) -> str:
    """Text as typed, control characters out and spaces collapsed."""
    if value is None:
        return ""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in str(value)).split())


def _items(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [t for t in (_text(v) for v in value) if t]
    return [t for t in (_text(v) for v in _LIST_SPLIT.split(str(value))) if t]


def _lookup(table: Mapping[str, tuple[str, str]], aliases: Mapping[str, str], codes) -> dict[str, str]:
    """fold(spelling) -> code, for codes, their words in both languages and the aliases."""
    out = {fold(code): code for code in codes}
    out.update({fold(w): code for code, pair in table.items() for w in pair})
    out.update({fold(k): v for k, v in aliases.items()})
    return out


def _codes(value: Any, spellings: dict[str, str], field: str, what: str, allowed: str) -> list[str]:
    items = _items(value)
    if any(fold(i) in _ANY for i in items):
        return []
    found = []
    for item in items:
        code = spellings.get(fold(item))
        if code is None:
            raise UserError(f"{what} «{item[:60]}» no se reconoce; use {allowed}.", field=field)
        if code not in found:
            found.append(code)
    return found


def _web(value: Any) -> str | None:
    text = _text(value)
    if not text:
        return None
    if len(text) > 300 or not _WEB.fullmatch(text):
        raise UserError(f"La dirección web «{text[:60]}» no es válida; escríbala como www.ejemplo.gob.sv.", field="web")
    return text if text.lower().startswith(("http://", "https://")) else "https://" + text


def _yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = fold(_text(value))
    if not text or text in _NO:
        return False
    if text in _YES:
        return True
    raise UserError(f"«Requiere inscripción legal» debe ser sí o no, no «{_text(value)[:40]}».",
                    field="requires_registration")


def _instruments(value: Any, family: str | None, catalog: Catalog) -> tuple[list[str], str | None]:
    """Catalogue ids of the instruments named (by id or title), and the family they belong to."""
    known = {i.id: (i.family, i.title) for i in catalog.instruments}
    known.update({p.id: ("condicion_previa", p.title) for p in catalog.preconditions})
    spellings = {fold(i): i for i in known}
    spellings.update({fold(w): i for i, (_f, t) in known.items() for w in (t.es, t.en)})
    found: list[str] = []
    for item in _items(value):
        iid = spellings.get(fold(item))
        if iid is None:
            raise UserError(f"El instrumento «{item[:60]}» no está en el catálogo; use su nombre tal como lo "
                            "muestra Rumbo.", field="instruments")
        own = known[iid][0]
        if family is None:
            family = own
        elif own != family:
            raise UserError(f"El instrumento «{known[iid][1].es}» es de la familia «{FAMILY_WORDS[own][0]}», "
                            f"no de «{FAMILY_WORDS[family][0]}».", field="instruments")
        if iid not in found:
            found.append(iid)
    return found, family


def check_programme(raw: Mapping[str, Any], today: dt.date, catalog: Catalog | None = None) -> dict[str, Any]:
    """Check one programme and return the values to store (``db.programmes`` columns).

    Raises:
        UserError: one sentence naming the first field that is missing or wrong.
    """
    catalog = catalog or load_catalog()
    out: dict[str, Any] = {}
    for field, limit in _LIMITS.items():
        text = _text(raw.get(field))
        if len(text) > limit:
            raise UserError(f"{_TOO_LONG[field]} (más de {limit} caracteres).", field=field)
        out[field] = text or None
    if not out["name"]:
        raise UserError("Falta el nombre del programa.", field="name")
    if not out["institution"]:
        raise UserError("Falta la institución que ofrece el programa.", field="institution")
    country = normalise_country(raw.get("country"))
    if country is None:
        typed = _text(raw.get("country"))
        raise UserError(f"«{typed[:40]}» no es un país reconocido; use su código de dos letras, como SV." if typed
                        else "Falta el país del programa.", field="country")
    out["country"] = country
    territory = _items(raw.get("territory"))
    if len(territory) > 30 or any(len(t) > 80 for t in territory):
        raise UserError("El territorio admite hasta 30 departamentos o zonas, de 80 caracteres cada uno.",
                        field="territory")
    out["territory"] = [] if any(fold(t) in _ANY | {"nacional", "todo el pais", "national"} for t in territory) \
        else territory
    family = None
    if _text(raw.get("family")):
        family = _lookup(FAMILY_WORDS, _FAMILY_ALIASES, FAMILIES).get(fold(_text(raw["family"])))
        if family is None:
            raise UserError(f"La familia «{_text(raw['family'])[:40]}» no existe; use financiamiento, innovación, "
                            "articulación, mercados o formalización.", field="family")
    out["instruments"], family = _instruments(raw.get("instruments"), family, catalog)
    if family is None:
        raise UserError("Indique la familia de instrumentos del programa (o sus instrumentos).", field="family")
    out["family"] = family
    out["sizes"] = _codes(raw.get("sizes"), _lookup(SIZE_WORDS, _SIZE_ALIASES, SIZE_WORDS), "sizes",
                          "El tamaño", "micro, pequeña o mediana")
    out["sectors"] = _codes(raw.get("sectors"), _lookup(SECTOR_WORDS, {}, SECTOR_TYPES), "sectors",
                            "El sector", "agroalimentario, recursos naturales, manufactura tradicional, intensivo en "
                            "tecnología, comercio o servicios")
    stage_words = {c: (LABELS["stage"][c].es, LABELS["stage"][c].en) for c in STAGES}
    out["stages"] = _codes(raw.get("stages"), {**_lookup(stage_words, _STAGE_ALIASES, STAGES),
                                               **_lookup(STAGE_WORDS, {}, STAGES)}, "stages",
                           "La etapa", "local, indirecta, ocasional, regular o varios mercados")
    out["requires_registration"] = _yes_no(raw.get("requires_registration"))
    out["phone"], problem = check_phone(country, raw.get("phone"))
    if problem:
        raise UserError(problem, field="phone")
    out["email"], problem = check_email(raw.get("email"))
    if problem:
        raise UserError(problem, field="email")
    out["web"] = _web(raw.get("web"))
    if not (out["phone"] or out["email"] or out["web"]):
        raise UserError("Indique al menos un teléfono, un correo o una página web para contactar el programa.",
                        field="phone")
    labels = {"valid_from": "fecha «vigente desde»", "valid_to": "fecha «vigente hasta»",
              "checked_on": "fecha de verificación"}
    for field, label in labels.items():
        value = raw.get(field)
        if isinstance(value, str) and _STAMP.fullmatch(value.strip()):
            value = value.strip()[:10]  # a spreadsheet's date cell, read as midnight of that day
        out[field] = parse_day(value, field, label)
    if out["valid_from"] and out["valid_to"] and out["valid_to"] < out["valid_from"]:
        raise UserError(f"La fecha «vigente hasta» ({shown_day(out['valid_to'])}) es anterior a «vigente desde» "
                        f"({shown_day(out['valid_from'])}).", field="valid_to")
    if out["checked_on"] and dt.date.fromisoformat(out["checked_on"]) > today:
        raise UserError(f"La fecha de verificación ({shown_day(out['checked_on'])}) es posterior a hoy.",
                        field="checked_on")
    return out


__all__ = ["HEADERS", "check_programme"]
