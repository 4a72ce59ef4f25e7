"""Distances are geodesic on WGS84, and the grid search finds exactly what a brute-force scan finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontmoet.domain.assessment import Location, PlaceIndex, PlacePoint, distance_m
from ontmoet.domain.geo import area_containing
from ontmoet.domain.register import PlaceKind
from tests.factories_assessment import ORIGIN, point_at

KINDS = list(PlaceKind)
TARGETS = (PlaceKind.MEETING_CENTRE, PlaceKind.NEIGHBOURHOOD_HOUSE)
# A box around Maastricht (the buurten lie within it) and a margin around it.
LAT = st.floats(min_value=50.80, max_value=50.90, allow_nan=False)
LON = st.floats(min_value=5.63, max_value=5.77, allow_nan=False)


def brute_force(places, latitude, longitude, kinds, exclude=None):
    candidates = [(distance_m(latitude, longitude, p.latitude, p.longitude), p.id, p)
                  for p in places if p.kind in kinds and p.id != exclude]
    return min(candidates, default=None, key=lambda c: (c[0], c[1]))


@pytest.mark.parametrize("metres", [1.0, 250.0, 999.0, 4321.5])
def test_distance_is_geodesic_on_wgs84(metres):
    lat, lon = point_at(metres, azimuth=63.0)
    assert distance_m(*ORIGIN, lat, lon) == pytest.approx(metres, abs=1e-6)


def test_distance_over_a_degree_of_latitude_matches_the_wgs84_meridian_arc():
    # One degree of meridian arc between 50° and 51° N on WGS84 is 111,238 m (rounded; textbook value
    # M(50.5°) ≈ 111,238.6 m per degree).
    assert distance_m(50.0, 5.7, 51.0, 5.7) == pytest.approx(111_238, abs=2)


places_strategy = st.lists(
    st.tuples(st.sampled_from(KINDS), LAT, LON), min_size=0, max_size=120,
).map(lambda rows: [PlacePoint(id=i + 1, name=f"Plek {i + 1}", kind=k, latitude=la, longitude=lo)
                    for i, (k, la, lo) in enumerate(rows)])


@settings(max_examples=300, deadline=None)
@given(places=places_strategy, latitude=LAT, longitude=LON,
       cell=st.sampled_from([0.001, 0.005, 0.02]), exclude=st.one_of(st.none(), st.integers(1, 120)))
def test_nearest_place_equals_brute_force_for_random_points_in_maastricht(places, latitude, longitude, cell, exclude):
    index = PlaceIndex(places, cell_deg=cell)
    found = index.nearest(latitude, longitude, kinds=TARGETS, exclude=exclude)
    expected = brute_force(places, latitude, longitude, TARGETS, exclude)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert found.place.id == expected[1]
        assert found.distance_m == pytest.approx(expected[0], abs=1e-6)


@settings(max_examples=50, deadline=None)
@given(places=places_strategy.filter(bool),
       latitude=st.floats(min_value=-60, max_value=70, allow_nan=False),
       longitude=st.floats(min_value=-170, max_value=170, allow_nan=False))
def test_nearest_place_is_exact_even_for_points_far_from_the_register(places, latitude, longitude):
    found = PlaceIndex(places).nearest(latitude, longitude, kinds=KINDS)
    expected = brute_force(places, latitude, longitude, KINDS)
    assert found is not None
    assert expected is not None
    assert found.distance_m == pytest.approx(expected[0], abs=1e-6)


def test_ties_go_to_the_lowest_id():
    lat, lon = point_at(300)
    places = [PlacePoint(9, "b", PlaceKind.MEETING_CENTRE, lat, lon),
              PlacePoint(4, "a", PlaceKind.MEETING_CENTRE, lat, lon)]
    assert PlaceIndex(places).nearest(*ORIGIN, kinds=TARGETS).place.id == 4


def test_empty_register_has_no_nearest_place():
    assert PlaceIndex([]).nearest(*ORIGIN, kinds=TARGETS) is None


# --- the co_location rule itself, for random points inside the buurten of Maastricht ---------------------------

def _maastricht_areas():
    import json

    from ontmoet.domain.geo import Area
    from ontmoet.places.reference_data import BUURTEN_FILE

    features = json.loads(BUURTEN_FILE.read_text(encoding="utf-8"))["features"]
    return [Area(code=f["properties"]["buurtcode"],
                 rings=tuple(tuple((float(x), float(y)) for x, y in ring) for ring in f["geometry"]["coordinates"]))
            for f in features]


AREAS = _maastricht_areas()
IN_MAASTRICHT = st.tuples(LAT, LON).filter(lambda p: area_containing(AREAS, p[1], p[0]) is not None)


@settings(max_examples=200, deadline=None)
@given(places=places_strategy, point=IN_MAASTRICHT)
def test_co_location_nearest_place_and_distance_equal_a_brute_force_check(places, point):
    from ontmoet.domain.assessment.rules import CoLocationRule
    from tests.factories_assessment import facts, plan_with

    latitude, longitude = point
    subject = facts(PlaceKind.LIVING_ROOM, places, location=Location(latitude, longitude))
    values = CoLocationRule(plan_with().assessment).evaluate(subject).values()
    expected = brute_force(places, latitude, longitude, TARGETS)
    if expected is None:
        assert values["nearest_place_id"] is None
    else:
        assert values["nearest_place_id"] == expected[1]
        assert values["distance_m"] == round(expected[0], 1)
