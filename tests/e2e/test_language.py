"""The language switch in the header: the interface speaks English on request and Dutch again after."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ontmoet.accounts.roles import Role


@pytest.fixture(scope="module", autouse=True)
def _compiled_catalogues() -> None:
    """The .mo files are built by `make install`; build them here too when missing or older than the .po."""
    from django.conf import settings
    from django.test.signals import setting_changed

    from ontmoet.core.translations import LOCALE_DIR, compile_all

    stale = [po for po in LOCALE_DIR.glob("*/LC_MESSAGES/*.po")
             if not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime]
    if stale:
        compile_all()
        # Django keeps loaded catalogues per process: let it read the new ones.
        setting_changed.send(sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=True)


def test_the_register_switches_to_english_and_back_to_dutch(page, login, assert_accessible):
    login(page, Role.POLICY_OFFICER)
    page.goto("/register/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Register van ontmoetingsplekken")

    page.get_by_role("button", name=re.compile(r"^EN\b")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register of meeting places")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("/register/")
    expect(page.get_by_role("button", name=re.compile(r"^EN\b"))).to_have_attribute("aria-current", "true")
    expect(page.get_by_role("link", name="Financial framework")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name=re.compile(r"^NL\b")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register van ontmoetingsplekken")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
