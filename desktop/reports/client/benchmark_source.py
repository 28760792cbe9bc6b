"""Reads Cuadro 8 from the shipped benchmark tables for the client report."""

from __future__ import annotations

from functools import lru_cache

from desktop.reports.client.benchmark_view import SIZES, BenchmarkView, exporting_firms_view
from desktop.reports.labels import label

# (region key in the benchmark file, label key), in the order the chart shows them.
REGIONS = (("america_latina", "latin_america"), ("europa_este", "eastern_europe"), ("asia_oriental", "east_asia"))


@lru_cache(maxsize=1)
def _benchmarks():
    from desktop.domain.assessment.benchmarks import load_benchmarks

    return load_benchmarks()


def citation(table_id: str, number: int, lang: str = "es") -> str:
    """"CEPAL, Serie … N° 146, Cuadro 8, sobre la base de OCDE y CEPAL, 2012" in ``lang``."""
    data = _benchmarks()
    spec = data.tables[table_id]
    source = str(_source_of(data)).split(";")[0].strip()
    table = ("Cuadro" if lang != "en" else "Table") + f" {number}"
    based = "sobre la base de" if lang != "en" else "based on"
    return f"{source}, {table}, {based} {spec['citation']}"


def _source_of(data) -> str:
    import json

    from desktop.domain.assessment.benchmarks import DEFAULT_PATH
    from desktop.resources import resource_path

    return json.loads(resource_path(*DEFAULT_PATH).read_text(encoding="utf-8")).get("source", data.id)


def exporting_firms_for(size_class: str | None, exports: bool | None, lang: str = "es") -> BenchmarkView:
    """Cuadro 8 worded for a firm of ``size_class`` that does (not) export today."""
    data = _benchmarks()
    spec = data.tables["cuadro_8"]
    table = {
        size: {region: (cell.value if (cell := data.value("cuadro_8", region, size)) else None)
               for region, _ in REGIONS}
        for size in SIZES
    }
    title = spec["title"].get(lang) or spec["title"]["es"]
    unit = "% del total" if lang != "en" else "% of all firms"
    note = spec.get("note", {}).get(lang)
    return exporting_firms_view(
        table, size_class=size_class, exports=exports, source=citation("cuadro_8", 8, lang), lang=lang,
        title=f"{title} ({unit})", note=note, regions=REGIONS,
    )


__all__ = ["exporting_firms_for", "citation", "label"]
