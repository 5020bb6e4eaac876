"""Loading and validating fact files: every problem names file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from otsfacts.errors import FactBaseError
from otsfacts.store import builtin_dir, load_base
from conftest import FIXTURE_BASE, fixture

SOURCE = """
[[source]]
id = "s1"
outlet = "Outlet"
published = 2025-01-02
language = "en"
speaker = { name = "A Person", role = "Analyst" }
archive = "s1.txt"

[[topic]]
id = "t1"
title = "Topic one"
description = "The first topic."
"""

FACT = """
[[fact]]
id = "f1"
claim = "A claim."
quote = "a quote"
source = "s1"
topics = ["t1"]
kind = "statement"
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(*paths: Path, **options: object) -> list[str]:
    with pytest.raises(FactBaseError) as caught:
        load_base(paths, builtin=False, use_env=False, **options)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


def test_fixture_base_loads_into_records() -> None:
    base = load_base([FIXTURE_BASE], builtin=False, use_env=False)
    assert list(base.facts) == ["corridor-opened", "corridor-not-open", "cable-capacity"]
    cable = base.facts["cable-capacity"]
    assert (cable.value, cable.unit, cable.qualifier, cable.as_of) == (4, "GW", "nearly", "2025")
    assert cable.value_text == "nearly 4 GW"
    assert cable.speaker.name == "Ada Demir"  # the source's speaker by default
    rival = base.facts["corridor-not-open"]
    assert (rival.speaker.name, rival.speaker.reported_by) == ("Bek Aral", "Ada Demir")
    assert base.sources["daily-2025-01-02"].published == "2025-01-02"
    assert base.topic_counts() == {"transport": 2, "energy": 1}
    assert base.source_counts() == {"daily-2025-01-02": 3}


def test_builtin_dir_holds_the_curated_base() -> None:
    assert (builtin_dir() / "sources.toml").is_file()


def test_unknown_and_missing_keys_name_file_fact_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "a.toml", SOURCE + FACT.replace('kind = "statement"', 'colour = "red"'))
    assert problems(path) == [
        f"{path}:16: f1: colour: unknown key",
        f"{path}:16: f1: kind: missing required key",
    ]


def test_dangling_references_are_reported(tmp_path: Path) -> None:
    text = SOURCE + FACT.replace('source = "s1"', 'source = "s9"').replace(
        'topics = ["t1"]', 'topics = ["t1", "t9"]\nconflicts_with = ["f9"]')
    path = write(tmp_path, "a.toml", text)
    assert problems(path) == [
        f"{path}:16: f1: source: unknown source 's9'",
        f"{path}:16: f1: topics: unknown topic 't9'",
        f"{path}:16: f1: conflicts_with: unknown fact 'f9'",
    ]


def test_wrong_types_and_choices(tmp_path: Path) -> None:
    text = SOURCE + FACT.replace('kind = "statement"', 'kind = "rumour"\nvalue = "many"\nqualifier = "roughly"')
    path = write(tmp_path, "a.toml", text)
    found = problems(path)
    assert f"{path}:16: f1: value: must be a number" in found
    assert any("kind: 'rumour' is not one of: figure, event" in p for p in found)
    assert any("qualifier: 'roughly' is not one of" in p for p in found)


def test_duplicate_ids_across_files_name_both_files(tmp_path: Path) -> None:
    first = write(tmp_path, "a.toml", SOURCE + FACT)
    second = write(tmp_path, "b.toml", FACT)
    assert problems(first, second) == [f"{second}:3: f1: id: duplicate fact id, first defined in {first}"]


def test_user_file_may_not_redefine_a_builtin_id_without_override(tmp_path: Path) -> None:
    base = load_base(use_env=False)
    fact = next(iter(base.facts.values()))
    redefined = FACT.replace('id = "f1"', f'id = "{fact.id}"').replace('source = "s1"', f'source = "{fact.source.id}"')
    redefined = redefined.replace('topics = ["t1"]', f'topics = ["{fact.topics[0].id}"]')
    path = write(tmp_path, "mine.toml", redefined)
    with pytest.raises(FactBaseError) as caught:
        load_base([path], use_env=False)
    assert "duplicate fact id" in str(caught.value) and "--override" in str(caught.value)
    replaced = load_base([path], use_env=False, allow_override=True)
    assert replaced.facts[fact.id].claim == "A claim."
    assert len(replaced.facts) == len(base.facts)


def test_toml_syntax_error_reports_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.toml", SOURCE + "\n[[fact]]\nid = \n")
    [problem] = problems(path)
    assert problem == f"{path}:16:6: TOML syntax error: Invalid value"


def test_unreadable_inputs_are_one_problem_each(tmp_path: Path) -> None:
    binary = tmp_path / "latin1.toml"
    binary.write_bytes(b'[[topic]]\nid = "caf\xe9"\n')
    missing = tmp_path / "nowhere.toml"
    assert problems(binary, missing) == [
        f"{missing}: no such file or directory",
        f"{binary}: not UTF-8 text (bad byte at offset 19)",
    ]


def test_a_directory_loads_its_toml_files_in_order(tmp_path: Path) -> None:
    write(tmp_path, "1-sources.toml", SOURCE)
    write(tmp_path, "2-facts.toml", FACT)
    write(tmp_path, "notes.txt", "not a fact file")
    base = load_base([tmp_path], builtin=False, use_env=False)
    assert list(base.facts) == ["f1"]


def test_otsfacts_path_is_read_like_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    first = write(tmp_path, "a.toml", SOURCE)
    second = write(tmp_path, "b.toml", FACT)
    monkeypatch.setenv("OTSFACTS_PATH", f"{first}{os.pathsep}{os.pathsep}{second}")
    base = load_base(builtin=False)
    assert list(base.facts) == ["f1"]


def test_cli_reports_data_errors_in_one_line_with_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "a.toml", SOURCE + FACT.replace('kind = "statement"', 'colour = "red"'))
    result = fixture("list", "--facts", str(path))
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        f"otsfacts: error: {path}:16: f1: kind: missing required key (and 1 more problem: "
        f"'otsfacts check {path}' lists them all)\n"
    )
    assert "Traceback" not in result.err
