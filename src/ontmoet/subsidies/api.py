"""API v1 of the subsidies (issue 9, point 10): schemes with their ceilings, applications and their steps.

- ``POST /api/v1/schemes``, ``GET /api/v1/schemes``, ``GET /api/v1/schemes/{id}`` (per year ``ceiling``,
  ``committed``, ``remaining``);
- ``POST /api/v1/applications``, ``GET /api/v1/applications`` (filters ``scheme``, ``state``, ``year``,
  ``place``), ``GET /api/v1/applications/{id}``;
- ``POST /api/v1/schemes/{id}/rank`` with ``{"year": ...}``: the ranking of a scheme-year that distributes by
  ranking (Awb 4:26), answered with the decisions;
- the steps as ``POST /api/v1/applications/{id}/{step}``. A step the state does not allow answers 409 with the
  reason; a step the person may not take (role, four eyes) 403. Board members see only their own places' (404).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from ontmoet.accounts.permissions import RolePermission, may_act_for
from ontmoet.accounts.roles import SCHEME_KEEPERS, SUBSIDY_APPLICANTS, SUBSIDY_READERS, Role
from ontmoet.core.api_errors import Conflict, RuleBroken, echo, rule_broken
from ontmoet.core.api_input import DecimalText, StrictInput
from ontmoet.core.blocks import BlockChoices
from ontmoet.domain.subsidies.lifecycle import TRANSITIONS, Action
from ontmoet.places.models import MeetingPlace
from ontmoet.subsidies import selectors, services
from ontmoet.subsidies.models import (
    AdviceChoice,
    Application,
    ApplicationState,
    Distribution,
    Letter,
    Scheme,
    SchemeYear,
)

MONEY = {"max_digits": 12, "decimal_places": 2, "min_value": Decimal("0.01"), "max_value": Decimal("9999999999")}
SERVICE_FIELDS = {"amount_requested": "amountRequested", "distribution": "distributionMethod",
                  "decision_term_weeks": "decisionTermWeeks", "supplement_term_days": "supplementTermDays",
                  "partial_grants": "partialGrants", "block": "buildingBlock"}
CONFLICT = OpenApiResponse(description="De stap kan niet in de huidige status van de aanvraag; de reden staat in "
                                       "detail.")

RANK_CONFLICT = OpenApiResponse(description="De regeling verdeelt niet op rangorde in dit jaar, of er is niets meer "
                                            "te rangschikken; de reden staat in detail.")




# --- output -----------------------------------------------------------------------------------------------------


class SchemeYearOutput(serializers.ModelSerializer[SchemeYear]):
    ceiling = serializers.DecimalField(max_digits=14, decimal_places=2)
    committed = serializers.DecimalField(max_digits=14, decimal_places=2)
    remaining = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)
    distributionMethod = serializers.ChoiceField(source="distribution", choices=Distribution.choices)
    rankingDates = serializers.ListField(source="ranking_dates", child=serializers.CharField())

    class Meta:
        model = SchemeYear
        fields = ["year", "ceiling", "committed", "remaining", "distributionMethod", "rankingDates"]


class SchemeOutput(serializers.ModelSerializer[Scheme]):
    buildingBlock = serializers.ChoiceField(source="block", choices=BlockChoices.choices)
    legalBasis = serializers.CharField(source="legal_basis")
    decisionTermWeeks = serializers.IntegerField(source="decision_term_weeks")
    supplementTermDays = serializers.IntegerField(source="supplement_term_days")
    partialGrants = serializers.BooleanField(source="partial_grants")
    amountRule = serializers.CharField(source="amount_rule")
    maximumAmount = serializers.IntegerField(source="maximum_amount", allow_null=True)
    publishedOn = serializers.DateField(source="published_on", allow_null=True)
    years = SchemeYearOutput(many=True)

    class Meta:
        model = Scheme
        fields = ["id", "key", "name", "regulation", "chapter", "buildingBlock", "legalBasis", "decisionTermWeeks",
                  "supplementTermDays", "partialGrants", "amountRule", "maximumAmount", "publishedOn", "years"]


class LetterOutput(serializers.ModelSerializer[Letter]):
    createdAt = serializers.DateTimeField(source="at")

    class Meta:
        model = Letter
        fields = ["id", "kind", "subject", "createdAt"]


class ApplicationOutput(serializers.ModelSerializer[Application]):
    reference = serializers.CharField()
    scheme = serializers.IntegerField(source="scheme_id")
    place = serializers.IntegerField(source="place_id")
    state = serializers.ChoiceField(choices=ApplicationState.choices)
    amountRequested = serializers.DecimalField(source="amount_requested", max_digits=12, decimal_places=2)
    amountGranted = serializers.DecimalField(source="amount_granted", max_digits=12, decimal_places=2)
    amountSettled = serializers.DecimalField(source="amount_settled", max_digits=12, decimal_places=2,
                                             allow_null=True)
    advancesPaid = serializers.DecimalField(source="advances_paid", max_digits=12, decimal_places=2)
    decisionReason = serializers.CharField(source="decision_reason")
    receivedOn = serializers.DateField(source="received_on", allow_null=True)
    decisionDeadline = serializers.DateField(source="decision_due", allow_null=True)
    supplementDeadline = serializers.DateField(source="supplement_due", allow_null=True)
    objectionDeadline = serializers.DateField(source="objection_due", allow_null=True)
    settlementDeadline = serializers.DateField(source="settlement_due", allow_null=True)
    letters = LetterOutput(many=True)

    class Meta:
        model = Application
        fields = ["id", "reference", "scheme", "place", "year", "state", "amountRequested", "amountGranted",
                  "amountSettled", "advancesPaid", "decisionReason", "receivedOn", "decisionDeadline",
                  "supplementDeadline", "objectionDeadline", "settlementDeadline", "letters"]


# --- input ------------------------------------------------------------------------------------------------------


class CeilingInput(StrictInput):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    amount = DecimalText(max_digits=14, decimal_places=2, min_value=Decimal(0),
                         max_value=Decimal("999999999999"))


class SchemeInput(StrictInput):
    name = serializers.CharField(max_length=200)
    buildingBlock = serializers.ChoiceField(choices=BlockChoices.choices)
    ceilings = serializers.ListField(child=CeilingInput(), allow_empty=False, max_length=20)
    distributionMethod = serializers.ChoiceField(choices=Distribution.choices, default=Distribution.ORDER_OF_RECEIPT)
    decisionTermWeeks = serializers.IntegerField(min_value=1, max_value=52, default=8)
    supplementTermDays = serializers.IntegerField(min_value=1, max_value=90, default=14)
    partialGrants = serializers.BooleanField(default=True)

    def validate_ceilings(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        years = [c["year"] for c in value]
        if len(set(years)) != len(years):
            raise RuleBroken("Elk jaar één plafond.")
        return value


class ApplicationInput(StrictInput):
    scheme = serializers.IntegerField(min_value=1, max_value=2**53)
    place = serializers.IntegerField(min_value=1, max_value=2**53)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    amountRequested = DecimalText(required=False, allow_null=True, **MONEY)  # type: ignore[arg-type]


class NoteInput(StrictInput):
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class AdviceInput(StrictInput):
    advice = serializers.ChoiceField(choices=AdviceChoice.choices)
    amount = DecimalText(required=False, allow_null=True, **MONEY)  # type: ignore[arg-type]
    motivation = serializers.CharField(max_length=5000)


class PostponeInput(StrictInput):
    weeks = serializers.IntegerField(min_value=1, max_value=8)
    reason = serializers.CharField(max_length=2000)


class DecisionInput(StrictInput):
    decision = serializers.ChoiceField(choices=AdviceChoice.choices)
    amount = DecimalText(required=False, allow_null=True, **MONEY)  # type: ignore[arg-type]


class AmountInput(StrictInput):
    amount = DecimalText(**MONEY)  # type: ignore[arg-type]


class SettlementInput(StrictInput):
    amount = DecimalText(max_digits=12, decimal_places=2, min_value=Decimal(0),
                         max_value=Decimal("9999999999"))


class ReportInput(StrictInput):
    report = serializers.CharField(max_length=20000)


class GroundsInput(StrictInput):
    grounds = serializers.CharField(max_length=20000)


class EmptyInput(StrictInput):
    pass


class RankInput(StrictInput):
    year = serializers.IntegerField(min_value=2000, max_value=2100)


class DecisionOutput(serializers.Serializer[Any]):
    application = ApplicationOutput()
    amountGranted = serializers.DecimalField(max_digits=12, decimal_places=2)
    decisionReason = serializers.CharField()


# --- schemes ----------------------------------------------------------------------------------------------------


class SchemeListCreateApi(generics.ListCreateAPIView):  # type: ignore[type-arg]
    """The subsidy schemes with their ceilings per year."""

    permission_classes = [RolePermission]
    read_roles = SUBSIDY_READERS
    write_roles = SCHEME_KEEPERS
    serializer_class = SchemeOutput

    def get_queryset(self) -> Any:
        return Scheme.objects.prefetch_related("years").order_by("id")

    @extend_schema(request=SchemeInput, responses={201: SchemeOutput})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = SchemeInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        values = {"name": v["name"], "block": v["buildingBlock"], "distribution": v["distributionMethod"],
                  "decision_term_weeks": v["decisionTermWeeks"], "supplement_term_days": v["supplementTermDays"],
                  "partial_grants": v["partialGrants"]}
        try:
            scheme = services.scheme_create(values=values, ceilings=[(c["year"], c["amount"]) for c in v["ceilings"]],
                                            by=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            raise rule_broken(error, SERVICE_FIELDS) from error
        return Response(SchemeOutput(Scheme.objects.prefetch_related("years").get(pk=scheme.pk)).data,
                        status=status.HTTP_201_CREATED,
                        headers={"Location": request.build_absolute_uri(reverse("api-scheme", args=[scheme.pk]))})


class SchemeDetailApi(generics.RetrieveAPIView):  # type: ignore[type-arg]
    """One scheme: per year its ceiling, what is committed and what remains."""

    permission_classes = [RolePermission]
    read_roles = SUBSIDY_READERS
    serializer_class = SchemeOutput

    def get_object(self) -> Scheme:
        return get_object_or_404(Scheme.objects.prefetch_related("years"), pk=self.kwargs["pk"])


class SchemeRankApi(generics.GenericAPIView):  # type: ignore[type-arg]
    """The ranking of one scheme-year (POST only)."""

    permission_classes = [RolePermission]
    read_roles: ClassVar[frozenset[str]] = frozenset()
    write_roles = frozenset(Role(r) for r in TRANSITIONS[Action.DECIDE].roles)
    pagination_class = None  # the answer is the round's decisions, all of them

    @extend_schema(request=RankInput, responses={200: DecisionOutput(many=True), 409: RANK_CONFLICT}, description=(
        "Rangschikken (Awb 4:26): alle aanvragen met een advies in dit jaar van de regeling worden samen besloten, "
        "op volgorde van de score van het afwegingskader (bij gelijke score wie het eerst volledig was, dan het "
        "laagste nummer) tot het plafond is bereikt; de rest wordt afgewezen wegens het plafond of, waar de "
        "regeling dat toestaat, gedeeltelijk verleend. Het antwoord geeft elk besluit. Een jaar zonder plafond is "
        "400; een regeling die niet op rangorde verdeelt of niets meer te rangschikken heeft 409; wie een van de "
        "aanvragen beoordeelde of adviseerde, rangschikt niet (403)."))
    def post(self, request: Request, pk: int) -> Response:
        scheme = get_object_or_404(Scheme, pk=pk)
        data = RankInput(data=request.data if request.data else {})
        data.is_valid(raise_exception=True)
        year = SchemeYear.objects.filter(scheme=scheme, year=data.validated_data["year"]).first()
        if year is None:
            raise RuleBroken({"year": [f"Deze regeling heeft geen plafond voor "
                                                        f"{data.validated_data['year']}."]})
        try:
            decisions = services.scheme_year_rank(scheme_year=year, by=request.user)  # type: ignore[arg-type]
        except services.StepRefused as refused:
            raise Conflict(refused.text_nl) from refused
        except ValidationError as error:
            raise rule_broken(error, SERVICE_FIELDS) from error
        applications = selectors.applications_for(request.user).prefetch_related("letters").in_bulk(
            [d.application_id for d in decisions])
        return Response([{"application": ApplicationOutput(applications[d.application_id]).data,
                          "amountGranted": f"{d.amount:.2f}", "decisionReason": d.reason} for d in decisions])


# --- applications -----------------------------------------------------------------------------------------------


def _application(request: Request, pk: int) -> Application:
    return get_object_or_404(selectors.applications_for(request.user).prefetch_related("letters"), pk=pk)


#: What ``_int_param`` reads: up to 15 ASCII digits.
ID_QUERY = {"type": "integer", "minimum": 0, "maximum": 10**15 - 1}


def _int_param(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name, "")
    if not raw:
        return None
    if not re.fullmatch(r"[0-9]{1,15}", raw):
        raise serializers.ValidationError({name: [f"Verwacht een geheel getal, niet '{echo(raw)}'."]})
    return int(raw)


@extend_schema_view(get=extend_schema(parameters=[
    OpenApiParameter("scheme", ID_QUERY, description="Id van de regeling"),
    OpenApiParameter("state", OpenApiTypes.STR, enum=ApplicationState.values, description="Status"),
    OpenApiParameter("year", ID_QUERY, description="Jaar"),
    OpenApiParameter("place", ID_QUERY, description="Id van de plek"),
]))
class ApplicationListCreateApi(generics.ListCreateAPIView):  # type: ignore[type-arg]
    """Subsidy applications (a board member sees only those of their own places)."""

    permission_classes = [RolePermission]
    read_roles = SUBSIDY_READERS
    write_roles = SUBSIDY_APPLICANTS
    serializer_class = ApplicationOutput

    def get_queryset(self) -> Any:
        state = self.request.query_params.get("state", "")
        if state and state not in ApplicationState.values:
            raise serializers.ValidationError({"state": [f"Onbekende status '{echo(state)}'."]})
        rows = selectors.applications_for(self.request.user).prefetch_related("letters")
        for name, lookup in (("scheme", "scheme_id"), ("year", "year"), ("place", "place_id")):
            value = _int_param(self.request, name)
            if value is not None:
                rows = rows.filter(**{lookup: value})
        if state:
            rows = rows.filter(state=state)
        return rows.order_by("-id")

    @extend_schema(request=ApplicationInput, responses={201: ApplicationOutput})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = ApplicationInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        scheme = Scheme.objects.filter(pk=v["scheme"]).first()
        place = MeetingPlace.objects.filter(pk=v["place"]).first()
        if scheme is None:
            raise RuleBroken({"scheme": ["Deze regeling bestaat niet."]})
        if place is None or not may_act_for(request.user, place):  # another board's place does not exist either
            raise RuleBroken({"place": ["Deze plek bestaat niet."]})
        try:
            application = services.application_create(scheme=scheme, place=place, year=v["year"],
                                                       amount_requested=v.get("amountRequested"),
                                                       by=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            raise rule_broken(error, SERVICE_FIELDS) from error
        return Response(ApplicationOutput(_application(request, application.pk)).data,
                        status=status.HTTP_201_CREATED, headers={"Location": request.build_absolute_uri(
                            reverse("api-application", args=[application.pk]))})


class ApplicationDetailApi(generics.RetrieveAPIView):  # type: ignore[type-arg]
    """One application with its state, its legal terms, the amount granted and its letters."""

    permission_classes = [RolePermission]
    read_roles = SUBSIDY_READERS
    serializer_class = ApplicationOutput

    def get_object(self) -> Application:
        return _application(self.request, self.kwargs["pk"])


class StepApi(generics.GenericAPIView):  # type: ignore[type-arg]
    """A step of the lifecycle (POST only). Subclasses name the action, the input and how the service is called."""

    permission_classes = [RolePermission]
    read_roles: ClassVar[frozenset[str]] = frozenset()
    action: ClassVar[Action]
    input_class: ClassVar[type[StrictInput]] = EmptyInput

    def call(self, application: Application, data: dict[str, Any], by: Any) -> Any:
        raise NotImplementedError

    def post(self, request: Request, pk: int) -> Response:
        application = _application(request, pk)
        data = self.input_class(data=request.data)  # a body that is not an object (0.0, []) is a 400 too
        data.is_valid(raise_exception=True)
        try:
            result = self.call(application, dict(data.validated_data), request.user)
        except services.StepRefused as refused:
            raise Conflict(refused.text_nl) from refused
        except ValidationError as error:
            raise rule_broken(error, SERVICE_FIELDS) from error
        return self.answer(request, pk, result)

    def answer(self, request: Request, pk: int, result: Any) -> Response:
        return Response(ApplicationOutput(_application(request, pk)).data)


def _step(action: Action, input_class: type[StrictInput], call: Any, doc: str,
          output: Any = ApplicationOutput) -> type[StepApi]:
    """A view class of its own per step (its own schema, roles from the transition table)."""

    class _Step(StepApi):
        write_roles = frozenset(Role(r) for r in TRANSITIONS[action].roles)

        @extend_schema(request=input_class, responses={200: output, 409: CONFLICT}, description=doc)
        def post(self, request: Request, pk: int) -> Response:
            return super().post(request, pk)

        def call(self, application: Application, data: dict[str, Any], by: Any) -> Any:
            return call(application, data, by)

    _Step.action, _Step.input_class = action, input_class
    _Step.__name__ = _Step.__qualname__ = "".join(p.title() for p in action.value.split("_")) + "Api"
    _Step.__doc__ = doc
    return _Step


SubmitApi = _step(Action.SUBMIT, EmptyInput, lambda a, d, by: services.application_submit(
    application=a, by=by), "Indienen: de ontvangst wordt bevestigd en de beslistermijn gaat lopen (Awb 4:3a, 4:13).")
RequestSupplementApi = _step(Action.REQUEST_SUPPLEMENT, NoteInput, lambda a, d, by:
                             services.application_request_supplement(application=a, note=d["note"], by=by),
                             "Om aanvulling vragen (Awb 4:5); de beslistermijn wordt opgeschort (4:15).")
SupplementApi = _step(Action.SUPPLEMENT, NoteInput, lambda a, d, by: services.application_supplement(
    application=a, note=d["note"], by=by), "Aanvullen; de beslistermijn loopt weer.")
CompleteApi = _step(Action.COMPLETE, EmptyInput, lambda a, d, by: services.application_complete(
    application=a, by=by), "Volledig verklaren: het afwegingskader beoordeelt de aanvraag.")
AdviceApi = _step(Action.ADVISE, AdviceInput, lambda a, d, by: services.application_advise(
    application=a, advice=d["advice"], amount=d.get("amount"), motivation=d["motivation"], by=by),
    "Advies: verlenen (met bedrag) of afwijzen, met motivering.")
PostponeApi = _step(Action.POSTPONE, PostponeInput, lambda a, d, by: services.application_postpone(
    application=a, weeks=d["weeks"], reason=d["reason"], by=by), "Verdagen, eenmaal en binnen de termijn (4:14).")
AdvanceApi = _step(Action.PAY_ADVANCE, AmountInput, lambda a, d, by: services.application_pay_advance(
    application=a, amount=d["amount"], by=by), "Een voorschot betalen (een realisatie op het grootboek).")
SettlementRequestApi = _step(Action.REQUEST_SETTLEMENT, ReportInput, lambda a, d, by:
                             services.application_request_settlement(application=a, report=d["report"], by=by),
                             "Vaststelling aanvragen met een inhoudelijk verslag (Awb 4:44).")
SettlementApi = _step(Action.SETTLE, SettlementInput, lambda a, d, by: services.application_settle(
    application=a, amount=d["amount"], by=by), "Vaststellen, op het verleende bedrag of lager (Awb 4:46).")
WithdrawApi = _step(Action.WITHDRAW, EmptyInput, lambda a, d, by: services.application_withdraw(
    application=a, by=by), "Intrekken door de aanvrager.")
ObjectionApi = _step(Action.OBJECT, GroundsInput, lambda a, d, by: services.application_object(
    application=a, grounds=d["grounds"], by=by), "Bezwaar maken binnen zes weken (Awb 6:7, 6:8).")


DecisionApi = _step(Action.DECIDE, DecisionInput, lambda a, d, by: services.application_decide(
    application=a, decision=d["decision"], amount=d.get("amount"), by=by),
    "Besluiten: verlenen of afwijzen. Het antwoord geeft het verleende bedrag (gedeeltelijk waar het plafond dat "
    "vraagt) en de grond. Wie adviseerde of beoordeelde, besluit niet (403).", output=DecisionOutput)


def _decision_answer(self: StepApi, request: Request, pk: int, result: Any) -> Response:
    return Response({"application": ApplicationOutput(_application(request, pk)).data,
                     "amountGranted": f"{result.amount:.2f}", "decisionReason": result.reason})


DecisionApi.answer = _decision_answer  # type: ignore[method-assign]
