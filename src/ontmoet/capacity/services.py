"""Writes of community work (B3) and board support (B5). Each service is one atomic transaction with its audit event.

Allocations book their cost on B3 through ``finance.services.commitment_record``: per place and year the ledger
holds allocated fte × the plan's cost per fte; a changed allocation books the difference under its own reference.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import User
from ontmoet.accounts.permissions import ensure_acts_for
from ontmoet.accounts.roles import (
    BOARD_SUPPORTERS,
    CAPACITY_OFFICERS,
    CAPACITY_REQUESTERS,
    HOURS_WRITERS,
    LEDGER_WRITERS,
)
from ontmoet.capacity import errors
from ontmoet.capacity.models import (
    BoardSupportRequest,
    BoardVacancy,
    CommunityWorkAllocation,
    CommunityWorkHours,
    CommunityWorkRequest,
    SupportStatus,
    WorkingGroupMeeting,
    WorkingGroupMember,
)
from ontmoet.capacity.selectors import (
    BOARD_SUPPORT_SOURCE,
    LEDGER_SOURCE,
    committed_by_place,
    is_eligible,
    plan_years,
    proposal_for,
)
from ontmoet.core.audit import audit_record, nothing_changed
from ontmoet.core.blocks import BlockChoices
from ontmoet.core.locks import serialise
from ontmoet.core.plan import policy_plan
from ontmoet.domain.capacity import AllocationProposal, Override, OverrideError, allocation_cost
from ontmoet.domain.capacity.allocation import fte as cut_fte
from ontmoet.finance.services import commitment_record
from ontmoet.places.models import MeetingPlace

#: One lock per year: the check of the year's cap and the writes of its allocations are one step.
ALLOCATION_LOCK = "capacity:community_work:%s"


def _decimal(value: Any, field: str, message: Any) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({field: message}) from exc
    if not number.is_finite():
        raise ValidationError({field: message})
    return number


def _check_year(year: int) -> None:
    years = plan_years()
    if isinstance(year, bool) or not isinstance(year, int) or year not in years:
        raise ValidationError({"year": errors.YEAR_OUTSIDE_PLAN % {"year": year, "first": years[0],
                                                                   "last": years[-1]}})


# --- community work ------------------------------------------------------------------------------------------


@state_change(roles=CAPACITY_REQUESTERS, system=True)
def community_work_request_create(*, place: MeetingPlace, year: int, fte: Decimal | str, purpose: str,
                                  requested_on: dt.date | None = None, by: User | None,
                                  is_demo: bool = False) -> CommunityWorkRequest:
    """A place asks for community work in ``year``; only an OC or HvdW on 1 January may ask (seed §5)."""
    if by is not None:
        ensure_acts_for(by, place)
    _check_year(year)
    amount = _decimal(fte, "fte", errors.FTE_POSITIVE)
    if amount <= 0:
        raise ValidationError({"fte": errors.FTE_POSITIVE})
    if amount != cut_fte(amount):
        raise ValidationError({"fte": errors.FTE_TOO_PRECISE})
    if not is_eligible(place, year):
        raise ValidationError({"place": errors.NOT_ELIGIBLE % {"year": year, "place": place.name}})
    if CommunityWorkRequest.objects.filter(place=place, year=year).exists():
        raise ValidationError({"year": errors.ALREADY_ASKED % {"year": year}})
    request = CommunityWorkRequest(place=place, year=year, fte=amount, purpose=purpose.strip(),
                                   requested_on=requested_on or timezone.localdate(), requested_by=by,
                                   is_demo=is_demo)
    request.full_clean()
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError as exc:  # the same place asking twice at the same moment
        raise ValidationError({"year": errors.ALREADY_ASKED % {"year": year}}) from exc
    audit_record(action="community_work_request", obj=request, by=by,
                 after={"year": year, "fte": amount, "purpose": request.purpose})
    return request


def _override_error(error: OverrideError) -> ValidationError:
    message = errors.OVERRIDE_MESSAGES[error.code]
    return ValidationError({"__all__": str(message) % {"limit": error.limit}})


@state_change(roles=CAPACITY_OFFICERS, system=True, audit="per_object")
def community_work_allocation_apply(*, year: int, overrides: Mapping[int, tuple[Decimal, str]] | None = None,
                                    by: User | None) -> AllocationProposal:
    """Decide the allocation of ``year``: the proposal in the order of vulnerability, with officers' overrides
    (each with its reason; none may break a cap), and book the cost of each allocation on B3."""
    _check_year(year)
    serialise(ALLOCATION_LOCK % year)
    try:
        proposal = proposal_for(year, {pk: Override(pk, Decimal(value), reason)
                                       for pk, (value, reason) in (overrides or {}).items()})
    except OverrideError as error:
        raise _override_error(error) from error
    cost_per_fte = policy_plan().community_work.cost_per_fte
    booked = committed_by_place(year)
    existing = {a.place_id: a for a in CommunityWorkAllocation.objects.filter(year=year)}
    wrote = False
    for row in proposal.allocations:
        if not row.eligible or row.request_id is None:
            continue
        current = existing.get(row.place_id)
        values = {"allocated_fte": row.allocated_fte, "vulnerability_index": row.vulnerability_index,
                  "rank": row.rank, "override_reason": row.override_reason}
        if current is None or any(getattr(current, k) != v for k, v in values.items()):
            before = {"allocated_fte": current.allocated_fte} if current is not None else {}
            allocation = current or CommunityWorkAllocation(request_id=row.request_id, place_id=row.place_id,
                                                            year=year)
            for key, value in values.items():
                setattr(allocation, key, value)
            allocation.decided_by = by
            allocation.save()
            audit_record(action="community_work_allocate", obj=allocation, by=by, before=before,
                         after={"allocated_fte": row.allocated_fte, "rank": row.rank},
                         reason=row.override_reason)
            wrote = True
        # The ledger holds allocated fte × cost per fte per place and year; a change books the difference.
        difference = allocation_cost(row.allocated_fte, cost_per_fte) - booked.get(row.place_id, Decimal(0))
        if difference:
            commitment_record(block=BlockChoices.B3, year=year, amount=difference, source=LEDGER_SOURCE,
                              reference=f"community-work:{year}:{row.place_id}:{_next_sequence(year, row.place_id)}",
                              description=f"Opbouwwerk {row.allocated_fte} fte", by=by)
            wrote = True
    if not wrote:
        nothing_changed()  # the same allocation again: a retry, or a dry run of what is in force
    return proposal


def _next_sequence(year: int, place_id: int) -> int:
    from ontmoet.finance.models import LedgerEntry

    return LedgerEntry.objects.filter(source=LEDGER_SOURCE,
                                      reference__startswith=f"community-work:{year}:{place_id}:").count() + 1


def _month_start(value: str | dt.date) -> dt.date:
    """"YYYY-MM" (or a date) as the first day of that month."""
    if isinstance(value, dt.date):
        return value.replace(day=1)
    text = str(value).strip()
    try:
        year, month = text.split("-")
        if len(year) != 4 or len(month) != 2:
            raise ValueError(text)
        return dt.date(int(year), int(month), 1)
    except ValueError as exc:
        raise ValidationError({"month": errors.MONTH_INVALID}) from exc


@state_change(roles=HOURS_WRITERS, system=True)
def community_work_hours_record(*, place: MeetingPlace, month: str | dt.date, hours: Decimal | str,
                                by: User | None, worker: User | None = None,
                                is_demo: bool = False) -> CommunityWorkHours:
    """A community worker's hours at a place in a month (their own only; the same month again replaces them)."""
    who = by or worker
    if who is None:
        raise ValidationError({"worker": errors.HOURS_INVALID})
    first = _month_start(month)
    if first > timezone.localdate():
        raise ValidationError({"month": errors.MONTH_IN_FUTURE})
    amount = _decimal(hours, "hours", errors.HOURS_INVALID)
    if amount < 0 or amount > 744 or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({"hours": errors.HOURS_INVALID})
    serialise(f"capacity:hours:{who.pk}")
    entry = CommunityWorkHours.objects.filter(worker=who, place=place, month=first).first()
    before = {"hours": entry.hours} if entry is not None else {}
    if entry is not None and entry.hours == amount:
        nothing_changed()
        return entry
    entry = entry or CommunityWorkHours(worker=who, place=place, month=first, is_demo=is_demo)
    entry.hours = amount
    entry.full_clean()
    entry.save()
    audit_record(action="community_work_hours", obj=entry, by=by, before=before,
                 after={"hours": amount, "month": first})
    return entry


