"""schema.org JSON-LD for the public pages: a place as ``Place`` (with its hours and accessibility features),
its activities as ``Event``; search engines and assistive apps read the page's facts from it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from ontmoet.domain.opening_hours import DAYS, Span, week_table
from ontmoet.places.models import MeetingPlace
from ontmoet.places.opening_hours import parsed

SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: The accessibility facts as schema.org amenity features (LocationFeatureSpecification names).
FEATURES = {"step_free_entrance": "Step-free entrance", "accessible_toilet": "Accessible toilet",
            "hearing_loop": "Hearing loop", "disabled_parking": "Disabled parking"}
assert len(DAYS) == len(SCHEMA_DAYS)


def place(p: MeetingPlace, request: HttpRequest) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Place", "@id": request.build_absolute_uri(
            reverse("finder:place", args=[p.pk])),
        "name": p.name, "url": request.build_absolute_uri(reverse("finder:place", args=[p.pk])),
        "address": {"@type": "PostalAddress", "streetAddress": " ".join(x for x in (p.street, p.house_number) if x),
                    "postalCode": p.postcode, "addressLocality": p.city, "addressCountry": "NL"},
    }
    if p.description:
        data["description"] = p.description
    if p.latitude is not None and p.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": float(p.latitude), "longitude": float(p.longitude)}
    if p.public_phone:
        data["telephone"] = p.public_phone
    if p.public_email:
        data["email"] = p.public_email
    if p.website:
        data["sameAs"] = p.website
    hours = parsed(p.opening_hours)
    if hours is not None:
        specs = []
        for weekday, spans in week_table(hours):
            for span in spans:
                specs.append({"@type": "OpeningHoursSpecification", "dayOfWeek": SCHEMA_DAYS[weekday],
                              "opens": Span.clock(span.start), "closes": Span.clock(span.end)})
        data["openingHoursSpecification"] = specs
    features = [{"@type": "LocationFeatureSpecification", "name": label, "value": getattr(p, name)}
                for name, label in FEATURES.items() if getattr(p, name) is not None]
    if features:
        data["amenityFeature"] = features
    return data
