"""The language a report is printed in, chosen where the adviser prints.

The owner may read English while the adviser works in Spanish (or the other way
round), so every place that prints offers both; the last choice is remembered on
this computer (UI preferences) and starts from the interface language.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

SETTING = "reports/lang"
LANGUAGES = (("Español", "es"), ("English", "en"))


def report_language_combo(context, name: str = "reportLang") -> QComboBox:
    """A combo with the report languages, starting on the last one used here."""
    combo = QComboBox(objectName=name)
    for text, code in LANGUAGES:
        combo.addItem(text, code)
    chosen = str(context.settings.value(SETTING, context.lang) or context.lang)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    combo.currentIndexChanged.connect(lambda _i: context.settings.setValue(SETTING, combo.currentData()))
    return combo
