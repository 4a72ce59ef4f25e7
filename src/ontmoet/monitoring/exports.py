"""Open data (issue 11, point 6): the aggregated indicators and the register's public fields, as CSV and
JSON. Aggregates and public facts only: no personal data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ontmoet.core.tabular import write_csv
from ontmoet.monitoring.selectors import indicators_json
from ontmoet.places.models import MeetingPlace

INDICATOR_HEADER = ("year", "key", "kind", "value", "target", "targetYear", "status", "locked", "unit",
                    "measuredYear", "label")
REGISTER_FIELDS = ("id", "name", "type", "street", "house_number", "postcode", "city", "neighbourhood",
                   "latitude", "longitude", "website", "opening_hours")


def indicators_csv(year: int) -> bytes:
    data: Any = indicators_json(year)
    rows = [[year, *(item.get(k) for k in INDICATOR_HEADER[1:])] for item in data["indicators"]]
    return write_csv(INDICATOR_HEADER, rows)


def register_rows(on: dt.date) -> list[dict[str, Any]]:
    rows = []
    for place in (MeetingPlace.objects.with_type(on).select_related("neighbourhood")
                  .defer("neighbourhood__geometry").order_by("name")):
        rows.append({
            "id": place.pk, "name": place.name, "type": getattr(place, "type", None), "street": place.street,
            "house_number": place.house_number, "postcode": place.postcode, "city": place.city,
            "neighbourhood": place.neighbourhood.code if place.neighbourhood else None,
            "latitude": float(place.latitude) if place.latitude is not None else None,
            "longitude": float(place.longitude) if place.longitude is not None else None,
            "website": place.website, "opening_hours": place.opening_hours})
    return rows


def register_csv(on: dt.date) -> bytes:
    return write_csv(REGISTER_FIELDS, [[row[k] for k in REGISTER_FIELDS] for row in register_rows(on)])


def register_json(on: dt.date) -> dict[str, Any]:
    camel = {"house_number": "houseNumber", "opening_hours": "openingHours"}
    return {"date": on.isoformat(), "places": [{camel.get(k, k): v for k, v in row.items()}
                                               for row in register_rows(on)]}
