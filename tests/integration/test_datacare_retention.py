"""Retention per case type and result (Archiefwet, Selectielijst gemeenten 2020): ``ontmoet retention_due``."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ontmoet.accounts.roles import Role
from ontmoet.datacare.retention import DEFAULT_FILE, RetentionError, parse_rules, retention_rules
from ontmoet.datacare.selectors import retention_due
from ontmoet.datacare.tasks import TASK_PATH, monthly_retention_report, next_run, schedule_retention_report
from ontmoet.finder.models import RETENTION_DAYS, InitiativeRequest
from ontmoet.subsidies import services
from ontmoet.subsidies.models import Application, Decision
from tests.factories import PlaceFactory, UserFactory
from tests.factories_subsidies import application

pytestmark = pytest.mark.django_db


def _decided(app: Application, kind: str, on: dt.date) -> None:
    Decision.objects.filter(application=app, kind=kind).update(decided_on=on)


def test_the_rules_file_reads_and_covers_the_final_results():
    rules = {rule.key: rule for rule in retention_rules()}
    assert rules["subsidy_settled"].years == 10
    assert rules["subsidy_settled"].anchor == "settlement"
    assert rules["subsidy_refused"].years == 5
    assert rules["initiative"].days == RETENTION_DAYS  # the finder's own purge rule
    assert all(rule.selectielijst for rule in rules.values())
    assert "te bevestigen door de archivaris" in DEFAULT_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "named"), [
    ('[[rule]]\nkey="x"\ncase="zaak"\nanchor="decision"\nyears=1\nselectielijst="s"', "rule[0].case"),
    ('[[rule]]\nkey="x"\ncase="initiative"\nanchor="decision"\ndays=1\nselectielijst="s"', "rule[0].anchor"),
    ('[[rule]]\nkey="x"\ncase="initiative"\nanchor="received"\nselectielijst="s"', "years of days"),
    ('[[rule]]\nkey="x"\ncase="initiative"\nanchor="received"\ndays=1', "rule[0].selectielijst"),
])
def test_a_wrong_rule_is_refused_with_its_key_named(text, named):
    with pytest.raises(RetentionError, match=named.replace("[", r"\[").replace("]", r"\]")):
        parse_rules(text)


def test_a_settled_grant_is_due_ten_years_after_its_settlement():
    app = application("settled")
    _decided(app, "settlement", dt.date(2026, 3, 2))
    assert [i.reference for i in retention_due(dt.date(2036, 3, 1))] == []
    [item] = retention_due(dt.date(2036, 3, 2))
    assert (item.reference, item.rule, item.destroy_on) == (app.reference, "subsidy_settled", dt.date(2036, 3, 2))


def test_a_granted_application_not_yet_settled_is_never_due():
    application("granted")
    assert retention_due(dt.date(2100, 1, 1)) == []


def test_a_refusal_is_due_five_years_after_the_decision_and_an_objection_counts_from_its_decision():
    refused = application("advised")
    decider = UserFactory(username="beslisser", role=Role.DECISION_MAKER)
    services.application_decide(application=refused, decision="refuse", by=decider)
    _decided(refused, "application", dt.date(2026, 4, 1))
    Application.objects.filter(pk=refused.pk).update(decided_on=dt.date(2026, 4, 1))
    [item] = retention_due(dt.date(2031, 4, 1))
    assert (item.rule, item.anchor) == ("subsidy_refused", dt.date(2026, 4, 1))
    # A later decision on an objection that kept the refusal: the period counts from that decision.
    Decision.objects.create(application=refused, kind="objection", outcome="refused", decided_by=decider,
                            decided_by_name="x", decided_on=dt.date(2026, 9, 1))
    assert retention_due(dt.date(2031, 4, 1)) == []
    assert [i.anchor for i in retention_due(dt.date(2031, 9, 1))] == [dt.date(2026, 9, 1)]


def test_ideas_of_residents_are_due_after_the_finders_period():
    idea = InitiativeRequest.objects.create(place=PlaceFactory(), name="B", contact="b@example.org", idea="x",
                                            sender="s")
    received = timezone.localdate(idea.created_at)
    assert retention_due(received + dt.timedelta(days=RETENTION_DAYS - 1)) == []
    [item] = retention_due(received + dt.timedelta(days=RETENTION_DAYS))
    assert (item.case, item.id) == ("initiative", idea.pk)


def test_the_command_lists_in_text_and_json_and_destroys_nothing():
    app = application("settled")
    _decided(app, "settlement", dt.date(2026, 3, 2))
    out = StringIO()
    call_command("retention_due", "--on", "2040-01-01", "--format", "json", stdout=out)
    [item] = json.loads(out.getvalue())
    assert item["reference"] == app.reference
    assert item["destroy_on"] == "2036-03-02"
    text = StringIO()
    call_command("retention_due", "--on", "2040-01-01", stdout=text)
    assert "niets vernietigd" in text.getvalue()
    assert Application.objects.filter(pk=app.pk).exists()
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("retention_due", "--on", "1-1-2040", stdout=StringIO())


AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(("now", "expected"), [
    (dt.datetime(2026, 12, 3, 12, 0, tzinfo=AMS), dt.datetime(2027, 1, 1, 6, 0, tzinfo=AMS)),
    (dt.datetime(2027, 1, 1, 6, 0, tzinfo=AMS), dt.datetime(2027, 2, 1, 6, 0, tzinfo=AMS)),
    (dt.datetime(2027, 3, 15, 9, 0, tzinfo=AMS), dt.datetime(2027, 4, 1, 6, 0, tzinfo=AMS)),  # summer time
])
def test_the_report_runs_on_the_first_of_the_next_month(now, expected):
    assert next_run(now) == expected


def test_the_report_logs_what_is_due_and_waits_for_the_next_month(caplog):
    app = application("settled")
    _decided(app, "settlement", dt.date(2026, 3, 2))
    with time_machine.travel(dt.datetime(2036, 4, 1, 6, 0, tzinfo=AMS), tick=False):
        assert schedule_retention_report() == schedule_retention_report()
        outcome = monthly_retention_report.call()
    assert outcome == {"due": 1, "next": "2036-05-01T06:00:00+02:00"}
    assert "bewaartermijn bereikt" in caplog.text
    waiting = DBTaskResult.objects.filter(task_path=TASK_PATH, status=TaskResultStatus.READY)
    assert [j.run_after for j in waiting] == [dt.datetime(2036, 5, 1, 6, 0, tzinfo=AMS)]
    assert Application.objects.filter(pk=app.pk).exists()
