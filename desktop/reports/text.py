"""Safe user text and locale-aware numbers and dates for the PDF renderers.

ReportLab's ``Paragraph`` reads a small XML markup, so ``<``, ``>`` and ``&``
typed by a user would be taken as tags (a firm called ``<La Ñ>`` would vanish
or break the build). Every string that came from a person goes through
:func:`para_text` before it reaches a Paragraph.

Characters the embedded font cannot draw, and characters outside the Basic
Multilingual Plane (emoji: ReportLab writes their text map in a form PDF text
extractors and screen readers cannot read), print as U+FFFD so the rest of the
text stays intact and searchable.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from desktop.reports.fonts import has_glyph

PLACEHOLDER = "\ufffd"
_BREAKS = {"\n", "\r", "\t"}


def printable(text: object) -> str:
    """Return ``text`` as a string the report font can print.

    Control characters are dropped (tabs and line breaks become spaces unless
    the caller keeps them), and characters the font lacks or that lie beyond
    U+FFFF become :data:`PLACEHOLDER`. ``None`` becomes "".
    """
    if text is None:
        return ""
    text = str(text)
    if text.isascii() and text.isprintable():
        return text  # the common case: every ASCII printable is in the font
    return "".join(_char(ch) for ch in unicodedata.normalize("NFC", text))


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    """What one character prints as: itself, "" (invisible) or the placeholder."""
    if ch in _BREAKS:
        return ch
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs", "Co", "Cn", "Cf"):
        return ""  # controls, and zero-width format marks that print as nothing anyway
    if ord(ch) > 0xFFFF or (not ch.isspace() and not has_glyph(ch)):
        return PLACEHOLDER
    return ch


def para_text(text: object, *, multiline: bool = False) -> str:
    """Escape user text for a ReportLab Paragraph.

    Args:
        text: anything a user typed (name, address, note); None prints as "".
        multiline: keep line breaks as ``<br/>``; otherwise they become spaces.
    """
    safe = escape(printable(text), {'"': "&quot;"})
    safe = safe.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if multiline:
        return "<br/>".join(safe.split("\n"))
    return " ".join(safe.split())


def num(value: Decimal | int | float | None, lang: str, *, digits: int = 1, empty: str = "—") -> str:
    """Format a number with ``digits`` decimals in the conventions of ``lang``.

    Rounds half up, as the scoring does, so a report never shows 48,2 for a
    mean the adviser worked out as 48,25 -> 48,3 (Babel alone rounds half-even).
    """
    if value is None:
        return empty
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(exact, format=pattern, locale=lang)


def pct(value: Decimal | int | float | None, lang: str, *, digits: int = 1, empty: str = "—") -> str:
    """Format a percentage already on a 0–100 scale ("45,5 %" / "45.5%")."""
    if value is None:
        return empty
    sep = "\u00a0" if lang == "es" else ""
    return f"{num(value, lang, digits=digits)}{sep}%"


def signed(value: Decimal | int | float | None, lang: str, *, digits: int = 1, empty: str = "—") -> str:
    """Format a change with an explicit sign ("+4,5", "−2,0", "0,0")."""
    if value is None:
        return empty
    d = Decimal(str(value))
    body = num(abs(d), lang, digits=digits)
    return ("+" if d > 0 else "\u2212" if d < 0 else "") + body


def money(amount: Decimal | int | None, currency: str, lang: str, empty: str = "—") -> str:
    """Format a whole-unit amount with its currency code or symbol."""
    if amount is None:
        return empty
    pattern = "¤\u00a0#,##0" if lang == "en" else "#,##0\u00a0¤"
    return format_currency(Decimal(str(amount)), currency or "USD", format=pattern,
                           locale=lang, currency_digits=False)


def long_date(value: _dt.date | _dt.datetime | str | None, lang: str, empty: str = "—") -> str:
    """Format a date as "5 de noviembre de 2025" / "November 5, 2025".

    Accepts ISO 8601 text (as stored), a date or a datetime.
    """
    if value in (None, ""):
        return empty
    if isinstance(value, str):
        value = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, _dt.datetime):
        value = value.date()
    return format_date(value, format="long", locale=lang)
