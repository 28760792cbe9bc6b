"""Reading the JSON data files shipped in ``resources/`` (rulebooks, questionnaire,
catalogue, benchmark tables), with one wording for every way a file can be bad."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.domain.errors import DataFileError


def read_json(path: str | Path) -> Any:
    """The parsed contents of a JSON data file.

    Raises:
        DataFileError: the file is missing, unreadable, not UTF-8 or not JSON;
            the message names the file and, for bad JSON, the line and column.
    """
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(str(path), "el archivo no existe") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(str(path), f"no es JSON válido (línea {exc.lineno}, columna {exc.colno}: {exc.msg})") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(str(path), f"no es texto UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise DataFileError(str(path), f"no se pudo leer: {exc.strerror or exc}") from None
