"""Hostile CSV input (hypothesis): never a traceback, a reason per rejected row, nothing half-written."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import firms as firm_repo
from db.connection import open_storage
from desktop.domain.errors import UserError
from desktop.services.registry.importing import import_file

HEADER = ["Razón social", "País", "NIT", "Empleados", "Ventas anuales", "Teléfono", "Correo", "Notas"]
nasty = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40) | st.sampled_from([
    "=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)", "<b>&amp;</b>", "😀🏭", '"', '""', "\n", "\r\n", ";", ",",
    "SV", "GT", "cr", "0614-290186-102-2", "1.234,56", "x" * 5000, "\x00", "\ufeff", "ñandú", "",
])
rows = st.lists(st.lists(nasty, min_size=0, max_size=10), max_size=15)


def _run(tmp_path, data: bytes):
    path = tmp_path / "hostil.csv"
    path.write_bytes(data)
    rejects = tmp_path / "r.csv"
    storage = open_storage(None)
    try:
        try:
            summary = import_file(storage, path, None, rejects_path=rejects)
        except UserError as exc:
            assert exc.message.endswith(".")
            assert firm_repo.count_firms(storage) == 0
            return
        assert summary.accepted + len(summary.rejected) == summary.rows_read
        assert all(r.reason.strip() for r in summary.rejected)
        assert firm_repo.count_firms(storage) == summary.accepted
        # The rejects file is written like the file read: same encoding and separator.
        with open(rejects, encoding=summary.encoding, newline="") as handle:
            written = list(csv.reader(handle, delimiter=summary.delimiter))
        assert len(written) == 1 + len(summary.rejected)
        for line in written[1:]:
            assert line[-1].strip()
            assert not any(cell.startswith(("=", "@")) for cell in line)
    finally:
        storage.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=rows, encoding=st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_hostile_csv_rows(tmp_path, body, encoding, delimiter):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([HEADER, *body])
    _run(tmp_path, buffer.getvalue().encode(encoding, errors="replace"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_random_bytes_after_a_valid_header(tmp_path, data):
    _run(tmp_path, "Razón social;País\n".encode() + data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_bytes_alone(tmp_path, data):
    _run(tmp_path, data)
