"""``ontmoet budget``: the council's table from the shipped plan, scenarios from TOML, every output format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from ontmoet.domain.budget.model import COUNT_ROWS, row_in_thousands
from tests.factories_finance import InvestmentProjectFactory
from tests.unit.test_budget_model import SEED_COLUMNS, seed_cells

pytestmark = pytest.mark.django_db

SCENARIO = """
name = "Minder ontmoetingscentra"
[counts.2027]
meeting_centres = 10
neighbourhood_houses = 3
[unit_amounts]
meeting_centre = 62000
neighbourhood_house = 220000
[community_work]
fte_per_place = 0.25
cost_per_fte = 150000
"""


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("budget", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def budget_json(*args: str) -> dict:
    return json.loads(run("--format", "json", *args))


def test_json_has_the_agreed_shape():
    data = budget_json()
    assert set(data) == {"plan", "scenario", "columns", "rows"}
    assert data["plan"] == "maastricht-2026"
    assert data["scenario"] is None
    assert data["columns"] == ["2026", "2027", "2028", "2029", "2030", "structural"]
    assert [r["key"] for r in data["rows"]] == [
        "meeting_centres", "neighbourhood_houses", "B1", "B2", "B3", "B4", "B5", "subtotal", "existing_coverage",
        "net_need", "capital_charges"]
    assert all(r["label"] for r in data["rows"])


@pytest.mark.parametrize(("key", "column", "expected"), seed_cells())
def test_json_equals_the_seed_table_in_every_cell(key, column, expected):
    """All 66 cells: the seed's printed thousands against the command's whole euros rounded half-up."""
    data = budget_json()
    row = next(r for r in data["rows"] if r["key"] == key)
    value = row["values"][SEED_COLUMNS.index(column)]
    if key in COUNT_ROWS:
        assert value == expected
    else:
        assert row_in_thousands([value])[0] == expected


def test_scenario_file_moves_b1_and_b3_of_2027_only(tmp_path):
    """12 OC + 2 HvdW → 10 OC + 3 HvdW: B1 +96,000 (−2 × 62,000 + 220,000), B3 −37,500 (one place less)."""
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    base = {r["key"]: r["values"] for r in budget_json()["rows"]}
    data = budget_json("--scenario", str(path))
    changed = {r["key"]: r["values"] for r in data["rows"]}
    assert data["scenario"] == "Minder ontmoetingscentra"
    assert changed["B1"][1] - base["B1"][1] == 96_000
    assert changed["B3"][1] - base["B3"][1] == -37_500
    for key in base:
        for i, column in enumerate(data["columns"]):
            if column != "2027":
                assert changed[key][i] == base[key][i], (key, column)


def test_unknown_key_in_the_scenario_file_is_named(tmp_path):
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO + "\n[community_work_extra]\nfte = 1\n", encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        run("--scenario", str(path))
    assert "community_work_extra" in str(caught.value)
    assert "Onbekende sleutel" in str(caught.value)


def test_missing_scenario_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError) as caught:
        run("--scenario", str(tmp_path / "bestaat-niet.toml"))
    assert "Kan het scenariobestand niet lezen" in str(caught.value)


def test_table_format_prints_the_seed_notation():
    text = run()
    assert "Subtotaal indicatie jaarlijkse kosten" in text
    assert "1.636" in text and "3.017" in text
    assert "PM" in text


def test_csv_is_for_dutch_excel_with_whole_euros_and_empty_pm_cells():
    text = run("--format", "csv")
    assert text.startswith("\ufeff")  # the BOM makes Excel read UTF-8
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == ["Onderdeel (bedragen in hele euro's)", "2026", "2027", "2028", "2029", "2030", "Structureel"]
    by_label = {r[0]: r for r in rows[1:]}
    assert by_label["Bouwsteen 3: Extra inzet welzijnswerk"][1] == "337500"  # 9 places x 0.25 fte x 150,000
    assert by_label["Indicatie van benodigd per jaar kapitaallasten"][1:] == [""] * 6


def test_xlsx_needs_an_out_file_and_writes_it(tmp_path):
    with pytest.raises(CommandError):
        run("--format", "xlsx")
    target = tmp_path / "kader.xlsx"
    run("--format", "xlsx", "--out", str(target))
    assert target.read_bytes()[:2] == b"PK"


def test_out_writes_the_text_formats_to_a_file(tmp_path):
    target = tmp_path / "kader.json"
    run("--format", "json", "--out", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["plan"] == "maastricht-2026"


def test_entered_projects_fill_the_capital_charges_unless_plan_only():
    """1,000,000 linear over 10 years at 2% from 2027: 120,000 in 2027, 118,000 in 2028 (domain tests)."""
    InvestmentProjectFactory()
    charges = next(r for r in budget_json()["rows"] if r["key"] == "capital_charges")["values"]
    assert charges[:3] == [0, 120_000, 118_000]
    plain = next(r for r in budget_json("--plan-only")["rows"] if r["key"] == "capital_charges")["values"]
    assert plain == [None] * 6


def test_after_the_demo_data_the_json_still_equals_the_seed_table():
    """The known projects (explorations, De Heeg) have no start year yet, so they stay PM items."""
    from ontmoet.finance.demo import load_finance_demo

    load_finance_demo()
    data = budget_json()
    for key, column, expected in seed_cells():
        row = next(r for r in data["rows"] if r["key"] == key)
        value = row["values"][SEED_COLUMNS.index(column)]
        assert (value if key in COUNT_ROWS else row_in_thousands([value])[0]) == expected, (key, column)
