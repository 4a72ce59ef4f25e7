"""Writes to accounts: creating users with their role, linking board members to their places, API tokens.

Each is a door (``accounts.doors.state_change``): administrators manage accounts; ``by=None`` is the system
itself (the ``create_user`` command run by the operator, the demo loader).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import User
from ontmoet.accounts.roles import ACCOUNT_MANAGERS, Role
from ontmoet.core.audit import audit_record, nothing_changed


@state_change(roles=ACCOUNT_MANAGERS, system=True)
def user_create(*, username: str, role: str, password: str | None, places: Sequence[Model] = (),
                full_name: str = "", by: User | None) -> User:
    """Create an account with one role; a board member is linked to at least one place (in the same step)."""
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
    audit_record(action="user_create", obj=user, by=by,
                 after={"username": username, "role": role, "places": [str(p) for p in places]})
    for place in places:
        # The link is the ownership rule's fact; each place's own audit trail shows it.
        board_account_link(place=place, user=user, by=by)
    return user


@state_change(roles=ACCOUNT_MANAGERS, system=True)
def board_account_link(*, place: Model, user: User, by: User | None) -> None:
    """Link a board member's account to a place, so that they act for it (the ownership rule)."""
    if user.role != Role.BOARD_MEMBER:
        raise ValidationError({"user": _("Alleen een bestuurslid wordt aan plekken gekoppeld.")})
    if user.board_places.filter(pk=place.pk).exists():
        nothing_changed()
        return
    user.board_places.add(place)  # type: ignore[arg-type]  # a place, without importing the register
    audit_record(action="board_account_link", obj=place, by=by, after={"account": user.get_username()})


@state_change(roles=ACCOUNT_MANAGERS, system=True)
def token_issue(*, user: User, by: User | None) -> str:
    """A (new) API token for the user; the old one stops working."""
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    audit_record(action="token_issue", obj=user, by=by)
    return str(token.key)
