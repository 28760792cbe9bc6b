"""Firm facts, internationalization stage and heterogeneity profile.

The stage follows the export modes of reference.md §4.8 (direct and indirect
exporting); the profile places the firm on the spectrum of §4.7, between
survival self-employment and high-growth innovative firms. The source names the
two poles and "the majority"; the rules that assign a firm to a segment below
are our reading of it ([INFERRED]) and are kept deliberately few and visible,
each result carrying the reasons that produced it.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.domain.assessment.model import Answer, Derivation, DimensionScore, FirmContext, Text

MODE_QUESTION = "exp.modo_actual"
DESTINATIONS_QUESTION = "exp.destinos"
REGISTRATION_QUESTION = "for.registro"
GROWTH_QUESTION = "est.crecimiento_ventas"
SUPPLIER_QUESTION = "red.proveedor_grande"
INNOVATION_DIMENSION = "innovacion"

MODE_TO_STAGE = {
    "solo_local": "local_only",
    "indirecto": "indirect_exporter",
    "directo_ocasional": "occasional_direct",
    "directo_regular": "regular_direct",
}
DIRECT_STAGES = ("occasional_direct", "regular_direct", "multi_market")
MULTI_MARKET_DESTINATIONS = 3  # regular direct exports to this many countries or more
DYNAMIC_INNOVATION_SCORE = Decimal(60)
MICRO_MAX_EMPLOYEES = 10  # the common micro ceiling of Cuadro 1 when no size class is given
# Said instead of a profile when too little was answered for a verdict (the questionnaire's index threshold).
NO_PROFILE_REASON = Text(
    "Perfil sin determinar: se respondió menos del mínimo del cuestionario, y un perfil dicho con tan pocas "
    "respuestas afirmaría más de lo que se sabe.",
    "Profile not determined: less than the questionnaire's minimum was answered, and a profile drawn from so "
    "few answers would claim more than is known.")


def sector_type_for_isic(isic: str | None) -> str | None:
    """Map an ISIC Rev. 4 code (section letter or 2–4 digit class) to a sector type.

    Agriculture and food, beverages and tobacco manufacturing are
    "agroalimentario" (the agro-industrial target of the source, §4.4); mining is
    "recursos_naturales"; computers, electronics, electrical and transport
    equipment are "intensiva_tecnologia"; other manufacturing
    "manufactura_tradicional"; trade "comercio"; everything else "servicios".
    """
    if not isic:
        return None
    code = isic.strip().upper()
    if code[:1].isalpha():
        section = code[:1]
        return {"A": "agroalimentario", "B": "recursos_naturales", "C": "manufactura_tradicional", "G": "comercio"}.get(section, "servicios")
    if not code[:2].isdigit():
        return None
    division = int(code[:2])
    if 1 <= division <= 3 or 10 <= division <= 12:
        return "agroalimentario"
    if 5 <= division <= 9:
        return "recursos_naturales"
    if division in (21, 26, 27, 28, 29, 30):
        return "intensiva_tecnologia"
    if 13 <= division <= 33:
        return "manufactura_tradicional"
    if 45 <= division <= 47:
        return "comercio"
    return "servicios"


def _value(answers: dict[str, Answer], question_id: str):
    answer = answers.get(question_id)
    return answer.value if answer is not None and answer.answered else None


def firm_facts(firm: FirmContext, answers: dict[str, Answer]) -> dict[str, object]:
    """The facts ``applies_if`` conditions may test; None means unknown.

    The answer about the current export mode, when given, wins over the firm's
    export figure, because it also knows about indirect exports.
    """
    mode = _value(answers, MODE_QUESTION)
    if mode is not None:
        exports_now = mode != "solo_local"
        exports_direct = mode in ("directo_ocasional", "directo_regular")
    elif firm.exports_usd is not None:
        exports_now = exports_direct = firm.exports_usd > 0
    else:
        exports_now = exports_direct = None
    registered = _value(answers, REGISTRATION_QUESTION)
    return {
        "country": firm.country,
        "size_class": firm.size_class,
        "sector_type": firm.sector_type or sector_type_for_isic(firm.sector_isic),
        "exports_now": exports_now,
        "exports_direct": exports_direct,
        "formal_registration": registered if registered is not None else firm.formal_registration,
    }


def derive_stage(firm: FirmContext, answers: dict[str, Answer], mode_labels: dict[str, Text] | None = None) -> Derivation:
    """The firm's internationalization stage, from the answers and then the firm's data.

    Args:
        mode_labels: the export-mode options' display text by option id, so the
            reason quotes the answer as the owner heard it (codes otherwise).
    """
    mode = _value(answers, MODE_QUESTION)
    if mode in MODE_TO_STAGE:
        stage = MODE_TO_STAGE[mode]
        said = (mode_labels or {}).get(mode, Text(mode, mode))
        reasons = [Text(f"Respuesta sobre el modo de exportación: «{said.es}».",
                        f"Answer on the export mode: «{said.en}».")]
        destinations = _value(answers, DESTINATIONS_QUESTION)
        if stage == "regular_direct" and destinations is not None and Decimal(destinations) >= MULTI_MARKET_DESTINATIONS:
            stage = "multi_market"
            reasons.append(Text(
                f"Exporta con regularidad a {destinations} países (3 o más).",
                f"Exports regularly to {destinations} countries (3 or more)."))
        return Derivation(stage, tuple(reasons))
    if firm.exports_usd is not None:
        if firm.exports_usd > 0:
            return Derivation("occasional_direct", (Text(
                "Los datos de la empresa registran exportaciones, pero no se respondió el modo; se supone exportación directa ocasional.",
                "The firm's data record exports but the mode was not answered; occasional direct exporting is assumed."),))
        return Derivation("local_only", (Text(
            "Los datos de la empresa registran cero exportaciones.", "The firm's data record zero exports."),))
    return Derivation(None, (Text(
        "No hay respuesta sobre el modo de exportación ni datos de exportaciones.",
        "There is no answer on the export mode and no export data."),))


def derive_profile(
    firm: FirmContext, answers: dict[str, Answer], stage: str | None, dimensions: tuple[DimensionScore, ...]
) -> Derivation:
    """The firm's place on the heterogeneity spectrum (reference.md §4.7).

    Unknown (code None) when the export stage is unknown: every segment of the
    spectrum says how the firm reaches (or does not reach) foreign markets.
    """
    if stage is None:
        return Derivation(None, (Text(
            "Perfil sin determinar: no se sabe si la empresa exporta ni cómo (falta la respuesta sobre el modo de exportación).",
            "Profile unknown: it is not known whether or how the firm exports (the export-mode answer is missing)."),))
    facts = firm_facts(firm, answers)
    formal = facts["formal_registration"]
    if firm.size_class:
        micro = firm.size_class == "micro"
    else:
        micro = firm.employees is None or firm.employees <= MICRO_MAX_EMPLOYEES
    self_employed = firm.employees == 0
    if stage == "local_only" and micro and (formal is False or self_employed):
        why = "no está inscrita legalmente" if formal is False else "no tiene empleados"
        why_en = "it is not legally registered" if formal is False else "it has no employees"
        return Derivation("autoempleo_supervivencia", (Text(
            f"Microempresa que vende solo en el mercado local y {why}.",
            f"A micro-firm selling only in the local market, and {why_en}."),))
    if stage == "indirect_exporter" and micro and formal is False:
        # The study's self-employment pole is the informal micro-firm, "prácticamente sin
        # internacionalización": selling through an exporter does not make it a linked supplier.
        return Derivation("autoempleo_supervivencia", (Text(
            "Microempresa informal: no está inscrita legalmente, aunque parte de lo que vende llega al exterior "
            "por medio de otra empresa.",
            "An informal micro-firm: it is not legally registered, even though some of what it sells reaches "
            "foreign markets through another firm."),))
    if stage in DIRECT_STAGES:
        innovation = next((d.score for d in dimensions if d.dimension_id == INNOVATION_DIMENSION), None)
        growth = _value(answers, GROWTH_QUESTION)
        if innovation is not None and innovation >= DYNAMIC_INNOVATION_SCORE and growth == "crecieron_mucho":
            return Derivation("dinamica_innovadora", (Text(
                f"Exporta directamente, su innovación tiene {str(innovation).replace('.', ',')}/100 y sus ventas "
                "crecen 10 % al año o más.",
                f"Exports directly, scores {innovation}/100 on innovation and its sales grow 10% a year or more."),))
        return Derivation("exportador_directo", (Text("Exporta directamente.", "Exports directly."),))
    if stage == "indirect_exporter":
        return Derivation("proveedor_vinculado", (Text(
            "Llega al exterior de manera indirecta, por medio de otras empresas.",
            "Reaches foreign markets indirectly, through other firms."),))
    if _value(answers, SUPPLIER_QUESTION) is True:
        return Derivation("proveedor_vinculado", (Text(
            "Abastece con regularidad a una empresa grande o exportadora.",
            "Regularly supplies a large or exporting firm."),))
    return Derivation("local_tradicional", (Text(
        "Vende en el mercado nacional, como la mayoría de las mipymes de la región.",
        "Sells in the home market, like most mipymes in the region."),))
