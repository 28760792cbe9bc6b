"""Notes keep the adviser's line breaks; single-line fields fold blanks."""

from __future__ import annotations

from desktop.services.registry.firms import get_firm, register_firm, update_firm
from desktop.services.storage import open_database


def test_notes_keep_line_breaks_and_names_fold_blanks(tmp_path):
    with open_database(tmp_path / "r.db") as storage:
        firm = register_firm(storage, {"legal_name": "  Café   Luna ", "country": "SV",
                                       "notes": "Visita 1: \r\n  pidió crédito\n\nVisita 2:\tferia "}, None)
        assert firm["legal_name"] == "Café Luna"
        assert firm["notes"] == "Visita 1:\npidió crédito\n\nVisita 2: feria"
        update_firm(storage, firm["id"], {"notes": "a\nb"}, None)
        assert get_firm(storage, firm["id"])["notes"] == "a\nb"
