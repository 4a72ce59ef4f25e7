"""Community work and board support through their services: eligibility, the allocation in the order of
vulnerability, the B3 ledger equal to allocated fte × cost per fte, board support's lifecycle."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import Http404
from django.utils import translation

from ontmoet.accounts.roles import Role
from ontmoet.capacity import selectors, services
from ontmoet.capacity.models import CommunityWorkAllocation, SupportStatus
from ontmoet.core.models import AuditEvent
from ontmoet.finance.models import LedgerEntry
from tests.factories import PlaceFactory
from tests.factories_capacity import BoardSupportRequestFactory, centre, statistic

pytestmark = pytest.mark.django_db
ASKED = dt.date(2026, 11, 2)


def ask(place, fte="0.25", *, year=2027, on=ASKED, by=None):
    return services.community_work_request_create(place=place, year=year, fte=fte, purpose="buurt", requested_on=on,
                                                  by=by)


def b3_ledger(year):
    return LedgerEntry.objects.filter(block="B3", year=year, source=selectors.LEDGER_SOURCE).aggregate(
        t=Sum("amount"))["t"] or D(0)


def test_only_an_oc_or_hvdw_on_1_january_may_ask(policy_officer):
    house = PlaceFactory(name="Gemeenschapshuis", type="community_house")
    late = centre("Pas in februari", since=dt.date(2027, 2, 1))
    with translation.override("nl"), pytest.raises(ValidationError) as info:  # another test may leave English on
        ask(house, by=policy_officer)
    assert "1 januari 2027" in info.value.message_dict["place"][0]
    with pytest.raises(ValidationError):
        ask(late, by=policy_officer)
    assert ask(late, year=2028, by=policy_officer).year == 2028  # an OC on 1 January 2028


def test_board_member_asks_for_own_place_only(board_member):
    own, other = centre("Eigen"), centre("Ander")
    own.board_accounts.add(board_member)
    assert ask(own, by=board_member).requested_by == board_member
    with pytest.raises(Http404):
        ask(other, by=board_member)


def test_year_outside_plan_and_twice_refused(policy_officer):
    place = centre("Plek")
    with pytest.raises(ValidationError):
        ask(place, year=2031, by=policy_officer)
    ask(place, by=policy_officer)
    with pytest.raises(ValidationError):
        ask(place, by=policy_officer)


def test_more_vulnerable_first_and_ledger_equals_fte_times_cost(policy_officer):
    # 2027: with 14 OC/HvdW the plan's B3 line is 525,000 → 3.5 fte; here 3 places in the register on
    # 1 January → 3 × ¼ = 0.75 fte binds. Four ask; one is a community house (refused at the door, not listed).
    statistic("BU09350000", "10")
    statistic("BU09350207", "40")
    statistic("BU09350100", "25")
    low = centre("Laag", buurt="BU09350000")
    high = centre("Hoog", buurt="BU09350207")
    mid = centre("Midden", buurt="BU09350100")
    for place in (low, high, mid):
        ask(place, "0.25", by=policy_officer)
    caps = selectors.caps_for(2027)
    assert (caps.by_places, caps.by_budget, caps.total) == (D("0.75"), D("3.50"), D("0.75"))
    proposal = services.community_work_allocation_apply(year=2027, by=policy_officer)
    order = [(a.place_id, a.rank, a.allocated_fte) for a in proposal.allocations]
    assert order == [(high.pk, 1, D("0.25")), (mid.pk, 2, D("0.25")), (low.pk, 3, D("0.25"))]
    assert b3_ledger(2027) == D("0.75") * 150_000
    # An override with a reason lowers one place; the ledger follows with a correction.
    services.community_work_allocation_apply(year=2027, overrides={mid.pk: (D("0.10"), "deels gedekt")},
                                             by=policy_officer)
    allocated = CommunityWorkAllocation.objects.filter(year=2027).aggregate(t=Sum("allocated_fte"))["t"]
    assert allocated == D("0.60")
    assert b3_ledger(2027) == allocated * 150_000
    assert CommunityWorkAllocation.objects.get(place=mid).override_reason == "deels gedekt"
    # Applying what is in force again books nothing and writes no event.
    before = (LedgerEntry.objects.count(), AuditEvent.objects.count())
    services.community_work_allocation_apply(year=2027, overrides={mid.pk: (D("0.10"), "deels gedekt")},
                                             by=policy_officer)
    assert (LedgerEntry.objects.count(), AuditEvent.objects.count()) == before


def test_budget_binds_when_more_places_ask(policy_officer):
    # 2026: the plan's B3 line is 9 × ¼ × 150,000 = 337,500 → 2.25 fte; with 12 OC in the register the budget
    # binds: 9 get ¼, in the order of vulnerability; the 10th to 12th get nothing.
    places = []
    for i in range(12):
        place = centre(f"Plek {i:02}", since=dt.date(2025, 1, 1))
        places.append(place)
        ask(place, year=2026, on=dt.date(2025, 11, 1) + dt.timedelta(days=i), by=policy_officer)
    proposal = services.community_work_allocation_apply(year=2026, by=policy_officer)
    assert proposal.caps.total == D("2.25") and proposal.caps.binding == "budget"
    # No vulnerability figures: ties by request date, so the first nine asked get ¼.
    got = {a.place_id: a.allocated_fte for a in proposal.allocations}
    assert [got[p.pk] for p in places] == [D("0.25")] * 9 + [D("0")] * 3
    assert b3_ledger(2026) == D("337500.00")


def test_override_cannot_break_the_year_cap(policy_officer):
    a, b = centre("A"), centre("B")
    ask(a, by=policy_officer)
    ask(b, by=policy_officer)
    with pytest.raises(ValidationError):
        services.community_work_allocation_apply(year=2027, overrides={a.pk: (D("0.30"), "meer")},
                                                 by=policy_officer)
    with pytest.raises(ValidationError):
        services.community_work_allocation_apply(year=2027, overrides={a.pk: (D("0.10"), "")}, by=policy_officer)


def test_hours_of_a_community_worker(user_with_role):
    worker = user_with_role(Role.COMMUNITY_WORKER)
    place = centre("Plek")
    entry = services.community_work_hours_record(place=place, month="2026-03", hours="12,5", by=worker)
    assert entry.month == dt.date(2026, 3, 1) and entry.hours == D("12.50")
    services.community_work_hours_record(place=place, month="2026-03", hours="14", by=worker)
    assert selectors.hours_list(user=worker).get().hours == D("14")
    other = user_with_role(Role.COMMUNITY_WORKER, username="ander")
    assert not selectors.hours_list(user=other).exists()
    with pytest.raises(ValidationError):
        services.community_work_hours_record(place=place, month="2026-13", hours="1", by=worker)
    with pytest.raises(ValidationError):
        services.community_work_hours_record(place=place, month="2026-03", hours="-1", by=worker)


def test_board_support_lifecycle_and_response_time(policy_officer, board_member):
    place = PlaceFactory(name="Eigen")
    place.board_accounts.add(board_member)
    request = services.board_support_request_create(place=place, kind="financial", description="Jaarrekening",
                                                    requested_on=dt.date(2026, 4, 2), by=board_member)
    with pytest.raises(ValidationError):
        services.board_support_close(request=request, result="done", outcome="x", by=policy_officer)
    services.board_support_take_up(request=request, provider="trajekt", contact_person="T. Trajekt",
                                   taken_up_on=dt.date(2026, 4, 9), by=policy_officer)
    request = services.board_support_close(request=request, result="done", outcome="Begroting op orde",
                                           cost=D("750"), closed_on=dt.date(2026, 4, 20), by=policy_officer)
    assert request.status == SupportStatus.DONE
    times = selectors.support_times([request], today=dt.date(2026, 5, 1))
    assert times.response_days == (3,)  # Good Friday 3 and Easter Monday 6 April are no working days
    assert times.share_within_term == D("100.0")
    assert selectors.b5_committed(2026) == D("750")
    reading = selectors.read_board_support_on_demand(2026)
    assert reading is not None and reading.value == 1


def test_cost_only_by_a_ledger_writer(user_with_role):
    worker = user_with_role(Role.COMMUNITY_WORKER)
    request = BoardSupportRequestFactory()
    services.board_support_take_up(request=request, provider="trajekt", contact_person="T", by=worker)
    with pytest.raises(ValidationError):
        services.board_support_close(request=request, result="done", outcome="x", cost=D("10"), by=worker)


def test_board_health_flags_under_minimum_and_vacancies(policy_officer):
    from tests.factories import BoardFactory, BoardMemberFactory

    short = centre("Kort")
    full = centre("Vol")
    for name in ("A", "B", "C"):
        BoardMemberFactory(board=BoardFactory(place=full) if name == "A" else full.board, name=name)
    BoardMemberFactory(board=BoardFactory(place=short), name="Alleen")
    rows = {r.place.name: r.health for r in selectors.board_health_list(user=policy_officer)}
    assert rows["Kort"].under_minimum and not rows["Vol"].needs_attention
    services.board_vacancy_open(place=full, role="treasurer", by=policy_officer)
    attention = [r.place.name for r in selectors.board_health_list(user=policy_officer, only_attention=True)]
    assert attention == ["Kort", "Vol"]


def test_indicator_community_work(policy_officer):
    assert selectors.read_community_work_in_subsidy(2027) is None
    ask(centre("Plek"), by=policy_officer)
    services.community_work_allocation_apply(year=2027, by=policy_officer)
    reading = selectors.read_community_work_in_subsidy(2027)
    assert reading is not None and reading.value == D("0.25") and reading.achieved
