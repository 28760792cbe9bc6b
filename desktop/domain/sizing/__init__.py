"""Size classification: a firm's class under its country's definition (the study's table, and the law in force), and why.

Lives here: the rulebook model and files, the rule engine, exporter definitions, notes
and reasons. Imports only ``desktop.domain`` base modules (errors, text, datafiles) and
``desktop.resources``; callers import this face, the modules below import ``model``.
"""

from desktop.domain.sizing.engine import MIPYME_CLASSES, classify, exporter_countries, size_class, supported_countries
from desktop.domain.sizing.model import (
    CEILING_CLASSES,
    CRITERIA,
    SIZE_CLASSES,
    Classification,
    CriterionResult,
    ExporterResult,
    FirmFigures,
    Rulebook,
)
from desktop.domain.sizing.notes import CLASS_LABELS, CRITERION_LONG, CRITERION_SHORT, MONEY_UNITS_NOTE, Note, class_label
from desktop.domain.sizing.reason import reason_text
from desktop.domain.sizing.rulebooks import RulebookSet, load_rulebooks

__all__ = [
    "CEILING_CLASSES", "CLASS_LABELS", "CRITERIA", "CRITERION_LONG", "CRITERION_SHORT", "MIPYME_CLASSES",
    "MONEY_UNITS_NOTE",
    "SIZE_CLASSES", "Classification", "CriterionResult", "ExporterResult", "FirmFigures", "Note", "Rulebook",
    "RulebookSet", "class_label", "classify", "exporter_countries", "load_rulebooks", "reason_text",
    "size_class", "supported_countries",
]
