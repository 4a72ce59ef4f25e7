"""Role and ownership checks for pages, API endpoints and services.

Every page declares its roles with :func:`require_roles`; every API view with :class:`RolePermission`
(``read_roles`` / ``write_roles``). A test walks all URL patterns and fails when one declares nothing.
Ownership (a board member acts only for the places they are linked to) is checked on the object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

if TYPE_CHECKING:
    from ontmoet.accounts.models import User

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponse])
PUBLIC = frozenset({"public"})


def ensure_role(user: User | Any, roles: Iterable[str]) -> None:
    """Raise PermissionDenied unless ``user`` is active and has one of ``roles`` (services call this)."""
    allowed = frozenset(roles)
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.role not in allowed:
        raise PermissionDenied(_("U hebt geen rol die deze handeling mag uitvoeren."))


def require_roles(*roles: str | Iterable[str]) -> Callable[[ViewFunc], ViewFunc]:
    """Page decorator: anonymous users go to the login page, other roles get 403."""
    allowed: set[str] = set()
    for role in roles:
        allowed.update([role] if isinstance(role, str) else role)

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            ensure_role(request.user, allowed)
            return view(request, *args, **kwargs)

        wrapped.allowed_roles = frozenset(allowed)  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator


def public(view: ViewFunc) -> ViewFunc:
    """Mark a page as open to everyone (login page, public pages); the access test accepts it."""
    view.allowed_roles = PUBLIC  # type: ignore[attr-defined]
    return view


class RolePermission(BasePermission):
    """API: safe methods need one of ``view.read_roles``, others one of ``view.write_roles``."""

    message = "U hebt geen rol die deze handeling mag uitvoeren."

    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        roles = view.read_roles if request.method in SAFE_METHODS else getattr(view, "write_roles", frozenset())
        return bool(user.role in roles)
