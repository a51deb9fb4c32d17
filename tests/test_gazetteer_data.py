"""Sanity checks for the general-knowledge gazetteer tables in graphkit/actors/data/."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

DATA_FILES = ("countries.json", "organizations.json", "government_bodies.json", "media.json", "titles.json")


# Read the files relative to the source tree so the test works whether or not graphkit is installed.
DATA_DIR = Path(__file__).resolve().parents[1] / "graphkit" / "actors" / "data"


def _load(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return _load("countries.json")["countries"]


@pytest.fixture(scope="module")
def organizations() -> list[dict]:
    return _load("organizations.json")["organizations"]


@pytest.fixture(scope="module")
def gov() -> dict:
    return _load("government_bodies.json")


@pytest.fixture(scope="module")
def media() -> list[dict]:
    return _load("media.json")["outlets"]


@pytest.fixture(scope="module")
def titles() -> dict:
    return _load("titles.json")


def _country_strings(c: dict) -> list[str]:
    return [c["name"], *c["aliases"], *c["demonyms"], *c["capitals"], *c["seats"]]


def _owners(countries, organizations, media, bodies) -> dict[str, set[tuple[str, str]]]:
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c in countries:
        for s in _country_strings(c):
            owners[s].add(("country", c["name"]))
    for o in organizations:
        for s in [o["name"], *o["aliases"]]:
            owners[s].add(("organization", o["name"]))
    for m in media:
        for s in [m["name"], *m["aliases"]]:
            owners[s].add(("media", m["name"]))
    for b in bodies:
        for s in [b["name"], *b["aliases"]]:
            owners[s].add(("body", b["name"]))
    return owners


@pytest.mark.parametrize("name", DATA_FILES)
def test_files_have_source_note(name):
    doc = _load(name)
    assert isinstance(doc.get("source"), str) and len(doc["source"]) > 20


def test_country_count_and_unique_keys(countries):
    assert len(countries) >= 197  # 193 UN members + Holy See, Palestine, Kosovo, Taiwan
    names = [c["name"] for c in countries]
    iso2 = [c["iso2"] for c in countries]
    iso3 = [c["iso3"] for c in countries]
    assert all(names) and len(set(names)) == len(names)
    assert all(len(x) == 2 and x.isupper() for x in iso2) and len(set(iso2)) == len(iso2)
    assert all(len(x) == 3 and x.isupper() for x in iso3) and len(set(iso3)) == len(iso3)
    for extra in ("VA", "PS", "XK", "TW"):
        assert extra in iso2


def test_country_fields_are_lists_of_nonempty_strings(countries):
    for c in countries:
        for key in ("aliases", "demonyms", "capitals", "seats"):
            assert isinstance(c[key], list), (c["name"], key)
            assert all(isinstance(s, str) and s.strip() == s and s for s in c[key]), (c["name"], key)
            assert len(set(c[key])) == len(c[key]), (c["name"], key)


def test_no_string_maps_to_two_actors(countries, organizations, media, gov):
    owners = _owners(countries, organizations, media, gov["bodies"])
    clashes = {s: sorted(v) for s, v in owners.items() if len(v) > 1}
    assert not clashes, clashes


def test_ambiguous_demonyms_left_out(countries):
    demonyms = {d for c in countries for d in c["demonyms"]}
    for word in ("Congolese", "Guinean", "Korean", "Dominican"):
        assert word not in demonyms
    aliases = {a for c in countries for a in c["aliases"]}
    assert "Congo" not in aliases and "Korea" not in aliases


def test_hand_checked_country_facts(countries):
    by_name = {c["name"]: c for c in countries}
    lookup = {}
    for c in countries:
        for s in _country_strings(c):
            lookup[s] = c["name"]
    us = by_name["United States"]
    assert "U.S." in us["aliases"] and "US" in us["aliases"] and "USA" in us["aliases"]
    assert "Washington" in us["capitals"]
    assert "White House" not in us["seats"]
    assert lookup["Jordanian"] == "Jordan"
    assert lookup["Kazakh"] == "Kazakhstan"
    assert lookup["Saudi"] == "Saudi Arabia"
    assert lookup["Tehran"] == "Iran"
    assert lookup["UK"] == "United Kingdom"
    assert lookup["Britons"] == "United Kingdom"
    assert lookup["Türkiye"] == "Turkey"
    assert lookup["Syrian Arab Republic"] == "Syria"
    assert lookup["DPRK"] == "North Korea"
    assert lookup["Filipino"] == "Philippines"
    assert lookup["Dutch"] == "Netherlands"
    assert lookup["The Hague"] == "Netherlands"
    assert lookup["Downing Street"] == "United Kingdom"
    assert "Kremlin" in by_name["Russia"]["seats"]
    assert {"Sucre", "La Paz"} <= set(by_name["Bolivia"]["capitals"])


def test_organizations(organizations):
    by_alias = {}
    for o in organizations:
        assert o["type"] in {"organization", "forum"}, o
        for s in [o["name"], *o["aliases"]]:
            by_alias[s] = o
    assert by_alias["UN"]["name"] == "United Nations"
    assert by_alias["UN"]["type"] == "organization"
    assert by_alias["ISSG"]["type"] == "forum"
    assert by_alias["ISSG"]["name"] == "International Syria Support Group"
    assert by_alias["Security Council"]["name"] == "United Nations Security Council"
    assert by_alias["G20"]["type"] == "forum"
    assert by_alias["Daesh"]["name"] == "Islamic State"
    assert by_alias["Jabhat Fateh al-Sham"]["name"] == "al-Nusra Front"
    assert by_alias["E.U."]["name"] == "European Union"


def test_forum_members_are_known_countries(organizations, countries):
    names = {c["name"] for c in countries}
    with_members = [o for o in organizations if "members" in o]
    assert {o["name"] for o in with_members} >= {"Group of Seven", "Group of Five", "BRICS"}
    for o in with_members:
        # a forum, or an intergovernmental organization of member states (its sessions attended by them)
        assert o["type"] in ("forum", "organization"), o["name"]
        assert len(o["members"]) == len(set(o["members"])) >= 2, o["name"]
        assert set(o["members"]) <= names, (o["name"], set(o["members"]) - names)
    g7 = next(o for o in with_members if o["name"] == "Group of Seven")
    assert set(g7["members"]) == {"United States", "Japan", "Germany", "United Kingdom", "France", "Italy", "Canada"}
    assert "G7" in g7["aliases"]


def test_government_bodies(gov, countries):
    country_names = {c["name"] for c in countries}
    for b in gov["bodies"]:
        assert b["country"] in country_names, b
    by_alias = {s: b for b in gov["bodies"] for s in [b["name"], *b["aliases"]]}
    assert by_alias["State Department"]["country"] == "United States"
    assert by_alias["White House"]["country"] == "United States"
    groups = {g["canonical"]: g for g in gov["generic"]}
    assert "Ministry of Foreign Affairs" in groups["Foreign Ministry"]["variants"]
    assert "Defence Ministry" in groups["Defense Ministry"]["variants"]
    assert "Ministry of Defence" in groups["Defense Ministry"]["variants"]


def test_generic_variants_unique_and_disjoint(gov, countries, organizations, media):
    seen: dict[str, str] = {}
    for g in gov["generic"]:
        for v in [g["noun"], g["canonical"], *g["variants"]]:
            assert seen.setdefault(v, g["canonical"]) == g["canonical"], v
    owners = _owners(countries, organizations, media, gov["bodies"])
    assert not (set(seen) & set(owners)), sorted(set(seen) & set(owners))


def test_media(media):
    names = {s for m in media for s in [m["name"], *m["aliases"]]}
    for s in ("Reuters", "AFP", "Associated Press", "TASS", "Xinhua", "Al Jazeera"):
        assert s in names


def test_titles(titles, organizations):
    assert "foreign minister" in titles["titles"]
    assert all(t == t.lower() for t in titles["titles"])
    assert len(set(titles["titles"])) == len(titles["titles"])
    assert "counterpart" in titles["role_nouns"]
    org_names = {o["name"] for o in organizations}
    for title, org in titles["org_titles"].items():
        assert org in org_names, (title, org)
    assert titles["org_titles"]["NATO Secretary General"] == "NATO"
