"""Writes to accounts: creating users with their role, linking board members to their places, changing a role,
deactivating and reactivating, resetting a password, issuing and revoking API tokens, removing a user's
two-factor devices.

Each is a door (``accounts.doors.state_change``): administrators manage accounts; ``by=None`` is the system
itself (the ``create_user`` command run by the operator, the demo loader). A password is never written to the
audit trail, nor a token's key: the events say only that it happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import ApiToken, TokenScope, User
from ontmoet.accounts.roles import ACCOUNT_MANAGERS, Role
from ontmoet.accounts.tokens import hash_key, new_key
from ontmoet.core.audit import audit_record, nothing_changed


@state_change(roles=ACCOUNT_MANAGERS, system=True)
def user_create(*, username: str, role: str, password: str | None, places: Sequence[Model] = (),
                full_name: str = "", by: User | None) -> User:
    """Create an account with one role; a board member is linked to at least one place (in the same step).

    Every problem is reported at once (role, places, username, password), so a form can mark all its fields."""
    errors: dict[str, list[str]] = {}
    if role not in Role.values:
        errors["role"] = [_("Onbekende rol '%(role)s'.") % {"role": role}]
    errors.update(_places_problem(role, places))
    if User.objects.filter(username=username).exists():
        errors["username"] = [_("De gebruikersnaam '%(name)s' bestaat al.") % {"name": username}]
    first, _sep, last = full_name.partition(" ")
    user = User(username=username, role=role, first_name=first, last_name=last)
    if password:
        try:
            _validate_password(password, user)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
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


#: The longest an API token may live, and its default (BIO2: credentials that expire).
TOKEN_MAX_DAYS, TOKEN_DEFAULT_DAYS = 365, 90


@state_change(roles=ACCOUNT_MANAGERS, system=True)
def token_issue(*, user: User, by: User | None, name: str = "API", scope: str = TokenScope.WRITE,
                days: int = TOKEN_DEFAULT_DAYS) -> str:
    """A new API token for the user, beside the ones it has; returns the key, to be shown once (only its hash
    is stored)."""
    if not user.is_active:
        raise ValidationError(_("Een gedeactiveerd account krijgt geen API-token."))
    errors: dict[str, list[str]] = {}
    if scope not in TokenScope.values:
        errors["scope"] = [_("Kies alleen lezen of lezen en schrijven.")]
    if not 1 <= days <= TOKEN_MAX_DAYS:
        errors["days"] = [_("Een token geldt 1 tot %(max)d dagen.") % {"max": TOKEN_MAX_DAYS}]
    key = new_key()
    token = ApiToken(user=user, name=name.strip(), prefix=key[:12], key_hash=hash_key(key), scope=scope,
                     expires_at=timezone.now() + dt.timedelta(days=days))
    try:
        token.full_clean(exclude=["user", "key_hash"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    token.save()
    audit_record(action="token_issue", obj=user, by=by,
                 after={"token": str(token), "scope": scope, "expires": token.expires_at.date().isoformat()})
    return key


@state_change(roles=ACCOUNT_MANAGERS, system=True)
def board_account_unlink(*, place: Model, user: User, by: User | None) -> None:
    """Undo a link: the account no longer acts for this place (its audit trail shows it)."""
    if not user.board_places.filter(pk=place.pk).exists():
        nothing_changed()
        return
    user.board_places.remove(place)  # type: ignore[arg-type]  # a place, without importing the register
    audit_record(action="board_account_unlink", obj=place, by=by, before={"account": user.get_username()})


@state_change(roles=ACCOUNT_MANAGERS)
def user_update(*, user: User, role: str, places: Sequence[Model] = (), full_name: str | None = None,
                by: User) -> User:
    """Change an account's role and, for a board member, the places it acts for (at least one).

    A role other than board member holds no places: the links are removed with the change. An administrator
    cannot take the administrator role from their own account (nobody would be left to give it back)."""
    if role not in Role.values:
        raise ValidationError({"role": _("Onbekende rol '%(role)s'.") % {"role": role}})
    if problem := _places_problem(role, places):
        raise ValidationError(problem)
    if user.pk == by.pk and role != user.role:
        raise ValidationError({"role": _("U kunt uw eigen rol niet wijzigen.")})
    current = list(user.board_places.all())
    before = {"role": user.role, "name": user.get_full_name(), "places": _place_names(current)}
    user.role = role
    if full_name is not None:
        user.first_name, _sep, user.last_name = full_name.strip().partition(" ")
    user.full_clean(exclude=["password"])
    after = {"role": role, "name": user.get_full_name(), "places": _place_names(places)}
    if after == before:
        nothing_changed()
        return user
    user.save()
    audit_record(action="user_update", obj=user, by=by, before=before, after=after)
    wanted = {p.pk for p in places}
    for linked in current:
        if linked.pk not in wanted:
            board_account_unlink(place=linked, user=user, by=by)
    for place in places:
        board_account_link(place=place, user=user, by=by)
    return user


@state_change(roles=ACCOUNT_MANAGERS)
def user_deactivate(*, user: User, by: User) -> User:
    """Deactivate an account: it can no longer log in and its API token is revoked. The account and its trail
    stay (an audit event keeps naming who acted)."""
    if user.pk == by.pk:
        raise ValidationError(_("U kunt uw eigen account niet deactiveren."))
    if not user.is_active:
        nothing_changed()
        return user
    revoked = _revoke(ApiToken.objects.filter(user=user)) > 0
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit_record(action="user_deactivate", obj=user, by=by, before={"active": True},
                 after={"active": False, **({"token_revoked": True} if revoked else {})})
    return user


@state_change(roles=ACCOUNT_MANAGERS)
def user_reactivate(*, user: User, by: User) -> User:
    """Let a deactivated account log in again (an API token must be issued anew)."""
    if user.is_active:
        nothing_changed()
        return user
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit_record(action="user_reactivate", obj=user, by=by, before={"active": False}, after={"active": True})
    return user


@state_change(roles=ACCOUNT_MANAGERS)
def password_reset(*, user: User, password: str, by: User) -> User:
    """Set a new password chosen by the administrator, checked by the password validators."""
    _validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(action="password_reset", obj=user, by=by)
    return user


@state_change(roles=ACCOUNT_MANAGERS)
def token_revoke(*, user: User, by: User, token: ApiToken | None = None) -> None:
    """Revoke one of the user's API tokens, or all of them: requests with them are refused from now on. A
    revoked token stays listed (with when it was revoked) for the record."""
    tokens = ApiToken.objects.filter(user=user)
    if token is not None:
        tokens = tokens.filter(pk=token.pk)
    names = [str(t) for t in tokens.filter(revoked_at=None)]
    if not _revoke(tokens):
        nothing_changed()
        return
    audit_record(action="token_revoke", obj=user, by=by, after={"token": ", ".join(names)})


def _revoke(tokens: QuerySet[ApiToken]) -> int:
    return tokens.filter(revoked_at=None).update(revoked_at=timezone.now())


def _validate_password(password: str, user: User) -> None:
    """The configured password validators (AUTH_PASSWORD_VALIDATORS), as an error on the password field."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc


