"""The open data validates against the HSDS schemas shipped in ``finder/hsds_schema`` (see its PROVENANCE.md):
every service of the list and every full service with its organization, location, address, accessibility,
phones and schedules, for places with every kind of fact filled in or left empty."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

import ontmoet.finder
from ontmoet.finder.hsds import ident
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db
SCHEMAS = Path(ontmoet.finder.__file__).parent / "hsds_schema"
BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def _validator(name: str) -> Draft202012Validator:
    # The schema files name no JSON Schema draft: read as 2020-12 (their keywords mean the same in every draft).
    resources = [(BASE + p.name, Resource.from_contents(json.loads(p.read_text()), default_specification=DRAFT202012))
                 for p in SCHEMAS.glob("*.json")]
    registry = Registry().with_resources(resources)
    return Draft202012Validator(json.loads((SCHEMAS / f"{name}.json").read_text()), registry=registry,
                                format_checker=FormatChecker())


def _uuids_and_stamps(value, path="$"):
    """Formats the checker only tests with optional packages, checked here: uuids and date-times."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "id" or key.endswith("_id"):
                uuid.UUID(inner)
            if key == "last_modified":
                dt.datetime.fromisoformat(inner)
            _uuids_and_stamps(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            _uuids_and_stamps(item, path)


def test_every_service_validates(client):
    full = PlaceFactory(name="Volledig", description="Koffie en gesprek.", street="Markt", house_number="1",
                        postcode="6211 CK", latitude=Decimal("50.8500"), longitude=Decimal("5.6900"),
                        opening_hours="Mo-Fr 09:00-17:00; Fr 20:00-01:00; PH off", public_email="info@plek.example",
                        public_phone="043 123 45 67", website="https://plek.example/", step_free_entrance=True,
                        accessible_toilet=False, hearing_loop=True, disabled_parking=None,
                        accessibility_notes="Lift naar de eerste verdieping.")
    PlaceFactory(name="Leeg", opening_hours="", step_free_entrance=None, accessible_toilet=None, hearing_loop=None,
                 disabled_parking=None)
    service_schema = _validator("service")
    listing = client.get("/api/v1/hsds/services").json()
    assert listing["total_items"] == 2
    for item in listing["contents"]:
        service_schema.validate(item)
        _uuids_and_stamps(item)
        detail = client.get(f"/api/v1/hsds/services/{item['id']}").json()
        errors = sorted(str(e.message) for e in service_schema.iter_errors(detail))
        assert errors == []
        _uuids_and_stamps(detail)
    detail = client.get(f"/api/v1/hsds/services/{ident(full.pk, 'service')}").json()
    location = detail["service_at_locations"][0]["location"]
    # The nested objects are really checked (a wrong value fails): the schemas are followed through $ref.
    broken = json.loads(json.dumps(detail))
    broken["service_at_locations"][0]["location"]["schedules"][0]["freq"] = "DAILY"
    assert list(service_schema.iter_errors(broken))
    assert location["addresses"][0]["postal_code"] == "6211 CK" and location["addresses"][0]["country"] == "NL"
    assert {a["details"] for a in location["accessibility"] if "details" in a} == {
        "wheelchair=yes", "toilets:wheelchair=no", "hearing_loop=yes"}
