"""API v1 of the register: places and buurten (NL API Design Rules; reads for every role, writes for officers)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from ontmoet.accounts.permissions import RolePermission
from ontmoet.accounts.roles import ALL_ROLES, REGISTER_KEEPERS, Role
from ontmoet.core.serializers import BuiltOnceFieldsMixin
from ontmoet.places import services
from ontmoet.places.models import MeetingPlace, Neighbourhood
from ontmoet.places.selectors import PlaceFilters, editable_fields, neighbourhood_list, place_get, place_list
from ontmoet.places.types import PlaceType

COORD: dict[str, Any] = {"max_digits": 9, "decimal_places": 6, "coerce_to_string": False}


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


class PlaceInput(serializers.Serializer[Any]):
    """Fields an officer may set; a board member may set only the public ones (checked by the service)."""

    name = serializers.CharField(max_length=200, required=False)
    type = serializers.ChoiceField(choices=PlaceType.choices, required=False)
    latitude = serializers.DecimalField(max_digits=9, decimal_places=6, min_value=-90, max_value=90,
                                        required=False, allow_null=True)
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, min_value=-180, max_value=180,
                                         required=False, allow_null=True)
    neighbourhood = serializers.SlugRelatedField(slug_field="code", queryset=Neighbourhood.objects.all(),
                                                 required=False, allow_null=True)
    street = serializers.CharField(max_length=200, required=False, allow_blank=True)
    houseNumber = serializers.CharField(source="house_number", max_length=20, required=False, allow_blank=True)
    postcode = serializers.RegexField(r"^[1-9][0-9]{3} ?[A-Z]{2}$", required=False, allow_blank=True)
    city = serializers.CharField(max_length=100, required=False)
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    openingHours = serializers.CharField(source="opening_hours", required=False, allow_blank=True, max_length=2000)
    website = serializers.URLField(required=False, allow_blank=True, max_length=200)
    stepFreeEntrance = serializers.BooleanField(source="step_free_entrance", required=False, allow_null=True)
    accessibleToilet = serializers.BooleanField(source="accessible_toilet", required=False, allow_null=True)
    hearingLoop = serializers.BooleanField(source="hearing_loop", required=False, allow_null=True)
    disabledParking = serializers.BooleanField(source="disabled_parking", required=False, allow_null=True)


def _validation_to_api(error: ValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


@extend_schema(parameters=[
    OpenApiParameter("type", OpenApiTypes.STR, enum=PlaceType.values, description="Type van de plek (vandaag)"),
    OpenApiParameter("neighbourhood", OpenApiTypes.STR, description="CBS-buurtcode, bv. BU09350207"),
])
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
            raise serializers.ValidationError({"type": [f"Onbekend type '{place_type}'."]})
        return place_list(user=self.request.user, filters=PlaceFilters(
            type=place_type, neighbourhood=params.get("neighbourhood", "")))

    @extend_schema(request=PlaceInput, responses={201: PlaceOutput})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = PlaceInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        place_type = values.pop("type", None)
        if place_type is None or not values.get("name"):
            raise serializers.ValidationError({k: ["Dit veld is verplicht."] for k in ("name", "type")
                                               if not (values.get(k) if k == "name" else place_type)})
        try:
            with transaction.atomic():
                place = services.place_create(values=values, type=place_type, effective_date=timezone.localdate(),
                                              by=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            raise _validation_to_api(error) from error
        return Response(PlaceOutput(place_get(user=request.user, pk=place.pk)).data, status=status.HTTP_201_CREATED)


class PlaceDetailApi(generics.GenericAPIView):  # type: ignore[type-arg]
    """One place; PATCH changes its facts (a board member only the public information of their own place)."""

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    write_roles = REGISTER_KEEPERS | {Role.BOARD_MEMBER}
    serializer_class = PlaceOutput

    def get(self, request: Request, pk: int) -> Response:
        return Response(PlaceOutput(place_get(user=request.user, pk=pk)).data)

    @extend_schema(request=PlaceInput, responses={200: PlaceOutput})
    def patch(self, request: Request, pk: int) -> Response:
        place = place_get(user=request.user, pk=pk)
        data = PlaceInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "type" in values:
            raise serializers.ValidationError({"type": ["Het type wijzigt u met een datum via de typewijziging."]})
        allowed = editable_fields(request.user, place)  # type: ignore[arg-type]
        refused = sorted(set(values) - set(allowed))
        if refused:
            raise PermissionDenied(f"U mag deze velden niet wijzigen: {', '.join(refused)}.")
        try:
            services.place_update(place=place, values=values, by=request.user)  # type: ignore[arg-type]
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except ValidationError as error:
            raise _validation_to_api(error) from error
        return Response(PlaceOutput(place_get(user=request.user, pk=pk)).data)


class NeighbourhoodListApi(generics.ListAPIView):  # type: ignore[type-arg]
    """The 44 CBS buurten of Maastricht (2024)."""

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    serializer_class = NeighbourhoodOutput

    def get_queryset(self) -> Any:
        return neighbourhood_list()


class NeighbourhoodDetailApi(generics.RetrieveAPIView):  # type: ignore[type-arg]
    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    serializer_class = NeighbourhoodOutput

    def get_object(self) -> Neighbourhood:
        return get_object_or_404(neighbourhood_list(), code=self.kwargs["code"])
