"""A board member registers a weekly series; the officers' dashboard's activity count and resident share change
accordingly; the public dashboard is axe-clean; a data analyst locks the year (issue 11, acceptance 2)."""

from __future__ import annotations

import datetime as dt

import pytest

from ontmoet.accounts.roles import Role
from tests.factories import PlaceFactory
from tests.factories_activities import ActivityFactory


@pytest.fixture
def meeting_centre(transactional_db):
    from ontmoet.activities.tallies import recount_range
    from ontmoet.places.models import Neighbourhood

    malberg = Neighbourhood.objects.get(code="BU09350207")
    place = PlaceFactory(name="Ontmoetingscentrum De Linde", type="meeting_centre", since=dt.date(2020, 1, 1),
                         neighbourhood=malberg, latitude=malberg.label_latitude,
                         longitude=malberg.label_longitude)
    ActivityFactory(place=place, date=dt.date(2026, 2, 1), initiated_by="board", organised_by="board")
    recount_range(None, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    return place


def _officer_figures(page) -> tuple[str, str]:
    page.goto("/monitoring/?jaar=2026")
    total = page.locator("#activity-total").inner_text()
    share = page.locator('#indicators tr[data-key="resident_initiated_activities"] [data-value]').inner_text()
    return total, share


def test_board_member_registers_a_weekly_series_and_the_dashboards_follow(browser, live_server, page, login,
                                                                          meeting_centre, assert_accessible):
    officer = browser.new_context(base_url=live_server.url, locale="nl-NL")
    officer_page = officer.new_page()
    login(officer_page, Role.POLICY_OFFICER)
    total, share = _officer_figures(officer_page)
    assert total == "1 activiteit in 2026." and share.startswith("0,0%")
    assert_accessible(officer_page)

    board_member = login(page, Role.BOARD_MEMBER)
    meeting_centre.board_accounts.add(board_member)
    page.goto("/activiteiten/")
    page.get_by_role("link", name="Activiteit registreren").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Koffieochtend")
    page.get_by_label("Datum").fill("2026-03-02")
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Eindtijd").fill("12:00")
    page.get_by_label("Wie nam het initiatief?").select_option("residents")
    page.get_by_label("Wie organiseert het?").select_option("residents")
    page.get_by_label("Aantal deelnemers (schatting)").fill("14")
    page.get_by_label("Herhalen", exact=True).select_option("weekly")
    page.get_by_label("Herhalen tot en met").fill("2026-03-30")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De reeks is geregistreerd: 5 keer.").wait_for()
    page.get_by_label("Vanaf").fill("2026-03-01")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url("**vanaf=2026-03-01**")
    assert page.locator("#activities tbody tr").count() == 5
    assert_accessible(page)

    total, share = _officer_figures(officer_page)
    assert total == "6 activiteiten in 2026."
    assert share.startswith("83,3%")  # 5 of 6 activities at the OC were the residents' own

    # Cancel one date of the series: the dashboard no longer counts it.
    page.get_by_role("link", name="Laten vervallen Koffieochtend 9-3-2026").click()
    page.get_by_role("button", name="Ja, laten vervallen").click()
    page.get_by_text("De activiteit vervalt.").wait_for()
    total, share = _officer_figures(officer_page)
    assert total == "5 activiteiten in 2026." and share.startswith("80,0%")

    # Edit all dates of the series from one of them: the organiser changes everywhere.
    page.goto("/activiteiten/?vanaf=2026-03-01")
    page.get_by_role("link", name="Wijzigen Koffieochtend 16-3-2026").click()
    assert_accessible(page)
    page.get_by_label("Wie organiseert het?").select_option("board")
    page.get_by_label("Wijzigen voor").select_option("all")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De wijzigingen zijn opgeslagen.").wait_for()
    _total, share = _officer_figures(officer_page)
    assert share.startswith("80,0%")  # still initiated by residents: initiated and/or organised counts

    visitor = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    visitor.goto("/monitoring/openbaar")
    visitor.get_by_label("Jaar", exact=True).select_option("2026")
    visitor.get_by_role("button", name="Tonen").click()
    visitor.wait_for_url("**jaar=2026**")
    assert "80,0%" in visitor.locator("#indicators").inner_text()
    assert "Ontmoetingscentrum De Linde" not in visitor.content()
    assert_accessible(visitor)
    officer.close()


def test_data_analyst_locks_the_figures_of_a_year(page, login, meeting_centre, assert_accessible):
    login(page, Role.DATA_ANALYST)
    page.goto("/monitoring/?jaar=2026")
    page.get_by_role("link", name="Cijfers van 2026 vaststellen").click()
    assert_accessible(page)
    page.get_by_role("button", name="Vaststellen").click()
    page.get_by_text("De cijfers van 2026 zijn vastgesteld (versie 1).").wait_for()
    page.goto("/monitoring/vaststellen?jaar=2026")
    page.get_by_role("button", name="Vaststellen").click()
    page.get_by_text("zeg waarom ze opnieuw worden vastgesteld").wait_for()
    page.get_by_label("Toelichting").fill("Nagekomen activiteiten")
    page.get_by_role("button", name="Vaststellen").click()
    page.get_by_text("De cijfers van 2026 zijn vastgesteld (versie 2).").wait_for()
