"""The README's sample outputs are what the tool prints: each ```console block is run and
compared (a block ending in a line "..." shows the beginning of the output), and each
```pycon block (the Python example) runs as a doctest."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

from conftest import MY_FACTS, REPO, invoke

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, re.S)
PYTHON_BLOCKS = [(README.count("\n", 0, m.start(1)), m.group(1))
                 for m in re.finditer(r"```pycon\n(.*?)```", README, re.S)]


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


def test_the_readme_has_a_python_example() -> None:
    assert len(PYTHON_BLOCKS) == 1


@pytest.mark.parametrize(("line", "block"), PYTHON_BLOCKS, ids=[f"line {n + 1}" for n, _ in PYTHON_BLOCKS])
def test_python_example_prints_what_the_readme_shows(line: int, block: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # beside the curator's my-facts.toml of "Verifying quotes"
    (tmp_path / "my-facts.toml").write_text(MY_FACTS, encoding="utf-8")
    example = doctest.DocTestParser().get_doctest(block, {}, "README.md", str(REPO / "README.md"), line)
    report: list[str] = []
    outcome = doctest.DocTestRunner(verbose=False).run(example, out=report.append)
    assert outcome.attempted >= 10
    assert outcome.failed == 0, "".join(report)
