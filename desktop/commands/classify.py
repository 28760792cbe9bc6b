"""``rumbo classify``: a firm's size class under its country's definition.

Money is in whole US dollars (``MONEY_UNITS_NOTE`` says so in the help). Numbers are parsed here rather than by argparse
so that a bad value gets one Spanish sentence naming the option (exit 2).
``--json`` prints the object of :meth:`Classification.to_json` (``size_class`` is
the study's table, as the contract fixes) with a ``law`` object added: the class
under the law in force on the date (the shipped law rulebooks; ``class`` is null
where none is loaded for the country), its sub-class, rulebook and reason.
Otherwise a short readable text in the language of ``--lang`` (Spanish by
default) that shows both classes.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from decimal import Decimal

from desktop.domain.errors import UserError
from desktop.domain.sizing import MONEY_UNITS_NOTE, Classification, FirmFigures, classify
from desktop.domain.sizing.definitions import law_set
from desktop.domain.sizing.law import LawClassification, classify_law, differences
from desktop.domain.sizing.notes import CRITERION_LONG, class_label
from desktop.domain.sizing.reason import amount

_NUMBER = re.compile(r"^\d+(\.\d+)?$")


def register(subparsers) -> None:
    """Add the ``classify`` subcommand."""
    parser = subparsers.add_parser(
        "classify",
        help="clasificar el tamaño de una empresa según la definición de su país",
        description="Clasifica el tamaño de una empresa (micro, pequeña, mediana, grande) según la "
                    f"definición de su país en la tabla del estudio y, junto a ella, la ley vigente cuando Rumbo la "
                    f"tiene. {MONEY_UNITS_NOTE.es}",
    )
    parser.add_argument("--country", required=True, metavar="CC", help="código del país (CR, SV, GT, HN, NI, PA, DO; AR, BR, CL)")
    parser.add_argument("--employees", metavar="N", help="número de empleados")
    parser.add_argument("--sales-usd", metavar="X", help="ventas brutas anuales, en dólares (p. ej. 250000)")
    parser.add_argument("--assets-usd", metavar="Y", help="activos, en dólares")
    parser.add_argument("--exports-usd", metavar="Z", help="exportaciones anuales, en dólares")
    parser.add_argument("--sector", metavar="CIIU", help="sector CIIU Rev. 4 (sección «C» o código «1071»)")
    parser.add_argument("--date", metavar="AAAA-MM-DD", help="fecha en que se aplica la definición (por defecto, hoy)")
    parser.add_argument("--json", action="store_true", help="imprimir el resultado como un objeto JSON")
    parser.set_defaults(handler=run)


def parse_amount(raw: str | None, option: str, *, integer: bool = False) -> Decimal | int | None:
    """Parse a non-negative number given on the command line.

    Raises:
        UserError: the text is not a number, is negative, or is not whole when it must be.
    """
    if raw is None:
        return None
    text = raw.strip()
    if text.startswith("-") and _NUMBER.match(text[1:]):
        raise UserError(f"El valor de {option} no puede ser negativo: «{raw}».", field=option)
    if not _NUMBER.match(text):
        raise UserError(
            f"El valor de {option} debe ser un número sin separadores de miles (por ejemplo 125000), no «{raw}».",
            field=option,
        )
    if integer:
        if "." in text and Decimal(text) != Decimal(text).to_integral_value():
            raise UserError(f"El valor de {option} debe ser un número entero, no «{raw}».", field=option)
        return int(Decimal(text))
    return Decimal(text)


def _parse_date(raw: str | None) -> datetime.date | None:
    if raw is None:
        return None
    try:
        return datetime.date.fromisoformat(raw.strip())
    except ValueError:
        raise UserError(f"La fecha de --date debe tener la forma AAAA-MM-DD, no «{raw}».", field="--date") from None


def run(args: argparse.Namespace) -> int:
    """Classify and print; bad input raises UserError (exit 2 through cli.main)."""
    figures = FirmFigures(
        employees=parse_amount(args.employees, "--employees", integer=True),
        sales_usd=parse_amount(args.sales_usd, "--sales-usd"),
        assets_usd=parse_amount(args.assets_usd, "--assets-usd"),
        exports_usd=parse_amount(args.exports_usd, "--exports-usd"),
        sector=args.sector,
        on_date=_parse_date(args.date),
    )
    result = classify(args.country, figures)
    by_law = classify_law(args.country, figures, law_set())
    lang = getattr(args, "lang", None) or "es"
    if args.json:
        data = result.to_json(lang)
        data["law"] = by_law.to_json(lang)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(result, lang) + render_law_text(result, by_law, lang))
    return 0


def render_law_text(study: Classification, law: LawClassification, lang: str = "es") -> str:
    """The law in force beside the study's table, for the readable report."""
    en = lang == "en"
    lines = ["", f"{'Under the law in force' if en else 'Según la ley vigente'}: {law.label(lang)}", law.reason(lang)]
    if law.book is not None:
        lines.append(f"{'Law applied' if en else 'Ley aplicada'}: {law.title(lang)}, "
                     f"{'version' if en else 'versión'} {law.book.version} ({law.rulebook_ref()})")
        lines.append(f"{'Source' if en else 'Fuente'}: {law.source_text(lang)}")
    why = differences(study, law, lang)
    if why:
        lines.append(why)
    elif law.size_class is not None:
        lines.append("Both classes agree." if en else "Las dos clases coinciden.")
    return "\n".join(lines) + "\n"


def render_text(result: Classification, lang: str = "es") -> str:
    """The readable report of ``rumbo classify`` without ``--json``."""
    en = lang == "en"
    country = result.country_name.text(lang) if result.country_name else result.country
    mipyme = ("MSME" if en else "mipyme") if result.is_mipyme else ("not an MSME" if en else "no es mipyme")
    headline = f"{country}: {result.label(lang)}"
    if result.size_class != "sin_clasificar":
        headline += f" ({mipyme})"
    lines = [headline, result.reason(lang)]
    if result.criteria:
        lines.append("Criteria:" if en else "Criterios:")
        for r in result.criteria:
            ceiling_word = "ceiling" if en else "tope"
            lines.append(
                f"  {CRITERION_LONG[r.criterion].text(lang)}: {amount(r, 'value', lang)} -> "
                f"{class_label(r.size_class, lang)} ({ceiling_word} {amount(r, 'ceiling', lang)})"
            )
        lines.append(f"{'Rule' if en else 'Regla'}: {result.rule_text(lang)}")
    if result.exporter is not None:
        lines.append(f"{'Exporter' if en else 'Exportadora'}: {result.exporter.text(lang)}")
    if result.notes:
        lines.append("Notes:" if en else "Notas:")
        lines.extend(f"  - {note.text(lang)}" for note in result.notes)
    since = result.on_date.isoformat() if result.on_date else ""
    lines.append(
        f"{'Rules applied' if en else 'Normativa aplicada'}: {result.rulebook_text(lang)} "
        f"({'applied on' if en else 'aplicada el'} {since})"
    )
    if result.source is not None:
        lines.append(f"{'Source' if en else 'Fuente'}: {result.source.text(lang)}")
    lines.append(f"{'Details' if en else 'Detalles'}: {result.rulebook_id} {result.rulebook_version}"
                 + (f"; {result.rule}" if result.criteria else ""))
    return "\n".join(lines) + "\n"
