"""Check that every phrase the app quotes from the CEPAL study is really in the study.

The questionnaire and the catalogue quote the study (``basis.quote``) so an adviser can find the
line. Give the study's plain text (extracted from its PDF); lines are joined and words broken
across lines are mended before searching. Exit 1 and list the quotes that are not found::

    python3 tools/check_study_quotes.py ../shared/domain/000_9c99334afee29d04.txt
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = (ROOT / "resources" / "questionnaires" / "rumbo-preparacion.json",
         ROOT / "resources" / "catalog" / "instrumentos.json",
         ROOT / "resources" / "benchmarks" / "cepal-2013.json")


def normalise(text: str) -> str:
    """Join wrapped lines and mend words hyphenated across them."""
    return re.sub(r"\s+", " ", re.sub(r"-\n", "", text))


def quotes(data, where: str = ""):
    """Yield (where, quote) for every object with a ``quote`` in a JSON tree (bases, pairings, reasons)."""
    if isinstance(data, dict):
        here = data.get("id") or data.get("instrument") or where
        if isinstance(data.get("quote"), str) and data["quote"]:
            yield where, data["quote"]
        for value in data.values():
            yield from quotes(value, here)
    elif isinstance(data, list):
        for item in data:
            yield from quotes(item, where)


def missing_quotes(study_text: str) -> tuple[int, list[tuple[str, str]]]:
    """How many quotes were checked, and those not found in the study."""
    study = normalise(study_text)
    found = [(where, q) for path in FILES for where, q in quotes(json.loads(path.read_text(encoding="utf-8")))]
    return len(found), [(where, q) for where, q in found if q not in study]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    checked, missing = missing_quotes(Path(argv[0]).read_text(encoding="utf-8"))
    for where, quote in missing:
        print(f"no está en el estudio: {where}: «{quote}»")
    print(f"{checked} frases revisadas, {len(missing)} no encontradas")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
