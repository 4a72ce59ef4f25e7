"""Shared OpenAPI shapes: the problem details every endpoint answers errors with (ontmoet.api.errors)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

#: The media type of error answers (RFC 9457; NL API Design Rules API-46).
PROBLEM = "application/problem+json"


class InvalidParamOutput(serializers.Serializer[Any]):
    name = serializers.CharField(help_text="Het veld of de sleutel die niet klopt.")
    reason = serializers.CharField()


class ProblemOutput(serializers.Serializer[Any]):
    """RFC 9457 problem details, as ontmoet.api.errors writes them."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField(required=False)
    invalidParams = InvalidParamOutput(many=True, required=False)
