"""Opening hours are checked on entry at every door: the service (page, API and import call it) refuses text
that is not in the OSM syntax, with the reason in the interface language."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from ontmoet.accounts.roles import Role
from ontmoet.places import services
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_valid_hours_are_stored_and_invalid_ones_refused_with_the_reason():
    officer = UserFactory(role=Role.POLICY_OFFICER)
    place = PlaceFactory()
    services.place_update(place=place, values={"opening_hours": "Mo-Fr 09:00-17:00; PH off"}, by=officer)
    place.refresh_from_db()
    assert place.opening_hours == "Mo-Fr 09:00-17:00; PH off"
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        services.place_update(place=place, values={"opening_hours": "ma-vr 9-17"}, by=officer)
    assert "„ma” is geen dag" in caught.value.message_dict["opening_hours"][0]
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.place_update(place=place, values={"opening_hours": "Mo 9:00-17:00"}, by=officer)
    assert "“9:00” is not a time" in caught.value.message_dict["opening_hours"][0]
