"""Two-factor authentication (accounts.two_factor, ADR 0032): staff pass a TOTP step before any page opens, board
members only when they chose it; wrong codes are refused, throttled and audited; recovery codes work once; an
administrator (or ``ontmoet reset_2fa``) removes the devices; API tokens are not affected."""

from __future__ import annotations

import io
import re
import subprocess
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from ontmoet.accounts import two_factor
from ontmoet.accounts.models import User
from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import token_issue
from ontmoet.core.audit import audit_events_for
from ontmoet.core.models import AuditEvent
from tests.factories import UserFactory
from tests.integration.test_cli_subprocess import ONTMOET, cli_env  # noqa: F401  # the fixture
from tests.two_factor import code_at, current_code, force_login_unverified, verified_device

pytestmark = pytest.mark.django_db

SETUP = reverse("accounts:two_factor_setup")
VERIFY = reverse("accounts:two_factor_verify")
STAFF_PAGE = "/register/"


def _location(response) -> str:  # type: ignore[no-untyped-def]
    return response["Location"].split("?")[0]


def _actions(user: User) -> list[str]:
    return list(audit_events_for(user).values_list("action", flat=True))


@pytest.fixture
def officer():
    return UserFactory(username="officier", role=Role.POLICY_OFFICER)


def test_staff_without_a_device_is_sent_to_enrolment_before_any_page(client, officer):
    force_login_unverified(client, officer)
    for path in (STAFF_PAGE, "/", reverse("accounts:account")):
        response = client.get(path)
        assert response.status_code == 302 and _location(response) == SETUP, path
    assert client.get(STAFF_PAGE)["Location"].endswith("?next=/register/")


