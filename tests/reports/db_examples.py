"""Put the example firms and assessments into a Rumbo database (service and CLI tests)."""

from __future__ import annotations

import dataclasses

from db import advisers as advisers_repo
from db import assessments as assessments_repo
from db import settings as settings_repo
from desktop.domain.assessment import result_to_dict
from desktop.services.registry.firms import register_firm
from tests.reports.examples import HOSTILE, PANADERIA, PREVIOUS, RESULT

FIRM_FIELDS_TYPED = ("legal_name", "trade_name", "tax_id", "tax_id_type", "country", "department", "municipality",
                     "sector_isic", "year_founded", "employees_women", "employees_men", "employees",
                     "sales_usd", "exports_usd", "formal_registration", "owner_name")


def _typed(firm: dict) -> dict:
    return {k: firm[k] for k in FIRM_FIELDS_TYPED if firm.get(k) is not None}


def _complete(storage, firm_id: str, adviser_id: str, result) -> dict:
    draft = assessments_repo.start_assessment(storage, firm_id, result.questionnaire_id,
                                              result.questionnaire_version, adviser_id, adviser_id)
    return assessments_repo.complete_assessment(
        storage, draft["id"], result_to_dict(result), adviser_id, readiness_index=result.index,
        band=result.band, stage=result.stage.code, profile=result.profile.code)


def populate(storage) -> dict[str, str]:
    """Three firms: one assessed twice, one hostile-named assessed once, one never assessed.

    Returns:
        name -> firm id ("espiga", "hostile", "bare") plus "adviser".
    """
    adviser = advisers_repo.create_adviser(storage, {"name": "José Pérez", "centre": "CDMYPE UNICAES"}, None)
    settings_repo.set_setting(storage, "centre_name", "CDMYPE Universidad Católica", adviser["id"])
    espiga = register_firm(storage, {**_typed(PANADERIA), "adviser_id": adviser["id"]}, adviser["id"])
    hostile = register_firm(storage, {**_typed(HOSTILE), "tax_id": None, "adviser_id": adviser["id"]}, adviser["id"])
    bare = register_firm(storage, {"legal_name": "Taller Sin Evaluar", "country": "GT", "employees": 3}, adviser["id"])
    # The previous result is given the same dimensions so the comparison has rows.
    previous = dataclasses.replace(PREVIOUS, dimensions=tuple(
        dataclasses.replace(d, score=None if d.score is None else d.score - 10) for d in RESULT.dimensions))
    _complete(storage, espiga["id"], adviser["id"], previous)
    _complete(storage, espiga["id"], adviser["id"], RESULT)
    _complete(storage, hostile["id"], adviser["id"], RESULT)
    return {"espiga": espiga["id"], "hostile": hostile["id"], "bare": bare["id"], "adviser": adviser["id"]}
