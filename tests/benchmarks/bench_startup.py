"""Start-up to a usable main window, in a fresh process each run (offscreen)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_common import Measure

ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"), PYTHONPATH=str(ROOT))
    return env


def measure_startup(db_path: Path, repeat: int = 5) -> list[Measure]:
    """Median time from process start to the first show of a populated firm list."""
    with tempfile.TemporaryDirectory(prefix="rumbo-start-") as home:
        env = {**_env(Path(home)), "RUMBO_BENCH_PLAIN": "1"}  # a plain file: bench_encryption compares
        subprocess.run([sys.executable, "-m", "tests.benchmarks.startup_setup", str(db_path)],
                       env=env, cwd=ROOT, check=True)
        runs, rss = [], []
        for _ in range(repeat + 1):  # the first run warms the OS file cache
            start = time.time()
            out = subprocess.run([sys.executable, "-m", "tests.benchmarks.startup_child", str(db_path)],
                                 env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
            line = next((x for x in out.stdout.splitlines() if x.startswith("READY")), None)
            if line is None:
                raise RuntimeError(f"start-up run failed:\n{out.stdout}\n{out.stderr}")
            _tag, ready, peak = line.split()
            runs.append((float(ready) - start) * 1000)
            rss.append(float(peak))
        runs = runs[1:]
    return [
        Measure("Start-up to a usable main window", statistics.median(runs), budget=1500, runs=runs,
                note="fresh process, offscreen; includes Python start, imports, opening and backing up the database"),
        Measure("Peak memory of the application at start-up", max(rss), unit="MB"),
    ]
