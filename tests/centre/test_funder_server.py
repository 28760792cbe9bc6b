"""The funder report where the data is (issue 37): computed on the centre's server for one centre or the
nation, equal to the laptops' numbers; undecided duplicates (within a centre and across centres) counted
once on both; caseload by adviser; and the portfolio's advisory columns of migration 0007 filled even for
changes stored before it."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from openpyxl import load_workbook

from db.centre import server
from db.centre.portfolio import ServerPortfolio
from desktop.cli import main
from desktop.services import advisory, centre, funder, profile
from desktop.services.advisers import current_adviser_id
from desktop.services.dashboard import DashboardFilter, build_dashboard
from desktop.services.registry import duplicates as duplicate_service
from desktop.services.registry import firms
from tests.centre.devices import enrol, secure_database
from tests.sync.conftest import open_conflicts

pytestmark = pytest.mark.postgres

TODAY = dt.date.today()
T = TODAY.isoformat()
SAN_MIGUEL, SANTA_ANA = "CDMYPE San Miguel", "CDMYPE Santa Ana"


def _work(storage, name: str, tax_id: str, adviser: str, coordinator: str, minutes: int, jobs: int,
          amount: str | None = None, verify: bool = True) -> dict:
    """A firm with a session (preparation and travel too), its jobs and, when given, sales."""
    firm = firms.register_firm(storage, {"legal_name": name, "country": "SV", "tax_id": tax_id,
                                         "municipality": "San Miguel", "owner_gender": "F"}, adviser)
    advisory.record_session(storage, firm["id"], {"held_on": T, "minutes": minutes, "mode": "visita",
                                                  "prep_minutes": 20, "travel_minutes": 40}, adviser)
    m = advisory.record_milestone(storage, firm["id"], {"kind": "empleo", "occurred_on": T, "jobs_women": jobs,
                                                        "jobs_men": 1, "evidence": "firmado"}, adviser)
    if verify:
        advisory.verify_milestone(storage, m["id"], coordinator)
    if amount:
        advisory.record_milestone(storage, firm["id"], {"kind": "ventas", "occurred_on": T, "amount": amount,
                                                        "evidence": "documento", "document_kind": "factura"}, adviser)
    return firm


@pytest.fixture
def nation(tmp_path, pg_url, encrypted_db):
    """San Miguel's laptop (the same firm registered twice there, nobody decided yet), Santa Ana's laptop
    (one firm also registered in San Miguel) and the national coordinator's desktop, all synced."""
    centre.init_centre(pg_url, SAN_MIGUEL)
    with server.connect(pg_url) as conn:
        server.add_centre(conn, SANTA_ANA, "SV")
    east = secure_database(tmp_path / "east.db", "Laptop San Miguel")
    west = secure_database(tmp_path / "west.db", "Laptop Santa Ana")
    national = secure_database(tmp_path / "national.db", "Coordinación nacional")
    enrol(east, pg_url, centre_name=SAN_MIGUEL)
    enrol(west, pg_url, centre_name=SANTA_ANA)
    enrol(national, pg_url, national=True)
    # (No centre_name setting on the laptops: settings are keyed by name, and the national desktop
    # would receive two of them.)
    for storage, adviser_name in ((east, "Beto Ruiz"), (west, "Dora Paz")):
        storage.adviser = profile.create_adviser(storage, name=adviser_name, actor=current_adviser_id(storage))["id"]
    a = _work(east, "Café La Cumbre", "0614-290186-102-2", east.adviser, current_adviser_id(east), 60, 2, "9.000")
    twin = _work(east, "Cafe la Cumbre S.A.", "0614-290186-102-2", east.adviser, current_adviser_id(east), 30, 2)
    _work(east, "Hamacas de Oriente", "0614-120396-101-9", east.adviser, current_adviser_id(east), 45, 1,
          verify=False)
    _work(west, "Hamacas de Oriente", "0614-120396-101-9", west.adviser, current_adviser_id(west), 90, 3, "4.000")
    duplicate_service.review_pair(east, a["id"], twin["id"])  # Posibles duplicados: open, nobody decides
    late = (TODAY - dt.timedelta(days=4)).isoformat()
    advisory.add_plan_item(east, a["id"], {"title": "Llamar al banco", "owner_adviser_id": east.adviser,
                                           "due_on": late}, east.adviser)
    [west_firm] = [r[0] for r in west.conn.execute("SELECT id FROM firms")]
    advisory.add_plan_item(west, west_firm, {"title": "Enviar muestras", "owner": "empresa", "due_on": late},
                           west.adviser)
    for d in (east, west, national):
        centre.sync_now(d)
    yield east, west, national
    for d in (east, west, national):
        d.close()