def test_enrolment_shows_a_local_qr_code_and_the_secret_and_a_right_code_confirms_it(client, officer):
    force_login_unverified(client, officer)
    page = client.get(SETUP)
    html = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    svg = "<svg" + html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'class="ontmoet-qr"' in svg and 'role="img"' in svg and "<path" in svg
    assert "style=" not in svg  # the CSP forbids inline styles
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # drawn here, nothing fetched
    secret = re.search(r'data-secret>([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    key = client.session[two_factor.PENDING_KEY]
    assert two_factor.secret_text(key).replace(" ", "") == secret

    wrong = client.post(SETUP, {"code": "000000" if code_at(key, 0) != "000000" else "111111"})
    assert wrong.status_code == 400 and "Deze code klopt niet" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=officer).exists()

    done = client.post(SETUP, {"code": code_at(key, int(time.time()) // 30), "next": STAFF_PAGE})
    assert done.status_code == 302 and _location(done) == reverse("accounts:recovery_codes")
    codes_page = client.get(done["Location"])
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page.content.decode())
    assert len(codes) == 10 and codes_page["Cache-Control"] == "no-store"
    assert f'href="{STAFF_PAGE}"' in codes_page.content.decode()
    assert client.get(reverse("accounts:recovery_codes")).status_code == 302  # shown once
    assert client.get(STAFF_PAGE).status_code == 200  # this session passed the second step
    assert TOTPDevice.objects.get(user=officer).confirmed
    assert "otp_enrol" in _actions(officer) and "otp_failure" in _actions(officer)


def test_staff_with_a_device_must_give_a_code_before_pages_open(client, officer):
    verified_device(officer)
    force_login_unverified(client, officer)
    response = client.get(STAFF_PAGE)
    assert response.status_code == 302 and _location(response) == VERIFY
    assert client.get(SETUP).status_code == 302  # no second device behind the first one's back
    answer = client.post(VERIFY, {"code": current_code(officer), "next": STAFF_PAGE})
    assert answer.status_code == 302 and answer["Location"] == STAFF_PAGE
    assert client.get(STAFF_PAGE).status_code == 200


def test_a_wrong_code_is_refused_in_dutch_and_audited(client, officer):
    device = verified_device(officer)
    force_login_unverified(client, officer)
    right = current_code(officer)
    wrong = next(c for c in ("123456", "654321") if c != right)
    answer = client.post(VERIFY, {"code": wrong})
    assert answer.status_code == 400
    assert "Deze code klopt niet" in answer.content.decode()
    assert client.get(STAFF_PAGE).status_code == 302
    assert _actions(officer).count("otp_failure") == 1
    assert device.pk is not None


def test_wrong_codes_count_in_the_login_throttle(client, officer, settings):
    settings.LOGIN_MAX_FAILURES_ACCOUNT = 3
    verified_device(officer)
    force_login_unverified(client, officer)
    for _i in range(3):
        client.post(VERIFY, {"code": "99999x"})
    refused = client.post(VERIFY, {"code": current_code(officer)})
    assert refused.status_code == 400 and "Te veel mislukte pogingen" in refused.content.decode()
    assert client.get(STAFF_PAGE).status_code == 302
    assert AuditEvent.objects.filter(action="login_lockout").exists()


def test_a_recovery_code_works_once(client, officer):
    _device, codes = two_factor.enrol(user=officer, key=two_factor.new_key(), by=None)
    force_login_unverified(client, officer)
    answer = client.post(VERIFY, {"code": codes[0].upper(), "next": STAFF_PAGE}, follow=True)
    assert answer.redirect_chain[0] == (STAFF_PAGE, 302)
    assert "nog 9" in answer.content.decode()
    assert StaticToken.objects.filter(device__user=officer).count() == 9
    assert "otp_recovery_used" in _actions(officer)

    other = client.__class__()
    force_login_unverified(other, officer)
    again = other.post(VERIFY, {"code": codes[0]})
    assert again.status_code == 400
    assert other.get(STAFF_PAGE).status_code == 302


def test_new_recovery_codes_replace_the_old(client, officer):
    _device, codes = two_factor.enrol(user=officer, key=two_factor.new_key(), by=None)
    client.force_login(officer)
    response = client.post(reverse("accounts:account"))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "de oude werken niet meer" in page
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(new) == 10 and not set(new) & set(codes)
    assert set(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True)) == set(new)
    assert "otp_recovery_renew" in _actions(officer)


def test_a_board_member_without_a_device_is_not_asked(client, board_member):
    force_login_unverified(client, board_member)
    assert client.get("/").status_code == 200
    account = client.get(reverse("accounts:account"))
    assert account.status_code == 200 and reverse("accounts:two_factor_setup") in account.content.decode()


def test_a_board_member_who_enrolled_is_asked_at_the_next_login(client, board_member):
    force_login_unverified(client, board_member)
    key = client.get(SETUP) and client.session[two_factor.PENDING_KEY]
    assert client.post(SETUP, {"code": code_at(key, int(time.time()) // 30)}).status_code == 302
    assert client.get("/").status_code == 200
    client.logout()
    force_login_unverified(client, board_member)
    response = client.get("/")
    assert response.status_code == 302 and _location(response) == VERIFY
    assert client.post(VERIFY, {"code": current_code(board_member)}).status_code == 302
    assert client.get("/").status_code == 200


def test_the_api_with_a_session_needs_the_second_step_and_with_a_token_does_not(client, officer):
    force_login_unverified(client, officer)
    answer = client.get("/api/v1/places")
    assert answer.status_code == 403 and answer["Content-Type"] == "application/problem+json"
    assert "tweestapsverificatie" in answer.json()["detail"]
    other_scheme = client.get("/api/v1/places", HTTP_AUTHORIZATION="Basic b2ZmaWNpZXI6eA==")
    assert other_scheme.status_code == 403  # only a token header leaves the session out ...
    assert client.get("/api/v1/places", HTTP_AUTHORIZATION="Bearer onzin").status_code == 401  # ... and is checked
    key = token_issue(user=officer, by=None)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/v1/places").status_code == 200


def test_an_administrator_removes_the_devices_and_it_is_audited(client, officer):
    verified_device(officer)
    admin = UserFactory(username="beheerder", role=Role.ADMINISTRATOR)
    client.force_login(admin)
    detail = client.get(reverse("accounts:user_detail", args=[officer.pk])).content.decode()
    assert "Tweestapsverificatie wissen" in detail
    response = client.post(reverse("accounts:two_factor_reset", args=[officer.pk]), follow=True)
    assert "is gewist" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=officer).exists()
    event = audit_events_for(officer).get(action="otp_reset")
    assert event.actor_name == "beheerder"
    again = client.post(reverse("accounts:two_factor_reset", args=[officer.pk]), follow=True)
    assert "had geen tweestapsverificatie" in again.content.decode()

    officer_client = client.__class__()
    force_login_unverified(officer_client, officer)
    assert _location(officer_client.get(STAFF_PAGE)) == SETUP  # enrols again


def test_a_session_verified_by_a_removed_device_must_pass_the_step_again(client, officer):
    from ontmoet.accounts.services import two_factor_reset

    client.force_login(officer)
    assert client.get(STAFF_PAGE).status_code == 200
    two_factor_reset(user=officer, by=None)
    assert _location(client.get(STAFF_PAGE)) == SETUP


def test_reset_2fa_on_the_command_line(cli_env):  # noqa: F811
    def ontmoet(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(ONTMOET), *args], env=cli_env, capture_output=True, text=True, timeout=300,
                              check=False)

    assert ontmoet("create_user", "telefoonkwijt", "--role", "grant_officer", "--password", "").returncode == 0
    assert ontmoet("load_demo").returncode == 0  # enrols the demo staff
    gone = ontmoet("reset_2fa", "beleid")
    assert gone.returncode == 0, gone.stderr
    assert "Tweestapsverificatie van beleid gewist" in gone.stdout
    none = ontmoet("reset_2fa", "telefoonkwijt")
    assert none.returncode == 0 and "had geen tweestapsverificatie" in none.stdout
    unknown = ontmoet("reset_2fa", "niemand")
    assert unknown.returncode != 0 and "Onbekende gebruiker 'niemand'" in unknown.stderr
    logins = ontmoet("demo_logins")
    assert "beleid       Beleidsmedewerker\n" in logins.stdout  # no longer enrolled
    assert "subsidie     Subsidiebehandelaar  – met tweestapsverificatie" in logins.stdout


def test_demo_logins_prints_the_demo_secret_and_a_working_code():
    from ontmoet.accounts.demo import DEMO_TOTP_KEY, DEMO_TOTP_SECRET, demo_totp_code, load_accounts_demo

    load_accounts_demo()
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    assert f"geheime sleutel {DEMO_TOTP_SECRET}" in out.getvalue()
    assert f"oathtool --totp -b {DEMO_TOTP_SECRET}" in out.getvalue()
    code = io.StringIO()
    call_command("demo_logins", "--code", stdout=code)
    assert code.getvalue().strip() == demo_totp_code()
    assert two_factor.matched_step(DEMO_TOTP_KEY, code.getvalue()) is not None
    assert TOTPDevice.objects.filter(user__username="beleid", key=DEMO_TOTP_KEY, confirmed=True).exists()


def test_before_the_second_step_only_logging_out_and_the_language_switch_open(client, officer):
    force_login_unverified(client, officer)
    assert client.post(reverse("set_language"), {"language": "en", "next": SETUP}).status_code == 302
    assert "Set up two-factor authentication" in client.get(SETUP).content.decode()
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(STAFF_PAGE)["Location"].startswith(reverse("accounts:login"))
