"""Reads of the activities: the public list (for the finder and the feeds), a place's series and activities."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from ontmoet.accounts.permissions import restrict_to_acted_for
from ontmoet.activities.models import Activity, ActivitySeries
from ontmoet.places.models import MeetingPlace


def public_activities(*, place: MeetingPlace | int | None = None, start: dt.date,
                      end: dt.date) -> QuerySet[Activity]:
    """The public, not cancelled activities from ``start`` to ``end`` (both included), by date and time."""
    qs = Activity.objects.filter(is_public=True, cancelled=False, date__gte=start, date__lte=end)
    if place is not None:
        qs = qs.filter(place=place)
    return qs.select_related("place", "series").order_by("date", "start_time", "id")


def series_of_place(place: MeetingPlace | int) -> QuerySet[ActivitySeries]:
    """The series of a place, with their cancelled dates at hand (``occurrences``)."""
    return ActivitySeries.objects.filter(place=place).prefetch_related("occurrences").order_by(
        "first_date", "start_time", "id")


def activity_list(*, user: Any, place: MeetingPlace | int | None = None, start: dt.date | None = None,
                  end: dt.date | None = None) -> QuerySet[Activity]:
    """The activities ``user`` may see (a board member: those of their own places), newest first."""
    qs = Activity.objects.visible_to(user).select_related("place", "series")
    if place is not None:
        qs = qs.filter(place=place)
    if start is not None:
        qs = qs.filter(date__gte=start)
    if end is not None:
        qs = qs.filter(date__lte=end)
    return qs.order_by("-date", "-start_time", "-id")


def activity_get(*, user: Any, pk: int) -> Activity:
    """One activity ``user`` may see; another board's activity is a 404."""
    return get_object_or_404(Activity.objects.visible_to(user).select_related("place", "series"), pk=pk)


def series_get(*, user: Any, pk: int) -> ActivitySeries:
    """One series ``user`` may see; another board's series is a 404."""
    qs = restrict_to_acted_for(ActivitySeries.objects.select_related("place"), user, place_field="place")
    return get_object_or_404(qs, pk=pk)
