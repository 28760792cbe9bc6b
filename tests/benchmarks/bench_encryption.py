"""What encryption costs (issue 16): plain against encrypted, in one run, as ratios.

    python3 -m tests.benchmarks.bench_encryption               # 100,000 firms, then the re-key
    python3 -m tests.benchmarks.bench_encryption --firms 20000 --quick
    python3 -m tests.benchmarks.bench_encryption --rekey-only  # only the re-key at 1,000 and 10,000 firms

It encrypts a copy of the cached benchmark database in place (the first start of this
version on an adviser's file), checks that every row is still there, then measures on the
plain and the encrypted copy: start-up to a usable window (fresh processes), searches of the
firm list, and a CSV import into a new database. Then it measures the re-key that removing an
adviser's access makes (issue 31) at 1,000 and 10,000 demo firms, with the seven automatic backups
a database keeps. Writes ``docs/benchmarks-encryption.md`` (``--rekey-only`` rewrites only the
re-key section).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.bench_common import benchmark_db, cache_dir, machine, median_ms  # noqa: E402
from tests.benchmarks.bench_startup import ROOT, _env  # noqa: E402

DOC = ROOT / "docs" / "benchmarks-encryption.md"
LOGIN, PASSWORD = "bench", "benchmark-1"
SEARCHES = ("café", "cooperativa", "san", "agro", "textil")
REKEY_SIZES = (1_000, 10_000)
REKEY_TITLE = "## Re-key when an adviser loses access"


def _counts(path: Path) -> dict[str, int]:
    from desktop.services.storage import open_database

    with open_database(path) as storage:
        tables = ("firms", "assessments", "answers", "contacts", "change_log", "sync_changes")
        return {t: storage.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _startup(db: Path, env: dict, repeat: int) -> float:
    runs = []
    for _ in range(repeat + 1):  # the first run warms the OS file cache
        start = time.time()
        out = subprocess.run([sys.executable, "-m", "tests.benchmarks.startup_child", str(db)], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
        line = next((x for x in out.stdout.splitlines() if x.startswith("READY")), None)
        if line is None:
            raise RuntimeError(f"start-up run failed:\n{out.stdout}\n{out.stderr}")
        runs.append((float(line.split()[1]) - start) * 1000)
    return statistics.median(runs[1:])


def _search(db: Path, repeat: int) -> float:
    from desktop.services.registry.firm_list import FirmQuery, count_firms, firm_ids
    from desktop.services.storage import open_database

    with open_database(db) as storage:
        def run():
            for text in SEARCHES:
                query = FirmQuery(text=text)
                count_firms(storage, query)
                firm_ids(storage, query, 0, 100)
        return median_ms(run, repeat)[0] / len(SEARCHES)


def _import(csv_path: Path, folder: Path, encrypted: bool) -> float:
    from db import keys
    from desktop.services import security
    from desktop.services.registry.importing import import_file
    from desktop.services.storage import open_database

    db = folder / ("nueva-cifrada.db" if encrypted else "nueva.db")
    if encrypted:
        security.set_up(db, "Benchmark", LOGIN, PASSWORD)
    with open_database(db) as storage:
        start = time.perf_counter()
        summary = import_file(storage, csv_path, None)
        elapsed = (time.perf_counter() - start) * 1000
    assert summary.accepted > 0, summary.text()
    keys.forget(db)
    return elapsed


def run(n_firms: int, quick: bool, cache: str | None) -> list[tuple[str, float, float]]:
    from db import keys
    from desktop.services import security
    from tests.benchmarks.bench_work import import_csv

    folder = cache_dir(cache)
    source, _build = benchmark_db(n_firms, folder)
    repeat = 3 if quick else 5
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="rumbo-cifrado-") as temp:
        temp = Path(temp)
        home = temp / "home"
        env = _env(home)
        plain = temp / "plain.db"
        shutil.copy2(source, plain)
        subprocess.run([sys.executable, "-m", "tests.benchmarks.startup_setup", str(plain)], env=env, cwd=ROOT,
                       check=True)
        encrypted = temp / "encrypted.db"
        shutil.copy2(plain, encrypted)
        before = _counts(encrypted)
        import desktop.services.maintenance as maintenance

        maintenance.backup_folder = lambda: temp / "copias"
        start = time.perf_counter()
        security.set_up(encrypted, "Benchmark", LOGIN, PASSWORD)
        encrypt_s = time.perf_counter() - start
        after = _counts(encrypted)
        lost = {t: before[t] - after[t] for t in before if after[t] < before[t]}
        if lost or keys.is_plain_sqlite(encrypted):
            raise SystemExit(f"la base cifrada perdió filas: {lost}")
        print(f"encrypted in place in {encrypt_s:.1f} s; rows kept: {after}")
        rows.append(("Encryption in place of the whole file (first start of this version)", 0.0, encrypt_s * 1000))
        keys.forget(encrypted)
        start = time.perf_counter()
        security.sign_in(encrypted, LOGIN, PASSWORD)
        rows.append(("Sign-in (Argon2id, 64 MiB) and first opening", 0.0, (time.perf_counter() - start) * 1000))

        plain_env = {**env, "RUMBO_BENCH_PLAIN": "1"}
        secret_env = {**env, "RUMBO_USER": LOGIN, "RUMBO_PASSWORD": PASSWORD}
        rows.append(("Start-up to a usable main window", _startup(plain, plain_env, repeat),
                     _startup(encrypted, secret_env, repeat)))
        rows.append(("Firm-list search (count and first 100 ids), per search", _search(plain, repeat),
                     _search(encrypted, repeat)))
        csv_rows = 10_000 if quick else 50_000
        csv_path = import_csv(folder, csv_rows)
        rows.append((f"CSV import of {csv_rows:,} rows into a new database", _import(csv_path, temp, False),
                     _import(csv_path, temp, True)))
        rows.append(("__counts__", before["firms"], after["firms"]))
    return rows


def rekey_rows(sizes, cache: str | None) -> list[tuple[int, float, float, float, float, int]]:
    """Time ``security.remove_access`` on an encrypted copy of each benchmark database.

    Returns, per size: firms, file size (MB), the whole re-key, the database's own part
    (``PRAGMA rekey`` and the checkpoint), the backups' part (seconds), backups re-keyed.
    """
    from db import cipher, keys
    from desktop.services import maintenance, rekey, security
    from desktop.services.storage import open_database

    folder = cache_dir(cache)
    rows = []
    for n_firms in sizes:
        source, _build = benchmark_db(n_firms, folder)
        with tempfile.TemporaryDirectory(prefix="rumbo-rekey-") as temp:
            temp = Path(temp)
            maintenance.backup_folder = lambda temp=temp: temp / "copias"
            db = temp / "rekey.db"
            shutil.copy2(source, db)
            made = security.set_up(db, "Benchmark", LOGIN, PASSWORD)
            admin = made.signed_in.adviser_id
            parts = {"database": 0.0, "backups": 0.0}

            def timed(name, func):
                def run(*args, **kwargs):
                    start = time.perf_counter()
                    try:
                        return func(*args, **kwargs)
                    finally:
                        parts[name] += time.perf_counter() - start
                return run

            real_rekey, real_copies = cipher.rekey_in_place, rekey.rekey_copies
            cipher.rekey_in_place = timed("database", real_rekey)
            rekey.rekey_copies = timed("backups", real_copies)
            try:
                with open_database(db) as storage:
                    leaving = security.adviser_repo.create_adviser(storage, {"name": "Sale", "active": True}, admin)
                    security.grant_access(storage, admin, leaving["id"], "sale", "clave-que-sale", "adviser")
                    for _ in range(maintenance.AUTO_BACKUPS_KEPT):
                        maintenance.startup_backup(storage)
                    size_mb = db.stat().st_size / 1e6
                    start = time.perf_counter()
                    done = security.remove_access(storage, admin, leaving["id"])
                    total = time.perf_counter() - start
            finally:
                cipher.rekey_in_place, rekey.rekey_copies = real_rekey, real_copies
            keys.forget(db)
        print(f"re-key at {n_firms:,} firms ({size_mb:,.0f} MB): {total:.1f} s "
              f"(database {parts['database']:.1f} s, {done.copies} backups {parts['backups']:.1f} s)")
        rows.append((n_firms, size_mb, total, parts["database"], parts["backups"], done.copies))
    return rows


def render_rekey(rows) -> str:
    lines = [REKEY_TITLE, "", f"Measured {dt.date.today().isoformat()} on the machine above. Removing an adviser's "
             "access moves the database to a new key (`PRAGMA rekey` in WAL mode, then a TRUNCATE checkpoint) "
             "and re-keys the database's automatic backups the same way, in place. Demo "
             "firms with assessments; seven backups, as the rotation keeps. In the app the database part runs "
             "on the task thread behind a progress dialog, and the backups follow in the background.", "",
             "| Firms | Database | Whole re-key | Database part | Backups part | Backups |",
             "|---:|---:|---:|---:|---:|---:|"]
    for n_firms, size_mb, total, database, copies, count in rows:
        lines.append(f"| {n_firms:,} | {size_mb:,.0f} MB | {total:,.1f} s | {database:,.1f} s | {copies:,.1f} s | "
                     f"{count} |")
    return "\n".join(lines) + "\n"


def write_rekey_section(text: str) -> None:
    """Put the re-key section at the end of the page, replacing an earlier one."""
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    kept = current.split(REKEY_TITLE)[0].rstrip()
    DOC.write_text((kept + "\n\n" if kept else "") + text, encoding="utf-8")


def render(n_firms: int, rows) -> str:
    info = machine()
    counts = next(r for r in rows if r[0] == "__counts__")
    lines = [f"### {n_firms:,} firms — {dt.date.today().isoformat()}", "",
             "Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()) + ".", "",
             f"Firms before and after encryption in place: {counts[1]:,} and {counts[2]:,} (every table's rows "
             "counted; none lost).", "",
             "| Measure | Plain | Encrypted | Ratio |", "|---|---:|---:|---:|"]
    for name, plain, secret in rows:
        if name == "__counts__":
            continue
        if plain:
            lines.append(f"| {name} | {plain:,.1f} ms | {secret:,.1f} ms | {secret / plain:,.2f}× |")
        else:
            lines.append(f"| {name} | — | {secret:,.1f} ms | |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--cache")
    parser.add_argument("--rekey-only", action="store_true", help="measure only the re-key")
    args = parser.parse_args(argv)
    if args.rekey_only:
        text = render_rekey(rekey_rows(REKEY_SIZES, args.cache))
        print(text)
        write_rekey_section(text)
        return 0
    rows = run(args.firms, args.quick, args.cache)
    text = render(args.firms, rows)
    print(text)
    header = ("# What encryption costs\n\nWritten by `python3 -m tests.benchmarks.bench_encryption`. SQLCipher 4 "
              "(AES-256, HMAC-SHA512 per page) through sqlcipher3; plain and encrypted copies of one database "
              "measured in the same run, so the ratio is what counts on a shared machine.\n\n")
    DOC.write_text(header + text, encoding="utf-8")
    write_rekey_section(render_rekey(rekey_rows(REKEY_SIZES, args.cache)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
