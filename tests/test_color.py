"""--color auto|always|never, NO_COLOR, FORCE_COLOR and TERM=dumb."""

from __future__ import annotations

import pytest

from otsfacts.context import ColorMode, Environment
from conftest import fixture, plain, styles_before, usage_error


def coloured(*args: str, **options: object) -> bool:
    return "\x1b[" in fixture("topics", *args, **options).out  # type: ignore[arg-type]


def test_color_always_styles_a_piped_table_laid_out_as_the_plain_one() -> None:
    result = fixture("topics", "--color", "always")
    # colour adds escapes only: without them, the same table to the column
    assert plain(result.out) == fixture("topics").out
    # which escapes is Rich's business; which styles is ours: ids and titles bold, descriptions dim
    assert "1" in styles_before(result.out, "transport") and "1" in styles_before(result.out, "Energy")
    assert "2" in styles_before(result.out, "Roads, railways and corridors.")
    assert "2" not in styles_before(result.out, "Transport corridors")


def test_color_never_is_the_plain_table_even_on_a_terminal() -> None:
    assert fixture("topics", "--color", "never", tty=True).out == fixture("topics").out


@pytest.mark.parametrize(("tty", "environ", "auto"), [
    (False, {}, False),                                    # a pipe: plain
    (True, {}, True),                                      # a terminal: colour
    (True, {"NO_COLOR": "1"}, False),                      # no-color.org
    (True, {"NO_COLOR": ""}, True),                        # ... set but empty does not count
    (True, {"TERM": "dumb"}, False),
    (False, {"FORCE_COLOR": "1"}, True),                   # force-color.org, even in a pipe
    (False, {"FORCE_COLOR": "0"}, True),                   # ... whatever its value
    (False, {"FORCE_COLOR": ""}, False),
    (True, {"TERM": "dumb", "FORCE_COLOR": "1"}, True),
    (True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins
])
def test_auto_follows_the_terminal_and_the_environment(tty: bool, environ: dict[str, str], auto: bool) -> None:
    assert coloured(tty=tty, environ=environ) is auto
    assert coloured("--color", "auto", tty=tty, environ=environ) is auto
    # an explicit flag beats every variable
    assert coloured("--color", "always", tty=tty, environ=environ) is True
    assert coloured("--color", "never", tty=tty, environ=environ) is False


def test_environment_color_property() -> None:
    import io

    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), stdout_isatty=True, environ={"NO_COLOR": "x"})
    assert env.color is False
    env.color_mode = ColorMode.ALWAYS
    assert env.color is True


@pytest.mark.parametrize("command", [("search", "wind"), ("list",), ("show", "cable-capacity"), ("sources",),
                                     ("conflicts",)])
def test_every_table_command_takes_color(command: tuple[str, ...]) -> None:
    assert "\x1b[" in fixture(*command, "--color", "always").out
    assert "\x1b[" not in fixture(*command, "--color", "never", tty=True).out


def test_color_does_not_reach_machine_formats() -> None:
    for fmt in ("json", "jsonl", "csv", "tsv", "markdown"):
        assert "\x1b[" not in fixture("list", "--format", fmt, "--color", "always").out


def test_a_bad_color_value_is_a_usage_error() -> None:
    result = fixture("topics", "--color", "sometimes")
    assert result.code == 2
    usage_error(result.err, "otsfacts topics", "--color", "'sometimes'", "'auto'", "'always'", "'never'")
