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
def _tables() -> tuple[dict[str, str], dict[str, str | None]]:
    """(exact name -> country, folded name -> country or None where two countries' names fold alike)."""
    exact: dict[str, str] = {}
    folded: dict[str, str | None] = {}
    for name in ("cities.json", "regions.json"):
        with resources.files("graphkit.actors").joinpath("data", name).open(encoding="utf-8") as fh:
            data = json.load(fh)
        for country, places in data.get("cities", data.get("regions", {})).items():
            for p in places:
                exact.setdefault(p, country)
                key = fold(p)
                folded[key] = country if folded.get(key, country) == country else None
    return exact, folded


def city_country(name: str) -> str | None:
    """The country of a city or region by its name, or None.  The name as written first ("Rosario" is
    Argentina's, "Rosário" Brazil's); a folded spelling only where it is one country's."""
    name = name.strip()
    if name[:4].lower() == "the ":
        name = name[4:]
    exact, folded = _tables()
    return exact.get(name) or folded.get(fold(name))
