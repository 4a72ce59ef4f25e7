"""One toolkit for the all-or-nothing imports and for every CSV/XLSX export.

Reading: a file's bytes become a :class:`Table` (a header and numbered rows of text) whatever a spreadsheet
program saved: UTF-8 with or without BOM, UTF-16 with BOM ("Unicode text"), or Windows-1252 (what Excel saves
as "CSV"); comma, semicolon or tab; quoted cells with doubled quotes; XLSX. Column names are matched through
aliases (Dutch and English), a file larger than the limits in the settings is refused with the limit named.
Row numbers are those a spreadsheet shows (the header is row 1), so an officer can find the row.

Writing: :func:`safe_text` / :func:`write_csv` / :func:`xlsx_cell` keep a cell that a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@``, tab, carriage return: OWASP "CSV injection") as text, and an XLSX export
never fails on a control character in stored data.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

TRUE_WORDS = frozenset({"ja", "j", "yes", "y", "true", "1", "waar"})
FALSE_WORDS = frozenset({"nee", "n", "no", "false", "0", "onwaar"})

#: Defaults when the settings name no limit (settings.IMPORT_MAX_BYTES / IMPORT_MAX_ROWS).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_ROWS = 200_000
#: The csv module's own field limit: a longer cell is reported, never a crash.
MAX_CELL_CHARS = csv.field_size_limit()

#: What a spreadsheet program starts a formula (or DDE call) with (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTE = re.compile(r"^'*[=+\-@\t\r]")
#: Characters an XLSX file cannot hold (XML 1.0); openpyxl refuses them with IllegalCharacterError.
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Control characters and lone surrogates that no imported cell may hold (tab and newlines may).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True)
class RowProblem:
    """One problem in an import file: the row, the column and a Dutch message."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("rij %(row)s, kolom %(column)s: %(message)s") % {
            "row": self.row, "column": self.column or "-", "message": self.message}


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, encoding, size, columns); nothing is written."""


def max_bytes() -> int:
    return int(getattr(settings, "IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_rows() -> int:
    return int(getattr(settings, "IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS))


def problems_summary(count: int) -> str:
    """'1 probleem' / '5 problemen'."""
    return ngettext("%(n)s probleem", "%(n)s problemen", count) % {"n": count}


# --- reading -------------------------------------------------------------------------------------------------


def decode_text(content: bytes | str) -> str:
    """Text of a CSV file: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252; raises UnicodeDecodeError.

    Windows-1252 is tried last because every UTF-8 text with an accent would also decode as (wrong) cp1252.
    """
    if isinstance(content, str):
        return content
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252")


def detect_delimiter(text: str) -> str:
    """Comma, semicolon (Dutch Excel) or tab: the one that occurs most in the header line outside quotes.

    Only the delimiter is guessed; quoting stays that of Excel (doubled quotes inside a quoted cell), which
    csv.Sniffer gets wrong on short samples (it can decide ``doublequote=False``).
    """
    first_line = text.split("\n", 1)[0]
    outside = re.sub(r'"[^"]*"', "", first_line)
    counts = {d: outside.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(spreadsheet row number, cells) for every record of a CSV text; ImportFileError on bad quoting.

    A record with a line break inside a quoted cell is one spreadsheet row, so records are counted, not lines.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text), quotechar='"',
                        doublequote=True, strict=True)
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise ImportFileError(_("Rij %(row)s: een cel is langer dan %(limit)s tekens.") % {
                    "row": number, "limit": f"{MAX_CELL_CHARS:,}".replace(",", ".")}) from exc
            raise ImportFileError(_("Rij %(row)s kan niet als CSV worden gelezen (aanhalingstekens?).")
                                  % {"row": number}) from exc
        yield number, cells


def xlsx_rows(content: bytes) -> Iterator[tuple[int, list[str]]]:
    """(spreadsheet row number, cells as text) of the first sheet of an XLSX workbook."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_xlsx_text(v) for v in row]
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds of error for a damaged file
        raise ImportFileError(_("Het XLSX-bestand kan niet worden gelezen.")) from exc


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


@dataclass
class Table:
    """The header (canonical column keys) and the data rows of an import file, all as stripped text."""

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    problems: list[RowProblem]


def normalise_column(name: str) -> str:
    """'Huis nummer' / 'huis_nummer' / ' HUISNUMMER ' compare alike."""
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


