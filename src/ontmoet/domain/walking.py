"""How far a resident walks to a place: the straight line times a detour factor, at a walking pace.

Streets are rarely straight; 1.3 times the straight-line distance is a common estimate for a city's street
grid, and 4.5 km/h a calm walking pace (older residents included). The finder says "about", never exactly.
"""

from __future__ import annotations

import math

EARTH_RADIUS_M = 6_371_000
DETOUR_FACTOR = 1.3
WALKING_M_PER_MIN = 4500 / 60


def straight_line_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def walking_m(lat1: float, lon1: float, lat2: float, lon2: float) -> int:
    return round(straight_line_m(lat1, lon1, lat2, lon2) * DETOUR_FACTOR)


def walking_minutes(metres: float) -> int:
    """Whole minutes, at least 1."""
    return max(1, math.ceil(metres / WALKING_M_PER_MIN))
