"""One national database, several centres (issue 17): a centre's laptops see their own centre's
firms, the national coordinator sees every centre's and writes none, in PostgreSQL's row-level
security; a laptop restored from a backup goes on syncing; the portfolio the server keeps is what
the laptops show, and the Tablero counts it in PostgreSQL."""

from __future__ import annotations

import dataclasses

import psycopg
import pytest

from db.centre import server
from db.centre.portfolio import ServerPortfolio
from db.queries import reports
from db.queries.reports import PortfolioFilter
from db.sync.peers import server_settings
from desktop.domain.errors import UserError
from desktop.services import centre, maintenance
from desktop.services.dashboard import DashboardFilter, build_dashboard
from desktop.services.demo import make_demo
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.centre.devices import enrol, secure_database
from tests.sync.conftest import open_conflicts

pytestmark = pytest.mark.postgres

FIRM = {"country": "SV", "department": "San Miguel", "municipality": "San Miguel"}


def _firm(storage, name, **extra):
    return firms.register_firm(storage, {"legal_name": name, **FIRM, **extra}, None)


def _enrol(storage, owner_url, centre_name=None, national=False):
    enrol(storage, owner_url, centre_name=centre_name, national=national)


@pytest.fixture
def nation(tmp_path, pg_url, encrypted_db):
    """Two centres in one database, a laptop in each and the national coordinator's desktop
    (set up with sign-in: its commands run from the command line)."""
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    with server.connect(pg_url) as conn:
        server.add_centre(conn, "CDMYPE Santa Ana", "SV")
    east = secure_database(tmp_path / "east.db", "Laptop San Miguel")
    west = secure_database(tmp_path / "west.db", "Laptop Santa Ana")
    national = secure_database(tmp_path / "national.db", "Coordinación nacional")
    _enrol(east, pg_url, "CDMYPE San Miguel")
    _enrol(west, pg_url, "cdmype santa ana")
    _enrol(national, pg_url, national=True)
    yield east, west, national
    for d in (east, west, national):
        d.close()


def _names(storage):
    return sorted(r[0] for r in storage.conn.execute("SELECT legal_name FROM firms WHERE deleted_at IS NULL"))


def test_a_centre_sees_its_own_firms_and_the_national_coordinator_sees_all(nation, pg_url):
    east, west, national = nation
    _firm(east, "Café de Oriente")
    _firm(west, "Textiles de Occidente")
    for d in (east, west, east, west, national):
        centre.sync_now(d)
    assert _names(east) == ["Café de Oriente"]
    assert _names(west) == ["Textiles de Occidente"]
    assert _names(national) == ["Café de Oriente", "Textiles de Occidente"]

    # The server, not the laptop, hides the other centre: even a hand-written query sees only its own.
    with psycopg.connect(server_settings(east)["url"]) as conn:
        seen = {r[0] for r in conn.execute("SELECT state->>'legal_name' FROM changes WHERE table_name = 'firms'")}
        assert seen == {"Café de Oriente"}
        assert [r[0] for r in conn.execute("SELECT legal_name FROM portfolio.firms")] == ["Café de Oriente"]


def test_the_national_coordinator_reads_but_cannot_write(nation):
    east, _west, national = nation
    _firm(east, "Café de Oriente")
    centre.sync_now(east)
    with pytest.raises(UserError) as refused:  # what is typed there would never reach the server
        _firm(national, "Empresa escrita en la coordinación")
    assert str(refused.value).startswith("Este equipo es de la coordinación nacional:")
    result = centre.sync_now(national)
    assert result.pushed == 0 and _names(national) == ["Café de Oriente"]
    with psycopg.connect(server_settings(national)["url"]) as conn:
        [ch] = [c for c in server.pull(conn, {}) if c.table == "firms"]
        forged = dataclasses.replace(ch, origin=national.device_id, origin_seq=1)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            server.push(conn, [forged], {national.device_id: "Coordinación"})


def test_a_device_cannot_take_another_devices_origin(nation):
    east, west, _ = nation
    _firm(west, "Textiles de Occidente")
    centre.sync_now(west)
    with psycopg.connect(server_settings(east)["url"], autocommit=True) as conn:
        # Renaming it touches nothing (the origin is bound to the other laptop: the row is not its to see) ...
        assert conn.execute("UPDATE origins SET name = 'mío' WHERE origin = %s", (west.device_id,)).rowcount == 0
        # ... and so is writing under it, or rebinding it to oneself.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE origins SET device_id = %s", (east.device_id,))


def test_a_laptop_restored_from_a_backup_goes_on_syncing_with_its_credentials(tmp_path, pg_url):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    laptop = secure_database(tmp_path / "laptop.db", "Laptop Ana")
    coord = secure_database(tmp_path / "coord.db", "Coordinación")
    for d in (laptop, coord):
        enrol(d, pg_url)
    monday = _firm(laptop, "Café del lunes")
    maintenance.backup_database(laptop, tmp_path / "lunes.db")
    tuesday = _firm(laptop, "Panadería del martes")
    centre.sync_now(laptop)
    first_id = laptop.device_id
    laptop.close()

    maintenance.restore_database(tmp_path / "laptop.db", tmp_path / "lunes.db")
    laptop = open_database(tmp_path / "laptop.db")
    assert laptop.device_id != first_id  # a restored file writes under a new id
    wednesday = _firm(laptop, "Ferretería del miércoles")
    result = centre.sync_now(laptop)
    assert result.pushed == 1  # Wednesday's firm, under the new id, with the old credentials
    held = {r[0] for r in laptop.conn.execute("SELECT id FROM firms")}
    assert held >= {monday["id"], tuesday["id"], wednesday["id"]}  # Tuesday's firm came back from the server
    centre.sync_now(coord)
    assert _names(coord) == ["Café del lunes", "Ferretería del miércoles", "Panadería del martes"]
    st = centre.centre_status(pg_url)
    [ana] = [d for d in st.devices if d["name"] == "Laptop Ana"]
    assert ana["changes"] == 3 + 2  # both ids' changes are the same laptop's (three firms, and its sign-in)
    laptop.close()
    coord.close()


