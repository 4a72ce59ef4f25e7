"""API v1 of the register: places, their dated type changes and buurten (NL API Design Rules).

Reads for every role (a board member sees only their own places), writes for officers; a board member may
PATCH the public information of their own place. Inputs refuse unknown fields by name (``StrictInput``).
"""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from ontmoet.accounts.permissions import RolePermission, page_cache_scope
from ontmoet.accounts.roles import ALL_ROLES, REGISTER_KEEPERS, Role
from ontmoet.core.api_errors import Conflict, RuleBroken, echo, rule_broken
from ontmoet.core.api_input import DecimalText, StrictInput
from ontmoet.core.serializers import BuiltOnceFieldsMixin
from ontmoet.core.versions import PAGE_CACHE_SECONDS, cache_key
from ontmoet.places import errors, services
from ontmoet.places.models import MeetingPlace, Neighbourhood, PlaceTypeChange
from ontmoet.places.selectors import (
    PlaceFilters,
    editable_fields,
    ensure_place_visible,
    neighbourhood_list,
    place_get,
    place_list,
    place_type_history,
)
from ontmoet.places.types import PlaceType, TypeEntryKind

COORD: dict[str, Any] = {"max_digits": 9, "decimal_places": 6, "coerce_to_string": False}

UNKNOWN_TYPE = _("Onbekend type '%(value)s'. Kies uit: %(choices)s.")
REQUIRED = _("Dit veld is verplicht.")
TYPE_VIA_TYPE_CHANGES = _("Het type wijzigt u met een ingangsdatum: POST /api/v1/places/%(id)s/type-changes.")

#: The names of the services' fields in this API (the services speak the model's names).
SERVICE_FIELDS = {"to_type": "type", "effective_date": "effectiveDate", "house_number": "houseNumber",
                  "opening_hours": "openingHours", "step_free_entrance": "stepFreeEntrance",
                  "accessible_toilet": "accessibleToilet", "hearing_loop": "hearingLoop",
                  "disabled_parking": "disabledParking", "cap_override": "overrideCap"}



CAP_CONFLICT = OpenApiResponse(description="De wijziging brengt een maximum van het beleidsplan in gevaar; "
                                           "overschrijden kan alleen bewust, met overrideCap en een reden.")


def _refusal(error: ValidationError) -> Exception:
    """A service's refusal: the plan's cap on a type is the state of the register (409, as for any cap); every
    other refusal is a rule the input breaks (422, ADR 0033)."""
    refused = getattr(error, "error_dict", {}).get("to_type")
    if refused and refused[0].messages != [str(errors.SAME_TYPE)]:
        return Conflict(" ".join(refused[0].messages))
    return rule_broken(error, SERVICE_FIELDS)

@extend_schema_field({"type": "string", "format": "uri", "maxLength": 200})
class WebAddress(serializers.CharField):
    """A web address. The model's URLValidator checks it in the service (http, https or ftp with a real host):
    a rule that "format: uri" does not state, so a 422 (ADR 0033), in the same words as the form."""

class NeighbourhoodOutput(serializers.ModelSerializer[Neighbourhood]):
    district = serializers.CharField(source="district.code")
    districtName = serializers.CharField(source="district.name")

    class Meta:
        model = Neighbourhood
        fields = ["code", "name", "district", "districtName"]


