"""The size classification as the client report prints it.

Built from :class:`desktop.domain.sizing.Classification` by attribute access
only (``size_class``, ``criteria`` of ``CriterionResult(criterion, value,
size_class, ceiling)``, ``reason(lang)``, ``notes``, ``rulebook_id``,
``rulebook_version``), so the report does not depend on the engine's internals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.sizing import CRITERION_LONG
from desktop.reports.labels import LABELS, code_label, label
from desktop.reports.text import money, num


@dataclass(frozen=True)
class CriterionLine:
    """One criterion: its name, the firm's value and the class it alone gives."""

    name: str
    value: str
    gives: str
    ceiling: str = "—"


@dataclass(frozen=True)
class ClassificationView:
    """Size class, the criteria behind it and the sentence saying which decided."""

    size_class: str
    size_label: str
    criteria: tuple[CriterionLine, ...]
    rule: str  # the deciding rule in a sentence
    rulebook: str  # the definition for people, with its version
    notes: tuple[str, ...]
    source: str = ""
    rulebook_id: str = ""  # "cepal-cuadro1-sv 1", for the methods page's identifiers

    @classmethod
    def of(cls, classification, lang: str = "es") -> ClassificationView:
        """Read a Classification (or None, giving "sin clasificar") in ``lang``."""
        if classification is None:
            return cls("sin_clasificar", code_label("sin_clasificar", lang), (), "", "—", ())
        code = getattr(classification, "size_class", None) or "sin_clasificar"
        reason = ""
        if callable(getattr(classification, "reason", None)):
            reason = classification.reason(lang)
        if not reason:
            reason = _text(getattr(classification, "rule", ""), lang)
        rulebook_id = getattr(classification, "rulebook_id", None)
        version = getattr(classification, "rulebook_version", None)
        if callable(getattr(classification, "rulebook_text", None)):
            rulebook = classification.rulebook_text(lang)
        else:
            rulebook = " ".join(str(p) for p in (rulebook_id, label("version", lang) if version else None, version) if p)
        return cls(
            size_class=code,
            size_label=code_label(code, lang),
            criteria=tuple(_criteria(getattr(classification, "criteria", None), lang)),
            rule=str(reason or ""),
            rulebook=rulebook or "—",
            notes=tuple(_text(n, lang) for n in (getattr(classification, "notes", None) or ())),
            source=_text(getattr(classification, "source", None), lang),
            rulebook_id=" ".join(str(p) for p in (rulebook_id, version) if p),
        )


def _text(value, lang: str) -> str:
    """A note or rule may be a plain string, a bilingual Text or a {"es","en"} dict."""
    if value is None:
        return ""
    if hasattr(value, "text") and callable(value.text):
        return value.text(lang)
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("es") or "")
    return str(value)




MONEY_CRITERIA = ("sales", "assets", "exports", "sales_usd", "assets_usd", "exports_usd")


def _criterion_name(name: str, lang: str) -> str:
    key = f"criterion_{name}"
    if key in LABELS:
        return label(key, lang)
    found = CRITERION_LONG.get(name)
    if found is None:
        return name
    text = found.text(lang)
    return text[:1].upper() + text[1:]


def _criterion_value(name: str, value, lang: str) -> str:
    if value is None:
        return "—"
    if name in MONEY_CRITERIA:
        return money(Decimal(str(value)), "USD", lang)
    if isinstance(value, (int, Decimal)):
        return num(value, lang, digits=0)
    return str(value)


def _criteria(criteria, lang: str):
    """Accept {name: {"value", "class"}}, {name: obj} or a sequence of objects."""
    if not criteria:
        return
    items = criteria.items() if isinstance(criteria, Mapping) else (
        (getattr(c, "name", None) or getattr(c, "criterion", ""), c) for c in criteria)
    for name, item in items:
        if isinstance(item, Mapping):
            value, ceiling = item.get("value"), item.get("ceiling")
            gives = item.get("class") or item.get("size_class")
        else:
            value, ceiling = getattr(item, "value", None), getattr(item, "ceiling", None)
            gives = getattr(item, "size_class", None)
        yield CriterionLine(_criterion_name(str(name), lang), _criterion_value(str(name), value, lang),
                            code_label(gives, lang) if gives else "—",
                            _criterion_value(str(name), ceiling, lang))


@dataclass(frozen=True)
class LawView:
    """The class under the law in force, as the client report prints it beside the study's."""

    label: str
    reason: str
    rulebook: str = ""  # "Ley 33 de 2000 de Panamá ..., versión 2000"
    source: str = ""
    difference: str = ""  # why it differs from the study's class, criterion by criterion

    @classmethod
    def of(cls, law, difference: str | None, lang: str = "es") -> LawView | None:
        """Read a :class:`~desktop.domain.sizing.law.LawClassification` (None: no law section)."""
        if law is None:
            return None
        rulebook = ""
        if law.book is not None:
            rulebook = f"{law.title(lang)}, {'version' if lang == 'en' else 'versión'} {law.book.version}"
        return cls(label=law.label(lang), reason=law.reason(lang), rulebook=rulebook,
                   source=law.source_text(lang) or "", difference=difference or "")
