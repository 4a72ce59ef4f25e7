"""Reads of accounts for the administrator's pages: users with their places and whether they hold an API token."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, Model, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from ontmoet.accounts.models import ApiToken, User


def place_model() -> type[Model]:
    """The model behind ``User.board_places`` (the register's places), without importing the register."""
    model = User._meta.get_field("board_places").related_model
    assert isinstance(model, type) and issubclass(model, Model)
    return model


def user_list() -> QuerySet[User]:
    """Every account, active first, with its places and a ``has_token`` flag."""
    places = place_model()._default_manager.order_by("name")
    usable = ApiToken.objects.filter(user=OuterRef("pk"), revoked_at=None, expires_at__gt=timezone.now())
    return (User.objects.annotate(has_token=Exists(usable))
            .prefetch_related(Prefetch("board_places", queryset=places))
            .order_by("-is_active", "username"))


def api_tokens(user: User) -> QuerySet[ApiToken]:
    """The user's API tokens, newest first, revoked and expired ones included (their keys are never shown)."""
    return ApiToken.objects.filter(user=user)


def place_choices() -> QuerySet[Any]:
    """The places an administrator can link a board member to."""
    return place_model()._default_manager.order_by("name")
