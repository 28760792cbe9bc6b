"""Hostile tables for the programme directory (hypothesis): never a traceback, one sentence per bad row,
and an import that writes exactly the rows it called good."""

from __future__ import annotations

import csv
import datetime as dt
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import programmes as repo
from db.connection import open_storage
from desktop.domain.errors import UserError
from desktop.services import programmes

TODAY = dt.date(2026, 12, 8)
HEADER = ["Programa", "Institución", "País", "Familia", "Instrumentos", "Tamaños", "Teléfono", "Correo", "Web",
          "Vigente hasta", "Verificado el"]
nasty = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30) | st.sampled_from([
    "=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "<b>&amp;</b>", "😀", '"', "\n", ";", ",", "SV", "GT", "mercados",
    "financiamiento", "Microfinanzas", "micro; pequeña", "2222 3333", "x@example.org", "www.example.org",
    "31/12/2027", "2026-11-30", "32/13/2026", "x" * 3000, "\x00", "\ufeff", "ñandú", "",
])
rows = st.lists(st.lists(nasty, min_size=0, max_size=12), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=rows, encoding=st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_hostile_rows(tmp_path, body, encoding, delimiter):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([HEADER, *body])
    path = tmp_path / "programas.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    storage = open_storage(None)
    try:
        try:
            preview = programmes.import_file(storage, path, None, today=TODAY)
        except UserError as exc:
            assert exc.message.strip().endswith(".")
            assert repo.list_programmes(storage) == []
            return
        assert all(r.reason.strip().endswith(".") for r in preview.bad)
        assert all((r.values is None) == bool(r.reason) for r in preview.rows)
        assert len(repo.list_programmes(storage)) == len(preview.new)
    finally:
        storage.close()
