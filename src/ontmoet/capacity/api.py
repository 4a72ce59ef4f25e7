"""API v1 of community work (B3) and board support (B5) (NL API Design Rules: plural nouns, problem+json).

- ``POST /api/v1/community-work-requests`` (``{"place", "year", "fte", "purpose"}``): a board member for their own
  places, an officer for any; ``GET ...?year=`` the requests (a board member sees their own places' only);
- ``GET /api/v1/community-work-allocations?year=``: the decided allocations;
- ``POST /api/v1/community-work-hours`` (``{"place", "month": "YYYY-MM", "hours"}``): a community worker's own
  hours; ``GET`` lists them (a community worker their own);
- ``POST /api/v1/board-support-requests`` (``{"place", "kind", "description"}``), ``GET`` filtered by ``status``,
  ``kind``, ``place`` and ``year``; ``POST .../{id}/take-up`` and ``POST .../{id}/close``.

fte, hours and amounts are strings with a decimal point ("0.25"), so no decimal is lost.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from ontmoet.accounts.permissions import RolePermission, may_act_for
from ontmoet.accounts.roles import (
    BOARD_SUPPORTERS,
    CAPACITY_READERS,
    CAPACITY_REQUESTERS,
    HOURS_READERS,
    HOURS_WRITERS,
)
from ontmoet.capacity import selectors, services
from ontmoet.capacity.models import (
    BoardSupportRequest,
    CommunityWorkAllocation,
    CommunityWorkHours,
    CommunityWorkRequest,
    SupportKind,
    SupportProvider,
    SupportStatus,
)
from ontmoet.core.api_errors import echo, rule_broken
from ontmoet.core.api_input import DecimalText, StrictInput
from ontmoet.places.models import MeetingPlace

TAGS = ["capacity"]
BAD_CHOICE = _("Onbekende waarde '%(value)s'. Kies uit: %(choices)s.")
BAD_NUMBER = _("'%(value)s' is geen geheel getal van %(minimum)s tot en met %(maximum)s.")
#: The names of the services' fields in this API.
SERVICE_FIELDS = {"contact_person": "contactPerson", "taken_up_on": "takenUpOn", "closed_on": "closedOn"}
YEAR_PARAM = OpenApiParameter("year", {"type": "integer", "minimum": 2000, "maximum": 2100},
                              description="Het jaar (2000 tot en met 2100, bv. 2027)")


def _created(request: Request, data: Any, url: str) -> Response:
    return Response(data, status=status.HTTP_201_CREATED, headers={"Location": request.build_absolute_uri(url)})


def _int_param(request: Request, name: str, *, minimum: int = 1, maximum: int = 2**31 - 1) -> int | None:
    raw = request.query_params.get(name, "")
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 10 or not minimum <= int(raw) <= maximum:
        raise serializers.ValidationError({name: [str(BAD_NUMBER) % {"value": echo(raw), "minimum": minimum,
                                                                       "maximum": maximum}]})
    return int(raw)


def _year_param(request: Request) -> int | None:
    return _int_param(request, "year", minimum=2000, maximum=2100)


def _choice_param(request: Request, name: str, choices: list[str]) -> str:
    raw = request.query_params.get(name, "")
    if raw and raw not in choices:
        raise serializers.ValidationError({name: [str(BAD_CHOICE) % {"value": echo(raw),
                                                                       "choices": ", ".join(choices)}]})
    return raw


@extend_schema_field(OpenApiTypes.INT)  # a place's id, as the output's "place" (drf-spectacular cannot derive it)
class _PlaceField(serializers.PrimaryKeyRelatedField):  # type: ignore[type-arg]
    """A place by its id; a board member's other places do not exist (ownership rule, 404 → 400 here)."""

    def get_queryset(self) -> Any:
        return MeetingPlace.objects.all()

    def to_internal_value(self, data: Any) -> MeetingPlace:
        place: MeetingPlace = super().to_internal_value(data)
        request = self.context.get("request")
        if request is not None and not may_act_for(request.user, place):
            self.fail("does_not_exist", pk_value=echo(data))
        return place


