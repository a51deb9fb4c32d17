"""The view of a store, in headless Chromium: one test per item of "one event per real meeting".

The store is built by hand (articles and their records) so every number follows from it:
a visit reported by three articles (one of them the same story filed twice), a tour
sentence giving three visits, ten dated talks in March 2020 and two outliers (2012, 2015),
two actors called Smith, and an actor the page leaves out (``max_nodes``).
"""
from __future__ import annotations

import json

import pytest

from test_browser import chromium_binary  # noqa: F401  (the shared browser-finding fixture)

VISIT = "Anna Berg visited Sweden on Monday. Berg and Karl Holm spoke about fish."


def _store(path):
    from graphkit.corpus import Article
    from graphkit.records import Actor, Meeting, Record
    from graphkit.store import Store

    def person(name, country, *mentions):
        return Actor(name, "person", country=country, mentions=[list(m) for m in mentions])

    def country(name, *mentions):
        return Actor(name, "country", mentions=[list(m) for m in mentions])

    items = []
    for aid, date in (("a1", "2020-03-02"), ("a2", "2020-03-02")):       # the same story filed twice
        items.append((Article(aid, VISIT, title="Berg visits Sweden", date=date, source="Wire",
                              url=f"https://example.org/{aid}"),
                      Record(aid, title="Berg visits Sweden", date=date,
                             actors=[person("Anna Berg", "Norway", (0, 9, 0), (36, 40, 1)), country("Sweden", (18, 24, 0)),
                                     person("Karl Holm", "Denmark", (45, 54, 1))],
                             meetings=[Meeting(["Anna Berg", "Sweden"], "visit", evidence="Anna Berg visited Sweden on Monday.",
                                               date="Monday", date_iso="2020-03-02")])))
    t3 = "Berg held talks in Stockholm."
    items.append((Article("a3", t3, title="Talks in Stockholm", date="2020-03-04", source="Wire"),
                  Record("a3", date="2020-03-04", actors=[person("Anna Berg", "Norway", (0, 4, 0)),
                                                          country("Sweden", (19, 28, 0))],
                         meetings=[Meeting(["Anna Berg", "Sweden"], "talks", evidence=t3)])))
    tour = "Anna Berg will visit Finland, Estonia and Latvia."
    acts = [person("Anna Berg", "Norway", (0, 9, 0))] + [country(c, (tour.index(c), tour.index(c) + len(c), 0))
                                                         for c in ("Finland", "Estonia", "Latvia")]
    items.append((Article("t1", tour, title="Baltic tour", date="2020-03-10", source="Wire"),
                  Record("t1", date="2020-03-10", actors=acts,
                         meetings=[Meeting(["Anna Berg", c], "visit", status="scheduled", evidence=tour)
                                   for c in ("Finland", "Estonia", "Latvia")])))
    for i in range(10):
        c, text = f"Land {i}", f"Karl Holm held talks with Land {i}."
        items.append((Article(f"b{i}", text, date=f"2020-03-{i + 11:02d}", source="Wire"),
                      Record(f"b{i}", date=f"2020-03-{i + 11:02d}",
                             actors=[person("Karl Holm", "Denmark", (0, 9, 0)), country(c, (26, 26 + len(c), 0))],
                             meetings=[Meeting(["Karl Holm", c], "talks", evidence=text, date_iso=f"2020-03-{i + 11:02d}")])))
    for aid, year in (("o1", "2012"), ("o2", "2015-06")):
        text = f"Karl Holm met Omar Tal in {year}."
        items.append((Article(aid, text, date="2020-03-20"),
                      Record(aid, date="2020-03-20", actors=[person("Karl Holm", "Denmark", (0, 9, 0)),
                                                             person("Omar Tal", "Ruritania", (14, 22, 0))],
                             meetings=[Meeting(["Karl Holm", "Omar Tal"], "meeting", evidence=text, date_iso=year)])))
    smiths = "John Smith and Jane Smith met Anna Berg."
    items.append((Article("s1", smiths, date="2020-03-05"),
                  Record("s1", date="2020-03-05", actors=[person("John Smith", "United States", (0, 10, 0)),
                                                          person("Jane Smith", "United Kingdom", (15, 25, 0)),
                                                          person("Anna Berg", "Norway", (30, 39, 0))],
                         meetings=[Meeting(["John Smith", "Jane Smith", "Anna Berg"], "meeting", evidence=smiths,
                                           date_iso="2020-03-05")])))
    items.append((Article("z1", "Zeta Obscure Org said nothing.", date="2020-03-05"),
                  Record("z1", date="2020-03-05", actors=[Actor("Zeta Obscure Org", "organization", mentions=[[0, 16, 0]])])))
    with Store(path) as s:
        for art, rec in items:
            s.put(art, rec)
        s.keep_resolution()
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return _store(tmp_path_factory.mktemp("events") / "events.db")


