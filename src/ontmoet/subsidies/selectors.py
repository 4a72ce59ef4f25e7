"""Reads of the subsidy module: the queue with days left, an application's page, cumulation, the scheme-year
figures and the reconciliation of decisions with the ledger."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts.permissions import restrict_to_acted_for
from ontmoet.core.plan import policy_plan
from ontmoet.core.registry import IndicatorReading
from ontmoet.domain.subsidies import deadlines
from ontmoet.domain.subsidies.amounts import AmountRuleError, CostBased, FixedPerPlaceType
from ontmoet.domain.subsidies.ceiling import DecisionReason, DistributionMethod, RankedApplication, rank_down
from ontmoet.domain.subsidies.ledger import Booked, Difference, Expected, SchemeYearTotals, reconcile
from ontmoet.domain.subsidies.ranking_dates import RankingMoment, moment_on
from ontmoet.finance.models import EntryKind, LedgerEntry
from ontmoet.places.models import MeetingPlace
from ontmoet.subsidies.models import (
    Advice,
    AdviceChoice,
    AmountRule,
    Application,
    ApplicationState,
    Distribution,
    Scheme,
    SchemeYear,
)

LEDGER_SOURCE = "subsidies"
#: States in which a decision term runs for the municipality.
OPEN_STATES = (ApplicationState.SUBMITTED, ApplicationState.SUPPLEMENTED, ApplicationState.IN_ASSESSMENT,
               ApplicationState.ADVISED, ApplicationState.POSTPONED)


def applications_for(user: Any) -> QuerySet[Application]:
    """The applications ``user`` may see (board members: their own places only)."""
    return restrict_to_acted_for(Application.objects.select_related("scheme", "place", "scheme_year", "officer"),
                                 user, place_field="place")


@dataclass(frozen=True)
class QueueFilters:
    scheme: int | None = None
    state: str = ""
    neighbourhood: str = ""
    officer: int | None = None
    term: str = ""  # "", "soon" (within the reminder days), "overdue"


def reminder_days() -> int:
    subsidies = policy_plan().subsidies
    return subsidies.reminder_days if subsidies else 7


def queue(user: Any, filters: QueueFilters, *, today: dt.date | None = None) -> QuerySet[Application]:
    day = today or timezone.localdate()
    rows = applications_for(user)
    if filters.scheme:
        rows = rows.filter(scheme_id=filters.scheme)
    if filters.state:
        rows = rows.filter(state=filters.state)
    if filters.neighbourhood:
        rows = rows.filter(place__neighbourhood__code=filters.neighbourhood)
    if filters.officer:
        rows = rows.filter(officer_id=filters.officer)
    if filters.term == "soon":
        rows = rows.filter(state__in=OPEN_STATES, decision_due__gte=day,
                           decision_due__lte=day + dt.timedelta(days=reminder_days()))
    elif filters.term == "overdue":
        rows = rows.filter(state__in=OPEN_STATES, decision_due__lt=day)
    return rows.order_by("decision_due", "id")


def days_left(application: Application, today: dt.date | None = None) -> int | None:
    """Days until the term that runs now ends (decision, supplement or objection decision); None if none runs."""
    day = today or timezone.localdate()
    due = term_running(application)
    return None if due is None else (due - day).days


def term_running(application: Application) -> dt.date | None:
    if application.state in OPEN_STATES:
        return application.decision_due
    if application.state == ApplicationState.INCOMPLETE:
        return application.supplement_due
    if application.state == ApplicationState.OBJECTION:
        return application.objection_decision_due
    return None


def suspension_pairs(application: Application) -> list[tuple[dt.date, dt.date]]:
    """The stored suspensions as the ``(asked, resumed)`` pairs the terms module counts (Awb 4:15)."""
    return [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in application.suspensions]


def decision_term(application: Application) -> deadlines.Deadline | None:
    """The decision term as the terms module counts it (Awb 4:13, 4:14, 4:15 and the Atw), with its reasons."""
    if application.received_on is None:
        return None
    return deadlines.decision_deadline(application.received_on, weeks=application.scheme.decision_term_weeks,
                                       suspensions=suspension_pairs(application),
                                       postponement_weeks=application.postponement_weeks)


def supplement_term(application: Application) -> deadlines.Deadline | None:
    """The term to supplement of the latest request to supplement (Awb 4:5)."""
    if not application.suspensions:
        return None
    asked = dt.date.fromisoformat(application.suspensions[-1][0])
    return deadlines.supplement_deadline(asked, days=application.scheme.supplement_term_days)


def objection_term(application: Application) -> deadlines.Deadline | None:
    """The objection term from the notification of the decision (Awb 6:7, 6:8)."""
    return deadlines.objection_deadline(application.decided_on) if application.decided_on else None


def reason_texts(term: deadlines.Deadline | None, language: str = "nl") -> list[str]:
    """How the term's end was reached, one sentence a step, in Dutch or English."""
    if term is None:
        return []
    return [reason.text_en if language.startswith("en") else reason.text_nl for reason in term.reasons]


