"""Reads of community work (B3) and board support (B5). The arithmetic lives in ``ontmoet.domain.capacity``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts.permissions import restrict_to_acted_for
from ontmoet.accounts.roles import Role
from ontmoet.assessment.selectors import vulnerability_for
from ontmoet.capacity.models import (
    BoardSupportRequest,
    BoardVacancy,
    CommunityWorkAllocation,
    CommunityWorkHours,
    CommunityWorkRequest,
    WorkingGroupMeeting,
    WorkingGroupMember,
)
from ontmoet.core.blocks import BlockChoices
from ontmoet.core.plan import policy_plan
from ontmoet.core.registry import IndicatorReading
from ontmoet.domain.capacity import (
    AllocationProposal,
    AllocationRequest,
    BoardHealth,
    Caps,
    Override,
    SupportTimes,
    apply_overrides,
    board_health,
    propose_allocation,
    response_summary,
    year_caps,
)
from ontmoet.domain.register import CAPPED_KINDS
from ontmoet.finance.models import EntryKind, LedgerEntry
from ontmoet.finance.selectors import budget_get
from ontmoet.places.models import MeetingPlace

#: The ledger's source of community-work commitments and its reference per allocation (a place and a year).
LEDGER_SOURCE = "capacity.community_work"
BOARD_SUPPORT_SOURCE = "capacity.board_support"


def reference_date(year: int) -> dt.date:
    """1 January: the day whose register decides who may ask and how many places the cap counts (seed §5)."""
    return dt.date(year, 1, 1)


def plan_years() -> tuple[int, ...]:
    return policy_plan().years


def eligible_places(year: int) -> QuerySet[MeetingPlace]:
    """The OC and HvdW in the register on 1 January of ``year`` (the type from the type history)."""
    return MeetingPlace.objects.of_type([k.value for k in CAPPED_KINDS], reference_date(year))


def is_eligible(place: MeetingPlace, year: int) -> bool:
    return eligible_places(year).filter(pk=place.pk).exists()


def b3_budget(year: int) -> int:
    """The year's B3 line of the framework (the plan: OC + HvdW counted × ¼ fte × cost per fte)."""
    value = budget_get(with_projects=False).value("B3", str(year))
    return int(value or 0)


def caps_for(year: int) -> Caps:
    work = policy_plan().community_work
    return year_caps(per_place=work.fte_per_place, ceiling=work.max_fte_total, cost_per_fte=work.cost_per_fte,
                     eligible_places=eligible_places(year).count(), budget=b3_budget(year))


def vulnerability_by_place(places: Iterable[MeetingPlace]) -> dict[int, Decimal | None]:
    """The vulnerability index of each place's buurt (the afwegingskader's latest figures); None without them."""
    table = vulnerability_for()
    result: dict[int, Decimal | None] = {}
    for place in places:
        score = table.get(place.neighbourhood.code) if table is not None and place.neighbourhood else None
        result[place.pk] = score.index if score is not None else None
    return result


def request_list(*, user: Any, year: int | None = None) -> QuerySet[CommunityWorkRequest]:
    requests = restrict_to_acted_for(CommunityWorkRequest.objects.select_related("place", "requested_by"), user,
                                     place_field="place")
    return requests.filter(year=year) if year is not None else requests


def request_get(*, user: Any, pk: int) -> CommunityWorkRequest:
    return get_object_or_404(request_list(user=user), pk=pk)


def allocation_list(*, user: Any, year: int | None = None) -> QuerySet[CommunityWorkAllocation]:
    allocations = restrict_to_acted_for(CommunityWorkAllocation.objects.select_related("place"), user,
                                        place_field="place")
    return allocations.filter(year=year) if year is not None else allocations


