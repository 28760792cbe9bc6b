"""Export from the GUI: the file is written in the background and can be read back."""

from __future__ import annotations

import csv

import desktop.gui.registry.export_dialog as export_dialog
from desktop.gui.registry.export_dialog import export_firms_interactive
from desktop.services.registry.firms import register_firm


def test_export_firms_to_csv_asks_where_and_reports(context, tmp_path, monkeypatch, dialogs):
    register_firm(context.storage, {"legal_name": "Café Luna", "country": "SV", "employees": 4}, None)
    register_firm(context.storage, {"legal_name": "Textiles Ávila", "country": "GT"}, None)
    target = tmp_path / "salida"
    monkeypatch.setattr(export_dialog, "ask_export_path", lambda parent, suggested: str(target) + ".csv")
    written = []
    export_firms_interactive(context, None, on_done=written.append)
    assert written == [2]
    with open(f"{target}.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["Razón social"] for r in rows) == ["Café Luna", "Textiles Ávila"]
    assert "2 filas" in dialogs.infos[0][1]


def test_export_into_a_missing_folder_says_why(context, tmp_path, dialogs):
    written = []
    export_firms_interactive(context, None, path=str(tmp_path / "no" / "existe.xlsx"), on_done=written.append)
    assert written == [] and len(dialogs.errors) == 1
    assert dialogs.errors[0].message  # a sentence for the user, not a traceback


def test_export_asked_but_dismissed_does_nothing(context, monkeypatch, dialogs):
    monkeypatch.setattr(export_dialog, "ask_export_path", lambda parent, suggested: "")
    export_firms_interactive(context, None)
    assert dialogs.infos == [] and dialogs.errors == []
