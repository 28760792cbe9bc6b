"""Portfolio report: aggregate queries, the pure data builder and the PDF text."""

from __future__ import annotations

import datetime as dt

import pytest

from db.queries import reports as q
from desktop.reports.portfolio.data import PortfolioFigures, build_portfolio_report, sector_label
from desktop.services.reporting import portfolio_figures, portfolio_report_pdf
from desktop.services.storage import open_database
from tests.reports.conftest import pdf_pages, squash
from tests.reports.db_examples import populate
from tests.reports.examples import HOSTILE_NAME

TODAY = dt.date(2025, 11, 5)


@pytest.fixture
def storage(tmp_path):
    with open_database(tmp_path / "rumbo.db") as st:
        st.ids = populate(st)
        yield st


def test_aggregates_count_firms_and_latest_assessments(storage):
    fig = portfolio_figures(storage)
    assert fig.totals == {"firms": 3, "assessed": 2, "assessments": 3, "mean_index": pytest.approx(56.4)}
    assert fig.by_size == [("pequena", 2), ("micro", 1)]
    assert fig.by_country == [("SV", 2), ("GT", 1)]
    assert fig.by_sector == [("10", 2), (None, 1)]
    assert fig.by_band == [("en_desarrollo", 2)]
    assert fig.by_stage == [("occasional_direct", 2)]
    # Latest assessments only: formalidad 30 and calidad 40 are under 50 for both firms.
    assert [(g[0], g[3]) for g in fig.gaps] == [("calidad", 2), ("formalidad", 2)]
    assert [r[3] for r in fig.adviser_months] == [3]
    assert [r["legal_name"] for r in fig.firms] == [HOSTILE_NAME, "Panadería La Espiga, S.A. de C.V.",
                                                    "Taller Sin Evaluar"]


def test_filters_by_adviser_and_period(storage):
    nobody = q.PortfolioFilter(adviser_ids=("someone-else",))
    assert q.totals(storage, nobody)["firms"] == 0
    mine = q.PortfolioFilter(adviser_ids=(storage.ids["adviser"],))
    assert q.totals(storage, mine)["firms"] == 2  # the unassigned firm is left out
    past = q.PortfolioFilter(start=dt.date(2000, 1, 1), end=dt.date(2000, 12, 31))
    assert q.totals(storage, past)["assessments"] == 0
    assert q.latest_by(storage, past, "band") == []


def test_builder_words_the_figures():
    fig = PortfolioFigures(
        totals={"firms": 12, "assessed": 5, "assessments": 7, "mean_index": 48.25},
        by_size=[("micro", 9), (None, 3)], by_sector=[("10", 4), ("C", 2), ("47", 1)],
        by_country=[("SV", 12)], by_department=[(f"D{i}", 1) for i in range(12)],
        gaps=[("finanzas", "Capacidad financiera", "Financial capacity", 4)],
        adviser_months=[("a1", "Ana", "2025-03", 2)],
    )
    data = build_portfolio_report(fig, lang="es", today=TODAY, start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30))
    assert data.period == "1 de enero de 2025 – 30 de junio de 2025"
    assert data.totals[3] == ("Índice promedio", "48,3")  # half up, like the scoring
    charts = {c.title: c.items for c in data.charts}
    assert charts["Empresas por tamaño"] == (("Microempresa", 9), ("Sin datos", 3))
    assert charts["Empresas por sector (sección CIIU)"] == (("C · Industrias manufactureras", 6),
                                                            ("G · Comercio; reparación de vehículos", 1))
    assert len(charts["Empresas por departamento"]) == 10
    assert charts["Empresas por departamento"][-1] == ("Otros", 3)
    assert data.adviser_months == (("Ana", "mar 2025", 2),)
    english = build_portfolio_report(fig, lang="en", today=TODAY)
    assert english.period == "all time" and english.charts[6].items == (("Financial capacity", 4),)
    assert sector_label("99", "en") == "U · Extraterritorial organizations"


def test_portfolio_pdf_text(storage):
    pages = pdf_pages(portfolio_report_pdf(storage, today=TODAY))
    text = squash(" ".join(pages))
    for expected in ("Informe de cartera", "Empresas por tamaño", "Pequeña empresa", "Brechas más frecuentes",
                     "Calidad y normas", "José Pérez", "Taller Sin Evaluar", HOSTILE_NAME, "56,4"):
        assert expected in text, expected
    assert f"Página {len(pages)} de {len(pages)}" in pages[-1]
    english = squash(" ".join(pdf_pages(portfolio_report_pdf(storage, lang="en", today=TODAY))))
    assert "Portfolio report" in english and "Firms by size" in english


def test_period_backwards_is_refused(storage):
    from desktop.domain.errors import UserError

    with pytest.raises(UserError, match="termina antes de empezar"):
        portfolio_report_pdf(storage, start=dt.date(2025, 2, 1), end=dt.date(2025, 1, 1))