def proposal_for(year: int, overrides: Mapping[int, Override] | None = None) -> AllocationProposal:
    """The allocation proposal of ``year`` from every request, with officers' overrides when given."""
    requests = list(CommunityWorkRequest.objects.filter(year=year).select_related("place__neighbourhood"))
    eligible = set(eligible_places(year).filter(pk__in=[r.place_id for r in requests]).values_list("pk", flat=True))
    index = vulnerability_by_place(r.place for r in requests)
    proposal = propose_allocation(year, [
        AllocationRequest(place_id=r.place_id, requested_fte=r.fte, requested_on=r.requested_on,
                          vulnerability_index=index[r.place_id], eligible=r.place_id in eligible, request_id=r.pk)
        for r in requests
    ], caps_for(year))
    return apply_overrides(proposal, overrides) if overrides else proposal


def place_names(ids: Iterable[int]) -> dict[int, str]:
    return dict(MeetingPlace.objects.filter(pk__in=list(ids)).values_list("pk", "name"))


def hours_list(*, user: Any, year: int | None = None) -> QuerySet[CommunityWorkHours]:
    """Hours: a community worker sees their own, the officers every worker's."""
    hours = CommunityWorkHours.objects.select_related("place", "worker")
    if getattr(user, "role", None) == Role.COMMUNITY_WORKER:
        hours = hours.filter(worker=user)
    return hours.filter(month__year=year) if year is not None else hours


@dataclass(frozen=True)
class PlaceRealisation:
    place_id: int
    name: str
    allocated_fte: Decimal
    allocated_hours: Decimal
    realised_hours: Decimal

    @property
    def share(self) -> Decimal | None:
        if not self.allocated_hours:
            return None
        return (self.realised_hours / self.allocated_hours * 100).quantize(Decimal("1"))


def realisation(*, user: Any, year: int) -> list[PlaceRealisation]:
    """Allocated against realised per place in ``year``; allocated hours = fte × the plan's hours per fte."""
    per_fte = policy_plan().capacity.hours_per_fte_year.value
    allocated = {a.place_id: a for a in allocation_list(user=user, year=year)}
    realised: dict[int, Decimal] = defaultdict(Decimal)
    names: dict[int, str] = {a.place_id: a.place.name for a in allocated.values()}
    hours = restrict_to_acted_for(CommunityWorkHours.objects.filter(month__year=year), user, place_field="place")
    for row in hours.values("place_id", "place__name").annotate(total=Sum("hours")):
        realised[row["place_id"]] = Decimal(row["total"] or 0)
        names[row["place_id"]] = row["place__name"]
    rows = []
    for place_id in sorted(names, key=lambda pk: names[pk]):
        fte = allocated[place_id].allocated_fte if place_id in allocated else Decimal(0)
        rows.append(PlaceRealisation(place_id=place_id, name=names[place_id], allocated_fte=fte,
                                     allocated_hours=(fte * per_fte).quantize(Decimal("1")),
                                     realised_hours=realised[place_id]))
    return rows


def b3_committed(year: int) -> Decimal:
    total = LedgerEntry.objects.filter(source=LEDGER_SOURCE, kind=EntryKind.COMMITMENT, block=BlockChoices.B3,
                                       year=year).aggregate(total=Sum("amount"))["total"]
    return Decimal(total or 0)


def committed_by_place(year: int) -> dict[int, Decimal]:
    """What the ledger holds per place for ``year`` (the reference carries the place)."""
    result: dict[int, Decimal] = defaultdict(Decimal)
    prefix = f"community-work:{year}:"
    for reference, amount in LedgerEntry.objects.filter(
            source=LEDGER_SOURCE, kind=EntryKind.COMMITMENT, reference__startswith=prefix
    ).values_list("reference", "amount"):
        result[int(reference.split(":")[2])] += amount
    return result


# --- board support ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SupportFilters:
    status: str = ""
    kind: str = ""
    place: int | None = None
    year: int | None = None


def support_list(*, user: Any, filters: SupportFilters | None = None) -> QuerySet[BoardSupportRequest]:
    filters = filters or SupportFilters()
    requests = restrict_to_acted_for(BoardSupportRequest.objects.select_related("place", "requested_by"), user,
                                     place_field="place")
    if filters.status:
        requests = requests.filter(status=filters.status)
    if filters.kind:
        requests = requests.filter(kind=filters.kind)
    if filters.place is not None:
        requests = requests.filter(place_id=filters.place)
    if filters.year is not None:
        requests = requests.filter(requested_on__year=filters.year)
    return requests


