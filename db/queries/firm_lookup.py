"""Small look-ups the firm form makes while the adviser types.

The duplicate warning needs, for the place being typed, the firms already
registered there. Municipalities are matched through the FTS index (which
ignores accents and case), so "Colon" finds the firms of "Colón" without a
scan of the whole table; the caller compares the names.
"""

from __future__ import annotations

from db.errors import guarded
from db.queries.search import search_tokens

# A form needs a handful of candidates; a huge town still stays cheap.
MAX_CANDIDATES = 20_000


@guarded
def firms_in_place(storage, country: str, municipality: str,
                   limit: int = MAX_CANDIDATES) -> list[tuple[str, str, str | None, str | None]]:
    """``(id, legal_name, municipality, tax_id)`` of live firms of ``country`` whose
    municipality contains the words of ``municipality`` (accents and case ignored)."""
    tokens = search_tokens(municipality)
    if not country or not tokens:
        return []
    phrase = '"' + " ".join(tokens) + '"'
    cur = storage.conn.execute(
        "SELECT f.id, f.legal_name, f.municipality, f.tax_id FROM firms f "
        "JOIN firms_fts_key k ON k.firm_id = f.id "
        "WHERE k.n IN (SELECT rowid FROM firms_fts WHERE firms_fts MATCH ?) "
        "AND f.country = ? AND f.deleted_at IS NULL LIMIT ?",
        (f"municipality : {phrase}", country.upper(), limit),
    )
    return list(cur)
