"""Shared helpers: timing as medians, the cached benchmark databases, the machine."""

from __future__ import annotations

import os
import platform
import resource
import shutil
import statistics
from db.driver import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SEED = 2024


@dataclass
class Measure:
    """One benchmark line: a median time (ms) or a rate, with its reference and budget."""

    name: str
    value: float
    unit: str = "ms"
    reference: float | None = None  # the floor or the typical approach, same unit
    reference_name: str = ""
    budget: float | None = None  # upper bound (ms) or lower bound (per second rates)
    note: str = ""
    runs: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.reference in (None, 0):
            return None
        return self.value / self.reference

    @property
    def passed(self) -> bool | None:
        if self.budget is None:
            return None
        if self.unit == "/s":
            return self.value >= self.budget
        return self.value <= self.budget


def median_ms(func: Callable[[], object], repeat: int = 5, warmup: int = 1) -> tuple[float, list[float]]:
    """Median wall time of ``func`` in milliseconds, after ``warmup`` untimed runs."""
    for _ in range(warmup):
        func()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), runs


def cache_dir(override: str | None = None) -> Path:
    """Where built benchmark databases are kept between runs."""
    path = Path(override or os.environ.get("RUMBO_BENCH_CACHE") or Path(tempfile.gettempdir()) / "rumbo-bench")
    path.mkdir(parents=True, exist_ok=True)
    return path


def benchmark_db(n_firms: int, folder: Path, rebuild: bool = False, log=print) -> tuple[Path, float | None]:
    """The path of a database of ``n_firms`` demo firms with assessments (built once, then cached).

    Returns:
        The path, and the seconds the build took (None when it came from the cache).
    """
    from db.schema import SCHEMA_VERSION

    path = folder / f"firms-{n_firms}-seed{SEED}-schema{SCHEMA_VERSION}.db"
    from desktop.services.demo import make_demo
    from desktop.services.storage import open_database

    if path.exists() and not rebuild:
        with open_database(path):
            pass  # applies any migration added since the file was built (new indexes)
        return path, None

    temp = path.with_suffix(".building")
    for stale in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
        stale.unlink(missing_ok=True)
    log(f"Building a database of {n_firms:,} firms in {path} ...")
    start = time.perf_counter()
    with open_database(temp) as storage:
        make_demo(storage, n_firms, seed=SEED)
    seconds = time.perf_counter() - start
    os.replace(temp, path)
    return path, seconds


def working_copy(path: Path, folder: Path) -> Path:
    """A fresh copy of a cached database, so runs never change the cache."""
    copy = folder / f"work-{path.name}"
    shutil.copyfile(path, copy)
    return copy


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB (Linux reports ru_maxrss in KB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def machine() -> dict[str, str]:
    """A short description of the machine and the software versions."""
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        ram = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration, ValueError):
        pass
    import PySide6
    from PySide6 import QtCore

    return {
        "CPU": cpu, "Cores": str(os.cpu_count()), "RAM": ram,
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(), "PySide6": PySide6.__version__, "Qt": QtCore.qVersion(),
        "SQLite": sqlite3.sqlite_version,
    }
