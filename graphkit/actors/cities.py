"""Which country a place lies in: cities (GeoNames) and well-known regions.

``data/cities.json`` (built by ``scripts/build_cities.py``) and
``data/regions.json``; capitals are in the gazetteer.  Used for NER places only,
so a city name that is also a common word is not looked at unless spaCy took
it for a place.

>>> city_country("Philadelphia"), city_country("Darfur"), city_country("Nowhere Town")
('United States', 'Sudan', None)
"""
from __future__ import annotations

import functools
import json
from importlib import resources

from .gazetteer import fold


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    out = {}
    for name in ("cities.json", "regions.json"):
        with resources.files("graphkit.actors").joinpath("data", name).open(encoding="utf-8") as fh:
            data = json.load(fh)
        for country, places in data.get("cities", data.get("regions", {})).items():
            for p in places:
                out[fold(p)] = country
    return out


def city_country(name: str) -> str | None:
    """The country of a city or region by its name, or None."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    return _table().get(key)
