"""The default view, following a thread and the time histogram, in headless Chromium.

The graph is built by hand (invented actors) so that every expected number
follows from its construction:

* 5 persons in 6 meetings (January, February, March twice, May; one dated only
  by its article, one undated), 4 countries, 1 person with only an affiliation;
* 200 organizations linked by co-occurrence: 400 pairs named in 1 sentence,
  40 pairs in 2 sentences (organizations 0-79), 10 pairs in 5 sentences with
  Ruritania (organizations 0-9).

210 actors (> 150) and 450 co-occurrence links (> 300): by default
co-occurrence is shown from 2 sentences (50 links), actors with no link
shown are hidden (organizations 80-199 and the affiliation-only person: 121).
"""
from __future__ import annotations

import json

import networkx as nx
import pytest

from test_browser import chromium_binary  # noqa: F401  (the shared browser-finding fixture)

PERSONS = {"Anna Berg": "Ruritania", "Karl Holm": "Freedonia", "Lena Dahl": "Sylvania",
           "Omar Tal": "Grand Fenwick", "Piet Vos": "Freedonia", "Mia Lund": "Sylvania"}
COUNTRIES = ("Ruritania", "Freedonia", "Sylvania", "Grand Fenwick")
#: meeting id -> (participants, kind, date_iso, article_date, place)
MEETINGS = {
    "a1#0": (("Anna Berg", "Karl Holm"), "talks", "2020-01-10", "2020-01-11", "Oslo"),
    "a2#0": (("Anna Berg", "Lena Dahl"), "visit", "2020-02-14", "2020-02-15", "Strelsau"),
    "a3#0": (("Anna Berg", "Omar Tal"), "meeting", None, "2020-03-20", "Geneva"),
    "a4#0": (("Anna Berg", "Karl Holm"), "call", None, None, None),
    "a5#0": (("Karl Holm", "Piet Vos"), "meeting", "2020-03-05", "2020-03-06", "Vienna"),
    "a6#0": (("Lena Dahl", "Omar Tal"), "meeting", "2020-05-02", "2020-05-02", "Rome"),
}
ORGS = [f"Org {i:03d}" for i in range(200)]


def evidence(mid: str) -> str:
    (a, b), kind, *_ = MEETINGS[mid]
    return f"{a} and {b} held a {kind} <b>({mid})</b>."


def thread_graph() -> nx.MultiGraph:
    G = nx.MultiGraph(articles=6)
    for c in COUNTRIES:
        G.add_node(c, type="country", country=None, roles=[], aliases=[], mentions=5, articles=2, article_ids=["a1"])
    for p, c in PERSONS.items():
        G.add_node(p, type="person", country=c, roles=["Minister"], aliases=[p.split()[-1]], mentions=3,
                   articles=1, article_ids=["a1"])
        G.add_edge(p, c, layer="affiliation", kind="affiliation", weight=1, source=p)
    for o in ORGS:
        G.add_node(o, type="organization", country=None, roles=[], aliases=[], mentions=1, articles=1,
                   article_ids=["z"])
    for i in range(200):
        for step in (1, 2):
            G.add_edge(ORGS[i], ORGS[(i + step) % 200], layer="cooccurrence", kind="cooccurrence", weight=1,
                       articles=["z"])
    for i in range(40):
        G.add_edge(ORGS[i], ORGS[i + 40], layer="cooccurrence", kind="cooccurrence", weight=2, articles=["z"])
    for i in range(10):
        G.add_edge(ORGS[i], "Ruritania", layer="cooccurrence", kind="cooccurrence", weight=5, articles=["z"])
    for mid, ((a, b), kind, date_iso, article_date, place) in MEETINGS.items():
        G.add_edge(a, b, layer="meetings", kind=kind, status="happened", location=place, date=None,
                   date_iso=date_iso, evidence=evidence(mid), article=mid.split("#")[0], article_date=article_date,
                   meeting_id=mid, participants=[a, b], hub=None, weight=1)
    return G


@pytest.fixture(scope="module")
def browser(chromium_binary):  # noqa: F811 - the imported fixture
    from graphkit.view.browser import Chromium

    with Chromium(chromium_binary, width=1400, height=900, timeout=60) as b:
        yield b


@pytest.fixture(scope="module")
def thread_page(tmp_path_factory):
    from graphkit.view import render_html

    return render_html(thread_graph(), tmp_path_factory.mktemp("view") / "thread.html", title="Thread")


