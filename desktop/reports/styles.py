"""Paragraph and table styles shared by the client and portfolio reports."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from desktop.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

# A sober palette that survives black-and-white printing: the series differ in
# lightness, not only in hue.
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
RULE = colors.HexColor("#cbd2d9")
ACCENT = colors.HexColor("#0b6e99")
ACCENT_LIGHT = colors.HexColor("#9fd3ea")
PREVIOUS = colors.HexColor("#9aa5b1")
GOOD = colors.HexColor("#2f8132")
WARN = colors.HexColor("#b7791f")
BAND_FILL = colors.HexColor("#f0f4f8")
REGION_COLOURS = (ACCENT, colors.HexColor("#e08e0b"), colors.HexColor("#5b3f8c"))


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """Return the named paragraph styles (built once, after the fonts)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, textColor=INK)
    made = {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=BOLD, fontSize=8.5, leading=11),
        "cell_right": ParagraphStyle("cell_right", parent=base, fontSize=8.5, leading=11, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8.5, leading=11, textColor=colors.white),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=16, leading=20, spaceBefore=4,
                             spaceAfter=8, textColor=ACCENT),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=10,
                             spaceAfter=4, textColor=INK),
        "note": ParagraphStyle("note", parent=base, fontName=ITALIC, fontSize=8.5, leading=11, textColor=MUTED),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=2),
        "cover_centre": ParagraphStyle("cover_centre", parent=base, fontName=BOLD, fontSize=13, leading=17,
                                       alignment=TA_CENTER, textColor=MUTED),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontName=BOLD, fontSize=24, leading=30,
                                      alignment=TA_CENTER, textColor=ACCENT, spaceBefore=12, spaceAfter=12),
        "cover_firm": ParagraphStyle("cover_firm", parent=base, fontName=BOLD, fontSize=18, leading=23,
                                     alignment=TA_CENTER, spaceAfter=6),
        "cover_line": ParagraphStyle("cover_line", parent=base, fontSize=11, leading=15, alignment=TA_CENTER),
        "cover_centre_left": ParagraphStyle("cover_centre_left", parent=base, fontName=BOLD, fontSize=11, leading=14,
                                            textColor=MUTED),
        "summary_title": ParagraphStyle("summary_title", parent=base, fontName=BOLD, fontSize=17, leading=21,
                                        textColor=ACCENT, spaceBefore=4, spaceAfter=3),
        "summary_h1": ParagraphStyle("summary_h1", parent=base, fontName=BOLD, fontSize=14, leading=18, spaceBefore=2,
                                     spaceAfter=5, textColor=ACCENT),
        "summary_firm": ParagraphStyle("summary_firm", parent=base, fontName=BOLD, fontSize=13, leading=17),
        "summary_number": ParagraphStyle("summary_number", parent=base, fontName=BOLD, fontSize=14, leading=17,
                                         alignment=TA_CENTER, textColor=ACCENT),
        "big_number": ParagraphStyle("big_number", parent=base, fontName=BOLD, fontSize=22, leading=26,
                                     alignment=TA_CENTER, textColor=ACCENT),
        "big_label": ParagraphStyle("big_label", parent=base, fontSize=8, leading=10, alignment=TA_CENTER,
                                    textColor=MUTED),
    }
    return made


def grid_table_style(*, header: bool = True, zebra: bool = True, rows: int = 0) -> TableStyle:
    """A light table style: thin rules, an accent header row, optional zebra rows."""
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
    if zebra:
        start = 1 if header else 0
        for row in range(start + 1, rows, 2):
            commands.append(("BACKGROUND", (0, row), (-1, row), BAND_FILL))
    return TableStyle(commands)
