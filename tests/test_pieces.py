"""Long articles in pieces: splitting (graphkit.pieces.split_text), merging the piece records
(merge_piece_records), and extract_records on a long text: no joined Doc, global offsets."""
from __future__ import annotations

import doctest

import pytest

import graphkit.pieces as pieces_mod
from graphkit.corpus import Article
from graphkit.pieces import PieceRecord, merge_piece_records, split_text


def test_docstring_examples():
    assert doctest.testmod(pieces_mod).failed == 0


# ---------------------------------------------------------------------------
# split_text
# ---------------------------------------------------------------------------

def _check_cover(text, pieces, limit):
    assert "".join(p for _, p in pieces) == text
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    assert all(0 < len(p) <= limit for _, p in pieces)


def test_split_prefers_paragraph_breaks():
    paragraphs = [f"Paragraph {i} says something. It has two sentences about item {i}." for i in range(200)]
    text = "\n\n".join(paragraphs)
    pieces = split_text(text, 1000)
    _check_cover(text, pieces, 1000)
    assert len(pieces) > 10
    for _, p in pieces[:-1]:
        assert p.endswith("\n\n")                 # each piece ends at a paragraph break ...
    for _, p in pieces:
        assert p.startswith("Paragraph ")         # ... so the next one starts a paragraph
        assert len(p) >= 500                      # and none is needlessly small


def test_split_falls_back_to_sentences_then_spaces_then_anything():
    one_paragraph = " ".join(f"Sentence number {i} is here." for i in range(300))
    pieces = split_text(one_paragraph, 500)
    _check_cover(one_paragraph, pieces, 500)
    assert all(p.rstrip().endswith(".") for _, p in pieces[:-1])   # cut after a full stop
    assert all(p[0] == "S" for _, p in pieces)

    lower = " ".join(f"word{i}" for i in range(500))              # no sentence ends: at spaces
    pieces = split_text(lower, 300)
    _check_cover(lower, pieces, 300)
    assert all(p.endswith(" ") for _, p in pieces[:-1])

    solid = "x" * 2500                                             # nothing to cut at: cut anyway
    pieces = split_text(solid, 1000)
    _check_cover(solid, pieces, 1000)
    assert [len(p) for _, p in pieces] == [1000, 1000, 500]


def test_split_short_text_is_one_piece_and_limit_checked():
    assert split_text("A short text.", 100) == [(0, "A short text.")]
    assert split_text("", 100) == [(0, "")]
    with pytest.raises(ValueError):
        split_text("abc", 1)


# ---------------------------------------------------------------------------
# merge_piece_records
# ---------------------------------------------------------------------------

def actor(name, mentions, type="person", country=None, aliases=(), roles=()):
    return {"name": name, "type": type, "country": country, "aliases": list(aliases), "roles": list(roles),
            "country_guess": None, "country_via": None, "mentions": [list(m) for m in mentions]}


def meeting(parts, evidence, span, kind="meeting", status="happened", location=None, date=None, hub=None):
    return {"participants": list(parts), "kind": kind, "status": status, "location": location, "date": date,
            "date_iso": None, "hub": hub, "evidence": evidence, "evidence_all": [evidence],
            "spans": [list(span)], "trigger": "met"}


def record(actors=(), meetings=(), relations=()):
    return {"doc": "long", "title": "T", "date": "2016-12-27", "actors": list(actors),
            "meetings": list(meetings), "relations": list(relations)}


def test_merge_shifts_offsets_and_sentences():
    a = record([actor("Anna Berg", [(0, 9, 0), (40, 49, 2)])],
               [meeting(["Anna Berg", "Karl Holm"], "Anna Berg met Karl Holm.", (0, 24))])
    b = record([actor("Anna Berg", [(5, 14, 1)], country="Norway", roles=["Minister"]),
                actor("Oslo", [(20, 24, 1)], type="country")],
               [meeting(["Anna Berg", "Lars Dahl"], "Berg met Dahl in Oslo.", (3, 25), location="Oslo")],
               [{"kind": "agreement", "participants": ["Anna Berg", "Lars Dahl"], "evidence": "They signed.",
                 "spans": [[30, 42]]}])
    rec = merge_piece_records([PieceRecord(0, 3, a), PieceRecord(1000, 4, b)])
    assert (rec["doc"], rec["title"], rec["date"]) == ("long", "T", "2016-12-27")
    berg = next(x for x in rec["actors"] if x["name"] == "Anna Berg")
    assert berg["mentions"] == [[0, 9, 0], [40, 49, 2], [1005, 1014, 4]]   # second piece: +1000 chars, +3 sentences
    assert berg["country"] == "Norway" and berg["roles"] == ["Minister"]
    assert [x["name"] for x in rec["actors"]] == ["Anna Berg", "Oslo"]      # ordered by first mention
    assert [m["spans"] for m in rec["meetings"]] == [[[0, 24]], [[1003, 1025]]]
    assert rec["relations"][0]["spans"] == [[1030, 1042]]


