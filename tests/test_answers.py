"""What a search answers (otsfacts.answers): the filter applied to the ranking, the order
asked for, and what to say when nothing answers. By spelling alone, on the fixture base."""

from __future__ import annotations

import pytest

from conftest import FIXTURE_BASE
from otsfacts.answers import Answers, answer, check_searchable, only_single_letters
from otsfacts.errors import NothingFound
from otsfacts.filters import FactFilter
from otsfacts.search import SearchIndex
from otsfacts.store import load_base

BASE = load_base([FIXTURE_BASE], builtin=False, use_env=False)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.from_base(BASE, environ={"OTSFACTS_MEANING": "0"})


def ids(hits: object) -> list[str]:
    return [hit.fact.id for hit in hits]  # type: ignore[attr-defined]


def test_words_of_one_letter_are_no_answer_rather_than_a_query_error() -> None:
    assert only_single_letters("x") and only_single_letters("a b c")
    assert not only_single_letters("ab") and not only_single_letters("?!") and not only_single_letters("1")
    with pytest.raises(NothingFound, match="^no fact answers 'a b': words of one letter are too short to search for$"):
        check_searchable("a b")
    check_searchable("corridor")


def test_the_answers_keep_what_the_filter_keeps(index: SearchIndex) -> None:
    every = answer(index, "corridor", FactFilter.resolve(BASE))
    assert ids(every.answers) == ["corridor-opened", "corridor-not-open"]
    statements = answer(index, "corridor", FactFilter.resolve(BASE, kinds=["statement"]))
    assert ids(statements.answers) == ["corridor-not-open"]
    assert answer(index, "corridor", FactFilter.resolve(BASE), limit=1).answers == every.answers[:1]
    by_id = answer(index, "corridor", FactFilter.resolve(BASE), sort="id")
    assert ids(by_id.answers) == ["corridor-not-open", "corridor-opened"]


def test_nothing_says_whether_the_filter_removed_the_answers(index: SearchIndex) -> None:
    removed = answer(index, "corridor", FactFilter.resolve(BASE, topics=["energy"]))
    assert (removed.answers, removed.removed) == ((), 2)
    assert str(removed.nothing()) == "no fact answers 'corridor'; the filter (topic 'energy') removed all 2 answers"
    one = answer(index, "undersea", FactFilter.resolve(BASE, topics=["transport"]))
    assert str(one.nothing()) == "no fact answers 'undersea'; the filter (topic 'transport') removed its 1 answer"
    none = answer(index, "zzyzx", FactFilter.resolve(BASE))
    assert (none.answers, none.removed, str(none.nothing())) == ((), 0, "no fact answers 'zzyzx'")
    assert none.nothing().exit_status == 1


def test_answers_are_a_record_of_what_was_found() -> None:
    found = Answers("q", (), (), "search by spelling only", FactFilter.resolve(BASE), 0)
    assert (found.query, found.notice, found.removed) == ("q", "search by spelling only", 0)