@pytest.fixture(scope="module")
def graph(store):
    from graphkit.graph import load_graph

    return load_graph(store)


@pytest.fixture(scope="module")
def browser(chromium_binary):  # noqa: F811
    from graphkit.view.browser import Chromium

    with Chromium(chromium_binary, width=1400, height=900, timeout=60) as b:
        yield b


@pytest.fixture(scope="module")
def page_file(graph, tmp_path_factory):
    from graphkit.view import render_html

    return render_html(graph, tmp_path_factory.mktemp("view") / "events.html", max_nodes=len(graph) - 1,
                       cooccurrence=True, hide_unlinked=False)


@pytest.fixture()
def page(browser, page_file):
    browser.open(page_file, timeout=60)
    browser.pump(0.2)
    yield page_file
    assert browser.errors == [] and browser.blocked == []


def js(browser, expr):
    return json.loads(browser.evaluate(f"JSON.stringify({expr})"))


def texts(browser, selector):
    return js(browser, f"Array.from(document.querySelectorAll({json.dumps(selector)})).map(function (x) {{ return x.textContent; }})")


def test_1_events_count_real_meetings(browser, page, graph):
    # Berg-Sweden: 3 reports (a1, its duplicate a2, a3 two days later) are one event
    assert graph.graph["duplicates"] == 1
    edge = js(browser, "(function () { var a = gk.idOf('Anna Berg'), b = gk.idOf('Sweden');"
                       " return gk.data.edges.filter(function (e) { return (e.from === a && e.to === b) ||"
                       " (e.from === b && e.to === a); })[0].id; })()")
    browser.evaluate(f"gk.details({json.dumps(edge)}); true")
    text = browser.evaluate("document.getElementById('gk-details').textContent")
    assert "1 meeting (3 reports)" in text
    assert "one event, 3 reports" in text


def test_2_one_card_per_sentence_with_every_pair(browser, page):
    browser.evaluate("gk.focus('Anna Berg'); true")
    cards = texts(browser, "#gk-meeting-list .gk-sent")
    tour = [c for c in cards if "will visit Finland" in c]
    assert len(tour) == 1                                           # one card for the tour sentence ...
    for c in ("Finland", "Estonia", "Latvia"):
        assert f"Anna Berg \u2013 {c}" in tour[0]                   # ... listing its three visits
    assert sum("visited Sweden on Monday" in c for c in cards) == 2  # the story and its duplicate: 2 articles


def test_3_time_axis_folds_outliers_and_brushing_says_what_it_leaves(browser, page):
    hist = js(browser, "gk.histogram()")
    assert hist["before"] == 1 and hist["bins"][0].startswith("before ")   # 2012 and 2015 folded, labelled
    assert hist["counts"][0] == 1 and hist["coarse"] == 1                 # 2015-06 folded; 2012 is year-only
    assert hist["unit"] == "day" and len(hist["bins"]) < 40
    assert "Outliers in the end bars: 1 before" in browser.evaluate("document.getElementById('gk-hist-caption').textContent")
    i = hist["bins"].index("2020-03-02")
    js(browser, f"gk.brush({i}, {i})")
    note = js(browser, "gk.brushNote()")
    assert note.startswith("Period 2020-03-02 to 2020-03-02: 1 of ")
    assert "same-sentence link" in note and "Left as they are (no date): " in note and "belongs-to link" in note
    # the co-occurrence Berg-Holm (articles of 2020-03-02) stays, the talks of Holm in mid-March go
    assert js(browser, "gk.meetingsShown()") == ["a1#0"]


