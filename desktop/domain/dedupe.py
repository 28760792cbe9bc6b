"""Spotting the same firm twice: same tax id, or a near-identical name in the same place.

Names are compared after :func:`normalise_name` strips what varies between
two spellings of one firm: accents, case, punctuation, spacing and the legal
suffix ("Café Las Nubes, S.A. de C.V." and "CAFE LAS NUBES SA DE CV" are the
same). The remaining names are compared with rapidfuzz's ratio; at or above
:data:`NAME_THRESHOLD` (out of 100) two firms in the same country and
municipality are taken for the same firm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from desktop.domain.tabular import fold

NAME_THRESHOLD = 92.0

# Legal-form suffixes as they look after fold() and dot removal, longest first.
_SUFFIXES = (
    r"s de r ?l de c ?v", r"de r ?l de c ?v", r"s ?a de c ?v", r"s ?a ?p ?i de c ?v", r"s de r ?l",
    r"s ?r ?l", r"s ?a ?s", r"s ?a", r"de c ?v", r"c ?v", r"ltda", r"limitada", r"e ?i ?r ?l",
    r"sociedad anonima", r"sociedad de responsabilidad limitada", r"s ?en ?c", r"s ?c", r"s ?p ?a",
    r"y cia", r"cia", r"compania", r"e hijos", r"y asociados", r"inc", r"corp", r"llc", r"ltd", r"co",
)
_SUFFIX_AT_END = re.compile(r"(?:^|\s)(?:" + "|".join(_SUFFIXES) + r")$")


def normalise_name(name: str | None) -> str:
    """A firm name reduced for comparison: no accents, case, punctuation or legal suffix.

    Examples:
        "Café Las Nubes, S.A. de C.V." -> "cafe las nubes"
        "Distribuidora López y Cía. Ltda." -> "distribuidora lopez"
    """
    if not name:
        return ""
    # Dots join initials ("S.A." -> "sa"); the rest of the punctuation separates words.
    text = fold(str(name).replace(".", "").replace("&", " y ")).replace("_", " ")
    while True:
        stripped = _SUFFIX_AT_END.sub("", text).strip()
        if stripped == text or not stripped:
            break
        text = stripped
    return text


def place_key(country: str | None, municipality: str | None) -> tuple[str, str]:
    """The (country, municipality) bucket in which names are compared."""
    return (country or "").upper(), fold(municipality or "")


@dataclass(frozen=True)
class Match:
    """Why a record is taken for an existing one.

    Attributes:
        ref: the other record (a firm id, or "fila N" for an earlier row of a file).
        reason: "tax_id" or "name".
        score: name similarity 0..100 (100 for a tax id match).
        other_name: the other record's name as written.
    """

    ref: str
    reason: str
    score: float
    other_name: str


class DuplicateIndex:
    """Known firms, looked up by tax id and by name within a place.

    Build it once with every firm the database holds (for the countries at
    hand) and add each accepted row as it goes, so duplicates are found both
    against the database and within the file, with no per-row query.
    """

    def __init__(self, threshold: float = NAME_THRESHOLD):
        self.threshold = threshold
        self._tax_ids: dict[tuple[str, str], tuple[str, str]] = {}
        self._exact: dict[tuple[str, str, str], tuple[str, str]] = {}
        self._names: dict[tuple[str, str], list[str]] = {}
        self._refs: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def __len__(self) -> int:
        return sum(len(v) for v in self._refs.values())

    def add(self, ref: str, country: str | None, municipality: str | None, name: str | None,
            tax_id: str | None) -> None:
        """Remember a firm under its tax id and its normalised name."""
        cc = (country or "").upper()
        if tax_id:
            self._tax_ids.setdefault((cc, tax_id), (ref, name or ""))
        norm = normalise_name(name)
        if norm:
            key = place_key(country, municipality)
            self._exact.setdefault((*key, norm), (ref, name or ""))
            self._names.setdefault(key, []).append(norm)
            self._refs.setdefault(key, []).append((ref, name or ""))

    def find(self, country: str | None, municipality: str | None, name: str | None,
             tax_id: str | None) -> Match | None:
        """The known firm this one duplicates, or None."""
        cc = (country or "").upper()
        if tax_id and (cc, tax_id) in self._tax_ids:
            ref, other = self._tax_ids[(cc, tax_id)]
            return Match(ref, "tax_id", 100.0, other)
        norm = normalise_name(name)
        if not norm:
            return None
        key = place_key(country, municipality)
        exact = self._exact.get((*key, norm))
        if exact:
            return Match(exact[0], "name", 100.0, exact[1])
        choices = self._names.get(key)
        if not choices:
            return None
        # Names that differ in their numbers ("Farmacia 2" / "Farmacia 3") are different firms or branches.
        digits = _digits(norm)
        for choice, score, index in process.extract(norm, choices, scorer=fuzz.ratio,
                                                    score_cutoff=self.threshold, limit=5):
            if _digits(choice) == digits:
                ref, other = self._refs[key][index]
                return Match(ref, "name", float(score), other)
        return None


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit()) if any(ch.isdigit() for ch in text) else ""
