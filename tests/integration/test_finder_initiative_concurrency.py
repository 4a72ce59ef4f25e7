"""The limits of "help organise something here" under a burst, on PostgreSQL (where writers really run at the
same moment): 20 submissions at once from one connection store exactly the hourly limit, never more."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from ontmoet.finder import services
from ontmoet.finder.models import InitiativeRequest
from tests.factories import PlaceFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]
WRITERS = 20


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (make test runs this file there too)")


def test_a_burst_from_one_connection_stores_exactly_the_limit():
    places = [PlaceFactory(name=f"Plek {i}") for i in range(4)]
    barrier = threading.Barrier(WRITERS)
    results: list[object] = [None] * WRITERS

    def send(i: int) -> None:
        try:
            barrier.wait()
            services.initiative_submit(place=places[i % 4], sender="een-verbinding", by=None,
                                       values={"name": "Bewoner", "contact": "06 1", "idea": f"Idee {i}"})
            results[i] = "stored"
        except ValidationError as exc:
            results[i] = exc.messages[0]
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert InitiativeRequest.objects.count() == services.PER_SENDER_PER_HOUR
    assert results.count("stored") == services.PER_SENDER_PER_HOUR
    assert all(r == "stored" or "al veel ideeën" in str(r) for r in results), results
