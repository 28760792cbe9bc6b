"""The one-page summary at the front of the client report (issue 39), built from what the report has.

Nothing here is computed anew: where the firm stands is the readiness the report prints (index
and band only when the data allows, otherwise what is missing), the strengths are the report's
own, the three actions are the firm's action plan (its first three still to do, with owner and
due date) or, before a plan exists, what a plan made from the recommendations would hold, and
the programmes to contact are the directory's current programmes for those actions. The rest
of the report is the detail behind each line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.domain.advisory.plan import PlanAction
from desktop.domain.assessment import SIN_DATOS, Recommendation
from desktop.reports.labels import label

MAX_MISSING = 6  # dimensions named when the answers do not allow an index
MAX_PROGRAMMES = 3


@dataclass(frozen=True)
class SummaryAction:
    """One of the three actions: what, who does it, by when, and its first step."""

    number: int
    title: str
    who: str
    when: str
    first_step: str = ""


@dataclass(frozen=True)
class SummaryProgramme:
    """A programme to contact first, with whom to call."""

    name: str
    institution: str
    contact: str
    for_action: str  # the action (or recommendation) it serves


@dataclass(frozen=True)
class Summary:
    """Everything page 1 says, in the report's language."""

    standing: tuple[str, ...]  # where the firm stands, one sentence each
    missing: str  # the dimensions still without enough answers ("" when the index stands)
    strengths: tuple[str, ...]
    actions: tuple[SummaryAction, ...]
    actions_note: str  # where the actions come from (the agreed plan, or a proposal)
    programmes: tuple[SummaryProgramme, ...]
    ask: str  # whom in the centre to ask, when no current programme fits


def _standing(readiness, lang: str) -> tuple[tuple[str, ...], str]:
    from desktop.reports.text import num, pct

    if readiness is None:
        return (label("summary_no_assessment", lang),), ""
    lines = []
    if readiness.index is None or readiness.incomplete:
        lines.append(label("summary_no_index", lang).format(coverage=pct(readiness.coverage, lang)))
    else:
        lines.append(label("summary_index", lang).format(index=num(readiness.index, lang), band=readiness.band_label))
        if readiness.band_uncapped_label and readiness.knock_outs:
            lines.append(readiness.knock_outs[0])
        elif readiness.provisional:
            lines.append(label("provisional", lang))
    if readiness.stage_label and readiness.stage_label != "—":
        lines.append(label("summary_stage", lang).format(stage=readiness.stage_label, profile=readiness.profile_label))
    gaps = [d.title for d in readiness.dimensions if d.status == SIN_DATOS]
    missing = ""
    if gaps and (readiness.index is None or readiness.incomplete):
        shown = ", ".join(gaps[:MAX_MISSING]) + (label("summary_more", lang).format(n=len(gaps) - MAX_MISSING)
                                                  if len(gaps) > MAX_MISSING else "")
        missing = label("summary_missing", lang).format(dimensions=shown)
    return tuple(lines), missing


def _action(number: int, action: PlanAction, recs: Mapping[str, Recommendation], adviser: str,
            lang: str) -> SummaryAction:
    from desktop.reports.text import long_date

    rec = recs.get(action.source_key or "")
    title = action.title
    step = rec.steps[0].text(lang) if rec is not None and rec.steps else ""
    steps_es = [s.es for s in rec.steps] if rec is not None else []
    if rec is not None and title == rec.title.es:
        title = rec.title.text(lang)  # the plan keeps the Spanish title; an English report says it in English
    elif title in steps_es:  # the action is itself one of the recommendation's steps (issue 37)
        title, step = rec.steps[steps_es.index(title)].text(lang), ""
    if action.owner == "empresa":
        who = label("owner_firm", lang)
    else:
        adviser = action.owner_name or adviser  # the adviser in charge of it, when the plan names one
        who = label("owner_centre_adviser", lang).format(adviser=adviser) if adviser else label("owner_centre", lang)
    when = (label("due_by", lang).format(date=long_date(action.due_on, lang)) if action.due_on
            else label("due_open", lang))
    return SummaryAction(number, title, who, when, step)


def build_summary(readiness, recommendations: Sequence[Recommendation], actions: Sequence[PlanAction],
                  from_plan: bool, directory: Mapping[str, tuple], ask: str, adviser: str,
                  lang: str) -> Summary:
    """Page 1 of the client report.

    Args:
        readiness: the report's :class:`~desktop.reports.client.data.Readiness`, or None (no assessment).
        recommendations: the advice, in order.
        actions: the three actions (``desktop.services.advisory.summary_actions``).
        from_plan: whether ``actions`` come from the firm's action plan.
        directory: instrument id -> the current programmes the firm qualifies for.
        ask: whom in the centre to ask for today's offer (printed when no programme fits).
        adviser: the adviser's name (the centre's actions are theirs to arrange).
    """
    from desktop.reports.client.offer import centre_line

    standing, missing = _standing(readiness, lang)
    recs = {r.instrument_id: r for r in recommendations}
    shown = tuple(_action(n, a, recs, adviser, lang) for n, a in enumerate(actions, start=1))
    if from_plan:
        note = label("summary_from_plan", lang) if shown else label("summary_plan_done", lang)
    elif shown:
        note = label("summary_proposed", lang)
    elif readiness is not None and readiness.incomplete:
        note = label("summary_complete_first", lang)
    else:
        note = ""
    # Programmes for the actions first, in their order, then for the other recommendations.
    keys = [a.source_key for a in actions if a.source_key] + [r.instrument_id for r in recommendations]
    titles = {a.source_key: s.title for a, s in zip(actions, shown, strict=True) if a.source_key}
    programmes: list[SummaryProgramme] = []
    for key in dict.fromkeys(keys):
        for p in directory.get(key, ()):
            if len(programmes) < MAX_PROGRAMMES and all(p.name != q.name for q in programmes):
                line = centre_line(p, lang)
                serves = titles.get(key) or (recs[key].title.text(lang) if key in recs else "")
                programmes.append(SummaryProgramme(line.name, line.institution, line.contact, serves))
    strengths = readiness.strengths if readiness is not None and not readiness.incomplete else ()
    # Whom to ask, when there is advice to act on and no current programme for it.
    ask_text = f"{label('summary_no_programme', lang)} {ask}" if recommendations and not programmes else ""
    return Summary(standing, missing, tuple(strengths), shown, note, tuple(programmes), ask_text)


__all__ = ["Summary", "SummaryAction", "SummaryProgramme", "build_summary"]
