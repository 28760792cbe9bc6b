"""Refresh Rumbo's English catalogue: extract, fix contexts, merge, compile.

``pyside6-lupdate`` alone leaves three kinds of GUI text out of (or misfiled
in) ``resources/i18n/rumbo_en.ts``, and each would silently stay Spanish:

* ``tr = self.tr`` followed by ``tr("...")``: lupdate files the message under an
  empty context, but at run time PySide looks it up under the class name (and
  its base classes). We move it to the enclosing class, or to the dialog class
  a module-level builder works for (``MODULE_CONTEXTS``).
* ``_tr("...")`` where a module defines ``def _tr(text)`` returning
  ``QCoreApplication.translate("Ctx", text)``: lupdate does not know ``_tr``.
  We read those calls with :mod:`ast` and file them under ``Ctx``.
* ``tr("...")`` inside an f-string: lupdate does not look there; :mod:`ast` does.
* ``tr(variable)``: text chosen at run time (sidebar titles, field labels). The
  strings listed in ``dynamic_messages`` are added; every such call site is
  printed so a new one is not forgotten.

Existing translations are kept (matched by context and text, else by text
alone), new messages are marked unfinished, and the catalogue is compiled with
``pyside6-lrelease``. Run from the repository root::

    python3 tools/update_translations.py          # refresh .ts and .qm
    python3 tools/update_translations.py --check  # exit 1 if a message lacks English
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "rumbo_en.ts"
QM = TS.with_suffix(".qm")
QT_EXTRA = TS.with_name("qt_extra_es.ts")
# Module-level builders use the ``tr`` of the dialog they fill in.
MODULE_CONTEXTS = {"firm_form_layout.py": "FirmFormDialog"}
TR_NAMES = {"tr", "translate"}

Key = tuple[str, str]  # (context, Spanish source text)


def sources() -> list[Path]:
    """Every Python file whose text reaches the screen."""
    return sorted((ROOT / "desktop" / "gui").rglob("*.py")) + [ROOT / "desktop" / "app.py"]


def dynamic_messages() -> dict[str, list[str]]:
    """Text that reaches ``tr``/``_tr`` through a variable, by context."""
    sys.path.insert(0, str(ROOT))
    from desktop.app import SCREENS
    from desktop.domain.registry.validation import FIELD_LABELS
    from desktop.gui.assessment import assessments_page
    from desktop.gui.portfolio import dashboard_page
    from desktop.gui.registry import firm_detail_text, firm_table_model
    from desktop.gui.settings import security_box
    from desktop.gui.sync import conflict_dialog, sync_page

    fields = list(FIELD_LABELS.values())
    return {
        "MainWindow": [title for _key, title, _factory in SCREENS],
        "AssessmentsPage": list(assessments_page.STATUS.values()),
        "DashboardPage": [title for _name, title, _color in dashboard_page.CHARTS],
        "SyncPage": [sync_page.BUNDLE_FILTER, sync_page.CARD_FILTER],
        "FirmTableModel": [header for _field, header, _sort in firm_table_model.COLUMNS],
        "ConflictDialog": fields + list(conflict_dialog.TABLE_LABELS.values()),
        "FirmDetail": fields + list(firm_detail_text._EXTRA_LABELS.values()),
        "SecurityBox": list(security_box.ROLE_LABELS.values()),
        "AccessDialog": list(security_box.ROLE_LABELS.values()),
    }


class _Module:
    """What one source file tells about translation contexts."""

    def __init__(self, path: Path):
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        self.classes = [(n.lineno, n.end_lineno, n.name) for n in ast.walk(self.tree) if isinstance(n, ast.ClassDef)]
        self.wrappers = self._wrappers()

    def _wrappers(self) -> dict[str, str]:
        """``def _tr(text): return QCoreApplication.translate("Ctx", text)`` -> {"_tr": "Ctx"}."""
        found = {}
        for node in self.tree.body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and _name(call.func) == "translate" and call.args
                        and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
                    found[node.name] = call.args[0].value
        return found

    def context_at(self, line: int) -> str | None:
        inner = [c for c in self.classes if c[0] <= line <= c[1]]
        if inner:
            return max(inner, key=lambda c: c[0])[2]
        return MODULE_CONTEXTS.get(self.path.name)

    def calls(self):
        """Yield (function name, call node) for every translation call in the file."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                name = _name(node.func)
                if name in TR_NAMES or name in self.wrappers:
                    yield name, node


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _rel(path: Path) -> str:
    return os.path.relpath(path, TS.parent)


