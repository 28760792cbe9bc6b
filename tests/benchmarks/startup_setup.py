"""Choose the demo adviser as "the adviser at the keyboard" for a benchmark database,
in the benchmark's own settings folder, so start-up shows no first-start dialog."""

import sys

from PySide6.QtCore import QSettings


def main() -> None:
    from desktop.services.storage import open_database

    with open_database(sys.argv[1]) as storage:
        device = storage.device_id
        adviser = storage.conn.execute("SELECT id FROM advisers ORDER BY created_at LIMIT 1").fetchone()[0]
    settings = QSettings("Rumbo", "Rumbo")
    settings.setValue(f"adviser/{device}", adviser)
    settings.sync()


if __name__ == "__main__":
    main()
