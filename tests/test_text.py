"""Folding, Russian and Turkic ending stripping, and in-word apostrophes, with exact results."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from otsfacts.text import american, fold, inflection_stems, is_cyrillic, join_apostrophes, russian_stem, stem, tokens


@pytest.mark.parametrize(("text", "folded"), [
    ("Молодёжный", "молодежныи"),  # ё -> е, й -> и
    ("Каспийского", "каспииского"),
    ("Qazaxıstanın", "qazaxistanin"),
    ("TÜRKİYE", "turkiye"),
    ("Әзербайжан", "әзербаижан"),  # Kazakh letters stay
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(("word", "stem"), [
    ("каспииского", "каспииск"),
    ("каспиискии", "каспииск"),  # the lemma meets its inflected forms
    ("моря", "мор"),
    ("море", "мор"),
    ("инвестиции", "инвестиц"),
    ("инвестиция", "инвестиц"),
    ("азербаиджана", "азербаиджан"),
    ("дну", "дну"),  # at least three letters stay
    ("wind", "wind"),
])
def test_russian_stem(word: str, stem: str) -> None:
    assert russian_stem(word) == stem


@pytest.mark.parametrize(("word", "stems"), [
    ("моря", ["мор"]),
    ("азербаиджана", ["азербаиджан", "азербаиджа"]),  # (the Kazakh dative "-на" too: a stem no lemma has)
    ("жобалары", ["жобалар", "жоба"]),  # Kazakh plural + possessive
    ("enerjisi", ["enerjis", "enerji", "enerj"]),
    ("fondunun", ["fondun", "fondu", "fond", "font", "fon"]),
    ("emekdasligi", ["emekdaslig", "emekdaslik", "emekdasliq"]),  # ğ -> k / q
    ("kubogi", ["kubog", "kubok", "kuboq"]),
    ("gorusu", ["gorus", "goru", "gor"]),
    ("rehberlerinin", ["rehberlerin", "rehberleri", "rehberler", "rehber"]),
    ("оиындарын", ["оиындары", "оиындар", "оиын", "оиы"]),  # Kazakh plural + accusative ("games")
    ("kecdi", ["kecd", "kect", "kec"]),  # the past tense ("passed")
    ("kecirilir", ["keciril", "kecir", "kec"]),  # the present tense of the passive ("is held")
    ("baglayacak", ["baglak", "baglay", "bagla", "bagl", "bag", "bak", "baq"]),  # the future ("will link")
    ("birlestiriyor", ["birlestiri", "birlestir", "birlest", "birles"]),  # the present ("unites")
    ("qurilmoqda", ["qurilmoqd", "qurilmoqt", "qurilmoq", "quril", "qur"]),  # Uzbek present ("is being built")
    ("баиланыстыратын", ["баиланыстыраты", "баиланыстырат", "баиланыстыра", "баиланыстыр"]),  # Kazakh participle
    ("тақырыбы", ["тақырыб", "тақырып"]),  # Kazakh б softened from п ("topic")
    ("талқыланады", ["талқыланад", "талқылана", "талқылан", "талқыла"]),  # the present tense ("discussed")
    ("қауіпсіздігіне", ["қауіпсіздігін", "қауіпсіздігі", "қауіпсіздіг", "қауіпсіздік"]),  # possessive + dative ("security")
    ("sedrliyi", ["sedrlik", "sedrliy", "sedrli", "sedrl"]),  # Azerbaijani k softened to y ("chairmanship")
    ("bm", []),
    ("2024", []),
])
def test_inflection_stems(word: str, stems: list[str]) -> None:
    assert inflection_stems(word) == stems


def test_inflection_stems_reach_the_lemma_longest_first() -> None:
    assert inflection_stems("qazaxistanin")[0] == "qazaxistan"
    assert "dunya" in inflection_stems("dunyasinin")
    assert inflection_stems("ozbekistonda")[:3] == ["ozbekistond", "ozbekistont", "ozbekiston"]
    # Uzbek's "-lik" makes a country's word its people's ("Qozog'istonlik": Kazakhstani)
    assert "qozogiston" in inflection_stems("qozogistonlik")


def test_is_cyrillic() -> None:
    assert is_cyrillic("каспии") and is_cyrillic("қазақстан")
    assert not is_cyrillic("qazaxistan") and not is_cyrillic("wind")


@pytest.mark.parametrize(("text", "joined"), [
    ("Azerbaycan'ın rüzgar", "Azerbaycan rüzgar"),  # a Turkic case ending goes
    ("BM'de gözlemci", "BM gözlemci"),
    ("Hazar Denizi'nin dibinde", "Hazar Denizi dibinde"),
    ("Kazakistan'a", "Kazakistana"),  # one letter: joined, the stemmer strips it
    ("Oʻzbekistonda chang'i", "Ozbekistonda changi"),  # Uzbek letters
    ("sunʼiy intellekt", "suniy intellekt"),
    ("Türk Haftası 2024'te", "Türk Haftası 2024"),  # a year's ending goes too
    ("the 1990's", "the 1990's"),  # but an English one stays
    ("Azerbaijan's wind", "Azerbaijan's wind"),  # English clitics stay
    ("don't", "don't"),
    ("'quoted' words", "'quoted' words"),
    ("no apostrophe", "no apostrophe"),
])
def test_join_apostrophes(text: str, joined: str) -> None:
    assert join_apostrophes(text) == joined


def test_a_plus_after_a_word_reads_as_plus() -> None:
    # "OTS+" is the format its aliases spell "OTS Plus"; a plus after a number is not a word
    assert tokens("the “OTS+” format") == ["the", "ots", "plus", "format"]
    assert tokens("5+ years") == ["5", "years"]


def test_joined_apostrophes_tokenize_to_one_word() -> None:
    assert tokens(join_apostrophes("Oʻzbekiston")) == ["ozbekiston"]
    assert tokens(join_apostrophes("Azerbaycan'ın")) == ["azerbaycan"]


@given(st.text(alphabet=st.sampled_from("ab1²٣ .,-'’—_\u0131İ\n"), max_size=30) | st.text(max_size=30))
def test_plain_fast_path_reads_text_as_the_general_case_does(text: str) -> None:
    from otsfacts.text import _word_tokens

    assert tokens(text) == _word_tokens(fold(text))


@pytest.mark.parametrize(("british", "spelled"), [
    ("organisation", "organization"), ("organisations", "organizations"), ("organised", "organized"),
    ("prioritise", "prioritize"), ("modernising", "modernizing"), ("analysed", "analyzed"),
    ("defence", "defense"), ("licences", "licenses"), ("centre", "center"), ("kilometres", "kilometers"),
    ("fibre", "fiber"), ("programme", "program"), ("programmes", "programs"),
    ("neighbouring", "neighboring"), ("honoured", "honored"), ("labour", "labor"),
])
def test_a_british_spelling_reads_as_the_american(british: str, spelled: str) -> None:
    assert american(british) == spelled
    assert american(spelled) == spelled
    assert stem(british) == stem(spelled)


@pytest.mark.parametrize("word", ["four", "tour", "hours", "journey", "tourism", "course", "genre", "rise",
                                  "cenevre", "qazaxistanin", "центре", "2025", "fence"])
def test_words_that_only_look_british_keep_their_spelling(word: str) -> None:
    # an "our" from the fourth letter on, the endings after two letters at least, English letters only
    assert american(word) == word
