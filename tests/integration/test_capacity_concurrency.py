"""Community work under concurrent writers, on PostgreSQL: decisions of one year are serialised (one lock per year),
so the year's cap holds and the B3 ledger always equals allocated fte × cost per fte."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum

from ontmoet.accounts.roles import Role
from ontmoet.capacity import selectors, services
from ontmoet.capacity.models import CommunityWorkAllocation, CommunityWorkRequest
from ontmoet.finance.models import LedgerEntry
from tests.factories import UserFactory
from tests.factories_capacity import centre
from tests.integration.test_register_concurrency import WRITERS, _at_once, _postgresql_only  # noqa: F401

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


def test_concurrent_allocations_keep_the_cap_and_the_ledger():
    officer = UserFactory(username="beleid-verdeling", role=Role.POLICY_OFFICER)
    places = [centre(f"OC {i}") for i in range(4)]
    for i, place in enumerate(places):
        services.community_work_request_create(place=place, year=2027, fte="0.25", purpose="buurt",
                                               requested_on=dt.date(2026, 10, 1 + i), by=None)

    def allocate(i: int) -> object:
        # Each officer lowers another place, with a reason; the last to run decides.
        place = places[i % len(places)]
        return services.community_work_allocation_apply(
            year=2027, overrides={place.pk: (Decimal("0.05") * (i % 5), f"afwijking {i}")}, by=officer)

    results = _at_once(allocate)
    assert not [r for r in results if isinstance(r, Exception)], results
    allocated = CommunityWorkAllocation.objects.filter(year=2027).aggregate(t=Sum("allocated_fte"))["t"]
    assert allocated <= selectors.caps_for(2027).total
    booked = LedgerEntry.objects.filter(source=selectors.LEDGER_SOURCE, year=2027).aggregate(t=Sum("amount"))["t"]
    assert booked == allocated * 150_000


def test_concurrent_requests_of_one_place_make_one_request():
    officer = UserFactory(username="beleid-aanvraag", role=Role.POLICY_OFFICER)
    place = centre("OC dubbel")

    def ask(i: int) -> object:
        return services.community_work_request_create(place=place, year=2027, fte="0.25", purpose=f"poging {i}",
                                                      by=officer)

    results = _at_once(ask)
    assert CommunityWorkRequest.objects.filter(place=place).count() == 1
    assert sum(isinstance(r, ValidationError) for r in results) == WRITERS - 1
