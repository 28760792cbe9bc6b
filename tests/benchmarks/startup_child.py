"""Run by bench_startup in a fresh process: start Rumbo and report when the window is usable.

"Usable" means the main window has been shown and the firm table already
holds rows whose cells can be read. Prints ``<epoch seconds> <peak RSS MB>``
and quits.
"""

import resource
import sys
import time


def main() -> int:
    db_path = sys.argv[1]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication(sys.argv[:1])

    def check() -> None:
        for widget in app.topLevelWidgets():
            table = widget.findChild(QTableView, "firmTable") if widget.isVisible() else None
            if table is not None and table.model().rowCount() > 0:
                model = table.model()
                if model.data(model.index(0, 0)):
                    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                    print(f"READY {time.time():.6f} {rss:.1f}", flush=True)
                    app.quit()
                    return
        QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)
    from desktop.app import run_gui

    return run_gui(db_path, "es")


if __name__ == "__main__":
    sys.exit(main())
