"""The national portfolio in PostgreSQL against the same queries in SQLite (issue 17).

    python3 -m tests.benchmarks.bench_portfolio                      # 1,000,000 firms, 200 devices
    python3 -m tests.benchmarks.bench_portfolio --firms 50000 --devices 20

Builds the same portfolio twice. On a throwaway PostgreSQL cluster (``tests/centre/cluster.py``)
the firms and their assessments arrive as changes of ``--devices`` origins spread over
``--centres`` centres, through the server's own trigger that keeps ``portfolio.*`` (the load
time is reported). In SQLite they are the rows of a laptop database. The rows are copies of a
demo database's firms and assessments with new ids; each assessment's stored result keeps only
what the portfolio reads (the dimensions with their scores), not its explanations (~35 KB each in
real use), so both engines read the same, smaller, JSON.

Then it times, in one run, the Tablero's and the portfolio report's queries on both (median of
three), through the same code (:mod:`db.queries.dashboard`, :mod:`db.queries.reports`), and
writes ``docs/benchmarks-portfolio.md``: seconds on each side and PostgreSQL / SQLite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_common import machine
from tests.benchmarks.bench_startup import ROOT

DOC = ROOT / "docs" / "benchmarks-portfolio.md"
SEED_FIRMS = 600


def _templates(folder: Path) -> tuple[list[dict], dict[str, list[dict]]]:
    """Demo firms and their completed assessments (results cut to the dimension scores)."""
    from desktop.services.demo import make_demo
    from desktop.services.storage import open_database

    with open_database(folder / "seed.db") as seed:
        make_demo(seed, SEED_FIRMS, seed=17)

        def rows(sql):
            cur = seed.conn.execute(sql)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur]

        firms = rows("SELECT * FROM firms WHERE deleted_at IS NULL ORDER BY id")
        assessments: dict[str, list[dict]] = {}
        for a in rows("SELECT * FROM assessments WHERE deleted_at IS NULL AND status = 'completed' ORDER BY id"):
            result = json.loads(a["result"])
            a["result"] = json.dumps({"dimensions": [
                {k: d.get(k) for k in ("dimension_id", "status", "score", "title")} for d in result["dimensions"]],
                "provisional": result.get("provisional"), "band_uncapped": result.get("band_uncapped")})
            assessments.setdefault(a["firm_id"], []).append(a)
    return firms, assessments


def _portfolio(n_firms: int, n_devices: int, firms: list[dict], assessments: dict[str, list[dict]]):
    """(device number, table, row) for every firm and assessment, firm before its assessments."""
    for i in range(n_firms):
        template = firms[i % len(firms)]
        firm = dict(template, id=f"f{i:07d}", legal_name=f"{template['legal_name']} {i}")
        device = i % n_devices
        yield device, "firms", firm
        for k, a in enumerate(assessments.get(template["id"], ())):
            yield device, "assessments", dict(a, id=f"a{i:07d}-{k}", firm_id=firm["id"])



def _load_sqlite(path: Path, rows) -> float:
    from desktop.services.storage import open_database

    start = time.perf_counter()
    with open_database(path) as storage, storage.write():
        batch: dict[str, list[dict]] = {"firms": [], "assessments": []}

        def flush():
            for table, items in batch.items():
                if items:
                    cols = list(items[0])
                    storage.conn.executemany(
                        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                        [tuple(r[c] for c in cols) for r in items])
                    items.clear()

        for _device, table, row in rows:
            batch[table].append(row)
            if len(batch["firms"]) >= 10_000:
                flush()
        flush()
    return time.perf_counter() - start


def _load_postgres(url: str, rows, n_devices: int, n_centres: int) -> float:
    """Every row as a change of its device's origin, through the server's trigger; returns seconds."""
    from db.centre import server

    with server.connect(url) as conn:
        for c in range(1, n_centres):
            server.add_centre(conn, f"Centro {c + 1:02d}", "SV")
        centre_ids = [c["id"] for c in server.centres(conn)]
        origins = [f"device-{d:03d}" for d in range(n_devices)]
        with conn.transaction():
            for d, origin in enumerate(origins):
                conn.execute("INSERT INTO origins (origin, name, centre_id) VALUES (%s, %s, %s)",
                             (origin, f"Laptop {d}", centre_ids[d % n_centres]))
        seq = [0] * n_devices
        start = time.perf_counter()
        cur = conn.cursor()
        with conn.transaction(), cur.copy(
                "COPY changes (origin, origin_seq, table_name, record_id, rev, op, vv, state, changed_at) "
                "FROM STDIN") as copy:
            for device, table, row in rows:
                seq[device] += 1
                origin = origins[device]
                state = dict(row, origin=origin, rev=1)
                copy.write_row((origin, seq[device], table, row["id"], 1, "insert",
                                json.dumps({origin: seq[device]}), json.dumps(state), row["created_at"]))
        conn.execute("ANALYZE")
        return time.perf_counter() - start


def _median(func, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _queries():
    from db.queries import dashboard as q
    from db.queries import reports
    from db.queries.dashboard import DashboardFilter
    from db.queries.reports import PortfolioFilter

    everyone, period = DashboardFilter(), DashboardFilter(date_from="2025-01-01", date_to="2025-12-31")
    year = PortfolioFilter(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    return [
        ("firms by size", lambda s: q.count_firms_by(s, "size_class", everyone)),
        ("firms by country", lambda s: q.count_firms_by(s, "country", everyone)),
        ("firms by department", lambda s: q.count_firms_by(s, "department", everyone)),
        ("firms by band (latest assessment)", lambda s: q.count_latest_by(s, "band", everyone)),
        ("firms by stage, 2025", lambda s: q.count_latest_by(s, "stage", period)),
        ("common gaps", lambda s: q.count_gaps(s, everyone)),
        ("assessments by month, 2025", lambda s: q.count_assessments_by_month(s, period)),
        ("re-assessment due", lambda s: q.count_stale(s, everyone, "2025-12-07")),
        ("firms behind one bar (list of 500)", lambda s: q.firm_page(s, "size_class", "pequena", everyone)),
        ("report totals, 2025", lambda s: reports.totals(s, year)),
        ("report gaps, 2025", lambda s: reports.common_gaps(s, year)),
    ]


def run(n_firms: int, n_devices: int, n_centres: int) -> dict:
    from db.centre import server
    from db.centre.portfolio import ServerPortfolio
    from desktop.services.storage import open_database
    from tests.centre.cluster import prepared_database

    folder = Path(tempfile.mkdtemp(prefix="rumbo-portfolio-"))
    firms, assessments = _templates(folder)
    out: dict = {"firms": n_firms, "devices": n_devices, "centres": n_centres, "rows": {}}
    out["sqlite_load_s"] = _load_sqlite(folder / "laptop.db", _portfolio(n_firms, n_devices, firms, assessments))
    with prepared_database("rumbo_portfolio", "Centro 01") as (url, host, port):
        out["pg_load_s"] = _load_postgres(url, _portfolio(n_firms, n_devices, firms, assessments), n_devices, n_centres)
        with server.connect(url) as conn:
            role, secret = server.enrol_device(conn, "national-desk", "Coordinación nacional", national=True)
            out["assessments"] = conn.execute("SELECT count(*) FROM portfolio.assessments").fetchone()[0]
            out["pg_mb"] = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1e6
        national = f"postgresql://{role}:{secret}@{host}:{port}/rumbo_portfolio"
        with open_database(folder / "laptop.db") as laptop, ServerPortfolio(national) as source:
            out["sqlite_mb"] = (folder / "laptop.db").stat().st_size / 1e6
            first_centre = source.centres()[0]["id"]
            for name, query in _queries():
                a, b = query(laptop), query(source)
                if name.startswith("firms behind"):  # the engines order accented names differently
                    a, b = sorted(r["id"] for r in a), sorted(r["id"] for r in b)
                assert _comparable(a) == _comparable(b), f"{name}: the two engines disagree"
                out["rows"][name] = (_median(lambda q=query: q(laptop)), _median(lambda q=query: q(source)))
            from db.queries import dashboard as q
            from db.queries.dashboard import DashboardFilter

            one = DashboardFilter(centre_id=first_centre)
            out["rows"]["firms by centre (server only)"] = (None, _median(
                lambda: q.count_firms_by(source, "centre", DashboardFilter())))
            out["rows"]["one centre's bands (server only)"] = (None, _median(
                lambda: q.count_latest_by(source, "band", one)))
    return out


def _comparable(value):
    """Query results with floats rounded (the engines sum in different orders)."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_comparable(v) for v in value]
    return value


