"""Role and ownership checks for pages, API endpoints and services: the one place of both rules.

**Roles.** Every page declares its roles with :func:`require_roles`; every API view with :class:`RolePermission`
(``read_roles`` / ``write_roles``); every service with ``ontmoet.accounts.doors.state_change``. Tests walk all URL
patterns and all services and fail when one declares nothing.

**Ownership** (docs/decisions/0011): staff act for every place (what they may do there is their role's
business); a board member acts only for the places their account is linked to (``MeetingPlace.board_accounts``).
:func:`restrict_to_acted_for` narrows any queryset of place-bound objects to those places,
:func:`may_act_for` answers for one place, :func:`ensure_acts_for` refuses with a 404, so that another board's
ids cannot even be discovered. Apps never test ``role == board_member`` themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponseBase
from rest_framework.permissions import SAFE_METHODS, BasePermission

from ontmoet.accounts import messages
from ontmoet.accounts.roles import STAFF_ROLES, Role

if TYPE_CHECKING:
    from ontmoet.accounts.models import User

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponseBase])
Q = TypeVar("Q", bound=QuerySet[Any])
PUBLIC = frozenset({"public"})


def ensure_role(user: User | Any, roles: Iterable[str]) -> None:
    """Raise PermissionDenied unless ``user`` is active and has one of ``roles`` (services call this)."""
    allowed = frozenset(roles)
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.role not in allowed:
        raise PermissionDenied(messages.ROLE_NOT_ALLOWED)


def ensure_system_or_person(by: User | Any | None, *, system_allowed: bool) -> None:
    """``by=None`` is the system itself (demo loader, CLI, jobs); refused where a person must act."""
    if by is None and not system_allowed:
        raise PermissionDenied(messages.PERSON_REQUIRED)


# --- ownership --------------------------------------------------------------------------------------------


def acts_for_every_place(user: User | Any) -> bool:
    """Active staff act for every place; board members only for their own."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role in STAFF_ROLES)


def restrict_to_acted_for(queryset: Q, user: User | Any, *, place_field: str = "") -> Q:
    """The rows of ``queryset`` that belong to places ``user`` acts for.

    ``place_field`` is the path from the queryset's model to its place (``""`` for a queryset of places,
    ``"place"`` for applications, ``"board__place"`` for board members).
    """
    if acts_for_every_place(user):
        return queryset
    if getattr(user, "is_authenticated", False) and user.is_active and user.role == Role.BOARD_MEMBER:
        lookup = f"{place_field}__board_accounts" if place_field else "board_accounts"
        return queryset.filter(**{lookup: user})
    return queryset.none()


def page_cache_scope(user: User | Any) -> str:
    """Whose places a cached page part shows: every place for staff, the board member's own otherwise."""
    return "all" if acts_for_every_place(user) else f"user:{getattr(user, 'pk', None)}"


def place_ids_acted_for(user: User | Any) -> frozenset[int] | None:
    """The ids of the places a board member acts for; None means every place (staff)."""
    if acts_for_every_place(user):
        return None
    if getattr(user, "is_authenticated", False) and user.is_active and user.role == Role.BOARD_MEMBER:
        return frozenset(user.board_places.values_list("pk", flat=True))
    return frozenset()


def may_act_for(user: User | Any, place: Model | int) -> bool:
    """Whether ``user`` acts for this place (a place instance or its id)."""
    ids = place_ids_acted_for(user)
    return ids is None or (place if isinstance(place, int) else place.pk) in ids


def ensure_acts_for(user: User | Any, place: Model | int) -> None:
    """Refuse with 404 (not 403): a board member cannot tell another board's place from one that does not exist."""
    if not may_act_for(user, place):
        raise Http404(messages.NOT_FOUND)


def require_roles(*roles: str | Iterable[str]) -> Callable[[ViewFunc], ViewFunc]:
    """Page decorator: anonymous users go to the login page, other roles get 403."""
    allowed: set[str] = set()
    for role in roles:
        allowed.update([role] if isinstance(role, str) else role)

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
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

    message = messages.ROLE_NOT_ALLOWED

    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        safe = request.method in SAFE_METHODS
        if not safe and getattr(request.auth, "scope", "write") != "write":
            self.message = messages.TOKEN_READ_ONLY  # a read-only API token (accounts.models.ApiToken)
            return False
        roles = view.read_roles if safe else getattr(view, "write_roles", frozenset())
        return bool(user.role in roles)
