"""What the advice says besides the instruments: notes, and why internationalize.

* :func:`advice_notes`: a large firm is told in one sentence why the mipyme
  instruments do not apply and what the study says of large firms' role; a
  result below the questionnaire's minimum of answers (or without a known
  export mode) gets no profile and no instruments by kind of firm, and is told
  what to ask next instead.
* :func:`why_internationalize`: the reasons to internationalize the study gives
  (II.C, Cuadro 6, Cuadro 7, the Conclusions) and the risks and costs it names
  (note 11, I.D), those whose conditions fit this firm, in the catalogue's order.
"""

from __future__ import annotations

import datetime as dt

from desktop.domain.assessment.catalog import Catalog, load_catalog
from desktop.domain.assessment.conditions import INVOICE_QUESTION, YEARS_QUESTION, advice_facts, all_hold
from desktop.domain.assessment.questionnaire import shipped_questionnaire
from desktop.domain.assessment.model import AdviceNote, AssessmentResult, Derivation, FirmContext, Text, WhyItem
from desktop.domain.assessment.stage import (
    GROWTH_QUESTION,
    MODE_QUESTION,
    NO_PROFILE_REASON,
    REGISTRATION_QUESTION,
    SUPPLIER_QUESTION,
)

# What the advice needs first: the export mode places the firm; registration, invoicing and supplying a larger
# firm decide which instruments it can use; growth and years exporting refine the kind of firm.
ASK_FIRST = (MODE_QUESTION, REGISTRATION_QUESTION, INVOICE_QUESTION, SUPPLIER_QUESTION, GROWTH_QUESTION,
             YEARS_QUESTION)
MAX_BENEFITS = 5
MAX_RISKS = 3


def questions_to_ask(result: AssessmentResult, limit: int = 8) -> tuple[str, ...]:
    """The open questions the advice needs, those that place the firm first, then the result's ``to_ask``."""
    open_ = [q for q in ASK_FIRST if q not in result.answers or not result.answers[q].answered]
    if result.stage.code == "local_only" or MODE_QUESTION in open_:
        open_ = [q for q in open_ if q != YEARS_QUESTION]  # asked only of firms that export
    rest = [q for q in result.to_ask if q not in open_]
    return tuple((open_ + rest)[:limit])


def shown_profile(result: AssessmentResult) -> Derivation:
    """The profile as it may be shown: none when the result is incomplete.

    Results stored before profiles were withheld below the minimum of answers may
    carry one; it is not shown, so an old thin result does not pass for a verdict.
    """
    if result.incomplete and result.profile.code is not None:
        return Derivation(None, (NO_PROFILE_REASON,))
    return result.profile


def advice_notes(result: AssessmentResult, firm: FirmContext | None = None, catalog: Catalog | None = None,
                 *, question_text=None) -> tuple[AdviceNote, ...]:
    """The large firm's sentence, or the note that no profile was given and what to ask.

    Args:
        question_text: question id -> Text, to name the questions (ids otherwise).
    """
    firm = firm or result.firm
    catalog = catalog or load_catalog()
    if question_text is None:
        shipped = shipped_questionnaire(result.questionnaire_version)
        if shipped is not None and shipped.id == result.questionnaire_id:
            def question_text(qid):
                question = shipped.question(qid)
                return question.text if question else None
    notes = []
    if firm.size_class == "grande" and catalog.large_firm is not None:
        notes.append(AdviceNote("large_firm", catalog.large_firm.text, catalog.large_firm.bases))
    elif result.incomplete or result.profile.code is None:
        ask = questions_to_ask(result)
        names = [question_text(q) if question_text else None for q in ask]
        listed_es = "; ".join(f"«{n.es}»" if n else q for q, n in zip(ask, names, strict=True))
        listed_en = "; ".join(f"“{n.en}”" if n else q for q, n in zip(ask, names, strict=True))
        why = (Text("se respondió menos del mínimo del cuestionario", "less than the questionnaire's minimum was answered")
               if result.incomplete else
               Text("no se sabe si la empresa exporta ni cómo", "it is not known whether or how the firm exports"))
        notes.append(AdviceNote("no_profile", Text(
            f"Sin perfil ni instrumentos por tipo de empresa, porque {why.es}; pregunte primero: {listed_es}.",
            f"No profile and no instruments by kind of firm, because {why.en}; ask first: {listed_en}."),
            questions=ask))
    return tuple(notes)


def why_internationalize(result: AssessmentResult, firm: FirmContext | None = None, catalog: Catalog | None = None,
                         *, year: int | None = None) -> tuple[WhyItem, ...]:
    """The study's reasons to internationalize that fit this firm, then the risks and costs it should weigh.

    An item applies when every one of its conditions is known to hold (an item
    without conditions applies to every firm). A result below the minimum of
    answers has no profile, so only the items that need none apply.
    """
    firm = firm or result.firm
    catalog = catalog or load_catalog()
    if firm.size_class == "grande":
        return ()  # the reasons speak of mipymes; a large firm is told its role instead (advice_notes)
    facts = advice_facts(result, firm, year if year is not None else dt.date.today().year)
    if result.incomplete:
        facts["profile"] = None
    fitting = [w for w in catalog.why if all_hold(w.when, facts)]
    benefits = [w for w in fitting if w.kind == "beneficio"][:MAX_BENEFITS]
    risks = [w for w in fitting if w.kind != "beneficio"][:MAX_RISKS]
    return tuple(WhyItem(w.id, w.kind, w.title, w.text, w.basis) for w in benefits + risks)


__all__ = ["advice_notes", "why_internationalize", "questions_to_ask", "shown_profile", "ASK_FIRST",
           "NO_PROFILE_REASON"]
