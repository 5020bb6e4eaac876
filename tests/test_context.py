"""The environment a command runs in (otsfacts.context): streams, width, cache and colour
switches, and the one-line messages on stderr."""

from __future__ import annotations

import io
import sys

import pytest

from otsfacts.context import MIN_WIDTH, ColorMode, Environment, GuardedStream, OutputClosed, _env_int


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError

    def flush(self) -> None:
        raise BrokenPipeError


def env(**options: object) -> Environment:
    return Environment(stdout=io.StringIO(), stderr=io.StringIO(), **options)  # type: ignore[arg-type]


def test_a_guarded_stream_turns_a_closed_pipe_into_output_closed() -> None:
    with pytest.raises(OutputClosed):
        GuardedStream(ClosedPipe()).write("x")  # type: ignore[arg-type]
    with pytest.raises(OutputClosed):
        GuardedStream(ClosedPipe()).flush()  # type: ignore[arg-type]
    inner = io.StringIO()
    guarded = GuardedStream(inner)
    assert guarded.write("abc") == 3 and guarded.getvalue() == "abc"  # everything else is the stream's
    assert not isinstance(OutputClosed(), OSError)  # click would make a BrokenPipeError exit 1


def test_the_cache_is_used_unless_no_cache_or_otsfacts_no_cache_says_not() -> None:
    assert env().use_cache
    assert env(environ={"OTSFACTS_NO_CACHE": ""}).use_cache and env(environ={"OTSFACTS_NO_CACHE": "0"}).use_cache
    assert not env(environ={"OTSFACTS_NO_CACHE": "1"}).use_cache
    assert not env(no_cache=True).use_cache


def test_flags_only_ever_add_to_what_the_environment_decided() -> None:
    e = env(debug=True, pager=True)
    e.take_flags(debug=False, no_cache=True, no_pager=False, raw_cells=True)
    assert (e.debug, e.no_cache, e.pager, e.raw_cells) == (True, True, True, True)
    e.take_flags(debug=False, no_cache=False, no_pager=True, raw_cells=False)
    assert (e.debug, e.no_cache, e.pager, e.raw_cells) == (True, True, False, True)
    off = env(pager=False)
    off.take_flags(debug=False, no_cache=False, no_pager=False, raw_cells=False)
    assert not off.pager  # a test's pager stays off


@pytest.mark.parametrize(("width", "environ", "columns"), [
    (None, {}, 80),                      # a pipe: 80
    (None, {"COLUMNS": "100"}, 100),     # ... or COLUMNS
    (None, {"COLUMNS": "wide"}, 80),
    (None, {"COLUMNS": "-5"}, 80),
    (None, {"COLUMNS": "20"}, MIN_WIDTH),
    (120, {"COLUMNS": "100"}, 120),      # a width given wins
    (10, {}, MIN_WIDTH),                 # never narrower than a claim can be shown in
])
def test_output_is_laid_out_for_the_width_it_gets(width: int | None, environ: dict[str, str], columns: int) -> None:
    assert env(width=width, environ=environ).columns == columns


def test_env_int_takes_positive_integers_only() -> None:
    assert [_env_int(v) for v in ("12", "0", "-1", "x", "", None)] == [12, None, None, None, None, None]


def test_plain_output_has_no_padding_at_line_ends_and_colour_keeps_its_escapes() -> None:
    from rich.table import Table

    table = Table("a", "b")
    table.add_row("1", "[bold]2[/bold]")  # a cell is never markup
    plain = env(width=40)
    plain.print(table)
    out = plain.stdout.getvalue()  # type: ignore[attr-defined]
    assert out and all(line == line.rstrip() for line in out.splitlines())
    assert "[bold]2[/bold]" in out and "\x1b[" not in out
    coloured = env(width=40, color_mode=ColorMode.ALWAYS)
    coloured.print(table)
    assert "\x1b[" in coloured.stdout.getvalue()  # type: ignore[attr-defined]


def test_an_error_is_one_line_prefixed_and_escaped() -> None:
    e = env()
    e.error("error: bad \x1b[31mname\nsecond line")
    assert e.stderr.getvalue() == "otsfacts: error: bad \\x1b[31mname\\nsecond line\n"  # type: ignore[attr-defined]


def test_a_closed_stderr_loses_the_message_not_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", sys.stderr)  # _silent_stderr makes devnull sys.stderr; put it back after
    e = env()
    e.stderr = ClosedPipe()
    e.error("lost")
    e.error("lost again")  # now into devnull
    assert e.stderr is sys.stderr and e.stderr.name == "/dev/null"  # type: ignore[attr-defined]
    e.stderr.close()


def test_no_progress_bar_off_a_terminal() -> None:
    assert env().progress("Encoding") is None
