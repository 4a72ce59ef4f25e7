"""The register's page links in the browser: filter, go to the next page, the filter stays (B5)."""

from __future__ import annotations

from playwright.sync_api import expect

from ontmoet.accounts.roles import Role
from tests.factories import PlaceFactory


def test_paging_through_a_filtered_register_keeps_the_filter(page, live_server, login, assert_accessible):
    for i in range(70):
        PlaceFactory(name=f"Plek {i:03d}", type="living_room" if i % 2 else "social_restaurant")
    login(page, Role.POLICY_OFFICER)
    page.goto("/register/")
    expect(page.locator("caption")).to_have_text("70 plekken gevonden, 1–50 op deze pagina")
    page.get_by_label("Type").select_option("living_room")
    expect(page.locator("caption")).to_have_text("35 plekken gevonden")  # one page: no page links
    expect(page.get_by_role("navigation", name="Pagina’s van het register")).to_have_count(0)

    page.get_by_label("Type").select_option("")
    expect(page.locator("caption")).to_have_text("70 plekken gevonden, 1–50 op deze pagina")
    assert_accessible(page)
    page.get_by_role("link", name="Volgende").click()
    expect(page.locator("caption")).to_have_text("70 plekken gevonden, 51–70 op deze pagina")
    expect(page.get_by_role("link", name="Pagina 2")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("rowheader").first).to_contain_text("Plek 050")
    assert_accessible(page)
