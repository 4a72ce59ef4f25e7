"""Password rules with messages in the interface language, and changing one's own password.

Django 5.2's minimum-length message changed its text and has no Dutch translation yet, so an administrator
setting a short password would read English; this validator says the same in a Dutch msgid (English in
locale/en).

``password_change`` is one's own account, like the second step's enrolment (``two_factor.enrol``): not a door
of the administrators, but one transaction with its audit event, after the current password is checked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ontmoet.core.audit import audit_record

if TYPE_CHECKING:
    from ontmoet.accounts.models import User


def password_change(*, user: User, current: str, new: str) -> None:
    """Change one's own password: the current one must be right and the new one pass every validator (and
    differ from the current one). Errors are on the form's fields ``current`` and ``password``."""
    if not user.check_password(current):
        raise ValidationError({"current": [_("Dit is niet uw huidige wachtwoord.")]})
    if new == current:
        raise ValidationError({"password": [_("Kies een ander wachtwoord dan het huidige.")]})
    try:
        password_validation.validate_password(new, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    with transaction.atomic():
        user.set_password(new)
        user.save(update_fields=["password"])
        audit_record(action="password_change", obj=user, by=user)


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext("Dit wachtwoord is te kort: gebruik minstens %(min_length)d teken.",
                        "Dit wachtwoord is te kort: gebruik minstens %(min_length)d tekens.",
                        self.min_length) % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return ngettext("Een wachtwoord heeft minstens %(min_length)d teken.",
                        "Een wachtwoord heeft minstens %(min_length)d tekens.",
                        self.min_length) % {"min_length": self.min_length}
