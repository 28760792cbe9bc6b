"""Reading firm tables from CSV and XLSX files, and mapping their headers to fields.

Files come from spreadsheets made by hand in Spanish-speaking offices, so the
reader is forgiving where it can be and refuses the file with one sentence
where it cannot:

* encodings: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when
  the header shows it), then Windows-1252 /
  Latin-1 (which never fails, so accented names from old Excel files survive),
  decided from the whole file: a UTF-8 file with a broken byte is refused with
  the row and byte, never read as Latin-1;
* separators: ``;`` (Excel in Spanish locales), ``,``, tab or ``|``, sniffed
  from the header line;
* headers in Spanish or English, accents, case and punctuation ignored
  ("Razón social", "RAZON SOCIAL", "Legal name" all mean ``legal_name``).

Rows are numbered as a spreadsheet shows them (the header is row 1 in a CSV),
so a rejected row can be found in the original file.

A NUL character is never text: the reader keeps it where it is (``Table.has_nul``
says the file holds one), so the importer refuses the row that carries it, naming
the column, instead of quietly joining the letters around it. XLSX files are ZIP
archives: their members' declared sizes are checked before openpyxl reads a byte
(:func:`check_xlsx_archive`), so a small file that would expand to gigabytes is
refused with memory flat.
"""

from __future__ import annotations

import csv
import io
import operator
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain.errors import UserError

SUPPORTED_EXTENSIONS = (".csv", ".txt", ".xlsx", ".xlsm")
# What an XLSX archive may expand to. Real workbooks compress their XML about 5 to 20 times
# (a 100,000-firm export: see tests/domain/test_tabular.py); a zip bomb, hundreds or
# thousands of times. The sizes are the archive's own declarations, which zipfile enforces
# while reading (a member that expands past its declared size fails its check).
XLSX_MAX_MEMBERS = 10_000
XLSX_MAX_EXPANDED = 1_000_000_000  # bytes, all members together
XLSX_MAX_RATIO = 100  # expanded / compressed, for a member above XLSX_RATIO_FROM bytes
XLSX_RATIO_FROM = 10_000_000
_SEPARATORS = (";", ",", "\t", "|")
# Cells may legitimately be long (notes); the validators reject absurd ones per row.
csv.field_size_limit(64 * 1024 * 1024)

