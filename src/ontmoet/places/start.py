"""The register's panels on the start page (registered in ``PlacesConfig.ready``; the home app shows them).

A board member sees their own place(s): the type, the board against the Ogh condition, the building and what
needs attention. Staff see the caps today against the plan and the type changes scheduled ahead."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ontmoet.domain.register import BoardCondition
from ontmoet.places.models import BoardMember, MeetingPlace, PlaceTypeChange
from ontmoet.places.selectors import board_condition_of, cap_status
from ontmoet.places.types import PlaceType

#: How many scheduled type changes the start page lists (the register has them all).
SCHEDULED_SHOWN = 8


@dataclass
class OwnPlace:
    place: MeetingPlace
    type_label: str | Promise
    condition: BoardCondition | None
    members: list[BoardMember] = field(default_factory=list)
    attention: list[str | Promise] = field(default_factory=list)


def _attention(place: MeetingPlace, condition: BoardCondition | None) -> list[str | Promise]:
    """What a board can put right on its own place's page, or should ask the municipality about."""
    points: list[str | Promise] = []
    if condition is None:
        points.append(_("Er is nog geen bestuur vastgelegd: de bestuursvoorwaarde van de Ogh is niet te toetsen."))
    else:
        if not condition.size_ok:
            points.append(_("Minder bestuursleden vastgelegd dan het beleidsplan vraagt (%(count)s van minimaal "
                            "%(minimum)s).") % {"count": condition.member_count, "minimum": condition.minimum})
        if condition.checked is None:
            points.append(_("De controle op familiebanden en één adres is nog niet (met datum) vastgelegd."))
        elif condition.checked is False:
            points.append(_("De controle op familiebanden en één adres viel negatief uit."))
    if not place.opening_hours:
        points.append(_("Openingstijden ontbreken: bezoekers zien niet wanneer ze welkom zijn."))
    if not (place.public_email or place.public_phone or place.website):
        points.append(_("Geen e-mail, telefoon of website voor bezoekers."))
    facts = (place.step_free_entrance, place.accessible_toilet, place.hearing_loop, place.disabled_parking)
    if any(fact is None for fact in facts):
        points.append(_("Niet alle gegevens over toegankelijkheid zijn ingevuld."))
    if place.building is None:
        points.append(_("Er is geen pand gekoppeld (vraag de gemeente dit vast te leggen)."))
    elif not place.building.energy_label:
        points.append(_("Het energielabel van het pand is niet bekend."))
    return points


def own_places_panel(request: HttpRequest) -> dict[str, Any] | None:
    """The places a board member acts for; hidden for an account not (yet) linked to any."""
    labels = dict(PlaceType.choices)
    places = (MeetingPlace.objects.visible_to(request.user).with_type()
              .select_related("building", "neighbourhood").order_by("name"))
    own = []
    for place in places:
        condition = board_condition_of(place)
        own.append(OwnPlace(place=place, type_label=labels.get(place.type, _("nog geen type")),  # type: ignore[attr-defined]
                            condition=condition, attention=_attention(place, condition),
                            members=list(BoardMember.objects.filter(board__place=place))))
    return {"own_places": own}


def register_panel(request: HttpRequest) -> dict[str, Any] | None:
    """Caps today against the plan, and the type changes scheduled after today."""
    today = timezone.localdate()
    scheduled = (PlaceTypeChange.objects.in_force().filter(effective_date__gt=today)
                 .select_related("place").order_by("effective_date", "id"))
    return {"caps": cap_status(today), "today": today, "scheduled": list(scheduled[:SCHEDULED_SHOWN]),
            "scheduled_more": max(scheduled.count() - SCHEDULED_SHOWN, 0)}
