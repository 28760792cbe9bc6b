"""Run by bench_startup in a fresh process: start Rumbo and report when the window is usable.

"Usable" means the main window has been shown and the firm table already
holds rows whose cells can be read. Prints ``<epoch seconds> <peak RSS MB>``
and quits.
"""

import os
import resource
import sys
import time


def _peak_rss_mb() -> float:
    """This process's own high-water mark.

    ``ru_maxrss`` survives fork and exec on Linux, so a child started by a large benchmark
    process would report the parent's peak; ``VmHWM`` belongs to this process's memory only.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
                    rss = _peak_rss_mb()
                    print(f"READY {time.time():.6f} {rss:.1f}", flush=True)
                    app.quit()
                    return
        QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)
    if os.environ.get("RUMBO_BENCH_PLAIN"):
        # The plain side of the encryption benchmark: the file has no sign-in, so the set-up
        # dialog is skipped and the device's adviser works as before sign-in existed.
        import desktop.gui.settings.sign_in as sign_in
        from desktop.services.security import SignedIn

        sign_in.sign_in_at_start = lambda *args, **kwargs: SignedIn("", "bench", "Benchmark", "adviser")
    from desktop.app import run_gui

    return run_gui(db_path, "es")


if __name__ == "__main__":
    sys.exit(main())