@pytest.fixture()
def page(browser, thread_page):
    """The thread graph's view, freshly loaded for each test; no error, nothing fetched."""
    browser.open(thread_page, timeout=60)
    browser.pump(0.2)
    yield thread_page
    assert browser.errors == [] and browser.blocked == []


def js(browser, expr):
    return json.loads(browser.evaluate(f"JSON.stringify({expr})"))


def screen_point(browser, name):
    """Page coordinates of an actor's node."""
    return js(browser, "(function () { var id = gk.idOf(" + json.dumps(name) + "),"
                       " p = gk.network.canvasToDOM(gk.network.getPosition(id)),"
                       " r = document.getElementById('gk-network').getBoundingClientRect();"
                       " return [p.x + r.left, p.y + r.top]; })()")


def test_default_view_shows_meetings_and_strong_links(browser, page):
    state = js(browser, "gk.state()")
    assert state["cooccurrence"] is True and state["minWeight"] == 2 and state["hideUnlinked"] is True
    # 5 persons, 4 countries, organizations 0-79; 5 meeting pairs + 5 affiliations + 50 co-occurrence links
    assert js(browser, "gk.drawn()") == {"nodes": 89, "edges": 60}
    assert browser.evaluate("document.getElementById('gk-unlinked-text').textContent") == (
        "121 actors with no link shown are hidden.")
    assert browser.evaluate("document.getElementById('gk-cooc-text').textContent") == (
        "from 2 sentences naming both: 50 links")
    # the slider moves the threshold: from 1 sentence every organization is linked
    browser.evaluate("var r = document.getElementById('gk-cooc-min'); r.value = 0;"
                     " r.dispatchEvent(new Event('input')); true")
    assert js(browser, "gk.drawn()") == {"nodes": 209, "edges": 460}
    assert js(browser, "gk.state()")["counts"]["unlinked"] == 1        # the affiliation-only person
    browser.evaluate("document.getElementById('gk-unlinked-show').click(); true")
    assert js(browser, "gk.drawn()")["nodes"] == 210
    assert browser.evaluate("document.getElementById('gk-unlinked-note').hidden") is True


def test_labels_meeting_participants_first_without_overlap(browser, page):
    labelled = js(browser, "gk.labelled()")
    # the most central actors and the meeting participants in turn: all five of these in the first ten
    assert {"Anna Berg", "Karl Holm", "Lena Dahl", "Omar Tal", "Piet Vos"} <= set(labelled[:10])
    assert "Ruritania" in labelled[:3]              # the most central actor (co-occurrence with 10 organizations)
    assert len(labelled) <= 80            # the most central only, at the first zoom
    boxes = js(browser, "gk.labelBoxes()")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3])
    # zoomed in on the organizations, the less central ones get their labels too
    browser.evaluate("gk.network.moveTo({position: gk.network.getPosition(gk.idOf('Org 050')),"
                     " scale: gk.fitScale() * 8, animation: false}); gk.network.redraw(); true")
    assert "Org 050" in js(browser, "gk.labelled()")


