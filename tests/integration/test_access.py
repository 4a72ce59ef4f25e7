"""Who may open what: one declared table of every page and API operation of every app → the roles allowed.

The walker visits every URL pattern (and every method an API view implements) as every role, as an anonymous
visitor and as a board member of another place, and compares each answer with the table:

- a role in the table is not refused (no 403); a role not in it gets 403;
- an anonymous visitor is sent to the login page (pages) or gets 401 problem+json (API), unless public;
- a page or endpoint about one place answers 404 to a board member of another place (ids cannot be probed);
- a URL pattern or API method missing from the table fails the test.

The expectations are written from the roles of domain.md §1, not read from the code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ontmoet.accounts.models import ApiToken
from ontmoet.accounts.permissions import PUBLIC
from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import token_issue
from ontmoet.finder.hsds import ident
from tests.factories import BoardMemberFactory, PlaceFactory, UserFactory
from tests.factories_activities import ActivityFactory
from tests.factories_finance import InvestmentProjectFactory, ScenarioFactory

# once: the declared table of roles and ownership; the engine changes nothing it checks
pytestmark = [pytest.mark.django_db, pytest.mark.once]

ALL = frozenset(Role)
STAFF = ALL - {Role.BOARD_MEMBER}
KEEPERS = frozenset({Role.POLICY_OFFICER, Role.ADMINISTRATOR})
AUDIT = frozenset({Role.POLICY_OFFICER, Role.GRANT_OFFICER, Role.DECISION_MAKER, Role.FINANCE_ADVISOR,
                   Role.ADMINISTRATOR})
FINANCE = frozenset({Role.POLICY_OFFICER, Role.FINANCE_ADVISOR, Role.DECISION_MAKER, Role.ADMINISTRATOR})
FINANCE_WRITE = FINANCE - {Role.DECISION_MAKER}
IMPORTERS = frozenset({Role.DATA_ANALYST, Role.ADMINISTRATOR})
ACCOUNTS = frozenset({Role.ADMINISTRATOR})
PUBLIC_PAGE = frozenset({"public"})
CAPACITY_REQUESTERS = frozenset({Role.BOARD_MEMBER, Role.POLICY_OFFICER, Role.ADMINISTRATOR})
CAPACITY_OFFICERS = KEEPERS
SUPPORTERS = frozenset({Role.POLICY_OFFICER, Role.COMMUNITY_WORKER, Role.ADMINISTRATOR})
HOURS_READERS = frozenset({Role.COMMUNITY_WORKER, Role.POLICY_OFFICER, Role.FINANCE_ADVISOR, Role.DECISION_MAKER,
                           Role.ADMINISTRATOR})
SUBSIDY_READ = ALL - {Role.DATA_ANALYST, Role.COMMUNITY_WORKER}
SUBSIDY_STAFF = SUBSIDY_READ - {Role.BOARD_MEMBER}
BOARD = frozenset({Role.BOARD_MEMBER})
GRANT = frozenset({Role.GRANT_OFFICER})
DECIDE = frozenset({Role.GRANT_OFFICER, Role.DECISION_MAKER})
SUBSIDY_STAFF_ACTORS = frozenset({Role.GRANT_OFFICER, Role.DECISION_MAKER, Role.FINANCE_ADVISOR})


@dataclass(frozen=True)
class Target:
    """What a URL needs: ``args`` names the objects of the ``objects`` fixture; ``place_bound`` pages belong to
    one place (so a board member of another place must get 404)."""

    roles: frozenset[str]
    args: tuple[str, ...] = ()
    place_bound: bool = False


#: Every page: url name → who may open it.
PAGES: dict[str, Target] = {
    "home": Target(PUBLIC_PAGE),  # the finder for visitors, the start page of one's role once logged in
    "accounts:login": Target(PUBLIC_PAGE),
    "accounts:logout": Target(PUBLIC_PAGE),
    "set_language": Target(PUBLIC_PAGE),
    "health": Target(PUBLIC_PAGE),
    "ready": Target(PUBLIC_PAGE),
    "accounts:account": Target(ALL),
    "accounts:password_change": Target(ALL),
    "accounts:two_factor_setup": Target(ALL),
    "accounts:two_factor_verify": Target(ALL),
    "accounts:recovery_codes": Target(ALL),
    "accounts:two_factor_reset": Target(ACCOUNTS, ("account",)),
    "accounts:users": Target(ACCOUNTS),
    "accounts:security": Target(ACCOUNTS),
    "accounts:security_csv": Target(ACCOUNTS),
    "accounts:user_create": Target(ACCOUNTS),
    "accounts:user_detail": Target(ACCOUNTS, ("account",)),
    "accounts:user_deactivate": Target(ACCOUNTS, ("account",)),
    "accounts:user_reactivate": Target(ACCOUNTS, ("account",)),
    "accounts:password_reset": Target(ACCOUNTS, ("account",)),
    "accounts:token_issue": Target(ACCOUNTS, ("account",)),
    "accounts:token_revoke": Target(ACCOUNTS, ("account", "token")),
    "places:list": Target(ALL),
    "places:detail": Target(ALL, ("place",), place_bound=True),
    "places:edit": Target(KEEPERS | {Role.BOARD_MEMBER}, ("place",), place_bound=True),
    "places:create": Target(KEEPERS),
    "places:change_type": Target(KEEPERS, ("place",)),
    "places:type_correct": Target(KEEPERS, ("place",)),
    "places:type_retract": Target(KEEPERS, ("place",)),
    "places:import": Target(KEEPERS),
    "places:import_template_csv": Target(KEEPERS),
    "places:import_template_xlsx": Target(KEEPERS),
    "places:neighbourhood_hint": Target(KEEPERS),
    "places:audit": Target(AUDIT, ("place",)),
    "places:map": Target(STAFF),
    "places:export_csv": Target(STAFF),
    "places:export_xlsx": Target(STAFF),
    "places:board_member_add": Target(KEEPERS, ("place",)),
    "places:board_member_remove": Target(KEEPERS, ("place", "member")),
    "finance:budget": Target(FINANCE),
    "finance:export": Target(FINANCE, ("csv",)),
    "finance:scenarios": Target(FINANCE),
    "finance:scenario_create": Target(FINANCE_WRITE),
    "finance:scenario_compare": Target(FINANCE),
    "finance:scenario_detail": Target(FINANCE, ("scenario",)),
    "finance:scenario_edit": Target(FINANCE_WRITE, ("scenario",)),
    "finance:scenario_delete": Target(FINANCE_WRITE, ("scenario",)),
    "finance:scenario_file": Target(FINANCE, ("scenario",)),
    "finance:projects": Target(FINANCE),
    "finance:project_create": Target(FINANCE_WRITE),
    "finance:project_detail": Target(FINANCE, ("project",)),
    "finance:project_edit": Target(FINANCE_WRITE, ("project",)),
    "finance:project_phase": Target(FINANCE_WRITE, ("project",)),
    "finance:project_participation": Target(FINANCE_WRITE, ("project",)),
    "finance:project_related_plan": Target(FINANCE_WRITE, ("project",)),
    "finance:uncertainty": Target(FINANCE),
    "finance:commitments": Target(FINANCE),
    "assessment:index": Target(PUBLIC_PAGE),
    "assessment:rule": Target(PUBLIC_PAGE, ("rule",)),
    "assessment:what_if": Target(STAFF),
    "assessment:vulnerability": Target(STAFF),
    "assessment:statistics_import": Target(IMPORTERS),
    "api-schema": Target(PUBLIC_PAGE),
    "api-docs": Target(PUBLIC_PAGE),
    "activities:list": Target(KEEPERS | {Role.BOARD_MEMBER}),
    "activities:create": Target(KEEPERS | {Role.BOARD_MEMBER}),
    "activities:edit": Target(KEEPERS | {Role.BOARD_MEMBER}, ("activity",)),
    "activities:cancel": Target(KEEPERS | {Role.BOARD_MEMBER}, ("activity",)),
    "monitoring:dashboard": Target(STAFF),
    "monitoring:public": Target(PUBLIC_PAGE),
    "monitoring:lock": Target(frozenset({Role.DATA_ANALYST})),
    "monitoring:report": Target(STAFF),
    "monitoring:open_indicators_csv": Target(PUBLIC_PAGE),
    "monitoring:open_indicators_json": Target(PUBLIC_PAGE),
    "monitoring:open_register_csv": Target(PUBLIC_PAGE),
    "monitoring:open_register_json": Target(PUBLIC_PAGE),
    "capacity:overview": Target(ALL),
    "capacity:community_work": Target(ALL),
    "capacity:request_create": Target(CAPACITY_REQUESTERS),
    "capacity:allocate": Target(CAPACITY_OFFICERS),
    "capacity:hours": Target(HOURS_READERS),
    "capacity:hours_record": Target(frozenset({Role.COMMUNITY_WORKER})),
    "capacity:boards": Target(ALL),
    "capacity:vacancy_create": Target(CAPACITY_REQUESTERS),
    "capacity:vacancy_fill": Target(CAPACITY_REQUESTERS, ("vacancy",)),
    "capacity:support_list": Target(ALL),
    "capacity:support_create": Target(CAPACITY_REQUESTERS),
    "capacity:support_detail": Target(ALL, ("support_request",)),
    "capacity:support_take_up": Target(SUPPORTERS, ("support_request",)),
    "capacity:support_close": Target(SUPPORTERS, ("support_taken_up",)),
    "capacity:working_group": Target(ALL),
    "capacity:working_group_member_add": Target(CAPACITY_OFFICERS),
    "capacity:working_group_meeting_add": Target(CAPACITY_OFFICERS),
    "capacity:export": Target(ALL, ("support", "csv")),
    "finder:place": Target(PUBLIC_PAGE, ("place",)),
    "finder:accessibility": Target(PUBLIC_PAGE),
    "finder:language": Target(PUBLIC_PAGE, ("en",)),
    "finder:place_feed": Target(PUBLIC_PAGE, ("place",)),
    "finder:city_feed": Target(PUBLIC_PAGE),
    "hsds:root": Target(PUBLIC_PAGE),
    "hsds:services": Target(PUBLIC_PAGE),
    "hsds:service": Target(PUBLIC_PAGE, ("hsds_service",)),
    "finder:organise": Target(PUBLIC_PAGE, ("place",)),
    "subsidies:index": Target(SUBSIDY_READ),
    "subsidies:apply": Target(BOARD | GRANT),
    "subsidies:detail": Target(SUBSIDY_READ, ("subsidy_draft",)),
    "subsidies:step": Target(SUBSIDY_STAFF_ACTORS | BOARD, ("subsidy_draft", "submit")),
    "subsidies:upload": Target(SUBSIDY_STAFF_ACTORS | BOARD, ("subsidy_draft",)),
    "subsidies:preview": Target(SUBSIDY_STAFF, ("subsidy_advised",)),
    "subsidies:letter": Target(SUBSIDY_READ, ("subsidy_letter",)),
    "subsidies:schemes": Target(SUBSIDY_READ),
    "subsidies:scheme": Target(SUBSIDY_READ, ("subsidy_scheme",)),
    "subsidies:scheme_pdf": Target(SUBSIDY_READ, ("subsidy_scheme",)),
    "subsidies:scheme_publish": Target(KEEPERS, ("subsidy_scheme",)),
    "subsidies:scheme_rank": Target(DECIDE, ("subsidy_ranking", "subsidy_ranking_year")),
}

#: Every API operation: (method, url name) → who may call it.
API: dict[tuple[str, str], Target] = {
    ("get", "api-places"): Target(ALL),
    ("post", "api-places"): Target(KEEPERS),
    ("get", "api-place"): Target(ALL, ("place",), place_bound=True),
    ("patch", "api-place"): Target(KEEPERS | {Role.BOARD_MEMBER}, ("place",), place_bound=True),
    ("get", "api-neighbourhoods"): Target(ALL),
    ("get", "api-neighbourhood"): Target(ALL, ("BU09350207",)),
    ("get", "api-budget"): Target(FINANCE),
    ("get", "api-budget-scenarios"): Target(FINANCE),
    ("post", "api-budget-scenarios"): Target(FINANCE_WRITE),
    ("get", "api-budget-scenario"): Target(FINANCE, ("scenario",)),
    ("get", "api-budget-positions"): Target(FINANCE),
    ("get", "api-budget-investment-projects"): Target(FINANCE),
    ("post", "assessment-create"): Target(STAFF),
    ("get", "api-place-type-changes"): Target(ALL, ("place",), place_bound=True),
    ("post", "api-place-type-changes"): Target(KEEPERS, ("place",)),
    ("get", "api-place-type-change"): Target(ALL, ("place", "type_change"), place_bound=True),
    ("get", "api-activities"): Target(ALL),
    ("post", "api-activities"): Target(KEEPERS | {Role.BOARD_MEMBER}),
    ("get", "api-activity"): Target(ALL, ("activity",)),
    ("patch", "api-activity"): Target(KEEPERS | {Role.BOARD_MEMBER}, ("activity",)),
    ("delete", "api-activity"): Target(KEEPERS | {Role.BOARD_MEMBER}, ("activity",)),
    ("get", "api-indicators"): Target(ALL),
    ("get", "api-community-work-requests"): Target(ALL),
    ("post", "api-community-work-requests"): Target(CAPACITY_REQUESTERS),
    ("get", "api-community-work-allocations"): Target(ALL),
    ("get", "api-community-work-hours"): Target(HOURS_READERS),
    ("post", "api-community-work-hours"): Target(frozenset({Role.COMMUNITY_WORKER})),
    ("get", "api-board-support-requests"): Target(ALL),
    ("post", "api-board-support-requests"): Target(CAPACITY_REQUESTERS),
    ("post", "api-board-support-take-up"): Target(SUPPORTERS, ("support_request",)),
    ("post", "api-board-support-close"): Target(SUPPORTERS, ("support_taken_up",)),
    ("get", "api-schemes"): Target(SUBSIDY_READ),
    ("post", "api-schemes"): Target(KEEPERS),
    ("get", "api-scheme"): Target(SUBSIDY_READ, ("subsidy_scheme",)),
    ("post", "api-scheme-rank"): Target(DECIDE, ("subsidy_ranking",)),
    ("get", "api-applications"): Target(SUBSIDY_READ),
    ("post", "api-applications"): Target(BOARD | GRANT),
    ("get", "api-application"): Target(SUBSIDY_READ, ("subsidy_draft",)),
    ("post", "api-application-submit"): Target(BOARD | GRANT, ("subsidy_draft",)),
    ("post", "api-application-request-supplement"): Target(GRANT, ("subsidy_submitted",)),
    ("post", "api-application-supplement"): Target(BOARD | GRANT, ("subsidy_incomplete",)),
    ("post", "api-application-complete"): Target(GRANT, ("subsidy_submitted",)),
    ("post", "api-application-advice"): Target(GRANT, ("subsidy_in_assessment",)),
    ("post", "api-application-postpone"): Target(DECIDE, ("subsidy_advised",)),
    ("post", "api-application-decision"): Target(DECIDE, ("subsidy_advised",)),
    ("post", "api-application-advance"): Target(GRANT | {Role.FINANCE_ADVISOR}, ("subsidy_granted",)),
    ("post", "api-application-settlement-request"): Target(BOARD | GRANT, ("subsidy_granted",)),
    ("post", "api-application-settlement"): Target(DECIDE, ("subsidy_settlement_requested",)),
    ("post", "api-application-withdraw"): Target(BOARD, ("subsidy_submitted",)),
    ("post", "api-application-objection"): Target(BOARD | GRANT, ("subsidy_granted",)),
}
BODIES = {
    ("post", "api-places"): {"name": "Nieuwe huiskamer", "type": "living_room", "neighbourhood": "BU09350207"},
    ("patch", "api-place"): {"openingHours": "We 10:00-12:00"},
    ("post", "api-budget-scenarios"): {"name": "Toegangstest"},
    ("post", "assessment-create"): {"type": "living_room", "neighbourhood": "BU09350207"},
    ("post", "api-place-type-changes"): {"type": "meeting_centre", "effectiveDate": "2026-03-01"},
    ("post", "api-activities"): lambda o: {"place": o["place"].pk, "date": "2026-03-02", "title": "Koffie",
                                           "initiatedBy": "residents", "organisedBy": "board", "participants": 8},
    ("patch", "api-activity"): {"participants": 9},
    # Bodies that name an object of the fixture are functions of it.
    ("post", "api-community-work-requests"): lambda o: {"place": _as_centre(o["place"]).pk, "year": 2027,
                                                        "fte": "0.25", "purpose": "Werken met de buurt"},
    ("post", "api-community-work-hours"): lambda o: {"place": o["place"].pk, "month": "2026-01", "hours": "6"},
    ("post", "api-board-support-requests"): lambda o: {"place": o["place"].pk, "kind": "financial",
                                                       "description": "Begroting"},
    ("post", "api-board-support-take-up"): {"provider": "trajekt", "contactPerson": "T. Trajekt"},
    ("post", "api-board-support-close"): {"result": "done", "outcome": "Geholpen"},
    ("post", "api-schemes"): {"name": "Toegangsregeling", "buildingBlock": "B4",
                              "ceilings": [{"year": 2026, "amount": "50000"}]},
    ("post", "api-scheme-rank"): {"year": 2026},
    ("post", "api-applications"): lambda objects: {"scheme": objects["subsidy_scheme"].pk,
                                                   "place": objects["place"].pk, "year": 2026,
                                                   "amountRequested": "1000"},
    ("post", "api-application-request-supplement"): {"note": "de begroting"},
    ("post", "api-application-advice"): {"advice": "grant", "amount": "5000", "motivation": "Past"},
    ("post", "api-application-postpone"): {"weeks": 2, "reason": "advies"},
    ("post", "api-application-decision"): {"decision": "grant"},
    ("post", "api-application-advance"): {"amount": "1000"},
    ("post", "api-application-settlement-request"): {"report": "Verslag"},
    ("post", "api-application-settlement"): {"amount": "9000"},
    ("post", "api-application-objection"): {"grounds": "te laag"},
}
API_METHODS = ("get", "post", "put", "patch", "delete")


class _Objects(dict[str, Any]):
    """The fixture's objects; the lazy ones (subsidy applications in a state) are made when a test names them."""

    def __init__(self, made: dict[str, Any], lazy: dict[str, Any]) -> None:
        super().__init__(made)
        self._lazy = lazy

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key) or key in self._lazy

    def __missing__(self, key: str) -> Any:
        self[key] = value = self._lazy[key](self)
        return value


