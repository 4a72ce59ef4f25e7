"""How the audit trail names the register's actions and the keys of their changes that are no model field
(registered from ``PlacesConfig.ready()``; core reads them without importing the register)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ontmoet.core.registry import AuditAction, AuditField
from ontmoet.places.types import PlaceType

PLACE = "places.MeetingPlace"
_TYPE = {"type": AuditField(_("Type"), choices=dict(PlaceType.choices)),
         "effective_date": AuditField(_("Ingangsdatum"), kind="date")}
_CREATED = {"type": AuditField(_("Type"), choices=dict(PlaceType.choices)),
            "effective_date": AuditField(_("Type geldig vanaf"), kind="date")}
_MEMBER = {"member": AuditField(_("Bestuurslid"))}

ACTIONS = (
    AuditAction("place_create", _("Opgenomen in het register"), (PLACE,), _CREATED),
    AuditAction("place_update", _("Gegevens gewijzigd"), (PLACE,)),
    AuditAction("place_change_type", _("Type gewijzigd"), (PLACE,), _TYPE),
    AuditAction("place_type_correct", _("Typegeschiedenis gecorrigeerd"), (PLACE,), _TYPE),
    AuditAction("place_type_retract", _("Typewijziging ingetrokken"), (PLACE,), _TYPE),
    AuditAction("place_cap_override", _("Type vastgelegd boven het maximum van het beleidsplan"), (PLACE,),
                {**_CREATED, "effective_date": AuditField(_("Ingangsdatum"), kind="date")}),
    AuditAction("building_save", _("Pand gewijzigd"), ("places.Building",)),
    AuditAction("board_save", _("Bestuur gewijzigd"), ("places.Board",)),
    AuditAction("board_member_add", _("Bestuurslid toegevoegd"), (), _MEMBER),
    AuditAction("board_member_remove", _("Bestuurslid verwijderd"), (), _MEMBER),
)
