"""Export of the register to CSV and XLSX, in the columns the import reads, named in Dutch.

The CSV is what Dutch Excel opens directly (semicolon, UTF-8 with BOM); both formats write every text cell
safely (``ontmoet.core.tabular``: no live formulas, no control character that breaks the workbook). An export
imports again as it is, to identical data (the identifying columns id, buurt and wijk are read back and
ignored). The template for an import is the same header without rows.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ontmoet.core.tabular import write_csv, xlsx_cell
from ontmoet.places.importing import DUTCH_HEADERS
from ontmoet.places.models import MeetingPlace
from ontmoet.places.selectors import ACCESSIBILITY_FACTS
from ontmoet.places.types import PlaceType

COLUMNS = ("id", "name", "type_code", "type", "street", "house_number", "postcode", "city", "latitude",
           "longitude", "neighbourhood_code", "neighbourhood_name", "district_code", "district_name",
           *ACCESSIBILITY_FACTS, "accessibility_notes", "description", "opening_hours", "public_email",
           "public_phone", "website", "source_title", "source_url", "is_demo")
HEADERS = tuple(DUTCH_HEADERS[c] for c in COLUMNS)
#: The template leaves out what the register derives itself (id, buurt and wijk names, wijkcode).
TEMPLATE_COLUMNS = tuple(c for c in COLUMNS if c not in ("id", "neighbourhood_name", "district_code",
                                                         "district_name"))
#: One example row for the template: a place given by buurt code, the coordinates left empty.
TEMPLATE_EXAMPLE = {"name": "Huiskamer Voorbeeld", "type_code": "living_room", "type": "Huiskamer",
                    "street": "Voorbeeldstraat", "house_number": "1", "postcode": "6211 AA", "city": "Maastricht",
                    "neighbourhood_code": "BU09350101", "step_free_entrance": "ja", "is_demo": "ja"}


def _flag(value: bool | None) -> str:
    return "" if value is None else ("ja" if value else "nee")


def _rows(places: Iterable[MeetingPlace]) -> Iterator[list[object]]:
    for p in places:
        n = p.neighbourhood
        place_type = getattr(p, "type", None) or ""
        yield [
            p.pk, p.name, place_type, str(PlaceType(place_type).label) if place_type else "", p.street,
            p.house_number, p.postcode, p.city,
            "" if p.latitude is None else p.latitude, "" if p.longitude is None else p.longitude,
            n.code if n else "", n.name if n else "", n.district.code if n else "", n.district.name if n else "",
            *(_flag(getattr(p, f)) for f in ACCESSIBILITY_FACTS),
            p.accessibility_notes, p.description, p.opening_hours, p.public_email, p.public_phone, p.website,
            p.source_title, p.source_url, _flag(p.is_demo),
        ]


def export_csv(places: Iterable[MeetingPlace]) -> bytes:
    """Semicolon-separated UTF-8 with BOM, Dutch headers: Dutch Excel opens it with accents right."""
    return write_csv(HEADERS, _rows(places))


def export_xlsx(places: Iterable[MeetingPlace]) -> bytes:
    return _workbook(HEADERS, _rows(places), title="Register")


def template_csv() -> bytes:
    """An empty import file with every column the import reads, and one example row."""
    return write_csv([DUTCH_HEADERS[c] for c in TEMPLATE_COLUMNS],
                     [[TEMPLATE_EXAMPLE.get(c, "") for c in TEMPLATE_COLUMNS]])


def template_xlsx() -> bytes:
    return _workbook([DUTCH_HEADERS[c] for c in TEMPLATE_COLUMNS],
                     [[TEMPLATE_EXAMPLE.get(c, "") for c in TEMPLATE_COLUMNS]], title="Plekken")


def _workbook(headers: Iterable[str], rows: Iterable[Iterable[object]], *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = title
    headers = list(headers)
    for column, text in enumerate(headers, start=1):
        xlsx_cell(sheet, 1, column, text).font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            xlsx_cell(sheet, number, column, value)
    sheet.freeze_panes = "A2"
    for index, text in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(text) + 2)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
