"""Small charts drawn with QPainter: radar (spider), horizontal bars and lines.

PySide6-Essentials has no QtCharts, and these three shapes are all the
screens need. Each chart takes plain numbers and labels; values of None
("sin datos suficientes") are drawn as gaps, never as zeros. Bar charts are
clickable: :attr:`BarChart.bar_clicked` carries the bar's key, so the
dashboard can list the firms behind a bar; with the keyboard, the arrows
choose a bar and Enter opens it.

A screen reader cannot see a drawing, so every chart says its values in words
in its accessible description (:meth:`describe`), renewed with each new set of
data; its accessible name is its title. Text is drawn in the palette's colours,
so a high-contrast theme shows it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QMetaMethod, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.gui.shared.accessibility import dark_palette

PALETTE = ("#2b6f97", "#e07b39", "#4c9a52", "#a04d9c", "#c9a227", "#6b7b8c")
GRID = QColor("#c9d2da")


def _text(widget: QWidget) -> QColor:
    """Labels and values: the palette's text colour (dark on a light theme, white on high contrast)."""
    return widget.palette().color(QPalette.ColorRole.WindowText)


def _muted(widget: QWidget) -> QColor:
    """Secondary text ("sin datos", axis ticks): the text colour, half see-through."""
    colour = QColor(_text(widget))
    colour.setAlpha(150)
    return colour


def _ink(widget: QWidget, colour: str) -> QColor:
    """A series' or bar's colour, lightened on a dark palette so it stands out from the black."""
    ink = QColor(colour)
    return ink.lighter(160) if dark_palette(widget.palette()) else ink


def _number(value: float) -> str:
    """A value as the screens write it: "54,3" in Spanish (like the results), "1,200" for a count."""
    if float(value).is_integer():
        return QLocale().toString(int(value))
    text = f"{float(value):.1f}"
    return text.replace(".", ",") if QLocale().language() == QLocale.Language.Spanish else text


class _Chart(QWidget):
    """What every chart shares: its name and the description that says its values."""

    is_chart = True  # accessibility.prepare names charts even when they take no focus

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(title or self.kind())

    def kind(self) -> str:  # pragma: no cover - each chart names its kind
        raise NotImplementedError

    def describe(self) -> str:  # pragma: no cover - each chart says its own values
        raise NotImplementedError

    def _described(self) -> None:
        self.setAccessibleDescription(self.describe())
        self.update()


@dataclass
class Series:
    """A named line of values (None = no value at that point)."""

    name: str
    values: Sequence[float | None]
    color: str = PALETTE[0]


class RadarChart(_Chart):
    """A spider chart of 0..100 scores, one axis per label; several series overlay."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("", parent)
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.setMinimumSize(360, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._described()

    def set_data(self, labels: Sequence[str], series: Sequence[Series]) -> None:
        """Show ``series`` over the axes ``labels``."""
        self.labels = list(labels)
        self.series = list(series)
        self._described()

    def kind(self) -> str:
        return self.tr("Gráfico radar")

    def describe(self) -> str:
        """Each series' value on each axis, in words ("Puntaje: Gestión 54,3; Calidad sin datos.")."""
        if not self.series or not self.labels:
            return self.tr("Sin datos.")
        parts = []
        for s in self.series:
            values = [f"{label} {_number(v)}" if v is not None else f"{label} {self.tr('sin datos')}"
                      for label, v in zip(self.labels, s.values)]
            parts.append(f"{s.name}: " + "; ".join(values) + ".")
        return " ".join(parts)

    def sizeHint(self) -> QSize:
        return QSize(460, 380)

    def _point(self, centre: QPointF, radius: float, axis: int, value: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * axis / max(len(self.labels), 1)
        r = radius * max(0.0, min(100.0, value)) / 100
        return QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))

    def paintEvent(self, _event) -> None:
        n = len(self.labels)
        if n < 3:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2 + 4)
        radius = min(self.width() / 2 - 120, self.height() / 2 - 40)
        if radius < 20:
            return
        p.setPen(QPen(GRID, 1))
        for ring in (20, 40, 60, 80, 100):
            p.drawPolygon(QPolygonF([self._point(centre, radius, i, ring) for i in range(n)]))
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        p.setFont(font)
        for i, text in enumerate(self.labels):
            p.setPen(QPen(GRID, 1))
            p.drawLine(centre, self._point(centre, radius, i, 100))
            anchor = self._point(centre, radius + 14, i, 100)
            box = QRectF(anchor.x() - 70, anchor.y() - 24, 140, 48)
            if anchor.x() > centre.x() + 5:
                box.moveLeft(anchor.x() - 4)
                align = Qt.AlignmentFlag.AlignLeft
            elif anchor.x() < centre.x() - 5:
                box.moveRight(anchor.x() + 4)
                align = Qt.AlignmentFlag.AlignRight
            else:
                align = Qt.AlignmentFlag.AlignHCenter
            box = box.intersected(QRectF(0, 0, self.width(), self.height()))  # never cut a label off
            p.setPen(_text(self))
            p.drawText(box, align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, text)
        for s in self.series:
            color = _ink(self, s.color)
            points = self.shape(s, centre, radius)
            fill = QColor(color)
            fill.setAlpha(50)
            p.setPen(QPen(color, 2))
            p.setBrush(fill)
            if len(points) >= 3:
                p.drawPolygon(QPolygonF(points))
            elif len(points) == 2:
                p.drawLine(points[0], points[1])
            p.setBrush(color)
            for point in points:
                p.drawEllipse(point, 3.5, 3.5)
        p.end()

    def shape(self, series: "Series", centre: QPointF, radius: float) -> list[QPointF]:
        """The corners of a series' shape: scored axes only (no score is not a zero at the centre)."""
        return [self._point(centre, radius, i, v) for i, v in enumerate(series.values) if v is not None]


