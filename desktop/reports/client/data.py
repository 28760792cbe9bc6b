"""The client report's content, built by pure functions (no ReportLab, no database).

:func:`build_client_report` turns a firm dict, its size classification, its
latest completed assessment (and the one before), the recommendations and the
centre's settings into a :class:`ClientReport`: every sentence already in the
report language, numbers kept as :class:`~decimal.Decimal` so tests can check
them exactly and the renderer formats them for the locale.

The renderer (:mod:`desktop.reports.client.pdf`) only lays this out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from desktop.domain.assessment import (
    OK,
    SIN_DATOS,
    STRENGTH_FROM,
    AssessmentResult,
    Comparison,
    Recommendation,
    Text,
    shown_profile,
)
from desktop.domain.assessment import (
    label as domain_label,
)
from desktop.reports.client.benchmark_view import BenchmarkView
from desktop.reports.client.classification import ClassificationView, LawView
from desktop.reports.client.offer import CentreProgrammeLine, ask_sentence, centre_line, examples_label, source_years
from desktop.reports.client.summary import Summary, build_summary
from desktop.reports.labels import LABELS, code_label, label
from desktop.reports.profile_rows import profile_rows
from desktop.version import app_version

# Plain-language reading of the dimension scores (0..100). A strength is what the advice never
# gives as a reason for support (the engine's STRENGTH_FROM), so the two pages cannot disagree.
GAP_BELOW = Decimal(50)
MAX_LISTED = 3
PLAN_STEPS = (3, 5)  # the action plan has between 3 and 5 steps


@dataclass(frozen=True)
class Centre:
    """The support centre printing the report (from the settings)."""

    name: str = ""
    logo_path: str | None = None
    country: str | None = None
    contacts: tuple[tuple[str, str], ...] = ()  # its coordinators (name, phone or e-mail): whom to ask


@dataclass(frozen=True)
class DimensionLine:
    """One dimension as printed: score None unless ``status`` is "ok"."""

    dimension_id: str
    title: str
    short_title: str
    score: Decimal | None
    coverage: Decimal
    status: str
    status_text: str  # "" when scored, otherwise "sin datos suficientes" / "no aplica"


@dataclass(frozen=True)
class Readiness:
    """The readiness summary of one assessment."""

    index: Decimal | None
    band: str | None
    band_label: str
    band_uncapped_label: str | None  # set only when a knock-out lowered the band
    stage_label: str
    stage_reasons: tuple[str, ...]
    profile_label: str
    profile_reasons: tuple[str, ...]
    coverage: Decimal
    provisional: bool
    dimensions: tuple[DimensionLine, ...]
    knock_outs: tuple[str, ...]
    strengths: tuple[str, ...]
    gaps: tuple[str, ...]
    to_ask: tuple[str, ...] = ()  # questions to ask next time (dimensions without enough data)
    incomplete: bool = False  # too little answered for an index and a band
    parameters: tuple[str, ...] = ()  # what the result was computed with, one line each


@dataclass(frozen=True)
class ProgrammeLine:
    """An example programme, as the catalogue gives it."""

    name: str
    countries: str
    institution: str
    results: str
    source: str


@dataclass(frozen=True)
class RecommendationLine:
    """A recommended instrument with its reason and its example programmes."""

    title: str
    family: str
    description: str
    reason: str
    steps: tuple[str, ...]
    programmes: tuple[ProgrammeLine, ...]
    triggers: tuple[str, ...] = ()  # "question: answer", as the owner gave it
    basis: str = ""  # the study's phrase behind the instrument, or the centre's criterion
    support: str = ""  # the study's phrase behind the level (pairing or gap); empty for the centre's criterion
    programmes_note: str = ""  # said when the study cites no programme that fits
    precondition: bool = False
    level: str = "criterio_centro"  # one of the domain's LEVELS
    level_label: str = ""  # the level in words
    instrument_id: str = ""
    centre_programmes: tuple[CentreProgrammeLine, ...] = ()  # the directory's current programmes, shown first
    examples_label: str = ""  # heading of the study's examples: whose, which years, not today's offer
    support_same_as: str = ""  # an earlier recommendation's title when its study quote is this one's too


@dataclass(frozen=True)
class NoteLine:
    """A sentence of the advice besides the instruments (a large firm; no profile yet), with its quotes."""

    kind: str
    text: str
    bases: tuple[str, ...] = ()


@dataclass(frozen=True)
class WhyLine:
    """A reason to internationalize, or a risk or cost, chosen for this firm, with the study's phrase."""

    kind: str  # "beneficio", "riesgo" or "costo"
    title: str
    text: str
    basis: str