def _subsidy(state: str) -> Any:
    def make(objects: Any) -> Any:
        from tests import factories_subsidies as fs

        app = fs.application(state, of=objects["subsidy_scheme"], place=objects["place"])
        if state == "granted":  # the settlement request is due: an officer may request it ex officio too
            type(app).objects.filter(pk=app.pk).update(settlement_reminder_sent=True)
        return app
    return make


def _ranking_scheme(objects: Any) -> Any:
    """A scheme whose 2026 distributes by ranking, with one advised application of the fixture's place."""
    from ontmoet.subsidies.models import SchemeYear
    from tests import factories_subsidies as fs

    made = fs.scheme()
    SchemeYear.objects.filter(scheme=made).update(distribution="ranking", ranking_dates=["05-01"])
    fs.application("advised", of=made, place=objects["place"])
    return made


SUBSIDY_OBJECTS: dict[str, Any] = {
    "subsidy_scheme": lambda objects: __import__("tests.factories_subsidies", fromlist=["scheme"]).scheme(),
    "subsidy_ranking": _ranking_scheme,
    "subsidy_ranking_year": lambda objects: objects["subsidy_ranking"].years.get(),
    **{f"subsidy_{state}": _subsidy(state) for state in (
        "draft", "submitted", "incomplete", "in_assessment", "advised", "granted", "settlement_requested")},
    "subsidy_letter": lambda objects: objects["subsidy_submitted"].letters.first(),
}


