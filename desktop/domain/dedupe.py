"""Spotting the same firm twice: same tax id, or a near-identical name in the same place.

Names are compared after :func:`normalise_name` strips what varies between
two spellings of one firm: accents, case, punctuation, spacing and the legal
suffix ("Café Las Nubes, S.A. de C.V." and "CAFE LAS NUBES SA DE CV" are the
same). The remaining names are compared with rapidfuzz's ratio; at or above
:data:`NAME_THRESHOLD` (out of 100) two firms in the same country and
municipality are taken for the same firm.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
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
    against the database and within the file, with no per-row query. For a
    whole file at once, :meth:`screen` gives the same answers as calling
    :meth:`find` then :meth:`add` row by row, several times faster.

    Within a place, names are also filed by length: two names whose lengths
    differ by more than the threshold allows can never reach it (the
    rapidfuzz ratio is at most ``1 - |len1 - len2| / (len1 + len2)``), so a
    lookup scores only the names of nearby lengths. The answer is the same as
    scoring every name of the place, several times faster at 100,000 firms.
    """

    def __init__(self, threshold: float = NAME_THRESHOLD):
        if not 1 <= threshold <= 100:  # screen() reads whole-point scores: below 1 they would round to 0
            raise ValueError(f"a name threshold is between 1 and 100, not {threshold!r}")
        self.threshold = threshold
        self._tax_ids: dict[tuple[str, str], tuple[str, str]] = {}
        self._exact: dict[tuple[str, str, str], tuple[str, str]] = {}
        # place -> [(ref, name, normalised name)] in the order added; the position breaks ties between equal scores.
        self._refs: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        # place -> length of the normalised name -> ([normalised names], [positions in _refs])
        self._by_length: dict[tuple[str, str], dict[int, tuple[list[str], list[int]]]] = {}
        self._places: dict[tuple[str | None, str | None], tuple[str, str]] = {}
        self._norms: dict[str, str] = {}

    def __len__(self) -> int:
        return sum(len(v) for v in self._refs.values())

    def _place(self, country: str | None, municipality: str | None) -> tuple[str, str]:
        # Imports repeat a few dozen places thousands of times: fold each once.
        key = self._places.get((country, municipality))
        if key is None:
            key = self._places[(country, municipality)] = place_key(country, municipality)
        return key

    def _norm(self, name: str | None) -> str:
        # find() then add() of the same row normalise the same name: keep the last few.
        if not name:
            return ""
        norm = self._norms.get(name)
        if norm is None:
            if len(self._norms) > 64:
                self._norms.clear()
            norm = self._norms[name] = normalise_name(name)
        return norm

    def add(self, ref: str, country: str | None, municipality: str | None, name: str | None,
            tax_id: str | None) -> None:
        """Remember a firm under its tax id and its normalised name."""
        self._add(ref, (country or "").upper(), self._place(country, municipality), name, self._norm(name), tax_id)

    def _add(self, ref: str, cc: str, key: tuple[str, str], name: str | None, norm: str, tax_id: str | None) -> None:
        if tax_id:
            self._tax_ids.setdefault((cc, tax_id), (ref, name or ""))
        if norm:
            self._exact.setdefault((*key, norm), (ref, name or ""))
            refs = self._refs.setdefault(key, [])
            names, positions = self._by_length.setdefault(key, {}).setdefault(len(norm), ([], []))
            names.append(norm)
            positions.append(len(refs))
            refs.append((ref, name or "", norm))

    def _known(self, cc: str, key: tuple[str, str], norm: str, tax_id: str | None) -> Match | None:
        """The tax-id or exact-name match, which come before any fuzzy one."""
        if tax_id and (cc, tax_id) in self._tax_ids:
            ref, other = self._tax_ids[(cc, tax_id)]
            return Match(ref, "tax_id", 100.0, other)
        exact = self._exact.get((*key, norm)) if norm else None
        if exact:
            return Match(exact[0], "name", 100.0, exact[1])
        return None

    def find(self, country: str | None, municipality: str | None, name: str | None,
             tax_id: str | None) -> Match | None:
        """The known firm this one duplicates, or None."""
        cc = (country or "").upper()
        norm = self._norm(name)
        key = self._place(country, municipality)
        known = self._known(cc, key, norm, tax_id)
        if known or not norm:
            return known
        by_length = self._by_length.get(key)
        if not by_length:
            return None
        choices, positions = [], []
        for length in _lengths_within(len(norm), self.threshold):
            group = by_length.get(length)
            if group:
                choices += group[0]
                positions += group[1]
        if not choices:
            return None
        hits = process.extract(norm, choices, scorer=fuzz.ratio, score_cutoff=self.threshold, limit=None)
        return self._best(key, norm, [(score, positions[index]) for _choice, score, index in hits])

    def _best(self, key: tuple[str, str], norm: str, hits: list[tuple[float, int]]) -> Match | None:
        """The match among fuzzy hits ``(score, position)``: the five best, ties to the name added
        first (what scoring the whole place would give), and the first of those whose numbers agree."""
        if not hits:
            return None
        refs = self._refs[key]
        # Names that differ in their numbers ("Farmacia 2" / "Farmacia 3") are different firms or branches.
        digits = _digits(norm)
        for score, position in sorted(hits, key=lambda hit: (-hit[0], hit[1]))[:5]:
            ref, other, other_norm = refs[position]
            if _digits(other_norm) == digits:
                return Match(ref, "name", float(score), other)
        return None

    def screen(self, rows: Sequence[tuple[str, str | None, str | None, str | None, str | None]],
               progress: Callable[[float], None] | None = None) -> list[Match | None]:
        """Check many new firms in order, adding each one that is not a duplicate.

        Args:
            rows: ``(ref, country, municipality, name, tax_id)`` per firm, in file order.
            progress: called with the share of the places compared so far (0..1).

        Returns:
            Per row, the match that makes it a duplicate (of a known firm or of
            an earlier accepted row), or None when it was added. The same as
            ``find`` then ``add`` row by row: all near-identical name pairs of a
            place are first picked out in bulk by rapidfuzz's ``cdist`` (compiled,
            by groups of similar length), then each row settles its own in order.
        """
        ccs = [(country or "").upper() for _ref, country, _m, _n, _t in rows]
        keys = [self._place(country, municipality) for _ref, country, municipality, _n, _t in rows]
        norms = [normalise_name(name) for _ref, _c, _m, name, _t in rows]
        candidates = self._candidate_pairs(keys, norms, progress)
        results: list[Match | None] = []
        # Where each row landed in its place's list, once added (its candidates refer to it that way).
        added_at: dict[int, int] = {}
        for i, (ref, _country, _municipality, name, tax_id) in enumerate(rows):
            cc, key, norm = ccs[i], keys[i], norms[i]
            match = self._known(cc, key, norm, tax_id)
            if match is None and norm and i in candidates:
                refs = self._refs.get(key, [])
                hits = []
                for other in candidates[i]:
                    position = other if other >= 0 else added_at.get(~other)
                    if position is not None:
                        score = fuzz.ratio(norm, refs[position][2], score_cutoff=self.threshold)
                        if score:
                            hits.append((score, position))
                match = self._best(key, norm, hits)
            results.append(match)
            if match is None:
                if norm:
                    added_at[i] = len(self._refs.get(key, ()))
                self._add(ref, cc, key, name, norm, tax_id)
        return results

    def _candidate_pairs(self, keys: list[tuple[str, str]], norms: list[str],
                         progress: Callable[[float], None] | None = None) -> dict[int, list[int]]:
        """Row -> the names it may nearly match: known ones by position (>= 0), earlier rows as ``~row``.

        A superset: every pair scoring at or above the threshold is in, and
        :meth:`screen` scores each candidate again exactly.
        """
        places: dict[tuple[str, str], list[int]] = {}
        for i, norm in enumerate(norms):
            if norm:
                places.setdefault(keys[i], []).append(i)
        pairs: dict[int, list[int]] = {}
        for place_number, (key, rows) in enumerate(places.items(), start=1):
            if progress:
                progress((place_number - 1) / len(places))
            # Every name of the place: known ones (>= 0) then the file's rows (~row), by length.
            by_length: dict[int, list[tuple[int, str]]] = {}
            for position, (_ref, _name, norm) in enumerate(self._refs.get(key, ())):
                by_length.setdefault(len(norm), []).append((position, norm))
            queries: dict[int, list[int]] = {}
            for i in rows:
                by_length.setdefault(len(norms[i]), []).append((~i, norms[i]))
                queries.setdefault(len(norms[i]), []).append(i)
            for length, group in queries.items():
                choices = [entry for near in _lengths_within(length, self.threshold)
                           for entry in by_length.get(near, ())]
                # Only "may match" is read here (non-zero: at or just below the threshold, rounded to
                # whole points); the exact score is taken again for each hit.
                scores = process.cdist([norms[i] for i in group], [norm for _ref, norm in choices],
                                       scorer=fuzz.ratio, score_cutoff=self.threshold - 0.01,
                                       dtype=np.uint8, workers=1)
                for q, c in zip(*np.nonzero(scores)):
                    i, other = group[q], choices[c][0]
                    if other >= 0 or ~other < i:  # known firms, and rows earlier in the file
                        pairs.setdefault(i, []).append(other)
        return pairs


def _lengths_within(length: int, threshold: float) -> range:
    """Name lengths that can reach ``threshold`` against a name of ``length``.

    Two names of lengths ``a`` and ``b`` need at least ``|a - b|`` insertions
    or deletions, so their ratio is at most ``100 * (1 - |a - b| / (a + b))``:
    below ``threshold`` whenever ``|a - b| > slack * (a + b)`` with ``slack =
    1 - threshold / 100``. Solving for ``b`` gives the range; a tiny margin
    keeps floating-point rounding from ever dropping a length on the edge.
    """
    slack = 1 - threshold / 100
    if slack >= 1:
        return range(1, 10 ** 9)
    low = math.ceil(length * (1 - slack) / (1 + slack) - 1e-6)
    high = math.floor(length * (1 + slack) / (1 - slack) + 1e-6)
    return range(max(low, 1), high + 1)

def _digits(text: str) -> str:
    return "".join(filter(str.isdigit, text))
