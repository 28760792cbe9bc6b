"""ISIC Rev. 4 sector codes as size rulebooks use them.

A firm's sector is given either as a section letter ("C") or as a numeric code
of 2 to 4 digits (division "10", group "107", class "1071"). Rulebooks whose
ceilings depend on the sector key them the same way; the most specific key that
covers the firm's code applies (class over group over division over section).
"""

from __future__ import annotations

import re

# Divisions (first two digits) of each ISIC Rev. 4 section, inclusive ranges.
SECTION_DIVISIONS: dict[str, tuple[int, int]] = {
    "A": (1, 3), "B": (5, 9), "C": (10, 33), "D": (35, 35), "E": (36, 39),
    "F": (41, 43), "G": (45, 47), "H": (49, 53), "I": (55, 56), "J": (58, 63),
    "K": (64, 66), "L": (68, 68), "M": (69, 75), "N": (77, 82), "O": (84, 84),
    "P": (85, 85), "Q": (86, 88), "R": (90, 93), "S": (94, 96), "T": (97, 98),
    "U": (99, 99),
}
_DIGITS = re.compile(r"^\d{2,4}$")


def section_of(code: str) -> str | None:
    """Return the section letter of a normalised sector code, or None if unknown."""
    if code in SECTION_DIVISIONS:
        return code
    if not _DIGITS.match(code):
        return None
    division = int(code[:2])
    for letter, (low, high) in SECTION_DIVISIONS.items():
        if low <= division <= high:
            return letter
    return None


def normalize_sector(raw: str) -> str | None:
    """Return the sector code in canonical form, or None when it is not ISIC Rev. 4.

    Spaces and dots are dropped ("10.71" -> "1071") and letters upper-cased.
    """
    code = re.sub(r"[\s.]", "", str(raw)).upper()
    return code if section_of(code) is not None else None


def match_specificity(key: str, sector: str) -> int:
    """How specifically ``key`` covers ``sector``: 0 when it does not cover it.

    A section letter scores 1; a numeric key scores its number of digits (2-4)
    when the firm's code starts with it.
    """
    if key.isalpha():
        return 1 if section_of(sector) == key else 0
    if sector.isdigit() and sector.startswith(key):
        return len(key)
    return 0
