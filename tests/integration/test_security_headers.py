"""Security headers and sessions (issue: reliability and security, point 3 and 1): CSP without unsafe-inline or
unsafe-eval whose nonce the page's own inline elements carry, Permissions-Policy, no-store on every answer to a
logged-in user, htmx without eval, sessions that end with the browser and after an idle period."""

from __future__ import annotations

import re
import time

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.accounts.sessions import LAST_SEEN
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, str]:
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] if " " in part else ""
            for part in (p.strip() for p in response["Content-Security-Policy"].split(";"))}


def test_pages_have_a_strict_csp_whose_nonce_the_inline_elements_carry(client, user_with_role):
    client.force_login(user_with_role(Role.POLICY_OFFICER))
    PlaceFactory()
    response = client.get("/register/kaart")
    policy = _csp(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    nonce = re.search(r"'nonce-([^']+)'", policy["script-src"]).group(1)
    html = response.content.decode()
    inline = re.findall(r"<(script|style)(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline, "the map page has an inline style for its buurt names"
    for _tag, attributes in inline:
        assert f'nonce="{nonce}"' in attributes
    assert ' style="' not in html and " onclick=" not in html
    second = client.get("/register/kaart")
    assert _csp(second)["script-src"] != policy["script-src"]  # a new nonce per answer


def test_htmx_runs_without_eval(client, user_with_role):
    client.force_login(user_with_role(Role.POLICY_OFFICER))
    html = client.get("/register/").content.decode()
    assert '"allowEval": false' in html


@pytest.mark.parametrize("path", ["/register/", "/register/export.csv", "/register/export.xlsx", "/"])
def test_answers_to_a_logged_in_user_are_never_stored(client, user_with_role, path):
    client.force_login(user_with_role(Role.POLICY_OFFICER))
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Permissions-Policy"].startswith("accelerometer=()")
    assert "geolocation=(self)" in response["Permissions-Policy"]


def test_the_api_keeps_its_own_headers(client, user_with_role):
    client.force_login(user_with_role(Role.POLICY_OFFICER))
    response = client.get("/api/v1/places")
    assert response["Content-Security-Policy"] == "frame-ancestors 'none'"
    assert response["Cache-Control"] == "no-store"


def test_sessions_end_when_the_browser_closes(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600


@pytest.mark.parametrize(("role", "idle", "still_in"), [
    (Role.POLICY_OFFICER, 29 * 60, True),
    (Role.POLICY_OFFICER, 31 * 60, False),
    (Role.BOARD_MEMBER, 31 * 60, True),
    (Role.BOARD_MEMBER, 121 * 60, False),
])
def test_a_session_ends_after_the_idle_period_of_the_role(client, user_with_role, role, idle, still_in):
    client.force_login(user_with_role(role))
    session = client.session
    session[LAST_SEEN] = int(time.time()) - idle
    session.save()
    response = client.get("/register/")
    if still_in:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login")
        assert client.get("/register/").status_code == 302  # logged out, not only redirected once
        page = client.get(response["Location"]).content.decode()
        assert "niet actief" in page


def test_an_active_session_writes_its_time_at_most_once_a_minute(client, user_with_role):
    client.force_login(user_with_role(Role.POLICY_OFFICER))
    client.get("/register/")
    first = client.session[LAST_SEEN]
    client.get("/register/")
    assert client.session[LAST_SEEN] == first
