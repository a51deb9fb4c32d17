"""Screenshots of the view for docs/: default view, an ego focus, a brushed month, for each store.

Run: .venv/bin/python scripts/view_screenshots.py STORE:NAME... (e.g. /tmp/r300.db:reuters-300)
writes docs/view-NAME.png, docs/view-NAME-ego.png, docs/view-NAME-month.png.
"""
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from bench_view import small_png  # noqa: E402

from graphkit.graph import load_graph  # noqa: E402
from graphkit.view import render_html  # noqa: E402
from graphkit.view.browser import Chromium  # noqa: E402

DOCS = Path(__file__).resolve().parent.parent / "docs"

with Chromium(width=1400, height=900, timeout=120) as b, tempfile.TemporaryDirectory() as tmp:
    for arg in sys.argv[1:]:
        store, name = arg.rsplit(":", 1)
        page = render_html(load_graph(store), Path(tmp) / f"{name}.html", title=f"graphkit: {name}")
        b.open(page, timeout=120)
        b.pump(0.5)
        small_png(b.screenshot(DOCS / f"view-{name}.png"))
        top = b.evaluate("gk.labelled()[0]")
        b.evaluate(f"gk.focus({top!r}); true")
        b.pump(0.8)
        small_png(b.screenshot(DOCS / f"view-{name}-ego.png"))
        b.evaluate("gk.clearFocus(); gk.network.fit({animation: false}); true")
        # the busiest month (or day) of the histogram
        b.evaluate("(function () { var h = gk.histogram(), i = h.counts.indexOf(Math.max.apply(null, h.counts));"
                   " gk.brush(i, i); })(); true")
        b.pump(0.8)
        small_png(b.screenshot(DOCS / f"view-{name}-month.png"))
        print(name, top, b.evaluate("gk.brushNote()"), b.errors)