def cumulation(application: Application) -> QuerySet[Application]:
    """The board's other subsidies in the same year (for the cumulation check on the application page)."""
    return (Application.objects.filter(place_id=application.place_id, year=application.year)
            .exclude(pk=application.pk).exclude(amount_granted=0).select_related("scheme"))


def scheme_year_figures(scheme: Scheme) -> list[SchemeYear]:
    return list(scheme.years.order_by("year"))


def place_type(place: MeetingPlace | int, on: dt.date | None = None) -> str | None:
    """The type of the place in force on ``on`` (today when None)."""
    pk = place if isinstance(place, int) else place.pk
    found = MeetingPlace.objects.with_type(on=on).filter(pk=pk).first()
    return getattr(found, "type", None)


def amount_rule_of(scheme: Scheme) -> FixedPerPlaceType | CostBased:
    """The scheme's amount rule as the domain computes it."""
    if scheme.amount_rule == AmountRule.FIXED_PER_TYPE:
        return FixedPerPlaceType(dict(scheme.fixed_amounts))
    return CostBased(maximum=scheme.maximum_amount or 10**9)


def latest_advice(application: Application) -> Advice | None:
    """The advice the decision follows: the latest one (prefetched advices are used when present)."""
    return max(application.advices.all(), key=lambda a: (a.at, a.pk), default=None)


#: The states from which a ranking decides an application (Awb 4:26: all of them together at the ranking date).
RANKING_STATES = (ApplicationState.ADVISED, ApplicationState.POSTPONED)


def ranking_moment(scheme_year: SchemeYear, today: dt.date | None = None) -> RankingMoment:
    """Where the scheme-year's ranking stands today (``domain.subsidies.ranking_dates``)."""
    return moment_on(scheme_year.year, scheme_year.ranking_dates, today or timezone.localdate())


def ranking_candidates(scheme_year: SchemeYear, moment: RankingMoment) -> QuerySet[Application]:
    """The applications a round held for ``moment`` decides: advised (or postponed); while a later ranking date of
    the year is still to come, only those complete by the end of the date passed (local time)."""
    rows = Application.objects.filter(scheme_year=scheme_year, state__in=RANKING_STATES)
    if moment.too_early:
        return rows.none()
    if moment.held_for is not None and moment.upcoming is not None:
        end = timezone.make_aware(dt.datetime.combine(moment.held_for + dt.timedelta(days=1), dt.time(0, 0)))
        rows = rows.filter(completed_at__lt=end)
    return rows


def ranking_entry(application: Application, amount: Decimal) -> RankedApplication:
    """An application as the ranking sees it: its amount, when it became complete and its afwegingskader
    score (no assessment: score 0; not yet marked complete: now, so it goes after those that were)."""
    score = application.assessment.score if application.assessment else Decimal(0)
    return RankedApplication(application.pk, Decimal(amount), application.completed_at or timezone.now(),
                             Decimal(score))


@dataclass(frozen=True)
class RankingRow:
    """One application in the ranking preview: what it asks (as advised) and what the ranking would give it."""

    application: Application
    position: int | None  # its place on the list; None for an advice to refuse (refused on the merits)
    score: Decimal
    amount: Decimal
    granted: Decimal
    reason: DecisionReason
    remaining_before: Decimal
    problem: str = ""  # why it cannot be ranked as it stands (the amount rule), in the interface language


@dataclass(frozen=True)
class RankingPreview:
    """What ``services.scheme_year_rank`` would decide now (nothing is saved)."""

    scheme_year: SchemeYear
    rows: list[RankingRow]
    moment: RankingMoment
    #: Advised applications complete after the ranking date: they wait for the next round.
    waiting: int = 0

    @property
    def granted(self) -> int:
        return sum(1 for r in self.rows if r.reason is DecisionReason.GRANTED and not r.problem)

    @property
    def partial(self) -> int:
        return sum(1 for r in self.rows if r.reason is DecisionReason.PARTIAL_CEILING and not r.problem)

    @property
    def refused(self) -> int:
        return sum(1 for r in self.rows if r.granted == 0 and not r.problem)

    @property
    def problems(self) -> int:
        return sum(1 for r in self.rows if r.problem)

    @property
    def granted_total(self) -> Decimal:
        return sum((r.granted for r in self.rows if not r.problem), Decimal(0))

    @property
    def remaining_after(self) -> Decimal:
        return max(self.scheme_year.ceiling - self.scheme_year.committed - self.granted_total, Decimal(0))


