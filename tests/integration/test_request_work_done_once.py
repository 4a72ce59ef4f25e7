"""Work done once per process instead of once per request must give what the per-request work gave."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import serializers

from ontmoet.core.serializers import BuiltOnceFieldsMixin
from ontmoet.places.api import PlaceOutput
from ontmoet.places.models import MeetingPlace
from ontmoet.places.selectors import place_list
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


class FreshPlaceOutput(PlaceOutput):
    """PlaceOutput with its fields built from the model on every instance, as DRF does."""

    def get_fields(self):  # type: ignore[no-untyped-def]
        return serializers.ModelSerializer.get_fields(self)


def test_fields_built_once_serialize_as_fields_built_each_time(policy_officer):
    PlaceFactory(name="Een", website="https://example.org/een")
    PlaceFactory(name="Twee", latitude=None, longitude=None, neighbourhood=None)
    places = list(place_list(user=policy_officer))
    assert PlaceOutput(places, many=True).data == FreshPlaceOutput(places, many=True).data
    assert list(PlaceOutput().fields) == list(FreshPlaceOutput().fields)


def test_each_serializer_gets_its_own_bound_fields():
    first, second = PlaceOutput(), PlaceOutput()
    assert first.fields["name"] is not second.fields["name"]
    assert first.fields["name"].parent is first and second.fields["name"].parent is second
    assert "_built_fields" in PlaceOutput.__dict__
    assert issubclass(PlaceOutput, BuiltOnceFieldsMixin)


@pytest.fixture
def officer_client(client, policy_officer):
    client.force_login(policy_officer)
    return client


def test_the_cached_filter_form_follows_language_and_filters(officer_client):
    PlaceFactory(name="Plek")
    url = reverse("places:list")
    dutch = officer_client.get(url).content.decode()
    assert "Zoek op naam of straat" in dutch
    officer_client.cookies["django_language"] = "en"
    english = officer_client.get(url).content.decode()
    assert "Zoek op naam of straat" not in english and "Search by name or street" in english
    officer_client.cookies["django_language"] = "nl"
    typed = officer_client.get(url, {"search": "Linde", "type": "living_room"}).content.decode()
    assert 'value="Linde"' in typed and '<option value="living_room" selected>' in typed
    again = officer_client.get(url).content.decode()
    assert 'value="Linde"' not in again and '<option value="living_room" selected>' not in again


def test_a_new_buurt_reaches_the_cached_filter_form(officer_client):
    url = reverse("places:list")
    officer_client.get(url)
    buurt = MeetingPlace._meta.get_field("neighbourhood").related_model.objects.first()
    buurt.pk = None
    buurt.code, buurt.name = "BU09359999", "Nieuwe buurt"
    buurt.save()
    assert "Nieuwe buurt" in officer_client.get(url).content.decode()
