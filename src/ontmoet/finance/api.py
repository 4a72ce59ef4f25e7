"""API v1 of the financial framework (NL API Design Rules: plural nouns, no trailing slashes, problem+json).

- ``GET /api/v1/budget``: the framework of the plan (same JSON as ``ontmoet budget --format json``);
- ``GET /api/v1/budget/scenarios``: the saved scenarios; ``POST`` computes the framework for a scenario body
  (same keys as a scenario file) without saving it;
- ``GET /api/v1/budget/scenarios/{id}``: the framework of a saved scenario;
- ``GET /api/v1/budget/positions``: budget vs. commitments vs. realisation per year and block;
- ``GET /api/v1/budget/investment-projects``: the investment projects (the PM items).

Scenario bodies and saved overrides use the keys of a scenario file in camelCase (``unitAmounts``,
``communityWork.ftePerPlace``), as every name in this API; the mapping to the domain's names is done here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiRequest, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ontmoet.accounts.permissions import RolePermission
from ontmoet.accounts.roles import FINANCE_READERS, SCENARIO_WRITERS
from ontmoet.core.api_casing import camel, camel_keys, camel_path, snake
from ontmoet.core.api_errors import RuleBroken, echo
from ontmoet.core.plan import policy_plan
from ontmoet.domain.budget import ROW_KEYS, ScenarioError, parse_scenario
from ontmoet.domain.budget import scenario as scenario_codes
from ontmoet.domain.budget.scenario import (
    COUNT_FIELDS,
    MAX_AMOUNT,
    MAX_COUNT,
    MAX_DESCRIPTION,
    MAX_FTE_PER_PLACE,
    MAX_FTE_TOTAL,
    MAX_NAME,
    MAX_TERM_YEARS,
    UNIT_FIELDS,
)
from ontmoet.finance import exports, selectors
from ontmoet.finance.errors import scenario_error_message
from ontmoet.finance.models import InvestmentProject, Scenario
from ontmoet.policy.loader import FIXED_BLOCKS


class BudgetRowOutput(serializers.Serializer[Any]):
    key = serializers.ChoiceField(choices=ROW_KEYS)
    label = serializers.CharField()  # type: ignore[assignment]  # a field named "label", not Field.label
    values = serializers.ListField(child=serializers.IntegerField(allow_null=True),
                                   help_text="Hele euro's (aantallen bij de eerste twee regels); null = PM.")


class BudgetOutput(serializers.Serializer[Any]):
    plan = serializers.CharField()
    scenario = serializers.CharField(allow_null=True)
    columns = serializers.ListField(child=serializers.CharField())
    rows = BudgetRowOutput(many=True)


class ScenarioOutput(serializers.ModelSerializer[Scenario]):
    plan = serializers.CharField(source="plan_id")
    overrides = serializers.DictField(
        help_text="De afwijkingen van het plan: dezelfde sleutels als een scenario-body (camelCase).")
    isDemo = serializers.BooleanField(source="is_demo")
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = Scenario
        fields = ["id", "name", "description", "plan", "overrides", "isDemo", "createdAt", "updatedAt"]

    def to_representation(self, instance: Scenario) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["overrides"] = camel_keys(data["overrides"])
        return data


class InvestmentProjectOutput(serializers.ModelSerializer[InvestmentProject]):
    amountMin = serializers.IntegerField(source="amount_min", allow_null=True)
    amountMax = serializers.IntegerField(source="amount_max", allow_null=True)
    termYears = serializers.IntegerField(source="term_years")
    interestRate = serializers.DecimalField(source="interest_rate", max_digits=7, decimal_places=6)
    vatRecoverable = serializers.BooleanField(source="vat_recoverable")
    startYear = serializers.IntegerField(source="start_year", allow_null=True)
    isDemo = serializers.BooleanField(source="is_demo")

    class Meta:
        model = InvestmentProject
        fields = ["id", "key", "name", "area", "phase", "amountMin", "amountMax", "method", "termYears",
                  "interestRate", "vatRecoverable", "startYear", "isDemo"]


class PositionOutput(serializers.Serializer[Any]):
    block = serializers.CharField()
    budget = serializers.DecimalField(max_digits=16, decimal_places=2)
    committed = serializers.DecimalField(max_digits=16, decimal_places=2)
    realised = serializers.DecimalField(max_digits=16, decimal_places=2)
    free = serializers.DecimalField(max_digits=16, decimal_places=2)
    toPay = serializers.DecimalField(source="to_pay", max_digits=16, decimal_places=2)


class YearPositionsOutput(serializers.Serializer[Any]):
    year = serializers.IntegerField()
    positions = PositionOutput(many=True)


SNAKE_KEY = _("Onbekende sleutel '%(key)s': deze API schrijft namen in camelCase, hier '%(camel)s'.")
PROJECTS_FLAG = _("Gebruik true of false.")
EXPECTED_OBJECT = _("Verwacht een JSON-object.")


def _scenario_schema() -> dict[str, Any]:
    """The JSON schema of a scenario body, generated from the plan's columns and the model's limits."""
    columns = policy_plan().columns

    def obj(properties: dict[str, Any]) -> dict[str, Any]:
        return {"type": "object", "properties": {camel(k): v for k, v in properties.items()},
                "additionalProperties": False}

    amount = {"type": "integer", "minimum": 0, "maximum": MAX_AMOUNT}
    count = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
    per_column = obj(dict.fromkeys(columns, amount))

    def decimal(maximum: Any, **extra: Any) -> dict[str, Any]:
        return {"oneOf": [{"type": "number", "minimum": 0, "maximum": float(maximum), **extra},
                          {"type": "string", "pattern": r"^\d{1,6}(\.\d{1,6})?$"}]}

    return obj({
        "name": {"type": "string", "maxLength": MAX_NAME},
        "description": {"type": "string", "maxLength": MAX_DESCRIPTION},
        "counts": obj({c: obj(dict.fromkeys(COUNT_FIELDS, count)) for c in columns}),
        "unit_amounts": obj(dict.fromkeys(UNIT_FIELDS, amount)),
        "community_work": obj({"fte_per_place": decimal(MAX_FTE_PER_PLACE), "cost_per_fte": amount,
                               "max_fte_total": decimal(MAX_FTE_TOTAL)}),
        "blocks": obj(dict.fromkeys(FIXED_BLOCKS, per_column)),
        "existing_coverage": per_column,
        "capital_charges": obj({"method": {"type": "string", "enum": ["linear", "annuity"]},
                                "term_years": {"type": "integer", "minimum": 1, "maximum": MAX_TERM_YEARS},
                                "interest_rate": decimal(1, exclusiveMaximum=True)}),
    })


PROJECTS_PARAM = OpenApiParameter(
    "projects", OpenApiTypes.BOOL, required=False,
    description="Met de ingevoerde investeringsprojecten (standaard true); false geeft het kale plan (PM).")


def _with_projects(request: Request) -> bool:
    raw = request.query_params.get("projects", "true").strip().lower()
    if raw not in ("true", "false", "1", "0"):
        raise serializers.ValidationError({"projects": [str(PROJECTS_FLAG)]})
    return raw in ("true", "1")


def _scenario_data(body: Any, path: str = "") -> Any:
    """A scenario body with the domain's key names. A snake_case key is refused: no second spelling."""
    if not isinstance(body, Mapping):
        return body
    data: dict[str, Any] = {}
    for key, value in body.items():
        name = f"{path}.{key}" if path else str(key)
        if "_" in str(key):
            raise serializers.ValidationError({echo(name): [str(SNAKE_KEY) % {"key": echo(key),
                                                                             "camel": echo(camel(str(key)))}]})
        data[snake(str(key))] = _scenario_data(value, name)
    return data



