"""Import is all-or-nothing with a report per row; export round-trips through import."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook

from ontmoet.core.models import AuditEvent
from ontmoet.places.exporting import export_csv, export_xlsx
from ontmoet.places.models import MeetingPlace

pytestmark = pytest.mark.django_db

HEADER = "name,type,street,house_number,postcode,city,latitude,longitude,neighbourhood_code,step_free_entrance\n"
GOOD_ROWS = [
    # Amby (the Amyerhoof marker), Malberg's label point, and a place given by buurt code without coordinates.
    "Huiskamer Amby,huiskamer,Severenplein,27,6225 AZ,Maastricht,50.864300,5.731435,,ja\n",
    "OC Malberg,Ontmoetingscentrum,Voorbeeldstraat,1,6228AB,Maastricht,50.86169,5.65287,,nee\n",
    "Restaurant Heer,social_restaurant,Voorbeeldstraat,2,,Maastricht,,,BU09350602,\n",
]


def write(tmp_path: Path, rows: list[str], name: str = "plekken.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_good_file_imports_every_row_and_derives_each_buurt(tmp_path):
    out = io.StringIO()
    call_command("import_places", str(write(tmp_path, GOOD_ROWS)), stdout=out)
    assert "3 plekken geïmporteerd" in out.getvalue()
    places = {p.name: p for p in MeetingPlace.objects.with_type().select_related("neighbourhood")}
    assert places["Huiskamer Amby"].neighbourhood.code == "BU09350406"
    assert places["OC Malberg"].neighbourhood.code == "BU09350207"
    assert places["Restaurant Heer"].neighbourhood.code == "BU09350602"
    assert places["OC Malberg"].type == "meeting_centre"
    assert places["OC Malberg"].postcode == "6228 AB"
    assert places["Huiskamer Amby"].step_free_entrance is True


@pytest.mark.parametrize(
    ("bad_row", "column"),
    [
        ("Kapot,zwembad,Straat,1,6211 AA,Maastricht,50.85,5.69,,\n", "type"),
        ("Kapot,huiskamer,Straat,1,6211 AA,Maastricht,noord,5.69,,\n", "latitude"),
        ("Kapot,huiskamer,Straat,1,6211 AA,Maastricht,52.37,4.89,,\n", "latitude"),          # Amsterdam
        ("Kapot,huiskamer,Straat,1,ABCD 12,Maastricht,50.85,5.69,,\n", "postcode"),
        ("Kapot,huiskamer,Straat,1,6211 AA,Maastricht,50.85,5.69,BU99999999,\n", "neighbourhood_code"),
        (",huiskamer,Straat,1,6211 AA,Maastricht,50.85,5.69,,\n", "name"),
        ("Kapot,huiskamer,Straat,1,6211 AA,Maastricht,50.85,5.69,,misschien\n", "step_free_entrance"),
    ],
)
def test_one_bad_row_among_good_ones_writes_nothing_and_names_the_row(tmp_path, bad_row, column):
    path = write(tmp_path, [GOOD_ROWS[0], bad_row, GOOD_ROWS[1]])
    places_before, audit_before = MeetingPlace.objects.count(), AuditEvent.objects.count()
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_places", str(path), stderr=err)
    assert caught.value.returncode == 1
    assert f"rij 3, kolom {column}:" in err.getvalue()  # header is row 1, so the bad row is row 3
    assert MeetingPlace.objects.count() == places_before
    assert AuditEvent.objects.count() == audit_before


def test_dry_run_checks_and_writes_nothing(tmp_path):
    out = io.StringIO()
    call_command("import_places", str(write(tmp_path, GOOD_ROWS)), "--dry-run", stdout=out)
    assert "gecontroleerd" in out.getvalue()
    assert MeetingPlace.objects.count() == 0


def test_missing_column_is_reported_for_the_file(tmp_path):
    path = tmp_path / "kaal.csv"
    path.write_text("name,type\nX,huiskamer\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Verplichte kolommen ontbreken: street"):
        call_command("import_places", str(path))


def test_xlsx_import_with_semicolon_free_columns(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["Huiskamer XLSX", "living_room", "Straat", "3", "6225 AZ", "Maastricht", 50.8643, 5.731435, "", "ja"])
    path = tmp_path / "plekken.xlsx"
    workbook.save(path)
    call_command("import_places", str(path), stdout=io.StringIO())
    assert MeetingPlace.objects.get(name="Huiskamer XLSX").neighbourhood.code == "BU09350406"


def test_semicolon_csv_with_bom_as_saved_by_dutch_excel(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(("\ufeff" + HEADER.replace(",", ";") + GOOD_ROWS[0].replace(",", ";")).encode("utf-8"))
    call_command("import_places", str(path), stdout=io.StringIO())
    assert MeetingPlace.objects.filter(name="Huiskamer Amby").exists()


def test_export_round_trips_through_import(tmp_path):
    call_command("import_places", str(write(tmp_path, GOOD_ROWS)), stdout=io.StringIO())
    places = MeetingPlace.objects.with_type().select_related("neighbourhood__district")
    exported = export_csv(places).decode("utf-8-sig")
    assert exported.splitlines()[0].startswith("id,name,type,type_label")
    # Keep the columns the import reads, import again under new names: same buurten come out.
    import csv

    rows = list(csv.DictReader(io.StringIO(exported)))
    keep = HEADER.strip().split(",")
    again = tmp_path / "again.csv"
    with again.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=keep, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "name": row["name"] + " (kopie)"})
    call_command("import_places", str(again), stdout=io.StringIO())
    for row in rows:
        copy = MeetingPlace.objects.get(name=row["name"] + " (kopie)")
        assert copy.neighbourhood.code == row["neighbourhood_code"]

    sheet = load_workbook(io.BytesIO(export_xlsx(places))).active
    assert sheet.max_row == 4 and sheet["B1"].value == "name"


def test_cli_export_writes_xlsx(tmp_path):
    call_command("import_places", str(write(tmp_path, GOOD_ROWS)), stdout=io.StringIO())
    out = tmp_path / "register.xlsx"
    call_command("export_places", "--format", "xlsx", "--out", str(out), stdout=io.StringIO())
    assert load_workbook(out).active.max_row == 4
