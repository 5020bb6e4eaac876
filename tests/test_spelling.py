"""Scoring by spelling (otsfacts.spelling): which expansion of each query word a fact holds
and where, the weighted share of the query that makes, and when spelling alone has
answered. Over tests/fixtures/index, whose three facts every number here is worked from."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from otsfacts.index import FIELDS
from otsfacts.spelling import LENGTH_DISCOUNT, STRONG, SpellingIndex
from otsfacts.store import load_base

FACTS = list(load_base([FIXTURES / "index"], builtin=False, use_env=False).facts.values())
OPENED, INVESTMENTS, CABLE = range(3)
BITS = len(FIELDS)


@pytest.fixture(scope="module")
def index() -> SpellingIndex:
    return SpellingIndex(FACTS)


def field(name: str) -> int:
    return 1 << [n for n, _ in FIELDS].index(name)


def test_a_slot_names_the_best_expansion_a_fact_holds_and_its_fields(index: SpellingIndex) -> None:
    # "corridor" exactly (expansion 0) in the first fact; "corridors" (expansion 1) in the second
    slots, names, qualities = index._slots([{"corridor": 1.0, "corridors": 0.9}])
    assert names == [["corridor", "corridors"]] and qualities == [[1.0, 0.9]]
    assert slots[0][OPENED] == 0 << BITS | field("claim") | field("id") | field("quote")  # "corridor-opened"
    assert slots[0][INVESTMENTS] == 1 << BITS | field("claim") | field("topics") | field("quote")
    assert CABLE not in slots[0]


def test_a_score_is_the_weighted_share_matched_a_long_claim_a_little_less(index: SpellingIndex) -> None:
    expansions = [{"northern": 1.0}, {"cable": 1.0}]
    slots, _, qualities = index._slots(expansions)
    scores = index._spelling_scores(slots, qualities, [1.0, 3.0], 4.0, None, None)
    lengths = [len(f.claim) for f in FACTS]
    average = sum(lengths) / len(lengths)
    # each fact holds one word in its claim (the best field, full gain): its weight's share
    assert scores[OPENED] == pytest.approx((0.25 * (1 - LENGTH_DISCOUNT * lengths[OPENED] / (lengths[OPENED] + average)), 1, 0.25))
    assert scores[CABLE] == pytest.approx((0.75 * (1 - LENGTH_DISCOUNT * lengths[CABLE] / (lengths[CABLE] + average)), 1, 0.75))
    assert INVESTMENTS not in scores
    assert index._spelling_scores(slots, qualities, [1.0, 3.0], 4.0, {OPENED}, None).keys() == {OPENED}


def test_spelling_alone_has_answered_when_one_fact_holds_every_word_strongly(index: SpellingIndex) -> None:
    def spelled_out(expansions: list[dict[str, float]]) -> bool:
        slots, _, qualities = index._slots(expansions)
        lexical = index._spelling_scores(slots, qualities, [1.0] * len(expansions), len(expansions), None, None)
        return index._spelled_out(lexical, slots, qualities, [], len(expansions))

    assert spelled_out([{"northern": 1.0}, {"corridor": 1.0}])
    assert not spelled_out([{"northern": 1.0}, {"cable": 1.0}])  # no one fact holds both
    assert not spelled_out([{"northern": 1.0}, {"corridor": STRONG - 0.05}])  # a typo's or stem's match is weak
