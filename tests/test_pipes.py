"""A reader closing the pipe early (``| head``) is no failure: exit 0, nothing on stderr,
whatever the command and format. Real processes under ``set -o pipefail``."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

import pytest

FORMATS = ["table", "json", "jsonl", "csv", "tsv", "markdown"]
LISTINGS = [
    "list", "search corridor -n 0", "timeline", "topics", "sources", "conflicts",
    "show twelfth-summit-venue-baku twelfth-summit-venue-gabala",
]
OTHERS = [
    "cite --all --style bibtex", "schema", "new -s trend-2025-10-27 -t energy",
    "--help", "list --help", "search --help",
]
COMMANDS = [f"{c} --format {f}" for c in LISTINGS for f in FORMATS] + OTHERS


@pytest.mark.parametrize("reader", ["head -1", "head -c 10"])
def test_closed_pipe_exits_0_quietly(reader: str, tmp_path: object) -> None:
    otsfacts = shlex.join([sys.executable, "-m", "otsfacts"])
    script = "set -o pipefail\n" + "".join(
        f"{otsfacts} {command} 2>>\"$ERRORS\" | {reader} >/dev/null; echo \"$? {command}\"\n"
        for command in COMMANDS
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OTSFACTS_", "_OTSFACTS"))}
    env["ERRORS"] = str(tmp_path) + "/errors"  # type: ignore[operator]
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, timeout=300)
    statuses = result.stdout.splitlines()
    assert statuses == [f"0 {command}" for command in COMMANDS]
    assert open(env["ERRORS"], encoding="utf-8").read() == ""
