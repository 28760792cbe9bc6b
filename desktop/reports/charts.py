"""Charts drawn with ``reportlab.graphics`` (vector, no image libraries).

Each function takes plain numbers and already-translated labels and returns a
``Drawing`` that a story can place like any flowable. Values are on a 0..100
scale unless said otherwise; ``None`` means "no score" and is drawn as such,
never as a zero.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Polygon, Rect, String
from reportlab.lib import colors

from desktop.reports.fonts import BOLD, REGULAR
from desktop.reports.styles import ACCENT, ACCENT_LIGHT, INK, MUTED, PREVIOUS, REGION_COLOURS, RULE
from desktop.reports.text import printable

Number = float | int | None


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Split ``text`` into lines no wider than ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    for word in printable(text).split():
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def radar_chart(labels: Sequence[str], values: Sequence[Number], previous: Sequence[Number] | None = None,
                *, size: float = 250, legend: tuple[str, str] | None = None) -> Drawing:
    """A spider chart of dimension scores, with an optional earlier series.

    Args:
        labels: one short label per axis (at least three).
        values: the current scores; None leaves the axis out of the shape (the caller says
            "sin datos" in its label).
        previous: scores of an earlier assessment, drawn in grey beneath.
        size: width and height of the square drawing, in points.
        legend: (previous, current) captions, drawn when ``previous`` is given.
    """
    n = len(labels)
    legend_room = 14 if previous is not None and legend else 0
    drawing = Drawing(size * 1.6, size + legend_room)
    cx, cy = size * 0.8, size / 2 + legend_room
    radius = size * 0.33

    def point(i: int, value: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * i / n
        r = radius * max(0.0, min(100.0, float(value))) / 100
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for ring in (25, 50, 75, 100):
        pts = [c for i in range(n) for c in point(i, ring)]
        drawing.add(Polygon(pts, strokeColor=RULE, strokeWidth=0.5, fillColor=None))
    for i in range(n):
        x, y = point(i, 100)
        drawing.add(Line(cx, cy, x, y, strokeColor=RULE, strokeWidth=0.5))
    for ring in (50, 100):
        x, y = point(0, ring)
        drawing.add(String(x + 3, y - 8, str(ring), fontName=REGULAR, fontSize=6, fillColor=MUTED))

    def series(vals: Sequence[Number], stroke, fill, width: float) -> None:
        # A dimension without a score is not a zero: the shape joins the scored axes only.
        pts = [c for i, v in enumerate(vals) if v is not None for c in point(i, v)]
        if len(pts) >= 6:
            drawing.add(Polygon(pts, strokeColor=stroke, strokeWidth=width, fillColor=fill))
        elif len(pts) == 4:
            drawing.add(Line(*pts, strokeColor=stroke, strokeWidth=width))
        for i, v in enumerate(vals):
            if v is not None:
                x, y = point(i, v)
                drawing.add(Circle(x, y, 2, strokeColor=stroke, fillColor=stroke, strokeWidth=0.8))

    if previous is not None:
        series(previous, PREVIOUS, None, 1)
    series(values, ACCENT, colors.Color(ACCENT.red, ACCENT.green, ACCENT.blue, alpha=0.18), 1.5)

    for i, text in enumerate(labels):
        angle = math.pi / 2 - 2 * math.pi * i / n
        lx, ly = cx + (radius + 10) * math.cos(angle), cy + (radius + 10) * math.sin(angle)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        lines = _wrap(text, REGULAR, 7, size * 0.42)
        if math.sin(angle) > 0.2:  # labels above the centre grow upwards
            ly += 2 + 8.5 * (len(lines) - 1)
        elif math.sin(angle) < -0.2:
            ly -= 7
        else:
            ly += 4.25 * (len(lines) - 1) - 2
        for k, line in enumerate(lines):
            drawing.add(String(lx, ly - 8.5 * k, line, fontName=REGULAR, fontSize=7, fillColor=INK,
                               textAnchor=anchor))
    if previous is not None and legend:
        _legend(drawing, size * 0.45, 0, [(PREVIOUS, legend[0]), (ACCENT, legend[1])])
    return drawing


def _legend(drawing: Drawing, x: float, y: float, items: Sequence[tuple[colors.Color, str]]) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for colour, text in items:
        drawing.add(Rect(x, y, 8, 8, fillColor=colour, strokeColor=None))
        drawing.add(String(x + 11, y + 1, printable(text), fontName=REGULAR, fontSize=7, fillColor=INK))
        x += 22 + stringWidth(printable(text), REGULAR, 7)


def score_bar(score: Number, *, width: float = 150, height: float = 10, empty_text: str = "") -> Drawing:
    """A single 0..100 bar with its value; ``None`` shows ``empty_text`` instead."""
    drawing = Drawing(width, height + 2)
    drawing.add(Rect(0, 1, width, height, fillColor=colors.HexColor("#eef2f5"), strokeColor=None))
    for tick in (25, 50, 75):
        drawing.add(Line(width * tick / 100, 1, width * tick / 100, height + 1, strokeColor=colors.white,
                         strokeWidth=0.8))
    if score is None:
        drawing.add(String(4, 3.5, printable(empty_text), fontName=REGULAR, fontSize=7, fillColor=MUTED))
    else:
        drawing.add(Rect(0, 1, width * max(0, min(100, float(score))) / 100, height, fillColor=ACCENT,
                         strokeColor=None))
    return drawing


def pair_bar(old: Number, new: Number, *, width: float = 150, height: float = 14) -> Drawing:
    """Two thin 0..100 bars, earlier (grey) above current (accent)."""
    drawing = Drawing(width, height)
    half = (height - 2) / 2
    for value, y, colour in ((old, half + 1.5, PREVIOUS), (new, 0.5, ACCENT)):
        drawing.add(Rect(0, y, width, half, fillColor=colors.HexColor("#eef2f5"), strokeColor=None))
        if value is not None:
            drawing.add(Rect(0, y, width * max(0, min(100, float(value))) / 100, half, fillColor=colour,
                             strokeColor=None))
    return drawing


def grouped_bars(groups: Sequence[str], series: Sequence[tuple[str, Sequence[Number]]], *,
                 width: float = 420, height: float = 170, highlight: int | None = None,
                 value_text: Callable[[Number], str] = str) -> Drawing:
    """Vertical bars: one cluster per group, one bar per series, values printed.

    Args:
        groups: cluster captions (e.g. firm sizes).
        series: (name, one value per group) for each series (e.g. regions).
        highlight: index of a group to underline (the firm's own size).
        value_text: formats a value printed above its bar (locale-aware).
    """
    drawing = Drawing(width, height)
    left, bottom, top = 28, 30, height - 8
    plot_w = width - left - 4
    top_value = max((float(v) for _, vals in series for v in vals if v is not None), default=1) or 1
    top_value = math.ceil(top_value / 10) * 10
    scale = (top - bottom) / top_value
    for tick in range(0, int(top_value) + 1, 10):
        y = bottom + tick * scale
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(left - 3, y - 2.5, str(tick), fontName=REGULAR, fontSize=6.5, fillColor=MUTED,
                           textAnchor="end"))
    cluster = plot_w / len(groups)
    bar = cluster * 0.8 / len(series)
    for g, group in enumerate(groups):
        x0 = left + g * cluster + cluster * 0.1
        for s, (_name, vals) in enumerate(series):
            value = vals[g]
            if value is None:
                continue
            x = x0 + s * bar
            colour = REGION_COLOURS[s % len(REGION_COLOURS)]
            drawing.add(Rect(x + 1, bottom, bar - 2, float(value) * scale, fillColor=colour, strokeColor=None))
            text = value_text(value)
            drawing.add(String(x + bar / 2, bottom + float(value) * scale + 2, text, fontName=REGULAR,
                               fontSize=6.5, fillColor=INK, textAnchor="middle"))
        font = BOLD if highlight == g else REGULAR
        drawing.add(String(x0 + cluster * 0.4, bottom - 10, printable(group), fontName=font, fontSize=7.5,
                           fillColor=INK, textAnchor="middle"))
        if highlight == g:
            drawing.add(Line(x0, bottom - 13, x0 + cluster * 0.8, bottom - 13, strokeColor=INK, strokeWidth=0.8))
    _legend(drawing, left, 4, [(REGION_COLOURS[s % len(REGION_COLOURS)], name) for s, (name, _) in enumerate(series)])
    return drawing


def count_bars(items: Sequence[tuple[str, int]], *, width: float = 240, row: float = 13,
               label_width: float = 95, colour=ACCENT) -> Drawing:
    """Horizontal bars of counts with their labels and values (portfolio charts)."""
    drawing = Drawing(width, max(row, row * len(items)) + 2)
    top = max((c for _, c in items), default=0) or 1
    bar_space = width - label_width - 28
    for i, (text, count) in enumerate(items):
        y = row * (len(items) - 1 - i) + 2
        line = _wrap(text, REGULAR, 7, label_width - 4)[0]
        drawing.add(String(label_width - 4, y + 2, line, fontName=REGULAR, fontSize=7, fillColor=INK,
                           textAnchor="end"))
        length = bar_space * count / top
        drawing.add(Rect(label_width, y, max(length, 0.5), row - 4, fillColor=colour, strokeColor=None))
        drawing.add(String(label_width + length + 3, y + 2, str(count), fontName=REGULAR, fontSize=7,
                           fillColor=INK))
    return drawing


def trend_line(points: Sequence[tuple[str, Number]], *, width: float = 240, height: float = 90) -> Drawing:
    """A small line of index values over successive assessments (oldest first)."""
    drawing = Drawing(width, height)
    left, bottom = 22, 16
    plot_w, plot_h = width - left - 10, height - bottom - 8
    for tick in (0, 50, 100):
        y = bottom + plot_h * tick / 100
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(left - 3, y - 2.5, str(tick), fontName=REGULAR, fontSize=6.5, fillColor=MUTED,
                           textAnchor="end"))
    step = plot_w / max(1, len(points) - 1)
    coords = []
    for i, (caption, value) in enumerate(points):
        x = left + (i * step if len(points) > 1 else plot_w / 2)
        drawing.add(String(x, 4, printable(caption), fontName=REGULAR, fontSize=6.5, fillColor=INK,
                           textAnchor="middle"))
        if value is not None:
            y = bottom + plot_h * float(value) / 100
            coords += [x, y]
            drawing.add(Circle(x, y, 2.2, fillColor=ACCENT, strokeColor=None))
    if len(coords) >= 4:
        drawing.add(PolyLine(coords, strokeColor=ACCENT, strokeWidth=1.2))
    return drawing


__all__ = ["radar_chart", "score_bar", "pair_bar", "grouped_bars", "count_bars", "trend_line",
           "ACCENT_LIGHT"]
