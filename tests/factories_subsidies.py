"""Factories of the subsidy module: a scheme with a ceiling, and applications in a given state (through the
services, so every state is one the lifecycle can reach)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ontmoet.accounts.roles import Role
from ontmoet.subsidies import services
from ontmoet.subsidies.models import Application, Scheme, SchemeYear
from tests.factories import PlaceFactory, UserFactory

YEAR = 2026


def scheme(*, ceiling: int = 100_000, partial: bool = True, block: str = "B4", maximum: int = 50_000,
           key: str | None = None, types: list[str] | None = None) -> Scheme:
    made = Scheme.objects.create(key=key or f"regeling-{Scheme.objects.count() + 1}", name="Testregeling",
                                 block=block, partial_grants=partial, amount_rule="cost_based",
                                 maximum_amount=maximum, eligible_types=types or [])
    SchemeYear.objects.create(scheme=made, year=YEAR, ceiling=Decimal(ceiling))
    return made


def users() -> dict[str, Any]:
    return {"board": UserFactory(username="bestuur", role=Role.BOARD_MEMBER, email="bestuur@example.org"),
            "officer": UserFactory(username="behandelaar", role=Role.GRANT_OFFICER),
            "officer2": UserFactory(username="behandelaar2", role=Role.GRANT_OFFICER),
            "decider": UserFactory(username="besluit", role=Role.DECISION_MAKER),
            "finance": UserFactory(username="financien", role=Role.FINANCE_ADVISOR)}


def application(state: str = "draft", *, of: Scheme | None = None, amount: int = 10_000,
                who: dict[str, Any] | None = None, place: Any = None) -> Application:
    """An application brought to ``state`` through the services (advised / granted / ... by ``who``)."""
    who = who or users()
    place = place or PlaceFactory()
    place.board_accounts.add(who["board"])
    app = services.application_create(scheme=of or scheme(), place=place, year=YEAR, amount_requested=amount,
                                      by=who["board"])
    path = ["submitted", "in_assessment", "advised", "granted", "advance_paid", "settlement_requested", "settled"]
    if state == "draft":
        return app
    services.application_submit(application=app, by=who["board"])
    if state == "incomplete":
        services.application_request_supplement(application=app, note="begroting", by=who["officer"])
        return Application.objects.get(pk=app.pk)
    for step in path[1:path.index(state) + 1] if state in path else []:
        app = Application.objects.get(pk=app.pk)
        if step == "in_assessment":
            services.application_complete(application=app, by=who["officer"])
        elif step == "advised":
            services.application_advise(application=app, advice="grant", motivation="Past in het kader",
                                        by=who["officer"])
        elif step == "granted":
            services.application_decide(application=app, decision="grant", by=who["officer2"])
        elif step == "advance_paid":
            services.application_pay_advance(application=app, amount=amount // 2, by=who["finance"])
        elif step == "settlement_requested":
            services.application_request_settlement(application=app, report="Verslag", by=who["board"])
        elif step == "settled":
            services.application_settle(application=app, amount=amount, by=who["decider"])
    return Application.objects.get(pk=app.pk)


def for_door(state: str, by: Any, **changes: Any) -> Application:
    """An application in ``state`` whose place ``by`` (a board member) acts for; ``changes`` set fields after."""
    app = application(state, who=users())
    if by is not None and by.role == Role.BOARD_MEMBER:
        app.place.board_accounts.add(by)
    if changes:
        Application.objects.filter(pk=app.pk).update(**changes)
        app.refresh_from_db()
    return app


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
