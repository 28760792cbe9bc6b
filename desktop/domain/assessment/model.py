"""The values of a readiness assessment: answers, the firm's context, results, and their labels.

Every engine of this package (scoring, stage, explain, recommend, catalog)
imports these; none of them is imported here, so the package has no circle.

Numbers: scores are computed with exact fractions and rounded once, at the end,
half up, to one decimal (scores, index, coverage in percent) so hand-worked
examples match to the digit. Results carry :class:`~decimal.Decimal` values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.domain.text import Text

# Answers that are not values. They are never zeros: "no_aplica" removes the
# question from the dimension, the other two leave it unanswered (coverage falls).
NO_SABE = "no_sabe"
NO_APLICA = "no_aplica"
PREFIERE_NO_RESPONDER = "prefiere_no_responder"
SPECIAL_CODES = (NO_SABE, NO_APLICA, PREFIERE_NO_RESPONDER)
EVIDENCE_KINDS = ("declarado", "documento")

STAGES = ("local_only", "indirect_exporter", "occasional_direct", "regular_direct", "multi_market")
PROFILES = (
    "autoempleo_supervivencia",
    "local_tradicional",
    "proveedor_vinculado",
    "exportador_directo",
    "dinamica_innovadora",
)
SIZE_CLASSES = ("micro", "pequena", "mediana", "grande", "sin_clasificar")
SECTOR_TYPES = (
    "agroalimentario",
    "recursos_naturales",
    "manufactura_tradicional",
    "intensiva_tecnologia",
    "comercio",
    "servicios",
)
# Dimension statuses.
OK = "ok"
SIN_DATOS = "sin_datos_suficientes"
DIM_NO_APLICA = "no_aplica"

# Display text for every code the assessment returns; use label(kind, code, lang).
LABELS: dict[str, dict[str, Text]] = {
    "band": {
        "inicial": Text("Inicial", "Initial"),
        "en_desarrollo": Text("En desarrollo", "Developing"),
        "preparada": Text("Preparada", "Ready"),
        "avanzada": Text("Avanzada", "Advanced"),
    },
    "stage": {
        "local_only": Text("Solo mercado local", "Local market only"),
        "indirect_exporter": Text("Exportadora indirecta", "Indirect exporter"),
        "occasional_direct": Text("Exportadora directa ocasional", "Occasional direct exporter"),
        "regular_direct": Text("Exportadora directa regular", "Regular direct exporter"),
        "multi_market": Text("Exportadora a varios mercados", "Multi-market exporter"),
    },
    # The spectrum of reference.md §4.7 (OCDE y CEPAL, 2012; Ferraro y Stumpo, 2010):
    # the two poles are in the source; the three middle segments are our reading of it.
    "profile": {
        "autoempleo_supervivencia": Text("Autoempleo de supervivencia", "Survival self-employment"),
        "local_tradicional": Text("Mipyme tradicional de mercado local", "Traditional local-market firm"),
        "proveedor_vinculado": Text("Proveedora vinculada a cadenas exportadoras", "Supplier linked to export chains"),
        "exportador_directo": Text("Exportadora directa", "Direct exporter"),
        "dinamica_innovadora": Text("Empresa innovadora de gran crecimiento", "High-growth innovative firm"),
    },
    "status": {
        OK: Text("Con datos", "Scored"),
        SIN_DATOS: Text("Sin datos suficientes", "Not enough data"),
        DIM_NO_APLICA: Text("No aplica", "Not applicable"),
    },
    "code": {
        NO_SABE: Text("No sabe", "Does not know"),
        NO_APLICA: Text("No aplica", "Not applicable"),
        PREFIERE_NO_RESPONDER: Text("Prefiere no responder", "Prefers not to answer"),
    },
    "evidence": {
        "declarado": Text("Declarado por el propietario", "Declared by the owner"),
        "documento": Text("Documento visto por el asesor", "Document seen by the adviser"),
    },
    # How much the study backs a recommendation for this firm (see Recommendation.level).
    "level": {
        "estudio_empareja": Text("El estudio lo vincula con este tipo de empresa",
                                 "The study pairs it with this kind of firm"),
        "estudio_describe": Text("El estudio lo describe como útil ante esta brecha",
                                 "The study describes it as useful for this gap"),
        "criterio_centro": Text("Criterio del centro: el estudio no lo vincula con este caso",
                                "The centre's criterion: the study does not pair it with this case"),
    },
}
# The three levels of support, strongest first.
LEVELS = ("estudio_empareja", "estudio_describe", "criterio_centro")


def label(kind: str, code: str | None, lang: str = "es") -> str:
    """Display text for a code of ``kind`` ("band", "stage", "profile", "status", "code", "evidence").

    Unknown codes come back unchanged, and None as an empty string.
    """
    if code is None:
        return ""
    entry = LABELS.get(kind, {}).get(code)
    return entry.text(lang) if entry else code


@dataclass(frozen=True)
class Answer:
    """One answer: a value, or one of SPECIAL_CODES in ``code``.

    Values by question type: yes_no -> bool; level -> int 0..4; number -> int,
    Decimal or numeric string; single_choice -> option id; multi_choice -> list
    of option ids (an empty list means "none of them").
    """

    value: Any = None
    code: str | None = None
    evidence: str = "declarado"
    note: str = ""

    @property
    def answered(self) -> bool:
        """True when the answer carries a value rather than a special code."""
        return self.code is None


@dataclass(frozen=True)
class FirmContext:
    """What the assessment needs to know about the firm besides the answers.

    Money in whole US dollars. ``None`` means unknown. ``sector_type`` may be
    left empty and is then derived from ``sector_isic`` (see stage.py).
    """

    country: str | None = None
    size_class: str | None = None
    sector_isic: str | None = None
    sector_type: str | None = None
    employees: int | None = None
    sales_usd: Decimal | None = None
    exports_usd: Decimal | None = None
    formal_registration: bool | None = None
    differentiated_product: bool | None = None
    name: str = ""
    year_founded: int | None = None  # from the firm's record; firm age decides early-stage finance


@dataclass(frozen=True)
class Contribution:
    """How one question fed its dimension's score.

    ``points`` of ``max_points`` (in the question's weight units; None when the
    question was not answered or does not apply) and ``share`` = the percentage
    points of the dimension score this answer produced. The shares of a
    dimension add up to its score (before rounding).
    """

    question_id: str
    question: Text
    status: str  # "answered", "no_sabe", "prefiere_no_responder", "no_aplica", "not_applicable", "unanswered", "context"
    answer_text: Text | None
    weight: Decimal
    points: Decimal | None
    max_points: Decimal | None
    share: Decimal | None
    evidence: str | None = None


@dataclass(frozen=True)
class DimensionScore:
    """A dimension's score 0..100 (None unless status is "ok") and coverage in %."""

    dimension_id: str
    title: Text
    weight: Decimal
    score: Decimal | None
    coverage: Decimal  # percent of applicable weight that was answered
    status: str  # OK, SIN_DATOS, DIM_NO_APLICA
    contributions: tuple[Contribution, ...] = ()


