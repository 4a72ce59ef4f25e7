"""Investment amounts typed in Dutch notation through the page (issue 7, A10): ``1.500.000,00`` and
``€ 2.000.000`` are read as whole euros, ``5,69`` is refused with its reason and kept; axe-core on the form."""

from __future__ import annotations

from playwright.sync_api import expect

from ontmoet.accounts.roles import Role


def test_an_investment_is_entered_in_dutch_notation(page, login, transactional_db, assert_accessible):
    from ontmoet.finance.models import InvestmentProject

    login(page, Role.POLICY_OFFICER)
    page.goto("/financien/investeringen/nieuw")
    assert_accessible(page)
    low = page.get_by_label("Investering vanaf")
    assert low.get_attribute("type") == "text" and low.get_attribute("inputmode") == "decimal"
    page.get_by_label("Naam", exact=True).fill("HvdW Malberg")
    low.fill("5,69")
    page.get_by_label("Investering tot en met").fill("€ 2.000.000")
    page.get_by_label("Rente").fill("2,25")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_amount_min_error")).to_have_text("Geef een bedrag in hele euro's, bijvoorbeeld 62.000.")
    assert low.input_value() == "5,69"
    assert_accessible(page)

    low.fill("1.500.000,00")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(lambda url: "/nieuw" not in url)
    project = InvestmentProject.objects.get(name="HvdW Malberg")
    assert (project.amount_min, project.amount_max) == (1_500_000, 2_000_000)
    assert str(project.interest_rate) == "0.022500"
    expect(page.locator("main")).to_contain_text("€ 1.500.000 – € 2.000.000")
