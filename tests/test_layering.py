"""The domain and storage packages must never pull in Qt (style habit 1)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import importlib, pkgutil, sys
for pkg_name in ("desktop.domain", "db"):
    pkg = importlib.import_module(pkg_name)
    for info in pkgutil.walk_packages(pkg.__path__, pkg_name + "."):
        importlib.import_module(info.name)
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(",".join(qt))
"""


def test_domain_and_db_import_no_qt():
    out = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"Qt modules loaded: {out.stdout.strip()}"


def test_check_would_catch_a_qt_import():
    # Guard against a check that cannot fail: importing the GUI package does load Qt.
    code = CHECK.replace('("desktop.domain", "db")', '("desktop.gui",)') + "\nimport PySide6.QtCore\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "PySide6.QtCore" in out.stdout
