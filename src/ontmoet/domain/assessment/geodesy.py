"""Distances between places and the search for the nearest place of given kinds.

Distances are geodesic on the WGS84 ellipsoid (Karney's algorithm through ``pyproj.Geod``), not straight lines
on a map projection, so they hold anywhere and need no choice of projection. The nearest-place search keeps
one grid of cells per place kind; a query visits rings of cells around the point and stops as soon as no
unvisited cell can hold a closer place (a proven lower bound, see ``_ring_lower_bound_m``). Only the places in
visited cells get an exact geodesic distance, so a query costs microseconds for a register of a thousand places.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from pyproj import Geod

from ontmoet.domain.assessment.model import Text
from ontmoet.domain.register import PlaceKind

_GEOD = Geod(ellps="WGS84")

DISTANCE_METHOD = Text(
    nl="geodetische afstand over de WGS84-ellipsoïde (pyproj Geod)",
    en="geodesic distance on the WGS84 ellipsoid (pyproj Geod)",
)

#: Shortest meridian arc of one degree of latitude on WGS84 (at the equator), in metres.
_MIN_METRES_PER_DEGREE_LATITUDE = 110_574.0
#: WGS84 semi-major axis in metres; a parallel at latitude φ is at least a·cos φ from the axis.
_SEMI_MAJOR_AXIS_M = 6_378_137.0
#: Extra latitude allowed for a geodesic that bulges towards the pole between two points.
_BULGE_DEG = 0.5
#: Multiplicative safety margin on lower bounds (they are already conservative).
_SAFETY = 0.999


def distance_m(latitude_1: float, longitude_1: float, latitude_2: float, longitude_2: float) -> float:
    """Geodesic distance in metres between two WGS84 points."""
    _, _, distance = _GEOD.inv(longitude_1, latitude_1, longitude_2, latitude_2)
    return float(distance)


@dataclass(frozen=True)
class PlacePoint:
    """A place of the register as the rules see it."""

    id: int
    name: str
    kind: PlaceKind
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Nearest:
    place: PlacePoint
    distance_m: float


def _closer(candidate: Nearest, best: Nearest | None) -> bool:
    """Closer wins; on an exact tie the lower id, so the answer never depends on the order of the register."""
    if best is None:
        return True
    return (candidate.distance_m, candidate.place.id) < (best.distance_m, best.place.id)


class _Grid:
    """Places of one kind bucketed in cells of ``cell_lat`` × ``cell_lon`` degrees."""

    def __init__(self, places: list[PlacePoint], cell_lat: float, cell_lon: float) -> None:
        self.cell_lat, self.cell_lon = cell_lat, cell_lon
        self.cells: dict[tuple[int, int], list[PlacePoint]] = {}
        for place in places:
            self.cells.setdefault(self.cell_of(place.latitude, place.longitude), []).append(place)
        rows = [row for row, _ in self.cells]
        cols = [col for _, col in self.cells]
        self.row_range = (min(rows), max(rows))
        self.col_range = (min(cols), max(cols))
        self.max_abs_latitude = max(abs(p.latitude) for p in places)

    def cell_of(self, latitude: float, longitude: float) -> tuple[int, int]:
        return math.floor(latitude / self.cell_lat), math.floor(longitude / self.cell_lon)

    def _ring_lower_bound_m(self, ring: int, latitude: float) -> float:
        """Lower bound of the distance from the query to any place in a cell outside rings 0..``ring``.

        Such a cell differs by at least ``ring + 1`` rows or columns, so the place differs from the query by
        more than ``ring`` cells in latitude or in longitude. A path that covers a latitude difference Δφ is at
        least Δφ × the shortest degree of meridian long. A path that covers a longitude difference Δλ while
        staying below latitude φ* is at least Δλ × a·cos φ* long; a path that leaves that band to go round
        (|φ| > φ*) first climbs and then descends ``_BULGE_DEG`` of latitude.
        """
        if ring <= 0:
            return 0.0
        lat_bound = ring * self.cell_lat * _MIN_METRES_PER_DEGREE_LATITUDE
        band = min(max(abs(latitude), self.max_abs_latitude) + _BULGE_DEG, 89.999)
        lon_bound = ring * self.cell_lon * math.radians(1) * _SEMI_MAJOR_AXIS_M * math.cos(math.radians(band))
        detour = 2 * _BULGE_DEG * _MIN_METRES_PER_DEGREE_LATITUDE
        return _SAFETY * min(lat_bound, min(lon_bound, detour))

    def nearest(self, latitude: float, longitude: float, exclude: int | None) -> Nearest | None:
        row, col = self.cell_of(latitude, longitude)
        last_ring = max(abs(row - self.row_range[0]), abs(row - self.row_range[1]),
                        abs(col - self.col_range[0]), abs(col - self.col_range[1]))
        best: Nearest | None = None
        for ring in range(last_ring + 1):
            if best is not None and best.distance_m <= self._ring_lower_bound_m(ring - 1, latitude):
                break
            if 8 * ring > len(self.cells):
                # Far from the places: scanning the remaining occupied cells is cheaper than walking rings.
                for (r, c), bucket in self.cells.items():
                    if max(abs(r - row), abs(c - col)) >= ring:
                        best = self._scan(bucket, latitude, longitude, exclude, best)
                break
            for cell in _ring_cells(row, col, ring):
                found = self.cells.get(cell)
                if found:
                    best = self._scan(found, latitude, longitude, exclude, best)
        return best

    @staticmethod
    def _scan(places: list[PlacePoint], latitude: float, longitude: float, exclude: int | None,
              best: Nearest | None) -> Nearest | None:
        for place in places:
            if place.id == exclude:
                continue
            candidate = Nearest(place, distance_m(latitude, longitude, place.latitude, place.longitude))
            if _closer(candidate, best):
                best = candidate
        return best


def _ring_cells(row: int, col: int, ring: int) -> Iterable[tuple[int, int]]:
    """The cells at Chebyshev distance exactly ``ring`` from (row, col)."""
    if ring == 0:
        yield row, col
        return
    for c in range(col - ring, col + ring + 1):
        yield row - ring, c
        yield row + ring, c
    for r in range(row - ring + 1, row + ring):
        yield r, col - ring
        yield r, col + ring


class PlaceIndex:
    """The register's places with coordinates, searchable for the nearest place of some kinds."""

    def __init__(self, places: Iterable[PlacePoint], *, cell_deg: float = 0.005) -> None:
        self.places = tuple(places)
        self._by_id = {place.id: place for place in self.places}
        by_kind: dict[PlaceKind, list[PlacePoint]] = {}
        for place in self.places:
            by_kind.setdefault(place.kind, []).append(place)
        # Roughly square cells: a degree of longitude is shorter by cos(latitude).
        mean_latitude = sum(p.latitude for p in self.places) / len(self.places) if self.places else 0.0
        cell_lon = cell_deg / max(math.cos(math.radians(mean_latitude)), 0.01)
        self._grids = {kind: _Grid(places, cell_deg, cell_lon) for kind, places in by_kind.items()}

    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: int) -> PlacePoint | None:
        return self._by_id.get(place_id)

    def nearest(self, latitude: float, longitude: float, *, kinds: Iterable[PlaceKind],
                exclude: int | None = None) -> Nearest | None:
        """The nearest place of one of ``kinds`` (ties: lowest id), leaving out the place ``exclude``."""
        best: Nearest | None = None
        for kind in kinds:
            grid = self._grids.get(kind)
            if grid is None:
                continue
            candidate = grid.nearest(latitude, longitude, exclude)
            if candidate is not None and _closer(candidate, best):
                best = candidate
        return best
