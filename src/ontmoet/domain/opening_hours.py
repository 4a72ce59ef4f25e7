"""Opening hours in the OpenStreetMap ``opening_hours`` syntax: the subset a meeting place needs.

A place's hours are one text, as OpenStreetMap and its apps read it, for example
``Mo-Fr 09:00-17:00; Sa 10:00-12:30; PH off``. Supported:

- rules separated by ``;``; a later rule replaces what earlier rules said about the days it names (OSM);
- weekdays ``Mo Tu We Th Fr Sa Su``, ranges (``Mo-Fr``, ``Fr-Mo``) and lists (``Mo,We,Fr``); ``PH`` for the
  Dutch public holidays (it may stand in a list: ``Sa,PH``); a rule without days holds for every day;
- times ``HH:MM-HH:MM``, several per rule (``09:00-12:00,13:00-17:00``), ``24:00`` as an end, an end past
  midnight (``20:00-01:00`` runs into the next day);
- ``off`` or ``closed`` for a closed day, ``24/7`` for always open.

Anything else (months, week numbers, sunrise, comments) is refused with the reason and the part that was not
understood, so that what the register holds is always what the finder can use for "open now".
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
from dataclasses import dataclass

from ontmoet.domain.terms.holidays import easter_sunday, statutory_holidays

MAX_LENGTH = 2000
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_TIME = re.compile(r"^(\d{2}):(\d{2})$")


class HoursProblem(enum.Enum):
    """Why a text is not opening hours; the interface turns each into a sentence in its language."""

    TOO_LONG = "too_long"
    UNKNOWN_DAY = "unknown_day"
    BAD_TIME = "bad_time"
    BAD_SPAN = "bad_span"
    EMPTY_SPAN = "empty_span"
    OVERLAP = "overlap"
    NOTHING = "nothing"
    UNSUPPORTED = "unsupported"


class OpeningHoursError(ValueError):
    """``problem`` says why; ``part`` is the piece of the text that was not understood."""

    def __init__(self, problem: HoursProblem, part: str) -> None:
        super().__init__(f"{problem.value}: {part!r}")
        self.problem = problem
        self.part = part


@dataclass(frozen=True)
class Span:
    """Open from ``start`` to ``end`` in minutes after midnight; ``end`` may pass 1440 (into the next day)."""

    start: int
    end: int

    @staticmethod
    def clock(minutes: int) -> str:
        if minutes != 1440:
            minutes %= 1440
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    def __str__(self) -> str:
        return f"{self.clock(self.start)}-{self.clock(self.end)}"


@dataclass(frozen=True)
class Rule:
    days: frozenset[int]  # 0 = Monday
    holidays: bool  # the rule names PH
    spans: tuple[Span, ...]  # empty: closed

    @property
    def every_day(self) -> bool:
        return len(self.days) == 7 and not self.holidays


@dataclass(frozen=True)
class OpeningHours:
    rules: tuple[Rule, ...]
    text: str

    def spans_on(self, day: dt.date, holidays: frozenset[dt.date] | None = None) -> tuple[Span, ...]:
        """The spans that start on ``day``: the last rule naming its weekday, or PH on a public holiday."""
        is_holiday = day in (holidays if holidays is not None else dutch_public_holidays(day.year))
        if is_holiday and self.mentions_holidays:
            # A PH rule wins over every weekday rule on a holiday, wherever it stands.
            return holiday_spans(self) or ()
        found: tuple[Span, ...] = ()
        for rule in self.rules:
            if day.weekday() in rule.days:
                found = rule.spans
        return found

    def is_open(self, moment: dt.datetime) -> bool:
        """Whether the place is open at ``moment`` (a local wall-clock time), spans from yesterday included."""
        minute = moment.hour * 60 + moment.minute
        today, yesterday = moment.date(), moment.date() - dt.timedelta(days=1)
        if any(s.start <= minute < s.end for s in self.spans_on(today)):
            return True
        return any(s.end > 1440 and minute < s.end - 1440 for s in self.spans_on(yesterday))

    def open_on(self, day: dt.date) -> bool:
        return bool(self.spans_on(day))

    @property
    def mentions_holidays(self) -> bool:
        return any(r.holidays for r in self.rules)


def parse_opening_hours(text: str) -> OpeningHours:
    """The opening hours ``text`` means; :class:`OpeningHoursError` when it is not in the supported syntax."""
    if len(text) > MAX_LENGTH:
        raise OpeningHoursError(HoursProblem.TOO_LONG, text[:40])
    rules: list[Rule] = []
    for raw in text.split(";"):
        part = " ".join(raw.split())
        if part:
            rules.append(_rule(part))
    if not rules:
        raise OpeningHoursError(HoursProblem.NOTHING, text)
    return OpeningHours(rules=tuple(rules), text="; ".join(_normal(r) for r in rules))


def _rule(part: str) -> Rule:
    if part == "24/7":
        return Rule(days=frozenset(range(7)), holidays=False, spans=(Span(0, 1440),))
    words = part.split(" ")
    if len(words) > 2:
        raise OpeningHoursError(HoursProblem.UNSUPPORTED, part)
    if len(words) == 2:
        selector, times = words
        days, holidays = _days(selector)
    elif _looks_like_times(words[0]):
        days, holidays, times = frozenset(range(7)), False, words[0]
    else:
        raise OpeningHoursError(HoursProblem.BAD_SPAN if words[0][0].isdigit() else HoursProblem.UNSUPPORTED, part)
    spans: tuple[Span, ...] = () if times in ("off", "closed") else _spans(times)
    return Rule(days=days, holidays=holidays, spans=spans)


def _looks_like_times(word: str) -> bool:
    return word in ("off", "closed") or (bool(word) and word[0].isdigit())


def _days(selector: str) -> tuple[frozenset[int], bool]:
    days: set[int] = set()
    holidays = False
    for item in selector.split(","):
        if item == "PH":
            holidays = True
        elif "-" in item:
            first, _sep, last = item.partition("-")
            a, b = _day(first, selector), _day(last, selector)
            days.update((a + i) % 7 for i in range((b - a) % 7 + 1))
        else:
            days.add(_day(item, selector))
    return frozenset(days), holidays


def _day(word: str, selector: str) -> int:
    if word not in DAYS:
        raise OpeningHoursError(HoursProblem.UNKNOWN_DAY, word or selector)
    return DAYS.index(word)


def _spans(times: str) -> tuple[Span, ...]:
    spans = []
    for item in times.split(","):
        start_text, sep, end_text = item.partition("-")
        if not sep:
            raise OpeningHoursError(HoursProblem.BAD_SPAN, item)
        start, end = _minutes(start_text), _minutes(end_text)
        if start >= 1440:
            raise OpeningHoursError(HoursProblem.BAD_TIME, start_text)
        if end == start:
            raise OpeningHoursError(HoursProblem.EMPTY_SPAN, item)
        if end < start:  # runs past midnight
            end += 1440
        spans.append(Span(start, end))
    spans.sort(key=lambda s: s.start)
    for before, after in itertools.pairwise(spans):
        if after.start < before.end:
            raise OpeningHoursError(HoursProblem.OVERLAP, times)
    return tuple(spans)


def _minutes(text: str) -> int:
    match = _TIME.match(text)
    if not match:
        raise OpeningHoursError(HoursProblem.BAD_TIME, text)
    hours, minutes = int(match[1]), int(match[2])
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise OpeningHoursError(HoursProblem.BAD_TIME, text)
    return hours * 60 + minutes


def _normal(rule: Rule) -> str:
    if rule.every_day and rule.spans == (Span(0, 1440),):
        return "24/7"
    times = ",".join(str(s) for s in rule.spans) or "off"
    if rule.every_day:
        return times
    names = [DAYS[d] for d in sorted(rule.days)]
    if rule.holidays:
        names.append("PH")
    return f"{','.join(names)} {times}"


# --- Dutch public holidays ---------------------------------------------------------------------------------


def dutch_public_holidays(year: int) -> frozenset[dt.date]:
    """The days ``PH`` means: the general holidays of Atw art. 3 lid 1 (``domain.terms.holidays``, one computation
    for Ontmoet: New Year, Easter Monday, King's Day with its Sunday rule, 5 May every year, Ascension, Whit
    Monday, Christmas and Boxing Day) with Easter Sunday and Whit Sunday, which OSM's PH also covers. Good
    Friday, which Atw art. 3 lid 2 equals to a holiday for time limits only, is no day off and is left out."""
    try:
        days = {day for day, names in statutory_holidays(year).items() if names != ("Goede Vrijdag",)}
    except ValueError:  # outside the years the Atw computation covers
        return frozenset()
    sunday = easter_sunday(year)
    return frozenset({*days, sunday, sunday + dt.timedelta(days=49)})


# --- in words ----------------------------------------------------------------------------------------------

DAY_NAMES = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_WORDS = {
    "nl": {"to": "t/m", "and": "en", "closed": "gesloten", "holidays": "feestdagen", "always": "altijd open",
           "every": "elke dag", "times": "{a} tot {b}", "sep": " en "},
    "en": {"to": "to", "and": "and", "closed": "closed", "holidays": "public holidays", "always": "always open",
           "every": "every day", "times": "{a} to {b}", "sep": " and "},
}


def week_table(hours: OpeningHours) -> list[tuple[int, tuple[Span, ...]]]:
    """Per weekday (0 = Monday) its spans in an ordinary week (no holiday)."""
    table = []
    for weekday in range(7):
        found: tuple[Span, ...] = ()
        for rule in hours.rules:
            if weekday in rule.days:
                found = rule.spans
        table.append((weekday, found))
    return table


def holiday_spans(hours: OpeningHours) -> tuple[Span, ...] | None:
    """What the hours say of public holidays (None when they say nothing: the weekday's hours hold)."""
    found = None
    for rule in hours.rules:
        if rule.holidays:
            found = rule.spans
    return found


def describe(hours: OpeningHours, language: str = "nl") -> list[str]:
    """The hours as short lines in plain words, consecutive days with the same hours joined ("maandag t/m
    vrijdag 09:00 tot 17:00")."""
    words = _WORDS.get(language, _WORDS["nl"])
    names = DAY_NAMES.get(language, DAY_NAMES["nl"])
    table = week_table(hours)
    if all(spans == (Span(0, 1440),) for _d, spans in table):
        lines = [words["always"]]
    else:
        lines = []
        groups: list[tuple[int, int, tuple[Span, ...]]] = []
        for weekday, spans in table:
            if groups and groups[-1][2] == spans:
                groups[-1] = (groups[-1][0], weekday, spans)
            else:
                groups.append((weekday, weekday, spans))
        for first, last, spans in groups:
            if first == 0 and last == 6:
                days = words["every"]
            elif first == last:
                days = names[first]
            elif last == first + 1:
                days = f"{names[first]} {words['and']} {names[last]}"
            else:
                days = f"{names[first]} {words['to']} {names[last]}"
            lines.append(f"{days}: {_times(spans, words)}")
    holiday = holiday_spans(hours)
    if holiday is not None:
        lines.append(f"{words['holidays']}: {_times(holiday, words)}")
    return lines


def _times(spans: tuple[Span, ...], words: dict[str, str]) -> str:
    if not spans:
        return words["closed"]
    return words["sep"].join(words["times"].format(a=Span.clock(s.start), b=Span.clock(s.end)) for s in spans)
