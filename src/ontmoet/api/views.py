"""API views that belong to no app: the published OpenAPI document and the answer for unknown paths."""

from __future__ import annotations

from typing import Any

from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


class OpenApiDocumentApi(SpectacularJSONAPIView):
    """/openapi.json, readable from any origin (NL API Design Rules /core/publish-openapi)."""

    schema = None  # the document itself is not one of its operations

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response: Response = super().get(request, *args, **kwargs)  # type: ignore[no-untyped-call]
        response["Access-Control-Allow-Origin"] = "*"
        return response


class UnknownPathApi(APIView):
    """Every path under /api/v1/ that names no endpoint, with any method: 404 as problem details.

    Also a trailing slash (/core/no-trailing-slash: a 404, never a redirect). Open to everyone, as the answer
    says nothing about what exists.
    """

    authentication_classes: list[Any] = []
    permission_classes: list[Any] = []
    schema = None  # not an operation of the document

    def http_method_not_allowed(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        raise NotFound()

    def options(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        raise NotFound()