@dataclass(frozen=True)
class ProgressRow:
    """One dimension in two assessments (old -> new)."""

    title: str
    short_title: str
    old: Decimal | None
    new: Decimal | None
    delta: Decimal | None


@dataclass(frozen=True)
class Progress:
    """Change since the previous completed assessment."""

    previous_date: str | None
    old_index: Decimal | None
    new_index: Decimal | None
    index_delta: Decimal | None
    rows: tuple[ProgressRow, ...]
    sentences: tuple[str, ...]  # band and stage moves, caveats


@dataclass(frozen=True)
class Methods:
    """What the result was computed with, for the methods page."""

    questionnaire: str  # "Diagnóstico de preparación para la internacionalización, versión 1.0.0"
    rulebook: str
    catalog: str
    document_share: Decimal | None
    assessment_date: str | None
    coverage_threshold: Decimal  # percent
    band_cutoffs: tuple[tuple[str, Decimal], ...]  # (band label, lower bound)
    app_version: str = ""  # "Rumbo versión 0.1.0": which program computed and printed this
    index_threshold: Decimal = Decimal(50)  # percent of the questionnaire needed for an index
    parameters: tuple[tuple[str, str], ...] = ()  # (parameter, value and why) as the result was computed
    differentiation: str = ""  # the study's call for differentiated instruments
    identifiers: str = ""  # "rumbo-preparacion 1.0.0 · cepal-cuadro1-sv 1 · …", for technicians
    levels: str = ""  # what the three levels of backing mean (said once, here)
    examples: str = ""  # what the study's example programmes are, and where today's offer is


@dataclass(frozen=True)
class ClientReport:
    """Everything the client report prints, in one language."""

    lang: str
    title: str
    generated_on: dt.date
    centre: Centre
    firm_id: str
    firm_name: str
    trade_name: str | None
    adviser_name: str
    owner_name: str
    profile: tuple[tuple[str, str], ...]
    classification: ClassificationView
    readiness: Readiness | None
    recommendations: tuple[RecommendationLine, ...] = ()
    action_plan: tuple[str, ...] = ()
    progress: Progress | None = None
    context: BenchmarkView | None = None
    methods: Methods | None = None
    notice: str | None = None  # e.g. "no completed assessment yet"
    figures: tuple[tuple[str, str], ...] = ()  # (sentence, citation): the study's figures that fit the firm
    law: LawView | None = None  # the class under the law in force, beside the study's
    notes: tuple[NoteLine, ...] = ()  # a large firm's sentence, or no profile and what to ask
    why: tuple[WhyLine, ...] = ()  # the "why internationalize" page
    summary: Summary | None = None  # page 1: where the firm stands, three actions, whom to call
    ask: str = ""  # whom in the centre to ask for today's offer (when a recommendation has no current programme)


