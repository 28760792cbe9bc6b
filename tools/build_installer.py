"""Build Rumbo's installable program with PyInstaller, on the machine's own system.

    python -m pip install -e ".[build]"
    python tools/build_installer.py

Linux: ``dist/rumbo/`` (the program folder, with ``rumbo.desktop`` and the icon) and
``dist/rumbo-<version>-linux-<arch>.tar.gz``; ``tools/installer/install-linux.sh`` installs it for
one user with a menu entry.
Windows: ``dist\\rumbo\\`` with ``rumbo.exe`` (console, for the commands) and ``rumbo-gui.exe``
(the window, no console), both with the icon and a version resource; then
``iscc tools\\installer\\rumbo.iss`` (Inno Setup) makes ``dist\\rumbo-<version>-setup.exe`` with
the start-menu entry.
macOS: ``dist/rumbo/`` (a console program folder; no signed .app yet).

Then ``python tools/smoke_installer.py`` checks that what was built works.
"""

from __future__ import annotations

import platform
import shutil
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "tools" / "installer"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def project_version() -> str:
    """The version written in pyproject.toml (the one place it lives)."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def windows_version_file(version: str) -> Path:
    """The Windows version resource (file properties → Details), from pyinstaller-versionfile."""
    import pyinstaller_versionfile

    numbers = [int("".join(ch for ch in part if ch.isdigit()) or 0) for part in version.split(".")[:4]]
    out = INSTALLER / "build" / "version_info.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    pyinstaller_versionfile.create_versionfile(
        output_file=str(out), version=".".join(map(str, numbers + [0] * (4 - len(numbers)))),
        company_name="Rumbo", file_description="Rumbo: apoyo a mipymes", internal_name="rumbo",
        legal_copyright="MPL 2.0", original_filename="rumbo.exe", product_name="Rumbo",
    )
    return out


def linux_extras(folder: Path) -> None:
    """The menu entry and the icon travel inside the program folder (install-linux.sh places them)."""
    shutil.copy2(INSTALLER / "rumbo.desktop", folder / "rumbo.desktop")
    shutil.copy2(INSTALLER / "install-linux.sh", folder / "install-linux.sh")
    shutil.copy2(ROOT / "resources" / "icons" / "rumbo-256.png", folder / "rumbo.png")


def archive(folder: Path, version: str) -> Path:
    machine = platform.machine().lower() or "unknown"
    out = DIST / f"rumbo-{version}-linux-{machine}.tar.gz"
    with tarfile.open(out, "w:gz") as tar:
        tar.add(folder, arcname=f"rumbo-{version}")
    return out


def main() -> int:
    import PyInstaller.__main__

    version = project_version()
    started = time.perf_counter()
    if sys.platform == "win32":
        windows_version_file(version)
    PyInstaller.__main__.run([
        str(INSTALLER / "rumbo.spec"), "--noconfirm", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK),
    ])
    folder = DIST / "rumbo"
    result = folder
    if sys.platform.startswith("linux"):
        linux_extras(folder)
        result = archive(folder, version)
    # lstat: Qt's libraries are symlinked inside the folder; count each file once.
    size = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink() and p.is_file())
    print(f"Rumbo {version} construido en {time.perf_counter() - started:.0f} s: {result} "
          f"(carpeta de {size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
