"""Demo data for the register: the real places that public sources describe, and clearly fictional others.

Real places come only from ``data/maastricht_ontmoetingsplekken_found.csv`` and carry only what that file
says (name, buurt, address where given, coordinates where given, the source). Every other place is fictional,
has ``is_demo=True`` (the interface shows "demo") and sits on the label point of a buurt.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit

from django.db import transaction

from ontmoet.accounts.demo import demo_board_member
from ontmoet.places.models import MeetingPlace, Neighbourhood
from ontmoet.places.reference_data import DATA_DIR
from ontmoet.places.services import (
    board_member_add,
    board_save,
    building_save,
    place_change_type,
    place_create,
)

OGH_START = dt.date(2018, 1, 1)  # Ondersteuningsregeling gemeenschapshuizen in force (seed §1.5)
#: The places the demo board member ("bestuur") acts for.
DEMO_BOARD_PLACES = ["Demohuis De Linde", "Demohuiskamer De Koffiepot"]

#: Fictional opening hours (OSM syntax), varied so that "open now" and "open on a day" find different places.
DEMO_HOURS = [
    "Mo-Fr 09:00-17:00; PH off",
    "Mo,We,Fr 10:00-16:00; Sa 10:00-13:00; PH off",
    "Tu-Sa 13:00-21:00; PH off",
    "Mo-Su 08:30-22:00",
]

#: Real places from the found-places file whose type the source states plainly, mapped to the glossary.
REAL_TYPES = {
    "Gemeenschapshuis de Amyerhoof": "community_house",
    "Ontmoetingscentrum / Gemeenschapshuis Aen de Wan": "community_house",
    "Gemeenschapshuis HaarderHof": "community_house",
    "Sjuif a-en": "living_room",
    "Resto VanHarte Maastricht": "social_restaurant",
}


@dataclass(frozen=True)
class DemoPlace:
    name: str
    buurt: str
    type: str = "community_house"
    chose: str | None = None  # meeting_centre / neighbourhood_house
    chose_on: dt.date | None = None
    offset: tuple[str, str] = ("0", "0")


#: Fictional community houses (15, so that with the 3 real ones there are 18, seed §5) and small places.
FICTIONAL = [
    DemoPlace("Demohuis De Linde", "BU09350207", chose="meeting_centre", chose_on=dt.date(2026, 3, 1)),
    DemoPlace("Demohuis Het Anker", "BU09350203", chose="neighbourhood_house", chose_on=dt.date(2026, 9, 1)),
    DemoPlace("Demohuis Sint Lambertus", "BU09350201", chose="meeting_centre", chose_on=dt.date(2026, 4, 1)),
    DemoPlace("Demohuis De Kring", "BU09350209", chose="meeting_centre", chose_on=dt.date(2026, 5, 1)),
    DemoPlace("Demohuis Oosterpoort", "BU09350402", chose="meeting_centre", chose_on=dt.date(2026, 6, 1)),
    DemoPlace("Demohuis Heugemer Hof", "BU09350601", chose="meeting_centre", chose_on=dt.date(2026, 7, 1)),
    DemoPlace("Demohuis De Brug", "BU09350404", chose="meeting_centre", chose_on=dt.date(2026, 9, 15)),
    DemoPlace("Demohuis Wolderhof", "BU09350104", chose="meeting_centre", chose_on=dt.date(2027, 1, 1)),
    DemoPlace("Demohuis Caberg", "BU09350205"),
    DemoPlace("Demohuis Lanakerveld", "BU09350304"),
    DemoPlace("Demohuis Scharn", "BU09350405"),
    DemoPlace("Demohuis Wyckerpoort", "BU09350400"),
    DemoPlace("Demohuis Biesland", "BU09350102"),
    DemoPlace("Demohuis Itteren", "BU09350502"),
    DemoPlace("Demohuis Vroendaal", "BU09350604"),
    DemoPlace("Demohuiskamer De Koffiepot", "BU09350207", type="living_room", offset=("0.002", "0.003")),
    DemoPlace("Demohuiskamer Bij Ons", "BU09350403", type="living_room"),
    DemoPlace("Demohuiskamer Het Praathuis", "BU09350006", type="living_room"),
    DemoPlace("Demo sociaal restaurant De Tafel", "BU09350201", type="social_restaurant", offset=("-0.002", "0.002")),
]


def _real_places() -> list[dict[str, str]]:
    with (DATA_DIR / "maastricht_ontmoetingsplekken_found.csv").open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["name"] in REAL_TYPES]


def _public_source(reference: str) -> dict[str, str]:
    """The first web address of the found-places file's reference, titled by its site. Notes on how a fact was
    found (the rest of the column) stay in the provenance file."""
    url = next((part for part in re.split(r"[\s;]+", reference) if part.startswith(("http://", "https://"))), "")
    if not url:
        return {}
    host = urlsplit(url).hostname or ""
    return {"source_url": url, "source_title": host.removeprefix("www.")}


def _split_address(address: str) -> tuple[str, str]:
    street, _sep, number = address.rpartition(" ")
    return (street, number) if street and any(ch.isdigit() for ch in number) else (address, "")


@transaction.atomic
def load_register_demo() -> dict[str, MeetingPlace]:
    """Create the demo register once; running it again changes nothing."""
    buurten = {n.code: n for n in Neighbourhood.objects.all()}
    places: dict[str, MeetingPlace] = {}
    for row in _real_places():
        existing = MeetingPlace.objects.filter(name=row["name"]).first()
        if existing:
            places[row["name"]] = existing
            continue
        street, number = _split_address(row["address"])
        values: dict[str, object] = {
            "name": row["name"], "street": street, "house_number": number, "postcode": row["postcode"],
            "neighbourhood": buurten.get(row["buurtcode"]),
            **_public_source(row["source_url_or_ref"]),
        }
        if row["lat"] and row["lon"]:
            values["latitude"], values["longitude"] = Decimal(row["lat"]), Decimal(row["lon"])
        places[row["name"]] = place_create(values=values, type=REAL_TYPES[row["name"]], effective_date=OGH_START,
                                           by=None, is_demo=False, reason="Demogegevens: plek uit openbare bron")
    for spec in FICTIONAL:
        existing = MeetingPlace.objects.filter(name=spec.name).first()
        if existing:
            places[spec.name] = existing
            continue
        buurt = buurten[spec.buurt]
        place = place_create(
            values={
                "name": spec.name, "street": "Voorbeeldstraat", "house_number": str(len(places) + 1),
                "postcode": "",
                "latitude": buurt.label_latitude + Decimal(spec.offset[0]),
                "longitude": buurt.label_longitude + Decimal(spec.offset[1]),
                "description": "Fictieve plek uit de demonstratiegegevens van Ontmoet.",
                "opening_hours": DEMO_HOURS[len(places) % len(DEMO_HOURS)],
                "step_free_entrance": len(places) % 3 != 0, "accessible_toilet": len(places) % 2 == 0,
                "hearing_loop": len(places) % 4 == 0, "disabled_parking": len(places) % 3 == 1,
            },
            type=spec.type, effective_date=OGH_START if spec.type == "community_house" else dt.date(2024, 1, 1),
            by=None, is_demo=True, reason="Demogegevens")
        if spec.chose and spec.chose_on:
            place_change_type(place=place, to=spec.chose, effective_date=spec.chose_on, by=None,
                              reason="Demogegevens: keuze van het bestuur")
        if spec.type == "community_house":
            municipal = len(places) % 3 == 0
            building_save(place=place, by=None, values={
                "name": f"Pand {spec.name}", "owner_kind": "municipality" if municipal else "other",
                "owner_name": "Gemeente Maastricht" if municipal else f"Stichting {spec.name} (fictief)",
                "energy_label": "CDEFB"[len(places) % 5],
                "sustainability_measures": "Ledverlichting (fictief)" if len(places) % 2 else ""})
            board_save(place=place, by=None, values={
                "legal_name": f"Stichting {spec.name} (fictief)", "based_in_maastricht": True,
                "board_condition_met": True, "board_condition_checked_on": dt.date(2026, 1, 15),
                "kvk_matches": True, "kvk_checked_on": dt.date(2026, 1, 15)})
            for role, name in (("chair", "A. Voorbeeld"), ("secretary", "B. Voorbeeld"), ("treasurer", "C. Voorbeeld")):
                board_member_add(place=place, name=f"{name} (fictief)", role=role, contact="", by=None)
        places[spec.name] = place
    demo_board_member([places[name] for name in DEMO_BOARD_PLACES])
    return places
