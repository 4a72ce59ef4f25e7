"""The public list of activities that the finder and the feeds read."""

from __future__ import annotations

import datetime as dt

import pytest

from ontmoet.activities.selectors import public_activities, series_of_place
from tests.factories import PlaceFactory
from tests.factories_activities import ActivityFactory, ActivitySeriesFactory

pytestmark = pytest.mark.django_db


def test_public_activities_are_the_public_held_ones_in_range_by_date_and_time() -> None:
    place, other = PlaceFactory(), PlaceFactory()
    late = ActivityFactory(place=place, date=dt.date(2026, 3, 3), start_time=dt.time(19, 0))
    early = ActivityFactory(place=place, date=dt.date(2026, 3, 3), start_time=dt.time(9, 0))
    first = ActivityFactory(place=other, date=dt.date(2026, 3, 1))
    ActivityFactory(place=place, date=dt.date(2026, 3, 2), is_public=False)
    ActivityFactory(place=place, date=dt.date(2026, 3, 2), cancelled=True)
    ActivityFactory(place=place, date=dt.date(2026, 3, 9))
    found = public_activities(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 8))
    assert list(found) == [first, early, late]
    assert list(public_activities(place=place, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 3))) == [early, late]


def test_series_of_place() -> None:
    series = ActivitySeriesFactory()
    ActivitySeriesFactory()
    assert list(series_of_place(series.place)) == [series]
