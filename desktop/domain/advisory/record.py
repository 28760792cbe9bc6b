"""What an adviser records about the work with a firm, checked before it is stored.

Each check takes the values as typed (text from a form, numbers from a file) and returns
the values to store, or raises :class:`UserError` with one sentence naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from desktop.domain.errors import UserError
from desktop.domain.registry.validation import parse_amount, parse_int, to_usd

SESSION_MODES = ("visita", "oficina", "telefono", "video")
PLAN_OWNERS = ("empresa", "centro")
PLAN_STATUSES = ("pendiente", "en_curso", "hecho", "descartado")
MILESTONE_KINDS = ("empleo", "ventas", "exportacion", "financiamiento", "formalizacion", "certificacion")
EVIDENCE_LEVELS = ("declarado", "documento", "firmado")
# Kinds measured as an amount of money, and the firm figure at intake each is measured against.
AMOUNT_KINDS = {"ventas": "sales_usd", "exportacion": "exports_usd", "financiamiento": None}

MODE_LABELS = {"visita": "Visita a la empresa", "oficina": "En el centro", "telefono": "Teléfono", "video": "Videollamada"}
OWNER_LABELS = {"empresa": "La empresa", "centro": "El centro"}
STATUS_LABELS = {"pendiente": "Pendiente", "en_curso": "En curso", "hecho": "Hecha", "descartado": "Descartada"}
KIND_LABELS = {"empleo": "Empleos", "ventas": "Ventas", "exportacion": "Exportaciones",
               "financiamiento": "Financiamiento obtenido", "formalizacion": "Formalización",
               "certificacion": "Certificación"}
EVIDENCE_LABELS = {"declarado": "Declarado por la empresa", "documento": "Documento visto por el asesor",
                   "firmado": "Firmado por el cliente"}
MAX_MINUTES = 24 * 60


def parse_day(value: Any, field: str, label: str) -> str | None:
    """A date typed as 2026-03-31 or 31/03/2026 (or a date) as ISO text; None when blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise UserError(f"La {label} debe ser una fecha como 31/03/2026, no «{text[:40]}».", field=field)


def shown_day(iso: str) -> str:
    """An ISO date as advisers write it (31/03/2026)."""
    return dt.date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")


def _text(value: Any, limit: int = 4000) -> str | None:
    text = "" if value is None else str(value).strip()
    return text[:limit] or None


def _choice(value: Any, allowed: Iterable[str], field: str, sentence: str) -> str:
    if value not in tuple(allowed):
        raise UserError(sentence, field=field)
    return value


def _not_future(day: str, today: dt.date, field: str, what: str) -> None:
    if dt.date.fromisoformat(day) > today:
        raise UserError(f"La fecha {what} ({shown_day(day)}) es posterior a hoy.", field=field)


def check_session(data: Mapping[str, Any], today: dt.date, known_topics: Iterable[str] = ()) -> dict[str, Any]:
    """A session of advice: date, duration, mode, topics, notes, next step."""
    held_on = parse_day(data.get("held_on"), "held_on", "fecha de la sesión")
    if held_on is None:
        raise UserError("Indique la fecha de la sesión.", field="held_on")
    _not_future(held_on, today, "held_on", "de la sesión")
    minutes = data.get("minutes")
    try:
        minutes = parse_int(minutes, "minutes", 1, MAX_MINUTES)
    except UserError:
        minutes = -1
    if minutes is None or minutes < 1:
        raise UserError("La duración de la sesión debe estar entre 1 minuto y 24 horas (1440 minutos).",
                        field="minutes")
    mode = _choice(data.get("mode"), SESSION_MODES, "mode",
                   "Elija cómo fue la sesión: visita, en el centro, teléfono o videollamada.")
    topics = list(dict.fromkeys(t for t in (data.get("topics") or []) if t))
    known = set(known_topics)
    unknown = [t for t in topics if known and t not in known]
    if unknown:
        raise UserError(f"El tema «{unknown[0]}» no es una familia ni un instrumento del catálogo.", field="topics")
    return {"held_on": held_on, "minutes": minutes, "mode": mode, "topics": topics,
            "notes": _text(data.get("notes")), "next_step": _text(data.get("next_step"), 1000),
            "programme": _text(data.get("programme"), 200), "adviser_id": data.get("adviser_id")}


def check_plan_status(status: Any, drop_reason: Any, day: dt.date) -> dict[str, Any]:
    """A plan item's new status; dropping one needs its reason."""
    status = _choice(status, PLAN_STATUSES, "status", "Elija el estado: pendiente, en curso, hecha o descartada.")
    reason = _text(drop_reason, 500)
    if status == "descartado" and not reason:
        raise UserError("Diga por qué se descarta la acción.", field="drop_reason")
    return {"status": status, "status_on": day.isoformat(), "drop_reason": reason if status == "descartado" else None}


