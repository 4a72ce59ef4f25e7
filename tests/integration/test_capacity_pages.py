"""Pages of community work and board support on the demo data: every page shows something real; ownership holds;
exports keep formula signs as text."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.urls import reverse
from openpyxl import load_workbook

from ontmoet.accounts.models import User
from ontmoet.capacity.models import BoardSupportRequest, CommunityWorkAllocation
from ontmoet.capacity.selectors import LEDGER_SOURCE
from ontmoet.core.demo import load_demo
from ontmoet.finance.models import LedgerEntry
from tests.factories import PlaceFactory
from tests.factories_capacity import BoardSupportRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_demo()
    load_demo()  # twice: the loaders are idempotent


def test_demo_allocation_is_booked_on_b3(demo):
    allocated = CommunityWorkAllocation.objects.filter(year=2027).aggregate(t=Sum("allocated_fte"))["t"]
    assert allocated > 0
    booked = LedgerEntry.objects.filter(source=LEDGER_SOURCE, year=2027, block="B3").aggregate(t=Sum("amount"))["t"]
    assert booked == allocated * 150_000
    assert set(BoardSupportRequest.objects.values_list("status", flat=True)) == {"new", "taken_up", "done",
                                                                                "closed"}


@pytest.mark.parametrize("username", ["beleid", "bestuur", "opbouwwerk", "financien"])
def test_every_page_shows_something(client, demo, username):
    client.force_login(User.objects.get(username=username))
    pages = {
        "capacity:overview": "Opbouwwerk 2027",
        "capacity:community_work": "Kwetsbaarheidsindex",
        "capacity:support_list": "werkdagen",
        "capacity:boards": "Bestuursleden",
        "capacity:working_group": "Afgevaardigde",
    }
    for name, text in pages.items():
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert text in response.content.decode(), name
    community = client.get(reverse("capacity:community_work") + "?year=2027").content.decode()
    assert "Demohuis" in community


def test_board_member_sees_only_own_requests(client, demo):
    client.force_login(User.objects.get(username="bestuur"))
    listed = client.get(reverse("capacity:support_list")).content.decode()
    assert "Demohuis De Linde" in listed and "Demohuis De Kring" not in listed
    other = BoardSupportRequest.objects.get(place__name="Demohuis De Kring")
    assert client.get(reverse("capacity:support_detail", args=[other.pk])).status_code == 404


def test_export_keeps_formula_signs_as_text(client, policy_officer):
    BoardSupportRequestFactory(place=PlaceFactory(name="=SUM(A1)"), description='=HYPERLINK("x")')
    client.force_login(policy_officer)
    csv_text = client.get(reverse("capacity:export", args=["support", "csv"])).content.decode("utf-8-sig")
    assert "'=SUM(A1)" in csv_text
    workbook = load_workbook(io.BytesIO(client.get(reverse("capacity:export", args=["support", "xlsx"])).content))
    cells = [c.value for c in workbook.active[2]]
    assert cells[0] == "=SUM(A1)" and workbook.active["A2"].data_type == "s"


def test_allocate_page_applies_with_override(client, demo, policy_officer):
    client.force_login(policy_officer)
    page = client.get(reverse("capacity:allocate") + "?year=2027")
    assert page.status_code == 200
    allocation = CommunityWorkAllocation.objects.filter(year=2027).order_by("rank").first()
    data = {"year": "2027"}
    for a in CommunityWorkAllocation.objects.filter(year=2027):
        data[f"fte_{a.place_id}"] = str(a.allocated_fte).replace(".", ",")
        data[f"reason_{a.place_id}"] = a.override_reason
    data[f"fte_{allocation.place_id}"] = "0,1"
    data[f"reason_{allocation.place_id}"] = "Deels gedekt uit ander budget"
    response = client.post(reverse("capacity:allocate"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    allocation.refresh_from_db()
    assert allocation.allocated_fte == Decimal("0.10")
    total = CommunityWorkAllocation.objects.filter(year=2027).aggregate(t=Sum("allocated_fte"))["t"]
    booked = LedgerEntry.objects.filter(source=LEDGER_SOURCE, year=2027).aggregate(t=Sum("amount"))["t"]
    assert booked == total * 150_000