def _serializer_place(read_only: bool = True) -> Any:
    return serializers.IntegerField(source="place_id", read_only=read_only, help_text="Id van de plek.")


class CommunityWorkRequestInput(StrictInput):
    place = _PlaceField(help_text="Id van de plek (een OC of HvdW op 1 januari van het jaar).")
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    fte = DecimalText(max_digits=4, decimal_places=2, min_value=0, max_value=10,
                      help_text="Gevraagde fte, bv. \"0.25\" (hoogstens ¼ fte wordt toegekend).")
    purpose = serializers.CharField(max_length=2000, help_text="Het doel: werken met de buurt, nieuwe bewoners.")


class CommunityWorkRequestOutput(serializers.ModelSerializer[CommunityWorkRequest]):
    place = _serializer_place()
    placeName = serializers.CharField(source="place.name", read_only=True)
    fte = serializers.DecimalField(max_digits=4, decimal_places=2)
    requestedOn = serializers.DateField(source="requested_on")
    isDemo = serializers.BooleanField(source="is_demo")

    class Meta:
        model = CommunityWorkRequest
        fields = ["id", "place", "placeName", "year", "fte", "purpose", "requestedOn", "isDemo"]


class CommunityWorkAllocationOutput(serializers.ModelSerializer[CommunityWorkAllocation]):
    place = _serializer_place()
    placeName = serializers.CharField(source="place.name", read_only=True)
    allocatedFte = serializers.DecimalField(source="allocated_fte", max_digits=4, decimal_places=2)
    vulnerabilityIndex = serializers.DecimalField(source="vulnerability_index", max_digits=5, decimal_places=3,
                                                  allow_null=True)
    rank = serializers.IntegerField(allow_null=True)
    overrideReason = serializers.CharField(source="override_reason")

    class Meta:
        model = CommunityWorkAllocation
        fields = ["id", "place", "placeName", "year", "allocatedFte", "vulnerabilityIndex", "rank",
                  "overrideReason"]


class HoursInput(StrictInput):
    place = _PlaceField(help_text="Id van de plek.")
    month = serializers.RegexField(r"^\d{4}-(0[1-9]|1[0-2])$", help_text="De maand als JJJJ-MM.")
    hours = DecimalText(max_digits=6, decimal_places=2, min_value=0, max_value=744)


class HoursOutput(serializers.ModelSerializer[CommunityWorkHours]):
    place = _serializer_place()
    month = serializers.SerializerMethodField()
    hours = serializers.DecimalField(max_digits=6, decimal_places=2)

    class Meta:
        model = CommunityWorkHours
        fields = ["id", "place", "month", "hours"]

    def get_month(self, instance: CommunityWorkHours) -> str:
        return f"{instance.month:%Y-%m}"


class SupportInput(StrictInput):
    place = _PlaceField(help_text="Id van de plek.")
    kind = serializers.ChoiceField(choices=SupportKind.choices)
    description = serializers.CharField(max_length=2000)


class TakeUpInput(StrictInput):
    provider = serializers.ChoiceField(choices=SupportProvider.choices, help_text="Wie de vraag oppakt.")
    contactPerson = serializers.CharField(max_length=150, help_text="De persoon die helpt.")
    takenUpOn = serializers.DateField(required=False, help_text="Datum (standaard vandaag).")


class CloseInput(StrictInput):
    result = serializers.ChoiceField(choices=[(SupportStatus.DONE, SupportStatus.DONE.label),
                                              (SupportStatus.CLOSED, SupportStatus.CLOSED.label)])
    outcome = serializers.CharField(max_length=2000)
    cost = DecimalText(max_digits=10, decimal_places=2, min_value=0, max_value=10_000_000,
                       required=False, allow_null=True, help_text="Kosten van betaalde ondersteuning.")
    closedOn = serializers.DateField(required=False, help_text="Datum (standaard vandaag).")