def check_plan_item(data: Mapping[str, Any]) -> dict[str, Any]:
    """A plan item written by hand or edited: title, owner, due date."""
    title = _text(data.get("title"), 300)
    if not title:
        raise UserError("Escriba qué hay que hacer.", field="title")
    owner = _choice(data.get("owner"), PLAN_OWNERS, "owner", "Diga quién se encarga: la empresa o el centro.")
    return {"title": title, "owner": owner, "due_on": parse_day(data.get("due_on"), "due_on", "fecha límite")}


def rate_for(currency: str, firm: Mapping[str, Any], rates: Mapping[str, Any]) -> Decimal:
    """Units of ``currency`` per US dollar: the centre's table, else the firm's own rate for its currency."""
    if currency == "USD":
        return Decimal(1)
    if currency in rates:
        return Decimal(str(rates[currency]))
    if currency == firm.get("currency") and firm.get("usd_rate"):
        return Decimal(str(firm["usd_rate"]))
    raise UserError(f"No hay tipo de cambio para {currency}: agréguelo en Configuración → Tipos de cambio.",
                    field="currency")


def check_milestone(data: Mapping[str, Any], firm: Mapping[str, Any], intake: Mapping[str, Any], today: dt.date,
                    rates: Mapping[str, Any], verifier: str | None) -> dict[str, Any]:
    """An impact milestone, with its baseline taken from the firm as registered (``intake``).

    Args:
        firm: the firm now (its currency and rate).
        intake: the firm's first recorded version (its figures at intake, ``created_at``).
        rates: the centre's exchange rates (units per US dollar).
        verifier: who records it; stored as the verifier when evidence was seen or signed.
    """
    kind = _choice(data.get("kind"), MILESTONE_KINDS, "kind", "Elija el tipo de hito.")
    occurred = parse_day(data.get("occurred_on"), "occurred_on", "fecha del hito")
    if occurred is None:
        raise UserError("Indique la fecha del hito.", field="occurred_on")
    _not_future(occurred, today, "occurred_on", "del hito")
    registered = str(intake.get("created_at") or "")[:10]
    if registered and occurred < registered:
        raise UserError(f"La fecha del hito ({shown_day(occurred)}) es anterior al registro de la empresa "
                        f"({shown_day(registered)}).", field="occurred_on")
    evidence = _choice(data.get("evidence"), EVIDENCE_LEVELS, "evidence",
                       "Elija la evidencia: declarado, documento visto o firmado por el cliente.")
    out: dict[str, Any] = {
        "kind": kind, "occurred_on": occurred, "period": occurred[:4], "evidence": evidence,
        "jobs_women": None, "jobs_men": None, "amount": None, "currency": None, "amount_usd": None,
        "baseline_usd": None, "baseline_jobs": None, "markets": None, "source": None, "instrument": None,
        "description": _text(data.get("description"), 1000), "programme": _text(data.get("programme"), 200),
        "verified_by": verifier if evidence != "declarado" else None,
        "verified_on": today.isoformat() if evidence != "declarado" else None,
    }
    if kind == "empleo":
        women = parse_int(data.get("jobs_women"), "jobs_women", 0, 100_000) or 0
        men = parse_int(data.get("jobs_men"), "jobs_men", 0, 100_000) or 0
        if women + men == 0:
            raise UserError("Indique cuántos empleos nuevos hubo (mujeres u hombres).", field="jobs_women")
        out.update(jobs_women=women, jobs_men=men, baseline_jobs=intake.get("employees"))
    elif kind in AMOUNT_KINDS:
        raw = data.get("amount")
        if isinstance(raw, str) and raw.strip().startswith("-") or isinstance(raw, (int, float, Decimal)) and raw < 0:
            raise UserError("El monto no puede ser negativo.", field="amount")
        amount = parse_amount(raw, "amount")
        if amount is None or amount == 0:
            raise UserError("Indique el monto del hito.", field="amount")
        currency = (_text(data.get("currency")) or firm.get("currency") or "USD").upper()
        out.update(amount=str(amount), currency=currency,
                   amount_usd=to_usd(amount, rate_for(currency, firm, rates)))
        baseline = AMOUNT_KINDS[kind]
        out["baseline_usd"] = intake.get(baseline) if baseline else None
        if kind == "exportacion":
            markets = [m.strip() for m in str(data.get("markets") or "").replace(";", ",").split(",") if m.strip()]
            out["markets"] = markets or None
        if kind == "financiamiento":
            out["source"] = _text(data.get("source"), 200)
            if not out["source"]:
                raise UserError("Indique quién otorgó el financiamiento.", field="source")
            out["instrument"] = _text(data.get("instrument"), 200)
    elif kind == "certificacion" and not out["description"]:
        raise UserError("Indique qué certificación obtuvo la empresa.", field="description")
    return out
