"""Completed demo assessments, so the dashboard, reports and follow-up have data.

About 40 % of the demo firms get assessed; some of them two or three times
over the past 18 months, each time a little better prepared, so the follow-up
screens show progress. Answers come from :mod:`desktop.domain.demo.answers`
and are scored by the real engine; the results, answers and change-log rows
are written with the bulk paths of :mod:`db.records` (a few executemany calls
in one transaction), and each firm's cached stage and band follow its latest
assessment.

A stored result is about 30 KB of JSON (plus its copy in the change log) and
scoring takes a few milliseconds, so very large demo databases assess at most
:data:`MAX_ASSESSED_FIRMS` firms: enough for every screen to read well without
making ``rumbo demo --firms 1000000`` take an hour and gigabytes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from decimal import Decimal

from db import records
from db.clock import new_id
from db.connection import Storage
from desktop.domain.assessment import Answer, result_to_dict, score
from desktop.domain.assessment.scoring import normalise
from desktop.domain.demo.answers import demo_answers, initial_readiness
from desktop.services.assessments import firm_context, questionnaire

ASSESSED_SHARE = 0.4
MAX_ASSESSED_FIRMS = 2000
HISTORY_DAYS = 540  # about 18 months
# How many assessments an assessed firm has: (count, relative frequency).
REPEATS = ((1, 60), (2, 28), (3, 12))
_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


def assessed_firms(firm_ids: Sequence[str], seed: int, share: float = ASSESSED_SHARE,
                   limit: int = MAX_ASSESSED_FIRMS) -> list[int]:
    """Positions in ``firm_ids`` of the firms that get assessed (deterministic for a seed)."""
    rng = random.Random(f"assessed-{seed}")
    chosen = [i for i in range(len(firm_ids)) if rng.random() < share]
    if len(chosen) > limit:
        chosen = sorted(rng.sample(chosen, limit))
    return chosen


def store_demo_assessments(storage: Storage, firms: Sequence[dict], adviser_id: str | None, seed: int, *,
                           share: float = ASSESSED_SHARE, limit: int = MAX_ASSESSED_FIRMS,
                           today: dt.datetime | None = None) -> int:
    """Store completed demo assessments for a share of ``firms``; returns how many.

    Args:
        firms: stored firms (dicts with ``id`` and the firm fields).
        adviser_id: the demo adviser, recorded as interviewer and author.
        seed: the demo seed; the same seed gives the same assessments.
        share: the share of firms assessed.
        limit: the most firms assessed, whatever their number.
        today: the end of the 18-month window (now by default).
    """
    now = today or dt.datetime.now(dt.timezone.utc)
    q = questionnaire()
    assessments, answers, latest = [], [], {}
    for position in assessed_firms([f["id"] for f in firms], seed, share, limit):
        firm = firms[position]
        rng = random.Random(f"{seed}-{firm['id']}")
        context = firm_context(firm)
        readiness = initial_readiness(context, rng)
        for completed in _completion_times(rng, now):
            given = demo_answers(q, context, rng, readiness)
            result = score(q, given, context)
            started = completed - dt.timedelta(minutes=rng.randint(25, 150))
            row = {
                "id": new_id(), "firm_id": firm["id"], "adviser_id": adviser_id,
                "questionnaire_id": q.id, "questionnaire_version": q.version, "status": "completed",
                "started_at": started.strftime(_STAMP), "completed_at": completed.strftime(_STAMP),
                "result": result_to_dict(result),
                "readiness_index": None if result.index is None else float(result.index),
                "band": result.band, "stage": result.stage.code, "profile": result.profile.code,
            }
            assessments.append(row)
            answers += _answer_rows(q, row["id"], given)
            latest[firm["id"]] = {"stage": row["stage"], "band": row["band"]}
            readiness = min(0.97, readiness + rng.uniform(0.04, 0.15))  # advice pays off a little
    with storage.write():
        records.insert_many(storage, "assessments", assessments, adviser_id)
        records.insert_many(storage, "answers", answers, adviser_id)
        records.update_many(storage, "firms", latest, adviser_id)
    return len(assessments)


def _completion_times(rng: random.Random, now: dt.datetime) -> list[dt.datetime]:
    """One to three completion times within the last 18 months, oldest first, weeks apart."""
    count = rng.choices([c for c, _w in REPEATS], [w for _c, w in REPEATS])[0]
    # Slots 90 days apart and a jitter of at most 40 days keep visits at least
    # 50 days apart, so no firm has two assessments in one calendar month.
    slots = sorted(rng.sample(range(0, HISTORY_DAYS - 40, 90), count), reverse=True)
    times = []
    for slot in slots:
        day = now - dt.timedelta(days=slot + rng.randint(1, 40))
        times.append(day.replace(hour=rng.randint(13, 23), minute=rng.randint(0, 59), second=rng.randint(0, 59),
                                 microsecond=0))
    return times


def _answer_rows(q, assessment_id: str, given: dict[str, Answer]) -> list[dict]:
    rows = []
    for question_id, answer in given.items():
        value = None
        if answer.answered:
            value = normalise(q.question(question_id), answer.value)
            # Stored as the interview stores them: numbers as text, choices as lists.
            value = str(value) if isinstance(value, Decimal) else list(value) if isinstance(value, tuple) else value
        rows.append({"assessment_id": assessment_id, "question_id": question_id, "value": value,
                     "special": answer.code, "evidence": answer.evidence, "note": None})
    return rows
