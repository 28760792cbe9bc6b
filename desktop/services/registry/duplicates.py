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
