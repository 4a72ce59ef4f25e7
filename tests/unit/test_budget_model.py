"""The budget model reproduces the council's table (seed §5) from the plan's unit parameters.

The expected values are the seed's table as the seed prints it (thousands of euros, Dutch notation, "-" for
zero and "PM" for an unknown amount); the model's whole euros are rounded half-up to thousands and compared.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ontmoet.domain.budget import ROW_KEYS, compute_budget
from ontmoet.domain.budget.model import COUNT_ROWS, row_in_thousands
from tests.plans import SEED_PLAN

#: Seed §5, "Indicatie van benodigde middelen (x 1000 euro)", the rows as printed (OCR line breaks joined).
SEED_TABLE = """
Aantal Ontmoetingscentra 8 12 20 20 20 20
Aantal Huizen van de Wijk 1 2 4 4 4 4
Bouwsteen 1: Exploitatiesubsidie 716 1.184 2.120 2.120 2.120 2.120
Bouwsteen 2: Aantrekkelijk en functioneel maken van ontmoetingsplekken 240 400 400 200 - 240
Bouwsteen 3: Extra inzet welzijnswerk 338 525 900 900 900 900
Bouwsteen 4: Kleinschalige ontmoetingsplekken 125 125 125 125 125 125
Bouwsteen 5: Ondersteuning van de besturen 218 315 315 315 315 315
Subtotaal indicatie jaarlijkse kosten 1.636 2.549 3.860 3.660 3.460 3.700
Indicatie van reeds bestaande jaarlijkse dekking in huidige begroting 406 533 683 683 683 683
Indicatie van benodigd per jaar exploitatiekosten 1.231 2.016 3.177 2.977 2.777 3.017
Indicatie van benodigd per jaar kapitaallasten PM PM PM PM PM PM
"""
#: The seed's row labels → the model's row keys.
SEED_ROW_KEYS = {
    "Aantal Ontmoetingscentra": "meeting_centres",
    "Aantal Huizen van de Wijk": "neighbourhood_houses",
    "Bouwsteen 1": "B1",
    "Bouwsteen 2": "B2",
    "Bouwsteen 3": "B3",
    "Bouwsteen 4": "B4",
    "Bouwsteen 5": "B5",
    "Subtotaal": "subtotal",
    "Indicatie van reeds bestaande": "existing_coverage",
    "Indicatie van benodigd per jaar exploitatiekosten": "net_need",
    "Indicatie van benodigd per jaar kapitaallasten": "capital_charges",
}
SEED_COLUMNS = ("2026", "2027", "2028", "2029", "2030", "structural")


def _seed_cell(text: str) -> int | None:
    """A cell as the seed prints it: '1.184' → 1184, '-' → 0, 'PM' → None."""
    if text == "PM":
        return None
    if text == "-":
        return 0
    return int(text.replace(".", ""))


def seed_rows() -> dict[str, tuple[int | None, ...]]:
    """The seed's table as ``{row key: six cells}``, in thousands (counts as counts)."""
    rows = {}
    for line in SEED_TABLE.strip().splitlines():
        *label_words, c1, c2, c3, c4, c5, c6 = line.split()
        label = " ".join(label_words)
        key = next(k for prefix, k in SEED_ROW_KEYS.items() if label.startswith(prefix))
        rows[key] = tuple(_seed_cell(c) for c in (c1, c2, c3, c4, c5, c6))
    return rows


def seed_cells() -> list[tuple[str, str, int | None]]:
    rows = seed_rows()
    return [(key, column, rows[key][i]) for key in ROW_KEYS for i, column in enumerate(SEED_COLUMNS)]


def test_seed_table_has_66_cells():
    assert len(seed_cells()) == 66
    assert set(seed_rows()) == set(ROW_KEYS)


@pytest.mark.parametrize(("key", "column", "expected"), seed_cells())
def test_model_equals_the_seed_table_to_the_thousand(key, column, expected):
    budget = compute_budget(SEED_PLAN)
    assert budget.columns == SEED_COLUMNS
    value = budget.value(key, column)
    if key in COUNT_ROWS:
        assert value == expected
    else:
        assert row_in_thousands([value])[0] == expected


def test_b1_and_b3_follow_the_unit_amounts_of_domain_md():
    """8 × 62,000 + 1 × 220,000 = 716,000; 9 places × 0.25 fte × 150,000 = 337,500 (seed prints 338)."""
    budget = compute_budget(SEED_PLAN)
    assert budget.value("B1", "2026") == 8 * 62_000 + 1 * 220_000
    assert budget.value("B3", "2026") == 337_500
    assert budget.value("B3", "structural") == 24 * 150_000 // 4


def test_subtotal_of_2026_adds_up_only_in_whole_euros():
    """716 + 240 + 338 + 125 + 218 = 1.637 in rounded thousands, but the seed prints 1.636: the amounts
    underneath are whole euros (B3 337,500 and B5 217,500) and only the total is rounded."""
    budget = compute_budget(SEED_PLAN)
    assert budget.value("subtotal", "2026") == 1_636_000
    assert budget.value("net_need", "2026") == 1_636_000 - 405_500


def test_capital_charges_are_pm_until_investments_are_entered():
    budget = compute_budget(SEED_PLAN)
    assert budget.row("capital_charges") == dict.fromkeys(SEED_COLUMNS)
    entered = compute_budget(SEED_PLAN, capital_charges={"2026": 0, "structural": 30_000})
    assert entered.value("capital_charges", "structural") == 30_000
    assert entered.value("capital_charges", "2027") is None


def test_shipped_plan_gives_no_warnings():
    assert compute_budget(SEED_PLAN).warnings == ()


def test_amounts_are_whole_euros_never_floats():
    budget = compute_budget(SEED_PLAN)
    for values in budget.rows.values():
        assert all(v is None or type(v) is int for v in values)


def test_b3_rounds_half_up_to_the_euro():
    from ontmoet.domain.budget.model import community_work_cost

    assert community_work_cost(1, Decimal("0.25"), 150_002) == 37_501  # 37,500.5 → 37,501
    assert community_work_cost(1, Decimal("0.3333"), 150_003) == 49_996  # 49,995.9999 → 49,996