@pytest.fixture
def objects(db: Any) -> dict[str, Any]:
    place = PlaceFactory(name="Eigen plek")
    account = UserFactory(username="ander-account", role=Role.DATA_ANALYST)
    token_issue(user=account, by=None, name="koppeling")
    return _Objects({
        "place": place,
        "other_place": PlaceFactory(name="Andere plek"),
        "member": BoardMemberFactory(board__place=place),
        "type_change": place.type_history.get(),
        "scenario": ScenarioFactory(),
        "project": InvestmentProjectFactory(),
        "activity": ActivityFactory(place=place),
        "account": account,
        "token": ApiToken.objects.get(user=account),
        **_capacity_objects(place),
        "hsds_service": SimpleNamespace(pk=ident(place.pk, "service")),
    }, SUBSIDY_OBJECTS)


def _capacity_objects(place: Any) -> dict[str, Any]:
    from tests.factories_capacity import BoardSupportRequestFactory, BoardVacancyFactory, WorkingGroupMeetingFactory

    return {
        "support_request": BoardSupportRequestFactory(place=place),
        "support_taken_up": BoardSupportRequestFactory(place=place, status="taken_up", provider="trajekt",
                                                       contact_person="T. Trajekt", taken_up_on=dt.date(2026, 3, 4)),
        "vacancy": BoardVacancyFactory(place=place),
        "meeting": WorkingGroupMeetingFactory(),
    }