def ranking_preview(scheme_year: SchemeYear, language: str = "nl", today: dt.date | None = None) -> RankingPreview:
    """The candidates of a ranking scheme-year in the order the ranking takes them (score, highest first; then
    the moment it became complete; then the number), each with what it would get under the ceiling, followed by
    the advices to refuse. The same domain function decides as the ranking itself (``rank_down``)."""
    moment = ranking_moment(scheme_year, today)
    chosen = ranking_candidates(scheme_year, moment)
    waiting = Application.objects.filter(scheme_year=scheme_year, state__in=RANKING_STATES).count() - chosen.count()
    candidates = list(chosen.select_related("scheme", "place", "assessment").prefetch_related("advices")
                      .order_by("pk"))
    left = max(scheme_year.ceiling - scheme_year.committed, Decimal(0))
    entries, refusals, problems = [], [], []
    for application in candidates:
        advice = latest_advice(application)
        if advice is None or advice.advice != AdviceChoice.GRANT:
            refusals.append(application)
            continue
        requested = advice.amount if advice.amount else application.amount_requested
        try:
            amount = amount_rule_of(application.scheme).amount_for(place_type=place_type(application.place_id),
                                                                  requested=requested)
        except AmountRuleError as exc:
            problems.append((application, exc.text_en if language.startswith("en") else exc.text_nl))
            continue
        entries.append((application, ranking_entry(application, amount)))
    by_id = {a.pk: a for a, _e in entries}
    rows = [RankingRow(by_id[item.id], n, item.score, item.amount, outcome.granted, outcome.reason,
                       outcome.remaining_before)
            for n, (item, outcome) in enumerate(rank_down(
                [e for _a, e in entries], method=DistributionMethod.RANKING, ceiling=scheme_year.ceiling,
                committed=scheme_year.committed, partial_allowed=scheme_year.scheme.partial_grants), start=1)]
    rows += [RankingRow(a, None, Decimal(a.assessment.score if a.assessment else 0), Decimal(0), Decimal(0),
                        DecisionReason.REFUSED, left) for a in refusals]
    rows += [RankingRow(a, None, Decimal(a.assessment.score if a.assessment else 0), a.amount_requested,
                        Decimal(0), DecisionReason.REFUSED, left, problem=text) for a, text in problems]
    return RankingPreview(scheme_year, rows, moment, waiting)


def ranking_years(scheme: Scheme) -> list[SchemeYear]:
    """The scheme's years that distribute by ranking (Awb 4:26), oldest first."""
    return list(scheme.years.filter(distribution=Distribution.RANKING).select_related("scheme").order_by("year"))


def ledger_differences() -> list[Difference]:
    """Decisions and payments against the ledger and the ceilings (``ontmoet check_ledger``)."""
    expected: list[Expected] = []
    paid: dict[int, Decimal] = defaultdict(Decimal)
    from ontmoet.subsidies.models import Payment

    for payment in Payment.objects.values("application_id", "kind").annotate(total=Sum("amount")):
        paid[payment["application_id"]] += payment["total"]
    for app in Application.objects.values("pk", "scheme_year_id", "state", "amount_granted", "amount_settled"):
        commitment = app["amount_settled"] if app["amount_settled"] is not None else app["amount_granted"]
        expected.append(Expected(f"{app['pk']}", f"{app['scheme_year_id']}", commitment,
                                 paid.get(app["pk"], Decimal(0))))
    booked: dict[str, Booked] = {}
    sums: Mapping[tuple[str, str], Decimal] = defaultdict(Decimal)
    for entry in LedgerEntry.objects.filter(source=LEDGER_SOURCE).values("reference", "kind", "amount"):
        key = entry["reference"].split(":", 1)[0]
        sums[(key, entry["kind"])] += entry["amount"]  # type: ignore[index]
    for key in {k for k, _kind in sums}:
        booked[key] = Booked(sums.get((key, EntryKind.COMMITMENT), Decimal(0)),
                             sums.get((key, EntryKind.REALISATION), Decimal(0)))
    totals = {f"{y.pk}": SchemeYearTotals(y.ceiling, y.committed) for y in SchemeYear.objects.all()}
    return reconcile(expected, booked, totals)





def _scheme_published(block: str, year: int) -> IndicatorReading | None:
    """Whether the scheme of building block ``block`` was published by the end of ``year`` (a yes/no effort of the
    monitoring, ``[monitoring.scheme_*_published]``). The scheme of the block is one of its own, not a chapter of
    an older regulation (the Ogh chapters are in B1 too). None when no such scheme has been published at all:
    Ontmoet then holds no publication to read, and the indicator says "no data"."""
    first = (Scheme.objects.filter(block=block, chapter="", published_on__isnull=False)
             .order_by("published_on").values_list("published_on", flat=True).first())
    if first is None:
        return None
    if first.year > year:
        return IndicatorReading(value=Decimal(0), achieved=False,
                                detail=_("De regeling is pas na dit jaar gepubliceerd."))
    return IndicatorReading(value=Decimal(1), achieved=True, detail=_("Publicatiedatum van de regeling in Ontmoet."))


def read_scheme_meeting_centres_published(year: int) -> IndicatorReading | None:
    """"Subsidieregeling OC/HvdW gepubliceerd": the B1 exploitation scheme, published by the end of ``year``."""
    return _scheme_published("B1", year)


def read_scheme_modernisation_published(year: int) -> IndicatorReading | None:
    """"Subsidieregeling modernisering gepubliceerd": the B2 modernisation scheme, published by the end of
    ``year``."""
    return _scheme_published("B2", year)
