"""factory_boy factories of the activities app."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

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


def own_place(by: Any) -> Any:
    """A place the acting user acts for (a board member is linked to it)."""
    from ontmoet.accounts.roles import Role

    place = PlaceFactory()
    if by is not None and by.role == Role.BOARD_MEMBER:
        place.board_accounts.add(by)
    return place


def _activity(by: Any) -> Activity:
    return ActivityFactory(place=own_place(by))


def _series(by: Any) -> ActivitySeries:
    from ontmoet.activities.services import SHARED_FIELDS

    series = ActivitySeriesFactory(place=own_place(by))
    shared = {name: getattr(series, name) for name in SHARED_FIELDS}
    for day in (series.first_date, series.first_date + dt.timedelta(weeks=1)):
        Activity.objects.create(place=series.place, series=series, date=day, **shared)
    return series


ACTIVITIES_CSV = ("place,date,title,initiated_by,organised_by,participants\n"
                  "{place},2026-03-02,Koffie,residents,board,8\n")
_VALUES = {"title": "Koffieochtend", "date": dt.date(2026, 3, 2), "initiated_by": "residents",
           "organised_by": "residents", "participants": 10}
_SERIES = {"title": "Koffieochtend", "first_date": dt.date(2026, 3, 2), "until": dt.date(2026, 3, 30),
           "initiated_by": "residents", "organised_by": "board", "participants": 10}

#: How the doors of ontmoet.activities.services are called (tests/integration/test_service_doors.py).
ACTIVITY_CALLS: dict[str, tuple[str, Callable[[Any], dict[str, Any]]]] = {
    "ontmoet.activities.services.activity_create": ("board_member", lambda by: {
        "place": own_place(by), "values": _VALUES}),
    "ontmoet.activities.services.activity_update": ("board_member", lambda by: {
        "activity": _activity(by), "values": {"participants": 30}}),
    "ontmoet.activities.services.activity_cancel": ("board_member", lambda by: {"activity": _activity(by)}),
    "ontmoet.activities.services.activity_delete": ("board_member", lambda by: {"activity": _activity(by)}),
    "ontmoet.activities.services.series_create": ("board_member", lambda by: {
        "place": own_place(by), "values": _SERIES}),
    "ontmoet.activities.services.series_update": ("board_member", lambda by: {
        "series": _series(by), "values": {"title": "Koffie en krant"}}),
    "ontmoet.activities.services.series_delete": ("board_member", lambda by: {"series": _series(by)}),
    "ontmoet.activities.services.activities_import": ("board_member", lambda by: {
        "content": ACTIVITIES_CSV.format(place=own_place(by).pk).encode(), "filename": "activiteiten.csv"}),
}

SURVEY_CSV = ("year,neighbourhood_code,respondents,enough_contacts_pct,visited_meeting_place_pct,lonely_pct\n"
              "2026,BU09350207,100,80,40,10\n")
ACTIVITY_CALLS.update({
    "ontmoet.monitoring.services.survey_import": ("data_analyst", lambda by: {
        "content": SURVEY_CSV.encode(), "filename": "peiling.csv", "source": "Buurtpeiling"}),
    "ontmoet.monitoring.services.indicators_lock": ("data_analyst", lambda by: {"year": 2026}),
})
