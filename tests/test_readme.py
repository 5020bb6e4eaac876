"""The README's sample outputs are what the tool prints: each ```console block is run and
compared (a block ending in a line "..." shows the beginning of the output)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import REPO, invoke

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, re.S)

# What the verify example's my-facts.toml and my-archive hold: a curator's one-letter slip.
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


def test_the_readme_has_sample_outputs() -> None:
    assert len(BLOCKS) >= 6


@pytest.mark.parametrize("block", BLOCKS, ids=[b.splitlines()[0][2:60] for b in BLOCKS])
def test_sample_output_is_what_the_tool_prints(block: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    command, *expected = block.rstrip("\n").split("\n")
    assert command.startswith("$ otsfacts ")
    if "my-facts.toml" in command:
        monkeypatch.chdir(tmp_path)
        (tmp_path / "my-facts.toml").write_text(MY_FACTS, encoding="utf-8")
        (tmp_path / "my-archive").mkdir()
        (tmp_path / "my-archive" / "mine.txt").write_text("In short, the corridor now carries grian.\n",
                                                           encoding="utf-8")
    out = invoke(*shlex.split(command)[2:], width=80).out.splitlines()
    if expected and expected[-1] == "...":
        expected = expected[:-1]
        out = out[:len(expected)]
    assert out == expected
