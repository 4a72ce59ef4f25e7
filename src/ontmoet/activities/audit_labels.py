"""How the audit trail names the actions of the activities app (registered from ``ActivitiesConfig.ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ontmoet.core.registry import AuditAction, AuditField

ACTIVITY = "activities.Activity"
SERIES = "activities.ActivitySeries"

ACTIONS = (
    AuditAction("activity_create", _("Activiteit geregistreerd"), (ACTIVITY,)),
    AuditAction("activity_update", _("Activiteit gewijzigd"), (ACTIVITY,)),
    AuditAction("activity_cancel", _("Activiteit vervallen"), (ACTIVITY,)),
    AuditAction("activity_reinstate", _("Activiteit gaat toch door"), (ACTIVITY,)),
    AuditAction("activity_delete", _("Activiteit verwijderd"), (ACTIVITY,)),
    AuditAction("series_create", _("Reeks activiteiten geregistreerd"), (SERIES,),
                {"occurrences": AuditField(_("Aantal keer"), kind="text")}),
    AuditAction("series_update", _("Reeks activiteiten gewijzigd"), (SERIES,)),
    AuditAction("series_delete", _("Reeks activiteiten verwijderd"), (SERIES,)),
    AuditAction("activity_import", _("Activiteiten geïmporteerd"), ("places.MeetingPlace",),
                {"activities": AuditField(_("Aantal activiteiten"), kind="text")}),
)
