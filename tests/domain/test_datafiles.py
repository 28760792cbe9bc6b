"""Every shipped data file is read the same way, and a bad one is named with its problem."""

from __future__ import annotations

import pytest

from desktop.domain.datafiles import read_json
from desktop.domain.errors import DataFileError


def test_reads_json(tmp_path):
    path = tmp_path / "ok.json"
    path.write_text('{"id": "x", "título": "Ñ"}', encoding="utf-8")
    assert read_json(path) == {"id": "x", "título": "Ñ"}


@pytest.mark.parametrize("content, problem", [
    (None, "el archivo no existe"),
    (b'{"id": 1,\n  "x": }', "no es JSON válido (línea 2, columna 8"),
    ("título".encode("latin-1"), "no es texto UTF-8"),
])
def test_bad_files_are_named_with_their_problem(tmp_path, content, problem):
    path = tmp_path / "malo.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataFileError) as caught:
        read_json(path)
    assert caught.value.path == str(path)
    assert caught.value.problem.startswith(problem)
