"""Regional context for the client report: Cuadro 8, exporting firms by size.

The figures come from the benchmark tables (``desktop.domain.assessment.benchmarks``);
this module only picks the row for the firm's size and words the comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.reports.labels import code_label, label
from desktop.reports.text import pct

SIZES = ("pequena", "mediana", "grande")


@dataclass(frozen=True)
class BenchmarkView:
    """A small grouped-bar table with its caption, a sentence and its source.

    Attributes:
        title: what the figures are.
        groups: row captions (firm sizes), in order.
        series: (region name, one value per group) for each region.
        highlight: index of the firm's own group, or None (micro-firms are not in Cuadro 8).
        sentences: the reading for this firm.
        source: the citation, e.g. "CEPAL (2013), Cuadro 8, sobre la base de OCDE y CEPAL (2012)".
    """

    title: str
    groups: tuple[str, ...]
    series: tuple[tuple[str, tuple[Decimal | None, ...]], ...]
    highlight: int | None
    sentences: tuple[str, ...]
    source: str


def exporting_firms_view(table: dict[str, dict[str, Decimal]], *, size_class: str | None,
                         exports: bool | None, source: str, lang: str = "es",
                         title: str | None = None, note: str | None = None,
                         regions: tuple[tuple[str, str], ...] = (
                             ("latin_america", "latin_america"),
                             ("eastern_europe", "eastern_europe"),
                             ("east_asia", "east_asia"))) -> BenchmarkView:
    """Word Cuadro 8 for one firm.

    Args:
        table: size code ("pequena", "mediana", "grande") -> region key -> percent.
        size_class: the firm's size class code.
        exports: whether the firm exports today (None when unknown).
        source: the citation to print.
        lang: report language.
        title: the table's title (default: the label table's wording).
        note: the table's own note (coverage of the regions), printed first.
        regions: (key in ``table``, label key) for each region, in order.
    """
    groups = tuple(code_label(s, lang) for s in SIZES)
    series = tuple(
        (label(label_key, lang), tuple(table.get(size, {}).get(key) for size in SIZES))
        for key, label_key in regions
    )
    highlight = SIZES.index(size_class) if size_class in SIZES else None
    sentences = [note] if note else []
    if size_class == "micro":
        sentences.append(label("bench_micro", lang))
    row = size_class if size_class in SIZES else None  # a micro-firm has no row: the table leaves them out
    if row is not None and exports is not None:
        if exports:
            sentences.append(label("bench_firm_exports", lang).format(size=code_label(row, lang)))
        else:
            share = table.get(row, {}).get(regions[0][0])
            sentences.append(label("bench_firm_no_exports", lang).format(
                share=pct(share, lang), size=code_label(row, lang)))
    return BenchmarkView(
        title=title or label("exporting_firms", lang), groups=groups, series=series,
        highlight=highlight, sentences=tuple(sentences), source=source,
    )