class PlaceOutput(BuiltOnceFieldsMixin, serializers.ModelSerializer[MeetingPlace]):
    type = serializers.ChoiceField(choices=PlaceType.choices, allow_null=True)
    neighbourhood = serializers.CharField(source="neighbourhood.code", allow_null=True, default=None)
    latitude = serializers.DecimalField(**COORD, allow_null=True)
    longitude = serializers.DecimalField(**COORD, allow_null=True)
    isDemo = serializers.BooleanField(source="is_demo")
    houseNumber = serializers.CharField(source="house_number")
    stepFreeEntrance = serializers.BooleanField(source="step_free_entrance", allow_null=True)
    accessibleToilet = serializers.BooleanField(source="accessible_toilet", allow_null=True)
    hearingLoop = serializers.BooleanField(source="hearing_loop", allow_null=True)
    disabledParking = serializers.BooleanField(source="disabled_parking", allow_null=True)
    openingHours = serializers.CharField(source="opening_hours")

    class Meta:
        model = MeetingPlace
        fields = ["id", "name", "type", "latitude", "longitude", "neighbourhood", "street", "houseNumber",
                  "postcode", "city", "isDemo", "stepFreeEntrance", "accessibleToilet", "hearingLoop",
                  "disabledParking", "openingHours", "description", "website"]


class PlaceInput(StrictInput):
    """Fields an officer may set; a board member may set only the public ones (checked by the service)."""

    name = serializers.CharField(max_length=200, required=False)
    type = serializers.ChoiceField(choices=PlaceType.choices, required=False,
                                   help_text="Alleen bij het aanmaken; daarna via type-changes.")
    latitude = DecimalText(max_digits=9, decimal_places=6, min_value=-90, max_value=90,
                           required=False, allow_null=True)
    longitude = DecimalText(max_digits=9, decimal_places=6, min_value=-180, max_value=180,
                            required=False, allow_null=True)
    neighbourhood = serializers.SlugRelatedField(slug_field="code", queryset=Neighbourhood.objects.all(),
                                                 required=False, allow_null=True)
    street = serializers.CharField(max_length=200, required=False, allow_blank=True)
    houseNumber = serializers.CharField(source="house_number", max_length=20, required=False, allow_blank=True)
    postcode = serializers.RegexField(r"^[1-9][0-9]{3} ?[A-Z]{2}$", required=False, allow_blank=True)
    city = serializers.CharField(max_length=100, required=False)
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    openingHours = serializers.CharField(source="opening_hours", required=False, allow_blank=True, max_length=2000)
    website = WebAddress(required=False, allow_blank=True, max_length=200)
    stepFreeEntrance = serializers.BooleanField(source="step_free_entrance", required=False, allow_null=True)
    accessibleToilet = serializers.BooleanField(source="accessible_toilet", required=False, allow_null=True)
    hearingLoop = serializers.BooleanField(source="hearing_loop", required=False, allow_null=True)
    disabledParking = serializers.BooleanField(source="disabled_parking", required=False, allow_null=True)


class PlaceCreateInput(PlaceInput):
    """A new place needs its name and type (the document says so; PATCH takes any of the fields)."""

    name = serializers.CharField(max_length=200, error_messages={"required": REQUIRED})
    type = serializers.ChoiceField(choices=PlaceType.choices, error_messages={"required": REQUIRED},
                                   help_text="Alleen bij het aanmaken; daarna via type-changes.")


class TypeChangeInput(StrictInput):
    type = serializers.ChoiceField(choices=PlaceType.choices, help_text="Het nieuwe type van de plek.")
    effectiveDate = serializers.DateField(help_text="Ingangsdatum (JJJJ-MM-DD).")
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="",
                                   help_text="Waarom; verplicht bij overrideCap.")
    overrideCap = serializers.BooleanField(
        required=False, default=False,
        help_text="Het maximum van het beleidsplan bewust overschrijden (alleen met een reden).")