@dataclass
class Bar:
    """One bar: its key (for clicks), label, value, optional text and colour."""

    key: object
    label: str
    value: float | None
    text: str = ""
    color: str = PALETTE[0]


class BarChart(_Chart):
    """Horizontal bars with labels on the left and the value text on the right.

    When someone listens to :attr:`bar_clicked`, the chart takes the keyboard focus:
    Up and Down (Home, End) choose a bar, Enter or Space opens it as a click would.

    Signals:
        bar_clicked(object): the key of the bar clicked (or chosen with the keyboard).
    """

    bar_clicked = Signal(object)

    ROW = 24

    def __init__(self, title: str = "", maximum: float | None = None, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.title = title
        self.maximum = maximum
        self.bars: list[Bar] = []
        self.current = 0
        self.label_width = 190
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._described()

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Replace the bars."""
        self.bars = list(bars)
        self.current = min(self.current, max(len(self.bars) - 1, 0))
        self.setFixedHeight(self._top() + self.ROW * max(len(self.bars), 1) + 6)
        self._keyboard()

    def connectNotify(self, signal) -> None:
        super().connectNotify(signal)
        if signal.name() == b"bar_clicked":  # now a bar opens something: reachable with Tab
            self._keyboard()

    def _keyboard(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.clickable() and self.bars else Qt.FocusPolicy.NoFocus)
        self._described()

    def kind(self) -> str:
        return self.tr("Gráfico de barras")

    def describe(self) -> str:
        """Each bar's label and value in words ("Micro: 310; Pequeña: 95.")."""
        if not self.bars:
            return self.tr("Sin datos.")
        values = [f"{b.label}: {b.text or (_number(b.value) if b.value is not None else self.tr('sin datos'))}"
                  for b in self.bars]
        text = "; ".join(values) + "."
        if self.clickable():
            text += " " + self.tr("Flechas arriba y abajo para elegir una barra, Enter para abrirla.")
        return text

    def keyPressEvent(self, event) -> None:
        key = event.key()
        moves = {Qt.Key.Key_Up: self.current - 1, Qt.Key.Key_Down: self.current + 1,
                 Qt.Key.Key_Home: 0, Qt.Key.Key_End: len(self.bars) - 1}
        if key in moves and self.bars:
            self.current = max(0, min(len(self.bars) - 1, moves[key]))
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.bars:
            self.bar_clicked.emit(self.bars[self.current].key)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def clickable(self) -> bool:
        """Whether anyone listens to clicks (then bars show a pointing hand)."""
        return self.isSignalConnected(QMetaMethod.fromSignal(self.bar_clicked))

    def _top(self) -> int:
        return 24 if self.title else 4

    def bar_rect(self, index: int) -> QRectF:
        """Where bar ``index`` is drawn (its full row width, for clicks and tests)."""
        return QRectF(0, self._top() + index * self.ROW, self.width(), self.ROW)

    def text_width(self) -> int:
        """Room for the value texts right of the bars: the widest of them, never cut."""
        metrics = self.fontMetrics()
        texts = [bar.text or "—" for bar in self.bars]
        return max([metrics.horizontalAdvance(text) + 8 for text in texts] + [60])

    def sizeHint(self) -> QSize:
        return QSize(max(420, self.label_width + self.text_width() + 120),
                     self._top() + self.ROW * max(len(self.bars), 1) + 6)

    def mousePressEvent(self, event) -> None:
        row = int((event.position().y() - self._top()) // self.ROW)
        if 0 <= row < len(self.bars) and event.position().y() >= self._top():
            self.current = row
            self.update()
            self.bar_clicked.emit(self.bars[row].key)

    def mouseMoveEvent(self, event) -> None:
        row = int((event.position().y() - self._top()) // self.ROW)
        inside = 0 <= row < len(self.bars) and event.position().y() >= self._top()
        self.setCursor(Qt.CursorShape.PointingHandCursor if inside and self.clickable() else Qt.CursorShape.ArrowCursor)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text, muted = _text(self), _muted(self)
        if self.title:
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            p.setPen(text)
            p.drawText(QRectF(0, 0, self.width(), 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
            p.setFont(self.font())
        if not self.bars:
            p.setPen(muted)
            p.drawText(QRectF(0, self._top(), self.width(), self.ROW), Qt.AlignmentFlag.AlignLeft, self.tr("Sin datos"))
            return
        values = [b.value for b in self.bars if b.value is not None]
        top = self.maximum if self.maximum is not None else max(values + [1])
        left, text_w = self.label_width, self.text_width()
        span = max(10, self.width() - left - text_w - 8)
        track_colour = self.palette().color(QPalette.ColorRole.AlternateBase) if dark_palette(self.palette()) \
            else QColor("#eef2f5")
        for i, bar in enumerate(self.bars):
            row = self.bar_rect(i)
            if i == self.current and self.hasFocus():
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(row.adjusted(1, 1, -1, -1))
            p.setPen(text)
            label_box = QRectF(0, row.top(), left - 8, row.height())
            p.drawText(label_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       p.fontMetrics().elidedText(bar.label, Qt.TextElideMode.ElideRight, int(left - 8)))
            track = QRectF(left, row.top() + 5, span, row.height() - 10)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(track_colour)
            p.drawRect(track)
            if bar.value is not None and top > 0:
                width = span * max(0.0, min(1.0, bar.value / top))
                p.setBrush(_ink(self, bar.color))
                p.drawRect(QRectF(left, track.top(), width, track.height()))
            p.setPen(text if bar.value is not None else muted)
            p.drawText(QRectF(left + span + 6, row.top(), text_w, row.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       bar.text or ("—" if bar.value is None else f"{bar.value:g}"))
        p.end()


class LineChart(_Chart):
    """Lines over a few points in time (x labels), y from 0 to ``maximum`` or the data's top."""

    def __init__(self, title: str = "", maximum: float | None = None, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.title = title
        self.maximum = maximum
        self.x_labels: list[str] = []
        self.series: list[Series] = []
        self.setMinimumHeight(220)
        self._described()

    def set_data(self, x_labels: Sequence[str], series: Sequence[Series]) -> None:
        """Show ``series`` (each with one value per x label)."""
        self.x_labels = list(x_labels)
        self.series = list(series)
        self._described()

    def kind(self) -> str:
        return self.tr("Gráfico de líneas")

    def describe(self) -> str:
        """Each series' value at each point, in words ("Índice: 2024-03-01 41,5; 2025-03-01 58.")."""
        if not self.x_labels or not any(v is not None for s in self.series for v in s.values):
            return self.tr("Sin datos todavía.")
        parts = []
        for s in self.series:
            values = [f"{x} {_number(v)}" if v is not None else f"{x} {self.tr('sin dato')}"
                      for x, v in zip(self.x_labels, s.values)]
            parts.append(f"{s.name}: " + "; ".join(values) + ".")
        return " ".join(parts)

    def sizeHint(self) -> QSize:
        return QSize(520, 260)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text, muted = _text(self), _muted(self)
        p.setPen(text)
        if self.title:
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(QRectF(0, 0, self.width(), 20), Qt.AlignmentFlag.AlignLeft, self.title)
            p.setFont(self.font())
        legend_w = 190 if self.series else 0
        plot = QRectF(46, 28, self.width() - 60 - legend_w, self.height() - 60)
        values = [v for s in self.series for v in s.values if v is not None]
        if not self.x_labels or not values or plot.width() < 40:
            p.setPen(muted)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("Sin datos todavía"))
            return
        top = self.maximum if self.maximum is not None else max(values) * 1.1 or 1
        p.setPen(QPen(GRID, 1))
        for k in range(5):
            y = plot.bottom() - plot.height() * k / 4
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(muted)
            p.drawText(QRectF(0, y - 8, 42, 16), Qt.AlignmentFlag.AlignRight, _short(top * k / 4))
            p.setPen(QPen(GRID, 1))
        n = len(self.x_labels)

        def x_of(i: int) -> float:
            return plot.left() + (plot.width() * i / (n - 1) if n > 1 else plot.width() / 2)

        p.setPen(muted)
        for i, label in enumerate(self.x_labels):
            p.drawText(QRectF(x_of(i) - 50, plot.bottom() + 4, 100, 18), Qt.AlignmentFlag.AlignHCenter, label)
        for j, s in enumerate(self.series):
            color = _ink(self, s.color)
            p.setPen(QPen(color, 2))
            path = QPainterPath()
            started = False
            for i, v in enumerate(s.values):
                if v is None:
                    started = False
                    continue
                point = QPointF(x_of(i), plot.bottom() - plot.height() * min(v, top) / top)
                if started:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    started = True
                p.setBrush(color)
                p.drawEllipse(point, 3, 3)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            y = plot.top() + j * 18
            p.fillRect(QRectF(plot.right() + 14, y + 4, 10, 10), color)
            p.setPen(text)
            p.drawText(QRectF(plot.right() + 28, y, legend_w - 30, 18), Qt.AlignmentFlag.AlignLeft,
                       p.fontMetrics().elidedText(s.name, Qt.TextElideMode.ElideRight, legend_w - 30))
        p.end()


def _short(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    if value >= 1_000:
        return f"{value / 1_000:.0f}k"
    return f"{value:.0f}"
