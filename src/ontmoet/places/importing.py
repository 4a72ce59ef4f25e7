"""Reading a register file (CSV or XLSX) into checked rows, with a report per bad row.

The import is all-or-nothing: :func:`ontmoet.places.services.places_import` writes only when every row is
good. Row numbers are those a spreadsheet shows (the header is row 1).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, BinaryIO

from django.utils.translation import gettext as _

from ontmoet.core.tabular import RowProblem, csv_dialect, decode_text, parse_flag
from ontmoet.domain.geo import Area, area_containing
from ontmoet.places.selectors import ACCESSIBILITY_FACTS
from ontmoet.places.types import PlaceType

REQUIRED_COLUMNS = ("name", "type", "street", "house_number", "postcode", "city", "latitude", "longitude")
OPTIONAL_COLUMNS = ("neighbourhood_code", *ACCESSIBILITY_FACTS)
POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Z]{2}$")


@dataclass
class ImportReport:
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportFileError(ValueError):
    """The file as a whole cannot be read (wrong format, missing columns)."""


def type_from_text(text: str) -> str | None:
    """A type given as code (``meeting_centre``) or Dutch label (``Ontmoetingscentrum``), any case."""
    wanted = text.strip().lower()
    for choice in PlaceType:
        if wanted in (choice.value, str(choice.label).lower()):
            return choice.value
    aliases = {"oc": PlaceType.MEETING_CENTRE, "hvdw": PlaceType.NEIGHBOURHOOD_HOUSE,
               "kleinschalige ontmoetingsplek": PlaceType.OTHER_SMALL_SCALE}
    alias = aliases.get(wanted)
    return alias.value if alias else None


def read_table(content: bytes, filename: str) -> list[dict[str, str]]:
    """Rows of a CSV (comma or semicolon, UTF-8 with or without BOM) or XLSX file as text dicts."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(io.BytesIO(content))
    if suffix not in (".csv", ".txt"):
        raise ImportFileError(_("Onbekend bestandstype '%(suffix)s': gebruik CSV of XLSX.") % {"suffix": suffix})
    try:
        text = decode_text(content)
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("Het bestand is geen UTF-8-tekst.")) from exc
    reader = csv.DictReader(io.StringIO(text), dialect=csv_dialect(text))
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]


def _read_xlsx(handle: BinaryIO) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ImportFileError(_("Het XLSX-bestand kan niet worden gelezen.")) from exc
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        return []
    header = [str(h or "").strip() for h in rows[0]]
    return [
        {header[i]: ("" if v is None else str(v).strip()) for i, v in enumerate(row) if i < len(header)}
        for row in rows[1:]
        if any(v not in (None, "") for v in row)
    ]


def check_rows(raw_rows: list[dict[str, str]], *, areas: list[Area], neighbourhood_codes: set[str]) -> ImportReport:
    """Validate every row; collect all problems rather than stopping at the first."""
    report = ImportReport()
    if raw_rows:
        missing = [c for c in REQUIRED_COLUMNS if c not in raw_rows[0]]
        unknown = [c for c in raw_rows[0] if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
        if missing:
            raise ImportFileError(_("Verplichte kolommen ontbreken: %(cols)s.") % {"cols": ", ".join(missing)})
        if unknown:
            raise ImportFileError(_("Onbekende kolommen: %(cols)s.") % {"cols": ", ".join(unknown)})
    for index, raw in enumerate(raw_rows, start=2):
        problems: list[RowProblem] = []

        def problem(column: str, message: str, row: int = index, into: list[RowProblem] = problems) -> None:
            into.append(RowProblem(row=row, column=column, message=message))

        values: dict[str, Any] = {}
        name = raw.get("name", "")
        if not name:
            problem("name", _("naam is verplicht"))
        elif len(name) > 200:
            problem("name", _("naam is langer dan 200 tekens"))
        values["name"] = name
        place_type = type_from_text(raw.get("type", ""))
        if place_type is None:
            problem("type", _("onbekend type '%(value)s'") % {"value": raw.get("type", "")})
        values["type"] = place_type
        for column, limit in (("street", 200), ("house_number", 20), ("city", 100)):
            if len(raw.get(column, "")) > limit:
                problem(column, _("langer dan %(n)s tekens") % {"n": limit})
            values[column] = raw.get(column, "")
        postcode = raw.get("postcode", "").upper()
        if postcode and not POSTCODE.match(postcode):
            problem("postcode", _("'%(value)s' is geen Nederlandse postcode (1234 AB)") % {"value": postcode})
        elif postcode and " " not in postcode:
            postcode = f"{postcode[:4]} {postcode[4:]}"
        values["postcode"] = postcode
        coordinates: dict[str, Decimal] = {}
        for column, low, high in (("latitude", -90, 90), ("longitude", -180, 180)):
            text = raw.get(column, "").replace(",", ".")
            if not text:
                continue
            try:
                number = Decimal(text)
            except InvalidOperation:
                problem(column, _("'%(value)s' is geen getal") % {"value": raw.get(column)})
                continue
            if not number.is_finite() or not low <= number <= high:
                problem(column, _("%(value)s ligt buiten het bereik %(low)s tot %(high)s")
                        % {"value": text, "low": low, "high": high})
                continue
            coordinates[column] = number.quantize(Decimal("0.000001"))
        if len(coordinates) == 1:
            problem("latitude" if "latitude" not in coordinates else "longitude",
                    _("vul breedtegraad en lengtegraad allebei in"))
        values.update(coordinates)
        code = raw.get("neighbourhood_code", "")
        if code:
            if code not in neighbourhood_codes:
                problem("neighbourhood_code", _("onbekende buurtcode '%(value)s'") % {"value": code})
            values["neighbourhood_code"] = code
        elif len(coordinates) == 2:
            found = area_containing(areas, float(coordinates["longitude"]), float(coordinates["latitude"]))
            if found is None:
                problem("latitude", _("de coördinaten liggen niet in een buurt van Maastricht"))
            values["neighbourhood_code"] = found
        for fact in ACCESSIBILITY_FACTS:
            try:
                values[fact] = parse_flag(raw.get(fact, ""))
            except ValueError:
                problem(fact, _("'%(value)s' is geen ja/nee") % {"value": raw.get(fact)})
        report.problems.extend(problems)
        report.rows.append(values)
    if not raw_rows:
        report.problems.append(RowProblem(row=1, column="", message=_("het bestand bevat geen rijen")))
    return report