class TypeChangeOutput(serializers.ModelSerializer[PlaceTypeChange]):
    """One entry of the type history; the history is append-only (corrections and retractions are entries too)."""

    kind = serializers.ChoiceField(choices=TypeEntryKind.choices,
                                   help_text="record: vastgelegd; correction: vervangt een eerdere regel; "
                                             "retraction: trekt een wijziging in die nog niet was ingegaan.")
    fromType = serializers.ChoiceField(source="from_type", choices=PlaceType.choices, allow_null=True,
                                       help_text="Het type tot de ingangsdatum; null bij opname in het register.")
    type = serializers.ChoiceField(source="to_type", choices=PlaceType.choices, allow_null=True,
                                   help_text="Het type vanaf de ingangsdatum; null bij een intrekking.")
    effectiveDate = serializers.DateField(source="effective_date")
    supersedes: serializers.PrimaryKeyRelatedField[PlaceTypeChange] = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True,
                                                    help_text="De regel die deze correctie of intrekking vervangt.")
    superseded = serializers.SerializerMethodField(help_text="Later gecorrigeerd of ingetrokken: telt niet meer.")
    capOverride = serializers.BooleanField(source="cap_override",
                                           help_text="Het maximum van het beleidsplan is bewust overschreden.")
    recordedAt = serializers.DateTimeField(source="recorded_at")

    class Meta:
        model = PlaceTypeChange
        fields = ["id", "kind", "fromType", "type", "effectiveDate", "reason", "supersedes", "superseded",
                  "capOverride", "recordedAt"]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_superseded(self, instance: PlaceTypeChange) -> bool:
        # place_type_history annotates it; a change just recorded is superseded by nothing yet.
        return bool(getattr(instance, "superseded", False))

    def to_representation(self, instance: PlaceTypeChange) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["fromType"] = data["fromType"] or None
        data["type"] = data["type"] or None
        return data


def _created(request: Request, data: Any, url: str) -> Response:
    """201 with the new resource and its address (RFC 9110 §15.3.2)."""
    return Response(data, status=status.HTTP_201_CREATED, headers={"Location": request.build_absolute_uri(url)})


