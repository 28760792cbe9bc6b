"""Screenshots of the advisory record for docs/ (offscreen): the timeline and plan, a session, a milestone,
an action of the plan, the document seen behind a milestone, and the Tablero with the advisory figures,
overdue actions and caseload of 200 demo firms.

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
            from desktop.services import profile

            ana = profile.create_adviser(storage, name="Ana Martínez", centre="CDMYPE Santa Ana")["id"]
            carla = profile.create_adviser(storage, name="Carla Ruiz (coordinadora)", centre="CDMYPE Santa Ana")["id"]
            context.adviser_id = ana
            firm = register_firm(storage, {"legal_name": "Beneficio de café Las Nubes, S.A. de C.V.", "country": "SV",
                                           "municipality": "Santa Ana", "employees": 18, "sales_usd": 450000}, ana)
            fid = firm["id"]
            answers = answers_from_json(json.loads(ANSWERS.read_text(encoding="utf-8"))["answers"])
            assessment, _ = record_assessment(storage, fid, answers, ana)
            plan = advisory.make_plan(storage, assessment["id"], ana)
            advisory.set_plan_status(storage, plan[0]["id"], "hecho", ana)
            advisory.update_plan_item(storage, plan[1]["id"], {"due_on": (today - dt.timedelta(days=6)).isoformat()},
                                      ana)
            advisory.set_plan_status(storage, plan[1]["id"], "en_curso", ana)
            advisory.set_plan_status(storage, plan[2]["id"], "descartado", ana, drop_reason="Sin fondos este año")
            advisory.update_plan_item(storage, plan[3]["id"], {"due_on": (today + dt.timedelta(days=20)).isoformat(),
                                                               "owner_adviser_id": carla}, ana)
            session = advisory.record_session(storage, fid, {
                "held_on": today.isoformat(), "minutes": 90, "mode": "visita", "prep_minutes": 30,
                "travel_minutes": 50, "topics": ["art_desarrollo_proveedores", "fin_factoraje"],
                "notes": "Contacto con la empresa tractora",
                "next_step": "Reunir facturas de los últimos 6 meses"}, ana)
            advisory.task_from_session(storage, session["id"], ana)
            advisory.record_session(storage, fid, {"held_on": today.isoformat(), "minutes": 30, "mode": "telefono",
                                                   "topics": ["financiamiento"],
                                                   "next_step": "Llamar al banco por el factoraje"}, ana)
            jobs = advisory.record_milestone(storage, fid, {"kind": "empleo", "occurred_on": today.isoformat(),
                                                            "jobs_women": 3, "jobs_men": 1, "evidence": "firmado"}, ana)
            advisory.verify_milestone(storage, jobs["id"], carla)
            advisory.record_milestone(storage, fid, {"kind": "financiamiento", "occurred_on": today.isoformat(),
                                                     "amount": "25.000", "source": "BANDESAL",
                                                     "instrument": "Factoraje",
                                                     "evidence": "documento", "document_kind": "contrato",
                                                     "document_ref": "2026-118"}, ana)
            advisory.record_milestone(storage, fid, {"kind": "ventas", "occurred_on": today.isoformat(),
                                                     "amount": "12.000", "evidence": "declarado"}, ana)
            detail = FirmDetailDialog(context, fid)
            detail.tabs.setCurrentWidget(detail.advisory)
            detail.resize(1100, 700)
            detail.show()
            app.processEvents()
            detail.grab().save(str(DOCS / "screenshot-advisory-timeline.png"))
            session = detail.advisory.record_session()
            session.topics.item(15).setCheckState(session.topics.item(15).checkState().Checked)
            session.fields["prep_minutes"].setText("20")
            session.fields["travel_minutes"].setText("45")
            session.fields["held_on"].setText((today - dt.timedelta(days=30)).strftime("%d/%m/%Y"))
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
            evidence = milestone.fields["evidence"]
            evidence.setCurrentIndex(evidence.findData("documento"))
            document = milestone.fields["document_kind"]
            document.setCurrentIndex(document.findData("factura"))
            milestone.fields["document_ref"].setText("Factura de exportación 0042")
            milestone.save()
            app.processEvents()
            milestone.grab().save(str(DOCS / "screenshot-advisory-milestone.png"))
            milestone.reject()
            tab = detail.advisory
            tab.plan.selectRow(1)
            item = tab.edit_item()
            app.processEvents()
            item.grab().save(str(DOCS / "screenshot-advisory-plan-item.png"))
            item.reject()
            tab.timeline.selectRow([e.title for e in tab.entries].index("Hito — Ventas (declarado)"))
            document = tab.document_milestone()
            document.fields["document_kind"].setCurrentIndex(document.fields["document_kind"].findData("factura"))
            document.fields["document_ref"].setText("F-001-0042")
            document.save()  # without «Documento visto»: the sentence shows
            app.processEvents()
            document.grab().save(str(DOCS / "screenshot-advisory-document.png"))
            document.reject()
            detail.close()
        _dashboard(temp, app)
    print("docs/screenshot-advisory-*.png and docs/screenshot-dashboard*.png written")
    return 0


def _dashboard(temp: Path, app) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QScrollArea

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
        # The advisory part of the Tablero: figures, caseload, overdue actions (scrolled to them).
        page.resize(1200, 1000)
        app.processEvents()
        area = page.findChild(QScrollArea)
        area.ensureWidgetVisible(page.overdue_box)
        app.processEvents()
        page.grab().save(str(DOCS / "screenshot-dashboard-advisory.png"))
        page.close()


if __name__ == "__main__":
    sys.exit(main())
