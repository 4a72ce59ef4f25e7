"""The start page in the browser on the demo data (A18): a board member's own places, an officer's overview;
axe-core on each."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ontmoet.accounts.demo import DEMO_PASSWORD
from tests.e2e.conftest import log_in


@pytest.fixture
def demo(transactional_db):  # type: ignore[no-untyped-def]
    from ontmoet.core.demo import load_demo

    load_demo()


def _demo_login(page, username: str) -> None:  # type: ignore[no-untyped-def]
    log_in(page, username, DEMO_PASSWORD)


def test_the_demo_board_member_lands_on_their_own_places(page, live_server, demo, assert_accessible):
    _demo_login(page, "bestuur")
    panel = page.get_by_role("region", name="Uw plekken")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("article").first).to_contain_text("Bestuursvoorwaarde Ogh")
    expect(panel.get_by_role("link", name="Gegevens bijwerken").first).to_be_visible()
    expect(page.get_by_role("region", name="Register: de plafonds vandaag")).to_have_count(0)
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


@pytest.mark.parametrize("username", ["beleid", "beheer"])
def test_officers_land_on_the_caps_scheduled_changes_recent_changes_and_tiles(page, live_server, demo,
                                                                             assert_accessible, username):
    _demo_login(page, username)
    caps = page.get_by_role("region", name="Register: de plafonds vandaag")
    expect(caps).to_contain_text("van maximaal 20")
    expect(caps).to_contain_text("Geplande typewijzigingen")
    expect(page.get_by_role("region", name="Recente wijzigingen")).to_be_visible()
    tiles = page.get_by_role("list", name="Waar wilt u aan werken?")
    expect(tiles).to_contain_text("Alle ontmoetingsplekken met type, adres, pand en bestuur")
    if username == "beheer":
        expect(tiles).to_contain_text("Accounts, rollen, plekken van bestuursleden")
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.screenshot(path=f"/tmp/uip/start-{username}-320.png", full_page=True)
    assert_accessible(page)
