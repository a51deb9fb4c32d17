"""Tests for graphkit.corpus: readers, problems, cleaning, datelines."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from graphkit.corpus import Article, Problem, clean_text, find_date, read_articles


def read(paths, **kw):
    """All articles and all problems of one run."""
    problems: list[Problem] = []
    arts = list(read_articles(paths, on_problem=problems.append, **kw))
    return arts, problems


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows),
                    encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# readers
# ---------------------------------------------------------------------------

def test_txt_file_is_one_article(tmp_path):
    p = tmp_path / "kerry-lavrov.txt"
    p.write_text("Kerry Meets Lavrov\n\nKerry met Lavrov in Moscow on Friday.\n", encoding="utf-8")
    arts, problems = read(p)
    assert problems == []
    assert len(arts) == 1
    a = arts[0]
    assert a.id == "kerry-lavrov"
    assert a.text == "Kerry Meets Lavrov\n\nKerry met Lavrov in Moscow on Friday."
    assert a.title == "Kerry Meets Lavrov"
    assert a.date is None
    assert a.path == str(p)
    assert a.line is None


def test_txt_title_only_when_first_line_looks_like_a_headline(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Kerry met Lavrov in Moscow on Friday.\nThey talked.\n", encoding="utf-8")
    (a,), _ = read(p)
    assert a.title is None  # a sentence with a final period is no headline


def test_str_path_and_list_of_paths(tmp_path):
    (tmp_path / "x.txt").write_text("Putin called Erdogan.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Zarif visited Ankara.", encoding="utf-8")
    arts, _ = read(str(tmp_path / "x.txt"))
    assert [a.id for a in arts] == ["x"]
    arts, _ = read([tmp_path / "y.txt", str(tmp_path / "x.txt")])
    assert [a.id for a in arts] == ["y", "x"]


def test_directory_walked_recursively_sorted_skipping_hidden(tmp_path):
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "b.txt").write_text("Text of b.", encoding="utf-8")
    (root / "a" / "c.md").write_text("Text of c.", encoding="utf-8")
    (root / "a" / "d.text").write_text("Text of d.", encoding="utf-8")
    (root / "a" / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (root / ".git" / "x.txt").write_text("In a hidden directory.", encoding="utf-8")
    (root / "notes.csv").write_text("not,an,article", encoding="utf-8")
    write_jsonl(root / "z.jsonl", [{"id": "z1", "text": "Text z1."}, {"id": "z2", "text": "Text z2."}])
    arts, problems = read(root)
    assert problems == []
    assert [a.id for a in arts] == ["c", "d", "b", "z1", "z2"]
    assert [a.text for a in arts] == ["Text of c.", "Text of d.", "Text of b.", "Text z1.", "Text z2."]


def test_jsonl_all_fields(tmp_path):
    p = write_jsonl(tmp_path / "news.jsonl", [
        {"id": "n1", "text": "Lavrov met Kerry in Geneva.", "title": "Geneva Talks",
         "date": "2016-09-09", "url": "https://example.org/n1", "source": "Example Wire"},
        {"id": 42, "text": "Putin called Erdogan.", "date": "2016-12-27T10:30:00Z"},
    ])
    arts, problems = read(p)
    assert problems == []
    a, b = arts
    assert (a.id, a.text, a.title, a.date, a.url, a.source, a.line) == (
        "n1", "Lavrov met Kerry in Geneva.", "Geneva Talks", "2016-09-09",
        "https://example.org/n1", "Example Wire", 1)
    assert a.path == str(p)
    assert (b.id, b.title, b.date, b.url, b.source, b.line) == ("42", None, "2016-12-27", None, None, 2)


def test_jsonl_id_falls_back_to_stem_and_line(tmp_path):
    p = tmp_path / "wire.ndjson"
    p.write_text('{"text": "First."}\n\n{"text": "Third line.", "id": ""}\n', encoding="utf-8")
    arts, problems = read(p)
    assert problems == []
    assert [(a.id, a.line) for a in arts] == [("wire:1", 1), ("wire:3", 3)]


def test_json_file_with_one_object_a_line_and_json_array(tmp_path):
    lines = write_jsonl(tmp_path / "lines.json", [{"id": "l1", "text": "One."}, {"id": "l2", "text": "Two."}])
    array = tmp_path / "array.json"
    array.write_text(json.dumps([{"id": "r1", "text": "Uno."}, {"text": "Dos."}], indent=2), encoding="utf-8")
    arts, problems = read([lines, array])
    assert problems == []
    assert [(a.id, a.text) for a in arts] == [("l1", "One."), ("l2", "Two."), ("r1", "Uno."), ("array:2", "Dos.")]


def test_jsonl_is_streamed(tmp_path):
    """The reader yields the first article before the file is read to the end."""
    p = write_jsonl(tmp_path / "s.jsonl", [{"id": "s1", "text": "One."}])
    it = read_articles(p)
    assert next(it).id == "s1"
    with open(p, "a", encoding="utf-8") as f:  # written after the first article came out
        f.write(json.dumps({"id": "s2", "text": "Two."}) + "\n")
    assert [a.id for a in it] == ["s2"]


def test_duplicate_ids_are_made_unique_with_a_warning(tmp_path):
    p = write_jsonl(tmp_path / "d.jsonl", [{"id": "x", "text": "A."}, {"id": "x", "text": "B."},
                                           {"id": "x", "text": "C."}])
    arts, problems = read(p)
    assert [(a.id, a.text) for a in arts] == [("x", "A."), ("x~2", "B."), ("x~3", "C.")]
    assert [(pr.line, pr.skipped) for pr in problems] == [(2, False), (3, False)]
    assert "duplicate id 'x'" in problems[0].message


# ---------------------------------------------------------------------------
# bad inputs: reported, never fatal
# ---------------------------------------------------------------------------

def test_empty_and_whitespace_only_files_are_warnings(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Real text.", encoding="utf-8")
    arts, problems = read(tmp_path)
    assert [a.id for a in arts] == ["ok"]
    # nothing to read is a warning, not a skipped input (exit 0)
    assert sorted((Path(p.path).name, p.skipped) for p in problems) == [("blank.txt", False), ("empty.txt", False)]
    assert all("empty" in p.message for p in problems)


def test_binary_files_are_skipped(tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"GIF89a\x00\x01\x02\x00\x00binary")
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 50 + bytes(range(128, 256)) * 20)
    (tmp_path / "ok.txt").write_text("Real text.", encoding="utf-8")
    arts, problems = read(tmp_path)
    assert [a.id for a in arts] == ["ok"]
    assert sorted(str(p).replace(str(tmp_path), "D") for p in problems) == [
        "D/noise.txt: binary file", "D/nul.txt: binary file"]
    assert all(p.skipped for p in problems)


def test_latin1_file_is_decoded_with_a_warning(tmp_path):
    p = tmp_path / "cafe.txt"
    p.write_bytes("Café talks in Zürich.\n".encode("latin-1"))
    arts, problems = read(p)
    assert [a.text for a in arts] == ["Café talks in Zürich."]
    assert len(problems) == 1
    assert problems[0].skipped is False
    assert problems[0].message == "not UTF-8; decoded as cp1252"
    assert arts[0].notes == ["not UTF-8; decoded as cp1252"]


def test_cp1252_quotes_are_decoded(tmp_path):
    p = tmp_path / "q.txt"
    p.write_bytes(b"\x93We agree,\x94 he said.")
    (a,), problems = read(p)
    assert a.text == "\u201cWe agree,\u201d he said."
    assert [pr.skipped for pr in problems] == [False]


def test_utf8_bom_is_stripped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfTalks in Astana.")
    j = tmp_path / "bom.jsonl"
    j.write_bytes(b'\xef\xbb\xbf{"id": "j", "text": "Talks in Geneva."}\n')
    arts, problems = read([p, j])
    assert problems == []
    assert [a.text for a in arts] == ["Talks in Astana.", "Talks in Geneva."]


def test_malformed_json_line_is_skipped_and_the_rest_read(tmp_path):
    p = tmp_path / "m.jsonl"
    p.write_text('{"id": "a", "text": "First."}\n'
                 '{"id": "b", "text": "Broken\n'
                 '{"id": "c", "text": "Third."}\n', encoding="utf-8")
    arts, problems = read(p)
    assert [a.id for a in arts] == ["a", "c"]
    assert len(problems) == 1
    pr = problems[0]
    assert (pr.path, pr.line, pr.skipped) == (str(p), 2, True)
    assert str(pr).startswith(f"{p}:2: malformed JSON")


def test_json_line_without_text_or_with_non_string_text(tmp_path):
    p = write_jsonl(tmp_path / "t.jsonl", [
        {"id": "a", "title": "No text here"},
        {"id": "b", "text": 12},
        {"id": "c", "text": "   "},
        ["not", "an", "object"],
        {"id": "e", "text": "Fine."},
    ])
    arts, problems = read(p)
    assert [a.id for a in arts] == ["e"]
    assert [(pr.line, pr.skipped) for pr in problems] == [(1, True), (2, True), (3, False), (4, True)]
    assert problems[0].message == "no 'text' field"
    assert problems[1].message == "'text' is not a string (int)"
    assert problems[2].message == "empty text"
    assert problems[3].message == "not a JSON object"


def test_nonexistent_path_is_reported_and_the_run_goes_on(tmp_path):
    (tmp_path / "ok.txt").write_text("Real text.", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    arts, problems = read([missing, tmp_path / "ok.txt"])
    assert [a.id for a in arts] == ["ok"]
    assert [(p.path, p.line, p.skipped) for p in problems] == [(str(missing), None, True)]
    assert str(problems[0]) == f"{missing}: no such file or directory"


def test_file_vanishing_during_the_walk(tmp_path):
    (tmp_path / "a.txt").write_text("Text a.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Text b.", encoding="utf-8")
    problems = []
    it = read_articles(tmp_path, on_problem=problems.append)
    assert next(it).id == "a"
    (tmp_path / "b.txt").unlink()  # listed already, gone before it is read
    assert list(it) == []
    assert [(Path(p.path).name, p.skipped) for p in problems] == [("b.txt", True)]
    assert "vanished" in problems[0].message


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    bad = tmp_path / "bad.txt"
    bad.write_text("Secret.", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Real text.", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "bad.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    arts, problems = read(tmp_path)
    assert [a.id for a in arts] == ["ok"]
    assert [str(p) for p in problems] == [f"{bad}: cannot read: Permission denied"]


def test_huge_file_reads_fine(tmp_path):
    paras = [f"Paragraph {i}: the foreign minister met his counterpart number {i} in the capital."
             for i in range(30000)]
    body = "\n\n".join(paras)
    assert len(body) > 2_500_000
    p = tmp_path / "huge.txt"
    p.write_text(body + "\n", encoding="utf-8")
    arts, problems = read(p)
    assert problems == []
    assert len(arts) == 1
    assert arts[0].text == body


def test_default_problem_handler_logs_a_warning(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="graphkit.corpus"):
        assert list(read_articles(tmp_path / "missing")) == []
    assert f"{tmp_path / 'missing'}: no such file or directory" in caplog.text


def test_problem_str():
    assert str(Problem("x.jsonl", 7, "malformed JSON", True)) == "x.jsonl:7: malformed JSON"
    assert str(Problem("y.txt", None, "binary file", True)) == "y.txt: binary file"


# ---------------------------------------------------------------------------
# clean_text
# ---------------------------------------------------------------------------

PAGE = (
    "World\n"
    "0\n"
    "\n"
    "Leaders Meet in Vienna\n"
    "\n"
    "Leaders Meet in Vienna\n"
    "Leaders  meet in Vienna\n"
    "Select Page\n"
    "Media ID: 123456\n"
    "\n"
    "The foreign ministers met on Friday.\n"
    "\n"
    "\n"
    "\n"
    "\u00a0 They agreed to meet again.  \n"
    "\u00a0\n"
    "Share this\n"
    "Add new comment\n"
    "\n"
    "Read our comment policy before posting your viewpoints\n"
    "\n"
    "No comments.\n"
    "Leave a Reply\n"
    "Your email address will not be published. Required fields are marked *\n"
    "By submitting a comment you grant Example Media a perpetual license to reproduce your words.\n"
    "© 2016 Example News Ltd. All rights reserved.\n"
    "\n"
    "ExampleNews.com\n"
)


def test_clean_text_removes_boilerplate():
    assert clean_text(PAGE) == (
        "Leaders Meet in Vienna\n"
        "\n"
        "The foreign ministers met on Friday.\n"
        "\n"
        "They agreed to meet again."
    )


def test_clean_text_keeps_body_sentences_that_only_contain_boilerplate_words():
    text = ("No comments were made by the minister.\n"
            "Print media reported the visit.\n"
            "Example.com reported the talks.\n"
            "example.com\n"
            "The talks went on.")
    # full-line rules only; a domain line is dropped only at the end
    assert clean_text(text) == text


def test_clean_text_keeps_repeated_long_lines():
    long_line = "The ministers met. " * 12  # 228 characters, stripped to 227
    text = f"{long_line}\n\n{long_line}\n\nShort line.\n\nShort line."
    stripped = long_line.strip()
    assert clean_text(text) == f"{stripped}\n\n{stripped}\n\nShort line."


def test_clean_text_uses_the_given_title_to_drop_crumbs_above_it():
    text = "Home\nPolitics\nKerry Visits Moscow\nKerry arrived in Moscow on Monday."
    assert clean_text(text, title="Kerry Visits Moscow") == (
        "Kerry Visits Moscow\nKerry arrived in Moscow on Monday.")
    # without a title nothing marks the headline: "Politics" stays ("Home" is a nav rule)
    assert clean_text(text) == "Politics\nKerry Visits Moscow\nKerry arrived in Moscow on Monday."


def test_clean_text_normalizes_line_ends_and_blank_runs():
    assert clean_text("\r\n\r\nA met B.\r\n\r\n\r\n\r\nC met D.\r\n\r\n") == "A met B.\n\nC met D."


def test_read_articles_cleans_by_default_and_not_with_clean_false(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(PAGE, encoding="utf-8")
    (a,), problems = read(p)
    assert problems == []
    assert a.text.startswith("Leaders Meet in Vienna\n\nThe foreign")
    assert a.title == "Leaders Meet in Vienna"
    (raw,), _ = read(p, clean=False)
    assert raw.text == PAGE


def test_only_boilerplate_is_skipped(tmp_path):
    p = tmp_path / "shell.txt"
    p.write_text("Add new comment\n\nExample.com\n", encoding="utf-8")
    arts, problems = read(p)
    assert arts == []
    assert [(pr.skipped, pr.message) for pr in problems] == [(True, "no text left after removing boilerplate")]


# ---------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("WASHINGTON, Jan 3, 2017 (Reuters) - Talks began.", "2017-01-03"),
    ("Headline Here\n\nJanuary 14, 2017, The Iran Project - Since the start", "2017-01-14"),
    ("Published: 2016-12-27\nMoscow said ...", "2016-12-27"),
    ("Posted on December 5th, 2016\nText.", "2016-12-05"),
    ("KABUL, Afghanistan, Tuesday, 27 December 2016 - Text.", "2016-12-27"),
    ("By Jane Doe | Dec. 28, 2016\nText.", "2016-12-28"),
    ("January 14, The Iran Project - Since the start", None),   # no year: no guess
    ("WASHINGTON, Jan 3 (Reuters) - Talks began.", None),
    ("MOSCOW, February 30, 2016 - No such day.", None),
    ("Iran, Russia and Turkey released a statement on December 20, 2016.", None),  # not a dateline
    ("Title\nLine two.\nLine three.\nLine four.\nPublished: 2016-12-27", None),  # too far down
])
def test_find_date(text, expected):
    assert find_date(text) == expected


def test_dateline_sets_article_date_unless_given(tmp_path):
    t = tmp_path / "wire.txt"
    t.write_text("Talks Open\n\nWASHINGTON, Jan 3, 2017 (Reuters) - Talks opened.", encoding="utf-8")
    j = write_jsonl(tmp_path / "w.jsonl", [
        {"id": "given", "date": "2016-05-01", "text": "WASHINGTON, Jan 3, 2017 (Reuters) - Talks opened."},
        {"id": "derived", "text": "Published: 2016-12-27\nTalks opened."},
        {"id": "noyear", "text": "January 14, The Iran Project - Talks opened."},
        {"id": "baddate", "date": "sometime", "text": "Talks opened."},
    ])
    arts, problems = read([t, j])
    assert [(a.id, a.date) for a in arts] == [
        ("wire", "2017-01-03"), ("given", "2016-05-01"), ("derived", "2016-12-27"),
        ("noyear", None), ("baddate", None)]
    assert [(p.line, p.skipped) for p in problems] == [(4, False)]
    assert "'sometime'" in problems[0].message


def test_article_contract_fields():
    a = Article(id="x", text="t")
    assert (a.title, a.date, a.url, a.source, a.path, a.line, a.notes) == (None, None, None, None, None, None, [])


def test_every_malformed_json_message_names_its_line(tmp_path):
    lines = tmp_path / "a.jsonl"
    lines.write_text('{"id": "ok", "text": "Fine."}\n{"id": "x", "text": "no end\n{"text": "a\tb"}\n[1,\n',
                     encoding="utf-8")
    doc = tmp_path / "b.json"
    doc.write_text('[{"text": "ok"},\n {"text": "x" "y"}]\n', encoding="utf-8")
    arts, problems = read([lines, doc])
    assert [a.id for a in arts] == ["ok"]
    assert [(Path(p.path).name, p.line, p.message) for p in problems] == [
        ("a.jsonl", 2, "malformed JSON on line 2, column 21: unterminated string"),
        ("a.jsonl", 3, "malformed JSON on line 3, column 12: invalid control character"),
        ("a.jsonl", 4, "malformed JSON on line 4, column 4: expecting value"),
        ("b.json", 2, "malformed JSON on line 2, column 15: expecting ',' delimiter"),
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_broken_symbolic_links_in_a_walk_are_reported(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Anna Berg met Karl Holm.", encoding="utf-8")
    (d / "b.txt").symlink_to(tmp_path / "gone.txt")            # an article that moved away
    (d / "more").symlink_to(tmp_path / "gone-dir")             # a folder that moved away
    (d / "loop.txt").symlink_to(d / "loop.txt")                # a link to itself
    (d / "logo.png").symlink_to(tmp_path / "gone.png")         # not an input: not read, not reported
    (d / ".hidden.txt").symlink_to(tmp_path / "gone2.txt")     # hidden: skipped like any hidden entry
    arts, problems = read(d)
    assert [a.id for a in arts] == ["a"]
    got = sorted((Path(p.path).name, p.skipped, p.message) for p in problems)
    assert got == [
        ("b.txt", True, f"no such file or directory (broken symbolic link to {tmp_path / 'gone.txt'})"),
        ("loop.txt", True, "cannot access: Too many levels of symbolic links"),
        ("more", True, f"no such file or directory (broken symbolic link to {tmp_path / 'gone-dir'})"),
    ]


def test_character_references_and_misread_apostrophes_are_repaired():
    from graphkit.corpus import clean_text
    text = "Ren&#233;e Holm, Anna Berg&#191;s deputy, met the R&amp;D chief of AT&T.\n\nHolm\ufffds aide&nbsp;agreed."
    assert clean_text(text) == "Renée Holm, Anna Berg's deputy, met the R&D chief of AT&T.\n\nHolm's aide agreed."


def test_wire_copy_marked_names_lose_their_brackets_tickers_keep_them(tmp_path):
    p = tmp_path / "wire.txt"
    p.write_text("Halvard Industries Inc <HLV.N> said it held talks with <Nordstar Holdings Corp> on Monday.\n",
                 encoding="utf-8")
    (art,) = read(p)[0]
    assert art.text == "Halvard Industries Inc <HLV.N> said it held talks with Nordstar Holdings Corp on Monday."
