"""The base of every API input: a field the endpoint does not know is refused by name, never ignored.

A client that sends ``isDemo`` or ``source`` in a PATCH, or misspells ``openingHours``, must learn that the
value was not used (a silently ignored field looks like a change that was made).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerExtension, OpenApiSerializerFieldExtension
from rest_framework import serializers

from ontmoet.core.api_errors import RuleBroken, echo

UNKNOWN_FIELD = _("Onbekend veld. Velden van deze invoer: %(allowed)s.")


class StrictInput(serializers.Serializer[Any]):
    """A serializer for request bodies that refuses unknown fields (with their names) next to the invalid ones."""

    def to_internal_value(self, data: Any) -> Any:
        unknown: dict[str, list[str]] = {}
        if isinstance(data, Mapping):
            known = {str(field.field_name) for field in self._writable_fields}
            allowed = ", ".join(sorted(known))
            unknown = {echo(name): [str(UNKNOWN_FIELD) % {"allowed": allowed}]
                       for name in data if name not in known}
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as error:
            if unknown and isinstance(error.detail, dict):
                raise serializers.ValidationError({**error.detail, **unknown}) from error
            raise
        if unknown:
            raise serializers.ValidationError(unknown)
        return value


class DecimalText(serializers.DecimalField):
    """A decimal sent as a string, with bounds. The document states its form (a pattern, ``DecimalSchema``) but
    cannot state a string's bounds: a value out of them is a rule, answered 422 (ADR 0033)."""

    def run_validators(self, value: Any) -> None:
        try:
            super().run_validators(value)
        except serializers.ValidationError as error:
            codes = error.get_codes()
            if isinstance(codes, list) and set(codes) <= {"min_value", "max_value"}:
                raise RuleBroken([str(message) for message in error.detail]) from error
            raise


class DecimalSchema(OpenApiSerializerFieldExtension):  # type: ignore[no-untyped-call]
    """A decimal sent as a string: the pattern says what the field parses. drf-spectacular's own allows "" and
    "-" and a sign on a field that has no negative values; this one asks for a digit, and a sign only where
    the field takes negative numbers. Bounds cannot be stated for a string: out of them is a 422 (ADR 0033)."""

    target_class = "rest_framework.fields.DecimalField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        field = self.target
        schema: dict[str, Any] = auto_schema._map_serializer_field(field, direction, bypass_extensions=True)
        whole = field.max_whole_digits
        if "pattern" in schema and whole:
            sign = "-?" if field.min_value is None or field.min_value < 0 else ""
            schema["pattern"] = rf"^{sign}\d{{1,{whole}}}(?:\.\d{{1,{field.decimal_places}}})?$"
        return schema


class ListSchema(OpenApiSerializerFieldExtension):  # type: ignore[no-untyped-call]
    """A list field that may not be empty says so (``minItems: 1``); drf-spectacular leaves it out."""

    target_class = "rest_framework.fields.ListField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        schema: dict[str, Any] = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if not self.target.allow_empty:
            schema.setdefault("minItems", 1)
        return schema


class StrictInputSchema(OpenApiSerializerExtension):  # type: ignore[no-untyped-call]
    """The OpenAPI document says so too: every request body of a StrictInput has ``additionalProperties: false``
    (without it, a client reading the document may expect an unknown field to be ignored)."""

    target_class = StrictInput
    match_subclasses = True

    def map_serializer(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        schema: dict[str, Any] = auto_schema._map_basic_serializer(self.target, direction)
        if direction == "request":
            schema["additionalProperties"] = False
        return schema
