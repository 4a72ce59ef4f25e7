"""The import form in a real browser: the template downloads, a file with a bad row, then a good one with its
progress, all accessible (axe-core)."""

from __future__ import annotations

from pathlib import Path

from ontmoet.accounts.roles import Role

HEADER = "naam;type;straat;huisnummer;postcode;plaats;breedtegraad;lengtegraad;buurtcode\n"


def test_officer_downloads_the_template_fixes_a_bad_row_and_imports(page, login, tmp_path, assert_accessible):
    login(page, Role.POLICY_OFFICER)
    page.goto("/register/import")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="sjabloon als Excel (XLSX)").click()
    assert download.value.suggested_filename == "sjabloon-ontmoetingsplekken.xlsx"
    with page.expect_download() as download:
        page.get_by_role("link", name="sjabloon als CSV").click()
    template = Path(download.value.path()).read_bytes()
    assert template.startswith("\ufeffnaam;typecode;type;".encode())

    bad = tmp_path / "plekken.csv"
    rows = "".join(f"Plek {i};Huiskamer;Straat;{i + 1};;Maastricht;;;BU09350602\n" for i in range(5_500))
    bad.write_text(HEADER + rows + 'Buurthuis "De Brug";zwembad;Straat;1;;Maastricht;;;BU09350602\n',
                   encoding="cp1252")
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(bad))
    page.get_by_role("button", name="Importeren").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "Niets opgeslagen: 1 probleem gevonden." in alert.inner_text()
    problems = page.get_by_role("table", name="Problemen per rij").inner_text()
    assert "5502" in problems and "type" in problems and "zwembad" in problems
    assert_accessible(page)

    good = tmp_path / "goed.csv"
    good.write_text(HEADER + rows + 'Buurthuis "De Brug";Ontmoetingscentrum;Straat;1;;Maastricht;;;BU09350602\n',
                    encoding="cp1252")
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(good))
    page.get_by_role("button", name="Importeren").click()
    page.get_by_text("5.501 plekken geïmporteerd.").wait_for(timeout=60_000)
    status = page.locator(".ontmoet-import-progress")
    assert status.locator(".ontmoet-import-step").count() == 4  # checked 5.000, checked 5.501, saving, done
    assert status.locator(".ontmoet-import-step:visible").count() == 1  # only the latest step shows
    assert "Klaar." in status.inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Naar het register", exact=True).click()
    page.wait_for_url("**/register/")
    page.goto("/register/?search=De+Brug")
    page.get_by_role("link", name='Buurthuis "De Brug"').wait_for()
