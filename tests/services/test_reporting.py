"""The reporting service against a real database: one report, profile-only, batches."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from desktop.domain.errors import UserError
from desktop.services.reporting import (
    build_report_data,
    client_report_pdf,
    report_filename,
    write_all_reports,
    write_client_report,
)
from tests.reports.conftest import pdf_pages, squash
from tests.reports.db_examples import populate
from tests.reports.examples import HOSTILE_NAME

TODAY = dt.date(2025, 11, 5)


@pytest.fixture
def ids(fresh_db):
    return populate(fresh_db)


def test_report_data_from_the_database(fresh_db, ids):
    data = build_report_data(fresh_db, ids["espiga"], today=TODAY)
    assert data.firm_name == "Panadería La Espiga, S.A. de C.V."
    assert data.adviser_name == "José Pérez"
    assert data.centre.name == "CDMYPE Universidad Católica"
    assert data.classification.size_class == "pequena"
    assert str(data.readiness.index) == "56.4"
    assert data.progress is not None and str(data.progress.index_delta) == "15.4"
    assert data.recommendations, "the catalogue should recommend something for these gaps"
    assert 3 <= len(data.action_plan) <= 5
    assert data.context.highlight == 0 and data.context.source.startswith("CEPAL")
    assert data.methods.questionnaire == "Diagnóstico de preparación para la internacionalización, versión 1.0.0"
    assert data.methods.catalog == "Catálogo de instrumentos de apoyo, versión 3.0.0"
    assert data.methods.identifiers.startswith("rumbo-preparacion 1.0.0 · cepal-cuadro1-")


def test_report_by_tax_id_in_english(fresh_db, ids):
    pages = pdf_pages(client_report_pdf(fresh_db, "06141203961019", lang="en", today=TODAY))
    text = squash(" ".join(pages))
    assert "Panadería La Espiga, S.A. de C.V." in text and "Readiness index" in text
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_single_assessment_has_no_progress_section(fresh_db, ids):
    data = build_report_data(fresh_db, ids["hostile"], today=TODAY)
    assert data.firm_name == HOSTILE_NAME and data.progress is None


def test_firm_without_assessment_prints_profile_only(fresh_db, ids, tmp_path):
    data = write_client_report(fresh_db, ids["bare"], tmp_path / "bare.pdf", today=TODAY)
    assert data.readiness is None and data.notice
    text = squash(" ".join(pdf_pages((tmp_path / "bare.pdf").read_bytes())))
    assert "Taller Sin Evaluar" in text and "aún no tiene una evaluación completada" in text


def test_unknown_firm_and_bad_folder_write_nothing(fresh_db, ids, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError, match="No hay ninguna empresa"):
        write_client_report(fresh_db, "no-such-firm", out / "x.pdf")
    with pytest.raises(UserError, match="no existe"):
        write_client_report(fresh_db, ids["espiga"], out / "missing" / "x.pdf")
    with pytest.raises(UserError, match="es una carpeta"):
        write_client_report(fresh_db, ids["espiga"], out)
    assert list(out.iterdir()) == []


def test_report_filename_is_portable():
    assert report_filename({"legal_name": HOSTILE_NAME, "id": "0190a0b0-0000-7000-8000-000000000002"}) == \
        "cafe-panaderia-la-n-u-00000002.pdf"
    assert report_filename({"legal_name": "😀", "id": "abc"}) == "empresa-abc.pdf"


def test_batch_writes_every_firm_with_progress(fresh_db, ids, tmp_path):
    seen = []
    result = write_all_reports(fresh_db.path, tmp_path / "out", progress=lambda d, t: seen.append((d, t)),
                               executor_factory=lambda: ThreadPoolExecutor(1), today=TODAY)
    assert result.total == 3 and not result.failed and not result.cancelled
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in result.written)
    assert len(result.written) == 3
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    for path in result.written:
        assert pdf_pages(path.read_bytes())


def test_batch_cancel_stops_after_the_running_chunk(fresh_db, ids, tmp_path, monkeypatch):
    import desktop.services.reporting as reporting

    monkeypatch.setattr(reporting, "CHUNK_SIZE", 1)
    result = write_all_reports(fresh_db.path, tmp_path / "out", cancel=lambda: True,
                               executor_factory=lambda: ThreadPoolExecutor(1), today=TODAY)
    assert result.cancelled
    assert 1 <= len(result.written) < 3
    assert len(list((tmp_path / "out").glob("*.pdf"))) == len(result.written)
    assert not list((tmp_path / "out").glob(".rumbo-*"))


def test_batch_with_the_real_process_pool(fresh_db, ids, tmp_path):
    result = write_all_reports(fresh_db.path, tmp_path / "out", today=TODAY)
    assert len(result.written) == 3 and not result.failed


def test_batch_on_a_thread_pool_with_several_threads(tmp_path):
    """Each worker thread opens its own connection (SQLite forbids sharing one)."""
    from concurrent.futures import ThreadPoolExecutor

    from desktop.services.registry.firms import register_firm
    from desktop.services.reporting import write_all_reports
    from desktop.services.storage import open_database

    db_path = tmp_path / "rumbo.db"
    with open_database(db_path) as storage:
        for n in range(45):
            register_firm(storage, {"legal_name": f"Empresa {n}", "country": "SV"}, None)
    for _ in range(2):  # a second batch runs on new threads of a new pool
        result = write_all_reports(db_path, tmp_path / "out", executor_factory=lambda: ThreadPoolExecutor(3))
        assert not result.failed
        assert len(result.written) == 45


def test_reports_follow_the_umask_and_bundles_stay_private(tmp_path):
    import os
    import stat

    from desktop.services import sync
    from desktop.services.registry.firms import register_firm
    from desktop.services.reporting import write_client_report
    from desktop.services.storage import open_database
    from tests.sync.conftest import give_a_centre

    old = os.umask(0o022)
    try:
        with open_database(tmp_path / "r.db") as storage:
            firm = register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
            write_client_report(storage, firm["id"], tmp_path / "informe.pdf")
            give_a_centre(storage, tmp_path)
            sync.export_bundle(storage, tmp_path / "p.rumbo")
    finally:
        os.umask(old)
    # A report is a document for the client; a bundle carries every client's data (issue 19).
    assert stat.S_IMODE((tmp_path / "informe.pdf").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "p.rumbo").stat().st_mode) == 0o600
