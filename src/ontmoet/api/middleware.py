"""Headers on every answer under /api/, whichever part of the system wrote it (a view, DRF's error handler,
the request guard, Django's own 404/500 views).

- ``API-Version``: the full version (NL API Design Rules /core/version-header); the URI has the major only.
- ``Cache-Control: no-store`` and ``Content-Security-Policy: frame-ancestors 'none'``: the security headers of
  /core/transport/security-headers that the project's settings do not already send everywhere (nosniff,
  X-Frame-Options and HSTS come from Django's SecurityMiddleware and clickjacking middleware).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/"


class ApiHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(API_PREFIX):
            response.headers["API-Version"] = settings.API_VERSION
            response.headers.setdefault("Cache-Control", "no-store")
            response.headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
        return response
