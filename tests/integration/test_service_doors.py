"""Every state change has one door: a test that walks every service of every app.

For each public function of every ``ontmoet.<app>.services`` module:

- it must be a door (``@state_change``); a service module holds nothing else (reads go to selectors);
- called by a role it does not allow, it refuses (PermissionDenied) and writes nothing to the audit trail;
- called without a person (``by=None``) where the door does not allow the system, it refuses;
- called by a role it allows, it writes its audit events, every one with that user as the actor.

A door missing from ``CALLS`` fails the test: a new service must say how it is called here.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

import ontmoet
from ontmoet.accounts.doors import DOORS, Door, door_of
from ontmoet.accounts.roles import Role
from ontmoet.core.models import AuditEvent
from tests.factories import BoardFactory, BoardMemberFactory, PlaceFactory, UserFactory
from tests.factories_activities import ACTIVITY_CALLS
from tests.factories_finance import InvestmentProjectFactory, ScenarioFactory

pytestmark = pytest.mark.django_db

Call = Callable[[Any], dict[str, Any]]  # the acting user → the keyword arguments of a valid call


def _service_modules() -> list[ModuleType]:
    modules = []
    for info in pkgutil.iter_modules(ontmoet.__path__):
        try:
            modules.append(importlib.import_module(f"ontmoet.{info.name}.services"))
        except ModuleNotFoundError as exc:
            if exc.name != f"ontmoet.{info.name}.services":
                raise
    return modules


def _public_functions(module: ModuleType) -> list[tuple[str, Callable[..., Any]]]:
    return [(name, obj) for name, obj in inspect.getmembers(module, inspect.isfunction)
            if not name.startswith("_") and obj.__module__ == module.__name__]


STATS_CSV = ("buurtcode,year,source,residents,low_income_households_pct,single_person_65plus_pct,"
             "loneliness_pct\nBU09350207,2024,test,1000,10,5,12\n")
PLACES_CSV = ("name,type,street,house_number,postcode,city,latitude,longitude\n"
              "Importhuis,living_room,Markt,1,6211 CK,Maastricht,50.851,5.691\n")



#: How each door is called validly: dotted name → (the role of the acting user, the keyword arguments).
CALLS: dict[str, tuple[str, Call]] = {
    "ontmoet.accounts.services.user_create": (Role.ADMINISTRATOR, lambda by: {
        "username": "nieuw", "role": Role.DATA_ANALYST, "password": None}),
    "ontmoet.accounts.services.board_account_link": (Role.ADMINISTRATOR, lambda by: {
        "place": PlaceFactory(), "user": UserFactory(username="bo", role=Role.BOARD_MEMBER)}),
    "ontmoet.accounts.services.token_issue": (Role.ADMINISTRATOR, lambda by: {"user": UserFactory(username="api")}),
    "ontmoet.accounts.services.token_revoke": (Role.ADMINISTRATOR, lambda by: {"user": _with_token("api-weg")}),
    "ontmoet.accounts.services.board_account_unlink": (Role.ADMINISTRATOR, lambda by: _linked_board_member()),
    "ontmoet.accounts.services.user_update": (Role.ADMINISTRATOR, lambda by: {
        "user": UserFactory(username="wissel", role=Role.DATA_ANALYST), "role": Role.BOARD_MEMBER,
        "places": [PlaceFactory()]}),
    "ontmoet.accounts.services.user_deactivate": (Role.ADMINISTRATOR, lambda by: {
        "user": UserFactory(username="vertrokken")}),
    "ontmoet.accounts.services.user_reactivate": (Role.ADMINISTRATOR, lambda by: {
        "user": UserFactory(username="terug", is_active=False)}),
    "ontmoet.accounts.services.password_reset": (Role.ADMINISTRATOR, lambda by: {
        "user": UserFactory(username="vergeten"), "password": "een-nieuw-lang-wachtwoord"}),
    "ontmoet.accounts.services.two_factor_reset": (Role.ADMINISTRATOR, lambda by: {"user": _enrolled("kwijt")}),
    "ontmoet.places.services.place_create": (Role.POLICY_OFFICER, lambda by: {
        "values": {"name": "Nieuwe huiskamer"}, "type": "living_room", "effective_date": dt.date(2026, 1, 1)}),
    "ontmoet.places.services.place_update": (Role.BOARD_MEMBER, lambda by: {
        "place": _own_place(by), "values": {"opening_hours": "Mo 10:00-12:00"}}),
    "ontmoet.places.services.place_change_type": (Role.POLICY_OFFICER, lambda by: {
        "place": PlaceFactory(), "to": "meeting_centre", "effective_date": dt.date(2026, 3, 1), "reason": "x"}),
    "ontmoet.places.services.place_type_correct": (Role.POLICY_OFFICER, lambda by: _entry_call(
        to="living_room", effective_date=dt.date(2018, 1, 1), reason="was een huiskamer")),
    "ontmoet.places.services.place_type_retract": (Role.POLICY_OFFICER, lambda by: _future_entry_call()),
    "ontmoet.places.services.building_save": (Role.POLICY_OFFICER, lambda by: {
        "place": PlaceFactory(), "values": {"energy_label": "C"}}),
    "ontmoet.places.services.board_save": (Role.POLICY_OFFICER, lambda by: {
        "place": PlaceFactory(), "values": {"legal_name": "Stichting X"}}),
    "ontmoet.places.services.board_member_add": (Role.POLICY_OFFICER, lambda by: {
        "place": PlaceFactory(), "name": "J. Jansen", "role": "chair", "contact": ""}),
    "ontmoet.places.services.board_member_remove": (Role.POLICY_OFFICER, lambda by: {
        "member": BoardMemberFactory(board=BoardFactory())}),
    "ontmoet.places.services.places_import": (Role.POLICY_OFFICER, lambda by: {
        "content": PLACES_CSV.encode(), "filename": "plekken.csv"}),
    "ontmoet.finance.services.scenario_create": (Role.FINANCE_ADVISOR, lambda by: {"data": {"name": "Nieuw"}}),
    "ontmoet.finance.services.scenario_update": (Role.FINANCE_ADVISOR, lambda by: {
        "scenario": ScenarioFactory(), "data": {"name": "Anders"}}),
    "ontmoet.finance.services.scenario_delete": (Role.FINANCE_ADVISOR, lambda by: {"scenario": ScenarioFactory()}),
    "ontmoet.finance.services.project_create": (Role.POLICY_OFFICER, lambda by: {"values": {"name": "Nieuw pand"}}),
    "ontmoet.finance.services.project_update": (Role.POLICY_OFFICER, lambda by: {
        "project": InvestmentProjectFactory(), "values": {"name": "Ander pand"}}),
    "ontmoet.finance.services.project_change_phase": (Role.POLICY_OFFICER, lambda by: {
        "project": InvestmentProjectFactory(), "phase": "plan", "effective_date": dt.date(2026, 5, 1)}),
    "ontmoet.finance.services.participation_add": (Role.POLICY_OFFICER, lambda by: {
        "project": InvestmentProjectFactory(), "date": dt.date(2026, 2, 1), "who": "Buurtraad", "outcome": "Akkoord"}),
    "ontmoet.finance.services.related_plan_add": (Role.POLICY_OFFICER, lambda by: {
        "project": InvestmentProjectFactory(), "kind": "other", "description": "Centrumplan"}),
    "ontmoet.finance.services.commitment_record": (Role.GRANT_OFFICER, lambda by: {
        "block": "B1", "year": 2026, "amount": Decimal(62000), "source": "test", "reference": "t:1"}),
    "ontmoet.finance.services.realisation_record": (Role.FINANCE_ADVISOR, lambda by: {
        "block": "B1", "year": 2026, "amount": Decimal(31000), "source": "test", "reference": "t:2"}),
    "ontmoet.assessment.services.assessment_for_application": (Role.GRANT_OFFICER, lambda by: {
        "request": _assessment_request()}),
    "ontmoet.assessment.services.neighbourhood_stats_import": (Role.DATA_ANALYST, lambda by: {
        "content": STATS_CSV, "file_name": "stats.csv"}),
    **ACTIVITY_CALLS,
    "ontmoet.capacity.services.community_work_request_create": (Role.BOARD_MEMBER, lambda by: {
        "place": _own_centre(by), "year": 2027, "fte": "0.25", "purpose": "buurt"}),
    "ontmoet.capacity.services.community_work_allocation_apply": (Role.POLICY_OFFICER, lambda by: {
        "year": _asked_year()}),
    "ontmoet.capacity.services.community_work_hours_record": (Role.COMMUNITY_WORKER, lambda by: {
        "place": PlaceFactory(), "month": "2026-01", "hours": "8"}),
    "ontmoet.capacity.services.board_support_request_create": (Role.BOARD_MEMBER, lambda by: {
        "place": _own_place(by), "kind": "legal", "description": "Statuten"}),
    "ontmoet.capacity.services.board_support_take_up": (Role.COMMUNITY_WORKER, lambda by: {
        "request": _support_request(), "provider": "trajekt", "contact_person": "T. Trajekt"}),
    "ontmoet.capacity.services.board_support_close": (Role.POLICY_OFFICER, lambda by: {
        "request": _support_request(taken_up=True), "result": "done", "outcome": "Geholpen", "cost": Decimal(500)}),
    "ontmoet.capacity.services.board_vacancy_open": (Role.BOARD_MEMBER, lambda by: {
        "place": _own_place(by), "role": "secretary"}),
    "ontmoet.capacity.services.board_vacancy_fill": (Role.POLICY_OFFICER, lambda by: {
        "vacancy": _vacancy()}),
    "ontmoet.capacity.services.working_group_member_add": (Role.POLICY_OFFICER, lambda by: {
        "place": PlaceFactory(), "name": "A. Afgevaardigde"}),
    "ontmoet.capacity.services.working_group_meeting_record": (Role.POLICY_OFFICER, lambda by: {
        "date": dt.date(2026, 3, 1), "agenda": "Ervaringen", "decisions": "Vaker bijeen"}),
    "ontmoet.finder.services.initiative_submit": (Role.POLICY_OFFICER, lambda by: {
        "place": PlaceFactory(), "sender": "balie", "values": {
            "name": "Bewoner", "contact": "06 12345678", "idea": "Een wandelgroep op zaterdag."}}),
    "ontmoet.finder.services.initiatives_purge": (Role.ADMINISTRATOR, lambda by: {"now": _old_initiative()}),
    "ontmoet.subsidies.services.schemes_from_plan": (Role.POLICY_OFFICER, lambda by: {}),
    "ontmoet.subsidies.services.scheme_create": (Role.POLICY_OFFICER, lambda by: {
        "values": {"name": "Nieuwe regeling", "block": "B4"}, "ceilings": [(2026, Decimal(50000))]}),
    "ontmoet.subsidies.services.scheme_publish": (Role.POLICY_OFFICER, lambda by: {
        "scheme": _subsidy_scheme(), "channel": "Gemeenteblad"}),
    "ontmoet.subsidies.services.application_create": (Role.BOARD_MEMBER, lambda by: {
        "scheme": _subsidy_scheme(), "place": _own_place(by), "year": 2026, "amount_requested": 1000}),
    "ontmoet.subsidies.services.application_update": (Role.BOARD_MEMBER, lambda by: {
        "application": _subsidy("draft", by), "values": {"description": "Nieuwe tekst"}}),
    "ontmoet.subsidies.services.document_upload": (Role.BOARD_MEMBER, lambda by: {
        "application": _subsidy("draft", by), "kind": "begroting", "file_name": "begroting.pdf",
        "content": _subsidy_pdf()}),
    "ontmoet.subsidies.services.application_submit": (Role.BOARD_MEMBER, lambda by: {
        "application": _subsidy("draft", by)}),
    "ontmoet.subsidies.services.application_request_supplement": (Role.GRANT_OFFICER, lambda by: {
        "application": _subsidy("submitted", by), "note": "de begroting"}),
    "ontmoet.subsidies.services.application_supplement": (Role.BOARD_MEMBER, lambda by: {
        "application": _subsidy("incomplete", by)}),
    "ontmoet.subsidies.services.application_not_handle": (Role.GRANT_OFFICER, lambda by: {
        "application": _subsidy("incomplete", by, supplement_due=dt.date(2020, 1, 1))}),
    "ontmoet.subsidies.services.application_complete": (Role.GRANT_OFFICER, lambda by: {
        "application": _subsidy("submitted", by)}),
    "ontmoet.subsidies.services.application_advise": (Role.GRANT_OFFICER, lambda by: {
        "application": _subsidy("in_assessment", by), "advice": "grant", "motivation": "Past"}),
    "ontmoet.subsidies.services.application_postpone": (Role.GRANT_OFFICER, lambda by: {
        "application": _subsidy("advised", by), "weeks": 4, "reason": "advies"}),
    "ontmoet.subsidies.services.application_decide": (Role.DECISION_MAKER, lambda by: {
        "application": _subsidy("advised", by), "decision": "grant"}),
    "ontmoet.subsidies.services.application_pay_advance": (Role.FINANCE_ADVISOR, lambda by: {
        "application": _subsidy("granted", by), "amount": 1000}),
    "ontmoet.subsidies.services.application_request_settlement": (Role.BOARD_MEMBER, lambda by: {
        "application": _subsidy("granted", by), "report": "Verslag"}),
    "ontmoet.subsidies.services.application_settle": (Role.DECISION_MAKER, lambda by: {
        "application": _subsidy("settlement_requested", by), "amount": 9000}),
    "ontmoet.subsidies.services.application_close": (Role.FINANCE_ADVISOR, lambda by: {
        "application": _subsidy("settled", by)}),
    "ontmoet.subsidies.services.application_withdraw": (Role.BOARD_MEMBER, lambda by: {
        "application": _subsidy("submitted", by)}),
    "ontmoet.subsidies.services.application_change": (Role.DECISION_MAKER, lambda by: {
        "application": _subsidy("granted", by), "amount": 5000, "reason": "minder activiteiten"}),
    "ontmoet.subsidies.services.application_revoke": (Role.DECISION_MAKER, lambda by: {
        "application": _subsidy("granted", by), "reason": "gaat niet door"}),
    "ontmoet.subsidies.services.application_object": (Role.BOARD_MEMBER, lambda by: {
        "application": _subsidy("granted", by), "grounds": "te weinig"}),
    "ontmoet.subsidies.services.application_decide_objection": (Role.DECISION_MAKER, lambda by: {
        "application": _subsidy_objection(by), "founded": False, "motivation": "ongegrond"}),
    "ontmoet.subsidies.services.reminders_send": (Role.GRANT_OFFICER, lambda by: _reminder_due(by)),
    "ontmoet.datacare.services.personal_data_erase": (Role.ADMINISTRATOR, lambda by: {
        "user": UserFactory(username="te-wissen", role=Role.BOARD_MEMBER, first_name="Wim", email="wim@example.nl")}),
    "ontmoet.subsidies.services.scheme_year_rank": (Role.DECISION_MAKER, lambda by: {
        "scheme_year": _ranking_year(by)}),
}


def _old_initiative() -> dt.datetime:
    """An idea past its retention period; the purge is run as if on the day after it expired."""
    from ontmoet.finder.models import RETENTION_DAYS, InitiativeRequest

    request = InitiativeRequest.objects.create(place=PlaceFactory(), name="Bewoner", contact="06 12345678",
                                               idea="Samen koken.", sender="x")
    return request.created_at + dt.timedelta(days=RETENTION_DAYS + 1)


def _own_centre(by: Any) -> Any:
    place = PlaceFactory(type="meeting_centre", since=dt.date(2025, 1, 1))
    if by is not None and by.role == Role.BOARD_MEMBER:
        place.board_accounts.add(by)
    return place


def _asked_year() -> int:
    from tests.factories_capacity import CommunityWorkRequestFactory

    CommunityWorkRequestFactory()
    return 2027


def _support_request(*, taken_up: bool = False) -> Any:
    from tests.factories_capacity import BoardSupportRequestFactory

    if taken_up:
        return BoardSupportRequestFactory(status="taken_up", provider="municipality", contact_person="G. Gemeente",
                                          taken_up_on=dt.date(2026, 3, 3))
    return BoardSupportRequestFactory()


def _vacancy() -> Any:
    from tests.factories_capacity import BoardVacancyFactory

    return BoardVacancyFactory()


def _subsidy_scheme() -> Any:
    from tests.factories_subsidies import scheme

    return scheme()


def _subsidy(state: str, by: Any, **changes: Any) -> Any:
    from tests.factories_subsidies import for_door

    return for_door(state, by, **changes)


def _ranking_year(by: Any) -> Any:
    """A scheme-year that distributes by ranking, with one advised application."""
    year = _subsidy("advised", by).scheme_year
    type(year).objects.filter(pk=year.pk).update(distribution="ranking", ranking_dates=["05-01"])
    year.refresh_from_db()
    return year


def _reminder_due(by: Any) -> dict[str, Any]:
    _subsidy("granted", by)  # its settlement request is due by 2030
    return {"today": dt.date(2030, 1, 1)}


def _subsidy_pdf() -> bytes:
    from tests.factories_subsidies import PDF

    return PDF


def _subsidy_objection(by: Any) -> Any:
    from ontmoet.subsidies import services as subsidy_services

    app = _subsidy("granted", by)
    board = app.place.board_accounts.filter(role=Role.BOARD_MEMBER).first()
    subsidy_services.application_object(application=app, grounds="bezwaar", by=board)
    app.refresh_from_db()
    return app


def _with_token(username: str) -> Any:
    from ontmoet.accounts.services import token_issue

    user = UserFactory(username=username)
    token_issue(user=user, by=None)
    return user


def _enrolled(username: str) -> Any:
    from tests.two_factor import verified_device

    user = UserFactory(username=username, role=Role.GRANT_OFFICER)
    verified_device(user)
    return user


def _linked_board_member() -> dict[str, Any]:
    place = PlaceFactory()
    user = UserFactory(username="oud-bestuur", role=Role.BOARD_MEMBER)
    place.board_accounts.add(user)
    return {"place": place, "user": user}


def _own_place(by: Any) -> Any:
    place = PlaceFactory()
    if by is not None and by.role == Role.BOARD_MEMBER:
        place.board_accounts.add(by)
    return place


def _entry_call(**changes: Any) -> dict[str, Any]:
    place = PlaceFactory(type="community_house", since=dt.date(2018, 1, 1))
    return {"place": place, "entry": place.type_history.get(), **changes}


def _future_entry_call() -> dict[str, Any]:
    from ontmoet.places.models import PlaceTypeChange

    place = PlaceFactory(type="community_house", since=dt.date(2018, 1, 1))
    entry = PlaceTypeChange.objects.create(place=place, from_type="community_house", to_type="meeting_centre",
                                           effective_date=dt.date(2030, 1, 1), reason="gepland")
    return {"place": place, "entry": entry, "reason": "bestuur ziet ervan af"}


def _assessment_request() -> Any:
    from ontmoet.assessment.evaluation import AssessmentRequest

    return AssessmentRequest(type="living_room", neighbourhood_code="BU09350207")


def _all_doors() -> dict[str, Door]:
    for module in _service_modules():  # importing them fills DOORS
        for _name, _func in _public_functions(module):
            pass
    return dict(DOORS)


def test_every_public_function_of_a_service_module_is_a_door():
    not_doors = [f"{module.__name__}.{name}" for module in _service_modules()
                 for name, func in _public_functions(module) if door_of(func) is None]
    assert not_doors == [], "a service module holds only doors; move reads to selectors"


def test_every_door_says_here_how_it_is_called():
    missing = sorted(set(_all_doors()) - set(CALLS))
    assert missing == [], "add these services to CALLS in tests/integration/test_service_doors.py"


def _function(name: str) -> Callable[..., Any]:
    module_name, _sep, func = name.rpartition(".")
    return getattr(importlib.import_module(module_name), func)  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_door_refuses_a_role_it_does_not_allow_and_writes_nothing(name):
    door = _all_doors()[name]
    refused = sorted(set(Role) - door.roles)
    assert refused, f"{name} allows every role"
    user = UserFactory(username="geweigerd", role=refused[0])
    kwargs = CALLS[name][1](user)
    before = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        _function(name)(**kwargs, by=user)
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_door_refuses_the_system_unless_it_allows_it(name):
    door = _all_doors()[name]
    if door.system:
        pytest.skip(f"{name} may also be run by the system (CLI, demo loader, jobs)")
    kwargs = CALLS[name][1](None)
    with pytest.raises(PermissionDenied):
        _function(name)(**kwargs, by=None)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_door_writes_its_audit_events_with_the_acting_user(name):
    role, call = CALLS[name]
    door = _all_doors()[name]
    assert role in door.roles, f"CALLS names {role} for {name}, which the door does not allow"
    user = UserFactory(username="handelend", role=role)
    kwargs = call(user)
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    _function(name)(**kwargs, by=user)
    written = AuditEvent.objects.exclude(pk__in=before)
    assert written.exists(), f"{name} wrote no audit event"
    assert {(e.actor_id, e.actor_name) for e in written} == {(user.pk, user.username)}
