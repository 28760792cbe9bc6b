"""Printing client reports: one firm to a PDF, or every firm to a folder.

The GUI and the CLI call these. One report: load the firm, its latest completed
assessment and the one before, the centre's settings and the adviser, build the
report data (:mod:`desktop.reports.client.data`) and render it. A batch spreads
the firms over a process pool (two workers by default: field laptops have two
cores, and ReportLab is pure Python so threads would not help), reports
progress after each chunk and stops cleanly when asked to cancel.

Files are written to a temporary name and renamed into place, so a failure or
a cancel never leaves a half-written PDF behind.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from db import advisers as advisers_repo
from db import assessments as assessments_repo
from db import settings as settings_repo
from db.connection import Storage
from desktop.domain.assessment import (
    AssessmentResult,
    advice_notes,
    compare,
    recommend,
    result_from_dict,
    shipped_questionnaire,
    why_internationalize,
)
from desktop.domain.errors import UserError
from desktop.domain.sizing import FirmFigures, classify
from desktop.reports.client.data import Centre, ClientReport, build_client_report
from desktop.reports.client.pdf import render_client_report
from desktop.services import advisory, programmes
from desktop.services.assessments import advice_firm, advice_year
from desktop.services.registry.firms import find_firm

log = logging.getLogger(__name__)

# Business settings the report reads (stored in the database, see db.settings).
SETTING_CENTRE_NAME = "centre_name"
SETTING_CENTRE_LOGO = "centre_logo"
SETTING_PAGE_SIZE = "report_page_size"

BATCH_WORKERS = 2
CHUNK_SIZE = 20  # firms per task: large enough to amortise opening the database

ProgressCallback = Callable[[int, int], None]  # (done, total)


# --- one report ------------------------------------------------------------


def _classification(firm: dict):
    """Classify the firm from its stored figures (the engine is fast and deterministic)."""
    try:
        return classify(firm["country"], FirmFigures(
            employees=firm.get("employees"), sales_usd=firm.get("sales_usd"),
            assets_usd=firm.get("assets_usd"), exports_usd=firm.get("exports_usd"),
            sector=firm.get("sector_isic") or None,
        ))
    except UserError:
        return None  # an unsupported country prints as "sin clasificar"


def _completed(storage: Storage, firm_id: str) -> list[dict]:
    """The firm's completed assessments with a stored result, latest first."""
    rows = [a for a in assessments_repo.assessments_of(storage, firm_id)
            if a["status"] == "completed" and a.get("result")]
    return sorted(rows, key=lambda a: (a["completed_at"] or "", a["id"]), reverse=True)


def _result(row: dict) -> AssessmentResult:
    data = row["result"]
    if isinstance(data, str):
        import json

        data = json.loads(data)
    return result_from_dict(data)


def _benchmark(size_class: str | None, exports: bool | None, lang: str):
    """Cuadro 8 worded for the firm, or None when the benchmark tables are not available."""
    from desktop.reports.client.benchmark_source import exporting_firms_for

    return exporting_firms_for(size_class, exports, lang)