def read_table(content: bytes, filename: str, *, aliases: Mapping[str, str], required: Sequence[str]) -> Table:
    """Read an import file into a :class:`Table` with canonical column names.

    ``aliases`` maps every accepted column name (normalised by :func:`normalise_column`) to its canonical key;
    ``required`` are canonical keys that must be present. A file that cannot be read at all (type, encoding,
    size, quoting, columns) raises :class:`ImportFileError`; a row with too many cells is a row problem.
    """
    if len(content) > max_bytes():
        raise ImportFileError(_("Het bestand is groter dan %(limit)s MB; splits het in delen.") % {
            "limit": max_bytes() // (1024 * 1024)})
    suffix = Path(filename).suffix.lower()
    records: Iterable[tuple[int, list[str]]]
    if suffix == ".xlsx":
        records = xlsx_rows(content)
    elif suffix in (".csv", ".txt"):
        try:
            text = decode_text(content)
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("Het bestand is geen tekst in UTF-8 of Windows-1252.")) from exc
        records = csv_rows(text)
    else:
        raise ImportFileError(_("Onbekend bestandstype '%(suffix)s': gebruik CSV of XLSX.") % {"suffix": suffix})
    iterator = iter(records)
    first = next(iterator, None)
    if first is None:
        raise ImportFileError(_("Het bestand is leeg."))
    header = _canonical_header(first[1], aliases, required)
    table = Table(header=header, rows=[], problems=[])
    limit = max_rows()
    width = len(header)
    # Rows as long as the header with every column named (the usual file) are read in one step each; the
    # checks below say the same in fewer calls, which counts at a million rows.
    plain = all(header)
    for number, cells in iterator:
        if not "".join(cells).strip():
            continue
        if len(table.rows) >= limit:
            raise ImportFileError(_("Het bestand heeft meer dan %(limit)s rijen; splits het in delen.") % {
                "limit": f"{limit:,}".replace(",", ".")})
        if len(cells) > width and "".join(cells[width:]).strip():
            table.problems.append(RowProblem(number, "", _(
                "deze rij heeft %(found)s cellen, de kopregel %(expected)s kolommen") % {
                "found": len(cells), "expected": width}))
            continue
        if plain:
            table.rows.append((number, dict(zip(header, map(str.strip, cells), strict=False))))
        else:
            table.rows.append((number, {key: cell.strip() for key, cell in zip(header, cells, strict=False)
                                        if key}))
    return table


def _canonical_header(cells: Sequence[str], aliases: Mapping[str, str], required: Sequence[str]) -> list[str]:
    header: list[str] = []
    unknown: list[str] = []
    for cell in cells:
        name = cell.strip().lstrip("\ufeff")
        if not name:
            header.append("")
            continue
        key = aliases.get(normalise_column(name))
        if key is None:
            unknown.append(name)
            header.append("")
        elif key in header:
            raise ImportFileError(_("De kolom '%(column)s' staat twee keer in de kopregel.") % {"column": name})
        else:
            header.append(key)
    if unknown:
        raise ImportFileError(_("Onbekende kolommen: %(cols)s.") % {"cols": ", ".join(unknown)})
    missing = [c for c in required if c not in header]
    if missing:
        raise ImportFileError(_("Verplichte kolommen ontbreken: %(cols)s.") % {"cols": ", ".join(missing)})
    return header


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))


def unquote_text(text: str) -> str:
    """Undo :func:`safe_text` on import: ``'=SUM(A1)`` as exported comes back as ``=SUM(A1)``."""
    return text[1:] if text.startswith("'") and _NEEDS_QUOTE.match(text) else text


def parse_flag(value: str) -> bool | None:
    """'ja'/'nee' (and yes/no, true/false, 1/0) → True/False; empty → None; anything else → ValueError."""
    text = value.strip().lower()
    if text == "":
        return None
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError(value)


# --- writing -------------------------------------------------------------------------------------------------


def safe_text(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe; other values pass.

    Text that already starts with apostrophes before a trigger gets one more, so :func:`unquote_text` gives
    back exactly what was stored (an export imports to identical data).
    """
    if isinstance(value, str) and _NEEDS_QUOTE.match(value):
        return "'" + value
    return value


def csv_value(value: Any) -> Any:
    """A cell for Dutch Excel: decimals with a comma (a point would read as thousands), text made safe."""
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    return safe_text(value)


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """CSV as Dutch Excel opens it: UTF-8 with BOM, semicolon-separated, decimal comma, every text cell safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_text(h) for h in header])
    for row in rows:
        writer.writerow([csv_value(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_safe_string(text: str) -> str:
    """Text an XLSX file can hold: a control character becomes U+FFFD, so stored data never breaks an export."""
    return _XLSX_ILLEGAL.sub("\ufffd", text)


def xlsx_cell(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write a data value (never a formula) into a cell: text stays text, also when it starts with '='."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        text = xlsx_safe_string(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a live formula
        if text.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True  # Excel keeps it text when the cell is edited
    else:
        cell.value = value
    return cell