def build_client_report(
    firm: dict,
    classification,
    *,
    result: AssessmentResult | None = None,
    recommendations: list[Recommendation] | tuple[Recommendation, ...] = (),
    previous: AssessmentResult | None = None,
    comparison: Comparison | None = None,
    previous_date: str | dt.date | None = None,
    assessment_date: str | dt.date | None = None,
    benchmark: BenchmarkView | None = None,
    centre: Centre = Centre(),
    adviser_name: str = "",
    lang: str = "es",
    today: dt.date | None = None,
    band_cutoffs: tuple[tuple[str, Decimal], ...] = (),
    coverage_threshold: Decimal = Decimal(50),
    rationale: dict | None = None,
    differentiation=None,
    facts=(),
    questionnaire_title: Text | None = None,
    catalog_title: Text | None = None,
    law=None,
    law_difference: str | None = None,
    notes=(),
    why=(),
    catalog_ref: tuple[str, str] | None = None,
    actions=(),
    actions_from_plan: bool = False,
    directory=None,
) -> ClientReport:
    """Build the client report's content.

    Args:
        firm: the firm as a dict of the canonical firm fields.
        classification: the firm's :class:`~desktop.domain.sizing.Classification` (the study's table).
        law: the firm's class under the law in force (:class:`~desktop.domain.sizing.law.LawClassification`),
            printed beside the study's; ``law_difference`` says why the two differ.
        result: the latest completed assessment, or None (profile-only report).
        recommendations: what :func:`~desktop.domain.assessment.recommend` chose.
        previous: the completed assessment before ``result``, if any.
        comparison: ``compare(previous, result)``; needed for the progress section.
        previous_date, assessment_date: completion dates (ISO text or date).
        benchmark: the regional context (Cuadro 8) already in ``lang``.
        centre: the centre's name and logo.
        adviser_name: the adviser who signs the report.
        lang: "es" (default) or "en".
        today: the report date (defaults to today; pass it for reproducible output).
        band_cutoffs: the questionnaire's (band code, lower bound) pairs.
        coverage_threshold: the questionnaire's minimum coverage, in percent.
        rationale: the questionnaire's reason for each parameter (key -> Text).
        differentiation: the catalogue's :class:`Basis` for differentiated instruments.
        facts: the benchmark figures that fit the firm (``Benchmarks.facts_for``).
        questionnaire_title, catalog_title: their names for people on the methods page
            (without them the page names their ids).
        notes: the advice's notes (``advice_notes``): a large firm, or no profile yet.
        why: the reasons to internationalize that fit the firm (``why_internationalize``).
        catalog_ref: (id, version) of the catalogue the advice used, for the methods page when no
            instrument carries it (a large firm gets none).
        actions: the summary's three actions (``desktop.services.advisory.summary_actions``) and
            ``actions_from_plan``, whether they are the firm's action plan.
        directory: instrument id -> the directory's current programmes the firm qualifies for
            (``desktop.services.programmes.report_programmes``); ``centre.contacts`` says whom to ask.
    """
    today = today or dt.date.today()
    directory = directory or {}
    readiness = _readiness(result, lang) if result is not None else None
    recs = _same_support(tuple(_recommendation(r, lang, directory.get(r.instrument_id, ()))
                               for r in recommendations)) if result is not None else ()
    ask = ask_sentence(centre.name, centre.contacts, adviser_name, lang)
    progress = None
    if result is not None and previous is not None and comparison is not None:
        progress = _progress(comparison, previous.index, result.index, previous_date, lang)
    methods = _methods(result, classification, recommendations, assessment_date, lang,
                       band_cutoffs, coverage_threshold, rationale or {}, differentiation,
                       questionnaire_title, catalog_title, catalog_ref if result is not None else None)
    if recs:
        years = source_years(p.source for r in recs for p in r.programmes)
        methods = replace(methods, levels=label("levels_intro", lang), examples=label("method_examples", lang).format(
            years=label("method_examples_years", lang).format(years=years) if years else ""))
    summary = build_summary(readiness, tuple(recommendations) if result is not None else (),
                            tuple(actions) if result is not None else (), actions_from_plan, directory, ask,
                            adviser_name or "", lang)
    return ClientReport(
        lang=lang,
        title=label("client_title", lang),
        generated_on=today,
        centre=centre,
        firm_id=str(firm.get("id") or ""),
        firm_name=str(firm.get("legal_name") or ""),
        trade_name=firm.get("trade_name") or None,
        adviser_name=adviser_name or "",
        owner_name=str(firm.get("owner_name") or ""),
        profile=profile_rows(firm, lang),
        classification=ClassificationView.of(classification, lang),
        law=LawView.of(law, law_difference, lang),
        readiness=readiness,
        recommendations=recs,
        action_plan=action_plan(recommendations, lang) if result is not None else (),
        progress=progress,
        context=benchmark,
        methods=methods,
        notice=None if result is not None else label("no_assessment", lang),
        figures=tuple((f.text.text(lang), source_text(f.citation, lang)) for f in facts),
        notes=tuple(NoteLine(n.kind, n.text.text(lang), tuple(b.text(lang) for b in n.bases)) for n in notes)
        if result is not None else (),
        why=tuple(WhyLine(w.kind, w.title.text(lang), w.text.text(lang), w.basis.text(lang)) for w in why)
        if result is not None else (),
        summary=summary,
        ask=ask if any(not r.centre_programmes for r in recs) else "",
    )