def test_the_server_counts_each_centre_and_the_nation_as_the_laptops_do(nation, pg_url):
    east, west, national = nation
    with ServerPortfolio(pg_url) as source:
        ids = {c["name"]: c["id"] for c in source.centres()}
        here = funder.figures_for(east, T, T)
        there = funder.figures_for(source, T, T, centre_id=ids[SAN_MIGUEL])
        assert there == here
        assert (here.firms_advised, here.jobs_women, here.jobs_men, len(here.duplicates)) == (2, 2, 1, 1)
        assert here.waiting == {"declarado": 0, "documentado": 2}  # sales seen, not verified; Hamacas' jobs
        assert funder.figures_for(source, T, T, centre_id=ids[SANTA_ANA]) == funder.figures_for(west, T, T)

        whole = funder.figures_for(source, T, T)
        assert whole == funder.figures_for(national, T, T)
        # Café La Cumbre twice in San Miguel, Hamacas de Oriente in both centres: four registrations, two firms.
        assert (whole.firms_advised, len(whole.duplicates), whole.jobs_women, whole.jobs_men) == (2, 2, 5, 2)
        assert str(whole.hours) == "3.8" and str(whole.prep_hours) == "1.3" and str(whole.travel_hours) == "2.7"
        assert {whole.names[a.adviser_id]: a.firms for a in whole.caseload} == {"Beto Ruiz": 2, "Dora Paz": 1}
        assert sorted(set(whole.centres.values())) == [SAN_MIGUEL, SANTA_ANA]

        # The Tablero's caseload and overdue charts, counted by PostgreSQL, equal the national desktop's.
        remote, local = build_dashboard(source, DashboardFilter()), build_dashboard(national, DashboardFilter())
        assert remote.caseload == local.caseload and remote.overdue == local.overdue
        assert {r.label: r.count for r in remote.overdue} == {"Beto Ruiz": 1, "La empresa": 1}
        assert remote.overdue_items == local.overdue_items
        only = build_dashboard(source, DashboardFilter(centre_id=ids[SANTA_ANA]), charts={"overdue"})
        assert [r.label for r in only.overdue] == ["La empresa"]
    assert {c[0] for c in open_conflicts(national)} == {"duplicate"}  # the desktop holds them as possible duplicates


def test_the_national_coordinator_writes_the_report_from_the_command_line(nation, tmp_path, capsys):
    _east, _west, national = nation
    national_path = str(national.path)
    out = tmp_path / "nacional.xlsx"
    assert main(["--db", national_path, "centre", "report", "funder", "--from", T, "--to", T, "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Informe para financiadores guardado en {out}: 2 empresas asesoradas")
    assert "2 posibles duplicados sin decidir se contaron como una empresa" in said
    book = load_workbook(out, read_only=True)
    summary = {r[0]: r[1] for r in book["Resumen"].iter_rows(values_only=True)}
    assert summary["Centro"] == "Todos los centros (nacional)"
    rows = list(book["Hitos"].iter_rows(values_only=True))
    col = {h: n for n, h in enumerate(rows[0])}
    # Hamacas de Oriente's jobs count once for the firm and year: Santa Ana's record, the later one.
    assert {(r[col["Centro"]], r[col["NIT / identificación"]]) for r in rows[1:]} == {
        (SAN_MIGUEL, "06142901861022"), (SANTA_ANA, "06141203961019")}
    twins = list(book["Posibles duplicados"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[1] for r in twins) == [SAN_MIGUEL, f"{SAN_MIGUEL} / {SANTA_ANA}"]

    pdf = tmp_path / "santa-ana.pdf"
    assert main(["--db", national_path, "centre", "report", "funder", "--from", T, "--to", T,
                 "--centre", "cdmype santa ana", "-o", str(pdf)]) == 0
    from tests.reports.conftest import pdf_pages, squash

    text = squash(" ".join(pdf_pages(pdf.read_bytes())))
    assert SANTA_ANA in text and "Dora Paz" in text and "Beto Ruiz" not in text
    assert main(["--db", national_path, "centre", "report", "funder", "--from", T, "--to", T,
                 "--centre", "CDMYPE Chalatenango", "-o", str(tmp_path / "x.pdf")]) == 2
    assert capsys.readouterr().err.strip() == ("Este equipo no ve ningún centro llamado «CDMYPE Chalatenango» en "
                                               "el servidor.")
    assert not (tmp_path / "x.pdf").exists()

    assert main(["--db", national_path, "centre", "portfolio", "--by", "adviser"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("Empresas asesoradas por cada asesor(a)")
    assert [line.split()[-1] for line in lines[2:]] == ["2", "1"] and "Beto Ruiz" in lines[2]


def test_migration_0007_fills_the_portfolio_from_changes_stored_before_it(nation, pg_url):
    """A laptop updated before its server: the changes already carry the new fields; applying 0007 again
    (as on a server that got it late) writes them into the portfolio from the version each record shows."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        before = conn.execute("SELECT id, stage, documented_by, document_kind FROM portfolio.impact_milestones "
                              "ORDER BY id").fetchall()
        assert {r[1] for r in before} == {"verificado", "documentado"} and all(r[2] for r in before)
        conn.execute("DELETE FROM schema_migrations WHERE version = 7")
        conn.execute("ALTER TABLE portfolio.impact_milestones DROP COLUMN stage, DROP COLUMN documented_by, "
                     "DROP COLUMN document_kind, DROP COLUMN document_seen, DROP COLUMN document_ref, "
                     "DROP COLUMN document_id, DROP COLUMN documented_on")
        conn.execute("ALTER TABLE portfolio.advisory_sessions DROP COLUMN prep_minutes, DROP COLUMN travel_minutes")
        conn.execute("DROP INDEX portfolio.portfolio_plan_items_due")
        conn.execute("ALTER TABLE portfolio.plan_items DROP COLUMN owner_adviser_id, DROP COLUMN priority, "
                     "DROP COLUMN session_id")
        assert server.migrate(conn) == ["0007_advisory.sql"]
        assert conn.execute("SELECT id, stage, documented_by, document_kind FROM portfolio.impact_milestones "
                            "ORDER BY id").fetchall() == before
        assert conn.execute("SELECT sum(prep_minutes), sum(travel_minutes) FROM portfolio.advisory_sessions"
                            ).fetchone() == (80, 160)
