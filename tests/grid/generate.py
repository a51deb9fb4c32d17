"""The grid's sentences: templates filled with sides, destinations, forums and one modifier each.

Deterministic: each sentence is drawn with a `random.Random` seeded from its template's text and its
number, so adding a template changes no other sentence.  Within a template the side forms and the
modifiers are dealt from balanced decks, so every form and every applicable modifier appears about
equally often.
"""
from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, field

from .templates import (ALL, COUNTRIES, FAMILY, FORUMS, GIVEN, ORGANIZATIONS, REGIONS, TEMPLATES, TITLES, T)

#: sentences per capability (spread over its templates)
PER_CAPABILITY = 40

#: modifier -> what it does (they must not change the answer)
MODIFIERS = {
    "none": "the template as it is",
    "weekday": 'a bare weekday: "... met X Tuesday."',
    "on-weekday": '"... met X on Tuesday."',
    "hedged-date": '"... met X sometime in May" (a date hedged by "sometime" is still a date)',
    "attribution": '", officials said" at the end',
    "according-to": '"according to a statement" at the start or the end',
    "relative-clause": 'a relative clause on a side: "X, who took office in March, ..."',
    "reported": '"A spokesman said ..." around the sentence',
    "place": '"... in Geneva" (a visit to Switzerland is allowed, not needed)',
    "dateline": '"LIMA (Reuters) - ..." before the sentence (never a visit)',
    "fronted-weekday": '"On Tuesday, ..." before the sentence',
}

