"""The set of shipped rulebooks, and the version of a country's law in force on a date.

Each JSON file in ``resources/rulebooks`` is one version of one country's law
(``"kind": "size"``) or of its definition of an exporting MSME
(``"kind": "exporter"``). ``parse.py`` reads and checks the files; the
dataclasses are in ``model.py``; :class:`RulebookSet` picks the version in force.
"""

from __future__ import annotations

import datetime
from functools import lru_cache
from pathlib import Path

from desktop.domain.errors import UserError
from desktop.domain.sizing.model import Rulebook
from desktop.domain.sizing.parse import parse_folder
from desktop.resources import resource_path


class RulebookSet:
    """All rulebooks of a folder, by kind and country, each country's versions by date."""

    def __init__(self, books: list[Rulebook]):
        self._books = sorted(books, key=lambda b: (b.kind, b.country, b.effective_from))

    def books(self, kind: str | None = None) -> list[Rulebook]:
        """Every rulebook, or those of one kind."""
        return [b for b in self._books if kind is None or b.kind == kind]

    def countries(self, kind: str = "size") -> list[str]:
        """Country codes that have at least one rulebook of ``kind``, sorted."""
        return sorted({b.country for b in self.books(kind)})

    def has(self, kind: str, country: str) -> bool:
        """True when ``country`` has any version of a rulebook of ``kind``."""
        return country in self.countries(kind)

    def for_country(self, country: str, on_date: datetime.date, kind: str = "size") -> Rulebook:
        """Return the version in force on ``on_date``.

        A date before the earliest known version gets that earliest version (the
        classification then carries a ``before_known_definition`` note): the source
        dates the criteria by the studies that cite them, not by the laws, so an
        older date is not a reason to refuse.

        Raises:
            UserError: the country has no rulebook of this kind, or none in force that day
                (a date in a gap between versions).
        """
        code = country.strip().upper()
        versions = [b for b in self.books(kind) if b.country == code]
        if not versions:
            available = ", ".join(self.countries(kind))
            raise UserError(
                f"No hay una definición de tamaño para el país «{country}». "
                f"Países disponibles: {available}.",
                field="country",
            )
        for book in versions:
            if book.in_force(on_date):
                return book
        if on_date < versions[0].effective_from:
            return versions[0]
        periods = "; ".join(_period(b) for b in versions)
        raise UserError(
            f"No hay una definición de {versions[0].name.es} vigente el {on_date.isoformat()} "
            f"(versiones disponibles: {periods}).",
            field="on_date",
        )


def _period(book: Rulebook) -> str:
    end = f" hasta el {book.effective_to.isoformat()}" if book.effective_to else ""
    return f"«{book.version}», desde el {book.effective_from.isoformat()}{end}"


def load_rulebooks(folder: Path | None = None) -> RulebookSet:
    """Load and check every ``*.json`` rulebook in ``folder``.

    Args:
        folder: where the files are; by default ``resources/rulebooks`` (cached).

    Raises:
        DataFileError: a file is malformed, naming the file and the problem.
    """
    if folder is None:
        return _default_set()
    return RulebookSet(parse_folder(Path(folder)))


@lru_cache(maxsize=1)
def _default_set() -> RulebookSet:
    return RulebookSet(parse_folder(resource_path("rulebooks")))
