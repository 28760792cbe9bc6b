"""The funder report (issue 15 item 4): figures of a period and an XLSX whose rows add up to them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from desktop.domain.assessment import answers_from_json
from desktop.domain.errors import UserError
from desktop.services import advisory, funder
from desktop.services.assessment_entry import record_assessment
from desktop.services.registry.firms import register_firm
from tests.services.test_advice_report import FIXTURE

TODAY = dt.date.today()
T = TODAY.isoformat()


@pytest.fixture
def worked(fresh_db):
    s = fresh_db
    a = register_firm(s, {"legal_name": "Dulces <Ana> & 🍬", "country": "SV", "owner_gender": "F"}, None)
    b = register_firm(s, {"legal_name": "Taller Mecánico", "country": "SV", "owner_gender": "M"}, None)
    c = register_firm(s, {"legal_name": "Sin sesiones", "country": "SV"}, None)
    for firm, minutes, programme in ((a, 90, "PROESA"), (a, 30, None), (b, 45, "PROESA")):
        advisory.record_session(s, firm["id"], {"held_on": T, "minutes": minutes, "mode": "visita",
                                                "programme": programme}, None)
    advisory.record_milestone(s, a["id"], {"kind": "empleo", "occurred_on": T, "jobs_women": 2, "jobs_men": 1,
                                           "evidence": "firmado", "programme": "PROESA"}, "v1")
    advisory.record_milestone(s, b["id"], {"kind": "financiamiento", "occurred_on": T, "amount": "10.000",
                                           "source": "BANDESAL", "evidence": "documento"}, "v1")
    advisory.record_milestone(s, c["id"], {"kind": "ventas", "occurred_on": T, "amount": "5.000",
                                           "evidence": "declarado"}, None)
    answers = answers_from_json(json.loads(FIXTURE.read_text(encoding="utf-8"))["answers"])
    record_assessment(s, a["id"], answers, None)
    record_assessment(s, a["id"], answers, None)
    return s, a, b, c


def test_the_figures_of_a_period(worked):
    s, a, b, c = worked
    fig = funder.figures_for(s, TODAY.strftime("%d/%m/%Y"), T)
    assert (fig.firms_advised, str(fig.hours), fig.new_clients, fig.returning_clients, fig.women_led) == \
        (2, "2.8", 2, 0, 1)
    assert (fig.jobs_women, fig.jobs_men) == (2, 1)
    assert fig.usd_by_kind == {"ventas": 5000, "exportacion": 0, "financiamiento": 10000}
    assert fig.milestones_by_kind["empleo"] == {"declarado": 0, "documento": 0, "firmado": 1}
    assert fig.milestones_by_kind["financiamiento"]["documento"] == 1
    assert fig.readiness_change and all(change == 0 and n == 1 for _, _, change, n in fig.readiness_change)
    only = funder.figures_for(s, T, T, programme="PROESA")
    assert (only.firms_advised, str(only.hours), only.jobs_women, only.usd_by_kind["financiamiento"]) == \
        (2, "2.3", 2, 0)


def test_a_firm_advised_before_the_period_returns(worked):
    s, a, *_ = worked
    earlier = TODAY - dt.timedelta(days=400)
    with s.write():  # a session of a year ago (the firm's record predates it too)
        s.conn.execute("UPDATE advisory_sessions SET held_on = ? WHERE minutes = 30", (earlier.isoformat(),))
    fig = funder.figures_for(s, T, T)
    assert (fig.firms_advised, fig.new_clients, fig.returning_clients) == (2, 1, 1)


def test_the_xlsx_rows_add_up_to_its_totals(worked, tmp_path):
    s, *_ = worked
    fig = funder.figures_for(s, T, T)
    path = funder.export_xlsx(fig, tmp_path / "informe.xlsx")
    book = load_workbook(path, read_only=True)
    summary = {r[0]: r[1] for r in book["Resumen"].iter_rows(values_only=True)}
    sessions = list(book["Sesiones"].iter_rows(min_row=2, values_only=True))
    milestones = list(book["Hitos"].iter_rows(min_row=2, values_only=True))
    assert summary["Empresas asesoradas"] == len({r[1] for r in sessions}) == 2
    assert summary["Horas de asesoría"] == round(sum(r[3] for r in sessions) / 60, 1) == 2.8
    assert summary["Empleos nuevos de mujeres"] == sum(r[3] or 0 for r in milestones)
    assert summary["Financiamiento obtenido (USD)"] == sum(r[5] or 0 for r in milestones if r[2] ==
                                                           "Financiamiento obtenido")
    assert sum(v for k, v in summary.items() if str(k).startswith("Hitos:")) == len(milestones) == 3
    assert "Dulces <Ana> & 🍬" in {r[1] for r in sessions}
    assert not list(tmp_path.glob(".rumbo-tmp-*"))


def test_a_bad_period_is_refused(fresh_db):
    with pytest.raises(UserError) as err:
        funder.figures_for(fresh_db, "2026-12-31", "2026-01-01")
    assert (err.value.field, err.value.message) == ("end", "El fin del periodo es anterior a su inicio.")
    with pytest.raises(UserError) as err:
        funder.figures_for(fresh_db, "", "2026-01-01")
    assert err.value.message == "Indique el periodo del informe (desde y hasta)."


def test_the_pdf_prints_the_totals_and_every_counted_milestone(worked, tmp_path):
    from tests.reports.conftest import pdf_pages, squash

    s, *_ = worked
    fig = funder.figures_for(s, T, T)
    path = funder.write_pdf(s, fig, tmp_path / "financiadores.pdf")
    text = squash(" ".join(pdf_pages(path.read_bytes())))
    assert "Informe para financiadores" in text
    assert "Empresas asesoradas" in text and "Horas de asesoría" in text and "2,8" in text
    assert "Empleos nuevos (mujeres / hombres)" in text and "2 / 1" in text
    assert "Dulces <Ana> &" in text  # the name prints as typed (escaped for ReportLab, not dropped)
    assert "USD 10.000 — BANDESAL" in text and "Firmado por el cliente" in text
    assert "Hitos por tipo" in text and "Cambio en la preparación por dimensión" in text


def test_the_pdf_sums_the_sessions_by_firm(worked):
    """One row per advised firm (not one per session): sessions, hours, days and advisers add up."""
    s, a, b, _c = worked
    fig = funder.figures_for(s, T, T)
    rows = funder.report_data(s, fig).session_rows
    day = TODAY.strftime("%d/%m/%Y")
    assert [r[:5] for r in rows] == [("Dulces <Ana> & 🍬", "2", "2,0", day, day), ("Taller Mecánico", "1", "0,8", day, day)]
    assert sum(int(r[1]) for r in rows) == len(fig.sessions)
