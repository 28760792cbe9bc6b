"""Four contrasting firms for the client report, written out so every run prints the same reports.

The issue asks the one-page summary to be looked at for a survival micro-firm, a supplier in a
chain, an occasional exporter and an incomplete assessment. Each is a registered firm with one
assessment, completed on a fixed day; the answers come from the hand-worked fixtures of
``tests/domain/fixtures/assessment`` (changed where the kind of firm asks it). Used by the report
tests and by ``tools/report_length.py`` and ``tools/client_sample.py``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "domain" / "fixtures" / "assessment"
TODAY = dt.date(2026, 12, 8)
COMPLETED = "2026-11-24T15:00:00.000000Z"

SURVIVAL = {"legal_name": "Costurera a domicilio Rosa Amaya", "country": "SV", "sector_isic": "1410",
            "employees": 0, "sales_usd": 6000, "exports_usd": 0, "formal_registration": False,
            "owner_name": "Rosa Amaya", "department": "San Miguel", "municipality": "San Miguel"}
SUPPLIER = {"legal_name": "Beneficio de Café Las Nubes, S.A. de C.V.", "trade_name": "Café Las Nubes",
            "country": "SV", "sector_isic": "1079", "employees": 18, "sales_usd": 450000, "exports_usd": 0,
            "formal_registration": True, "year_founded": 2012, "owner_name": "Marta Lidia Pineda"}
OCCASIONAL = {"legal_name": "Cerámica Ilobasco, S.A. de C.V.", "trade_name": "Barro Vivo", "country": "SV",
              "sector_isic": "2393", "employees": 12, "sales_usd": 220000, "exports_usd": 15000,
              "formal_registration": True, "year_founded": 2008, "owner_name": "Julio César Hernández",
              "department": "Cabañas", "municipality": "Ilobasco"}
INCOMPLETE = {"legal_name": "Lácteos El Valle", "country": "SV", "sector_isic": "1050", "employees": 7,
              "sales_usd": 90000, "formal_registration": True, "owner_name": "Ana Gloria Campos"}

# The occasional exporter: the supplier's interview, but it sells abroad itself, now and then, to one country.
OCCASIONAL_CHANGES = {"exp.modo_actual": "directo_ocasional", "exp.participacion": 7, "exp.destinos": 1,
                      "exp.anios": 2, "red.proveedor_grande": False, "can.contacto_directo": True,
                      "can.canal_principal": "directo", "cal.fitosanitario": None, "cal.registro_sanitario": None}
# An interview cut short: too few answers for an index.
INCOMPLETE_ANSWERS = {"for.registro": True, "for.factura": True, "est.largo_plazo": False,
                      "fin.credito": False, "red.gremio": False}

KINDS = ("survival", "supplier", "occasional", "incomplete")


def _answers(kind: str):
    from desktop.domain.assessment import answers_from_json

    if kind == "survival":
        raw = json.loads((FIXTURES / "survival_micro.json").read_text(encoding="utf-8"))["answers"]
    elif kind == "incomplete":
        raw = dict(INCOMPLETE_ANSWERS)
    else:
        raw = json.loads((FIXTURES / "small_indirect.json").read_text(encoding="utf-8"))["answers"]
        if kind == "occasional":
            raw.update(OCCASIONAL_CHANGES)
            raw = {k: v for k, v in raw.items() if v is not None}
    return answers_from_json(raw)


@contextlib.contextmanager
def stamped(when: str):
    """Record assessments as completed at ``when`` (the reports do not depend on the day they run)."""
    import db.assessments as repo

    saved = repo.now_iso
    repo.now_iso = lambda: when
    try:
        yield
    finally:
        repo.now_iso = saved


def add_firm(storage, kind: str, adviser_id: str | None = None) -> dict:
    """Register the firm of ``kind`` (one of :data:`KINDS`) and record its assessment."""
    from desktop.services.assessment_entry import record_assessment
    from desktop.services.registry.firms import register_firm

    data = {"survival": SURVIVAL, "supplier": SUPPLIER, "occasional": OCCASIONAL, "incomplete": INCOMPLETE}[kind]
    firm = register_firm(storage, dict(data, adviser_id=adviser_id), adviser_id)
    with stamped(COMPLETED):
        record_assessment(storage, firm["id"], _answers(kind), adviser_id)
    return firm


def populate(storage) -> dict[str, str]:
    """The centre, its adviser and the four firms; returns kind -> firm id (and "adviser")."""
    from desktop.services import profile
    from desktop.services.advisers import create_adviser

    adviser = create_adviser(storage, {"name": "Asesora de demostración", "centre": "Centro de demostración Rumbo"})
    profile.save_settings(storage, {"centre_name": "Centro de demostración Rumbo"}, None)
    ids = {kind: add_firm(storage, kind, adviser["id"])["id"] for kind in KINDS}
    return {**ids, "adviser": adviser["id"]}
