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
# A milestone's way to the funder: the firm says it, an adviser saw the document, a second person
# (a coordinator who is not its author) verified it. Only verified milestones reach the impact totals.
MILESTONE_STAGES = ("declarado", "documentado", "verificado")
DOCUMENT_KINDS = ("certificado", "factura", "contrato", "estados_financieros", "declaracion_firmada",
                  "constancia", "otro")
# What a milestone counts: changing any of these sends a verified milestone back to be verified again.
COUNTED_FIELDS = ("kind", "occurred_on", "jobs_women", "jobs_men", "amount", "currency", "amount_usd")
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
STAGE_LABELS = {"declarado": "Declarado", "documentado": "Documentado", "verificado": "Verificado"}
DOCUMENT_LABELS = {"certificado": "Certificado", "factura": "Factura", "contrato": "Contrato",
                   "estados_financieros": "Estados financieros", "declaracion_firmada": "Declaración firmada",
                   "constancia": "Constancia o registro", "otro": "Otro documento"}
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


def _registered(held: str, registered: str | None, field: str, what: str) -> None:
    """Refuse a day before the firm was first recorded (its intake)."""
    if registered and held < registered[:10]:
        raise UserError(f"La fecha {what} ({shown_day(held)}) es anterior al registro de la empresa "
                        f"({shown_day(registered[:10])}).", field=field)


def _extra_minutes(value: Any, field: str, what: str) -> int:
    """Minutes of preparation or travel: blank is none; 0 to 1440."""
    try:
        minutes = parse_int(value, field, 0, MAX_MINUTES)
    except UserError:
        minutes = -1
    if minutes is not None and minutes < 0:
        raise UserError(f"Los minutos de {what} deben estar entre 0 y 1440 (24 horas).", field=field)
    return minutes or 0


def check_session(data: Mapping[str, Any], today: dt.date, known_topics: Iterable[str] = (),
                  registered: str | None = None) -> dict[str, Any]:
    """A session of advice: date, duration, preparation and travel, mode, topics, notes, next step.

    Args:
        registered: when the firm was first recorded (ISO); a session before it is refused.
    """
    held_on = parse_day(data.get("held_on"), "held_on", "fecha de la sesión")
    if held_on is None:
        raise UserError("Indique la fecha de la sesión.", field="held_on")
    _not_future(held_on, today, "held_on", "de la sesión")
    _registered(held_on, registered, "held_on", "de la sesión")
    minutes = data.get("minutes")
    try:
        minutes = parse_int(minutes, "minutes", 1, MAX_MINUTES)
    except UserError:
        minutes = -1
    if minutes is None or minutes < 1:
        raise UserError("La duración de la sesión debe estar entre 1 minuto y 24 horas (1440 minutos).",
                        field="minutes")
    prep = _extra_minutes(data.get("prep_minutes"), "prep_minutes", "preparación")
    travel = _extra_minutes(data.get("travel_minutes"), "travel_minutes", "traslado")
    mode = _choice(data.get("mode"), SESSION_MODES, "mode",
                   "Elija cómo fue la sesión: visita, en el centro, teléfono o videollamada.")
    topics = list(dict.fromkeys(t for t in (data.get("topics") or []) if t))
    known = set(known_topics)
    unknown = [t for t in topics if known and t not in known]
    if unknown:
        raise UserError(f"El tema «{unknown[0]}» no es una familia ni un instrumento del catálogo.", field="topics")
    return {"held_on": held_on, "minutes": minutes, "prep_minutes": prep, "travel_minutes": travel, "mode": mode,
            "topics": topics, "notes": _text(data.get("notes")), "next_step": _text(data.get("next_step"), 1000),
            "programme": _text(data.get("programme"), 200), "adviser_id": data.get("adviser_id")}


def check_plan_status(status: Any, drop_reason: Any, day: dt.date) -> dict[str, Any]:
    """A plan item's new status; dropping one needs its reason."""
    status = _choice(status, PLAN_STATUSES, "status", "Elija el estado: pendiente, en curso, hecha o descartada.")
    reason = _text(drop_reason, 500)
    if status == "descartado" and not reason:
        raise UserError("Diga por qué se descarta la acción.", field="drop_reason")
    return {"status": status, "status_on": day.isoformat(), "drop_reason": reason if status == "descartado" else None}


def check_plan_item(data: Mapping[str, Any], advisers: Iterable[str] = (),
                    dimensions: Iterable[str] = ()) -> dict[str, Any]:
    """A plan item written by hand or edited: what, who does it, by when, which dimension it works on.

    Who: the firm (``owner`` "empresa"), the centre in general ("centro"), or one of the centre's
    advisers (``owner_adviser_id``, one of ``advisers``; the centre then does it). ``dimensions``,
    when given, are the questionnaire's dimension ids the item may target.
    """
    title = _text(data.get("title"), 300)
    if not title:
        raise UserError("Escriba qué hay que hacer.", field="title")
    adviser = data.get("owner_adviser_id") or None
    owner = "centro" if adviser else data.get("owner")
    owner = _choice(owner, PLAN_OWNERS, "owner",
                    "Diga quién se encarga: la empresa, el centro o uno de sus asesores.")
    if owner == "empresa":
        adviser = None
    elif adviser is not None and adviser not in set(advisers):
        raise UserError("Quien se encarga debe ser uno de los asesores activos del centro.", field="owner")
    dimension = data.get("dimension") or None
    known = set(dimensions)
    if dimension is not None and known and dimension not in known:
        raise UserError(f"La dimensión «{dimension}» no es una del cuestionario.", field="dimension")
    return {"title": title, "owner": owner, "owner_adviser_id": adviser, "dimension": dimension,
            "due_on": parse_day(data.get("due_on"), "due_on", "fecha límite")}


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


