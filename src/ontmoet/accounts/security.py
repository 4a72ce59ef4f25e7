"""The administrators' security page (BIO2: monitor privileged accounts): what is locked now, failed logins per
account and per address, and the security events of the audit trail, also as CSV.

Reads only. The events are those the accounts app records: logins and failed logins, locks, the second step's
enrolment, failures, recovery codes and resets, passwords set or changed, accounts created, changed (role),
(de)activated, and API tokens issued or revoked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from ontmoet.accounts.login_guard import lock_of
from ontmoet.accounts.models import LoginAttempt
from ontmoet.core.models import AuditEvent

SECURITY_ACTIONS = (
    "login", "login_failure", "login_lockout", "otp_enrol", "otp_failure", "otp_recovery_used",
    "otp_recovery_renew", "otp_reset", "password_reset", "password_change", "user_create", "user_update",
    "user_deactivate", "user_reactivate", "token_issue", "token_revoke",
)
#: The page looks back this many days unless asked otherwise (at most ``MAX_DAYS``).
DEFAULT_DAYS, MAX_DAYS = 7, 366


@dataclass(frozen=True)
class FailedLogins:
    key: str  # the account name as typed, or the address
    failures: int
    last: dt.datetime
    locked_until: dt.datetime | None


def _failures(field: str, since: dt.datetime) -> list[FailedLogins]:
    rows = (LoginAttempt.objects.filter(succeeded=False, at__gte=since).exclude(**{f"{field}__isnull": True})
            .values(field).annotate(failures=Count("id"), last=Max("at")).order_by("-failures", "-last")[:50])
    now = timezone.now()
    found = []
    for row in rows:
        key = str(row[field])
        lock = (lock_of(username=key, address=None, now=now) if field == "username"
                else lock_of(username=None, address=key, now=now))
        found.append(FailedLogins(key, row["failures"], row["last"], lock))
    return found


def failed_logins(days: int) -> dict[str, list[FailedLogins]]:
    """Failed logins of the last ``days`` days per account name and per address, most first, with their lock."""
    since = timezone.now() - dt.timedelta(days=days)
    return {"accounts": _failures("username", since), "addresses": _failures("address", since)}


def security_events(days: int) -> QuerySet[AuditEvent]:
    """The security events of the last ``days`` days, newest first."""
    since = timezone.now() - dt.timedelta(days=days)
    return AuditEvent.objects.filter(action__in=SECURITY_ACTIONS, at__gte=since).order_by("-at", "-id")


def lock_settings() -> dict[str, Any]:
    return {"account": settings.LOGIN_MAX_FAILURES_ACCOUNT, "address": settings.LOGIN_MAX_FAILURES_ADDRESS,
            "window_minutes": settings.LOGIN_WINDOW_SECONDS // 60,
            "lockout_minutes": settings.LOGIN_LOCKOUT_SECONDS // 60}


def days_asked(raw: str | None) -> int:
    """The period asked for in ``?dagen=``: a whole number of days from 1 to ``MAX_DAYS``, else the default."""
    text = (raw or "").strip()
    if text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_DAYS:
        return int(text)
    return DEFAULT_DAYS