def _places_problem(role: str, places: Sequence[Model]) -> dict[str, list[str]]:
    """A board member acts for at least one place; nobody else is linked to places."""
    if places and role != Role.BOARD_MEMBER:
        return {"places": [_("Alleen een bestuurslid wordt aan plekken gekoppeld.")]}
    if role == Role.BOARD_MEMBER and not places:
        return {"places": [_("Een bestuurslid hoort bij minstens één plek.")]}
    return {}


def _place_names(places: Sequence[Model]) -> list[str]:
    return sorted(str(p) for p in places)


@state_change(roles=ACCOUNT_MANAGERS, system=True)
def two_factor_reset(*, user: User, by: User | None) -> int:
    """Remove the user's authenticator device and recovery codes (a lost phone): at the next login a member of
    staff enrols again, a board member logs in with the password alone. Sessions that passed the second step
    with a removed device must pass it again. Returns how many devices were removed; ``by=None`` is the
    ``reset_2fa`` command run by the operator."""
    removed = int(TOTPDevice.objects.filter(user=user).delete()[1].get(TOTPDevice._meta.label, 0))
    removed += int(StaticDevice.objects.filter(user=user).delete()[1].get(StaticDevice._meta.label, 0))
    if not removed:
        nothing_changed()
        return 0
    audit_record(action="otp_reset", obj=user, by=by, after={"devices": removed})
    return removed
