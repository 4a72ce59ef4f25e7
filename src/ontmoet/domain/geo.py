"""Plane geometry on WGS84 coordinates for the register: which buurt a point lies in.

Polygons are the generalised CBS buurt outlines (0.001° precision); at Maastricht's scale a ray-casting test
in longitude/latitude is exact enough for containment, which does not depend on the projection.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Ring = Sequence[tuple[float, float]]  # (lon, lat) pairs, closed or open


@dataclass(frozen=True)
class Area:
    code: str
    rings: tuple[tuple[tuple[float, float], ...], ...]  # outer ring first, then holes
    bbox: tuple[float, float, float, float] = field(init=False)

    def __post_init__(self) -> None:
        lons = [p[0] for p in self.rings[0]]
        lats = [p[1] for p in self.rings[0]]
        object.__setattr__(self, "bbox", (min(lons), min(lats), max(lons), max(lats)))

    def contains(self, lon: float, lat: float) -> bool:
        min_lon, min_lat, max_lon, max_lat = self.bbox
        if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
            return False
        outer, *holes = self.rings
        return _in_ring(outer, lon, lat) and not any(_in_ring(h, lon, lat) for h in holes)


def _in_ring(ring: Ring, x: float, y: float) -> bool:
    """Even-odd ray casting; a point on an edge counts as inside (so shared borders never lose a point)."""
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        if _on_segment(x1, y1, x2, y2, x, y):
            return True
        if (y1 > y) != (y2 > y):
            x_cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < x_cross:
                inside = not inside
    return inside


def _on_segment(x1: float, y1: float, x2: float, y2: float, x: float, y: float) -> bool:
    cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)
    if abs(cross) > 1e-12:
        return False
    return min(x1, x2) - 1e-12 <= x <= max(x1, x2) + 1e-12 and min(y1, y2) - 1e-12 <= y <= max(y1, y2) + 1e-12


def area_containing(areas: Iterable[Area], lon: float, lat: float) -> str | None:
    """Code of the first area that contains the point, or None when it lies outside all of them."""
    for area in areas:
        if area.contains(lon, lat):
            return area.code
    return None
