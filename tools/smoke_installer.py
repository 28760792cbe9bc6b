"""Check that the built program works, without Python: what a technician runs after a build.

    python tools/smoke_installer.py [dist/rumbo]

It runs the frozen ``rumbo`` as an adviser's laptop would: the version, a size classification,
demo data (which sets up the documented demo account on the new file), a PDF report in Spanish and
English, a centre set up with ``rumbo setup``, a bundle, and the main window (offscreen) on the demo
database, watching the support log until the window says it is open. Commands sign in with
RUMBO_USER / RUMBO_PASSWORD. Exit status 0 when every step passed; otherwise the failed step is
printed and the status is 1.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOW_OPEN = "Ventana principal abierta"


class SmokeFailure(Exception):
    pass


def program(folder: Path) -> Path:
    exe = folder / ("rumbo.exe" if sys.platform == "win32" else "rumbo")
    if not exe.exists():
        raise SmokeFailure(f"no se encontró el programa construido en {exe}")
    return exe


# The account ``rumbo demo`` sets up on a new file (README), and the centre's technician's.
DEMO_ACCOUNT = {"RUMBO_USER": "demo", "RUMBO_PASSWORD": "rumbo-demo"}
CENTRE_ACCOUNT = {"RUMBO_USER": "tecnica", "RUMBO_PASSWORD": "centro-de-prueba"}


def run(exe: Path, env: dict, *args: str, timeout: int = 120) -> str:
    started = time.perf_counter()
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=timeout,
                          encoding="utf-8", stdin=subprocess.DEVNULL)
    print(f"  rumbo {' '.join(args)} → {done.returncode} ({time.perf_counter() - started:.1f} s)")
    if done.returncode != 0:
        raise SmokeFailure(f"«rumbo {' '.join(args)}» terminó con {done.returncode}:\n{done.stderr}")
    return done.stdout


def check_pdf_text(pdf: Path, words: str, version: str) -> None:
    """The method page names the program that printed it (read back when pypdf is at hand)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    if f"{words} {version}" not in text:
        raise SmokeFailure(f"el informe {pdf.name} no dice «{words} {version}»")


def check_window(exe: Path, env: dict, db: Path, logs: Path, timeout: float = 90) -> float:
    """Open the GUI offscreen on a new ``db`` with demo data (the README's first start); wait for
    the log line that says the window is shown."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(exe), "--db", str(db), "--demo"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    log_file = logs / "rumbo.log"
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                raise SmokeFailure(f"la ventana se cerró sola ({proc.returncode}):\n{proc.stderr.read()}")
            if log_file.exists() and WINDOW_OPEN in log_file.read_text(encoding="utf-8", errors="replace"):
                return time.perf_counter() - started
            time.sleep(0.2)
        raise SmokeFailure(f"la ventana no se abrió en {timeout:.0f} s")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def smoke(folder: Path) -> None:
    exe = program(folder)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    with tempfile.TemporaryDirectory(prefix="rumbo-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RUMBO_LOG_DIR": str(tmp / "registros"),
               "HOME": str(tmp), "APPDATA": str(tmp), "LOCALAPPDATA": str(tmp), "XDG_DATA_HOME": str(tmp)}
        env.pop("PYTHONPATH", None)  # the frozen program must need no Python of the machine
        centre_env = {**env, **CENTRE_ACCOUNT}
        env.update(DEMO_ACCOUNT)
        db = tmp / "demo.db"

        out = run(exe, env, "--version").strip()
        if out != f"rumbo {version}":
            raise SmokeFailure(f"versión «{out}», se esperaba «rumbo {version}»")
        out = run(exe, env, "classify", "--country", "SV", "--employees", "8", "--sales-usd", "90000")
        if not out.startswith("El Salvador: Microempresa"):
            raise SmokeFailure(f"clasificación inesperada: {out!r}")
        out = run(exe, env, "--db", str(db), "demo", "--firms", "30")
        if "cuenta de demostración" not in out:
            raise SmokeFailure(f"«rumbo demo» no configuró la cuenta de demostración: {out!r}")
        run(exe, env, "--db", str(db), "export", "firms", str(tmp / "empresas.csv"))
        with open(tmp / "empresas.csv", encoding="utf-8-sig", newline="") as fh:
            firm_id = next(csv.DictReader(fh))["Id"]
        for lang in ("es", "en"):
            pdf = tmp / f"informe-{lang}.pdf"
            run(exe, env, "--db", str(db), "report", firm_id, "--lang", lang, "--output", str(pdf))
            if not pdf.read_bytes().startswith(b"%PDF-") or pdf.stat().st_size < 20_000:
                raise SmokeFailure(f"el informe {pdf.name} no es un PDF completo")
            check_pdf_text(pdf, "Rumbo versión" if lang == "es" else "Rumbo version", version)
        # Every firm's report at once: the batch renders in worker processes of the built program.
        run(exe, env, "--db", str(db), "report", "--all", "--output", str(tmp / "informes"))
        printed = sorted((tmp / "informes").glob("*.pdf"))
        if len(printed) != 30:
            raise SmokeFailure(f"«report --all» imprimió {len(printed)} informes de 30")
        # Bundles are signed and sealed to an enrolled centre: laptop and centre exchange cards first.
        centre = tmp / "centro.db"
        out = run(exe, centre_env, "--db", str(centre), "setup", "--name", "Técnica del centro", "--centre", "Centro")
        if "Clave de recuperación: " not in out:
            raise SmokeFailure(f"«rumbo setup» no mostró la clave de recuperación: {out!r}")
        run(exe, centre_env, "--db", str(centre), "bundle", "device", "--name", "Centro", "--role", "centre")
        run(exe, centre_env, "--db", str(centre), "device", "card", str(tmp / "centro.json"))
        run(exe, env, "--db", str(db), "device", "card", str(tmp / "laptop.json"))
        run(exe, env, "--db", str(db), "device", "enrol", str(tmp / "centro.json"), "--yes")
        run(exe, centre_env, "--db", str(centre), "device", "enrol", str(tmp / "laptop.json"), "--yes")
        run(exe, env, "--db", str(db), "bundle", "export", str(tmp / "envio.rumbo"))
        run(exe, centre_env, "--db", str(centre), "bundle", "import", str(tmp / "envio.rumbo"))
        with zipfile.ZipFile(tmp / "envio.rumbo") as zf:
            manifest = json.loads(zf.read("manifest.json"))
        if manifest.get("app_version") != version:
            raise SmokeFailure(f"el paquete dice app_version={manifest.get('app_version')!r}")
        seconds = check_window(exe, env, tmp / "ventana.db", tmp / "registros")
        print(f"  ventana principal abierta en {seconds:.1f} s")
        log_text = (tmp / "registros" / "rumbo.log").read_text(encoding="utf-8", errors="replace")
        if " ERROR " in log_text:
            raise SmokeFailure("el registro de soporte tiene errores:\n" + log_text)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else ROOT / "dist" / "rumbo"
    started = time.perf_counter()
    try:
        smoke(folder)
    except (SmokeFailure, subprocess.TimeoutExpired) as exc:
        print(f"Prueba del programa construido: FALLÓ. {exc}", file=sys.stderr)
        return 1
    print(f"Prueba del programa construido: correcta en {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
