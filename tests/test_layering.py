"""The layout keeps its layers: no Qt below the GUI, no import circles, no import the wrong way.

Layers, top to bottom: cli -> app -> gui | commands -> services -> db | reports -> domain.
A module may import its own layer and the layers below, with two narrowings: the GUI, the
commands and the app reach storage and the report renderers only through services, and the
domain's packages (sizing, assessment, registry) stand apart from one another.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

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


# --- the project's import graph -------------------------------------------------------------

def project_modules(root: Path = ROOT) -> dict[str, Path]:
    """Dotted name -> file, for every module of the ``desktop`` and ``db`` packages."""
    found = {}
    for package in ("desktop", "db"):
        for path in (root / package).rglob("*.py"):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """Nodes under ``if TYPE_CHECKING:``: annotations only, never run."""
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                skipped.update(id(sub) for sub in ast.walk(child))
    return skipped


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project modules it imports, at any depth of the file (deferred imports count)."""

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        skipped = _type_checking_nodes(tree)
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    here = module.split(".") if is_package else module.split(".")[:-1]
                    base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
                names = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            targets.update(t for t in map(resolve, names) if t and t != module)
        graph[module] = targets
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


UPPER = ("desktop.cli", "desktop.__main__", "desktop.app")
DOMAIN_BASE = ("desktop.domain.errors", "desktop.domain.text", "desktop.domain.datafiles")
DOMAIN_PACKAGES = ("desktop.domain.sizing", "desktop.domain.assessment", "desktop.domain.registry")
DOMAIN_TOP = ("desktop.domain.demo", "desktop.domain.advisory", "desktop.domain.directory")  # on top of the packages
GUI_SCREENS = ("desktop.gui.registry", "desktop.gui.assessment", "desktop.gui.sync", "desktop.gui.settings",
               "desktop.gui.portfolio")

# (who, what it must not import): each pair is a wrong-way or layer-skipping import.
FORBIDDEN: list[tuple[str, str]] = [
    *[("desktop.domain", p) for p in ("db", "desktop.reports", "desktop.services", "desktop.gui",
                                       "desktop.commands", *UPPER)],
    *[("db", p) for p in ("desktop.reports", "desktop.services", "desktop.gui", "desktop.commands", *UPPER)],
    *[("desktop.reports", p) for p in ("db", "desktop.services", "desktop.gui", "desktop.commands", *UPPER)],
    *[("desktop.services", p) for p in ("desktop.gui", "desktop.commands", *UPPER)],
    *[("desktop.gui", p) for p in ("db", "desktop.reports", "desktop.commands", *UPPER)],
    *[("desktop.commands", p) for p in ("db", "desktop.reports", "desktop.gui", *UPPER)],
    *[("desktop.app", p) for p in ("db", "desktop.reports", "desktop.commands", "desktop.cli")],
    # Inside the domain: the base imports no package; the packages stand apart; demo and advisory are on top.
    *[(base, p) for base in DOMAIN_BASE for p in (*DOMAIN_PACKAGES, *DOMAIN_TOP)],
    *[(a, b) for a in DOMAIN_PACKAGES for b in (*DOMAIN_PACKAGES, *DOMAIN_TOP) if a != b],
    # Inside storage: the core and the queries know nothing of bundles.
    *[(p, "db.sync") for p in ("db.connection", "db.records", "db.changelog", "db.queries")],
    # Inside the GUI: shared widgets know no screen; a screen knows no other (navigation links them).
    *[("desktop.gui.shared", p) for p in (*GUI_SCREENS, "desktop.gui.main_window", "desktop.gui.navigation")],
    *[(a, b) for a in GUI_SCREENS for b in (*GUI_SCREENS, "desktop.gui.main_window", "desktop.gui.navigation")
      if a != b],
]
# Exceptions, each with its reason.
ALLOWED = {
    ("db.connection", "db.sync.schema"),  # opening a database migrates every table, the bundle tables too
}


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    """Every import in ``graph`` that FORBIDDEN refuses, as "importer -> imported"."""
    found = []
    for module, targets in graph.items():
        for target in targets:
            if (module, target) in ALLOWED:
                continue
            if any(_within(module, who) and _within(target, what) for who, what in FORBIDDEN):
                found.append(f"{module} -> {target}")
    return sorted(found)


@pytest.fixture(scope="module")
def graph():
    return import_graph(project_modules())


def test_the_graph_sees_the_project(graph):
    # A walk that found nothing would pass every check below.
    assert len(graph) > 140
    assert "desktop.domain.sizing.model" in graph["desktop.domain.sizing.engine"]
    assert "desktop.services.registry.firms" in graph["desktop.gui.registry.firm_form"]


def test_no_import_circles(graph):
    assert import_cycles(graph) == []


def test_no_import_crosses_the_layers_the_wrong_way(graph):
    assert layer_violations(graph) == []


def test_the_checks_would_catch_a_circle_and_a_leak():
    assert import_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    leaks = {
        "desktop.gui.registry.firm_form": {"db.errors"},
        "desktop.domain.sizing.engine": {"desktop.domain.assessment.model"},
        "db.records": {"db.sync.state"},
        "desktop.services.firms": {"db.firms"},  # allowed: services sit on storage
    }
    assert layer_violations(leaks) == [
        "db.records -> db.sync.state",
        "desktop.domain.sizing.engine -> desktop.domain.assessment.model",
        "desktop.gui.registry.firm_form -> db.errors",
    ]


def test_a_deferred_import_is_part_of_the_graph(tmp_path):
    # A circle hidden in a function body is still a circle.
    for name, body in {"a": "import db.b\n", "b": "def f():\n    from db import a\n"}.items():
        (tmp_path / "db").mkdir(exist_ok=True)
        (tmp_path / "db" / f"{name}.py").write_text(body)
    (tmp_path / "db" / "__init__.py").write_text("")
    (tmp_path / "desktop").mkdir()
    assert import_cycles(import_graph(project_modules(tmp_path))) == [["db.a", "db.b"]]