def build_report_data(storage: Storage, firm_ref: str, *, lang: str = "es",
                      today: dt.date | None = None) -> ClientReport:
    """Gather everything the client report of one firm needs and build its data.

    Args:
        storage: the open database.
        firm_ref: the firm's id or tax id.
        lang: "es" (default) or "en".
        today: the report date (defaults to today).

    Raises:
        UserError: no live firm has that id or tax id.
    """
    firm = find_firm(storage, firm_ref)
    classification = _classification(firm)
    from desktop.services.sizing import firm_sizes  # sizing reaches the registry's fields
    sizes = firm_sizes(storage, firm)
    done = _completed(storage, firm["id"])
    result = previous = comparison = None
    recommendations: list = []
    notes: tuple = ()
    why: tuple = ()
    actions, from_plan, directory = [], False, {}
    if done:
        result = _result(done[0])
        year = advice_year(done[0])
        context = advice_firm(result, firm)
        recommendations = recommend(result, context, catalog=_catalog(), year=year)
        notes = advice_notes(result, context, _catalog())
        why = why_internationalize(result, context, _catalog(), year=year)
        # Page 1's actions (the plan's, or what a plan would hold) and today's programmes (issue 39).
        actions, from_plan = advisory.summary_actions(storage, firm["id"], recommendations, lang)
        directory = programmes.report_programmes(storage, firm, result, recommendations, context, today, year)
    if len(done) > 1:
        previous = _result(done[1])
        comparison = compare(previous, result)
    adviser_id = (done[0].get("adviser_id") if done else None) or firm.get("adviser_id")
    adviser = advisers_repo.get_adviser(storage, adviser_id) if adviser_id else None
    centre_name = settings_repo.get_setting(storage, SETTING_CENTRE_NAME) or (adviser or {}).get("centre") or ""
    logo = settings_repo.get_setting(storage, SETTING_CENTRE_LOGO)
    size_class = classification.size_class if classification is not None else firm.get("size_class")
    exports = None
    if result is not None and result.stage.code:
        exports = result.stage.code != "local_only"
    elif firm.get("exports_usd") is not None:
        exports = firm["exports_usd"] > 0
    questionnaire = _questionnaire(result)
    return build_client_report(
        firm, classification, result=result, recommendations=recommendations, previous=previous,
        comparison=comparison,
        previous_date=done[1]["completed_at"] if len(done) > 1 else None,
        assessment_date=done[0]["completed_at"] if done else None,
        benchmark=_benchmark(size_class, exports, lang),
        centre=Centre(name=str(centre_name), logo_path=str(logo) if logo else None, country=firm.get("country"),
                      contacts=programmes.whom_to_ask(storage).people),
        adviser_name=(adviser or {}).get("name") or "",
        lang=lang, today=today,
        band_cutoffs=_band_cutoffs(result, questionnaire),
        coverage_threshold=(questionnaire.coverage_threshold * 100) if questionnaire else Decimal(50),
        rationale=questionnaire.rationale if questionnaire else {},
        differentiation=_catalog().differentiation,
        facts=_facts(firm, size_class),
        questionnaire_title=questionnaire.title if questionnaire else None,
        catalog_title=_catalog_title(),
        law=sizes.law,
        law_difference=sizes.differences(lang),
        notes=notes, why=why, catalog_ref=(_catalog().id, _catalog().version),
        actions=actions, actions_from_plan=from_plan, directory=directory,
    )


def _facts(firm: dict, size_class: str | None) -> list:
    """The study's figures that fit this firm (empty when the benchmark file cannot be read)."""
    from desktop.domain.assessment.stage import sector_type_for_isic
    from desktop.domain.errors import DataFileError

    try:
        return _benchmarks().facts_for(firm.get("country"), size_class, sector_type_for_isic(firm.get("sector_isic")),
                                       isic=firm.get("sector_isic"))
    except DataFileError:
        return []


@lru_cache(maxsize=1)
def _benchmarks():
    from desktop.domain.assessment.benchmarks import load_benchmarks

    return load_benchmarks()


def _band_cutoffs(result: AssessmentResult | None, questionnaire):
    """The bands the result was computed with (a centre may have moved them), else the questionnaire's."""
    if result is not None and result.parameters.get("bands"):
        return tuple((k, Decimal(v)) for k, v in result.parameters["bands"].items())
    return questionnaire.band_cutoffs if questionnaire else ()


@lru_cache(maxsize=1)
def _catalog():
    """The shipped instrument catalogue, parsed once per process (a batch prints thousands)."""
    from desktop.domain.assessment.catalog import load_catalog

    return load_catalog()


@lru_cache(maxsize=1)
def _catalog_title():
    """The shipped catalogue's title ("Catálogo de instrumentos de apoyo"), for the methods page."""
    from desktop.domain.assessment.catalog import DEFAULT_PATH
    from desktop.domain.datafiles import read_json
    from desktop.domain.text import Text
    from desktop.resources import resource_path

    title = read_json(resource_path(*DEFAULT_PATH)).get("title") or {}
    return Text(title["es"], title["en"]) if title.get("es") and title.get("en") else None


@lru_cache(maxsize=1)
def _shipped_questionnaire():
    from desktop.domain.assessment.questionnaire import load_questionnaire

    return load_questionnaire()


def _questionnaire(result: AssessmentResult | None):
    """The shipped questionnaire, unless the result was scored with another one."""
    q = _shipped_questionnaire()
    if result is None:
        return q
    if q.id != result.questionnaire_id:
        return None
    return shipped_questionnaire(result.questionnaire_version) or q


def client_report(storage: Storage, firm_ref: str, *, lang: str = "es",
                  today: dt.date | None = None) -> tuple[ClientReport, bytes]:
    """The client report of one firm: its data and its PDF bytes (see :func:`build_report_data`)."""
    data = build_report_data(storage, firm_ref, lang=lang, today=today)
    page_size = settings_repo.get_setting(storage, SETTING_PAGE_SIZE) or "letter"
    return data, render_client_report(data, page_size=str(page_size))