def _value_rule(error: ScenarioError) -> bool:
    """The document cannot state a decimal string's bounds, nor a JSON number's decimals: those are rules (422).
    A number out of its stated range, or a string with more decimals than its pattern, is the shape (400)."""
    if error.code == scenario_codes.OUT_OF_RANGE:
        return isinstance(error.value, str)
    return error.code == scenario_codes.TOO_PRECISE and not isinstance(error.value, str)



def _scenario_invalid(error: ScenarioError) -> serializers.ValidationError:
    """A scenario error named with the API's keys (``communityWork.ftePerPlace``, not the file's)."""
    params = dict(error.params)
    if "allowed" in params:
        params["allowed"] = ", ".join(camel(name) for name in str(params["allowed"]).split(", "))
    named = ScenarioError(camel_path(error.key) if error.key else "", error.value, error.code, **params)
    detail = {echo(named.key) if named.key else "body": [scenario_error_message(named)]}
    if _value_rule(error):  # the shape is right, the value is not (ADR 0033)
        return RuleBroken(detail)
    return serializers.ValidationError(detail)


class BudgetApi(APIView):
    """The financial framework of the plan in force: the council's table computed from the unit parameters."""

    permission_classes = [RolePermission]
    read_roles = FINANCE_READERS
    write_roles: frozenset[str] = frozenset()

    @extend_schema(operation_id="budget_get", parameters=[PROJECTS_PARAM], responses={200: BudgetOutput})
    def get(self, request: Request) -> Response:
        return Response(exports.budget_json(selectors.budget_get(with_projects=_with_projects(request))))


