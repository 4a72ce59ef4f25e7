"""API v1 of the afwegingskader: ``POST /api/v1/assessments`` runs the framework on the facts in the body.

It is a computation, not a state change (nothing is stored), but it takes a body, so it is a POST; who may
call it is declared in ``write_roles``. Bad input is a 400 problem+json naming the field (ontmoet.api.errors);
an unknown field is refused by name. The facts of a finding are named in camelCase, as everything in the API.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ontmoet.accounts.permissions import RolePermission
from ontmoet.accounts.roles import STAFF_ROLES
from ontmoet.assessment import errors
from ontmoet.assessment.evaluation import AssessmentRequest, assessment_run
from ontmoet.core.api_casing import camel
from ontmoet.core.api_errors import RuleBroken
from ontmoet.core.api_input import StrictInput
from ontmoet.domain.assessment import Advice, ModernisationRequest, Outcome
from ontmoet.places.models import MeetingPlace
from ontmoet.places.types import OwnerKind, PlaceType

_MAX_ID = 2**31 - 1


class ModernisationInput(StrictInput):
    sustainabilityMeasures = serializers.ListField(  # API field names are camelCase
        child=serializers.CharField(max_length=500), max_length=50, required=False, default=list,
        help_text="Duurzaamheidsmaatregelen, bv. isolatie, warmtepomp.")
    accessibilityMeasures = serializers.ListField(
        child=serializers.CharField(max_length=500), max_length=50, required=False, default=list,
        help_text="Maatregelen voor toegankelijkheid, bv. drempelvrije entree.")
    justification = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="",
                                          help_text="Waarom een soort maatregel niet nodig is.")


class AssessmentInput(StrictInput):
    type = serializers.ChoiceField(choices=PlaceType.choices, help_text="Type van de (nieuwe) plek.")
    latitude = serializers.FloatField(min_value=-90, max_value=90, required=False,
                                      help_text="Breedtegraad (WGS84), samen met longitude.")
    longitude = serializers.FloatField(min_value=-180, max_value=180, required=False,
                                       help_text="Lengtegraad (WGS84), samen met latitude.")
    neighbourhood = serializers.CharField(max_length=10, required=False,
                                          help_text="CBS-buurtcode in plaats van coördinaten (labelpunt).")
    place = serializers.IntegerField(min_value=1, max_value=_MAX_ID, required=False,
                                     help_text="Een bestaande plek uit het register (met haar bestuur en pand).")
    weightyReason = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default="",
        help_text="Vastgelegde zwaarwegende reden; geldt voor beide afstandsregels.")
    modernisation = ModernisationInput(required=False, allow_null=True, default=None)
    involvement = serializers.CharField(max_length=4000, required=False, allow_blank=True, allow_null=True,
                                        default=None, help_text="Hoe de buurt betrokken is; weglaten = onbekend.")
    buildingOwner = serializers.ChoiceField(
        choices=OwnerKind.choices, required=False, allow_null=True, default=None)
    placeRunByMunicipality = serializers.BooleanField(required=False, allow_null=True, default=None)
    broadlyAccessible = serializers.BooleanField(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("latitude" in attrs) != ("longitude" in attrs):
            missing = "longitude" if "latitude" in attrs else "latitude"
            raise RuleBroken({missing: [str(errors.COORDINATES_PAIR)]})
        if "place" in attrs:
            place = MeetingPlace.objects.filter(pk=attrs["place"]).first()
            if place is None:
                raise RuleBroken({"place": [errors.PLACE_UNKNOWN % {"value": attrs["place"]}]})
            attrs["place"] = place
        return attrs

    def to_request(self) -> AssessmentRequest:
        data = self.validated_data
        modernisation = data.get("modernisation")
        return AssessmentRequest(
            type=data["type"],
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            neighbourhood_code=data.get("neighbourhood"),
            place=data.get("place"),
            weighty_reason=data.get("weightyReason", ""),
            modernisation=None if modernisation is None else ModernisationRequest(
                sustainability_measures=tuple(modernisation.get("sustainabilityMeasures", [])),
                accessibility_measures=tuple(modernisation.get("accessibilityMeasures", [])),
                justification=modernisation.get("justification", "")),
            involvement=data.get("involvement"),
            building_owner=data.get("buildingOwner"),
            place_run_by_municipality=data.get("placeRunByMunicipality"),
            broadly_accessible=data.get("broadlyAccessible"),
        )


class PlanOutput(serializers.Serializer[Any]):
    id = serializers.CharField()
    version = serializers.CharField()


class FindingOutput(serializers.Serializer[Any]):
    rule = serializers.CharField()
    outcome = serializers.ChoiceField(choices=[o.value for o in Outcome])
    explanation = serializers.CharField(help_text="Uitleg in het Nederlands.")
    explanationEn = serializers.CharField(help_text="Explanation in English.")
    facts = serializers.DictField(child=serializers.JSONField(allow_null=True),
                                  help_text="De gebruikte feiten (namen in camelCase); de eenheden staan in units.")
    units = serializers.DictField(child=serializers.CharField(), help_text="Eenheid per feit (m, %, ...).")

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data = super().to_representation(instance)
        # Only the names of the facts: their values are data (a buurt code stays a buurt code).
        data["facts"] = {camel(name): value for name, value in data["facts"].items()}
        data["units"] = {camel(name): unit for name, unit in data["units"].items()}
        return data


class SubjectOutput(serializers.Serializer[Any]):
    type = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    neighbourhood = serializers.CharField(allow_null=True, help_text="CBS-buurtcode van het punt.")


class AssessmentOutput(serializers.Serializer[Any]):
    advice = serializers.ChoiceField(choices=[a.value for a in Advice])
    score = serializers.FloatField(help_text="0–100, voor de rangorde van aanvragen.")
    plan = PlanOutput()
    findings = FindingOutput(many=True)
    subject = SubjectOutput()


class AssessmentCreateApi(APIView):
    """Run the afwegingskader on a (new) place: advice, score, plan version and the findings per rule."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES

    @extend_schema(
        operation_id="assessments_create",
        request=AssessmentInput,
        responses={200: AssessmentOutput},
        summary="Toets een plek aan het afwegingskader",
    )
    def post(self, request: Request) -> Response:
        data = AssessmentInput(data=request.data)
        data.is_valid(raise_exception=True)
        assessment, subject = assessment_run(request=data.to_request())
        body = assessment.to_dict()
        body["subject"] = {
            "type": subject.kind.value,
            "latitude": subject.latitude,
            "longitude": subject.longitude,
            "neighbourhood": subject.neighbourhood.code if subject.neighbourhood else None,
        }
        return Response(AssessmentOutput(body).data)