def test_merge_same_meeting_reported_in_two_pieces():
    first = meeting(["Anna Berg", "Karl Holm"], "Berg met Holm on Monday.", (10, 34), date="Monday")
    again = meeting(["Karl Holm", "Anna Berg"], "Holm and Berg held talks in Oslo.", (0, 33), kind="talks",
                    location="Oslo")
    other_day = meeting(["Anna Berg", "Karl Holm"], "They met again on Friday.", (50, 75), date="Friday")
    a = record([actor("Anna Berg", [(10, 14, 0)]), actor("Karl Holm", [(19, 23, 0)])], [first])
    b = record([actor("Anna Berg", [(14, 18, 0)]), actor("Karl Holm", [(0, 4, 0)])], [again, other_day])
    rec = merge_piece_records([PieceRecord(0, 1, a), PieceRecord(500, 2, b)])
    assert len(rec["meetings"]) == 2
    m = rec["meetings"][0]
    assert m["evidence"] == "Berg met Holm on Monday."
    assert m["evidence_all"] == ["Berg met Holm on Monday.", "Holm and Berg held talks in Oslo."]
    assert m["spans"] == [[10, 34], [500, 533]]
    assert (m["location"], m["date"]) == ("Oslo", "Monday")      # each report adds what it knows
    assert rec["meetings"][1]["date"] == "Friday"                  # another date: another meeting


def test_merge_keeps_separate_meetings_of_one_piece():
    """Within a piece the extraction has decided: two meetings there stay two."""
    m1 = meeting(["Anna Berg", "Karl Holm"], "Berg met Holm.", (0, 14))
    m2 = meeting(["Anna Berg", "Karl Holm"], "Berg met Holm again.", (20, 40))
    a = record([actor("Anna Berg", [(0, 4, 0)]), actor("Karl Holm", [(9, 13, 0)])], [m1, m2])
    rec = merge_piece_records([PieceRecord(0, 2, a), PieceRecord(100, 1, record())])
    assert len(rec["meetings"]) == 2


def test_merge_surname_in_a_later_piece_joins_the_full_name():
    a = record([actor("Anna Berg", [(0, 9, 0)], country="Norway"), actor("Karl Holm", [(20, 29, 0)])])
    b = record([actor("Berg", [(0, 4, 0)], roles=["Foreign Minister"]), actor("Holm", [(9, 13, 0)])],
               [meeting(["Berg", "Holm"], "Berg met Holm.", (0, 14)),
                meeting(["Berg", "Anna Berg"], "Berg met Anna Berg.", (20, 39))])
    rec = merge_piece_records([PieceRecord(0, 1, a), PieceRecord(100, 1, b)])
    names = {x["name"]: x for x in rec["actors"]}
    assert set(names) == {"Anna Berg", "Karl Holm"}
    assert names["Anna Berg"]["aliases"] == ["Berg"]
    assert names["Anna Berg"]["roles"] == ["Foreign Minister"]
    assert names["Anna Berg"]["mentions"] == [[0, 9, 0], [100, 104, 1]]
    # the meeting names the full persons; a "meeting" of one person with herself is dropped
    assert [m["participants"] for m in rec["meetings"]] == [["Anna Berg", "Karl Holm"]]


