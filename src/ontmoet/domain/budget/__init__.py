"""The financial framework of the policy plan (seed §5) as pure Python: the budget model, scenarios, capital
charges, the uncertainty band and budget vs. commitments. No Django here (docs/decisions/0101)."""

from ontmoet.domain.budget.capital import (
    ANNUITY,
    LINEAR,
    BandEstimate,
    Investment,
    band_estimate,
    capital_charges_line,
)
from ontmoet.domain.budget.ledger import EntryKind, LedgerSum, Position, positions
from ontmoet.domain.budget.model import AMOUNT_ROWS, BLOCK_ROWS, ROW_KEYS, Budget, BudgetWarning, compute_budget
from ontmoet.domain.budget.scenario import (
    Scenario,
    ScenarioError,
    apply_scenario,
    parse_scenario,
    parse_scenario_toml,
    scenario_between,
    scenario_to_toml,
)
from ontmoet.domain.budget.uncertainty import (
    CountRange,
    UncertaintyBand,
    UncertaintyError,
    UncertaintyInput,
    default_input,
    uncertainty_band,
)

__all__ = [
    "AMOUNT_ROWS",
    "ANNUITY",
    "BLOCK_ROWS",
    "LINEAR",
    "ROW_KEYS",
    "BandEstimate",
    "Budget",
    "BudgetWarning",
    "CountRange",
    "EntryKind",
    "Investment",
    "LedgerSum",
    "Position",
    "Scenario",
    "ScenarioError",
    "UncertaintyBand",
    "UncertaintyError",
    "UncertaintyInput",
    "apply_scenario",
    "band_estimate",
    "capital_charges_line",
    "compute_budget",
    "default_input",
    "parse_scenario",
    "parse_scenario_toml",
    "positions",
    "scenario_between",
    "scenario_to_toml",
    "uncertainty_band",
]
