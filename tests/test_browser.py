"""The HTML view in a real browser: headless Chromium, every network request blocked.

Chromium is Debian's ``chromium`` package; ``.ci/run`` installs it (and fails
when it cannot).  The tests never install anything: without a browser they
skip, saying why, except under ``CI=true``, where a missing browser is a
failure (CI must run them).  Writes ``tests/artifacts/seeds_view.png``
(screenshot of the seeds' view).
"""
from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SEEDS = ROOT / "seeds"

XSS_NAME = '<img src=x onerror="window.__pwned=1">Evil Corp'
XSS_EVIDENCE = ('Evil Corp met Sergei Lavrov <img src=x onerror="window.__pwned=1"> and said '
                '<script>window.__pwned=2</script> in Moscow.')


def _missing(reason: str):
    """No browser here: skip, or fail under CI (``CI=true``), where the browser tests must run."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}; .ci/run installs it (Debian: apt-get install chromium)")
    pytest.skip(f"{reason} (Debian: apt-get install chromium; .ci/run installs it)")


def _chromium() -> str:
    if importlib.util.find_spec("websocket") is None:  # the browser is driven over its DevTools websocket
        _missing("websocket-client is not installed (pip install -e '.[test]')")
    from graphkit.view.browser import find_chromium

    found = find_chromium()
    if not found:
        _missing("chromium is not installed")
    return found


@pytest.fixture(scope="module")
def chromium_binary():
    return _chromium()


@pytest.mark.parametrize("ci, outcome", [("true", pytest.fail.Exception), ("", pytest.skip.Exception)],
                         ids=["CI=true fails", "elsewhere skips"])
def test_no_browser_never_installs_one(monkeypatch, ci, outcome):
    """Without chromium the tests change nothing on the system: no apt-get, no process at all."""
    import subprocess

    import graphkit.view.browser as browser

    def no_process(*args, **kwargs):
        raise AssertionError(f"a test started a process to get a browser: {args[0] if args else kwargs}")

    for name in ("run", "Popen", "call", "check_call", "check_output"):
        monkeypatch.setattr(subprocess, name, no_process)
    monkeypatch.setattr(browser, "find_chromium", lambda: None)
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="chromium is not installed"):
        _chromium()


@pytest.fixture(scope="module")
def seeds_graph():
    """The seeds' graph plus an actor and a dated meeting whose texts hold HTML / script payloads."""
    from graphkit.pipeline import extract_paths
    from graphkit.graph import build_graph

    try:
        records, _report = extract_paths([SEEDS])
    except Exception as exc:  # noqa: BLE001 - no spaCy model here
        pytest.skip(f"cannot parse the seeds: {exc}")
    G = build_graph(records)
    assert G.number_of_nodes() > 20
    lavrov = next(n for n in G if "Lavrov" in n)
    G.add_node(XSS_NAME, type="organization", country=None, roles=["<b>Chair</b>"],
               aliases=["<script>window.__pwned=3</script>"], mentions=1, articles=1, article_ids=["x1"])
    G.add_edge(XSS_NAME, lavrov, layer="meetings", kind="meeting", status="happened", location="Moscow",
               date="Jan 5", date_iso="2017-01-05", evidence=XSS_EVIDENCE, article="x1<i>",
               article_date="2017-01-06", meeting_id="x1#0", participants=[XSS_NAME, lavrov], hub=None, weight=1)
    return G


def _pairs(G) -> int:
    return len({frozenset((u, v)) for u, v in G.edges() if u != v})


@pytest.fixture(scope="module")
def browser(chromium_binary):
    from graphkit.view.browser import Chromium

    with Chromium(chromium_binary, width=1400, height=900, timeout=60) as b:
        yield b


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory, seeds_graph, browser):
    from graphkit.view import render_html

    path = render_html(seeds_graph, tmp_path_factory.mktemp("view") / "seeds view.html", title="graphkit: seeds")
    browser.open(path, timeout=30)
    browser.pump(0.3)
    return path


def test_draws_every_node_and_edge_offline(browser, seeds_page, seeds_graph):
    got = browser.evaluate("JSON.stringify({data: [gk.nodes.length, gk.edges.length], drawn: gk.drawn(),"
                           " ready: window.gkReady, nodes: gk.network.body.data.nodes.length,"
                           " edges: gk.network.body.data.edges.length})")
    got = json.loads(got)
    expected = [seeds_graph.number_of_nodes(), _pairs(seeds_graph)]
    assert got["data"] == expected
    assert [got["nodes"], got["edges"]] == expected
    assert [got["drawn"]["nodes"], got["drawn"]["edges"]] == expected
    assert got["ready"] > 0  # the first frame was drawn
    # no request but the page itself, nothing blocked, no error (CSP violations included)
    assert browser.blocked == []
    assert [u for u in browser.requests if not u.startswith("data:")] == [seeds_page.resolve().as_uri()]
    assert browser.errors == []
    assert browser.evaluate("document.getElementById('gk-stats').textContent").startswith(
        f"{expected[0]} actors, {expected[1]} links shown")


