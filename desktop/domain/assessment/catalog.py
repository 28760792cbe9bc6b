"""The catalogue of support instruments (resources/catalog), loaded and checked.

Instruments belong to the four families of the source (financing; innovation
and technological upgrading; productive articulation; market access) and cite
the example programmes the study names (annex tables A.2–A.6 and the notes of
section III), copied as the source gives them. Legal registration is not a
fifth family: it is a *precondition* shown before the instruments when a firm
is informal. *Segments* pair each kind of firm with the instruments the study
pairs with it (Cuadro 7 and section III), so the choice starts from who the
firm is. Every instrument, precondition and segment carries its ``basis``: a
phrase of the study, or the centre's reason when the study is silent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.assessment.model import PROFILES, SECTOR_TYPES, SIZE_CLASSES, STAGES, Basis, Programme, Text
from desktop.domain.assessment.questionnaire import parse_basis
from desktop.domain.datafiles import read_json
from desktop.domain.errors import DataFileError
from desktop.resources import resource_path

FAMILIES = ("financiamiento", "innovacion", "articulacion", "mercados")
PRECONDITION_WHEN = ("informal",)
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
    lead_for: tuple[str, ...]  # profiles for which it comes first whatever the gaps
    programmes: tuple[Programme, ...]
    steps: tuple[Text, ...]
    evidence: str
    basis: Basis | None = None


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


@dataclass(frozen=True)
class Segment:
    """A kind of firm and the instruments the study pairs with it, best first.

    ``stages`` narrows the segment to some export stages (empty: any stage).
    """

    id: str
    profiles: tuple[str, ...]
    stages: tuple[str, ...]
    title: Text
    instruments: tuple[str, ...]
    basis: Basis


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

    def instrument(self, instrument_id: str) -> Instrument | None:
        """Return the instrument with ``instrument_id``, or None."""
        return next((i for i in self.instruments if i.id == instrument_id), None)

    def segment_for(self, profile: str | None, stage: str | None) -> Segment | None:
        """The segment of a firm of ``profile`` at ``stage``; None when the profile is unknown."""
        if profile is None:
            return None
        for seg in self.segments:
            if profile in seg.profiles and (not seg.stages or stage in seg.stages):
                return seg
        return None


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
            lead_for=_codes(d.get("lead_for", []), PROFILES, f"{where}: lead_for", path),
            programmes=tuple(programmes[p] for p in d.get("programmes", [])),
            steps=tuple(_text(s, f"{where}: paso {n + 1}", path) for n, s in enumerate(steps)),
            evidence=str(d.get("evidence", "")),
            basis=parse_basis(d.get("basis"), where, path),
        ))
    if not instruments:
        raise DataFileError(path, "el catálogo no tiene instrumentos")
    preconditions = tuple(_precondition(d, i, programmes, path) for i, d in enumerate(raw.get("preconditions", [])))
    segments = tuple(_segment(d, i, seen, path) for i, d in enumerate(raw.get("segments", [])))
    differentiation = parse_basis(raw["differentiation"], "diferenciación", path) if raw.get("differentiation") else None
    return Catalog(raw["id"], raw["version"], {k: _text(v, f"familia {k}", path) for k, v in fams.items()},
                   tuple(instruments), preconditions, segments, differentiation)


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
        basis=parse_basis(d.get("basis"), where, path))


def _segment(d: Any, i: int, instrument_ids: set[str], path: str) -> Segment:
    sid = d.get("id") if isinstance(d, dict) else None
    where = f"segmento «{sid or i + 1}»"
    if not sid:
        raise DataFileError(path, f"{where}: falta el id")
    chosen = _codes(d.get("instruments"), instrument_ids, f"{where}: instrumentos", path, required=True)
    return Segment(
        id=sid, profiles=_codes(d.get("profiles"), PROFILES, f"{where}: perfiles", path, required=True),
        stages=_codes(d.get("stages", []), STAGES, f"{where}: etapas", path),
        title=_text(d.get("title"), f"{where}: título", path), instruments=chosen,
        basis=parse_basis(d.get("basis"), where, path))


def load_catalog(path: str | Path | None = None, dimension_ids: set[str] | None = None) -> Catalog:
    """Load and validate a catalogue file (the shipped one by default).

    Raises:
        DataFileError: the file is missing, not JSON, or breaks a rule.
    """
    path = Path(path) if path is not None else resource_path(*DEFAULT_PATH)
    raw = read_json(path)
    return parse_catalog(raw, str(path), dimension_ids)
