"""Legal terms under the Awb and the Algemene termijnenwet (Atw), with the steps that led to each end date.

How a term is counted (docs/decisions/0301-legal-terms.md):

- A term runs **from an event** (the trigger): the receipt of the application for the decision term ("binnen ...
  na ontvangst van de aanvraag", Awb 4:13), the request to supplement for the supplement term (Awb 4:5), the
  notification of the decision for the objection term (Awb 6:8: "vangt aan met ingang van de dag na die waarop
  het besluit op de voorgeschreven wijze is bekendgemaakt"). The trigger day itself never counts: the term's
  first day is the day after (``LegalTerm.start``).
- N days end on the trigger + N days; N weeks on the same weekday N weeks after the trigger (a term of 6 weeks from
  Monday 2 March ends on Monday 13 April); N months on the same day number N months later, or on the last day of
  that month when it is shorter (1 month from 31 January ends on 28 or 29 February). That is ``nominal_end``.
- Then the Atw, for terms it covers: art. 1 moves an end on a Saturday, Sunday or holiday to the next day that is
  none of these; art. 2 extends a term of at least three days until it holds at least two such working days; art. 3
  (``holidays``, ``decree_days``) says which days are holidays. Art. 4: the Atw does not apply to a term of more
  than twelve weeks, ninety days or three months, so such a term ends on its nominal end whatever day that is.
- For the decision term (``decision_deadline``) the days of each suspension (Awb 4:15) and the weeks of a
  postponement (Awb 4:14) are added before the Atw is applied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ontmoet.domain.terms.decree_days import decree_days_known, decree_for
from ontmoet.domain.terms.holidays import FIRST_YEAR, holiday_name, holiday_name_en, is_atw_holiday

ONE_DAY = dt.timedelta(days=1)

# Atw art. 4: the act does not apply to terms longer than these.
ATW_MAX_WEEKS = 12
ATW_MAX_DAYS = 90
ATW_MAX_MONTHS = 3

# Far beyond any term in the Awb; keeps the date arithmetic inside the calendar.
_MAX_LENGTH = {"weeks": 520, "days": 3650, "months": 120}

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
WEEKDAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class TermKind(StrEnum):
    DECISION = "decision"  # beslistermijn, from the receipt of the application (Awb 4:13)
    SUPPLEMENT = "supplement"  # aanvullingstermijn, from the request to supplement (Awb 4:5)
    OBJECTION = "objection"  # bezwaartermijn, from the notification of the decision (Awb 6:7, 6:8)
    OBJECTION_DECISION = "objection_decision"  # beslistermijn op bezwaar, from the objection term's end (Awb 7:10)


_KIND_NL = {
    TermKind.DECISION: ("beslistermijn", "ontvangst van de aanvraag", "art. 4:13 Awb"),
    TermKind.SUPPLEMENT: ("aanvullingstermijn", "het verzoek om aanvulling", "art. 4:5 Awb"),
    TermKind.OBJECTION: ("bezwaartermijn", "de bekendmaking van het besluit", "art. 6:8 Awb"),
    TermKind.OBJECTION_DECISION: ("beslistermijn op bezwaar", "het einde van de bezwaartermijn", "art. 7:10 Awb"),
}
_KIND_EN = {
    TermKind.DECISION: ("decision term", "the receipt of the application", "Awb art. 4:13"),
    TermKind.SUPPLEMENT: ("term to supplement", "the request to supplement", "Awb art. 4:5"),
    TermKind.OBJECTION: ("objection term", "the notification of the decision", "Awb art. 6:8"),
    TermKind.OBJECTION_DECISION: ("term to decide on the objection", "the end of the objection term",
                                  "Awb art. 7:10"),
}


class TermError(ValueError):
    """A term that cannot be computed; the message is Dutch and fit for the user."""


@dataclass(frozen=True)
class TermReason:
    """One step in how the end date was reached."""

    code: str  # starts_day_after, calendar_end, suspended, postponed, weekend, holiday, art2_two_working_days,
    #            art4_not_applicable, decree_days_unknown, end
    date: dt.date  # the day the reason is about
    text_nl: str  # Dutch, for letters: "5 mei is een feestdag volgens de Algemene termijnenwet (...)"
    text_en: str

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "date": self.date.isoformat(), "textNl": self.text_nl, "textEn": self.text_en}


@dataclass(frozen=True)
class LegalTerm:
    start: dt.date  # first day of the term (the day after the trigger)
    nominal_end: dt.date  # end by the calendar alone
    end: dt.date  # end after the Atw (and suspensions and postponement)
    reasons: tuple[TermReason, ...]
    kind: TermKind = TermKind.DECISION
    trigger: dt.date | None = None  # the day of the event the term runs from (receipt, request, notification)
    atw_applies: bool = True  # False for a term longer than 12 weeks / 90 days / 3 months (Atw art. 4)
    length_nl: str = field(default="")  # "6 weken"

    @property
    def moved(self) -> bool:
        return self.end != self.nominal_end

    def to_json(self) -> dict[str, Any]:
        """The shape of ``ontmoet legal_term --format json`` (camelCase, ISO dates)."""
        return {
            "start": self.start.isoformat(),
            "nominalEnd": self.nominal_end.isoformat(),
            "end": self.end.isoformat(),
            "kind": str(self.kind),
            "trigger": self.trigger.isoformat() if self.trigger else None,
            "atwApplies": self.atw_applies,
            "reasons": [reason.to_json() for reason in self.reasons],
        }


# --- dates in words ------------------------------------------------------------------------------------------------


def format_date_nl(day: dt.date) -> str:
    """'vrijdag 3 april 2026'."""
    return f"{WEEKDAYS_NL[day.weekday()]} {day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def format_date_en(day: dt.date) -> str:
    """'Friday 3 April 2026'."""
    return f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def _length(count: int, unit: str) -> tuple[str, str]:
    nl = {"weeks": ("week", "weken"), "days": ("dag", "dagen"), "months": ("maand", "maanden")}[unit]
    en = {"weeks": ("week", "weeks"), "days": ("day", "days"), "months": ("month", "months")}[unit]
    return f"{count} {nl[count != 1]}", f"{count} {en[count != 1]}"


# --- working days --------------------------------------------------------------------------------------------------


def is_working_day(day: dt.date, extra_holidays: Collection[dt.date] = ()) -> bool:
    """Not a Saturday, Sunday or Atw holiday (nor one of ``extra_holidays``)."""
    return day.weekday() < 5 and not is_atw_holiday(day) and day not in extra_holidays


def next_working_day(day: dt.date, extra_holidays: Collection[dt.date] = ()) -> dt.date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, extra_holidays):
        day += ONE_DAY
    return day


def working_days(first: dt.date, last: dt.date, extra_holidays: Collection[dt.date] = ()) -> int:
    """The number of working days from ``first`` up to and including ``last``."""
    count, day = 0, first
    while day <= last:
        count += is_working_day(day, extra_holidays)
        day += ONE_DAY
    return count


def _holds_two_working_days(first: dt.date, last: dt.date, extra_holidays: Collection[dt.date]) -> bool:
    """Whether ``first``..``last`` holds two working days, looking back from ``last`` and stopping at two (a term of
    weeks needs a few days' look, not a walk over the whole term)."""
    found, day = 0, last
    while day >= first:
        found += is_working_day(day, extra_holidays)
        if found >= 2:
            return True
        day -= ONE_DAY
    return False


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day number ``months`` later, or the last day of that month when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (next_month - ONE_DAY).day))


