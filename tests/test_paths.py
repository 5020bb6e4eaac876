"""Where fact files are (otsfacts.paths): the built-in base, OTSFACTS_PATH and the paths given."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from otsfacts import paths


def test_the_builtin_base_is_the_checkouts_facts_folder() -> None:
    assert paths.builtin_dir() == Path(__file__).resolve().parent.parent / "facts"
    assert any(paths.fact_files([paths.builtin_dir()]))


def test_otsfacts_path_is_split_like_path_skipping_empty_entries() -> None:
    value = os.pathsep.join(["a", "", " ", "b/c.toml"])
    assert paths.env_paths({"OTSFACTS_PATH": value}) == [Path("a"), Path("b/c.toml")]
    assert paths.env_paths({}) == []


def test_a_folder_is_its_toml_files_sorted_depth_first(tmp_path: Path) -> None:
    for name in ("b.toml", "a.toml", "notes.txt", "sub/c.toml", "sub/deeper/d.toml", "a-sub/e.toml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in paths.fact_files([tmp_path])]
    assert found == ["a.toml", "b.toml", "a-sub/e.toml", "sub/c.toml", "sub/deeper/d.toml"]
    # a file is itself, whatever its name, and a missing path too: the loader reports it
    assert list(paths.fact_files([tmp_path / "notes.txt", tmp_path / "missing"])) == [
        tmp_path / "notes.txt", tmp_path / "missing"]


def test_a_file_named_twice_is_listed_once_under_its_first_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "x.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert paths.unique([Path("./x.toml"), Path("x.toml"), tmp_path / "x.toml", Path("y.toml")]) == [
        Path("./x.toml"), Path("y.toml")]


def test_input_files_are_every_file_the_loader_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text("", encoding="utf-8")
    monkeypatch.setenv("OTSFACTS_PATH", str(tmp_path))
    assert paths.input_files([mine, tmp_path / "missing.toml"], builtin=False) == [mine, tmp_path / "missing.toml"]
    assert paths.input_files([], builtin=False, use_env=False) == []
    builtin = paths.input_files(use_env=False)
    assert builtin and all(p.suffix == ".toml" and p.is_file() for p in builtin)
