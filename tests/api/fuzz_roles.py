"""Schemathesis with a token of every role: the world the calls meet and the checks every answer passes.

Every operation of the OpenAPI document is called by every role (a write token; a read-only token too on the
operations that change something) and by a board member of another place. The path parameters are either
generated or the ids of real objects of one place ("Eigen plek"), so that the calls reach the views' logic and
not only their 404. Each answer must:

- not be a 5xx, and conform to the document (status code documented, content type, response schema);
- to a request the document allows, not be a 400 (positive_data_acceptance; a 422 is a rule the document
  cannot state, ADR 0033); to one it does not allow, not be a 2xx (negative_data_rejection);
- to a call the caller may not make (a role outside the view's roles, a read-only token on a write), be a 403 or
  404 problem+json (a 400 or 406 of the request guards, which answer before any permission, is allowed too);
- to a board member of another place, never be a 2xx with data of "Eigen plek".

``fuzz_actor`` collects the failures by kind instead of stopping at the first, so that the long run in
``make bench`` (tests/perf/test_bench_fuzz.py) can print a summary per role.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.config._checks import PositiveDataAcceptanceConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from ontmoet.accounts.models import TokenScope
from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import token_issue
from tests.factories import PlaceFactory, UserFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
OPERATIONS = [result.ok() for result in schema.get_all_operations()]
WRITES = [op for op in OPERATIONS if op.method.upper() not in ("GET", "HEAD", "OPTIONS")]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          positive_data_acceptance, negative_data_rejection]
# schemathesis' defaults, with 422: a value that breaks a rule the document cannot state (an unknown place, an
# end before its start), never a request of the wrong shape (ADR 0033). 400 stays refused for valid requests.
schema.config.checks.positive_data_acceptance = PositiveDataAcceptanceConfig(
    expected_statuses=["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"])
OWN_NAME = "Eigen plek 7Q"  # a marker: it must never appear in an answer to a board member of another place
#: The request guards answer before authentication and permissions: a NUL byte or a bad Accept header.
GUARD_STATUSES = {400, 406}


@dataclass(frozen=True)
class Actor:
    """Who calls: a role with a token of a scope; ``outsider`` is a board member of another place only."""

    role: str
    scope: str = TokenScope.WRITE
    outsider: bool = False

    @property
    def label(self) -> str:
        if self.outsider:
            return "board_member (another place)"
        return f"{self.role} ({self.scope})"

    def operations(self) -> list[Any]:
        return WRITES if self.scope == TokenScope.READ else OPERATIONS


ACTORS = ([Actor(role) for role in Role] + [Actor(role, TokenScope.READ) for role in Role]
          + [Actor(Role.BOARD_MEMBER, outsider=True)])


@dataclass
class World:
    """The objects of "Eigen plek" that path parameters may name, and the tokens."""

    own_place: Any
    ids: dict[str, list[dict[str, Any]]]  # operation path -> path parameter sets naming own objects
    own: dict[str, set[int]]  # first path segment -> ids of own objects (what an outsider must not see)
    tokens: dict[Actor, str] = field(default_factory=dict)


def make_world() -> World:
    from tests import factories_subsidies as fs
    from tests.factories_activities import ActivityFactory
    from tests.factories_capacity import BoardSupportRequestFactory
    from tests.factories_finance import ScenarioFactory

    own = PlaceFactory(name=OWN_NAME)
    other = PlaceFactory(name="Andere plek")
    scheme = fs.scheme()
    who = fs.users()
    applications = [fs.application(state, of=scheme, place=own, who=who) for state in (
        "draft", "submitted", "incomplete", "in_assessment", "advised", "granted", "settlement_requested")]
    activity = ActivityFactory(place=own)
    support = [BoardSupportRequestFactory(place=own),
               BoardSupportRequestFactory(place=own, status="taken_up", provider="trajekt",
                                          contact_person="T. Trajekt")]
    change = own.type_history.get()
    scenario = ScenarioFactory()
    app_ids = [{"id": a.pk} for a in applications]
    ids: dict[str, list[dict[str, Any]]] = {
        "/places/{id}": [{"id": own.pk}],
        "/places/{id}/type-changes": [{"id": own.pk}],
        "/places/{id}/type-changes/{changeId}": [{"id": own.pk, "changeId": change.pk}],
        "/activities/{id}": [{"id": activity.pk}],
        "/schemes/{id}": [{"id": scheme.pk}],
        "/schemes/{id}/rank": [{"id": scheme.pk}],
        "/budget/scenarios/{id}": [{"id": scenario.pk}],
        "/neighbourhoods/{code}": [{"code": own.neighbourhood.code}] if own.neighbourhood_id else [],
        "/board-support-requests/{id}/take-up": [{"id": s.pk} for s in support],
        "/board-support-requests/{id}/close": [{"id": s.pk} for s in support],
    }
    for op in OPERATIONS:
        if op.path.startswith("/applications/{id}"):
            ids[op.path] = app_ids
    world = World(own, ids, {
        "places": {own.pk}, "activities": {activity.pk}, "applications": {a.pk for a in applications},
        "board-support-requests": {s.pk for s in support}})
    for actor in ACTORS:
        user = UserFactory(username=f"fuzz-{actor.role}-{actor.scope}{'-ander' if actor.outsider else ''}",
                           role=actor.role)
        if actor.role == Role.BOARD_MEMBER:
            (other if actor.outsider else own).board_accounts.add(user)
        world.tokens[actor] = token_issue(user=user, by=None, scope=actor.scope)
    return world


def _allowed(actor: Actor, operation: Any) -> bool:
    """What the view declares (RolePermission): read roles for safe methods, write roles (and a write token)
    otherwise."""
    path = "/api/v1" + operation.path.replace("{id}", "1").replace("{changeId}", "1").replace("{code}", "BU1")
    view = resolve(path).func.view_class  # type: ignore[attr-defined]
    if operation.method.upper() == "GET":
        return actor.role in view.read_roles
    return actor.scope == TokenScope.WRITE and actor.role in getattr(view, "write_roles", frozenset())


def _leaks(body: Any, operation: Any, world: World) -> bool:
    """Does an answer carry data of "Eigen plek"? Its name, its id as a place, or an own object's id."""
    if OWN_NAME in json.dumps(body, ensure_ascii=False):
        return True
    own_ids = world.own.get(operation.path.strip("/").split("/")[0], set())

    def walk(node: Any) -> bool:
        if isinstance(node, dict):
            if node.get("place") == world.own_place.pk or node.get("placeId") == world.own_place.pk:
                return True
            if node.get("id") in own_ids:
                return True
            return any(walk(v) for v in node.values())
        if isinstance(node, list):
            return any(walk(v) for v in node)
        return False

    return walk(body)


