"""What the tamper-evident history costs (issue 16, item 4), as ratios within one run.

    python3 -m tests.benchmarks.bench_history_chain               # 100,000 firms
    python3 -m tests.benchmarks.bench_history_chain --firms 20000

On a copy of the cached benchmark database (demo firms with assessments) it measures:
the bulk demo insert of new firms with sealing, and the sealing alone (links removed and
recomputed), so the share of the insert that sealing costs; the first opening of a file
from before the chain (all links made); and a whole verification (``rumbo check``'s
history part). Writes ``docs/benchmarks-history-chain.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_common import benchmark_db, cache_dir, machine, working_copy
from tests.benchmarks.bench_startup import ROOT

DOC = ROOT / "docs" / "benchmarks-history-chain.md"


def _timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def run(n_firms: int, added: int) -> dict[str, float]:
    from db import chain
    from desktop.services import maintenance
    from desktop.services.demo import make_demo
    from desktop.services.storage import open_database

    folder = Path(tempfile.mkdtemp(prefix="rumbo-chain-"))
    source, _ = benchmark_db(n_firms, cache_dir())
    path = working_copy(source, folder)
    out: dict[str, float] = {}
    with open_database(path) as storage:
        out["entries"] = storage.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        out["verify_s"], report = _timed(lambda: maintenance.verify_history(storage))
        assert report.ok, report.breaks
        before = storage.conn.execute("SELECT max(seq) FROM change_log").fetchone()[0]
        out["insert_s"], _ = _timed(lambda: make_demo(storage, added, seed=7))
        out["added_entries"] = storage.conn.execute("SELECT count(*) FROM change_log WHERE seq > ?",
                                                    (before,)).fetchone()[0]

        def reseal():
            with storage.write():
                storage.conn.execute("UPDATE change_log SET hash = NULL WHERE seq > ?", (before,))
                storage.conn.execute("UPDATE sync_changes SET hash = NULL WHERE origin = ? AND origin_seq > "
                                     "(SELECT origin_seq FROM change_log WHERE seq = ?)", (storage.device_id, before))
                start = time.perf_counter()
                chain.seal(storage.conn, storage.device_id)
                return time.perf_counter() - start

        out["seal_added_s"] = reseal()
        with storage.write():
            storage.conn.execute("UPDATE change_log SET hash = NULL")
    # The first opening of a file from before the chain seals its whole history.
    out["first_open_s"], storage = _timed(lambda: open_database(path))
    with storage:
        assert maintenance.verify_history(storage).ok
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--added", type=int, default=10_000, help="firms added by the bulk insert measured")
    args = parser.parse_args()
    r = run(args.firms, args.added)
    share = r["seal_added_s"] / r["insert_s"]
    lines = [
        "# Benchmark: the tamper-evident history",
        "",
        f"Run {dt.date.today().isoformat()} with `python3 -m tests.benchmarks.bench_history_chain --firms {args.firms}"
        f" --added {args.added}`; machine: {machine()}.",
        "",
        "| What | Entries | Time | Per 1,000 entries |",
        "|---|---:|---:|---:|",
        f"| Verify the whole history (`rumbo check`, Configuración) | {r['entries']:,} | {r['verify_s']:.2f} s"
        f" | {1000 * r['verify_s'] / r['entries'] * 1000:.0f} ms |",
        f"| Bulk demo insert of {args.added:,} firms with assessments, sealed at commit | {r['added_entries']:,}"
        f" | {r['insert_s']:.2f} s | {1000 * r['insert_s'] / r['added_entries'] * 1000:.0f} ms |",
        f"| … of which sealing those entries | {r['added_entries']:,} | {r['seal_added_s']:.2f} s"
        f" | {1000 * r['seal_added_s'] / r['added_entries'] * 1000:.0f} ms |",
        f"| First opening of a file from before the chain (seals all) | {r['entries'] + r['added_entries']:,}"
        f" | {r['first_open_s']:.2f} s | {1000 * r['first_open_s'] / (r['entries'] + r['added_entries']) * 1000:.0f} ms |",
        "",
        f"Sealing is {share:.0%} of the bulk insert's time (same run, same file). A single edit seals one entry"
        " (one indexed read of the previous link and one hash).",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