def _short(title: str) -> str:
    """A dimension title short enough for a radar axis ("Capacidad financiera")."""
    return title if len(title) <= 40 else title[:39].rstrip() + "…"


def _readiness(result: AssessmentResult, lang: str) -> Readiness:
    from desktop.reports.text import num, pct

    lines = []
    for d in result.dimensions:
        title = d.title.text(lang)
        status_text = "" if d.status == OK else label("no_data" if d.status == SIN_DATOS else "not_applicable", lang)
        lines.append(DimensionLine(d.dimension_id, title, _short(title), d.score if d.status == OK else None,
                                   d.coverage, d.status, status_text))
    scored = [line for line in lines if line.score is not None]
    strong = sorted((x for x in scored if x.score >= STRENGTH_FROM), key=lambda x: (-x.score, x.dimension_id))
    weak = sorted((x for x in scored if x.score < GAP_BELOW), key=lambda x: (x.score, x.dimension_id))
    strengths = tuple(label("strength_line", lang).format(dim=x.title, score=num(x.score, lang))
                      for x in strong[:MAX_LISTED])
    gaps = [label("gap_line", lang).format(dim=x.title, score=num(x.score, lang)) for x in weak[:MAX_LISTED]]
    if not strengths:
        strengths = (label("no_strengths", lang).format(limit=num(STRENGTH_FROM, lang, digits=0)),)
    if not gaps:
        gaps = [label("no_gaps", lang).format(limit=num(GAP_BELOW, lang, digits=0))]
    capped = result.band_uncapped if result.band_uncapped and result.band_uncapped != result.band else None
    profile = shown_profile(result)  # none below the minimum of answers, even in results stored before that rule
    return Readiness(
        index=result.index,
        band=result.band,
        band_label=code_label(result.band, lang),
        band_uncapped_label=code_label(capped, lang) if capped else None,
        stage_label=code_label(result.stage.code, lang),
        stage_reasons=tuple(r.text(lang) for r in result.stage.reasons),
        profile_label=code_label(profile.code, lang) if profile.code else label("profile_unknown", lang),
        profile_reasons=tuple(r.text(lang) for r in profile.reasons),
        coverage=result.coverage,
        provisional=result.provisional,
        dimensions=tuple(lines),
        knock_outs=tuple(label("knock_out_text", lang).format(cap=code_label(k.cap, lang), reason=k.reason.text(lang))
                         for k in result.knock_outs),
        strengths=strengths,
        gaps=tuple(gaps),
        to_ask=_to_ask(result, lang),
        incomplete=result.incomplete,
    )


def _to_ask(result: AssessmentResult, lang: str) -> tuple[str, ...]:
    """The open questions of each dimension without enough data: «dimension: question»."""
    titles = {}
    for d in result.dimensions:
        for c in d.contributions:
            titles[c.question_id] = (d.title.text(lang), c.question.text(lang))
    return tuple(f"{titles[q][0]}: {titles[q][1]}" for q in result.to_ask if q in titles)


def _same_support(recs: tuple[RecommendationLine, ...]) -> tuple[RecommendationLine, ...]:
    """Print a study quote once: a later recommendation with the same one points to the first."""
    first: dict[str, str] = {}
    out = []
    for rec in recs:
        if rec.support and rec.support in first:
            rec = replace(rec, support_same_as=first[rec.support])
        elif rec.support:
            first[rec.support] = rec.title
        out.append(rec)
    return tuple(out)


