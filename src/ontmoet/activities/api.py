"""API v1 of the activities (NL API Design Rules): ``/api/v1/activities`` to list and register, and
``/api/v1/activities/{id}`` to read, change (``cancelled: true`` cancels it) and remove. A board member reads
and writes the activities of their own places only (another place's activity is a 404)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from ontmoet.accounts.permissions import RolePermission, may_act_for
from ontmoet.accounts.roles import ACTIVITY_WRITERS, ALL_ROLES
from ontmoet.activities import services
from ontmoet.activities.models import MAX_PARTICIPANTS, Activity
from ontmoet.activities.selectors import activity_get, activity_list
from ontmoet.activities.types import Category, Initiator
from ontmoet.core.api_errors import RuleBroken, rule_broken
from ontmoet.core.api_input import StrictInput
from ontmoet.domain.activities import plain_whole
from ontmoet.places.models import MeetingPlace

#: The API's names of the services' fields.
API_NAMES = {"start_time": "startTime", "end_time": "endTime", "initiated_by": "initiatedBy",
             "organised_by": "organisedBy", "target_group": "targetGroup", "is_public": "isPublic"}


@extend_schema_field({"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "example": "14:00"})
class ClockTime(serializers.TimeField):
    """A time of day as HH:MM (what a volunteer types; OpenAPI's "time" format would demand a UTC offset)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", input_formats=["%H:%M"], **kwargs)


class ActivityOutput(serializers.ModelSerializer[Activity]):
    place = serializers.IntegerField(source="place_id")
    series = serializers.IntegerField(source="series_id", allow_null=True,
                                      help_text="De reeks waar deze datum bij hoort (null: een losse activiteit).")
    startTime = ClockTime(source="start_time", allow_null=True)
    endTime = ClockTime(source="end_time", allow_null=True)
    category = serializers.ChoiceField(choices=Category.choices)
    initiatedBy = serializers.ChoiceField(source="initiated_by", choices=Initiator.choices)
    organisedBy = serializers.ChoiceField(source="organised_by", choices=Initiator.choices)
    targetGroup = serializers.CharField(source="target_group")
    isPublic = serializers.BooleanField(source="is_public")
    changedAt = serializers.DateTimeField(source="changed_at")

    class Meta:
        model = Activity
        fields = ["id", "place", "series", "date", "startTime", "endTime", "title", "category", "initiatedBy",
                  "organisedBy", "participants", "targetGroup", "isPublic", "cancelled", "changedAt"]


class ActivityInput(StrictInput):
    place = serializers.IntegerField(min_value=1, max_value=2**31 - 1, help_text="Het nummer van de plek.")
    date = serializers.DateField()
    startTime = ClockTime(source="start_time", required=False, allow_null=True)
    endTime = ClockTime(source="end_time", required=False, allow_null=True)
    title = serializers.CharField(max_length=200)
    category = serializers.ChoiceField(choices=Category.choices, required=False, default=Category.OTHER)
    initiatedBy = serializers.ChoiceField(source="initiated_by", choices=Initiator.choices)
    organisedBy = serializers.ChoiceField(source="organised_by", choices=Initiator.choices)
    participants = serializers.IntegerField(min_value=0, max_value=MAX_PARTICIPANTS)
    targetGroup = serializers.CharField(source="target_group", max_length=200, required=False, allow_blank=True,
                                        default="")
    isPublic = serializers.BooleanField(source="is_public", required=False, default=True)


class ActivityChangeInput(ActivityInput):
    cancelled = serializers.BooleanField(required=False, help_text="true: de activiteit vervalt.")


def _place(user: Any, place_id: int) -> MeetingPlace:
    """The place a body names. One the caller does not act for is answered as one that does not exist (no
    enumeration of another board's places; a reference in a body is a 422, ADR 0033)."""
    place = MeetingPlace.objects.filter(pk=place_id).first()
    if place is None or not may_act_for(user, place):
        raise RuleBroken({"place": ["Onbekende plek."]})
    return place


@extend_schema_view(get=extend_schema(parameters=[
    OpenApiParameter("place", {"type": "integer", "minimum": 0, "maximum": 999_999_999},  # plain_whole
                     description="Alleen de activiteiten van deze plek"),
    OpenApiParameter("from", OpenApiTypes.DATE, description="Vanaf deze datum"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Tot en met deze datum"),
]))
class ActivityListCreateApi(generics.ListAPIView):  # type: ignore[type-arg]
    """The activities of the places the caller acts for (a board member: their own), newest first."""

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    write_roles = ACTIVITY_WRITERS
    serializer_class = ActivityOutput

    def get_queryset(self) -> Any:
        params = self.request.query_params
        dates = {}
        for name in ("from", "to"):
            if params.get(name):
                field = serializers.DateField()
                try:
                    dates[name] = field.run_validation(params[name])
                except serializers.ValidationError as exc:
                    raise serializers.ValidationError({name: exc.detail}) from exc
        place = params.get("place", "")
        if place and plain_whole(place) is None:
            raise serializers.ValidationError({"place": ["Een geheel getal."]})
        return activity_list(user=self.request.user, place=plain_whole(place) if place else None,
                             start=dates.get("from"), end=dates.get("to"))

    @extend_schema(request=ActivityInput, responses={201: ActivityOutput})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = ActivityInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        place = _place(request.user, values.pop("place"))
        try:
            activity = services.activity_create(place=place, values=values, by=request.user)  # type: ignore[arg-type]
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except ValidationError as error:
            raise rule_broken(error, API_NAMES) from error
        url = request.build_absolute_uri(reverse("api-activity", args=[activity.pk]))
        return Response(ActivityOutput(activity).data, status=status.HTTP_201_CREATED, headers={"Location": url})


class ActivityDetailApi(generics.GenericAPIView):  # type: ignore[type-arg]
    """One activity: read, change (PATCH; ``cancelled`` cancels it or takes that back), remove (DELETE)."""

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    write_roles = ACTIVITY_WRITERS
    serializer_class = ActivityOutput

    def get(self, request: Request, pk: int) -> Response:
        return Response(ActivityOutput(activity_get(user=request.user, pk=pk)).data)

    @extend_schema(request=ActivityChangeInput, responses={200: ActivityOutput})
    def patch(self, request: Request, pk: int) -> Response:
        activity = activity_get(user=request.user, pk=pk)
        data = ActivityChangeInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "place" in values and values.pop("place") != activity.place_id:
            raise RuleBroken({"place": ["Een activiteit verhuist niet; registreer haar opnieuw."]})
        cancelled = values.pop("cancelled", None)
        try:
            if values:
                activity = services.activity_update(activity=activity, values=values, by=request.user)  # type: ignore[arg-type]
            if cancelled is not None:
                activity = services.activity_cancel(activity=activity, cancelled=cancelled, by=request.user)  # type: ignore[arg-type]
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except ValidationError as error:
            raise rule_broken(error, API_NAMES) from error
        return Response(ActivityOutput(activity_get(user=request.user, pk=pk)).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        activity = activity_get(user=request.user, pk=pk)
        try:
            services.activity_delete(activity=activity, by=request.user)  # type: ignore[arg-type]
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        return Response(status=status.HTTP_204_NO_CONTENT)
