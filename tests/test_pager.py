"""Tables on a terminal go through a pager (OTSFACTS_PAGER, PAGER, less -R with LESS=FRX);
never in a pipe, never with --no-pager. Real processes on a pseudo-terminal."""

from __future__ import annotations

import io
import os
import pty
import shlex
import subprocess
import sys
from pathlib import Path


from otsfacts.context import Environment
from otsfacts.cli import run
from otsfacts.pager import pager_command
from conftest import FIXTURE_BASE

FIXTURE = ["--no-builtin", "--facts", str(FIXTURE_BASE)]


def recording_pager(tmp_path: Path) -> str:
    """A pager that writes what it was given, and the LESS it saw, to files."""
    script = ("import os, sys; open(sys.argv[1], 'w').write(sys.stdin.read()); "
              "open(sys.argv[2], 'w').write(os.environ.get('LESS', '<unset>'))")
    return shlex.join([sys.executable, "-c", script, str(tmp_path / "paged"), str(tmp_path / "less")])


def on_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run otsfacts with stdout on a pseudo-terminal; what reached the terminal."""
    main, secondary = pty.openpty()
    full = {k: v for k, v in os.environ.items() if not k.startswith(("OTSFACTS_", "_OTSFACTS", "PAGER", "LESS"))}
    full.update(env, COLUMNS="80", NO_COLOR="1")
    process = subprocess.Popen([sys.executable, "-m", "otsfacts", *args], stdout=secondary,
                               stderr=subprocess.PIPE, env=full)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(main)
    assert process.returncode == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_a_table_on_a_terminal_is_paged_with_less_settings(tmp_path: Path) -> None:
    shown = on_terminal(["list", *FIXTURE], {"OTSFACTS_PAGER": recording_pager(tmp_path)})
    paged = (tmp_path / "paged").read_text(encoding="utf-8")
    piped = subprocess.run([sys.executable, "-m", "otsfacts", "list", *FIXTURE], capture_output=True, text=True,
                           env={**os.environ, "COLUMNS": "80"}).stdout
    assert paged == piped  # the same table, whole
    assert shown == ""  # all of it went through the pager
    assert (tmp_path / "less").read_text() == "FRX"


def test_pager_variables_in_order(tmp_path: Path) -> None:
    assert pager_command({"OTSFACTS_PAGER": "most -s", "PAGER": "more"}) == ["most", "-s"]
    assert pager_command({"PAGER": "more"}) == ["more"]
    assert pager_command({"OTSFACTS_PAGER": "", "PAGER": "more"}) is None
    assert pager_command({"PAGER": "cat"}) is None


def test_less_settings_of_the_user_are_kept(tmp_path: Path) -> None:
    on_terminal(["list", *FIXTURE], {"PAGER": recording_pager(tmp_path), "LESS": "S"})
    assert (tmp_path / "less").read_text() == "S"


def test_no_pager_prints_straight_through(tmp_path: Path) -> None:
    for args in (["--no-pager", "list", *FIXTURE], ["list", *FIXTURE, "--no-pager"]):
        shown = on_terminal(args, {"OTSFACTS_PAGER": recording_pager(tmp_path)})
        assert "corridor-opened · event · transport" in shown
        assert not (tmp_path / "paged").exists()


def test_never_in_a_pipe(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "otsfacts", "list", *FIXTURE], capture_output=True, text=True,
                            env={**os.environ, "OTSFACTS_PAGER": recording_pager(tmp_path)})
    assert result.returncode == 0 and "corridor-opened" in result.stdout
    assert not (tmp_path / "paged").exists()


def test_json_is_not_paged(tmp_path: Path) -> None:
    shown = on_terminal(["list", *FIXTURE, "--json"], {"OTSFACTS_PAGER": recording_pager(tmp_path)})
    assert shown.startswith("[")
    assert not (tmp_path / "paged").exists()


def test_a_pager_that_cannot_start_falls_back_to_printing() -> None:
    out = io.StringIO()
    env = Environment(stdout=out, stderr=io.StringIO(), stdout_isatty=True, width=80, pager=True,
                      environ={"OTSFACTS_PAGER": "/nonexistent/pager", "NO_COLOR": "1"})
    assert run(["list", *FIXTURE], env) == 0
    assert "corridor-opened · event · transport" in out.getvalue()
