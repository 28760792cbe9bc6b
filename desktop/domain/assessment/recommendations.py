"""Recommendations: readiness gaps -> support instruments suited to this firm.

1. Filter the catalogue by the firm's size class, stage, profile, sector type
   and country (an unknown value does not filter).
2. An instrument's gap is the largest ``100 - score`` among the dimensions it
   addresses that have a score; instruments whose gap is under ``MIN_GAP`` are
   left out (dimensions without enough data are not gaps we can claim).
3. Instruments marked ``lead_for`` the firm's profile come first whatever the
   gaps (microfinance and formalisation for survival self-employment, Cuadro 7).
4. The rest are ranked by gap (then total gap, then id) and spread across the
   families: the best of each family first, then the next best overall.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from desktop.domain.assessment.catalog import Catalog, Instrument, load_catalog
from desktop.domain.assessment.model import OK, AssessmentResult, FirmContext, Recommendation, Text
from desktop.domain.assessment.questionnaire import load_questionnaire
from desktop.domain.assessment.scoring import fraction
from desktop.domain.assessment.stage import sector_type_for_isic

MIN_GAP = Decimal(20)  # a dimension at 80/100 or more is not a gap worth an instrument


def _suits(inst: Instrument, firm: FirmContext, stage: str | None, profile: str | None) -> bool:
    sector = firm.sector_type or sector_type_for_isic(firm.sector_isic)
    checks = (
        (firm.size_class if firm.size_class != "sin_clasificar" else None, inst.sizes),
        (stage, inst.stages),
        (profile, inst.profiles),
        (sector, inst.sector_types),
        (firm.country, inst.countries),
    )
    return all(value is None or not allowed or value in allowed for value, allowed in checks)


def _weakest_gap(result: AssessmentResult, dimension_id: str, questionnaire) -> Text | None:
    """The gap sentence of the weakest answered question of a dimension."""
    if questionnaire is None or questionnaire.id != result.questionnaire_id:
        return None
    worst = None
    for q in questionnaire.dimension(dimension_id).questions if questionnaire.dimension(dimension_id) else ():
        answer = result.answers.get(q.id)
        if answer is None or not answer.answered or q.gap is None:
            continue
        key = (fraction(q, answer.value), -q.weight)
        # Only a clearly weak answer (a quarter of its points or less) is named as the gap.
        if key[0] <= Fraction(1, 4) and (worst is None or key < worst[0]):
            worst = (key, q.gap)
    return worst[1] if worst else None


def _reason(result: AssessmentResult, inst: Instrument, gaps: list, questionnaire, lead: bool) -> Text:
    parts_es, parts_en = [], []
    if lead:
        parts_es.append("porque el perfil de la empresa es de autoempleo de supervivencia, donde este apoyo va primero")
        parts_en.append("because the firm's profile is survival self-employment, where this support comes first")
    for n, (gap, dim) in enumerate(g for g in gaps[:2] if g[0] >= MIN_GAP):
        detail = _weakest_gap(result, dim.dimension_id, questionnaire)
        score_es = str(dim.score).replace(".", ",")  # Spanish decimal comma
        es = f"la dimensión {dim.title.es} tiene {score_es}/100" + (f": {detail.es}" if detail else "")
        en = f"the {dim.title.en} dimension scores {dim.score}/100" + (f": {detail.en}" if detail else "")
        if n == 0 and not lead:
            es, en = "porque " + es, "because " + en
        else:
            es, en = "también " + es, "also " + en
        parts_es.append(es)
        parts_en.append(en)
    es, en = "; ".join(parts_es), "; ".join(parts_en)
    return Text(es[:1].upper() + es[1:] + ".", en[:1].upper() + en[1:] + ".")


def recommend(result: AssessmentResult, firm: FirmContext | None = None, catalog: Catalog | None = None,
              *, limit: int = 6, questionnaire=None) -> list[Recommendation]:
    """Rank the instruments suited to the firm by the size of the gaps they address.

    Args:
        result: a scored assessment.
        firm: the firm; defaults to the one recorded in ``result``.
        catalog: defaults to the shipped catalogue.
        limit: the most recommendations to return.
        questionnaire: used to phrase reasons; defaults to the shipped one when ids match.
    """
    firm = firm or result.firm
    catalog = catalog or load_catalog()
    if questionnaire is None:
        shipped = load_questionnaire()
        questionnaire = shipped if shipped.id == result.questionnaire_id else None
    scored = {d.dimension_id: d for d in result.dimensions if d.status == OK and d.score is not None}
    profile = result.profile.code
    leads, ranked = [], []
    for inst in catalog.instruments:
        if not _suits(inst, firm, result.stage.code, profile):
            continue
        gaps = sorted(((100 - scored[g].score, scored[g]) for g in inst.gaps if g in scored),
                      key=lambda pair: (-pair[0], pair[1].dimension_id))
        top = gaps[0][0] if gaps else Decimal(0)
        lead = profile in inst.lead_for
        if not lead and top < MIN_GAP:
            continue
        entry = (inst, gaps, top, sum((g for g, _ in gaps), Decimal(0)), lead)
        (leads if lead else ranked).append(entry)
    ranked.sort(key=lambda e: (-e[2], -e[3], e[0].id))
    chosen, families = [], set()
    for e in ranked:  # best of each family first
        if e[0].family not in families:
            chosen.append(e)
            families.add(e[0].family)
    chosen += [e for e in ranked if e not in chosen]
    chosen = leads + sorted(chosen[: max(0, limit - len(leads))], key=lambda e: (-e[2], -e[3], e[0].id))
    out = []
    for inst, gaps, top, _, lead in chosen[:limit]:
        programmes = sorted(inst.programmes, key=lambda p: (firm.country not in p.countries, p.id))
        out.append(Recommendation(
            instrument_id=inst.id, family=inst.family, title=inst.title, description=inst.description,
            reason=_reason(result, inst, gaps, questionnaire, lead), steps=inst.steps,
            programmes=tuple(programmes), gap_dimensions=tuple(d.dimension_id for _, d in gaps),
            gap=top, catalog_id=catalog.id, catalog_version=catalog.version,
        ))
    return out


__all__ = ["recommend", "MIN_GAP"]
