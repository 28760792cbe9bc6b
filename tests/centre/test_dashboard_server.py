"""The Tablero counts the centre server's portfolio: the national coordinator picks «Servidor del
centro», sees every centre's firms counted by PostgreSQL, narrows to one centre, and a bar lists
firms that are on the server only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db.centre import server
from desktop.gui.portfolio.dashboard_page import DashboardPage
from desktop.services import centre
from desktop.services.dashboard import DashboardFilter, build_dashboard
from desktop.services.demo import make_demo
from tests.centre.devices import enrol, secure_database

pytestmark = pytest.mark.postgres


def _bars(page, chart):
    return {row.label: row.count for row in page.rows(chart)}


def test_the_national_coordinator_counts_the_country_on_the_server(qtbot, tmp_path, pg_url, monkeypatch, shown_page):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    with server.connect(pg_url) as conn:
        server.add_centre(conn, "CDMYPE Santa Ana", "SV")
    for name, centre_name, n, seed in (("Laptop Oriente", "CDMYPE San Miguel", 30, 3),
                                       ("Laptop Occidente", "CDMYPE Santa Ana", 12, 4)):
        with secure_database(tmp_path / f"{seed}.db", name) as laptop:
            make_demo(laptop, n, seed=seed)
            enrol(laptop, pg_url, centre_name=centre_name)
            centre.sync_now(laptop)
    storage = secure_database(tmp_path / "nacional.db", "Coordinación nacional")
    page = shown_page(DashboardPage, storage, (1200, 900))
    assert not page.source.isVisible()  # no server yet: the laptop's own data, no choice to make
    assert page.total_label.text() == "0 empresas"

    enrol(storage, pg_url, national=True)
    page.hide()
    page.show()
    assert page.source.isVisible() and page.source.count() == 2
    page.source.setFocus()
    qtbot.keyClick(page.source, Qt.Key.Key_Down)  # «Servidor del centro»
    assert page.on_server() and page.centre.isVisible()
    assert page.total_label.text() == "42 empresas"
    assert _bars(page, "by_centre") == {"CDMYPE San Miguel": 30, "CDMYPE Santa Ana": 12}
    assert page.chart_boxes["by_centre"].isVisible()
    with centre.open_portfolio(storage) as source:
        assert page.board.by_band == build_dashboard(source, DashboardFilter()).by_band

    page.centre.setCurrentIndex(page.centre.findText("CDMYPE Santa Ana"))
    assert page.total_label.text() == "12 empresas"
    assert sum(r.count for r in page.rows("by_size")) == 12

    # A bar lists the firms the server counted; they are not on this desktop, and it says so.
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    chart = page.charts["by_size"]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(0).center().toPoint())
    dialog = page.last_dialog
    assert dialog.table.rowCount() == page.rows("by_size")[0].count
    dialog.table.doubleClicked.emit(dialog.table.model().index(0, 0))
    assert shown == ["Esa empresa está en el servidor del centro, no en este equipo."]

    qtbot.wait(100)  # let the charts' new heights reach the layout before the picture
    page.grab().save(str(tmp_path / "tablero-servidor.png"))
    import os
    if os.environ.get("RUMBO_SCREENSHOTS"):
        page.grab().save(os.path.join(os.environ["RUMBO_SCREENSHOTS"], "screenshot-dashboard-server.png"))

    page.source.setCurrentIndex(0)  # back to this desktop's own data
    assert not page.centre.isVisible() and page.total_label.text() == "0 empresas"
    assert not page.chart_boxes["by_centre"].isVisible()
    storage.close()
