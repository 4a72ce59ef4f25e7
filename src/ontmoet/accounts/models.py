"""Accounts: a user has exactly one role (domain.md §1); board members are linked to their places."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts.roles import STAFF_ROLES, Role


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=32, choices=Role.choices)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def has_role(self, *roles: str) -> bool:
        return self.is_active and self.role in roles

    @property
    def is_staff_role(self) -> bool:
        """Municipal or Trajekt staff (everyone but a board member)."""
        return self.role in STAFF_ROLES
