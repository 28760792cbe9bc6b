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
