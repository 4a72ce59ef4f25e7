"""AVG: the export of a board member's personal data, and their erasure by pseudonym (ontmoet.datacare)."""

from __future__ import annotations

import hashlib
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError
from django.core.management import call_command

from ontmoet.accounts.models import ApiToken, LoginAttempt
from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import token_issue
from ontmoet.core.models import AuditEvent
from ontmoet.datacare.selectors import personal_data, pseudonym_for
from ontmoet.datacare.services import personal_data_erase
from ontmoet.finder.models import InitiativeRequest
from ontmoet.subsidies import services as subsidies
from ontmoet.subsidies.models import Decision, Letter
from ontmoet.subsidies.selectors import ledger_differences
from tests.factories import UserFactory
from tests.factories_subsidies import PDF, application, users

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(settings, tmp_path):
    """A settled application of a board member with a letter, an uploaded document, a session, a token, a failed
    login, an idea sent from their e-mail address, and a step whose note names them."""
    settings.SUBSIDY_UPLOAD_DIR = tmp_path / "uploads"
    who = users()
    board = who["board"]
    board.first_name, board.last_name = "Bo", "Bestuurder"
    board.save()
    app = application("settled", who=who)
    subsidies.document_upload(application=app, kind="begroting", file_name="begroting.pdf", content=PDF, by=board)
    session = SessionStore()
    session["_auth_user_id"] = str(board.pk)
    session.create()
    token_issue(user=board, name="koppeling", by=None)
    LoginAttempt.objects.create(username="bestuur", address="192.0.2.7", succeeded=False)
    InitiativeRequest.objects.create(place=app.place, name="Bo Bestuurder", contact="bestuur@example.org",
                                     idea="Een wandelgroep", sender="x")
    return board, app, who


def test_the_export_holds_every_kind_of_personal_data(case):
    board, app, _who = case
    data = personal_data(board)
    json.dumps(data)  # JSON as it is
    assert data["account"]["username"] == "bestuur"
    assert data["account"]["email"] == "bestuur@example.org"
    assert data["places_acted_for"] == [{"id": app.place.pk, "name": app.place.name}]
    assert [a["reference"] for a in data["applications"]] == [app.reference]
    assert data["applications"][0]["created_by_this_person"] is True
    assert {letter["kind"] for letter in data["letters"]} >= {"receipt", "grant", "settlement"}
    assert all("bestuur@example.org" in letter["sent_to"] for letter in data["letters"])
    [document] = data["documents_uploaded"]
    assert document["file_name"] == "begroting.pdf"
    assert document["sha256"] == hashlib.sha256(PDF).hexdigest()
    actions = {e["action"] for e in data["audit_events_by_this_person"]}
    assert {"subsidy_document_upload"} <= actions
    assert data["sessions"] == 1
    assert data["login_attempts"][0]["address"] == "192.0.2.7"
    assert data["initiatives"][0]["idea"] == "Een wandelgroep"
    assert data["steps_taken"]


def test_the_export_command_writes_the_file(case, tmp_path):
    out = tmp_path / "inzage.json"
    stdout = StringIO()
    call_command("gdpr_export", "--user", "bestuur", "--output", str(out), stdout=stdout)
    assert json.loads(out.read_text(encoding="utf-8"))["account"]["username"] == "bestuur"
    assert "1 aanvragen" in stdout.getvalue()


def test_erasure_pseudonymises_and_keeps_decisions_letters_ledger_and_trail(case):
    board, app, _who = case
    admin = UserFactory(username="beheer", role=Role.ADMINISTRATOR)
    decisions = list(Decision.objects.filter(application=app).values())
    letters = list(Letter.objects.filter(application=app).values("pk", "kind", "subject", "body"))
    events = AuditEvent.objects.count()
    report = personal_data_erase(user=board, by=admin)

    board.refresh_from_db()
    pseudonym = pseudonym_for(board)
    assert report.pseudonym == pseudonym == board.username
    assert (board.first_name, board.last_name, board.email, board.is_active) == ("", "", "", False)
    assert not board.has_usable_password()
    assert report.sessions_removed == 1
    assert not ApiToken.objects.filter(user=board).exists()
    assert not LoginAttempt.objects.filter(username="bestuur").exists()
    assert list(Decision.objects.filter(application=app).values()) == decisions
    assert list(Letter.objects.filter(application=app).values("pk", "kind", "subject", "body")) == letters
    assert ledger_differences() == []
    assert AuditEvent.objects.count() == events + 1
    assert not AuditEvent.objects.filter(actor=board).exclude(actor_name=pseudonym).exists()
    erased = AuditEvent.objects.get(action="personal_data_erase")
    assert erased.actor == admin
    assert "bestuur" not in json.dumps(erased.changes)
    # The free text that names them stays, and is listed for review.
    assert any(r["object"] == "subsidies.letter" for r in report.review)
    assert any(r["object"] == "finder.initiativerequest" for r in report.review)
    assert InitiativeRequest.objects.get().contact == "bestuur@example.org"


def test_a_second_erasure_changes_nothing(case):
    board, _app, _who = case
    personal_data_erase(user=board, by=None)
    events = AuditEvent.objects.count()
    board.refresh_from_db()
    again = personal_data_erase(user=board, by=None)
    assert again.already_erased
    assert AuditEvent.objects.count() == events


def test_staff_accounts_are_refused_unless_included(case):
    _board, _app, who = case
    officer = who["officer"]
    with pytest.raises(ValidationError, match="medewerker"):
        personal_data_erase(user=officer, by=None)
    assert get_user_model().objects.get(pk=officer.pk).username == "behandelaar"
    report = personal_data_erase(user=officer, include_staff=True, by=None)
    officer.refresh_from_db()
    assert officer.username == report.pseudonym
    assert ledger_differences() == []


def test_the_erase_command_asks_for_yes_and_refuses_staff_in_dutch(case):
    stdout = StringIO()
    call_command("gdpr_erase", "--user", "bestuur", stdout=stdout)
    assert "Geef --yes" in stdout.getvalue()
    assert get_user_model().objects.filter(username="bestuur").exists()
    with pytest.raises(Exception, match="--include-staff"):
        call_command("gdpr_erase", "--user", "behandelaar", "--yes", stdout=StringIO())
    call_command("gdpr_erase", "--user", "bestuur", "--yes", stdout=stdout)
    assert "Gewist" in stdout.getvalue()
    pseudonym = get_user_model().objects.get(email="", role=Role.BOARD_MEMBER, is_active=False).username
    again = StringIO()
    call_command("gdpr_erase", "--user", pseudonym, "--yes", stdout=again)
    assert "al gewist" in again.getvalue()
