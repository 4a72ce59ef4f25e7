"""The subsidy journey in a real browser (issue 9, acceptance): a board member applies and submits, an officer
asks for a supplement, the board supplements, the officer advises, another officer previews and grants; the grant
letter PDF carries the motivation and the remedy (read back with pdftotext), the ledger shows the commitment and
the board member sees it in the portal. axe-core on every page."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal

import pytest

from ontmoet.accounts.roles import Role
from tests.e2e.conftest import PASSWORD, log_in
from tests.factories import PlaceFactory, UserFactory


def _session(browser, live_server, username: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, username, PASSWORD)
    return page


def _step(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name=name).click()
    page.get_by_text("De stap is gezet").wait_for()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_apply_supplement_advise_preview_grant_and_read_the_letter(browser, live_server, transactional_db,
                                                                   assert_accessible, tmp_path, settings):
    from ontmoet.finance.models import LedgerEntry
    from ontmoet.subsidies import services
    from ontmoet.subsidies.models import Application

    settings.SUBSIDY_LETTER_DIR = tmp_path / "letters"
    services.schemes_from_plan(by=None)
    place = PlaceFactory(name="Huiskamer De Zon", type="living_room")
    for username, role in (("e2e-bestuur", Role.BOARD_MEMBER), ("e2e-subsidie", Role.GRANT_OFFICER),
                           ("e2e-subsidie2", Role.GRANT_OFFICER)):
        user = UserFactory(username=username, role=role, password=PASSWORD, email=f"{username}@example.org")
        if role == Role.BOARD_MEMBER:
            place.board_accounts.add(user)

    board = _session(browser, live_server, "e2e-bestuur")
    board.get_by_role("link", name="Subsidies").first.click()
    board.get_by_role("heading", name="Mijn subsidieaanvragen").wait_for()
    assert_accessible(board)
    board.get_by_role("link", name="Nieuwe aanvraag").click()
    board.get_by_label("Regeling").select_option(label="Kracht van de Samenleving")
    board.get_by_label("Plek").select_option(label="Huiskamer De Zon")
    board.get_by_label("Jaar").select_option("2026")
    board.get_by_label("Gevraagd bedrag (€)").fill("12.500")
    board.get_by_label("Toelichting").fill("Wekelijkse huiskamer en een maaltijd")
    assert_accessible(board)
    board.get_by_role("button", name="Concept opslaan").click()
    board.get_by_text("De aanvraag is als concept opgeslagen.").wait_for()
    _step(board, "Indienen")
    assert "Ingediend" in board.locator("dl").inner_text()
    assert_accessible(board)
    url = board.url

    officer = _session(browser, live_server, "e2e-subsidie")
    officer.get_by_role("link", name="Subsidies").first.click()
    officer.get_by_role("heading", name="Werkvoorraad subsidies").wait_for()
    assert_accessible(officer)
    officer.get_by_role("link", name=re.compile(r"SUB-2026-")).first.click()
    officer.get_by_role("form", name="Om aanvulling vragen").get_by_label("Toelichting").fill("de begroting")
    _step(officer, "Om aanvulling vragen")
    assert_accessible(officer)

    board.goto(url)
    board.get_by_label("Soort stuk").fill("begroting")
    board.get_by_label("Bestand").set_input_files(files=[{
        "name": "begroting.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}])
    board.get_by_role("button", name="Document toevoegen").click()
    board.get_by_text("Het document is toegevoegd.").wait_for()
    board.get_by_role("form", name="Aanvulling insturen").get_by_label("Toelichting").fill("begroting bijgevoegd")
    _step(board, "Aanvulling insturen")

    officer.goto(url)
    _step(officer, "Volledig: beoordelen")
    advice = officer.get_by_role("form", name="Advies uitbrengen")
    advice.get_by_label("Advies").select_option("grant")
    advice.get_by_label("Bedrag (€)").fill("12.500")
    advice.get_by_label("Toelichting").fill("Past binnen het afwegingskader")
    _step(officer, "Advies uitbrengen")
    assert_accessible(officer)

    other = _session(browser, live_server, "e2e-subsidie2")
    other.goto(url)
    other.get_by_role("link", name="Voorbeeld van de besluitbrief").click()
    other.get_by_role("heading", name="Voorbeeld van de besluitbrief").wait_for()
    assert "Bezwaar maken" in other.content()
    assert_accessible(other)
    other.goto(url)
    other.get_by_role("form", name="Besluiten").get_by_label("Besluit").select_option("grant")
    _step(other, "Besluiten")
    assert "Verleend" in other.locator("dl").inner_text()
    assert_accessible(other)

    application = Application.objects.get()
    assert application.amount_granted == Decimal(12_500)
    assert LedgerEntry.objects.filter(kind="commitment", block="B4", amount=Decimal(12_500)).exists()

    board.goto(url)
    href = board.get_by_role("link", name="Verleningsbeschikking").get_attribute("href")
    response = board.request.get(href or "")
    assert response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "verlening.pdf"
    pdf.write_bytes(response.body())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "verlenen u voor 2026 een subsidie van € 12.500" in flat, flat[:1500]
    assert "Motivering" in text and "Advies: Past binnen het afwegingskader" in " ".join(text.split())
    assert "Bezwaar maken" in text and "zes weken" in text
    assert "e2e-subsidie2" in text and "e2e-subsidie" in text  # both names: decision and advice
    board.get_by_role("link", name="Subsidies").first.click()
    assert "€ 12.500" in board.get_by_role("table").inner_text()
    assert_accessible(board)


def test_officer_filters_the_queue_and_a_policy_officer_publishes_a_scheme(page, login, assert_accessible):
    from django.core import mail

    from ontmoet.subsidies import services
    from ontmoet.subsidies.models import Scheme
    from tests import factories_subsidies as fs

    services.schemes_from_plan(by=None)
    house = PlaceFactory(name="Gemeenschapshuis De Bron", type="community_house")
    house.board_accounts.add(UserFactory(username="bron-bestuur", role=Role.BOARD_MEMBER, email="bron@example.org"))
    submitted = fs.application("submitted")
    fs.application("draft")
    login(page, Role.GRANT_OFFICER, username="e2e-filter")
    page.goto("/subsidies/")
    page.get_by_label("Status").select_option("submitted")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(lambda url: "status=submitted" in url)
    rows = page.get_by_role("table").locator("tbody tr")
    assert rows.count() == 1 and submitted.reference in rows.inner_text()
    assert_accessible(page)

    login(page, Role.POLICY_OFFICER, username="e2e-beleid")
    scheme = Scheme.objects.get(key="ogh_huurkosten")
    page.goto(f"/subsidies/regelingen/{scheme.pk}")
    assert "Subsidieplafond en verdeelmethode" in page.content()
    assert_accessible(page)
    page.get_by_label("Publicatiekanaal").fill("Gemeenteblad Maastricht")
    page.get_by_role("button", name="Publiceren en besturen informeren").click()
    page.get_by_text("De regeling is gepubliceerd en de besturen zijn geïnformeerd.").wait_for()
    assert Scheme.objects.get(pk=scheme.pk).publication_channel == "Gemeenteblad Maastricht"
    assert any("bron@example.org" in m.to for m in mail.outbox)
