"""Which facts of a place, its building and its board each kind of user may change (domain.md §1–§2)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import FieldDoesNotExist

from ontmoet.places.models import MeetingPlace

#: What a board may change about its own place: only the public information (domain.md §1).
PUBLIC_FIELDS = (
    "description", "opening_hours", "public_email", "public_phone", "website",
    "step_free_entrance", "accessible_toilet", "hearing_loop", "disabled_parking", "accessibility_notes",
)
#: What an officer may change besides the public information.
REGISTER_FIELDS = (
    "name", "street", "house_number", "postcode", "city", "latitude", "longitude", "neighbourhood",
    "source_title", "source_url", *PUBLIC_FIELDS,
)
BUILDING_FIELDS = ("name", "owner_kind", "owner_name", "energy_label", "sustainability_measures")
BOARD_FIELDS = ("legal_name", "kvk_number", "based_in_maastricht", "board_condition_met",
                "board_condition_checked_on", "kvk_matches", "kvk_checked_on")


def field_labels(names: Iterable[str]) -> list[str]:
    """The labels users know the fields by (the model's verbose names), for messages."""
    labels = []
    for name in names:
        try:
            field = MeetingPlace._meta.get_field(name)
            labels.append(str(getattr(field, "verbose_name", name)))
        except FieldDoesNotExist:  # an unknown key is shown as it was sent
            labels.append(name)
    return labels
