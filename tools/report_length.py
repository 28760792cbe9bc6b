"""Count the pages of the client report for the four contrasting firms (issue 39, item 4).

A survival micro-firm, a supplier in a chain, an occasional exporter and an incomplete assessment
(``tests/reports/contrasting.py``), in Spanish and English, plus the sample report's firm assessed
twice (``tools/client_sample.py``). Prints one line per report::

    PYTHONPATH=$PWD python3 tools/report_length.py
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> int:
    from desktop.services import reporting
    from desktop.services.storage import open_database
    from tests.reports import contrasting

    with tempfile.TemporaryDirectory() as temp, open_database(Path(temp) / "length.db") as storage:
        ids = contrasting.populate(storage)
        print("firma            es  en")
        for kind in contrasting.KINDS:
            counts = [pages(reporting.client_report_pdf(storage, ids[kind], lang=lang, today=contrasting.TODAY))
                      for lang in ("es", "en")]
            print(f"{kind:<15} {counts[0]:>3} {counts[1]:>3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
