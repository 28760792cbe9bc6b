"""Benchmark tables of the source (Cuadros 2, 3, 4 and 8, and the figures of the text) as data, with citations.

Figures are copied exactly (reference.md §2). Some cells are bounds ("<2",
"less than 2") or missing ("n.d."); a :class:`BenchmarkValue` keeps the
qualifier so a report never prints "less than 2" as 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from desktop.domain.datafiles import read_json
from desktop.domain.errors import DataFileError
from desktop.domain.text import Text
from desktop.resources import resource_path

DEFAULT_PATH = ("benchmarks", "cepal-2013.json")
TABLES = ("cuadro_2", "cuadro_3", "cuadro_4", "cuadro_8")
# Figures the text gives outside the numbered tables (reference.md §2.3, 2.5, 2.7, 2.9).
TEXT_TABLES = ("exportaciones_por_tamano", "empleo_por_productividad", "comercio_servicios_pib",
               "garantias_exigidas", "acceso_credito", "innovacion_participacion")
# The productivity groups of the text (CEPAL, 2008, cited in I.B); ``sector_levels`` in the file places each
# ISIC section in the group the study names, or in none.
LEVELS = ("alta", "media", "baja")
_LEVEL_WORDS = {"alta": ("mayor productividad", "highest productivity"), "media": ("productividad media", "medium productivity"),
                "baja": ("baja productividad", "low productivity")}
ISIC_SECTIONS = tuple("ABCDEFGHIJKLMNOPQRSTU")
# Sections whose services the study lists among service exports (II.B: transport, travel, financial, communication,
# construction, insurance, computing and information, business, recreational services).
SERVICE_TRADE_SECTIONS = ("F", "H", "I", "J", "K", "M", "N", "R")


@dataclass(frozen=True)
class Fact:
    """A figure of the study said for one firm, with where it comes from."""

    text: Text
    citation: str
REGIONS = ("america_latina", "europa_este", "asia_oriental")


@dataclass(frozen=True)
class BenchmarkValue:
    """One cell: ``value`` with ``qualifier`` "" (exact) or "<" (less than)."""

    table: str
    row: str
    column: str
    value: Decimal
    qualifier: str
    unit: str
    citation: str
    title: Text

    def text(self, lang: str = "es") -> str:
        """The value as a reader should see it, e.g. "9,1 %" or "menos de 2 %"."""
        number = str(self.value).replace(".", ",") if lang == "es" else str(self.value)
        if self.qualifier == "<":
            number = ("menos de " if lang == "es" else "less than ") + number
        return f"{number} %" if self.unit.startswith("%") else number


@dataclass(frozen=True)
class Benchmarks:
    """The loaded tables; look cells up with :meth:`value` or the helpers."""

    id: str
    version: str
    tables: dict
    sector_levels: dict | None = None
    country_notes: tuple = ()

    def sector_level(self, isic: str | None) -> tuple[str, Text] | None:
        """(level, the study's words for the sector) for an ISIC code, or None when the study names no group for it."""
        from desktop.domain.assessment.conditions import isic_section

        section = isic_section(isic)
        entry = (self.sector_levels or {}).get("sections", {}).get(section) if section else None
        return (entry["level"], Text(**entry["words"])) if entry else None

    def value(self, table: str, row: str, column: str) -> BenchmarkValue | None:
        """The cell at ``row``/``column`` of ``table``, or None when absent or "n.d."."""
        spec = self.tables.get(table)
        if spec is None or row not in spec["rows"] or column not in spec["columns"]:
            return None
        cell = spec["rows"][row][spec["columns"].index(column)]
        if cell is None:
            return None
        qualifier = "<" if cell.startswith("<") else ""
        return BenchmarkValue(table, row, column, Decimal(cell.lstrip("<")), qualifier, spec["unit"],
                              spec["citation"], Text(**spec["title"]))

    def exporting_share(self, size_class: str, region: str = "america_latina") -> BenchmarkValue | None:
        """Share of firms of ``size_class`` exporting directly or indirectly (Cuadro 8; no micro)."""
        return self.value("cuadro_8", region, size_class)

    def firm_share(self, country: str, size_class: str) -> BenchmarkValue | None:
        """Share of all firms in ``country`` that are of ``size_class`` (Cuadro 2)."""
        return self.value("cuadro_2", country, size_class)

    def relative_productivity(self, country: str, size_class: str) -> BenchmarkValue | None:
        """Productivity of ``size_class`` as % of large firms' in ``country`` (Cuadro 4)."""
        return self.value("cuadro_4", country, size_class)

    def pyme_share(self, country: str, measure: str) -> BenchmarkValue | None:
        """Pymes' share of ``measure`` ("empleo", "ventas", "exportaciones") in ``country`` (Cuadro 3)."""
        return self.value("cuadro_3", country, measure)

    def context_for(self, country: str | None, size_class: str | None) -> list[BenchmarkValue]:
        """Every benchmark cell that speaks about a firm of this country and size."""
        found = [
            self.exporting_share(size_class) if size_class else None,
            self.firm_share(country, size_class) if country and size_class else None,
            self.relative_productivity(country, size_class) if country and size_class else None,
            self.pyme_share(country, "exportaciones") if country and size_class in ("pequena", "mediana") else None,
        ]
        return [v for v in found if v is not None]

    def facts_for(self, country: str | None, size_class: str | None, sector_type: str | None = None,
                  isic: str | None = None) -> list[Fact]:
        """The text's figures and statements that fit a firm of this country, size and sector, as sentences.

        Args:
            sector_type: the firm's sector type (for the services figures).
            isic: the firm's ISIC code, whose section places it in the study's productivity groups.
        """
        def n(cell: BenchmarkValue | None, lang: str) -> str:
            return cell.text(lang) if cell else ""

        facts = []
        share = self.value("exportaciones_por_tamano", "AR_BR_CL_MX", size_class) if size_class else None
        if share is not None:
            large = self.value("exportaciones_por_tamano", "AR_BR_CL_MX", "grande")
            facts.append(Fact(Text(
                f"En 2008, en Argentina, Brasil, Chile y México, las empresas de este tamaño hicieron el {n(share, 'es')} "
                f"de las exportaciones; las grandes, el {n(large, 'es')}.",
                f"In 2008, in Argentina, Brazil, Chile and Mexico, firms of this size made {n(share, 'en')} of exports; "
                f"large firms, {n(large, 'en')}."), share.citation))
        placed = self.sector_level(isic)
        cell = self.value("empleo_por_productividad", "america_latina", placed[0]) if placed else None
        if cell is not None:
            words_es, words_en = _LEVEL_WORDS[placed[0]]
            facts.append(Fact(Text(
                f"El estudio sitúa {placed[1].es} entre los sectores de {words_es}, que dan el {n(cell, 'es')} del "
                "empleo de la región.",
                f"The study places {placed[1].en} among the sectors of {words_en}, which hold {n(cell, 'en')} of the "
                "region's jobs."), cell.citation))
        services = self.value("comercio_servicios_pib", country, "servicios") if country else None
        from desktop.domain.assessment.conditions import isic_section

        section = isic_section(isic)
        traded = section in SERVICE_TRADE_SECTIONS if section else sector_type == "servicios"
        if services is not None and traded:
            facts.append(Fact(Text(
                f"En 2009 el comercio de servicios equivalía al {str(services.value).replace('.', ',')} % del PIB del país.",
                f"In 2009 trade in services was {services.value}% of the country's GDP."), services.citation))
        collateral = self.value("garantias_exigidas", country, "garantia") if country else None
        if collateral is not None:
            facts.append(Fact(Text(
                f"Los bancos del país llegan a pedir garantías del {collateral.value} % del crédito.",
                f"Banks in the country may ask for collateral of {collateral.value}% of the loan."), collateral.citation))
        applied = self.value("acceso_credito", country, "solicitaron") if country else None
        if applied is not None:
            approved = self.value("acceso_credito", country, "aprobadas")
            facts.append(Fact(Text(
                f"Entre 2003 y 2006 solo el {n(applied, 'es')} de las empresas de menor tamaño pidió crédito bancario, "
                f"y se aprobó el {n(approved, 'es')} de las solicitudes.",
                f"Between 2003 and 2006 only {n(applied, 'en')} of smaller firms applied for bank credit, and "
                f"{n(approved, 'en')} of applications were approved."), applied.citation))
        for note in self.country_notes:
            if country and country in note["countries"]:
                facts.append(Fact(Text(**note["text"]), f"sección {note['section']}"))
        low = self.value("innovacion_participacion", "america_latina", "desde")
        if low is not None and size_class in ("micro", "pequena", "mediana"):
            high = self.value("innovacion_participacion", "america_latina", "hasta")
            facts.append(Fact(Text(
                f"Solo entre el {low.value} % y el {high.value} % de las mipymes de la región ha participado en "
                "proyectos de innovación.",
                f"Only {low.value}% to {high.value}% of the region's mipymes have taken part in innovation projects."),
                low.citation))
        return facts


def load_benchmarks(path: str | Path | None = None) -> Benchmarks:
    """Load and check the benchmark file (the shipped one by default).

    Raises:
        DataFileError: the file is missing, not JSON, or a table is malformed.
    """
    path = Path(path) if path is not None else resource_path(*DEFAULT_PATH)
    where = str(path)
    raw = read_json(path)
    tables = raw.get("tables") if isinstance(raw, dict) else None
    if not isinstance(tables, dict) or not set(TABLES) <= set(tables) or not set(tables) <= set(TABLES + TEXT_TABLES):
        raise DataFileError(where, f"«tables» debe tener {', '.join(TABLES)} y, si acaso, {', '.join(TEXT_TABLES)}")
    for name, spec in tables.items():
        for key in ("title", "citation", "unit", "columns", "rows"):
            if key not in spec:
                raise DataFileError(where, f"{name}: falta «{key}»")
        for row, cells in spec["rows"].items():
            if len(cells) != len(spec["columns"]):
                raise DataFileError(where, f"{name}, fila {row}: tiene {len(cells)} celdas y hay {len(spec['columns'])} columnas")
            for cell in cells:
                try:
                    if cell is not None:
                        Decimal(str(cell).lstrip("<"))
                except InvalidOperation:
                    raise DataFileError(where, f"{name}, fila {row}: valor no numérico «{cell}»") from None
    levels = raw.get("sector_levels")
    if levels is not None:
        sections = levels.get("sections") if isinstance(levels, dict) else None
        if not isinstance(sections, dict) or set(sections) != set(ISIC_SECTIONS):
            raise DataFileError(where, "«sector_levels» debe dar cada sección CIIU de la A a la U (null si el estudio no la nombra)")
        for section, entry in sections.items():
            if entry is not None and (entry.get("level") not in LEVELS or not isinstance(entry.get("words"), dict)):
                raise DataFileError(where, f"«sector_levels», sección {section}: nivel o palabras del estudio inválidos")
    notes = raw.get("country_notes", [])
    for note in notes:
        if not isinstance(note.get("countries"), list) or not isinstance(note.get("text"), dict):
            raise DataFileError(where, "«country_notes»: cada nota necesita «countries» y «text»")
    return Benchmarks(raw.get("id", ""), raw.get("version", ""), tables, levels, tuple(notes))
