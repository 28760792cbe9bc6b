"""The Tablero screen: numbers equal the SQL counts, filters, and a click lists the firms of a bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.gui.portfolio.dashboard_page import DashboardPage
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services.dashboard import DashboardFilter, build_dashboard
from tests.services.test_dashboard import TODAY, oracle, portfolio  # noqa: F401 - the shared fixture


@pytest.fixture
def page(portfolio, qtbot, tmp_path):  # noqa: F811
    storage, adviser, other = portfolio
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    context = AppContext(storage, runner=SyncRunner(), settings=settings)
    widget = DashboardPage(context, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    widget.adviser_ids = (adviser, other)
    return widget


def shown(page, chart):
    return {row.key: int(bar.text.replace(" ", "")) for row, bar in zip(page.rows(chart), page.charts[chart].bars)}


def test_charts_show_the_sql_counts(page, portfolio):  # noqa: F811
    storage = portfolio[0]
    expect = oracle(storage, DashboardFilter())
    assert shown(page, "by_size") == expect["size"]
    assert shown(page, "by_country") == expect["country"]
    assert shown(page, "by_band") == expect["band"]
    assert shown(page, "gaps") == expect["gaps"]
    assert shown(page, "by_adviser") == expect["adviser"]
    assert page.total_label.text() == f"{len(expect['firms'])} empresas"


def test_adviser_and_period_filters_recount(page, portfolio):  # noqa: F811
    storage = portfolio[0]
    other = page.adviser_ids[1]
    page.adviser.setCurrentIndex(page.adviser.findData(other))
    assert shown(page, "by_adviser") == oracle(storage, DashboardFilter(adviser_id=other))["adviser"]
    page.adviser.setCurrentIndex(0)
    page.date_from.setDate(page.date_from.date().fromString("2025-01-01", "yyyy-MM-dd"))
    page.use_from.setChecked(True)
    f = DashboardFilter(date_from="2025-01-01")
    assert page.current_filter() == f
    assert [(r.key, r.count) for r in page.rows("by_month")] == sorted(oracle(storage, f)["month"].items())
    assert shown(page, "by_band") == oracle(storage, f)["band"]


def test_clicking_a_bar_lists_its_firms(page, portfolio, qtbot):  # noqa: F811
    storage = portfolio[0]
    chart = page.charts["by_country"]
    rows = page.rows("by_country")
    with qtbot.waitSignal(page.selection_requested) as clicked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(1).center().toPoint())
    row = clicked.args[0]
    assert row == rows[1]
    dialog = page.last_dialog
    expected = sorted((r for r in oracle(storage, DashboardFilter())["firms"] if r["country"] == row.key),
                      key=lambda r: (r["legal_name"].lower(), r["id"]))
    assert dialog.firm_ids() == [r["id"] for r in expected]
    assert dialog.summary.text().startswith(f"{row.count} empresa")
    opened = []
    page.context.signals.firm_open_requested.connect(opened.append)
    dialog.table.doubleClicked.emit(dialog.table.model().index(0, 0))
    assert opened == [expected[0]["id"]]


def test_page_equals_the_service(page, portfolio):  # noqa: F811
    board = build_dashboard(portfolio[0], DashboardFilter(), today=TODAY)
    for chart in ("by_sector", "by_department", "by_stage", "by_month", "stale"):
        assert page.rows(chart) == getattr(board, chart)


def test_advisory_figures_equal_the_funder_report(page, portfolio, qtbot):  # noqa: F811
    """The Tablero shows the funder report's figures for its own period and adviser."""
    from PySide6.QtCore import QDate, QLocale

    from desktop.services.funder import figures_for

    storage, adviser, _other = portfolio
    page.date_to.setDate(QDate(2030, 12, 31))  # the demo's advice is dated around the real today
    page.use_to.setChecked(True)
    fig = figures_for(storage, "1900-01-01", "2030-12-31")
    assert fig.firms_advised > 0 and fig.milestones  # demo data has sessions and milestones
    values = page.advisory_values()
    assert values["firms_advised"] == str(fig.firms_advised)
    assert values["hours"] == QLocale().toString(float(fig.hours), "f", 1)  # the app sets QLocale to Spanish
    assert values["jobs"] == f"{fig.jobs_women} / {fig.jobs_men}"
    assert values["clients"] == f"{fig.new_clients} / {fig.returning_clients}"
    by_kind = {r.label: r.count for r in page.rows("milestones")}
    assert sum(by_kind.values()) == len(fig.milestones)
    assert by_kind["Empleos"] == sum(fig.milestones_by_kind["empleo"].values())

    # the other adviser recorded no session: the figures follow the adviser filter
    page.adviser.setCurrentIndex(page.adviser.findData(page.adviser_ids[1]))
    assert page.advisory_values()["firms_advised"] == "0"
    assert page.advisory_values()["hours"] == QLocale().toString(0.0, "f", 1)
    page.adviser.setCurrentIndex(page.adviser.findData(adviser))
    assert page.advisory_values()["firms_advised"] == str(fig.firms_advised)  # the demo's adviser held them all
    page.adviser.setCurrentIndex(0)

    # a bar of the milestone chart lists the firms that reached a milestone of that kind
    row = next(r for r in page.rows("milestones") if r.label == "Empleos")
    index = page.rows("milestones").index(row)
    chart = page.charts["milestones"]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(index).center().toPoint())
    listed = set(page.last_dialog.firm_ids())
    assert listed == {m["firm_id"] for m in fig.milestones if m["kind"] == "empleo"}


