"""Opening hours of a place: the model's validator and the hours in words (the syntax is OSM's, parsed by
``ontmoet.domain.opening_hours``)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ontmoet.domain.opening_hours import (
    HoursProblem,
    OpeningHours,
    OpeningHoursError,
    describe,
    parse_opening_hours,
)

#: Opening hours are wall-clock times in Maastricht, whatever the server's own zone.
PLACE_ZONE = ZoneInfo("Europe/Amsterdam")

EXAMPLE = "Mo-Fr 09:00-17:00; Sa 10:00-12:30; PH off"
HELP_TEXT = _("In de notatie van OpenStreetMap, bijvoorbeeld Mo-Fr 09:00-17:00; Sa 10:00-12:30; PH off. Dagen: "
              "Mo Tu We Th Fr Sa Su, PH voor feestdagen; off voor gesloten.")
PROBLEMS = {
    HoursProblem.TOO_LONG: _("De openingstijden zijn te lang (hoogstens 2000 tekens)."),
    HoursProblem.UNKNOWN_DAY: _("„%(part)s” is geen dag. Gebruik Mo, Tu, We, Th, Fr, Sa, Su of PH (feestdagen), "
                                "bijvoorbeeld Mo-Fr."),
    HoursProblem.BAD_TIME: _("„%(part)s” is geen tijd. Schrijf uren en minuten als 09:00 (00:00 tot 24:00)."),
    HoursProblem.BAD_SPAN: _("„%(part)s” is geen tijdvak. Schrijf begin en einde met een streepje, zoals "
                             "09:00-17:00."),
    HoursProblem.EMPTY_SPAN: _("Het tijdvak „%(part)s” begint en eindigt op hetzelfde moment."),
    HoursProblem.OVERLAP: _("De tijdvakken in „%(part)s” overlappen elkaar."),
    HoursProblem.NOTHING: _("Er staan geen openingstijden in. Laat het veld leeg als ze niet bekend zijn."),
    HoursProblem.UNSUPPORTED: _("„%(part)s” wordt niet begrepen. Schrijf per regel dagen en tijden, zoals "
                                "%(example)s; scheid regels met een puntkomma."),
}


def problem_message(error: OpeningHoursError) -> str:
    return str(PROBLEMS[error.problem]) % {"part": error.part, "example": EXAMPLE}


@deconstructible
class OpeningHoursValidator:
    """Refuses text that is not opening hours in the supported OSM syntax, with the reason (every door)."""

    def __call__(self, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            return
        try:
            parse_opening_hours(value)
        except OpeningHoursError as error:
            raise ValidationError(problem_message(error), code=f"opening_hours_{error.problem.value}") from None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OpeningHoursValidator)

    def __hash__(self) -> int:
        return hash("opening_hours")


opening_hours_validator = OpeningHoursValidator()


def parsed(text: str) -> OpeningHours | None:
    """The place's hours, or None when none are given (or, for data from before validation, unreadable)."""
    if not text.strip():
        return None
    try:
        return parse_opening_hours(text)
    except OpeningHoursError:
        return None


def in_words(text: str, language: str | None = None) -> list[str]:
    hours = parsed(text)
    if hours is None:
        return []
    lang = (language or get_language() or "nl")[:2]
    return describe(hours, "en" if lang == "en" else "nl")


def now_local() -> dt.datetime:
    return dt.datetime.now(PLACE_ZONE)


def is_open_at(text: str, moment: dt.datetime) -> bool | None:
    """Open at ``moment`` (converted to Maastricht time); None when the hours are not known."""
    hours = parsed(text)
    if hours is None:
        return None
    local = moment.astimezone(PLACE_ZONE) if moment.tzinfo else moment
    return hours.is_open(local)