def _names_own_object(operation: Any, path_parameters: dict[str, Any], world: World) -> bool:
    return operation.path in world.ids and path_parameters in world.ids[operation.path] and any(
        operation.path.startswith(f"/{segment}") for segment in world.own)


@dataclass
class Report:
    actor: Actor
    operations: int = 0
    calls: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def fail(self, kind: str, text: str) -> None:
        """Counted by kind; the first example of each kind and operation is kept (``text`` starts with it)."""
        self.failures[kind] += 1
        self.examples.setdefault(f"{kind} | {text.split(' path=')[0]}", text[:600])

    def summary(self) -> str:
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(self.failures.items())) or "none"
        return f"{self.actor.label:34} operations {self.operations:3}  calls {self.calls:5}  failures {kinds}"


def _strategy(operation: Any, world: World) -> Any:
    strategies = [operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)]
    for parameters in world.ids.get(operation.path, []):
        strategies += [operation.as_strategy(GenerationMode.POSITIVE, path_parameters=parameters),
                       operation.as_strategy(GenerationMode.NEGATIVE, path_parameters=parameters)]
    return st.one_of(strategies)


def check_answer(case: Any, response: Any, actor: Actor, world: World, report: Report) -> None:
    report.calls += 1
    label = f"{case.operation.label} path={case.path_parameters} query={case.query} body={case.body!r}"[:400]
    try:
        case.validate_response(response, checks=CHECKS)
    except BaseExceptionGroup as error:  # every failure is counted; the first of each kind is kept
        for failure in error.exceptions:
            kind = "server error" if response.status_code >= 500 else type(failure).__name__
            report.fail(kind, f"{label}: {response.status_code} {failure}")
    status = response.status_code
    problem = response.headers.get("content-type", [""])[0] == "application/problem+json"
    if not _allowed(actor, case.operation) and status not in GUARD_STATUSES and (
            status not in (403, 404) or not problem):
        report.fail("forbidden call not refused", f"{label}: {status}")
    if actor.outsider and 200 <= status < 300:
        if _names_own_object(case.operation, case.path_parameters or {}, world):
            report.fail("another place's object answered", f"{label}: {status}")
        elif status != 204 and _leaks(response.json(), case.operation, world):
            report.fail("another place's data in the answer", f"{label}: {status} {response.text[:200]}")


@contextmanager
def _connection_kept() -> Iterator[None]:
    """The WSGI application closes a connection inside a transaction at the start and end of each request (on
    PostgreSQL, the test's own): keep it for the calls, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def fuzz_actor(actor: Actor, world: World, *, max_examples: int, operations: Iterable[Any] | None = None) -> Report:
    """Call every operation up to ``max_examples`` times as ``actor`` (reproducible: derandomized, no example
    database)."""
    report = Report(actor)
    headers = {"Authorization": f"Bearer {world.tokens[actor]}"}
    for operation in operations if operations is not None else actor.operations():
        report.operations += 1

        @settings(max_examples=max_examples, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=_strategy(operation, world))
        def run(case: Any) -> None:
            response = case.call(headers=headers)
            check_answer(case, response, actor, world, report)

        with _connection_kept():
            run()
    return report