def test_screenshot(browser, seeds_page):
    browser.evaluate("gk.network.fit({animation: false}); true")
    browser.pump(0.3)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("# written by the tests\n*\n")
    out = browser.screenshot(ARTIFACTS / "seeds_view.png")
    assert out.stat().st_size > 20_000


def test_search_focuses_a_node(browser, seeds_page):
    assert browser.evaluate("gk.search('lavrov', false)") == "Sergei Lavrov"
    state = json.loads(browser.evaluate(
        "var id = gk.idOf('Sergei Lavrov'), p = gk.network.getPosition(id), v = gk.network.getViewPosition();"
        "JSON.stringify({id: id, selected: gk.network.getSelectedNodes(), dx: p.x - v.x, dy: p.y - v.y,"
        " details: document.getElementById('gk-details').textContent,"
        " msg: document.getElementById('gk-search-msg').textContent})"))
    assert state["selected"] == [state["id"]]
    assert abs(state["dx"]) < 1 and abs(state["dy"]) < 1  # centred on it
    assert "Sergei Lavrov" in state["details"] and "Foreign Minister" in state["details"]
    assert state["msg"] == "Found: Sergei Lavrov"
    # the search box itself (typed + submitted) and an alias
    browser.evaluate("var i = document.getElementById('gk-search'); i.value = 'Kerry';"
                     "document.getElementById('gk-search-form').requestSubmit(); true")
    assert browser.evaluate("gk.network.getSelectedNodes()[0] === gk.idOf('John Kerry')")
    assert browser.evaluate("gk.search('no such actor zzz')") is None


def test_filters(browser, seeds_page, seeds_graph):
    n_people = sum(1 for _, d in seeds_graph.nodes(data=True) if d.get("type") == "person")
    drawn = browser.evaluate("gk.setType('person', false); gk.drawn()")
    assert drawn["nodes"] == seeds_graph.number_of_nodes() - n_people
    browser.evaluate("gk.setType('person', true); true")
    no_cooc = browser.evaluate("gk.setKind('cooccurrence', false)")
    assert 0 < no_cooc["edges"] < _pairs(seeds_graph)
    browser.evaluate("gk.setKind('cooccurrence', true); true")
    # the only dated meeting is 2017-01-05: outside the range its edge (meeting only) disappears
    assert browser.evaluate("!document.getElementById('gk-dates').hidden")
    full = browser.evaluate("gk.setDates('', '')")
    early = browser.evaluate("gk.setDates('2016-01-01', '2016-12-31', true)")
    assert early["edges"] == full["edges"] - 1
    assert browser.evaluate("gk.setDates('2017-01-01', '2017-01-31', false)")["edges"] < full["edges"]
    assert browser.evaluate("gk.setDates('', '', true)") == full


def test_payloads_are_text(browser, seeds_page):
    browser.mouse_move(5, 5)  # park the pointer on the sidebar: no hover card from an earlier test
    browser.pump(0.2)
    browser.evaluate(f"gk.search({json.dumps('Evil Corp')}, false); true")
    details = browser.evaluate("document.getElementById('gk-details').textContent")
    assert XSS_NAME in details and "<b>Chair</b>" in details
    edge = browser.evaluate(
        "var id = gk.idOf(" + json.dumps(XSS_NAME) + "); gk.data.edges.filter(function (e) {"
        " return (e.from === id || e.to === id) && e.gk.meetings.length; })[0].id")
    assert browser.evaluate(f"gk.details({json.dumps(edge)})")
    details = browser.evaluate("document.getElementById('gk-details').textContent")
    assert XSS_EVIDENCE in details and "article x1<i>" in details
    # hover over the node: the tooltip shows the name as text
    x, y = browser.evaluate(
        "var id = gk.idOf(" + json.dumps(XSS_NAME) + ");"
        # move it clear of the others first: the layout may put another node on top of it
        "var ps = gk.network.getPositions(), mx = -1e9, my = -1e9;"
        "for (var k in ps) { mx = Math.max(mx, ps[k].x); my = Math.max(my, ps[k].y); }"
        "gk.network.moveNode(id, mx + 400, my + 400);"
        "gk.network.focus(id, {scale: 1.5, animation: false});"
        "var p = gk.network.canvasToDOM(gk.network.getPosition(id)), r = document.getElementById('gk-network')"
        ".getBoundingClientRect(); [p.x + r.left, p.y + r.top]")
    browser.mouse_move(x - 40, y - 40)
    browser.mouse_move(x, y)
    tip = browser.wait_for("var t = document.getElementById('gk-tip'); !t.hidden && t.textContent", timeout=10)
    assert XSS_NAME in tip
    browser.click(x, y)
    browser.pump(0.5)
    checks = json.loads(browser.evaluate(
        "JSON.stringify({pwned: typeof window.__pwned, imgs: document.querySelectorAll('img').length,"
        " scripts: document.scripts.length, bold: document.querySelectorAll('#gk-side b, #gk-tip b, i').length})"))
    assert checks == {"pwned": "undefined", "imgs": 0, "scripts": 3, "bold": 0}
    assert browser.blocked == []  # the payload's <img src=x> was never even requested
    assert browser.errors == []
