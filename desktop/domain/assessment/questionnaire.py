"""The readiness questionnaire as data: dimensions, questions and their scoring rules.

The questionnaire ships as a versioned JSON file in ``resources/questionnaires``.
This module turns it into frozen dataclasses and refuses a malformed file with a
:class:`DataFileError` naming the file and the problem, so an authoring mistake
never turns into a silently wrong score.

Scoring rules per question type (every rule yields a fraction 0..1 of the
question's weight; all arithmetic is exact, see ``scoring.py``):

* ``yes_no``: "yes" earns the whole weight, "no" nothing (``inverted`` swaps them).
* ``level``: maturity 0..4 earns ``level / 4``; each level has a descriptor.
* ``number``: ``bands`` give a score 0..100 from each lower bound upwards.
* ``single_choice``: each option carries a score 0..100.
* ``multi_choice``: the scores of the chosen options add up, capped at 100.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.domain.datafiles import read_json
from desktop.domain.errors import DataFileError
from desktop.domain.assessment.model import Basis
from desktop.domain.text import Text
from desktop.resources import resource_path

QUESTION_TYPES = ("yes_no", "level", "number", "single_choice", "multi_choice")
LEVELS = (0, 1, 2, 3, 4)
BANDS = ("inicial", "en_desarrollo", "preparada", "avanzada")
LANGS = ("es", "en")
# Facts about the firm that ``applies_if`` may test (see FirmContext.facts()).
FACTS = ("country", "size_class", "sector_type", "exports_now", "exports_direct", "formal_registration")
CONDITION_OPS = ("eq", "in", "lt", "gte")
DEFAULT_PATH = ("questionnaires", "rumbo-preparacion.json")


@dataclass(frozen=True)
class Condition:
    """One test over a firm fact or over another question's answer.

    Exactly one of ``fact`` / ``question`` is set. An unknown fact or an
    unanswered question makes the condition hold: asking one question too many
    is safer than hiding one that matters (the adviser can answer "no aplica").
    """

    op: str
    value: Any
    fact: str | None = None
    question: str | None = None


@dataclass(frozen=True)
class Option:
    """A choice of a single or multiple choice question."""

    id: str
    label: Text
    score: int  # 0..100


@dataclass(frozen=True)
class NumberBand:
    """From ``lower`` upwards (until the next band) a number scores ``score`` (0..100)."""

    lower: Decimal
    score: int


@dataclass(frozen=True)
class KnockOut:
    """A rule that caps the band whatever the average, and says why."""

    condition: Condition  # tested against this question's own answer
    cap: str  # a band code
    reason: Text


@dataclass(frozen=True)
class Question:
    """One interview question; ``id`` never changes meaning across versions."""

    id: str
    dimension: str
    type: str
    weight: Decimal
    text: Text
    help: Text
    evidence: str
    applies_if: tuple[Condition, ...] = ()
    levels: tuple[Text, ...] = ()  # descriptors for levels 0..4
    options: tuple[Option, ...] = ()
    bands: tuple[NumberBand, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    unit: Text | None = None
    inverted: bool = False
    knock_out: KnockOut | None = None
    gap: Text | None = None  # the shortfall in a sentence, used in reasons
    basis: Basis | None = None  # the line of the study behind it, or the centre's criterion
    scored: bool = True  # False: asked for context (it shapes the advice) but earns no points

    def option(self, option_id: str) -> Option | None:
        """Return the option with ``option_id``, or None."""
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Dimension:
    """A readiness dimension, scored 0..100 from its questions."""

    id: str
    weight: Decimal
    title: Text
    description: Text
    evidence: str
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class Questionnaire:
    """A versioned questionnaire; results record ``id`` and ``version``."""

    id: str
    version: str
    title: Text
    coverage_threshold: Decimal  # a dimension below this coverage has no score
    provisional_threshold: Decimal  # overall coverage below this: provisional result
    band_cutoffs: tuple[tuple[str, Decimal], ...]  # (band, lower bound), ascending
    dimensions: tuple[Dimension, ...] = ()
    source: str = ""
    index_threshold: Decimal | None = None  # overall coverage needed for an index and a band
    rationale: dict[str, Text] = field(default_factory=dict)  # why each parameter has its value
    adjusted_by: str = ""  # "" for the questionnaire's own parameters, else who changed them (the centre)
    _index: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    @property
    def index_coverage(self) -> Decimal:
        """The overall coverage needed for an index (``coverage_threshold`` when not declared)."""
        return self.index_threshold if self.index_threshold is not None else self.coverage_threshold

    def parameters(self) -> dict[str, Any]:
        """The weights, bands and thresholds in force, as JSON-safe text (stored with each result)."""
        return {
            "dimension_weights": {d.id: str(d.weight) for d in self.dimensions},
            "bands": {name: str(lower) for name, lower in self.band_cutoffs},
            "coverage_threshold": str(self.coverage_threshold),
            "provisional_threshold": str(self.provisional_threshold),
            "index_threshold": str(self.index_coverage),
            "adjusted_by": self.adjusted_by,
        }

    def with_parameters(self, overrides: dict[str, Any] | None, who: str = "centro") -> "Questionnaire":
        """This questionnaire with a centre's weights, bands or thresholds (checked like the file's).

        ``overrides`` has the shape of :meth:`parameters` (any part may be left out).

        Raises:
            DataFileError: a value breaks the rules the questionnaire file obeys.
        """
        if not overrides:
            return self
        where = "parámetros del centro"
        weights = overrides.get("dimension_weights") or {}
        unknown = [k for k in weights if self.dimension(k) is None]
        if unknown:
            raise DataFileError(where, f"dimensión desconocida «{unknown[0]}»")
        dims = tuple(replace(d, weight=_weight(weights[d.id], f"dimensión «{d.id}»", where)) if d.id in weights else d
                     for d in self.dimensions)
        cutoffs = self.band_cutoffs
        if overrides.get("bands"):
            cutoffs = _cutoffs(overrides["bands"], where, ordered=False)
        thresholds = {}
        for key in ("coverage_threshold", "provisional_threshold", "index_threshold"):
            if overrides.get(key) is not None:
                thresholds[key] = _threshold(overrides[key], key, where)
        changed = replace(self, dimensions=dims, band_cutoffs=cutoffs, adjusted_by=who, _index={}, **thresholds)
        return changed if changed.parameters() != self.parameters() or self.adjusted_by else self

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions in interview order."""
        return tuple(q for d in self.dimensions for q in d.questions)

    def question(self, question_id: str) -> Question | None:
        """Return the question with ``question_id``, or None."""
        if not self._index:
            self._index.update({q.id: q for q in self.questions})
        return self._index.get(question_id)

    def dimension(self, dimension_id: str) -> Dimension | None:
        """Return the dimension with ``dimension_id``, or None."""
        return next((d for d in self.dimensions if d.id == dimension_id), None)


