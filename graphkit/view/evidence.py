"""What the view's cards show: events with their sentences, articles, co-occurrence sentences.

* :func:`page_events`: the meeting edges of the drawn pairs -> one entry per
  event (:mod:`graphkit.events`; the edges of its reports share
  ``meeting_id``) and one entry per evidence *sentence* (article and text),
  listing every pair that sentence gives, so a sentence naming a tour of three
  capitals is one card with three pairs, and a meeting reported in three
  articles is one event with three sentences;
* :func:`store_extras`: from the store the graph was drawn from
  (``G.graph["store"]``): each article's headline, date, source and URL or
  path, and the sentences behind the drawn co-occurrence links (at most
  ``COOC_SENTENCES`` a link).

>>> edges = [("A", "B", {"layer": "meetings", "kind": "visit", "meeting_id": "x#0", "report_id": "x#0",
...           "evidence": "A toured B and C.", "article": "x", "participants": ["A", "B", "C"], "hub": "A"}),
...          ("A", "C", {"layer": "meetings", "kind": "visit", "meeting_id": "x#1", "report_id": "x#1",
...           "evidence": "A toured B and C.", "article": "x", "participants": ["A", "B", "C"], "hub": "A"})]
>>> events, sentences, of_pair = page_events({("A", "B"): {"meetings": [edges[0][2]]},
...                                           ("A", "C"): {"meetings": [edges[1][2]]}})
>>> len(events), [(s["t"], s["p"]) for s in sentences], of_pair
(2, [('A toured B and C.', [['A', 'B', 0], ['A', 'C', 1]])], {('A', 'B'): [0], ('A', 'C'): [1]})
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from graphkit.analysis.timefilter import date_bounds
from graphkit.view.prepare import meeting_kind

#: Co-occurrence sentences kept per drawn link (the card says how many there are in all).
COOC_SENTENCES = 5
#: Longest sentence shown (characters; longer ones are cut around the actors).
MAX_SENTENCE = 600

_END = re.compile(r"[.!?][\"'\u201d)]*\s+|\n\s*\n|\n {2,}|\n\t")


def _event_entry(d: dict) -> dict:
    when = d.get("event_date") or d.get("date_iso") or d.get("article_date")
    e = {"id": d.get("meeting_id"), "kind": d.get("kind"), "style": meeting_kind(d), "status": d.get("status"),
         "date": d.get("date"), "date_iso": d.get("event_date") or d.get("date_iso"),
         "article_date": d.get("article_date"), "location": d.get("location"),
         "n": d.get("reports") or 1, "participants": [], "s": []}
    bounds = date_bounds(when)
    if bounds:
        e["d0"], e["d1"] = bounds
    return e


def page_events(pairs: dict) -> tuple[list[dict], list[dict], dict]:
    """``(events, sentences, {pair: [event index]})`` of the meeting edges of ``pairs``.

    ``pairs``: ``{(a, b): {"meetings": [edge data, ...], ...}}`` as
    :func:`graphkit.view.prepare.prepare` gives them.  An event is shown by
    its first report; its ``s`` lists the indices of its sentences, and each
    sentence ``{"t": text, "a": article, "d": article date, "p": [[a, b, event], ...]}``
    lists the pairs it gives.  Both lists are in a fixed order (events by id,
    sentences by article and text).
    """
    by_event: dict = {}
    reports: dict = defaultdict(list)
    for (a, b), entry in sorted(pairs.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        for d in entry.get("meetings") or ():
            eid = d.get("meeting_id") or d.get("report_id") or f"{d.get('article')}#?"
            primary = d.get("report_id", eid) == eid
            if eid not in by_event or (primary and not by_event[eid][1]):
                by_event[eid] = (d, primary)
            reports[eid].append((a, b, d))
    ids = sorted(by_event, key=str)
    index = {eid: i for i, eid in enumerate(ids)}
    events = []
    for eid in ids:
        e = _event_entry(by_event[eid][0])
        parts = []
        for a, b, _d in reports[eid]:
            parts.extend(x for x in (a, b) if x not in parts)
        e["participants"] = [str(p) for p in parts]
        events.append(e)
    sentences: dict = {}
    of_pair: dict = defaultdict(set)
    for eid in ids:
        for a, b, d in reports[eid]:
            of_pair[(a, b)].add(index[eid])
            key = (str(d.get("article") or ""), str(d.get("evidence") or ""))
            s = sentences.get(key)
            if s is None:
                s = sentences[key] = {"t": key[1], "a": key[0], "d": d.get("article_date"), "p": []}
            pair = [str(a), str(b), index[eid]]
            if pair not in s["p"]:
                s["p"].append(pair)
    keys = sorted(sentences)
    out = []
    for k, key in enumerate(keys):
        s = sentences[key]
        s["p"].sort(key=lambda p: (p[2], p[0], p[1]))
        out.append({k2: v for k2, v in s.items() if v is not None})
        for *_ab, ei in s["p"]:
            if k not in events[ei]["s"]:
                events[ei]["s"].append(k)
    return events, out, {pair: sorted(v) for pair, v in of_pair.items()}


def sentence_at(text: str, lo: int, hi: int) -> str:
    """The sentence of ``text`` around the characters ``lo:hi`` (cut to ``MAX_SENTENCE`` characters).

    >>> sentence_at("First one. Anna Berg met Karl Holm in Oslo. Last.", 11, 20)
    'Anna Berg met Karl Holm in Oslo.'
    """
    lo, hi = max(0, min(lo, len(text))), max(0, min(hi, len(text)))
    start = 0
    for m in _END.finditer(text, 0, lo):
        start = m.end()
    m = _END.search(text, hi)
    end = m.start() + 1 if m and text[m.start()] in ".!?" else (m.start() if m else len(text))
    s = " ".join(text[start:end].split())
    if len(s) > MAX_SENTENCE:
        s = s[:MAX_SENTENCE - 1] + "\u2026"
    return s


def store_extras(store_path: str | Path, articles: set, cooc_pairs: set) -> tuple[dict, dict]:
    """``(articles, cooc)`` from the store: article metadata and co-occurrence sentences.

    ``articles``: ids whose headline, date, source, URL and path are wanted;
    ``cooc_pairs``: the drawn co-occurrence pairs ``(a, b)`` (corpus actors).
    Returns ``{id: {"title", "date", "source", "url", "path"}}`` and
    ``{(a, b): [(article, text), ...]}`` (at most ``COOC_SENTENCES`` a pair,
    in article order, near-duplicate articles left out as the graph leaves them out).
    """
    from graphkit.store import Store

    meta: dict = {}
    sentences: dict = defaultdict(list)
    with Store(store_path, readonly=True) as store:
        resolution = store.resolution()
        wanted_pairs = {tuple(sorted((str(a), str(b)))) for a, b in cooc_pairs}
        wanted_actors = {x for p in wanted_pairs for x in p}
        records, index = resolution.records, resolution.index
        spans: dict = {}   # (doc, sent) -> [lo, hi, {actors}]
        for rec in records:
            for a in rec.actors:
                g = index.get((rec.doc, a.name))
                if g is None or g not in wanted_actors:
                    continue
                for m in a.mentions:
                    if len(m) > 2 and m[2] is not None:
                        s = spans.setdefault((rec.doc, m[2]), [m[0], m[1], set()])
                        s[0], s[1] = min(s[0], m[0]), max(s[1], m[1])
                        s[2].add(g)
        need: dict = defaultdict(list)   # doc -> [(sent, lo, hi, pair)]
        count: dict = defaultdict(int)
        for (doc, sent), (lo, hi, names) in sorted(spans.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            if len(names) < 2:
                continue
            names = sorted(names)
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    if (a, b) in wanted_pairs and count[(a, b)] < 2 * COOC_SENTENCES:
                        count[(a, b)] += 1
                        need[doc].append((lo, hi, (a, b)))
        want = set(articles) | set(need)
        for art in store.articles():
            if art.id not in want:
                continue
            if art.id in articles:
                meta[art.id] = {k: v for k, v in (("title", art.title), ("date", art.date), ("source", art.source),
                                                  ("url", art.url), ("path", art.path)) if v}
            for lo, hi, pair in need.get(art.id, ()):
                sentences[pair].append((art.id, sentence_at(art.text, lo, hi)))
    out = {}
    for pair, found in sentences.items():  # the same sentence again (a story filed twice) is shown once
        seen, kept = set(), []
        for art, text in found:
            if text not in seen and len(kept) < COOC_SENTENCES:
                seen.add(text)
                kept.append((art, text))
        out[pair] = kept
    return meta, out
