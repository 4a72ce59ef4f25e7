"""The subsidy services: the lifecycle end to end, four eyes, the ceiling, the terms, the ledger and the letters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from ontmoet.finance.models import LedgerEntry
from ontmoet.subsidies import services
from ontmoet.subsidies.models import Application, Letter, SchemeYear
from ontmoet.subsidies.selectors import ledger_differences
from tests import factories_subsidies as fs
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db(transaction=False)
D = Decimal


@pytest.fixture
def who():
    return fs.users()


def _ledger(app: Application, kind: str) -> Decimal:
    return sum((e.amount for e in LedgerEntry.objects.filter(source="subsidies", reference__startswith=f"{app.pk}:",
                                                             kind=kind)), D(0))


def test_the_whole_chain_from_draft_to_closed(who, django_capture_on_commit_callbacks, time_machine):
    # Received Wednesday 2 December 2026: eight weeks later is Wednesday 27 January 2027, a working day.
    time_machine.move_to(dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC))
    scheme = fs.scheme(ceiling=100_000)
    with django_capture_on_commit_callbacks(execute=True):
        app = fs.application("submitted", of=scheme, amount=20_000, who=who)
    assert app.state == "submitted" and app.received_on == dt.date(2026, 12, 2)
    assert app.decision_due == dt.date(2027, 1, 27)
    assert [letter.kind for letter in app.letters.all()] == ["receipt"]
    assert mail.outbox and "Ontvangstbevestiging" in mail.outbox[-1].subject
    services.application_request_supplement(application=app, note="de begroting", by=who["officer"])
    services.application_supplement(application=app, by=who["board"])
    services.application_complete(application=app, by=who["officer"])
    app.refresh_from_db()
    assert app.assessment is not None and app.assessment.findings
    services.application_advise(application=app, advice="grant", amount=20_000, motivation="Voldoet", by=who["officer"])
    decision = services.application_decide(application=app, decision="grant", by=who["officer2"])
    app.refresh_from_db()
    assert (app.state, app.amount_granted, decision.advised_by_name, decision.decided_by_name) == (
        "granted", D(20_000), "behandelaar", "behandelaar2")
    assert SchemeYear.objects.get(scheme=scheme).committed == D(20_000)
    assert _ledger(app, "commitment") == D(20_000)
    grant = app.letters.get(kind="grant")
    assert "€ 20.000" in grant.body and "bezwaar" in grant.body.lower() and "behandelaar2" in grant.body
    services.application_pay_advance(application=app, amount=15_000, by=who["finance"])
    services.application_request_settlement(application=app, report="Alles gedaan", by=who["board"])
    services.application_settle(application=app, amount=12_000, by=who["decider"])
    app.refresh_from_db()
    assert SchemeYear.objects.get(scheme=scheme).committed == D(12_000)
    assert app.letters.filter(kind="recovery").exists()
    services.application_close(application=app, by=who["finance"])
    app.refresh_from_db()
    assert app.state == "closed"
    assert (_ledger(app, "commitment"), _ledger(app, "realisation")) == (D(12_000), D(12_000))
    assert ledger_differences() == []


def test_whoever_advised_can_never_decide(who):
    app = fs.application("advised", who=who)
    with pytest.raises(PermissionDenied):
        services.application_decide(application=app, decision="grant", by=who["officer"])
    app.refresh_from_db()
    assert app.state == "advised"


def test_whoever_asked_for_a_supplement_has_assessed_it_too(who):
    app = fs.application("incomplete", who=who)
    services.application_supplement(application=app, by=who["board"])
    services.application_complete(application=app, by=who["officer2"])
    services.application_advise(application=app, advice="grant", motivation="ok", by=who["officer2"])
    with pytest.raises(PermissionDenied):
        services.application_decide(application=app, decision="grant", by=who["officer"])
    services.application_decide(application=app, decision="grant", by=who["decider"])


def test_a_refused_step_names_its_reason(who):
    app = fs.application("draft", who=who)
    with pytest.raises(services.StepRefused) as refused:
        services.application_complete(application=app, by=who["officer"])
    assert refused.value.code == "state"


def test_a_board_member_of_another_place_does_not_find_the_application(who):
    from django.http import Http404

    app = fs.application("draft", who=who)
    stranger = fs.UserFactory(username="ander-bestuur", role="board_member")
    with pytest.raises(Http404):
        services.application_submit(application=app, by=stranger)


def test_a_grant_over_the_ceiling_is_partial_and_says_why(who):
    scheme = fs.scheme(ceiling=25_000)
    first = fs.application("granted", of=scheme, amount=20_000, who=who)
    second = fs.application("advised", of=scheme, amount=20_000, who=who)
    services.application_decide(application=second, decision="grant", by=who["officer2"])
    second.refresh_from_db()
    assert (first.amount_granted, second.amount_granted, second.decision_reason) == (
        D(20_000), D(5_000), "partial_ceiling")
    assert "artikel 4:25" in second.letters.get(kind="grant").body


def test_without_partial_grants_it_is_refused_for_the_ceiling_with_its_own_letter(who):
    scheme = fs.scheme(ceiling=25_000, partial=False)
    fs.application("granted", of=scheme, amount=20_000, who=who)
    second = fs.application("advised", of=scheme, amount=20_000, who=who)
    services.application_decide(application=second, decision="grant", by=who["officer2"])
    second.refresh_from_db()
    assert (second.state, second.decision_reason) == ("refused", "refused_ceiling")
    assert "subsidieplafond van deze regeling" in second.letters.get(kind="refusal").body


def test_an_objection_is_retested_against_the_ceiling_at_the_first_decision(who, time_machine):
    # Decided on Wednesday 2 December 2026: the objection term (six weeks from the day after) ends on Wednesday
    # 13 January 2027, and the decision on the objection six weeks after that, on Wednesday 24 February 2027; both
    # working days, so the Atw moves neither.
    time_machine.move_to(dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC))
    scheme = fs.scheme(ceiling=30_000)
    app = fs.application("advised", of=scheme, amount=20_000, who=who)
    services.application_decide(application=app, decision="refuse", by=who["officer2"])
    fs.application("granted", of=scheme, amount=25_000, who=who)  # since then, others used the ceiling
    services.application_object(application=app, grounds="Ten onrechte afgewezen", by=who["board"])
    app.refresh_from_db()
    assert (app.state, app.objection_due, app.objection_decision_due) == (
        "objection", dt.date(2027, 1, 13), dt.date(2027, 2, 24))
    with pytest.raises(PermissionDenied):  # who took the contested decision does not decide on the objection
        services.application_decide_objection(application=app, founded=True, motivation="x", by=who["officer2"])
    services.application_decide_objection(application=app, founded=True, motivation="Gegrond", by=who["decider"])
    app.refresh_from_db()
    assert (app.state, app.amount_granted, app.decision_reason) == ("granted", D(5_000), "partial_ceiling")
    assert SchemeYear.objects.get(scheme=scheme).committed == D(30_000)
    assert ledger_differences() == []


def test_the_supplement_period_suspends_the_decision_term(who, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC))
    app = fs.application("incomplete", who=who)
    # Received Monday 2 March 2026: eight weeks later is Monday 27 April 2026, Koningsdag (not a Sunday, so not
    # moved to the 26th), so the term runs on to Tuesday 28 April (Atw art. 1). Asked the same day to supplement
    # within 14 days: Monday 16 March 2026, a working day.
    assert app.decision_due == dt.date(2026, 4, 28) and app.supplement_due == dt.date(2026, 3, 16)
    time_machine.move_to(dt.datetime(2026, 3, 12, 10, tzinfo=dt.UTC))
    services.application_supplement(application=app, by=who["board"])
    app.refresh_from_db()
    # Suspended from the day after the request up to, not including, the supplement (Awb 4:15): 3–11 March, nine
    # days. 27 April + 9 days = Wednesday 6 May 2026, a working day (5 May is the day before).
    assert app.suspensions == [["2026-03-02", "2026-03-12"]]
    assert app.decision_due == dt.date(2026, 5, 6)


def test_not_handled_after_the_supplement_term_passed(who, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC))
    app = fs.application("incomplete", who=who)
    with pytest.raises(services.StepRefused):
        services.application_not_handle(application=app, by=who["officer"])
    time_machine.move_to(dt.datetime(2026, 3, 17, 10, tzinfo=dt.UTC))
    services.application_not_handle(application=app, by=who["officer"])
    app.refresh_from_db()
    assert app.state == "not_handled" and app.letters.filter(kind="not_handled").exists()
    # Not supplemented: the suspension runs to the last day of the supplement term, Monday 16 March 2026, so
    # 3–15 March, 13 days; 27 April + 13 days = Sunday 10 May 2026, moved to Monday 11 May (Atw art. 1).
    assert app.suspensions == [["2026-03-02", "2026-03-16"]] and app.decision_due == dt.date(2026, 5, 11)


def test_postponement_once(who, time_machine):
    # Received Wednesday 2 December 2026: due Wednesday 27 January 2027; four weeks more (12 in all, still within
    # the Atw) is Wednesday 24 February 2027, a working day.
    time_machine.move_to(dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC))
    app = fs.application("advised", who=who)
    assert app.decision_due == dt.date(2027, 1, 27)
    services.application_postpone(application=app, weeks=4, reason="advies nodig", by=who["officer"])
    app.refresh_from_db()
    assert app.state == "postponed" and app.decision_due == dt.date(2027, 2, 24)
    services.application_decide(application=app, decision="grant", by=who["decider"])


def test_a_fixed_amount_scheme_grants_the_plan_amount_for_the_place_type(who):
    scheme = fs.scheme(ceiling=716_000, block="B1")
    scheme.amount_rule, scheme.fixed_amounts = "fixed_per_type", {"meeting_centre": 62000,
                                                                  "neighbourhood_house": 220000}
    scheme.save()
    place = PlaceFactory(type="meeting_centre")
    app = fs.application("advised", of=scheme, amount=99_999, who=who, place=place)
    services.application_decide(application=app, decision="grant", by=who["decider"])
    app.refresh_from_db()
    assert app.amount_granted == D(62_000)


def test_withdrawal_and_revocation(who):
    app = fs.application("submitted", who=who)
    services.application_withdraw(application=app, by=who["board"])
    granted = fs.application("advance_paid", amount=10_000, who=who)
    services.application_revoke(application=granted, reason="de activiteit gaat niet door", by=who["decider"])
    granted.refresh_from_db()
    assert (granted.state, granted.amount_granted, granted.advances_paid) == ("revoked", D(0), D(0))
    assert _ledger(granted, "realisation") == D(0)
    assert ledger_differences() == []


def test_the_schemes_of_the_plan(who):
    made = services.schemes_from_plan(by=None)
    keys = {s.key for s in made}
    assert {"b1_exploitatie", "b2_modernisering", "kvds", "ogh_huurkosten", "ogh_inventaris",
            "ogh_exploitatietekort", "ogh_administratie"} <= keys
    b1 = SchemeYear.objects.get(scheme__key="b1_exploitatie", year=2026)
    assert b1.ceiling == D(716_000)  # 8 × 62,000 + 1 × 220,000 (seed §5)
    assert SchemeYear.objects.get(scheme__key="kvds", year=2026).ceiling == D(250_000 + 125_000)
    assert SchemeYear.objects.get(scheme__key="ogh_inventaris", year=2026).distribution == "ranking"
    services.schemes_from_plan(by=None)  # again: brought up to date, nothing doubled
    assert SchemeYear.objects.filter(scheme__key="b1_exploitatie").count() == 5


def test_publishing_tells_the_boards_concerned(who, django_capture_on_commit_callbacks):
    services.schemes_from_plan(by=None)
    from ontmoet.subsidies.models import Scheme

    place = PlaceFactory(type="community_house")
    place.board_accounts.add(who["board"])
    with django_capture_on_commit_callbacks(execute=True):
        services.scheme_publish(scheme=Scheme.objects.get(key="ogh_huurkosten"), channel="Gemeenteblad",
                                by=None)
    assert mail.outbox[-1].to == ["bestuur@example.org"]
    assert "Subsidieplafond en verdeelmethode" in mail.outbox[-1].body


def test_letters_print_as_pdf(who, tmp_path, settings):
    settings.SUBSIDY_LETTER_DIR = tmp_path
    from ontmoet.subsidies.letters import pdf_for

    app = fs.application("granted", who=who)
    path = pdf_for(Letter.objects.get(application=app, kind="grant"))
    assert path.read_bytes().startswith(b"%PDF-")


def test_ranking_at_the_ranking_date_grants_down_the_list(who):
    scheme = fs.scheme(ceiling=25_000)
    SchemeYear.objects.filter(scheme=scheme).update(distribution="ranking", ranking_dates=["05-01"])
    apps = [fs.application("advised", of=scheme, amount=10_000, who=who) for _ in range(4)]
    from ontmoet.assessment.models import AssessmentRecord

    for app, score in zip(apps, ("40", "90", "70", "10"), strict=True):
        AssessmentRecord.objects.filter(pk=app.assessment_id).update(score=Decimal(score))
    with pytest.raises(services.StepRefused) as refused:  # one by one is not how a ranking scheme grants
        services.application_decide(application=apps[0], decision="grant", by=who["decider"])
    assert refused.value.code == "ranking"
    with pytest.raises(PermissionDenied):  # the assessor of these applications cannot rank them
        services.scheme_year_rank(scheme_year=SchemeYear.objects.get(scheme=scheme), by=who["officer"])
    services.scheme_year_rank(scheme_year=SchemeYear.objects.get(scheme=scheme), by=who["decider"])
    got = {a.pk: (a.amount_granted, a.decision_reason) for a in Application.objects.filter(scheme=scheme)}
    assert [got[a.pk] for a in apps] == [(D(5_000), "partial_ceiling"), (D(10_000), "granted"),
                                         (D(10_000), "granted"), (D(0), "refused_ceiling")]
    assert SchemeYear.objects.get(scheme=scheme).committed == D(25_000)
    assert ledger_differences() == []
