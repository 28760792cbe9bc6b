"""Every attack of issue 31, run and counted: ``python -m tests.security``.

The attacks are ordinary tests marked ``@pytest.mark.attack(item, "what the attacker tries")``
beside the code they attack (tests/sync, tests/centre, tests/db, tests/cli, tests/services ...), so
the suite runs them on every commit. This script runs just those, as the hostile pass that found the
leaks counted them, and writes one row per scenario (tried / held) into docs/faults.md. An attack
*held* when its test passed: the component holding the data refused it and nothing changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.report_blocks import write_block  # noqa: E402


class _Tally:
    """A pytest plugin that keeps each attack test's marker and outcome."""

    def __init__(self) -> None:
        self.marks: dict[str, tuple[int, str]] = {}
        self.outcome: dict[str, str] = {}

    def pytest_collection_modifyitems(self, items):
        for item in items:
            mark = item.get_closest_marker("attack")
            if mark:
                self.marks[item.nodeid] = (int(mark.args[0]), str(mark.args[1]))

    def pytest_runtest_logreport(self, report):
        if report.nodeid not in self.marks:
            return
        if report.when == "call" or report.outcome != "passed":
            if self.outcome.get(report.nodeid) in (None, "passed"):
                self.outcome[report.nodeid] = report.outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "faults.md"))
    args = parser.parse_args(argv)
    tally = _Tally()
    started = time.perf_counter()
    pytest.main(["-q", "-m", "attack", "-p", "no:cacheprovider", str(ROOT / "tests")], plugins=[tally])
    seconds = time.perf_counter() - started
    rows: dict[tuple[int, str], list[str]] = defaultdict(list)
    for nodeid, key in tally.marks.items():
        rows[key].append(tally.outcome.get(nodeid, "not run"))
    tried = sum(len(v) for v in rows.values())
    held = sum(v.count("passed") for v in rows.values())
    lines = ["## Attacks at the seams (issue 31)", "",
             f"Written by `python -m tests.security` on {dt.date.today().isoformat()} ({seconds:.0f} s): each "
             "attack below is a test marked `attack` beside the code it attacks; it *held* when the component "
             "holding the data refused it and nothing changed.", "",
             "| Item | Attack | Tried | Held |", "|---:|---|---:|---:|"]
    for (item, what), outcomes in sorted(rows.items()):
        lines.append(f"| {item} | {what} | {len(outcomes)} | {outcomes.count('passed')} |")
    lines.append(f"| | **all** | {tried} | {held} |")
    failed = sorted(n for n, o in tally.outcome.items() if o != "passed")
    lines += ["", "Not held: " + (", ".join(f"`{n}`" for n in failed) if failed else "none.")]
    write_block(Path(args.out), "security", "\n".join(lines))
    print(f"{held} of {tried} attacks held; written to {args.out}")
    return 0 if held == tried and tried else 1


if __name__ == "__main__":
    raise SystemExit(main())
