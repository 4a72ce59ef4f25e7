"""Serializer helpers shared by the apps' APIs."""

from __future__ import annotations

import copy
from typing import Any


class BuiltOnceFieldsMixin:
    """A ModelSerializer that builds its fields from the model once per class, not once per request.

    DRF builds a ModelSerializer's fields from the model's fields on every instance (a list of 24 places spent
    more time there than on its rows). The fields it builds depend only on the class, so they are built once and
    each serializer gets deep copies, as a plain Serializer gets copies of its declared fields. Not for
    serializers whose ``get_fields`` depends on the request or the instance.
    """

    _built_fields: dict[str, Any]

    def get_fields(self) -> dict[str, Any]:
        cls = type(self)
        if "_built_fields" not in cls.__dict__:
            cls._built_fields = super().get_fields()  # type: ignore[misc]
        return copy.deepcopy(cls._built_fields)
