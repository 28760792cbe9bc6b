"""Recommendations: who the firm is and what it answered -> support instruments.

The study asks for instruments differentiated by kind of firm ("que no
reproduzcan un modelo común"), so the choice starts from the firm's segment:

1. A firm that is not legally registered gets the *precondition* first
   (registration, with the answer that shows it); it never takes an
   instrument's place.
2. The catalogue's *segment* for the firm's profile and stage (Cuadro 7 and
   section III pair each kind of firm with its instruments) gives the
   instruments that come first, in the segment's order. Such an instrument is
   left out only when the answers show the firm already strong where it helps
   (every dimension it addresses scored, none below ``100 - MIN_GAP``). An
   unknown profile has no segment, and the result says so.
3. Any other suitable instrument enters only when a dimension it addresses has
   a gap of at least ``MIN_GAP`` *and* an answered question there was weak
   (half its points or less): an unanswered question never justifies
   anything. These are ranked by their largest gap; a tie is broken by fit to
   the firm's profile (an instrument written for this profile first), then id.
4. Every recommendation carries the answers that triggered it, the phrase of
   the study behind it, and the study's example programmes that fit the firm
   (its own country first; a programme tied to another sector is left out). When
   none fits, ``programmes_note`` says the study names none.

Filters (size, stage, profile, sector type, country) work as before: an
unknown value does not filter.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from desktop.domain.assessment.catalog import Catalog, Instrument, Precondition, Segment, load_catalog
from desktop.domain.assessment.model import (
    OK,
    AssessmentResult,
    FirmContext,
    Programme,
    Recommendation,
    Text,
    Trigger,
)
from desktop.domain.assessment.questionnaire import Questionnaire, shipped_questionnaire
from desktop.domain.assessment.scoring import answer_text, fraction
from desktop.domain.assessment.stage import (
    DESTINATIONS_QUESTION,
    GROWTH_QUESTION,
    MODE_QUESTION,
    REGISTRATION_QUESTION,
    SUPPLIER_QUESTION,
    firm_facts,
    sector_type_for_isic,
)

# Export promotion "benefits most the smaller, less experienced firms" (Volpe, 2010, in III.E): a firm
# that has exported for fewer years than this sees that said, with its answer, on the market-access advice.
EXPERIENCE_QUESTION = "exp.anios"
LESS_EXPERIENCED_YEARS = Decimal(3)
MIN_GAP = Decimal(20)  # a dimension at 80/100 or more is not a gap worth an instrument
WEAK = Fraction(1, 2)  # an answer that earned half its points or less
MAX_TRIGGERS = 3
MAX_PROGRAMMES = 3
NO_PROGRAMME = Text(
    "El estudio no cita un programa de este tipo que se ajuste al país o al sector de la empresa; "
    "consulte la oferta vigente del centro.",
    "The study cites no programme of this kind that fits the firm's country or sector; "
    "check what the centre offers today.")


def _sector(firm: FirmContext) -> str | None:
    return firm.sector_type or sector_type_for_isic(firm.sector_isic)


def _suits(inst: Instrument, firm: FirmContext, stage: str | None, profile: str | None) -> bool:
    checks = (
        (firm.size_class if firm.size_class != "sin_clasificar" else None, inst.sizes),
        (stage, inst.stages),
        (profile, inst.profiles),
        (_sector(firm), inst.sector_types),
        (firm.country, inst.countries),
    )
    return all(value is None or not allowed or value in allowed for value, allowed in checks)


def _programmes(programmes: tuple[Programme, ...], firm: FirmContext) -> tuple[Programme, ...]:
    """The programmes that fit the firm's sector, its own country's first."""
    sector = _sector(firm)
    fitting = [p for p in programmes if not p.sector_types or sector is None or sector in p.sector_types]
    fitting.sort(key=lambda p: (firm.country not in p.countries, p.id))
    return tuple(fitting[:MAX_PROGRAMMES])


def _weak_answers(result: AssessmentResult, dimension_ids, questionnaire: Questionnaire | None) -> list[Trigger]:
    """Answered questions of these dimensions that earned half their points or less, weakest first."""
    if questionnaire is None:
        return []
    found = []
    for dim_id in dimension_ids:
        dimension = questionnaire.dimension(dim_id)
        for q in dimension.questions if dimension else ():
            answer = result.answers.get(q.id)
            if answer is None or not answer.answered:
                continue
            share = fraction(q, answer.value)
            if share <= WEAK:
                found.append(((share, -q.weight, q.id), Trigger(q.id, q.text, answer_text(q, answer))))
    found.sort(key=lambda pair: pair[0])
    return [t for _, t in found]


# The answers that place a firm in each profile (see stage.derive_profile).
PROFILE_QUESTIONS = {
    "autoempleo_supervivencia": (MODE_QUESTION, REGISTRATION_QUESTION),
    "local_tradicional": (MODE_QUESTION,),
    "proveedor_vinculado": (MODE_QUESTION, SUPPLIER_QUESTION),
    "exportador_directo": (MODE_QUESTION, DESTINATIONS_QUESTION),
    "dinamica_innovadora": (MODE_QUESTION, GROWTH_QUESTION),
}


def _profile_triggers(result: AssessmentResult, questionnaire: Questionnaire | None) -> list[Trigger]:
    """The answers (or firm data) that placed the firm in its profile."""
    triggers = []
    for qid in PROFILE_QUESTIONS.get(result.profile.code or "", ()):
        answer = result.answers.get(qid)
        question = questionnaire.question(qid) if questionnaire else None
        if question is None or answer is None or not answer.answered:
            continue
        if qid == SUPPLIER_QUESTION and result.stage.code == "indirect_exporter":
            continue  # the export mode already says it
        if qid == REGISTRATION_QUESTION and answer.value is not False:
            continue
        triggers.append(Trigger(qid, question.text, answer_text(question, answer)))
    if not any(t.question_id == MODE_QUESTION for t in triggers) and result.firm.exports_usd is not None:
        amount = f"{result.firm.exports_usd:,.0f}"
        triggers.append(Trigger(None, Text("Exportaciones anuales registradas (USD)", "Recorded annual exports (USD)"),
                                Text(amount.replace(",", "."), amount)))
    if result.profile.code == "autoempleo_supervivencia" and result.firm.employees == 0:
        triggers.append(Trigger(None, Text("Empleados registrados", "Recorded employees"), Text("0", "0")))
    return triggers


def _gaps(inst: Instrument, scored: dict) -> list:
    return sorted(((100 - scored[g].score, scored[g]) for g in inst.gaps if g in scored),
                  key=lambda pair: (-pair[0], pair[1].dimension_id))


def _already_strong(inst: Instrument, scored: dict) -> bool:
    """Every dimension the instrument addresses was scored and none shows a gap."""
    return all(g in scored for g in inst.gaps) and all(100 - scored[g].score < MIN_GAP for g in inst.gaps)


def _sentence(parts_es: list[str], parts_en: list[str]) -> Text:
    es, en = "; ".join(parts_es), "; ".join(parts_en)
    return Text(es[:1].upper() + es[1:] + ".", en[:1].upper() + en[1:] + ".")


def _gap_phrases(gaps: list) -> tuple[list[str], list[str]]:
    es, en = [], []
    for gap, dim in [g for g in gaps if g[0] >= MIN_GAP][:2]:
        score_es = str(dim.score).replace(".", ",")  # Spanish decimal comma
        es.append(f"la dimensión {dim.title.es} tiene {score_es}/100")
        en.append(f"the {dim.title.en} dimension scores {dim.score}/100")
    return es, en


def _experience(result: AssessmentResult, inst: Instrument, questionnaire: Questionnaire | None) -> Trigger | None:
    """The years-of-exporting answer, when it says the firm is a newcomer and the instrument is promotion."""
    answer = result.answers.get(EXPERIENCE_QUESTION)
    question = questionnaire.question(EXPERIENCE_QUESTION) if questionnaire else None
    if inst.family != "mercados" or question is None or answer is None or not answer.answered:
        return None
    if Decimal(answer.value) >= LESS_EXPERIENCED_YEARS:
        return None
    return Trigger(EXPERIENCE_QUESTION, question.text, answer_text(question, answer))


def _reason(result: AssessmentResult, segment: Segment | None, gaps: list, triggers: list[Trigger]) -> Text:
    es, en = _gap_phrases(gaps)
    parts_es, parts_en = [], []
    if segment is not None:
        profile_es = segment.title.es[:1].lower() + segment.title.es[1:]
        profile_en = segment.title.en[:1].lower() + segment.title.en[1:]
        parts_es.append(f"porque el estudio recomienda este apoyo para {profile_es}, que es el caso de la empresa")
        parts_en.append(f"because the study recommends this support for {profile_en}, which is the firm's case")
        parts_es += ["además " + p for p in es]
        parts_en += ["also " + p for p in en]
    else:
        parts_es += [("porque " if n == 0 else "también ") + p for n, p in enumerate(es)]
        parts_en += [("because " if n == 0 else "also ") + p for n, p in enumerate(en)]
    if any(t.question_id == EXPERIENCE_QUESTION for t in triggers):
        parts_es.append("y la empresa exporta desde hace poco: el estudio halla que la promoción rinde más "
                        "en las empresas con menos experiencia")
        parts_en.append("and the firm has exported only briefly: the study finds promotion pays off most "
                        "for less experienced firms")
    return _sentence(parts_es, parts_en)


def _precondition(result: AssessmentResult, pre: Precondition, firm: FirmContext, catalog: Catalog,
                  questionnaire: Questionnaire | None) -> Recommendation | None:
    facts = firm_facts(firm, result.answers)
    if pre.when != "informal" or facts["formal_registration"] is not False:
        return None
    answer = result.answers.get(REGISTRATION_QUESTION)
    question = questionnaire.question(REGISTRATION_QUESTION) if questionnaire else None
    if question is not None and answer is not None and answer.answered:
        triggers = (Trigger(REGISTRATION_QUESTION, question.text, answer_text(question, answer)),)
    else:
        triggers = (Trigger(None, Text("Registro legal en la ficha de la empresa", "Legal registration in the firm's record"),
                            Text("No", "No")),)
    programmes = _programmes(pre.programmes, firm)
    return Recommendation(
        instrument_id=pre.id, family="condicion_previa", title=pre.title, description=pre.description,
        reason=Text("Va primero: la empresa no está inscrita legalmente, y sin inscripción no puede facturar "
                    "ni usar los instrumentos de apoyo.",
                    "This comes first: the firm is not legally registered, and without registration it cannot "
                    "invoice or use the support instruments."),
        steps=pre.steps, programmes=programmes, gap_dimensions=(), gap=Decimal(0),
        catalog_id=catalog.id, catalog_version=catalog.version, kind="precondition", fit="perfil",
        triggers=triggers, basis=pre.basis, programmes_note=None if programmes else NO_PROGRAMME)


def recommend(result: AssessmentResult, firm: FirmContext | None = None, catalog: Catalog | None = None,
              *, limit: int = 6, questionnaire: Questionnaire | None = None) -> list[Recommendation]:
    """The precondition (if any) and up to ``limit`` instruments suited to the firm, best first.

    Args:
        result: a scored assessment.
        firm: the firm; defaults to the one recorded in ``result``.
        catalog: defaults to the shipped catalogue.
        limit: the most instruments to return (a precondition comes on top).
        questionnaire: used to quote answers; defaults to the shipped one when ids match.
    """
    firm = firm or result.firm
    catalog = catalog or load_catalog()
    if questionnaire is None:
        shipped = shipped_questionnaire(result.questionnaire_version)
        questionnaire = shipped if shipped is not None and shipped.id == result.questionnaire_id else None
    scored = {d.dimension_id: d for d in result.dimensions if d.status == OK and d.score is not None}
    profile, stage = result.profile.code, result.stage.code
    segment = catalog.segment_for(profile, stage)
    in_segment = segment.instruments if segment else ()
    profile_triggers = _profile_triggers(result, questionnaire)
    first, rest = [], []
    for inst in catalog.instruments:
        if not _suits(inst, firm, stage, profile):
            continue
        gaps = _gaps(inst, scored)
        weak = _weak_answers(result, [d.dimension_id for g, d in gaps if g >= MIN_GAP], questionnaire)
        top = gaps[0][0] if gaps else Decimal(0)
        newcomer = _experience(result, inst, questionnaire)
        if newcomer is not None:
            weak = [newcomer] + weak
        if inst.id in in_segment:
            if _already_strong(inst, scored):
                continue
            first.append((in_segment.index(inst.id), inst, gaps, top, profile_triggers[:2] + weak))
        elif top >= MIN_GAP and weak:
            rest.append((inst, gaps, top, weak))
    first.sort(key=lambda e: e[0])
    rest.sort(key=lambda e: (-e[2], _fit_rank(e[0], profile), e[0].id))
    out = []
    pre = next((r for p in catalog.preconditions if (r := _precondition(result, p, firm, catalog, questionnaire))), None)
    if pre is not None:
        out.append(pre)
    chosen = [(inst, gaps, top, triggers, segment) for _, inst, gaps, top, triggers in first]
    chosen += [(inst, gaps, top, triggers, None) for inst, gaps, top, triggers in rest]
    for inst, gaps, top, triggers, seg in chosen[:limit]:
        programmes = _programmes(inst.programmes, firm)
        out.append(Recommendation(
            instrument_id=inst.id, family=inst.family, title=inst.title, description=inst.description,
            reason=_reason(result, seg, gaps, triggers), steps=inst.steps,
            programmes=programmes, gap_dimensions=tuple(d.dimension_id for _, d in gaps),
            gap=top, catalog_id=catalog.id, catalog_version=catalog.version,
            fit="perfil" if seg else "brecha", triggers=tuple(triggers[:MAX_TRIGGERS]), basis=inst.basis,
            segment_basis=seg.basis if seg else None,
            programmes_note=None if programmes else NO_PROGRAMME,
        ))
    return out


def _fit_rank(inst: Instrument, profile: str | None) -> int:
    """0 when the instrument is written for few profiles including this one; 1 when for any."""
    if profile is None or not inst.profiles:
        return 1
    return 0 if profile in inst.profiles and len(inst.profiles) <= 3 else 1


__all__ = ["recommend", "MIN_GAP", "NO_PROGRAMME"]
