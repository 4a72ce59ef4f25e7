"""Dutch numbers in every form that takes an amount or a decimal (issue 7, A10): one parser, one field class.

On the code before, the place form refused ``50,85``, an investment of ``1.500.000,00`` was refused, a longitude
error showed a latitude as its example, and in English ``5,69`` could become 569 (the thousands separator of the
interface language was stripped). Each test below fails on that code.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from ontmoet.accounts.roles import Role
from ontmoet.core.forms import DutchNumberField, EuroField
from ontmoet.finance.models import InvestmentProject
from ontmoet.places.models import MeetingPlace
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for_role(client, user_with_role):
    def login(role: str):
        client.force_login(user_with_role(role))
        return client

    return login


PLACE = {"name": "Huiskamer De Hoek", "type": "living_room", "since": "2026-09-01", "city": "Maastricht"}
PROJECT = {"name": "HvdW Malberg", "method": "linear", "term_years": "40", "interest_percent": "1,5"}


@pytest.mark.parametrize(("latitude", "longitude"), [("50,851234", "5,6909"), ("50.851234", "5.6909"),
                                                       ("50,85123449", "5,69090001")])
def test_a_place_is_created_with_coordinates_in_dutch_or_with_a_point(client, policy_officer, latitude, longitude):
    client.force_login(policy_officer)
    response = client.post(reverse("places:create"), {**PLACE, "latitude": latitude, "longitude": longitude})
    assert response.status_code == 302, response.content.decode()[:2000]
    place = MeetingPlace.objects.get(name=PLACE["name"])
    assert (place.latitude, place.longitude) == (Decimal("50.851234"), Decimal("5.690900"))
    assert place.neighbourhood is not None  # the buurt follows from the point


@pytest.mark.parametrize("language", ["nl", "en"])
def test_editing_with_a_comma_never_loses_it_whatever_the_language(client, policy_officer, language):
    place = PlaceFactory(name="De Linde")
    client.force_login(policy_officer)
    client.cookies["django_language"] = language
    data = {"name": "De Linde", "city": "Maastricht", "latitude": "50,85", "longitude": "5,69",
            "building-owner_kind": "other"}
    response = client.post(reverse("places:edit", args=[place.pk]), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.content.decode()[:3000]
    place.refresh_from_db()
    assert (place.latitude, place.longitude) == (Decimal("50.85"), Decimal("5.69"))


def test_the_edit_form_shows_stored_coordinates_in_dutch_in_text_boxes(client, policy_officer):
    place = PlaceFactory(latitude=Decimal("50.851234"), longitude=Decimal("5.690900"))
    client.force_login(policy_officer)
    page = client.get(reverse("places:edit", args=[place.pk])).content.decode()
    latitude = re.search(r'<input[^>]*name="latitude"[^>]*>', page)
    longitude = re.search(r'<input[^>]*name="longitude"[^>]*>', page)
    assert latitude and longitude
    for tag in (latitude.group(0), longitude.group(0)):
        assert 'type="text"' in tag and 'inputmode="decimal"' in tag
    assert 'value="50,851234"' in latitude.group(0) and 'value="5,6909"' in longitude.group(0)  # no trailing zeros


@pytest.mark.parametrize(("latitude", "longitude", "field", "message"), [
    ("50,8512", "vijf", "longitude", "„vijf” is geen getal. Schrijf bijvoorbeeld 5,6909."),  # its own example
    ("noord", "5,6909", "latitude", "„noord” is geen getal. Schrijf bijvoorbeeld 50,8512."),
    ("50,85,12", "5,6909", "latitude", "heeft meer dan één komma"),
    ("50.851.234", "5,6909", "latitude", "zonder punten voor duizendtallen"),
    ("95", "5,6909", "latitude", "De breedtegraad ligt tussen -90 en 90."),
])
def test_bad_coordinates_are_refused_with_a_dutch_message_and_kept(client, policy_officer, latitude, longitude,
                                                                   field, message):
    client.force_login(policy_officer)
    response = client.post(reverse("places:create"), {**PLACE, "latitude": latitude, "longitude": longitude})
    page = response.content.decode()
    assert response.status_code == 200
    error = re.search(rf'id="id_{field}_error">([^<]*)<', page)
    assert error and message in error.group(1)
    assert f'value="{latitude}"' in page and f'value="{longitude}"' in page
    assert not MeetingPlace.objects.filter(name=PLACE["name"]).exists()


@pytest.mark.parametrize(("typed", "stored"), [("1.500.000,00", 1_500_000), ("€ 1.500.000", 1_500_000),
                                               ("1500000", 1_500_000), ("€ 2.750,-", 2_750)])
def test_investment_amounts_in_dutch_notation(client_for_role, typed, stored):
    client = client_for_role(Role.POLICY_OFFICER)
    response = client.post(reverse("finance:project_create"), {**PROJECT, "amount_min": typed, "amount_max": typed})
    assert response.status_code == 302
    project = InvestmentProject.objects.get(name=PROJECT["name"])
    assert (project.amount_min, project.amount_max) == (stored, stored)


@pytest.mark.parametrize(("typed", "message"), [
    ("5,69", "Geef een bedrag in hele euro&#x27;s, bijvoorbeeld 62.000."),  # never 569
    ("1,500.00", "staat de komma voor de punt"),
    ("1.50.000", "staan de punten niet op hun plaats"),
])
def test_investment_amounts_that_are_no_whole_euros_are_refused(client_for_role, typed, message):
    client = client_for_role(Role.POLICY_OFFICER)
    response = client.post(reverse("finance:project_create"), {**PROJECT, "amount_min": typed, "amount_max": typed})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not InvestmentProject.objects.exists()


def test_the_interest_takes_a_comma_and_a_percent_sign(client_for_role):
    client = client_for_role(Role.POLICY_OFFICER)
    response = client.post(reverse("finance:project_create"), {**PROJECT, "interest_percent": "2,25 %"})
    assert response.status_code == 302
    assert InvestmentProject.objects.get().interest_rate == Decimal("0.0225")


def test_what_if_reads_dutch_coordinates(client, policy_officer):
    client.force_login(policy_officer)
    page = client.get(reverse("assessment:what_if"), {"type": "living_room", "latitude": "50,8512",
                                                       "longitude": "5,6909"}).content.decode()
    assert 'id="id_latitude_error"' not in page and 'id="id_longitude_error"' not in page
    assert 'inputmode="decimal"' in page


def test_the_buurt_hint_reads_dutch_coordinates(client, policy_officer):
    client.force_login(policy_officer)
    answer = client.get(reverse("places:neighbourhood_hint"), {"latitude": "50,8643", "longitude": "5,731435"})
    assert "Amby" in answer.content.decode()


class _Amounts(forms.Form):
    amount = EuroField(min_value=0)
    share = DutchNumberField(decimal_places=2, max_digits=12, example="1.234,56")


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("amount", "share", "expected"), [
    ("62.000", "1.234,56", (62_000, Decimal("1234.56"))),
    ("€ 62.000", "0,5", (62_000, Decimal("0.5"))),
    ("62000", "50.85", (62_000, Decimal("50.85"))),
])
def test_the_field_reads_the_same_in_either_language(language, amount, share, expected):
    with translation.override(language):
        form = _Amounts({"amount": amount, "share": share})
        assert form.is_valid(), form.errors
    assert (form.cleaned_data["amount"], form.cleaned_data["share"]) == expected


def test_an_ambiguous_amount_asks_which_was_meant():
    form = _Amounts({"amount": "10", "share": "1.500"})
    assert not form.is_valid()
    assert form.errors["share"] == ["„1.500” kan 1500 of 1,5 betekenen. Schrijf 1500 zonder punt, of gebruik een "
                                    "komma voor de decimalen: 1,5."]


def test_more_decimals_than_the_field_keeps_are_refused_not_rounded():
    form = _Amounts({"amount": "10", "share": "1,555"})
    assert not form.is_valid()
    assert "hoogstens 2 cijfers achter de komma" in form.errors["share"][0]