# --- board support -------------------------------------------------------------------------------------------


@state_change(roles=CAPACITY_REQUESTERS, system=True)
def board_support_request_create(*, place: MeetingPlace, kind: str, description: str, by: User | None,
                                 requested_on: dt.date | None = None,
                                 is_demo: bool = False) -> BoardSupportRequest:
    """A board asks for support (seed §6 B5): financial, administrative, management, recruiting, legal, other."""
    if by is not None:
        ensure_acts_for(by, place)
    request = BoardSupportRequest(place=place, kind=kind, description=description.strip(), requested_by=by,
                                  requested_on=requested_on or timezone.localdate(), is_demo=is_demo)
    request.full_clean()
    request.save()
    audit_record(action="board_support_request", obj=request, by=by,
                 after={"kind": kind, "description": request.description})
    return request


def _check_date(day: dt.date, request: BoardSupportRequest, field: str) -> None:
    if day < request.requested_on:
        raise ValidationError({field: errors.DATE_BEFORE_REQUEST})
    if day > timezone.localdate():
        raise ValidationError({field: errors.DATE_IN_FUTURE})


@state_change(roles=BOARD_SUPPORTERS, system=True)
def board_support_take_up(*, request: BoardSupportRequest, provider: str, contact_person: str, by: User | None,
                          taken_up_on: dt.date | None = None) -> BoardSupportRequest:
    """The municipality, Trajekt or a partner takes the request up, naming the person who helps."""
    request = BoardSupportRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != SupportStatus.NEW:
        raise ValidationError({"status": errors.ALREADY_TAKEN_UP})
    if not contact_person.strip():
        raise ValidationError({"contact_person": errors.CONTACT_REQUIRED})
    day = taken_up_on or timezone.localdate()
    _check_date(day, request, "taken_up_on")
    request.status = SupportStatus.TAKEN_UP
    request.provider = provider
    request.contact_person = contact_person.strip()
    request.taken_up_on = day
    request.full_clean()
    request.save()
    audit_record(action="board_support_take_up", obj=request, by=by, before={"status": SupportStatus.NEW},
                 after={"status": request.status, "provider": provider, "contact_person": request.contact_person,
                        "taken_up_on": day})
    return request


