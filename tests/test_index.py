"""The inverted index (otsfacts.index): its postings, how a query word expands to the
vocabulary (exactly, by prefix, stem, ending, glossary, measure or fuzzily) and the caps
on one query's cost. Over tests/fixtures/index, a base small enough to know every word of."""

from __future__ import annotations

import math

import pytest

from conftest import FIXTURES
from otsfacts import index as index_module
from otsfacts.index import FIELDS, Index, index_part, searchable_fields, spans
from otsfacts.text import stem
from otsfacts.model import Fact
from otsfacts.store import load_base

FACTS: list[Fact] = list(load_base([FIXTURES / "index"], builtin=False, use_env=False).facts.values())
OPENED, INVESTMENTS, CABLE = range(3)  # the facts' numbers, in file order


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(FACTS)


def field(name: str) -> int:
    """The bit of field ``name`` in a posting's field mask."""
    return 1 << [n for n, _ in FIELDS].index(name)


def decoded(postings: object) -> list[tuple[int, int]]:
    """Packed postings as (fact number, field mask) pairs."""
    bits = len(FIELDS)
    return [(p >> bits, p & ((1 << bits) - 1)) for p in postings]  # type: ignore[attr-defined]


# ------------------------------------------------------------------------ the postings


def test_the_facts_are_the_fixtures_in_file_order() -> None:
    assert [f.id for f in FACTS] == ["corridor-opened", "fund-investments", "cable-capacity"]


def test_a_posting_holds_the_fact_and_every_field_the_word_is_in(index: Index) -> None:
    assert decoded(index.postings["northern"]) == [(OPENED, field("claim") | field("quote"))]
    assert decoded(index.postings["2024"]) == [(OPENED, field("claim") | field("when-where") | field("quote"))]
    # a topic's words are filed under the topics field of each fact under it, in fact order
    assert decoded(index.postings["energy"]) == [(INVESTMENTS, field("topics")), (CABLE, field("topics"))]
    # the id is one token, its hyphens joined
    assert decoded(index.postings["cablecapacity"]) == [(CABLE, field("id"))]


def test_a_figure_is_filed_under_its_text_its_number_and_its_measure() -> None:
    texts = dict(zip((n for n, _ in FIELDS), searchable_fields(FACTS[CABLE])))
    assert texts["value"] == "nearly 4 GW 4 4 measurepower"
    assert texts["when-where"] == "plan"
    assert texts["speaker"] == "Ada Demir Minister of Transport "
    assert texts["source"] == "The Daily 2025-01-02"
    assert searchable_fields(FACTS[OPENED])[[n for n, _ in FIELDS].index("value")] == ""  # no figure


def test_postings_are_a_sorted_mapping_of_the_vocabulary(index: Index) -> None:
    postings = index.postings
    assert list(postings) == sorted(postings) and len(postings) == len(index.vocabulary)
    assert postings.count("the") == 3 and postings.count("corridors") == 2 and postings.count("absent") == 0
    assert "corridor" in postings and "absent" not in postings and 7 not in postings
    with pytest.raises(KeyError):
        postings["absent"]
    assert postings.get("absent") is None


def test_the_per_fact_arrays_hold_claim_lengths_flags_and_members(index: Index) -> None:
    assert list(index.claim_lengths) == [len(f.claim) for f in FACTS] == [37, 61, 56]
    # bit 1: a figure; bit 2: disputed
    assert index.has_value == bytes([2, 0, 1 | 2])
    assert {k: list(v) for k, v in index.topic_members.items()} == {"transport": [0, 1], "energy": [1, 2]}
    assert {k: list(v) for k, v in index.source_members.items()} == {"daily-2025-01-02": [0, 1, 2]}


def test_an_index_joined_from_spans_is_the_index_of_the_whole(index: Index) -> None:
    joined = Index.from_parts(FACTS, [index_part(FACTS[:1], 0), index_part(FACTS[1:], 1)])
    assert list(joined.vocabulary) == list(index.vocabulary)
    assert all(list(joined.postings[w]) == list(index.postings[w]) for w in index.vocabulary)
    assert list(joined.claim_lengths) == list(index.claim_lengths) and joined.has_value == index.has_value
    assert {k: list(v) for k, v in joined.topic_members.items()} == {"transport": [0, 1], "energy": [1, 2]}