class SupportOutput(serializers.ModelSerializer[BoardSupportRequest]):
    place = _serializer_place()
    placeName = serializers.CharField(source="place.name", read_only=True)
    requestedOn = serializers.DateField(source="requested_on")
    takenUpOn = serializers.DateField(source="taken_up_on", allow_null=True)
    closedOn = serializers.DateField(source="closed_on", allow_null=True)
    contactPerson = serializers.CharField(source="contact_person")
    provider = serializers.CharField()
    cost = serializers.DecimalField(max_digits=10, decimal_places=2, allow_null=True)
    responseDays = serializers.SerializerMethodField(help_text="Werkdagen van de vraag tot opgepakt.")

    class Meta:
        model = BoardSupportRequest
        fields = ["id", "place", "placeName", "kind", "description", "status", "requestedOn", "provider",
                  "contactPerson", "takenUpOn", "closedOn", "outcome", "cost", "responseDays"]

    def get_responseDays(self, instance: BoardSupportRequest) -> int | None:
        from ontmoet.domain.capacity import working_days_between

        if instance.taken_up_on is None:
            return None
        return working_days_between(instance.requested_on, instance.taken_up_on)


@extend_schema(tags=TAGS)
@extend_schema_view(get=extend_schema(parameters=[YEAR_PARAM]))
class CommunityWorkRequestsApi(generics.ListAPIView):  # type: ignore[type-arg]
    """Requests for extra community work (bouwsteen 3); a board member asks for their own places."""

    permission_classes = [RolePermission]
    read_roles = CAPACITY_READERS
    write_roles = CAPACITY_REQUESTERS
    serializer_class = CommunityWorkRequestOutput

    def get_queryset(self) -> Any:
        return selectors.request_list(user=self.request.user, year=_year_param(self.request))

    @extend_schema(tags=TAGS, request=CommunityWorkRequestInput, responses={201: CommunityWorkRequestOutput},
                   description="Vraag extra opbouwwerk voor een jaar (alleen een OC of HvdW op 1 januari).")
    def post(self, request: Request) -> Response:
        data = CommunityWorkRequestInput(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            created = services.community_work_request_create(
                place=values["place"], year=values["year"], fte=values["fte"], purpose=values["purpose"],
                by=request.user)  # type: ignore[arg-type]
        except (DjangoPermissionDenied, Http404) as error:
            raise PermissionDenied(str(error)) from error
        except ValidationError as error:
            raise rule_broken(error, SERVICE_FIELDS) from error
        return _created(request, CommunityWorkRequestOutput(created).data, reverse("api-community-work-requests"))


@extend_schema(tags=TAGS, parameters=[YEAR_PARAM])
class CommunityWorkAllocationsApi(generics.ListAPIView):  # type: ignore[type-arg]
    """The decided allocations of community work, in the order of the buurt's vulnerability."""

    permission_classes = [RolePermission]
    read_roles = CAPACITY_READERS
    serializer_class = CommunityWorkAllocationOutput

    def get_queryset(self) -> Any:
        return selectors.allocation_list(user=self.request.user, year=_year_param(self.request))


@extend_schema(tags=TAGS)
@extend_schema_view(get=extend_schema(parameters=[YEAR_PARAM]))
class CommunityWorkHoursApi(generics.ListAPIView):  # type: ignore[type-arg]
    """Hours of community work per place and month (a community worker sees and writes their own only)."""

    permission_classes = [RolePermission]
    read_roles = HOURS_READERS
    write_roles = HOURS_WRITERS
    serializer_class = HoursOutput

    def get_queryset(self) -> Any:
        return selectors.hours_list(user=self.request.user, year=_year_param(self.request))

    @extend_schema(tags=TAGS, request=HoursInput, responses={201: HoursOutput},
                   description="Schrijf uren op een plek in een maand; dezelfde maand opnieuw vervangt de uren.")
    def post(self, request: Request) -> Response:
        data = HoursInput(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            entry = services.community_work_hours_record(place=values["place"], month=values["month"],
                                                         hours=values["hours"], by=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            raise rule_broken(error, SERVICE_FIELDS) from error
        return _created(request, HoursOutput(entry).data, reverse("api-community-work-hours"))


@extend_schema(tags=TAGS)
@extend_schema_view(get=extend_schema(parameters=[
    YEAR_PARAM,
    OpenApiParameter("status", OpenApiTypes.STR, enum=SupportStatus.values, description="Status van de vraag"),
    OpenApiParameter("kind", OpenApiTypes.STR, enum=SupportKind.values, description="Soort ondersteuning"),
    OpenApiParameter("place", {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
                     description="Id van de plek"),
]))
class BoardSupportRequestsApi(generics.ListAPIView):  # type: ignore[type-arg]
    """Requests for board support (bouwsteen 5); a board member asks for their own places and sees only those."""

    permission_classes = [RolePermission]
    read_roles = CAPACITY_READERS
    write_roles = CAPACITY_REQUESTERS
    serializer_class = SupportOutput

    def get_queryset(self) -> Any:
        request = self.request
        return selectors.support_list(user=request.user, filters=selectors.SupportFilters(
            status=_choice_param(request, "status", SupportStatus.values),
            kind=_choice_param(request, "kind", SupportKind.values),
            place=_int_param(request, "place"), year=_year_param(request)))

    @extend_schema(tags=TAGS, request=SupportInput, responses={201: SupportOutput},
                   description="Vraag om ondersteuning van het bestuur, met een korte omschrijving.")
    def post(self, request: Request) -> Response:
        data = SupportInput(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            created = services.board_support_request_create(
                place=values["place"], kind=values["kind"], description=values["description"],
                by=request.user)  # type: ignore[arg-type]
        except (DjangoPermissionDenied, Http404) as error:
            raise PermissionDenied(str(error)) from error
        except ValidationError as error:
            raise rule_broken(error, SERVICE_FIELDS) from error
        return _created(request, SupportOutput(created).data,
                        reverse("api-board-support-requests"))


@extend_schema(tags=TAGS)
class BoardSupportTakeUpApi(generics.GenericAPIView):  # type: ignore[type-arg]
    """Take a request up: the municipality, Trajekt or a partner, with the person who helps."""

    permission_classes = [RolePermission]
    read_roles = BOARD_SUPPORTERS
    write_roles = BOARD_SUPPORTERS
    serializer_class = SupportOutput

    @extend_schema(tags=TAGS, request=TakeUpInput, responses={200: SupportOutput},
                   description="Pak een nieuwe vraag op (de reactietijd loopt tot deze datum).")
    def post(self, request: Request, pk: int) -> Response:
        support = selectors.support_get(user=request.user, pk=pk)
        data = TakeUpInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            updated = services.board_support_take_up(request=support, provider=values["provider"],
                                                     contact_person=values["contactPerson"],
                                                     taken_up_on=values.get("takenUpOn"),
                                                     by=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            raise rule_broken(error, SERVICE_FIELDS) from error
        return Response(SupportOutput(updated).data)


@extend_schema(tags=TAGS)
class BoardSupportCloseApi(generics.GenericAPIView):  # type: ignore[type-arg]
    """Close a taken-up request as done or closed, with the outcome (and the cost of paid support, on B5)."""

    permission_classes = [RolePermission]
    read_roles = BOARD_SUPPORTERS
    write_roles = BOARD_SUPPORTERS
    serializer_class = SupportOutput

    @extend_schema(tags=TAGS, request=CloseInput, responses={200: SupportOutput},
                   description="Sluit een opgepakte vraag af met de uitkomst.")
    def post(self, request: Request, pk: int) -> Response:
        support = selectors.support_get(user=request.user, pk=pk)
        data = CloseInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            updated = services.board_support_close(request=support, result=values["result"],
                                                   outcome=values["outcome"], cost=values.get("cost"),
                                                   closed_on=values.get("closedOn"),
                                                   by=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            raise rule_broken(error, SERVICE_FIELDS) from error
        return Response(SupportOutput(updated).data)
