"""The funder report (issues 15 and 37): figures of a period, impact counted once verified by a second
person, undecided duplicates counted once and named, caseload by adviser, and an XLSX whose rows add up
to its totals and carry each firm's centre and tax id."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from desktop.domain.assessment import answers_from_json
from desktop.domain.errors import UserError
from desktop.services import advisory, funder, profile
from desktop.services.advisers import list_advisers
from desktop.services.assessment_entry import record_assessment
from desktop.services.registry.duplicates import review_pair
from desktop.services.registry.firms import register_firm
from tests.services.test_advice_report import FIXTURE

TODAY = dt.date.today()
T = TODAY.isoformat()


@pytest.fixture
def worked(fresh_db):
    s = fresh_db
    ana = profile.create_adviser(s, name="Ana Martínez")["id"]
    coord = profile.create_adviser(s, name="Carla Coordinadora")["id"]
    profile.save_settings(s, {"centre_name": "CDMYPE Santa Ana"}, None)
    a = register_firm(s, {"legal_name": "Dulces <Ana> & 🍬", "country": "SV", "owner_gender": "F",
                          "tax_id": "0614-290186-102-2"}, None)
    b = register_firm(s, {"legal_name": "Taller Mecánico", "country": "SV", "owner_gender": "M"}, None)
    c = register_firm(s, {"legal_name": "Sin sesiones", "country": "SV"}, None)
    for firm, minutes, programme, prep, travel in ((a, 90, "PROESA", 30, 45), (a, 30, None, 0, 0),
                                                   (b, 45, "PROESA", 15, 0)):
        advisory.record_session(s, firm["id"], {"held_on": T, "minutes": minutes, "mode": "visita",
                                                "programme": programme, "prep_minutes": prep,
                                                "travel_minutes": travel}, ana)
    jobs = advisory.record_milestone(s, a["id"], {"kind": "empleo", "occurred_on": T, "jobs_women": 2, "jobs_men": 1,
                                                  "evidence": "firmado", "programme": "PROESA"}, ana)
    loan = advisory.record_milestone(s, b["id"], {"kind": "financiamiento", "occurred_on": T, "amount": "10.000",
                                                  "source": "BANDESAL", "evidence": "documento",
                                                  "document_kind": "contrato", "document_ref": "Préstamo 77"}, ana)
    advisory.record_milestone(s, c["id"], {"kind": "ventas", "occurred_on": T, "amount": "5.000",
                                           "evidence": "declarado"}, ana)
    for m in (jobs, loan):
        advisory.verify_milestone(s, m["id"], coord)
    answers = answers_from_json(json.loads(FIXTURE.read_text(encoding="utf-8"))["answers"])
    record_assessment(s, a["id"], answers, None)
    record_assessment(s, a["id"], answers, None)
    return s, a, b, c


def test_the_figures_of_a_period(worked):
    s, a, b, c = worked
    fig = funder.figures_for(s, TODAY.strftime("%d/%m/%Y"), T)
    assert (fig.firms_advised, str(fig.hours), fig.new_clients, fig.returning_clients, fig.women_led) == \
        (2, "2.8", 2, 0, 1)
    assert (str(fig.prep_hours), str(fig.travel_hours)) == ("0.8", "0.8")  # 45 and 45 minutes, counted apart
    assert (fig.jobs_women, fig.jobs_men) == (2, 1)
    # The firm's word alone (sales of «Sin sesiones») waits; only verified milestones count.
    assert fig.usd_by_kind == {"ventas": 0, "exportacion": 0, "financiamiento": 10000}
    assert fig.milestones_by_kind["empleo"] == {"declarado": 0, "documentado": 0, "verificado": 1}
    assert fig.milestones_by_kind["ventas"]["declarado"] == 1
    assert fig.waiting == {"declarado": 1, "documentado": 0} and fig.waiting_total == 1
    assert fig.readiness_change and all(change == 0 and n == 1 for _, _, change, n in fig.readiness_change)
    only = funder.figures_for(s, T, T, programme="PROESA")
    assert (only.firms_advised, str(only.hours), only.jobs_women, only.usd_by_kind["financiamiento"]) == \
        (2, "2.3", 2, 0)


def test_a_documented_milestone_counts_once_a_second_person_verified_it(worked):
    s, a, *_ = worked
    ana = profile.create_adviser(s, name="Beto Ruiz")["id"]
    m = advisory.record_milestone(s, a["id"], {"kind": "exportacion", "occurred_on": T, "amount": "7.000",
                                               "evidence": "documento", "document_kind": "factura"}, ana)
    fig = funder.figures_for(s, T, T)
    assert fig.usd_by_kind["exportacion"] == 0 and fig.waiting == {"declarado": 1, "documentado": 1}
    [coord] = [x["id"] for x in list_advisers(s) if x["name"] == "Carla Coordinadora"]
    advisory.verify_milestone(s, m["id"], coord)
    fig = funder.figures_for(s, T, T)
    assert fig.usd_by_kind["exportacion"] == 7000 and fig.waiting_total == 1
    [row] = [r for r in fig.milestones if r["id"] == m["id"]]
    assert (row["stage"], row["documenter_name"], row["verifier_name"]) == ("verificado", "Beto Ruiz",
                                                                          "Carla Coordinadora")


def test_a_firm_advised_before_the_period_returns(worked):
    s, a, *_ = worked
    earlier = TODAY - dt.timedelta(days=400)
    with s.write():  # a session of a year ago (the firm's record predates it too)
        s.conn.execute("UPDATE advisory_sessions SET held_on = ? WHERE minutes = 30", (earlier.isoformat(),))
    fig = funder.figures_for(s, T, T)
    assert (fig.firms_advised, fig.new_clients, fig.returning_clients) == (2, 1, 1)


def test_an_undecided_duplicate_counts_once_and_is_named(worked):
    """The same firm registered twice (same tax id), with the same jobs recorded on each: one firm, one
    milestone, both names said; once the pair is settled it counts as what was decided."""
    s, a, b, _c = worked
    twin = register_firm(s, {"legal_name": "Dulces Ana", "country": "SV", "owner_gender": "F",
                             "tax_id": "0614-290186-102-2"}, None)
    [coord] = [x["id"] for x in list_advisers(s) if x["name"] == "Carla Coordinadora"]
    [ana] = [x["id"] for x in list_advisers(s) if x["name"] == "Ana Martínez"]
    advisory.record_session(s, twin["id"], {"held_on": T, "minutes": 60, "mode": "oficina"}, ana)
    again = advisory.record_milestone(s, twin["id"], {"kind": "empleo", "occurred_on": T, "jobs_women": 2,
                                                      "jobs_men": 1, "evidence": "firmado"}, ana)
    advisory.verify_milestone(s, again["id"], coord)
    before = funder.figures_for(s, T, T)
    assert (before.firms_advised, before.jobs_women, before.duplicates) == (3, 4, [])  # not a conflict yet: twice
    review_pair(s, a["id"], twin["id"])  # Empresas → Posibles duplicados opens the pair; nobody decides
    fig = funder.figures_for(s, T, T)
    assert (fig.firms_advised, fig.new_clients, fig.women_led, fig.jobs_women, fig.jobs_men) == (2, 2, 1, 2, 1)
    assert fig.duplicates == [tuple(sorted((a["id"], twin["id"])))] and fig.repeated == 0
    assert str(fig.hours) == "3.8"  # every session is work done: hours count them all
    sentence = funder.report_data(s, fig).notes[1]
    assert sentence.startswith("Posibles duplicados sin decidir (1), contados como una sola empresa: ")
    assert "«Dulces <Ana> & 🍬»" in sentence and "«Dulces Ana»" in sentence


def test_the_caseload_by_adviser(worked):
    s, *_ = worked
    fig = funder.figures_for(s, T, T)
    [load] = fig.caseload
    assert (fig.names[load.adviser_id], load.firms, load.sessions, load.minutes, load.prep_minutes,
            load.travel_minutes, load.milestones) == ("Ana Martínez", 2, 3, 165, 45, 45, 3)


def test_the_xlsx_rows_add_up_to_its_totals_and_carry_centre_and_tax_id(worked, tmp_path):
    s, a, *_ = worked
    fig = funder.figures_for(s, T, T)
    path = funder.export_xlsx(fig, tmp_path / "informe.xlsx", "CDMYPE Santa Ana")
    book = load_workbook(path, read_only=True)
    summary = {r[0]: r[1] for r in book["Resumen"].iter_rows(values_only=True)}
    sessions = list(book["Sesiones"].iter_rows(values_only=True))
    milestones = list(book["Hitos"].iter_rows(values_only=True))
    head, sessions = sessions[0], sessions[1:]
    mhead, milestones = milestones[0], milestones[1:]
    col, mcol = {h: n for n, h in enumerate(head)}, {h: n for n, h in enumerate(mhead)}
    verified = [r for r in milestones if r[mcol["Etapa"]] == "Verificado"]
    assert summary["Centro"] == "CDMYPE Santa Ana"
    assert {r[col["Centro"]] for r in sessions} | {r[mcol["Centro"]] for r in milestones} == {"CDMYPE Santa Ana"}
    assert {r[col["NIT / identificación"]] for r in sessions if r[col["Empresa"]] == a["legal_name"]} == {
        a["tax_id"]}
    assert summary["Empresas asesoradas"] == len({r[col["Empresa"]] for r in sessions}) == 2
    assert summary["Horas de asesoría"] == round(sum(r[col["Minutos"]] for r in sessions) / 60, 1) == 2.8
    assert summary["Horas de preparación"] == round(sum(r[col["Minutos de preparación"]] for r in sessions) / 60, 1)
    assert summary["Empleos nuevos de mujeres (verificados)"] == sum(r[mcol["Empleos mujeres"]] or 0 for r in verified)
    assert summary["Financiamiento obtenido verificado (USD)"] == sum(
        r[mcol["Monto (USD)"]] or 0 for r in verified if r[mcol["Tipo"]] == "Financiamiento obtenido") == 10000
    assert summary["Hitos que esperan verificación"] == len(milestones) - len(verified) == 1
    assert sum(v for k, v in summary.items() if str(k).startswith("Hitos:")) == len(milestones) == 3
    [loan] = [r for r in milestones if r[mcol["Tipo"]] == "Financiamiento obtenido"]
    assert (loan[mcol["Documento"]], loan[mcol["Vio el documento"]], loan[mcol["Verificado por"]]) == (
        "Contrato Préstamo 77", "Ana Martínez", "Carla Coordinadora")
    advisers = list(book["Asesores"].iter_rows(values_only=True))
    assert advisers[1][:3] == ("Ana Martínez", 2, 3)
    assert "Dulces <Ana> & 🍬" in {r[col["Empresa"]] for r in sessions}
    assert not list(tmp_path.glob(".rumbo-tmp-*"))


def test_a_bad_period_or_file_is_refused(fresh_db, tmp_path):
    with pytest.raises(UserError) as err:
        funder.figures_for(fresh_db, "2026-12-31", "2026-01-01")
    assert (err.value.field, err.value.message) == ("end", "El fin del periodo es anterior a su inicio.")
    with pytest.raises(UserError) as err:
        funder.figures_for(fresh_db, "", "2026-01-01")
    assert err.value.message == "Indique el periodo del informe (desde y hasta)."
    fig = funder.figures_for(fresh_db, "2026-01-01", "2026-01-31")
    with pytest.raises(UserError) as err:
        funder.write_report(fresh_db, fig, tmp_path / "informe.docx")
    assert err.value.message == "El informe para financiadores se guarda como .pdf o .xlsx, no «informe.docx»."
    assert not (tmp_path / "informe.docx").exists() and not list(tmp_path.glob(".rumbo-tmp-*"))


def test_another_centres_name_is_refused_on_a_laptop(worked):
    s, *_ = worked
    funder.this_centre(s, "cdmype santa ana")  # this database's centre, any case
    with pytest.raises(UserError) as err:
        funder.this_centre(s, "CDMYPE San Miguel")
    assert err.value.message == ("Esta base tiene los datos de «CDMYPE Santa Ana», no de «CDMYPE San Miguel»: el "
                                 "informe de otro centro se pide al servidor con «rumbo centre report funder "
                                 "--centre».")


def test_the_pdf_lists_only_verified_milestones_and_says_how_many_wait(worked, tmp_path):
    from tests.reports.conftest import pdf_pages, squash

    s, *_ = worked
    fig = funder.figures_for(s, T, T)
    path = funder.write_pdf(s, fig, tmp_path / "financiadores.pdf")
    text = squash(" ".join(pdf_pages(path.read_bytes())))
    assert "Informe para financiadores" in text and "CDMYPE Santa Ana" in text
    assert "Empresas asesoradas" in text and "Horas de asesoría" in text and "2,8" in text
    assert "Horas de preparación" in text and "Horas de traslado" in text and "0,8" in text
    assert "Empleos nuevos verificados (mujeres / hombres)" in text and "2 / 1" in text
    assert "Dulces <Ana> &" in text  # the name prints as typed (escaped for ReportLab, not dropped)
    assert "USD 10.000 — BANDESAL" in text and "Contrato Préstamo 77" in text and "Carla Coordinadora" in text
    verified = text[text.index("Hitos verificados del periodo"):text.index("Carga de trabajo por asesor(a)")]
    assert "USD 5.000" not in verified and "Sin sesiones" not in verified  # declared only: not listed as verified
    assert ("1 hito espera verificación (1 declarado por la empresa); no suman en las cifras de impacto hasta que "
            "otra persona los verifique.") in verified
    assert "Hitos por etapa" in text and "Cambio en la preparación por dimensión" in text
    assert "Las cifras de impacto (empleos, ventas, exportaciones, financiamiento) cuentan solo los hitos" in text


def test_the_pdf_sums_the_sessions_by_firm(worked):
    """One row per advised firm (not one per session): sessions, hours, days and advisers add up."""
    s, a, b, _c = worked
    fig = funder.figures_for(s, T, T)
    rows = funder.report_data(s, fig).session_rows
    day = TODAY.strftime("%d/%m/%Y")
    assert [r[:5] for r in rows] == [("Dulces <Ana> & 🍬", "2", "2,0", day, day), ("Taller Mecánico", "1", "0,8", day, day)]
    assert sum(int(r[1]) for r in rows) == len(fig.sessions)
