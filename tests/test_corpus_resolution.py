"""The corpus resolution: a pure function of the records, made once per store content and kept in the store."""
from __future__ import annotations

import copy
import json
import sqlite3

import pytest

import graphkit.store
from graphkit.corpus import Article
from graphkit.corpus_resolution import CorpusActor, resolve_corpus
from graphkit.graph import build_graph, load_graph
from graphkit.records import Actor, Meeting, Record
from graphkit.store import CORPUS_TABLES, Store


def invented() -> list[Record]:
    """Three invented articles: a full name with a country, its surname alone, a possessive role."""
    return [
        Record("a", date="2020-01-01", actors=[
            Actor("Anna Berg", "person", country="Ruritania", roles=["Foreign Minister"], mentions=[[0, 9, 0]]),
            Actor("Ruritania", "country", mentions=[[20, 29, 0]])]),
        Record("b", actors=[
            Actor("Berg", "person", mentions=[[0, 4, 0], [30, 34, 1]]),
            Actor("Karl Holm", "person", mentions=[[10, 19, 0]], country_guess="Freedonia")],
            meetings=[Meeting(["Berg", "Karl Holm"], "talks", hub="Berg", evidence="Berg held talks with Holm.")]),
        Record("c", actors=[
            Actor("Lena Voss", "person", mentions=[[0, 9, 0]], country_via="Karl Holm", country_guess="Osterlich"),
            Actor("Karl Holm", "person", mentions=[[20, 24, 0]])]),
    ]


def test_resolution_fills_what_one_article_leaves_open():
    records, actors, index = resolve_corpus(invented())
    berg = records[1].actor("Anna Berg")
    assert records[1].actor("Berg") is None
    assert (berg.country, berg.aliases, berg.roles) == ("Ruritania", ["Berg"], [])
    assert records[1].meetings[0].participants == ["Anna Berg", "Karl Holm"]
    assert records[1].meetings[0].hub == "Anna Berg"
    # no article states Holm's country: the one guessed from context (in b) goes for c too,
    # and Voss, "Holm's adviser" in c, has his (her own guess does not count then)
    assert records[1].actor("Karl Holm").country == "Freedonia"
    assert records[2].actor("Karl Holm").country == "Freedonia"
    assert records[2].actor("Lena Voss").country == "Freedonia"
    assert actors["Anna Berg"] == CorpusActor("Anna Berg", "person", "Ruritania", ["Foreign Minister"], ["Berg"],
                                              mentions=3, articles=["a", "b"])
    assert actors["Karl Holm"].country == "Freedonia" and actors["Karl Holm"].articles == ["b", "c"]
    assert actors["Lena Voss"].country == "Freedonia"
    assert index[("b", "Berg")] == index[("b", "Anna Berg")] == "Anna Berg"
    assert set(actors) == {"Anna Berg", "Ruritania", "Karl Holm", "Lena Voss"}


def test_a_person_known_only_through_a_possessor_gets_that_country_everywhere():
    """The record and the corpus actor agree: the country filled in from "X's adviser" is the actor's."""
    recs = [Record("d", actors=[
        Actor("Mark Dalton", "person", country="Freedonia", mentions=[[0, 11, 0]]),
        Actor("Jo Pike", "person", country_via="Mark Dalton", mentions=[[20, 27, 0]])]),
        Record("e", actors=[Actor("Jo Pike", "person", mentions=[[0, 7, 0]])])]
    records, actors, _ = resolve_corpus(recs)
    assert records[0].actor("Jo Pike").country == "Freedonia"
    assert records[1].actor("Jo Pike").country is None   # e says nothing: no country to fill in from it
    assert actors["Jo Pike"].country == "Freedonia"


def test_resolution_is_pure():
    recs = invented()
    before = copy.deepcopy(recs)
    first = resolve_corpus(recs)
    assert recs == before                          # nothing rewritten in place
    assert resolve_corpus(recs) == first           # and the same answer every time
    assert resolve_corpus([r.to_dict() for r in recs]) == first   # the JSON form reads the same


def test_build_graph_is_the_graph_of_the_resolution():
    G = build_graph(invented())
    assert G.nodes["Anna Berg"]["aliases"] == ["Berg"] and "Berg" not in G
    (d,) = [d for _, _, d in G.edges(data=True) if d["layer"] == "meetings"]
    assert (d["participants"], d["hub"], d["meeting_id"]) == (["Anna Berg", "Karl Holm"], "Anna Berg", "b#0")


# -- kept in the store ------------------------------------------------------------------------

def fill(store: Store, records) -> None:
    for rec in records:
        store.put(Article(id=rec.doc, text="x" * 50), rec)


def kept_key(store: Store):
    row = store.connection.execute("SELECT value FROM meta WHERE key = 'corpus_version'").fetchone()
    return None if row is None else row[0]


def corpus_rows(store: Store) -> dict[str, int]:
    return {t: store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CORPUS_TABLES}


