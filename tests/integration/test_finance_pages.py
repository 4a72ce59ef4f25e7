"""Pages of the financial framework: roles, forms that keep input, differences against the plan, exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from ontmoet.accounts.roles import FINANCE_READERS, SCENARIO_WRITERS, Role
from ontmoet.finance import errors
from ontmoet.finance.models import InvestmentProject, Scenario
from tests.factories_finance import InvestmentProjectFactory, LedgerEntryFactory, ScenarioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for(client, user_with_role):
    def login(role: str):
        client.force_login(user_with_role(role))
        return client

    return login


def _plan_form_data(**changes: str) -> dict[str, str]:
    """The scenario form as the browser sends it when nothing was changed (the plan's values)."""
    data = {"name": "Test", "description": ""}
    counts = {"2026": (8, 1), "2027": (12, 2), "2028": (20, 4), "2029": (20, 4), "2030": (20, 4),
              "structural": (20, 4)}
    b2 = {"2026": 240000, "2027": 400000, "2028": 400000, "2029": 200000, "2030": 0, "structural": 240000}
    b5 = {"2026": 217500}
    coverage = {"2026": 405500, "2027": 533000}
    for column, (oc, hh) in counts.items():
        data[f"counts__{column}__meeting_centres"] = str(oc)
        data[f"counts__{column}__neighbourhood_houses"] = str(hh)
        data[f"blocks__B2__{column}"] = str(b2[column])
        data[f"blocks__B4__{column}"] = "125000"
        data[f"blocks__B5__{column}"] = str(b5.get(column, 315000))
        data[f"existing_coverage__{column}"] = str(coverage.get(column, 683000))
    data.update({"unit_amounts__meeting_centre": "62.000", "unit_amounts__neighbourhood_house": "€ 220.000",
                 "community_work__fte_per_place": "0,25", "community_work__cost_per_fte": "150000",
                 "action": "save"})
    data.update(changes)
    return data


def _finance_urls() -> list[tuple[str, object]]:
    found = []
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and getattr(pattern, "namespace", None) == "finance":
            found.extend((p.name, p.callback) for p in pattern.url_patterns if isinstance(p, URLPattern))
    return found


def test_every_finance_page_declares_its_roles():
    pages = _finance_urls()
    assert pages
    for name, view in pages:
        assert getattr(view, "allowed_roles", None), name


@pytest.mark.parametrize("role", sorted(FINANCE_READERS))
def test_finance_readers_see_the_framework(client_for, role):
    response = client_for(role).get(reverse("finance:budget"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Subtotaal indicatie jaarlijkse kosten" in content
    assert "1.636" in content and "3.017" in content
    assert 'role="img"' in content and "<title" in content and "<desc" in content


@pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.COMMUNITY_WORKER, Role.GRANT_OFFICER, Role.DATA_ANALYST])
def test_other_roles_get_403(client_for, role):
    assert client_for(role).get(reverse("finance:budget")).status_code == 403


def test_anonymous_goes_to_login(client):
    response = client.get(reverse("finance:budget"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_scenario_created_on_the_page_saves_only_the_differences(client_for):
    client = client_for(Role.POLICY_OFFICER)
    response = client.post(reverse("finance:scenario_create"), _plan_form_data(
        name="Minder OC", **{"counts__2027__meeting_centres": "10", "counts__2027__neighbourhood_houses": "3"}))
    scenario = Scenario.objects.get(name="Minder OC")
    assert response.status_code == 302
    assert response["Location"] == reverse("finance:scenario_detail", args=[scenario.pk])
    assert scenario.overrides == {"counts": {"2027": {"meeting_centres": 10, "neighbourhood_houses": 3}}}
    page = client.get(response["Location"]).content.decode()
    assert "finance-changed" in page
    assert "1.280" in page and "plan 1.184" in page  # B1 2027: 10 × 62 + 3 × 220


def test_preview_shows_the_difference_without_saving(client_for):
    client = client_for(Role.FINANCE_ADVISOR)
    response = client.post(reverse("finance:scenario_create"), _plan_form_data(
        action="preview", **{"counts__2028__meeting_centres": "16"}), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="preview"' in content
    assert "<html" not in content  # only the partial
    assert "plan 2.120, verschil −248" in content  # B1 2028: 4 × 62,000 less
    assert not Scenario.objects.exists()


def test_bad_input_keeps_what_was_typed_and_says_why(client_for):
    client = client_for(Role.POLICY_OFFICER)
    response = client.post(reverse("finance:scenario_create"), _plan_form_data(
        **{"counts__2027__meeting_centres": "tien", "unit_amounts__meeting_centre": "62.000,50"}))
    assert response.status_code == 400
    content = response.content.decode()
    assert 'value="tien"' in content
    assert 'value="62.000,50"' in content
    assert "Geef een bedrag in hele euro&#x27;s" in content
    assert 'aria-invalid="true"' in content
    assert not Scenario.objects.exists()


def test_duplicate_name_is_refused_on_the_form(client_for):
    ScenarioFactory(name="Bestaat al")
    response = client_for(Role.POLICY_OFFICER).post(reverse("finance:scenario_create"),
                                                    _plan_form_data(name="Bestaat al"))
    assert response.status_code == 400
    assert str(errors.SCENARIO_NAME_TAKEN) in response.content.decode()


def test_decision_maker_may_read_scenarios_but_not_create_them(client_for):
    scenario = ScenarioFactory()
    client = client_for(Role.DECISION_MAKER)
    assert client.get(reverse("finance:scenario_detail", args=[scenario.pk])).status_code == 200
    assert client.get(reverse("finance:scenario_create")).status_code == 403
    assert client.post(reverse("finance:scenario_delete", args=[scenario.pk])).status_code == 403


def test_edit_starts_from_the_scenario_and_delete_removes_it(client_for):
    scenario = ScenarioFactory(name="Te wijzigen")
    client = client_for(Role.POLICY_OFFICER)
    form = client.get(reverse("finance:scenario_edit", args=[scenario.pk])).content.decode()
    assert 'name="counts__2027__meeting_centres" value="10"' in form
    response = client.post(reverse("finance:scenario_delete", args=[scenario.pk]))
    assert response.status_code == 302
    assert not Scenario.objects.filter(pk=scenario.pk).exists()


def test_compare_puts_scenarios_beside_the_plan(client_for):
    one = ScenarioFactory(name="Een")
    two = ScenarioFactory(name="Twee", overrides={"unit_amounts": {"meeting_centre": 70000}})
    response = client_for(Role.DECISION_MAKER).get(reverse("finance:scenario_compare"),
                                                    {"scenarios": [one.pk, two.pk]})
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count("<table") == 6  # one table per column
    assert "Een" in content and "Twee" in content and "finance-changed" in content


def test_scenario_file_download_reads_back(client_for):
    scenario = ScenarioFactory(name="Bestand")
    response = client_for(Role.POLICY_OFFICER).get(reverse("finance:scenario_file", args=[scenario.pk]))
    text = response.content.decode()
    assert 'name = "Bestand"' in text
    assert 'meeting_centres = 10' in text


def test_exports(client_for):
    client = client_for(Role.FINANCE_ADVISOR)
    text = client.get(reverse("finance:export", args=["csv"])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Onderdeel (bedragen in hele euro's)"
    data = json.loads(client.get(reverse("finance:export", args=["json"])).content)
    assert data["plan"] == "maastricht-2026"
    response = client.get(reverse("finance:export", args=["xlsx"]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert {"Begroting", "Parameters"} <= set(workbook.sheetnames)
    assert str(workbook["Begroting"]["B6"].value).startswith("=")
    assert client.get(reverse("finance:export", args=["pdf"])).status_code == 404
    assert client.get(reverse("finance:export", args=["csv"]), {"scenario": "abc"}).status_code == 404
    assert client.get(reverse("finance:export", args=["csv"]), {"scenario": "999"}).status_code == 404


def test_scenario_export_carries_the_scenario(client_for):
    scenario = ScenarioFactory(name="Export")
    data = json.loads(client_for(Role.FINANCE_ADVISOR).get(reverse("finance:export", args=["json"]),
                                                          {"scenario": scenario.pk}).content)
    assert data["scenario"] == "Export"


def test_project_created_on_the_page_with_a_range(client_for):
    client = client_for(Role.POLICY_OFFICER)
    response = client.post(reverse("finance:project_create"), {
        "name": "HvdW Noordoost", "area": "Noordoost", "amount_min": "2.000.000", "amount_max": "3.000.000",
        "method": "linear", "term_years": "40", "interest_percent": "1,5", "start_year": "2028"})
    project = InvestmentProject.objects.get(name="HvdW Noordoost")
    assert response.status_code == 302
    assert (project.amount_min, project.amount_max, str(project.interest_rate)) == (2_000_000, 3_000_000, "0.015000")
    page = client.get(reverse("finance:project_detail", args=[project.pk])).content.decode()
    assert "€ 2.000.000 – € 3.000.000" in page
    assert "vanaf 2028" in page and ">2.028<" not in page  # years are never digit-grouped


def test_project_form_keeps_input_on_error(client_for):
    response = client_for(Role.POLICY_OFFICER).post(reverse("finance:project_create"), {
        "name": "Omgekeerd", "amount_min": "3000", "amount_max": "2000", "method": "annuity", "term_years": "40",
        "interest_percent": "1"})
    assert response.status_code == 400
    content = response.content.decode()
    assert str(errors.AMOUNT_RANGE).replace("'", "&#x27;") in content
    assert 'value="Omgekeerd"' in content


def test_phase_participation_and_plan_forms(client_for):
    project = InvestmentProjectFactory()
    client = client_for(Role.POLICY_OFFICER)
    url = reverse("finance:project_detail", args=[project.pk])
    assert client.post(reverse("finance:project_phase", args=[project.pk]), {
        "phase-phase": "council_decision", "phase-effective_date": "2026-05-01", "phase-note": ""})["Location"] == url
    assert client.post(reverse("finance:project_participation", args=[project.pk]), {
        "participation-date": "2025-11-12", "participation-who": "Stadsronde",
        "participation-outcome": "Gesprek met besturen"}).status_code == 302
    assert client.post(reverse("finance:project_related_plan", args=[project.pk]), {
        "related-kind": "omgevingsvisie", "related-description": "Omgevingsvisie 2040"}).status_code == 302
    bad = client.post(reverse("finance:project_participation", args=[project.pk]), {"participation-date": "morgen"})
    assert bad.status_code == 400
    page = client.get(url).content.decode()
    assert "Raadsbesluit" in page and "Stadsronde" in page and "Omgevingsvisie 2040" in page


def test_uncertainty_page_draws_a_band_and_refuses_bad_input(client_for):
    client = client_for(Role.DECISION_MAKER)
    response = client.get(reverse("finance:uncertainty"))
    assert response.status_code == 200
    assert "P50" in response.content.decode()
    small = client.get(reverse("finance:uncertainty"), {"draws": "200", "seed": "1", "investment_min": "0",
                                                        "investment_max": "0", "charges_start_year": "2026",
                                                        **{f"{k}_{e}_{c}": "1" for k in ("oc", "hh")
                                                           for e in ("low", "high")
                                                           for c in ("2026", "2027", "2028", "2029", "2030",
                                                                     "structural")}},
                       HTTP_HX_REQUEST="true")
    assert small.status_code == 200
    assert 'id="result"' in small.content.decode()
    bad = client.get(reverse("finance:uncertainty"), {"draws": "veel", "oc_low_2026": "9", "oc_high_2026": "2"})
    assert bad.status_code == 400
    assert str(errors.RANGE_REVERSED) in bad.content.decode()
    assert 'value="veel"' in bad.content.decode()
    partial = client.get(reverse("finance:uncertainty"), {"draws": "veel"}, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200  # htmx swaps only 2xx: the errors come in the result section
    assert 'role="alert"' in partial.content.decode()


def test_commitments_page_shows_budget_committed_realised_and_free(client_for):
    LedgerEntryFactory(amount=62_000)
    LedgerEntryFactory(realisation=True, amount=31_000)
    response = client_for(Role.FINANCE_ADVISOR).get(reverse("finance:commitments"), {"year": "2026"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "€ 716.000" in content and "€ 62.000" in content and "€ 654.000" in content and "€ 31.000" in content
    assert ">2027<" in content and "2.027" not in content  # years are never digit-grouped
    assert client_for(Role.FINANCE_ADVISOR).get(reverse("finance:commitments"), {"year": "1900"}).status_code == 200


def test_writers_are_a_subset_of_readers():
    assert SCENARIO_WRITERS <= FINANCE_READERS