def _recommendation(rec: Recommendation, lang: str, centre=()) -> RecommendationLine:
    family_key = f"family_{rec.family}"
    family = label(family_key, lang) if family_key in LABELS else rec.family
    return RecommendationLine(
        title=rec.title.text(lang),
        family=family,
        description=rec.description.text(lang),
        reason=rec.reason.text(lang),
        steps=tuple(s.text(lang) for s in rec.steps),
        programmes=tuple(
            ProgrammeLine(p.name, ", ".join(p.countries), _institution(p, lang), p.results.text(lang),
                          source_text(p.source, lang))
            for p in rec.programmes
        ),
        triggers=tuple(f"{t.question.text(lang)}: {t.answer.text(lang)}" for t in rec.triggers),
        # the instrument's phrase is left out when it is the very phrase that pairs it (factoring, microfinance)
        basis=rec.basis.text(lang) if rec.basis and not (
            rec.support is not None and rec.support.quote == rec.basis.quote and rec.level != "criterio_centro") else "",
        support=(rec.support.text(lang) if rec.support is not None and rec.support.from_study
                 and rec.level != "criterio_centro" else ""),
        programmes_note=rec.programmes_note.text(lang) if rec.programmes_note else "",
        precondition=rec.kind == "precondition",
        level=rec.level,
        level_label=domain_label("level", rec.level, lang),
        instrument_id=rec.instrument_id,
        centre_programmes=tuple(centre_line(p, lang) for p in centre),
        examples_label=examples_label((p.source for p in rec.programmes), lang) if rec.programmes else "",
    )


def _institution(programme, lang: str) -> str:
    if programme.institution:
        return programme.institution
    return programme.institution_note.text(lang) if programme.institution_note else "—"


# How a programme's source line reads in English (the catalogue writes it as the study does, in Spanish).
_SOURCE_EN = (("elaborado sobre la base de", "based on"), ("y otros", "et al."), ("notas", "notes"),
              ("nota", "note"), ("Cuadro", "Table"), ("recuadro", "box"), ("Sección", "Section"),
              ("sección", "section"), (" y ", " and "))


def source_text(source: str, lang: str) -> str:
    """A programme's source line in the report's language ("Cuadro A.5 (elaborado …)" -> "Table A.5 (based on …)")."""
    if lang == "es":
        return source
    for es, en in _SOURCE_EN:
        source = source.replace(es, en)
    return source


FOLLOW_UP = {
    "es": "Repetir la evaluación con su asesor(a) dentro de seis meses para medir el avance.",
    "en": "Repeat the assessment with your adviser within six months to measure progress.",
}


def action_plan(recommendations, lang: str = "es") -> tuple[str, ...]:
    """Three to five steps: the recommendations' steps, most urgent first, then a follow-up.

    Steps are taken in turns (first step of each recommendation, then second
    steps ...), so the plan touches the biggest gaps before going deep into one;
    repeated steps are dropped. The last step is always the follow-up
    assessment, which is what turns the plan into measurable progress.
    """
    low, high = PLAN_STEPS
    queues = [[s.text(lang) for s in r.steps] for r in recommendations]
    plan: list[str] = []
    depth = 0
    while len(plan) < high - 1 and any(depth < len(q) for q in queues):
        for queue in queues:
            if depth < len(queue) and queue[depth] not in plan and len(plan) < high - 1:
                plan.append(queue[depth])
        depth += 1
    plan.append(FOLLOW_UP["en" if lang == "en" else "es"])
    return tuple(plan[:high]) if len(plan) >= low or not recommendations else tuple(plan)


def _progress(comparison: Comparison, old_index, new_index, previous_date, lang: str) -> Progress:
    from desktop.reports.text import long_date

    rows = tuple(
        ProgressRow(c.title.text(lang), _short(c.title.text(lang)), c.old_score, c.new_score, c.delta)
        for c in comparison.dimensions
    )
    sentences = []
    if comparison.old_band != comparison.new_band and comparison.old_band and comparison.new_band:
        sentences.append(label("band_moved", lang).format(old=code_label(comparison.old_band, lang),
                                                          new=code_label(comparison.new_band, lang)))
    if comparison.old_stage != comparison.new_stage and comparison.old_stage and comparison.new_stage:
        sentences.append(label("stage_moved", lang).format(old=code_label(comparison.old_stage, lang),
                                                           new=code_label(comparison.new_stage, lang)))
    if not comparison.same_questionnaire:
        sentences.append(label("other_questionnaire", lang))
    return Progress(
        previous_date=long_date(previous_date, lang) if previous_date else None,
        old_index=old_index, new_index=new_index, index_delta=comparison.index_delta,
        rows=rows, sentences=tuple(sentences),
    )


