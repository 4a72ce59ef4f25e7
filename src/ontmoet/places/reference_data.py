"""The CBS wijken and buurten of Maastricht, shipped with the package (see data/PROVENANCE.md)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
BUURTEN_FILE = DATA_DIR / "maastricht_buurten_2024.geojson"
WIJKEN_FILE = DATA_DIR / "maastricht_wijken_2024.geojson"


def _features(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        features: list[dict[str, Any]] = json.load(handle)["features"]
    return features


def load_reference_areas(district_model: Any, neighbourhood_model: Any) -> tuple[int, int]:
    """Create or update the 7 wijken and 44 buurten; takes model classes so migrations can use it."""
    districts = {}
    for feature in _features(WIJKEN_FILE):
        props = feature["properties"]
        districts[props["wijkcode"]], _ = district_model.objects.update_or_create(
            code=props["wijkcode"], defaults={"name": props["wijknaam"], "geometry": feature["geometry"]})
    count = 0
    for feature in _features(BUURTEN_FILE):
        props = feature["properties"]
        neighbourhood_model.objects.update_or_create(
            code=props["buurtcode"],
            defaults={
                "name": props["buurtnaam"],
                "district": districts[props["wijkcode"]],
                "geometry": feature["geometry"],
                "label_latitude": Decimal(str(props["label_lat"])).quantize(Decimal("0.000001")),
                "label_longitude": Decimal(str(props["label_lon"])).quantize(Decimal("0.000001")),
            },
        )
        count += 1
    return len(districts), count
