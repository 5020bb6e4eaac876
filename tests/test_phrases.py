"""Words written together (otsfacts.phrases), over the fixture base."""

from __future__ import annotations

from otsfacts.phrases import _adjacent
from otsfacts.search import SearchIndex
from otsfacts.store import load_base

def test_adjacent_is_in_order_and_next_to_each_other() -> None:
    words = ["the", "northern", "corridor", "opened"]
    assert _adjacent(words, "northern", "corridor")
    assert not _adjacent(words, "corridor", "northern")
    assert not _adjacent(words, "the", "corridor")


def test_a_phrase_held_in_one_field_decides_both_words_there() -> None:
    # "Secretary General" is the role of the speaker of most facts; written the other way
    # round the words are found apart, "General" in a "General Assembly" claim
    base = load_base(use_env=False)
    index = SearchIndex.from_base(base, environ={"OTSFACTS_MEANING": "0"})
    # (the fact whose claim names the role holds both words, either way round, in one field;
    # beside it the others are related facts, not answers: they are ranked all the same)
    phrase, apart = (max((hit for results in [index.find(words, cutoff=0, related=10)]
                          for hit in (*results.answers, *results.related) if "Secretary General" not in hit.fact.claim),
                         key=lambda hit: hit.score)
                     for words in ("secretary general", "general secretary"))
    assert phrase.fact.speaker.role.startswith("Secretary General")
    assert "General Assembly" in apart.fact.claim and phrase.score > apart.score


def test_a_phrase_lifts_its_words_field_not_their_spelling() -> None:
    # "Azerbaijan's chairmanship" holds the phrase with "azerbaijani" matched by its stem:
    # held together, the words count as if in the best field, but a stem stays a stem, so
    # the facts saying "Azerbaijani Chairmanship" as typed come first
    index = SearchIndex.from_base(load_base(use_env=False), environ={"OTSFACTS_MEANING": "0"})
    answers = index.find("what are the priorities under the azerbaijani chairmanship").answers
    assert {hit.fact.id for hit in answers[:4]} == {
        "azerbaijani-chairmanship-priority-energy-cooperation",
        "azerbaijani-chairmanship-priority-regional-security",
        "azerbaijani-chairmanship-priority-cultural-humanitarian-ties",
        "azerbaijani-chairmanship-priority-economic-transport-connectivity",
    }
    assert answers[4].fact.id.startswith("azerbaijan-chairmanship-focus-") and answers[4].score < answers[3].score
