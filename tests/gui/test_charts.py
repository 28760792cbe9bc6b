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


def test_radar_leaves_dimensions_without_data_out_of_the_shape(qtbot):
    from PySide6.QtCore import QPointF

    from desktop.gui.shared.charts import RadarChart, Series

    radar = RadarChart()
    qtbot.addWidget(radar)
    radar.set_data(["A", "B (sin datos)", "C", "D"], [Series("Puntaje", [80, None, 40, 60])])
    centre = QPointF(100, 100)
    corners = radar.shape(radar.series[0], centre, 50)
    assert len(corners) == 3
    assert all(abs(p.x() - 100) + abs(p.y() - 100) > 1 for p in corners)  # nothing drawn at the centre


def test_value_texts_keep_their_whole_width(qtbot):
    chart = BarChart("Puntaje y cobertura por dimensión", maximum=100)
    qtbot.addWidget(chart)
    chart.label_width = 250
    texts = ["40,6  ·  cob. 100 %", "Sin datos suficientes  ·  cob. 0 %"]
    chart.set_bars([Bar("a", "Estrategia", 40.6, texts[0]), Bar("b", "Experiencia internacional", None, texts[1])])
    chart.resize(560, 120)
    chart.show()
    widest = max(chart.fontMetrics().horizontalAdvance(t) for t in texts)
    assert chart.text_width() >= widest  # the bars give way, the words do not
    assert chart.label_width + chart.text_width() + 8 < chart.width()
    assert chart.sizeHint().width() >= chart.label_width + widest
