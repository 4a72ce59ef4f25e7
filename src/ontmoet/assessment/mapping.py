"""The buurt map of the what-if page: the places the distance rules look at, the chosen point and the
threshold distances around it. Drawn from the shipped buurt outlines; no external map tiles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ontmoet.assessment.selectors import NEARBY_KINDS
from ontmoet.core.plan import policy_plan
from ontmoet.domain.assessment import distance_m
from ontmoet.places.mapping import map_context
from ontmoet.places.models import MeetingPlace, Neighbourhood

if TYPE_CHECKING:
    from ontmoet.assessment.evaluation import ResolvedSubject

_STEP_DEG = 0.01


def _radius_px(metres: float, latitude: float, longitude: float, scale: float) -> float:
    """A distance on the ground as a radius on the map (the map's y axis is ``scale`` pixels per degree)."""
    metres_per_step = distance_m(latitude, longitude, latitude + _STEP_DEG, longitude)
    return metres / metres_per_step * _STEP_DEG * scale


def whatif_map(subject: ResolvedSubject | None) -> dict[str, Any]:
    neighbourhoods = list(Neighbourhood.objects.order_by("code"))
    places = (MeetingPlace.objects.of_type([k.value for k in NEARBY_KINDS])
              .select_related("neighbourhood").order_by("name"))
    context = map_context(neighbourhoods, places)
    projection = context["projection"]
    context["marker"] = None
    if subject is not None and subject.latitude is not None and subject.longitude is not None:
        lat, lon = subject.latitude, subject.longitude
        x, y = projection.xy(lon, lat)
        params = policy_plan().assessment
        co_location_m = float(params.co_location_threshold_m.value)
        near_m = float(params.near_community_house_threshold_m.value)
        context["marker"] = {
            "x": f"{x:.1f}", "y": f"{y:.1f}",
            "co_location_r": f"{_radius_px(co_location_m, lat, lon, projection.scale):.1f}",
            "near_r": f"{_radius_px(near_m, lat, lon, projection.scale):.1f}",
            "selected": subject.neighbourhood.code if subject.neighbourhood else "",
        }
    return context
