"""Shared fixtures: one user per role, places, and a logged-in client per role."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.policy import PolicyPlan
from tests.factories import PlaceFactory, UserFactory
from tests.plans import SEED_PLAN


@pytest.fixture(autouse=True, scope="session")
def _logins_pass_the_second_step() -> Iterator[None]:
    """``client.force_login(user)`` gives a member of staff a session that passed two-factor authentication,
    as every real login of staff does (tests/two_factor.py); the tests of that step use
    ``force_login_unverified``."""
    from django.test import Client

    from tests.two_factor import force_login_verified

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Client, "force_login", force_login_verified)
        yield


@pytest.fixture(autouse=True, scope="session")
def _seed_plan_in_force() -> Iterator[None]:
    """The suite runs on the frozen seed plan (tests/plans), not on the shipped file a council may change."""
    from django.conf import settings

    shipped = settings.POLICY_PLAN
    settings.POLICY_PLAN = SEED_PLAN
    yield
    settings.POLICY_PLAN = shipped


@pytest.fixture
def plan_with(settings: Any) -> Callable[..., PolicyPlan]:
    """Put a plan with the figures a test states in force: ``plan_with(places={"max_meeting_centres": 2})``
    replaces fields of the plan's sections (dataclasses), so a figure typed into code shows up as a failure."""

    def make(**sections: dict[str, Any]) -> PolicyPlan:
        plan = SEED_PLAN
        for section, changes in sections.items():
            plan = dataclasses.replace(plan, **{section: dataclasses.replace(getattr(plan, section), **changes)})
        settings.POLICY_PLAN = plan
        return plan

    return make


@pytest.fixture(autouse=True)
def _reference_areas(request):
    """Tests that flush the database (transactional, live server) lose the buurten of the data migration:
    load them again, as every installation has them."""
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    if {"transactional_db", "live_server"} & set(request.fixturenames) or transactional:
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