def client_report_pdf(storage: Storage, firm_ref: str, *, lang: str = "es", today: dt.date | None = None) -> bytes:
    """The client report of one firm as PDF bytes."""
    return client_report(storage, firm_ref, lang=lang, today=today)[1]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".rumbo-", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a report is an ordinary document.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_client_report(storage: Storage, firm_ref: str, out_path: str | Path, *, lang: str = "es",
                        today: dt.date | None = None) -> ClientReport:
    """Render one firm's report and write it to ``out_path``.

    Returns:
        The report's data (its ``notice`` says when it is a profile-only report).

    Raises:
        UserError: unknown firm, or the folder of ``out_path`` does not exist or
            cannot be written (nothing is left behind).
    """
    out = Path(out_path)
    if not out.parent.is_dir():
        raise UserError(f"La carpeta «{out.parent}» no existe.", field="output")
    if out.is_dir():
        raise UserError(f"«{out}» es una carpeta; indique el nombre del archivo PDF.", field="output")
    data, pdf = client_report(storage, firm_ref, lang=lang, today=today)
    try:
        write_atomically(out, pdf)
    except OSError as exc:
        raise UserError(f"No se pudo escribir el informe en «{out}»: {exc.strerror or exc}.", field="output") from None
    log.info("Informe de la empresa %s escrito en %s (%s)", data.firm_id, out, lang)
    return data


# --- batches ---------------------------------------------------------------


def report_filename(firm: dict) -> str:
    """A portable file name for a firm's report: ascii slug of the name + short id."""
    name = unicodedata.normalize("NFKD", str(firm.get("legal_name") or "empresa"))
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name.encode("ascii", "ignore").decode()).strip("-").lower()[:60]
    return f"{slug or 'empresa'}-{str(firm['id'])[-8:]}.pdf"


@dataclass
class BatchResult:
    """What a batch did: files written, failures (firm id -> sentence), whether it was cancelled."""

    written: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    cancelled: bool = False
    total: int = 0


# One open database per (file, thread): a pool process reuses its connection
# across tasks, and SQLite connections must never cross threads (a thread pool
# executor, used by tests and possible in the GUI, runs tasks on several).
_worker_storage: dict[tuple[str, int], Storage] = {}


def render_chunk(db_path: str, jobs: list[tuple[str, str]], lang: str, today: dt.date | None) -> list[tuple[str, str | None, str | None]]:
    """Worker task: render ``jobs`` ((firm id, output path), ...) from the database at ``db_path``.

    Runs in a pool process, which opens its own connection once and keeps it.

    Returns:
        (firm id, written path or None, error sentence or None) for each job.
    """
    key = (db_path, threading.get_ident())
    storage = _worker_storage.get(key)
    if storage is None:
        from desktop.services.storage import open_database

        storage = _worker_storage[key] = open_database(db_path)
    out = []
    for firm_id, path in jobs:
        try:
            write_client_report(storage, firm_id, path, lang=lang, today=today)
            out.append((firm_id, path, None))
        except UserError as exc:
            out.append((firm_id, None, exc.message))
    return out


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def write_all_reports(db_path: str | Path, folder: str | Path, *, lang: str = "es",
                      firm_ids: list[str] | None = None,
                      progress: ProgressCallback | None = None,
                      cancel: Callable[[], bool] | None = None,
                      executor_factory: Callable[[], Executor] | None = None,
                      today: dt.date | None = None) -> BatchResult:
    """Write the client report of every live firm (or of ``firm_ids``) into ``folder``.

    Args:
        db_path: the database file (each worker process opens its own connection).
        folder: an existing folder, or one to create.
        lang: report language.
        firm_ids: the firms to print; all live firms when None.
        progress: called as ``progress(done, total)`` after each chunk, in the caller's thread.
        cancel: polled between chunks; when it returns True, pending chunks are
            dropped, and reports already written are kept.
        executor_factory: makes the pool; default a two-process ProcessPoolExecutor
            (tests pass a synchronous or thread executor).
        today: the report date.

    Raises:
        UserError: the folder cannot be created, or the database cannot be opened.
    """
    from db import firms as firms_repo
    from db.queries.reports import live_firm_names
    from desktop.services.storage import open_database

    out_dir = Path(folder)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"No se pudo crear la carpeta «{out_dir}»: {exc.strerror or exc}.", field="output") from None
    with open_database(db_path) as storage:
        if firm_ids is None:
            firms = live_firm_names(storage)
        else:
            firms = [f for f in (firms_repo.get_firm(storage, i, include_deleted=False) for i in firm_ids) if f]
    jobs = [(f["id"], str(out_dir / report_filename(f))) for f in firms]
    result = BatchResult(total=len(jobs))
    if progress:
        progress(0, len(jobs))
    if not jobs:
        return result
    factory = executor_factory or (lambda: _default_executor(db_path))
    done = 0
    executor = factory()
    try:
        pending = {executor.submit(render_chunk, str(db_path), chunk, lang, today): chunk
                   for chunk in _chunks(jobs, CHUNK_SIZE)}
        collected = set()
        for future in as_completed(pending):
            _collect(future, result)
            collected.add(future)
            done += len(pending[future])
            if progress:
                progress(done, len(jobs))
            if cancel and cancel():
                result.cancelled = True
                for other in pending:
                    other.cancel()
                break
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    if result.cancelled:
        # Chunks already running when the cancel came have finished: count their files.
        for future in pending:
            if future not in collected and future.done() and not future.cancelled():
                _collect(future, result)
    return result