def test_an_empty_base_has_an_empty_index() -> None:
    empty = Index([])
    assert len(empty.postings) == 0 and empty.expand("corridor") == {} and empty.idf("corridor") == 0.0


def test_spans_split_a_big_base_among_workers_only(monkeypatch: pytest.MonkeyPatch) -> None:
    assert spans(0) == [(0, 0)]
    assert spans(10) == [(0, 10)]
    monkeypatch.setattr(index_module, "_workers", lambda: 2)
    assert spans(index_module.PARALLEL_FACTS - 1) == [(0, index_module.PARALLEL_FACTS - 1)]
    # 2 workers take up to 4 spans each, but no span is under MIN_SPAN (2,500) facts
    assert spans(12_000) == [(0, 2400), (2400, 4800), (4800, 7200), (7200, 9600), (9600, 12_000)]
    monkeypatch.setattr(index_module, "_workers", lambda: 1)
    assert spans(12_000) == [(0, 12_000)]


def test_idf_is_the_log_of_facts_over_holders(index: Index) -> None:
    assert index.idf("the") == pytest.approx(math.log(1 + 3 / 3))
    assert index.idf("northern") == pytest.approx(math.log(1 + 3 / 1))
    assert index.idf("absent") == pytest.approx(math.log(1 + 3 / 0.5))  # rarer than any word held


# -------------------------------------------------------------------------- expansion


def test_a_word_matches_itself_exactly(index: Index) -> None:
    assert index.expand("northern") == {"northern": 1.0}
    assert index.expand("absent") == {}


def test_a_word_of_four_letters_or_more_matches_longer_words_by_prefix(index: Index) -> None:
    # up to three letters more: 0.9; more than that (an id's joined words): 0.75
    assert index.expand("corri") == {"corridor": 0.9, "corridors": 0.75, "corridoropened": 0.75}
    assert index.expand("corridor") == {"corridor": 1.0, "corridors": 0.9, "corridoropened": 0.75}
    assert index.expand("cor") == {}  # a short word (an acronym) is matched exactly or not at all


def test_a_word_matches_the_vocabulary_words_of_its_stem(index: Index) -> None:
    assert index.expand("invested") == {"investments": 0.8}  # both "invest"
    assert index.expand("borders") == {"border": 0.8}


def test_an_inflected_ending_is_cut_to_find_the_name(index: Index) -> None:
    assert index.expand("corridora") == {"corridor": 0.8}  # "азербаиджана" for "азербаиджан"
    # an ending has a vowel (or is a plural's "s"): without one, the word is a typo
    assert index.expand("corridorp") == pytest.approx({"corridor": 0.8 * (16 / 17) ** 2,
                                                      "corridors": 0.8 * (16 / 18) ** 2})
    # two letters off a word in Latin letters are a Turkic ending ("corridorda"), not any
    # two letters with a vowel ("corridorly" is no inflection of "corridor")
    assert index.expand("corridorda") == {"corridor": 0.8}
    assert index.expand("corridorly")["corridor"] < 0.7  # a typo of it at most, weakly


def test_another_languages_word_matches_the_glossarys_english(index: Index) -> None:
    assert index.expand("коридор") == {"corridor": 0.9, "corridors": 0.9}
    assert index.expand("коридора") == {"corridor": 0.85, "corridors": 0.85}  # found once its ending went


def test_a_measure_word_matches_the_figures_in_its_units(index: Index) -> None:
    assert index.expand("gigawatts") == {"measurepower": 0.9}  # the cable's 4 GW
    assert index.expand("inhabitants") == {}  # a measure no figure of this base is in


