"""The catalogue of support instruments (resources/catalog), loaded and checked.

Instruments belong to the four families of the source (financing; innovation
and technological upgrading; productive articulation; market access) and cite
the example programmes the study names (annex tables A.2–A.6 and the notes of
section III), copied as the source gives them. Legal registration is not a
fifth family: it is a *precondition* shown before the instruments when a firm
is informal or cannot invoice.

Each instrument declares, as data, who can use it (``requires``: conditions on
the advice facts of :mod:`conditions`, each with the sentence said when it
fails and, when there is one, the step that unlocks it), the blocking answers
it resolves (``fixes``: knock-out question ids) and, when the study describes
it as useful for firms with a gap, that phrase (``gap_basis``).

*Segments* pair a kind of firm (profile, stage and further conditions) with
instruments. Every pairing carries its own level: "estudio" when the study
itself pairs that instrument with that kind of firm (its quote), "centro" when
the pairing is the centre's (its reason in plain words). Nothing else may be
said to be paired by the study.

The catalogue also holds the sentence for a large firm (``large_firm``) and the
reasons to internationalize (``why``), each with the study's phrase and the
conditions that make it fit a firm.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.assessment.conditions import parse_condition
from desktop.domain.assessment.model import PROFILES, SECTOR_TYPES, SIZE_CLASSES, STAGES, Basis, Programme, Text
from desktop.domain.assessment.questionnaire import parse_basis
from desktop.domain.datafiles import read_json
from desktop.domain.errors import DataFileError
from desktop.resources import resource_path

FAMILIES = ("financiamiento", "innovacion", "articulacion", "mercados")
PRECONDITION_WHEN = ("informal",)  # not registered, or cannot issue legal invoices
PAIRING_LEVELS = ("estudio", "centro")
WHY_KINDS = ("beneficio", "riesgo", "costo")
DEFAULT_PATH = ("catalog", "instrumentos.json")


@dataclass(frozen=True)
class Instrument:
    """A support instrument and the firms it suits (an empty filter suits all)."""

    id: str
    family: str
    title: Text
    description: Text
    gaps: tuple[str, ...]  # dimension ids it addresses
    sizes: tuple[str, ...]
    stages: tuple[str, ...]
    profiles: tuple[str, ...]
    sector_types: tuple[str, ...]
    countries: tuple[str, ...]
    programmes: tuple[Programme, ...]
    steps: tuple[Text, ...]
    evidence: str
    basis: Basis | None = None
    requires: tuple[dict, ...] = ()  # conditions, each with "why" (Text) and maybe "unlocked_by" (an id)
    gap_basis: Basis | None = None  # the study describes it as useful for firms with this gap
    fixes: tuple[str, ...] = ()  # knock-out question ids it resolves
    gap_questions: tuple[str, ...] = ()  # when given, only a weak answer to one of these brings it by gap


@dataclass(frozen=True)
class Precondition:
    """A step before any instrument (legal registration), shown first when ``when`` holds."""

    id: str
    when: str  # one of PRECONDITION_WHEN
    title: Text
    description: Text
    steps: tuple[Text, ...]
    programmes: tuple[Programme, ...]
    basis: Basis
    fixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pairing:
    """One instrument paired with a segment's kind of firm, and who pairs them.

    ``level`` is "estudio" (``basis`` quotes the study pairing them) or
    "centro" (``basis.centre`` says why the centre pairs them).
    """

    instrument: str
    level: str
    basis: Basis


@dataclass(frozen=True)
class Segment:
    """A kind of firm and the instruments paired with it, best first.

    A firm belongs to it when its profile is in ``profiles``, its stage in
    ``stages`` (empty: any stage) and every condition of ``when`` is known to hold.
    """

    id: str
    profiles: tuple[str, ...]
    stages: tuple[str, ...]
    title: Text
    pairings: tuple[Pairing, ...]
    when: tuple[dict, ...] = ()

    @property
    def instruments(self) -> tuple[str, ...]:
        """The paired instrument ids, in order."""
        return tuple(p.instrument for p in self.pairings)


@dataclass(frozen=True)
class Why:
    """A reason to internationalize (or a risk or cost to weigh) and the firms it fits."""

    id: str
    kind: str  # one of WHY_KINDS
    title: Text
    text: Text
    basis: Basis
    when: tuple[dict, ...] = ()


@dataclass(frozen=True)
class LargeFirm:
    """What a large firm is told instead of mipyme instruments, with the study's phrases."""

    text: Text
    bases: tuple[Basis, ...]


