"""How a date was reached (issue 9 point 3): the application page and the letters that state a term print the
reasons of the terms module. Expected dates are worked out by hand from the calendar."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from django.urls import reverse

from ontmoet.subsidies import services
from ontmoet.subsidies.letters import pdf_for
from tests import factories_subsidies as fs

pytestmark = pytest.mark.django_db

# Received on Tuesday 10 March 2026; eight weeks later is Tuesday 5 May 2026, Bevrijdingsdag, a holiday under the
# Atw every year (art. 3 lid 1), not only every fifth year. The term runs on to Wednesday 6 May 2026 (art. 1).
RECEIVED = dt.datetime(2026, 3, 10, 10, tzinfo=dt.UTC)
FIFTH_OF_MAY_NL = "5 mei is een feestdag volgens de Algemene termijnenwet"


@pytest.fixture
def who():
    return fs.users()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_a_deadline_past_5_may_shows_why_on_the_page_for_officer_and_board(client, who, time_machine):
    time_machine.move_to(RECEIVED)
    app = fs.application("submitted", who=who)
    assert app.decision_due == dt.date(2026, 5, 6)
    for user in (who["officer"], who["board"]):
        client.force_login(user)
        page = _flat(client.get(reverse("subsidies:detail", args=[app.pk])).content.decode())
        assert FIFTH_OF_MAY_NL in page
        assert "Zo is deze datum berekend" in page


def test_the_page_gives_the_reasons_in_english_for_an_english_interface(client, who, time_machine, settings):
    time_machine.move_to(RECEIVED)
    app = fs.application("submitted", who=who)
    client.force_login(who["officer"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = _flat(client.get(reverse("subsidies:detail", args=[app.pk])).content.decode())
    assert "5 May is a public holiday under the General Time Limits Act" in page
    assert FIFTH_OF_MAY_NL not in page


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_receipt_letter_pdf_says_why_the_decision_date_moved(who, time_machine, settings, tmp_path):
    settings.SUBSIDY_LETTER_DIR = tmp_path
    time_machine.move_to(RECEIVED)
    app = fs.application("submitted", who=who)
    letter = app.letters.get(kind="receipt")
    text = _flat(subprocess.run(["pdftotext", str(pdf_for(letter)), "-"], capture_output=True, text=True,
                                check=True).stdout)
    assert "uiterlijk op 6 mei 2026" in text
    assert FIFTH_OF_MAY_NL in text
    assert "De termijn eindigt op woensdag 6 mei 2026." in text


def test_the_supplement_request_and_the_decision_letters_state_how_their_terms_were_reached(who, time_machine):
    # Asked on Monday 23 March 2026: 14 days later is Monday 6 April 2026, tweede Paasdag (Easter is 5 April 2026),
    # so the term to supplement runs on to Tuesday 7 April 2026 (Atw art. 1).
    time_machine.move_to(dt.datetime(2026, 3, 23, 10, tzinfo=dt.UTC))
    app = fs.application("incomplete", who=who)
    assert app.supplement_due == dt.date(2026, 4, 7)
    body = _flat(app.letters.get(kind="supplement_request").body)
    assert "6 april is een feestdag volgens de Algemene termijnenwet" in body and "7 april 2026" in body
    # Supplemented the same day: no day suspended. Decided on Thursday 26 March 2026: six weeks later is Thursday
    # 7 May 2026, a working day (2026's decree days are 2 January and 15 May), so the objection term is not moved.
    services.application_supplement(application=app, by=who["board"])
    time_machine.move_to(dt.datetime(2026, 3, 26, 10, tzinfo=dt.UTC))
    app.refresh_from_db()
    services.application_complete(application=app, by=who["officer"])
    services.application_advise(application=app, advice="refuse", motivation="Past niet", by=who["officer"])
    services.application_decide(application=app, decision="refuse", by=who["officer2"])
    app.refresh_from_db()
    assert app.objection_due == dt.date(2026, 5, 7)
    refusal = _flat(app.letters.get(kind="refusal").body)
    assert "De bezwaartermijn van 6 weken begint op de dag na de bekendmaking van het besluit" in refusal
    assert "De termijn eindigt op donderdag 7 mei 2026." in refusal


def test_the_postponement_letter_states_how_the_new_date_was_reached(who, time_machine):
    # Received Tuesday 10 March 2026 (decision term to Tuesday 5 May, moved to Wednesday 6 May); postponed by four
    # weeks: 5 May + 4 weeks = Tuesday 2 June 2026, a working day (tweede Pinksterdag is Monday 25 May). The Atw
    # is applied after the postponement is added, so 5 May no longer moves anything.
    time_machine.move_to(RECEIVED)
    app = fs.application("advised", who=who)
    services.application_postpone(application=app, weeks=4, reason="advies nodig", by=who["officer"])
    app.refresh_from_db()
    assert app.decision_due == dt.date(2026, 6, 2)
    body = _flat(app.letters.get(kind="postponement").body)
    assert "De beslissing is verdaagd met 4 weken (art. 4:14 Awb): tot dinsdag 2 juni 2026." in body
    assert FIFTH_OF_MAY_NL not in body
