"""The document skeleton: page templates, header, footer and "Página x de y".

The total page count is only known once the story has been laid out, so the
canvas keeps each page's drawing state and writes every footer at save time
(one layout pass instead of ReportLab's two-pass ``multiBuild``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

from desktop.reports.fonts import REGULAR, register_fonts
from desktop.reports.labels import label
from desktop.reports.styles import MUTED, RULE
from desktop.reports.text import font_runs, plain

PAGE_SIZES = {"letter": letter, "a4": A4}
MARGIN = 18 * mm
_FURNITURE_SIZE = 7.5  # header and footer text


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries besides the story.

    Attributes:
        lang: "es" or "en" (the page-number wording).
        header: text at the top left of body pages (e.g. the centre's name).
        header_right: text at the top right of body pages (e.g. the report title).
        footer: text at the bottom left of every page (e.g. the firm's name and date).
    """

    lang: str = "es"
    header: str = ""
    header_right: str = ""
    footer: str = ""


def _numbered_canvas_class(furniture: PageFurniture):
    """A canvas class that writes "Página x de y" on each page at save time."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - ReportLab API
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width, _ = self._pagesize
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 13 * mm, width - MARGIN, 13 * mm)
            self.setFont(REGULAR, _FURNITURE_SIZE)
            self.setFillColor(MUTED)
            page_text = label("page_x_of_y", furniture.lang).format(x=self._pageNumber, y=total)
            self.drawRightString(width - MARGIN, 9 * mm, page_text)
            _draw_runs(self, MARGIN, 9 * mm, furniture.footer, width - 2 * MARGIN - 35 * mm)
            self.restoreState()

    return NumberedCanvas


def _fit(runs: list[tuple[str, str]], width: float) -> list[tuple[str, str]]:
    """Shorten ``runs`` with an ellipsis so they fit in ``width`` points."""
    if _runs_width(runs) <= width:
        return runs
    chars = [(ch, font) for piece, font in runs for ch in piece]
    ellipsis = ("…", REGULAR)
    while chars and _runs_width(chars + [ellipsis]) > width:
        chars.pop()
    return chars + [ellipsis]


def _runs_width(runs) -> float:
    return sum(stringWidth(piece, font, _FURNITURE_SIZE) for piece, font in runs)


def _draw_runs(canvas, x: float, y: float, text: str, width: float, *, right: bool = False) -> None:
    """Draw user text in the furniture size, each character in a font that has it.

    Shortened to ``width`` points; ``right`` aligns its end at ``x``.
    """
    runs = _fit(font_runs(" ".join(str(text or "").split())), width)
    if right:
        x -= _runs_width(runs)
    line = canvas.beginText(x, y)
    for piece, font in runs:
        line.setFont(font, _FURNITURE_SIZE)
        line.textOut(piece)
    canvas.drawText(line)


def _draw_header(canvas, doc) -> None:
    furniture: PageFurniture = doc.furniture
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setFillColor(MUTED)
    half = (width - 2 * MARGIN) / 2 - 4 * mm
    _draw_runs(canvas, MARGIN, height - 11 * mm, furniture.header, half)
    _draw_runs(canvas, width - MARGIN, height - 11 * mm, furniture.header_right, half, right=True)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, height - 13 * mm, width - MARGIN, height - 13 * mm)
    canvas.restoreState()


class ReportDocument:
    """Lays out a story on pages with a cover template and a body template.

    The first page uses the "cover" template (no header); a story switches to
    the body pages with :func:`body_pages`. Call :meth:`build` to get PDF bytes.
    """

    def __init__(self, furniture: PageFurniture, *, title: str, author: str = "",
                 page_size: str = "letter"):
        register_fonts()
        self.furniture = furniture
        self.title = plain(title)
        self.author = plain(author)
        self.pagesize = PAGE_SIZES.get(page_size, letter)

    @property
    def frame_width(self) -> float:
        """Width of the text frame in points."""
        return self.pagesize[0] - 2 * MARGIN

    def build(self, story: list) -> bytes:
        """Lay out ``story`` and return the PDF as bytes."""
        buffer = io.BytesIO()
        width, height = self.pagesize
        doc = BaseDocTemplate(
            buffer, pagesize=self.pagesize, title=self.title, author=self.author,
            creator="Rumbo", leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN, bottomMargin=MARGIN, lang=self.furniture.lang,
        )
        doc.furniture = self.furniture
        body_frame = Frame(MARGIN, 16 * mm, width - 2 * MARGIN, height - 16 * mm - 16 * mm, id="body")
        cover_frame = Frame(MARGIN, 16 * mm, width - 2 * MARGIN, height - 16 * mm - MARGIN, id="cover")
        doc.addPageTemplates([
            PageTemplate(id="cover", frames=[cover_frame]),
            PageTemplate(id="body", frames=[body_frame], onPage=_draw_header),
        ])
        doc.build(story, canvasmaker=_numbered_canvas_class(self.furniture))
        return buffer.getvalue()


def body_pages() -> NextPageTemplate:
    """A flowable that makes the following pages use the body template."""
    return NextPageTemplate("body")