# field -> header spellings, strongest first (compared after fold()).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "legal_name": ("razon social", "legal name", "legal_name", "nombre legal", "denominacion social",
                   "empresa", "nombre de la empresa", "company", "company name", "business name", "nombre"),
    "trade_name": ("nombre comercial", "trade name", "trade_name", "marca", "dba"),
    "tax_id": ("tax id", "tax_id", "nit", "rnc", "ruc", "rtn", "cedula juridica", "identificacion tributaria",
               "numero de identificacion tributaria", "id tributario", "rfc", "cuit", "rut", "cnpj", "tax number"),
    "tax_id_type": ("tipo de identificacion", "tipo de identificacion tributaria", "tax id type", "tax_id_type",
                    "tipo id"),
    "country": ("pais", "country", "codigo de pais", "country code"),
    "department": ("departamento", "department", "provincia", "province", "estado", "state", "region"),
    "municipality": ("municipio", "municipality", "canton", "ciudad", "city", "distrito", "district",
                     "localidad", "town"),
    "address": ("direccion", "address", "domicilio"),
    "sector_isic": ("ciiu", "codigo ciiu", "actividad ciiu", "actividad ciiu rev 4", "actividad", "sector",
                    "isic", "isic code", "sector isic", "sector_isic", "actividad economica", "economic activity"),
    "year_founded": ("ano de fundacion", "anio de fundacion", "fundacion", "ano fundacion", "year founded",
                     "year_founded", "founded", "year established", "inicio de operaciones"),
    "legal_form": ("forma juridica", "legal form", "legal_form", "tipo de sociedad", "naturaleza juridica"),
    "formal_registration": ("registro formal", "formalizada", "formal", "formal registration",
                            "formal_registration", "registrada", "inscrita"),
    "employees_women": ("empleadas mujeres", "empleadas", "mujeres", "empleados mujeres", "women employees",
                        "employees women", "employees_women", "female employees"),
    "employees_men": ("empleados hombres", "hombres", "men employees", "employees men", "employees_men",
                      "male employees"),
    "employees": ("empleados", "total empleados", "numero de empleados", "personal", "trabajadores",
                  "employees", "total employees", "staff", "headcount"),
    "currency": ("moneda", "currency", "divisa"),
    "usd_rate": ("tipo de cambio", "tasa de cambio", "usd rate", "usd_rate", "exchange rate"),
    "sales_amount": ("ventas anuales", "ventas", "ventas brutas", "ventas brutas anuales", "facturacion",
                     "annual sales", "sales", "sales_amount", "turnover", "revenue", "ingresos"),
    "assets_amount": ("activos", "activos totales", "total de activos", "assets", "total assets",
                      "assets_amount"),
    "exports_amount": ("exportaciones", "exportaciones anuales", "ventas de exportacion", "exports",
                       "annual exports", "exports_amount"),
    "owner_name": ("propietario", "propietaria", "dueno", "duena", "nombre del propietario",
                   "representante legal", "owner", "owner name", "owner_name"),
    "owner_gender": ("sexo del propietario", "genero del propietario", "sexo propietario",
                     "owner gender", "owner_gender"),
    "contact_name": ("contacto", "persona de contacto", "nombre de contacto", "contact", "contact name",
                     "contact_name"),
    "contact_gender": ("sexo del contacto", "genero del contacto", "contact gender", "contact_gender"),
    "phone": ("telefono", "tel", "celular", "movil", "phone", "phone number", "telephone", "mobile"),
    "email": ("correo electronico", "correo", "e mail", "email", "mail", "correo e"),
    "notes": ("notas", "observaciones", "comentarios", "notes", "comments", "remarks"),
}


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free text with single spaces."""
    text = str(text)
    # Decomposing and dropping what is not ASCII removes the accents (é -> e, ñ -> n) in one C call.
    plain = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = _NOT_WORD.sub(" ", plain.lower()).strip()
    if not folded and text.strip():
        # Text in other scripts has no ASCII form; keep it (lower-cased) rather than lose it.
        return " ".join(text.lower().split())
    return " ".join(folded.split()) if "  " in folded else folded


_NOT_WORD = re.compile(r"[^0-9a-z_]+")


def header_lookup(synonyms: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, int]]:
    """fold(spelling) -> (field, rank of the spelling) for a table of header synonyms."""
    lookup: dict[str, tuple[str, int]] = {}
    for name, spellings in synonyms.items():
        for rank, spelling in enumerate(spellings):
            lookup.setdefault(fold(spelling), (name, rank))
    return lookup


_LOOKUP = header_lookup(HEADER_SYNONYMS)


@dataclass
class HeaderMap:
    """Which column holds which firm field.

    Attributes:
        headers: the header cells as written in the file.
        columns: field name -> column index.
        ignored: header cells that map to no field (or lost to a stronger synonym).
    """

    headers: list[str]
    columns: dict[str, int]
    ignored: list[str] = field(default_factory=list)

    def record(self, cells: list[Any]) -> dict[str, Any]:
        """The mapped fields of one row (missing trailing cells are blank)."""
        if self.columns and len(cells) > max(self.columns.values()):
            # Every mapped cell is there (the usual case): pick them in one call.
            names = tuple(self.columns)
            picked = operator.itemgetter(*self.columns.values())(cells)
            return dict(zip(names, picked if len(names) > 1 else (picked,)))
        return {name: (cells[i] if i < len(cells) else None) for name, i in self.columns.items()}


def map_headers(headers: list[Any], lookup: dict[str, tuple[str, int]] | None = None) -> HeaderMap:
    """Map header cells to firm fields by their Spanish or English names.

    When two columns name the same field, the stronger synonym wins ("Razón
    social" beats "Nombre") and the other column is ignored. Other tables (the
    centre's programme directory) pass their own ``lookup`` (:func:`header_lookup`).
    """
    lookup = _LOOKUP if lookup is None else lookup
    best: dict[str, tuple[int, int]] = {}
    for index, header in enumerate(headers):
        hit = lookup.get(fold(header or ""))
        if hit and (hit[0] not in best or hit[1] < best[hit[0]][0]):
            best[hit[0]] = (hit[1], index)
    columns = {name: index for name, (_rank, index) in best.items()}
    used = set(columns.values())
    texts = ["" if h is None else str(h) for h in headers]
    ignored = [texts[i] for i in range(len(texts)) if i not in used and texts[i].strip()]
    return HeaderMap(texts, columns, ignored)


@dataclass
class Table:
    """A table read from a file.

    Attributes:
        header: the header cells as written.
        rows: (row number as a spreadsheet shows it, cells) for each non-blank data row.
        encoding: the text encoding detected (None for XLSX).
        delimiter: the CSV separator detected (None for XLSX).
        line_end: how the CSV's first line ends ("\r\n", "\n" or "\r"; None for XLSX or one line alone).
        has_nul: some cell holds a NUL character (the importer refuses those rows).
    """

    header: list[str]
    rows: list[tuple[int, list[Any]]]
    encoding: str | None = None
    delimiter: str | None = None
    line_end: str | None = None
    has_nul: bool = False


def check_extension(path: Path) -> str:
    """The lower-case extension of a table file, or a UserError naming the supported ones."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        raise UserError(f"El archivo «{Path(path).name}» no es CSV ni XLSX; use un archivo .csv o .xlsx.", field="path")
    return suffix


def read_table(path: str | Path) -> Table:
    """Read a CSV or XLSX file into a :class:`Table`.

    Raises:
        UserError: the file is missing, unreadable, of an unknown kind or empty.
    """
    path = Path(path)
    suffix = check_extension(path)
    if not path.is_file():
        raise UserError(f"No se encuentra el archivo «{path}».", field="path")
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"No se puede leer el archivo «{path.name}»: {exc.strerror or exc}.", field="path") from exc
    return read_csv_bytes(data)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes: BOMs first, then UTF-8, Windows-1252 and Latin-1 as the last resort."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    without_bom = _utf16_without_bom(data)
    if without_bom:
        return without_bom
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_damaged_utf8(data, exc)
    for encoding in ("cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without its BOM, told by the header: every other byte of its first characters is 0.

    Text in any 8-bit encoding has no NUL there, so this never takes such a file for UTF-16.
    """
    head = data[:64]
    if len(head) < 8 or len(data) % 2:
        return None
    for encoding, zeros, letters in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        if not zeros.strip(b"\x00") and letters.strip(b"\x00") and b"\x00" not in letters[:4]:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _refuse_damaged_utf8(data: bytes, error: UnicodeDecodeError) -> None:
    """A UTF-8 file with a few broken bytes is refused, not read whole as Latin-1.

    The decision looks at the whole file: Windows-1252 text ("Panader\\xeda") almost never
    forms a valid UTF-8 sequence, so a file that holds valid multi-byte UTF-8 characters
    as well as invalid bytes is UTF-8 with damage, and reading it as Latin-1 would turn
    every accent into two wrong letters ("PanaderÃ­a") without a word.
    """
    decoded = data.decode("utf-8", errors="replace")
    if not any(ord(ch) > 0x7F and ch != "\ufffd" for ch in decoded):
        return  # no valid UTF-8 accent anywhere: a Windows-1252 / Latin-1 file
    row = data.count(b"\n", 0, error.start) + 1
    raise UserError(
        f"El archivo está en UTF-8 pero tiene un byte no válido (0x{data[error.start]:02X}) en la fila {row}, "
        f"posición {error.start + 1}; corríjalo o guárdelo de nuevo como «CSV UTF-8».", field="path")


def sniff_delimiter(first_line: str) -> str:
    """The separator used most in the header line (outside quotes); ',' on a tie."""
    outside = re.sub(r'"[^"]*"', "", first_line)
    counts = {sep: outside.count(sep) for sep in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


def read_csv_bytes(data: bytes) -> Table:
    """Parse CSV bytes (see the module docstring for what is detected)."""
    text, encoding = decode_bytes(data)
    start = text.lstrip("\r\n")
    first_line = re.split(r"[\r\n]", start, maxsplit=1)[0]  # not splitlines(): 100,000 copies
    # NUL bytes come from binary files or broken exports, never from text: kept, so that the
    # importer refuses the rows that hold them (one scan of the text says whether to look).
    has_nul = "\x00" in text
    if has_nul and "\x00" in first_line:
        raise UserError("La fila de encabezados tiene caracteres nulos (NUL): el archivo no es un CSV de texto o "
                        "está dañado; ábralo en la hoja de cálculo y guárdelo de nuevo como «CSV UTF-8».",
                        field="path")
    delimiter = sniff_delimiter(first_line)
    end = start[len(first_line):len(first_line) + 2]
    line_end = "\r\n" if end == "\r\n" else end[:1] or None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[Any]]] = []
    try:
        for number, cells in enumerate(reader, start=1):
            # One join and strip per row says whether it holds anything (100,000 rows: 0.1 s, not 0.4 s).
            if not "".join(cells).strip():
                continue
            if header is None:
                header = [c.strip() for c in cells]
            else:
                rows.append((number, cells))
    except csv.Error as exc:  # pragma: no cover - the non-strict reader rarely complains
        raise UserError(f"El archivo CSV está dañado cerca de la fila {reader.line_num}: {exc}.", field="path") from exc
    if header is None:
        raise UserError("El archivo está vacío: no tiene fila de encabezados.", field="path")
    return Table(header, rows, encoding, delimiter, line_end, has_nul)


def check_xlsx_archive(path: Path) -> None:
    """Refuse an XLSX archive that would expand beyond what a workbook needs, before it is read.

    Raises:
        UserError: not a ZIP archive, too many members, too much expanded data in all, or
            a large member compressed more than :data:`XLSX_MAX_RATIO` times (a zip bomb).
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UserError(f"El archivo «{path.name}» no es un libro de Excel válido.", field="path") from exc
    expanded = sum(m.file_size for m in members)
    bomb = len(members) > XLSX_MAX_MEMBERS or expanded > XLSX_MAX_EXPANDED or any(
        m.file_size > XLSX_RATIO_FROM and m.file_size > XLSX_MAX_RATIO * max(m.compress_size, 1) for m in members)
    if bomb:
        raise UserError(f"El archivo «{path.name}» se expandiría a {expanded / 1e6:,.0f} MB al leerlo, mucho más de lo "
                        "que ocupa un libro de Excel real: no se abre. Guarde la hoja de nuevo desde Excel o "
                        "expórtela como CSV.", field="path")


def _read_xlsx(path: Path) -> Table:
    import zipfile
    import zlib

    check_xlsx_archive(path)
    from openpyxl import load_workbook  # imported here: only XLSX files need it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise UserError(f"El archivo «{path.name}» no es un libro de Excel válido.", field="path") from exc
    header: list[str] | None = None
    rows: list[tuple[int, list[Any]]] = []
    number = 0
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_xlsx_value(v) for v in values]
            if not any(c is not None and str(c).strip() for c in cells):
                continue
            if header is None:
                header = ["" if c is None else str(c).strip() for c in cells]
            else:
                rows.append((number, cells))
    except ValueError as exc:
        if "integer string conversion" not in str(exc):
            raise UserError(f"El archivo «{path.name}» no es un libro de Excel válido.", field="path") from exc
        # Python refuses to convert numbers of more than 4,300 digits (their cost grows with the
        # square of their length); openpyxl converts while reading, so the sheet stops there.
        raise UserError(f"Una celda de «{path.name}» después de la fila {number} tiene un número de miles de "
                        "cifras, que ninguna hoja de cálculo escribe: corríjala y vuelva a importar el archivo.",
                        field="path") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, SyntaxError) as exc:
        # A member that expands past its declared size fails its check; malformed XML fails the parser.
        raise UserError(f"El archivo «{path.name}» no es un libro de Excel válido.", field="path") from exc
    finally:
        workbook.close()
    if header is None:
        raise UserError(f"La primera hoja de «{path.name}» está vacía: no tiene fila de encabezados.", field="path")
    return Table(header, rows)