def test_a_capital_also_matches_its_country_weakly(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    # news writing's "Baku" for Azerbaijan (otsfacts.places), as a stand-in weaker than a
    # stem; here a made-up capital whose country is the fixture's "northern"
    monkeypatch.setitem(index_module.CAPITALS, "wind", ("northern", "nowhere"))
    assert index.expand("wind") == {"wind": 1.0, "northern": 0.7}  # only words the base holds
    assert index.expand("northern") == {"northern": 1.0}  # a country is not its capital


def test_a_word_found_nowhere_matches_close_spellings_fuzzily(index: Index) -> None:
    # quality 0.8 x (similarity)²: "corrdor" is 14/15 of "corridor"
    assert index.expand("corrdor") == pytest.approx({"corridor": 0.8 * (14 / 15) ** 2, "corridors": 0.8 * 0.875 ** 2})
    assert index.expand("cabel") == pytest.approx({"cable": 0.8 * 0.8 ** 2})
    assert index.expand("gable") == {}  # a short word's typo rarely hits its first letter


def test_numbers_match_only_themselves_never_by_prefix_or_fuzzily(index: Index) -> None:
    assert index.expand("2024") == {"2024": 1.0}
    assert index.expand("2023") == {}  # 75% like "2024" and "2025": a fuzzy match were it a word
    assert index.expand("202") == {}
    assert index.expand("2025", exact=True) == {"2025": 1.0}
    assert index.expand("second", exact=True, spellings=("2nd", "2024")) == {"2024": 1.0}  # another spelling


def test_measure_tokens_are_never_reached_by_prefix_or_fuzzily(index: Index) -> None:
    assert index.expand("measurepowr") == {}
    assert "measurepower" not in index.expand("measur")


def test_a_real_word_beginning_with_measure_is_found_by_prefix(index: Index) -> None:
    # the guard above once tested startswith('measure') and hid "measures" from "measure"
    assert index.expand("measure") == {"measures": 0.9}


# ------------------------------------------------------------------------------ caps


def test_a_prefix_expands_to_at_most_max_expansions_words(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "MAX_EXPANSIONS", 2)
    assert index.expand("corri") == {"corridor": 0.9, "corridoropened": 0.75}  # the first two, in order


def test_a_query_searches_at_most_max_query_words_distinct_words(index: Index,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "MAX_QUERY_WORDS", 2)
    kept, expansions = index._capped_expansions(["cable", "corridor", "cable", "northern"])
    assert kept == ["cable", "corridor", "cable"]  # a repeat of a kept word stays; a third word does not
    assert expansions[0] is expansions[2] and expansions[0] == {"cable": 1.0, "cablecapacity": 0.75}


def test_over_the_postings_cap_the_commonest_words_are_left_out(index: Index,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    words = ["the", "northern", "cable"]  # 3, 1 and 2 postings (cable: "cable" and "cablecapacity")
    assert index._capped_expansions(words)[0] == words  # three words or fewer: never cut
    monkeypatch.setattr(index_module, "UNCAPPED_WORDS", 1)
    assert index._capped_expansions(words)[0] == words  # 6 postings, within the cap
    monkeypatch.setattr(index_module, "MAX_QUERY_POSTINGS", 3)
    assert index._capped_expansions(words)[0] == ["northern", "cable"]
    monkeypatch.setattr(index_module, "MAX_QUERY_POSTINGS", 0)
    assert index._capped_expansions(words)[0] == ["northern"]  # the rarest word is always kept


# ------------------------------------------------------------------------------ stem


@pytest.mark.parametrize(("word", "root"), [
    ("investments", "invest"), ("invested", "invest"), ("invest", "invest"),
    ("countries", "country"), ("applied", "apply"), ("corridors", "corridor"),
    ("things", "thing"),  # "th" would be too short a stem: the next ending is tried
    ("gas", "gas"), ("cable", "cable"),  # four letters or fewer after the cut: kept whole
    ("co2s", "co2s"), ("ünites", "ünites"), ("коридоры", "коридоры"),  # English letters only
])
def test_stem_cuts_an_english_ending(word: str, root: str) -> None:
    assert stem(word) == root


def test_stems_map_a_stem_to_its_vocabulary_words(index: Index) -> None:
    assert list(index.stems["invest"]) == ["investments"]
    assert list(index.stems["corridor"]) == ["corridors", "corridor"]  # the word itself too, being its own stem
    with pytest.raises(KeyError):
        index.stems["absent"]
