"""Benchmark of the HTML view in a real browser (headless Chromium, network blocked).

Two kinds of graph:

* ``--db STORE`` (repeatable): the graph of a store, as ``graphkit run``
  draws it (``graphkit.graph.load_graph`` + ``render_html`` with its defaults),
  e.g. 300 and 3,000 Reuters stories ingested once::

      head -3000 ../shared/corpora/reuters21578.jsonl > r3000.jsonl
      .venv/bin/graphkit run r3000.jsonl -o /tmp/r3000
      .venv/bin/python bench/bench_view.py --db /tmp/r3000/graphkit.db

* without ``--db``: a generated actor graph of ``--nodes`` nodes (default
  3,000: scale-free co-occurrence layer, dated meetings with evidence,
  affiliations; seeded), rendered with every actor drawn and with the default
  ``max_nodes``.

For each page it prints the Python render time (layout and centralities
included), the page size, what is drawn by default, and, in the browser:

* *interactive*: from navigation start to the first frame vis-network drew
  (the page sets ``window.gkReady = performance.now()`` on its first
  ``afterDrawing``) plus the time to answer a search (find + focus on the
  actor's ego network + list its meetings) and draw the next frame;
* the time to answer a click-like focus on the most central actor and a
  brush of the histogram (filter by date), each until the next frame.

Target: interactive in under 1 s. ``--screenshot PNG`` (one per ``--db``, in
order) saves the default view as it first appears (1400 x 900, 256 colours).

Run: .venv/bin/python bench/bench_view.py [--db STORE]... [--screenshot PNG]... [--nodes N]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from graphkit.view import render_html
from graphkit.view.browser import Chromium, find_chromium

TYPES = ("person", "person", "person", "organization", "country", "forum")
KINDS = ("meeting", "talks", "visit", "call")
TARGET_S = 1.0
WIDTH, HEIGHT = 1400, 900


def generated_graph(n: int = 3000, seed: int = 7) -> nx.MultiGraph:
    """A seeded actor MultiGraph of ``n`` nodes following docs/graph-schema.md."""
    rng = random.Random(seed)
    S = nx.powerlaw_cluster_graph(n, 2, 0.2, seed=seed)
    names = [f"Actor {i:04d}" for i in range(n)]
    G = nx.MultiGraph(articles=n // 3)
    countries = []
    for i, name in enumerate(names):
        typ = rng.choice(TYPES)
        if typ == "country":
            countries.append(name)
        G.add_node(name, type=typ, country=None, roles=["Minister"] if typ == "person" and rng.random() < .3 else [],
                   aliases=[name.split()[-1]], mentions=rng.randint(1, 40), articles=rng.randint(1, 10),
                   article_ids=[f"art{rng.randint(0, n)}" for _ in range(3)])
    for u, v in S.edges():
        G.add_edge(names[u], names[v], layer="cooccurrence", kind="cooccurrence", weight=rng.randint(1, 6),
                   articles=[f"art{rng.randint(0, n)}"])
    edges = list(S.edges())
    for k, (u, v) in enumerate(rng.sample(edges, min(len(edges), n))):
        day = rng.randint(1, 28)
        G.add_edge(names[u], names[v], layer="meetings", kind=rng.choice(KINDS), status="happened",
                   location="Geneva", date=f"May {day}", date_iso=f"2020-{rng.randint(1, 12):02d}-{day:02d}",
                   evidence=f"{names[u]} met {names[v]} in Geneva on May {day} to discuss <trade> & security.",
                   article=f"art{k}", article_date="2020-12-31", meeting_id=f"art{k}#0",
                   participants=[names[u], names[v]], hub=None, weight=1)
    for name in names:
        if G.nodes[name]["type"] == "person" and countries and rng.random() < 0.4:
            c = rng.choice(countries)
            G.nodes[name]["country"] = c
            G.add_edge(name, c, layer="affiliation", kind="affiliation", weight=1, source=name)
    return G


def small_png(path: Path) -> Path:
    """Rewrite a screenshot with a 256-colour palette (a third of the size; the view's colours are kept)."""
    from PIL import Image  # Pillow comes with matplotlib

    with Image.open(path) as im:
        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    small.save(path, optimize=True)
    return path


_NEXT_FRAME = """new Promise(function (resolve) {
    var t0 = performance.now();
    gk.network.once('afterDrawing', function () { resolve(performance.now() - t0); });
    (function () { %s })();
    gk.network.redraw();
})"""


def measure(browser: Chromium, path: Path, screenshot: Path | None = None) -> dict:
    """Open ``path`` and time the first frame, a search, a focus and a brush."""
    wall = browser.open(path, timeout=60)
    ready_ms = browser.evaluate("window.gkReady")
    browser.pump(0.3)
    first = json.loads(browser.evaluate("JSON.stringify({drawn: gk.drawn(), labelled: gk.labelled(),"
                                        " state: gk.state(), stats: document.getElementById('gk-stats').textContent,"
                                        " hist: gk.histogram()})"))
    if screenshot is not None:
        small_png(browser.screenshot(screenshot))
    # the most central actor drawn, by the size measure, and the actor searched for (a meeting participant)
    top = browser.evaluate("gk.labelled()[0] || gk.data.nodes[0].gk.name")
    search_ms = browser.evaluate(_NEXT_FRAME % f"gk.search({json.dumps(top)}, false);", timeout=30)
    browser.evaluate("gk.clearFocus(); true")
    focus_ms = browser.evaluate(_NEXT_FRAME % f"gk.focus({json.dumps(top)});", timeout=30)
    browser.evaluate("gk.clearFocus(); true")
    n_bins = len(first["hist"]["bins"])
    brush_ms = None
    if n_bins:  # the middle third of the histogram
        brush_ms = browser.evaluate(_NEXT_FRAME % f"gk.brush({n_bins // 3}, {(2 * n_bins) // 3});", timeout=30)
    return {"wall_s": wall, "ready_s": ready_ms / 1000, "search_s": search_ms / 1000, "focus_s": focus_ms / 1000,
            "brush_s": None if brush_ms is None else brush_ms / 1000, "searched": top, **first}


def report(label: str, path: Path, render_s: float, m: dict, browser: Chromium) -> bool:
    total = m["ready_s"] + m["search_s"]
    ok = total < TARGET_S and not browser.blocked and not browser.errors
    st = m["state"]
    print(f"{label}:")
    print(f"  page {path.stat().st_size / 1e6:.1f} MB, render (Python, layout and centralities) {render_s:.2f} s")
    print(f"  default view: {m['stats']}; {m['drawn']['nodes']:,} nodes / {m['drawn']['edges']:,} edges drawn; "
          f"co-occurrence {'from ' + str(st['minWeight']) + ' sentences' if st['cooccurrence'] else 'off'}, "
          f"unlinked actors {'hidden (' + format(st['counts']['unlinked'], ',') + ')' if st['hideUnlinked'] else 'shown'}")
    print(f"  labelled at the first zoom ({len(m['labelled'])}): {', '.join(m['labelled'])}")
    hist = m["hist"]
    if hist["bins"]:
        print(f"  histogram: {len(hist['bins'])} {hist['unit']} bins, {hist['total']:,} meetings "
              f"({hist['undated']:,} undated)")
    brush = f", brush {m['brush_s'] * 1000:.0f} ms" if m["brush_s"] is not None else ""
    print(f"  first frame {m['ready_s']:.2f} s, search ({m['searched']}) answered in {m['search_s'] * 1000:.0f} ms"
          f" -> interactive after {total:.2f} s (target < {TARGET_S:.0f} s); focus {m['focus_s'] * 1000:.0f} ms{brush}")
    if browser.blocked or browser.errors:
        print(f"  blocked requests: {browser.blocked}; errors: {browser.errors}")
    return ok


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", action="append", default=[], type=Path, help="a graphkit store (repeatable)")
    ap.add_argument("--screenshot", action="append", default=[], type=Path,
                    help="PNG of the default view, one per --db (in order)")
    ap.add_argument("--nodes", type=int, default=3000, help="size of the generated graph (without --db)")
    ap.add_argument("--out", type=Path, default=None, help="keep the pages in this directory")
    args = ap.parse_args(argv)
    if not find_chromium():
        print("bench_view: no chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="graphkit-bench-view-"))
    out.mkdir(parents=True, exist_ok=True)
    ok = True
    with Chromium(width=WIDTH, height=HEIGHT, timeout=60) as browser:
        if args.db:
            from graphkit.graph import load_graph

            for i, db in enumerate(args.db):
                t0 = time.perf_counter()
                G = load_graph(db)
                load_s = time.perf_counter() - t0
                t0 = time.perf_counter()
                path = render_html(G, out / f"view_{i}.html", title="graphkit: actor graph")
                render_s = time.perf_counter() - t0
                shot = args.screenshot[i] if i < len(args.screenshot) else None
                m = measure(browser, path, shot)
                label = (f"{db}: {G.graph.get('articles', 0):,} articles, {G.number_of_nodes():,} actors, "
                         f"{G.number_of_edges():,} edges (graph built in {load_s:.2f} s)")
                ok &= report(label, path, render_s, m, browser)
                if shot:
                    print(f"  screenshot: {shot} ({shot.stat().st_size / 1e3:.0f} kB)")
        else:
            G = generated_graph(args.nodes)
            pairs = len({frozenset(e) for e in G.edges() if e[0] != e[1]})
            print(f"generated graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges ({pairs:,} pairs)")
            for label, max_nodes in (("all actors", None), ("default max_nodes", 1500)):
                t0 = time.perf_counter()
                path = render_html(G, out / f"view_{max_nodes or 'all'}.html", title="bench", max_nodes=max_nodes)
                render_s = time.perf_counter() - t0
                ok &= report(label, path, render_s, measure(browser, path), browser)
    print("OK" if ok else "TOO SLOW OR FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
