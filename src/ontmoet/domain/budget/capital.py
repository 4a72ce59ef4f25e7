"""Capital charges (kapitaallasten): the yearly cost of an investment, the PM items of seed §5.

An investment of amount A over a term of n years at interest rate r costs per year, from its start year:

- linear: depreciation A/n plus interest on the book value at the start of the year,
  year k (0-based) → A/n + r × (A − k × A/n); the charge falls every year;
- annuity: a constant A × r / (1 − (1 + r)^−n) (A/n when r = 0).

Amounts in the plan include VAT (seed §5). When the municipality can recover the VAT on an investment, the
capitalised amount is A / (1 + VAT rate); otherwise the VAT is part of the cost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ontmoet.domain.money import round_half_up
from ontmoet.policy.schema import STRUCTURAL, CapitalMethod, PolicyPlan

LINEAR: CapitalMethod = "linear"
ANNUITY: CapitalMethod = "annuity"
METHODS: tuple[CapitalMethod, ...] = (LINEAR, ANNUITY)

#: Which end of a range (min–max) the budget line uses. The framework is prudent: the upper end (ADR 0103).
BOUND_LOW = "low"
BOUND_HIGH = "high"


@dataclass(frozen=True)
class Investment:
    """An investment project as the model sees it. ``amount_max is None``: not known yet (PM)."""

    name: str
    amount_min: int | None
    amount_max: int | None
    method: CapitalMethod
    term_years: int
    interest_rate: Decimal
    start_year: int | None
    vat_recoverable: bool = False

    def amount(self, bound: str = BOUND_HIGH) -> int | None:
        if bound == BOUND_LOW and self.amount_min is not None:
            return self.amount_min
        return self.amount_max


def capitalised_amount(amount: int | Decimal, *, vat_recoverable: bool, vat_rate: Decimal) -> Decimal:
    """The amount that is written off: without VAT when the municipality can recover it (seed §5, btw)."""
    base = Decimal(amount)
    return base / (1 + vat_rate) if vat_recoverable else base


def annuity_factor(term_years: int, interest_rate: Decimal) -> Decimal:
    """The share of the amount paid each year by an annuity: r / (1 − (1 + r)^−n), or 1/n without interest."""
    if term_years < 1:
        raise ValueError("term_years must be at least 1")
    if interest_rate == 0:
        return Decimal(1) / term_years
    return interest_rate / (1 - (1 + interest_rate) ** -term_years)


def yearly_charge(base: Decimal, *, method: CapitalMethod, term_years: int, interest_rate: Decimal,
                  year_index: int) -> Decimal:
    """The charge in year ``year_index`` counted from the start year (0 = the start year itself)."""
    if year_index < 0 or year_index >= term_years:
        return Decimal(0)
    if method == ANNUITY:
        return base * annuity_factor(term_years, interest_rate)
    depreciation = base / term_years
    return depreciation + interest_rate * (base - year_index * depreciation)


def investment_charge(investment: Investment, year_index: int, *, vat_rate: Decimal,
                      bound: str = BOUND_HIGH) -> Decimal | None:
    amount = investment.amount(bound)
    if amount is None:
        return None
    base = capitalised_amount(amount, vat_recoverable=investment.vat_recoverable, vat_rate=vat_rate)
    return yearly_charge(base, method=investment.method, term_years=investment.term_years,
                         interest_rate=investment.interest_rate, year_index=year_index)


def capital_charges_line(
    investments: Iterable[Investment],
    *,
    years: tuple[int, ...],
    vat_rate: Decimal,
    bound: str = BOUND_HIGH,
) -> dict[str, int | None]:
    """The framework's capital-charges line per column, whole euros.

    A PM item becomes a figure once both its amount and its timing are known: only investments with an amount
    and a start year count. A year column adds their charges in that year; "structural" adds their full
    first-year charges. A column to which no investment contributes stays PM (None).
    """
    sums: dict[str, Decimal | None] = {str(year): None for year in years}
    sums[STRUCTURAL] = None
    for investment in investments:
        if investment.start_year is None:
            continue
        first = investment_charge(investment, 0, vat_rate=vat_rate, bound=bound)
        if first is None:
            continue
        sums[STRUCTURAL] = (sums[STRUCTURAL] or Decimal(0)) + first
        for year in years:
            charge = investment_charge(investment, year - investment.start_year, vat_rate=vat_rate, bound=bound)
            sums[str(year)] = (sums[str(year)] or Decimal(0)) + (charge or Decimal(0))
    return {column: None if total is None else round_half_up(total) for column, total in sums.items()}


def full_year_charge(investment: Investment, *, vat_rate: Decimal, bound: str = BOUND_HIGH) -> int | None:
    """The charge of one full (first) year, whole euros; known as soon as the amount is (timing not needed)."""
    charge = investment_charge(investment, 0, vat_rate=vat_rate, bound=bound)
    return None if charge is None else round_half_up(charge)


@dataclass(frozen=True)
class BandEstimate:
    """The seed's own estimate of the PM items beside what the calculator gives for the same band."""

    investment_min: int
    investment_max: int
    seed_charges_min: int
    seed_charges_max: int
    calculated_min: int
    calculated_max: int
    method: CapitalMethod
    term_years: int
    interest_rate: Decimal
    is_default: bool


def band_estimate(plan: PolicyPlan) -> BandEstimate:
    """Seed §5: "bandbreedte van benodigde investeringen tussen de 6 en 10 miljoen euro ... kapitaallasten tussen
    de € 150.000 en € 300.000", next to the first-year charges of that band with the plan's default method."""
    band = plan.investments
    defaults = band.capital_charges

    def charge(amount: int) -> int:
        return round_half_up(yearly_charge(Decimal(amount), method=defaults.method, term_years=defaults.term_years,
                                           interest_rate=defaults.interest_rate, year_index=0))

    return BandEstimate(
        investment_min=band.band_min,
        investment_max=band.band_max,
        seed_charges_min=band.capital_charges_min,
        seed_charges_max=band.capital_charges_max,
        calculated_min=charge(band.band_min),
        calculated_max=charge(band.band_max),
        method=defaults.method,
        term_years=defaults.term_years,
        interest_rate=defaults.interest_rate,
        is_default=defaults.is_default,
    )


def schedule(investment: Investment, *, years: tuple[int, ...], vat_rate: Decimal,
             bound: str = BOUND_HIGH) -> Mapping[int, int | None]:
    """One project's charges per plan year, whole euros (None without an amount or a start year)."""
    if investment.amount(bound) is None or investment.start_year is None:
        return dict.fromkeys(years)
    return {
        year: round_half_up(investment_charge(investment, year - investment.start_year, vat_rate=vat_rate,
                                              bound=bound) or Decimal(0))
        for year in years
    }
