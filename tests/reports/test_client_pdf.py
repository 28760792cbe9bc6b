"""The client PDF, read back with pypdf: names as typed, scores, recommendations, page x of y."""

from __future__ import annotations

import re

import pytest

from desktop.reports.client.benchmark_view import exporting_firms_view
from desktop.reports.client.pdf import render_client_report
from desktop.reports.text import PLACEHOLDER
from desktop.reports.fonts import SYMBOLS
from tests.reports.conftest import pdf_pages, squash
from tests.reports.examples import CUADRO_8, CUADRO_8_SOURCE, HOSTILE, HOSTILE_NAME
from tests.reports.test_client_data import build


def render(lang="es", **overrides):
    bench = exporting_firms_view(CUADRO_8, size_class="pequena", exports=True, source=CUADRO_8_SOURCE, lang=lang)
    return pdf_pages(render_client_report(build(lang, benchmark=bench, **overrides)))


@pytest.fixture(scope="module")
def spanish():
    return render("es")


@pytest.fixture(scope="module")
def english():
    return render("en")


def test_every_page_says_page_x_of_y(spanish, english):
    assert len(spanish) >= 4
    for number, text in enumerate(spanish, start=1):
        assert f"Página {number} de {len(spanish)}" in text
    for number, text in enumerate(english, start=1):
        assert f"Page {number} of {len(english)}" in text


def test_spanish_report_has_name_scores_and_recommendations(spanish):
    text = squash(" ".join(spanish))
    assert "Panadería La Espiga, S.A. de C.V." in text
    assert "Informe de preparación para internacionalizar" in squash(spanish[0])
    assert "José Pérez" in squash(spanish[0]) and "5 de noviembre de 2025" in squash(spanish[0])
    for expected in ("56,4", "En desarrollo", "72,5", "sin datos suficientes", "Pequeña empresa",
                     "Crédito para formalizarse", "Porque la brecha en Crédito para formalizarse es grande.",
                     "Programa <Exporta> & Crece", "Primeros pasos sugeridos", "Contratar el diagnóstico.",
                     "Avance desde la evaluación anterior", "+15,4", "Contexto regional", "18,8", "50,2",
                     "CEPAL (2013), Cuadro 8", "Diagnóstico de preparación para la internacionalización, versión 1.0.0",
                     "Normativa aplicada: Definición de mipyme de El Salvador (CEPAL, Cuadro 1), versión 1",
                     "Identificadores: rumbo-preparacion 1.0.0 · cepal-cuadro1-sv 1 · rumbo-instrumentos 1.0.0", "34,5",
                     "Firmas",
                     "Asesor(a): José Pérez", "Marta Ayala"):
        assert expected in text, expected


def test_english_report(english):
    text = squash(" ".join(english))
    for expected in ("Internationalization readiness report", "November 5, 2025", "Readiness index", "56.4",
                     "Developing", "Small firm", "Credit to formalise", "Because the gap in Credit to formalise",
                     "Progress since the previous assessment", "+15.4", "Eastern Europe", "Methods",
                     "Answers backed by a document", "34.5%", "Signatures",
                     "Rules applied: MSME definition of El Salvador (ECLAC, Table 1), version 1",
                     "Internationalization readiness assessment, version 1.0.0"):
        assert expected in text, expected
    assert "Página" not in text and "Fortalezas" not in text
    assert text.count("cepal-cuadro1-sv") == 1  # only on the identifiers line


def test_profile_page_says_the_money_unit_once(spanish, english):
    profile = squash(spanish[1])
    assert profile.count("Montos y topes en dólares de EE. UU. (unidades, no miles).") == 1
    assert "miles de dólares" not in squash(" ".join(spanish))
    assert "Amounts and ceilings in US dollars (whole dollars, not thousands)." in squash(english[1])
    assert "thousands of US dollars" not in squash(" ".join(english))


def test_ids_appear_only_on_the_identifiers_line(spanish):
    lines = [line for page in spanish for line in page.splitlines()]
    assert [line for line in lines if "cepal-cuadro1-sv" in line or "rumbo-preparacion" in line] == [
        "Identificadores: rumbo-preparacion 1.0.0 · cepal-cuadro1-sv 1 · rumbo-instrumentos 1.0.0"]


def test_methods_page_names_the_program_version(spanish, english):
    from desktop.version import app_version

    assert f"Programa Rumbo versión {app_version()}" in squash(spanish[-1])
    assert f"Software Rumbo version {app_version()}" in squash(english[-1])


def test_hostile_firm_name_prints_as_typed():
    from desktop.reports.client.data import build_client_report
    from tests.reports.examples import CLASSIFICATION, RESULT, TODAY

    data = build_client_report(HOSTILE, CLASSIFICATION, result=RESULT, lang="es", today=TODAY,
                               adviser_name="<script>&amp;")
    pages = pdf_pages(render_client_report(data))
    assert HOSTILE_NAME in squash(pages[0])
    assert PLACEHOLDER not in " ".join(pages)
    assert all(HOSTILE_NAME in page for page in pages)  # the footer carries it on every page
    text = squash(" ".join(pages))
    assert "<b>no es negrita</b> & co" in text
    assert "Ñandú O'Brien <dueño>" in text
    assert "<script>&amp;" in text


def test_profile_only_report_without_assessment():
    pages = render(result=None, recommendations=(), previous=None, comparison=None)
    text = squash(" ".join(pages))
    assert "Esta empresa aún no tiene una evaluación completada" in text
    assert "Pequeña empresa" in text
    assert "Resumen de preparación" not in text and "Primeros pasos sugeridos" not in text
    assert re.search(r"Página 1 de \d", pages[0])


def test_pdf_metadata_names_the_firm():
    import io

    from pypdf import PdfReader

    pdf = render_client_report(build())
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title == "Informe de preparación para internacionalizar — Panadería La Espiga, S.A. de C.V."
    assert meta.author == "José Pérez"


def test_emoji_in_a_firm_name_prints_in_the_symbol_font_on_cover_profile_and_footers():
    import io

    from pypdf import PdfReader

    from desktop.reports.client.data import build_client_report
    from tests.reports.examples import CLASSIFICATION, RESULT, TODAY

    name = "<b>&Café 😀 🏭</b>"
    firm = dict(HOSTILE, legal_name=name, trade_name="Dulces ☕ y ✂ 🏭")
    pdf = render_client_report(build_client_report(firm, CLASSIFICATION, result=RESULT, lang="es", today=TODAY))
    pages = pdf_pages(pdf)
    assert name in squash(pages[0])  # the cover, markup characters as typed
    assert "Dulces ☕ y ✂ 🏭" in squash(pages[0])
    assert name in squash(pages[1])  # the profile page's table
    assert all(name in page for page in pages)  # every footer
    assert PLACEHOLDER not in " ".join(pages)
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages[:2]:
        fonts = [str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()]
        assert any(f.endswith("+Symbola") for f in fonts), fonts
    assert reader.metadata.title.endswith(name)