def _as_centre(place: Any) -> Any:
    """Make the fixture's place an Ontmoetingscentrum since 2025 (only an OC or HvdW may ask for community work)."""
    from ontmoet.places.models import PlaceTypeChange

    PlaceTypeChange.objects.create(place=place, from_type="community_house", to_type="meeting_centre",
                                   effective_date=dt.date(2025, 1, 1), reason="toegangstest")
    return place


def _url(name: str, target: Target, objects: dict[str, Any], *, other: bool = False) -> str:
    args = []
    for arg in target.args:
        if arg == "place" and other:
            args.append(objects["other_place"].pk)
        elif arg in objects:
            args.append(objects[arg].pk)
        elif arg == "rule":
            args.append("co_location")
        else:
            args.append(arg)
    return reverse(name, args=args)


def _as(client: Any, user_with_role: Any, role: str, objects: dict[str, Any]) -> Any:
    user = user_with_role(role)
    if role == Role.BOARD_MEMBER:
        objects["place"].board_accounts.add(user)
    client.force_login(user)
    return user


# --- the table covers everything ----------------------------------------------------------------------------


def _patterns(resolver: URLResolver, namespace: str = "") -> Any:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else (
                entry.namespace or namespace)
            yield from _patterns(entry, inner or "")
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, entry.callback


