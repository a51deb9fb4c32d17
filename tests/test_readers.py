"""The readers of an analyst's own files (graphkit/readers/): field mapping, dates, CSV, HTML, Markdown,
other file types, empty files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphkit.readers import ReadOptions, Sources, read_articles


def read(paths, **options):
    problems = []
    arts = list(read_articles(paths, on_problem=problems.append, options=ReadOptions(**options)))
    return arts, problems


def jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# -- field mapping -----------------------------------------------------------

def test_jsonl_with_other_field_names_is_read_by_their_usual_names(tmp_path):
    p = jsonl(tmp_path / "feed.jsonl", [
        {"headline": "Berg meets Holm", "published": "02/26/1987", "body": "Anna Berg met Karl Holm in Oslo."},
        {"Headline": "Talks", "Published": "1987/02/27", "Body": "Holm met Berg again."},   # any case
    ])
    arts, problems = read(p)
    assert problems == []
    assert [(a.id, a.title, a.date, a.text) for a in arts] == [
        ("feed:1", "Berg meets Holm", "1987-02-26", "Anna Berg met Karl Holm in Oslo."),
        ("feed:2", "Talks", "1987-02-27", "Holm met Berg again.")]


def test_fields_named_with_the_key_options(tmp_path):
    p = jsonl(tmp_path / "odd.jsonl", [
        {"uid": "x1", "hed": "Berg meets Holm", "when": "26.02.1987", "story": {"plain": "Anna Berg met Karl Holm."},
         "text": "a teaser, not the article"},
    ])
    arts, problems = read(p, text_key="story.plain", title_key="hed", date_key="when", id_key="uid")
    assert problems == []
    assert [(a.id, a.title, a.date, a.text) for a in arts] == [
        ("x1", "Berg meets Holm", "1987-02-26", "Anna Berg met Karl Holm.")]


def test_a_missing_text_field_names_the_fields_there_and_the_option(tmp_path):
    p = jsonl(tmp_path / "feed.jsonl", [{"hed": "Talks", "copy": "Anna Berg met Karl Holm."}])
    arts, problems = read(p)
    assert arts == [] and len(problems) == 1 and problems[0].skipped
    assert "fields: hed, copy" in problems[0].message and "--text-key" in problems[0].message
    arts, problems = read(p, text_key="body")
    assert problems[0].message == "no 'body' field (--text-key)"
    arts, _ = read(p, text_key="copy", title_key="hed")
    assert [(a.title, a.text) for a in arts] == [("Talks", "Anna Berg met Karl Holm.")]


# -- dates -------------------------------------------------------------------

@pytest.mark.parametrize("value, month_first, day_first", [
    ("02/26/1987", "1987-02-26", "1987-02-26"),        # only one reading
    ("1987/02/26", "1987-02-26", "1987-02-26"),
    ("26.02.1987", "1987-02-26", "1987-02-26"),
    ("03/04/1987", "1987-03-04", "1987-04-03"),        # ambiguous: the order decides
    ("Thu, 26 Feb 1987 10:00:00 GMT", "1987-02-26", "1987-02-26"),
    ("26 février 1987", "1987-02-26", "1987-02-26"),  # dateparser reads other languages
    ("1987-02-26T23:30:00-05:00", "1987-02-26", "1987-02-26"),
])
def test_metadata_dates_by_dateparser_with_a_settable_order(tmp_path, value, month_first, day_first):
    p = jsonl(tmp_path / "d.jsonl", [{"id": "a", "date": value, "text": "Berg met Holm."}])
    assert read(p)[0][0].date == month_first
    assert read(p, day_first=True)[0][0].date == day_first


def test_an_ambiguous_date_states_the_order_used_once_per_file(tmp_path):
    p = jsonl(tmp_path / "d.jsonl", [{"id": str(i), "date": f"0{i}/04/1987", "text": "Berg met Holm."}
                                     for i in range(1, 4)])
    arts, problems = read(p)
    assert [a.date for a in arts] == ["1987-01-04", "1987-02-04", "1987-03-04"]
    assert len(problems) == 1 and not problems[0].skipped
    assert "read month-first" in problems[0].message and "--date-order day-first" in problems[0].message


def test_relative_or_partial_dates_are_no_article_date(tmp_path):
    p = jsonl(tmp_path / "d.jsonl", [{"id": "a", "date": "yesterday", "text": "Berg met Holm."},
                                     {"id": "b", "date": "Feb 1987", "text": "Berg met Holm."}])
    arts, problems = read(p)
    assert [a.date for a in arts] == [None, None]
    assert [p.skipped for p in problems] == [False, False] and "'yesterday' not recognised" in problems[0].message


def test_text_dates_from_dateline_header_or_file_name(tmp_path):
    (tmp_path / "wire.txt").write_text("Talks Open\n\nWASHINGTON, Jan 3, 2017 (Reuters) - Talks opened.\n")
    (tmp_path / "1987-02-26_berg.txt").write_text("Berg Meets Holm\n\nAnna Berg met Karl Holm in Oslo.\n")
    (tmp_path / "memo.txt").write_text("Title: Berg in Oslo\nDate: 26.02.1987\n\nAnna Berg met Karl Holm.\n")
    (tmp_path / "note.md").write_text("---\ntitle: Holm in Lima\ndate: 1987-03-01\n---\n# Holm in Lima\n\n"
                                      "Karl **Holm** met [Anna Berg](http://x.org) in Lima.\n")
    (tmp_path / "reuters_19870302.txt").write_text("WASHINGTON, Jan 3, 2017 - The dateline wins.\n")
    arts, problems = read(tmp_path)
    got = {a.id: (a.title, a.date) for a in arts}
    assert problems == []
    assert got == {
        "1987-02-26_berg": ("Berg Meets Holm", "1987-02-26"),
        "memo": ("Berg in Oslo", "1987-02-26"),
        "note": ("Holm in Lima", "1987-03-01"),
        "reuters_19870302": (None, "2017-01-03"),
        "wire": ("Talks Open", "2017-01-03"),
    }
    texts = {a.id: a.text for a in arts}
    assert texts["memo"] == "Berg in Oslo\n\nAnna Berg met Karl Holm."      # the header is not text
    assert texts["note"] == "Holm in Lima\n\nKarl Holm met Anna Berg in Lima."  # nor the markup


# -- CSV / TSV -----------------------------------------------------------------

def test_csv_and_tsv_one_article_a_row(tmp_path):
    (tmp_path / "a.csv").write_text('id,headline,published,body\n'
                                    'r1,Berg meets Holm,02/26/1987,"Anna Berg met Karl Holm, the minister, in Oslo."\n'
                                    ',,,\n'
                                    'r2,Second,1987-02-27,"Two lines\nof text."\n', encoding="utf-8")
    (tmp_path / "b.tsv").write_text("title\ttext\nT\tHolm met Berg.\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("titre;texte;date\nX;Berg a rencontré Holm.;26.02.1987\n", encoding="utf-8")
    arts, problems = read([tmp_path / "a.csv", tmp_path / "b.tsv"])
    assert problems == []
    assert [(a.id, a.title, a.date, a.line) for a in arts] == [
        ("r1", "Berg meets Holm", "1987-02-26", 2), ("r2", "Second", "1987-02-27", 4), ("b:2", "T", None, 2)]
    assert arts[0].text == "Anna Berg met Karl Holm, the minister, in Oslo."
    arts, problems = read(tmp_path / "c.csv", text_key="texte", title_key="titre")
    assert [(a.title, a.date, a.text) for a in arts] == [("X", "1987-02-26", "Berg a rencontré Holm.")]


def test_csv_without_a_text_column_is_one_problem_naming_the_columns(tmp_path):
    (tmp_path / "a.csv").write_text("name,score\nBerg,1\nHolm,2\n", encoding="utf-8")
    arts, problems = read(tmp_path / "a.csv")
    assert arts == [] and len(problems) == 1
    assert "columns: name, score" in problems[0].message and "--text-key" in problems[0].message


# -- HTML --------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>Berg meets Holm | The Daily</title>
<meta property="article:published_time" content="1987-02-26T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Berg meets Holm</h1>
<p>Ruritanian Foreign Minister Anna Berg met Karl Holm, the Freedonian foreign minister, in Oslo on Monday.</p>
<p>The two ministers discussed fishing rights for three hours, officials of both countries said.</p>
</article><footer>Copyright 1987 The Daily. All rights reserved.</footer></body></html>"""


