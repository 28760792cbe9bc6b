"""Follow-up of one firm: its assessments over time and its key figures over time.

The change per dimension compares the first and the latest completed
assessments with the engine's :func:`~desktop.domain.assessment.compare`
(a radar with both, and a table of differences); the readiness index is drawn
over every assessment. Employees, sales and exports come from the firm's
change history, so the centre can show what changed while it advised the firm.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import compare, label
from desktop.gui.assessment.results import number
from desktop.gui.shared.charts import PALETTE, LineChart, RadarChart, Series
from desktop.gui.shared.tables import fill_table, read_only_table
from desktop.gui.shared.plain_text import rich
from desktop.services import assessments as service
from desktop.services.registry.firms import get_firm


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    fill_table(table, rows)
    table.resizeColumnsToContents()
    table.setMinimumHeight(min(60 + 26 * len(rows), 380))


class FollowUpView(QWidget):
    """A firm's progress: assessments, change per dimension, key figures.

    Signals:
        results_requested(str): an assessment id whose results the adviser wants to see.
    """

    results_requested = Signal(str)

    def __init__(self, context, firm_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.firm_id = firm_id
        lang = self.lang = context.lang
        firm = get_firm(context.storage, firm_id, include_deleted=True) or {}
        self.history = service.completed_history(context.storage, firm_id)
        self.figures = service.key_figures(context.storage, firm_id)

        heading = QLabel(f"<b>{escape(firm.get('legal_name', ''))}</b> — " + self.tr("seguimiento"),
                         objectName="followupHeading")
        rich(heading)
        heading.setStyleSheet("font-size: 12pt;")
        self.assessments_table = read_only_table("historyTable", [self.tr("Fecha"), self.tr("Índice"), self.tr("Banda"),
                                                         self.tr("Etapa"), self.tr("Cobertura")])
        _fill(self.assessments_table, [
            [a["completed_at"][:10], number(r.index, lang), label("band", r.band, lang),
             label("stage", r.stage.code, lang), number(r.coverage, lang, 0) + " %"] for a, r in self.history])
        self.assessments_table.cellDoubleClicked.connect(
            lambda row, _col: self.results_requested.emit(self.history[row][0]["id"]))

        self.index_chart = LineChart(self.tr("Índice de preparación"), maximum=100)
        self.index_chart.setObjectName("indexChart")
        self.index_chart.set_data([a["completed_at"][:10] for a, _ in self.history],
                                  [Series(self.tr("Índice"), [float(r.index) if r.index is not None else None
                                                              for _, r in self.history])])
        self.radar = RadarChart()
        self.radar.setObjectName("changeRadar")
        self.radar.setAccessibleName(self.tr("Puntaje por dimensión en la primera y la última evaluación"))
        self.change_table = read_only_table("changeTable", [self.tr("Dimensión"), self.tr("Antes"), self.tr("Ahora"),
                                                   self.tr("Cambio")])
        self.summary = QLabel(objectName="changeSummary")
        self.summary.setWordWrap(True)
        self._show_change()

        self.figures_table = read_only_table("figuresTable", [self.tr("Fecha"), self.tr("Empleados"),
                                                     self.tr("Ventas (USD)"), self.tr("Exportaciones (USD)")])
        _fill(self.figures_table, [[p["date"], _int(p["employees"]), _int(p["sales_usd"]), _int(p["exports_usd"])]
                                   for p in self.figures])
        dates = [p["date"] for p in self.figures]
        self.employees_chart = LineChart(self.tr("Empleados"))
        self.employees_chart.set_data(dates, [Series(self.tr("Empleados"), [p["employees"] for p in self.figures])])
        self.money_chart = LineChart(self.tr("Ventas y exportaciones (USD)"))
        self.money_chart.set_data(dates, [
            Series(self.tr("Ventas"), [p["sales_usd"] for p in self.figures], PALETTE[0]),
            Series(self.tr("Exportaciones"), [p["exports_usd"] for p in self.figures], PALETTE[1])])

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(heading)
        top = QHBoxLayout()
        top.addWidget(self._group(self.tr("Evaluaciones terminadas"), self.assessments_table), 1)
        top.addWidget(self._group(self.tr("Índice en el tiempo"), self.index_chart), 1)
        column.addLayout(top)
        change = QHBoxLayout()
        change.addWidget(self.radar, 1)
        side = QVBoxLayout()
        side.addWidget(self.summary)
        side.addWidget(self.change_table, 1)
        change.addLayout(side, 1)
        box = QGroupBox(self.tr("Cambio por dimensión (primera y última evaluación)"))
        box.setLayout(change)
        column.addWidget(box)
        figures = QHBoxLayout()
        figures.addWidget(self.figures_table, 1)
        figures.addWidget(self.employees_chart, 1)
        figures.addWidget(self.money_chart, 1)
        box = QGroupBox(self.tr("Cifras clave en el tiempo"))
        box.setLayout(figures)
        column.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _group(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        inner.addWidget(widget)
        return box

    def _show_change(self) -> None:
        lang = self.lang
        if len(self.history) < 2:
            self.summary.setText(self.tr("Hace falta una segunda evaluación terminada para ver el cambio."))
            if self.history:
                r = self.history[0][1]
                self.radar.set_data([d.title.text(lang) for d in r.dimensions],
                                    [Series(self.tr("Primera"), [_f(d.score) for d in r.dimensions])])
            return
        old, new = self.history[0][1], self.history[-1][1]
        self.comparison = comparison = compare(old, new)
        self.radar.set_data([d.title.text(lang) for d in comparison.dimensions], [
            Series(self.tr("Primera"), [_f(d.old_score) for d in comparison.dimensions], PALETTE[5]),
            Series(self.tr("Última"), [_f(d.new_score) for d in comparison.dimensions], PALETTE[0])])
        _fill(self.change_table, [[d.title.text(lang), number(d.old_score, lang), number(d.new_score, lang),
                                   _signed(d.delta, lang)] for d in comparison.dimensions])
        parts = [self.tr("Índice: ") + _signed(comparison.index_delta, lang)]
        if comparison.old_band != comparison.new_band:
            parts.append(self.tr("banda: ") + f"{label('band', comparison.old_band, lang)} → "
                         f"{label('band', comparison.new_band, lang)}")
        if comparison.old_stage != comparison.new_stage:
            parts.append(self.tr("etapa: ") + f"{label('stage', comparison.old_stage, lang)} → "
                         f"{label('stage', comparison.new_stage, lang)}")
        self.summary.setText("; ".join(parts) + ".")


def _f(value) -> float | None:
    return None if value is None else float(value)


def _signed(value, lang: str) -> str:
    if value is None:
        return "—"
    text = number(value, lang)
    return text if text.startswith("-") else "+" + text


def _int(value) -> str:
    return "—" if value is None else QLocale().toString(int(value))
