"""Safe user text and locale-aware numbers and dates for the PDF renderers.

ReportLab's ``Paragraph`` reads a small XML markup, so ``<``, ``>`` and ``&``
typed by a user would be taken as tags (a firm called ``<La Ñ>`` would vanish
or break the build). Every string that came from a person goes through
:func:`para_text` before it reaches a Paragraph.

Characters the main font (DejaVu Sans) lacks are drawn in the symbol font
(Symbola: emoji, dingbats, arrows): :func:`font_runs` cuts a text into runs
per font, :func:`para_text` writes them as ``<font name=...>`` runs and the
page furniture draws them run by run. Characters neither font has print as
U+FFFD so the rest of the text stays intact and searchable.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from desktop.reports.fonts import REGULAR, SYMBOLS, has_glyph

PLACEHOLDER = "\ufffd"
_BREAKS = {"\n", "\r", "\t"}
_DROP, _MAIN, _SYMBOL, _MISSING = range(4)


def printable(text: object) -> str:
    """Return ``text`` as a string the main report font alone can print.

    For places drawn in one font (chart labels). Control characters are dropped
    (tabs and line breaks stay for the caller), and characters the main font
    lacks become :data:`PLACEHOLDER`. ``None`` becomes "".
    """
    if _is_plain_ascii(text):
        return text
    return "".join(ch if kind == _MAIN else PLACEHOLDER for ch, kind in _kinds(text))


def plain(text: object) -> str:
    """``text`` without control characters, every other character kept (PDF metadata)."""
    if _is_plain_ascii(text):
        return text
    return "".join(ch for ch, _ in _kinds(text))


def font_runs(text: object, font: str = REGULAR) -> list[tuple[str, str]]:
    """Cut ``text`` into ``(piece, font name)`` runs that print every character.

    Characters ``font``'s family draws stay in ``font``; those only the symbol
    font has go to :data:`~desktop.reports.fonts.SYMBOLS`; the rest become
    :data:`PLACEHOLDER` in ``font``. Control characters are dropped.
    """
    if _is_plain_ascii(text):
        return [(text, font)] if text else []
    runs: list[tuple[str, str]] = []
    for ch, kind in _kinds(text):
        run_font = SYMBOLS if kind == _SYMBOL else font
        if kind == _MISSING:
            ch = PLACEHOLDER
        if runs and (runs[-1][1] == run_font or ch == " "):  # both fonts have the space
            run_font = runs[-1][1]
            runs[-1] = (runs[-1][0] + ch, run_font)
        else:
            runs.append((ch, run_font))
    return runs


def _kinds(text: object) -> list[tuple[str, int]]:
    """Each visible character of ``text`` (NFC) with the font that draws it."""
    if text is None:
        return []
    pairs = ((ch, _kind(ch)) for ch in unicodedata.normalize("NFC", str(text)))
    return [pair for pair in pairs if pair[1] != _DROP]


@lru_cache(maxsize=4096)
def _kind(ch: str) -> int:
    """Which font prints one character, or that it prints as nothing."""
    if ch in _BREAKS:
        return _MAIN
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs", "Co", "Cn", "Cf") or _is_variation_selector(ch):
        return _DROP  # controls, zero-width marks and emoji presentation selectors print as nothing
    if ch.isspace() or has_glyph(ch):
        return _MAIN
    return _SYMBOL if has_glyph(ch, SYMBOLS) else _MISSING


def _is_plain_ascii(text: object) -> bool:
    """The common case: every printable ASCII character is in the main font."""
    return isinstance(text, str) and text.isascii() and text.isprintable()


def _is_variation_selector(ch: str) -> bool:
    code = ord(ch)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def para_text(text: object, *, multiline: bool = False) -> str:
    """Escape user text for a ReportLab Paragraph, symbols in the symbol font.

    Args:
        text: anything a user typed (name, address, note); None prints as "".
        multiline: keep line breaks as ``<br/>``; otherwise they become spaces.
    """
    kept = plain(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if multiline:
        return "<br/>".join(_markup(line) for line in kept.split("\n"))
    return _markup(" ".join(kept.split()))


def _markup(text: str) -> str:
    """Paragraph markup for one line: escaped runs, symbol runs in their font."""
    out = []
    for piece, font in font_runs(text):
        safe = escape(piece, {'"': "&quot;"})
        out.append(f'<font name="{SYMBOLS}">{safe}</font>' if font == SYMBOLS else safe)
    return "".join(out)


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
