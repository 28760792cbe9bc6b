"""Escaping of user text and locale formatting for the PDFs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from reportlab.platypus import Paragraph

from desktop.domain.assessment import LABELS as ASSESSMENT_LABELS
from desktop.domain.assessment import label as assessment_label
from desktop.reports.labels import LABELS, code_label, label
from desktop.reports.fonts import REGULAR, SYMBOLS
from desktop.reports.styles import styles
from desktop.reports.text import (
    PLACEHOLDER, font_runs, long_date, money, num, para_text, pct, printable, signed,
)
from tests.reports.examples import HOSTILE_NAME


def test_markup_characters_are_escaped():
    assert para_text('A & B <b>x</b> "q"') == "A &amp; B &lt;b&gt;x&lt;/b&gt; &quot;q&quot;"


def test_hostile_name_keeps_every_printable_character():
    assert printable("Café 😀 🏭") == "Café 😀 " + PLACEHOLDER  # one-font places: DejaVu has 😀, not 🏭
    # ReportLab accepts the escaped text and gives back the same visible characters.
    p = Paragraph(para_text(HOSTILE_NAME), styles()["body"])
    assert "".join(p.frags[i].text for i in range(len(p.frags))) == HOSTILE_NAME
    p = Paragraph(para_text("Panadería 🏭"), styles()["body"])
    assert [(f.text, f.fontName) for f in p.frags] == [("Panadería ", REGULAR), ("🏭", SYMBOLS)]


def test_symbols_the_main_font_lacks_go_to_the_symbol_font():
    assert font_runs("Café 😀 y 🏭 ñ") == [("Café 😀 y ", REGULAR), ("🏭 ", SYMBOLS), ("ñ", REGULAR)]
    assert font_runs("a漢b") == [("a" + PLACEHOLDER + "b", REGULAR)]  # in neither font
    assert para_text("<b>&Café 🏭</b>") == f'&lt;b&gt;&amp;Café <font name="{SYMBOLS}">🏭</font>&lt;/b&gt;'
    assert para_text("🚀\ufe0f 🛒\u200d") == f'<font name="{SYMBOLS}">🚀 🛒</font>'  # selectors print as nothing


def test_control_characters_dropped_and_breaks_handled():
    assert para_text("Línea 1\nLínea\t2\x00\x07") == "Línea 1 Línea 2"
    assert para_text("Línea 1\r\nLínea 2", multiline=True) == "Línea 1<br/>Línea 2"
    assert para_text(None) == ""


def test_decomposed_accents_are_composed():
    assert printable("Pan\u0303aderi\u0301a") == "Pañadería"  # NFC: one code point each


def test_numbers_in_spanish_and_english():
    assert num(D("12345.5"), "es") == "12.345,5"
    assert num(D("12345.5"), "en") == "12,345.5"
    assert num(None, "es") == "—"
    assert num(D("45.55"), "es") == "45,6" and num(D("45.45"), "en") == "45.5"  # half up
    assert pct(D("84.2"), "es") == "84,2\u00a0%"
    assert pct(D("84.2"), "en") == "84.2%"
    assert signed(D("-2"), "es") == "\u22122,0"
    assert signed(D("15.4"), "en") == "+15.4"
    assert money(250000, "USD", "es") == "250.000\u00a0US$"
    assert money(250000, "USD", "en") == "$\u00a0250,000"


def test_dates_in_spanish_and_english():
    assert long_date(dt.date(2025, 11, 5), "es") == "5 de noviembre de 2025"
    assert long_date("2025-11-05T22:00:00Z", "en") == "November 5, 2025"
    assert long_date(None, "es") == "—"


def test_every_label_has_both_languages():
    for key, (es, en) in LABELS.items():
        assert es.strip() and en.strip(), key
        assert es.count("{") == en.count("{"), key  # same placeholders in both
    assert label("page_x_of_y", "en").format(x=2, y=7) == "Page 2 of 7"
    assert code_label("pequena", "es") == "Pequeña empresa"
    assert code_label("unknown_code", "es") == "unknown_code"


def test_domain_codes_are_worded_as_on_screen():
    for kind in ("band", "stage", "profile"):
        for code in ASSESSMENT_LABELS[kind]:
            for lang in ("es", "en"):
                assert code_label(code, lang) == assessment_label(kind, code, lang)
    assert code_label("local_tradicional", "es") == "Mipyme tradicional de mercado local"