def test_the_store_keeps_the_resolution_of_its_content(tmp_path, monkeypatch):
    with Store(tmp_path / "g.db") as store:
        fill(store, invented())
        assert kept_key(store) is None and set(corpus_rows(store).values()) == {0}
        made = store.resolution()
        assert made == resolve_corpus(invented())
        assert kept_key(store).startswith(f"{store.content_version()}/")
        assert corpus_rows(store) == {"corpus_actors": 4, "corpus_names": 7, "corpus_meetings": 1,
                                      "corpus_records": 3}

        def fail(records):
            raise AssertionError("resolved again although the content did not change")

        monkeypatch.setattr(graphkit.store, "resolve_corpus", fail)
        monkeypatch.setattr(graphkit.store, "CorpusResolver", fail)
        assert store.resolution() == made
        store.put(Article(id="a", text="x" * 50), invented()[0])   # unchanged: nothing written
        assert store.resolution() == made
        monkeypatch.undo()

        # a new article: the kept resolution goes with the old content, the next one has it
        version = store.content_version()
        fill(store, [Record("f", actors=[Actor("Berg", "person", country="Ruritania", mentions=[[0, 4, 0]])])])
        assert store.content_version() == version + 1
        assert kept_key(store) is None and set(corpus_rows(store).values()) == {0}
        assert store.resolution().index[("f", "Berg")] == "Anna Berg"
        assert store.resolution().actors["Anna Berg"].articles == ["a", "b", "f"]
        store.delete("f")
        assert kept_key(store) is None
        assert store.resolution() == made


def test_the_sql_tables_name_corpus_actors(tmp_path):
    with Store(tmp_path / "g.db") as store:
        fill(store, invented())
        store.resolution()
        c = store.connection
        assert c.execute("SELECT type, country, aliases, mentions, articles FROM corpus_actors "
                         "WHERE name = 'Anna Berg'").fetchone() == (
            "person", "Ruritania", '["Berg"]', 3, '["a", "b"]')
        assert c.execute("SELECT participants, hub FROM corpus_meetings").fetchall() == [
            ('["Anna Berg", "Karl Holm"]', "Anna Berg")]
        # the stored records stay as they were put: only the corpus tables are resolved
        assert c.execute("SELECT participants FROM meetings").fetchall() == [('["Berg", "Karl Holm"]',)]
        resolved = json.loads(c.execute("SELECT record FROM corpus_records WHERE article_id = 'b'").fetchone()[0])
        assert resolved == resolve_corpus(invented()).records[1].to_dict()


def test_a_read_only_store_resolves_without_writing(tmp_path, monkeypatch):
    db = tmp_path / "g.db"
    with Store(db) as store:
        fill(store, invented())                  # no resolution kept
    before = db.read_bytes()
    with Store(db, readonly=True) as ro:
        assert ro.resolution() == resolve_corpus(invented())
    assert db.read_bytes() == before
    with Store(db) as store:
        store.resolution()                       # kept now
    monkeypatch.setattr(graphkit.store, "resolve_corpus", lambda records: pytest.fail("not kept"))
    monkeypatch.setattr(graphkit.store, "CorpusResolver", lambda records: pytest.fail("not kept"))
    G = load_graph(db)                           # read-only, from the kept resolution
    assert G.nodes["Anna Berg"]["articles"] == 2


def test_a_writer_coming_between_does_not_get_a_stale_resolution_kept(tmp_path, monkeypatch):
    db = tmp_path / "g.db"

    class WithAWriterMeanwhile(graphkit.store.CorpusResolver):
        def __init__(self, records):
            super().__init__(records)
            with Store(db) as other:  # another process adds an article while this one resolves
                fill(other, [Record("z", actors=[Actor("Zed", "country")])])

    with Store(db) as store:
        fill(store, invented())
        monkeypatch.setattr(graphkit.store, "CorpusResolver", WithAWriterMeanwhile)
        assert store.keep_resolution() is False       # what it made is not the newer content's
        monkeypatch.undo()
        assert kept_key(store) is None
        assert store.keep_resolution() is True
        assert "Zed" in store.resolution().actors


def test_keeping_reads_the_records_one_at_a_time(tmp_path, monkeypatch):
    """The resolution kept at the end of an ingest does not hold the corpus in memory."""
    seen = []
    real = graphkit.store.CorpusResolver

    class Watch(real):
        def __init__(self, records):
            assert not isinstance(records, list)
            super().__init__(records)

        def resolve(self, record):
            seen.append(record.doc)
            return super().resolve(record)

    with Store(tmp_path / "g.db") as store:
        fill(store, invented())
        monkeypatch.setattr(graphkit.store, "CorpusResolver", Watch)
        assert store.keep_resolution() is True
        monkeypatch.undo()
        assert seen == ["a", "b", "c"]
        assert store.resolution() == resolve_corpus(invented())


def test_a_store_of_schema_1_is_resolved_and_upgraded(tmp_path):
    db = tmp_path / "old.db"
    with Store(db) as store:
        fill(store, invented())
    c = sqlite3.connect(db)  # the store as graphkit with schema 1 left it
    for table in CORPUS_TABLES:
        c.execute(f"DROP TABLE {table}")
    c.execute("DELETE FROM meta WHERE key = 'content_version'")
    c.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    c.commit()
    c.close()
    with Store(db, readonly=True) as ro:
        assert ro.resolution() == resolve_corpus(invented())
    with Store(db) as store:
        assert store.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
        assert store.resolution() == resolve_corpus(invented())
        assert kept_key(store) is not None


