"""Recommendations: who the firm is and what it answered -> support instruments.

The study asks for instruments differentiated by kind of firm ("que no
reproduzcan un modelo común"), and says of some instruments which firms they
are for. The choice therefore goes, for one scored result:

1. **Who may use it.** An instrument whose ``requires`` fails for the firm (it
   cannot invoice, supplies no larger firm, was founded long ago ...) is not
   offered, unless the failing condition names the step that unlocks it; it is
   then offered after that step, and says so. An unknown fact never blocks.
2. **The precondition** (legal registration and invoicing) comes first for an
   informal firm or one that cannot invoice; it never takes an instrument's place.
3. **The fix of a blocking answer** (an instrument whose ``fixes`` names a
   knock-out that fired) comes next and is kept whatever the limit.
4. **Levels of support.** Each instrument is said with how far the study backs it
   for this firm (``Recommendation.level``):

   * ``estudio_empareja``: a segment the firm belongs to pairs it, and the study
     itself makes that pairing (its quote);
   * ``estudio_describe``: an answered question in a dimension it addresses was
     weak, the dimension is not a strength, and the study describes the
     instrument as useful for firms with that gap (``gap_basis``);
   * ``criterio_centro``: the pairing is the centre's, or the gap has no phrase
     of the study behind it; the reason says so in plain words.

   They come in this order: the study's pairings for the firm's kind (in the
   segments' order), the centre's pairings, then instruments brought by a gap,
   those the study describes before the centre's; gaps are ranked by size, ties
   broken by fit to the profile and id. A gap alone brings at most
   ``MAX_PER_FAMILY`` instruments of one family.
5. **No verdict from too few answers.** An incomplete result (below the
   questionnaire's index threshold) and an unknown profile have no segment;
   a large firm gets no mipyme instrument (see :mod:`advice` for what it is told).

A dimension at or above ``STRENGTH_FROM`` (what the report lists as a strength)
is never a reason for support, and an unanswered question never justifies
anything. Every recommendation carries the answers that triggered it, the
study's phrase on the instrument, the phrase (or centre's reason) behind its
level, and the study's example programmes that fit the firm (its own country
first; a programme tied to another sector is left out).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from desktop.domain.assessment.catalog import Catalog, Instrument, Pairing, Precondition, Segment, load_catalog
from desktop.domain.assessment.conditions import FACT_QUESTIONS, advice_facts, any_fails, holds
from desktop.domain.assessment.model import (
    OK,
    AssessmentResult,
    Basis,
    FirmContext,
    KnockOutHit,
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
    sector_type_for_isic,
)

# A dimension scoring this much or more is a strength (the report lists it so) and never a reason for support.
STRENGTH_FROM = Decimal(65)
WEAK = Fraction(1, 2)  # an answer that earned half its points or less
MAX_TRIGGERS = 3
MAX_PER_FAMILY = 2  # instruments of one family that gaps alone may bring
MAX_PROGRAMMES = 3
NO_PROGRAMME = Text(
    "El estudio no cita un programa de este tipo que se ajuste al país o al sector de la empresa; "
    "consulte la oferta vigente del centro.",
    "The study cites no programme of this kind that fits the firm's country or sector; "
    "check what the centre offers today.")
# Kept for callers that spoke of the gap size: a gap is a dimension below STRENGTH_FROM.
MIN_GAP = Decimal(100) - STRENGTH_FROM


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


def _trigger(result: AssessmentResult, questionnaire: Questionnaire | None, qid: str) -> Trigger | None:
    answer = result.answers.get(qid)
    question = questionnaire.question(qid) if questionnaire else None
    if question is None or answer is None or not answer.answered:
        return None
    return Trigger(qid, question.text, answer_text(question, answer))


def _profile_triggers(result: AssessmentResult, questionnaire: Questionnaire | None) -> list[Trigger]:
    """The answers (or firm data) that placed the firm in its profile."""
    triggers = []
    for qid in PROFILE_QUESTIONS.get(result.profile.code or "", ()):
        if qid == SUPPLIER_QUESTION and result.stage.code == "indirect_exporter":
            continue  # the export mode already says it
        answer = result.answers.get(qid)
        if qid == REGISTRATION_QUESTION and (answer is None or answer.value is not False):
            continue
        if (found := _trigger(result, questionnaire, qid)) is not None:
            triggers.append(found)
    if not any(t.question_id == MODE_QUESTION for t in triggers) and result.firm.exports_usd is not None:
        amount = f"{result.firm.exports_usd:,.0f}"
        triggers.append(Trigger(None, Text("Exportaciones anuales registradas (USD)", "Recorded annual exports (USD)"),
                                Text(amount.replace(",", "."), amount)))
    if result.profile.code == "autoempleo_supervivencia" and result.firm.employees == 0:
        triggers.append(Trigger(None, Text("Empleados registrados", "Recorded employees"), Text("0", "0")))
    return triggers


def _segment_triggers(result: AssessmentResult, segment: Segment, questionnaire: Questionnaire | None) -> list[Trigger]:
    """The answers behind the segment's own conditions, then the profile's answers."""
    triggers = []
    for cond in segment.when:
        qid = FACT_QUESTIONS.get(cond["fact"])
        if qid and (found := _trigger(result, questionnaire, qid)) is not None:
            triggers.append(found)
    return triggers + [t for t in _profile_triggers(result, questionnaire)
                       if not any(t.question_id and t.question_id == u.question_id for u in triggers)]


def _gaps(inst: Instrument, scored: dict) -> list:
    """(gap, dimension) for each dimension the instrument addresses that is not a strength, largest first."""
    found = [(100 - scored[g].score, scored[g]) for g in inst.gaps if g in scored and scored[g].score < STRENGTH_FROM]
    return sorted(found, key=lambda pair: (-pair[0], pair[1].dimension_id))


def _already_strong(inst: Instrument, scored: dict) -> bool:
    """Every dimension the instrument addresses was scored and every one is a strength."""
    return all(g in scored for g in inst.gaps) and all(scored[g].score >= STRENGTH_FROM for g in inst.gaps)


def _score(dim) -> tuple[str, str]:
    return str(dim.score).replace(".", ","), str(dim.score)


def _lower(text: Text) -> Text:
    return Text(text.es[:1].lower() + text.es[1:], text.en[:1].lower() + text.en[1:])


def _level_sentence(level: str, pairing: Pairing | None, segment: Segment | None, gaps: list,
                    weak: list[Trigger]) -> Text:
    """The reason, worded after the level of support: never more than the study says."""
    if pairing is not None and segment is not None:
        kind = _lower(segment.title)
        if level == "estudio_empareja":
            return Text(f"El estudio vincula este apoyo con {kind.es}, y esta empresa es una de ellas.",
                        f"The study pairs this support with {kind.en}, and this firm is one of them.")
        why = _lower(pairing.basis.centre) if pairing.basis.centre else Text("", "")
        return Text(f"Criterio del centro, no del estudio: para {kind.es}, {why.es}",
                    f"The centre's criterion, not the study's: for {kind.en}, {why.en}")
    answer = weak[0] if weak else None
    # Name the dimension of the answer quoted, so the sentence never joins a score and an answer of two topics.
    dim = next((d for _, d in gaps if answer is not None and any(
        c.question_id == answer.question_id for c in d.contributions)), gaps[0][1])
    score_es, score_en = _score(dim)
    said_es = f" y la empresa respondió «{answer.answer.es}» a «{answer.question.es}»" if answer else ""
    said_en = f" and the firm answered “{answer.answer.en}” to “{answer.question.en}”" if answer else ""
    if level == "estudio_describe":
        return Text(f"El estudio describe este apoyo como útil para las empresas con esta brecha: "
                    f"{dim.title.es} tiene {score_es}/100{said_es}.",
                    f"The study describes this support as useful for firms with this gap: "
                    f"{dim.title.en} scores {score_en}/100{said_en}.")
    return Text(f"Criterio del centro, no del estudio: el centro lo propone porque {dim.title.es} tiene "
                f"{score_es}/100{said_es}.",
                f"The centre's criterion, not the study's: the centre proposes it because {dim.title.en} scores "
                f"{score_en}/100{said_en}.")


def _join(*parts: Text | None) -> Text:
    kept = [p for p in parts if p is not None and p.es]
    return Text(" ".join(p.es for p in kept), " ".join(p.en for p in kept))


def _precondition(result: AssessmentResult, pre: Precondition, facts: dict, firm: FirmContext, catalog: Catalog,
                  questionnaire: Questionnaire | None) -> Recommendation | None:
    informal = facts["formal_registration"] is False
    no_invoice = facts["can_invoice"] is False
    if pre.when != "informal" or not (informal or no_invoice):
        return None
    qid = REGISTRATION_QUESTION if informal else "for.factura"
    found = _trigger(result, questionnaire, qid)
    if found is not None:
        triggers = (found,)
    else:
        triggers = (Trigger(None, Text("Registro legal en la ficha de la empresa", "Legal registration in the firm's record"),
                            Text("No", "No")),)
    if informal:
        reason = Text("Va primero: la empresa no está inscrita legalmente, y sin inscripción no puede facturar "
                      "ni usar los instrumentos de apoyo.",
                      "This comes first: the firm is not legally registered, and without registration it cannot "
                      "invoice or use the support instruments.")
    else:
        reason = Text("Va primero: la empresa no puede emitir facturas legales, y ningún comprador del exterior "
                      "ni ninguna entidad financiera puede operar con ella de manera formal.",
                      "This comes first: the firm cannot issue legal invoices, so no foreign buyer and no lender "
                      "can deal with it formally.")
    programmes = _programmes(pre.programmes, firm)
    return Recommendation(
        instrument_id=pre.id, family="condicion_previa", title=pre.title, description=pre.description,
        reason=reason, steps=pre.steps, programmes=programmes, gap_dimensions=(), gap=Decimal(0),
        catalog_id=catalog.id, catalog_version=catalog.version, kind="precondition", fit="perfil",
        triggers=triggers, basis=pre.basis, support=pre.basis, level="criterio_centro",
        programmes_note=None if programmes else NO_PROGRAMME,
        fixes=next((k.reason for k in result.knock_outs if k.question_id in pre.fixes), None))


def _default_questionnaire(result: AssessmentResult) -> Questionnaire | None:
    shipped = shipped_questionnaire(result.questionnaire_version)
    return shipped if shipped is not None and shipped.id == result.questionnaire_id else None


class _Candidate:
    """An instrument that passed the filters, with why it is here (internal to :func:`recommend`)."""

    def __init__(self, inst, level, tier, order, gaps, triggers, pairing=None, segment=None, fix=None,
                 after=None, unlock=None):
        self.inst, self.level, self.tier, self.order = inst, level, tier, order
        self.gaps, self.triggers, self.pairing, self.segment = gaps, triggers, pairing, segment
        self.fix: KnockOutHit | None = fix
        self.after: Text | None = after
        self.unlock: str | None = unlock  # an instrument id that must be offered first


def recommend(result: AssessmentResult, firm: FirmContext | None = None, catalog: Catalog | None = None,
              *, limit: int = 6, questionnaire: Questionnaire | None = None,
              year: int | None = None) -> list[Recommendation]:
    """The precondition (if any), the knock-outs' fixes and up to ``limit`` instruments, best first.

    Args:
        result: a scored assessment.
        firm: the firm; defaults to the one recorded in ``result``.
        catalog: defaults to the shipped catalogue.
        limit: the most instruments to return besides the precondition and the knock-outs' fixes.
        questionnaire: used to quote answers; defaults to the shipped one when ids match.
        year: the year the advice is given (for the firm's age); defaults to this year.
    """
    firm = firm or result.firm
    catalog = catalog or load_catalog()
    questionnaire = questionnaire or _default_questionnaire(result)
    facts = advice_facts(result, firm, year if year is not None else dt.date.today().year)
    if facts["size_class"] == "grande":
        return []  # mipyme instruments do not apply; advice.advice_notes says why
    scored = {d.dimension_id: d for d in result.dimensions if d.status == OK and d.score is not None}
    pre = next((r for p in catalog.preconditions
                if (r := _precondition(result, p, facts, firm, catalog, questionnaire))), None)
    segments = [] if result.incomplete else catalog.segments_for(facts)
    paired: dict[str, tuple] = {}
    for n, seg in enumerate(segments):
        for m, pairing in enumerate(seg.pairings):
            paired.setdefault(pairing.instrument, ((n, m), pairing, seg))
    fired = {k.question_id: k for k in result.knock_outs}
    candidates = []
    for inst in catalog.instruments:
        if not _suits(inst, firm, result.stage.code, result.profile.code):
            continue
        after = unlock = None
        failed = any_fails(inst.requires, facts)
        if failed is not None:
            step = failed.get("unlocked_by")
            if pre is not None and step == pre.instrument_id:
                after = pre.title
            elif step and step != (pre.instrument_id if pre else None) and catalog.instrument(step) is not None:
                unlock = step
            else:
                continue  # the firm cannot use it, and nothing here unlocks it
        gaps = _gaps(inst, scored)
        weak = _weak_answers(result, [d.dimension_id for _, d in gaps], questionnaire)
        if inst.gap_questions:
            weak = [t for t in weak if t.question_id in inst.gap_questions]  # the gap the instrument answers
        fix = next((fired[q] for q in inst.fixes if q in fired), None)
        pairing_entry = paired.get(inst.id)
        if fix is not None:
            found = _trigger(result, questionnaire, fix.question_id)
            study_pair = pairing_entry is not None and pairing_entry[1].level == "estudio"
            level = "estudio_empareja" if study_pair else "estudio_describe" if inst.gap_basis else "criterio_centro"
            candidates.append(_Candidate(inst, level, -1, (0,), gaps, ([found] if found else []) + weak,
                                         pairing_entry[1] if study_pair else None,
                                         pairing_entry[2] if study_pair else None, fix=fix, after=after))
        elif pairing_entry is not None:
            order, pairing, seg = pairing_entry
            if _already_strong(inst, scored):
                continue
            study = pairing.level == "estudio"
            triggers = _segment_triggers(result, seg, questionnaire)[:2] + weak
            candidates.append(_Candidate(inst, "estudio_empareja" if study else "criterio_centro", 0 if study else 1,
                                         order, gaps, triggers, pairing, seg, after=after, unlock=unlock))
        elif gaps and weak:
            level = "estudio_describe" if inst.gap_basis else "criterio_centro"
            candidates.append(_Candidate(inst, level, 2 if inst.gap_basis else 3,
                                         (-gaps[0][0], _fit_rank(inst, result.profile.code), inst.id),
                                         gaps, weak, after=after, unlock=unlock))
    fixes = sorted((c for c in candidates if c.tier < 0), key=lambda c: c.inst.id)
    ranked = sorted((c for c in candidates if c.tier >= 0 and c.unlock is None), key=lambda c: (c.tier, c.order))
    chosen, by_family = [], {}
    for c in ranked:
        if c.pairing is None:  # a gap alone brings at most MAX_PER_FAMILY of one family, so one gap does not fill the list
            by_family[c.inst.family] = by_family.get(c.inst.family, 0) + 1
            if by_family[c.inst.family] > MAX_PER_FAMILY:
                continue
        chosen.append(c)
    chosen = chosen[:limit]
    # An instrument unlocked by another comes right after it, when that one made the list.
    for waiting in sorted((c for c in candidates if c.unlock), key=lambda c: (c.tier, c.order)):
        first = next((i for i, c in enumerate(chosen) if c.inst.id == waiting.unlock), None)
        if first is not None:
            waiting.after = catalog.instrument(waiting.unlock).title
            chosen.insert(first + 1, waiting)
    chosen = chosen[:limit]
    out = [pre] if pre is not None else []
    out += [_recommendation(c, result, catalog, firm) for c in fixes + chosen]
    return out


def _recommendation(c: _Candidate, result: AssessmentResult, catalog: Catalog, firm: FirmContext) -> Recommendation:
    inst = c.inst
    support: Basis | None = None  # the centre's own reasons are in the reason itself
    if c.level == "estudio_describe":
        support = inst.gap_basis
    elif c.level == "estudio_empareja" and c.pairing is not None:
        support = c.pairing.basis
    if c.fix is not None:
        head = Text(f"Resuelve un bloqueo: {c.fix.reason.es}", f"It resolves a block: {c.fix.reason.en}")
        sentence = None
        if c.level == "estudio_empareja":
            sentence = _level_sentence(c.level, c.pairing, c.segment, c.gaps, [])
        elif c.level == "estudio_describe":
            sentence = Text("El estudio describe este apoyo como útil para las empresas con esta brecha.",
                            "The study describes this support as useful for firms with this gap.")
        else:
            sentence = Text("Criterio del centro, no del estudio: el centro lo propone para levantar ese bloqueo.",
                            "The centre's criterion, not the study's: the centre proposes it to lift that block.")
        reason = _join(head, sentence)
    else:
        reason = _level_sentence(c.level, c.pairing, c.segment, c.gaps, c.triggers[2:] if c.pairing else c.triggers)
    if c.after is not None:
        reason = _join(Text(f"Después de «{c.after.es}».", f"After “{c.after.en}”."), reason)
    programmes = _programmes(inst.programmes, firm)
    return Recommendation(
        instrument_id=inst.id, family=inst.family, title=inst.title, description=inst.description,
        reason=reason, steps=inst.steps, programmes=programmes,
        gap_dimensions=tuple(d.dimension_id for _, d in c.gaps), gap=c.gaps[0][0] if c.gaps else Decimal(0),
        catalog_id=catalog.id, catalog_version=catalog.version,
        fit="perfil" if c.pairing is not None else "brecha", triggers=tuple(c.triggers[:MAX_TRIGGERS]),
        basis=inst.basis, support=support, programmes_note=None if programmes else NO_PROGRAMME,
        level=c.level, after=c.after, fixes=c.fix.reason if c.fix is not None else None)


def _fit_rank(inst: Instrument, profile: str | None) -> int:
    """0 when the instrument is written for few profiles including this one; 1 when for any."""
    if profile is None or not inst.profiles:
        return 1
    return 0 if profile in inst.profiles and len(inst.profiles) <= 3 else 1


def excluded(result: AssessmentResult, firm: FirmContext | None = None, catalog: Catalog | None = None,
             *, year: int | None = None) -> dict[str, Text]:
    """The instruments this firm cannot use, each with the sentence that says why (for the adviser)."""
    firm = firm or result.firm
    catalog = catalog or load_catalog()
    facts = advice_facts(result, firm, year if year is not None else dt.date.today().year)
    out = {}
    for inst in catalog.instruments:
        failed = any_fails(inst.requires, facts)
        if failed is not None:
            out[inst.id] = failed["why_unknown"] if holds(failed, facts) is None and "why_unknown" in failed \
                else failed["why"]
    return out


__all__ = ["recommend", "excluded", "STRENGTH_FROM", "MIN_GAP", "NO_PROGRAMME"]