def test_click_actor_focuses_ego_network_and_lists_meetings(browser, page):
    x, y = screen_point(browser, "Anna Berg")
    browser.mouse_move(x, y)
    browser.click(x, y)
    browser.pump(0.6)
    assert js(browser, "gk.focused()") == ["Anna Berg", "Karl Holm", "Lena Dahl", "Omar Tal", "Ruritania"]
    # the others are dimmed, the ego network keeps its colours
    colors = js(browser, "(function () { var o = {}; ['Anna Berg', 'Org 000', 'Piet Vos'].forEach(function (n) {"
                         " o[n] = gk.nodes.get(gk.idOf(n)).color.background; }); return o; })()")
    assert colors["Org 000"] == colors["Piet Vos"] != colors["Anna Berg"]
    assert browser.evaluate("document.getElementById('gk-panel').hidden") is False
    items = js(browser, "Array.from(document.querySelectorAll('#gk-meeting-list .gk-sent'))"
                        ".map(function (m) { return m.textContent; })")
    # one card per sentence, newest first: 2020-03-20 (article date), 2020-02-14, 2020-01-10, then the undated call
    order = ["a3#0", "a2#0", "a1#0", "a4#0"]
    assert [next(mid for mid in MEETINGS if f"({mid})" in text) for text in items] == order
    assert "article of 2020-03-20" in items[0] and "in Geneva" in items[0] and "Anna Berg \u2013 Omar Tal" in items[0]
    assert "2020-02-14" in items[1] and "in Strelsau" in items[1]
    assert "undated" in items[3]
    assert all(evidence(mid) in text for mid, text in zip(order, items))       # evidence as text, not HTML
    assert all(f"article {mid.split('#')[0]}" in text for mid, text in zip(order, items))
    assert browser.evaluate("document.querySelectorAll('#gk-meeting-list b').length") == 0
    # depth 2 reaches the partners' partners (and the countries and links around them)
    browser.evaluate("document.getElementById('gk-depth-2').click(); true")
    focused = js(browser, "gk.focused()")
    assert {"Piet Vos", "Freedonia", "Sylvania", "Grand Fenwick", "Org 000"} <= set(focused)
    assert "Org 050" not in focused
    # following the thread: a counterpart's name focuses that actor
    browser.evaluate("Array.from(document.querySelectorAll('#gk-meeting-list button'))"
                     ".filter(function (b) { return b.textContent === 'Karl Holm'; })[0].click(); true")
    assert browser.evaluate("document.querySelector('#gk-details h2').textContent") == "Karl Holm"
    # the article link shows the article and its actors
    browser.evaluate("Array.from(document.querySelectorAll('#gk-meeting-list button'))"
                     ".filter(function (b) { return b.textContent === 'a5'; })[0].click(); true")
    assert browser.evaluate("document.querySelector('#gk-details h2').textContent") == "Article a5"
    assert js(browser, "gk.focused()") == ["Karl Holm", "Piet Vos"]
    # clicking the background shows everything again
    browser.evaluate("document.getElementById('gk-close').click(); true")
    assert js(browser, "gk.focused()") is None and js(browser, "gk.drawn()") == {"nodes": 89, "edges": 60}


def test_search_zooms_to_the_actor(browser, page):
    assert browser.evaluate("gk.search('holm', false)") == "Karl Holm"
    got = js(browser, "(function () { var p = gk.network.getPosition(gk.idOf('Karl Holm')),"
                      " v = gk.network.getViewPosition(); return {dx: p.x - v.x, dy: p.y - v.y,"
                      " scale: gk.network.getScale(), fit: gk.fitScale()}; })()")
    assert abs(got["dx"]) < 1 and abs(got["dy"]) < 1
    assert got["scale"] > got["fit"] * 1.2                 # zoomed in on it ...
    ego = js(browser, "gk.focused()")
    assert ego == ["Anna Berg", "Freedonia", "Karl Holm", "Piet Vos"]
    inside = js(browser, "(function () { var c = gk.network.canvas.frame.canvas.getBoundingClientRect(),"
                         " panel = document.getElementById('gk-panel').getBoundingClientRect();"
                         " return gk.focused().map(function (n) { var p = gk.network.canvasToDOM("
                         "gk.network.getPosition(gk.idOf(n))), x = p.x + c.left, y = p.y + c.top;"
                         " return x > c.left && x < Math.min(c.right, panel.left) && y > c.top && y < c.bottom; });"
                         " })()")
    assert inside == [True] * 4                            # ... with its ego network in view, clear of the panel


