"""Shared fixtures: one user per role, places, and a logged-in client per role."""

from __future__ import annotations

import pytest

from ontmoet.accounts.roles import Role
from tests.factories import PlaceFactory, UserFactory


@pytest.fixture(autouse=True)
def _reference_areas(request):
    """Tests that flush the database (transactional, live server) lose the buurten of the data migration:
    load them again, as every installation has them."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        from ontmoet.places.models import District, Neighbourhood
        from ontmoet.places.reference_data import load_reference_areas

        load_reference_areas(District, Neighbourhood)


@pytest.fixture
def user_with_role(db):
    def make(role: Role | str, **kwargs):
        return UserFactory(username=kwargs.pop("username", f"{role}-user"), role=role, **kwargs)

    return make


@pytest.fixture
def policy_officer(user_with_role):
    return user_with_role(Role.POLICY_OFFICER)


@pytest.fixture
def board_member(user_with_role):
    return user_with_role(Role.BOARD_MEMBER)


@pytest.fixture
def place(db):
    return PlaceFactory(name="Gemeenschapshuis Test")


@pytest.fixture
def place_factory(db):
    return PlaceFactory
