"""Screenshots of the size definitions (issue 35) for docs/ (offscreen), and the client PDF's size page.

    QT_QPA_PLATFORM=offscreen python3 tools/size_law_screenshots.py [--pdf-dir DIR]

Saves docs/screenshot-size-law-settings.png (Configuración → Definiciones de tamaño as
shipped), docs/screenshot-size-law-firm.png (a firm of Panama: both classes, which agree)
and docs/screenshot-size-law-firm-example.png (a firm of El Salvador with the test law of
tests/domain/fixtures/laws imported: the two classes differ and the page says why; the
law's name and source say it is test data). With --pdf-dir it also writes the two firms'
client reports there, to render and look at.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"
LAWS = ROOT / "tests" / "domain" / "fixtures" / "laws"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the size definitions for docs/.")
    parser.add_argument("--pdf-dir")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop.gui.shared.i18n import install_translators

    install_translators(app, "es")
    from desktop.gui.registry.firm_detail import FirmDetailDialog
    from desktop.gui.settings.settings_page import SettingsPage
    from desktop.gui.shared.context import AppContext
    from desktop.gui.shared.tasks import SyncRunner
    from desktop.services import sizing
    from desktop.services.reporting import client_report_pdf
    from desktop.services.registry.firms import register_firm
    from desktop.services.storage import open_database

    def settle(widget) -> None:
        for _ in range(5):
            app.processEvents()

    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        with open_database(temp / "rumbo.db", device_name="Laptop de Ana") as storage:
            context = AppContext(storage, runner=SyncRunner(),
                                 settings=QSettings(str(temp / "ui.ini"), QSettings.Format.IniFormat))
            pa = register_firm(storage, {"legal_name": "Exportadora del Istmo, S.A.", "country": "PA",
                                         "municipality": "Panamá", "employees": 9, "sales_usd": 420000,
                                         "sector_isic": "4630"}, None)
            page = SettingsPage(context)
            page.resize(1500, 1000)
            page.show()
            settle(page)
            page.size_box.grab().save(str(DOCS / "screenshot-size-law-settings.png"))
            detail = FirmDetailDialog(context, pa["id"])
            detail.resize(900, 700)
            detail.show()
            detail.tabs.setCurrentIndex(1)
            settle(detail)
            detail.grab().save(str(DOCS / "screenshot-size-law-firm.png"))
            detail.close()
            sv = register_firm(storage, {"legal_name": "Café Uno, S.A. de C.V.", "country": "SV",
                                         "municipality": "San Miguel", "employees": 5, "sales_usd": 150000,
                                         "sector_isic": "1079"}, None)
            for name in ("wages.json", "law-wages-2014.json"):
                sizing.accept_import(storage, sizing.preview_import(storage, LAWS / name), None)
            detail = FirmDetailDialog(context, sv["id"])
            detail.resize(900, 760)
            detail.show()
            detail.tabs.setCurrentIndex(1)
            settle(detail)
            detail.grab().save(str(DOCS / "screenshot-size-law-firm-example.png"))
            if args.pdf_dir:
                out = Path(args.pdf_dir)
                out.mkdir(parents=True, exist_ok=True)
                (out / "pa.pdf").write_bytes(client_report_pdf(storage, pa["id"]))
                (out / "sv.pdf").write_bytes(client_report_pdf(storage, sv["id"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
