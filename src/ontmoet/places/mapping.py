"""An SVG map of Maastricht's buurten from the shipped outlines: no external map tiles.

Longitude and latitude are projected equirectangularly around Maastricht's latitude, which keeps shapes true
enough at city scale (about 0.1% distortion over 10 km).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ontmoet.places.models import MeetingPlace, Neighbourhood

WIDTH = 800
#: Up to this many places the map draws a marker for each; above it, the number per buurt (B5: 100,000
#: markers were a 60 s page no one could read).
MAP_MARKER_LIMIT = 500


@dataclass(frozen=True)
class Projection:
    min_lon: float
    max_lat: float
    scale: float
    cos_lat: float
    height: float

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.min_lon) * self.cos_lat * self.scale, (self.max_lat - lat) * self.scale)

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        return (self.min_lon + x / (self.cos_lat * self.scale), self.max_lat - y / self.scale)


def projection_for(neighbourhoods: Iterable[Neighbourhood], width: int = WIDTH) -> Projection:
    points = [pt for n in neighbourhoods for ring in n.geometry["coordinates"] for pt in ring]
    min_lon, max_lon = min(p[0] for p in points), max(p[0] for p in points)
    min_lat, max_lat = min(p[1] for p in points), max(p[1] for p in points)
    cos_lat = math.cos(math.radians((min_lat + max_lat) / 2))
    scale = width / ((max_lon - min_lon) * cos_lat)
    return Projection(min_lon, max_lat, scale, cos_lat, (max_lat - min_lat) * scale)


_layers: dict[tuple[tuple[int, str], ...], tuple[Projection, list[dict[str, Any]]]] = {}


def buurt_layer(neighbourhoods: list[Neighbourhood]) -> tuple[Projection, list[dict[str, Any]]]:
    """The projection and the SVG paths of the buurten, computed once per set of buurten."""
    key = tuple((n.pk, n.code) for n in neighbourhoods)
    if key not in _layers:
        projection = projection_for(neighbourhoods)
        areas = []
        for n in neighbourhoods:
            d = " ".join(
                "M " + " L ".join(f"{x:.1f} {y:.1f}" for x, y in (projection.xy(*pt) for pt in ring)) + " Z"
                for ring in n.geometry["coordinates"]
            )
            lx, ly = projection.xy(float(n.label_longitude), float(n.label_latitude))
            areas.append({"code": n.code, "name": n.name, "district_code": n.district.code,
                          "district_name": n.district.name, "d": d, "label_x": f"{lx:.1f}", "label_y": f"{ly:.1f}"})
        _layers.clear()  # one set of buurten is in force at a time
        _layers[key] = (projection, areas)
    return _layers[key]


def map_context(neighbourhoods: list[Neighbourhood], places: Iterable[MeetingPlace]) -> dict[str, Any]:
    """Paths for the buurten and points for the places, ready for the template. A place without coordinates has
    no point: the map page lists those beside the map (``places_without_coordinates``)."""
    projection, areas = buurt_layer(neighbourhoods)
    points = []
    for p in places:
        if p.latitude is None or p.longitude is None:
            continue
        x, y = projection.xy(float(p.longitude), float(p.latitude))
        points.append({"place": p, "x": f"{x:.1f}", "y": f"{y:.1f}"})
    return {"areas": areas, "points": points, "width": WIDTH, "height": f"{projection.height:.0f}",
            "projection": projection}


def per_neighbourhood_points(areas: list[dict[str, Any]], counts: dict[str, int]) -> list[dict[str, Any]]:
    """A labelled circle per buurt with places, its area growing with the count, at the buurt's label point."""
    largest = max(counts.values(), default=1)
    return [
        {"code": a["code"], "name": a["name"], "district_code": a["district_code"], "count": counts[a["code"]],
         "x": a["label_x"], "y": a["label_y"],
         "r": f"{8 + 16 * math.sqrt(counts[a['code']] / largest):.1f}"}
        for a in sorted(areas, key=lambda a: a["name"]) if counts.get(a["code"])
    ]
