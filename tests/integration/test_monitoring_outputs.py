"""The monitoring's outputs: the council report PDF (pdftotext finds the names and values), the CLI commands
run as a user runs them, the API, the dashboards and the open data."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.activities.tallies import recount_range
from ontmoet.monitoring import services
from ontmoet.monitoring.report import report_pdf
from tests.factories import PlaceFactory
from tests.factories_activities import ActivityFactory
from tests.integration.test_cli_subprocess import ONTMOET, ontmoet
from tests.integration.test_monitoring_indicators import SURVEY
from tests.keys import TEST_SECRET_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures():
    place = PlaceFactory(name="Demohuis Monitor", type="meeting_centre", since=dt.date(2020, 1, 1))
    for day, who in ((1, "residents"), (2, "board"), (3, "board"), (4, "board")):
        ActivityFactory(place=place, date=dt.date(2026, 2, day), initiated_by=who, organised_by=who,
                        participants=10)
    recount_range(None, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    services.survey_import(content=SURVEY.encode(), filename="p.csv", source="Buurtpeiling", by=None)
    return place


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_council_report_pdf_names_the_indicators_and_their_values(figures, tmp_path):
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(report_pdf(2026))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("Raadsrapportage sociale ontmoetingsplekken 2026", "Maastrichtenaren met voldoende contacten",
                  "87,5%", "85,0%", "Activiteiten van bewoners in ontmoetingscentra", "25,0%",
                  "Subsidieregeling OC/HvdW gepubliceerd", "nog geen gegevens",
                  "Budget, verplichtingen en realisatie per bouwsteen", "4 gehouden activiteiten"):
        assert words in " ".join(text.split()), words


def test_dashboards_and_open_data(client, user_with_role, figures):
    client.force_login(user_with_role(Role.POLICY_OFFICER))
    page = client.get("/monitoring/?jaar=2026").content.decode()
    assert "Demohuis Monitor" in page and "25,0%" in page and "<svg" in page
    assert "Buurtpeiling" in page  # the survey per buurt
    client.logout()
    public = client.get("/monitoring/openbaar?jaar=2026").content.decode()
    assert "87,5%" in public and "Demohuis Monitor" not in public
    data = json.loads(client.get("/monitoring/open-data/indicatoren.json?jaar=2026").content)
    assert {i["key"]: i["value"] for i in data["indicators"]}["resident_initiated_activities"] == 0.25
    csv_text = client.get("/monitoring/open-data/register.csv").content.decode("utf-8-sig")
    assert "Demohuis Monitor" in csv_text and "board" not in csv_text.split("\n")[0]


def test_api_indicators(api_client, figures):
    response = api_client.get("/api/v1/indicators?year=2026")
    assert response.status_code == 200
    body = response.json()
    item = {i["key"]: i for i in body["indicators"]}["enough_contacts"]
    assert body["year"] == 2026 and item["value"] == 0.875 and item["target"] == 0.85
    assert item["targetYear"] == 2030 and item["status"] == "achieved" and item["locked"] is False
    assert api_client.get("/api/v1/indicators?year=abc").status_code == 400


@pytest.fixture
def api_client(user_with_role):
    from rest_framework.test import APIClient

    from ontmoet.accounts.services import token_issue

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=user_with_role(Role.DATA_ANALYST), by=None)}")
    return client


def test_survey_indicators_and_report_cli(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": TEST_SECRET_KEY,
           "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}", "ONTMOET_VAR_DIR": str(tmp_path)}
    assert subprocess.run([str(ONTMOET), "migrate", "--no-input", "-v0"], env=env, check=False).returncode == 0
    survey = tmp_path / "peiling.csv"
    survey.write_text(SURVEY)
    imported = ontmoet(env, "import_survey", str(survey), "--source", "Buurtpeiling 2026")
    assert imported.returncode == 0, imported.stderr
    assert "3 buurtresultaten geïmporteerd voor 2024, 2026" in imported.stdout
    shown = ontmoet(env, "indicators", "--year", "2026", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    item = {i["key"]: i for i in data["indicators"]}["enough_contacts"]
    assert (data["year"], item["value"], item["status"], item["locked"]) == (2026, 0.875, "achieved", False)
    assert {i["key"]: i for i in data["indicators"]}["resident_initiated_activities"]["value"] is None
    out = tmp_path / "rapport.pdf"
    made = ontmoet(env, "report", "--year", "2026", "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert out.read_bytes().startswith(b"%PDF")
