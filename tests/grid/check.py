"""Run the grid through the real pipeline and compare each sentence with what its template states.

Each sentence is one article (`graphkit.extract.extract_records`, parsed with ``nlp.pipe`` in
batches).  The comparison mirrors ``../shared/eval/score.py``: participants are resolved to the
template's canonical names through its aliases (unresolved names count as themselves), a predicted
meeting claims every pair of its participants, and a sentence passes when it claims every required
pair, no pair outside the required and allowed ones, and each required pair with its kind where the
template fixes it (meeting and talks count as one kind, as in the scorer's who-met-whom figure).
"""
from __future__ import annotations

import itertools
import time
from collections import defaultdict
from dataclasses import dataclass

from .generate import Case, generate, norm

#: the issue's targets (the CI floors are in tests/test_grid.py)
TARGET_OVERALL = 0.97
TARGET_CAPABILITY = 0.90

KIND_CLASS = {"meeting": "meet", "talks": "meet", "visit": "visit", "call": "call"}


@dataclass
class Result:
    case: Case
    got: list  # [(kind, [canonical participants], status)]
    ok: bool
    why: str  # "" when ok

    def expected_text(self) -> str:
        st = self.case.status
        req = [f"{k} {' + '.join(sorted(p))}" + (f" ({st[p]})" if p in st else "")
               for p, k in sorted(self.case.required.items(), key=_pk)]
        return "; ".join(req) or "no meeting"

    def got_text(self) -> str:
        st = self.case.status
        return "; ".join(f"{KIND_CLASS.get(k, k)} {' + '.join(ps)}" + (f" ({s})" if st else "")
                         for k, ps, s in self.got) or "no meeting"


def _pk(item):
    return sorted(item[0])


def resolve(case: Case, name: str) -> str:
    key = norm(name)
    if key in case.aliases:
        return case.aliases[key]
    for canon, word in case.wildcards.items():
        if word in key.split():
            return canon
    return "?" + name


def judge(case: Case, meetings) -> Result:
    got, claimed, statuses = [], defaultdict(set), defaultdict(set)
    for m in meetings:
        names = list(dict.fromkeys(resolve(case, p) for p in m.participants))
        got.append((m.kind, names, m.status))
        for a, b in itertools.combinations(names, 2):
            claimed[frozenset((a, b))].add(KIND_CLASS.get(m.kind, m.kind))
            statuses[frozenset((a, b))].add(m.status)
    why = []
    for pair, kind in case.required.items():
        if pair not in claimed:
            why.append("missed " + " + ".join(sorted(pair)))
        elif kind not in claimed[pair]:
            why.append(f"kind {' + '.join(sorted(pair))}: {'/'.join(sorted(claimed[pair]))} not {kind}")
        elif pair in case.status and case.status[pair] not in statuses[pair]:
            why.append(f"status {' + '.join(sorted(pair))}: {'/'.join(sorted(statuses[pair]))} "
                       f"not {case.status[pair]}")
    for pair in claimed:
        if pair not in case.required and pair not in case.allowed:
            why.append("wrong " + " + ".join(sorted(pair)))
    return Result(case, got, not why, "; ".join(why))


def run_grid(nlp=None, cases=None, batch_size: int = 128) -> list[Result]:
    """Every grid sentence (or ``cases``) extracted and judged, in order."""
    from graphkit.corpus import Article
    from graphkit.extract import extract_records

    if nlp is None:
        from graphkit.nlp import load_model

        nlp = load_model()
    cases = generate() if cases is None else cases
    articles = [Article(f"grid{n}", c.text) for n, c in enumerate(cases)]
    out = []
    for case, (_, rec) in zip(cases, extract_records(articles, nlp, batch_size=batch_size)):
        out.append(judge(case, rec.meetings))
    return out


# --- tables ------------------------------------------------------------------------------------