class BudgetScenariosApi(generics.ListAPIView):  # type: ignore[type-arg]
    """Saved scenarios (GET), and the framework computed for a scenario body (POST; nothing is saved)."""

    permission_classes = [RolePermission]
    read_roles = FINANCE_READERS
    write_roles = SCENARIO_WRITERS
    serializer_class = ScenarioOutput

    def get_queryset(self) -> Any:
        return selectors.scenario_list().order_by("name", "id")

    @extend_schema(operation_id="budget_scenarios_list",
                   responses={200: ScenarioOutput(many=True)})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="budget_scenarios_compute",
        request=OpenApiRequest(_scenario_schema(), examples=[OpenApiExample(
            "Minder ontmoetingscentra in 2027",
            value={"name": "Minder ontmoetingscentra",
                   "counts": {"2027": {"meetingCentres": 10, "neighbourhoodHouses": 3}},
                   "communityWork": {"ftePerPlace": 0.25}})]),
        parameters=[PROJECTS_PARAM],
        responses={200: BudgetOutput},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with_projects = _with_projects(request)
        try:
            if not isinstance(request.data, dict):
                raise serializers.ValidationError({"body": [str(EXPECTED_OBJECT)]})
            spec = parse_scenario(_scenario_data(request.data), policy_plan())
        except ScenarioError as error:
            raise _scenario_invalid(error) from error
        return Response(exports.budget_json(selectors.budget_get(scenario=spec, with_projects=with_projects)))


class BudgetScenarioApi(APIView):
    """The framework of one saved scenario."""

    permission_classes = [RolePermission]
    read_roles = FINANCE_READERS
    write_roles: frozenset[str] = frozenset()

    @extend_schema(operation_id="budget_scenario_get", parameters=[PROJECTS_PARAM],
                   responses={200: BudgetOutput})
    def get(self, request: Request, pk: int) -> Response:
        scenario = selectors.scenario_get(pk=pk)
        try:
            table = selectors.budget_get(scenario=scenario, with_projects=_with_projects(request))
        except ScenarioError as error:
            raise _scenario_invalid(error) from error
        return Response(exports.budget_json(table))


class BudgetPositionsApi(APIView):
    """Budget vs. commitments vs. realisation per plan year and building block (block "total" sums the year)."""

    permission_classes = [RolePermission]
    read_roles = FINANCE_READERS
    write_roles: frozenset[str] = frozenset()

    @extend_schema(operation_id="budget_positions_list", responses={200: YearPositionsOutput(many=True)})
    def get(self, request: Request) -> Response:
        table, _outside = selectors.positions_get()
        data = [{"year": year, "positions": rows} for year, rows in table.items()]
        return Response(YearPositionsOutput(data, many=True).data)


class InvestmentProjectsApi(generics.ListAPIView):  # type: ignore[type-arg]
    """Investment projects per place or area (the PM items of the framework)."""

    permission_classes = [RolePermission]
    read_roles = FINANCE_READERS
    write_roles: frozenset[str] = frozenset()
    serializer_class = InvestmentProjectOutput

    def get_queryset(self) -> Any:
        return selectors.project_list().order_by("name", "id")

    @extend_schema(operation_id="budget_investment_projects_list",
                   responses={200: InvestmentProjectOutput(many=True)})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