# --- reasons -------------------------------------------------------------------------------------------------------


def _closed_day_reason(day: dt.date, extra_holidays: Collection[dt.date]) -> TermReason:
    runs_on_nl = "de termijn loopt door tot de eerstvolgende werkdag (art. 1 Atw)"
    runs_on_en = "the term runs on to the next working day (Atw art. 1)"
    name = holiday_name(day)
    decree = decree_for(day)
    if decree is not None and name == "met een feestdag gelijkgestelde dag":
        return TermReason(
            "holiday", day,
            f"{day.day} {MONTHS_NL[day.month - 1]} is bij koninklijk besluit gelijkgesteld met een feestdag volgens "
            f"de Algemene termijnenwet ({format_date_nl(day)}; art. 3 lid 3 Atw, {decree.citation()}); {runs_on_nl}.",
            f"{day.day} {MONTHS_EN[day.month - 1]} is designated by royal decree as equal to a public holiday under "
            f"the General Time Limits Act ({format_date_en(day)}; Atw art. 3(3)); {runs_on_en}.",
        )
    if name is not None:
        return TermReason(
            "holiday", day,
            f"{day.day} {MONTHS_NL[day.month - 1]} is een feestdag volgens de Algemene termijnenwet ({name}, "
            f"{format_date_nl(day)}); {runs_on_nl}.",
            f"{day.day} {MONTHS_EN[day.month - 1]} is a public holiday under the General Time Limits Act "
            f"({holiday_name_en(day)}, {format_date_en(day)}); {runs_on_en}.",
        )
    if day.weekday() >= 5:
        return TermReason(
            "weekend", day,
            f"{format_date_nl(day).capitalize()} valt in het weekend; {runs_on_nl}.",
            f"{format_date_en(day)} falls on a weekend; {runs_on_en}.",
        )
    return TermReason(
        "holiday", day,
        f"{format_date_nl(day).capitalize()} geldt hier als feestdag; {runs_on_nl}.",
        f"{format_date_en(day)} counts as a holiday here; {runs_on_en}.",
    )


