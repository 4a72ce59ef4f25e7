"""factory_boy factories of the activities app."""

from __future__ import annotations

import datetime as dt

import factory

from ontmoet.activities.models import Activity, ActivitySeries
from tests.factories import PlaceFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    place = factory.SubFactory(PlaceFactory)
    date = dt.date(2026, 3, 2)
    start_time = dt.time(14, 0)
    end_time = dt.time(16, 0)
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    category = "meeting"
    initiated_by = "residents"
    organised_by = "residents"
    participants = 12
    is_public = True


class ActivitySeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivitySeries

    place = factory.SubFactory(PlaceFactory)
    title = factory.Sequence(lambda n: f"Reeks {n}")
    first_date = dt.date(2026, 3, 2)
    until = dt.date(2026, 3, 30)
    start_time = dt.time(10, 0)
    initiated_by = "board"
    organised_by = "board"