def test_brushing_the_histogram_filters_by_date(browser, page):
    hist = js(browser, "gk.histogram()")
    assert hist["unit"] == "month" and hist["bins"] == ["2020-01", "2020-02", "2020-03", "2020-04", "2020-05"]
    assert hist["counts"] == [1, 1, 2, 0, 1] and hist["undated"] == 1
    assert browser.evaluate("document.getElementById('gk-hist-caption').textContent") == (
        "6 meetings: 4 dated by the text, 1 by the article date, 1 undated.")
    rects = js(browser, "Array.from(document.querySelectorAll('#gk-hist .gk-bar')).map(function (b) {"
                        " var r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.bottom - 2]; })")
    browser.evaluate("document.getElementById('gk-hist').scrollIntoView(); true")
    rects = js(browser, "Array.from(document.querySelectorAll('#gk-hist .gk-bar')).map(function (b) {"
                        " var r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.bottom - 2]; })")
    (x1, y), (x2, _) = rects[1], rects[2]           # drag from February to March
    browser.send("Input.dispatchMouseEvent", {"type": "mousePressed", "x": x1, "y": y, "button": "left",
                                              "clickCount": 1})
    browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": (x1 + x2) / 2, "y": y, "button": "left",
                                              "buttons": 1})
    browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x2, "y": y, "button": "left", "buttons": 1})
    browser.send("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": x2, "y": y, "button": "left",
                                              "clickCount": 1})
    browser.pump(0.3)
    state = js(browser, "gk.state()")
    assert (state["from"], state["to"], state["undated"]) == ("2020-02-01", "2020-03-31", False)
    assert browser.evaluate("document.getElementById('gk-from').value") == "2020-02-01"
    assert browser.evaluate("document.getElementById('gk-to').value") == "2020-03-31"
    assert js(browser, "gk.meetingsShown()") == ["a2#0", "a3#0", "a5#0"]
    # Berg-Holm (January and undated) and Dahl-Tal (May) are gone: 3 meetings + 5 affiliations + 50 links
    assert js(browser, "gk.drawn()")["edges"] == 58
    selected = js(browser, "Array.from(document.querySelectorAll('#gk-hist .gk-bar')).map(function (b) {"
                           " return b.classList.contains('gk-sel'); })")
    assert selected == [False, True, True, False, False]
    # a focused actor's list follows the period
    browser.evaluate("gk.focus('Anna Berg'); true")
    items = js(browser, "Array.from(document.querySelectorAll('#gk-meeting-list .gk-sent'))"
                        ".map(function (m) { return m.textContent; })")
    assert len(items) == 2 and "(a3#0)" in items[0] and "(a2#0)" in items[1]
    assert "2 meetings hidden by the date or kind filters" in browser.evaluate(
        "document.getElementById('gk-details').textContent")
    # a double click brings every date back
    browser.evaluate("document.getElementById('gk-hist').dispatchEvent(new MouseEvent('dblclick')); true")
    assert js(browser, "gk.meetingsShown()") == sorted(MEETINGS)


def test_colour_and_size_switch(browser, page):
    # every node vis-network has (those shown at least once) is in the colour of its type / community
    colours = ("gk.data.nodes.filter(function (n) { return gk.nodes.get(n.id); }).every(function (n) {"
               " return gk.nodes.get(n.id).color.background === (KEY); })")
    assert js(browser, "gk.nodes.length") == 89
    by_type = colours.replace("KEY", "gk.data.types.filter(function (t) { return t.id === n.gk.group; })[0].color")
    by_community = colours.replace("KEY", "n.gk.ccolor")
    assert browser.evaluate(by_type) is True
    browser.evaluate("document.getElementById('gk-color-community').click(); true")
    assert js(browser, "gk.state()")["colorBy"] == "community"
    assert browser.evaluate(by_community) is True and browser.evaluate(by_type) is False
    assert browser.evaluate("document.getElementById('gk-communities').hidden") is False
    browser.evaluate("document.getElementById('gk-color-type').click(); true")
    assert browser.evaluate(by_type) is True
    # size by mentions: every person (3 mentions) is larger than every organization (1)
    ids = js(browser, "[gk.idOf('Org 000'), gk.idOf('Anna Berg')]")
    browser.evaluate("var s = document.getElementById('gk-size-by'); s.value = Array.from(s.options)"
                     ".filter(function (o) { return o.textContent === 'mentions'; })[0].value;"
                     " s.dispatchEvent(new Event('change')); true")
    assert js(browser, "gk.state()")["size"] == "mentions"
    sizes = js(browser, f"[gk.nodes.get({ids[0]}).size, gk.nodes.get({ids[1]}).size]")
    assert sizes[1] > sizes[0] > 0


def test_undated_meetings_say_why(browser, tmp_path):
    from graphkit.view import render_html

    G = thread_graph()
    for _, _, d in G.edges(data=True):
        if d["layer"] == "meetings":
            d["date_iso"] = d["article_date"] = None
    G.edges["Anna Berg", "Karl Holm", next(k for k, d in G["Anna Berg"]["Karl Holm"].items()
                                           if d["meeting_id"] == "a1#0")]["date"] = "January 10"
    browser.open(render_html(G, tmp_path / "undated.html"), timeout=60)
    assert browser.evaluate("document.getElementById('gk-dates').hidden") is False
    assert browser.evaluate("document.getElementById('gk-hist').hidden") is True
    assert browser.evaluate("document.getElementById('gk-hist-caption').textContent") == (
        "6 meetings, all undated: the articles have no date, and the dates the text gives (1 of them, "
        "e.g. 'January 10') could not be turned into calendar dates.")
    assert browser.errors == []
