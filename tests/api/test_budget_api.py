"""API of the financial framework: the same JSON as the CLI, scenarios from a body, problem+json on bad input."""

from __future__ import annotations

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.domain.budget.model import COUNT_ROWS, row_in_thousands
from tests.factories_finance import InvestmentProjectFactory, LedgerEntryFactory, ScenarioFactory
from tests.unit.test_budget_model import SEED_COLUMNS, seed_rows

BUDGET = "/api/v1/budget"
SCENARIOS = "/api/v1/budget/scenarios"


@pytest.fixture
def finance(api_client_for):
    return api_client_for(Role.FINANCE_ADVISOR)


def rows(data: dict) -> dict[str, list]:
    return {r["key"]: r["values"] for r in data["rows"]}


def test_get_budget_equals_the_seed_table(finance):
    response = finance.get(BUDGET)
    assert response.status_code == 200
    data = response.json()
    assert data["columns"] == list(SEED_COLUMNS)
    got = rows(data)
    for key, expected in seed_rows().items():
        values = got[key] if key in COUNT_ROWS else list(row_in_thousands(got[key]))
        assert values == list(expected), key


def test_post_scenario_computes_without_saving(finance):
    body = {"name": "Minder OC", "counts": {"2027": {"meetingCentres": 10, "neighbourhoodHouses": 3}},
            "communityWork": {"ftePerPlace": 0.25, "costPerFte": 150000}}
    response = finance.post(SCENARIOS, body, format="json")
    assert response.status_code == 200
    data = response.json()
    assert data["scenario"] == "Minder OC"
    base = rows(finance.get(BUDGET).json())
    changed = rows(data)
    assert changed["B1"][1] - base["B1"][1] == 96_000
    assert changed["B3"][1] - base["B3"][1] == -37_500
    assert changed["B1"][0] == base["B1"][0] and changed["B1"][2] == base["B1"][2]
    assert finance.get(SCENARIOS).json()["count"] == 0


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"counts": {"2027": {"meetingCenters": 10}}}, "counts.2027.meetingCenters"),
        ({"unitAmounts": {"meetingCentre": -1}}, "unitAmounts.meetingCentre"),
        ({"communityWork": {"ftePerPlace": "veel"}}, "communityWork.ftePerPlace"),
        ({"capitalCharges": {"method": "degressief"}}, "capitalCharges.method"),
        ({"capitalCharges": {"termYears": 0}}, "capitalCharges.termYears"),
        ([1, 2], "body"),
        # The domain's snake_case names are not a second spelling of the API's.
        ({"unit_amounts": {"meetingCentre": 1}}, "unit_amounts"),
        ({"counts": {"2027": {"meeting_centres": 10}}}, "counts.2027.meeting_centres"),
    ],
)
def test_bad_scenario_body_is_a_problem_naming_the_key(finance, body, name):
    response = finance.post(SCENARIOS, body, format="json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 400
    assert problem["invalidParams"][0]["name"] == name


def test_malformed_json_is_a_400(finance):
    response = finance.post(SCENARIOS, "{niet json", content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")


def test_projects_flag_is_validated_and_switches_the_capital_charges(finance):
    InvestmentProjectFactory()
    assert rows(finance.get(BUDGET).json())["capital_charges"][1] == 120_000
    assert rows(finance.get(BUDGET, {"projects": "false"}).json())["capital_charges"] == [None] * 6
    assert finance.get(BUDGET, {"projects": "misschien"}).status_code == 400


def test_saved_scenarios_are_listed_and_computed(finance):
    scenario = ScenarioFactory(name="Opgeslagen")
    listing = finance.get(SCENARIOS).json()
    assert listing["results"][0]["name"] == "Opgeslagen"
    assert scenario.overrides == {"counts": {"2027": {"meeting_centres": 10, "neighbourhood_houses": 3}}}
    assert listing["results"][0]["overrides"] == {"counts": {"2027": {"meetingCentres": 10, "neighbourhoodHouses": 3}}}
    data = finance.get(f"{SCENARIOS}/{scenario.pk}").json()
    assert data["scenario"] == "Opgeslagen"
    assert rows(data)["meeting_centres"][1] == 10
    assert finance.get(f"{SCENARIOS}/999999").status_code == 404


def test_positions_and_projects(finance):
    LedgerEntryFactory(amount=62_000)
    InvestmentProjectFactory(name="Huis van de Wijk")
    positions = finance.get("/api/v1/budget/positions").json()
    first = positions[0]
    assert first["year"] == 2026
    b1 = next(p for p in first["positions"] if p["block"] == "B1")
    assert (b1["budget"], b1["committed"], b1["free"]) == ("716000.00", "62000.00", "654000.00")
    projects = finance.get("/api/v1/budget/investment-projects").json()["results"]
    assert projects[0]["name"] == "Huis van de Wijk"
    assert projects[0]["amountMax"] == 1_000_000


@pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.GRANT_OFFICER, Role.COMMUNITY_WORKER])
def test_other_roles_are_refused(api_client_for, role):
    response = api_client_for(role).get(BUDGET)
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")


def test_decision_maker_reads_but_may_not_post(api_client_for):
    client = api_client_for(Role.DECISION_MAKER)
    assert client.get(BUDGET).status_code == 200
    assert client.post(SCENARIOS, {}, format="json").status_code == 403


def test_anonymous_is_401(client, db):
    assert client.get(BUDGET).status_code == 401


def test_openapi_documents_the_budget_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert {"/budget", "/budget/scenarios", "/budget/scenarios/{id}", "/budget/positions",
            "/budget/investment-projects"} <= set(paths)
    body = paths["/budget/scenarios"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["additionalProperties"] is False
    assert set(body["properties"]) == {"name", "description", "counts", "unitAmounts", "communityWork", "blocks",
                                       "existingCoverage", "capitalCharges"}
    assert set(body["properties"]["counts"]["properties"]["2027"]["properties"]) == {"meetingCentres",
                                                                                     "neighbourhoodHouses"}
    assert set(body["properties"]["communityWork"]["properties"]) == {"ftePerPlace", "costPerFte", "maxFteTotal"}
    assert "application/problem+json" in paths["/budget"]["get"]["responses"]["400"]["content"]
    assert not any(path.endswith("/") for path in paths)
