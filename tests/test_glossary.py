"""The multilingual glossary: its data, its lookups, and how search uses it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import invoke
from otsfacts import glossary
from otsfacts.query import QUESTION_WORDS, analyse
from otsfacts.search import SearchIndex
from otsfacts.store import load_base
from otsfacts.text import fold, join_apostrophes, tokens


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.from_base(load_base(use_env=False))


def test_glossary_is_a_few_hundred_concepts() -> None:
    assert len(glossary.CONCEPTS) >= 300
    assert sum(len(v) for v in glossary.CONCEPTS.values()) >= 1500


def test_every_english_word_is_in_the_built_in_base(index: SearchIndex) -> None:
    missing = {t for english in glossary.CONCEPTS for t in english.split() if t not in index.postings}
    assert not missing


def test_every_variant_is_one_search_word_and_not_its_own_translation() -> None:
    for english, variants in glossary.CONCEPTS.items():
        for variant in variants:
            assert len(tokens(join_apostrophes(variant))) == 1, variant
            assert fold(join_apostrophes(variant)) not in english.split(), variant


def test_the_tables_fold_as_search_folds() -> None:
    words, _ = glossary.compile_tables({"caspian": ("Xəzər", "Каспий"), "uzbek": ("Oʻzbek",)})
    assert words == {"xezer": ("caspian",), "каспии": ("caspian",), "ozbek": ("uzbek",)}


@pytest.mark.parametrize(("word", "english", "stripped"), [
    ("Каспийского", ("caspian", "transcaspian"), True),
    ("моря", ("sea",), True),
    ("дну", ("bottom", "seabed"), False),
    ("ветровой", ("wind",), False),
    ("молодёжного", ("youth",), True),
    ("Азербайджана", ("azerbaijan", "azerbaijani"), True),
    ("Грузии", ("georgia",), True),  # not "груз", freight: the lemma sharing more wins
    ("груза", ("freight", "goods"), True),
    ("Qazaxıstanın", ("kazakhstan", "kazakh"), True),
    ("enerjisi", ("energy",), True),
    ("əməkdaşlığı", ("cooperation", "collaboration"), True),
    ("süni", ("artificial",), False),
    ("Қазақстан", ("kazakhstan", "kazakh"), False),
    ("жобалары", ("project", "projects"), True),
    ("kubogi", ("cup",), True),
    ("BM", ("un", "united", "nations"), False),
    ("düzenlendi", ("held", "organized"), False),  # organised, held
    ("keçirilir", ("host", "hosted", "hosting", "holding", "held"), True),  # the present: "is held"
    ("бас", ("general",), False),  # Kazakh "бас хатшы": the Secretary General
    ("ІЖӨ", ("gdp",), False),  # Kazakh GDP, in either order of its letters
    # a Turkic possessive that is also an adjective: "merkezi" is "central" and "its centre"
    ("merkezi", ("central", "centre", "center"), False),
    # Turkish "kuruluş" is an establishment and an organisation ("uluslararası kuruluşlar")
    ("kuruluslarda", ("organization", "organizations", "established", "establish", "establishment",
                      "creation", "create"), True),
    ("bitcoin", (), False),
    ("Монголии", (), False),
])
def test_translate(word: str, english: tuple[str, ...], stripped: bool) -> None:
    assert glossary.translate(fold(word)) == (english, stripped if english else False)


@pytest.mark.parametrize(("word", "expected"), [
    ("Каспийского", "caspian"),
    ("Qazaxıstanın", "kazakhstan"),
    ("ветровой", "wind"),
    ("Bakıda", "baku"),
    ("ayrıldı", "allocated"),  # a passive whose stem drops a vowel ("ayır": "ayrıl") is listed
])
def test_expansion_reaches_the_english_word(index: SearchIndex, word: str, expected: str) -> None:
    found = index.expand(fold(word))
    assert 0.8 <= found[expected] < 1.0  # a match of the query word, a little below exact


def test_an_inflected_name_also_finds_its_alias(index: SearchIndex) -> None:
    assert index.expand("bakida")["baki"] == 0.8  # the alias "Bakı", found once an ending went


def test_english_words_do_not_consult_the_glossary(index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(word: str) -> None:
        raise AssertionError(f"glossary consulted for {word!r}")

    monkeypatch.setattr(glossary, "translate", refuse)
    for word in ("wind", "corridor", "invest", "azerbaijan", "renewables", "ots"):
        assert index.expand(word)


def test_a_foreign_alias_word_also_finds_the_english(index: SearchIndex) -> None:
    found = index.expand("enerji")  # a topic alias, and the English "energy" in the claims
    assert (found["enerji"], found["energy"]) == (1.0, 0.9)


def test_other_languages_stop_words_are_dropped() -> None:
    assert {"по", "ile", "ve", "bir", "на"} <= QUESTION_WORDS
    assert analyse("кабель по дну Каспийского моря").words == ("кабель", "дну", "каспииского", "моря")
    assert analyse("Azərbaycan ilə Qazaxıstan və Türkiyə").words == ("azerbaycan", "qazaxistan", "turkiye")


def test_turkic_apostrophe_endings_leave_the_name() -> None:
    assert analyse("Azerbaycan'ın rüzgar enerjisi").words == ("azerbaycan", "ruzgar", "enerjisi")
    assert analyse("Oʻzbekistonda chang'i").words == ("ozbekistonda", "changi")


def test_an_english_search_does_not_import_the_glossary() -> None:
    code = ("import sys; from otsfacts.search import SearchIndex; from otsfacts.store import load_base; "
            "SearchIndex.from_base(load_base(use_env=False)).search('wind potential in Azerbaijan'); "
            "print('otsfacts.glossary' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_search_in_russian_explains_the_english_it_matched() -> None:
    result = invoke("search", "ветровой потенциал Азербайджана", "--explain", "--json")
    assert result.code == 0, result.err
    records = json.loads(result.out)
    assert records[0]["id"] in {"azerbaijan-wind-energy-potential-157-gw",
                                "azerbaijan-wind-potential-exceeds-needs-exports-to-europe"}
    matches = {m["word"]: m for m in records[0]["matches"]}
    assert matches["ветровои"]["matched"] == "wind"  # folded: й reads as и
    assert matches["потенциал"]["matched"] == "potential"
    assert 0.8 <= matches["ветровои"]["quality"] < 1.0
    assert records[0]["unmatched"] == []


def test_search_in_russian_table_shows_the_translation() -> None:
    result = invoke("search", "кабель по дну Каспийского моря", "--explain")
    assert result.code == 0, result.err
    assert "кабель→cable" in result.out


def test_a_name_in_turkish_reaches_the_base_s_english_name(index: SearchIndex) -> None:
    # "Türk Dünyası Gençlik Merkezi" is the Youth Center of the Turkic World: every word of
    # the name, "Merkezi" (its centre) too, must reach the fact that names it
    hits = index.search("Türk Dünyası Gençlik Merkezi hangi şehirde açıldı?", limit=1)
    assert [hit.fact.id for hit in hits] == ["almaty-youth-center-of-turkic-world-launched"]


def test_an_unrelated_russian_query_finds_nothing() -> None:
    result = invoke("search", "курс биткоина в Монголии")
    assert result.code == 1
    assert result.out == ""


def test_an_unknown_word_of_another_language_is_the_subject_not_filler(index: SearchIndex) -> None:
    # the base has nothing on nuclear energy: asked in Russian, as in English, it says so
    # rather than offering "energy remains a key priority" for the one word it knows
    assert index.search("nuclear energy") == []
    assert index.search("ядерная энергетика") == []
    assert index.search("энергетика")[0].fact.topics[0].id == "energy"


@pytest.fixture
def own_cache(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    glossary._tables.cache_clear()
    yield tmp_path / "otsfacts" / "glossary.marshal"
    glossary._tables.cache_clear()


def test_the_compiled_tables_are_kept_and_a_damaged_copy_is_rebuilt(own_cache) -> None:
    assert glossary.translate("ветровои") == (("wind",), False)
    assert own_cache.exists() and own_cache.stat().st_mode & 0o077 == 0
    own_cache.write_bytes(b"not marshal")
    glossary._tables.cache_clear()
    assert glossary.translate("ветровои") == (("wind",), False)
    assert own_cache.read_bytes() != b"not marshal"


def test_an_edited_glossary_is_compiled_again(own_cache, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert glossary.translate("ветровои") == (("wind",), False)
    edited = tmp_path / "glossary.toml"
    edited.write_text('"solar" = ["ветровой"]\n', encoding="utf-8")
    monkeypatch.setattr(glossary, "GLOSSARY_FILE", edited)
    glossary._tables.cache_clear()
    assert glossary.translate("ветровои") == (("solar",), False)


def test_a_word_the_base_holds_only_as_a_prefix_is_looked_up_in_the_glossary(index: SearchIndex) -> None:
    found = index.expand("turkiy")  # Uzbek for Turkic; it also starts "Türkiye"
    assert found["turkic"] == 0.9 and "turkiye" in found
    assert index.expand("одағында")["union"] == 0.85  # Kazakh "одақ" inflects with ғ: its form is listed
