"""Make the adviser guide's screenshots from the real windows, so they follow the screens.

    python tools/guide_screenshots.py [--lang es|en]

Builds a demo database in a temporary folder, opens the main window offscreen and saves
each step of the guide (docs/guia/img/<lang>-<step>.png): first start, the firm list, a new
firm, a firm's page and its Asesoría tab, an interview, its results, the report's first page (when poppler's
``pdftoppm`` is installed), the Sincronización screen and the Ayuda menu's About box. Run it
again whenever a screen changes; the guide's pages point at these files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "guia" / "img"

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def _settle(app: QApplication, widget=None) -> None:
    for _ in range(5):
        app.processEvents()


def _save(app: QApplication, widget, name: str, lang: str) -> Path:
    _settle(app)
    path = OUT / f"{lang}-{name}.png"
    widget.grab().save(str(path))
    print(f"  {path.relative_to(ROOT)}")
    return path


def shoot(lang: str) -> None:
    from desktop.app import build_main_window
    from desktop.gui.help_menu import about_box
    from desktop.gui.settings.sign_in import SetUpDialog
    from desktop.gui.shared.context import AppContext
    from desktop.gui.shared.i18n import install_translators
    from desktop.gui.shared.tasks import SyncRunner
    from desktop.services.assessments import assessments_of_firm
    from desktop.services.demo import make_demo
    from desktop.services.registry.firm_list import FirmQuery, firm_ids
    from desktop.services.reporting import write_client_report
    from desktop.services.storage import open_database

    app = QApplication.instance() or QApplication(sys.argv)
    install_translators(app, lang)
    from desktop.gui.shared import plain_text

    plain_text.install(app)
    tmp = Path(tempfile.mkdtemp(prefix="rumbo-guia-"))
    settings = QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat)
    try:
        # 1. First start: a new database asks who sets up sign-in (and becomes its administrator).
        dialog = SetUpDialog(tmp / "vacia.db", "new")
        dialog.boxes["name"].editor.setText("Ana Martínez")
        dialog.boxes["name"].editor.textEdited.emit("Ana Martínez")
        dialog.boxes["centre"].editor.setText("CDMYPE San Miguel")
        dialog.show()
        _save(app, dialog, "1-primer-inicio", lang)
        dialog.close()

        storage = open_database(tmp / "demo.db", device_name="Laptop de Ana Martínez")
        summary = make_demo(storage, 60, seed=2024, assessments=True)
        context = AppContext(storage, lang=lang, runner=SyncRunner(), settings=settings)
        context.adviser_id = summary.adviser_id
        window = build_main_window(context)
        window.resize(1180, 760)
        window.show()
        _save(app, window, "2-empresas", lang)

        window.navigator.new_firm()
        form = window.navigator.last_dialog
        _save(app, form, "3-nueva-empresa", lang)
        form.reject()

        firm_id = next(i for i in firm_ids(storage, FirmQuery(), limit=200)
                       if any(a["status"] == "completed" for a in assessments_of_firm(storage, i)))
        assessed = {"id": firm_id}
        window.navigator.open_firm(assessed["id"])
        detail = window.navigator.last_dialog
        _save(app, detail, "4-ficha-empresa", lang)
        detail.tabs.setCurrentWidget(detail.advisory)  # sessions, milestones and the action plan
        _save(app, detail, "10-asesoria", lang)
        detail.close()

        window.navigator.start_assessment(assessed["id"])
        _save(app, window, "5-entrevista", lang)
        completed = next(a for a in assessments_of_firm(storage, assessed["id"]) if a["status"] == "completed")
        window.navigator.open_assessment(completed["id"])
        _save(app, window, "6-resultados", lang)

        pdf = tmp / "informe.pdf"
        write_client_report(storage, assessed["id"], pdf, lang=lang)
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp / "pagina")],
                           check=True)
            shutil.copy2(next(tmp.glob("pagina*.png")), OUT / f"{lang}-7-informe.png")
            print(f"  docs/guia/img/{lang}-7-informe.png")
        else:
            print("  (sin pdftoppm: la página del informe no se actualizó)")

        window.show_page("sync")
        _save(app, window, "8-sincronizacion", lang)
        box = about_box(window)
        box.show()
        _save(app, box, "9-acerca-de", lang)
        box.close()
        window.close()
        context.runner.wait()
        storage.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Capturas de la guía del asesor.")
    parser.add_argument("--lang", choices=("es", "en"), action="append")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in args.lang or ["es"]:
        print(f"Capturas ({lang}):")
        shoot(lang)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
