"""Render a :class:`~desktop.reports.client.data.ClientReport` as PDF bytes.

Layout only: every word comes from the report data or the label table, every
piece of user text goes through :func:`~desktop.reports.text.para_text`.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from desktop.reports.charts import grouped_bars, pair_bar, radar_chart, score_bar
from desktop.reports.client import summary_pdf
from desktop.reports.client.data import ClientReport, Readiness
from desktop.reports.labels import label
from desktop.reports.layout import PageFurniture, ReportDocument, body_pages
from desktop.reports.styles import ACCENT, BAND_FILL, RULE, grid_table_style, styles
from desktop.reports.text import long_date, num, para_text, pct, signed


def render_client_report(data: ClientReport, *, page_size: str = "letter") -> bytes:
    """Lay out the client report and return the PDF bytes.

    Args:
        data: the report content, from :func:`build_client_report`.
        page_size: "letter" (default, usual in Central America) or "a4".
    """
    return ClientReportRenderer(data, page_size=page_size).render()


class ClientReportRenderer:
    """Builds the story of a client report section by section."""

    def __init__(self, data: ClientReport, *, page_size: str = "letter"):
        self.data = data
        self.lang = data.lang
        self.st = styles()
        date_text = long_date(data.generated_on, self.lang)
        self.doc = ReportDocument(
            PageFurniture(lang=self.lang, header=data.centre.name, header_right=data.title,
                          footer=f"{data.firm_name} · {date_text}"),
            title=f"{data.title} — {data.firm_name}", author=data.adviser_name or data.centre.name,
            page_size=page_size,
        )
        self.width = self.doc.frame_width

    def t(self, key: str) -> str:
        return label(key, self.lang)

    def p(self, text: str, style: str = "body", *, user: bool = True) -> Paragraph:
        """A paragraph; ``user`` text is escaped, label markup is trusted."""
        return Paragraph(para_text(text) if user else text, self.st[style])

    def render(self) -> bytes:
        # Page 1 is the summary under the report's heading (issue 39): the owner's answer first.
        story: list = summary_pdf.heading(self) + summary_pdf.summary(self)
        story += [body_pages(), PageBreak()]
        story += self.profile()
        if self.data.notice:
            story += [Spacer(1, 4 * mm), self.p(self.data.notice, "note")]
        if self.data.readiness is not None:
            story += [PageBreak()] + self.readiness(self.data.readiness)
            if self.data.why:
                story += self.why()
            story += self.recommendations()
            if self.data.progress is not None:
                story += self.progress()
        if self.data.context is not None:
            story += self.context()
        story += [PageBreak()] + self.methods()
        return self.doc.build(story)

    # --- sections ---------------------------------------------------------

    def profile(self) -> list:
        d, c = self.data, self.data.classification
        out = [self.p(self.t("profile"), "h1", user=False), self._pairs(d.profile)]
        out += [self.p(self.t("classification"), "h2", user=False)]
        if d.law is not None:
            out += self._law(d.law)
            out.append(self.p(self.t("study_class"), "cell_bold", user=False))
        box = Table([[self.p(c.size_label, "h2"), self.p(c.rule)]],  # h2: "Microempresa" fits the box whole
                    colWidths=[55 * mm, self.width - 55 * mm])
        box.setStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BACKGROUND", (0, 0), (-1, -1), BAND_FILL),
                      ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
        out += [box, Spacer(1, 3 * mm)]
        if c.criteria:
            rows = [[self.p(self.t(k), "head", user=False) for k in ("criterion", "value", "gives", "ceiling")]]
            rows += [[self.p(x.name, "cell"), self.p(x.value, "cell_right"), self.p(x.gives, "cell"),
                      self.p(x.ceiling, "cell_right")] for x in c.criteria]
            table = Table(rows, colWidths=[self.width * 0.3, self.width * 0.22, self.width * 0.26,
                                           self.width * 0.22], repeatRows=1)
            table.setStyle(grid_table_style(rows=len(rows)))
            out += [table, self.p(self.t("money_units"), "small", user=False)]
        for note in c.notes:
            out.append(self.p(note, "note"))
        out.append(self.p(f"{self.t('rulebook')}: {c.rulebook}", "small"))
        if c.source:
            out.append(self.p(f"{self.t('source')}: {c.source}", "small"))
        if d.law is not None:
            out.append(self.p(self.t("study_class_use"), "small", user=False))
            if d.law.difference:
                out.append(self.p(d.law.difference, "note"))
        return out

    def _law(self, law) -> list:
        """The class under the law in force, boxed like the study's, with the law and its source."""
        out = [self.p(self.t("law_class"), "cell_bold", user=False)]
        box = Table([[self.p(law.label, "h2"), self.p(law.reason)]], colWidths=[55 * mm, self.width - 55 * mm])
        box.setStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BACKGROUND", (0, 0), (-1, -1), BAND_FILL),
                      ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
        out += [box, Spacer(1, 2 * mm)]
        if law.rulebook:
            out.append(self.p(f"{self.t('law_applied')}: {law.rulebook}", "small"))
        if law.source:
            out.append(self.p(f"{self.t('source')}: {law.source}", "small"))
        out.append(Spacer(1, 3 * mm))
        return out

    def readiness(self, r: Readiness) -> list:
        out = [self.p(self.t("readiness"), "h1", user=False)]
        figures = [
            (num(r.index, self.lang), self.t("index")),
            (r.band_label, self.t("band")),
            (r.stage_label, self.t("stage")),
            (r.profile_label, self.t("firm_profile")),
        ]
        cells = [[self.p(v, "big_number" if i == 0 else "h2") for i, (v, _) in enumerate(figures)],
                 [self.p(c, "big_label") for _, c in figures]]
        for cell in cells[0][1:]:
            cell.style = self.st["cover_line"]
        table = Table(cells, colWidths=[self.width / 4] * 4)
        table.setStyle([("BACKGROUND", (0, 0), (-1, -1), BAND_FILL), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LINEAFTER", (0, 0), (-2, -1), 0.5, RULE)])
        out += [table, Spacer(1, 2 * mm)]
        if r.incomplete:
            out.append(self.p(f"{self.t('incomplete')}. " + self.t("incomplete_text").format(
                coverage=pct(r.coverage, self.lang), needed=pct(self.data.methods.index_threshold, self.lang, digits=0)
                if self.data.methods else "50 %"), "note", user=False))
        elif r.provisional:
            out.append(self.p(self.t("provisional"), "note", user=False))
        if r.band_uncapped_label:
            out += [self.p(k, "note") for k in r.knock_outs]
        out.append(self.p(f"{self.t('coverage')}: {pct(r.coverage, self.lang)}", "small"))
        values = [line.score for line in r.dimensions]
        names = [line.short_title if line.score is not None else f"{line.short_title} ({line.status_text})"
                 for line in r.dimensions]
        radar = radar_chart(names, values, size=80 * mm)
        radar.hAlign = "CENTER"
        out += [radar, self.p(self.t("radar_caption"), "small", user=False)]
        out.append(CondPageBreak(60 * mm))
        head = [self.p(self.t(k), "head", user=False) for k in ("dimension", "score", "score", "coverage")]
        head[1] = self.p("", "head")
        rows = [head]
        bar_width = self.width * 0.38
        for line in r.dimensions:
            rows.append([
                self.p(line.title, "cell"),
                score_bar(line.score, width=bar_width - 8, empty_text=line.status_text),
                self.p(num(line.score, self.lang) if line.score is not None else "—", "cell_right"),
                self.p(pct(line.coverage, self.lang, digits=0), "cell_right"),
            ])
        table = Table(rows, colWidths=[self.width * 0.36, bar_width, self.width * 0.12, self.width * 0.14],
                      repeatRows=1)
        table.setStyle(grid_table_style(rows=len(rows)))
        table.setStyle([("VALIGN", (0, 1), (-1, -1), "MIDDLE")])
        out += [Spacer(1, 2 * mm), table]
        out += self._reading(r)
        return out

    def _reading(self, r: Readiness) -> list:
        out = []
        for key, lines in (("strengths", r.strengths), ("gaps", r.gaps)):
            block = [self.p(self.t(key), "h2", user=False), self.bullets(lines)]
            out.append(KeepTogether(block))
        if r.to_ask:
            out.append(KeepTogether([self.p(self.t("to_ask"), "h2", user=False),
                                     self.p(self.t("to_ask_intro"), "small", user=False), self.bullets(r.to_ask)]))
        reasons = [f"{self.t('stage')}: {x}" for x in r.stage_reasons]
        reasons += [f"{self.t('firm_profile')}: {x}" for x in r.profile_reasons]
        out += [self.p(x, "small") for x in reasons]
        return out

    def why(self) -> list:
        """The "why internationalize" page: the study's reasons that fit the firm, then risks and costs."""
        out: list = [CondPageBreak(120 * mm), Spacer(1, 4 * mm), self.p(self.t("why"), "h1", user=False),
                     self.p(self.t("why_intro"), "small", user=False)]
        groups = (("why_benefits", [w for w in self.data.why if w.kind == "beneficio"]),
                  ("why_risks", [w for w in self.data.why if w.kind != "beneficio"]))
        for key, items in groups:
            if not items:
                continue
            out.append(self.p(self.t(key), "h2", user=False))
            for item in items:
                out.append(KeepTogether([
                    Paragraph(f"<b>{para_text(item.title)}.</b> {para_text(item.text)}", self.st["body"]),
                    self.p(item.basis, "small"), Spacer(1, 2 * mm)]))
        return out

    def recommendations(self) -> list:
        d = self.data
        out: list = [PageBreak(), self.p(self.t("recommendations"), "h1", user=False)]
        for note in d.notes:
            out.append(self.p(note.text, "body"))
            out += [self.p(b, "small") for b in note.bases]
        if d.ask:
            out.append(self.p(d.ask, "note"))
        if not d.recommendations and not d.notes:
            out.append(self.p(self.t("no_recommendations"), "body", user=False))
        number = 0
        for rec in d.recommendations:
            if rec.precondition:
                heading = f"{self.t('family_condicion_previa')}: {rec.title}"
            else:
                number += 1
                heading = f"{number}. {rec.title}"
            head = [
                Paragraph(para_text(heading), self.st["h2"]),
                self.p(rec.family, "small"),
                self.p(rec.description),
                Paragraph(f"<b>{para_text(self.t('level'))}:</b> {para_text(rec.level_label)}", self.st["body"]),
                Paragraph(f"<b>{para_text(self.t('reason'))}:</b> {para_text(rec.reason)}", self.st["body"]),
            ]
            block: list = []
            if rec.triggers:
                block += [self.p(f"{self.t('triggers')}:", "small", user=False), self.bullets(rec.triggers)]
            if rec.support:
                quote = self.t("support_same").format(title=rec.support_same_as) if rec.support_same_as else rec.support
                block.append(Paragraph(f"<b>{para_text(self.t('support_' + rec.level))}:</b> {para_text(quote)}",
                                       self.st["small"]))
            if rec.basis:
                block.append(Paragraph(f"<b>{para_text(self.t('study_basis'))}:</b> {para_text(rec.basis)}",
                                       self.st["small"]))
            if rec.centre_programmes:
                block += [Spacer(1, 2 * mm), self._centre_programmes(rec.centre_programmes)]
            # No per-recommendation "the study cites no programme" note: the methods page says it once,
            # and the line above the recommendations says whom to ask for today's offer.
            if rec.programmes:
                rows = [[self.p(rec.examples_label or self.t("programmes"), "cell_bold"), "", ""]]
                for prog in rec.programmes:
                    rows.append([
                        Paragraph(f"<b>{para_text(prog.name)}</b><br/>{para_text(prog.countries)}", self.st["cell"]),
                        self.p(prog.institution, "cell"),
                        Paragraph(f"{para_text(prog.results)}<br/><i>{para_text(prog.source)}</i>", self.st["cell"]),
                    ])
                table = Table(rows, colWidths=[self.width * 0.3, self.width * 0.25, self.width * 0.45], repeatRows=1)
                table.setStyle(grid_table_style(header=False, zebra=False))
                table.setStyle([("SPAN", (0, 0), (-1, 0)), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)])
                block += [Spacer(1, 2 * mm), table]
            # Title and reason move together so no heading is left alone at a page foot; the
            # answers, the study's phrase and the programmes may flow onto the next page.
            out += [Spacer(1, 3 * mm), KeepTogether(head), *block]
        if d.action_plan:
            out += [Spacer(1, 3 * mm), KeepTogether([
                self.p(self.t("action_plan"), "h2", user=False),
                ListFlowable([ListItem(self.p(step), leftIndent=14) for step in d.action_plan],
                             bulletType="1", bulletFontName=self.st["body"].fontName,
                             bulletFontSize=9.5, leftIndent=14),
            ])]
        return out

    def _centre_programmes(self, programmes) -> Table:
        """The directory's current programmes for one recommendation, with whom to call."""
        rows = [[self.p(self.t("centre_programmes"), "cell_bold", user=False), "", ""]]
        for prog in programmes:
            rows.append([
                Paragraph(f"<b>{para_text(prog.name)}</b><br/>{para_text(prog.institution)}<br/>"
                          f"{para_text(prog.territory)}", self.st["cell"]),
                self.p(prog.eligibility, "cell"),
                Paragraph(f"{para_text(prog.contact)}<br/><i>{para_text(prog.checked)}</i>", self.st["cell"]),
            ])
        table = Table(rows, colWidths=[self.width * 0.3, self.width * 0.38, self.width * 0.32], repeatRows=1)
        table.setStyle(grid_table_style(header=False, zebra=False))
        table.setStyle([("SPAN", (0, 0), (-1, 0)), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                        ("BACKGROUND", (0, 1), (-1, -1), BAND_FILL)])
        return table

    def progress(self) -> list:
        g = self.data.progress
        out = [CondPageBreak(90 * mm), self.p(self.t("progress"), "h1", user=False)]
        if g.previous_date:
            out.append(self.p(self.t("progress_intro").format(date=g.previous_date)))
        out += [self.p(x) for x in g.sentences]
        radar = self.data.readiness
        if radar is not None and len(g.rows) >= 3:
            chart = radar_chart([row.short_title for row in g.rows], [row.new for row in g.rows],
                                [row.old for row in g.rows], size=70 * mm,
                                legend=(self.t("radar_previous"), self.t("radar_current")))
            chart.hAlign = "CENTER"
            out.append(chart)
        head = [self.p(self.t(k), "head", user=False) for k in ("dimension", "previous", "previous", "current", "change")]
        head[1] = self.p("", "head")
        rows = [head]
        bar_width = self.width * 0.32
        for row in g.rows:
            rows.append([self.p(row.title, "cell"), pair_bar(row.old, row.new, width=bar_width - 8),
                         self.p(num(row.old, self.lang), "cell_right"), self.p(num(row.new, self.lang), "cell_right"),
                         self.p(signed(row.delta, self.lang), "cell_right")])
        rows.append([self.p(self.t("index"), "cell_bold", user=False), "",
                     self.p(num(g.old_index, self.lang), "cell_right"), self.p(num(g.new_index, self.lang), "cell_right"),
                     self.p(signed(g.index_delta, self.lang), "cell_right")])
        table = Table(rows, colWidths=[self.width * 0.32, bar_width, self.width * 0.12, self.width * 0.12,
                                       self.width * 0.12], repeatRows=1)
        table.setStyle(grid_table_style(rows=len(rows)))
        table.setStyle([("VALIGN", (0, 1), (-1, -1), "MIDDLE"), ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT)])
        out.append(table)
        return out

    def context(self) -> list:
        c = self.data.context
        chart = grouped_bars(c.groups, c.series, width=self.width * 0.8, height=60 * mm, highlight=c.highlight,
                             value_text=lambda v: num(v, self.lang))
        chart.hAlign = "CENTER"
        block = [self.p(self.t("context"), "h1", user=False), self.p(c.title, "h2"), chart, Spacer(1, 2 * mm)]
        block += [self.p(x) for x in c.sentences]
        block.append(self.p(f"{self.t('source')}: {c.source}", "small"))
        out = [CondPageBreak(110 * mm), KeepTogether(block)]
        if self.data.figures:
            out += [Spacer(1, 3 * mm), KeepTogether([
                self.p(self.t("figures"), "h2", user=False),
                self.bullets([f"{text} ({citation})" for text, citation in self.data.figures])])]
        return out

    def methods(self) -> list:
        m = self.data.methods
        out = [self.p(self.t("methods"), "h1", user=False)]
        if m is not None:
            rows = [(self.t("questionnaire"), m.questionnaire), (self.t("rulebook"), m.rulebook),
                    (self.t("catalog"), m.catalog),
                    (self.t("document_share"), pct(m.document_share, self.lang)),
                    (self.t("assessment_date"), m.assessment_date or "—"),
                    (self.t("app_version"), m.app_version)]
            out.append(self._pairs(rows))
            if m.identifiers:
                out.append(self.p(f"{self.t('identifiers')}: {m.identifiers}", "small"))
            out.append(Spacer(1, 3 * mm))
            out.append(self.p(self.t("method_score").format(threshold=pct(m.coverage_threshold, self.lang, digits=0)),
                              "small"))
            if m.band_cutoffs:
                bands = "; ".join(f"{name} ≥ {num(bound, self.lang, digits=0)}" for name, bound in m.band_cutoffs)
                out.append(self.p(self.t("method_bands").format(bands=bands), "small"))
            if m.parameters:
                out += [self.p(self.t("method_parameters"), "h2", user=False), self._pairs(m.parameters)]
            if m.differentiation:
                out.append(self.p(m.differentiation, "small"))
            # Said once here rather than beside every recommendation (issue 39).
            if m.levels:
                out.append(Paragraph(f"<b>{para_text(self.t('method_levels'))}.</b> {para_text(m.levels)}",
                                     self.st["small"]))
            if m.examples:
                out.append(Paragraph(f"<b>{para_text(self.t('programmes'))}.</b> {para_text(m.examples)}",
                                     self.st["small"]))
        return out

    def signatures(self, d: ClientReport, heading: str = "signatures", compact: bool = False) -> KeepTogether:
        """Lines for the adviser and the owner; page 1 carries them, ``compact``, under the actions they agree on."""
        gap = 10 * mm
        col = (self.width - gap) / 2
        rows = [["", "", ""],
                [self.p(self.t("signature_adviser").format(name=d.adviser_name or ""), "small"), "",
                 self.p(self.t("signature_owner").format(name=d.owner_name or ""), "small")],
                [self.p(f"{self.t('date')}: ____________________", "small", user=False), "",
                 self.p(f"{self.t('date')}: ____________________", "small", user=False)]]
        table = Table(rows, colWidths=[col, gap, col], rowHeights=[(9 if compact else 13) * mm, None, None])
        table.setStyle([("LINEBELOW", (0, 0), (0, 0), 0.8, ACCENT), ("LINEBELOW", (2, 0), (2, 0), 0.8, ACCENT),
                        ("VALIGN", (0, 0), (-1, -1), "TOP")])
        return KeepTogether([self.p(self.t(heading), "cell_bold" if compact else "h2", user=False), table])

    # --- helpers ----------------------------------------------------------

    def _pairs(self, rows) -> Table:
        data = [[self.p(k, "cell_bold"), self.p(v, "cell")] for k, v in rows]
        table = Table(data, colWidths=[self.width * 0.32, self.width * 0.68])
        table.setStyle(grid_table_style(header=False, rows=len(data)))
        return table

    def bullets(self, lines) -> ListFlowable:
        return ListFlowable([ListItem(self.p(x), leftIndent=12, value="•") for x in lines],
                            bulletType="bullet", start="•", leftIndent=12,
                            bulletFontName=self.st["body"].fontName)
