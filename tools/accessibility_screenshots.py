"""Screenshots that show Rumbo at 150 % scaling and under a high-contrast palette.

    python tools/accessibility_screenshots.py [--review DIR] [--screen WIDTH HEIGHT]

Writes docs/screenshot-scale-150.png (the Empresas screen with demo firms, drawn at a scale
factor of 1.5, the size a 1920 x 1080 laptop set to 150 % leaves for the window) and
docs/screenshot-high-contrast.png (an assessment's results under black windows, white text
and yellow selection, the palette a high-contrast system theme gives the application).
Each runs in its own process, because the scale factor must be set before Qt starts.
``--review DIR`` also saves every screen and the main dialogs in both modes to DIR, to look
for clipped or unreadable text after a change; ``--screen 1366 768`` tries a smaller laptop.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
WINDOW = (1180, 760)  # the main window's own size; at 150 % it is fitted to the screen


def shoot(mode: str, review: Path | None) -> None:
    """Draw the screenshots of one mode ("scale" or "contrast"); runs inside its own process."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from desktop.gui.shared.accessibility import high_contrast_palette

    if mode == "contrast":
        # Under a high-contrast theme Windows turns its visual styles off and Qt draws the classic
        # Windows style from the system palette: the same style, here, with the same palette.
        app.setStyle("Windows")
        app.setPalette(high_contrast_palette())
    else:
        app.setStyle("Fusion")
    from desktop.app import build_main_window
    from desktop.gui.shared.context import AppContext
    from desktop.gui.shared.i18n import install_translators
    from desktop.gui.shared.tasks import SyncRunner
    from desktop.services.assessments import assessments_of_firm
    from desktop.services.demo import make_demo
    from desktop.services.registry.firm_list import FirmQuery, firm_ids
    from desktop.services.storage import open_database

    install_translators(app, "es")
    tmp = Path(tempfile.mkdtemp(prefix="rumbo-a11y-"))
    try:
        storage = open_database(tmp / "demo.db", device_name="Laptop de Ana Martínez")
        summary = make_demo(storage, 60, seed=2024, assessments=True)
        context = AppContext(storage, lang="es", runner=SyncRunner(),
                             settings=QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat))
        context.adviser_id = summary.adviser_id
        window = build_main_window(context)
        if mode == "scale":  # as large as the screen lets it be (1280 x 680 on 1920 x 1080 at 150 %)
            room = app.primaryScreen().availableGeometry()
            window.resize(room.width(), room.height() - 40)
        else:
            window.resize(*WINDOW)
        window.show()

        def save(widget, path: Path) -> None:
            for _ in range(5):
                app.processEvents()
            path.parent.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(path))
            print(f"  {path}")

        firm_id = next(i for i in firm_ids(storage, FirmQuery(), limit=200)
                       if any(a["status"] == "completed" for a in assessments_of_firm(storage, i)))
        completed = next(a for a in assessments_of_firm(storage, firm_id) if a["status"] == "completed")
        if mode == "scale":
            save(window, DOCS / "screenshot-scale-150.png")
        else:
            window.navigator.open_assessment(completed["id"])
            save(window, DOCS / "screenshot-high-contrast.png")
        if review is not None:
            for key in ("firms", "assessments", "dashboard", "reports", "sync", "classify", "settings"):
                window.show_page(key)
                if key == "assessments":
                    window.page("assessments").show_list()
                save(window, review / f"{mode}-page-{key}.png")
            window.navigator.start_assessment(firm_id)
            save(window, review / f"{mode}-wizard.png")
            window.navigator.open_assessment(completed["id"])
            save(window, review / f"{mode}-results.png")
            window.page("assessments").show_followup(firm_id)
            save(window, review / f"{mode}-followup.png")
            window.navigator.new_firm()
            form = window.navigator.last_dialog
            form.editor("legal_name").setText("Café")
            form.editor("email").setText("ana@")
            form.save()  # the problems shown under the fields
            save(form, review / f"{mode}-firm-form.png")
            form.done(0)
            window.navigator.open_firm(firm_id)
            save(window.navigator.last_dialog, review / f"{mode}-firm-detail.png")
            window.navigator.last_dialog.done(0)
            window.navigator.import_firms()
            save(window.navigator.last_dialog, review / f"{mode}-import.png")
            window.navigator.last_dialog.done(0)
        window.close()
        storage.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--review", type=Path, help="also save every screen in both modes to this folder")
    parser.add_argument("--screen", type=int, nargs=2, default=(1920, 1080), metavar=("WIDTH", "HEIGHT"),
                        help="the screen's size in pixels (1920 1080 unless given)")
    parser.add_argument("--mode", choices=("scale", "contrast"), help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.mode:
        shoot(args.mode, args.review)
        return 0
    # The offscreen platform's screen is 800 x 800 unless told otherwise: give it a laptop's.
    config = Path(tempfile.mkdtemp(prefix="rumbo-screen-")) / "screen.json"
    width, height = args.screen
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    for mode in ("scale", "contrast"):
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
        env.pop("QT_SCALE_FACTOR", None)
        if mode == "scale":
            env["QT_SCALE_FACTOR"] = "1.5"
        command = [sys.executable, str(Path(__file__).resolve()), "--mode", mode]
        if args.review:
            command += ["--review", str(args.review.resolve())]
        subprocess.run(command, check=True, env=env, cwd=ROOT)
    shutil.rmtree(config.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
