"""Render a :class:`~desktop.reports.portfolio.data.PortfolioReport` as PDF bytes."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from desktop.reports.charts import count_bars
from desktop.reports.labels import label
from desktop.reports.layout import PageFurniture, ReportDocument, body_pages
from desktop.reports.portfolio.data import CountChart, PortfolioReport
from desktop.reports.styles import BAND_FILL, RULE, grid_table_style, styles
from desktop.reports.text import long_date, para_text


def render_portfolio_report(data: PortfolioReport, *, page_size: str = "letter") -> bytes:
    """Lay out the portfolio report and return the PDF bytes."""
    return PortfolioRenderer(data, page_size=page_size).render()


class PortfolioRenderer:
    """Figures first (totals, then the charts two by two), the firm table last."""

    def __init__(self, data: PortfolioReport, *, page_size: str = "letter"):
        self.data = data
        self.lang = data.lang
        self.st = styles()
        self.doc = ReportDocument(
            PageFurniture(lang=self.lang, header=data.centre_name, header_right=data.title,
                          footer=f"{data.title} · {data.period} · {long_date(data.generated_on, self.lang)}"),
            title=f"{data.title} — {data.centre_name}", author=data.centre_name, page_size=page_size,
        )
        self.width = self.doc.frame_width

    def t(self, key: str) -> str:
        return label(key, self.lang)

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(para_text(text), self.st[style])

    def render(self) -> bytes:
        d = self.data
        story: list = [body_pages()]
        if d.centre_name:
            story.append(self.p(d.centre_name, "cover_centre"))
        story += [self.p(d.title, "h1"),
                  Paragraph(f"<b>{para_text(self.t('period'))}:</b> {para_text(d.period)}", self.st["body"]),
                  Paragraph(f"<b>{para_text(self.t('advisers'))}:</b> {para_text(d.advisers)}", self.st["body"]),
                  Spacer(1, 4 * mm), self.totals(), Spacer(1, 4 * mm)]
        charts = [c for c in d.charts]
        for i in range(0, len(charts), 2):
            story.append(self.chart_row(charts[i:i + 2]))
        if d.adviser_months:
            story += [CondPageBreak(40 * mm), self.adviser_months()]
        story += [CondPageBreak(60 * mm), self.p(self.t("firm_table"), "h2"), self.firm_table()]
        if d.firms_total > len(d.firms):
            story.append(self.p(self.t("firms_truncated").format(shown=len(d.firms), total=d.firms_total), "note"))
        return self.doc.build(story)

    def totals(self) -> Table:
        figures = self.data.totals
        cells = [[self.p(v, "big_number") for _, v in figures], [self.p(k, "big_label") for k, _ in figures]]
        table = Table(cells, colWidths=[self.width / len(figures)] * len(figures))
        table.setStyle([("BACKGROUND", (0, 0), (-1, -1), BAND_FILL), ("LINEAFTER", (0, 0), (-2, -1), 0.5, RULE),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
        return table

    def chart_block(self, chart: CountChart, width: float) -> list:
        block = [self.p(chart.title, "h2")]
        if chart.items:
            block.append(count_bars(chart.items, width=width - 6, label_width=width * 0.45))
        else:
            block.append(self.p(self.t("none"), "note"))
        if chart.note:
            block.append(self.p(chart.note, "small"))
        return block

    def chart_row(self, pair: list[CountChart]) -> KeepTogether:
        col = self.width / 2
        cells = [self.chart_block(c, col) for c in pair] + [[]] * (2 - len(pair))
        table = Table([cells], colWidths=[col, col])
        table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        return KeepTogether([table, Spacer(1, 3 * mm)])

    def adviser_months(self) -> KeepTogether:
        rows = [[self.p(self.t(k), "head") for k in ("adviser", "month", "count")]]
        rows += [[self.p(a, "cell"), self.p(m, "cell"), self.p(str(n), "cell_right")]
                 for a, m, n in self.data.adviser_months]
        table = Table(rows, colWidths=[self.width * 0.5, self.width * 0.3, self.width * 0.2], repeatRows=1)
        table.setStyle(grid_table_style(rows=len(rows)))
        return KeepTogether([self.p(self.t("by_adviser_month"), "h2"), table])

    def firm_table(self) -> Table:
        keys = ("firm", "location", "size_class", "adviser", "band", "index_short", "last_assessed")
        rows = [[self.p(self.t(k), "head") for k in keys]]
        for f in self.data.firms:
            rows.append([self.p(f.name, "cell"), self.p(f.place, "cell"), self.p(f.size, "cell"),
                         self.p(f.adviser, "cell"), self.p(f.band, "cell"), self.p(f.index, "cell_right"),
                         self.p(f.last, "cell")])
        widths = [0.25, 0.15, 0.14, 0.13, 0.11, 0.08, 0.14]
        table = Table(rows, colWidths=[self.width * w for w in widths], repeatRows=1)
        table.setStyle(grid_table_style(rows=len(rows)))
        return table