@dataclass(frozen=True)
class Catalog:
    """A versioned catalogue; recommendations record ``id`` and ``version``."""

    id: str
    version: str
    families: dict[str, Text]
    instruments: tuple[Instrument, ...]
    preconditions: tuple[Precondition, ...] = ()
    segments: tuple[Segment, ...] = ()
    differentiation: Basis | None = None  # the study's call for instruments differentiated by kind of firm
    large_firm: LargeFirm | None = None
    why: tuple[Why, ...] = ()

    def instrument(self, instrument_id: str) -> Instrument | None:
        """Return the instrument with ``instrument_id``, or None."""
        return next((i for i in self.instruments if i.id == instrument_id), None)

    def segments_for(self, facts: dict) -> list[Segment]:
        """Every segment the firm belongs to, in catalogue order (none when the profile is unknown)."""
        from desktop.domain.assessment.conditions import all_hold

        profile, stage = facts.get("profile"), facts.get("stage")
        if profile is None:
            return []
        return [seg for seg in self.segments
                if profile in seg.profiles and (not seg.stages or stage in seg.stages) and all_hold(seg.when, facts)]

    def pairings(self) -> list[tuple[Segment, Pairing]]:
        """Every (segment, pairing) the catalogue holds, in order."""
        return [(seg, p) for seg in self.segments for p in seg.pairings]


def _text(raw: Any, where: str, path: str) -> Text:
    if not isinstance(raw, dict) or any(not isinstance(raw.get(k), str) or not raw[k].strip() for k in ("es", "en")):
        raise DataFileError(path, f"{where}: falta el texto en español y en inglés")
    return Text(raw["es"], raw["en"])


def _codes(raw: Any, allowed, where: str, path: str, *, required: bool = False) -> tuple[str, ...]:
    if not isinstance(raw, list) or (required and not raw):
        raise DataFileError(path, f"{where}: se esperaba una lista{' no vacía' if required else ''}")
    bad = [c for c in raw if allowed is not None and c not in allowed]
    if bad:
        raise DataFileError(path, f"{where}: código desconocido «{bad[0]}»")
    return tuple(raw)


