"""Page 1 of the client report: the report's heading and the one-page summary, laid out to fit one page.

The owner reads where the firm stands, its strengths, the three actions with who does what by
when, and whom to call, without turning a page (a test reads them in page 1's extracted text).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer, Table

from desktop.reports.styles import ACCENT, BAND_FILL, RULE, grid_table_style
from desktop.reports.text import long_date, para_text

LOGO_HEIGHT = 14 * mm


def _logo(path: str | None) -> Image | None:
    if not path or not Path(path).is_file():
        return None
    try:
        image = Image(path)
    except OSError:
        return None  # an unreadable logo must not stop the report
    ratio = image.imageWidth / float(image.imageHeight or 1)
    image.drawHeight = LOGO_HEIGHT
    image.drawWidth = min(LOGO_HEIGHT * ratio, 50 * mm)
    return image


def heading(r) -> list:
    """The centre, the report's title, the firm and who it is for, in a few lines."""
    d = r.data
    out: list = []
    logo = _logo(d.centre.logo_path)
    centre = r.p(d.centre.name, "cover_centre_left") if d.centre.name else Spacer(1, 1)
    if logo is not None:
        row = Table([[logo, centre]], colWidths=[logo.drawWidth + 4 * mm, r.width - logo.drawWidth - 4 * mm])
        row.setStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        out.append(row)
    elif d.centre.name:
        out.append(centre)
    out += [r.p(d.title, "summary_title"), r.p(d.firm_name, "summary_firm")]
    if d.trade_name and d.trade_name != d.firm_name:
        out.append(r.p(d.trade_name, "body"))
    lines = [(r.t("prepared_for"), d.owner_name), (r.t("adviser"), d.adviser_name),
             (r.t("date"), long_date(d.generated_on, r.lang))]
    out.append(Paragraph(" · ".join(f"<b>{para_text(k)}:</b> {para_text(v)}" for k, v in lines if v),
                         r.st["body"]))
    rule = Table([[""]], colWidths=[r.width], rowHeights=[2])
    rule.setStyle([("LINEBELOW", (0, 0), (-1, -1), 1, ACCENT)])
    return out + [Spacer(1, 2 * mm), rule, Spacer(1, 2 * mm)]


def summary(r) -> list:
    """Where the firm stands, its strengths, the three actions and the programmes to contact."""
    s = r.data.summary
    if s is None:
        return []
    out: list = [r.p(r.t("summary_title"), "summary_h1", user=False)]
    where = [r.p(r.t("summary_where"), "cell_bold", user=False)] + [r.p(x) for x in s.standing]
    if s.missing:
        where.append(r.p(s.missing))
    box = Table([[where]], colWidths=[r.width])
    box.setStyle([("BACKGROUND", (0, 0), (-1, -1), BAND_FILL), ("TOPPADDING", (0, 0), (-1, -1), 5),
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (0, 0), (-1, -1), 6)])
    out.append(box)
    if s.strengths:
        out += [r.p(r.t("summary_strengths"), "h2", user=False), r.bullets(s.strengths)]
    out += _actions(r, s)
    out += _programmes(r, s)
    out += [Spacer(1, 1 * mm), r.p(r.t("summary_detail"), "small", user=False), Spacer(1, 2 * mm),
            r.signatures(r.data, "summary_signatures" if s.actions else "signatures", compact=True)]
    return out


def _actions(r, s) -> list:
    if not s.actions and not s.actions_note:
        return []  # a large firm, or a report without an assessment: no action to list
    head = [r.p(r.t("summary_actions" if s.actions else "summary_next"), "h2", user=False)]
    if s.actions_note:  # with no action to list, the note is what comes next: said in full size
        head.append(r.p(s.actions_note, "small" if s.actions else "body"))
    if not s.actions:
        return head
    rows = [[r.p("", "head")] + [r.p(r.t(k), "head", user=False) for k in ("summary_action", "summary_who",
                                                                           "summary_when")]]
    for a in s.actions:
        what = [Paragraph(f"<b>{para_text(a.title)}</b>", r.st["cell"])]
        if a.first_step:
            what.append(Paragraph(f"{para_text(r.t('summary_first_step'))}: {para_text(a.first_step)}", r.st["small"]))
        rows.append([r.p(str(a.number), "summary_number"), what, r.p(a.who, "cell"), r.p(a.when, "cell")])
    table = Table(rows, colWidths=[r.width * 0.06, r.width * 0.50, r.width * 0.24, r.width * 0.20])
    table.setStyle(grid_table_style(rows=len(rows)))
    table.setStyle([("VALIGN", (0, 1), (0, -1), "MIDDLE")])
    return [KeepTogether(head + [table])]


def _programmes(r, s) -> list:
    head = r.p(r.t("summary_programmes"), "h2", user=False)
    if not s.programmes:
        return [KeepTogether([head, r.p(s.ask)])] if s.ask else []
    rows = []
    for p in s.programmes:
        rows.append([Paragraph(f"<b>{para_text(p.name)}</b><br/>{para_text(p.institution)}", r.st["cell"]),
                     r.p(p.contact, "cell"),
                     r.p(r.t("summary_for").format(action=p.for_action), "small")])
    table = Table(rows, colWidths=[r.width * 0.36, r.width * 0.40, r.width * 0.24])
    table.setStyle(grid_table_style(header=False, zebra=False))
    table.setStyle([("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE)])
    # The heading stays with the first programme; a long list may flow on rather than leave page 1 half empty.
    head.keepWithNext = True
    return [head, table]
