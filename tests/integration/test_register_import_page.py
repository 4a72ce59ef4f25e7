"""The import page: the template downloads, a streamed check with progress, the officer as the actor, and no
500 for any file (B2), in either interface language (A14)."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from ontmoet.accounts.roles import Role
from ontmoet.core.models import AuditEvent
from ontmoet.places.exporting import export_csv
from ontmoet.places.models import MeetingPlace
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db

HEADER = "naam;type;straat;huisnummer;postcode;plaats;breedtegraad;lengtegraad;buurtcode\n"
ROW = "Huiskamer Heer;Huiskamer;Straat;1;;Maastricht;;;BU09350602\n"


@pytest.fixture
def officer_client(client, user_with_role):
    officer = user_with_role(Role.POLICY_OFFICER, username="beleid")
    client.force_login(officer)
    return client


def post(client, content: bytes, name: str = "plekken.csv", **data) -> tuple[int, str]:
    response = client.post(reverse("places:import"), {"file": SimpleUploadedFile(name, content), **data})
    if response.streaming:
        return response.status_code, b"".join(response.streaming_content).decode()
    return response.status_code, response.content.decode()


def test_the_page_offers_the_template_as_xlsx_and_csv(officer_client):
    page = officer_client.get(reverse("places:import")).content.decode()
    assert reverse("places:import_template_xlsx") in page and reverse("places:import_template_csv") in page
    csv_file = officer_client.get(reverse("places:import_template_csv"))
    assert csv_file["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_file.content.startswith("\ufeffnaam;typecode;type;straat;huisnummer;".encode())
    xlsx = officer_client.get(reverse("places:import_template_xlsx"))
    assert 'filename="sjabloon-ontmoetingsplekken.xlsx"' in xlsx["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]][:3] == ["naam", "typecode", "type"]


def test_an_import_streams_its_progress_and_is_audited_with_the_officer(officer_client):
    rows = "".join(f"Plek {i};huiskamer;Straat;{i + 1};;Maastricht;;;BU09350602\n" for i in range(6_000))
    status, html = post(officer_client, (HEADER + rows).encode())
    assert status == 200
    phases = [line.split('data-phase="')[1].split('"')[0] for line in html.splitlines() if "data-phase=" in line]
    assert phases == ["checking", "checking", "saving", "done"]  # after 5,000 and 6,000 rows
    assert "Gecontroleerd: 5.000 van 6.000 rijen" in html
    assert "6.000 plekken geïmporteerd." in html or "6000 plekken geïmporteerd." in html
    assert MeetingPlace.objects.count() == 6_000
    actors = set(AuditEvent.objects.values_list("actor__username", "actor_name"))
    assert actors == {("beleid", "beleid")}  # not "systeem"


def test_a_dry_run_on_the_page_checks_and_writes_nothing(officer_client):
    status, html = post(officer_client, (HEADER + ROW).encode(), dry_run="on")
    assert status == 200
    assert "Gecontroleerd: 1 rij is in orde (niets opgeslagen)." in html
    assert MeetingPlace.objects.count() == 0


@pytest.mark.parametrize(("content", "message"), [
    ((HEADER + "A;huiskamer;S;1;;Maastricht;;;BU09350602;extra\n").encode(), "deze rij heeft 10 cellen"),
    ((HEADER + "A;huiskamer;S;1;;Maastricht;;;" + "x" * 140_000 + "\n").encode(), "langer dan 131.072 tekens"),
    ((HEADER + 'A;huiskamer;"S"x;1;;Maastricht;;;BU09350602\n').encode(), "kan niet als CSV worden gelezen"),
    ((HEADER + "A\x00B;huiskamer;S;1;;Maastricht;;;BU09350602\n").encode(), "U+0000"),
    (b"\xff\xfe\x00\xd8A\x00", "geen tekst in UTF-8"),  # UTF-16 BOM, then a lone surrogate
    (b"", "leeg"),
    (b"PK\x03\x04 geen echte werkmap", "XLSX-bestand kan niet worden gelezen"),
])
def test_a_broken_file_is_a_message_on_the_page_never_a_500(officer_client, content, message):
    name = "kapot.xlsx" if content.startswith(b"PK") else "kapot.csv"
    status, html = post(officer_client, content, name)
    assert status == 200
    assert message in html
    assert MeetingPlace.objects.count() == 0


def test_the_apps_own_export_imports_through_the_page(officer_client):
    PlaceFactory(name='Buurthuis "De Brug", zaal 1', type="meeting_centre")
    PlaceFactory(name='=HYPERLINK("http://example.org","klik")', type="living_room")
    content = export_csv(MeetingPlace.objects.with_type().select_related("neighbourhood__district"))
    MeetingPlace.objects.all().delete()
    status, html = post(officer_client, content, "export.csv")
    assert status == 200 and "2 plekken geïmporteerd." in html
    assert set(MeetingPlace.objects.values_list("name", flat=True)) == {
        'Buurthuis "De Brug", zaal 1', '=HYPERLINK("http://example.org","klik")'}


def test_the_result_is_the_same_with_english_chosen(officer_client):
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    content = (HEADER + "OC Heer;Ontmoetingscentrum;Straat;1;;Maastricht;;;BU09350602\n").encode()
    status, html = post(officer_client, content)
    assert status == 200
    assert "1 place imported." in html
    assert MeetingPlace.objects.with_type().get().type == "meeting_centre"


@override_settings(IMPORT_MAX_BYTES=1024 * 1024)
def test_a_file_over_the_limit_is_refused_on_the_form_with_the_limit(officer_client):
    status, html = post(officer_client, HEADER.encode() + b" " * (1024 * 1024 + 1))
    assert status == 200
    assert "groter dan 1 MB" in html
    assert 'name="file"' in html  # the form is shown again
