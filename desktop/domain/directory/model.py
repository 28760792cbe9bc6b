"""A programme of the centre's directory, and the words for its codes in Spanish and English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers

# The catalogue's four families, and the step before them (legal registration), which a
# programme may serve too (the catalogue's precondition, ``pre_inscripcion``).
FAMILIES = ("financiamiento", "innovacion", "articulacion", "mercados", "condicion_previa")
FAMILY_WORDS = {
    "financiamiento": ("Financiamiento", "Financing"),
    "innovacion": ("Innovación y modernización tecnológica", "Innovation and technological upgrading"),
    "articulacion": ("Articulación productiva y conglomerados", "Productive articulation and clusters"),
    "mercados": ("Acceso a mercados y promoción de exportaciones", "Market access and export promotion"),
    "condicion_previa": ("Inscripción legal y formalización", "Legal registration and formalisation"),
}
# Whom a programme is for: the codes of the assessment (sizes, sector types, stages), worded as a list.
SIZE_WORDS = {"micro": ("microempresas", "micro-firms"), "pequena": ("pequeñas empresas", "small firms"),
              "mediana": ("medianas empresas", "medium-sized firms")}
SECTOR_WORDS = {
    "agroalimentario": ("agroalimentario", "agri-food"),
    "recursos_naturales": ("recursos naturales", "natural resources"),
    "manufactura_tradicional": ("manufactura tradicional", "traditional manufacturing"),
    "intensiva_tecnologia": ("intensivo en tecnología", "technology-intensive"),
    "comercio": ("comercio", "trade"),
    "servicios": ("servicios", "services"),
}
STAGE_WORDS = {
    "local_only": ("que solo venden en el mercado local", "selling only in the local market"),
    "indirect_exporter": ("que exportan de forma indirecta", "exporting indirectly"),
    "occasional_direct": ("que exportan directamente de vez en cuando", "exporting directly now and then"),
    "regular_direct": ("que exportan directamente de forma regular", "exporting directly and regularly"),
    "multi_market": ("que exportan a varios mercados", "exporting to several markets"),
}
STATUS_WORDS = {
    "vigente": ("Vigente", "Current"),
    "vencido": ("Vencido", "Expired"),
    "sin_verificar": ("Sin verificar hace más de un año", "Not checked for over a year"),
    "aun_no_vigente": ("Aún no vigente", "Not yet valid"),
}


def words(table: Mapping[str, tuple[str, str]], code: str, lang: str) -> str:
    """The word for ``code`` in ``lang`` (an unknown code comes back as it is)."""
    pair = table.get(code)
    return code if pair is None else pair[1 if lang == "en" else 0]


def family_words(code: str, lang: str = "es") -> str:
    return words(FAMILY_WORDS, code, lang)


@dataclass(frozen=True)
class DirectoryProgramme:
    """One programme of the directory, as stored (codes, ISO dates parsed)."""

    id: str
    name: str
    institution: str
    country: str
    family: str
    territory: tuple[str, ...] = ()  # departments or provinces; empty: the whole country
    instruments: tuple[str, ...] = ()  # catalogue ids; empty: any instrument of the family
    sizes: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    requires_registration: bool = False
    eligibility: str = ""  # further requirements, in plain words
    contact_name: str = ""
    phone: str = ""  # E.164
    email: str = ""
    web: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    checked_on: dt.date | None = None
    source: str = ""  # where the facts come from (the institution's page or document)

    def phone_text(self) -> str:
        """The phone as people write it internationally (+503 2222 3333)."""
        return phone_text(self.phone)

    def territory_text(self, lang: str = "es") -> str:
        if not self.territory:
            return "Todo el país" if lang == "es" else "The whole country"
        return _joined(list(self.territory), lang)


def phone_text(e164: str | None) -> str:
    if not e164:
        return ""
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164, None), phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return e164


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None  # a value a newer Rumbo wrote: read as unknown, which the status flags


def _codes(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else ()


def programme_from_row(row: Mapping[str, Any]) -> DirectoryProgramme:
    """The programme of a stored row (``db.programmes``)."""
    return DirectoryProgramme(
        id=str(row.get("id") or ""), name=str(row.get("name") or ""), institution=str(row.get("institution") or ""),
        country=str(row.get("country") or ""), family=str(row.get("family") or ""),
        territory=_codes(row.get("territory")), instruments=_codes(row.get("instruments")),
        sizes=_codes(row.get("sizes")), sectors=_codes(row.get("sectors")), stages=_codes(row.get("stages")),
        requires_registration=bool(row.get("requires_registration")), eligibility=str(row.get("eligibility") or ""),
        contact_name=str(row.get("contact_name") or ""), phone=str(row.get("phone") or ""),
        email=str(row.get("email") or ""), web=str(row.get("web") or ""),
        valid_from=_day(row.get("valid_from")), valid_to=_day(row.get("valid_to")),
        checked_on=_day(row.get("checked_on")), source=str(row.get("source") or ""))


def _joined(items: list[str], lang: str, either: bool = False) -> str:
    """"a, b y c" (or "a, b o c" when any one of them will do)."""
    if len(items) <= 1:
        return "".join(items)
    word = ("or" if either else "and") if lang == "en" else ("o" if either else "y")
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def eligibility_text(p: DirectoryProgramme, lang: str = "es") -> str:
    """Whom the programme is for, in plain words: size, sector, stage, registration, then the rest.

    "Para pequeñas y medianas empresas del sector agroalimentario que exportan de forma
    indirecta, inscritas legalmente. Ventas anuales hasta USD 1 millón."
    """
    en = lang == "en"
    firms = _joined([words(SIZE_WORDS, s, lang) for s in p.sizes], lang) or ("firms" if en else "empresas")
    parts = [f"{'For' if en else 'Para'} {firms}"]
    if p.sectors:
        sectors = _joined([words(SECTOR_WORDS, s, lang) for s in p.sectors], lang)
        parts.append(f"in {sectors}" if en else f"del sector {sectors}" if len(p.sectors) == 1
                     else f"de los sectores {sectors}")
    if p.stages:
        parts.append(_joined([words(STAGE_WORDS, s, lang) for s in p.stages], lang, either=True))
    sentence = " ".join(parts)
    if p.requires_registration:
        sentence += ", legally registered" if en else ", inscritas legalmente"
    if not (p.sizes or p.sectors or p.stages or p.requires_registration):
        sentence = "Open to any firm" if en else "Abierto a cualquier empresa"
    text = sentence + "."
    if p.eligibility:
        text += " " + p.eligibility.rstrip(".") + "."
    return text
