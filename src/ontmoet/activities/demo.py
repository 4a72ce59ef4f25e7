"""Demo activities at the fictional places (``is_demo``): weekly series and single activities in 2025 and 2026,
initiated by residents, boards, professionals and organisations, so the monitoring has something to count.
Idempotent: a second run changes nothing."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from ontmoet.activities import services
from ontmoet.activities.models import Activity, ActivitySeries
from ontmoet.places.models import MeetingPlace

#: (title, category, weekday offset, start, end, initiated by, organised by, participants)
SERIES = [
    ("Koffieochtend", "meeting", 0, dt.time(10, 0), dt.time(12, 0), "residents", "residents", 18),
    ("Samen eten", "meal", 2, dt.time(17, 30), dt.time(19, 30), "board", "residents", 24),
    ("Beweegclub 55+", "sport", 1, dt.time(9, 30), dt.time(10, 30), "professional", "professional", 12),
    ("Taalcafé", "course", 3, dt.time(14, 0), dt.time(16, 0), "organisation", "organisation", 10),
]
SINGLES = [
    ("Buurtfeest", "culture", dt.date(2025, 6, 14), "residents", "board", 120),
    ("Informatieavond energie", "information", dt.date(2025, 10, 8), "organisation", "professional", 35),
    ("Kinderdisco", "children", dt.date(2026, 2, 14), "residents", "residents", 40),
]


def load_activities_demo() -> None:
    demo = MeetingPlace.objects.filter(is_demo=True)
    chosen = {*demo.order_by("name").values_list("pk", flat=True)[:8],
              *demo.filter(board_accounts__isnull=False).values_list("pk", flat=True)}
    places = list(demo.filter(pk__in=chosen).order_by("name"))
    if not places or Activity.objects.filter(place__in=places).exists():
        return
    with transaction.atomic():
        for index, place in enumerate(places):
            for number, (title, category, offset, start, end, initiated, organised, people) in enumerate(SERIES):
                if (index + number) % 2:
                    continue  # not every place runs every series
                for year in (2025, 2026):
                    first = dt.date(year, 1, 6) + dt.timedelta(days=offset)
                    services.series_create(place=place, by=None, values={
                        "title": title, "category": category, "start_time": start, "end_time": end,
                        "initiated_by": initiated, "organised_by": organised, "participants": people,
                        "first_date": first, "until": dt.date(year, 12, 20), "interval_weeks": 2,
                        "target_group": "", "is_public": True})
            for title, category, day, initiated, organised, people in SINGLES:
                services.activity_create(place=place, by=None, values={
                    "title": title, "category": category, "date": day, "start_time": dt.time(19, 0),
                    "end_time": dt.time(22, 0), "initiated_by": initiated, "organised_by": organised,
                    "participants": people})


def demo_series() -> ActivitySeries | None:
    """A demo series (for the pages' tests)."""
    return ActivitySeries.objects.filter(place__is_demo=True).order_by("pk").first()