def _methods(result, classification, recommendations, assessment_date, lang, band_cutoffs,
             coverage_threshold, rationale=None, differentiation=None,
             questionnaire_title=None, catalog_title=None, catalog_ref=None) -> Methods:
    from desktop.reports.text import long_date

    version = label("version", lang)
    view = ClassificationView.of(classification, lang)
    catalog, catalog_id = "—", ""
    if recommendations and getattr(recommendations[0], "catalog_id", ""):
        catalog_ref = (recommendations[0].catalog_id, recommendations[0].catalog_version)
    if catalog_ref:
        catalog_id = f"{catalog_ref[0]} {catalog_ref[1]}"
        catalog = f"{_title(catalog_title, catalog_ref[0], lang)}, {version} {catalog_ref[1]}"
    questionnaire, questionnaire_id = "—", ""
    if result:
        questionnaire_id = f"{result.questionnaire_id} {result.questionnaire_version}"
        questionnaire = (f"{_title(questionnaire_title, result.questionnaire_id, lang)}, "
                         f"{version} {result.questionnaire_version}")
    return Methods(
        questionnaire=questionnaire,
        rulebook=view.rulebook,
        catalog=catalog,
        document_share=result.document_share if result else None,
        assessment_date=long_date(assessment_date, lang) if assessment_date else None,
        coverage_threshold=coverage_threshold,
        band_cutoffs=tuple((code_label(code, lang), bound) for code, bound in band_cutoffs),
        app_version=f"Rumbo {version} {app_version()}",
        index_threshold=_percent(result.parameters.get("index_threshold")) if result and result.parameters else coverage_threshold,
        parameters=parameter_rows(result.parameters, rationale, lang) if result and result.parameters else (),
        differentiation=(label("differentiation", lang).format(basis=differentiation.text(lang)) if differentiation else ""),
        identifiers=" · ".join(x for x in (questionnaire_id, view.rulebook_id, catalog_id) if x),
    )


def _percent(fraction_text) -> Decimal:
    return Decimal(fraction_text) * 100


def parameter_rows(parameters: dict, rationale: dict, lang: str) -> tuple[tuple[str, str], ...]:
    """The weights, bands and thresholds a result was computed with, each with its reason."""
    from desktop.reports.text import num

    def why(key: str) -> str:
        reason = rationale.get(key)
        return f" — {reason.text(lang)}" if reason else ""

    es = lang == "es"
    weights = ", ".join(f"{k} {num(Decimal(v), lang, digits=0)}" for k, v in parameters.get("dimension_weights", {}).items())
    bands = "; ".join(f"{code_label(k, lang)} ≥ {num(Decimal(v), lang, digits=0)}" for k, v in parameters.get("bands", {}).items())
    rows = [("Pesos de las dimensiones" if es else "Dimension weights", weights + why("dimension_weights")),
            ("Bandas" if es else "Bands", bands + why("bands"))]
    for key, es_name, en_name in (("coverage_threshold", "Cobertura mínima de una dimensión", "Minimum coverage of a dimension"),
                                  ("index_threshold", "Cobertura mínima para un índice", "Minimum coverage for an index"),
                                  ("provisional_threshold", "Resultado provisional por debajo de", "Provisional below")):
        if parameters.get(key) is not None:
            value = num(_percent(parameters[key]), lang, digits=0) + " %"
            rows.append((es_name if es else en_name, value + why(key)))
    if parameters.get("adjusted_by"):
        rows.append(("Ajustados por" if es else "Adjusted by",
                     ("el centro, en Configuración" if es else "the centre, in Settings")))
    return tuple(rows)


def _title(title: Text | None, fallback: str, lang: str) -> str:
    return title.text(lang) if title is not None else fallback