@state_change(roles=BOARD_SUPPORTERS, system=True)
def board_support_close(*, request: BoardSupportRequest, result: str, outcome: str, by: User | None,
                        cost: Decimal | None = None, closed_on: dt.date | None = None) -> BoardSupportRequest:
    """Close a taken-up request as done (helped) or closed (not helped), with the outcome; paid support books its
    cost as a commitment on B5 (only an officer who may book on the ledger)."""
    request = BoardSupportRequest.objects.select_for_update().get(pk=request.pk)
    if request.status in (SupportStatus.DONE, SupportStatus.CLOSED):
        raise ValidationError({"status": errors.ALREADY_CLOSED})
    if request.status != SupportStatus.TAKEN_UP:
        raise ValidationError({"status": errors.NOT_TAKEN_UP_YET})
    if result not in (SupportStatus.DONE, SupportStatus.CLOSED):
        raise ValidationError({"result": errors.OUTCOME_REQUIRED})
    if not outcome.strip():
        raise ValidationError({"outcome": errors.OUTCOME_REQUIRED})
    if cost and by is not None and by.role not in LEDGER_WRITERS:
        raise ValidationError({"cost": errors.COST_NOT_ALLOWED})
    day = closed_on or timezone.localdate()
    _check_date(day, request, "closed_on")
    before = {"status": request.status}
    request.status = result
    request.outcome = outcome.strip()
    request.closed_on = day
    request.cost = cost or None
    request.full_clean()
    request.save()
    audit_record(action="board_support_close", obj=request, by=by, before=before,
                 after={"status": result, "outcome": request.outcome, "closed_on": day, "cost": request.cost})
    if request.cost:
        commitment_record(block=BlockChoices.B5, year=day.year, amount=request.cost, source=BOARD_SUPPORT_SOURCE,
                          reference=f"board-support:{request.pk}",
                          description=f"Bestuursondersteuning {request.get_kind_display()}", by=by)
    return request


@state_change(roles=CAPACITY_REQUESTERS, system=True)
def board_vacancy_open(*, place: MeetingPlace, role: str, description: str = "", by: User | None,
                       opened_on: dt.date | None = None, is_demo: bool = False) -> BoardVacancy:
    if by is not None:
        ensure_acts_for(by, place)
    vacancy = BoardVacancy(place=place, role=role, description=description.strip(),
                           opened_on=opened_on or timezone.localdate(), is_demo=is_demo)
    vacancy.full_clean()
    vacancy.save()
    audit_record(action="board_vacancy_open", obj=vacancy, by=by, after={"role": role})
    return vacancy


@state_change(roles=CAPACITY_REQUESTERS, system=True)
def board_vacancy_fill(*, vacancy: BoardVacancy, by: User | None, filled_on: dt.date | None = None) -> BoardVacancy:
    if by is not None:
        ensure_acts_for(by, vacancy.place)
    if vacancy.filled_on is not None:
        raise ValidationError({"filled_on": errors.VACANCY_FILLED})
    vacancy.filled_on = filled_on or timezone.localdate()
    vacancy.save(update_fields=["filled_on"])
    audit_record(action="board_vacancy_fill", obj=vacancy, by=by, after={"filled_on": vacancy.filled_on})
    return vacancy


@state_change(roles=CAPACITY_OFFICERS, system=True)
def working_group_member_add(*, place: MeetingPlace, name: str, by: User | None, since: dt.date | None = None,
                             is_demo: bool = False) -> WorkingGroupMember:
    """A board delegate joins the working group (seed §6 B5: "werkgroep met afgevaardigden van de besturen")."""
    member = WorkingGroupMember(place=place, name=name.strip(), since=since or timezone.localdate(), is_demo=is_demo)
    member.full_clean()
    member.save()
    audit_record(action="working_group_member_add", obj=member, by=by, after={"name": member.name})
    return member


@state_change(roles=CAPACITY_OFFICERS, system=True)
def working_group_meeting_record(*, date: dt.date, agenda: str, decisions: str = "", by: User | None,
                                 is_demo: bool = False) -> WorkingGroupMeeting:
    meeting = WorkingGroupMeeting(date=date, agenda=agenda.strip(), decisions=decisions.strip(), is_demo=is_demo)
    meeting.full_clean()
    meeting.save()
    audit_record(action="working_group_meeting", obj=meeting, by=by,
                 after={"date": date, "agenda": meeting.agenda, "decisions": meeting.decisions})
    return meeting
