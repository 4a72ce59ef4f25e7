"""Token authentication with the standard ``Authorization: Bearer <token>`` header (``Token`` is accepted too)."""

from __future__ import annotations

from typing import Any

from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

INVALID_HEADER = "Ongeldige Authorization-header: gebruik 'Bearer <token>'."


class BearerTokenAuthentication(TokenAuthentication):
    keyword = "Bearer"
    accepted_keywords = (b"bearer", b"token")

    def authenticate(self, request: Any) -> tuple[Any, Any] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in self.accepted_keywords:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(INVALID_HEADER)
        try:
            token = parts[1].decode()
        except UnicodeError as exc:
            raise AuthenticationFailed(INVALID_HEADER) from exc
        return self.authenticate_credentials(token)
