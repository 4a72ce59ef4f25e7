"""Token authentication with the standard ``Authorization: Bearer <token>`` header (``Token`` is accepted too).

Keys are looked up by their hash (ontmoet.accounts.tokens); a revoked, expired or unknown key, or one of a
deactivated account, is refused with the same 401. The token's scope is enforced by ``RolePermission``."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from ontmoet.accounts.tokens import usable_token

INVALID_HEADER = "Ongeldige Authorization-header: gebruik 'Bearer <token>'."
INVALID_TOKEN = "Ongeldig, verlopen of ingetrokken API-token."


class BearerTokenAuthentication(BaseAuthentication):
    keyword = "Bearer"
    accepted_keywords = (b"bearer", b"token")

    def authenticate(self, request: Any) -> tuple[Any, Any] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in self.accepted_keywords:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(INVALID_HEADER)
        try:
            key = parts[1].decode()
        except UnicodeError as exc:
            raise AuthenticationFailed(INVALID_HEADER) from exc
        token = usable_token(key)
        if token is None:
            raise AuthenticationFailed(INVALID_TOKEN)
        return token.user, token

    def authenticate_header(self, request: Any) -> str:
        return self.keyword


class BearerTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """The OpenAPI document's security scheme for these tokens (``securitySchemes.bearerAuth``)."""

    target_class = "ontmoet.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "description": "Een API-token van Ontmoet (ont_...)."}