def test_4_same_store_same_bytes(graph, tmp_path):
    import subprocess
    import sys

    from graphkit.view import render_html

    one = render_html(graph, tmp_path / "one.html").read_bytes()
    assert render_html(graph, tmp_path / "two.html").read_bytes() == one
    code = ("import sys; from graphkit.graph import load_graph; from graphkit.view import render_html;"
            "render_html(load_graph(sys.argv[1]), sys.argv[2])")
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", code, graph.graph["store"], str(tmp_path / f"p{seed}.html")],
                       check=True, env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"})
    assert (tmp_path / "p1.html").read_bytes() == (tmp_path / "p2.html").read_bytes() == one


def test_5_refit_size_legend_labels(browser, graph, tmp_path):
    from graphkit.view import render_html

    browser.open(render_html(graph, tmp_path / "off.html", cooccurrence=False, hide_unlinked=True), timeout=60)
    assert js(browser, "gk.state()")["size"] == "meeting_partners"       # co-occurrence off: size by meeting partners
    widths = texts(browser, "#gk-widths .gk-wrow")
    assert widths[:3] == ["1 meeting", "3 meetings", "6+ meetings"]
    before = js(browser, "gk.drawn()")["nodes"]
    browser.evaluate("document.getElementById('gk-kind-cooccurrence').click(); true")
    browser.pump(0.2)
    assert js(browser, "gk.drawn()")["nodes"] >= before
    inside = js(browser, "(function () { var c = gk.network.canvas.frame.canvas; var W = c.clientWidth, H = c.clientHeight;"
                         " return gk.data.nodes.filter(function (n) { return gk.nodes.get(n.id) && !gk.nodes.get(n.id).hidden; })"
                         ".every(function (n) { var p = gk.network.canvasToDOM(gk.network.getPosition(n.id));"
                         " return p.x >= 0 && p.x <= W && p.y >= 0 && p.y <= H; }); })()")
    assert inside is True                                                 # re-fitted: every actor in view
    assert len(js(browser, "gk.labelled()")) == js(browser, "gk.drawn()")["nodes"]   # small graph: all labelled
    assert browser.errors == []


def test_6_article_card_and_cooccurrence_sentences(browser, page):
    browser.evaluate("gk.focus('Karl Holm'); true")
    edge = js(browser, "(function () { var a = gk.idOf('Anna Berg'), b = gk.idOf('Karl Holm');"
                       " return gk.data.edges.filter(function (e) { return (e.from === a && e.to === b) ||"
                       " (e.from === b && e.to === a); })[0].id; })()")
    browser.evaluate(f"gk.details({json.dumps(edge)}); true")
    assert browser.evaluate("document.getElementById('gk-cooc-sentences').hidden") is True
    browser.evaluate("document.getElementById('gk-cooc-more').click(); true")
    cooc = browser.evaluate("document.getElementById('gk-cooc-sentences').textContent")
    assert "Berg and Karl Holm spoke about fish." in cooc
    browser.evaluate("Array.from(document.querySelectorAll('#gk-cooc-sentences button'))[0].click(); true")
    card = browser.evaluate("document.getElementById('gk-details').textContent")
    assert browser.evaluate("document.querySelector('#gk-details h2').textContent") == "Berg visits Sweden"
    assert "2020-03-02" in card and "Wire" in card and "https://example.org/a1" in card
    assert "Anna Berg visited Sweden on Monday." in card and "Berg and Karl Holm spoke about fish." in card


def test_7_search_lists_candidates_and_ranks_actors_not_drawn(browser, page):
    assert browser.evaluate("gk.search('Smith', false)") in ("John Smith", "Jane Smith")
    assert js(browser, "gk.searchMessage()").startswith("2 actors match \u201cSmith\u201d")
    assert sorted(texts(browser, "#gk-search-list button")) == ["Jane Smith (United Kingdom)", "John Smith (United States)"]
    assert browser.evaluate("gk.search('Zeta Obscure', false)") is None
    msg = js(browser, "gk.searchMessage()")
    assert "is not drawn: Zeta Obscure Org (rank " in msg and " of " in msg
    assert "No actor matches" in (browser.evaluate("gk.search('Nobody at all', false)") or js(browser, "gk.searchMessage()"))
