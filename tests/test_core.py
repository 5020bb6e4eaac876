"""The entry point's one error boundary (otsfacts.core), around a small app of its own:
library errors, usage errors, bugs and Ctrl-C each become one line and an exit status."""

from __future__ import annotations

import io
from typing import Any

import pytest
import typer

from otsfacts import core
from otsfacts.context import Environment
from otsfacts.errors import NothingFound, QueryError

SETTINGS: dict[str, Any] = dict(cls=core.Commands, name="otsfacts", no_args_is_help=True,
                                pretty_exceptions_enable=False)
app = typer.Typer(**SETTINGS)


@app.callback()
def _root(ctx: typer.Context, debug: bool = typer.Option(False, "--debug")) -> None:
    Environment.of(ctx).debug = Environment.of(ctx).debug or debug


@app.command()
def fail(what: str) -> None:
    if what == "nothing":
        raise NothingFound("no fact answers 'x'")
    if what == "query":
        raise QueryError("empty query")
    if what == "interrupt":
        raise KeyboardInterrupt
    if what == "bug":
        raise RuntimeError("boom\nsecond line")
    print(f"fine: {what}")


@app.command()
def other() -> None:
    print("other")


def run(*args: str, environ: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = core.run(app, SETTINGS, list(args), Environment(stdout=out, stderr=err, environ=environ or {}))
    return int(status), out.getvalue(), err.getvalue()


def test_a_command_that_works_exits_0() -> None:
    assert run("fail", "ok") == (0, "fine: ok\n", "")


def test_library_errors_are_one_line_with_their_status() -> None:
    assert run("fail", "nothing") == (1, "", "otsfacts: no fact answers 'x'\n")  # not an error: no "error:"
    assert run("fail", "query") == (2, "", "otsfacts: error: empty query\n")


def test_a_bug_is_one_line_unless_debug_asks_for_the_traceback() -> None:
    assert run("fail", "bug") == (
        2, "", "otsfacts: internal error: RuntimeError: boom\\nsecond line (rerun with --debug for details)\n")
    with pytest.raises(RuntimeError, match="boom"):
        run("--debug", "fail", "bug")
    with pytest.raises(RuntimeError, match="boom"):
        run("fail", "bug", environ={"OTSFACTS_DEBUG": "1"})
    assert run("fail", "bug", environ={"OTSFACTS_DEBUG": "0"})[0] == 2


def test_ctrl_c_is_130() -> None:
    assert run("fail", "interrupt") == (130, "", "")


def test_a_usage_error_is_one_line_pointing_at_the_commands_help() -> None:
    status, out, err = run("fail")
    assert (status, out) == (2, "")
    assert err.startswith("otsfacts: error: ") and err.endswith(" (see 'otsfacts fail --help')\n")
    assert err.count("\n") == 1


def test_no_command_is_the_help_and_success() -> None:
    status, out, err = run()
    assert (status, err) == (0, "") and "fail" in out and "other" in out


def test_global_flags_are_hoisted_before_the_command_but_not_past_a_double_dash() -> None:
    hoist = core.hoist_global_flags
    assert hoist(["search", "x", "--no-cache", "-n", "1", "--debug"]) == ["--no-cache", "--debug", "search", "x",
                                                                          "-n", "1"]
    assert hoist(["search", "--", "--debug"]) == ["search", "--", "--debug"]  # a query word
    assert hoist(["search", "x", "--raw-cells", "--", "--no-pager"]) == ["--raw-cells", "search", "x", "--",
                                                                          "--no-pager"]
    args = ["list", "-n", "2"]
    assert hoist(args) is args


def test_only_the_command_named_is_built() -> None:
    single = core.app_for(app, SETTINGS, ["--debug", "fail", "x"], {})
    assert [c.callback.__name__ for c in single.registered_commands] == ["fail"]  # type: ignore[union-attr]
    for whole in (["--help"], ["flail"], [], ["--version", "fail"]):
        assert core.app_for(app, SETTINGS, whole, {}) is app
    # completing: the words typed before the cursor name the command
    completing = {"_OTSFACTS_COMPLETE": "complete_bash", "COMP_WORDS": "otsfacts other ", "COMP_CWORD": "2"}
    assert [c.callback.__name__ for c in core.app_for(app, SETTINGS, [], completing).registered_commands] == [
        "other"]  # type: ignore[union-attr]
    assert core.app_for(app, SETTINGS, [], {"_OTSFACTS_COMPLETE": "complete_zsh",
                                            "_TYPER_COMPLETE_ARGS": "otsfacts oth"}) is app
