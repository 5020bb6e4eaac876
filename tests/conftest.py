"""Shared helpers: run the CLI in-process as a terminal or a pipe, or as a real process."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from otsfacts.cli import run
from otsfacts.context import Environment

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_BASE = FIXTURES / "base"
#: The README verify example's my-facts.toml (its archive has a curator's one-letter slip).
MY_FACTS = """
[[source]]
id = "mine-2025"
outlet = "My Outlet"
published = 2025-03-04
language = "en"
speaker = { name = "Cem Ok", role = "Analyst" }
archive = "mine.txt"

[[fact]]
id = "my-corridor-fact"
claim = "Ok says the corridor carries grain."
quote = "the corridor ... carries grain"
source = "mine-2025"
topics = ["transport"]
kind = "statement"
"""
#: The fixture base's topics table, as `otsfacts topics` prints it to an 80-column pipe.
FIXTURE_TOPICS = (
    " Topic       Facts   Title and description\n"
    "────────────────────────────────────────────────────\n"
    " transport       2   Transport corridors\n"
    "                     Roads, railways and corridors.\n"
    " energy          1   Energy\n"
    "                     Power and cables.\n"
)
FIXTURE_ARCHIVE = FIXTURES / "archive"
REPO = Path(__file__).parent.parent
SHARED_SOURCES = REPO.parent / "shared" / "sources"


@dataclass
class Result:
    code: int
    out: str
    err: str


def invoke(*args: str, tty: bool = False, width: int = 80, environ: dict[str, str] | None = None) -> Result:
    """Run ``otsfacts ARGS`` in-process with captured streams (a pipe unless ``tty``)."""
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdout=out, stderr=err, stdout_isatty=tty, environ=environ or {}, width=width)
    code = run(list(args), env)
    return Result(int(code), out.getvalue(), err.getvalue())


def usage_error(err: str, command: str, *parts: str) -> str:
    """``err`` checked to be our one-line usage error of ``command``: ``otsfacts: error: ``,
    then a message holding each of ``parts`` (ours: the option, the value given, the
    choices), then where help is. The words between are click's and may change with it."""
    assert err.startswith("otsfacts: error: ") and err.count("\n") == 1, err
    assert err.endswith(f" (see '{command} --help')\n"), err
    assert all(part in err for part in parts), (err, parts)
    return err


def printed(renderable: object, width: int = 80) -> str:
    """``renderable`` as a command prints it to a pipe ``width`` columns wide."""
    out = io.StringIO()
    Environment(stdout=out, stderr=io.StringIO(), width=width).print(renderable)
    return out.getvalue()


#: An ANSI select-graphic-rendition escape, its parameters captured ("1;2" for bold and dim).
SGR = re.compile("\x1b\\[([0-9;]*)m")


def styles_before(text: str, shown: str) -> set[str]:
    """The SGR parameters of the escapes right before the first ``shown`` in ``text``
    ({"1"}: bold; "2" is dim), however the renderer chose to write or combine them."""
    found = re.search(f"((?:{SGR.pattern})+){re.escape(shown)}", text)
    assert found, (shown, text)
    return {p for params in SGR.findall(found[1]) for p in params.split(";") if p}


def plain(text: str) -> str:
    """``text`` without its colour: each line as a pipe gets it (no padding at line ends)."""
    return "".join(line.rstrip() + "\n" for line in SGR.sub("", text).splitlines())


def fixture(*args: str, **options: object) -> Result:
    """``invoke`` over the small fixture base only."""
    return invoke(*args, "--no-builtin", "--facts", str(FIXTURE_BASE), **options)  # type: ignore[arg-type]


def run_process(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
                **options: object) -> subprocess.CompletedProcess[str]:
    """Run the real command as a child process (``python -m otsfacts``), with real pipes."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("OTSFACTS_", "_OTSFACTS"))}
    # XDG_CACHE_HOME comes from the autouse fixture: a cache of the tests' own
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "otsfacts", *args], capture_output=True, text=True,
        env=full_env, cwd=cwd, timeout=60, **options,  # type: ignore[call-overload]
    )


@pytest.fixture(autouse=True)
def _no_user_paths(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests see only the facts they name, whatever the developer's shell has set, and
    keep their compiled-base cache out of the user's."""
    monkeypatch.delenv("OTSFACTS_PATH", raising=False)
    monkeypatch.delenv("OTSFACTS_DEBUG", raising=False)
    monkeypatch.delenv("OTSFACTS_NO_CACHE", raising=False)
    # child processes run as from a user's shell, streams buffered: PYTHONUNBUFFERED (set in
    # some CI and sandbox shells) would hide what a full stream still holds at exit
    monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