def _collect(future, result: BatchResult) -> None:
    for firm_id, path, error in future.result():
        if path:
            result.written.append(Path(path))
        else:
            result.failed[firm_id] = error or ""


def _default_executor(db_path: str | Path | None = None) -> Executor:
    import multiprocessing

    from db import keys

    # An encrypted database's key goes to the workers through the pool's own pipe (never a file
    # or the environment), so each opens the file as the signed-in parent does.
    key = keys.key_for(db_path) if db_path is not None else None
    # "spawn": a forked copy of a process running Qt threads can deadlock.
    return ProcessPoolExecutor(max_workers=BATCH_WORKERS, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init,
                               initargs=(str(db_path) if db_path is not None else None, key.hex() if key else None))


def _worker_init(db_path: str | None = None, key_hex: str | None = None) -> None:
    """Workers ignore Ctrl+C (the parent turns it into a clean cancel) and know the database's key."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if db_path and key_hex:
        from db import keys

        keys.remember(db_path, bytes.fromhex(key_hex))


# --- portfolio ---------------------------------------------------------------


def portfolio_figures(storage: Storage, *, start: dt.date | None = None, end: dt.date | None = None,
                      adviser_ids: tuple[str, ...] = (), firm_limit: int = 500, centre_id: str | None = None):
    """Gather the portfolio aggregates for a period and a set of advisers (empty = all).

    ``storage`` may be the centre server's portfolio (:class:`db.centre.portfolio.ServerPortfolio`),
    where ``centre_id`` keeps one centre's firms.
    """
    from db.queries import reports as q
    from desktop.reports.portfolio.data import GAP_BELOW, PortfolioFigures

    f = q.PortfolioFilter(start=start, end=end, adviser_ids=tuple(adviser_ids), centre_id=centre_id)
    firms, total = q.firm_rows(storage, f, limit=firm_limit)
    return PortfolioFigures(
        totals=q.totals(storage, f),
        by_size=q.count_by(storage, f, "size_class"),
        by_sector=q.count_by(storage, f, "sector_section"),
        by_country=q.count_by(storage, f, "country"),
        by_department=q.count_by(storage, f, "department"),
        by_band=q.latest_by(storage, f, "band"),
        by_stage=q.latest_by(storage, f, "stage"),
        gaps=q.common_gaps(storage, f, below=GAP_BELOW),
        adviser_months=q.assessments_by_adviser_month(storage, f),
        firms=firms, firms_total=total,
    )


def portfolio_report_pdf(storage: Storage, *, start: dt.date | None = None, end: dt.date | None = None,
                         adviser_ids: tuple[str, ...] = (), lang: str = "es",
                         today: dt.date | None = None, source=None, centre_id: str | None = None,
                         title: str | None = None) -> bytes:
    """The portfolio report (dashboard figures and the firm table) as PDF bytes.

    With ``source`` (the centre server's portfolio) the figures are counted there, for
    ``centre_id`` or every centre this device sees, under ``title``; the page settings stay
    this desktop's.

    Raises:
        UserError: the period ends before it starts.
    """
    from db.queries import reports as q
    from desktop.reports.portfolio.data import build_portfolio_report
    from desktop.reports.portfolio.pdf import render_portfolio_report

    if start and end and end < start:
        raise UserError("El período termina antes de empezar; revise las fechas.", field="period")
    counted = source or storage
    figures = portfolio_figures(counted, start=start, end=end, adviser_ids=adviser_ids, centre_id=centre_id)
    names = q.adviser_names(counted, list(adviser_ids))
    data = build_portfolio_report(
        figures, lang=lang, today=today, start=start, end=end,
        centre_name=title or str(settings_repo.get_setting(storage, SETTING_CENTRE_NAME) or ""),
        adviser_names=tuple(names.get(i, i) for i in adviser_ids),
    )
    page_size = settings_repo.get_setting(storage, SETTING_PAGE_SIZE) or "letter"
    return render_portfolio_report(data, page_size=str(page_size))