def stage_of(milestone: Mapping[str, Any]) -> str:
    """A milestone's stage; one written by an older Rumbo (no stage) by its evidence."""
    stage = milestone.get("stage")
    if stage in MILESTONE_STAGES:
        return stage
    return "declarado" if milestone.get("evidence") in (None, "declarado") else "documentado"


def _document(data: Mapping[str, Any], evidence: str) -> tuple[str | None, str | None]:
    """The kind and reference of the document seen (a signed statement is one by its nature)."""
    kind = data.get("document_kind") or ("declaracion_firmada" if evidence == "firmado" else None)
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise UserError("Elija qué documento vio: certificado, factura, contrato, estados financieros, "
                        "declaración firmada, constancia u otro.", field="document_kind")
    return kind, _text(data.get("document_ref"), 300)


def check_document(data: Mapping[str, Any], milestone: Mapping[str, Any], who: str | None,
                   today: dt.date) -> dict[str, Any]:
    """«Documento visto»: the step from declared to documented, with who saw which document and when.

    The document itself is not kept yet; ``document_id`` will point at it when documents can be
    attached to a record.
    """
    if stage_of(milestone) != "declarado":
        raise UserError("Ese hito ya tiene su documento visto.", field="document_seen")
    if not data.get("document_seen"):
        raise UserError("Marque «Documento visto»: solo se documenta un hito cuyo documento usted vio.",
                        field="document_seen")
    if not who:
        raise UserError("Elija primero quién es usted (el asesor actual): el hito guarda quién vio el documento.",
                        field="adviser")
    if not data.get("document_kind"):
        raise UserError("Elija qué documento vio.", field="document_kind")
    kind, ref = _document(data, "documento")
    return {"stage": "documentado", "evidence": "firmado" if kind == "declaracion_firmada" else "documento",
            "document_seen": True, "document_kind": kind, "document_ref": ref, "documented_by": who,
            "documented_on": today.isoformat(), "verified_by": None, "verified_on": None}


def check_verification(milestone: Mapping[str, Any], verifier: str | None, today: dt.date) -> dict[str, Any]:
    """The second person's check: a documented milestone, verified by someone who did not record it.

    Whether the verifier is a coordinator is the service's check (roles are the database's own).
    """
    if not verifier:
        raise UserError("Elija primero quién es usted (el asesor actual): la verificación guarda quién verificó.",
                        field="adviser")
    stage = stage_of(milestone)
    if stage == "verificado":
        raise UserError("Ese hito ya está verificado.", field="stage")
    if stage != "documentado":
        raise UserError("Primero alguien debe ver el documento del hito («Documento visto»); después se verifica.",
                        field="stage")
    if verifier == milestone.get("created_by"):
        raise UserError("Quien registró el hito no puede verificarlo: lo verifica otra persona, un coordinador.",
                        field="adviser")
    return {"stage": "verificado", "verified_by": verifier, "verified_on": today.isoformat()}


def check_milestone(data: Mapping[str, Any], firm: Mapping[str, Any], intake: Mapping[str, Any], today: dt.date,
                    rates: Mapping[str, Any], verifier: str | None) -> dict[str, Any]:
    """An impact milestone, with its baseline taken from the firm as registered (``intake``).

    Evidence beyond the firm's word (a document seen, a statement signed by the client) makes the
    milestone documented by whoever records it; it still waits for a second person to verify it.

    Args:
        firm: the firm now (its currency and rate).
        intake: the firm's first recorded version (its figures at intake, ``created_at``).
        rates: the centre's exchange rates (units per US dollar).
        verifier: who records it; stored as who saw the document when the evidence is one.
    """
    kind = _choice(data.get("kind"), MILESTONE_KINDS, "kind", "Elija el tipo de hito.")
    occurred = parse_day(data.get("occurred_on"), "occurred_on", "fecha del hito")
    if occurred is None:
        raise UserError("Indique la fecha del hito.", field="occurred_on")
    _not_future(occurred, today, "occurred_on", "del hito")
    _registered(occurred, str(intake.get("created_at") or ""), "occurred_on", "del hito")
    evidence = _choice(data.get("evidence"), EVIDENCE_LEVELS, "evidence",
                       "Elija la evidencia: declarado, documento visto o firmado por el cliente.")
    seen = evidence != "declarado"
    document_kind, document_ref = _document(data, evidence) if seen else (None, None)
    out: dict[str, Any] = {
        "kind": kind, "occurred_on": occurred, "period": occurred[:4], "evidence": evidence,
        "jobs_women": None, "jobs_men": None, "amount": None, "currency": None, "amount_usd": None,
        "baseline_usd": None, "baseline_jobs": None, "markets": None, "source": None, "instrument": None,
        "description": _text(data.get("description"), 1000), "programme": _text(data.get("programme"), 200),
        "stage": "documentado" if seen else "declarado", "document_seen": seen or None,
        "document_kind": document_kind, "document_ref": document_ref,
        "documented_by": verifier if seen else None, "documented_on": today.isoformat() if seen else None,
        "verified_by": None, "verified_on": None,
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