def support_get(*, user: Any, pk: int) -> BoardSupportRequest:
    return get_object_or_404(support_list(user=user), pk=pk)


def response_term() -> int:
    return int(policy_plan().capacity.response_term_working_days.value)


def support_times(requests: Iterable[BoardSupportRequest], *, today: dt.date | None = None) -> SupportTimes:
    return response_summary(((r.requested_on, r.taken_up_on, r.closed_on) for r in requests), term=response_term(),
                            today=today or timezone.localdate())


def support_by_kind(requests: QuerySet[BoardSupportRequest]) -> list[dict[str, Any]]:
    """Who asked for what: the number of requests per kind."""
    rows = requests.order_by().values("kind").annotate(count=Count("id")).order_by("-count", "kind")
    return [dict(row) for row in rows]


def b5_committed(year: int) -> Decimal:
    total = LedgerEntry.objects.filter(source=BOARD_SUPPORT_SOURCE, kind=EntryKind.COMMITMENT,
                                       block=BlockChoices.B5, year=year).aggregate(total=Sum("amount"))["total"]
    return Decimal(total or 0)


@dataclass(frozen=True)
class PlaceBoardHealth:
    place: MeetingPlace
    health: BoardHealth


def board_health_list(*, user: Any, only_attention: bool = False) -> list[PlaceBoardHealth]:
    """Per OC, HvdW and community house: the board's members and open vacancies against the Ogh minimum."""
    minimum = int(policy_plan().assessment.min_board_members.value)
    places = restrict_to_acted_for(
        MeetingPlace.objects.of_type(["community_house", *(k.value for k in CAPPED_KINDS)])
        .annotate(member_count=Count("board__members", distinct=True),
                  vacancy_count=Count("board_vacancies", filter=Q(board_vacancies__filled_on__isnull=True),
                                      distinct=True)), user)
    rows = [PlaceBoardHealth(place=p, health=board_health(members=p.member_count,  # type: ignore[attr-defined]
                                                          open_vacancies=p.vacancy_count,  # type: ignore[attr-defined]
                                                          minimum=minimum)) for p in places.order_by("name")]
    return [r for r in rows if r.health.needs_attention] if only_attention else rows


def vacancy_list(*, user: Any, open_only: bool = True) -> QuerySet[BoardVacancy]:
    vacancies = restrict_to_acted_for(BoardVacancy.objects.select_related("place"), user, place_field="place")
    return vacancies.filter(filled_on__isnull=True) if open_only else vacancies


def vacancy_get(*, user: Any, pk: int) -> BoardVacancy:
    return get_object_or_404(vacancy_list(user=user, open_only=False), pk=pk)


def working_group() -> tuple[QuerySet[WorkingGroupMember], QuerySet[WorkingGroupMeeting]]:
    return WorkingGroupMember.objects.select_related("place"), WorkingGroupMeeting.objects.all()


# --- indicator sources for monitoring (seed §6, effort indicators) -----------------------------------------


def read_community_work_in_subsidy(year: int) -> IndicatorReading | None:
    """"Extra capaciteit opbouwwerk opgenomen in de subsidie van Trajekt": the fte allocated for ``year``."""
    allocations = CommunityWorkAllocation.objects.filter(year=year)
    if not CommunityWorkRequest.objects.filter(year=year).exists() and not allocations.exists():
        return None
    total = allocations.aggregate(total=Sum("allocated_fte"))["total"] or Decimal(0)
    return IndicatorReading(value=Decimal(total), achieved=total > 0,
                            detail=_("Extra opbouwwerk toegekend in de subsidie van Trajekt (fte)."))


def read_board_support_on_demand(year: int) -> IndicatorReading | None:
    """"Vraaggericht": the share of requests of ``year`` taken up within the plan's response term."""
    times = support_times(BoardSupportRequest.objects.filter(requested_on__year=year))
    share = times.share_within_term
    if share is None:
        return None
    return IndicatorReading(value=share / 100,
                            detail=_("Aandeel vragen om bestuursondersteuning dat binnen de reactietermijn is "
                                     "opgepakt."))

