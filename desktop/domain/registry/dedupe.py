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

from desktop.domain.registry.tabular import fold

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
        # (place, normalised name) -> its first position in _refs; later positions of the same name (a
        # database may hold a firm twice) in _more_positions.
        self._exact: dict[tuple[str, str, str], int] = {}
        self._more_positions: dict[tuple[str, str, str], list[int]] = {}
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
            refs = self._refs.setdefault(key, [])
            first = self._exact.setdefault((*key, norm), len(refs))
            if first != len(refs):
                self._more_positions.setdefault((*key, norm), []).append(len(refs))
            names, positions = self._by_length.setdefault(key, {}).setdefault(len(norm), ([], []))
            names.append(norm)
            positions.append(len(refs))
            refs.append((ref, name or "", norm))

    def _positions(self, key: tuple[str, str], norm: str) -> list[int]:
        """Where a normalised name was added in its place (empty when it was not)."""
        first = self._exact.get((*key, norm))
        if first is None:
            return []
        return [first, *self._more_positions.get((*key, norm), ())]

    def _known(self, cc: str, key: tuple[str, str], norm: str, tax_id: str | None) -> Match | None:
        """The tax-id or exact-name match, which come before any fuzzy one."""
        if tax_id and (cc, tax_id) in self._tax_ids:
            ref, other = self._tax_ids[(cc, tax_id)]
            return Match(ref, "tax_id", 100.0, other)
        exact = self._exact.get((*key, norm)) if norm else None
        if exact is not None:
            ref, other, _norm = self._refs[key][exact]
            return Match(ref, "name", 100.0, other)
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
            progress: called now and then with the share of the names compared so far (0..1);
                an exception it raises (a cancelled import) stops the screen, adding nothing.

        Returns:
            Per row, the match that makes it a duplicate (of a known firm or of
            an earlier accepted row), or None when it was added. The same as
            ``find`` then ``add`` row by row: the near-identical pairs among the
            distinct names of each place are first picked out in bulk by
            rapidfuzz's ``cdist`` (compiled, by groups of similar length), then
            each row settles its own in file order against the names added by then.
        """
        keys = [self._place(country, municipality) for _ref, country, municipality, _n, _t in rows]
        norms = [normalise_name(name) for _ref, _c, _m, name, _t in rows]
        near = self._near_names(keys, norms, progress)
        results: list[Match | None] = []
        for i, (ref, country, municipality, name, tax_id) in enumerate(rows):
            if near is None:  # too many near pairs to hold: one row at a time, as find() and add() do
                match = self.find(country, municipality, name, tax_id)
                if match is None:
                    self.add(ref, country, municipality, name, tax_id)
                results.append(match)
                continue
            cc, key, norm = (country or "").upper(), keys[i], norms[i]
            match = self._known(cc, key, norm, tax_id)
            if match is None and norm:
                hits = []
                for other in near.get(key, {}).get(norm, ()):
                    positions = self._positions(key, other)  # only names added by now: earlier rows, known firms
                    if positions:
                        score = fuzz.ratio(norm, other, score_cutoff=self.threshold)
                        if score:
                            hits += [(score, position) for position in positions]
                match = self._best(key, norm, hits)
            results.append(match)
            if match is None:
                self._add(ref, cc, key, name, norm, tax_id)
        return results

    def _near_names(self, keys: list[tuple[str, str]], norms: list[str],
                    progress: Callable[[float], None] | None = None) -> dict | None:
        """Per place, each distinct new name -> the distinct names there (known or new) it may nearly match.

        A superset of the pairs at or above the threshold (:meth:`screen`
        scores each again exactly). Each distinct name is compared once, so a
        file repeating a name thousands of times costs no more than once; the
        score matrices are made a block of names at a time. None when the pairs
        would not fit in :data:`_MAX_NEAR_PAIRS` (thousands of names of one place
        differing only by a number), for :meth:`screen` to go row by row.
        """
        places: dict[tuple[str, str], dict[str, None]] = {}
        for key, norm in zip(keys, norms):
            if norm:
                places.setdefault(key, {})[norm] = None  # distinct, in order of first appearance
        result: dict[tuple[str, str], dict[str, list[str]]] = {}
        pairs = compared = 0
        to_compare = sum(len(new) for new in places.values())
        for key, new in places.items():
            by_length: dict[int, dict[str, None]] = {}
            for norm in (*(entry[2] for entry in self._refs.get(key, ())), *new):
                by_length.setdefault(len(norm), {})[norm] = None
            queries: dict[int, list[str]] = {}
            for norm in new:
                queries.setdefault(len(norm), []).append(norm)
            near = result[key] = {}
            for length, group in queries.items():
                choices = [norm for close in _lengths_within(length, self.threshold) for norm in by_length.get(close, ())]
                for start in range(0, len(group), _SCREEN_BLOCK):
                    if progress:
                        progress(compared / to_compare)
                    block = group[start:start + _SCREEN_BLOCK]
                    compared += len(block)
                    # Only "may match" is read here (non-zero: at or just below the threshold,
                    # rounded to whole points); screen() takes the exact score again.
                    scores = process.cdist(block, choices, scorer=fuzz.ratio, score_cutoff=self.threshold - 0.01,
                                           dtype=np.uint8, workers=1)
                    found_q, found_c = np.nonzero(scores)
                    pairs += len(found_q)
                    if pairs > _MAX_NEAR_PAIRS:
                        return None
                    for q, c in zip(found_q.tolist(), found_c.tolist()):
                        near.setdefault(block[q], []).append(choices[c])
        return result


# Names compared per cdist call (its matrix is this many rows by the place's names of similar length).
_SCREEN_BLOCK = 1024
# Near pairs screen() holds at most (a few tens of MB); beyond, it goes row by row.
_MAX_NEAR_PAIRS = 2_000_000


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
