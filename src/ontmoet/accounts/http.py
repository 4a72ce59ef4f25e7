"""The request of a page or endpoint behind ``require_roles``: the user is a logged-in ``User`` with a role."""

from __future__ import annotations

from ontmoet.accounts.models import User
from ontmoet.core.http import HtmxHttpRequest


class AuthenticatedHttpRequest(HtmxHttpRequest):
    user: User  # narrowed: require_roles lets no anonymous visitor through