@extend_schema_view(get=extend_schema(parameters=[
    OpenApiParameter("type", OpenApiTypes.STR, enum=PlaceType.values, description="Type van de plek (vandaag)"),
    OpenApiParameter("neighbourhood", OpenApiTypes.STR, description="CBS-buurtcode, bv. BU09350207"),
]))
class PlaceListCreateApi(generics.ListCreateAPIView):  # type: ignore[type-arg]
    """Places of the register (a board member sees only their own places)."""

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    write_roles = REGISTER_KEEPERS
    serializer_class = PlaceOutput

    def get_queryset(self) -> Any:
        params = self.request.query_params
        place_type = params.get("type", "")
        if place_type and place_type not in PlaceType.values:
            raise serializers.ValidationError({"type": [str(UNKNOWN_TYPE) % {
                "value": echo(place_type), "choices": ", ".join(PlaceType.values)}]})
        return place_list(user=self.request.user, filters=PlaceFilters(
            type=place_type, neighbourhood=params.get("neighbourhood", "")))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The answer depends on the data (its version), whose places the user sees, the query and the host (the
        # page links are absolute): cached under those, so the same list is serialised once (ADR 0030).
        key = cache_key("api-places", page_cache_scope(request.user), request.get_host(), request.get_full_path(),
                        get_language())
        data = caches["pages"].get(key)
        if data is None:
            response = super().list(request, *args, **kwargs)
            caches["pages"].set(key, response.data, PAGE_CACHE_SECONDS)
            return response
        return Response(data)

    @extend_schema(request=PlaceCreateInput, responses={201: PlaceOutput, 409: CAP_CONFLICT})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = PlaceCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        place_type = values.pop("type", None)
        missing = {key: [str(REQUIRED)] for key, present in (("name", values.get("name")), ("type", place_type))
                   if not present}
        if missing:
            raise serializers.ValidationError(missing)
        try:
            place = services.place_create(values=values, type=place_type, effective_date=timezone.localdate(),
                                          by=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            raise _refusal(error) from error
        return _created(request, PlaceOutput(place_get(user=request.user, pk=place.pk)).data,
                        reverse("api-place", args=[place.pk]))


class PlaceDetailApi(generics.GenericAPIView):  # type: ignore[type-arg]
    """One place; PATCH changes its facts (a board member only the public information of their own place)."""

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    write_roles = REGISTER_KEEPERS | {Role.BOARD_MEMBER}
    serializer_class = PlaceOutput

    def get(self, request: Request, pk: int) -> Response:
        ensure_place_visible(user=request.user, pk=pk)  # 404 before anything cached is shown
        key = cache_key("api-place", pk, request.get_host(), get_language())
        data = caches["pages"].get(key)
        if data is None:
            data = PlaceOutput(place_get(user=request.user, pk=pk)).data
            caches["pages"].set(key, data, PAGE_CACHE_SECONDS)
        return Response(data)

    @extend_schema(request=PlaceInput, responses={200: PlaceOutput})
    def patch(self, request: Request, pk: int) -> Response:
        place = place_get(user=request.user, pk=pk)
        data = PlaceInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "type" in values:
            raise RuleBroken({"type": [str(TYPE_VIA_TYPE_CHANGES) % {"id": place.pk}]})
        allowed = editable_fields(request.user, place)  # type: ignore[arg-type]
        refused = sorted(SERVICE_FIELDS.get(k, k) for k in set(values) - set(allowed))
        if refused:
            raise PermissionDenied(str(errors.FIELDS_NOT_ALLOWED) % {"fields": ", ".join(refused)})
        try:
            services.place_update(place=place, values=values, by=request.user)  # type: ignore[arg-type]
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except ValidationError as error:
            raise rule_broken(error, SERVICE_FIELDS) from error
        return Response(PlaceOutput(place_get(user=request.user, pk=pk)).data)


class PlaceTypeChangesApi(generics.ListAPIView):  # type: ignore[type-arg]
    """The dated type history of a place (GET), and a new type change (POST; seed §6, Bouwsteen 1).

    A change that would pass the plan's maximum of Ontmoetingscentra or Huizen van de Wijk on any day from its
    effective date is refused with 409, unless ``overrideCap`` is given with a ``reason`` (audited as such).
    """

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    write_roles = REGISTER_KEEPERS
    serializer_class = TypeChangeOutput

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator asks without a place
            return PlaceTypeChange.objects.none()
        return place_type_history(place_get(user=self.request.user, pk=self.kwargs["pk"]))

    @extend_schema(request=TypeChangeInput, responses={
        201: TypeChangeOutput,
        409: CAP_CONFLICT})
    def post(self, request: Request, pk: int) -> Response:
        place = place_get(user=request.user, pk=pk)
        data = TypeChangeInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            change = services.place_change_type(
                place=place, to=values["type"], effective_date=values["effectiveDate"], reason=values["reason"],
                cap_override=values["overrideCap"], by=request.user)  # type: ignore[arg-type]
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except ValidationError as error:
            raise _refusal(error) from error
        return _created(request, TypeChangeOutput(change).data,
                        reverse("api-place-type-change", args=[place.pk, change.pk]))


class PlaceTypeChangeApi(generics.RetrieveAPIView):  # type: ignore[type-arg]
    """One type change of a place."""

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    serializer_class = TypeChangeOutput

    def get_object(self) -> PlaceTypeChange:
        place = place_get(user=self.request.user, pk=self.kwargs["pk"])
        return get_object_or_404(place_type_history(place), pk=self.kwargs["changeId"])


class NeighbourhoodListApi(generics.ListAPIView):  # type: ignore[type-arg]
    """The 44 CBS buurten of Maastricht (2024)."""

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    serializer_class = NeighbourhoodOutput

    def get_queryset(self) -> Any:
        return neighbourhood_list()


class NeighbourhoodDetailApi(generics.RetrieveAPIView):  # type: ignore[type-arg]
    """One buurt by its CBS code (BU0935xxxx), with its wijk."""

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    serializer_class = NeighbourhoodOutput

    def get_object(self) -> Neighbourhood:
        return get_object_or_404(neighbourhood_list(), code=self.kwargs["code"])
