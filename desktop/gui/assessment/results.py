"""The result of a completed assessment: index, band, charts, explanation, recommendations.

Everything shown is read from the stored result (the JSON written when the
assessment was completed), so the screen shows exactly what was scored, even
after a newer questionnaire ships. Recommendations are recomputed from that
result by the engine. "Imprimir informe" asks the reporting service for the
client PDF and saves it where the adviser chooses.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import OK, AssessmentResult, label, shown_profile
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, surface, tone
from desktop.gui.shared.charts import Bar, BarChart, RadarChart, Series
from desktop.gui.shared.tables import fill_table, read_only_table
from desktop.services import advisory, programmes
from desktop.services import assessments as service
from desktop.services.registry.firms import get_firm
from desktop.gui.shared.plain_text import rich
from desktop.gui.shared.report_language import report_language_combo

BAND_COLORS = {"inicial": "#c0392b", "en_desarrollo": "#e07b39", "preparada": "#2b6f97", "avanzada": "#2e7d32"}
FAMILY_LABELS = {
    "financiamiento": ("Financiamiento", "Financing"),
    "innovacion": ("Innovación y modernización tecnológica", "Innovation and technological upgrading"),
    "articulacion": ("Articulación productiva", "Productive articulation"),
    "mercados": ("Acceso a mercados y promoción de exportaciones", "Market access and export promotion"),
}


def number(value: Decimal | float | None, lang: str = "es", places: int = 1) -> str:
    """A number as the adviser reads it ("54,3" in Spanish); "—" for None."""
    if value is None:
        return "—"
    text = f"{Decimal(value):.{places}f}"
    return text.replace(".", ",") if lang == "es" else text


class AssessmentResultsView(QWidget):
    """The results of one completed assessment.

    Args:
        context: the :class:`~desktop.gui.shared.context.AppContext`.
        assessment_id: a completed assessment.

    Signals:
        followup_requested(str): the firm id, when the adviser asks for its follow-up.
    """

    followup_requested = Signal(str)

    def __init__(self, context, assessment_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.assessment_id = assessment_id
        lang = self.lang = context.lang
        storage = context.storage
        self.assessment = service.get_assessment(storage, assessment_id)
        self.result: AssessmentResult = service.result_of(storage, assessment_id)
        self.firm = get_firm(storage, self.assessment["firm_id"], include_deleted=True) or {}
        self.recommendations = service.recommendations_for(self.result, firm=self.firm,
                                                           year=service.advice_year(self.assessment))
        self.notes = service.notes_for(self.result, self.firm)
        # The centre's current programmes the firm qualifies for, shown first in each recommendation (issue 39).
        self.directory = programmes.report_programmes(storage, self.firm, self.result, self.recommendations,
                                                      year=service.advice_year(self.assessment))
        r = self.result

        heading = QLabel(f"<b>{escape(self.firm.get('legal_name', ''))}</b> — "
                         + self.tr("evaluación del") + f" {(self.assessment['completed_at'] or '')[:10]}",
                         objectName="resultsHeading")
        rich(heading)
        heading.setStyleSheet("font-size: 12pt;")
        self.index_label = QLabel(number(r.index, lang), objectName="indexLabel")
        self.index_label.setStyleSheet(f"font-size: 28pt; font-weight: bold; color: {tone('#1f3a4d')};")
        color = BAND_COLORS.get(r.band or "", "#6b7b8c")
        band_text = label("band", r.band, lang) or self.tr("Sin banda")
        if r.incomplete:
            band_text = self.tr("Evaluación incompleta")
            color = "#8a8f96"
        elif r.provisional:  # never let a thin interview pass for a firm verdict
            band_text += " " + self.tr("(provisional)")
            color = "#8a8f96"
        self.band_label = QLabel(band_text, objectName="bandLabel")
        self.band_label.setStyleSheet(f"background: {color}; color: white; border-radius: 10px; "
                                      "padding: 4px 12px; font-size: 12pt; font-weight: bold;")
        details = [self.tr("Cobertura de respuestas: ") + number(r.coverage, lang) + " %"]
        if r.document_share is not None:
            details.append(self.tr("Respaldadas con documento: ") + number(r.document_share, lang) + " %")
        if r.incomplete:
            details.append("<b>" + self.tr("Sin índice ni banda: se respondió menos de la mitad del cuestionario. "
                                           "Abajo está lo que conviene preguntar la próxima vez.") + "</b>")
        elif r.provisional:
            details.append("<b>" + self.tr("Resultado provisional: faltan demasiadas respuestas.") + "</b>")
        if r.band_uncapped and r.band_uncapped != r.band:
            details.append(self.tr("Sin los bloqueos sería: ") + label("band", r.band_uncapped, lang))
        self.details_label = rich(QLabel("<br>".join(details), objectName="detailsLabel"))

        summary = QGridLayout()
        summary.addWidget(QLabel(self.tr("Índice de preparación (0–100)")), 0, 0)
        summary.addWidget(self.index_label, 1, 0)
        summary.addWidget(self.band_label, 1, 1, Qt.AlignmentFlag.AlignLeft)
        summary.addWidget(self.details_label, 0, 2, 2, 1)
        summary.setColumnStretch(2, 1)

        self.knockouts_label = rich(QLabel(objectName="knockoutsLabel"))
        self.knockouts_label.setWordWrap(True)
        if r.knock_outs:
            items = "".join(f"<li><b>{escape(label('band', k.cap, lang))}</b> {self.tr('como máximo')}: "
                            f"{escape(k.reason.text(lang))}</li>" for k in r.knock_outs)
            self.knockouts_label.setText(f"<b>{self.tr('Bloqueos')}</b><ul>{items}</ul>")
            self.knockouts_label.setStyleSheet(f"background: {surface('#fdecea')}; padding: 6px; border-radius: 4px;")
        else:
            self.knockouts_label.setText(self.tr("Sin bloqueos: ninguna respuesta limita la banda."))
        self.stage_label = QLabel(self._derivation(self.tr("Etapa de internacionalización"), "stage", r.stage),
                                  objectName="stageLabel")
        self.profile_label = QLabel(self._derivation(self.tr("Perfil"), "profile", shown_profile(r)),
                                    objectName="profileLabel")
        for widget in (self.stage_label, self.profile_label):
            rich(widget).setWordWrap(True)

        self.radar = RadarChart()
        self.radar.setObjectName("radarChart")
        self.radar.set_data([d.title.text(lang) + ("" if d.score is not None else " " + self.tr("(sin datos)"))
                             for d in r.dimensions],
                            [Series(self.tr("Puntaje"), [float(d.score) if d.score is not None else None
                                                         for d in r.dimensions])])
        self.bars = BarChart(self.tr("Puntaje y cobertura por dimensión"), maximum=100)
        self.bars.setObjectName("dimensionBars")
        self.bars.label_width = 250
        self.bars.set_bars([self._bar(d) for d in r.dimensions])
        self.bars.bar_clicked.connect(self.explain)

        self.tree = QTreeWidget(objectName="explanationTree")
        self.tree.setHeaderLabels([self.tr("Dimensión / pregunta"), self.tr("Respuesta"), self.tr("Puntos"),
                                   self.tr("Aporte"), self.tr("Evidencia")])
        for column, width in enumerate((360, 250, 120, 70)):
            self.tree.setColumnWidth(column, width)
        self.tree.setMinimumHeight(260)
        for d in r.dimensions:
            self.tree.addTopLevelItem(self._dimension_item(d))

        self.to_ask_label = QLabel(self._to_ask_html(), objectName="toAskLabel")
        rich(self.to_ask_label).setWordWrap(True)
        self.to_ask_label.setVisible(bool(r.to_ask))

        self.recommendations_view = QTextBrowser(objectName="recommendations")
        self.recommendations_view.setOpenExternalLinks(False)
        self.recommendations_view.setHtml(self._recommendations_html())
        self.recommendations_view.setMinimumHeight(320)

        # The plan followed since the previous assessment: what became of each action and how the
        # dimension it worked on moved (issue 37).
        self.followed = advisory.plan_follow_up(storage, assessment_id)
        self.followed_table = read_only_table("followedPlan", [
            self.tr("Acción"), self.tr("Estado"), self.tr("Dimensión"), self.tr("Antes"), self.tr("Ahora"),
            self.tr("Cambio")])
        status = {"pendiente": self.tr("Pendiente"), "en_curso": self.tr("En curso"), "hecho": self.tr("Hecha"),
                  "descartado": self.tr("Descartada")}
        fill_table(self.followed_table, [(
            f.title, status.get(f.status, f.status), f.dimension_title or "—", number(f.before, lang),
            number(f.after, lang), "—" if f.change is None else ("+" if f.change > 0 else "") + number(f.change, lang))
            for f in self.followed])
        self.followed_table.resizeColumnsToContents()
        self.followed_table.setMinimumHeight(min(60 + 26 * len(self.followed), 300))

        self.print_button = QPushButton(self.tr("&Imprimir informe…"), objectName="printButton")
        self.report_lang = report_language_combo(context)
        self.report_lang.setToolTip(self.tr("Idioma del informe"))
        self.followup_button = QPushButton(self.tr("&Seguimiento de la empresa"), objectName="followupButton")
        self.print_button.clicked.connect(self.print_report)
        add_shortcut(self.print_button, "Ctrl+P")
        self.radar.setAccessibleName(self.tr("Puntaje por dimensión (gráfico radar)"))
        self.followup_button.clicked.connect(lambda: self.followup_requested.emit(self.assessment["firm_id"]))

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(heading)
        column.addLayout(summary)
        column.addWidget(self.knockouts_label)
        charts = QHBoxLayout()
        charts.addWidget(self.radar, 1)
        side = QVBoxLayout()
        side.addWidget(self.bars)
        side.addWidget(self.stage_label)
        side.addWidget(self.profile_label)
        side.addStretch(1)
        charts.addLayout(side, 1)
        column.addLayout(charts)
        column.addWidget(self._group(self.tr("Explicación de cada puntaje (abra una dimensión)"), self.tree))
        column.addWidget(self.to_ask_label)
        if self.followed:
            column.addWidget(self._group(self.tr("El plan desde la evaluación anterior: qué se hizo y qué se movió"),
                                         self.followed_table))
        column.addWidget(self._group(self.tr("Instrumentos de apoyo recomendados y plan de acción"),
                                     self.recommendations_view))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.followup_button)
        language = QLabel(self.tr("Idioma del in&forme:"))
        language.setBuddy(self.report_lang)
        buttons.addWidget(language)
        buttons.addWidget(self.report_lang)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    # --- pieces -------------------------------------------------------------

    def _group(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        inner.addWidget(widget)
        return box

    def _derivation(self, title: str, kind: str, derivation) -> str:
        reasons = "".join(f"<li>{escape(t.text(self.lang))}</li>" for t in derivation.reasons)
        value = escape(label(kind, derivation.code, self.lang) or self.tr("Sin determinar"))
        return f"<b>{title}:</b> {value}<ul style='margin:0'>{reasons}</ul>"

    def _bar(self, d) -> Bar:
        cov = number(d.coverage, self.lang, 0) + " %"
        if d.status == OK:
            color = "#2e7d32" if d.score >= 60 else "#e07b39" if d.score >= 40 else "#c0392b"
            return Bar(d.dimension_id, d.title.text(self.lang), float(d.score),
                       f"{number(d.score, self.lang)}  ·  {self.tr('cob.')} {cov}", color)
        return Bar(d.dimension_id, d.title.text(self.lang), None,
                   f"{label('status', d.status, self.lang)}  ·  {self.tr('cob.')} {cov}")

    def _dimension_item(self, d) -> QTreeWidgetItem:
        score_text = number(d.score, self.lang) if d.status == OK else label("status", d.status, self.lang)
        item = QTreeWidgetItem([d.title.text(self.lang), score_text,
                                self.tr("cobertura ") + number(d.coverage, self.lang, 0) + " %", "", ""])
        item.setData(0, Qt.ItemDataRole.UserRole, d.dimension_id)
        bold = item.font(0)
        bold.setBold(True)
        for col in range(2):
            item.setFont(col, bold)
        for c in d.contributions:
            answer = c.answer_text.text(self.lang) if c.answer_text else self._status_text(c.status)
            if c.status == "context" and c.answer_text:
                answer += " " + self.tr("(no suma puntos)")
            points = (f"{number(c.points, self.lang, 2)} / {number(c.max_points, self.lang, 2)}"
                      if c.points is not None else "—")
            share = f"+{number(c.share, self.lang, 2)}" if c.share is not None else "—"
            child = QTreeWidgetItem([c.question.text(self.lang), answer, points, share,
                                     label("evidence", c.evidence, self.lang) if c.evidence else ""])
            child.setData(0, Qt.ItemDataRole.UserRole, c.question_id)
            child.setToolTip(0, c.question.text(self.lang))
            child.setToolTip(1, answer)
            item.addChild(child)
        return item

    def _status_text(self, status: str) -> str:
        if status in ("no_sabe", "no_aplica", "prefiere_no_responder"):
            return label("code", status, self.lang)
        if status == "not_applicable":
            return self.tr("No aplica a esta empresa")
        if status == "context":
            return self.tr("Sin responder (no suma puntos: orienta las recomendaciones)")
        return self.tr("Sin responder")

    def _to_ask_html(self) -> str:
        """The open questions of the dimensions without enough data: not gaps, things to ask."""
        r = self.result
        texts = {c.question_id: (d.title.text(self.lang), c.question.text(self.lang))
                 for d in r.dimensions for c in d.contributions}
        items = "".join(f"<li>{escape(texts[q][0])}: {escape(texts[q][1])}</li>" for q in r.to_ask if q in texts)
        return (f"<b>{escape(self.tr('Para preguntar la próxima vez'))}</b> "
                + escape(self.tr("(dimensiones sin respuestas suficientes; no son brechas)")) + f"<ul>{items}</ul>")

    def _recommendations_html(self) -> str:
        lang = self.lang
        parts = [f"<p><b>{escape(n.text.text(lang))}</b></p>"
                 + "".join(f"<p style='color:{tone('#55606a')}'>{escape(b.text(lang))}</p>" for b in n.bases)
                 for n in self.notes]
        if not self.recommendations:
            if not parts:
                parts.append("<p>" + escape(self.tr("No hay instrumentos recomendados: ninguna respuesta muestra "
                                                    "una brecha que el catálogo atienda.")) + "</p>")
            return "".join(parts)
        parts.append(f"<p style='color:{tone('#55606a')}'>" + escape(self.tr(
            "Cada instrumento dice cuánto lo respalda el estudio: si lo vincula con este tipo de empresa, si lo "
            "describe como útil ante una brecha de las respuestas, o si es criterio del centro.")) + "</p>")
        number_ = 0
        for rec in self.recommendations:
            if rec.kind == "precondition":
                head, family_text = self.tr("Antes de todo"), self.tr("Condición previa")
            else:
                number_ += 1
                head = str(number_)
                family = FAMILY_LABELS.get(rec.family)
                family_text = (family[1] if lang == "en" else family[0]) if family else rec.family
            steps = "".join(f"<li>{escape(s.text(lang))}</li>" for s in rec.steps)
            centre = "".join(f"<li><b>{escape(p.name)}</b> ({escape(p.institution)}): "
                             f"{escape(' · '.join(x for x in (p.contact_name, p.phone_text(), p.email, p.web) if x))}</li>"
                             for p in self.directory.get(rec.instrument_id, ()))
            progs = "".join(f"<li><i>{escape(p.name)}</i> ({escape(', '.join(p.countries))}"
                            + (f", {escape(p.institution)}" if p.institution else "") + ")</li>"
                            for p in rec.programmes)
            triggers = "".join(f"<li>{escape(t.question.text(lang))}: <b>{escape(t.answer.text(lang))}</b></li>"
                               for t in rec.triggers)
            parts.append(
                f"<h3 style='margin-bottom:2px'>{escape(head)}. {escape(rec.title.text(lang))}</h3>"
                f"<p style='color:{tone('#55606a')};margin-top:0'>{escape(family_text)}</p>"
                f"<p><b>{escape(self.tr('Respaldo'))}:</b> {escape(label('level', rec.level, lang))}</p>"
                f"<p><b>{escape(self.tr('Por qué'))}:</b> {escape(rec.reason.text(lang))}</p>"
                + (f"<p><b>{escape(self.tr('Respuestas que lo motivan'))}:</b></p><ul>{triggers}</ul>" if triggers else "")
                + (f"<p><b>{escape(self.tr('Dónde lo dice el estudio'))}:</b> "
                   f"{escape(rec.support.text(lang))}</p>"
                   if rec.support is not None and rec.support.from_study and rec.level != "criterio_centro" else "")
                + (f"<p><b>{escape(self.tr('Lo que dice el estudio del instrumento'))}:</b> "
                   f"{escape(rec.basis.text(lang))}</p>" if rec.basis else "")
                + f"<p><b>{escape(self.tr('Plan de acción'))}:</b></p><ol>{steps}</ol>"
                + (f"<p><b>{escape(self.tr('Programas vigentes del centro'))}:</b></p><ul>{centre}</ul>"
                   if centre else "")
                + (f"<p><b>{escape(self.tr('Ejemplos que cita el estudio (CEPAL, 2013; no son la oferta de hoy)'))}:"
                   f"</b></p><ul>{progs}</ul>" if progs else "")
                + (f"<p><i>{escape(rec.programmes_note.text(lang))}</i></p>" if rec.programmes_note else ""))
        return "".join(parts)

    # --- actions ------------------------------------------------------------

    def explain(self, dimension_id) -> None:
        """Open (expand and select) the explanation of one dimension."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == dimension_id:
                item.setExpanded(True)
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return

    def print_report(self) -> None:
        """Ask where to save the client report and write it there (through the reporting service)."""
        from desktop.services import reporting

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Guardar informe"), reporting.report_filename(self.firm),
                                              self.tr("Documentos PDF (*.pdf)"))
        if not path:
            return
        try:
            reporting.write_client_report(self.context.storage, self.assessment["firm_id"], path,
                                          lang=self.report_lang.currentData())
        except Exception as exc:  # noqa: BLE001 - a sentence for known errors, the crash handler otherwise
            messages.show_error(self, exc)
            return
        self.report_path = path
        messages.inform(self, self.tr("Informe"), self.tr("Se guardó el informe en {path}.").format(path=path))
