"""Chart widgets under the mouse: hovering must never raise, clicks report the bar."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.gui.shared.charts import Bar, BarChart


def make_chart(qtbot):
    chart = BarChart("Empresas por tamaño")
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    chart.set_bars([Bar("micro", "Microempresa", 40, "40"), Bar("pequena", "Pequeña empresa", 12, "12")])
    chart.show()
    return chart


def test_hover_shows_a_hand_only_when_clicks_are_listened_to(qtbot):
    chart = make_chart(qtbot)
    inside = chart.bar_rect(0).center().toPoint()
    qtbot.mouseMove(chart, inside)
    assert chart.cursor().shape() == Qt.CursorShape.ArrowCursor
    clicked = []
    chart.bar_clicked.connect(clicked.append)
    qtbot.mouseMove(chart, inside + QPoint(0, 1))
    assert chart.cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(1).center().toPoint())
    assert clicked == ["pequena"]
