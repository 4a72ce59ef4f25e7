"""How the audit trail names the actions of community work and board support (registered from ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ontmoet.capacity.models import SupportKind, SupportProvider, SupportStatus
from ontmoet.core.registry import AuditAction, AuditField

REQUEST, ALLOCATION, HOURS = "capacity.CommunityWorkRequest", "capacity.CommunityWorkAllocation", \
    "capacity.CommunityWorkHours"
SUPPORT, VACANCY = "capacity.BoardSupportRequest", "capacity.BoardVacancy"
MEMBER, MEETING = "capacity.WorkingGroupMember", "capacity.WorkingGroupMeeting"
_SUPPORT = {"kind": AuditField(choices=dict(SupportKind.choices)),
            "status": AuditField(choices=dict(SupportStatus.choices)),
            "provider": AuditField(choices=dict(SupportProvider.choices)),
            "cost": AuditField(kind="euro")}

ACTIONS = (
    AuditAction("community_work_request", _("Opbouwwerk gevraagd"), (REQUEST,)),
    AuditAction("community_work_allocate", _("Opbouwwerk toegekend"), (ALLOCATION,)),
    AuditAction("community_work_hours", _("Uren opbouwwerk geschreven"), (HOURS,),
                {"month": AuditField(_("Maand"), kind="date")}),
    AuditAction("board_support_request", _("Bestuursondersteuning gevraagd"), (SUPPORT,), _SUPPORT),
    AuditAction("board_support_take_up", _("Vraag om bestuursondersteuning opgepakt"), (SUPPORT,), _SUPPORT),
    AuditAction("board_support_close", _("Vraag om bestuursondersteuning afgesloten"), (SUPPORT,), _SUPPORT),
    AuditAction("board_vacancy_open", _("Vacature in het bestuur gemeld"), (VACANCY,)),
    AuditAction("board_vacancy_fill", _("Vacature in het bestuur vervuld"), (VACANCY,)),
    AuditAction("working_group_member_add", _("Lid van de werkgroep toegevoegd"), (MEMBER,)),
    AuditAction("working_group_meeting", _("Bijeenkomst van de werkgroep vastgelegd"), (MEETING,)),
)