@lru_cache(maxsize=8)
def shipped_questionnaire(version: str | None = None) -> Questionnaire | None:
    """The shipped questionnaire of ``version`` (the current one when None), or None if not shipped.

    The current version is ``rumbo-preparacion.json``; earlier versions stay shipped as
    ``rumbo-preparacion-<version>.json`` so drafts and results started with them keep working.
    """
    current = load_questionnaire()
    if version is None or version == current.version:
        return current
    older = resource_path("questionnaires", f"{current.id}-{version}.json")
    if not Path(older).is_file():
        return None
    found = load_questionnaire(older)
    return found if found.version == version else None


def load_questionnaire(path: str | Path | None = None) -> Questionnaire:
    """Load and validate a questionnaire file (the shipped one by default).

    Raises:
        DataFileError: the file is missing, not JSON, or breaks a rule.
    """
    path = Path(path) if path is not None else resource_path(*DEFAULT_PATH)
    raw = read_json(path)
    return parse_questionnaire(raw, str(path))


def decimal_of(value: Any, where: str, path: str) -> Decimal:
    """Read a JSON number exactly (via its text, so 0.1 stays 0.1)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise DataFileError(path, f"{where}: se esperaba un número, no {value!r}")
    try:
        result = Decimal(str(value))
    except InvalidOperation:
        raise DataFileError(path, f"{where}: se esperaba un número, no {value!r}") from None
    if not result.is_finite():
        raise DataFileError(path, f"{where}: número no finito {value!r}")
    return result


# --- parsing and validation -------------------------------------------------


def _text(raw: Any, where: str, path: str, *, required: bool = True) -> Text | None:
    if raw is None and not required:
        return None
    if not isinstance(raw, dict) or any(not isinstance(raw.get(k), str) or not raw.get(k).strip() for k in LANGS):
        raise DataFileError(path, f"{where}: falta el texto en español y en inglés ({{\"es\": ..., \"en\": ...}})")
    return Text(es=raw["es"], en=raw["en"])


def _weight(raw: Any, where: str, path: str) -> Decimal:
    weight = decimal_of(raw, f"{where}: peso", path)
    if weight <= 0:
        raise DataFileError(path, f"{where}: el peso debe ser mayor que cero (es {raw!r})")
    return weight


def _condition(raw: Any, where: str, path: str, known_questions: set[str] | None = None) -> Condition:
    if not isinstance(raw, dict):
        raise DataFileError(path, f"{where}: una condición debe ser un objeto")
    ops = [op for op in CONDITION_OPS if op in raw]
    if len(ops) != 1:
        raise DataFileError(path, f"{where}: la condición necesita exactamente uno de {', '.join(CONDITION_OPS)}")
    fact, question = raw.get("fact"), raw.get("question")
    if (fact is None) == (question is None) and known_questions is not None:
        raise DataFileError(path, f"{where}: la condición debe nombrar «fact» o «question», no ambos ni ninguno")
    if fact is not None and fact not in FACTS:
        raise DataFileError(path, f"{where}: dato de empresa desconocido «{fact}» (conocidos: {', '.join(FACTS)})")
    if question is not None and known_questions is not None and question not in known_questions:
        raise DataFileError(path, f"{where}: la condición cita una pregunta anterior inexistente «{question}»")
    op = ops[0]
    value = raw[op]
    if op == "in" and not isinstance(value, list):
        raise DataFileError(path, f"{where}: «in» necesita una lista")
    return Condition(op=op, value=value, fact=fact, question=question)


def _options(raw: Any, where: str, path: str) -> tuple[Option, ...]:
    if not isinstance(raw, list) or len(raw) < 2:
        raise DataFileError(path, f"{where}: una pregunta de opciones necesita al menos dos opciones")
    seen: set[str] = set()
    options = []
    for i, item in enumerate(raw):
        spot = f"{where}, opción {i + 1}"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise DataFileError(path, f"{spot}: falta el id")
        if item["id"] in seen:
            raise DataFileError(path, f"{spot}: id de opción repetido «{item['id']}»")
        if item["id"] in ("no_sabe", "no_aplica", "prefiere_no_responder"):
            # These ids are the special answer codes; an option may not take them.
            raise DataFileError(path, f"{spot}: «{item['id']}» está reservado para las respuestas especiales")
        seen.add(item["id"])
        points = item.get("score")
        if isinstance(points, bool) or not isinstance(points, int) or not 0 <= points <= 100:
            raise DataFileError(path, f"{spot}: la puntuación debe ser un entero entre 0 y 100")
        options.append(Option(id=item["id"], label=_text(item.get("label"), spot, path), score=points))
    return tuple(options)


def _bands(raw: Any, where: str, path: str) -> tuple[NumberBand, ...]:
    if not isinstance(raw, list) or not raw:
        raise DataFileError(path, f"{where}: una pregunta numérica necesita tramos de puntuación («bands»)")
    bands = []
    for i, item in enumerate(raw):
        spot = f"{where}, tramo {i + 1}"
        if not isinstance(item, dict):
            raise DataFileError(path, f"{spot}: un tramo debe ser un objeto")
        points = item.get("score")
        if isinstance(points, bool) or not isinstance(points, int) or not 0 <= points <= 100:
            raise DataFileError(path, f"{spot}: la puntuación debe ser un entero entre 0 y 100")
        bands.append(NumberBand(lower=decimal_of(item.get("from"), f"{spot}: «from»", path), score=points))
    for a, b in zip(bands, bands[1:]):
        if b.lower <= a.lower:
            raise DataFileError(path, f"{where}: los tramos deben ir en orden creciente")
    return tuple(bands)


def _question(raw: Any, dim_id: str, where: str, path: str, earlier: set[str]) -> Question:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        raise DataFileError(path, f"{where}: falta el id de la pregunta")
    qid = raw["id"]
    where = f"pregunta «{qid}»"
    qtype = raw.get("type")
    if qtype not in QUESTION_TYPES:
        raise DataFileError(path, f"{where}: tipo desconocido «{qtype}» (válidos: {', '.join(QUESTION_TYPES)})")
    if not isinstance(raw.get("evidence"), str) or not raw["evidence"].strip():
        raise DataFileError(path, f"{where}: falta la evidencia de la fuente («evidence»)")
    conds = raw.get("applies_if", [])
    if not isinstance(conds, list):
        raise DataFileError(path, f"{where}: «applies_if» debe ser una lista de condiciones")
    kw: dict[str, Any] = {}
    if qtype == "level":
        levels = raw.get("levels")
        if not isinstance(levels, list) or len(levels) != len(LEVELS):
            raise DataFileError(path, f"{where}: faltan descriptores de nivel (se necesitan 5, del 0 al 4)")
        kw["levels"] = tuple(_text(t, f"{where}, nivel {i}", path) for i, t in enumerate(levels))
    elif qtype in ("single_choice", "multi_choice"):
        kw["options"] = _options(raw.get("options"), where, path)
    elif qtype == "number":
        kw["bands"] = _bands(raw.get("bands"), where, path)
        kw["minimum"] = decimal_of(raw.get("min", 0), f"{where}: «min»", path)
        if raw.get("max") is not None:
            kw["maximum"] = decimal_of(raw["max"], f"{where}: «max»", path)
        if kw["bands"][0].lower != kw["minimum"]:
            raise DataFileError(path, f"{where}: el primer tramo debe empezar en el mínimo ({kw['minimum']})")
        kw["unit"] = _text(raw.get("unit"), f"{where}: unidad", path, required=False)
    ko = raw.get("knock_out")
    if ko is not None:
        if not isinstance(ko, dict) or ko.get("cap") not in BANDS[:-1]:
            raise DataFileError(path, f"{where}: el knock-out necesita «cap» con una banda de {', '.join(BANDS[:-1])}")
        kw["knock_out"] = KnockOut(
            condition=_condition(ko.get("if"), f"{where}: knock-out", path),
            cap=ko["cap"],
            reason=_text(ko.get("reason"), f"{where}: razón del knock-out", path),
        )
    return Question(
        id=qid,
        dimension=dim_id,
        type=qtype,
        weight=_weight(raw.get("weight"), where, path),
        text=_text(raw.get("text"), f"{where}: texto", path),
        help=_text(raw.get("help"), f"{where}: ayuda", path),
        evidence=raw["evidence"],
        applies_if=tuple(_condition(c, f"{where}: applies_if", path, earlier) for c in conds),
        inverted=bool(raw.get("inverted", False)),
        gap=_text(raw.get("gap"), f"{where}: brecha", path, required=False),
        basis=parse_basis(raw.get("basis"), where, path) if raw.get("basis") is not None else None,
        scored=bool(raw.get("scored", True)),
        **kw,
    )


def parse_basis(raw: Any, where: str, path: str) -> Basis:
    """``{"section", "quote", "en"}`` from the study, or ``{"criterio_del_centro": {"es", "en"}}``."""
    if not isinstance(raw, dict):
        raise DataFileError(path, f"{where}: «basis» debe ser un objeto")
    limits = _text(raw["limits"], f"{where}: límites", path) if raw.get("limits") else None
    if "criterio_del_centro" in raw:
        return Basis(centre=_text(raw["criterio_del_centro"], f"{where}: criterio del centro", path), limits=limits)
    for key in ("section", "quote", "en"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise DataFileError(path, f"{where}: a «basis» le falta «{key}»")
    return Basis(section=raw["section"], quote=raw["quote"], en=raw["en"], limits=limits)


def parse_questionnaire(raw: Any, path: str) -> Questionnaire:
    """Build a Questionnaire from decoded JSON, checking every rule.

    Raises:
        DataFileError: naming ``path`` and the first problem found.
    """
    if not isinstance(raw, dict):
        raise DataFileError(path, "el cuestionario debe ser un objeto JSON")
    for key in ("id", "version"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise DataFileError(path, f"falta «{key}» del cuestionario")
    cutoffs = _cutoffs(raw.get("bands"), path)
    thresholds = {key: _threshold(raw.get(key), key, path) for key in ("coverage_threshold", "provisional_threshold")}
    if raw.get("index_threshold") is not None:
        thresholds["index_threshold"] = _threshold(raw["index_threshold"], "index_threshold", path)
    rationale_raw = raw.get("rationale", {})
    if not isinstance(rationale_raw, dict):
        raise DataFileError(path, "«rationale» debe dar, por parámetro, el porqué en español y en inglés")
    rationale = {k: _text(v, f"razón del parámetro «{k}»", path) for k, v in rationale_raw.items()}
    dims_raw = raw.get("dimensions")
    if not isinstance(dims_raw, list) or not dims_raw:
        raise DataFileError(path, "el cuestionario no tiene dimensiones")
    dims, seen_dims, seen_q = [], set(), set()
    for i, d in enumerate(dims_raw):
        if not isinstance(d, dict) or not isinstance(d.get("id"), str) or not d["id"]:
            raise DataFileError(path, f"dimensión {i + 1}: falta el id")
        where = f"dimensión «{d['id']}»"
        if d["id"] in seen_dims:
            raise DataFileError(path, f"{where}: id de dimensión repetido")
        seen_dims.add(d["id"])
        if not isinstance(d.get("questions"), list) or not d["questions"]:
            raise DataFileError(path, f"{where}: no tiene preguntas")
        questions = []
        for j, q in enumerate(d["questions"]):
            question = _question(q, d["id"], f"{where}, pregunta {j + 1}", path, set(seen_q))
            if question.id in seen_q:
                raise DataFileError(path, f"pregunta «{question.id}»: id de pregunta repetido")
            seen_q.add(question.id)
            questions.append(question)
        if not isinstance(d.get("evidence"), str) or not d["evidence"].strip():
            raise DataFileError(path, f"{where}: falta la evidencia de la fuente («evidence»)")
        dims.append(Dimension(
            id=d["id"],
            weight=_weight(d.get("weight"), where, path),
            title=_text(d.get("title"), f"{where}: título", path),
            description=_text(d.get("description"), f"{where}: descripción", path),
            evidence=d["evidence"],
            questions=tuple(questions),
        ))
    return Questionnaire(
        id=raw["id"],
        version=raw["version"],
        title=_text(raw.get("title"), "título del cuestionario", path),
        band_cutoffs=cutoffs,
        dimensions=tuple(dims),
        source=str(raw.get("source", "")),
        rationale=rationale,
        **thresholds,
    )


def _cutoffs(raw: Any, path: str, *, ordered: bool = True) -> tuple[tuple[str, Decimal], ...]:
    """Band lower bounds; the file lists them in ladder order, stored settings in any order."""
    if not isinstance(raw, dict) or (list(raw) if ordered else sorted(raw)) != (list(BANDS) if ordered else sorted(BANDS)):
        raise DataFileError(path, f"«bands» debe dar el límite inferior de {', '.join(BANDS)}, en ese orden")
    cutoffs = tuple((b, decimal_of(raw[b], f"banda {b}", path)) for b in BANDS)
    if cutoffs[0][1] != 0 or any(b[1] <= a[1] for a, b in zip(cutoffs, cutoffs[1:])) or cutoffs[-1][1] > 100:
        raise DataFileError(path, "los límites de las bandas deben empezar en 0 y crecer hasta como mucho 100")
    return cutoffs


def _threshold(raw: Any, key: str, path: str) -> Decimal:
    value = decimal_of(raw, key, path)
    if not 0 < value <= 1:
        raise DataFileError(path, f"«{key}» debe estar entre 0 y 1")
    return value
