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

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.domain.errors import DataFileError
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
class Text:
    """A piece of user-facing text in Spanish and English."""

    es: str
    en: str

    def text(self, lang: str = "es") -> str:
        """Return the text in ``lang`` ("es" or "en"), falling back to Spanish."""
        return self.en if lang == "en" else self.es

    def to_dict(self) -> dict[str, str]:
        return {"es": self.es, "en": self.en}


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
    _index: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

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


def load_questionnaire(path: str | Path | None = None) -> Questionnaire:
    """Load and validate a questionnaire file (the shipped one by default).

    Raises:
        DataFileError: the file is missing, not JSON, or breaks a rule.
    """
    path = Path(path) if path is not None else resource_path(*DEFAULT_PATH)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(str(path), "el archivo no existe") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"no es JSON válido ({exc})") from None
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
