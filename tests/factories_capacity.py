"""Factories of community work and board support (tests of the capacity app)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from ontmoet.assessment.models import NeighbourhoodStatistic
from ontmoet.capacity.models import (
    BoardSupportRequest,
    BoardVacancy,
    CommunityWorkRequest,
    WorkingGroupMeeting,
    WorkingGroupMember,
)
from ontmoet.places.models import Neighbourhood
from tests.factories import PlaceFactory


def centre(name: str, *, buurt: str = "BU09350000", type: str = "meeting_centre",
           since: dt.date = dt.date(2025, 6, 1)) -> object:
    """An Ontmoetingscentrum (by default) in ``buurt`` since mid-2025: eligible on 1 January 2026 and 2027."""
    return PlaceFactory(name=name, type=type, since=since, neighbourhood=Neighbourhood.objects.get(code=buurt))


def statistic(buurt: str, low_income: str, *, year: int = 2024) -> NeighbourhoodStatistic:
    """Figures of one buurt; with one indicator varying, the index follows ``low_income``."""
    return NeighbourhoodStatistic.objects.create(
        neighbourhood=Neighbourhood.objects.get(code=buurt), year=year, source="test", residents=1000,
        indicators={"low_income_households_pct": low_income, "single_person_65plus_pct": "10",
                    "loneliness_pct": "10"})


class CommunityWorkRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunityWorkRequest

    place = factory.LazyFunction(lambda: centre("Aanvrager"))
    year = 2027
    fte = Decimal("0.25")
    purpose = "Samen met de buurt bewoners bereiken die nog niet komen."
    requested_on = dt.date(2026, 11, 1)


class BoardSupportRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardSupportRequest

    place = factory.SubFactory(PlaceFactory)
    kind = "financial"
    description = "Hulp bij de jaarrekening."
    requested_on = dt.date(2026, 3, 2)


class BoardVacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardVacancy

    place = factory.SubFactory(PlaceFactory)
    role = "treasurer"
    opened_on = dt.date(2026, 1, 15)


class WorkingGroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroupMember

    place = factory.SubFactory(PlaceFactory)
    name = factory.Sequence(lambda n: f"Afgevaardigde {n}")
    since = dt.date(2026, 2, 1)


class WorkingGroupMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroupMeeting

    date = dt.date(2026, 3, 10)
    agenda = "Ervaringen met de ondersteuning."