def extract(modules: dict[str, _Module]) -> tuple[dict[Key, list], list[str]]:
    """All messages with their locations, and the call sites whose text is not a literal."""
    messages: dict[Key, list] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.ts"
        subprocess.run(["pyside6-lupdate", *map(str, sources()), "-ts", str(raw), "-silent",
                        "-source-language", "es", "-target-language", "en", "-locations", "absolute"], check=True)
        for context in ET.parse(raw).getroot().iter("context"):
            for message in context.iter("message"):
                source = message.findtext("source")
                for loc in message.findall("location"):
                    path = (raw.parent / loc.get("filename")).resolve()
                    line = int(loc.get("line"))
                    name = context.findtext("name") or modules[str(path)].context_at(line)
                    if not name:
                        raise SystemExit(f"{_rel(path)}:{line}: no class to give {source!r} a context")
                    messages[(name, source)].append((_rel(path), line))
    loose = []
    for module in modules.values():
        for func, call in module.calls():
            text = call.args[1 if func == "translate" else 0] if call.args else None
            literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
            if func in module.wrappers and literal:
                messages[(module.wrappers[func], text.value)].append((_rel(module.path), call.lineno))
            elif func == "tr" and literal and module.context_at(call.lineno):
                # lupdate skips calls inside f-strings; make sure every literal is in.
                key = (module.context_at(call.lineno), text.value)
                if key not in messages:
                    messages[key].append((_rel(module.path), call.lineno))
            elif not literal and call.lineno not in _wrapper_lines(module):
                where = module.path.relative_to(ROOT)
                loose.append(f"{where}:{call.lineno}: {func}({ast.unparse(text) if text else ''})")
    for context, texts in dynamic_messages().items():
        for text in texts:
            messages.setdefault((context, text), [])
    return messages, loose


def collect() -> tuple[dict[Key, list], list[str]]:
    """Every GUI message (context, Spanish text) with its locations, and the run-time call sites."""
    return extract({str(p.resolve()): _Module(p) for p in sources()})


def _wrapper_lines(module: _Module) -> set[int]:
    """Lines inside the ``_tr`` wrappers themselves (their ``translate(ctx, text)`` is expected)."""
    return {line for node in module.tree.body if isinstance(node, ast.FunctionDef) and node.name in module.wrappers
            for line in range(node.lineno, node.end_lineno + 1)}


def previous() -> tuple[dict[Key, str], dict[str, str]]:
    """Finished translations of the current catalogue, by (context, text) and by text."""
    by_key, by_text = {}, {}
    if TS.exists():
        for context in ET.parse(TS).getroot().iter("context"):
            for message in context.iter("message"):
                tr = message.find("translation")
                if tr is not None and tr.text and tr.get("type") is None:
                    by_key[(context.findtext("name"), message.findtext("source"))] = tr.text
                    by_text.setdefault(message.findtext("source"), tr.text)
    return by_key, by_text


def write(messages: dict[Key, list]) -> int:
    """Write the merged catalogue; return how many messages still lack English."""
    by_key, by_text = previous()
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="es")
    missing = 0
    for name in sorted({k[0] for k in messages}):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for (ctx, source), locations in sorted(messages.items()):
            if ctx != name:
                continue
            message = ET.SubElement(context, "message")
            for filename, line in sorted(set(locations)):
                ET.SubElement(message, "location", filename=filename, line=str(line))
            ET.SubElement(message, "source").text = source
            english = by_key.get((ctx, source)) or by_text.get(source)
            translation = ET.SubElement(message, "translation")
            if english:
                translation.text = english
            else:
                translation.set("type", "unfinished")
                missing += 1
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a message has no English")
    args = parser.parse_args(argv)
    messages, loose = collect()
    missing = write(messages)
    subprocess.run(["pyside6-lrelease", "-silent", str(TS), "-qm", str(QM)], check=True)
    # The hand-kept Spanish supplement for Qt's own dialogs (see resources/i18n/README.md).
    subprocess.run(["pyside6-lrelease", "-silent", str(QT_EXTRA), "-qm", str(QT_EXTRA.with_suffix(".qm"))], check=True)
    print(f"{len(messages)} messages, {missing} without English -> {TS.relative_to(ROOT)}")
    if loose:
        print("Text chosen at run time (covered only if listed in dynamic_messages):")
        print("\n".join(f"  {site}" for site in loose))
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
