"""Writes to accounts: creating users with their role, linking board members to places, API tokens."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from ontmoet.accounts.models import User
from ontmoet.accounts.roles import Role
from ontmoet.core.audit import audit_record


@transaction.atomic
def user_create(*, username: str, role: str, password: str | None, places: Sequence[object] = (),
                full_name: str = "", by: User | None) -> User:
    """Create an account with one role; a board member is linked to at least one place."""
    if role not in Role.values:
        raise ValidationError({"role": _("Onbekende rol '%(role)s'.") % {"role": role}})
    if places and role != Role.BOARD_MEMBER:
        raise ValidationError({"places": _("Alleen een bestuurslid wordt aan plekken gekoppeld.")})
    if role == Role.BOARD_MEMBER and not places:
        raise ValidationError({"places": _("Een bestuurslid hoort bij minstens één plek (--place ID).")})
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": _("De gebruikersnaam '%(name)s' bestaat al.") % {"name": username}})
    first, _sep, last = full_name.partition(" ")
    user = User(username=username, role=role, first_name=first, last_name=last)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(action="user_create", obj=user, by=by, after={"username": username, "role": role})
    for place in places:
        place.board_accounts.add(user)  # type: ignore[attr-defined]
        audit_record(action="board_account_link", obj=place, by=by, after={"account": username})  # type: ignore[arg-type]
    return user


@transaction.atomic
def token_issue(*, user: User, by: User | None) -> str:
    """A (new) API token for the user; the old one stops working."""
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    audit_record(action="token_issue", obj=user, by=by)
    return str(token.key)
