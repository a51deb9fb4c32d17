"""Events: one per real meeting, every report attached; near-duplicate articles counted once."""
from __future__ import annotations

from graphkit.analysis import centrality, timeline, who_met
from graphkit.corpus_resolution import resolve_corpus
from graphkit.events import find_duplicates, group_events, report_interval
from graphkit.graph import build_graph, summary
from graphkit.records import Actor, Meeting, Record

BERG = Actor("Anna Berg", "person", country="Norway", mentions=[[0, 9, 0]])
SWEDEN = Actor("Sweden", "country", mentions=[[18, 24, 0]])
GROS = Actor("Lars Gros", "person", country="Norway", mentions=[[30, 39, 0]])
CALL = Actor("Finland", "country", mentions=[[40, 47, 0]])


def rec(doc, date, *meetings, actors=(BERG, SWEDEN, GROS, CALL)):
    return Record(doc, date=date, actors=list(actors), meetings=list(meetings))


def meet(kind="visit", evidence="x", date_iso=None, status="happened", parts=("Anna Berg", "Sweden")):
    return Meeting(list(parts), kind, status=status, evidence=evidence, date_iso=date_iso)


def events_of(records):
    r = resolve_corpus(records)
    return r.events


def test_same_sides_compatible_dates_are_one_event():
    ev = events_of([
        rec("a", "2020-03-02", meet(evidence="Berg visited Sweden on Monday.", date_iso="2020-03-02")),
        rec("b", "2020-03-04", meet("talks", evidence="Berg held talks in Stockholm this week.")),   # undated
        rec("c", "2020-03-03", meet("meeting", evidence="Berg met Swedish leaders on Tuesday.", date_iso="2020-03-03")),
        rec("d", "2020-06-01", meet(evidence="Berg is back in Sweden.")),          # months later: another
        rec("e", "2020-03-02", meet("call", evidence="Berg phoned Stockholm.", date_iso="2020-03-02")),  # a call
    ])
    groups = sorted(sorted(r.id for r in e.reports) for e in ev)
    assert groups == [["a#0", "b#0", "c#0"], ["d#0"], ["e#0"]]
    assert ev.reports == 5 and len(ev) == 3
    (main,) = [e for e in ev if len(e.reports) == 3]
    assert main.id == "a#0" and main.date_iso in ("2020-03-02", "2020-03-03") and main.articles == ["a", "b", "c"]


def test_undated_reports_within_days_and_near_identical_evidence():
    ev = events_of([
        rec("a", "2020-03-01", meet(evidence="Berg visited Sweden.")),
        rec("b", "2020-03-05", meet(evidence="Swedish officials received Berg.")),     # 4 days later
        rec("c", "2020-04-20", meet(evidence="Berg visited Sweden.")),                 # same sentence, weeks later
        rec("d", "2020-05-30", meet(evidence="Officials in Stockholm received Berg again.")),
    ])
    groups = sorted(sorted(r.id for r in e.reports) for e in ev)
    assert groups == [["a#0", "b#0", "c#0"], ["d#0"]]


def test_nested_sides_are_one_meeting_when_dates_overlap():
    ev = events_of([
        rec("a", "2020-03-01", meet(evidence="Berg visited Sweden.", date_iso="2020-02-28")),
        rec("b", "2020-03-02", meet(evidence="Berg and Gros last week visited Stockholm.",
                                    parts=("Anna Berg", "Lars Gros", "Sweden"))),
    ])
    assert len(ev) == 1 and sorted(ev.events[0].participants) == ["Anna Berg", "Lars Gros", "Sweden"]


def test_report_interval():
    lo, hi = report_interval(None, "2020-03-10")
    assert hi - lo == 7                                    # the week before the article
    slo, shi = report_interval(None, "2020-03-10", "scheduled")
    assert slo == hi and shi - slo == 7                    # the week after, when scheduled
    assert report_interval(None, None) is None


def test_near_duplicate_articles_by_minhash():
    text = " ".join(f"Sentence {i}: Anna Berg, Norway's foreign minister number {i}, visited Sweden for talks "
                    f"on quota {i} with her Swedish counterpart, officials said in statement {i}." for i in range(12))
    recs = [Record(x, date="2020-03-02") for x in ("a", "b", "c", "d")]
    texts = {"a": text, "b": text + " A correction was added.", "c": "A completely different story about grain "
             "exports from Canada and the price of wheat in Chicago markets this week, traders said.", "d": text}
    assert find_duplicates(recs, texts) == {"b": "a", "d": "a"}
    # without the texts, the records' own features are used (and records this small are never called duplicates)
    assert find_duplicates(recs) == {}


def test_graph_queries_and_centrality_count_events_not_reports():
    story = meet(evidence="Berg visited Sweden on Monday.", date_iso="2020-03-02")
    recs = [rec(x, "2020-03-02", story) for x in ("a", "b", "c")] + [
        rec("d", "2020-05-02", meet(evidence="Berg went to Sweden again.", date_iso="2020-05-01"))]
    G = build_graph(recs)
    s = summary(G)
    assert (s["meetings"], s["meeting_reports"]) == (2, 4)
    edges = [d for _, _, d in G.edges(data=True) if d["layer"] == "meetings"]
    assert sorted(d["weight"] for d in edges) == [0, 0, 1, 1]          # the pair's weight sums to its events
    assert sorted({d["meeting_id"] for d in edges}) == ["a#0", "d#0"]
    assert {d["report_id"] for d in edges} == {"a#0", "b#0", "c#0", "d#0"}  # every report (mention) kept
    rows = who_met(G, "Anna Berg")
    assert [(r["meeting_id"], r["reports"]) for r in rows] == [("d#0", 1), ("a#0", 3)]
    assert [r["meeting_id"] for r in timeline(G)] == ["a#0", "d#0"]
    wd = {r["actor"]: r["value"] for r in centrality(G, "weighted_degree", top=None)}
    assert wd["Anna Berg"] == 2


def test_events_are_deterministic():
    recs = [rec(x, f"2020-03-0{i + 1}", meet(evidence=f"Berg visited Sweden {x}.")) for i, x in enumerate("abcde")]
    a = [e.to_dict() for e in events_of(recs)]
    b = [e.to_dict() for e in events_of(list(reversed(recs)))]
    assert [e["id"] for e in a] == [e["id"] for e in b] and len(a) == 1