def write_doc(r: dict) -> str:
    m = machine()
    lines = [
        "# Benchmark: the national portfolio in PostgreSQL and in SQLite",
        "",
        f"Measured {dt.date.today().isoformat()} with `python -m tests.benchmarks.bench_portfolio --firms "
        f"{r['firms']} --devices {r['devices']}`; machine: {', '.join(f'{k} {v}' for k, v in m.items())}; PostgreSQL on the same machine (throwaway "
        "cluster, `fsync=off`, default memory settings). Shared, noisy machine: compare the ratios of one run.",
        "",
        f"{r['firms']:,} firms and {r['assessments']:,} completed assessments, as changes of {r['devices']} "
        f"devices in {r['centres']} centres. Loading them through the server's trigger (which keeps the "
        f"portfolio as laptops show it) took {r['pg_load_s']:.0f} s "
        f"({(r['firms'] + r['assessments']) / r['pg_load_s']:,.0f} changes/s); the same rows into SQLite "
        f"{r['sqlite_load_s']:.0f} s. Sizes: PostgreSQL database {r['pg_mb']:,.0f} MB (change log and portfolio), "
        f"SQLite file {r['sqlite_mb']:,.0f} MB. Each stored result holds only the dimension scores "
        "(see the script's docstring).",
        "",
        "The server is queried as the national coordinator's device (row-level security on, every centre "
        "visible); both engines give the same answers (checked by the script).",
        "",
        "| Query (median of 3) | SQLite s | PostgreSQL s | PostgreSQL / SQLite |",
        "|---|---:|---:|---:|",
    ]
    for name, (lite, pg) in r["rows"].items():
        if lite is None:
            lines.append(f"| {name} | — | {pg:.3f} | — |")
        else:
            lines.append(f"| {name} | {lite:.3f} | {pg:.3f} | {pg / lite:.2f} |")
    text = "\n".join(lines) + "\n"
    DOC.write_text(text, encoding="utf-8")
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=1_000_000)
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--centres", type=int, default=14)
    args = parser.parse_args(argv)
    print(write_doc(run(args.firms, args.devices, args.centres)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
