"""Security headers on every page (BIO2, OWASP ASVS V14.4), beside Django's own (nosniff, X-Frame-Options, HSTS).

- ``Content-Security-Policy`` without ``unsafe-inline`` or ``unsafe-eval``: scripts, styles, images and fonts
  come from this server only; the few inline ``<script>``/``<style>`` elements carry the request's nonce
  (``{{ request.csp_nonce }}``), and htmx runs with ``allowEval`` off (the ``htmx-config`` meta in base.html).
- ``Permissions-Policy``: no camera, microphone, payment or sensors; geolocation only for this site (the
  public finder asks for it after a click, never before).
- ``Cache-Control: no-store`` on every answer to a logged-in user (pages, exports, downloads): a shared or
  back-button cache never keeps a page with personal data or decisions. Answers that set their own
  Cache-Control (static files, public feeds) keep it.

The API (``/api/``) has its own headers (ontmoet.api.middleware); its answers are JSON, not documents.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/"

PERMISSIONS_POLICY = ("accelerometer=(), camera=(), geolocation=(self), gyroscope=(), magnetometer=(), "
                      "microphone=(), payment=(), usb=()")


def content_security_policy(nonce: str) -> str:
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'nonce-{nonce}'",
        f"style-src 'self' 'nonce-{nonce}'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ])


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        nonce = secrets.token_urlsafe(18)
        request.csp_nonce = nonce  # type: ignore[attr-defined]
        response = self.get_response(request)
        if not request.path_info.startswith(API_PREFIX):
            response.headers.setdefault("Content-Security-Policy", content_security_policy(nonce))
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.headers.setdefault("Cache-Control", "no-store")
        return response
