"""Screenshots of the centre's programme directory for docs/ (offscreen): the box in Configuración with
programmes current, expired and unchecked (docs/screenshot-programmes.png), and the dialog that edits one
(docs/screenshot-programme-dialog.png).

The programmes are made up for the picture: their names say "ejemplo", and they are reached through the
reserved domain example.org, never through a phone number that could belong to someone::

    QT_QPA_PLATFORM=offscreen python3 tools/programmes_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"
TODAY = dt.date(2026, 12, 8)
EXAMPLES = [
    {"name": "Encadenamientos con empresas tractoras (ejemplo)", "institution": "Institución de ejemplo",
     "country": "SV", "instruments": ["art_desarrollo_proveedores"], "sizes": ["micro", "pequena"],
     "stages": ["indirect_exporter"], "requires_registration": True, "contact_name": "Coordinación de encadenamientos",
     "email": "encadenamientos@example.org", "web": "www.example.org/encadenamientos",
     "valid_from": "01/01/2026", "valid_to": "31/12/2027", "checked_on": "15/11/2026",
     "source": "https://www.example.org/encadenamientos"},
    {"name": "Crédito para capital de trabajo (ejemplo)", "institution": "Banco de ejemplo", "country": "SV",
     "family": "financiamiento", "instruments": ["fin_lineas_credito", "fin_banca_desarrollo"],
     "web": "www.example.org/credito", "valid_from": "01/03/2024", "valid_to": "30/06/2026",
     "checked_on": "10/03/2026"},
    {"name": "Ferias y misiones comerciales (ejemplo)", "institution": "Agencia de ejemplo", "country": "SV",
     "family": "mercados", "stages": ["occasional_direct", "regular_direct"], "email": "ferias@example.org",
     "checked_on": "20/09/2025"},
    {"name": "Servicios de un centro de desarrollo (ejemplo)", "institution": "Centro de ejemplo", "country": "SV",
     "instruments": ["art_centros_desarrollo"], "territory": "San Miguel, La Unión",
     "web": "www.example.org/centro", "checked_on": "02/12/2026"},
]


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop.gui.shared.i18n import install_translators

    install_translators(app, "es")
    from desktop.gui.settings.programmes_box import ProgrammesBox
    from desktop.gui.shared.context import AppContext
    from desktop.gui.shared.tasks import SyncRunner
    from desktop.services import programmes
    from desktop.services.storage import open_database

    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        with open_database(temp / "rumbo.db", device_name="Laptop de coordinación") as storage:
            for example in EXAMPLES:
                day = dt.date(2026, 3, 10) if example["name"].startswith("Crédito") else TODAY
                programmes.add_programme(storage, example, None, today=day)
            context = AppContext(storage, runner=SyncRunner(),
                                 settings=QSettings(str(temp / "ui.ini"), QSettings.Format.IniFormat))
            box = ProgrammesBox(context, today=TODAY)
            box.resize(900, 430)
            box.show()
            box.table.selectRow(0)
            app.processEvents()
            box.grab().save(str(DOCS / "screenshot-programmes.png"))
            dialog = box.edit()
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(DOCS / "screenshot-programme-dialog.png"))
            dialog.reject()
            box.close()
    print("docs/screenshot-programmes.png y docs/screenshot-programme-dialog.png escritos")
    return 0


if __name__ == "__main__":
    sys.exit(main())
