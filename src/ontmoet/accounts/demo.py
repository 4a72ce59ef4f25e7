"""Demo accounts: one per role, all with the same password, created through ``user_create`` like any other.

The staff accounts are enrolled for two-factor authentication with one fixed, published secret
(:data:`DEMO_TOTP_SECRET`), so that anyone trying the demo can add it to an authenticator app, or get the current
code with ``ontmoet demo_logins --code`` or ``oathtool --totp -b <secret>``. A real installation never uses it:
its staff enrol with a secret of their own at their first login.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Model

from ontmoet.accounts import two_factor
from ontmoet.accounts.models import User
from ontmoet.accounts.roles import TWO_FACTOR_REQUIRED, Role
from ontmoet.accounts.services import board_account_link, user_create

DEMO_PASSWORD = "ontmoet-demo-2026"
#: The demo staff's TOTP secret (base32, as authenticator apps take it; 160 bits, the hex below).
DEMO_TOTP_KEY = b"ontmoet-demo-2026-2f".hex()
DEMO_TOTP_SECRET = two_factor.secret_text(DEMO_TOTP_KEY).replace(" ", "")

#: username, role, full name.
DEMO_USERS = [
    ("beleid", Role.POLICY_OFFICER, "Bea Beleid"),
    ("subsidie", Role.GRANT_OFFICER, "Sam Subsidie"),
    ("besluit", Role.DECISION_MAKER, "Bas Besluit"),
    ("financien", Role.FINANCE_ADVISOR, "Fien Financiën"),
    ("bestuur", Role.BOARD_MEMBER, "Bo Bestuur"),
    ("opbouwwerk", Role.COMMUNITY_WORKER, "Otto Opbouw"),
    ("data", Role.DATA_ANALYST, "Dana Data"),
    ("beheer", Role.ADMINISTRATOR, "Ben Beheer"),
]
DEMO_BOARD_MEMBER = "bestuur"


def load_accounts_demo() -> list[User]:
    """The staff demo accounts (idempotent). The board member needs a place to act for, so the register's demo
    creates it together with its places (:func:`demo_board_member`)."""
    users = []
    for username, role, full_name in DEMO_USERS:
        if role == Role.BOARD_MEMBER:
            continue
        user = User.objects.filter(username=username).first() or user_create(
            username=username, role=role, password=DEMO_PASSWORD, full_name=full_name, by=None)
        if role in TWO_FACTOR_REQUIRED and not two_factor.has_device(user):
            two_factor.enrol(user=user, key=DEMO_TOTP_KEY, by=None)
        users.append(user)
    return users


def demo_totp_code(at: float | None = None) -> str:
    """The demo staff's current TOTP code (or the one at ``at``, seconds since the epoch)."""
    return two_factor.totp_code(DEMO_TOTP_KEY, at=at)


def demo_board_member(places: Sequence[Model]) -> User:
    """The demo board member, linked to ``places`` (created on the first run, linked on later ones)."""
    full_name = next(name for username, _role, name in DEMO_USERS if username == DEMO_BOARD_MEMBER)
    user = User.objects.filter(username=DEMO_BOARD_MEMBER).first()
    if user is None:
        return user_create(username=DEMO_BOARD_MEMBER, role=Role.BOARD_MEMBER, password=DEMO_PASSWORD,
                           places=places, full_name=full_name, by=None)
    for place in places:
        board_account_link(place=place, user=user, by=None)
    return user
