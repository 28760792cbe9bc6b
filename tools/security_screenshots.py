"""Screenshots of the sign-in screens for docs/ (offscreen): set-up, recovery key, sign-in, lock, access.

    QT_QPA_PLATFORM=offscreen python3 tools/security_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop.gui.settings.security_box import AccessDialog
    from desktop.gui.settings.sign_in import RecoveryKeyDialog, SetUpDialog, SignInDialog
    from desktop.gui.shared import plain_text
    from desktop.gui.shared.context import AppContext
    from desktop.gui.shared.tasks import SyncRunner
    import desktop.services.maintenance as maintenance
    from desktop.services import security
    from desktop.services.storage import open_database
    from desktop.domain.errors import UserError

    plain_text.install(app)
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        maintenance.backup_folder = lambda: temp / "copias"
        db = temp / "rumbo.db"
        setup = SetUpDialog(db, "plain")
        setup.boxes["name"].editor.setText("María José Núñez")
        setup.boxes["name"].editor.textEdited.emit("María José Núñez")
        setup.boxes["centre"].editor.setText("CDMYPE UNICAES Santa Ana")
        setup.boxes["password"].editor.setText("corta")
        setup.boxes["repeat"].editor.setText("corta")
        setup.show_problem(UserError("La contraseña debe tener al menos 8 caracteres.", field="password"))
        setup.show()
        app.processEvents()
        setup.grab().save(str(DOCS / "screenshot-sign-in-setup.png"))
        made = security.set_up(db, "María José Núñez", "maria.jose", "secreta123", centre="CDMYPE Santa Ana")
        key = RecoveryKeyDialog(made.recovery_key)
        key.show()
        app.processEvents()
        key.grab().save(str(DOCS / "screenshot-recovery-key.png"))
        security.lock(db)
        sign = SignInDialog(db, "maria.jose")
        sign.boxes["password"].editor.setText("equivocada")
        sign.sign_in()
        sign.show()
        app.processEvents()
        sign.grab().save(str(DOCS / "screenshot-sign-in.png"))
        security.sign_in(db, "maria.jose", "secreta123")
        with open_database(db) as storage:
            admin = made.signed_in.adviser_id
            for name, login, role in (("Beto Ramírez", "beto", "coordinator"), ("Carla Flores <&> 😀", None, None)):
                adviser = security.adviser_repo.create_adviser(storage, {"name": name, "active": True}, admin)
                if login:
                    security.grant_access(storage, admin, adviser["id"], login, "clave-segura", role)
            context = AppContext(storage, runner=SyncRunner(),
                                 settings=QSettings(str(temp / "ui.ini"), QSettings.Format.IniFormat))
            access = AccessDialog(context)
            access.show()
            app.processEvents()
            access.grab().save(str(DOCS / "screenshot-access.png"))
            access.close()
            from desktop.app import build_main_window

            window = build_main_window(context)
            window.resize(1400, 900)
            window.show()
            page = next(w for w in window.findChildren(QWidget) if type(w).__name__ == "SettingsPage")
            app.processEvents()
            page.security_box.grab().save(str(DOCS / "screenshot-security-box.png"))
            window.close()
    print("docs/screenshot-sign-in-setup.png, screenshot-recovery-key.png, screenshot-sign-in.png, "
          "screenshot-access.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
