"""The values of the effect indicators: survey shares and activity shares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ontmoet.domain.register import PlaceKind, TypeEvent, kind_on

HUNDRED = Decimal(100)


def weighted_share(rows: Iterable[tuple[int, Decimal | None]]) -> Decimal | None:
    """The city value of a survey column: the mean of the buurten's percentages weighted by their respondents
    (issue 11, point 2), as a fraction. Buurten without a value or without respondents do not count."""
    weight = 0
    total = Decimal(0)
    for respondents, percentage in rows:
        if percentage is None or respondents <= 0:
            continue
        weight += respondents
        total += respondents * percentage
    if weight == 0:
        return None
    return total / weight / HUNDRED


@dataclass(frozen=True)
class ActivityFact:
    """What the activity share needs of one activity."""

    place: int
    date: dt.date
    initiated_by: str
    organised_by: str
    cancelled: bool = False


@dataclass(frozen=True)
class ShareCount:
    """A share as its count: ``part`` of ``whole`` (``value`` is None when there is nothing to count)."""

    part: int
    whole: int

    @property
    def value(self) -> Decimal | None:
        return Decimal(self.part) / Decimal(self.whole) if self.whole else None

    def __add__(self, other: ShareCount) -> ShareCount:
        return ShareCount(self.part + other.part, self.whole + other.whole)


def counts_for(initiated_by: str, organised_by: str, groups: Collection[str]) -> bool:
    """"Initiated and/or organised by" one of ``groups`` (seed §6, effect indicator 3)."""
    return initiated_by in groups or organised_by in groups


def activity_share(activities: Iterable[ActivityFact], histories: dict[int, Sequence[TypeEvent]],
                   place_type: PlaceKind | str, groups: Collection[str]) -> ShareCount:
    """Among the held activities at a place whose type **on the activity's date** was ``place_type``, how many
    were initiated and/or organised by one of ``groups``. The reference computation (the database computes the
    same from its tallies)."""
    kind = PlaceKind(place_type)
    part = whole = 0
    for activity in activities:
        if activity.cancelled or kind_on(histories.get(activity.place, ()), activity.date) != kind:
            continue
        whole += 1
        part += counts_for(activity.initiated_by, activity.organised_by, groups)
    return ShareCount(part, whole)


def type_segments(history: Sequence[TypeEvent], kind: PlaceKind | str, start: dt.date,
                  end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The date ranges (both ends included) within [start, end] on which the place's type was ``kind``."""
    wanted = PlaceKind(kind)
    events = sorted(history, key=lambda e: e.effective)
    segments: list[tuple[dt.date, dt.date]] = []
    current = kind_on(events, start)
    segment_start = start if current == wanted else None
    for event in events:
        if event.effective <= start or event.effective > end:
            continue
        day = event.effective
        if event.kind == wanted and segment_start is None:
            segment_start = day
        elif event.kind != wanted and segment_start is not None:
            segments.append((segment_start, day - dt.timedelta(days=1)))
            segment_start = None
    if segment_start is not None:
        segments.append((segment_start, end))
    return segments