def test_html_text_title_and_date_by_trafilatura(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    arts, problems = read(tmp_path)
    assert problems == []
    (a,) = arts
    assert (a.id, a.title, a.date) == ("page", "Berg meets Holm", "1987-02-26")
    assert "Anna Berg met Karl Holm" in a.text and "<" not in a.text
    assert "Home" not in a.text and "All rights reserved" not in a.text


# -- folders -----------------------------------------------------------------

def test_other_file_types_are_counted_once_per_folder(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("Berg met Holm.")
    (d / "scan.pdf").write_bytes(b"%PDF-1.4")
    (d / "sub" / "b.pdf").write_bytes(b"%PDF-1.4")
    (d / "sub" / "notes.docx").write_bytes(b"PK")
    (d / "README").write_text("read me")
    arts, problems = read(d)
    assert [a.id for a in arts] == ["a"]
    assert [(p.path, p.skipped) for p in problems] == [(str(d), False)]
    assert problems[0].message.startswith("4 files not read (2 .pdf, 1 .docx, 1 without extension); graphkit reads ")


def test_empty_files_are_warnings(tmp_path):
    for name in ("a.txt", "b.jsonl", "c.csv", "d.html", "e.json"):
        (tmp_path / name).write_text("")
    arts, problems = read(tmp_path)
    assert arts == [] and len(problems) == 5
    assert all(not p.skipped and "empty" in p.message for p in problems)


def test_graphkit_outputs_beside_a_store_are_not_read_back(tmp_path):
    d = tmp_path / "corpus"
    (d / "out").mkdir(parents=True)
    (d / "a.txt").write_text("Berg met Holm.")
    (d / "out" / "graphkit.db").write_bytes(b"")
    (d / "out" / "graphkit.db-wal").write_bytes(b"")
    for name in ("records.jsonl", "graph.json", "summary.json", "nodes.csv", "edges.csv", "view.html"):
        (d / "out" / name).write_text('{"text": "an output"}\n')
    arts, problems = read(d)
    assert [a.id for a in arts] == ["a"] and problems == []


def test_sources_carry_the_options_and_collect_the_ids(tmp_path):
    p = jsonl(tmp_path / "f.jsonl", [{"key": "k1", "copy": "Berg met Holm."}])
    sources = Sources([p], ReadOptions(text_key="copy", id_key="key"))
    assert [a.id for a in read_articles(sources)] == ["k1"]
    assert sources.ids == {"k1"}
