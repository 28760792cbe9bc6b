"""Read rulebook JSON files and refuse malformed ones.

A size rulebook looks like this (money in the ``money_unit`` of the source)::

    {"id": "cepal-cuadro1-cr", "kind": "size", "country": "CR",
     "name": {"es": "Costa Rica", "en": "Costa Rica"},
     "title": {"es": "Definición de mipyme de Costa Rica (CEPAL, Cuadro 1)", "en": "..."},
     "version": "1",
     "effective_from": "2012-01-01", "effective_to": null,
     "source": {"es": "...", "en": "..."}, "money_unit": "thousand_usd",
     "criteria": {"employees": {"ceilings": {"micro": 10, "pequena": 35, "mediana": 100}},
                  "sales": {"by_sector": {"C": {...}, "45": {...}}, "default": {...}}},
     "rule": {"highest": ["employees", "sales"]},
     "notes": [{"code": "...", "when": {"sales": {"ge": "9.3", "le": "49.3"}},
                "text": {"es": "...", "en": "..."}}],
     "remarks": [{"es": "...", "en": "..."}]}

A rule is ``{"highest" | "all_of" | "any_of": [criterion name or rule, ...]}``.
A condition is ``{field: {"lt"|"le"|"gt"|"ge": "number", ...}}`` or
``{"all_of" | "any_of": [condition, ...]}``. An exporter definition
(``"kind": "exporter"``) has ``categories`` (code, label, criterion, when) and
an optional ``scope`` (ISIC sectors it covers and a text) instead of
criteria and rule.

Every problem raises :class:`DataFileError` naming the file and, in Spanish,
what is wrong, so an authoring mistake never becomes a wrong class.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.domain.datafiles import read_json
from desktop.domain.errors import DataFileError
from desktop.domain.sizing.model import (
    CEILING_CLASSES,
    CONDITION_FIELDS,
    CRITERIA,
    MONEY_UNITS,
    RULE_OPS,
    WAGE_UNIT,
    Condition,
    CriterionRule,
    DataNote,
    ExporterCategory,
    Rulebook,
    RuleNode,
    SubclassLevel,
    SubclassRule,
    WageRef,
)
from desktop.domain.sizing.notes import Bilingual
from desktop.domain.sizing.sector import normalize_sector

# "size": the study's table; "law": a country's law in force (may count money in
# minimum wages and define sub-classes); "exporter": an exporting-MSME definition.
KINDS = ("size", "exporter", "law")
COMPARISONS = ("lt", "le", "gt", "ge")
_COMMON = {"id", "kind", "country", "name", "title", "version", "effective_from", "effective_to",
           "source", "money_unit", "remarks", "notes"}
_ALLOWED = {"size": _COMMON | {"criteria", "rule"}, "exporter": _COMMON | {"categories", "scope"},
            "law": _COMMON | {"criteria", "rule", "wage", "subclasses"}}


class _Problem(Exception):
    """A problem found inside one file; parse_file adds the file name."""


def parse_folder(folder: Path) -> list[Rulebook]:
    """Parse every ``*.json`` in ``folder`` and check the files against each other."""
    if not folder.is_dir():
        raise DataFileError(str(folder), "no existe la carpeta de reglamentos de tamaño")
    books = [parse_file(path) for path in sorted(folder.glob("*.json"))]
    seen: dict[str, Rulebook] = {}
    for book in books:
        if book.id in seen:
            raise DataFileError(book.path, f"el id «{book.id}» ya lo usa {seen[book.id].path}")
        seen[book.id] = book
    for book in books:
        for other in books:
            if other is not book and (other.kind, other.country) == (book.kind, book.country) \
                    and other.effective_from <= book.effective_from and _overlap(book, other):
                raise DataFileError(
                    book.path,
                    f"su vigencia se superpone con la de {other.path} ({book.kind}, {book.country})",
                )
    return books


def _overlap(a: Rulebook, b: Rulebook) -> bool:
    far = datetime.date.max
    return a.effective_from <= (b.effective_to or far) and b.effective_from <= (a.effective_to or far)


def parse_file(path: Path) -> Rulebook:
    """Parse one rulebook file.

    Raises:
        DataFileError: bad JSON, a missing or unknown field, a bad value.
    """
    data = read_json(path)
    try:
        return _book(str(path), data)
    except _Problem as exc:
        raise DataFileError(str(path), str(exc)) from None


def parse_data(data: Any, path: str = "") -> Rulebook:
    """Parse a rulebook already read (a centre's import, a stored record).

    Raises:
        DataFileError: a missing or unknown field, or a bad value.
    """
    try:
        return _book(path, data)
    except _Problem as exc:
        raise DataFileError(path, str(exc)) from None


def _book(path: str, data: Any) -> Rulebook:
    if not isinstance(data, dict):
        raise _Problem("el archivo debe contener un objeto JSON")
    kind = _require(data, "kind")
    if kind not in KINDS:
        raise _Problem(f"«kind» debe ser uno de {', '.join(KINDS)}, no «{kind}»")
    unknown = sorted(set(data) - _ALLOWED[kind])
    if unknown:
        raise _Problem(f"campo desconocido «{unknown[0]}»")
    effective_from = _date(_require(data, "effective_from"), "effective_from")
    effective_to = _date(data["effective_to"], "effective_to") if data.get("effective_to") else None
    if effective_to is not None and effective_to < effective_from:
        raise _Problem("«effective_to» es anterior a «effective_from»")
    money_unit = _require(data, "money_unit")
    units = tuple(MONEY_UNITS) + ((WAGE_UNIT,) if kind == "law" else ())
    if money_unit not in units:
        raise _Problem(f"«money_unit» debe ser uno de {', '.join(units)}, no «{money_unit}»")
    country = _require(data, "country")
    if not (isinstance(country, str) and len(country) == 2 and country.isalpha() and country.isupper()):
        raise _Problem(f"«country» debe ser un código ISO de dos letras mayúsculas, no «{country}»")
    common = dict(
        path=path, id=_text_field(data, "id"), kind=kind, country=country,
        name=_bilingual(_require(data, "name"), "name"), version=_text_field(data, "version"),
        effective_from=effective_from, effective_to=effective_to,
        source=_bilingual(_require(data, "source"), "source"), money_unit=money_unit,
        notes=tuple(_data_note(n, i) for i, n in enumerate(_list(data.get("notes", []), "notes"))),
        remarks=tuple(_bilingual(r, f"remarks[{i}]") for i, r in enumerate(_list(data.get("remarks", []), "remarks"))),
        title=_bilingual(data["title"], "title") if "title" in data else None,
    )
    if kind == "exporter":
        return _exporter(data, common)
    criteria = _criteria(_require(data, "criteria"))
    rule = _rule(_require(data, "rule"), "rule")
    used = rule.leaves()
    for name in used:
        if name not in {c.name for c in criteria}:
            raise _Problem(f"la regla usa el criterio «{name}», que no tiene topes en «criteria»")
    if len(set(used)) != len(used):
        raise _Problem("la regla nombra un criterio más de una vez")
    for crit in criteria:
        if crit.name not in used:
            raise _Problem(f"el criterio «{crit.name}» tiene topes pero la regla no lo usa")
    extra = {}
    if kind == "law":
        extra = _law_parts(data, money_unit, country, criteria)
    return Rulebook(criteria=criteria, rule=rule, **common, **extra)


def _law_parts(data: dict, money_unit: str, country: str, criteria: tuple[CriterionRule, ...]) -> dict:
    """The wage a law counts in (when its unit is the minimum wage) and its sub-classes."""
    wage = None
    if money_unit == WAGE_UNIT:
        raw = _require(data, "wage")
        if not isinstance(raw, dict) or set(raw) - {"country", "sector"}:
            raise _Problem("«wage» debe ser un objeto con «sector» (y, si es otro país, «country»)")
        wage = WageRef(str(raw.get("country") or country), _text_field(raw, "sector", "wage"))
    elif "wage" in data:
        raise _Problem("«wage» solo cabe cuando «money_unit» es «minimum_wage»")
    subclasses = None
    if "subclasses" in data:
        subclasses = _subclasses(data["subclasses"], {c.name for c in criteria})
    return {"wage": wage, "subclasses": subclasses}


def _subclasses(raw: Any, criteria: set[str]) -> SubclassRule:
    if not isinstance(raw, dict) or set(raw) != {"of", "levels"}:
        raise _Problem("«subclasses» debe ser un objeto con «of» y «levels»")
    of = raw["of"]
    if of not in CEILING_CLASSES:
        raise _Problem(f"«subclasses.of» debe ser una de {', '.join(CEILING_CLASSES)}, no «{of}»")
    levels, last = [], {}
    for i, item in enumerate(_list(raw["levels"], "subclasses.levels")):
        where = f"subclasses.levels[{i}]"
        if not isinstance(item, dict):
            raise _Problem(f"«{where}» debe ser un objeto")
        ceilings = _require(item, "ceilings", where)
        if not isinstance(ceilings, dict) or not ceilings:
            raise _Problem(f"«{where}.ceilings» debe ser un objeto con al menos un tope")
        pairs = []
        for name, value in ceilings.items():
            if name not in criteria:
                raise _Problem(f"«{where}.ceilings.{name}»: la regla no usa ese criterio")
            number = _number(value, f"{where}.ceilings.{name}")
            if name in last and number <= last[name]:
                raise _Problem(f"topes desordenados en «{where}.ceilings.{name}»: deben crecer de un nivel al siguiente")
            last[name] = number
            pairs.append((name, number))
        levels.append(SubclassLevel(_text_field(item, "code", where),
                                    _bilingual(_require(item, "label", where), f"{where}.label"), tuple(pairs)))
    if len(levels) < 2:
        raise _Problem("«subclasses.levels» debe tener al menos dos niveles")
    return SubclassRule(of, tuple(levels))


def _exporter(data: dict, common: dict) -> Rulebook:
    raw = _list(_require(data, "categories"), "categories")
    if not raw:
        raise _Problem("«categories» está vacío")
    categories = []
    for i, item in enumerate(raw):
        where = f"categories[{i}]"
        if not isinstance(item, dict):
            raise _Problem(f"{where} debe ser un objeto")
        categories.append(ExporterCategory(
            code=_text_field(item, "code", where), label=_bilingual(_require(item, "label", where), f"{where}.label"),
            criterion=_bilingual(_require(item, "criterion", where), f"{where}.criterion"),
            when=_condition(_require(item, "when", where), f"{where}.when"),
        ))
    sectors: tuple[str, ...] = ()
    scope_text = None
    if "scope" in data:
        scope = data["scope"]
        if not isinstance(scope, dict):
            raise _Problem("«scope» debe ser un objeto")
        sectors = tuple(_sector_key(s, "scope.sectors") for s in _list(_require(scope, "sectors", "scope"), "scope.sectors"))
        scope_text = _bilingual(_require(scope, "text", "scope"), "scope.text")
    return Rulebook(categories=tuple(categories), scope_sectors=sectors, scope_text=scope_text, **common)


def _criteria(raw: Any) -> tuple[CriterionRule, ...]:
    if not isinstance(raw, dict) or not raw:
        raise _Problem("«criteria» debe ser un objeto con al menos un criterio")
    result = []
    for name, spec in raw.items():
        if name not in CRITERIA:
            raise _Problem(f"criterio desconocido «{name}» (se admiten: {', '.join(CRITERIA)})")
        where = f"criteria.{name}"
        if not isinstance(spec, dict):
            raise _Problem(f"«{where}» debe ser un objeto")
        extra = sorted(set(spec) - {"ceilings", "by_sector", "default"})
        if extra:
            raise _Problem(f"campo desconocido «{where}.{extra[0]}»")
        if "ceilings" in spec:
            if "by_sector" in spec or "default" in spec:
                raise _Problem(f"«{where}» tiene «ceilings» y también topes por sector")
            result.append(CriterionRule(name, _ceilings(spec["ceilings"], name, f"{where}.ceilings")))
            continue
        if "by_sector" not in spec:
            raise _Problem(f"falta el campo «ceilings» en «{where}»")
        table = spec["by_sector"]
        if not isinstance(table, dict) or not table:
            raise _Problem(f"«{where}.by_sector» debe ser un objeto no vacío")
        by_sector = tuple(
            (_sector_key(key, f"{where}.by_sector"), _ceilings(c, name, f"{where}.by_sector.{key}"))
            for key, c in table.items()
        )
        default = _ceilings(spec["default"], name, f"{where}.default") if "default" in spec else None
        result.append(CriterionRule(name, default, by_sector))
    return tuple(result)


def _ceilings(raw: Any, criterion: str, where: str) -> tuple[Decimal, ...]:
    if not isinstance(raw, dict):
        raise _Problem(f"«{where}» debe ser un objeto con un tope por clase")
    for key in raw:
        if key not in CEILING_CLASSES:
            raise _Problem(f"clase desconocida «{key}» en «{where}» (se admiten: {', '.join(CEILING_CLASSES)})")
    values = []
    for cls in CEILING_CLASSES:
        if cls not in raw:
            raise _Problem(f"falta la clase «{cls}» en «{where}»")
        value = _number(raw[cls], f"{where}.{cls}")
        if criterion == "employees" and value != value.to_integral_value():
            raise _Problem(f"el tope de empleados «{where}.{cls}» debe ser un número entero")
        values.append(value)
    for (low_cls, low), (high_cls, high) in zip(zip(CEILING_CLASSES, values), zip(CEILING_CLASSES[1:], values[1:])):
        if high <= low:
            raise _Problem(
                f"topes desordenados o superpuestos en «{where}»: {high_cls} ({high}) "
                f"debe ser mayor que {low_cls} ({low})"
            )
    return tuple(values)


def _rule(raw: Any, where: str) -> RuleNode:
    if isinstance(raw, str):
        if raw not in CRITERIA:
            raise _Problem(f"criterio desconocido «{raw}» en «{where}»")
        return RuleNode("criterion", raw)
    if not isinstance(raw, dict) or len(raw) != 1:
        raise _Problem(f"«{where}» debe ser un objeto con una sola clave: {', '.join(RULE_OPS)}")
    (op, children), = raw.items()
    if op not in RULE_OPS:
        raise _Problem(f"operador desconocido «{op}» en «{where}» (se admiten: {', '.join(RULE_OPS)})")
    if not isinstance(children, list) or not children:
        raise _Problem(f"«{where}.{op}» debe ser una lista no vacía")
    return RuleNode(op, None, tuple(_rule(c, f"{where}.{op}[{i}]") for i, c in enumerate(children)))


def _condition(raw: Any, where: str) -> Condition:
    if not isinstance(raw, dict) or len(raw) != 1:
        raise _Problem(f"«{where}» debe ser un objeto con una sola clave")
    (key, value), = raw.items()
    if key in ("all_of", "any_of"):
        if not isinstance(value, list) or not value:
            raise _Problem(f"«{where}.{key}» debe ser una lista no vacía")
        return Condition(key, children=tuple(_condition(c, f"{where}.{key}[{i}]") for i, c in enumerate(value)))
    if key not in CONDITION_FIELDS:
        raise _Problem(f"dato desconocido «{key}» en «{where}» (se admiten: {', '.join(CONDITION_FIELDS)})")
    if not isinstance(value, dict) or not value:
        raise _Problem(f"«{where}.{key}» debe ser un objeto con comparaciones (lt, le, gt, ge)")
    tests = []
    for op, number in value.items():
        if op not in COMPARISONS:
            raise _Problem(f"comparación desconocida «{op}» en «{where}.{key}»")
        tests.append((op, _number(number, f"{where}.{key}.{op}")))
    return Condition("test", key, tuple(tests))


def _data_note(raw: Any, index: int) -> DataNote:
    where = f"notes[{index}]"
    if not isinstance(raw, dict):
        raise _Problem(f"«{where}» debe ser un objeto")
    return DataNote(
        code=_text_field(raw, "code", where),
        when=_condition(_require(raw, "when", where), f"{where}.when"),
        text=_bilingual(_require(raw, "text", where), f"{where}.text"),
    )


def _sector_key(raw: Any, where: str) -> str:
    code = normalize_sector(raw) if isinstance(raw, str) else None
    if code is None or code != raw:
        raise _Problem(f"«{raw}» en «{where}» no es una sección ni un código CIIU Rev. 4 válido")
    return code


def _require(data: dict, key: str, where: str = "") -> Any:
    if key not in data or data[key] is None:
        place = f" en «{where}»" if where else ""
        raise _Problem(f"falta el campo «{key}»{place}")
    return data[key]


def _text_field(data: dict, key: str, where: str = "") -> str:
    value = _require(data, key, where)
    if not isinstance(value, str) or not value.strip():
        raise _Problem(f"«{key}» debe ser un texto no vacío")
    return value


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise _Problem(f"«{where}» debe ser una lista")
    return value


def _bilingual(raw: Any, where: str) -> Bilingual:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) and raw[k].strip() for k in ("es", "en")):
        raise _Problem(f"«{where}» debe tener textos no vacíos en «es» y «en»")
    return Bilingual(raw["es"], raw["en"])


def _number(raw: Any, where: str) -> Decimal:
    # Floats are refused: "1040.5" written as a JSON number may already be off.
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise _Problem(f"«{where}» debe ser un entero o un número escrito como texto («1040.5»)")
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        raise _Problem(f"«{where}» no es un número: «{raw}»") from None
    if not value.is_finite() or value < 0:
        raise _Problem(f"«{where}» debe ser un número finito y no negativo")
    return value


def _date(raw: Any, key: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise _Problem(f"«{key}» debe ser una fecha AAAA-MM-DD, no «{raw}»") from None
