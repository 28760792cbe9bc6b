"""The catalogue of support instruments (resources/catalog), loaded and checked.

Instruments belong to the four families of the source (financing; innovation
and technological upgrading; productive articulation; market access) plus
formalisation, and cite the example programmes of annex tables A.2–A.6
(reference.md §5), which are copied as the source gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.assessment.model import PROFILES, SECTOR_TYPES, SIZE_CLASSES, STAGES, Programme, Text
from desktop.domain.datafiles import read_json
from desktop.domain.errors import DataFileError
from desktop.resources import resource_path

FAMILIES = ("financiamiento", "innovacion", "articulacion", "mercados", "formalizacion")
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


@dataclass(frozen=True)
class Catalog:
    """A versioned catalogue; recommendations record ``id`` and ``version``."""

    id: str
    version: str
    families: dict[str, Text]
    instruments: tuple[Instrument, ...]


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
        for key in ("name", "institution", "source"):
            if not isinstance(p.get(key), str) or not p[key].strip():
                raise DataFileError(path, f"{where}: falta «{key}»")
        programmes[pid] = Programme(pid, p["name"], _codes(p.get("countries"), None, where, path, required=True),
                                    p["institution"], _text(p.get("results"), f"{where}: resultados", path), p["source"])
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
        ))
    if not instruments:
        raise DataFileError(path, "el catálogo no tiene instrumentos")
    return Catalog(raw["id"], raw["version"], {k: _text(v, f"familia {k}", path) for k, v in fams.items()}, tuple(instruments))


def load_catalog(path: str | Path | None = None, dimension_ids: set[str] | None = None) -> Catalog:
    """Load and validate a catalogue file (the shipped one by default).

    Raises:
        DataFileError: the file is missing, not JSON, or breaks a rule.
    """
    path = Path(path) if path is not None else resource_path(*DEFAULT_PATH)
    raw = read_json(path)
    return parse_catalog(raw, str(path), dimension_ids)
