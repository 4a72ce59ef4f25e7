"""Who may open what: a table of role × URL → allowed or denied, and a check that every view declares roles.

The expectations are written from the roles of domain.md §1 and the Foundation issue, not read from the code.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ontmoet.accounts.permissions import PUBLIC, RolePermission
from ontmoet.accounts.roles import Role
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db

ALL = set(Role)
STAFF = ALL - {Role.BOARD_MEMBER}
KEEPERS = {Role.POLICY_OFFICER, Role.ADMINISTRATOR}
AUDIT = {Role.POLICY_OFFICER, Role.GRANT_OFFICER, Role.DECISION_MAKER, Role.FINANCE_ADVISOR, Role.ADMINISTRATOR}

# (url name, needs a place id, roles allowed). The board member in these tests is linked to the place.
PAGES = [
    ("places:list", False, ALL),
    ("places:detail", True, ALL),
    ("places:edit", True, KEEPERS | {Role.BOARD_MEMBER}),
    ("places:create", False, KEEPERS),
    ("places:change_type", True, KEEPERS),
    ("places:import", False, KEEPERS),
    ("places:neighbourhood_hint", False, KEEPERS),
    ("places:audit", True, AUDIT),
    ("places:map", False, STAFF),
    ("places:export_csv", False, STAFF),
    ("places:export_xlsx", False, STAFF),
    ("home", False, ALL),
]


@pytest.fixture
def own_place(db):
    return PlaceFactory(name="Eigen plek")


def _url(name: str, needs_place: bool, place) -> str:
    return reverse(name, args=[place.pk]) if needs_place else reverse(name)


@pytest.mark.parametrize("role", sorted(Role))
@pytest.mark.parametrize(("name", "needs_place", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_page_access_by_role(client, user_with_role, own_place, role, name, needs_place, allowed):
    user = user_with_role(role)
    if role == Role.BOARD_MEMBER:
        own_place.board_accounts.add(user)
    client.force_login(user)
    status = client.get(_url(name, needs_place, own_place)).status_code
    assert (status == 200) == (role in allowed), f"{role} on {name}: {status}"
    if role not in allowed:
        assert status == 403


@pytest.mark.parametrize(("name", "needs_place", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_anonymous_visitors_are_sent_to_login(client, own_place, name, needs_place, allowed):
    response = client.get(_url(name, needs_place, own_place))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_board_member_cannot_open_another_places_pages(client, board_member, own_place):
    other = PlaceFactory(name="Andere plek")
    own_place.board_accounts.add(board_member)
    client.force_login(board_member)
    # Another board's place does not exist for this user: 404 everywhere, so ids cannot be enumerated.
    assert client.get(reverse("places:edit", args=[other.pk])).status_code == 404
    assert client.post(reverse("places:edit", args=[other.pk]), {"opening_hours": "x"}).status_code == 404
    assert client.get(reverse("places:detail", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.opening_hours != "x"
    listed = client.get(reverse("places:list")).content.decode()
    assert "Eigen plek" in listed and "Andere plek" not in listed


API = [
    ("get", "/api/v1/places", ALL),
    ("post", "/api/v1/places", KEEPERS),
    ("get", "/api/v1/places/{id}", ALL),
    ("patch", "/api/v1/places/{id}", KEEPERS | {Role.BOARD_MEMBER}),
    ("get", "/api/v1/neighbourhoods", ALL),
    ("get", "/api/v1/neighbourhoods/BU09350207", ALL),
]
BODIES = {"post": {"name": "Nieuwe huiskamer", "type": "living_room", "neighbourhood": "BU09350207"},
          "patch": {"openingHours": "wo 10-12"}}


@pytest.mark.parametrize("role", sorted(Role))
@pytest.mark.parametrize(("method", "path", "allowed"), API, ids=[f"{m} {p}" for m, p, _ in API])
def test_api_access_by_role(client, user_with_role, own_place, role, method, path, allowed):
    user = user_with_role(role)
    if role == Role.BOARD_MEMBER:
        own_place.board_accounts.add(user)
    client.force_login(user)
    response = getattr(client, method)(path.format(id=own_place.pk), BODIES.get(method),
                                       content_type="application/json")
    assert (response.status_code in (200, 201)) == (role in allowed), f"{role} {method} {path}: {response.content!r}"
    if role not in allowed:
        assert response.status_code == 403


@pytest.mark.parametrize(("method", "path", "allowed"), API, ids=[f"{m} {p}" for m, p, _ in API])
def test_api_without_credentials_is_401(client, own_place, method, path, allowed):
    response = getattr(client, method)(path.format(id=own_place.pk), BODIES.get(method),
                                       content_type="application/json")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def _patterns(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_every_view_declares_who_may_use_it():
    undeclared = []
    for route, callback in _patterns(get_resolver()):
        view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
        if getattr(callback, "allowed_roles", None):
            continue
        if view_class is not None and hasattr(view_class, "permission_classes"):
            if RolePermission in view_class.permission_classes and getattr(view_class, "read_roles", None):
                continue
            if getattr(view_class, "read_roles", None) == PUBLIC:
                continue
        undeclared.append(route)
    assert undeclared == []
