"""Direct sync with the centre's PostgreSQL server against a bundle, for the same changes (issue 17).

    python3 -m tests.benchmarks.bench_centre_sync               # 10,000 firms (10,000 changes)
    python3 -m tests.benchmarks.bench_centre_sync --firms 2000

Starts a throwaway PostgreSQL cluster (``tests/centre/cluster.py``), registers the firms on
laptop A, then measures in one run: A's push to the server, B's pull and apply, and the same
changes carried by a bundle (export on A, import on a third laptop). The laptops' databases are
encrypted with sign-in, as enrolment on the server requires (issue 31). Writes
``docs/benchmarks-centre-sync.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_common import machine
from tests.benchmarks.bench_startup import ROOT

DOC = ROOT / "docs" / "benchmarks-centre-sync.md"


def _timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def run(n_firms: int) -> dict[str, float]:

    from desktop.services import centre, sync
    from desktop.services.registry.firms import register_firms
    from tests.centre.cluster import prepared_database
    from tests.centre.devices import enrol, secure_database, trust_each_other

    folder = Path(tempfile.mkdtemp(prefix="rumbo-centre-"))
    with prepared_database("rumbo_bench", "Benchmark") as (url, _host, _port):
        a = secure_database(folder / "a.db", "Laptop A")
        b = secure_database(folder / "b.db", "Laptop B")
        c = secure_database(folder / "c.db", "Laptop C")
        trust_each_other(a, c)
        for device in (a, b):
            enrol(device, url)
        for device in (a, b, a):  # each one's sign-in first: what is measured is the firms alone
            centre.sync_now(device)
        rows = [{"legal_name": f"Empresa de prueba {i}", "country": "SV", "department": "San Miguel",
                 "municipality": f"Municipio {i % 97}", "employees": 1 + i % 90} for i in range(n_firms)]
        register_firms(a, rows, None)
        r: dict[str, float] = {"firms": n_firms}
        r["push_s"], pushed = _timed(lambda: centre.sync_now(a))
        r["changes"] = pushed.pushed
        r["pull_s"], pulled = _timed(lambda: centre.sync_now(b))
        assert pulled.pulled == pushed.pushed
        bundle = folder / "a.rumbo"
        r["export_s"], _ = _timed(lambda: sync.export_bundle(a, bundle, peer=c.device_id))
        r["import_s"], _ = _timed(lambda: sync.import_bundle(c, bundle))
        r["again_s"], again = _timed(lambda: centre.sync_now(b))
        assert (again.pushed, again.pulled) == (0, 0)
        for s in (a, b, c):
            s.close()
    return r


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=10_000)
    args = parser.parse_args()
    r = run(args.firms)
    server = r["push_s"] + r["pull_s"]
    bundle = r["export_s"] + r["import_s"]
    lines = [
        "# Benchmark: direct sync with the centre's server",
        "",
        f"Run {dt.date.today().isoformat()} with `python3 -m tests.benchmarks.bench_centre_sync --firms {args.firms}`;"
        f" machine: {machine()}; PostgreSQL on the same machine (throwaway cluster, `fsync=off`).",
        "",
        f"{int(r['changes']):,} changes (one per firm registered on laptop A); the laptops' databases are encrypted.",
        "",
        "| What | Time | Per 1,000 changes |",
        "|---|---:|---:|",
        f"| A pushes to the server (`rumbo sync`) | {r['push_s']:.2f} s | {1000 * r['push_s'] / r['changes'] * 1000:.0f} ms |",
        f"| B pulls and applies (`rumbo sync`) | {r['pull_s']:.2f} s | {1000 * r['pull_s'] / r['changes'] * 1000:.0f} ms |",
        f"| Bundle: export on A | {r['export_s']:.2f} s | {1000 * r['export_s'] / r['changes'] * 1000:.0f} ms |",
        f"| Bundle: import on C | {r['import_s']:.2f} s | {1000 * r['import_s'] / r['changes'] * 1000:.0f} ms |",
        f"| B syncs again (nothing to do) | {r['again_s']:.2f} s | — |",
        "",
        f"Server round trip (push + pull) / bundle (export + import): {server / bundle:.2f}× for the same changes.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
