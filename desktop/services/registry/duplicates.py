"""The duplicate warning of the firm form: is the firm being typed already registered?

Same rules as the importer (:mod:`desktop.domain.registry.dedupe`): the same tax id in
the same country, or a near-identical name (legal suffixes, accents and case
ignored) in the same municipality. The form asks on every keystroke, so the
firms of a place are fetched once and kept while the place stays the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from db import firms as firm_repo
from db.connection import Storage
from db.queries import firm_lookup
from db.sync import conflicts as sync_conflicts
from desktop.domain.registry.dedupe import DuplicateIndex, place_key
from desktop.domain.registry.validation import check_tax_id


@dataclass(frozen=True)
class Duplicate:
    """An existing firm the one being typed seems to repeat.

    Attributes:
        firm_id: the existing firm.
        legal_name: its name as registered.
        reason: "tax_id" or "name".
        score: name similarity 0..100 (100 for the same tax id).
    """

    firm_id: str
    legal_name: str
    reason: str
    score: float


class DuplicateFinder:
    """Looks for an existing firm matching what the form holds.

    Args:
        storage: the open database.
        exclude_id: the firm being edited (never its own duplicate).
    """

    def __init__(self, storage: Storage, exclude_id: str | None = None):
        self.storage = storage
        self.exclude_id = exclude_id
        self._place: tuple[str, str] | None = None
        self._index = DuplicateIndex()

    def find(self, country: str | None, municipality: str | None, legal_name: str | None,
             tax_id: str | None) -> Duplicate | None:
        """The first existing firm this one duplicates, or None."""
        cc = (country or "").upper()
        compact, problem = check_tax_id(cc, tax_id) if tax_id else (None, None)
        if compact and not problem:
            other = firm_repo.get_firm_by_tax_id(self.storage, compact, cc or None)
            if other is not None and other["id"] != self.exclude_id:
                return Duplicate(other["id"], other["legal_name"], "tax_id", 100.0)
        if not legal_name or not municipality or not cc:
            return None
        self._load_place(cc, municipality)
        match = self._index.find(cc, municipality, legal_name, None)
        if match is None:
            return None
        return Duplicate(match.ref, match.other_name, "name", match.score)

    def _load_place(self, country: str, municipality: str) -> None:
        key = place_key(country, municipality)
        if key == self._place:
            return
        self._place = key
        self._index = DuplicateIndex()
        for firm_id, name, town, tax_id in firm_lookup.firms_in_place(self.storage, country, municipality):
            # The FTS phrase also finds "San Miguel de Mercedes" for "San Miguel": keep the exact place.
            if firm_id != self.exclude_id and place_key(country, town) == key:
                self._index.add(firm_id, country, town, name, tax_id)


@dataclass(frozen=True)
class DuplicatePair:
    """Two registered firms the importer's rules take for one (the older one first)."""

    first_id: str
    first_name: str
    second_id: str
    second_name: str
    municipality: str | None
    reason: str
    score: float


def possible_duplicates(storage: Storage, progress=None) -> list[DuplicatePair]:
    """Pairs of live firms in the whole registry that look like one firm, oldest first.

    The importer's screen (:meth:`DuplicateIndex.screen`), blocked on tax id and on
    place and name, compares every firm against those registered before it; pairs
    an adviser kept apart are left out. At 100,000 firms see docs/benchmarks.md.
    """
    rows = storage.conn.execute(
        "SELECT id, country, municipality, legal_name, tax_id FROM firms WHERE deleted_at IS NULL"
        " ORDER BY created_at, id").fetchall()
    apart = sync_conflicts.distinct_pairs(storage)
    names = {r[0]: r[3] for r in rows}
    tax_ids = {r[0]: r[4] for r in rows}
    index = DuplicateIndex()
    pairs = []
    for (firm_id, _cc, town, name, _tax), match in zip(rows, index.screen(rows, progress)):
        if match is None or tuple(sorted((firm_id, match.ref))) in apart:
            continue
        if _tax and tax_ids.get(match.ref) and _tax != tax_ids[match.ref]:
            continue  # two different tax ids: two firms, whatever their names (as bundles decide)
        pairs.append(DuplicatePair(match.ref, names.get(match.ref, match.other_name), firm_id, name, town,
                                   match.reason, match.score))
    return pairs


def review_pair(storage: Storage, first_id: str, second_id: str) -> str:
    """Open (or find) the possible-duplicate conflict of two firms, for the merge dialog.

    Raises:
        UserError: one sentence when the pair cannot be merged (the same firm, a firm
            already merged or deleted, a pair declared different).
    """
    return sync_conflicts.open_duplicate(storage, first_id, second_id)
