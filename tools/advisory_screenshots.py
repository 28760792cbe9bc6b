"""Screenshots of the advisory record for docs/ (offscreen): the timeline and plan, a session, a milestone,
and the Tablero with the advisory figures of 200 demo firms.

    QT_QPA_PLATFORM=offscreen python3 tools/advisory_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"
ANSWERS = ROOT / "tests" / "domain" / "fixtures" / "assessment" / "small_indirect.json"


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop.gui.shared.i18n import install_translators

    install_translators(app, "es")  # Qt's own buttons in Spanish, as the app shows them
    from desktop.domain.assessment import answers_from_json
    from desktop.domain.errors import UserError
    from desktop.gui.registry.firm_detail import FirmDetailDialog
    from desktop.gui.shared.context import AppContext
    from desktop.gui.shared.tasks import SyncRunner
    from desktop.services import advisory
    from desktop.services.assessment_entry import record_assessment
    from desktop.services.registry.firms import register_firm
    from desktop.services.storage import open_database

    today = dt.date.today()
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        with open_database(temp / "rumbo.db", device_name="Laptop de Ana") as storage:
            context = AppContext(storage, runner=SyncRunner(),
                                 settings=QSettings(str(temp / "ui.ini"), QSettings.Format.IniFormat))
            firm = register_firm(storage, {"legal_name": "Beneficio de café Las Nubes, S.A. de C.V.", "country": "SV",
                                           "municipality": "Santa Ana", "employees": 18, "sales_usd": 450000}, None)
            fid = firm["id"]
            answers = answers_from_json(json.loads(ANSWERS.read_text(encoding="utf-8"))["answers"])
            assessment, _ = record_assessment(storage, fid, answers, None)
            plan = advisory.make_plan(storage, assessment["id"], None)
            advisory.set_plan_status(storage, plan[0]["id"], "hecho", None)
            advisory.set_plan_status(storage, plan[1]["id"], "en_curso", None)
            advisory.set_plan_status(storage, plan[2]["id"], "descartado", None, drop_reason="Sin fondos este año")
            advisory.record_session(storage, fid, {"held_on": today.isoformat(), "minutes": 90, "mode": "visita",
                                                   "topics": ["art_desarrollo_proveedores", "fin_factoraje"],
                                                   "notes": "Contacto con la empresa tractora",
                                                   "next_step": "Reunir facturas de los últimos 6 meses"}, None)
            advisory.record_session(storage, fid, {"held_on": today.isoformat(), "minutes": 30, "mode": "telefono",
                                                   "topics": ["financiamiento"]}, None)
            advisory.record_milestone(storage, fid, {"kind": "empleo", "occurred_on": today.isoformat(),
                                                     "jobs_women": 3, "jobs_men": 1, "evidence": "firmado"}, None)
            advisory.record_milestone(storage, fid, {"kind": "financiamiento", "occurred_on": today.isoformat(),
                                                     "amount": "25.000", "source": "BANDESAL",
                                                     "instrument": "Factoraje", "evidence": "documento"}, None)
            detail = FirmDetailDialog(context, fid)
            detail.tabs.setCurrentWidget(detail.advisory)
            detail.resize(980, 640)
            detail.show()
            app.processEvents()
            detail.grab().save(str(DOCS / "screenshot-advisory-timeline.png"))
            session = detail.advisory.record_session()
            session.topics.item(15).setCheckState(session.topics.item(15).checkState().Checked)
            session.fields["minutes"].setText("0")
            session.save()
            app.processEvents()
            session.grab().save(str(DOCS / "screenshot-advisory-session.png"))
            session.reject()
            milestone = detail.advisory.record_milestone()
            kind = milestone.fields["kind"]
            kind.setCurrentIndex(kind.findData("exportacion"))
            milestone.fields["amount"].setText("48.000")
            milestone.fields["currency"].setText("GTQ")
            milestone.fields["markets"].setText("Guatemala, Honduras")
            milestone.save()
            app.processEvents()
            milestone.grab().save(str(DOCS / "screenshot-advisory-milestone.png"))
            milestone.reject()
            detail.close()
        _dashboard(temp, app)
    print("docs/screenshot-advisory-*.png and docs/screenshot-dashboard.png written")
    return 0


def _dashboard(temp: Path, app) -> None:
    from PySide6.QtCore import QSettings

    from desktop.gui.portfolio.dashboard_page import DashboardPage
    from desktop.gui.shared.context import AppContext
    from desktop.gui.shared.tasks import SyncRunner
    from desktop.services.demo import make_demo
    from desktop.services.storage import open_database

    with open_database(temp / "demo.db") as storage:
        make_demo(storage, 200, seed=11)
        context = AppContext(storage, runner=SyncRunner(),
                             settings=QSettings(str(temp / "ui2.ini"), QSettings.Format.IniFormat))
        page = DashboardPage(context)
        page.resize(1200, 900)
        page.show()
        app.processEvents()
        page.grab().save(str(DOCS / "screenshot-dashboard.png"))
        page.close()


if __name__ == "__main__":
    sys.exit(main())
