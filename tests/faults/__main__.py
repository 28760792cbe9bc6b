"""Randomised fault trials: kill -9 mid-write, damaged bundles, merges in random orders with restores.

    python -m tests.faults                 # about 1,100 trials, a few minutes
    python -m tests.faults --seed 7 --kills 30 --bundles 300 --merges 100

Each trial checks one invariant and counts as *held* or *failed*; the counts and
every failure's description are written to ``docs/faults.md``. Not part of pytest:
the suite keeps the hostile cases as tests, this script throws many random ones.

* kill: a ``rumbo`` command (import, bundle import, demo, backup) on an encrypted
  database (signed in from RUMBO_USER / RUMBO_PASSWORD) is killed with SIGKILL after a
  random delay. Held: the database opens, passes SQLite's quick check, and holds either
  none or all of the command's firms; a backup is either absent or complete; no visible
  partial file remains. A control run of the same kind, not killed, must write.
* bundle: a valid (signed and sealed) bundle is damaged at random (bytes flipped,
  cut short, garbage appended, a member replaced). Held: it is refused with a sentence and the
  centre's database is byte-for-byte unchanged, or, if the damage missed
  everything that matters, importing it gives the same firms as the intact one.
  Two more: the intact bundle at a centre that revoked its laptop, and at one that
  never enrolled it, is refused and changes nothing.
* merge: three devices work at random (register, edit, delete, restore a
  backup) and exchange bundles in random order. Held: after everyone has sent
  everyone their bundles, all three hold the same records, and no (origin,
  number) names two different changes anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from db import changelog, records  # noqa: E402
from tests.report_blocks import write_block  # noqa: E402
from db.schema import RECORD_TABLES  # noqa: E402
from desktop.domain.errors import UserError  # noqa: E402
from desktop.services import maintenance, sync  # noqa: E402
from desktop.services.demo import make_demo  # noqa: E402
from desktop.services.registry import firms  # noqa: E402
from desktop.services.storage import open_database  # noqa: E402


@dataclass
class Tally:
    tried: int = 0
    held: int = 0
    failures: list[str] = field(default_factory=list)

    def record(self, ok: bool, what: str) -> None:
        self.tried += 1
        if ok:
            self.held += 1
        else:
            self.failures.append(what)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(path: Path) -> int:
    with open_database(path) as storage:
        return firms.count_firms(storage, include_deleted=True)


def _enrol(*storages) -> None:
    """Devices enrolled in each other (bundles are signed and sealed to the receiver); the last is the centre.

    Each enrols as its signed-in adviser (a coordinator's act once sign-in is set up)."""
    from desktop.services.advisers import current_adviser_id

    sync.set_device_role(storages[-1], "centre")
    cards = [sync.this_device_card(s) for s in storages]
    for storage in storages:
        for card in cards:
            if card.device_id != storage.device_id:
                sync.enrol_device(storage, card, current_adviser_id(storage))


# ------------------------------------------------------------------ kill -9

# The account of the killed commands' database: the command line writes only encrypted files.
KILL_LOGIN, KILL_PASSWORD = "tecnica", "clave-de-pruebas"


def kill_trials(n: int, rng: random.Random, work: Path, tally: Tally) -> None:
    from db import keys
    from desktop.services import security

    base = work / "base.db"
    source = work / "fuente.db"
    security.set_up(base, "Técnica de pruebas", KILL_LOGIN, KILL_PASSWORD)
    key = keys.key_for(base)
    with open_database(base, device_name="Centro base") as centre, \
            open_database(source, device_name="Laptop fuente") as storage:
        make_demo(centre, 40, assessments=False)
        _enrol(storage, centre)
        make_demo(storage, 300, seed=99, assessments=True)
        sync.export_bundle(storage, work / "fuente.rumbo")
    csv = work / "nuevas.csv"
    csv.write_text("Razón social,País\n" + "".join(f"Empresa de prueba {i},SV\n" for i in range(2000)),
                   encoding="utf-8")
    before = _count(base)
    commands = {
        "import": (["import", str(csv)], {before, before + 2000}),
        "bundle import": (["bundle", "import", str(work / "fuente.rumbo")], {before, before + 300}),
        "demo": (["demo", "--firms", "400", "--seed", "5"], {before, before + 400}),
        "backup": (["backup", str(work / "copia.db")], {before}),
    }
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RUMBO_LOG_DIR": str(work / "registros"),
           "RUMBO_USER": KILL_LOGIN, "RUMBO_PASSWORD": KILL_PASSWORD}
    with open_database(base) as centre:
        centre.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the copies below take the file alone
    # A control run left alone must write, or every kill below would "hold" by writing nothing.
    control = work / "control.db"
    shutil.copy2(base, control)
    shutil.copy2(keys.key_file_path(base), keys.key_file_path(control))
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(control), "demo", "--firms", "3"], cwd=ROOT,
                          env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    tally.record(done.returncode == 0, f"kill: the control run (not killed) failed: {done.stderr.strip()}")
    for i in range(n):
        name = rng.choice(sorted(commands))
        argv, allowed = commands[name]
        db = work / f"kill-{i}.db"
        shutil.copy2(base, db)
        shutil.copy2(keys.key_file_path(base), keys.key_file_path(db))
        keys.remember(db, key)
        (work / "copia.db").unlink(missing_ok=True)
        delay = rng.uniform(0.3, 2.5)
        proc = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db), *argv], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        what = f"kill: {name} after {delay:.2f} s"
        try:
            with open_database(db) as storage:
                quick = storage.conn.execute("PRAGMA quick_check").fetchone()[0]
                count = firms.count_firms(storage, include_deleted=True)
            ok = quick == "ok" and count in allowed
            if name == "backup" and (work / "copia.db").exists():
                ok = ok and maintenance.check_database(work / "copia.db").ok
            visible = [p.name for p in work.iterdir() if p.name.startswith("copia") and p.name != "copia.db"]
            ok = ok and not visible
            tally.record(ok, f"{what}: quick_check={quick}, firms={count} (allowed {sorted(allowed)})")
        except Exception as exc:  # noqa: BLE001 - any failure to reopen is the finding
            tally.record(False, f"{what}: {type(exc).__name__}: {exc}")
        for suffix in ("", "-wal", "-shm", ".keys"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)


