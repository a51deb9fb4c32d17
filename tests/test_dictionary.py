"""The user dictionary (--actors): format, errors, and that it beats the built-in guesses."""
import pytest

from graphkit.actors.dictionary import DictionaryError, load_dictionary
from graphkit.extract import extract_text


@pytest.fixture(scope="module")
def nlp():
    from graphkit.nlp import load_model

    return load_model()


def _actors(nlp, text, dictionary=None, date=None):
    rec = extract_text(text, date=date, nlp=nlp, dictionary=dictionary).to_dict()
    return {a["name"]: a for a in rec["actors"]}


def test_yaml_and_csv_read_the_same_entry(tmp_path):
    y = tmp_path / "a.yaml"
    y.write_text("actors:\n  - name: Anna Berg\n    type: person\n    country: Norway\n"
                 "    aliases: [Berg]\n    roles: [Foreign Minister]\n")
    c = tmp_path / "a.csv"
    c.write_text("name,type,country,aliases,roles\nAnna Berg,person,Norway,Berg,Foreign Minister\n")
    for path in (y, c):
        e = load_dictionary(path).match("Berg")
        assert (e.name, e.type, e.country, e.roles) == ("Anna Berg", "person", "Norway", ["Foreign Minister"])


def test_bad_dictionary_names_file_and_entry(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("name,type\nAnna Berg,wizard\n")
    with pytest.raises(DictionaryError, match=r"bad.csv:2: type 'wizard'"):
        load_dictionary(p)
    y = tmp_path / "bad.yaml"
    y.write_text("actors:\n  - type: person\n")
    with pytest.raises(DictionaryError, match="needs a 'name'"):
        load_dictionary(y)


def test_dictionary_overrides_a_guess(nlp, tmp_path):
    # Without the dictionary nothing in the text says which country Karl Holm serves.
    text = "Karl Holm arrived in Oslo on Monday. Holm said the talks went well."
    assert _actors(nlp, text)["Karl Holm"]["country"] is None
    p = tmp_path / "d.yaml"
    p.write_text("actors:\n  - name: Karl Holm\n    type: person\n    country: Denmark\n    roles: [Envoy]\n")
    got = _actors(nlp, text, load_dictionary(p))["Karl Holm"]
    assert got["country"] == "Denmark" and got["roles"] == ["Envoy"] and got["aliases"] == ["Holm"]


def test_dictionary_pins_canonical_name_and_type(nlp, tmp_path):
    # The text calls the group by an acronym the built-in tables do not know.
    p = tmp_path / "d.csv"
    p.write_text("name,type,country,aliases\nNorthern Liberation Front,organization,,NLF\n")
    got = _actors(nlp, "The NLF said on Monday it would join the talks.", load_dictionary(p))
    assert got["Northern Liberation Front"]["type"] == "organization"
    assert "NLF" in got["Northern Liberation Front"]["aliases"]


def test_date_range_limits_an_entry(nlp, tmp_path):
    p = tmp_path / "d.csv"
    p.write_text("name,type,country,aliases,roles,from,to\n"
                 "Karl Holm,person,Denmark,Holm,Envoy,2015-01-01,2016-12-31\n")
    d = load_dictionary(p)
    text = "Karl Holm arrived in Oslo on Monday."
    assert _actors(nlp, text, d, date="2016-05-01")["Karl Holm"]["country"] == "Denmark"
    assert _actors(nlp, text, d, date="2020-05-01")["Karl Holm"]["country"] is None


def test_a_partial_alias_binds_only_where_no_other_person_has_that_surname(nlp, tmp_path):
    p = tmp_path / "d.csv"
    p.write_text("name,type,country,aliases\nAnna Berg,person,Norway,Berg\n")
    d = load_dictionary(p)
    other = _actors(nlp, "Erik Berg, a Swedish banker, met Karl Holm on Monday. Berg said he was pleased.", d)
    assert "Anna Berg" not in other and other["Erik Berg"]["country"] == "Sweden"
    alone = _actors(nlp, "Berg met Karl Holm in Oslo on Monday.", d)
    assert alone["Anna Berg"]["country"] == "Norway"
