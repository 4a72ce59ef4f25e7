"""Demo activities at the fictional places (``is_demo``): fortnightly series and single activities last year and
this year, initiated by residents, boards, professionals and organisations, so the monitoring has something to
count. The dates are relative to the day the demo is loaded: this year's series run on until half a year
ahead and one single activity is still to come, so the public pages always show a live agenda.
Idempotent: a second run changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db import transaction

from ontmoet.activities import services
from ontmoet.activities.models import Activity, ActivitySeries
from ontmoet.places.models import MeetingPlace
from ontmoet.places.opening_hours import now_local

#: (title, category, weekday offset, start, end, initiated by, organised by, participants)
#: Fortnightly from 6 January, every other series a week later: their first dates fall on days 0, 11, 4 and 7 of
#: a fortnight, never more than seven days apart, so every seven days have activities somewhere in the city.
SERIES = [
    ("Koffieochtend", "meeting", 0, dt.time(10, 0), dt.time(12, 0), "residents", "residents", 18),
    ("Samen eten", "meal", 4, dt.time(17, 30), dt.time(19, 30), "board", "residents", 24),
    ("Beweegclub 55+", "sport", 4, dt.time(9, 30), dt.time(10, 30), "professional", "professional", 12),
    ("Taalcafé", "course", 0, dt.time(14, 0), dt.time(16, 0), "organisation", "organisation", 10),
]
#: (title, category, date from the day the demo is loaded, initiated by, organised by, participants)
SINGLES: list[tuple[str, str, Callable[[dt.date], dt.date], str, str, int]] = [
    ("Buurtfeest", "culture", lambda today: dt.date(today.year - 1, 6, 14), "residents", "board", 120),
    ("Informatieavond energie", "information", lambda today: dt.date(today.year - 1, 10, 8), "organisation",
     "professional", 35),
    ("Kinderdisco", "children", lambda today: dt.date(today.year, 2, 14), "residents", "residents", 40),
    ("Buurtquiz", "culture", lambda today: today + dt.timedelta(days=10), "residents", "residents", 30),
]
#: This year's series run on until this far ahead of the day the demo is loaded.
AHEAD = dt.timedelta(weeks=26)


def load_activities_demo() -> None:
    demo = MeetingPlace.objects.filter(is_demo=True)
    chosen = {*demo.order_by("name").values_list("pk", flat=True)[:8],
              *demo.filter(board_accounts__isnull=False).values_list("pk", flat=True)}
    places = list(demo.filter(pk__in=chosen).order_by("name"))
    if not places or Activity.objects.filter(place__in=places).exists():
        return
    today = now_local().date()
    with transaction.atomic():
        for index, place in enumerate(places):
            for number, (title, category, offset, start, end, initiated, organised, people) in enumerate(SERIES):
                if (index + number) % 2:
                    continue  # not every place runs every series
                for year in (today.year - 1, today.year):
                    # Every other series runs in the other week (see SERIES).
                    first = dt.date(year, 1, 6) + dt.timedelta(days=offset + 7 * (number % 2))
                    until = dt.date(year, 12, 20) if year < today.year else today + AHEAD
                    services.series_create(place=place, by=None, values={
                        "title": title, "category": category, "start_time": start, "end_time": end,
                        "initiated_by": initiated, "organised_by": organised, "participants": people,
                        "first_date": first, "until": until, "interval_weeks": 2,
                        "target_group": "", "is_public": True})
            for title, category, day, initiated, organised, people in SINGLES:
                services.activity_create(place=place, by=None, values={
                    "title": title, "category": category, "date": day(today), "start_time": dt.time(19, 0),
                    "end_time": dt.time(22, 0), "initiated_by": initiated, "organised_by": organised,
                    "participants": people})


def demo_series() -> ActivitySeries | None:
    """A demo series (for the pages' tests)."""
    return ActivitySeries.objects.filter(place__is_demo=True).order_by("pk").first()
