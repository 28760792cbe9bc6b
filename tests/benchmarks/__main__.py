"""Run the benchmarks and write docs/benchmarks.md.

    python3 -m tests.benchmarks                 # 100,000 firms
    python3 -m tests.benchmarks --firms 1000000  # also usable at a million?
    python3 -m tests.benchmarks --quick          # fewer repeats, no batch/import

Built databases are cached (``--cache``, default ``$TMPDIR/rumbo-bench``), so
reruns skip the minutes it takes to make them. Each run works on a copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.bench_common import (  # noqa: E402
    Measure,
    benchmark_db,
    cache_dir,
    machine,
    peak_rss_mb,
    working_copy,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"


def fmt(m: Measure) -> str:
    if m.unit == "/s":
        return f"{m.value:,.0f} /s"
    if m.unit == "MB":
        return f"{m.value:,.0f} MB"
    return f"{m.value:,.1f} ms" if m.value < 10_000 else f"{m.value / 1000:,.1f} s"


def table(measures: list[Measure]) -> str:
    lines = ["| Measure | Result | Reference | Ratio | Budget | Pass |", "|---|---:|---:|---:|---:|:---:|"]
    for m in measures:
        ref = "" if m.reference is None else f"{m.reference:,.2f} ms ({m.reference_name})"
        ratio = "" if m.ratio is None else f"{m.ratio:,.1f}×"
        budget = "" if m.budget is None else (f"≥ {m.budget:,.0f} /s" if m.unit == "/s" else f"≤ {m.budget:,.0f} ms")
        ok = {None: "", True: "yes", False: "**no**"}[m.passed]
        name = m.name + (f" <br><sub>{m.note}</sub>" if m.note else "")
        lines.append(f"| {name} | {fmt(m)} | {ref} | {ratio} | {budget} | {ok} |")
    return "\n".join(lines)


def render(n_firms: int, measures: list[Measure], build_s: float | None, elapsed: float) -> str:
    info = machine()
    head = [f"### {n_firms:,} firms — {dt.date.today().isoformat()}", "",
            "Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()) + ".", ""]
    if build_s is not None:
        head.append(f"Building the database (`make_demo`, with assessments) took {build_s:,.1f} s.")
    head.append(f"The whole run took {elapsed / 60:,.1f} min. Times are medians of repeated runs.")
    failed = [m.name for m in measures if m.passed is False]
    head.append(("Misses the budget: " + "; ".join(failed) + ".") if failed else "Everything within budget.")
    return "\n".join(head) + "\n\n" + table(measures) + "\n"


def write_doc(n_firms: int, text: str) -> None:
    """Replace this size's section of docs/benchmarks.md between its markers (hand-written text stays)."""
    start, end = f"<!-- results:{n_firms} -->", f"<!-- /results:{n_firms} -->"
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    block = f"{start}\n{text}{end}"
    if start in doc:
        doc = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _m: block, doc, flags=re.S)
    else:
        doc = doc.rstrip("\n") + "\n\n" + block + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(doc, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m tests.benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--cache", help="folder for the built databases")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="fewer repeats; skip the import and the batch")
    parser.add_argument("--only", help="comma list: startup,list,proxy,import,engines,reports,dashboard,duplicates")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    wanted = set((args.only or "startup,list,proxy,import,engines,reports,dashboard,duplicates").split(","))
    if args.quick:
        wanted -= {"import"}
        args.repeat = 3
    began = time.perf_counter()
    folder = cache_dir(args.cache)
    cached, build_s = benchmark_db(args.firms, folder, args.rebuild)
    measures: list[Measure] = []

    def run(name, func):
        if name in wanted:
            print(f"-- {name}", flush=True)
            found = func()
            for m in found:
                print(f"   {m.name}: {fmt(m)}" + (f"  (ratio {m.ratio:.1f}×)" if m.ratio else "")
                      + ({True: "  ok", False: "  OVER BUDGET", None: ""}[m.passed]), flush=True)
            measures.extend(found)

    with tempfile.TemporaryDirectory(prefix="rumbo-bench-") as temp:
        db_path = working_copy(cached, Path(temp))
        from tests.benchmarks import bench_list, bench_startup, bench_work

        run("startup", lambda: bench_startup.measure_startup(db_path, repeat=min(args.repeat, 5)))
        from PySide6.QtWidgets import QApplication

        from desktop.services.storage import open_database

        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - the models need one
        with open_database(db_path) as storage:
            run("list", lambda: bench_list.measure_list(storage, args.repeat, proxy=False))
            run("proxy", lambda: bench_list.measure_proxy(storage) if args.firms <= 200_000 else [])
            run("dashboard", lambda: bench_work.measure_dashboard(storage))
            run("duplicates", lambda: bench_work.measure_duplicates(storage))
            if "reports" in wanted:
                batch = 100 if args.quick else 1000
                run("reports", lambda: bench_work.measure_reports(storage, db_path, batch=batch))
        run("engines", bench_work.measure_engines)
        run("import", lambda: bench_work.measure_import(folder))
    lazy = next((m for m in measures if m.name.startswith("Search 'pa'")), None)
    for m in measures:
        if lazy and m.name.startswith("Proxy model: search"):
            m.reference, m.reference_name = lazy.value, "lazy model, same text"
    measures.append(Measure("Peak memory of the benchmark process", peak_rss_mb(), unit="MB",
                            note="holds the proxy model with every row when that part runs"))
    text = render(args.firms, measures, build_s, time.perf_counter() - began)
    print()
    print(text)
    if not args.no_write:
        write_doc(args.firms, text)
        print(f"Written to {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