def _api_class(callback: Any) -> Any:
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    return view_class if view_class is not None and hasattr(view_class, "permission_classes") else None


def _is_api(name: str, callback: Any) -> bool:
    return _api_class(callback) is not None and name not in PAGES


def test_every_url_pattern_is_in_the_table():
    missing = []
    for name, callback in _patterns(get_resolver()):
        if _is_api(name, callback):
            view_class = _api_class(callback)
            missing += [f"{m.upper()} {name}" for m in API_METHODS
                        if hasattr(view_class, m) and (m, name) not in API]
        elif name not in PAGES:
            missing.append(name)
    assert missing == [], "declare who may use these in tests/integration/test_access.py"


def test_every_view_declares_its_roles_as_the_table_says():
    """The decorators agree with the table (a view that declares nothing fails too)."""
    wrong = []
    for name, callback in _patterns(get_resolver()):
        if _is_api(name, callback):
            continue
        declared = getattr(callback, "allowed_roles", None)
        expected = PAGES[name].roles
        if declared is None or (declared != expected and not (declared == PUBLIC and expected == PUBLIC_PAGE)):
            wrong.append((name, sorted(declared or []), sorted(expected)))
    assert wrong == []


# --- the answers match the table ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", sorted(Role))
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_by_role(client, user_with_role, objects, role, name):
    target = PAGES[name]
    _as(client, user_with_role, role, objects)
    status = client.get(_url(name, target, objects)).status_code
    if role in target.roles or target.roles == PUBLIC_PAGE:
        assert status != 403, f"{role} refused on {name}"
        assert status < 500
    else:
        assert status == 403, f"{role} on {name}: {status}"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_anonymous(client, objects, name):
    target = PAGES[name]
    response = client.get(_url(name, target, objects))
    if target.roles == PUBLIC_PAGE:
        assert response.status_code in (200, 302, 405), f"{name}: {response.status_code}"
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", sorted(n for n, t in PAGES.items() if t.place_bound))
def test_page_of_another_place_does_not_exist_for_a_board_member(client, user_with_role, objects, name):
    _as(client, user_with_role, Role.BOARD_MEMBER, objects)
    assert client.get(_url(name, PAGES[name], objects, other=True)).status_code == 404
    assert client.post(_url(name, PAGES[name], objects, other=True), {}).status_code in (404, 405)


