"""Two-factor authentication in a real browser: a member of staff enrols with the secret shown on the page, logs
out, logs in again with a TOTP code, and without the code no staff page opens (ADR 0032)."""

from __future__ import annotations

import base64
import re
import time

from playwright.sync_api import expect

from ontmoet.accounts.roles import Role
from tests.e2e.conftest import PASSWORD, VERIFY_PATH
from tests.factories import UserFactory
from tests.two_factor import code_at, current_code

STAFF_PAGES = ["/register/", "/subsidies/", "/accounts/account", "/"]


def _password_step(page, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/accounts/login")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/accounts/login" not in url)


def test_staff_enrol_log_out_and_log_in_with_a_code(page, live_server, transactional_db, assert_accessible):
    user = UserFactory(username="e2e-tweestaps", role=Role.GRANT_OFFICER, password=PASSWORD)
    _password_step(page, user.username)
    assert "/accounts/tweestapsverificatie/instellen" in page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.get_by_role("img", name="QR-code om Ontmoet aan uw authenticator-app toe te voegen")).to_be_visible()
    assert_accessible(page)
    for path in STAFF_PAGES:  # nothing opens before the enrolment
        page.goto(path)
        assert "/accounts/tweestapsverificatie/instellen" in page.url, path

    secret = page.locator("[data-secret]").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8)).hex()
    page.get_by_label("Code uit de app").fill("000000" if code_at(key, 1) != "000000" else "111111")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_text("Deze code klopt niet.")).to_be_visible()
    page.get_by_label("Code uit de app").fill(code_at(key, int(time.time()) // 30))
    page.get_by_role("button", name="Bevestigen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")
    codes = page.locator(".ontmoet-recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", c) for c in codes)
    assert_accessible(page)
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    page.goto("/register/")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Tweestapsverificatie")

    page.get_by_role("button", name="Uitloggen").click()
    _password_step(page, user.username)
    assert VERIFY_PATH in page.url and "instellen" not in page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    assert_accessible(page)
    for path in STAFF_PAGES:  # without the code no staff page opens
        page.goto(path)
        assert VERIFY_PATH in page.url and "instellen" not in page.url, path
    page.get_by_label("Code uit de app of herstelcode").fill("12345x")
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_text("Deze code klopt niet.")).to_be_visible()
    page.get_by_label("Code uit de app of herstelcode").fill(current_code(user))
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url(lambda url: VERIFY_PATH not in url)
    assert page.url.endswith("/")  # the last page asked for
    page.goto("/register/")
    assert VERIFY_PATH not in page.url
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_recovery_code_logs_in_once(page, live_server, transactional_db):
    from ontmoet.accounts import two_factor

    user = UserFactory(username="e2e-herstel", role=Role.POLICY_OFFICER, password=PASSWORD)
    _device, codes = two_factor.enrol(user=user, key=two_factor.new_key(), by=None)
    _password_step(page, user.username)
    page.get_by_label("Code uit de app of herstelcode").fill(codes[3])
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url(lambda url: VERIFY_PATH not in url)
    expect(page.get_by_text("U hebt een herstelcode gebruikt; u hebt er nog 9.")).to_be_visible()
