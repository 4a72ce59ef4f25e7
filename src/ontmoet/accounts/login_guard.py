"""Throttling of logins (BIO2, ASVS V2.2.1): after too many failed attempts for one account, or from one
address, within a window, logins are refused for a while, even with the right password.

Both counts come from the stored attempts (``LoginAttempt``), so every server process sees the same; the rule
is one pure function over the failures' times. The limits are security settings, not policy figures:
``LOGIN_MAX_FAILURES_ACCOUNT`` (5), ``LOGIN_MAX_FAILURES_ADDRESS`` (20), ``LOGIN_WINDOW_SECONDS`` (900) and
``LOGIN_LOCKOUT_SECONDS`` (900). A success does not wipe the count: a lock holds for its whole time.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Sequence

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from ontmoet.accounts.models import LoginAttempt, User
from ontmoet.core.audit import audit_record


def locked_until(failures: Sequence[dt.datetime], *, limit: int, window: dt.timedelta, lockout: dt.timedelta,
                 now: dt.datetime) -> dt.datetime | None:
    """When the lock ends, or None: locked while ``limit`` failures fall within one ``window`` whose last
    failure was less than ``lockout`` ago. ``failures`` are in any order."""
    times = sorted(failures)
    ends = [times[i] + lockout for i in range(limit - 1, len(times)) if times[i] - times[i - limit + 1] <= window]
    latest = max(ends, default=None)
    return latest if latest is not None and latest > now else None


def client_address(request: HttpRequest | None) -> str | None:
    """The address a request came from: REMOTE_ADDR (gunicorn behind the proxy must pass the client's address
    on, docs/operations.md); None when it is missing or not an IP address."""
    address = (request.META.get("REMOTE_ADDR") or "") if request is not None else ""
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def normalise(username: str) -> str:
    return username.strip().lower()[:150]


def lock_of(*, username: str | None, address: str | None, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the login for this account or from this address opens again, or None when it is open (``None``
    for either: only the other is asked)."""
    now = now or timezone.now()
    window = dt.timedelta(seconds=settings.LOGIN_WINDOW_SECONDS)
    lockout = dt.timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
    since = now - window - lockout
    failed = LoginAttempt.objects.filter(succeeded=False, at__gte=since)
    ends = []
    if username is not None:
        ends.append(locked_until(list(failed.filter(username=normalise(username)).values_list("at", flat=True)),
                                 limit=settings.LOGIN_MAX_FAILURES_ACCOUNT, window=window, lockout=lockout, now=now))
    if address:
        ends.append(locked_until(list(failed.filter(address=address).values_list("at", flat=True)),
                                 limit=settings.LOGIN_MAX_FAILURES_ADDRESS, window=window, lockout=lockout, now=now))
    found = [end for end in ends if end is not None]
    return max(found) if found else None


def record_attempt(*, username: str, address: str | None, user: User | None) -> LoginAttempt:
    """Store one attempt and its audit event (``user`` is the account that logged in, None for a failure); a
    failure that starts a lock writes a lockout event too, so the administrators' security page shows it.

    Not a service door: it runs before anyone is authenticated, where a door's role check means nothing; the
    audit event is written in the same transaction all the same."""
    name = normalise(username)
    with transaction.atomic():
        was_locked = user is None and lock_of(username=name, address=address) is not None
        attempt = LoginAttempt.objects.create(username=name, address=address, succeeded=user is not None)
        if user is not None:
            audit_record(action="login", obj=user, by=user, after={"address": address or ""})
            return attempt
        audit_record(action="login_failure", obj=attempt, by=None,
                     after={"username": name, "address": address or ""})
        _audit_new_lock(attempt, name, address, was_locked=was_locked)
    return attempt


def record_code_failure(*, user: User, address: str | None) -> LoginAttempt:
    """A wrong code at the second step (ontmoet.accounts.two_factor): a failed login of this account, counted by
    the same throttle as a wrong password, audited as a wrong code (and a lock it starts, as above)."""
    name = normalise(user.get_username())
    with transaction.atomic():
        was_locked = lock_of(username=name, address=address) is not None
        attempt = LoginAttempt.objects.create(username=name, address=address, succeeded=False)
        audit_record(action="otp_failure", obj=user, by=user, after={"address": address or ""})
        _audit_new_lock(attempt, name, address, was_locked=was_locked)
    return attempt


def _audit_new_lock(attempt: LoginAttempt, name: str, address: str | None, *, was_locked: bool) -> None:
    """A failure that starts a lock writes a lockout event (one per lock, not one per failure while locked)."""
    until = lock_of(username=name, address=address)
    if until is not None and not was_locked:
        audit_record(action="login_lockout", obj=attempt, by=None,
                     after={"username": name, "address": address or "",
                            "until": timezone.localtime(until).strftime("%Y-%m-%d %H:%M")})