def _xlsx_value(value: Any) -> Any:
    # Dates become ISO text; numbers stay numbers so "1234.567" is never misread as thousands.
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


# Cells that a spreadsheet would run as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number ("-4", "-1.234,56") or a phone in E.164 ("+50370001234") starts with "-" or "+"
# but cannot run anything: it is written as typed. "-2+3" is a formula and is still guarded.
_HARMLESS = re.compile(r"[+-]?[0-9][0-9 .,]*")


def escape_cell(value: Any) -> Any:
    """Make a text cell safe to open in a spreadsheet: a leading ' stops formulas (plain numbers stay as typed)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _HARMLESS.fullmatch(value):
        return "'" + value
    return value


def unescape_cell(value: Any) -> Any:
    """Undo :func:`escape_cell` on a cell read back from a file Rumbo wrote."""
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def unescape_row(cells: list[Any]) -> list[Any]:
    """:func:`unescape_cell` on every cell of a row (the same cells when none is escaped).

    Imports call this 100,000 times; most rows hold no apostrophe at all, which
    one search of the joined text settles.
    """
    try:
        joined = "".join(cells)
    except TypeError:  # numbers or blanks from a spreadsheet
        return [unescape_cell(c) for c in cells]
    if "'" not in joined:
        return list(cells)
    return [unescape_cell(c) for c in cells]


def iter_records(table: Table, header_map: HeaderMap) -> Iterator[tuple[int, list[Any], dict[str, Any]]]:
    """(row number, original cells, mapped fields) for each data row."""
    for number, cells in table.rows:
        yield number, cells, header_map.record(cells)
