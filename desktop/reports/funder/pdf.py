"""Render a :class:`~desktop.reports.funder.data.FunderReport` as PDF bytes: totals, charts, tables."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from desktop.reports.charts import count_bars
from desktop.reports.funder.data import FunderReport, word
from desktop.reports.layout import PageFurniture, ReportDocument, body_pages
from desktop.reports.styles import BAND_FILL, RULE, grid_table_style, styles
from desktop.reports.text import long_date, para_text


def render_funder_report(data: FunderReport, *, page_size: str = "letter") -> bytes:
    st = styles()
    doc = ReportDocument(
        PageFurniture(lang=data.lang, header=data.centre_name, header_right=data.title,
                      footer=f"{data.title} · {data.period} · {long_date(data.generated_on, data.lang)}"),
        title=f"{data.title} — {data.centre_name}", author=data.centre_name, page_size=page_size)
    width = doc.frame_width

    def p(text: str, style: str = "body") -> Paragraph:
        return Paragraph(para_text(text), st[style])

    def w(key: str) -> str:
        return word(key, data.lang)

    def totals(figures) -> Table:
        cells = [[p(v, "big_number") for _, v in figures], [p(k, "big_label") for k, _ in figures]]
        table = Table(cells, colWidths=[width / len(figures)] * len(figures))
        table.setStyle([("BACKGROUND", (0, 0), (-1, -1), BAND_FILL), ("LINEAFTER", (0, 0), (-2, -1), 0.5, RULE),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
        return table

    def grid(keys, rows, widths) -> Table | Paragraph:
        if not rows:
            return p(w("none"), "note")
        cells = [[p(w(k), "head") for k in keys]] + [[p(c, "cell") for c in row] for row in rows]
        table = Table(cells, colWidths=[width * x for x in widths], repeatRows=1)
        table.setStyle(grid_table_style(rows=len(cells)))
        return table

    story: list = [body_pages()]
    if data.centre_name:
        story.append(p(data.centre_name, "cover_centre"))
    story += [p(data.title, "h1"),
              Paragraph(f"<b>{para_text(w('period'))}:</b> {para_text(data.period)}", st["body"]),
              Paragraph(f"<b>{para_text(w('programme'))}:</b> {para_text(data.programme)}", st["body"]),
              Spacer(1, 4 * mm)]
    start = 0
    for size in (4, 3, 3):  # counts and hours first; the three amounts in dollars get a third of the width each
        if data.totals[start:start + size]:
            story += [totals(data.totals[start:start + size]), Spacer(1, 2 * mm)]
        start += size
    story += [p(note, "note") for note in data.notes]
    col = width / 2
    for i in range(0, len(data.charts), 2):
        pair = data.charts[i:i + 2]
        cells = [[p(title, "h2"), count_bars(items, width=col - 6, label_width=col * 0.45) if items
                  else p(w("none"), "note")] for title, items in pair] + [[]] * (2 - len(pair))
        table = Table([cells], colWidths=[col, col])
        table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        story.append(KeepTogether([table, Spacer(1, 3 * mm)]))
    story += [CondPageBreak(40 * mm), p(w("readiness"), "h2"),
              grid(("dimension", "change", "firms"), [(d, c, str(n)) for d, c, n in data.readiness], (0.6, 0.2, 0.2))
              if data.readiness else p(w("no_readiness"), "note")]
    story += [CondPageBreak(40 * mm), p(w("milestones"), "h2"),
              grid(("date", "firm", "kind", "figure", "document", "verified_by"), data.milestone_rows,
                   (0.125, 0.19, 0.15, 0.18, 0.14, 0.215)) if data.milestone_rows else p(w("no_verified"), "note")]
    if data.waiting:
        story.append(p(data.waiting, "note"))
    if data.caseload_rows:
        story += [CondPageBreak(40 * mm), p(w("caseload"), "h2"),
                  grid(("adviser", "firms", "count", "hours", "prep", "travel", "recorded"), data.caseload_rows,
                       (0.26, 0.12, 0.11, 0.1, 0.14, 0.12, 0.15))]
    story += [CondPageBreak(40 * mm), p(w("sessions"), "h2"), p(w("sessions_note"), "note"),
              grid(("firm", "count", "hours", "first", "last", "advisers"), data.session_rows,
                   (0.34, 0.1, 0.09, 0.12, 0.12, 0.23))]
    return doc.build(story)
