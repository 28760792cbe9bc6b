"""Build the sample client reports (docs/sample-report.pdf and -en.pdf), the PNG of each Spanish page
(docs/report-page-N.png), a screenshot of the results screen's advice (docs/screenshot-results-advice.png),
and page 1 of the reports of four contrasting firms (docs/summary-page-<kind>.png: a survival micro-firm, a
supplier in a chain, an occasional exporter, an incomplete assessment; ``tests/reports/contrasting.py``).

The sample firm is written here, not drawn from the demo data (whose assessments depend on the day), so
every run prints the same report: a small Salvadoran coffee processor that sells through an exporter,
assessed twice (the answers of tests/domain/fixtures/assessment/small_indirect.json a year after a weaker
first interview), whose advice shows the three levels of support and whose "why internationalize" page
shows the risks of a firm tied to one lead firm. Its action plan was agreed with owners and dates, so page 1
shows who does what by when; the centre's directory holds one programme for it, made up for the sample (its
name says "ejemplo" and it is reached at the reserved domain example.org, never at a real phone)::

    QT_QPA_PLATFORM=offscreen python3 tools/client_sample.py
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"
ANSWERS = ROOT / "tests" / "domain" / "fixtures" / "assessment" / "small_indirect.json"
TODAY = dt.date(2026, 12, 8)
FIRM = {
    "legal_name": "Beneficio de Café Las Nubes, S.A. de C.V.", "trade_name": "Café Las Nubes", "country": "SV",
    "tax_id": "0614-290186-102-2", "sector_isic": "1079", "employees": 18, "sales_usd": 450000, "exports_usd": 0,
    "formal_registration": True, "year_founded": 2012, "owner_name": "Marta Lidia Pineda",
}
# This year's interview: the fixture's answers, with one lead firm taking most of the sales.
CHANGES = {"can.dependencia_cliente": "mas_50", "fin.solo_propios": True, "fin.garantias": False}
# A year earlier the firm was weaker: every maturity level one step lower.
EARLIER_STEP = -1
# The plan agreed after this year's interview: (owner, due date) of its first three actions.
PLAN = (("centro", "2027-01-29"), ("empresa", "2027-02-26"), ("centro", "2027-03-31"))
PROGRAMME = {"name": "Encadenamientos con empresas tractoras (ejemplo)", "institution": "Institución de ejemplo",
             "country": "SV", "instruments": ["art_desarrollo_proveedores"], "sizes": ["micro", "pequena"],
             "stages": ["indirect_exporter"], "requires_registration": True,
             "contact_name": "Coordinación de encadenamientos", "email": "encadenamientos@example.org",
             "web": "www.example.org/encadenamientos", "valid_from": "01/01/2026", "valid_to": "31/12/2027",
             "checked_on": "15/11/2026"}


@contextlib.contextmanager
def stamped(when: str):
    """Record assessments as completed at ``when`` (the sample's dates do not depend on the day it runs)."""
    import db.assessments as repo

    saved = repo.now_iso
    repo.now_iso = lambda: when
    try:
        yield
    finally:
        repo.now_iso = saved


def interviews():
    """(completion stamp, answers) of the two assessments, oldest first."""
    from desktop.domain.assessment import Answer, answers_from_json, load_questionnaire

    q = load_questionnaire()
    now = answers_from_json(json.loads(ANSWERS.read_text(encoding="utf-8"))["answers"])
    now.update({qid: Answer(value) for qid, value in CHANGES.items()})
    earlier = {}
    for qid, answer in now.items():
        question = q.question(qid)
        if answer.answered and question.type == "level":
            answer = Answer(max(0, answer.value + EARLIER_STEP), evidence=answer.evidence, note=answer.note)
        earlier[qid] = answer
    return [("2025-11-20T15:00:00.000000Z", earlier), ("2026-11-24T15:00:00.000000Z", now)]


def screenshot(storage, firm_id: str, path: Path) -> None:
    """The results screen of the firm's latest assessment, scrolled to the advice."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QScrollArea

    from desktop.gui.assessment.results import AssessmentResultsView
    from desktop.gui.shared.context import AppContext
    from desktop.gui.shared.tasks import SyncRunner
    from desktop.services import assessments

    app = QApplication.instance() or QApplication([])
    latest = [a for a in assessments.assessments_of_firm(storage, firm_id) if a["status"] == "completed"][-1]
    with tempfile.TemporaryDirectory() as temp:
        settings = QSettings(str(Path(temp) / "ui.ini"), QSettings.Format.IniFormat)
        view = AssessmentResultsView(AppContext(storage, runner=SyncRunner(), settings=settings), latest["id"])
        view.resize(1100, 760)
        view.show()
        app.processEvents()
        scroll = view.findChild(QScrollArea)
        box = view.recommendations_view.parentWidget()  # the group box around the advice
        scroll.verticalScrollBar().setValue(box.mapTo(scroll.widget(), box.rect().topLeft()).y())
        app.processEvents()
        view.grab().save(str(path))
        view.close()


def summary_pages() -> None:
    """Page 1 of each contrasting firm's report, as the owner first sees it."""
    from desktop.services import reporting
    from desktop.services.storage import open_database
    from tests.reports import contrasting

    with tempfile.TemporaryDirectory() as temp, open_database(Path(temp) / "contrasting.db") as storage:
        ids = contrasting.populate(storage)
        for kind in contrasting.KINDS:
            pdf = Path(temp) / f"{kind}.pdf"
            pdf.write_bytes(reporting.client_report_pdf(storage, ids[kind], today=contrasting.TODAY))
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(DOCS / f"summary-page-{kind}")], check=True)