# ------------------------------------------------------------------ damaged bundles

def _damage(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    kind = rng.choice(["flip", "flip", "cut", "append", "zero"])
    out = bytearray(data)
    if kind == "flip":
        for _ in range(rng.randint(1, 8)):
            pos = rng.randrange(len(out))
            out[pos] ^= 1 << rng.randrange(8)
        return bytes(out), kind
    if kind == "cut":
        return bytes(out[: rng.randrange(len(out))]), kind
    if kind == "append":
        return bytes(out) + rng.randbytes(rng.randint(1, 4000)), kind
    start = rng.randrange(len(out))
    out[start:start + rng.randint(1, 512)] = bytes(min(512, len(out) - start))
    return bytes(out), kind


def bundle_trials(n: int, rng: random.Random, work: Path, tally: Tally) -> None:
    laptop, centre = work / "laptop.db", work / "centro.db"
    with open_database(laptop, device_name="Laptop Ana") as storage, \
            open_database(centre, device_name="Centro") as centre_storage:
        _enrol(storage, centre_storage)
        make_demo(storage, 25, seed=3, assessments=True)
        sync.export_bundle(storage, work / "bueno.rumbo")
    good = (work / "bueno.rumbo").read_bytes()
    expected_copy = work / "esperado.db"
    shutil.copy2(centre, expected_copy)
    with open_database(expected_copy) as storage:
        sync.import_bundle(storage, work / "bueno.rumbo")
        expected = sorted(f["legal_name"] for f in records.select(storage, "firms", include_deleted=True))
    with open_database(centre) as storage:
        storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pristine = _digest(centre)
    # Genuine bundles from a signer the centre does not trust: refused, the database untouched.
    for kind in ("signed by a revoked device", "signed by a device never enrolled"):
        target = work / "centro-prueba.db"
        shutil.copy2(centre, target)
        try:
            with open_database(target) as storage:
                if kind.startswith("signed by a revoked"):
                    sync.revoke_device(storage, "Laptop Ana", None)
                else:
                    storage.conn.execute("DELETE FROM sync_trusted")
                    storage.conn.commit()
                storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            before = _digest(target)
            with open_database(target) as storage:
                try:
                    sync.import_bundle(storage, work / "bueno.rumbo")
                    refused = False
                except UserError:
                    refused = True
                storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            tally.record(refused and _digest(target) == before, f"bundle {kind}: {'refused' if refused else 'ACCEPTED'}")
        except Exception as exc:  # noqa: BLE001
            tally.record(False, f"bundle {kind}: {type(exc).__name__}: {exc}")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    for i in range(n):
        damaged, kind = _damage(good, rng)
        path = work / "dañado.rumbo"
        path.write_bytes(damaged)
        target = work / "centro-prueba.db"
        shutil.copy2(centre, target)
        what = f"bundle #{i}: {kind}"
        try:
            with open_database(target) as storage:
                try:
                    sync.import_bundle(storage, path)
                    accepted = True
                    got = sorted(f["legal_name"] for f in records.select(storage, "firms", include_deleted=True))
                except UserError:
                    accepted = False
                storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            ok = (got == expected) if accepted else (_digest(target) == pristine or _count(target) == 0)
            tally.record(ok, f"{what}: {'accepted' if accepted else 'refused'}")
        except Exception as exc:  # noqa: BLE001
            tally.record(False, f"{what}: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)


# ------------------------------------------------------------------ merges

def _contents(storage) -> dict:
    out = {}
    for table in RECORD_TABLES:
        for row in records.select(storage, table, include_deleted=True):
            out[(table, row["id"])] = {k: v for k, v in row.items() if k not in ("updated_at",)}
    return out


def merge_trial(rng: random.Random, work: Path) -> tuple[bool, str]:
    paths = [work / "a.db", work / "b.db", work / "c.db"]
    for path in paths:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    names = ("Laptop A", "Laptop B", "Centro")
    opened = [open_database(path, device_name=name) for path, name in zip(paths, names)]
    _enrol(*opened)
    for storage in opened:
        storage.close()
    backups: dict[int, Path] = {}
    steps = []
    for step in range(rng.randint(6, 14)):
        who = rng.randrange(3)
        action = rng.choice(["register", "register", "edit", "edit", "delete", "send", "send", "backup", "restore"])
        path = paths[who]
        steps.append(f"{'ABC'[who]}:{action}")
        if action == "restore":
            if who in backups:
                maintenance.restore_database(path, backups[who])
            continue
        with open_database(path) as storage:
            live = [f["id"] for f in records.select(storage, "firms")]
            if action == "register":
                firms.register_firm(storage, {"legal_name": f"Firma {step}-{'ABC'[who]}", "country": "SV"}, None)
            elif action == "edit" and live:
                firms.update_firm(storage, rng.choice(live), {"notes": f"nota {step}"}, None)
            elif action == "delete" and live:
                firms.delete_firm(storage, rng.choice(live), None)
            elif action == "backup":
                backups[who] = work / f"copia-{who}-{step}.db"
                maintenance.backup_database(storage, backups[who])
            elif action == "send":
                dest = rng.choice([i for i in range(3) if i != who])
                bundle = work / f"p-{step}.rumbo"
                sync.export_bundle(storage, bundle, peer=names[dest])
                with open_database(paths[dest]) as other:
                    try:
                        sync.import_bundle(other, bundle)
                    except UserError:
                        pass
    # Everyone sends everything to everyone, twice (relays), then compare.
    for _round in range(2):
        for src in range(3):
            for dest in range(3):
                if src == dest:
                    continue
                bundle = work / f"final-{src}-{dest}.rumbo"
                with open_database(paths[src]) as storage:
                    sync.export_bundle(storage, bundle, peer=names[dest])
                with open_database(paths[dest]) as other:
                    sync.import_bundle(other, bundle)
    contents = []
    seen: dict[tuple[str, int], str] = {}
    unique = True
    for path in paths:
        with open_database(path) as storage:
            contents.append(_contents(storage))
            for entry in changelog.entries(storage):
                body = changelog.dumps(entry.after)
                if seen.setdefault((entry.origin, entry.origin_seq), body) != body:
                    unique = False
    same = contents[0] == contents[1] == contents[2]
    return same and unique, " ".join(steps) + f" → {'converged' if same else 'DIVERGED'}" \
        f"{'' if unique else ', a change number reused'}"


def merge_trials(n: int, rng: random.Random, work: Path, tally: Tally) -> None:
    for i in range(n):
        trial = work / f"m{i}"
        trial.mkdir()
        try:
            ok, what = merge_trial(rng, trial)
            tally.record(ok, f"merge #{i}: {what}")
        except Exception as exc:  # noqa: BLE001
            tally.record(False, f"merge #{i}: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=4)}")
        shutil.rmtree(trial, ignore_errors=True)


def write_report(tallies: dict[str, Tally], seed: int, seconds: float, out: Path) -> None:
    lines = [
        "# Fault trials", "",
        f"Written by `python -m tests.faults --seed {seed}` on {dt.date.today().isoformat()} "
        f"({seconds:.0f} s). See the script's docstring for what each trial checks.", "",
        "| Trials | Tried | Held | Failed |", "|---|---:|---:|---:|",
    ]
    for name, t in tallies.items():
        lines.append(f"| {name} | {t.tried} | {t.held} | {len(t.failures)} |")
    total = Tally(sum(t.tried for t in tallies.values()), sum(t.held for t in tallies.values()))
    lines.append(f"| **all** | {total.tried} | {total.held} | {total.tried - total.held} |")
    failures = [f for t in tallies.values() for f in t.failures]
    lines += ["", "## Failures", ""] + ([f"- {f}" for f in failures] or ["None."]) + [""]
    write_block(out, "faults", "\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--bundles", type=int, default=750)
    parser.add_argument("--merges", type=int, default=300)
    parser.add_argument("--out", default=str(ROOT / "docs" / "faults.md"))
    args = parser.parse_args(argv)
    logging.getLogger().addHandler(logging.NullHandler())  # refused bundles are expected here: no stderr noise
    rng = random.Random(args.seed)
    started = time.perf_counter()
    tallies = {"kill -9 mid-write": Tally(), "damaged bundle": Tally(), "random merges with restores": Tally()}
    with tempfile.TemporaryDirectory(prefix="rumbo-faults-") as tmp:
        work = Path(tmp)
        os.environ.setdefault("RUMBO_LOG_DIR", str(work / "registros"))
        for name, runner, n in (("kill -9 mid-write", kill_trials, args.kills),
                                ("damaged bundle", bundle_trials, args.bundles),
                                ("random merges with restores", merge_trials, args.merges)):
            folder = work / name.split()[0]
            folder.mkdir()
            runner(n, rng, folder, tallies[name])
            t = tallies[name]
            print(f"{name}: {t.tried} tried, {t.held} held, {len(t.failures)} failed")
    write_report(tallies, args.seed, time.perf_counter() - started, Path(args.out))
    print(f"Escrito {args.out}")
    return 0 if all(not t.failures for t in tallies.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
