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
from grid.generate import norm, slots_of
from grid.templates import SIDE_FORMS, TEMPLATES

#: overall pass rate the grid must keep (target 0.97)
FLOOR = 0.75
#: pass rate every capability, side form, destination form and modifier must keep (target 0.90) ...
CAP_FLOOR = 0.80
#: ... except these, below it today (each at the rate reached minus CAP_MARGIN)
CAP_FLOORS = {
    'attend×addressed': 0.76,  # 81.2% of 48
    'attend×described': 0.00,  # 0.0% of 48
    'attend×joined': 0.00,  # 0.0% of 48
    'attend×list': 0.09,  # 14.6% of 48
    'attend×participle': 0.78,  # 83.3% of 48
    'attend×reported': 0.42,  # 47.9% of 48
    'call×between': 0.61,  # 66.7% of 48
    'call×called': 0.65,  # 70.8% of 48
    'call×coordinated': 0.55,  # 60.4% of 48
    'call×nominal': 0.49,  # 54.2% of 48
    'call×participle': 0.55,  # 60.4% of 48
    'call×reported': 0.53,  # 58.3% of 48
    'destination×capital': 0.54,  # 59.5% of 264
    'destination×city': 0.51,  # 56.0% of 216
    'destination×country': 0.68,  # 73.6% of 216
    'destination×the-capital': 0.56,  # 61.6% of 216
    'host×between': 0.67,  # 72.9% of 48
    'meet×between': 0.70,  # 75.0% of 48
    'meet×coordinated': 0.70,  # 75.0% of 48
    'meet×list': 0.24,  # 29.2% of 48
    'meet×participle': 0.74,  # 79.2% of 48
    'meet×reported': 0.42,  # 47.9% of 48
    'modifier×according-to': 0.75,  # 80.6% of 520
    'modifier×attribution': 0.75,  # 80.0% of 506
    'modifier×dateline': 0.66,  # 71.9% of 495
    'modifier×fronted-weekday': 0.73,  # 78.7% of 357
    'modifier×none': 0.74,  # 79.0% of 520
    'modifier×on-weekday': 0.75,  # 80.2% of 434
    'modifier×place': 0.73,  # 78.6% of 56
    'modifier×relative-clause': 0.68,  # 73.7% of 396
    'modifier×reported': 0.73,  # 78.8% of 410
    'modifier×weekday': 0.71,  # 76.4% of 441
    'receive×reported': 0.26,  # 31.2% of 48
    'side×appositive': 0.65,  # 70.7% of 656
    'side×counterpart': 0.79,  # 84.6% of 156
    'side×country-minister': 0.64,  # 69.9% of 824
    'side×delegation': 0.68,  # 73.6% of 637
    'side×officials': 0.69,  # 74.1% of 632
    'side×org-titled': 0.69,  # 74.3% of 789
    'side×organization': 0.76,  # 81.8% of 396
    'side×the-minister': 0.69,  # 74.8% of 870
    'side×titled': 0.69,  # 74.6% of 818
    'talks×between': 0.65,  # 70.8% of 48
    'talks×coordinated': 0.67,  # 72.9% of 48
    'talks×list': 0.20,  # 25.0% of 48
    'talks×nominal': 0.76,  # 81.2% of 48
    'talks×participle': 0.76,  # 81.2% of 48
    'talks×reported': 0.45,  # 50.0% of 48
    'visit×after-visiting': 0.53,  # 58.3% of 48
    'visit×coordinated': 0.55,  # 60.4% of 48
    'visit×including': 0.17,  # 22.9% of 48
    'visit×legs': 0.07,  # 12.5% of 48
    'visit×list': 0.20,  # 25.0% of 48
    'visit×nominal': 0.76,  # 81.2% of 48
    'visit×reported': 0.36,  # 41.7% of 48
    'visit×stops': 0.24,  # 29.2% of 48
    'visit×svo': 0.76,  # 81.2% of 48
    'visit×tour': 0.26,  # 31.2% of 48
    'welcome×participle': 0.49,  # 54.2% of 48
}
#: margins below the rates reached (``scripts/grid_report.py --floors``)
MARGIN = 0.02
CAP_MARGIN = 0.05
#: the whole grid, parse included, on the development machine (about 30 s there)
SECONDS = 90


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
        assert table.get(name, (0, 0))[1] >= 40, name
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

    case = next(c for c in generate() if c.capability == "meet×list" and len(c.required) == 3)
    names = sorted({n for p in case.required for n in p})
    hub = next(n for n in names if all(n in p for p in case.required))
    others = [n for n in names if n != hub]
    # one meeting of all four: the pairs among the listed sides are allowed
    assert judge(case, [Meeting([hub, *others], "talks")]).ok
    # a surname or a demonym resolves as the scorer's aliases would
    aliases = {norm(a): canon for a, canon in case.aliases.items()}
    assert aliases
    assert not judge(case, [Meeting([hub, others[0]], "meeting")]).ok  # two pairs missed
    assert not judge(case, [Meeting([hub, *others, "Somebody Else"], "meeting")]).ok  # a wrong pair
    assert not judge(case, [Meeting([hub, *others], "call")]).ok  # the kind is wrong
