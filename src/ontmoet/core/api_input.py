"""The base of every API input: a field the endpoint does not know is refused by name, never ignored.

A client that sends ``isDemo`` or ``source`` in a PATCH, or misspells ``openingHours``, must learn that the
value was not used (a silently ignored field looks like a change that was made).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerExtension
from rest_framework import serializers

from ontmoet.core.api_errors import echo

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