def parse_catalog(raw: Any, path: str, dimension_ids: set[str] | None = None) -> Catalog:
    """Build a Catalog from decoded JSON, checking every rule.

    Args:
        dimension_ids: when given, every instrument's gaps must be among them.

    Raises:
        DataFileError: naming ``path`` and the first problem found.
    """
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("version"):
        raise DataFileError(path, "el catálogo necesita «id» y «version»")
    fams = raw.get("families")
    if not isinstance(fams, dict) or set(fams) != set(FAMILIES):
        raise DataFileError(path, f"«families» debe tener exactamente: {', '.join(FAMILIES)}")
    programmes: dict[str, Programme] = {}
    for i, p in enumerate(raw.get("programmes", [])):
        pid = p.get("id") if isinstance(p, dict) else None
        where = f"programa «{pid or i + 1}»"
        if not pid or pid in programmes:
            raise DataFileError(path, f"{where}: id ausente o repetido")
        for key in ("name", "source"):
            if not isinstance(p.get(key), str) or not p[key].strip():
                raise DataFileError(path, f"{where}: falta «{key}»")
        institution = p.get("institution", "")
        note = _text(p["institution_note"], f"{where}: nota sobre la institución", path) if p.get("institution_note") else None
        if not isinstance(institution, str) or (not institution.strip() and note is None):
            raise DataFileError(path, f"{where}: falta «institution» (o «institution_note» si la fuente no la nombra)")
        programmes[pid] = Programme(
            pid, p["name"], _codes(p.get("countries"), None, where, path, required=True), institution,
            _text(p.get("results"), f"{where}: resultados", path), p["source"],
            sector_types=_codes(p.get("sector_types", []), SECTOR_TYPES, f"{where}: tipos de sector", path),
            institution_note=note,
            kind=_text(p["kind"], f"{where}: tipo", path) if p.get("kind") else None)
    instruments, seen = [], set()
    for i, d in enumerate(raw.get("instruments", [])):
        iid = d.get("id") if isinstance(d, dict) else None
        where = f"instrumento «{iid or i + 1}»"
        if not iid or iid in seen:
            raise DataFileError(path, f"{where}: id ausente o repetido")
        seen.add(iid)
        if d.get("family") not in FAMILIES:
            raise DataFileError(path, f"{where}: familia desconocida «{d.get('family')}»")
        steps = d.get("steps")
        if not isinstance(steps, list) or not 3 <= len(steps) <= 5:
            raise DataFileError(path, f"{where}: el plan de acción debe tener de 3 a 5 pasos")
        missing = [p for p in d.get("programmes", []) if p not in programmes]
        if missing:
            raise DataFileError(path, f"{where}: cita un programa inexistente «{missing[0]}»")
        requires = []
        for n, c in enumerate(d.get("requires", [])):
            cond = parse_condition(c, f"{where}: requisito {n + 1}", path)
            cond["why"] = _text(c.get("why"), f"{where}: requisito {n + 1}, por qué", path)
            if c.get("why_unknown"):
                cond["why_unknown"] = _text(c["why_unknown"], f"{where}: requisito {n + 1}, por qué sin dato", path)
            requires.append(cond)
        gap_basis = parse_basis(d["gap_basis"], f"{where}: gap_basis", path) if d.get("gap_basis") else None
        if gap_basis is not None and not gap_basis.from_study:
            raise DataFileError(path, f"{where}: «gap_basis» debe citar el estudio")
        instruments.append(Instrument(
            id=iid, family=d["family"],
            title=_text(d.get("title"), f"{where}: título", path),
            description=_text(d.get("description"), f"{where}: descripción", path),
            gaps=_codes(d.get("gaps"), dimension_ids, f"{where}: brechas", path, required=True),
            sizes=_codes(d.get("sizes"), SIZE_CLASSES, f"{where}: tamaños", path, required=True),
            stages=_codes(d.get("stages"), STAGES, f"{where}: etapas", path, required=True),
            profiles=_codes(d.get("profiles"), PROFILES, f"{where}: perfiles", path, required=True),
            sector_types=_codes(d.get("sector_types", []), SECTOR_TYPES, f"{where}: tipos de sector", path),
            countries=_codes(d.get("countries", []), None, f"{where}: países", path),
            programmes=tuple(programmes[p] for p in d.get("programmes", [])),
            steps=tuple(_text(s, f"{where}: paso {n + 1}", path) for n, s in enumerate(steps)),
            evidence=str(d.get("evidence", "")),
            basis=parse_basis(d.get("basis"), where, path),
            requires=tuple(requires), gap_basis=gap_basis,
            fixes=_codes(d.get("fixes", []), None, f"{where}: fixes", path),
            gap_questions=_codes(d.get("gap_questions", []), None, f"{where}: gap_questions", path),
        ))
    if not instruments:
        raise DataFileError(path, "el catálogo no tiene instrumentos")
    preconditions = tuple(_precondition(d, i, programmes, path) for i, d in enumerate(raw.get("preconditions", [])))
    unlockers = seen | {p.id for p in preconditions}
    for inst in instruments:
        for cond in inst.requires:
            if cond.get("unlocked_by") and cond["unlocked_by"] not in unlockers:
                raise DataFileError(path, f"instrumento «{inst.id}»: «unlocked_by» desconocido «{cond['unlocked_by']}»")
    segments = tuple(_segment(d, i, seen, path) for i, d in enumerate(raw.get("segments", [])))
    differentiation = parse_basis(raw["differentiation"], "diferenciación", path) if raw.get("differentiation") else None
    large = raw.get("large_firm")
    large_firm = LargeFirm(_text(large.get("text"), "empresa grande", path),
                           tuple(parse_basis(b, "empresa grande", path) for b in large.get("bases", []))) if large else None
    why = tuple(_why(d, i, path) for i, d in enumerate(raw.get("why", [])))
    return Catalog(raw["id"], raw["version"], {k: _text(v, f"familia {k}", path) for k, v in fams.items()},
                   tuple(instruments), preconditions, segments, differentiation, large_firm, why)


