"""Help and completion show each command's docstring as written: brackets and apostrophes
literal (typer renders both as Rich markup, and quotes zsh descriptions its own way)."""

from __future__ import annotations

import inspect
import re
import subprocess

import pytest

from otsfacts.cli import app, literal_help
from conftest import invoke, run_process

COMMANDS = {info.name or info.callback.__name__: info.callback for info in app.registered_commands}  # type: ignore[union-attr]


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_shows_the_docstring_as_written(name: str) -> None:
    command = "list" if name == "list_facts" else name
    result = invoke(command, "--help", width=400)
    assert result.code == 0
    doc = inspect.cleandoc(COMMANDS[name].__doc__ or "")
    for paragraph in doc.split("\n\n"):
        assert words(paragraph) in words(result.out), (command, paragraph)


def test_new_help_keeps_its_brackets() -> None:
    assert "Print a new [[fact]], [[source]] or [[topic]] entry to fill in" in invoke("new", "--help", width=200).out
    assert "Print a new [[fact]], [[source]] or [[topic]] entry" in invoke("--help", width=200).out


def test_literal_help_escapes_only_what_rich_would_eat() -> None:
    assert literal_help("a [[fact]] entry") == "a [\\[fact]] entry"
    assert literal_help("[ID]... and x[0]") == "[ID]... and x[0]"


def completion(shell: str, line: str) -> str:
    extra = {"_TYPER_COMPLETE_FISH_ACTION": "get-args"} if shell == "fish" else {}
    result = run_process(env={"_OTSFACTS_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": line, **extra})
    assert result.returncode == 0, result.stderr
    return result.stdout


def first_line(name: str) -> str:
    return inspect.cleandoc(COMMANDS[name].__doc__ or "").split("\n")[0]


def test_fish_descriptions_are_the_docstrings() -> None:
    described = dict(line.split("\t", 1) for line in completion("fish", "otsfacts ").splitlines())
    for name in COMMANDS:
        command = "list" if name == "list_facts" else name
        shown = described[command].removesuffix("...")
        assert first_line(name).startswith(shown), (command, shown)
    assert described["new"].startswith("Print a new [[fact]], [[source]] or")


def test_zsh_descriptions_keep_apostrophes_and_brackets() -> None:
    script = completion("zsh", "otsfacts ")
    # zsh reads the line as the shell does (without RC_QUOTES, as bash quotes): let bash do it
    args = subprocess.run(["bash", "-c", script.replace("_arguments ", "printf '%s\\n' ", 1)],
                          capture_output=True, text=True, check=True).stdout
    assert '"verify":"Check facts\' quotes word for word against..."' in args
    assert '"new":"Print a new [[fact]], [[source]] or..."' in args


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_paragraphs_wrap_at_the_terminal_width(name: str) -> None:
    command = "list" if name == "list_facts" else name
    out = "\n".join(line.rstrip() for line in invoke(command, "--help", width=80).out.splitlines())
    # the description: after the usage line, before the first list of arguments or options
    # (however typer frames that list: a Rich panel, or click's plain "Options:"); a blank
    # line may be padded with spaces, so lines are stripped first
    description = re.split(r"\n\W*(?:Arguments|Options)\b", out)[0].split("\n\n")[1:]
    assert description, out
    for paragraph in description:
        lines = [line.rstrip() for line in paragraph.strip("\n").splitlines()]
        if lines and lines[0].strip().startswith("Example:"):
            continue
        # only a paragraph's last line may stop short of the width (typer kept the source's breaks)
        assert all(len(line) > 55 for line in lines[:-1]), (command, lines)