def _call(client: Any, method: str, name: str, objects: dict[str, Any], *, other: bool = False) -> Any:
    target = API[(method, name)]
    body = BODIES.get((method, name), {})
    body = body(objects) if callable(body) else body
    return getattr(client, method)(_url(name, target, objects, other=other), body, content_type="application/json")


@pytest.mark.parametrize("role", sorted(Role))
@pytest.mark.parametrize(("method", "name"), sorted(API), ids=[f"{m} {n}" for m, n in sorted(API)])
def test_api_by_role(client, user_with_role, objects, role, method, name):
    _as(client, user_with_role, role, objects)
    response = _call(client, method, name, objects)
    if role in API[(method, name)].roles:
        assert response.status_code in (200, 201, 204), f"{role} {method} {name}: {response.content[:300]!r}"
    else:
        assert response.status_code == 403, f"{role} {method} {name}: {response.status_code}"
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(("method", "name"), sorted(API), ids=[f"{m} {n}" for m, n in sorted(API)])
def test_api_without_credentials_is_401(client, objects, method, name):
    response = _call(client, method, name, objects)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(("method", "name"), sorted(k for k, t in API.items() if t.place_bound),
                         ids=[f"{m} {n}" for m, n in sorted(k for k, t in API.items() if t.place_bound)])
def test_api_of_another_place_does_not_exist_for_a_board_member(client, user_with_role, objects, method, name):
    _as(client, user_with_role, Role.BOARD_MEMBER, objects)
    response = _call(client, method, name, objects, other=True)
    assert response.status_code == 404
    objects["other_place"].refresh_from_db()
    assert objects["other_place"].opening_hours != "We 10:00-12:00"


def test_board_member_sees_only_their_own_places_in_lists(client, user_with_role, objects):
    _as(client, user_with_role, Role.BOARD_MEMBER, objects)
    listed = client.get(reverse("places:list")).content.decode()
    assert "Eigen plek" in listed and "Andere plek" not in listed
    names = [p["name"] for p in client.get("/api/v1/places").json()["results"]]
    assert names == ["Eigen plek"]