def _precondition(d: Any, i: int, programmes: dict[str, Programme], path: str) -> Precondition:
    pid = d.get("id") if isinstance(d, dict) else None
    where = f"condición previa «{pid or i + 1}»"
    if not pid or d.get("when") not in PRECONDITION_WHEN:
        raise DataFileError(path, f"{where}: necesita «id» y «when» ({', '.join(PRECONDITION_WHEN)})")
    missing = [p for p in d.get("programmes", []) if p not in programmes]
    if missing:
        raise DataFileError(path, f"{where}: cita un programa inexistente «{missing[0]}»")
    return Precondition(
        id=pid, when=d["when"], title=_text(d.get("title"), f"{where}: título", path),
        description=_text(d.get("description"), f"{where}: descripción", path),
        steps=tuple(_text(s, f"{where}: paso {n + 1}", path) for n, s in enumerate(d.get("steps", []))),
        programmes=tuple(programmes[p] for p in d.get("programmes", [])),
        basis=parse_basis(d.get("basis"), where, path),
        fixes=_codes(d.get("fixes", []), None, f"{where}: fixes", path))


def _segment(d: Any, i: int, instrument_ids: set[str], path: str) -> Segment:
    sid = d.get("id") if isinstance(d, dict) else None
    where = f"segmento «{sid or i + 1}»"
    if not sid:
        raise DataFileError(path, f"{where}: falta el id")
    raw_pairings = d.get("pairings")
    if not isinstance(raw_pairings, list) or not raw_pairings:
        raise DataFileError(path, f"{where}: se esperaba una lista no vacía de «pairings»")
    pairings = []
    for n, p in enumerate(raw_pairings):
        there = f"{where}, pareja {n + 1}"
        if not isinstance(p, dict) or p.get("instrument") not in instrument_ids:
            raise DataFileError(path, f"{there}: instrumento desconocido «{p.get('instrument') if isinstance(p, dict) else p}»")
        if p.get("level") not in PAIRING_LEVELS:
            raise DataFileError(path, f"{there}: «level» debe ser {' o '.join(PAIRING_LEVELS)}")
        basis = parse_basis(p.get("basis"), there, path)
        # The level must say who pairs them: a quote of the study, or the centre's reason alone.
        if p["level"] == "estudio" and not basis.from_study:
            raise DataFileError(path, f"{there}: una pareja «estudio» debe citar el estudio")
        if p["level"] == "centro" and (basis.from_study or basis.centre is None):
            raise DataFileError(path, f"{there}: una pareja «centro» lleva la razón del centro y ninguna cita")
        pairings.append(Pairing(p["instrument"], p["level"], basis))
    return Segment(
        id=sid, profiles=_codes(d.get("profiles"), PROFILES, f"{where}: perfiles", path, required=True),
        stages=_codes(d.get("stages", []), STAGES, f"{where}: etapas", path),
        title=_text(d.get("title"), f"{where}: título", path), pairings=tuple(pairings),
        when=tuple(parse_condition(c, f"{where}: condición {n + 1}", path) for n, c in enumerate(d.get("when", []))))


def _why(d: Any, i: int, path: str) -> Why:
    wid = d.get("id") if isinstance(d, dict) else None
    where = f"razón «{wid or i + 1}»"
    if not wid or d.get("kind") not in WHY_KINDS:
        raise DataFileError(path, f"{where}: necesita «id» y «kind» ({', '.join(WHY_KINDS)})")
    basis = parse_basis(d.get("basis"), where, path)
    if not basis.from_study:
        raise DataFileError(path, f"{where}: debe citar el estudio")
    return Why(wid, d["kind"], _text(d.get("title"), f"{where}: título", path),
               _text(d.get("text"), f"{where}: texto", path), basis,
               tuple(parse_condition(c, f"{where}: condición {n + 1}", path) for n, c in enumerate(d.get("when", []))))


def load_catalog(path: str | Path | None = None, dimension_ids: set[str] | None = None) -> Catalog:
    """Load and validate a catalogue file (the shipped one by default).

    Raises:
        DataFileError: the file is missing, not JSON, or breaks a rule.
    """
    path = Path(path) if path is not None else resource_path(*DEFAULT_PATH)
    raw = read_json(path)
    return parse_catalog(raw, str(path), dimension_ids)
