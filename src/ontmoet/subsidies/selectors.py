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
from ontmoet.domain.subsidies.ledger import Booked, Difference, Expected, SchemeYearTotals, reconcile
from ontmoet.finance.models import EntryKind, LedgerEntry
from ontmoet.subsidies.models import Application, ApplicationState, Scheme, SchemeYear

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
