"""The TrueType fonts every report uses, registered once per process.

The PDF standard fonts only cover Latin-1, so a name with an em dash, a
Vietnamese diacritic or an emoji would print as black boxes or fail. Reports
therefore embed DejaVu Sans, shipped in ``resources/fonts`` with its licence,
and Symbola (monochrome outlines of the Unicode 9 emoji and symbols) for the
characters DejaVu lacks: :func:`desktop.reports.text.font_runs` says which
font draws each piece of a text.

Registering parses ~700 KB per face (tens of milliseconds), so it happens once
and is cached; per-document cost is only the subsetting of the glyphs used.
"""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource_path

REGULAR = "RumboSans"
BOLD = "RumboSans-Bold"
ITALIC = "RumboSans-Oblique"
SYMBOLS = "RumboSymbols"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    SYMBOLS: "Symbola.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the report fonts with ReportLab (idempotent, thread-safe).

    Also maps the family so ``<b>`` and ``<i>`` inside a Paragraph pick the bold
    and oblique faces; bold-italic falls back to bold (no such face is shipped).
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        # Binary (zlib only) streams instead of ASCII85 on top: ~15 % faster
        # reports, and the files are smaller. Only the reports use ReportLab.
        rl_config.useA85 = 0
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        _registered = True


_reportlab_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map of a font subset, with emoji written as PDF wants them.

    ReportLab writes a code point beyond U+FFFF as five hex digits (``<1F600>``),
    which PDF readers reject, so copying or searching the PDF lost every emoji.
    PDF wants the UTF-16 surrogate pair (``<D83DDE00>``); the rest of the map is
    ReportLab's own.
    """
    cmap = _reportlab_cmap(fontname, subset)
    for code, value in enumerate(subset):
        if value > 0xFFFF:
            utf16 = chr(value).encode("utf-16-be").hex().upper()
            cmap = cmap.replace("<%02X> <%04X>" % (code, value), "<%02X> <%s>" % (code, utf16))
    return cmap


def has_glyph(char: str, font_name: str = REGULAR) -> bool:
    """True when the registered font ``font_name`` draws ``char``."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return ord(char) in font.face.charToGlyph
