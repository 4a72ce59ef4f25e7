"""Writes of data care: pseudonymising a person (AVG art. 17) while the decisions, letters, ledger and audit trail
stay (docs/decisions/0702)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import ApiToken, LoginAttempt, User
from ontmoet.accounts.roles import Role
from ontmoet.core.audit import audit_record, nothing_changed
from ontmoet.core.models import AuditEvent
from ontmoet.datacare import selectors
from ontmoet.subsidies.models import Advice, Step

STAFF_REFUSED = ("%(user)s is een medewerker (%(role)s). Gegevens van medewerkers horen bij hun handelingen "
                 "namens de gemeente; wis ze alleen na overleg, met --include-staff.")


@dataclass
class ErasureReport:
    pseudonym: str
    already_erased: bool = False
    tokens_removed: int = 0
    sessions_removed: int = 0
    login_attempts: int = 0
    names_replaced: int = 0
    #: Free-text fields that name the person: left as they are, for review (legal content of letters, decisions).
    review: list[dict[str, str]] = field(default_factory=list)


@state_change(roles={Role.ADMINISTRATOR}, system=True)
def personal_data_erase(*, user: User, include_staff: bool = False, by: Any) -> ErasureReport:
    """Replace the person's name, e-mail and username by a stable pseudonym, deactivate the account and remove
    its tokens and sessions. Decisions, letters, payments, the ledger and the audit trail stay; the trail's and
    the steps' copies of the username become the pseudonym. Free text that names the person is listed."""
    pseudonym = selectors.pseudonym_for(user)
    if selectors.is_erased(user):
        nothing_changed()
        return ErasureReport(pseudonym=pseudonym, already_erased=True)
    if (user.role != Role.BOARD_MEMBER or user.is_superuser) and not include_staff:
        raise ValidationError(STAFF_REFUSED % {"user": user.username, "role": user.get_role_display()})
    report = ErasureReport(pseudonym=pseudonym, review=selectors.mentions(user))
    old_username = user.username
    sessions = selectors.user_sessions(user)
    for session in sessions:
        session.delete()
    report.sessions_removed = len(sessions)
    report.tokens_removed = ApiToken.objects.filter(user=user).delete()[0]
    from rest_framework.authtoken.models import Token

    report.tokens_removed += Token.objects.filter(user=user).delete()[0]
    report.login_attempts = LoginAttempt.objects.filter(username=old_username.lower()).update(username=pseudonym)
    report.names_replaced = (
        AuditEvent.objects.filter(actor=user).update(actor_name=pseudonym)
        + AuditEvent.objects.filter(object_type="accounts.user", object_id=str(user.pk)).update(
            object_repr=pseudonym)
        + Step.objects.filter(actor=user).update(actor_name=pseudonym)
        + Advice.objects.filter(advisor=user).update(advisor_name=pseudonym)
    )
    was_active = user.is_active
    user.username = pseudonym
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    audit_record(action="personal_data_erase", obj=user, by=by, before={"active": was_active},
                 after={"active": False, "pseudonym": pseudonym},
                 reason=f"{len(report.review)} vrije-tekstvelden ter beoordeling")
    return report