def test_an_unknown_centre_gets_one_sentence(pg_url, tmp_path):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    with secure_database(tmp_path / "a.db", "Laptop A") as storage:
        with pytest.raises(UserError) as exc:
            enrol(storage, pg_url, centre_name="CDMYPE Chalatenango")
    assert "Chalatenango" in str(exc.value) and "rumbo centre add" in str(exc.value)


def _portfolio(url):
    return ServerPortfolio(url)


def test_the_portfolio_on_the_server_counts_what_the_laptops_show(nation, pg_url):
    east, west, national = nation
    make_demo(east, 40, seed=7)
    make_demo(west, 25, seed=8)
    for d in (east, west, national):
        centre.sync_now(d)

    # The server's portfolio holds the study's class only: compare it with the laptop counting that one.
    from db import settings as settings_repo
    settings_repo.set_setting(national, "size_basis", "study", None)
    local = build_dashboard(national, DashboardFilter())
    with _portfolio(pg_url) as source:
        remote = build_dashboard(source, DashboardFilter())
        for chart in ("by_size", "by_sector", "by_country", "by_department", "by_band", "by_stage", "gaps",
                      "by_adviser", "by_month", "stale", "milestones"):
            assert getattr(remote, chart) == getattr(local, chart), chart
        assert remote.total_firms == local.total_firms == 65
        assert remote.advisory == local.advisory and remote.advisory.firms_advised > 0
        assert {r.label: r.count for r in remote.by_centre} == {"CDMYPE San Miguel": 40, "CDMYPE Santa Ana": 25}

        # One chart only (what `rumbo centre portfolio --by` prints) does only that chart's work.
        only = build_dashboard(source, DashboardFilter(), charts={"by_band"})
        assert only.by_band == remote.by_band and only.by_country == [] and only.advisory is None

        # The adviser filter: that adviser's sessions and verified milestones, on both.
        [(adviser,)] = national.conn.execute(
            "SELECT adviser_id FROM advisory_sessions GROUP BY adviser_id ORDER BY count(*) DESC LIMIT 1").fetchall()
        mine = DashboardFilter(adviser_id=adviser)
        assert build_dashboard(source, mine).advisory == build_dashboard(national, mine).advisory
        # One centre, through the filter, equals that centre's own laptop.
        [east_row] = [r for r in remote.by_centre if r.label == "CDMYPE San Miguel"]
        one = build_dashboard(source, DashboardFilter(centre_id=east_row.key))
        own = build_dashboard(east, DashboardFilter())
        assert (one.by_band, one.by_stage, one.total_firms) == (own.by_band, own.by_stage, 40)
        assert one.advisory == own.advisory

        # The portfolio report's queries too, by period.
        period = PortfolioFilter(start=None, end=None)
        assert reports.latest_by(source, period, "band") == reports.latest_by(national, period, "band")
        assert reports.totals(source, period)["firms"] == 65
        assert reports.common_gaps(source, period) == reports.common_gaps(national, period)


def test_the_server_shows_the_version_every_laptop_shows_while_a_conflict_waits(tmp_path, pg_url):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    a, b, coord = (secure_database(tmp_path / f"{n}.db", n) for n in ("Ana", "Beto", "Coordinación"))
    for d in (a, b, coord):
        enrol(d, pg_url)
    firm = _firm(a, "Café Cuscatleco")
    for d in (a, b):
        centre.sync_now(d)
    firms.update_firm(a, firm["id"], {"phone": "+503 2222 0001"}, None)
    firms.update_firm(b, firm["id"], {"phone": "+503 2222 0002"}, None)
    for d in (a, b, coord, a):
        centre.sync_now(d)
    assert open_conflicts(coord)
    shown = firms.get_firm(coord, firm["id"])["phone"]
    with _portfolio(pg_url) as source:
        [(phone,)] = source.execute("SELECT phone FROM firms WHERE id = ?", [firm["id"]]).fetchall()
    assert phone == shown == firms.get_firm(a, firm["id"])["phone"]
    for d in (a, b, coord):
        d.close()


def test_the_national_view_lists_a_firm_registered_in_two_centres(nation, capsys):
    from desktop.cli import main

    east, west, national = nation
    _firm(east, "Café El Volcán", tax_id="0614-290186-102-2")
    _firm(west, "Cafe El Volcan S.A.", tax_id="0614-290186-102-2")
    _firm(east, "Hamacas  de Oriente")
    _firm(west, "hamacas de oriente")
    _firm(west, "Hamacas de Oriente", municipality="Santa Ana")  # another town: another firm
    for d in (east, west):
        centre.sync_now(d)
    with centre.open_portfolio(national) as source:
        pairs = source.across_centres()
    assert sorted((p["reason"], p["first_centre"] != p["second_centre"]) for p in pairs) == [
        ("name", True), ("tax_id", True)]
    with centre.open_portfolio(east) as source:
        assert source.across_centres() == []  # a centre sees only its own firms
    assert main(["--db", str(national.path), "centre", "duplicates"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 posibles empresas repetidas entre centros")
    assert "(CDMYPE San Miguel)" in out and "(CDMYPE Santa Ana)" in out and "mismo NIT" in out
