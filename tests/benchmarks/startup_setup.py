"""Choose the demo adviser as "the adviser at the keyboard" of a benchmark database
(stored in the database's device record), so start-up shows no first-start dialog."""

import sys


def main() -> None:
    from desktop.services.advisers import set_current_adviser
    from desktop.services.storage import open_database

    with open_database(sys.argv[1]) as storage:
        adviser = storage.conn.execute("SELECT id FROM advisers ORDER BY created_at LIMIT 1").fetchone()[0]
        set_current_adviser(storage, adviser)


if __name__ == "__main__":
    main()
