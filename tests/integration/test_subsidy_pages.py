"""The subsidy pages: four eyes refused with 403 on the page, the board's own applications only, uploads sniffed
and size-limited, the queue's flags, the letter preview and the PDFs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ontmoet.subsidies.models import Application, Document
from tests import factories_subsidies as fs
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def who():
    return fs.users()


def test_four_eyes_is_refused_with_403_on_the_page(client, who):
    app = fs.application("advised", who=who)
    client.force_login(who["officer"])
    response = client.post(reverse("subsidies:step", args=[app.pk, "decide"]), {"decide-decision": "grant"})
    assert response.status_code == 403
    assert Application.objects.get(pk=app.pk).state == "advised"
    client.force_login(who["officer2"])
    response = client.post(reverse("subsidies:step", args=[app.pk, "decide"]), {"decide-decision": "grant"})
    assert response.status_code == 302
    assert Application.objects.get(pk=app.pk).state == "granted"


def test_a_step_the_state_does_not_allow_is_explained(client, who):
    app = fs.application("draft", who=who)
    client.force_login(who["officer"])
    page = client.post(reverse("subsidies:step", args=[app.pk, "complete"]), follow=True).content.decode()
    assert "Deze stap kan niet bij een aanvraag met de status" in page


def test_a_board_member_sees_only_their_own_applications(client, who):
    own = fs.application("draft", who=who)
    other = fs.application("draft")
    stranger = UserFactory(username="vreemd-bestuur", role="board_member")
    other.place.board_accounts.remove(*other.place.board_accounts.all())
    other.place.board_accounts.add(stranger)
    client.force_login(who["board"])
    listed = client.get(reverse("subsidies:index")).content.decode()
    assert own.reference in listed and other.reference not in listed
    assert client.get(reverse("subsidies:detail", args=[other.pk])).status_code == 404
    assert client.post(reverse("subsidies:step", args=[other.pk, "submit"])).status_code == 404


def test_uploads_are_sniffed_and_stored_outside_the_web_root(client, who, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.SUBSIDY_UPLOAD_DIR = tmp_path
    app = fs.application("draft", who=who)
    client.force_login(who["board"])
    fake = SimpleUploadedFile("begroting.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    page = client.post(reverse("subsidies:upload", args=[app.pk]), {"kind": "begroting", "file": fake},
                       follow=True).content.decode()
    assert "Alleen PDF" in page and not Document.objects.exists()
    real = SimpleUploadedFile("../../begroting.pdf", fs.PDF, content_type="text/plain")
    client.post(reverse("subsidies:upload", args=[app.pk]), {"kind": "begroting", "file": real})
    document = Document.objects.get()
    assert (document.content_type, document.file_name) == ("application/pdf", "begroting.pdf")
    assert (tmp_path / document.storage_path).read_bytes() == fs.PDF


def test_uploads_over_the_limit_are_refused(client, who, settings, tmp_path, plan_with):
    import dataclasses

    from tests.plans import SEED_PLAN

    settings.SUBSIDY_UPLOAD_DIR = tmp_path
    plan_with(subsidies={"max_upload_bytes": 10, "schemes": SEED_PLAN.subsidies.schemes,
                         "objection_term_weeks": 6, "reminder_days": 7})
    assert dataclasses.is_dataclass(SEED_PLAN.subsidies)
    from django.core.files.uploadedfile import SimpleUploadedFile

    app = fs.application("draft", who=who)
    client.force_login(who["board"])
    page = client.post(reverse("subsidies:upload", args=[app.pk]), {
        "kind": "begroting", "file": SimpleUploadedFile("b.pdf", fs.PDF)}, follow=True).content.decode()
    assert "groter dan" in page and not Document.objects.exists()


def test_the_queue_flags_terms_within_a_week_and_overdue(client, who):
    soon = fs.application("submitted", who=who)
    late = fs.application("submitted", who=who)
    today = timezone.localdate()
    Application.objects.filter(pk=soon.pk).update(decision_due=today + dt.timedelta(days=3))
    Application.objects.filter(pk=late.pk).update(decision_due=today - dt.timedelta(days=2))
    client.force_login(who["officer"])
    page = client.get(reverse("subsidies:index")).content.decode()
    assert "nog 3 dagen" in page and "2 dagen verstreken" in page
    overdue = client.get(reverse("subsidies:index"), {"termijn": "overdue"}).content.decode()
    assert late.reference in overdue and soon.reference not in overdue


def test_the_letter_preview_before_the_decision_and_the_pdf_after(client, who, settings, tmp_path):
    settings.SUBSIDY_LETTER_DIR = tmp_path
    app = fs.application("advised", who=who)
    client.force_login(who["officer2"])
    preview = client.get(reverse("subsidies:preview", args=[app.pk])).content.decode()
    assert "Besluit: verlening van subsidie" in preview and "Bezwaar maken" in preview
    assert not app.letters.filter(kind="grant").exists()
    client.post(reverse("subsidies:step", args=[app.pk, "decide"]), {"decide-decision": "grant"})
    letter = app.letters.get(kind="grant")
    response = client.get(reverse("subsidies:letter", args=[letter.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_scheme_publication_page_and_pdf(client, who):
    from ontmoet.subsidies import services

    services.schemes_from_plan(by=None)
    from ontmoet.subsidies.models import Scheme

    scheme = Scheme.objects.get(key="ogh_inventaris")
    client.force_login(UserFactory(username="beleid-pub", role="policy_officer"))
    page = client.get(reverse("subsidies:scheme", args=[scheme.pk])).content.decode()
    assert "Rangschikking op het peilmoment" in page and "05-01" in page
    client.post(reverse("subsidies:scheme_publish", args=[scheme.pk]), {"channel": "Gemeenteblad"})
    assert Scheme.objects.get(pk=scheme.pk).published_on is not None
    assert client.get(reverse("subsidies:scheme_pdf", args=[scheme.pk])).content.startswith(b"%PDF-")


def test_the_queue_is_paged_keeping_the_filters(client, who):
    """Fifty a page, the first term to pass first; the page links keep the filters."""
    from django.utils import timezone

    from ontmoet.subsidies.views import QUEUE_PAGE_SIZE
    from tests.factories import PlaceFactory

    scheme = fs.scheme(key="paged")
    first = fs.application("submitted", of=scheme, who=who)
    year = first.scheme_year
    today = timezone.localdate()
    place = PlaceFactory()
    Application.objects.bulk_create([
        Application(scheme=scheme, scheme_year=year, place=place, year=year.year, state="submitted",
                    amount_requested=1000, received_on=today, decision_due=today + dt.timedelta(days=10 + i))
        for i in range(QUEUE_PAGE_SIZE + 5)])
    Application.objects.filter(pk=first.pk).update(decision_due=today + dt.timedelta(days=1))
    client.force_login(who["officer"])
    page = client.get(reverse("subsidies:index"), {"regeling": scheme.pk}).content.decode()
    assert first.reference in page  # its term passes first
    assert f"Aanvraag 1–{QUEUE_PAGE_SIZE} van {QUEUE_PAGE_SIZE + 6}." in page
    assert f'href="?regeling={scheme.pk}&amp;page=2"' in page
    second = client.get(reverse("subsidies:index"), {"regeling": scheme.pk, "page": "2"}).content.decode()
    assert f"Aanvraag {QUEUE_PAGE_SIZE + 1}–{QUEUE_PAGE_SIZE + 6} van {QUEUE_PAGE_SIZE + 6}." in second
    assert first.reference not in second
    # A page out of range, or not a number, is the last or the first page, not an error; a NUL byte is refused
    # as everywhere (400), never a 500.
    assert client.get(reverse("subsidies:index"), {"page": "999"}).status_code == 200
    assert client.get(reverse("subsidies:index"), {"page": "x"}).status_code == 200
    assert client.get(reverse("subsidies:index"), {"page": "x\x00"}).status_code == 400