def _start_reasons(kind: TermKind, trigger: dt.date, first: dt.date, nominal: dt.date,
                   length: tuple[str, str]) -> list[TermReason]:
    term_nl, event_nl, article_nl = _KIND_NL[kind]
    term_en, event_en, article_en = _KIND_EN[kind]
    return [
        TermReason(
            "starts_day_after", first,
            f"De {term_nl} van {length[0]} begint op de dag na {event_nl} ({format_date_nl(trigger)}; "
            f"{article_nl}): {format_date_nl(first)}.",
            f"The {term_en} of {length[1]} starts on the day after {event_en} ({format_date_en(trigger)}; "
            f"{article_en}): {format_date_en(first)}.",
        ),
        TermReason(
            "calendar_end", nominal,
            f"{length[0].capitalize()} na {format_date_nl(trigger)} is {format_date_nl(nominal)}.",
            f"{length[1].capitalize()} after {format_date_en(trigger)} is {format_date_en(nominal)}.",
        ),
    ]


def _art4_reason(nominal: dt.date, unit: str) -> TermReason:
    limit_nl = {"weeks": "twaalf weken", "days": "negentig dagen", "months": "drie maanden"}[unit]
    limit_en = {"weeks": "twelve weeks", "days": "ninety days", "months": "three months"}[unit]
    return TermReason(
        "art4_not_applicable", nominal,
        f"De termijn is langer dan {limit_nl}: de Algemene termijnenwet geldt er niet voor (art. 4 Atw), dus het "
        f"einde schuift niet op, ook niet als het op een zaterdag, zondag of feestdag valt.",
        f"The term is longer than {limit_en}: the General Time Limits Act does not apply to it (Atw art. 4), so its "
        f"end is not moved, even when it falls on a Saturday, Sunday or holiday.",
    )


def _end_reason(end: dt.date) -> TermReason:
    return TermReason("end", end, f"De termijn eindigt op {format_date_nl(end)}.",
                      f"The term ends on {format_date_en(end)}.")


