"""Import, classification, scoring, reports and the dashboard."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_common import SEED, Measure, median_ms


def import_csv(folder: Path, rows: int = 100_000) -> Path:
    """A CSV of ``rows`` demo firms, as the export writes it (made once, then cached)."""
    path = folder / f"import-{rows}-seed{SEED + 1}.csv"
    if path.exists():
        return path
    from desktop.services.demo import make_demo
    from desktop.services.registry.exporting import export_firms
    from desktop.services.storage import open_database

    with tempfile.TemporaryDirectory() as temp:
        with open_database(Path(temp) / "src.db") as storage:
            make_demo(storage, rows, seed=SEED + 1, assessments=False)
            export_firms(storage, path)
    return path


def measure_import(folder: Path, rows: int = 100_000, repeat: int = 1) -> list[Measure]:
    """CSV import of ``rows`` firms into an empty database, end to end (read, check, dedupe, store)."""
    from desktop.services.registry.importing import import_file
    from desktop.services.storage import open_database

    csv_path = import_csv(folder, rows)
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as temp:
            with open_database(Path(temp) / "new.db") as storage:
                start = time.perf_counter()
                summary = import_file(storage, csv_path, None)
                runs.append((time.perf_counter() - start) * 1000)
                assert summary.accepted == rows, summary.text()
    runs.sort()
    return [Measure(f"CSV import of {rows:,} rows", runs[len(runs) // 2], budget=5000, runs=runs)]


def measure_engines(sample: int = 5000) -> list[Measure]:
    """Classification and scoring throughput (per second), on demo firms and demo answers."""
    from desktop.domain.assessment import score
    from desktop.domain.demo.answers import demo_answers, initial_readiness
    from desktop.services.assessments import firm_context, questionnaire
    from desktop.services.demo import demo_rows
    from desktop.services.registry.fields import size_class_of

    rows = demo_rows(sample, SEED + 2, None)
    start = time.perf_counter()
    for row in rows:
        size_class_of(row)
    classify_rate = len(rows) / (time.perf_counter() - start)
    q = questionnaire()
    cases = []
    for i, row in enumerate(rows[:1000]):
        context = firm_context(row)
        rng = random.Random(i)
        cases.append((demo_answers(q, context, rng, initial_readiness(context, rng)), context))
    start = time.perf_counter()
    for answers, context in cases:
        score(q, answers, context)
    score_rate = len(cases) / (time.perf_counter() - start)
    return [Measure("Classification throughput", classify_rate, unit="/s", note="size_class_of on demo firms"),
            Measure("Scoring throughput", score_rate, unit="/s", note="score() on demo answer sets")]


def assessed_firm_ids(storage, limit: int) -> list[str]:
    return [r[0] for r in storage.conn.execute(
        "SELECT DISTINCT firm_id FROM assessments WHERE status = 'completed' ORDER BY firm_id LIMIT ?", (limit,))]


def measure_reports(storage, db_path: Path, batch: int = 1000, repeat: int = 5) -> list[Measure]:
    """One client report PDF, and a batch written by the background writer."""
    from desktop.services.reporting import client_report_pdf, write_all_reports

    ids = assessed_firm_ids(storage, batch)
    one, runs = median_ms(lambda: client_report_pdf(storage, ids[0]), repeat)
    with tempfile.TemporaryDirectory() as temp:
        start = time.perf_counter()
        result = write_all_reports(db_path, temp, firm_ids=ids)
        batch_ms = (time.perf_counter() - start) * 1000
    return [
        Measure("One client report (PDF)", one, budget=150, runs=runs),
        Measure(f"Batch of {len(ids):,} client reports", batch_ms, budget=60_000,
                note=f"write_all_reports, default worker pool; {len(result.written)} written, {len(result.failed)} failed"),
    ]


def measure_dashboard(storage, repeat: int = 3) -> list[Measure]:
    from desktop.services.dashboard import build_dashboard

    value, runs = median_ms(lambda: build_dashboard(storage), repeat)
    return [Measure("Dashboard (Tablero) build", value, runs=runs, note="every chart of the default view")]


def measure_duplicates(storage, repeat: int = 3) -> list[Measure]:
    """Empresas → "Posibles duplicados" over the whole registry (blocked on tax id and place/name)."""
    from desktop.services.registry.duplicates import possible_duplicates

    found: list = []
    ms, runs = median_ms(lambda: found.append(len(possible_duplicates(storage))), repeat=repeat, warmup=0)
    return [Measure("Possible duplicates over the whole registry", ms, budget=5000, runs=runs,
                    note=f"{found[-1]:,} pairs found")]
