"""The command line's options, declared once (otsfacts.options): the parsers of their values
and the groups spread into each command's signature.

No ``__future__`` annotations: grouped() reads the commands' annotations as the types they
are, as typer does (otsfacts/cli.py has none either)."""

import inspect
from pathlib import Path

import pytest
import typer

from otsfacts.options import (
    Filtering,
    Loading,
    Printing,
    check_sort,
    grouped,
    is_utf8,
    parse_min_score,
    parse_path,
)


def test_a_path_may_not_be_empty() -> None:
    assert parse_path("facts/x.toml") == Path("facts/x.toml")
    assert parse_path(Path("x")) == Path("x")
    with pytest.raises(typer.BadParameter, match="^an empty path names no file$"):
        parse_path("")


def test_utf8_text_is_told_from_undecodable_bytes() -> None:
    assert is_utf8("café “x”") and not is_utf8("caf\udce9")


def test_sort_orders() -> None:
    for order in ("score", "date", "id"):
        check_sort(order)
    with pytest.raises(typer.BadParameter, match="^'size' is not one of score, date, id$"):
        check_sort("size")


@pytest.mark.parametrize(("given", "number"), [("0", 0.0), ("50", 50.0), ("99.5", 99.5), ("100", 100.0)])
def test_min_score_is_a_number_from_0_to_100(given: str, number: float) -> None:
    assert parse_min_score(given) == number


@pytest.mark.parametrize(("given", "message"), [
    ("nan", "nan is not a number from 0 to 100"), ("inf", "inf is not a number from 0 to 100"),
    ("-1", "-1 is not a number from 0 to 100"), ("100.5", "100.5 is not a number from 0 to 100"),
    ("high", "'high' is not a number"),
])
def test_min_score_refuses_the_rest(given: str, message: str) -> None:
    with pytest.raises(typer.BadParameter) as refused:
        parse_min_score(given)
    assert refused.value.message == message


def test_a_group_is_spread_into_its_options_and_handed_back_as_one_value() -> None:
    seen: dict[str, object] = {}

    def command(ctx: object, *, query: str, out: Printing, load: Loading) -> None:
        """A command."""
        seen.update(query=query, out=out, load=load)

    typed = grouped(command)
    names = list(inspect.signature(typed).parameters)
    assert names == ["ctx", "query", "fmt", "fields", "json", "color", "facts", "no_builtin", "override"]
    assert typed.__doc__ == "A command." and typed.__name__ == "command"
    typed(ctx=None, query="x", fmt=None, fields="id", json=True, color=None, facts=None, no_builtin=True,
          override=False)
    assert seen == {"query": "x", "out": Printing(None, "id", True, None), "load": Loading(None, True, False)}


def test_the_filter_group_lists_its_options_in_help_order() -> None:
    def command(*, filters: Filtering) -> None:
        pass

    assert list(inspect.signature(grouped(command)).parameters) == list(Filtering._fields) == [
        "topic", "source", "kind", "speaker", "since", "until"]