def _apply_atw(first: dt.date, end: dt.date, *, art2: bool,
               extra_holidays: Collection[dt.date]) -> tuple[dt.date, list[TermReason]]:
    """Atw art. 1 (an end on a closed day moves to the next working day) and art. 2 (at least two working days)."""
    reasons: list[TermReason] = []
    while not is_working_day(end, extra_holidays):
        reasons.append(_closed_day_reason(end, extra_holidays))
        end += ONE_DAY
    if art2 and not _holds_two_working_days(first, end, extra_holidays):
        while not _holds_two_working_days(first, end, extra_holidays):
            end = next_working_day(end + ONE_DAY, extra_holidays)
        reasons.append(TermReason(
            "art2_two_working_days", end,
            f"Een termijn van ten minste drie dagen bevat ten minste twee werkdagen (art. 2 Atw); daarom loopt deze "
            f"termijn tot en met {format_date_nl(end)}.",
            f"A term of at least three days holds at least two working days (Atw art. 2); so this term runs up to "
            f"and including {format_date_en(end)}.",
        ))
    unknown = sorted({year for year in range(first.year, end.year + 1) if not decree_days_known(year)})
    for year in unknown:
        reasons.append(TermReason(
            "decree_days_unknown", dt.date(year, 1, 1),
            f"Voor {year} is geen besluit bekend dat dagen met een feestdag gelijkstelt (art. 3 lid 3 Atw); "
            f"controleer of er inmiddels een is verschenen.",
            f"No decree designating days as equal to a holiday (Atw art. 3(3)) is known for {year}; check whether "
            f"one has been published since.",
        ))
    return end, reasons


# --- the terms -----------------------------------------------------------------------------------------------------


def _check_date(day: dt.date, what: str) -> None:
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise TermError(f"{what} moet een datum zijn.")
    if day.year < FIRST_YEAR or day.year > 9000:
        raise TermError(f"{what} moet tussen {FIRST_YEAR} en 9000 liggen.")