MONTHS = ["March", "May", "June", "October"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ATTRIBUTIONS = [", officials said", ", a spokesman said", ", diplomats said", ", the ministry said"]
ACCORDING = [("according to a statement, ", ""), ("", ", according to a statement"),
             ("", ", according to state media"), ("according to officials, ", "")]
REPORTERS = ["a spokesman said ", "officials said ", "state media reported that ", "a government source said "]
PLACES = [("Geneva", "Switzerland"), ("Vienna", "Austria")]
#: dateline capitals of countries no side comes from
DATELINES = [("Lima", "Peru"), ("Santiago", "Chile"), ("Bangkok", "Thailand"), ("Accra", "Ghana"),
             ("Lisbon", "Portugal"), ("Oslo", "Norway")]
REL = {"titled": "who took office in March", "org-titled": "who took office in March",
       "country-minister": "who took office in March", "the-minister": "who took office in March",
       "officials": "who asked not to be named", "delegation": "which included trade officials",
       "organization": "which has offices in the region", "counterpart": "who took office in March"}
COUNTRY = {c[0]: c for c in COUNTRIES}
#: slot attribute -> (singular, plural)
VERB_FORMS = {"be": ("was", "were"), "is": ("is", "are"), "has": ("has", "have"), "s": ("s", "")}
EXTRA_COUNTRY_ALIASES = {"Philippines": ("Philippine", "Filipino", "Manila"), "Belgium": ("Belgian", "Brussels"),
                         "Switzerland": ("Swiss", "Bern"), "Austria": ("Austrian", "Vienna"),
                         "United States": ("US", "U.S.", "American", "Washington", "USA"),
                         "Peru": ("Peruvian", "Lima"), "Chile": ("Chilean", "Santiago"),
                         "Thailand": ("Thai", "Bangkok"), "Ghana": ("Ghanaian", "Accra"),
                         "Portugal": ("Portuguese", "Lisbon"), "Norway": ("Norwegian", "Oslo")}
ORG_SHORT = {"United Nations": "UN", "NATO": "NATO", "World Bank": "World Bank", "European Union": "EU",
             "International Monetary Fund": "IMF"}

_SLOT = re.compile(r"\{([A-Z]+\d?)(?:_([a-zA-Z]+))?\}")
_SIDE = re.compile(r"^[AB]\d?$")
_DEST = re.compile(r"^C\d?$")


def country_aliases(name: str) -> tuple:
    if name in COUNTRY:
        _, dem, cap, city, extra = COUNTRY[name]
        return (name, dem, cap, f"{dem} government", *extra)
    return (name, *EXTRA_COUNTRY_ALIASES.get(name, ()))


@dataclass
class Side:
    form: str
    canon: str
    text: str
    aliases: tuple
    poss: str | None
    pron: str
    plural: bool = False
    country: str | None = None  # the country it belongs to (None: an organization or its official)


@dataclass
class Case:
    """One grid sentence and what it states."""

    id: str
    text: str
    capability: str
    modifier: str
    sides: tuple  # side forms used (sorted, unique)
    dests: tuple  # destination forms used
    required: dict  # frozenset pair -> kind class ("meet", "visit", "call")
    allowed: set  # further pairs allowed, not needed
    aliases: dict  # normalized surface -> canonical name
    wildcards: dict = field(default_factory=dict)  # canonical -> word a prediction's name must hold
    status: dict = field(default_factory=dict)  # frozenset pair -> "happened" / "scheduled", where fixed

    @property
    def negative(self) -> bool:
        return self.capability.startswith("negative×")

    @property
    def template(self) -> str:
        return self.id.rsplit("#", 1)[0]


def norm(text) -> str:
    """The scorer's name normalization (``../shared/eval/score.py``)."""
    import unicodedata

    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").casefold()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _seed(*parts) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode("utf-8"))


def _deck(items, n, rng):
    """``n`` items dealt so that each appears about equally often, in a seeded order."""
    items = list(items)
    out = []
    while len(out) < n:
        block = items[:]
        rng.shuffle(block)
        out.extend(block)
    return out[:n]


def slots_of(text: str):
    """(side slots, destination slots, other slots, side slots used possessively) of a template text."""
    sides, dests, other, poss = [], [], set(), set()
    for m in _SLOT.finditer(text):
        name, attr = m.group(1), m.group(2)
        if _SIDE.match(name):
            if name not in sides:
                sides.append(name)
            if attr == "poss":
                poss.add(name)
        elif _DEST.match(name):
            if name not in dests:
                dests.append(name)
        else:
            other.add(name)
    return sides, dests, other, poss


def _forms_for(t: T, slot: str, poss: set) -> tuple:
    forms = t.forms.get(slot, ALL)
    text = t.text
    before = text[: text.index("{" + slot)]
    if not re.search(r"\{[AB]\d?[_}]", before) or re.fullmatch(r"[AB][2-9]", slot):
        # "his Japanese counterpart" needs a side before it, and is no apposition inside a list
        forms = tuple(f for f in forms if f != "counterpart")
    comma_after = re.search(r"\{" + slot + r"\}(\{WHEN\}|\{PLACE\})*,(?! \{" + slot + r"_who\})", text)
    bad_appos = slot in poss or bool(comma_after)
    if bad_appos:  # "A, Japan's minister,'s" or "after meeting B, Japan's minister, A said"
        forms = tuple(f for f in forms if f != "appositive")
    return forms


def _modifiers_for(t: T, rel_slots) -> list:
    out = ["none", "attribution", "according-to", "dateline"]
    if t.text.startswith("{") and not t.text.startswith("{C_UP}"):
        out.append("reported")
    if "{WHEN}" in t.text:  # the template's event admits a day
        out += ["weekday", "on-weekday", "hedged-date"]
        if t.text.startswith("{") and not t.text.startswith("{C_UP}"):
            out.append("fronted-weekday")
    if "{PLACE}" in t.text:
        out.append("place")
    if rel_slots:
        out.append("relative-clause")
    if "(Reuters)" in t.text:
        out.remove("dateline")
    if " said, " in t.text:  # an attribution of its own: a second one is not how anyone writes
        out = [m for m in out if m not in ("reported", "attribution", "according-to")]
    return out


def _person(rng, used_given, used_family):
    given, pron = rng.choice([g for g in GIVEN if g[0] not in used_given])
    family = rng.choice([f for f in FAMILY if f not in used_family])
    used_given.add(given)
    used_family.add(family)
    return f"{given} {family}", family, pron


def _side(form, rng, country, org, used_given, used_family, ante=None) -> Side:
    title = rng.choice(TITLES)
    if form in ("titled", "appositive", "org-titled"):
        full, family, pron = _person(rng, used_given, used_family)
        if form == "titled":
            text = f"{COUNTRY[country][1]} {title} {full}"
        elif form == "appositive":
            text = f"{full}, {country}'s {title.lower()},"
        else:
            otitle = org[3]
            text = f"{ORG_SHORT[org[0]]} {otitle} {full}"
            country = None
        return Side(form, full, text, (full, family), None if form == "appositive" else text + "'s", pron,
                    country=country)
    if form == "organization":
        canon, text, aliases, _ = org
        return Side(form, canon, text, (canon, text, *aliases), text + "'s", "it")
    dem = COUNTRY[country][1]
    if form == "counterpart":  # "his Japanese counterpart", "their Japanese counterparts"
        own = {"he": "his", "she": "her", "it": "its", "they": "their"}[ante.pron]
        text = f"{own} {dem} counterpart" + ("s" if ante.plural else "")
        return Side(form, country, text, country_aliases(country), text + ("'" if ante.plural else "'s"),
                    ante.pron if ante.plural else "he", ante.plural, country)
    text = {"country-minister": f"{country}'s {title.lower()}", "the-minister": f"the {dem} {title.lower()}",
            "officials": f"senior {dem} officials",
            "delegation": f"{'an' if dem[0] in 'AEIOU' else 'a'} {dem} delegation"}[form]
    plural = form == "officials"
    pron = {"officials": "they", "delegation": "it"}.get(form, "he")
    return Side(form, country, text, country_aliases(country), text + ("'" if plural else "'s"), pron, plural,
                country)


def _parse_expect(spec: str):
    """[(optional, left, op, right, status)] from the notation of `templates`."""
    out = []
    for tok in spec.split():
        opt = tok.startswith("?")
        tok = tok.lstrip("?")
        m = re.fullmatch(r"([A-Z]\d?@?)([->~])([A-Z]\d?@?)(?::([hs]))?", tok)
        if not m:
            raise ValueError(f"bad expectation {tok!r}")
        out.append((opt, m.group(1), m.group(2), m.group(3), m.group(4)))
    return out


KIND = {"-": "meet", ">": "visit", "~": "call"}
STATUS = {"h": "happened", "s": "scheduled"}


def make_case(t: T, i: int, form_decks: dict, modifier: str, dest_form: str) -> Case:
    rng = random.Random(_seed(t.capability, t.text, i))
    sides_slots, dest_slots, other, poss = slots_of(t.text)
    used_given, used_family = set(), set()
    # countries: one per national side, one per destination, all distinct; dateline and region apart
    taken = set()
    forms = {s: form_decks[s][i] for s in sides_slots}
    forum = rng.choice(FORUMS) if "{F}" in t.text else None
    # no organization attends its own summit ("NATO attended the NATO summit")
    orgs = [o for o in rng.sample(ORGANIZATIONS, len(ORGANIZATIONS))
            if not forum or (ORG_SHORT[o[0]] not in forum[1] and o[0] not in forum[0])]
    side = {}
    for s in sides_slots:
        form = forms[s]
        ante = side[sides_slots[0]] if side else None
        if form == "counterpart" and (ante is None or ante.country is None):
            form = "the-minister"  # an organization has no counterpart of a country
        country = None
        if form not in ("organization", "org-titled"):
            country = rng.choice([c[0] for c in COUNTRIES if c[0] not in taken])
            taken.add(country)
        org = orgs.pop() if form in ("organization", "org-titled") else None
        side[s] = _side(form, rng, country, org, used_given, used_family, ante)
    region = None
    if dest_slots:
        if "{REGION}" in t.text:
            region = rng.choice([r for r, cs in REGIONS.items() if len(set(cs) - taken) >= len(dest_slots)])
            pool = [c for c in REGIONS[region] if c not in taken]
        else:
            pool = [c[0] for c in COUNTRIES if c[0] not in taken]
        dest_countries = rng.sample(pool, len(dest_slots))
        taken.update(dest_countries)
    else:
        dest_countries = []
    dest = dict(zip(dest_slots, dest_countries))

    # modifier values
    when = ""
    place = None
    rel_slot = None
    if modifier == "weekday":
        when = " " + rng.choice(WEEKDAYS)
    elif modifier == "on-weekday":
        when = " on " + rng.choice(WEEKDAYS)
    elif modifier == "hedged-date":
        when = " sometime in " + rng.choice(MONTHS)
    elif modifier == "place":
        place = rng.choice(PLACES)
    elif modifier == "relative-clause":
        rel_slot = rng.choice(_rel_slots(t, sides_slots, forms))

    def dest_text(slot, attr):
        c = COUNTRY[dest[slot]]
        if attr == "UP":
            return c[2].upper()
        if attr == "capital":
            return c[2]
        if attr == "dem":  # "a Ruritanian-Freedonian summit"
            return c[1]
        f = dest_form if slot == dest_slots[0] else random.Random(_seed(t.text, i, slot)).choice(t.dest)
        return {"country": c[0], "capital": c[2], "city": c[3], "the-capital": f"the {c[1]} capital"}[f]

    def fill(m):
        name, attr = m.group(1), m.group(2)
        if _SIDE.match(name):
            sd = side[name]
            if attr is None:
                if name == rel_slot:
                    return f"{sd.text.rstrip(',')}, {REL[sd.form]},"
                return sd.text
            if attr == "poss":
                return sd.poss
            if attr == "pron":
                return sd.pron
            if attr == "his":
                return {"he": "his", "she": "her", "it": "its", "they": "their"}[sd.pron]
            if attr in VERB_FORMS:
                return VERB_FORMS[attr][sd.plural]
            if attr == "who":
                return "which" if sd.form in ("organization", "delegation") else "who"
            c = COUNTRY[sd.country]
            return {"country": c[0], "capital": c[2], "city": c[3]}[attr]
        if _DEST.match(name):
            return dest_text(name, attr)
        if name == "F":
            return forum[1]
        if name == "REGION":
            return region
        if name == "WHEN":
            return when
        if name == "PLACE":
            return f" in {place[0]}" if place else ""
        raise KeyError(name)

    text = _SLOT.sub(fill, t.text)
    if modifier == "attribution":
        text = text[:-1] + rng.choice(ATTRIBUTIONS) + "."
    elif modifier == "according-to":
        pre, post = rng.choice([a for a in ACCORDING if not (a[0] and "(Reuters)" in t.text)])
        text = pre + text[:-1] + post + "."
    elif modifier == "reported":
        text = rng.choice(REPORTERS) + text
    elif modifier == "fronted-weekday":
        text = f"on {rng.choice(WEEKDAYS)}, " + text
    dateline = None
    if modifier == "dateline":
        dateline = rng.choice([d for d in DATELINES if d[1] not in taken])
        text = f"{dateline[0].upper()} (Reuters) - " + text
    text = _tidy(text)

    # expectations
    aliases, wild = {}, {}

    def add(canon, names):
        for n in names:
            aliases.setdefault(norm(n), canon)

    for sd in side.values():
        add(sd.canon, sd.aliases)
        if sd.country:
            add(sd.country, country_aliases(sd.country))
    for c in dest.values():
        add(c, country_aliases(c))
    if forum:
        add(forum[0], (forum[0], forum[1], *forum[2]))
        add(forum[3], country_aliases(forum[3]))
    if place:
        add(place[1], country_aliases(place[1]))
    if dateline:
        add(dateline[1], country_aliases(dateline[1]))
    for org in ORGANIZATIONS:
        add(org[0], (org[0], org[1], *org[2]))

    def canon(ref):
        if ref == "S":
            wild["regional summit"] = "summit"
            return "regional summit"
        if ref.endswith("@"):
            base = ref[:-1]
            if base == "F":
                return forum[3]
            return side[base].country if base in side else None
        if ref in side:
            return side[ref].canon
        if ref in dest:
            return dest[ref]
        if ref == "F":
            return forum[0]
        return None  # a slot the text does not use

    required, allowed, status = {}, set(), {}
    for opt, left, op, right, st in _parse_expect(t.expect):
        a, b = canon(left), canon(right)
        if a is None or b is None or a == b:
            continue
        pair = frozenset((a, b))
        if opt:
            allowed.add(pair)
        else:
            required[pair] = KIND[op]
        if st:
            status[pair] = STATUS[st]
    if place:  # "... met X in Geneva": each side may be said to have visited Switzerland
        for sd in side.values():
            allowed.add(frozenset((sd.canon, place[1])))
    used_forms = tuple(sorted({sd.form for sd in side.values()}))
    # (a destination written only as a dateline or a demonym is no destination form)
    used_dests = (dest_form,) if re.search(r"\{C\d?(_capital)?\}", t.text) else ()
    return Case(f"{t.capability}:{TEMPLATES.index(t)}#{i}", text, t.capability, modifier, used_forms, used_dests,
                required, allowed, aliases, wild, status)


def _rel_slots(t: T, sides_slots, forms) -> list:
    """Side slots written plainly, outside lists, that may carry a relative clause."""
    out = []
    for s in sides_slots:
        if s[-1].isdigit() or forms.get(s) == "appositive":
            continue
        if "{" + s + "}" not in t.text or "{" + s + "}, {" + s + "_who}" in t.text:
            continue
        if re.search(r"\{" + s + r"\}(\{WHEN\}|\{PLACE\})*,", t.text):
            continue
        out.append(s)
    return out


def _tidy(text: str) -> str:
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r",\s*\.", ".", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = text[0].upper() + text[1:]
    return re.sub(r"(\(Reuters\) - )(\w)", lambda m: m.group(1) + m.group(2).upper(), text)


def generate(per_capability: int = PER_CAPABILITY) -> list[Case]:
    """Every grid sentence, in a fixed order."""
    by_cap = {}
    for t in TEMPLATES:
        by_cap.setdefault(t.capability, []).append(t)
    cases = []
    for cap, ts in by_cap.items():
        n = -(-per_capability // len(ts))
        for t in ts:
            rng = random.Random(_seed("deck", t.capability, t.text))
            sides_slots, dest_slots, _, poss = slots_of(t.text)
            decks = {s: _deck(_forms_for(t, s, poss), n, rng) for s in sides_slots}
            dest_deck = _deck(t.dest, n, rng)
            # modifiers dealt per sample; a relative clause only where the sample has a slot for it
            mods = _deck(_modifiers_for(t, _rel_slots(t, sides_slots, {})), n, rng)
            for i in range(n):
                forms = {s: decks[s][i] for s in sides_slots}
                mod = mods[i]
                if mod == "relative-clause" and not _rel_slots(t, sides_slots, forms):
                    mod = "none"
                cases.append(make_case(t, i, decks, mod, dest_deck[i]))
    return cases
