"""The centre's programme directory: today's support offer, kept by the centre as data.

A programme names who runs it, where, which instruments of the catalogue it serves,
whom it is for and whom to call. ``model`` holds the programme as the report and the
screens use it and the words for its codes; ``record`` checks one programme as typed
or read from a file (one sentence naming the field); ``matching`` says whether a
programme is current (within its dates and checked with the institution in the last
year) and which current programmes a firm qualifies for, recommendation by recommendation.

Sits on top of the domain packages (like ``advisory``): it reads the assessment's codes
and catalogue and the registry's phone, e-mail and country rules.
"""

from desktop.domain.directory.matching import (
    CURRENT,
    EXPIRED,
    NOT_YET,
    UNCHECKED,
    fits,
    programmes_for,
    qualifies,
    status,
)
from desktop.domain.directory.model import (
    FAMILIES,
    STATUS_WORDS,
    DirectoryProgramme,
    eligibility_text,
    family_words,
    programme_from_row,
)
from desktop.domain.directory.record import HEADERS, check_programme

__all__ = [
    "CURRENT", "EXPIRED", "FAMILIES", "HEADERS", "NOT_YET", "STATUS_WORDS", "UNCHECKED", "DirectoryProgramme",
    "check_programme", "eligibility_text", "family_words", "fits", "programme_from_row", "programmes_for",
    "qualifies", "status",
]