def _check_count(value: object, unit_nl: str, unit: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TermError(f"Het aantal {unit_nl} moet een geheel getal zijn.")
    if value < minimum:
        raise TermError(f"Het aantal {unit_nl} moet ten minste {minimum} zijn.")
    if value > _MAX_LENGTH[unit]:
        raise TermError(f"Een termijn van meer dan {_MAX_LENGTH[unit]} {unit_nl} wordt niet berekend.")
    return value


def legal_term(start: dt.date, *, weeks: int | None = None, days: int | None = None, months: int | None = None,
               kind: TermKind = TermKind.DECISION, extra_holidays: Collection[dt.date] = ()) -> LegalTerm:
    """The end of a term of ``weeks``, ``days`` or ``months`` (exactly one) running from the event on ``start``.

    ``start`` is the day of the event the term runs from: the receipt of the application (decision), the request to
    supplement (supplement) or the notification of the decision (objection, Awb 6:8). The term's first day is the
    day after (``LegalTerm.start``); N weeks from a Monday end on the Monday N weeks later. The Atw moves the end
    (art. 1, 2) unless the term is longer than 12 weeks / 90 days / 3 months (art. 4). ``extra_holidays`` are
    treated as holidays too (a decree that is not yet in ``decree_days``).
    """
    given = {unit: value for unit, value in (("weeks", weeks), ("days", days), ("months", months))
             if value is not None}
    if len(given) != 1:
        raise TermError("Geef precies één termijnlengte op: in weken, dagen of maanden.")
    try:
        kind = TermKind(kind)
    except ValueError:
        raise TermError("Soort termijn onbekend; kies decision, supplement of objection.") from None
    _check_date(start, "De begindatum")
    (unit, raw), = given.items()
    count = _check_count(raw, {"weeks": "weken", "days": "dagen", "months": "maanden"}[unit], unit)
    trigger = start
    first = trigger + ONE_DAY
    if unit == "weeks":
        nominal, outside_atw = trigger + dt.timedelta(weeks=count), count > ATW_MAX_WEEKS
    elif unit == "days":
        nominal, outside_atw = trigger + dt.timedelta(days=count), count > ATW_MAX_DAYS
    else:
        nominal, outside_atw = add_months(trigger, count), count > ATW_MAX_MONTHS
    _check_date(nominal, "Het einde van de termijn")
    length = _length(count, unit)
    reasons = _start_reasons(kind, trigger, first, nominal, length)
    if outside_atw:
        end = nominal
        reasons.append(_art4_reason(nominal, unit))
    else:
        # Art. 2 covers terms of at least three days: every term in weeks or months, and days >= 3.
        end, steps = _apply_atw(first, nominal, art2=(nominal - trigger).days >= 3, extra_holidays=extra_holidays)
        reasons.extend(steps)
    reasons.append(_end_reason(end))
    return LegalTerm(start=first, nominal_end=nominal, end=end, reasons=tuple(reasons), kind=kind, trigger=trigger,
                     atw_applies=not outside_atw, length_nl=length[0])


def supplement_deadline(requested: dt.date, *, days: int, extra_holidays: Collection[dt.date] = ()) -> LegalTerm:
    """The term to supplement an application (Awb 4:5): ``days`` from the day after the request."""
    return legal_term(requested, days=days, kind=TermKind.SUPPLEMENT, extra_holidays=extra_holidays)


def objection_deadline(notified: dt.date, *, weeks: int = 6, extra_holidays: Collection[dt.date] = ()) -> LegalTerm:
    """The objection term (Awb 6:7): six weeks from the day after the notification of the decision (Awb 6:8)."""
    return legal_term(notified, weeks=weeks, kind=TermKind.OBJECTION, extra_holidays=extra_holidays)


def suspended_days(asked: dt.date, resumed: dt.date) -> int:
    """The days one suspension adds (Awb 4:15 lid 1 sub a): suspended "met ingang van de dag na" the request to
    supplement "tot de dag waarop de aanvraag is aangevuld of de daarvoor gestelde termijn ongebruikt is
    verstreken" — from ``asked`` + 1 up to, not including, ``resumed``.

    ``resumed`` is the day the application was supplemented, or, when the supplement term passed unused, the last
    day of that term (see ``suspension_end``): supplemented on the term's last day or not at all suspends alike.
    Asked on Monday 9 March and supplemented on Monday 23 March: 10..22 March, 13 days."""
    return max(0, (resumed - asked).days - 1)


def suspension_end(supplement_term: LegalTerm, supplied: dt.date | None = None) -> dt.date:
    """The ``resumed`` day of a suspension for ``supplement_term`` (a ``legal_term(..., kind=SUPPLEMENT)``): the day
    the application was supplemented, or the term's end when it was not supplemented within the term."""
    return min(supplied, supplement_term.end) if supplied is not None else supplement_term.end


def decision_deadline(received: dt.date, *, weeks: int, suspensions: Sequence[tuple[dt.date, dt.date]] = (),
                      postponement_weeks: int = 0, extra_holidays: Collection[dt.date] = ()) -> LegalTerm:
    """The decision term of ``weeks`` from the receipt of the application (Awb 4:13).

    Each suspension ``(asked, resumed)`` (Awb 4:15; see ``suspended_days``) adds its days, and a postponement adds
    ``postponement_weeks`` (Awb 4:14), before the Atw is applied. Overlapping suspensions count each day once. Art. 4
    is judged on the term in weeks (``weeks`` + ``postponement_weeks``): over twelve weeks the Atw does not apply.
    ``nominal_end`` is the calendar end of the term of ``weeks`` alone; the reasons list every step.
    """
    _check_date(received, "De datum van ontvangst")
    return _decision_term(TermKind.DECISION, received, weeks=weeks, suspensions=suspensions,
                          postponement_weeks=postponement_weeks, extra_holidays=extra_holidays)


def objection_decision_deadline(objection_term_end: dt.date, *, weeks: int = 6, postponement_weeks: int = 0,
                                extra_holidays: Collection[dt.date] = ()) -> LegalTerm:
    """The term to decide on an objection (Awb 7:10 lid 1): ``weeks`` (6; 12 with an advisory committee) "gerekend
    vanaf de dag na die waarop de termijn voor het indienen van het bezwaarschrift is verstreken" — so from the
    objection term's end as the Atw left it (``legal_term(notified, weeks=6, kind=OBJECTION).end``). A postponement
    (Awb 7:10 lid 3, at most six weeks) adds its weeks before the Atw."""
    _check_date(objection_term_end, "Het einde van de bezwaartermijn")
    return _decision_term(TermKind.OBJECTION_DECISION, objection_term_end, weeks=weeks, suspensions=(),
                          postponement_weeks=postponement_weeks, extra_holidays=extra_holidays)


def _decision_term(kind: TermKind, trigger: dt.date, *, weeks: int, suspensions: Sequence[tuple[dt.date, dt.date]],
                   postponement_weeks: int, extra_holidays: Collection[dt.date]) -> LegalTerm:
    weeks = _check_count(weeks, "weken", "weeks")
    postponement_weeks = _check_count(postponement_weeks, "weken verdaging", "weeks", minimum=0)
    first = trigger + ONE_DAY
    nominal = trigger + dt.timedelta(weeks=weeks)
    length = _length(weeks, "weeks")
    reasons = _start_reasons(kind, trigger, first, nominal, length)
    end = nominal
    counted: set[dt.date] = set()
    for pair in sorted(suspensions):
        if len(pair) != 2:
            raise TermError("Een opschorting bestaat uit twee datums: het verzoek om aanvulling en de hervatting.")
        asked, resumed = pair
        _check_date(asked, "De datum van het verzoek om aanvulling")
        _check_date(resumed, "De datum van aanvulling")
        if asked < trigger:
            raise TermError("Een verzoek om aanvulling kan niet vóór de ontvangst van de aanvraag liggen.")
        if resumed < asked:
            raise TermError("De aanvulling kan niet vóór het verzoek om aanvulling liggen.")
        span = {asked + dt.timedelta(days=i) for i in range(1, suspended_days(asked, resumed) + 1)}
        added = len(span - counted)
        counted |= span
        end += dt.timedelta(days=added)
        reasons.append(TermReason(
            "suspended", asked,
            f"Op {format_date_nl(asked)} is gevraagd de aanvraag aan te vullen; de beslistermijn is opgeschort tot "
            f"{format_date_nl(resumed)} en loopt daardoor {added} {'dag' if added == 1 else 'dagen'} langer "
            f"(art. 4:15 Awb): tot {format_date_nl(end)}.",
            f"On {format_date_en(asked)} the applicant was asked to supplement the application; the decision term "
            f"was suspended until {format_date_en(resumed)} and runs {added} {'day' if added == 1 else 'days'} "
            f"longer (Awb art. 4:15): until {format_date_en(end)}.",
        ))
    if postponement_weeks:
        end += dt.timedelta(weeks=postponement_weeks)
        added_nl, added_en = _length(postponement_weeks, "weeks")
        article_nl, article_en = ("art. 7:10 lid 3 Awb", "Awb art. 7:10(3)") if kind is TermKind.OBJECTION_DECISION \
            else ("art. 4:14 Awb", "Awb art. 4:14")
        reasons.append(TermReason(
            "postponed", end,
            f"De beslissing is verdaagd met {added_nl} ({article_nl}): tot {format_date_nl(end)}.",
            f"The decision was postponed by {added_en} ({article_en}): until {format_date_en(end)}.",
        ))
    _check_date(end, "Het einde van de termijn")
    outside_atw = weeks + postponement_weeks > ATW_MAX_WEEKS
    if outside_atw:
        reasons.append(_art4_reason(end, "weeks"))
    else:
        end, steps = _apply_atw(first, end, art2=True, extra_holidays=extra_holidays)
        reasons.extend(steps)
    reasons.append(_end_reason(end))
    return LegalTerm(start=first, nominal_end=nominal, end=end, reasons=tuple(reasons), kind=kind, trigger=trigger,
                     atw_applies=not outside_atw, length_nl=length[0])
