"""Point-in-polygon for the buurt of a place, and Dutch money notation."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ontmoet.domain.geo import Area, area_containing
from ontmoet.domain.money import format_euro, format_thousands, round_half_up
from ontmoet.places.reference_data import BUURTEN_FILE


def _areas(features):
    return [
        Area(code=f["properties"]["buurtcode"], rings=tuple(tuple(map(tuple, r)) for r in f["geometry"]["coordinates"]))
        for f in features
    ]


SQUARE = Area(code="sq", rings=(((0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)),
                                ((0.5, 0.5), (1.0, 0.5), (1.0, 1.0), (0.5, 1.0), (0.5, 0.5))))


@pytest.mark.parametrize(
    ("point", "inside"),
    [((1.5, 1.5), True), ((0.75, 0.75), False), ((3, 1), False), ((2.0, 1.0), True), ((-0.1, 1), False)],
    ids=["inside", "in-hole", "outside", "on-edge", "left-of"],
)
def test_area_contains(point, inside):
    assert SQUARE.contains(*point) is inside


def test_every_buurt_label_point_lies_in_its_own_buurt():
    features = json.loads(BUURTEN_FILE.read_text(encoding="utf-8"))["features"]
    areas = _areas(features)
    assert len(areas) == 44
    for f in features:
        p = f["properties"]
        assert area_containing(areas, p["label_lon"], p["label_lat"]) == p["buurtcode"]


def test_amyerhoof_marker_lies_in_amby():
    # The only real coordinate in the found-places file (PROVENANCE: it falls inside the Amby polygon).
    features = json.loads(BUURTEN_FILE.read_text(encoding="utf-8"))["features"]
    areas = _areas(features)
    assert area_containing(areas, 5.731435, 50.864300) == "BU09350406"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(1636000, "€ 1.636.000"), (0, "€ 0"), (Decimal("217500.5"), "€ 217.500,50"), (None, "PM"), (-1200, "€ -1.200")],
)
def test_format_euro_in_dutch_notation(amount, expected):
    assert format_euro(amount) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(337500, "338"), (217500, "218"), (1230500, "1.231"), (0, "-"), (None, "PM"), (499, "-"), (500, "1")],
)
def test_format_thousands_rounds_half_up_like_the_seed(amount, expected):
    assert format_thousands(amount) == expected


def test_round_half_up_to_thousands():
    assert round_half_up(405500, 1000) == 406000
