"""How the firm detail shows field names and stored values to a person.

Stored values are codes and plain numbers ("pequena", "SV", "250000",
True); the profile and the history show them as words in the adviser's
language, with money in its currency and booleans as Sí/No.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.domain.assessment import label as assessment_label
from desktop.domain.registry.validation import FIELD_LABELS, country_name
from desktop.domain.sizing import class_label
from desktop.gui.shared.fields import gender_choices, legal_form_choices

# The profile tab, in reading order (derived USD figures go beside their amount).
PROFILE_FIELDS = (
    "legal_name", "trade_name", "tax_id", "country", "department", "municipality", "address", "sector_isic",
    "year_founded", "legal_form", "formal_registration", "employees_women", "employees_men", "employees",
    "sales_amount", "assets_amount", "exports_amount", "usd_rate", "size_class", "stage", "band",
    "owner_name", "owner_gender", "contact_name", "contact_gender", "phone", "email", "notes", "adviser_id",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirmDetail", text)


OPERATIONS = {
    "insert": _tr("Alta"), "update": _tr("Cambio"), "delete": _tr("Eliminación"),
    "undelete": _tr("Recuperación"), "purge": _tr("Borrado definitivo"),
}

# What a history line says when a whole record changed rather than some fields.
SUMMARIES = {
    "insert": _tr("Empresa registrada"), "delete": _tr("Empresa eliminada"),
    "undelete": _tr("Empresa recuperada"), "purge": _tr("Empresa borrada del archivo"),
}

_EXTRA_LABELS = {
    "sales_usd": "Ventas anuales (USD)", "assets_usd": "Activos (USD)", "exports_usd": "Exportaciones (USD)",
    "size_class": "Tamaño", "stage": "Etapa", "band": "Banda", "tax_id_type": "Tipo de identificación",
}


def field_label(name: str) -> str:
    """A field's name for people ("Ventas anuales")."""
    return _tr(FIELD_LABELS.get(name) or _EXTRA_LABELS.get(name) or name)


def _lang(locale: QLocale) -> str:
    # The default locale follows the interface language (see gui.i18n).
    return "en" if locale.language() == QLocale.Language.English else "es"


def show_value(name: str, value, firm: dict | None = None, locale: QLocale | None = None) -> str:
    """A stored value as text; with ``firm``, money also shows its USD value."""
    locale = locale or QLocale()
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _tr("Sí") if value else _tr("No")
    if name == "country":
        return f"{country_name(value)} ({value})"
    if name in ("stage", "band"):  # cached from the latest assessment
        return assessment_label(name, value, _lang(locale))
    if name == "size_class":
        return class_label(value, _lang(locale))
    if name in ("owner_gender", "contact_gender"):
        return dict(gender_choices()).get(value, value)
    if name == "legal_form":
        return dict(legal_form_choices()).get(value, value)
    if name in ("sales_amount", "assets_amount", "exports_amount", "sales_usd", "assets_usd", "exports_usd"):
        text = locale.toString(int(float(value)))
        if name.endswith("_usd"):
            return f"US$ {text}"
        if firm is None:
            return text
        currency = firm.get("currency") or "USD"
        usd = firm.get(name.replace("_amount", "_usd"))
        if currency == "USD" or usd is None:
            return f"US$ {text}" if currency == "USD" else f"{currency} {text}"
        return f"{currency} {text}  (≈ US$ {locale.toString(int(usd))})"
    if name == "usd_rate" and firm is not None:
        return f"{value} {firm.get('currency') or 'USD'} = 1 US$"
    if isinstance(value, int):
        return str(value)
    return str(value)
