"""Size definitions a centre keeps current: law rulebooks and minimum-wage tables.

The shipped ones are the files of ``resources/laws`` (``"kind": "law"`` or
``"minimum_wage"``); a centre imports more from a file. An imported file is
checked twice: first against its JSON Schema (``resources/schemas``), each
problem worded as one Spanish sentence naming the field; then by the parser
that the shipped files go through (ceilings that grow, dates in order ...).
Nothing of a file with a problem is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from desktop.domain.datafiles import read_json
from desktop.domain.errors import DataFileError, UserError
from desktop.domain.sizing.law import LawSet
from desktop.domain.sizing.model import Rulebook
from desktop.domain.sizing.parse import parse_data
from desktop.domain.sizing.wages import WageTable, parse_wage_table
from desktop.resources import resource_path

KIND_SCHEMAS = {"law": "size-law.schema.json", "minimum_wage": "minimum-wage.schema.json"}
_TYPES = {"object": "un objeto", "array": "una lista", "string": "un texto", "integer": "un número entero",
          "number": "un número", "null": "null", "boolean": "verdadero o falso"}


class DefinitionError(UserError):
    """A definition file that cannot be imported; ``problems`` holds one sentence per problem."""

    def __init__(self, problems: list[str], field: str | None = None):
        first = problems[0]
        more = f" (y {len(problems) - 1} problema{'s' if len(problems) > 2 else ''} más)" if len(problems) > 1 else ""
        super().__init__(first.rstrip(".") + more + ".", field=field)
        self.problems = problems


@dataclass(frozen=True)
class Definition:
    """One definition as read: a law rulebook or a wage table, with its JSON text."""

    kind: str  # "law" | "minimum_wage"
    book: Rulebook | None
    wages: WageTable | None
    text: str  # the JSON as stored and synced (canonical: sorted keys, accents kept)

    @property
    def def_id(self) -> str:
        return self.book.id if self.book else self.wages.id

    @property
    def version(self) -> str:
        return self.book.version if self.book else self.wages.version

    @property
    def country(self) -> str:
        return self.book.country if self.book else self.wages.country


def definition_from_data(data: Any, name: str = "") -> Definition:
    """Check ``data`` against its schema and parse it.

    Raises:
        DefinitionError: every schema problem (one sentence each, naming the field), or the
            parser's one problem.
    """
    if not isinstance(data, dict):
        raise DefinitionError(["El archivo debe contener un objeto JSON."])
    kind = data.get("kind")
    if kind not in KIND_SCHEMAS:
        raise DefinitionError([f"El campo «kind» debe ser «law» (una ley) o «minimum_wage» (un salario "
                               f"mínimo), no «{kind}»."], field="kind")
    problems = schema_problems(data, kind)
    if problems:
        raise DefinitionError(problems)
    try:
        book = parse_data(data, name) if kind == "law" else None
        wages = parse_wage_table(data, name) if kind == "minimum_wage" else None
    except DataFileError as exc:
        raise DefinitionError([f"{exc.problem[0].upper()}{exc.problem[1:]}."]) from None
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return Definition(kind, book, wages, text)


def read_definition_file(path: str | Path) -> Definition:
    """Read and check a file a coordinator chose.

    Raises:
        DefinitionError: unreadable, not JSON, or not a valid definition.
    """
    try:
        data = read_json(path)
    except DataFileError as exc:
        raise DefinitionError([f"El archivo {Path(path).name} {exc.problem}."]) from None
    return definition_from_data(data, Path(path).name)


def schema_problems(data: dict, kind: str) -> list[str]:
    """One Spanish sentence per schema violation, each naming the field, in file order."""
    validator = _validator(kind)
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [_sentence(error) for error in errors]


@lru_cache(maxsize=2)
def _validator(kind: str) -> Draft202012Validator:
    schema = read_json(resource_path("schemas", KIND_SCHEMAS[kind]))
    return Draft202012Validator(schema)


def _field(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _sentence(error: ValidationError) -> str:
    where = _field(error.absolute_path)
    if error.validator == "required":
        missing = error.message.split("'")[1]
        name = f"{where}.{missing}" if where else missing
        return f"Falta el campo «{name}»."
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        name = f"{where}.{extra[0]}" if where else extra[0]
        return f"El campo «{name}» no existe en este tipo de archivo."
    own = error.schema.get("x-error") if isinstance(error.schema, dict) else None
    if own is None and error.parent is None:
        own = _parent_message(error)
    if own:
        return f"El campo «{where}» {own}."
    if error.validator == "type":
        return f"El campo «{where}» debe ser {_TYPES.get(error.validator_value, error.validator_value)}."
    if error.validator == "enum":
        return f"El campo «{where}» debe ser uno de: {', '.join(map(str, error.validator_value))}."
    if error.validator in ("minItems", "minProperties"):
        return f"El campo «{where}» no puede estar vacío."
    if error.validator == "minLength":
        return f"El campo «{where}» no puede ser un texto vacío."
    return f"El campo «{where}» no es válido ({error.validator})."


def _parent_message(error: ValidationError) -> str | None:
    # A $ref'd definition's own message lives on the schema that failed.
    for context in (error.context or ()):
        if isinstance(context.schema, dict) and context.schema.get("x-error"):
            return context.schema["x-error"]
    return None


@lru_cache(maxsize=1)
def shipped_definitions() -> tuple[Definition, ...]:
    """The law rulebooks and wage tables shipped in ``resources/laws``."""
    folder = resource_path("laws")
    out = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            out.append(definition_from_data(read_json(path), path.name))
        except DefinitionError as exc:
            raise DataFileError(str(path), "; ".join(exc.problems)) from None
    return tuple(out)


def law_set(extra: list[Definition] = ()) -> LawSet:
    """The shipped definitions plus ``extra`` (the centre's imports) as one set."""
    every = [*shipped_definitions(), *extra]
    return LawSet([d.book for d in every if d.book], [d.wages for d in every if d.wages])
