"""The register's caps under concurrent writers, on PostgreSQL (where writers really run at the same moment).

Every path that sets a type (create through the API, create through the service, type change) takes the same
register lock before it counts, so 20 writers at once never make more Huizen van de Wijk than the plan allows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from ontmoet.accounts.roles import Role
from ontmoet.core.audit import audit_events_for
from ontmoet.places import services
from ontmoet.places.models import MeetingPlace
from tests.factories import PlaceFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]
WRITERS = 20


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (make test runs this file there too)")


def _at_once(work: Callable[[int], object]) -> list[object]:
    """Run ``work(i)`` in WRITERS threads released together; each thread closes its own connection."""
    barrier = threading.Barrier(WRITERS)
    results: list[object] = [None] * WRITERS

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _houses_today() -> int:
    return MeetingPlace.objects.with_type().filter(type="neighbourhood_house").count()


def test_twenty_concurrent_api_creates_never_pass_the_cap_of_four():
    officer = UserFactory(username="beleid-api", role=Role.POLICY_OFFICER)

    def create(i: int) -> int:
        client = Client()
        client.force_login(officer)
        response = client.post("/api/v1/places", {"name": f"Huis van de Wijk {i}", "type": "neighbourhood_house"},
                               content_type="application/json")
        return response.status_code

    statuses = _at_once(create)
    assert _houses_today() == 4
    assert sorted(statuses) == [201] * 4 + [409] * (WRITERS - 4), statuses  # the cap: the register's state
    assert not any(e.action == "place_cap_override" for p in MeetingPlace.objects.all() for e in audit_events_for(p))


def test_concurrent_creates_and_type_changes_share_one_lock():
    officer = UserFactory(username="beleid-mix", role=Role.POLICY_OFFICER)
    houses = [PlaceFactory(type="community_house") for _ in range(WRITERS // 2)]
    today = timezone.localdate()

    def write(i: int) -> object:
        if i % 2:
            return services.place_change_type(place=houses[i // 2], to="neighbourhood_house", effective_date=today,
                                              reason="besluit bestuur", by=officer)
        return services.place_create(values={"name": f"Nieuw huis {i}"}, type="neighbourhood_house",
                                     effective_date=today, by=officer)

    _at_once(write)
    assert _houses_today() == 4
