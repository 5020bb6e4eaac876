"""Input paths: one file named twice is read once; a bad OTSFACTS_PATH entry names the
variable; loading errors point to check; a byte-order mark is accepted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FIXTURE_BASE, fixture, invoke

FILE = FIXTURE_BASE / "base.toml"
IDS = ["corridor-opened", "corridor-not-open", "cable-capacity"]


def listed(*args: str, environ: dict[str, str] | None = None) -> list[str]:
    result = invoke("list", "--no-builtin", *args, "--format", "tsv", "--fields", "id", environ=environ)
    assert (result.code, result.err) == (0, ""), result.err
    return result.out.splitlines()[1:]


def test_a_folder_and_a_file_in_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert listed("--facts", str(FIXTURE_BASE), "--facts", str(FILE)) == IDS


def test_the_same_file_by_two_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURE_BASE)
    assert listed("--facts", "base.toml", "--facts", "./base.toml", "--facts", str(FILE)) == IDS


def test_otsfacts_path_and_facts_naming_the_same_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTSFACTS_PATH", str(FIXTURE_BASE))
    assert listed("--facts", str(FIXTURE_BASE)) == IDS
    assert listed("--facts", str(FILE), "--no-cache") == IDS


def test_a_missing_otsfacts_path_entry_names_the_variable(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    monkeypatch.setenv("OTSFACTS_PATH", f"{FIXTURE_BASE}{os.pathsep}{missing}")
    result = invoke("list", "--no-builtin")
    assert (result.code, result.err) == (
        2, f"otsfacts: error: {missing}: no such file or directory (named by OTSFACTS_PATH)\n")
    monkeypatch.delenv("OTSFACTS_PATH")
    named = invoke("list", "--no-builtin", "--facts", str(missing))
    assert named.err == f"otsfacts: error: {missing}: no such file or directory\n"


def test_loading_errors_point_to_check(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(FILE.read_text(encoding="utf-8").replace('kind = "plan"', 'kind = "rumour"')
                   .replace('kind = "event"', 'kind = "gossip"'), encoding="utf-8")
    result = invoke("list", "--no-builtin", "--facts", str(bad))
    assert result.code == 2
    assert result.err.endswith(f" (and 1 more problem: 'otsfacts check {bad}' lists them all)\n")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    marked = tmp_path / "marked.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + FILE.read_bytes())
    assert listed("--facts", str(marked)) == IDS
    checked = invoke("check", "--no-builtin", str(marked))
    assert checked.code == 0, checked.out


def test_global_options_after_the_command() -> None:
    for args in (["search", "wind", "--no-cache"], ["--no-cache", "search", "wind"],
                 ["search", "--debug", "wind", "--no-cache"]):
        result = fixture(*args, "--format", "tsv", "--fields", "id")
        assert (result.code, result.out, result.err) == (0, "id\ncable-capacity\n", ""), args


def test_a_global_option_after_double_dash_is_a_query_word() -> None:
    result = invoke("search", "--no-builtin", "--facts", str(FIXTURE_BASE), "--", "--no-cache")
    # searched for, not taken as the option (nor refused as an unknown one)
    assert (result.code, result.out, result.err) == (1, "", "otsfacts: no fact answers '--no-cache'\n")


def test_search_for_a_single_letter_finds_nothing_rather_than_calling_it_punctuation() -> None:
    result = fixture("search", "x")
    assert (result.code, result.out) == (1, "")
    assert result.err == "otsfacts: no fact answers 'x': words of one letter are too short to search for\n"
    assert fixture("search", "!!").err.startswith("otsfacts: error: query has no words")
