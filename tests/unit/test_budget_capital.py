"""Capital charges: linear and annuity, VAT, start years, and the seed's own band estimate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ontmoet.domain.budget import Investment, band_estimate, capital_charges_line
from ontmoet.domain.budget.capital import (
    BOUND_LOW,
    annuity_factor,
    capitalised_amount,
    full_year_charge,
    schedule,
    yearly_charge,
)
from tests.plans import SEED_PLAN

YEARS = (2026, 2027, 2028, 2029, 2030)
VAT = Decimal("0.21")


def _investment(**kwargs):
    values = {"name": "Huis van de Wijk", "amount_min": 1_000_000, "amount_max": 1_000_000, "method": "linear",
              "term_years": 10, "interest_rate": Decimal("0.02"), "start_year": 2027, "vat_recoverable": False}
    values.update(kwargs)
    return Investment(**values)


def test_linear_charge_is_depreciation_plus_interest_on_book_value():
    """1,000,000 over 10 years at 2%: year 1 = 100,000 + 20,000; year 2 = 100,000 + 2% × 900,000 = 118,000."""
    base = Decimal(1_000_000)
    assert yearly_charge(base, method="linear", term_years=10, interest_rate=Decimal("0.02"), year_index=0) == 120_000
    assert yearly_charge(base, method="linear", term_years=10, interest_rate=Decimal("0.02"), year_index=1) == 118_000
    assert yearly_charge(base, method="linear", term_years=10, interest_rate=Decimal("0.02"), year_index=9) == 102_000
    assert yearly_charge(base, method="linear", term_years=10, interest_rate=Decimal("0.02"), year_index=10) == 0
    assert yearly_charge(base, method="linear", term_years=10, interest_rate=Decimal("0.02"), year_index=-1) == 0


def test_annuity_is_constant_and_repays_the_amount():
    """The annuity's present value at the rate equals the amount (the definition of an annuity)."""
    rate, term = Decimal("0.03"), 20
    payment = yearly_charge(Decimal(1_000_000), method="annuity", term_years=term, interest_rate=rate, year_index=5)
    present_value = sum(payment / (1 + rate) ** k for k in range(1, term + 1))
    assert abs(present_value - 1_000_000) < Decimal("0.001")
    assert annuity_factor(40, Decimal(0)) == Decimal(1) / 40


def test_linear_charges_over_the_term_add_up_to_amount_plus_interest():
    """Σ depreciation = amount; Σ interest = r × amount × (n + 1) / 2."""
    base, rate, term = Decimal(600_000), Decimal("0.015"), 12
    total = sum(yearly_charge(base, method="linear", term_years=term, interest_rate=rate, year_index=k)
                for k in range(term))
    assert total == base + rate * base * (term + 1) / 2


def test_recoverable_vat_is_taken_out_of_the_amount():
    assert capitalised_amount(1_210_000, vat_recoverable=True, vat_rate=VAT) == 1_000_000
    assert capitalised_amount(1_210_000, vat_recoverable=False, vat_rate=VAT) == 1_210_000


def test_charges_start_in_the_start_year_and_structural_takes_the_full_first_year():
    line = capital_charges_line([_investment()], years=YEARS, vat_rate=VAT)
    assert line == {"2026": 0, "2027": 120_000, "2028": 118_000, "2029": 116_000, "2030": 114_000,
                    "structural": 120_000}


def test_a_pm_item_becomes_a_figure_only_with_amount_and_start_year():
    pending = _investment(amount_min=None, amount_max=None)
    undated = _investment(start_year=None)
    all_pm = dict.fromkeys((*map(str, YEARS), "structural"))
    assert capital_charges_line([pending, undated], years=YEARS, vat_rate=VAT) == all_pm
    line = capital_charges_line([pending, undated, _investment(start_year=2029)], years=YEARS, vat_rate=VAT)
    assert line == {"2026": 0, "2027": 0, "2028": 0, "2029": 120_000, "2030": 118_000, "structural": 120_000}


def test_full_year_charge_is_known_without_a_start_year():
    assert full_year_charge(_investment(start_year=None), vat_rate=VAT) == 120_000
    assert full_year_charge(_investment(amount_min=None, amount_max=None), vat_rate=VAT) is None


def test_a_range_uses_its_upper_end_unless_asked_for_the_lower():
    ranged = _investment(amount_min=500_000, amount_max=1_000_000)
    assert capital_charges_line([ranged], years=YEARS, vat_rate=VAT)["structural"] == 120_000
    assert capital_charges_line([ranged], years=YEARS, vat_rate=VAT, bound=BOUND_LOW)["structural"] == 60_000
    assert schedule(ranged, years=YEARS, vat_rate=VAT)[2026] == 0
    assert schedule(_investment(start_year=None), years=YEARS, vat_rate=VAT)[2027] is None


def test_band_estimate_shows_the_seed_band_beside_the_calculator():
    """Seed §5: €6–10 M of investments → €150–300 k a year. The plan's default method (annuity, 40 years,
    1%) gives 6,000,000 × 0.01 / (1 − 1.01^−40) and the same for 10,000,000."""
    plan = SEED_PLAN
    estimate = band_estimate(plan)
    assert (estimate.investment_min, estimate.investment_max) == (6_000_000, 10_000_000)
    assert (estimate.seed_charges_min, estimate.seed_charges_max) == (150_000, 300_000)
    factor = Decimal("0.01") / (1 - Decimal("1.01") ** -40)
    assert estimate.calculated_min == int((6_000_000 * factor).to_integral_value())
    assert estimate.calculated_max == int((10_000_000 * factor).to_integral_value())
    assert estimate.is_default


@pytest.mark.parametrize("method", ["linear", "annuity"])
def test_zero_interest_gives_straight_depreciation(method):
    assert yearly_charge(Decimal(400_000), method=method, term_years=40, interest_rate=Decimal(0),
                         year_index=3) == 10_000
