"""Build docs/sample-funder-report.pdf (and .xlsx) from demo data, and PNGs of its pages.

    python3 tools/funder_sample.py
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"


def main() -> int:
    from desktop.services import funder, profile
    from desktop.services.demo import make_demo
    from desktop.services.storage import open_database

    today = dt.date.today()
    with tempfile.TemporaryDirectory() as temp, open_database(Path(temp) / "demo.db") as storage:
        make_demo(storage, 400)
        profile.save_settings(storage, {"centre_name": "CDMYPE UNICAES Santa Ana"}, None)
        fig = funder.figures_for(storage, (today - dt.timedelta(days=365)).isoformat(), today.isoformat())
        funder.write_pdf(storage, fig, DOCS / "sample-funder-report.pdf", today)
        funder.export_xlsx(fig, DOCS / "sample-funder-report.xlsx")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(DOCS / "sample-funder-report.pdf"),
                    str(DOCS / "funder-report-page")], check=True)
    print("docs/sample-funder-report.pdf, .xlsx and funder-report-page-*.png written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
