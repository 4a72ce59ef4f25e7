"""The demo installation: one account per role and the demo data of every capability."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from django.db import transaction

from ontmoet.accounts.models import User
from ontmoet.accounts.roles import Role

DEMO_PASSWORD = "ontmoet-demo-2026"

#: username, role, full name; the board member is linked to DEMO_BOARD_PLACES.
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
DEMO_BOARD_PLACES = ["Demohuis De Linde", "Demohuiskamer De Koffiepot"]

#: Demo loaders of other capabilities, called in this order when their module is installed.
DEMO_HOOKS = [
    "ontmoet.places.demo:load_register_demo",
    "ontmoet.assessment.demo:load_assessment_demo",
    "ontmoet.finance.demo:load_finance_demo",
]


def _hook(path: str) -> Callable[[], object] | None:
    module_name, _sep, name = path.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    return getattr(module, name, None)


@transaction.atomic
def demo_users() -> list[User]:
    from ontmoet.places.demo import link_board_account
    from ontmoet.places.models import MeetingPlace

    users = []
    for username, role, full_name in DEMO_USERS:
        first, _sep, last = full_name.partition(" ")
        user, created = User.objects.get_or_create(
            username=username, defaults={"role": role, "first_name": first, "last_name": last})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        users.append(user)
        if role == Role.BOARD_MEMBER:
            for place in MeetingPlace.objects.filter(name__in=DEMO_BOARD_PLACES):
                link_board_account(user, place)
    return users


def load_demo() -> list[str]:
    """Load every capability's demo data (idempotent); returns what was loaded."""
    loaded = []
    for path in DEMO_HOOKS:
        hook = _hook(path)
        if hook is not None:
            hook()
            loaded.append(path)
    demo_users()
    return loaded