@dataclass(frozen=True)
class KnockOutHit:
    """A knock-out rule that fired: the question, the band cap and why."""

    question_id: str
    cap: str
    reason: Text


@dataclass(frozen=True)
class Derivation:
    """A derived code (stage or profile) with the reasons that produced it."""

    code: str | None
    reasons: tuple[Text, ...] = ()


@dataclass(frozen=True)
class AssessmentResult:
    """Everything one scoring run produced; self-contained so it can be re-read.

    ``band_uncapped`` is the band the index alone gives; ``band`` is after the
    knock-outs. ``index`` and ``band`` are None when overall coverage is below the
    questionnaire's ``index_threshold`` or no dimension has enough data; the result
    is then incomplete and ``to_ask`` lists what to ask next time.
    """

    questionnaire_id: str
    questionnaire_version: str
    dimensions: tuple[DimensionScore, ...]
    index: Decimal | None
    band: str | None
    band_uncapped: str | None
    coverage: Decimal
    provisional: bool
    knock_outs: tuple[KnockOutHit, ...]
    stage: Derivation
    profile: Derivation
    document_share: Decimal | None  # % of answered questions backed by a document seen
    answers: dict[str, Answer] = field(default_factory=dict)
    firm: FirmContext = field(default_factory=FirmContext)
    notes: tuple[Text, ...] = ()
    rescored_from: str | None = None  # questionnaire version of the result this one re-scores
    to_ask: tuple[str, ...] = ()  # unanswered questions of dimensions without enough data, to ask next time
    parameters: dict[str, Any] = field(default_factory=dict)  # weights, bands and thresholds it was computed with

    @property
    def incomplete(self) -> bool:
        """True when too little was answered for an index and a band ("evaluación incompleta")."""
        return self.index is None

    def dimension(self, dimension_id: str) -> DimensionScore | None:
        """Return the score of ``dimension_id``, or None."""
        return next((d for d in self.dimensions if d.dimension_id == dimension_id), None)

    @property
    def explanation(self) -> dict[str, tuple[Contribution, ...]]:
        """For every dimension, the contribution of each of its questions."""
        return {d.dimension_id: d.contributions for d in self.dimensions}


