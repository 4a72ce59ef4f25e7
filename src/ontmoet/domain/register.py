"""Rules of the register (seed §5, domain.md §2): place types over time and the plan's caps.

A place's type is a dated history: a board's choice to become an Ontmoetingscentrum or Huis van de Wijk is
an event with an effective date. The type on a day is the latest change effective on or before that day.
The plan allows at most 20 OC and 4 HvdW; a change that would pass a cap on any day from its effective
date on needs an explicit, audited override.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class PlaceKind(StrEnum):
    COMMUNITY_HOUSE = "community_house"
    MEETING_CENTRE = "meeting_centre"
    NEIGHBOURHOOD_HOUSE = "neighbourhood_house"
    LIVING_ROOM = "living_room"
    SOCIAL_RESTAURANT = "social_restaurant"
    OTHER_SMALL_SCALE = "other_small_scale"

    @property
    def is_small_scale(self) -> bool:
        return self in SMALL_SCALE_KINDS


SMALL_SCALE_KINDS = frozenset({PlaceKind.LIVING_ROOM, PlaceKind.SOCIAL_RESTAURANT, PlaceKind.OTHER_SMALL_SCALE})
#: The kinds the plan caps (seed §5: "maximaal 20" OC, "vier Huizen van de Wijk").
CAPPED_KINDS = (PlaceKind.MEETING_CENTRE, PlaceKind.NEIGHBOURHOOD_HOUSE)


@dataclass(frozen=True)
class TypeEvent:
    effective: dt.date
    kind: PlaceKind


def kind_on(history: Sequence[TypeEvent], day: dt.date) -> PlaceKind | None:
    """The kind in force on ``day``: the last event effective on or before it (None before the first)."""
    current: PlaceKind | None = None
    for event in sorted(history, key=lambda e: e.effective):
        if event.effective > day:
            break
        current = event.kind
    return current


@dataclass(frozen=True)
class CapBreach:
    kind: PlaceKind
    day: dt.date
    count: int
    cap: int


def cap_breaches(
    histories: Mapping[int, Sequence[TypeEvent]],
    caps: Mapping[PlaceKind, int],
    *,
    changed_place: int,
    change: TypeEvent,
) -> list[CapBreach]:
    """Breaches of ``caps`` that ``change`` to ``changed_place`` would cause, from its effective date on.

    Counts are checked on the effective date and on every later date at which any place changes type, so a
    change scheduled by another board later on is taken into account. Only breaches that the change itself
    makes worse are returned (a cap that is already exceeded without it is not blamed on it).
    """
    return batch_cap_breaches(histories, caps, {changed_place: [change]})


def batch_cap_breaches(
    histories: Mapping[int, Sequence[TypeEvent]],
    caps: Mapping[PlaceKind, int],
    changes: Mapping[int, Sequence[TypeEvent]],
) -> list[CapBreach]:
    """Breaches of ``caps`` that all ``changes`` together (place id → new events) would cause.

    The rule of :func:`cap_breaches`, for a batch such as an import: every row's type counts at once, checked
    from the earliest new event on. At most one breach per kind: the first day on which it is passed.
    """
    if not changes or not any(changes.values()):
        return []
    with_change = {pid: list(events) for pid, events in histories.items()}
    for pid, events in changes.items():
        with_change.setdefault(pid, []).extend(events)
    first = min(e.effective for events in changes.values() for e in events)
    later = {e.effective for events in with_change.values() for e in events if e.effective > first}
    days = sorted({first} | later)
    before_sorted = [sorted(events, key=lambda e: e.effective) for events in histories.values()]
    after_sorted = [sorted(events, key=lambda e: e.effective) for events in with_change.values()]
    breaches: list[CapBreach] = []
    for kind, cap in caps.items():
        for day in days:
            after = _count(after_sorted, kind, day)
            if after <= cap:
                continue
            before = _count(before_sorted, kind, day)
            if after > before:
                breaches.append(CapBreach(kind=kind, day=day, count=after, cap=cap))
                break
    return breaches


def _count(histories: Iterable[Sequence[TypeEvent]], kind: PlaceKind, day: dt.date) -> int:
    """How many histories (each sorted by effective date) have ``kind`` in force on ``day``."""
    return sum(1 for events in histories if _kind_on_sorted(events, day) == kind)


def _kind_on_sorted(events: Sequence[TypeEvent], day: dt.date) -> PlaceKind | None:
    current: PlaceKind | None = None
    for event in events:
        if event.effective > day:
            break
        current = event.kind
    return current


@dataclass(frozen=True)
class BoardCondition:
    """The Ogh's board condition (domain.md §5 rule 6): at least ``minimum`` members — counted from the members
    listed — and no first-degree family ties nor all at one address, which only a dated check can tell."""

    member_count: int
    minimum: int
    #: The dated check of family ties and addresses (None: not checked, or a "yes" without a date).
    checked: bool | None

    @property
    def size_ok(self) -> bool:
        return self.member_count >= self.minimum

    @property
    def met(self) -> bool | None:
        """False when either part fails, None while the check is missing, True when both hold."""
        if not self.size_ok or self.checked is False:
            return False
        return self.checked


def board_condition(*, member_count: int, minimum: int, checked: bool | None,
                    checked_on: dt.date | None) -> BoardCondition:
    """A "yes" counts as checked only with the date of the check."""
    return BoardCondition(member_count=member_count, minimum=minimum,
                          checked=None if checked and checked_on is None else checked)
