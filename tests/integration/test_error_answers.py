"""Error answers with DEBUG off: styled pages in the interface language, problem+json under /api/ (A9).

The expected texts are the ones the issue asks for (a title a person understands, the site header, a way
back); the English is the catalogue's.
"""

from __future__ import annotations

import json
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from ontmoet.accounts.roles import Role
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def _page(response) -> str:  # type: ignore[no-untyped-def]
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def _problem(response) -> dict:  # type: ignore[no-untyped-def]
    assert response["Content-Type"] == "application/problem+json"
    return json.loads(response.content)


def test_unknown_page_is_the_styled_404_in_dutch_with_header_and_way_back(client):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    html = _page(response)
    assert "<h1 class=\"utrecht-heading-1\">Pagina niet gevonden</h1>" in html
    assert 'class="ontmoet-header"' in html and "component-library.css" in html
    assert f'href="{reverse("home")}"' in html and "Naar de startpagina" in html
    assert 'lang="nl"' in html and "Foutcode: 404" in html
    assert "Traceback" not in html and "Using the URLconf" not in html


def test_404_speaks_english_when_the_user_chose_english(client):
    client.cookies["django_language"] = "en"
    response = client.get("/bestaat-niet")
    html = _page(response)
    assert response.status_code == 404
    assert "Page not found" in html and "To the home page" in html and 'lang="en"' in html
    assert response["Content-Language"] == "en"


def test_404_links_back_to_a_page_of_this_site_only(client):
    back = client.get("/bestaat-niet", HTTP_REFERER="http://testserver/register/")
    assert 'href="http://testserver/register/"' in _page(back)
    elsewhere = client.get("/bestaat-niet", HTTP_REFERER="https://evil.example/")
    assert "evil.example" not in _page(elsewhere)


def test_another_boards_place_is_a_404_that_discloses_nothing(client, user_with_role):
    member = user_with_role(Role.BOARD_MEMBER)
    other = PlaceFactory(name="Andere plek")
    client.force_login(member)
    html = _page(client.get(reverse("places:detail", args=[other.pk])))
    assert "Pagina niet gevonden" in html and "Andere plek" not in html and "MeetingPlace" not in html


def test_403_is_styled_with_the_header_and_gives_the_reason(client, user_with_role):
    client.force_login(user_with_role(Role.BOARD_MEMBER))
    response = client.get(reverse("places:create"))
    assert response.status_code == 403
    html = _page(response)
    assert "<h1 class=\"utrecht-heading-1\">Geen toegang</h1>" in html
    assert "U hebt geen rol die deze handeling mag uitvoeren." in html
    assert "Uitloggen" in html  # the header with the user's tools
    assert "Inloggen</a>" not in html  # logged in: no way in offered


def test_403_of_a_page_outside_the_role(client, user_with_role):
    client.force_login(user_with_role(Role.BOARD_MEMBER))
    html = _page(client.get(reverse("places:map")))
    assert "Geen toegang" in html and "U hebt geen rol die deze handeling mag uitvoeren." in html


def test_csrf_failure_is_a_styled_page_that_explains_what_to_do():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"},
                           HTTP_REFERER="http://testserver/accounts/login")
    assert response.status_code == 403
    html = _page(response)
    assert "Formulier verlopen" in html and "vernieuw de pagina" in html
    assert 'href="http://testserver/accounts/login"' in html and "Terug naar het formulier" in html
    assert "cookie not set" not in html  # Django's technical reason is logged, not shown


def test_unknown_host_is_a_styled_400():
    response = Client(HTTP_HOST="evil.example").get("/")
    assert response.status_code == 400
    assert "Ongeldig verzoek" in _page(response)


@pytest.fixture
def failing_urls(settings):
    settings.ROOT_URLCONF = "tests.integration.error_urls"


def test_a_bug_is_a_styled_500_without_traceback(failing_urls):
    response = Client(raise_request_exception=False).get("/kapot")
    assert response.status_code == 500
    html = _page(response)
    assert "Er ging iets mis" in html and "De fout is vastgelegd" in html and 'class="ontmoet-header"' in html
    assert "a bug" not in html and "RuntimeError" not in html


def test_the_500_page_still_answers_when_the_page_context_fails(failing_urls):
    with mock.patch("ontmoet.core.context_processors.navigation_for", side_effect=RuntimeError("db down")):
        response = Client(raise_request_exception=False).get("/kapot")
    assert response.status_code == 500
    assert "Er ging iets mis" in _page(response)


@pytest.mark.parametrize("path", ["/api/v1/bestaat-niet", "/api/v1/places/", "/api/v2/places"])
def test_unknown_api_paths_answer_problem_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    problem = _problem(response)
    assert (problem["type"], problem["title"], problem["status"]) == ("about:blank", "Niet gevonden", 404)
    assert problem["detail"]


def test_a_bug_under_the_api_is_problem_json(failing_urls):
    response = Client(raise_request_exception=False).get("/api/v1/kapot")
    assert response.status_code == 500
    problem = _problem(response)
    assert (problem["status"], problem["title"]) == (500, "Interne fout")
    assert "a bug" not in response.content.decode()


def test_an_api_endpoint_still_answers_its_own_problem_json(client):
    response = client.get("/api/v1/places")  # no token
    assert response.status_code in {401, 403}
    assert _problem(response)["status"] == response.status_code