@dataclass(frozen=True)
class Programme:
    """An example programme from the source's annex tables, copied exactly."""

    id: str  # e.g. "A3-5"
    name: str
    countries: tuple[str, ...]
    institution: str
    results: Text
    source: str  # e.g. "Cuadro A.3 (CEPAL y otros, 2011)"
    sector_types: tuple[str, ...] = ()  # empty: any sector
    institution_note: Text | None = None  # e.g. the table names no institution
    kind: Text | None = None  # what kind of programme it is, when the name alone does not say


@dataclass(frozen=True)
class Basis:
    """The line of the source that supports a question, an instrument or a pairing.

    ``quote`` is copied exactly from the study (Spanish); ``en`` renders it in
    English. When the study is silent, ``quote`` is empty and ``centre`` says
    why the centre asks or recommends it anyway (``criterio_del_centro``).
    """

    section: str = ""
    quote: str = ""
    en: str = ""
    centre: Text | None = None
    limits: Text | None = None

    @property
    def from_study(self) -> bool:
        """True when a phrase of the study supports it."""
        return bool(self.quote)

    def text(self, lang: str = "es") -> str:
        """How the basis reads in a report: «quote» (section), or the centre's reason."""
        if not self.quote:
            reason = self.centre.text(lang) if self.centre else ""
            head = "Criterio del centro (el estudio no lo trata)" if lang == "es" else "Centre's criterion (the study is silent)"
            return f"{head}: {reason}" if reason else head
        where = f"CEPAL 2013, {self.section}"
        said = f"«{self.quote}» ({where})"
        if lang != "es" and self.en:
            said += f" — {self.en}"
        if self.limits:
            said += " " + self.limits.text(lang)
        return said


@dataclass(frozen=True)
class Trigger:
    """An answer or a firm datum that led to a recommendation, as the owner gave it."""

    question_id: str | None  # None for a datum of the firm's record
    question: Text
    answer: Text


@dataclass(frozen=True)
class Recommendation:
    """A support instrument chosen for this firm, with why and what to do.

    ``kind`` is "instrument" (one of the study's four families) or "precondition"
    (a step that comes before the instruments, such as legal registration).
    ``level`` says how far the study backs it *for this firm* (one of LEVELS):
    "estudio_empareja" when the study pairs the instrument with the firm's kind
    of firm, "estudio_describe" when the study describes it as useful for a gap
    the firm's answers show, "criterio_centro" otherwise; ``support`` is the
    study's phrase (or the centre's reason) behind that level. ``fit`` is
    "perfil" when it came with the kind of firm and "brecha" when a weak answer
    brought it. ``after`` names the step that must come first (an instrument
    whose condition is unlocked by it); ``fixes`` is the blocking answer it
    resolves (a knock-out's fix is kept whatever the limit). ``triggers`` are the
    answers behind it; ``programmes_note`` says so when the study cites no
    programme that fits the firm.
    """

    instrument_id: str
    family: str
    title: Text
    description: Text
    reason: Text
    steps: tuple[Text, ...]
    programmes: tuple[Programme, ...]
    gap_dimensions: tuple[str, ...]
    gap: Decimal  # the size of the largest gap it addresses (100 - score)
    catalog_id: str = ""
    catalog_version: str = ""
    kind: str = "instrument"
    fit: str = "brecha"
    triggers: tuple[Trigger, ...] = ()
    basis: Basis | None = None
    support: Basis | None = None
    programmes_note: Text | None = None
    level: str = "criterio_centro"
    after: Text | None = None
    fixes: Text | None = None


@dataclass(frozen=True)
class AdviceNote:
    """A sentence the advice adds besides the instruments (a large firm, a profile not yet known).

    ``kind`` is "large_firm" or "no_profile"; ``bases`` are the study's phrases
    behind it; ``questions`` the ids of questions to ask next.
    """

    kind: str
    text: Text
    bases: tuple[Basis, ...] = ()
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class WhyItem:
    """One reason to internationalize (or a risk to weigh), chosen for this firm's profile.

    ``kind`` is "beneficio", "riesgo" or "costo"; ``basis`` quotes the study.
    """

    id: str
    kind: str
    title: Text
    text: Text
    basis: Basis


@dataclass(frozen=True)
class DimensionChange:
    """One dimension across two assessments; ``delta`` None when either lacks a score."""

    dimension_id: str
    title: Text
    old_score: Decimal | None
    new_score: Decimal | None
    delta: Decimal | None
    old_status: str | None
    new_status: str | None


@dataclass(frozen=True)
class Comparison:
    """Change between two assessments of the same firm (old -> new)."""

    dimensions: tuple[DimensionChange, ...]
    index_delta: Decimal | None
    old_band: str | None
    new_band: str | None
    band_change: int  # steps up (+) or down (-) the band ladder; 0 if same or unknown
    old_stage: str | None
    new_stage: str | None
    stage_change: int
    same_questionnaire: bool