def test_overdue_actions_and_caseload_on_the_tablero(qtbot, tmp_path, dialogs):
    """Issue 37: overdue plan items by who does them (an adviser's own list with the adviser filter), the
    firm opened from the list with Enter, and the firms each adviser advised in the period."""
    import datetime as dt

    from desktop.services import advisory, profile
    from desktop.services.registry.firms import register_firm
    from desktop.services.storage import open_database

    today = dt.date.today()
    late, later = (today - dt.timedelta(days=9)).isoformat(), (today - dt.timedelta(days=2)).isoformat()
    with open_database(tmp_path / "rumbo.db") as storage:
        ana = profile.create_adviser(storage, name="Ana Martínez")["id"]
        beto = profile.create_adviser(storage, name="Beto Ruiz")["id"]
        a = register_firm(storage, {"legal_name": "Alfa <&>", "country": "SV"}, ana)
        b = register_firm(storage, {"legal_name": "Beta", "country": "SV"}, ana)
        for firm, who in ((a, ana), (b, ana), (b, beto)):
            advisory.record_session(storage, firm["id"], {"held_on": today.isoformat(), "minutes": 30,
                                                          "mode": "oficina"}, who)
        advisory.add_plan_item(storage, a["id"], {"title": "Llamar al banco", "owner_adviser_id": ana,
                                                  "due_on": late}, ana)
        advisory.add_plan_item(storage, b["id"], {"title": "Enviar muestras", "owner": "empresa", "due_on": later}, ana)
        advisory.add_plan_item(storage, b["id"], {"title": "Aún a tiempo", "owner_adviser_id": beto,
                                                  "due_on": (today + dt.timedelta(days=3)).isoformat()}, beto)
        done = advisory.add_plan_item(storage, a["id"], {"title": "Hecha", "owner_adviser_id": beto,
                                                         "due_on": late}, beto)
        advisory.set_plan_status(storage, done["id"], "hecho", beto)
        context = AppContext(storage, runner=SyncRunner(),
                             settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        page = DashboardPage(context)
        qtbot.addWidget(page)
        page.resize(1200, 900)
        page.show()
        assert {r.label: r.count for r in page.rows("overdue")} == {"Ana Martínez": 1, "La empresa": 1}
        table = page.overdue_table
        assert [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())] == [
            [dt.date.fromisoformat(late).strftime("%d/%m/%Y"), "Alfa <&>", "Llamar al banco", "Ana Martínez"],
            [dt.date.fromisoformat(later).strftime("%d/%m/%Y"), "Beta", "Enviar muestras", "La empresa"]]
        assert {r.label: r.count for r in page.rows("caseload")} == {"Ana Martínez": 2, "Beto Ruiz": 1}
        opened: list[str] = []
        context.signals.firm_open_requested.connect(opened.append)
        page.activateWindow()
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
        table.selectRow(1)
        qtbot.keyClick(table, Qt.Key.Key_Return)
        assert opened == [b["id"]]

        page.adviser.setCurrentIndex(page.adviser.findData(ana))  # Ana's own list
        assert table.rowCount() == 1 and table.item(0, 2).text() == "Llamar al banco"
        assert [r.label for r in page.rows("caseload")] == ["Ana Martínez"]
        page.adviser.setCurrentIndex(0)
        chart = page.charts["overdue"]
        index = [r.label for r in page.rows("overdue")].index("La empresa")
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(index).center().toPoint())
        assert page.last_dialog.firm_ids() == [b["id"]]
        page.close()
