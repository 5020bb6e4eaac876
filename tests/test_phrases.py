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
