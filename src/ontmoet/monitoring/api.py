"""API v1 of the monitoring: ``GET /api/v1/indicators?year=YEAR`` (the same JSON as ``ontmoet indicators
--format json``; shares as fractions between 0 and 1, ``value`` null when there is no data)."""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ontmoet.accounts.permissions import RolePermission
from ontmoet.accounts.roles import ALL_ROLES
from ontmoet.core.versions import PAGE_CACHE_SECONDS, cache_key
from ontmoet.monitoring.selectors import indicators_json


class IndicatorOutput(serializers.Serializer[Any]):
    key = serializers.CharField()
    kind = serializers.ChoiceField(choices=["effect", "effort"])
    label = serializers.CharField()  # type: ignore[assignment]  # a field named "label", not Field.label
    unit = serializers.CharField()
    value = serializers.FloatField(allow_null=True, help_text="Een aandeel als fractie (0–1); null: geen gegevens.")
    measuredYear = serializers.IntegerField(allow_null=True)
    target = serializers.FloatField(allow_null=True)
    targetYear = serializers.IntegerField(allow_null=True)
    status = serializers.ChoiceField(choices=["achieved", "on_track", "at_risk", "off_track"], allow_null=True)
    locked = serializers.BooleanField(help_text="De cijfers van dit jaar zijn vastgesteld.")


class IndicatorsOutput(serializers.Serializer[Any]):
    year = serializers.IntegerField()
    indicators = IndicatorOutput(many=True)


class YearInput(serializers.Serializer[Any]):
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False)


class IndicatorsApi(APIView):
    """The indicators of the plan in a year, against their targets (the locked figures when there are any)."""

    permission_classes = [RolePermission]
    read_roles = ALL_ROLES
    write_roles: frozenset[str] = frozenset()

    @extend_schema(operation_id="indicators_get", tags=["indicators"], parameters=[
        OpenApiParameter("year", {"type": "integer", "minimum": 2000, "maximum": 2100},
                         description="Het jaar (standaard dit jaar)")],
        responses={200: IndicatorsOutput})
    def get(self, request: Request) -> Response:
        params = YearInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        year = params.validated_data.get("year") or timezone.localdate().year
        # The same figures for every caller: cached under the data version and the day (ADR 0030), so they are
        # computed once per change, not once per call.
        key = cache_key("api-indicators", year, get_language())
        data = caches["pages"].get(key)
        if data is None:
            data = indicators_json(year)
            caches["pages"].set(key, data, PAGE_CACHE_SECONDS)
        return Response(data)
