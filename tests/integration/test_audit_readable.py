"""The audit trail reads as words in the interface language (issue 7, A6).

On the code before, the audit page showed ``board_account_link``, ``legal_name``, ``True`` and
``community_house → meeting_centre``. Here the page is read in Dutch and in English, and every action every
door writes must have a registered label.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from ontmoet.accounts import services as account_services
from ontmoet.accounts.roles import Role
from ontmoet.core.models import AuditEvent
from ontmoet.core.registry import audit_action
from ontmoet.places import services
from tests.factories import PlaceFactory, UserFactory
from tests.integration.test_service_doors import CALLS, _function

pytestmark = pytest.mark.django_db

RAW_CODES = ("board_account_link", "place_change_type", "place_update", "board_save", "legal_name",
             "based_in_maastricht", "community_house", "meeting_centre", "True", "False", "2026-03-01",
             "latitude", "board_condition_checked_on")


@pytest.fixture
def trail(policy_officer):
    place = PlaceFactory(name="Gemeenschapshuis De Linde", type="community_house", since=dt.date(2020, 1, 1))
    services.place_change_type(place=place, to="meeting_centre", effective_date=dt.date(2026, 3, 1),
                               reason="Besluit van het bestuur", by=policy_officer)
    services.board_save(place=place, values={"legal_name": "Stichting De Linde", "based_in_maastricht": True,
                                             "board_condition_checked_on": dt.date(2026, 2, 12)},
                        by=policy_officer)
    services.place_update(place=place, values={"latitude": Decimal("50.851234"), "longitude": Decimal("5.6909"),
                                               "hearing_loop": False}, by=policy_officer)
    admin = UserFactory(username="beheer", role=Role.ADMINISTRATOR)
    account_services.board_account_link(place=place, user=UserFactory(username="bestuur-linde",
                                                                       role=Role.BOARD_MEMBER), by=admin)
    return place


def _rows(client, place, language: str) -> list[str]:
    client.cookies["django_language"] = language
    page = client.get(reverse("places:audit", args=[place.pk])).content.decode()
    body = page[page.index("<tbody"):page.index("</tbody>")]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in body.split("</tr>")[:-1]]


def test_the_audit_page_reads_in_dutch(client, policy_officer, trail):
    client.force_login(policy_officer)
    rows = _rows(client, trail, "nl")
    text = " | ".join(rows)
    assert "Type gewijzigd" in text
    assert "Type: Gemeenschapshuis → Ontmoetingscentrum" in text
    assert "Ingangsdatum: – → 1 maart 2026" in text
    assert "Bestuur gewijzigd" in text
    assert "Rechtspersoon: – → Stichting De Linde" in text
    assert "Gevestigd in Maastricht: Onbekend → Ja" in text
    assert "Gecontroleerd op: – → 12 februari 2026" in text
    assert "Gegevens gewijzigd" in text and re.search(r"Breedtegraad: \d+,\d+ → 50,851234", text)
    assert "Ringleiding: Onbekend → Nee" in text
    assert "Account van het bestuur gekoppeld" in text and "Account: bestuur-linde" in text
    for code in RAW_CODES:
        assert code not in text, f"{code} is shown as a raw code"


def test_the_audit_page_reads_in_english(client, policy_officer, trail):
    client.force_login(policy_officer)
    text = " | ".join(_rows(client, trail, "en"))
    assert "Type changed" in text
    assert "Type: Community house → Meeting centre" in text
    assert "1 March 2026" in text
    assert "Legal entity: – → Stichting De Linde" in text
    assert "Based in Maastricht: Unknown → Yes" in text
    assert "Board account linked" in text
    for code in RAW_CODES:
        assert code not in text, f"{code} is shown as a raw code"


def test_a_created_place_lists_its_facts_without_arrows(client, policy_officer):
    place = services.place_create(values={"name": "Huiskamer Op de Hoek", "hearing_loop": True},
                                  type="living_room", effective_date=dt.date(2026, 9, 1), by=policy_officer)
    client.force_login(policy_officer)
    text = " | ".join(_rows(client, place, "nl"))
    assert "Opgenomen in het register" in text
    assert "Type: Huiskamer" in text and "Type geldig vanaf: 1 september 2026" in text
    assert "Ringleiding: Ja" in text and "→" not in text


def test_an_action_nobody_named_is_shown_as_stored_never_hidden(client, policy_officer, place):
    AuditEvent.objects.create(actor_name="systeem", action="legacy_fix", object_type="places.meetingplace",
                              object_id=str(place.pk), object_repr=str(place),
                              changes={"odd_key": {"before": None, "after": "x"}})
    client.force_login(policy_officer)
    text = " | ".join(_rows(client, place, "nl"))
    assert "legacy_fix" in text and "odd_key: x" in text


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_action_a_door_writes_has_a_label_and_no_raw_field_names(name):
    """A new capability registers its actions in core.registry from its AppConfig.ready() (ADR 0028)."""
    from ontmoet.core.audit_display import readable_event

    role, call = CALLS[name]
    user = UserFactory(username="handelend", role=role)
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    _function(name)(**call(user), by=user)
    for event in AuditEvent.objects.exclude(pk__in=before):
        assert audit_action(event.action) is not None, f"register a label for the audit action {event.action}"
        shown = readable_event(event)
        unnamed = [line.key for line in shown.changes if line.label == line.key]
        assert unnamed == [], f"{event.action}: give these keys a label (a model field or an AuditField)"
