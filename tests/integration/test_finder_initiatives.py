""""Help organise something here": the idea reaches the board's start page, robots and bursts are refused
without a third-party service, and the resident's data are deleted after the retention period."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.core import signing

from ontmoet.accounts.roles import Role
from ontmoet.core.models import AuditEvent
from ontmoet.finder import services, spam
from ontmoet.finder.models import RETENTION_DAYS, InitiativeRequest
from tests.factories import PlaceFactory, UserFactory
from tests.keys import TEST_SECRET_KEY

pytestmark = pytest.mark.django_db
IDEA = {"name": "Mia", "contact": "mia@example.org", "idea": "Een breiclub op dinsdagmiddag."}


def _token(seconds_ago: int) -> str:
    with time_machine.travel(dt.datetime.now(dt.UTC) - dt.timedelta(seconds=seconds_ago)):
        return signing.TimestampSigner(salt=spam.SALT).sign("form")


def _send(client, place, **changes):
    data = {**IDEA, "website": "", "started": _token(10), **changes}
    return client.post(f"/plekken/{place.pk}/iets-organiseren", data)


def test_an_idea_reaches_the_board_and_not_the_audit_trail(client):
    place = PlaceFactory(name="Buurthuis Idee")
    answer = _send(client, place)
    assert "Uw idee is naar het bestuur van de plek gestuurd" in answer.content.decode()
    stored = InitiativeRequest.objects.get()
    assert (stored.place, stored.name, stored.idea) == (place, "Mia", IDEA["idea"])
    assert "127.0.0.1" not in stored.sender  # a keyed hash, not the address
    event = AuditEvent.objects.get(action="initiative_submit")
    assert "Mia" not in f"{event.object_repr} {event.changes}" and "mia@" not in str(event.changes)
    board = UserFactory(role=Role.BOARD_MEMBER)
    place.board_accounts.add(board)
    client.force_login(board)
    start = client.get("/").content.decode()
    assert "Ideeën van bewoners" in start and "Een breiclub op dinsdagmiddag." in start
    other = UserFactory(username="ander-bestuur", role=Role.BOARD_MEMBER)
    PlaceFactory().board_accounts.add(other)
    client.force_login(other)
    assert "Een breiclub" not in client.get("/").content.decode()


@pytest.mark.parametrize(("changes", "message"), [
    ({"website": "http://spam.example"}, "lijkt automatisch verstuurd"),
    ({"started": "vervalst"}, "lijkt automatisch verstuurd"),
    ({"started": "now"}, "lijkt automatisch verstuurd"),
    ({"idea": "http://a.example http://b.example http://c.example"}, "hoogstens twee links"),
    ({"name": ""}, "id=\"id_name_error\""),
])
def test_robots_and_bad_input_are_refused_with_the_reason(client, changes, message):
    place = PlaceFactory()
    if changes.get("started") == "now":
        changes["started"] = _token(0)
    answer = _send(client, place, **changes)
    assert message in answer.content.decode()
    assert not InitiativeRequest.objects.exists()


def test_a_burst_from_one_connection_is_limited(client):
    place = PlaceFactory()
    for _ in range(services.PER_SENDER_PER_HOUR):
        _send(client, place)
    answer = _send(client, place)
    assert "al veel ideeën gestuurd" in answer.content.decode()
    assert InitiativeRequest.objects.count() == services.PER_SENDER_PER_HOUR


def test_ideas_are_deleted_after_the_retention_period():
    place = PlaceFactory()
    services.initiative_submit(place=place, values=IDEA, sender="s", by=None)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=RETENTION_DAYS - 1)
    assert services.initiatives_purge(by=None, now=later) == 0
    assert services.initiatives_purge(by=None, now=later + dt.timedelta(days=2)) == 1
    assert not InitiativeRequest.objects.exists()


def test_the_purge_command_runs_as_installed(tmp_path):
    ontmoet = Path(sys.executable).parent / "ontmoet"
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "ONTMOET_PLAN")}
    env.update({"SECRET_KEY": TEST_SECRET_KEY, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
                "ONTMOET_VAR_DIR": str(tmp_path)})
    subprocess.run([str(ontmoet), "migrate", "--no-input", "-v0"], env=env, check=True, capture_output=True,
                   timeout=300)
    result = subprocess.run([str(ontmoet), "purge_initiatives"], env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 ideeën verwijderd."
