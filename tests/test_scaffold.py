"""The pieces of ``otsfacts new`` (otsfacts.scaffold): ids, TOML strings, reading and
appending a fact file. The blocks it prints, whole: tests/test_new.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURE_BASE
from otsfacts.errors import OtsfactsError
from otsfacts.scaffold import append_entry, free_id, ids_in, read_entries, suggest_id, toml_string
from otsfacts.store import load_base

BASE = load_base([FIXTURE_BASE], builtin=False, use_env=False)


def test_a_free_id_is_numbered_past_those_taken() -> None:
    assert free_id("x", set()) == "x"
    assert free_id("x", {"x", "x-2"}) == "x-3"


def test_an_id_is_the_claims_first_six_significant_words_or_the_topics() -> None:
    claim = "According to Ada, the Northern Corridor will carry 5 million tons of freight"
    assert suggest_id(BASE, [], claim) == "ada-northern-corridor-carry-5-million"
    assert suggest_id(BASE, [BASE.topics["energy"]]) == "energy-new-fact"
    assert suggest_id(BASE, [], "the of and") == "new-new-fact"
    assert suggest_id(BASE, [], "Cable capacity", taken={"cable-capacity-2"}) == "cable-capacity-3"  # base and file


@pytest.mark.parametrize(("text", "written"), [
    ('say "hi"', '"say \\"hi\\""'), ("back\\slash", '"back\\\\slash"'), ("a\nb\tc", '"a\\nb\\tc"'),
    ("bell\x07 del\x7f", '"bell\\u0007 del\\u007F"'), ("Ünï “x”", '"Ünï “x”"'),
])
def test_toml_string_escapes_what_toml_requires(text: str, written: str) -> None:
    assert toml_string(text) == written
    assert ids_in(f"[[fact]]\nid = {written}\n") == {text}  # and reads back as it was


def test_ids_in_finds_every_tables_ids_and_refuses_what_is_not_toml() -> None:
    text = '\ufeff[[source]]\nid = "s"\n[[topic]]\nid = "t"\n[[fact]]\nid = "f"\n[[fact]]\nid = 3\n'
    assert ids_in(text) == {"s", "t", "f"}
    with pytest.raises(ValueError):
        ids_in("[[fact]\n")


def test_reading_a_missing_file_is_empty_and_a_broken_one_an_error(tmp_path: Path) -> None:
    assert read_entries(None) == ("", set()) and read_entries(tmp_path / "new.toml") == ("", set())
    broken = tmp_path / "broken.toml"
    broken.write_text("[[fact]\n", encoding="utf-8")
    with pytest.raises(OtsfactsError, match=f"^cannot add to {broken}: .* \\(otsfacts check {broken}\\)$"):
        read_entries(broken)


def test_an_entry_is_appended_after_one_blank_line(tmp_path: Path) -> None:
    into = tmp_path / "mine.toml"
    block = '[[topic]]\nid = "ports"\n'
    assert append_entry(into, "", block) == "ports"
    assert into.read_text(encoding="utf-8") == block
    assert append_entry(into, block, '[[topic]]\nid = "roads"\n') == "roads"
    assert into.read_text(encoding="utf-8") == block + '\n[[topic]]\nid = "roads"\n'
    into.write_text("# no newline at the end", encoding="utf-8")
    append_entry(into, "# no newline at the end", block)
    assert into.read_text(encoding="utf-8") == "# no newline at the end\n\n" + block
    with pytest.raises(OtsfactsError, match="^cannot write "):
        append_entry(tmp_path / "missing" / "x.toml", "", block)