# --------------------------------------------------------------------------- across articles (issue 18)

def _person(name, country=None, guess=None):
    return Actor(name, "person", country=country, country_guess=guess, mentions=[[0, len(name), 0]])


def test_a_misspelt_surname_joins_the_one_full_name_it_can_be():
    recs = [Record("a", actors=[_person("Marta Korobnitskaya", "Russia")]),
            Record("b", actors=[_person("Marta Korobnitskaja")]),
            Record("c", actors=[_person("Korobnitskya")])]
    records, actors, index = resolve_corpus(recs)
    one = index[("a", "Marta Korobnitskaya")]
    assert index[("b", "Marta Korobnitskaja")] == one and index[("c", "Korobnitskya")] == one
    assert records[1].actors[0].country == "Russia"


def test_misspelt_surnames_with_other_given_names_stay_apart():
    recs = [Record("a", actors=[_person("Marta Korobnitskaya", "Russia")]),
            Record("b", actors=[_person("Pavel Korobnitskaja", "Russia")])]
    _, actors, _ = resolve_corpus(recs)
    assert {"Marta Korobnitskaya", "Pavel Korobnitskaja"} <= set(actors)


def test_same_surname_persons_of_different_countries_stay_apart():
    recs = [Record("a", actors=[_person("Anna Berg", "Norway")]),
            Record("b", actors=[_person("Anna Berg", "Chile")]),
            Record("c", actors=[_person("Berg")])]
    records, actors, index = resolve_corpus(recs)
    # two actors, and the name says it is shared ("Anna Berg (Chile)") instead of picking one silently
    assert index[("a", "Anna Berg")] == "Anna Berg" and index[("b", "Anna Berg")] == "Anna Berg (Chile)"
    assert actors["Anna Berg"].country == "Norway" and actors["Anna Berg (Chile)"].country == "Chile"
    assert index[("c", "Berg")] == "Berg"  # two persons it could be: it stays on its own


def _label_only(name):
    return Actor(name, "person", label_only=True, mentions=[[0, len(name), 0]])


def test_a_one_word_person_only_the_label_makes_and_no_article_names_is_no_person():
    recs = [Record("a", actors=[_label_only("Varnoko"), Actor("Oslo Holm Bank", "organization")],
                   meetings=[Meeting(["Varnoko", "Oslo Holm Bank"], "talks")])]
    records, actors, index = resolve_corpus(recs)
    assert actors["Varnoko"].type == "organization" and index[("a", "Varnoko")] == "Varnoko"
    assert [(a.name, a.type) for a in records[0].actors] == [("Varnoko", "organization"),
                                                            ("Oslo Holm Bank", "organization")]
    assert records[0].meetings[0].participants == ["Varnoko", "Oslo Holm Bank"]  # every path names it alike


def test_a_one_word_person_only_the_label_makes_joins_the_person_others_name():
    recs = [Record("a", actors=[_person("Karl Varnoko", "Norway")]),
            Record("b", actors=[_label_only("Varnoko"), Actor("Norway", "country")]),
            Record("c", actors=[Actor("Holmgard", "person", roles=["President"], mentions=[[0, 8, 0]])]),
            Record("d", actors=[_label_only("Holmgard")])]
    records, actors, index = resolve_corpus(recs)
    assert index[("b", "Varnoko")] == "Karl Varnoko" and records[1].actors[0].country == "Norway"
    assert index[("d", "Holmgard")] == index[("c", "Holmgard")] == "Holmgard"  # a titled bare name elsewhere


def test_an_organization_joins_the_one_person_of_its_surname_only_where_its_article_names_his_country():
    person = Record("a", actors=[_person("Anton Varnoko", "Norway")])
    named = Record("b", actors=[Actor("Varnoko", "organization", mentions=[[0, 7, 0]]), Actor("Norway", "country")])
    company = Record("c", actors=[Actor("Varnoko", "organization", mentions=[[0, 7, 0]]), Actor("Chile", "country")])
    records, actors, index = resolve_corpus([person, named, company])
    assert index[("b", "Varnoko")] == "Anton Varnoko"
    assert index[("c", "Varnoko")] == "Varnoko" and actors["Varnoko"].type == "organization"


def test_a_label_only_surname_joins_a_full_name_only_where_its_article_names_his_country():
    recs = [Record("a", actors=[_person("Karl Varnoko", "Norway")]),
            Record("b", actors=[_label_only("Varnoko"), Actor("Norway", "country")]),
            Record("c", actors=[_label_only("Varnoko"), Actor("Chile", "country")])]
    records, actors, index = resolve_corpus(recs)
    assert index[("b", "Varnoko")] == "Karl Varnoko"
    assert actors[index[("c", "Varnoko")]].type == "organization"  # "Varnoko and Whitney" in a Chilean story
