"""Build the sample client reports (docs/sample-report.pdf and -en.pdf) from demo data, the PNG of each
Spanish page (docs/report-page-N.png) and a screenshot of the results screen's advice
(docs/screenshot-results-advice.png).

The sample firm is the first small or medium demo firm (by name), founded four years ago or more, with at
least two completed assessments whose latest advice shows the most levels of support and a "why
internationalize" page with a risk, preferring El Salvador (demo assessments depend on the day, so
the firm may change from one run to the next)::

    QT_QPA_PLATFORM=offscreen python3 tools/client_sample.py
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"
DEMO_FIRMS = 400


def pick_firm(storage) -> str:
    """The id of the demo firm the sample shows (see the module docstring)."""
    from desktop.services import reporting

    rows = storage.conn.execute(
        "SELECT f.id, f.country FROM firms f JOIN assessments a ON a.firm_id = f.id AND a.status = 'completed' "
        "AND a.deleted_at IS NULL WHERE f.deleted_at IS NULL AND f.size_class IN ('pequena', 'mediana') "
        "AND f.year_founded <= ? GROUP BY f.id HAVING count(a.id) >= 2 "
        "ORDER BY f.country != 'SV', f.legal_name", (dt.date.today().year - 4,)).fetchall()
    best = None
    for n, (firm_id, country) in enumerate(rows):
        data = reporting.build_report_data(storage, firm_id)
        levels = {r.level for r in data.recommendations if not r.precondition}
        key = (-len(levels), not any(w.kind == "riesgo" for w in data.why), country != "SV", n)
        best = min(best, (key, firm_id)) if best else (key, firm_id)
    if best is None:
        raise SystemExit("Ninguna empresa de demostración tiene dos evaluaciones completadas.")
    return best[1]


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


def main() -> int:
    from desktop.services import profile, reporting
    from desktop.services.demo import make_demo
    from desktop.services.storage import open_database

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as temp, open_database(Path(temp) / "demo.db") as storage:
        make_demo(storage, DEMO_FIRMS)
        profile.save_settings(storage, {"centre_name": "Centro de demostración Rumbo"}, None)
        firm_id = pick_firm(storage)
        for lang, name in (("es", "sample-report.pdf"), ("en", "sample-report-en.pdf")):
            (DOCS / name).write_bytes(reporting.client_report_pdf(storage, firm_id, lang=lang, today=today))
        screenshot(storage, firm_id, DOCS / "screenshot-results-advice.png")
    for old in DOCS.glob("report-page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(DOCS / "sample-report.pdf"), str(DOCS / "report-page")],
                   check=True)
    for page in DOCS.glob("report-page-*.png"):  # pdftoppm pads page numbers ("01") past nine pages
        page.rename(page.with_name(f"report-page-{int(page.stem.rsplit('-', 1)[1])}.png"))
    pages = len(list(DOCS.glob("report-page-*.png")))
    print(f"docs/sample-report.pdf ({pages} páginas), sample-report-en.pdf, report-page-1…{pages}.png y "
          "screenshot-results-advice.png escritos")
    return 0


if __name__ == "__main__":
    sys.exit(main())
