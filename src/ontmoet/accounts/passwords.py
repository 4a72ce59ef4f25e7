"""Password rules with messages in the interface language.

Django 5.2's minimum-length message changed its text and has no Dutch translation yet, so an administrator
setting a short password would read English; this validator says the same in a Dutch msgid (English in
locale/en)."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext("Dit wachtwoord is te kort: gebruik minstens %(min_length)d teken.",
                        "Dit wachtwoord is te kort: gebruik minstens %(min_length)d tekens.",
                        self.min_length) % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return ngettext("Een wachtwoord heeft minstens %(min_length)d teken.",
                        "Een wachtwoord heeft minstens %(min_length)d tekens.",
                        self.min_length) % {"min_length": self.min_length}
