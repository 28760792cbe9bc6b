"""Today's offer in the client report: the centre's current programmes, and whom to ask when there are none.

The study's programmes stay in each recommendation, labelled as what they are: examples the
study (CEPAL, 2013) cites with the data of their sources' years, not today's offer. The
centre's own programmes (its directory, checked within the year) come first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.directory import DirectoryProgramme, eligibility_text
from desktop.reports.labels import label

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class CentreProgrammeLine:
    """A current programme of the centre's directory, as the report prints it."""

    name: str
    institution: str
    territory: str
    eligibility: str
    contact: str  # "Ana Ruiz · +503 2222 3333 · ana@… · https://…"
    checked: str  # "Verificado con la institución el 1 de noviembre de 2026."
    source: str = ""


def centre_line(p: DirectoryProgramme, lang: str) -> CentreProgrammeLine:
    from desktop.reports.text import long_date

    contact = " · ".join(x for x in (p.contact_name, p.phone_text(), p.email, p.web) if x)
    return CentreProgrammeLine(
        name=p.name, institution=p.institution, territory=p.territory_text(lang),
        eligibility=eligibility_text(p, lang), contact=contact,
        checked=label("directory_checked", lang).format(date=long_date(p.checked_on, lang)),
        source=p.source)


def source_years(sources: Iterable[str]) -> str:
    """The years the study's examples describe, from their citations ("2011", "2011 y 2012")."""
    years = sorted({int(y) for s in sources for y in _YEAR.findall(s)})
    return ", ".join(str(y) for y in years)


def examples_label(sources: Iterable[str], lang: str) -> str:
    """The heading of a recommendation's study examples: whose examples, from which years."""
    years = source_years(sources)
    if not years:
        return label("study_examples", lang)
    return label("study_examples_years", lang).format(years=years)


def ask_sentence(centre: str, contacts: tuple[tuple[str, str], ...], adviser: str, lang: str) -> str:
    """Whom in the centre to ask for today's offer: its coordinators, else the coordination, else the adviser."""
    people = [f"{name} ({reach})" if reach else name for name, reach in contacts if name]
    joiner = " and " if lang == "en" else " o "
    if people and centre:
        return label("ask_people_centre", lang).format(people=joiner.join(people), centre=centre)
    if people:
        return label("ask_people", lang).format(people=joiner.join(people))
    if centre:
        return label("ask_centre", lang).format(centre=centre)
    if adviser:
        return label("ask_adviser", lang).format(adviser=adviser)
    return label("ask_nobody", lang)
