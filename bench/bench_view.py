"""Benchmark of the HTML view in a real browser (headless Chromium, network blocked).

Generates an actor graph of N nodes (default 3,000: scale-free co-occurrence
layer, dated meetings with evidence, affiliations; seeded), renders it with
``render_html(..., max_nodes=None)`` (every actor drawn) and opens it in
headless Chromium. Prints:

* the Python render time (layout included);
* time to interactive: from navigation start to the first frame vis-network
  drew (the page sets ``window.gkReady = performance.now()`` on its first
  ``afterDrawing``), then the time the page takes to answer a search (find +
  select + focus) and draw the next frame;
* the same for the default ``max_nodes`` (1,500 shown, with the note).

Target: interactive in under 5 s for 3,000 nodes.

Run: PYTHONPATH=. .venv/bin/python bench/bench_view.py [--nodes N] [--out DIR]
"""
from __future__ import annotations

import argparse
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
TARGET_S = 5.0


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


def measure(browser: Chromium, path: Path) -> dict:
    wall = browser.open(path, timeout=60)
    ready_ms = browser.evaluate("window.gkReady")
    drawn = browser.evaluate("gk.drawn()")
    respond_ms = browser.evaluate("""new Promise(function (resolve) {
        var t0 = performance.now();
        gk.network.once('afterDrawing', function () { resolve(performance.now() - t0); });
        gk.search('Actor 0042', false);
        gk.network.redraw();
    })""", timeout=30)
    return {"wall_s": wall, "ready_s": ready_ms / 1000, "respond_s": respond_ms / 1000, "drawn": drawn}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=3000)
    ap.add_argument("--out", type=Path, default=None, help="keep the generated pages in this directory")
    args = ap.parse_args(argv)
    if not find_chromium():
        print("bench_view: no chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="graphkit-bench-view-"))
    G = generated_graph(args.nodes)
    pairs = len({frozenset(e) for e in G.edges() if e[0] != e[1]})
    print(f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges ({pairs:,} drawn pairs)")
    ok = True
    with Chromium(timeout=60) as browser:
        for label, max_nodes in (("all actors", None), ("default max_nodes", 1500)):
            t0 = time.perf_counter()
            path = render_html(G, out / f"view_{max_nodes or 'all'}.html", title="bench", max_nodes=max_nodes)
            render_s = time.perf_counter() - t0
            m = measure(browser, path)
            total = m["ready_s"] + m["respond_s"]
            ok &= total < TARGET_S and not browser.blocked and not browser.errors
            print(f"{label:>18}: {m['drawn']['nodes']:,} nodes / {m['drawn']['edges']:,} edges drawn; "
                  f"page {path.stat().st_size / 1e6:.1f} MB, render (Python) {render_s:.2f} s; "
                  f"interactive after {m['ready_s']:.2f} s (first frame), search answered in "
                  f"{m['respond_s'] * 1000:.0f} ms -> {total:.2f} s (target < {TARGET_S:.0f} s)")
        if browser.blocked or browser.errors:
            print(f"blocked requests: {browser.blocked}; errors: {browser.errors}")
    print("OK" if ok else "TOO SLOW OR FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
