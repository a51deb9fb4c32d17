"""The behavioural grid of meeting sentences (issue 17; CheckList, Ribeiro et al. 2020).

Thousands of sentences are generated at test time from the templates in ``tests/grid/templates.py``
(trigger families x linkings x side forms x modifiers, and negatives) and each is run through the
real pipeline as one article.  The expected meetings come from the templates, never from the
extractor.  ``pytest tests/test_grid.py -s`` prints the pass rate per capability;
``python scripts/grid_report.py -v`` lists the failing sentences (``--floors`` prints the floors
below for the rates reached now).

The floors are what the extractor reached when the grid was written, minus a margin: raise them
as the extractor improves.  The issue's target is 97% overall and 90% in every capability.
"""
from __future__ import annotations

import time

import pytest

from grid import (MODIFIERS, format_failures, format_table, generate, informative_failures, judge, rate, rows,
                  run_grid)
from grid.generate import slots_of
from grid.templates import COUNTRIES, SIDE_FORMS, TEMPLATES

#: overall pass rate the grid must keep (target 0.97)
FLOOR = 0.96
#: pass rate every capability, side form, destination form and modifier must keep (target 0.90) ...
CAP_FLOOR = 0.85
#: ... except these, below it today (each at the rate reached minus CAP_MARGIN)
CAP_FLOORS: dict[str, float] = {
    # a participle set off by commas: the tagger reads a bare ", meeting in Geneva," after a list as a noun in
    # apposition, and a list of names with appositions after an opening participle loses its later members
    "meet×participle-reciprocal": 0.64,
    "call×participle-reciprocal": 0.70,
    # a city first after "between" is tagged an organization by the recognizer ("between Thessaloniki, ...")
    "visit×shuttle": 0.80,
}
#: margins below the rates reached (``scripts/grid_report.py --floors``)
MARGIN = 0.02
CAP_MARGIN = 0.05


@pytest.fixture(scope="module")
def results(nlp):
    t = time.perf_counter()
    out = run_grid(nlp)
    out_time = time.perf_counter() - t
    print(f"\nmeeting grid: {len(out)} sentences in {out_time:.1f} s")
    print(format_table(out))
    failures = informative_failures(out, 30)
    if failures:
        print("\nsome failures (scripts/grid_report.py -v lists all):")
        print(format_failures(failures))
    return out


def test_grid_overall_floor(results):
    table = rows(results)
    assert rate(table["overall"]) >= FLOOR, format_table(results)


def test_grid_capability_floors(results):
    table = rows(results)
    low = {name: f"{rate(pt):.1%} < {CAP_FLOORS.get(name, CAP_FLOOR):.0%}" for name, pt in table.items()
           if name != "overall" and rate(pt) < CAP_FLOORS.get(name, CAP_FLOOR)}
    assert not low, low


def test_cap_floors_name_real_rows(results):
    """A floor for a capability the grid no longer has would guard nothing."""
    assert set(CAP_FLOORS) <= set(rows(results))


# --- the grid itself (no parsing) -----------------------------------------------------------------

def test_generation_is_deterministic_and_large():
    a, b = generate(), generate()
    assert [(c.text, c.required, c.allowed) for c in a] == [(c.text, c.required, c.allowed) for c in b]
    assert len(a) >= 3000
    assert len({c.text for c in a}) >= 0.95 * len(a)


def test_every_capability_side_form_and_modifier_is_exercised():
    table = rows([judge(c, []) for c in generate()])
    caps = {t.capability for t in TEMPLATES}
    for name in [*caps, *(f"side×{f}" for f in SIDE_FORMS), *(f"modifier×{m}" for m in MODIFIERS)]:
        assert table.get(name, (0, 0))[1] >= 35, name
    assert {t.capability.split("×")[0] for t in TEMPLATES} >= {
        "meet", "talks", "visit", "call", "attend", "host", "welcome", "receive", "negative"}


def test_positives_state_a_meeting_and_negatives_none():
    for c in generate():
        assert bool(c.required) != c.negative, c.text
        assert "{" not in c.text and "}" not in c.text, c.text


def test_template_slots_are_known():
    for t in TEMPLATES:
        sides, dests, other, _ = slots_of(t.text)
        assert other <= {"F", "REGION", "WHEN", "PLACE"}, t.text


def test_judge_mirrors_the_scorer():
    from graphkit.records import Meeting

    cases = generate()
    case = next(c for c in cases if c.capability == "meet×list" and len(c.required) == 3)
    names = sorted({n for p in case.required for n in p})
    hub = next(n for n in names if all(n in p for p in case.required))
    others = [n for n in names if n != hub]
    # one meeting of all four: the pairs among the listed sides are allowed, not needed
    assert judge(case, [Meeting([hub, *others], "talks")]).ok
    assert not judge(case, [Meeting([hub, others[0]], "meeting")]).ok  # two pairs missed
    assert not judge(case, [Meeting([hub, *others, "Somebody Else"], "meeting")]).ok  # a wrong pair
    assert not judge(case, [Meeting([hub, *others], "call")]).ok  # the kind is wrong
    # a surname or a demonym stands for its actor, as the scorer's aliases do
    case = next(c for c in cases if c.capability == "meet×svo" and c.sides == ("officials", "titled"))
    states = {c[0]: c for c in COUNTRIES}
    country, person = sorted(next(iter(case.required)), key=lambda n: n not in states)
    assert judge(case, [Meeting([person.split()[-1], states[country][1]], "meeting")]).ok
    # the country of a named person is not that person
    home = next(n for n, c in states.items() if n != country and c[1] in case.text)
    assert not judge(case, [Meeting([home, country], "meeting")]).ok
