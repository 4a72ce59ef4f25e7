"""Export of the register to CSV and XLSX, in the columns the import reads (plus identifying columns)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from ontmoet.places.models import MeetingPlace
from ontmoet.places.selectors import ACCESSIBILITY_FACTS
from ontmoet.places.types import PlaceType

COLUMNS = ("id", "name", "type", "type_label", "street", "house_number", "postcode", "city", "latitude",
           "longitude", "neighbourhood_code", "neighbourhood_name", "district_code", "district_name",
           *ACCESSIBILITY_FACTS, "is_demo")


def _rows(places: Iterable[MeetingPlace]) -> Iterable[list[object]]:
    for p in places:
        n = p.neighbourhood
        place_type = getattr(p, "type", None) or ""
        yield [
            p.pk, p.name, place_type, str(PlaceType(place_type).label) if place_type else "", p.street,
            p.house_number, p.postcode, p.city,
            "" if p.latitude is None else str(p.latitude), "" if p.longitude is None else str(p.longitude),
            n.code if n else "", n.name if n else "", n.district.code if n else "", n.district.name if n else "",
            *("" if getattr(p, f) is None else ("ja" if getattr(p, f) else "nee") for f in ACCESSIBILITY_FACTS),
            "ja" if p.is_demo else "nee",
        ]


def export_csv(places: Iterable[MeetingPlace]) -> bytes:
    """UTF-8 with BOM so that spreadsheet programs show accents right; comma-separated."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(_rows(places))
    return buffer.getvalue().encode("utf-8-sig")


def export_xlsx(places: Iterable[MeetingPlace]) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "Register"
    sheet.append(list(COLUMNS))
    for row in _rows(places):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(column) + 2)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