def rows(results: list[Result]) -> dict:
    """Capability -> [passed, total], for the template capabilities, side forms, destinations, modifiers."""
    table = defaultdict(lambda: [0, 0])

    def add(name, ok):
        table[name][0] += ok
        table[name][1] += 1

    for r in results:
        c = r.case
        add(c.capability, r.ok)
        add("modifier×" + c.modifier, r.ok)
        if not c.negative:
            for f in c.sides:
                add("side×" + f, r.ok)
            for d in c.dests:
                add("destination×" + d, r.ok)
        add("overall", r.ok)
    return dict(table)


def rate(pair) -> float:
    return pair[0] / pair[1] if pair[1] else 1.0


def format_table(results: list[Result], capability: str | None = None) -> str:
    table = rows(results)
    names = [n for n in table if n != "overall"]
    groups = [("capability", [n for n in names if not n.startswith(("side×", "modifier×", "destination×"))]),
              ("side form (positives)", [n for n in names if n.startswith("side×")]),
              ("destination (visits)", [n for n in names if n.startswith("destination×")]),
              ("modifier", [n for n in names if n.startswith("modifier×")])]
    lines = []
    for title, group in groups:
        group = [n for n in group if capability is None or capability in n]
        if not group:
            continue
        lines.append(f"{title:<32} {'pass':>6} {'n':>5}  rate")
        for n in sorted(group):
            p, t = table[n]
            lines.append(f"  {n:<30} {p:>6} {t:>5}  {p / t:6.1%}")
    if capability is None:  # the trigger families as a whole (not floored: their capabilities are)
        fam = defaultdict(lambda: [0, 0])
        for n in groups[0][1]:
            f = n.split("×")[0]
            fam[f][0] += table[n][0]
            fam[f][1] += table[n][1]
        lines.append(f"{'family (sum of its capabilities)':<32} {'pass':>6} {'n':>5}  rate")
        for f, (p, t) in sorted(fam.items()):
            lines.append(f"  {f:<30} {p:>6} {t:>5}  {p / t:6.1%}")
    p, t = table["overall"]
    lines.append(f"{'overall':<32} {p:>6} {t:>5}  {p / t:6.1%}")
    if capability is None:
        good = sum(rate(table[n]) >= TARGET_CAPABILITY for n in names)
        lines.append(f"rows at >= {TARGET_CAPABILITY:.0%}: {good} of {len(names)}; "
                     f"target {TARGET_OVERALL:.0%} overall and {TARGET_CAPABILITY:.0%} in every row")
    return "\n".join(lines)


def informative_failures(results: list[Result], limit: int = 30) -> list[Result]:
    """Failures spread over capabilities (round robin, worst capability first; short sentences first)."""
    table = rows(results)
    by_cap = defaultdict(list)
    for r in results:
        if not r.ok:
            by_cap[r.case.capability].append(r)
    for v in by_cap.values():
        # one per template and modifier first, then the rest; shorter sentences first
        seen, first, rest = set(), [], []
        for r in sorted(v, key=lambda r: len(r.case.text)):
            key = (r.case.template, r.case.modifier)
            (rest if key in seen else first).append(r)
            seen.add(key)
        v[:] = first + rest
    caps = sorted(by_cap, key=lambda c: rate(table[c]))
    out = []
    while len(out) < limit and any(by_cap.values()):
        for c in caps:
            if by_cap[c] and len(out) < limit:
                out.append(by_cap[c].pop(0))
    return out


def format_failures(failures: list[Result]) -> str:
    lines = []
    for r in failures:
        lines.append(f"[{r.case.capability} | {r.case.modifier} | {', '.join(r.case.sides)}] {r.case.text}")
        lines.append(f"    expected: {r.expected_text()}")
        lines.append(f"    got:      {r.got_text()}")
        lines.append(f"    ({r.why})")
    return "\n".join(lines)


def timed_run(nlp=None):
    t = time.perf_counter()
    results = run_grid(nlp)
    return results, time.perf_counter() - t
