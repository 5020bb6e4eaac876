"""The library's errors (otsfacts.errors): their messages and exit statuses."""

from __future__ import annotations

from otsfacts.errors import (
    ExitStatus,
    FactBaseError,
    FieldError,
    NothingFound,
    OtsfactsError,
    Problem,
    QueryError,
    UnknownNameError,
)


def test_exit_statuses_are_greps() -> None:
    assert [int(s) for s in ExitStatus] == [0, 1, 2, 130]
    assert OtsfactsError.exit_status == QueryError.exit_status == ExitStatus.ERROR
    assert NothingFound.exit_status == ExitStatus.NO_MATCH


def test_a_problem_says_where_which_entry_which_field_and_what() -> None:
    problem = Problem("facts/x.toml", "unknown topic 'trade'", entry="my-fact", field="topics", line=7, column=3)
    assert str(problem) == "facts/x.toml:7:3: my-fact: topics: unknown topic 'trade'"
    assert problem.describe("error", path="x.toml") == "x.toml:7:3: error: my-fact: topics: unknown topic 'trade'"
    assert str(Problem("x.toml", "TOML nested too deeply")) == "x.toml: TOML nested too deeply"
    assert str(Problem("x.toml", "missing", field="claim", column=4)) == "x.toml: claim: missing"  # no line, no column


def test_a_fact_base_error_gives_the_first_problem_and_where_to_see_the_rest() -> None:
    one = FactBaseError([Problem("a.toml", "bad", line=1)])
    assert str(one) == "a.toml:1: bad"
    two = FactBaseError([Problem("a.toml", "bad", line=1), Problem("a.toml", "worse", line=2)])
    assert str(two) == "a.toml:1: bad (and 1 more problem: 'otsfacts check a.toml' lists them all)"
    many = FactBaseError([Problem(f"{n}.toml", "bad") for n in range(5)])
    assert str(many) == "0.toml: bad (and 4 more problems: 'otsfacts check 0.toml 1.toml 2.toml ...' lists them all)"
    assert str(FactBaseError([])) == "invalid fact base"


def test_an_unknown_name_suggests_or_says_what_it_is_instead() -> None:
    assert str(UnknownNameError("topic", "trad", [])) == "unknown topic 'trad'"
    assert str(UnknownNameError("topic", "trad", ["trade", "transport"])) == (
        "unknown topic 'trad'; did you mean trade, transport?")
    hinted = UnknownNameError("fact", "trend-2025-10-27", ["x"], hint="'trend-2025-10-27' is a source, not a fact")
    assert str(hinted) == "'trend-2025-10-27' is a source, not a fact"
    assert (hinted.what, hinted.name, hinted.suggestions) == ("fact", "trend-2025-10-27", ["x"])


def test_a_field_error_lists_the_valid_fields() -> None:
    assert str(FieldError("topics", "colour", ["id", "title"])) == "unknown field 'colour' for topics; valid fields: id, title"
    assert str(FieldError("facts", " ", ["id"])) == "no field named in --fields for facts; valid fields: id"