def test_merge_surname_not_joined_when_ambiguous_contradicting_or_decided_in_its_piece():
    a = record([actor("Anna Berg", [(0, 9, 0)]), actor("Lars Berg", [(20, 29, 0)]),
                actor("Karl Holm", [(40, 49, 0)], country="Norway")])
    b = record([actor("Berg", [(0, 4, 0)]), actor("Holm", [(10, 14, 0)], country="Sweden")])
    c = record([actor("Dahl", [(0, 4, 0)]), actor("Ines Dahl", [(10, 19, 0)])])  # same piece: resolver's call
    rec = merge_piece_records([PieceRecord(0, 1, a), PieceRecord(100, 1, b), PieceRecord(200, 1, c)])
    assert {x["name"] for x in rec["actors"]} == {"Anna Berg", "Lars Berg", "Karl Holm", "Berg", "Holm",
                                                  "Dahl", "Ines Dahl"}


def test_merge_needs_a_piece():
    with pytest.raises(ValueError):
        merge_piece_records([])


# ---------------------------------------------------------------------------
# extract_records on a long text
# ---------------------------------------------------------------------------

FILLER = ("The ministry said on day {i} that the negotiations on fisheries quotas for the northern "
          "waters would continue, and officials described the mood of item {i} as constructive.")


def _long_article() -> Article:
    paras = [FILLER.format(i=i) for i in range(40)]
    paras[3] = "Ruritanian Foreign Minister Anna Berg met Karl Holm, the Freedonian foreign minister, in Oslo."
    paras[30] = "Berg later held talks with Holm in Vienna on Friday."
    return Article(id="long", text="\n\n".join(paras), date="2016-12-27")


def _as_dict(record) -> dict:
    """A record as its JSON form (extract_records gives typed records where they exist)."""
    return record if isinstance(record, dict) else record.to_dict()


def test_long_text_is_extracted_in_pieces_with_global_offsets(nlp, monkeypatch):
    from graphkit import extract

    art = _long_article()
    assert len(art.text) > 6000
    whole = _as_dict(next(extract.extract_records([art], nlp))[1])

    monkeypatch.setattr(pieces_mod, "PIECE_CHARS", 1500)
    built = []
    real_from_doc = extract.record_from_doc

    def spy(doc, *args, **kw):
        built.append(len(doc.text))
        return real_from_doc(doc, *args, **kw)

    monkeypatch.setattr(extract, "record_from_doc", spy)
    warnings = []
    (got_art, rec), = list(extract.extract_records([art], nlp, on_problem=lambda w, m: warnings.append(m)))
    rec = _as_dict(rec)
    assert got_art is art
    assert len(built) >= 4 and max(built) <= 1500      # parsed piece by piece, never the whole text
    assert warnings == []                               # under the model's max_length: nothing to warn about

    text = art.text
    for a in rec["actors"]:
        for start, end, _sent in a["mentions"]:
            assert text[start:end] in {a["name"], *a["aliases"]}, (a["name"], text[start:end])
    for m in rec["meetings"]:
        assert m["evidence_all"] == [text[s:e].strip() for s, e in m["spans"]]
    # the same findings as one Doc of the whole text: the surname in a later piece ("Berg later
    # held talks with Holm") joined the full names, offsets and sentence indices global again
    def actors(r):
        return [(a["name"], a["type"], a["aliases"], a["mentions"]) for a in r["actors"]]

    def meetings(r):
        return [(sorted(m["participants"]), m["kind"], m["location"], m["date"], m["spans"]) for m in r["meetings"]]

    assert actors(rec) == actors(whole)
    assert meetings(rec) == meetings(whole)
    assert [(m[0], m[2]) for m in meetings(rec)] == [(["Anna Berg", "Karl Holm"], "Oslo"),
                                                     (["Anna Berg", "Karl Holm"], "Vienna")]


def test_text_over_max_length_still_warned(nlp, monkeypatch):
    from graphkit import extract

    art = _long_article()
    monkeypatch.setattr(nlp, "max_length", 3000)
    warnings = []
    (_, rec), = list(extract.extract_records([art], nlp, on_problem=lambda w, m: warnings.append((w, m))))
    rec = _as_dict(rec)
    assert len(warnings) == 1 and warnings[0][0] == "long" and "over the model's max_length" in warnings[0][1]
    assert any(set(m["participants"]) == {"Anna Berg", "Karl Holm"} for m in rec["meetings"])
