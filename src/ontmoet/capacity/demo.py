"""Demo data of community work and board support, through the services like any other write (idempotent).

Requests for 2027 from the demo register's Ontmoetingscentra and Huis van de Wijk (all OC or HvdW on 1 January
2027), the decided allocation with its B3 commitments, hours of the demo community worker, board support requests in
every state, a vacancy and the working group. Everything is fictional and marked as demo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ontmoet.accounts.models import User
from ontmoet.accounts.roles import Role
from ontmoet.capacity import services
from ontmoet.capacity.models import CommunityWorkRequest, WorkingGroupMeeting
from ontmoet.capacity.selectors import eligible_places
from ontmoet.domain.capacity import add_working_days, is_working_day
from ontmoet.places.models import MeetingPlace

DEMO_YEAR = 2027
PURPOSES = [
    "Samen met bewoners uit de buurt activiteiten opzetten voor wie de plek nog niet kent (fictief).",
    "Jongeren en ouderen uit de buurt samenbrengen in een wekelijkse ontmoeting (fictief).",
    "Het bestuur helpen verbindingen te leggen met de basisschool en de huisarts (fictief).",
]
SUPPORT = [
    # place, kind, description, working days ago asked, taken up after, closed after, result
    ("Demohuis De Linde", "financial", "Hulp bij de begroting voor het eerste jaar als OC (fictief).", 4, None,
     None, None),
    ("Demohuis Het Anker", "recruiting", "Wij zoeken een nieuwe penningmeester (fictief).", 30, 3, None, None),
    ("Demohuis Sint Lambertus", "administrative", "Hulp bij de ledenadministratie (fictief).", 45, 2, 12, "done"),
    ("Demohuis De Kring", "legal", "Vragen over het huurcontract van het pand (fictief).", 60, 14, 25, "done"),
    ("Demohuis Oosterpoort", "management", "Ondersteuning bij de exploitatie van de zaal (fictief).", 40, 6, 9,
     "closed"),
]


def _working_days_ago(days: int) -> dt.date:
    day = timezone.localdate()
    while days > 0:
        day -= dt.timedelta(days=1)
        days -= is_working_day(day)
    return day


@transaction.atomic
def load_capacity_demo() -> None:
    if CommunityWorkRequest.objects.filter(is_demo=True).exists():
        return
    places = list(eligible_places(DEMO_YEAR).filter(is_demo=True).order_by("name"))
    for index, place in enumerate(places):
        fte = Decimal("0.25") if index % 3 else Decimal("0.2")
        services.community_work_request_create(place=place, year=DEMO_YEAR, fte=fte,
                                               purpose=PURPOSES[index % len(PURPOSES)],
                                               requested_on=dt.date(DEMO_YEAR - 1, 10, 1) + dt.timedelta(days=index),
                                               by=None, is_demo=True)
    if places:
        services.community_work_allocation_apply(year=DEMO_YEAR, by=None)
    worker = User.objects.filter(role=Role.COMMUNITY_WORKER, is_active=True).order_by("pk").first()
    if worker is not None:
        first = timezone.localdate().replace(day=1)
        for months_back in (1, 2):
            month = (first - dt.timedelta(days=28 * months_back)).replace(day=1)
            for index, place in enumerate(places[:4]):
                services.community_work_hours_record(place=place, month=month, hours=Decimal(18 + 4 * index),
                                                     worker=worker, by=None, is_demo=True)
    by_name = {p.name: p for p in MeetingPlace.objects.filter(name__in=[s[0] for s in SUPPORT])}
    for name, kind, description, ago, taken, closed, result in SUPPORT:
        asking = by_name.get(name)
        if asking is None:
            continue
        asked = _working_days_ago(ago)
        request = services.board_support_request_create(place=asking, kind=kind, description=description,
                                                        requested_on=asked, by=None, is_demo=True)
        if taken is not None:
            request = services.board_support_take_up(
                request=request, provider="trajekt" if taken < 10 else "municipality",
                contact_person="T. Voorbeeld (fictief)", taken_up_on=add_working_days(asked, taken), by=None)
        if closed is not None and result is not None:
            services.board_support_close(request=request, result=result,
                                         outcome="Samen met het bestuur opgelost (fictief).",
                                         cost=Decimal(750) if result == "done" and kind == "legal" else None,
                                         closed_on=add_working_days(asked, closed), by=None)
    anker = by_name.get("Demohuis Het Anker")
    if anker is not None:
        services.board_vacancy_open(place=anker, role="treasurer", description="Penningmeester gezocht (fictief)",
                                    opened_on=_working_days_ago(35), by=None, is_demo=True)
    for index, place in enumerate(places[:3]):
        services.working_group_member_add(place=place, name=f"{'ABC'[index]}. Afgevaardigde (fictief)",
                                          since=dt.date(2026, 2, 1), by=None, is_demo=True)
    if not WorkingGroupMeeting.objects.exists():
        services.working_group_meeting_record(
            date=dt.date(2026, 3, 10), agenda="Kennismaking; wat hebben besturen nodig? (fictief)",
            decisions="Elk kwartaal bijeen; een lijst van vragen naar de gemeente (fictief).", by=None, is_demo=True)
        services.working_group_meeting_record(
            date=dt.date(2026, 9, 15), agenda="Werven van bestuursleden (fictief)",
            decisions="Trajekt organiseert een wervingsavond (fictief).", by=None, is_demo=True)
