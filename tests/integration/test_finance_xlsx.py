"""The Excel export computes the table with live formulas: LibreOffice recalculates it to the model's numbers.

LibreOffice (Debian ``libreoffice-calc``/``-nogui``) converts the workbook headless with its own profile; the
recalculated values are read back with openpyxl ``data_only=True``. Skipped locally without ``soffice``; a
failure in CI, where it must be installed.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ontmoet.domain.budget import ROW_KEYS, apply_scenario, parse_scenario
from ontmoet.finance import exports, selectors
from ontmoet.finance.exports import budget_cell
from tests.factories_finance import InvestmentProjectFactory
from tests.plans import SEED_PLAN

pytestmark = pytest.mark.django_db

SOFFICE = shutil.which("soffice") or ("/usr/bin/soffice" if Path("/usr/bin/soffice").exists() else None)


@pytest.fixture
def recalculate(tmp_path):
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs LibreOffice (soffice) for the Excel recalculation test")
        pytest.skip("LibreOffice (soffice) is not installed")

    def run(content: bytes):
        source = tmp_path / "in" / "kader.xlsx"
        source.parent.mkdir()
        source.write_bytes(content)
        out = tmp_path / "out"
        profile = (tmp_path / "profile").as_uri()
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx", "--outdir", str(out),
             str(source)],
            check=True, capture_output=True, timeout=180,
        )
        return load_workbook(out / "kader.xlsx", data_only=True)

    return run


def _assert_same(workbook, budget):
    sheet = workbook[exports.SHEET_BUDGET]
    for key in ROW_KEYS:
        for i, column in enumerate(budget.columns):
            cell = sheet[budget_cell(key, i)].value
            expected = budget.rows[key][i]
            if expected is None:
                assert cell == "PM", (key, column, cell)
            else:
                assert cell == pytest.approx(expected, abs=0.5), (key, column, cell, expected)
                assert round(cell) == expected, (key, column, cell, expected)


def test_workbook_of_the_plan_recalculates_to_the_model(recalculate):
    plan = SEED_PLAN
    budget = selectors.budget_get()
    _assert_same(recalculate(exports.budget_xlsx(plan, budget)), budget)


def test_workbook_of_a_scenario_with_projects_recalculates_to_the_model(recalculate):
    InvestmentProjectFactory()  # linear, from 2027
    InvestmentProjectFactory(method="annuity", term_years=40, interest_rate="0.015", amount_min=2_000_000,
                             amount_max=3_000_000, start_year=2026, vat_recoverable=True)
    InvestmentProjectFactory(start_year=None, amount_min=500_000, amount_max=500_000)
    InvestmentProjectFactory(pending=True)
    plan = SEED_PLAN
    spec = parse_scenario({"counts": {"2027": {"meeting_centres": 10, "neighbourhood_houses": 3}},
                           "community_work": {"fte_per_place": "0.3333"}, "unit_amounts": {"meeting_centre": 61_999}},
                          plan)
    budget = selectors.budget_get(scenario=spec)
    assert budget.value("capital_charges", "2027") is not None
    content = exports.budget_xlsx(apply_scenario(plan, spec), budget, selectors.investments())
    _assert_same(recalculate(content), budget)


def test_formulas_refer_to_the_parameters_sheet():
    plan = SEED_PLAN
    workbook = load_workbook(io.BytesIO(exports.budget_xlsx(plan, selectors.budget_get())))
    sheet = workbook[exports.SHEET_BUDGET]
    assert sheet[budget_cell("B1", 0)].value.startswith("=Parameters!")
    assert sheet[budget_cell("subtotal", 0)].value.startswith("=SUM(")
    assert sheet[budget_cell("capital_charges", 0)].value == "PM"


def test_an_entered_project_name_stays_text_while_the_formulas_stay_live():
    # OWASP CSV injection: a name that starts with "=" must not become a formula; B3: a control character in
    # stored data must not break the workbook for everyone.
    InvestmentProjectFactory(name='=HYPERLINK("http://example.org","klik")')
    InvestmentProjectFactory(name="Pand\x04Pottenberg", start_year=2028)
    plan = SEED_PLAN
    budget = selectors.budget_get()
    workbook = load_workbook(io.BytesIO(exports.budget_xlsx(plan, budget, selectors.investments())))
    projects = workbook[exports.SHEET_INVESTMENTS]
    names = {projects.cell(row=r, column=1).value: projects.cell(row=r, column=1) for r in range(4, 6)}
    hyperlink = names['=HYPERLINK("http://example.org","klik")']
    assert hyperlink.data_type == "s"
    assert "Pand\ufffdPottenberg" in names
    charge = projects.cell(row=4, column=8)
    assert charge.data_type == "f" and str(charge.value).startswith("=IF(")
    assert workbook[exports.SHEET_BUDGET][budget_cell("subtotal", 0)].data_type == "f"