def main() -> int:
    from desktop.services import advisory, profile, programmes, reporting
    from desktop.services.advisers import create_adviser
    from desktop.services.assessment_entry import record_assessment
    from desktop.services.registry.firms import register_firm
    from desktop.services.storage import open_database

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as temp, open_database(Path(temp) / "sample.db") as storage:
        adviser = create_adviser(storage, {"name": "Asesora de demostración", "centre": "Centro de demostración Rumbo"})
        profile.save_settings(storage, {"centre_name": "Centro de demostración Rumbo"}, None)
        firm = register_firm(storage, dict(FIRM, adviser_id=adviser["id"]), None)
        for stamp, answers in interviews():
            with stamped(stamp):
                assessment, _ = record_assessment(storage, firm["id"], answers, adviser["id"])
        items = advisory.make_plan(storage, assessment["id"], adviser["id"])
        for item, (owner, due) in zip(items, PLAN, strict=False):  # the plan has more items than dates
            advisory.update_plan_item(storage, item["id"], {"owner": owner, "due_on": due}, adviser["id"])
        programmes.add_programme(storage, PROGRAMME, adviser["id"], today=TODAY)
        for lang, name in (("es", "sample-report.pdf"), ("en", "sample-report-en.pdf")):
            (DOCS / name).write_bytes(reporting.client_report_pdf(storage, firm["id"], lang=lang, today=TODAY))
        screenshot(storage, firm["id"], DOCS / "screenshot-results-advice.png")
    for old in DOCS.glob("report-page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(DOCS / "sample-report.pdf"), str(DOCS / "report-page")],
                   check=True)
    for page in DOCS.glob("report-page-*.png"):  # pdftoppm pads page numbers ("01") past nine pages
        page.rename(page.with_name(f"report-page-{int(page.stem.rsplit('-', 1)[1])}.png"))
    summary_pages()
    pages = len(list(DOCS.glob("report-page-*.png")))
    print(f"docs/sample-report.pdf ({pages} páginas), sample-report-en.pdf, report-page-1…{pages}.png, "
          "screenshot-results-advice.png y summary-page-*.png escritos")
    return 0


if __name__ == "__main__":
    sys.exit(main())
