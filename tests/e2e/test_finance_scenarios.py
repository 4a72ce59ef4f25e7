"""The financial framework in a real browser: create a scenario, see the difference against the plan, download
Excel; axe-core on every page passed."""

from __future__ import annotations

import io
import re
from pathlib import Path

from openpyxl import load_workbook

from ontmoet.accounts.roles import Role
from tests.factories_finance import InvestmentProjectFactory, LedgerEntryFactory


def test_officer_creates_a_scenario_sees_the_difference_and_downloads_excel(page, login, assert_accessible):
    login(page, Role.POLICY_OFFICER)
    page.get_by_role("link", name="Financieel kader").first.click()
    table = page.get_by_role("table", name=re.compile("Indicatie van benodigde middelen"))
    assert "1.636" in table.inner_text() and "3.017" in table.inner_text()
    assert page.get_by_role("img", name="Kosten per bouwsteen per jaar").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Nieuw scenario").first.click()
    page.get_by_label("Naam van het scenario").fill("Minder ontmoetingscentra")
    page.get_by_label("Aantal Ontmoetingscentra 2027").fill("10")
    page.get_by_label("Aantal Huizen van de Wijk 2027").fill("3")
    assert_accessible(page)

    page.get_by_role("button", name="Verschil met het plan tonen").click()
    preview = page.locator("#preview")
    preview.get_by_text("plan 1.184, verschil +96").wait_for()  # B1 2027: −2 × 62,000 + 220,000
    assert "plan 525, verschil −38" in preview.inner_text()  # B3 2027: one place × ¼ fte × 150,000 less
    assert_accessible(page)

    page.get_by_role("button", name="Scenario opslaan").click()
    page.get_by_role("heading", name="Scenario: Minder ontmoetingscentra").wait_for()
    page.get_by_text("Scenario 'Minder ontmoetingscentra' is opgeslagen.").wait_for()
    changed = page.locator("td.finance-changed")
    assert changed.count() == 6  # OC, HvdW, B1, B3, subtotal, net need of 2027
    assert all(cell.get_attribute("data-column") == "2027" for cell in changed.all())
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel-werkmap met formules (.xlsx)").click()
    download = download_info.value
    assert download.suggested_filename.endswith("minder-ontmoetingscentra.xlsx")
    workbook = load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    parameters = workbook["Parameters"]
    assert parameters["C4"].value == 10 and parameters["C5"].value == 3  # 2027 is the second year column
    assert workbook["Begroting"]["C6"].value.startswith("=Parameters!C4")


def test_other_finance_pages_are_accessible(page, login, assert_accessible, transactional_db):
    InvestmentProjectFactory(name="Huis van de Wijk Pottenberg")
    LedgerEntryFactory(amount=62_000)
    login(page, Role.FINANCE_ADVISOR)
    page.goto("/financien/investeringen")
    assert_accessible(page)
    page.get_by_role("link", name="Huis van de Wijk Pottenberg").click()
    page.get_by_role("heading", name="Huis van de Wijk Pottenberg").wait_for()
    assert_accessible(page)
    page.goto("/financien/verplichtingen")
    assert "€ 62.000" in page.get_by_role("table", name=re.compile("Budget, verplichtingen")).inner_text()
    assert_accessible(page)
    page.goto("/financien/onzekerheid")
    page.get_by_label("Aantal trekkingen").fill("500")
    page.get_by_role("button", name="Bandbreedte berekenen").click()
    page.get_by_text("500 trekkingen, startgetal").wait_for()
    assert page.get_by_role("img", name="Bandbreedte van het benodigde bedrag per jaar").is_visible()
    assert_accessible(page)
