"""Demo data of the subsidies: a believable year. The schemes of the plan, published; applications of the demo
places in every state — some near their deadline, one overdue, one refused because the ceiling was reached and
now in objection — so every role finds real work and the ledger shows commitments and realisations.

Every step goes through the services, as the people of the demo accounts. Only the dates on which the oldest
applications were received are set back afterwards (a demo cannot wait eight weeks). Idempotent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from ontmoet.accounts.models import User
from ontmoet.accounts.roles import Role
from ontmoet.domain.subsidies import deadlines
from ontmoet.places.models import MeetingPlace
from ontmoet.subsidies import selectors, services
from ontmoet.subsidies.models import Application, Scheme

OFFICER, DECIDER, FINANCE, BOARD = "subsidie", "besluit", "financien", "bestuur"


def _board_of(place: MeetingPlace, officer: User) -> User:
    """Who acts for the board: the demo board member for their own places; for the other demo places the
    officer registers what their boards sent in (on paper or by e-mail)."""
    linked = place.board_accounts.filter(role=Role.BOARD_MEMBER).order_by("pk").first()
    return linked or officer


def _backdate(application: Application, days: int) -> None:
    """Received ``days`` ago: the decision term is counted again from that day (demo only)."""
    app = Application.objects.get(pk=application.pk)
    received = timezone.localdate() - dt.timedelta(days=days)
    term = deadlines.decision_deadline(received, weeks=app.scheme.decision_term_weeks,
                                       suspensions=selectors.suspension_pairs(app),
                                       postponement_weeks=app.postponement_weeks)
    Application.objects.filter(pk=app.pk).update(received_on=received, decision_due=term.end)


def load_subsidies_demo() -> dict[str, int]:
    if Application.objects.filter(is_demo=True).exists():
        return {"applications": 0}
    found = {u.username: u for u in User.objects.filter(username__in=(OFFICER, DECIDER, FINANCE, BOARD))}
    if len(found) < 4:
        return {"applications": 0}
    officer, decider, finance = found[OFFICER], found[DECIDER], found[FINANCE]
    places = {p.name: p for p in MeetingPlace.objects.filter(is_demo=True)}
    if "Demohuis De Linde" not in places:
        return {"applications": 0}
    with transaction.atomic():
        services.schemes_from_plan(by=None, is_demo=True)
        for scheme in Scheme.objects.filter(published_on__isnull=True):
            services.scheme_publish(scheme=scheme, channel="Gemeenteblad", on=dt.date(2026, 1, 6), by=None)
        schemes = {s.key: s for s in Scheme.objects.all()}
        made = 0

        def app(place: str, scheme: str, year: int, amount: Any = None, **steps: Any) -> Application:
            nonlocal made
            board = _board_of(places[place], officer)
            item = services.application_create(scheme=schemes[scheme], place=places[place], year=year,
                                               amount_requested=amount, by=board, is_demo=True)
            made += 1
            return _walk(item, board, officer, decider, finance, **steps)

        this_year, next_year = 2026, 2027
        # Bouwsteen 1 for the board's own meeting centre: granted, half paid in advance, settlement requested.
        app("Demohuis De Linde", "b1_exploitatie", this_year, until="settlement_requested", advance=31000)
        # Kracht van de Samenleving: a living room's grant settled lower than the advance (the difference is
        # recovered) and closed; a draft for next year.
        app("Demohuiskamer De Koffiepot", "kvds", this_year, 8500, until="closed", advance=8500, settle=7000)
        app("Demohuiskamer De Koffiepot", "kvds", next_year, 9000)
        # Bouwsteen 2 (ceiling 240,000): five of 50,000 fit 4.8 times; the last is refused for the ceiling and
        # its board objects.
        for name in ("Demohuis Het Anker", "Demohuis Sint Lambertus", "Demohuis De Kring", "Demohuis Oosterpoort",
                     "Demohuis Heugemer Hof"):
            app(name, "b2_modernisering", this_year, 50000, until="granted")
        refused = app("Demohuis De Brug", "b2_modernisering", this_year, 50000, until="granted")
        services.application_object(application=refused, grounds="Onze aanvraag was eerder volledig dan andere.",
                                    by=_board_of(places["Demohuis De Brug"], officer))
        # The Ogh next year: the officer's queue, two near their deadline and one overdue.
        near = app("Demohuis Caberg", "ogh_huurkosten", next_year, 18000, until="submitted")
        _backdate(near, 52)
        app("Demohuis Lanakerveld", "ogh_huurkosten", next_year, 12000, until="incomplete")
        app("Demohuis Scharn", "ogh_inventaris", next_year, 7500, until="in_assessment")
        advised = app("Demohuis Wyckerpoort", "ogh_huurkosten", next_year, 20000, until="advised")
        _backdate(advised, 53)
        overdue = app("Demohuis Biesland", "ogh_exploitatietekort", next_year, 15000, until="submitted")
        _backdate(overdue, 63)
        app("Demohuis Itteren", "ogh_exploitatietekort", this_year, 16000, until="advance_paid", advance=8000)
        app("Demohuis De Linde", "kvds", next_year, 3000, until="withdrawn")
        app("Demohuiskamer Het Praathuis", "kvds", next_year, 6000, until="submitted")
        postponed = app("Demohuiskamer Bij Ons", "kvds", next_year, 5000, until="advised")
        services.application_postpone(application=postponed, weeks=4, reason="advies van het wijkteam nodig",
                                      by=officer)
    return {"applications": made}


def _walk(item: Application, board: User, officer: Any, decider: Any, finance: Any, *, until: str = "draft",
          advance: int = 0, settle: int | None = None) -> Application:
    order = ["draft", "submitted", "incomplete", "in_assessment", "advised", "granted", "advance_paid",
             "settlement_requested", "settled", "closed"]
    if until == "withdrawn":
        services.application_submit(application=item, by=board)
        services.application_withdraw(application=item, by=board)
        return Application.objects.get(pk=item.pk)
    target = order.index(until)

    def fresh() -> Application:
        return Application.objects.get(pk=item.pk)

    if target >= 1:
        services.application_submit(application=fresh(), by=board)
    if target >= 2:
        services.application_request_supplement(application=fresh(), note="Stuur de begroting mee.", by=officer)
        if until == "incomplete":
            return fresh()
        services.application_supplement(application=fresh(), note="Begroting bijgevoegd.", by=board)
    if target >= 3:
        services.application_complete(application=fresh(), by=officer)
    if target >= 4:
        services.application_advise(application=fresh(), advice="grant", motivation="Past binnen het "
                                    "afwegingskader en de regeling.", by=officer)
    if target >= 5:
        services.application_decide(application=fresh(), decision="grant", by=decider)
    if target >= 6 and advance and fresh().state == "granted":
        services.application_pay_advance(application=fresh(), amount=Decimal(advance), by=finance)
    if target >= 7:
        services.application_request_settlement(application=fresh(), report="Inhoudelijk verslag en jaarrekening "
                                                "bijgevoegd.", by=board)
    if target >= 8:
        services.application_settle(application=fresh(), amount=Decimal(settle if settle is not None else
                                                                         fresh().amount_granted), by=decider)
    if target >= 9:
        services.application_close(application=fresh(), by=finance)
    return fresh()
